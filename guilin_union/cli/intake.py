"""Command-line commands of the intake area.

Under the existing ``members`` command (built by cli/members.py)::

    members import FILE.xlsx [--sheet NAME] [--as applications|members]
                             [--on-duplicate error|skip|update] [--dry-run] [--json]
                             [--errors-xlsx FILE.xlsx]
    members template FILE.xlsx
    members applications [--state S] [--json]
    members approve --all-pending | --ids 1,2,3 [--on DATE] [--json]
    members status ID --change 退休 --on DATE --reason TEXT [--document NO]
    members history ID [--json]

Reports: ``member-form``, ``intake-list``, ``member-cards``, ``member-stats``,
``dues-summary`` (the last two write Excel instead when ``-o`` ends with ``.xlsx``).
"""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, fail, finish_import, options
from guilin_union.cli.lines import tab_line
from guilin_union.cli.option import flag, member_opt, month_opt, opt
from guilin_union.cli.table import (
    BRANCH,
    DRY_RUN,
    JSON,
    JSON_RESULT,
    UNMASKED_PRINT,
    XLSX_FILE,
    add_commands,
    add_reports,
    add_sheet_args,
    one_of,
)


def members_actions(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The sub-action list of the ``members`` command that cli/members.py created (found
    here rather than changing that module: argparse keeps it as the parser's only
    subparsers action)."""
    members_parser = sub.choices["members"]
    for action in members_parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("members command has no sub-actions")


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("编号应为用逗号分隔的数字，如 1,2,3") from None
    if not ids:
        raise argparse.ArgumentTypeError("请至少给出一个编号")
    return ids


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    msub = members_actions(sub)

    add_commands(
        msub,
        [
            (
                "import",
                "从 Excel 导入人员（默认导入为入会申请）",
                [
                    XLSX_FILE,
                    add_sheet_args,
                    opt(
                        "--as",
                        dest="as_",
                        choices=["applications", "members"],
                        default="applications",
                        help="applications：导入为入会申请（默认）；members：直接导入为会员",
                    ),
                    opt(
                        "--on-duplicate",
                        choices=["error", "skip", "update"],
                        default="error",
                        help="身份证号已在名册（或已有申请）时：error 报错（默认）/ skip 跳过 / update 更新",
                    ),
                    DRY_RUN,
                    JSON_RESULT,
                    opt(
                        "--errors-xlsx",
                        metavar="FILE.xlsx",
                        help="有错误时把错误清单另存为 Excel（含错误说明列）",
                    ),
                ],
                cmd_import,
            ),
            ("template", "生成会员导入模板（会员导入模板.xlsx）", [XLSX_FILE], cmd_template),
            (
                "applications",
                "列出入会申请",
                [
                    opt(
                        "--state",
                        choices=["待分工会审核", "待校工会批准", "已批准", "未通过", "pending"],
                        help="只列出该状态（pending：两种待审状态）",
                    ),
                    JSON,
                ],
                cmd_applications,
            ),
            (
                "approve",
                "校工会批准入会申请（发放会员编号）",
                [
                    one_of(
                        flag("--all-pending", "批准全部待审批的申请"),
                        opt(
                            "--ids",
                            type=_ids,
                            metavar="1,2,3",
                            help="申请编号（见 members applications）",
                        ),
                        required=True,
                    ),
                    opt("--on", metavar="DATE", help="批准日期（默认今天，也是入会日期）"),
                    JSON,
                ],
                cmd_approve,
            ),
            (
                "status",
                "办理会籍变更（转出、退休、退会、开除、去世、恢复会籍）",
                [
                    member_opt("member"),
                    opt(
                        "--change",
                        required=True,
                        metavar="TYPE",
                        help="转出 / 退休 / 退会 / 开除 / 去世 / 恢复会籍",
                    ),
                    opt(
                        "--on", required=True, metavar="DATE", help="变更日期（新状态自该日起生效）"
                    ),
                    opt("--reason", required=True, help="变更原因"),
                    opt("--document", metavar="NO", help="文件号"),
                ],
                cmd_status,
            ),
            (
                "history",
                "查看会员的会籍变更记录",
                [member_opt("member"), JSON],
                cmd_history,
            ),
        ],
    )

    add_reports(
        report_sub,
        [
            (
                "member-form",
                [
                    opt("--member", type=_ids, metavar="ID[,ID…]", help="会员编号（数据库 id）"),
                    opt("--application", type=_ids, metavar="ID[,ID…]", help="入会申请编号"),
                    UNMASKED_PRINT,
                ],
                cmd_member_form,
            ),
            ("intake-list", [BRANCH], cmd_intake_list),
            (
                "member-cards",
                [
                    opt("--branch", metavar="NAME", help="只打印该分工会的会员"),
                    opt("--member", type=_ids, metavar="ID[,ID…]", help="只打印这些会员"),
                ],
                cmd_member_cards,
            ),
            (
                "member-stats",
                [opt("--on", metavar="DATE", help="统计日期（默认今天）")],
                cmd_member_stats,
            ),
            (
                "dues-summary",
                [month_opt("--month", "月份", required=True)],
                cmd_dues_summary,
            ),
        ],
    )


# ---------------------------------------------------------------------- members …


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members.importer import import_file
    from guilin_union.spreadsheets.errors import WorkbookError

    try:
        outcome = import_file(
            ctx.db,
            args.file,
            **options(args, "sheet", "all_sheets", "as_", "on_duplicate", "dry_run"),
        )
    except WorkbookError as exc:
        # The whole file is refused: nothing was read into the database.
        return fail(f"错误：{exc}")
    if outcome.errors and args.errors_xlsx:
        from pathlib import Path

        from guilin_union.spreadsheets.writer import write_errors

        saved = write_errors(args.errors_xlsx, outcome.errors, source_name=Path(args.file).name)
        if not args.json:
            emit(f"错误清单已保存：{saved}")
    return finish_import(args, outcome)


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.intake.template import write_template

    path = write_template(ctx.db, args.file)
    emit(f"已生成导入模板：{path}")
    return 0


def cmd_applications(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import intake

    if args.state == "pending":
        q = intake.ApplicationQuery(pending_only=True)
    else:
        q = intake.ApplicationQuery(state=args.state)
    rows = intake.list_applications(ctx.db, q)

    def line(r: dict[str, Any]) -> str:
        extra = r["member_no"] or r["reject_reason"] or ""
        return tab_line(
            r["id"], r["state"], r["name"], r["gender"], r["branch"], r["applied_on"], extra
        )

    counts = intake.counts_by_state(ctx.db)
    return emit_listing(
        rows,
        as_json=args.json,
        line=line,
        total=f"共 {len(rows)} 条（" + "，".join(f"{k} {v}" for k, v in counts.items()) + "）",
        json_row=intake.to_public_json,
    )


def cmd_approve(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import intake

    ids = intake.pending_ids(ctx.db) if args.all_pending else args.ids
    if not ids:
        if args.json:
            emit_json({"approved": 0, "members": []})
        else:
            emit("没有待批准的入会申请。")
        return 0
    intake.approve(ctx.db, ids, on=args.on)
    rows = [intake.get_application(ctx.db, i) for i in ids]
    approved = [
        {
            "application_id": r["id"],
            "member_id": r["member_id"],
            "member_no": r["member_no"],
            "name": r["name"],
        }
        for r in rows
    ]
    if args.json:
        emit_json({"approved": len(approved), "members": approved})
    else:
        for a in approved:
            emit(f"{a['name']}\t会员编号 {a['member_no']}")
        emit(f"已批准 {len(approved)} 人入会。")
    return 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members import status as member_status

    result = member_status.record_status_change(
        ctx.db, args.member, args.change, on=args.on, reason=args.reason, document_no=args.document
    )
    new = member_status.status_history(ctx.db, args.member)[-1]
    emit(
        f"已办理：{new['action']}（{new['from']} → {new['to']}，自 {new['date']} 起），记录 #{result.row_id}"
    )
    return 0


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members import status as member_status

    rows = member_status.status_history(ctx.db, args.member)
    if args.json:
        emit_json(rows)
        return 0
    for h in rows:
        change = f"{h['from']}→{h['to']}"
        emit(
            tab_line(
                h["date"], h["action"], change, h["reason"], h["document_no"], h["recorded_by"]
            )
        )
    if not rows:
        emit("没有会籍变更记录。")
    return 0


# ---------------------------------------------------------------------- reports


def cmd_member_form(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.intake.outputs import member_forms_pdf

    if not args.member and not args.application:
        return fail("请用 --member 或 --application 指定要打印的人员", 2)
    path, n = member_forms_pdf(
        ctx.db,
        args.output,
        member_ids=args.member or (),
        application_ids=args.application or (),
        unmasked=args.unmasked,
    )
    emit(f"已生成入会申请书和会员登记表（{n} 人）：{path}")
    return 0


def cmd_intake_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.intake.outputs import intake_list_pdf

    path, n = intake_list_pdf(ctx.db, args.output, branch_name=args.branch)
    emit(f"已生成待批准入会人员名单（{n} 人）：{path}")
    return 0


def cmd_member_cards(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.intake.outputs import member_cards_pdf

    path, n = member_cards_pdf(ctx.db, args.output, branch_name=args.branch, member_ids=args.member)
    emit(f"已生成会员证（{n} 张）：{path}")
    return 0


def _is_excel(path: str) -> bool:
    return path.lower().endswith(".xlsx")


def cmd_member_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.dates import parse_date
    from guilin_union.services.members import stats as member_stats

    on = parse_date(args.on, field="on") if args.on else None
    if _is_excel(args.output):
        path: Any = member_stats.export_statistics(ctx.db, args.output, as_of=on)
    else:
        path = member_stats.statistics_pdf(ctx.db, args.output, as_of=on)
    emit(f"已生成会员统计表：{path}")
    return 0


def cmd_dues_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.intake import dues

    if _is_excel(args.output):
        path = dues.export_dues_summary(ctx.db, args.month, args.output)
    else:
        path = dues.dues_summary_pdf(ctx.db, args.month, args.output)
    emit(f"已生成会费汇总表：{path}")
    return 0
