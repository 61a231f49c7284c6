"""``proposals submit|review|merge|assign|reply|rate|excellent|supervise`` (issue 20): every
step of a proposal's life from the command line.

Each command prints one line, or with ``--json`` the proposal as ``proposals list --json``
shows it (same keys). Exit codes as everywhere: 0 done, 1 data error (Chinese message on
stderr, nothing written), 2 usage.
"""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, options
from guilin_union.cli.congress import session_report
from guilin_union.cli.lines import row_line
from guilin_union.cli.option import ArgAdder, date_opt, flag, opt, session_opt
from guilin_union.cli.table import JSON, SESSION, Command, add_commands, add_reports


def resolve_member(db: Any, value: str, label: str = "人员") -> int:
    """A member by 工号, 会员编号, internal id or (unique) name."""
    from guilin_union.core.errors import ValidationError

    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{label}")
    for column in ("staff_no", "member_no"):
        row = db.execute(f"SELECT id FROM members WHERE {column} = ?", [text]).fetchall()
        if len(row) == 1:
            return int(row[0][0])
    if text.isdigit():
        row = db.execute("SELECT id FROM members WHERE id = ?", [int(text)]).fetchone()
        if row:
            return int(row[0])
    rows = db.execute("SELECT id FROM members WHERE name = ?", [text]).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if len(rows) > 1:
        raise ValidationError(f"{label}“{text}”有 {len(rows)} 位同名会员，请改用工号")
    raise ValidationError(f"找不到{label}“{text}”（可写工号、会员编号或姓名）")


def resolve_proposal(db: Any, value: str) -> int:
    """A proposal by its number (``2024-001``, prefixes are unique) or its internal id."""
    from guilin_union.core.errors import NotFoundError

    text = (value or "").strip()
    rows = db.execute(
        "SELECT id FROM proposals WHERE number = ? OR suggestion_number = ?", [text, text]
    ).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if text.isdigit():
        row = db.execute("SELECT id FROM proposals WHERE id = ?", [int(text)]).fetchone()
        if row:
            return int(row[0])
    raise NotFoundError(f"没有编号为“{text}”的提案")


def resolve_department(db: Any, name: str) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services import proposals

    found = proposals.department_id(db, name)
    if found is None:
        names = "、".join(d.name for d in proposals.list_departments(db))
        raise ValidationError(f"没有部门“{name}”。现有部门：{names}")
    return found


def _show(args: argparse.Namespace, ctx: CliContext, proposal_id: int, message: str) -> int:
    from guilin_union.services.proposals.query import fetch_rows, handling_status, to_public_json

    row = fetch_rows(ctx.db, [proposal_id])[proposal_id]
    if getattr(args, "json", False):
        emit_json(to_public_json(row))
    else:
        emit(
            f"{row['number']}“{row['title']}”：{message}（{row['review_text']}，{handling_status(row)}）"
        )
    return 0


PROPOSAL_JSON = flag("--json", "以 JSON 输出（同 proposals list 的一项）")


def _proposal_opt(name: str, help_text: str | None = None, **kwargs: Any) -> ArgAdder:
    """A proposal by its number (read by :func:`resolve_proposal`), shown as ``NUMBER``."""
    return opt(name, metavar="NUMBER", help=help_text, **kwargs)


NUMBER = _proposal_opt("number")
NOTE = opt("--note", help="备注")


def _date(what: str) -> ArgAdder:
    return date_opt("--date", f"{what}日期（默认今天）")


