"""``members`` commands and the member-register reports."""

from __future__ import annotations

import argparse

from guilin_union.cli import CliContext, emit, emit_listing, resolve_branch
from guilin_union.cli.lines import row_line
from guilin_union.cli.option import opt, text_opt
from guilin_union.cli.table import (
    BRANCH,
    JSON,
    UNMASKED_EXPORT,
    UNMASKED_PRINT,
    XLSX_FILE,
    add_area,
    add_reports,
    all_of,
)
from guilin_union.core.members import MemberStatus

# The filters of members list, export and member-roster.
_FILTERS = all_of(
    BRANCH,
    opt("--status", choices=[s.value for s in MemberStatus], help="会籍状态"),
    text_opt("--search", "姓名、拼音首字母、工号、会员编号或证件号尾号"),
    opt("--group", metavar="NAME", help="只含该工会小组（与 --branch 一起使用）"),
)


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    msub = add_area(
        sub,
        "members",
        "会员名册",
        [
            ("list", "列出会员", [_FILTERS, JSON], cmd_list),
            ("export", "导出会员名册到 Excel", [XLSX_FILE, _FILTERS, UNMASKED_EXPORT], cmd_export),
        ],
    )

    from guilin_union.cli.home import register_member_commands
    from guilin_union.cli.member_record import register as register_record_commands
    from guilin_union.cli.member_record import register_reports

    register_member_commands(msub)
    register_record_commands(msub)
    register_reports(report_sub)

    add_reports(report_sub, [("member-roster", [_FILTERS, UNMASKED_PRINT], cmd_roster)])


def _query(db, args: argparse.Namespace):
    from guilin_union.services.members import MemberQuery

    branch_id = resolve_branch(db, args.branch)
    group_id = None
    if getattr(args, "group", None):
        from guilin_union.services.members.record import find_group

        group_id = find_group(db, args.group, branch_id)
    return MemberQuery(
        search=args.search or "", branch_name=args.branch, status=args.status, group_id=group_id
    )


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members import list_members, to_public_json

    rows = list_members(ctx.db, _query(ctx.db, args))
    return emit_listing(
        rows,
        as_json=args.json,
        json_row=to_public_json,
        line=row_line("member_no", "name", "gender", "branch", "status", "id_number_masked"),
        total=f"共 {len(rows)} 人",
    )


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members.outputs import export_members

    path, n = export_members(ctx.db, args.file, _query(ctx.db, args), unmasked=args.unmasked)
    emit(f"已导出 {n} 名会员到 {path}")
    return 0


def cmd_roster(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members.outputs import member_roster_pdf

    path, n = member_roster_pdf(ctx.db, args.output, _query(ctx.db, args), unmasked=args.unmasked)
    emit(f"已生成会员花名册（{n} 人）：{path}")
    return 0
