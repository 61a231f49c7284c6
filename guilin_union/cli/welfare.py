"""``welfare`` commands (慰问) and the welfare reports.

- ``welfare list [--year] [--type] [--branch] [--flagged] [--json]``
- ``welfare standards --year YYYY [--json] [--load-examples | --copy-from YYYY] [--overwrite]``
- ``welfare import FILE.xlsx [--dry-run] [--json] [--accept-warnings REASON]``
- ``welfare batch --festival 春节 --year YYYY (--amount 300.00 | --goods TEXT --value 300.00)
  [--branch NAME ...] [--date D] [--include-retired] [--dry-run] [--json]``
- ``welfare reverse-batch ID --reason TEXT``
- ``report welfare-roster (--batch ID | --year YYYY [--type 类型]) -o FILE.pdf``
- ``report welfare-stats --year YYYY -o FILE.pdf``
"""

from __future__ import annotations

import argparse

from guilin_union.cli import (
    EXIT_DATA_ERROR,
    CliContext,
    emit,
    emit_json,
    fail,
    finish_import,
    import_file,
    options,
    resolve_branch,
)
from guilin_union.cli.lines import tab_line
from guilin_union.cli.option import date_opt, flag, opt, text_opt, year_opt, yuan_opt
from guilin_union.cli.table import (
    BRANCH,
    JSON,
    JSON_RESULT,
    YEAR,
    add_area,
    add_commands,
    add_reports,
    import_options,
    one_of,
)

_MEMBER = opt("--member", type=int, required=True, metavar="ID", help="会员 ID")
# dest: ``args.handler`` is the command's function (tests/cli/test_cli_dest_names.py).
_HANDLER = opt("--handler", dest="handler_name", metavar="NAME", help="经手人")


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    wsub = add_area(
        sub,
        "welfare",
        "慰问：标准、发放记录、节日批量发放",
        [
            (
                "list",
                "列出慰问发放记录",
                [
                    year_opt("--year", "标准年度"),
                    opt("--type", metavar="类型", help="慰问类型，如 生病住院"),
                    BRANCH,
                    opt(
                        "--state",
                        metavar="状态",
                        help="审批状态：申请/分工会审核/校工会批准/已发放",
                    ),
                    flag("--flagged", "只列出有超标准/需复核的记录"),
                    JSON,
                ],
                cmd_list,
            ),
            (
                "standards",
                "查看（或载入、复制）某年度的慰问标准",
                [
                    YEAR,
                    one_of(
                        flag("--load-examples", "载入示例标准（示例数字，需按本校规定修改）"),
                        year_opt("--copy-from", "把该年度的标准复制到 --year"),
                    ),
                    flag("--overwrite", "目标年度已有标准时覆盖"),
                    JSON,
                ],
                cmd_standards,
            ),
            (
                "import",
                "从 Excel 导入慰问发放记录（全部通过检查才导入）",
                [
                    *import_options(json=JSON_RESULT),
                    opt(
                        "--accept-warnings",
                        metavar="REASON",
                        help="接受违反慰问标准的行，并以此理由记录（否则这些行作为错误）",
                    ),
                ],
                cmd_import,
            ),
            (
                "batch",
                "节日慰问（或送温暖等）批量发放",
                [
                    opt(
                        "--festival",
                        required=True,
                        metavar="节日",
                        help="节日或发放项目，如 春节、中秋节、送温暖",
                    ),
                    YEAR,
                    opt(
                        "--birthday-month",
                        type=int,
                        choices=range(1, 13),
                        metavar="1-12",
                        help="生日慰问：只发给该月过生日的会员（配合 --festival 生日 --type 生日）",
                    ),
                    opt("--group", metavar="NAME", help="只发给该工会小组的会员"),
                    one_of(
                        yuan_opt("--amount", "每人现金金额，如 300.00"),
                        text_opt("--goods", "实物名称（同时用 --value 给出每份折合金额）"),
                        required=True,
                    ),
                    yuan_opt("--value", "每份实物折合金额"),
                    opt(
                        "--branch",
                        action="append",
                        metavar="NAME",
                        help="分工会（可重复；默认全部）",
                    ),
                    date_opt("--date", "发放日期（默认：当年为今天）"),
                    one_of(
                        flag("--include-retired", "包含保留会籍（退休）会员"),
                        flag("--active-only", "只含在会会员"),
                        flag("--hardship", "发放对象为本年困难帮扶档案中的会员"),
                    ),
                    opt(
                        "--type",
                        metavar="类型",
                        help="慰问类型（默认：节日慰问；送温暖、金秋助学为困难帮扶）",
                    ),
                    text_opt("--reason", "事由（默认：节日+慰问，如 春节慰问）"),
                    _HANDLER,
                    opt(
                        "--accept-warnings",
                        metavar="REASON",
                        help="金额超过标准时仍然发放，并记录此理由",
                    ),
                    flag("--dry-run", "只预览名单，不写入"),
                    JSON,
                ],
                cmd_batch,
            ),
        ],
    )

    _register_cases(wsub, report_sub)

    add_commands(
        wsub,
        [
            (
                "reverse-batch",
                "整批撤销尚未发放的批次",
                [
                    opt("batch_id", type=int, metavar="ID"),
                    text_opt("--reason", "撤销原因", required=True),
                ],
                cmd_reverse,
            ),
        ],
    )

    add_reports(
        report_sub,
        [
            (
                "welfare-roster",
                [
                    one_of(
                        opt("--batch", type=int, metavar="ID", help="批次编号"),
                        year_opt("--year", "年度"),
                        date_opt(
                            "--from",
                            "按慰问日期区间打印（如每月 25 日前上报的一期），与 --to 一起使用",
                            dest="date_from",
                        ),
                        required=True,
                    ),
                    date_opt("--to", "区间的最后一天（含）", dest="date_to"),
                    opt("--type", metavar="类型", help="慰问类型（与 --year 一起使用）"),
                    opt("--branch", metavar="NAME", help="只含该分工会（与 --year 一起使用）"),
                    flag("--with-dates", "在“日期”栏打印慰问日期（默认留空由领取人填写）"),
                    flag("--with-notes", "在“备注”栏打印记录的备注（默认留空）"),
                    flag("--with-id", "增加身份证号列（部分隐藏，横向打印）"),
                    opt("--excel", metavar="FILE.xlsx", help="同时导出 Excel 签领表"),
                ],
                cmd_roster,
            ),
            ("welfare-stats", [YEAR], cmd_stats),
        ],
    )


