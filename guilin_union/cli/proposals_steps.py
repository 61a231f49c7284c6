"""``proposals submit|review|merge|assign|reply|rate|excellent|supervise`` (issue 20): every
step of a proposal's life from the command line.

Each command prints one line, or with ``--json`` the proposal as ``proposals list --json``
shows it (same keys). Exit codes as everywhere: 0 done, 1 data error (Chinese message on
stderr, nothing written), 2 usage.
"""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing
from guilin_union.cli.congress import session_report


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


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="以 JSON 输出（同 proposals list 的一项）"
    )


def register(psub: argparse._SubParsersAction) -> None:
    from guilin_union.core.proposals import OUTCOMES, RATINGS, REVIEW_LEVELS

    submit = psub.add_parser("submit", help="录入一件提案（按提案规则检查）")
    submit.add_argument("--session", required=True, metavar="ID", help="会议编号或 current")
    submit.add_argument("--title", required=True, help="案由")
    submit.add_argument("--category", required=True, help="类别")
    submit.add_argument("--proposer", metavar="工号/姓名", help="提案人（个人提案）")
    submit.add_argument("--delegation", metavar="NAME", help="提出集体提案的代表团")
    submit.add_argument(
        "--seconder", action="append", default=[], metavar="工号/姓名", help="附议人（可重复）"
    )
    submit.add_argument("--reasons", default="", help="理由")
    submit.add_argument("--suggestions", default="", help="建议")
    submit.add_argument("--date", metavar="YYYY-MM-DD", help="提交日期（默认今天）")
    submit.add_argument("--late-reason", help="逾期提交的原因")
    submit.add_argument("--report-session", metavar="ID", help="闭会期间提案：提交给哪次会议")
    submit.add_argument("--confirm-duplicate", action="store_true", help="案由相近时确认仍提交")
    _json_flag(submit)
    submit.set_defaults(handler=cmd_submit)

    review = psub.add_parser("review", help="审查：立案、转意见建议、不立案或撤案")
    review.add_argument("number", metavar="NUMBER", help="提案编号，如 2024-001")
    review.add_argument(
        "--result", required=True, choices=("立案", "转意见建议", "不立案", "撤案"), help="审查结果"
    )
    review.add_argument("--level", choices=REVIEW_LEVELS, default="一般", help="立案类别")
    review.add_argument("--reason", help="不立案的理由（必填）")
    review.add_argument("--note", help="备注")
    review.add_argument("--date", metavar="YYYY-MM-DD", help="审查日期（默认今天）")
    _json_flag(review)
    review.set_defaults(handler=cmd_review)

    merge = psub.add_parser("merge", help="并案：把一件提案并入另一件（可并入意见建议）")
    merge.add_argument("number", metavar="NUMBER", help="被并入的提案")
    merge.add_argument("--into", required=True, metavar="NUMBER", help="并入到哪一件")
    merge.add_argument("--note", help="备注")
    merge.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认今天）")
    _json_flag(merge)
    merge.set_defaults(handler=cmd_merge)

    assign = psub.add_parser("assign", help="交办（立案、转意见建议、不立案均可）")
    assign.add_argument("number", metavar="NUMBER")
    assign.add_argument("--lead", required=True, metavar="部门", help="主办单位")
    assign.add_argument(
        "--co", action="append", default=[], metavar="部门", help="协办单位（可重复）"
    )
    assign.add_argument("--date", metavar="YYYY-MM-DD", help="交办日期（默认今天）")
    assign.add_argument("--deadline", metavar="YYYY-MM-DD", help="答复期限（默认按审查结果的设置）")
    _json_flag(assign)
    assign.set_defaults(handler=cmd_assign)

    reply = psub.add_parser("reply", help="录入承办单位的答复")
    reply.add_argument("number", metavar="NUMBER")
    reply.add_argument("--text", required=True, help="答复内容")
    reply.add_argument("--outcome", choices=OUTCOMES, help="落实情况（意见建议和不立案可不填）")
    reply.add_argument("--reason", help="未能落实的原因")
    reply.add_argument("--date", metavar="YYYY-MM-DD", help="答复日期（默认今天）")
    _json_flag(reply)
    reply.set_defaults(handler=cmd_reply)

    rate = psub.add_parser("rate", help="录入提案人的评价（不满意须写原因，并重新办理）")
    rate.add_argument("number", metavar="NUMBER")
    rate.add_argument("--rating", required=True, choices=RATINGS)
    rate.add_argument("--note", help="评价意见（不满意时必填）")
    rate.add_argument("--date", metavar="YYYY-MM-DD", help="评价日期（默认今天）")
    rate.add_argument("--deadline", metavar="YYYY-MM-DD", help="不满意时新的答复期限")
    _json_flag(rate)
    rate.set_defaults(handler=cmd_rate)

    excellent = psub.add_parser("excellent", help="评为优秀提案（--undo 撤销）")
    excellent.add_argument("number", metavar="NUMBER")
    excellent.add_argument("--date", metavar="YYYY-MM-DD", help="评选日期（默认今天）")
    excellent.add_argument("--note", help="备注（如“校级优秀提案”）")
    excellent.add_argument("--undo", action="store_true", help="撤销优秀提案")
    _json_flag(excellent)
    excellent.set_defaults(handler=cmd_excellent)

    listing = psub.add_parser("excellent-list", help="某次会议的优秀提案名单")
    listing.add_argument("--session", required=True, metavar="ID")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_excellent_list)

    supervise = psub.add_parser("supervise", help="指定督办（包案）委员；--clear 取消")
    supervise.add_argument("number", metavar="NUMBER")
    supervise.add_argument("--member", metavar="工号/姓名", help="督办委员")
    supervise.add_argument("--clear", action="store_true", help="取消督办委员")
    _json_flag(supervise)
    supervise.set_defaults(handler=cmd_supervise)

    supervisors = psub.add_parser("supervisors", help="按督办委员列出其督办的提案")
    supervisors.add_argument("--session", required=True, metavar="ID")
    supervisors.add_argument("--json", action="store_true", help="以 JSON 输出")
    supervisors.set_defaults(handler=cmd_supervisors)


def cmd_submit(args: argparse.Namespace, ctx: CliContext) -> int:
    import datetime as _dt

    from guilin_union.cli.congress import resolve_session
    from guilin_union.core.errors import ValidationError
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
        row = db.execute(
            "SELECT g.id FROM congress_delegations g JOIN congress_sessions s ON s.term_id = g.term_id"
            " WHERE s.id = ? AND g.name = ?",
            [session_id, args.delegation.strip()],
        ).fetchone()
        if row is None:
            raise ValidationError(f"本届没有代表团“{args.delegation}”")
        data["kind"] = "集体"
        data["delegation_id"] = row[0]
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
    handling.reply(
        ctx.db, pid, text=args.text, on=args.date, outcome=args.outcome, reason=args.reason
    )
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
        line=lambda r: f"{r['number']}\t{r['title']}\t{r['proposer']}\t{r['excellent_on']}",
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

    excellent = report_sub.add_parser("proposal-excellent")
    add_session_arg(excellent)
    excellent.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="输出文件")
    excellent.set_defaults(handler=cmd_report_excellent)

    supervision = report_sub.add_parser("proposal-supervision")
    add_session_arg(supervision)
    supervision.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="输出文件")
    supervision.set_defaults(handler=cmd_report_supervision)

    docx = report_sub.add_parser("proposal-report-docx")
    add_session_arg(docx)
    docx.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.docx",
        help="输出文件（.docx；.pdf 为 PDF 稿）",
    )
    docx.set_defaults(handler=cmd_report_docx)


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
