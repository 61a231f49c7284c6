"""``dues`` (会费台账) and ``funds`` (工会经费) commands, and the money reports.

- ``dues ledger --month YYYY-MM [--branch NAME] [--unpaid] [--json]``
- ``dues open --month YYYY-MM``                               建立当月台账（固定应缴额）
- ``dues import FILE.xlsx --month YYYY-MM [--paid-on D] [--sheet NAME] [--dry-run] [--json]``
- ``dues pay MEMBER_ID --month YYYY-MM --method 代扣|现金|转账 [--on D] [--amount 元] [--json]``
- ``dues unpay MEMBER_ID --month YYYY-MM``
- ``dues remit --branch NAME --month YYYY-MM --members 1,2,3|--all-unpaid --total 元 [--on D]``
- ``dues arrears [--months N] [--branch NAME] [--json]``
- ``dues history MEMBER_ID [--json]``
- ``dues rule --year YYYY [--months N [--types 类型,…] | --off] [--json]``
- ``funds categories [--json]``
- ``funds plan --year YYYY --category C --amount 元`` / ``funds plan --year Y --copy-from Y``
- ``funds budget --year YYYY [--json]``
- ``funds expense add --category C --amount 元 --date D --description T [--voucher NO]``
- ``funds expense list --year YYYY [--category C] [--json]`` / ``funds expense delete ID``
- ``report dues-collection (--month YYYY-MM | --year YYYY)``, ``report dues-arrears``,
  ``report funds-execution --year``, ``report funds-final --year`` (``.xlsx`` → Excel)
"""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import (
    EXIT_DATA_ERROR,
    CliContext,
    emit,
    emit_json,
    emit_listing,
    fail,
    finish_import,
    options,
    resolve_branch,
)
from guilin_union.cli.lines import row_line, tab_line
from guilin_union.cli.option import (
    ArgAdder,
    count_opt,
    date_opt,
    flag,
    month_opt,
    opt,
    text_opt,
    year_opt,
    yuan_opt,
)
from guilin_union.cli.table import (
    BRANCH,
    DRY_RUN,
    JSON,
    JSON_RESULT,
    MEMBER_ID,
    XLSX_FILE,
    YEAR,
    add_area,
    add_reports,
    one_of,
)


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    _register_dues(sub)
    _register_funds(sub)
    _register_reports(report_sub)


# Options several dues commands share.
_LEDGER_MONTH = month_opt("--month", "月份", required=True)
_DUES_MONTH = month_opt("--month", "会费所属月份", required=True)
_NOTE = text_opt("--note", "备注")


def _category(help_text: str, **kwargs: Any) -> ArgAdder:
    """``--category``: a category by its code or its name."""
    return opt("--category", metavar="编码或名称", help=help_text, **kwargs)