def _check_type(db, name: str | None) -> None:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.welfare import config as welfare_config

    if name and name not in welfare_config.types(db):
        raise ValidationError(
            f"慰问类型“{name}”不存在，可选：{'、'.join(welfare_config.types(db))}"
        )


def _branch_name(db, name: str | None) -> str | None:
    resolve_branch(db, name)  # an unknown name is refused
    return name


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services import welfare

    db = ctx.db
    _check_type(db, args.type)
    if args.state and args.state not in welfare.STATES:
        raise ValidationError("审批状态应为：" + "、".join(welfare.STATES))
    q = welfare.PaymentQuery(
        branch_name=_branch_name(db, args.branch),
        flagged_only=args.flagged,
        sort_key="date",
        descending=False,
        **options(args, "year", "type", "state"),
    )
    rows = welfare.list_payments(db, q)
    if args.json:
        emit_json(
            [
                welfare.to_public_json(
                    r, welfare.payment_warnings(db, r["id"]) if r["flagged"] else []
                )
                for r in rows
            ]
        )
        return 0
    from guilin_union.core.money import format_fen

    for r in rows:
        flag = "【需复核】" if r["flagged"] else ""
        emit(
            tab_line(
                r["pay_date"], r["name"], r["branch"], r["type_text"], r["amount_text"], r["state"]
            )
            + flag
        )
    emit(f"共 {len(rows)} 笔，合计 {format_fen(sum(r['amount_fen'] for r in rows))} 元")
    return 0