def register(psub: argparse._SubParsersAction) -> None:
    from guilin_union.core.proposals import OUTCOMES, RATINGS, REVIEW_LEVELS

    steps: list[Command] = [
        (
            "submit",
            "录入一件提案（按提案规则检查）",
            [
                session_opt("--session", "会议编号或 current", required=True),
                opt("--title", required=True, help="案由"),
                opt("--category", required=True, help="类别"),
                opt("--proposer", metavar="工号/姓名", help="提案人（个人提案）"),
                opt("--delegation", metavar="NAME", help="提出集体提案的代表团"),
                opt(
                    "--seconder",
                    action="append",
                    default=[],
                    metavar="工号/姓名",
                    help="附议人（可重复）",
                ),
                opt("--reasons", default="", help="理由"),
                opt("--suggestions", default="", help="建议"),
                _date("提交"),
                opt("--late-reason", help="逾期提交的原因"),
                session_opt("--report-session", "闭会期间提案：提交给哪次会议"),
                flag("--confirm-duplicate", "案由相近时确认仍提交"),
            ],
            cmd_submit,
        ),
        (
            "review",
            "审查：立案、转意见建议、不立案或撤案",
            [
                _proposal_opt("number", "提案编号，如 2024-001"),
                opt(
                    "--result",
                    required=True,
                    choices=("立案", "转意见建议", "不立案", "撤案"),
                    help="审查结果",
                ),
                opt("--level", choices=REVIEW_LEVELS, default="一般", help="立案类别"),
                opt("--reason", help="不立案的理由（必填）"),
                NOTE,
                _date("审查"),
            ],
            cmd_review,
        ),
        (
            "merge",
            "并案：把一件提案并入另一件（可并入意见建议）",
            [
                _proposal_opt("number", "被并入的提案"),
                _proposal_opt("--into", "并入到哪一件", required=True),
                NOTE,
                _date(""),
            ],
            cmd_merge,
        ),
        (
            "assign",
            "交办（立案、转意见建议、不立案均可）",
            [
                NUMBER,
                opt("--lead", required=True, metavar="部门", help="主办单位"),
                opt("--co", action="append", default=[], metavar="部门", help="协办单位（可重复）"),
                _date("交办"),
                date_opt("--deadline", "答复期限（默认按审查结果的设置）"),
            ],
            cmd_assign,
        ),
        (
            "reply",
            "录入承办单位的答复",
            [
                NUMBER,
                opt("--text", required=True, help="答复内容"),
                opt("--outcome", choices=OUTCOMES, help="落实情况（意见建议和不立案可不填）"),
                opt("--reason", help="未能落实的原因"),
                _date("答复"),
            ],
            cmd_reply,
        ),
        (
            "rate",
            "录入提案人的评价（不满意须写原因，并重新办理）",
            [
                NUMBER,
                opt("--rating", required=True, choices=RATINGS),
                opt("--note", help="评价意见（不满意时必填）"),
                _date("评价"),
                date_opt("--deadline", "不满意时新的答复期限"),
            ],
            cmd_rate,
        ),
        (
            "excellent",
            "评为优秀提案（--undo 撤销）",
            [
                NUMBER,
                _date("评选"),
                opt("--note", help="备注（如“校级优秀提案”）"),
                flag("--undo", "撤销优秀提案"),
            ],
            cmd_excellent,
        ),
        ("excellent-list", "某次会议的优秀提案名单", [SESSION, JSON], cmd_excellent_list),
        (
            "supervise",
            "指定督办（包案）委员；--clear 取消",
            [
                NUMBER,
                opt("--member", metavar="工号/姓名", help="督办委员"),
                flag("--clear", "取消督办委员"),
            ],
            cmd_supervise,
        ),
        ("supervisors", "按督办委员列出其督办的提案", [SESSION, JSON], cmd_supervisors),
    ]
    # The steps on one proposal answer with it (``--json`` as in ``proposals list``).
    add_commands(
        psub,
        [
            (name, text, options if JSON in options else [*options, PROPOSAL_JSON], handler)
            for name, text, options, handler in steps
        ],
    )


def cmd_submit(args: argparse.Namespace, ctx: CliContext) -> int:
    import datetime as _dt

    from guilin_union.cli.congress import resolve_delegation, resolve_session
    from guilin_union.services import proposals

    db = ctx.db
    session_id = resolve_session(db, args.session)
    data: dict[str, Any] = {
        "title": args.title,
        "category": args.category,
        "reasons": args.reasons,
        "suggestions": args.suggestions,
        "submitted_on": args.date or _dt.date.today().isoformat(),
        "late_reason": args.late_reason,
        "seconder_ids": [resolve_member(db, s, "附议人") for s in args.seconder],
    }
    if args.delegation:
        data["kind"] = "集体"
        data["delegation_id"] = resolve_delegation(db, session_id, args.delegation)
    if args.proposer:
        data["proposer_member_id"] = resolve_member(db, args.proposer, "提案人")
    if args.report_session:
        data["report_session_id"] = resolve_session(db, args.report_session)
    pid = proposals.submit_proposal(
        db, session_id, data, confirm_duplicate=args.confirm_duplicate
    ).row_id
    return _show(args, ctx, pid, "已提交")


