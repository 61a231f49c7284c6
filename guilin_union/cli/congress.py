"""``congress`` commands (sessions, delegates, sign-in, imports) and the congress printouts.

JSON shapes are a contract (issue 4): ``congress sessions --json`` → list of
``{"id", "title", "start_date", "end_date", "status", "delegates": {...}}``;
``congress attendance --session ID --json`` → ``{"应到", "实到", "quorum_met", ...}``.
"""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, finish_import, import_file
from guilin_union.cli.lines import tab_line
from guilin_union.cli.option import count_opt, flag, opt, session_opt
from guilin_union.cli.table import JSON, add_area, add_commands, add_output_arg, import_options

add_session_arg = session_opt(
    "--session", "会议编号（congress sessions 可查看；也可写 current 表示当前会议）", required=True
)


def resolve_session(db: Any, value: str) -> int:
    """``--session`` as a number, or ``current`` for the session being worked on."""
    from guilin_union.core.errors import NotFoundError, ValidationError
    from guilin_union.services import congress

    if value.strip().lower() in ("current", "当前"):
        session_id = congress.current_session_id(db)
        if session_id is None:
            raise NotFoundError("还没有任何会议，请先用图形界面创建届次和会议")
        return session_id
    if not value.strip().isdigit():
        raise ValidationError(f"会议编号应为数字，现为“{value}”")
    return congress.get_session(db, int(value)).id


def resolve_delegation(db: Any, session_id: int, name: str) -> int:
    """The id of the delegation ``name`` of the session's term."""
    from guilin_union.core.errors import ValidationError

    row = db.execute(
        "SELECT g.id FROM congress_delegations g JOIN congress_sessions s ON s.term_id = g.term_id"
        " WHERE s.id = ? AND g.name = ?",
        [session_id, name.strip()],
    ).fetchone()
    if row is None:
        raise ValidationError(f"本届没有代表团“{name}”")
    return int(row[0])


def session_report(module: str, name: str, what: str, unit: str = "", **options: str) -> Any:
    """The handler of a report of one session (``--session``, ``-o``): ``module.name(db,
    session_id, output, **{keyword: args.<attribute>})`` for each ``keyword=attribute`` of
    ``options`` returns the path, or ``(path, n)`` said as "（n unit）"."""

    def handler(args: argparse.Namespace, ctx: CliContext) -> int:
        import importlib

        build = getattr(importlib.import_module(module), name)
        extra = {keyword: getattr(args, attribute) for keyword, attribute in options.items()}
        out = build(ctx.db, resolve_session(ctx.db, args.session), args.output, **extra)
        path, n = out if isinstance(out, tuple) else (out, None)
        emit(f"已生成{what}（{n} {unit}）：{path}" if n is not None else f"已生成{what}：{path}")
        return 0

    return handler


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    csub = add_area(sub, "congress", "教代会：会议、代表、签到")
    add_commands(
        csub,
        [
            ("sessions", "列出各届各次会议及代表人数", [JSON], cmd_sessions),
            (
                "delegates",
                "列出某次会议的代表（以会议日期为准）",
                [add_session_arg, JSON],
                cmd_delegates,
            ),
            ("attendance", "某次会议的签到情况与法定人数", [add_session_arg, JSON], cmd_attendance),
            ("votes", "某次会议的表决结果", [add_session_arg, JSON], cmd_votes),
            (
                "import-delegates",
                "从 Excel 导入某届的代表名单（按身份证号或工号匹配会员）",
                import_options(
                    opt(
                        "--term",
                        required=True,
                        type=int,
                        metavar="ID",
                        help="届次编号（congress sessions 中的 term_id）",
                    )
                ),
                cmd_import_delegates,
            ),
            (
                "import-attendance",
                "从 Excel 导入某次会议的签到情况",
                import_options(add_session_arg),
                cmd_import_attendance,
            ),
        ],
    )

    from guilin_union.cli import congress_steps

    congress_steps.register(csub)  # issue 20: a command for every step
    congress_steps.register_reports(report_sub)

    session_output = [add_session_arg, add_output_arg]
    add_commands(
        report_sub,
        [
            ("agenda", None, session_output, cmd_report_agenda),
            ("delegates", None, session_output, cmd_report_delegates),
            (
                "signin",
                None,
                [
                    *session_output,
                    flag("--with-counts", "填入已记录的实到人数（会后存档用）"),
                ],
                cmd_report_signin,
            ),
            (
                "ballot",
                None,
                [
                    *session_output,
                    count_opt("--copies", "张数（默认为正式代表人数）"),
                    flag("--one-per-page", "一页一张（默认一页多张，便于裁切）"),
                ],
                cmd_report_ballot,
            ),
            ("vote-results", None, session_output, cmd_report_vote_results),
        ],
    )