def cmd_standards(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare import standards as ws

    db = ctx.db
    if args.load_examples:
        n = ws.load_examples(db, args.year, overwrite=args.overwrite).row_id
        if not args.json:
            emit(f"已载入 {n} 条示例标准（{ws.EXAMPLE_SOURCE}）")
    elif args.copy_from is not None:
        n = ws.copy_year(db, args.copy_from, args.year, overwrite=args.overwrite).row_id
        if not args.json:
            emit(f"已把{args.copy_from}年的 {n} 条标准复制到{args.year}年")
    items = ws.list_standards(db, args.year)
    if args.json:
        emit_json([ws.to_public_json(s) for s in items])
        return 0
    if not items:
        emit(
            f"{args.year}年尚未设置慰问标准。可用 --load-examples 载入示例，或 --copy-from 复制上一年。"
        )
        return 0
    from guilin_union.core.money import format_fen

    for s in items:
        cap = "不限" if s.cap_fen is None else f"≤{format_fen(s.cap_fen)}"
        emit(
            tab_line(
                s.type,
                cap,
                s.form,
                s.rule_text(),
                s.payer,
                "含保留会籍" if s.retired_eligible else "仅在会",
                s.evidence,
                s.source,
            )
        )
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare.importer import WelfareImporter

    importer = WelfareImporter(accept_warnings=args.accept_warnings)
    outcome = import_file(args, ctx, importer)
    if outcome.notes and not args.json and not outcome.errors:
        for note in outcome.notes:
            emit(note)
    return finish_import(args, outcome)


def _amount_and_form(args: argparse.Namespace, value_missing: str) -> tuple[int, str]:
    """``--amount`` in cash, or ``--goods`` with their worth in ``--value``: the amount (fen)
    and 现金/实物. ``value_missing`` is said when goods come without a value."""
    from guilin_union.core.errors import ValidationError
    from guilin_union.core.money import parse_yuan

    if args.goods is not None:
        if not args.value:
            raise ValidationError(value_missing)
        return parse_yuan(args.value, field="value"), "实物"
    if args.value:
        raise ValidationError("--value 只能与 --goods 一起使用")
    return parse_yuan(args.amount, field="amount"), "现金"


def cmd_batch(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.money import format_fen
    from guilin_union.services.welfare import batches as wb
    from guilin_union.services.welfare.rules import PaymentWarnings

    db = ctx.db
    amount, form = _amount_and_form(args, "实物发放请用 --value 给出每份折合金额")
    eligibility = (
        wb.RULE_WITH_RETIRED
        if args.include_retired
        else wb.RULE_ACTIVE
        if args.active_only
        else wb.RULE_HARDSHIP
        if args.hardship
        else None
    )
    _check_type(db, args.type)
    req = wb.BatchRequest(
        year=args.year,
        occasion=args.festival,
        amount_fen=amount,
        form=form,
        goods=args.goods or "",
        type=args.type,
        branch_ids=wb.branch_ids_by_names(db, args.branch) if args.branch else None,
        eligibility=eligibility,
        pay_date=args.date,
        reason=args.reason or "",
        handler=args.handler_name or "",
        override_reason=args.accept_warnings or "",
        birth_month=getattr(args, "birthday_month", None),
        group_id=_group_id(db, args),
    )
    if args.dry_run:
        preview = wb.preview_batch(db, req)
        batch_id = None
    else:
        try:
            result, preview = wb.create_batch(db, req)
        except PaymentWarnings as exc:
            if args.json:
                preview = wb.preview_batch(db, req)
                data = preview.to_json(None)
                data["error"] = str(exc)
                emit_json(data)
            return fail(f"错误：{exc}（可用 --accept-warnings 理由 仍然发放）", EXIT_DATA_ERROR)
        batch_id = result.row_id
    if args.json:
        emit_json(preview.to_json(batch_id))
        return 0
    for w in preview.warnings:
        emit(f"提示：{w.message}")
    emit(
        f"符合条件 {len(preview.eligible)} 人，合计 {format_fen(preview.total_fen)} 元；不符合 {len(preview.excluded)} 人。"
    )
    for x in preview.excluded:
        emit(f"  未纳入：{x.branch}\t{x.name}\t{x.reason}")
    if batch_id is None:
        emit("（试运行，未写入）")
    else:
        emit(
            f"已创建批次 {batch_id}。打印签领表：guilin-union report welfare-roster --batch {batch_id} -o 签领表.pdf"
        )
    return 0


def cmd_reverse(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare import batches as wb

    result = wb.reverse_batch(ctx.db, args.batch_id, args.reason)
    emit(f"已撤销批次 {args.batch_id}，删除 {result.undo['removed']} 笔未发放记录。")
    return 0


def cmd_roster(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services import welfare
    from guilin_union.services.welfare import outputs as wo

    db = ctx.db
    query = None
    date_from = getattr(args, "date_from", None)
    date_to = getattr(args, "date_to", None)
    if date_from or date_to:
        from guilin_union.services.welfare import config as welfare_config

        if not (date_from and date_to):
            raise ValidationError("按日期区间打印时请同时给出 --from 和 --to")
        date_from = welfare_config.iso_date(date_from, "from")
        date_to = welfare_config.iso_date(date_to, "to")
        if date_from > date_to:
            raise ValidationError("--from 不能晚于 --to")
    if args.batch is None:
        _check_type(db, args.type)
        query = welfare.PaymentQuery(
            date_from=date_from,
            date_to=date_to,
            year=args.year,
            type=args.type,
            branch_name=_branch_name(db, args.branch),
            sort_key="name",
            descending=False,
        )
    elif args.type or args.branch:
        raise ValidationError("--type、--branch 只能与 --year 一起使用")
    path, n = wo.roster_pdf(
        db,
        args.output,
        batch_id=args.batch,
        query=query,
        print_dates=args.with_dates,
        print_notes=args.with_notes,
        show_id=args.with_id,
    )
    emit(f"已生成慰问发放签领表（{n} 人次）：{path}")
    if args.excel:
        xlsx, _ = wo.roster_excel(db, args.excel, batch_id=args.batch, query=query)
        emit(f"已导出 Excel 签领表：{xlsx}")
    return 0


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare import outputs as wo

    path = wo.stats_pdf(ctx.db, args.output, args.year)
    emit(f"已生成{args.year}年度慰问统计：{path}")
    return 0


# --------------------------------------------------------------------- issue 22: the case


def _register_cases(
    wsub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction
) -> None:
    from guilin_union.core.welfare_cases import PAY_METHODS, RELATION_CHOICES

    add_commands(
        wsub,
        [
            (
                "add",
                "登记一笔慰问（按标准核对；有提示时须说明理由）",
                [
                    _MEMBER,
                    opt("--type", required=True, metavar="类型", help="慰问类型，如 直系亲属去世"),
                    date_opt("--date", "慰问日期", required=True),
                    one_of(
                        yuan_opt("--amount", "现金金额，如 500.00"),
                        text_opt("--goods", "实物名称（用 --value 给出折合金额）"),
                        required=True,
                    ),
                    yuan_opt("--value", "实物折合金额"),
                    text_opt("--occasion", "事项，如 春节"),
                    text_opt("--sub-kind", "标准中的细项，如 手术、外地"),
                    opt(
                        "--relative-relation",
                        choices=RELATION_CHOICES,
                        metavar="关系",
                        help="亲属关系：" + "、".join(RELATION_CHOICES),
                    ),
                    opt("--relative-name", metavar="姓名", help="亲属姓名"),
                    text_opt("--cause", "病因或事由"),
                    date_opt("--event-date", "事件日期（住院、去世、结婚等发生的日期）"),
                    date_opt("--applied-on", "申请（上报）日期"),
                    opt("--recipient", metavar="姓名", help="收款人（不是会员本人时）"),
                    opt("--pay-method", choices=PAY_METHODS, help="发放方式"),
                    opt("--bank-account", metavar="账号", help="收款账号（银行转账）"),
                    text_opt("--bank-name", "开户行"),
                    opt(
                        "--evidence", metavar="材料", action="append", help="已收到的材料（可重复）"
                    ),
                    text_opt("--reason", "慰问事由"),
                    _HANDLER,
                    opt("--accept-warnings", metavar="理由", help="有提示时仍然登记，并记录理由"),
                    flag("--dry-run", "只核对，不写入"),
                    JSON,
                ],
                cmd_add,
            ),
            (
                "branch-standard",
                "分工会自定标准（不能高于校工会标准）",
                [
                    year_opt("--year", required=True),
                    opt("--type", required=True, metavar="类型"),
                    opt("--branch", required=True, metavar="NAME", help="分工会名称"),
                    yuan_opt("--cap", "单次上限"),
                    yuan_opt("--min", "金额下限"),
                    JSON,
                ],
                cmd_branch_standard,
            ),
        ],
    )

    add_reports(
        report_sub,
        [
            (
                "welfare-approval",
                [
                    opt(
                        "--payment",
                        type=int,
                        action="append",
                        required=True,
                        metavar="ID",
                        help="慰问记录编号（可重复）",
                    ),
                ],
                cmd_approval,
            ),
            (
                "hardship-application",
                [
                    _MEMBER,
                    year_opt("--year", "困难帮扶档案年度（默认最近一年）"),
                ],
                cmd_hardship,
            ),
            ("welfare-standards", [YEAR], cmd_standards_table),
        ],
    )


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import welfare
    from guilin_union.services.welfare.rules import PaymentWarnings

    db = ctx.db
    _check_type(db, args.type)
    amount, form = _amount_and_form(args, "实物慰问请用 --value 给出折合金额")
    data = {
        "member_id": args.member,
        "type": args.type,
        "pay_date": args.date,
        "amount_fen": amount,
        "form": form,
        "goods": args.goods or "",
        "occasion": args.occasion or "",
        "sub_kind": args.sub_kind or "",
        "relative_relation": args.relative_relation or "",
        "relative_name": args.relative_name or "",
        "cause": args.cause or "",
        "event_date": args.event_date,
        "applied_on": args.applied_on,
        "recipient_name": args.recipient or "",
        "pay_method": args.pay_method or "",
        "bank_account": args.bank_account or "",
        "bank_name": args.bank_name or "",
        "evidence_checked": args.evidence or [],
        "reason": args.reason or "",
        "handler": args.handler_name or "",
    }
    warnings = welfare.check(db, data)
    listed = [{"rule": w.code, "message": w.message} for w in warnings]
    payment_id = None
    stopped = False
    if not args.dry_run:
        try:
            payment_id = welfare.record_payment(
                db, data, override_reason=args.accept_warnings
            ).row_id
        except PaymentWarnings:
            stopped = True
    if args.json:
        emit_json({"id": payment_id, "warnings": listed, "dry_run": bool(args.dry_run)})
    else:
        for w in warnings:
            emit(f"提示：{w.message}")
        if payment_id is not None:
            emit(f"已登记慰问（编号 {payment_id}）")
        elif args.dry_run:
            emit("核对完成，未写入（--dry-run）")
    if stopped:
        from guilin_union.cli import fail

        return fail("错误：有提示未说明理由，未登记。如确需发放，请用 --accept-warnings 给出理由。")
    return 0


def cmd_branch_standard(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.members import branches
    from guilin_union.services.welfare import cases as welfare_cases

    db = ctx.db
    _check_type(db, args.type)
    branch_id = branches.find_branch_id(db, args.branch)
    if branch_id is None:
        raise ValidationError(branches.unknown_branch_message(db, args.branch))
    result = welfare_cases.set_branch_standard(
        db, args.year, args.type, branch_id, cap_fen=args.cap, min_fen=args.min
    )
    row = welfare_cases.branch_standard(db, args.year, args.type, branch_id)
    if args.json:
        emit_json(
            {
                "id": result.row_id,
                **{k: row[k] for k in ("year", "type", "branch", "cap_fen", "min_fen")},
            }
        )
    else:
        emit(f"已保存{row['branch']}{args.year}年“{args.type}”标准")
    return 0


def cmd_standards_table(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare import outputs as wo

    path, n = wo.standards_pdf(ctx.db, args.output, args.year)
    emit(f"已生成{args.year}年度慰问标准一览表（{n} 项）：{path}")
    return 0


def _group_id(db, args: argparse.Namespace) -> int | None:
    if not getattr(args, "group", None):
        return None
    from guilin_union.services.members import branches
    from guilin_union.services.members.record import find_group

    branch_id = None
    if args.branch and len(args.branch) == 1:
        branch_id = branches.find_branch_id(db, args.branch[0])
    return find_group(db, args.group, branch_id)


def cmd_approval(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare import outputs as wo

    path, n = wo.approval_pdf(ctx.db, args.output, args.payment)
    emit(f"已生成慰问审批表（{n} 份）：{path}")
    return 0


def cmd_hardship(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.welfare import outputs as wo

    path, _n = wo.hardship_pdf(ctx.db, args.output, args.member, args.year)
    emit(f"已生成困难补助申请表：{path}")
    return 0