def cmd_review(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import proposals

    pid = resolve_proposal(ctx.db, args.number)
    if args.result == "立案":
        proposals.accept(ctx.db, pid, level=args.level, on=args.date, note=args.note)
    elif args.result == "转意见建议":
        proposals.to_suggestion(ctx.db, pid, on=args.date, note=args.note)
    elif args.result == "不立案":
        proposals.reject(ctx.db, pid, reason=args.reason or "", on=args.date)
    else:
        proposals.withdraw(ctx.db, pid, on=args.date, note=args.note)
    return _show(args, ctx, pid, f"审查结果：{args.result}")


def cmd_merge(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import proposals

    source = resolve_proposal(ctx.db, args.number)
    target = resolve_proposal(ctx.db, args.into)
    proposals.merge(ctx.db, source, target, on=args.date, note=args.note)
    return _show(args, ctx, target, f"已并入 {args.number}")


def cmd_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals import handling

    pid = resolve_proposal(ctx.db, args.number)
    handling.assign(
        ctx.db,
        pid,
        lead_department_id=resolve_department(ctx.db, args.lead),
        co_department_ids=[resolve_department(ctx.db, c) for c in args.co],
        on=args.date,
        reply_deadline=args.deadline,
    )
    return _show(args, ctx, pid, f"已交办{args.lead}")


def cmd_reply(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals import handling

    pid = resolve_proposal(ctx.db, args.number)
    handling.reply(ctx.db, pid, on=args.date, **options(args, "text", "outcome", "reason"))
    return _show(args, ctx, pid, "已录入答复")


def cmd_rate(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals import handling

    pid = resolve_proposal(ctx.db, args.number)
    handling.rate(
        ctx.db, pid, rating=args.rating, on=args.date, note=args.note, reply_deadline=args.deadline
    )
    return _show(args, ctx, pid, f"评价：{args.rating}")


def cmd_excellent(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import proposals

    pid = resolve_proposal(ctx.db, args.number)
    if args.undo:
        proposals.unmark_excellent(ctx.db, pid)
        return _show(args, ctx, pid, "已撤销优秀提案")
    proposals.mark_excellent(ctx.db, pid, on=args.date, note=args.note)
    return _show(args, ctx, pid, "已评为优秀提案")


def cmd_excellent_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services import proposals

    rows = proposals.excellent_list(ctx.db, resolve_session(ctx.db, args.session))
    return emit_listing(
        rows,
        as_json=args.json,
        line=row_line("number", "title", "proposer", "excellent_on"),
        total=f"共 {len(rows)} 件优秀提案",
    )


def cmd_supervise(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services import proposals

    pid = resolve_proposal(ctx.db, args.number)
    if args.clear:
        proposals.set_supervisor(ctx.db, pid, None)
        return _show(args, ctx, pid, "已取消督办委员")
    if not args.member:
        raise ValidationError("请用 --member 指定督办委员，或用 --clear 取消")
    proposals.set_supervisor(ctx.db, pid, resolve_member(ctx.db, args.member, "督办委员"))
    return _show(args, ctx, pid, "已指定督办委员")


def cmd_supervisors(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services import proposals

    rows = proposals.supervisor_lists(ctx.db, resolve_session(ctx.db, args.session))
    if args.json:
        emit_json(rows)
        return 0
    for r in rows:
        emit(f"{r['name']}：" + "、".join(p["number"] for p in r["proposals"]))
    return 0


# --------------------------------------------------------------------------- printouts


def register_reports(report_sub: argparse._SubParsersAction) -> None:
    from guilin_union.cli.congress import add_session_arg

    add_reports(
        report_sub,
        [
            ("proposal-excellent", [add_session_arg], cmd_report_excellent),
            ("proposal-supervision", [add_session_arg], cmd_report_supervision),
        ],
    )
    add_commands(
        report_sub,
        [
            (
                "proposal-report-docx",
                None,
                [
                    add_session_arg,
                    opt(
                        "-o",
                        "--output",
                        required=True,
                        metavar="FILE.docx",
                        help="输出文件（.docx；.pdf 为 PDF 稿）",
                    ),
                ],
                cmd_report_docx,
            ),
        ],
    )


cmd_report_excellent = session_report(
    "guilin_union.services.proposals.printouts", "excellent_pdf", "优秀提案名单", "件"
)


def cmd_report_docx(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services.proposals.printouts import work_report_docx

    path = work_report_docx(ctx.db, resolve_session(ctx.db, args.session), args.output)
    kind = "Word 草稿" if str(path).lower().endswith(".docx") else "PDF 稿"
    emit(f"已生成提案工作报告（{kind}）：{path}")
    return 0


cmd_report_supervision = session_report(
    "guilin_union.services.proposals.printouts", "supervision_pdf", "督办提案清单", "位督办委员"
)