def _register_dues(sub: argparse._SubParsersAction) -> None:
    add_area(
        sub,
        "dues",
        "会费台账：应缴、实缴、代扣名单导入、分工会上缴、欠缴",
        [
            (
                "ledger",
                "某月会费台账（每名会员应缴、实缴）",
                [
                    _LEDGER_MONTH,
                    BRANCH,
                    flag("--unpaid", "只列出未缴清的会员"),
                    JSON,
                ],
                cmd_ledger,
            ),
            (
                "open",
                "建立某月会费台账（按当时的工资基数固定应缴额）",
                [_LEDGER_MONTH],
                cmd_open,
            ),
            (
                "import",
                "导入财务处代扣名单（工号/姓名/金额；全部通过检查才写入）",
                [
                    XLSX_FILE,
                    _DUES_MONTH,
                    date_opt("--paid-on", "代扣日期（默认：该月最后一天）"),
                    opt("--sheet", metavar="NAME", help="工作表名称（默认自动识别）"),
                    DRY_RUN,
                    JSON_RESULT,
                ],
                cmd_import,
            ),
            (
                "pay",
                "登记一名会员某月的缴费",
                [
                    MEMBER_ID,
                    _DUES_MONTH,
                    opt(
                        "--method", required=True, choices=["代扣", "现金", "转账"], help="缴纳方式"
                    ),
                    date_opt("--on", "缴纳日期（默认：今天）"),
                    yuan_opt("--amount", "金额（默认：应缴金额）"),
                    _NOTE,
                    flag("--json", "以 JSON 输出该月台账行"),
                ],
                cmd_pay,
            ),
            (
                "unpay",
                "撤销一名会员某月的缴费登记",
                [
                    MEMBER_ID,
                    _DUES_MONTH,
                ],
                cmd_unpay,
            ),
            (
                "remit",
                "登记分工会上缴的某月会费（勾选会员，核对合计）",
                [
                    opt("--branch", required=True, metavar="NAME", help="分工会"),
                    _DUES_MONTH,
                    one_of(
                        opt("--members", metavar="1,2,3", help="会员 ID，逗号分隔"),
                        flag("--all-unpaid", "该分工会当月全部未缴会员"),
                        required=True,
                    ),
                    yuan_opt("--total", "上缴金额合计（须与应缴合计一致）", required=True),
                    date_opt("--on", "收到日期（默认：今天）"),
                    opt("--method", choices=["现金", "转账"], default="现金", help="上缴方式"),
                    _NOTE,
                    JSON,
                ],
                cmd_remit,
            ),
            (
                "arrears",
                "欠缴会费的会员",
                [
                    count_opt("--months", "欠缴至少 N 个月（默认：设置中的月数）"),
                    BRANCH,
                    JSON,
                ],
                cmd_arrears,
            ),
            (
                "rule",
                "年度慰问标准中的“按时缴纳会费”规则（欠缴超过 N 个月时慰问需说明理由）",
                [
                    year_opt("--year", "慰问标准年度", required=True),
                    one_of(
                        count_opt("--months", "允许欠缴的最多月数（启用规则）"),
                        flag("--off", "停用该年度的规则"),
                    ),
                    opt(
                        "--types",
                        metavar="类型,类型",
                        help="只对这些慰问类型适用（逗号分隔；默认全部类型）",
                    ),
                    JSON,
                ],
                cmd_rule,
            ),
            (
                "history",
                "一名会员的会费缴纳记录",
                [MEMBER_ID, JSON],
                cmd_history,
            ),
        ],
    )


def _register_funds(sub: argparse._SubParsersAction) -> None:
    fsub = add_area(
        sub,
        "funds",
        "工会经费：收支科目、年度预算、执行情况、收支登记",
        [
            (
                "categories",
                "列出或修改收支科目（设置）",
                [
                    one_of(
                        opt("--add", metavar="CODE", help="增加科目（同时给出 --name、--kind）"),
                        opt("--rename", metavar="CODE", help="修改科目名称（同时给出 --name）"),
                        opt("--remove", metavar="CODE", help="删除没有预算和收支记录的科目"),
                    ),
                    opt("--name", metavar="NAME", help="科目名称"),
                    opt("--kind", choices=["收入", "支出"], help="收入或支出"),
                    opt("--parent", metavar="CODE", help="上级科目编码（增加下级科目时）"),
                    JSON,
                ],
                cmd_categories,
            ),
            (
                "map",
                "活动类型、慰问类型计入哪个支出科目（设置）",
                [
                    one_of(
                        opt("--activity", metavar="类型", help="活动类型，如 文体活动"),
                        opt("--welfare", metavar="类型", help="慰问类型，如 生病住院"),
                    ),
                    _category("支出科目"),
                    JSON,
                ],
                cmd_map,
            ),
            (
                "plan",
                "设置某年度某科目的预算数（或复制上一年的预算）",
                [
                    YEAR,
                    one_of(
                        _category("科目，如 50102 或 文体活动"),
                        year_opt("--copy-from", "复制该年度的全部预算"),
                        required=True,
                    ),
                    yuan_opt("--amount", "预算金额"),
                    text_opt("--note", "说明"),
                ],
                cmd_plan,
            ),
            (
                "budget",
                "年度预算执行情况（按科目：预算数、实际数）",
                [YEAR, JSON],
                cmd_budget,
            ),
        ],
    )

    add_area(
        fsub,
        "expense",
        "登记程序中没有记录的收入或支出（凭证）",
        [
            (
                "add",
                "登记一笔收入或支出",
                [
                    _category("科目", required=True),
                    yuan_opt("--amount", "金额", required=True),
                    date_opt("--date", "日期", required=True),
                    text_opt("--description", "摘要", required=True),
                    opt("--voucher", metavar="NO", help="凭证号"),
                    year_opt("--year", "所属年度（默认：日期所在年）"),
                    JSON,
                ],
                cmd_expense_add,
            ),
            (
                "list",
                "列出某年度登记的收支",
                [
                    YEAR,
                    _category("只含该科目"),
                    JSON,
                ],
                cmd_expense_list,
            ),
            (
                "delete",
                "删除一笔登记（进入回收站）",
                [opt("entry_id", type=int, metavar="ID")],
                cmd_expense_delete,
            ),
        ],
    )


