"""``proposals`` commands (list, import, stats, export) and the proposal printouts.

JSON contract (issue 5): ``proposals list --json`` → list of objects with ``number``, ``title``,
``category``, ``proposer``, ``seconders``, ``review_outcome``, ``handling_status``, ``rating``;
``proposals import`` → the member import's shape; ``proposals stats --json`` → the numbers
behind 提案工作报告.
"""

from __future__ import annotations

import argparse

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, finish_import, import_file
from guilin_union.cli.congress import add_session_arg, resolve_session, session_report
from guilin_union.cli.lines import tab_line
from guilin_union.cli.option import flag, opt, text_opt
from guilin_union.cli.table import JSON, XLSX_FILE, add_area, add_output_arg, all_of, import_options
from guilin_union.core.proposals import PROPOSAL_STATUSES, RATINGS

# The filters of proposals list and export and of the proposal-handling report.
_FILTERS = all_of(
    opt("--status", choices=PROPOSAL_STATUSES, help="提案状态"),
    opt("--category", metavar="NAME", help="类别"),
    opt("--department", metavar="NAME", help="主办或协办单位"),
    flag("--overdue", "只列逾期未答复的"),
    opt("--rating", choices=[*RATINGS, "未评价"], help="评价"),
    text_opt("--search", "在案由、理由、建议中检索"),
)


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    psub = add_area(
        sub,
        "proposals",
        "教代会提案",
        [
            ("list", "列出某次会议的提案", [add_session_arg, _FILTERS, JSON], cmd_list),
            (
                "import",
                "从 Excel 导入各代表团收集的提案",
                import_options(add_session_arg),
                cmd_import,
            ),
            (
                "stats",
                "提案工作统计（办复率、满意率等）",
                [
                    add_session_arg,
                    JSON,
                    opt("--xlsx", metavar="FILE.xlsx", help="同时导出为 Excel"),
                ],
                cmd_stats,
            ),
            (
                "export",
                "把提案列表导出到 Excel",
                [XLSX_FILE, add_session_arg, _FILTERS],
                cmd_export,
            ),
        ],
    )

    from guilin_union.cli import proposals_steps

    proposals_steps.register(psub)  # issue 20: submit, review, merge, assign, reply, rate…
    proposals_steps.register_reports(report_sub)
    for name, handler in (
        ("proposal-forms", cmd_report_forms),
        ("proposal-compilation", cmd_report_compilation),
        ("proposal-handling", cmd_report_handling),
        ("proposal-stats", cmd_report_stats),
    ):
        report = report_sub.add_parser(name)
        add_session_arg(report)
        add_output_arg(report)
        if name == "proposal-handling":
            _FILTERS(report)
        if name == "proposal-forms":
            report.add_argument(
                "--number", action="append", metavar="2024-001", help="只打印这些编号（可重复）"
            )
        report.set_defaults(handler=handler)


def _query(ctx: CliContext, args: argparse.Namespace):
    from guilin_union.core.errors import ValidationError
    from guilin_union.services import proposals
    from guilin_union.services.proposals.query import ProposalQuery

    department_id = None
    if getattr(args, "department", None):
        department_id = proposals.department_id(ctx.db, args.department)
        if department_id is None:
            names = "、".join(d.name for d in proposals.list_departments(ctx.db))
            raise ValidationError(f"没有部门“{args.department}”。现有部门：{names}")
    return ProposalQuery(
        session_id=resolve_session(ctx.db, args.session),
        status=getattr(args, "status", None),
        category=getattr(args, "category", None),
        department_id=department_id,
        overdue=bool(getattr(args, "overdue", False)),
        rating=getattr(args, "rating", None),
        search=getattr(args, "search", None) or "",
    )


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals.query import handling_status, list_rows, to_public_json

    rows = list_rows(ctx.db, _query(ctx, args))
    return emit_listing(
        rows,
        as_json=args.json,
        line=lambda r: tab_line(
            r["number"],
            r["title"],
            r["category"],
            r["proposer"],
            "、".join(r["seconders"]),
            r["review_text"],
            handling_status(r),
            r["rating"],
        ),
        total=f"共 {len(rows)} 件",
        json_row=to_public_json,
    )


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals.importer import ProposalImporter

    session_id = resolve_session(ctx.db, args.session)
    outcome = import_file(args, ctx, ProposalImporter(session_id))
    if not args.json:
        for note in outcome.notes:
            emit(f"提示：{note}")
    return finish_import(args, outcome)


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals.query import session_stats

    session_id = resolve_session(ctx.db, args.session)
    stats = session_stats(ctx.db, session_id)
    if args.xlsx:
        from guilin_union.services.proposals.outputs import stats_excel

        stats_excel(ctx.db, session_id, args.xlsx)
    if args.json:
        emit_json(stats.to_json())
        return 0
    data = stats.to_json()
    emit(
        f"{stats.session_title}：收到提案 {data['total']} 件，立案 {data['accepted']} 件（重点 {data['key_accepted']} 件）"
    )
    emit("审查结果：" + "，".join(f"{k} {v}" for k, v in data["by_review"].items()))
    emit(
        "类别："
        + "，".join(f"{c['category']} {c['count']}（{c['percent']}）" for c in data["by_category"])
    )
    emit(
        f"办复率 {data['reply_rate']}（{data['replied']}/{data['accepted']}），"
        f"满意率 {data['satisfaction_rate']}（{data['satisfied'] + data['basically_satisfied']}/{data['rated']}）"
    )
    for key, x in [*data["handling_by_review"].items(), ("合计", data["handling_overall"])]:
        if x.get("total"):
            emit(
                f"{key}：{x['total']} 件，已交办 {x['assigned']} 件，已答复 {x['replied']} 件，"
                f"办复率 {x['reply_rate']}，满意率 {x['satisfaction_rate']}"
            )
    emit(
        f"逾期未答复 {data['overdue_count']} 件"
        + ("：" + "、".join(o["number"] for o in data["overdue"]) if data["overdue"] else "")
    )
    if args.xlsx:
        emit(f"已导出：{args.xlsx}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals.outputs import export_list

    path, n = export_list(ctx.db, _query(ctx, args), args.file)
    emit(f"已导出 {n} 件提案到 {path}")
    return 0


def cmd_report_forms(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import NotFoundError
    from guilin_union.services.proposals.outputs import proposal_forms_pdf

    session_id = resolve_session(ctx.db, args.session)
    ids = None
    if args.number:
        ids = []
        for number in args.number:
            row = ctx.db.execute(
                "SELECT id FROM proposals WHERE session_id = ? AND number = ?",
                [session_id, number.strip()],
            ).fetchone()
            if row is None:
                raise NotFoundError(f"本次会议没有编号为 {number} 的提案")
            ids.append(row[0])
    path, n = proposal_forms_pdf(ctx.db, session_id, args.output, ids=ids)
    emit(f"已生成提案表（{n} 件）：{path}")
    return 0


cmd_report_compilation = session_report(
    "guilin_union.services.proposals.outputs", "compilation_pdf", "提案汇编", "件"
)


def cmd_report_handling(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.proposals.outputs import handling_pdf

    path, n = handling_pdf(ctx.db, _query(ctx, args), args.output)
    emit(f"已生成提案办理情况一览表（{n} 件）：{path}")
    return 0


cmd_report_stats = session_report(
    "guilin_union.services.proposals.outputs", "stats_pdf", "提案工作统计"
)