def session_json(db: Any, session: Any) -> dict[str, Any]:
    from guilin_union.services.congress import delegates

    counts = delegates.counts_by_type(db, session.term_id, session.date)
    return {
        "id": session.id,
        "term_id": session.term_id,
        "term": session.term_number,
        "meeting_no": session.meeting_no,
        "title": session.title,
        "start_date": session.start_date,
        "end_date": session.end_date,
        "venue": session.venue,
        "status": session.status,
        "proposal_deadline": session.proposal_deadline,
        "reply_deadline": session.reply_deadline,
        "delegates": counts,
        "formal_delegates": counts.get("正式代表", 0),
        "delegate_total": sum(counts.values()),
    }


def cmd_sessions(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import congress

    data = [session_json(ctx.db, s) for s in congress.list_sessions(ctx.db)]

    def line(s: dict[str, Any]) -> str:
        counts = s["delegates"]
        dates = s["start_date"] + (
            f"至{s['end_date']}" if s["end_date"] and s["end_date"] != s["start_date"] else ""
        )
        return (
            f"{s['id']}\t{s['title']}\t{dates}\t{s['status']}\t正式代表 {counts['正式代表']} 人，"
            f"列席 {counts['列席代表']} 人，特邀 {counts['特邀代表']} 人"
        )

    return emit_listing(data, as_json=args.json, line=line, total=f"共 {len(data)} 次会议")


def delegate_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "member_id": row["member_id"],
        "name": row["name"],
        "gender": row["gender"],
        "branch": row["branch"],
        "department": row["department"],
        "title": row["title"],
        "delegation": row["delegation"],
        "type": row["delegate_type"],
        "category": row["category"],
        "is_head": bool(row["is_head"]),
        "start_date": row["start_date"],
        "end_date": row["end_date"],
        "start_reason": row["start_reason"],
        # issue 20: a 列席 continuation of a former 正式代表 is marked
        "continues_id": row.get("continues_id"),
        "continuation": row.get("continues_id") is not None,
        "member_status": row.get("member_status"),
    }


def cmd_delegates(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import delegates

    session_id = resolve_session(ctx.db, args.session)
    rows = delegates.session_delegates(ctx.db, session_id)
    formal = sum(1 for r in rows if r["delegate_type"] == "正式代表")
    return emit_listing(
        rows,
        as_json=args.json,
        line=lambda r: tab_line(
            r["delegation"] or "（未分团）",
            r["name"],
            r["gender"],
            r["delegate_type"],
            r["category"],
            "团长" if r["is_head"] else "",
        ).rstrip(),
        total=f"共 {len(rows)} 人，其中正式代表 {formal} 人",
        json_row=delegate_json,
    )


def cmd_attendance(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress.attendance import attendance_summary

    summary = attendance_summary(ctx.db, resolve_session(ctx.db, args.session))
    if args.json:
        emit_json(summary.to_json())
        return 0
    emit(
        f"应到 {summary.expected} 人，实到 {summary.present} 人，请假 {summary.on_leave} 人，"
        f"缺席 {summary.absent} 人，未签到 {summary.unmarked} 人"
    )
    emit(summary.status_text)
    return 0


def cmd_votes(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress.votes import vote_summary

    summary = vote_summary(ctx.db, resolve_session(ctx.db, args.session))
    data = [{"id": r.motion.id, "title": r.motion.title, **r.votes_json()} for r in summary.results]
    if args.json:
        emit_json({"session_id": summary.session.id, "rule": summary.rule_text, "motions": data})
        return 0
    emit(f"表决规则：{summary.rule_text}")
    for d in data:
        counts = (
            ""
            if d["yes"] is None
            else f"同意 {d['yes']}，反对 {d['no']}，弃权 {d['abstain']}，未投 {d['not_voted']}"
        )
        emit(f"{d['title']}\t{counts}\t{d['result']}")
    return 0


def cmd_import_delegates(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import congress
    from guilin_union.services.congress.importer import DelegateImporter

    congress.get_term(ctx.db, args.term)
    outcome = import_file(args, ctx, DelegateImporter(args.term))
    return finish_import(args, outcome)


def cmd_import_attendance(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress.importer import AttendanceImporter

    session_id = resolve_session(ctx.db, args.session)
    outcome = import_file(args, ctx, AttendanceImporter(session_id))
    return finish_import(args, outcome)


cmd_report_agenda = session_report(
    "guilin_union.services.congress.outputs", "agenda_pdf", "会议议程"
)


cmd_report_delegates = session_report(
    "guilin_union.services.congress.outputs", "delegates_pdf", "代表名册", "人"
)


cmd_report_signin = session_report(
    "guilin_union.services.congress.outputs",
    "signin_pdf",
    "签到表",
    "个代表团",
    with_counts="with_counts",
)


cmd_report_ballot = session_report(
    "guilin_union.services.congress.outputs",
    "ballot_pdf",
    "表决票",
    "张",
    copies="copies",
    one_per_page="one_per_page",
)


cmd_report_vote_results = session_report(
    "guilin_union.services.congress.outputs", "vote_results_pdf", "表决结果"
)