def _register_reports(report_sub: argparse._SubParsersAction) -> None:
    this_year = [year_opt("--year", "年度（默认：今年）")]
    add_reports(
        report_sub,
        [
            (
                "dues-collection",
                [
                    one_of(
                        month_opt("--month", "月份（默认：台账中最近的月份）"),
                        year_opt("--year", "年度"),
                    ),
                ],
                cmd_report_collection,
            ),
            (
                "dues-arrears",
                [count_opt("--months", "欠缴至少 N 个月"), BRANCH],
                cmd_report_arrears,
            ),
            ("funds-execution", this_year, cmd_report_execution),
            ("funds-final", this_year, cmd_report_final),
        ],
    )


# ---------------------------------------------------------------- helpers


def _today() -> str:
    import datetime

    return datetime.date.today().isoformat()


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def _fen(text: str) -> str:
    from guilin_union.core.money import format_fen

    return format_fen(int(text))


# ---------------------------------------------------------------- dues


def cmd_ledger(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.dates import parse_month
    from guilin_union.core.money import format_fen
    from guilin_union.services.money import dues_ledger as ledger

    db = ctx.db
    month = parse_month(args.month, field="month")
    bid = resolve_branch(db, args.branch)
    rows = ledger.month_ledger(db, month)
    if bid is not None:
        rows = [r for r in rows if r["branch_id"] == bid]
    if args.unpaid:
        rows = [r for r in rows if r["paid_fen"] < r["due_fen"]]
    if args.json:
        emit_json([ledger.to_public_json(r) for r in rows])
        return 0
    if not ledger.is_open(db, month):
        emit(f"（{month} 尚未建立台账：以下为按当前工资基数计算的应缴额）")
    for r in rows:
        paid = (
            f"{format_fen(r['paid_fen'])}（{r['method']} {r['paid_on']}）"
            if r["paid_fen"]
            else "未缴"
        )
        emit(tab_line(r["branch"], r["name"], r["staff_no"], format_fen(r["due_fen"]), paid))
    due, paid = sum(r["due_fen"] for r in rows), sum(r["paid_fen"] for r in rows)
    emit(f"共 {len(rows)} 人，应缴 {format_fen(due)} 元，实缴 {format_fen(paid)} 元")
    return 0


def cmd_open(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import dues_ledger as ledger

    n = ledger.open_month(ctx.db, args.month)
    emit(f"已建立台账，新增 {n} 人。" if n else "台账已是最新，没有需要新增的会员。")
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money.dues_import import run_deduction_import

    outcome = run_deduction_import(
        ctx.db, args.file, args.month, **options(args, "sheet", "dry_run", "paid_on")
    )
    if outcome.notes and not args.json and not outcome.errors:
        for note in outcome.notes:
            emit(note)
    return finish_import(args, outcome)


def cmd_pay(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import dues_ledger as ledger

    db = ctx.db
    ledger.record_payment(
        db,
        args.member_id,
        args.month,
        method=args.method,
        paid_on=args.on or _today(),
        amount_fen=args.amount,
        note=args.note,
    )
    row = ledger.ledger_row(db, args.member_id, args.month)
    assert row is not None
    if args.json:
        emit_json(ledger.to_public_json(row))
    else:
        emit(
            f"已登记：{row['name']} {row['month']} 会费 {_fen(row['paid_fen'])} 元（{row['method']}）"
        )
    return 0


def cmd_unpay(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import dues_ledger as ledger

    ledger.clear_payment(ctx.db, args.member_id, args.month)
    emit("已撤销该月缴费登记。")
    return 0


def cmd_remit(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.money import dues_ledger as ledger

    db = ctx.db
    bid = resolve_branch(db, args.branch)
    assert bid is not None
    if args.all_unpaid:
        ids = [
            r["member_id"]
            for r in ledger.month_ledger(db, args.month)
            if r["branch_id"] == bid and r["paid_fen"] == 0
        ]
    else:
        try:
            ids = [int(x) for x in args.members.replace("，", ",").split(",") if x.strip()]
        except ValueError:
            raise ValidationError("--members 应为逗号分隔的会员 ID，如 12,15,20") from None
    result = ledger.record_remittance(
        db,
        bid,
        args.month,
        ids,
        total_fen=args.total,
        received_on=args.on or _today(),
        method=args.method,
        note=args.note,
    )
    if args.json:
        emit_json({"remittance_id": result.row_id, "members": len(ids)})
    else:
        emit(f"已登记{args.branch}上缴 {args.month} 会费：{len(ids)} 人，{args.total} 元。")
    return 0


def cmd_arrears(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.money import format_fen
    from guilin_union.services import settings
    from guilin_union.services.money import dues_ledger as ledger

    db = ctx.db
    months = (
        args.months if args.months is not None else int(settings.get(db, "dues_arrears_months"))
    )
    if months < 1:
        return fail("错误：--months 应为正整数", EXIT_DATA_ERROR)
    found = ledger.arrears(db, min_months=months, branch_id=resolve_branch(db, args.branch))
    return emit_listing(
        found,
        as_json=args.json,
        line=lambda a: tab_line(
            a.branch,
            a.name,
            a.staff_no,
            f"欠缴 {len(a.months)} 个月",
            f"{format_fen(a.arrears_fen)} 元",
            f"{a.months[0]}～{a.months[-1]}",
        ),
        total=f"欠缴 {months} 个月及以上：{len(found)} 人，合计 {format_fen(sum(a.arrears_fen for a in found))} 元",
        json_row=lambda a: a.to_json(),
    )


def cmd_rule(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import dues_rule

    db = ctx.db
    if args.off:
        dues_rule.set_rule(db, args.year, None)
    elif args.months is not None:
        types = [t for t in (args.types or "").replace("，", ",").split(",") if t.strip()]
        dues_rule.set_rule(db, args.year, args.months, types)
    current = dues_rule.get_rule(db, args.year)
    if args.json:
        emit_json(current.to_json() if current else None)
    else:
        emit(current.describe() if current else f"{args.year}年慰问标准未启用“按时缴纳会费”规则。")
    return 0


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import NotFoundError
    from guilin_union.core.money import format_fen
    from guilin_union.services.money import dues_ledger as ledger

    db = ctx.db
    if db.execute("SELECT 1 FROM members WHERE id = ?", [args.member_id]).fetchone() is None:
        raise NotFoundError("会员不存在（可能已被删除）")
    rows = ledger.member_history(db, args.member_id)
    if args.json:
        emit_json([ledger.to_public_json(r) for r in rows])
        return 0
    for r in rows:
        state = f"{r['method']} {r['paid_on']}" if r["paid_fen"] else "未缴"
        emit(
            f"{r['month']}\t应缴 {format_fen(r['due_fen'])}\t实缴 {format_fen(r['paid_fen'])}\t{state}"
        )
    return 0


# ---------------------------------------------------------------- funds


def cmd_categories(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.money import budget

    db = ctx.db
    if args.add:
        if not args.name or not args.kind:
            raise ValidationError("增加科目请同时给出 --name 和 --kind")
        budget.add_category(db, args.add, args.name, args.kind, args.parent)
    elif args.rename:
        if not args.name:
            raise ValidationError("请用 --name 给出新名称")
        budget.rename_category(db, args.rename, args.name)
    elif args.remove:
        budget.remove_category(db, args.remove)
    chart = budget.categories(db)
    if args.json:
        emit_json(
            [
                {
                    "code": c.code,
                    "kind": c.kind,
                    "name": c.name,
                    "parent": c.parent,
                    "level": c.level,
                }
                for c in chart
            ]
        )
        return 0
    for c in chart:
        emit(f"{c.code}\t{c.kind}\t{'    ' if c.parent else ''}{c.name}")
    return 0


def cmd_map(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.money import budget

    db = ctx.db
    if args.activity or args.welfare:
        if not args.category:
            raise ValidationError("请用 --category 给出支出科目")
        which = "activity" if args.activity else "welfare"
        budget.set_category_map(db, which, args.activity or args.welfare, args.category)
    maps = budget.category_maps(db)
    if args.json:
        emit_json(maps)
        return 0
    chart = budget.categories(db)
    for which, label in (("activity", "活动类型"), ("welfare", "慰问类型")):
        for type_name, code in maps[which].items():
            emit(f"{label}\t{type_name}\t{budget.category_label(chart, code)}")
    return 0


def cmd_plan(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.money import budget

    db = ctx.db
    if args.copy_from is not None:
        n = budget.copy_plans(db, args.copy_from, args.year).row_id
        emit(f"已把{args.copy_from}年的 {n} 项预算复制到{args.year}年。")
        return 0
    if not args.amount:
        raise ValidationError("请用 --amount 给出预算金额（元）")
    budget.set_plan(db, args.year, args.category, args.amount, args.note or "")
    emit(f"已设置{args.year}年“{args.category}”预算 {args.amount} 元。")
    return 0


def cmd_budget(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.money import format_fen
    from guilin_union.services.money import budget

    ex = budget.execution(ctx.db, args.year)
    if args.json:
        emit_json(ex.to_json())
        return 0
    for line in ex.lines:
        indent = "    " if line.level == 2 else ""
        pct = f"{line.percent}%" if line.percent is not None else "—"
        emit(
            f"{line.kind}\t{indent}{line.name}\t预算 {format_fen(line.planned_fen)}\t"
            f"实际 {format_fen(line.actual_fen)}\t{pct}"
        )
    emit(
        f"收入合计 {format_fen(ex.total('收入').actual_fen)} 元，支出合计 "
        f"{format_fen(ex.total('支出').actual_fen)} 元，结余 {format_fen(ex.balance_actual_fen)} 元"
    )
    return 0


def cmd_expense_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import budget

    db = ctx.db
    entry_id = budget.add_entry(
        db,
        entry_date=args.date,
        voucher_no=args.voucher or "",
        **options(args, "category", "amount", "description", "year"),
    ).row_id
    if args.json:
        row = next(
            r
            for r in budget.list_entries(db, args.year or int(args.date[:4]))
            if r["id"] == entry_id
        )
        emit_json(budget.entry_json(row))
    else:
        emit(f"已登记（编号 {entry_id}）。")
    return 0


def cmd_expense_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.money import format_fen
    from guilin_union.services.money import budget

    rows = budget.list_entries(ctx.db, args.year, category=args.category)
    return emit_listing(
        rows,
        as_json=args.json,
        line=row_line(
            "id", "entry_date", "kind", "category_name", "amount", "voucher_no", "description"
        ),
        total=f"共 {len(rows)} 笔，合计 {format_fen(sum(r['amount_fen'] for r in rows))} 元",
        json_row=budget.entry_json,
    )


def cmd_expense_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import budget

    budget.delete_entry(ctx.db, args.entry_id)
    emit("已删除（可在“编辑 ▸ 回收站”中恢复）。")
    return 0


# ---------------------------------------------------------------- reports


def cmd_report_collection(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import dues_ledger as ledger
    from guilin_union.services.money import outputs

    db = ctx.db
    month = args.month
    if month is None and args.year is None:
        month = next(iter(ledger.months_in_ledger(db)), ledger.this_month())
    path = outputs.collection_report(db, args.output, month=month, year=args.year)
    emit(f"已生成会费收缴情况表：{path}")
    return 0


def cmd_report_arrears(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import outputs

    db = ctx.db
    path = outputs.arrears_report(
        db, args.output, min_months=args.months, branch_id=resolve_branch(db, args.branch)
    )
    emit(f"已生成欠缴会费名单：{path}")
    return 0


def cmd_report_execution(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import outputs

    year = args.year or _this_year()
    path = outputs.execution_report(ctx.db, args.output, year)
    emit(f"已生成{year}年度工会经费预算执行情况表：{path}")
    return 0


def cmd_report_final(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.money import outputs

    year = args.year or _this_year()
    path = outputs.final_accounts_report(ctx.db, args.output, year)
    emit(f"已生成{year}年度工会经费收支决算表：{path}")
    return 0
