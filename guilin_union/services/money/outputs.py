"""The money area's printouts and Excel files: 会费收缴情况表, 欠缴会费名单, 预算执行情况表 and
年度收支决算表 (the last two also as .xlsx: the output's suffix decides)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Unpack

import sqlite_utils

from guilin_union.core.dates import parse_month
from guilin_union.core.money import format_fen
from guilin_union.reports.money.common import pct
from guilin_union.services import settings
from guilin_union.services.common_outputs import issuer_name, letterhead
from guilin_union.services.money import budget
from guilin_union.services.money import dues_ledger as ledger

if TYPE_CHECKING:
    from guilin_union.reports.members.common import Letterhead
    from guilin_union.reports.money.funds import FundLine


def _chair(db: sqlite_utils.Database) -> str:
    return str(settings.get(db, "union_chair_title") or "工会负责人")


def _is_excel(path: str | Path) -> bool:
    return str(path).lower().endswith(".xlsx")


# ---------------------------------------------------------------- dues


def collection_report(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    month: str | None = None,
    year: int | None = None,
) -> Path:
    from guilin_union.reports.money.dues import CollectionRow, build_dues_collection

    if month is not None:
        month = parse_month(month, field="month")
        period = f"{int(month[:4])}年{int(month[5:])}月"
        data = ledger.collection_by_branch(db, month=month)
    else:
        assert year is not None
        period = f"{year}年"
        data = ledger.collection_by_branch(db, year=year)
    rows = [
        CollectionRow(b.branch, b.members, b.due_fen, b.paid_fen, b.arrears_fen, b.unpaid_members)
        for b in data
    ]
    return build_dues_collection(
        path,
        rows,
        period=period,
        yearly=month is None,
        signers=("制表人", "审核人", _chair(db)),
        **letterhead(db),
    )


def arrears_report(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    min_months: int | None = None,
    branch_id: int | None = None,
) -> Path:
    from guilin_union.reports.money.dues import ArrearsRow, build_dues_arrears

    months = int(min_months if min_months is not None else settings.get(db, "dues_arrears_months"))
    found = ledger.arrears(db, min_months=months, branch_id=branch_id)
    rows = [
        ArrearsRow(
            a.branch,
            a.name,
            a.staff_no or "",
            a.member_no or "",
            len(a.months),
            a.months[0] if len(a.months) == 1 else f"{a.months[0]}～{a.months[-1]}",
            a.arrears_fen,
        )
        for a in found
    ]
    return build_dues_arrears(
        path, rows, subtitle=f"欠缴 {months} 个月及以上（截至打印日）", **letterhead(db)
    )


def export_ledger(
    db: sqlite_utils.Database, path: str | Path, query: ledger.LedgerQuery
) -> tuple[Path, int]:
    """Excel of one month's ledger view (the rows the page shows, in its order)."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    rows = ledger.ledger_page(db, query)
    columns = sheet_columns(
        "branch 分工会 24 | member_no 会员编号 | name 姓名 | staff_no 工号"
        " | base_fen 工资基数（元） money | due_fen 应缴（元） money | paid_fen 实缴（元） money"
        " | arrears_fen 欠缴（元） money | method 缴纳方式 | paid_on 缴纳日期 date | source 来源"
        " | recorded_by 登记人 | note 备注 24"
    )
    month = query.month
    union = issuer_name(db)
    heading = f"{union}{int(month[:4])}年{int(month[5:])}月会费台账"
    out = write_workbook(path, [Sheet("会费台账", columns, rows, heading=heading)])
    return out, len(rows)


# ---------------------------------------------------------------- funds


def _fund_lines(ex: budget.Execution) -> list[Any]:
    from guilin_union.reports.money.funds import FundLine

    return [
        FundLine(line.kind, line.level, line.name, line.planned_fen, line.actual_fen)
        for line in ex.lines
    ]


def _notes(ex: budget.Execution) -> list[str]:
    note = (
        "注：会费收入取自会费台账（按缴纳日期），活动和慰问支出取自活动经费和校工会经费支付的"
        "已发放慰问，其余为登记的收支凭证"
    )
    if ex.branch_welfare_fen:
        note += f"；分工会经费支付的慰问 {format_fen(ex.branch_welfare_fen)} 元未计入"
    return [note + "。"]


class _FundsPdf(Protocol):
    """``reports.money.funds.build_funds_execution`` / ``build_funds_final``."""

    def __call__(
        self,
        path: str | os.PathLike[str],
        lines: Sequence[FundLine],
        *,
        year: int,
        notes: Sequence[str] = ...,
        signers: Sequence[str] = ...,
        **letterhead: Unpack[Letterhead],
    ) -> Path: ...


def _execution_pdf() -> _FundsPdf:
    from guilin_union.reports.money.funds import build_funds_execution  # reportlab: lazily

    return build_funds_execution


def _final_pdf() -> _FundsPdf:
    from guilin_union.reports.money.funds import build_funds_final

    return build_funds_final


def execution_report(db: sqlite_utils.Database, path: str | Path, year: int) -> Path:
    return _funds_report(db, path, year, _execution_excel, _execution_pdf, "审核人")


def final_accounts_report(db: sqlite_utils.Database, path: str | Path, year: int) -> Path:
    return _funds_report(db, path, year, _final_excel, _final_pdf, "经费审查委员会主任")


def _funds_report(
    db: sqlite_utils.Database,
    path: str | Path,
    year: int,
    excel: Callable[[sqlite_utils.Database, str | Path, budget.Execution], Path],
    pdf: Callable[[], _FundsPdf],
    checker: str,
) -> Path:
    """The year's 经费收支执行/决算 table: ``excel(db, path, execution)`` for an .xlsx path,
    else the PDF of the builder ``pdf()`` returns, signed by 制表人, ``checker``, 主席."""
    ex = budget.execution(db, year)
    if _is_excel(path):
        return excel(db, path, ex)
    return pdf()(
        path,
        _fund_lines(ex),
        year=ex.year,
        notes=_notes(ex),
        signers=("制表人", checker, _chair(db)),
        **letterhead(db),
    )


def _label(line: budget.BudgetLine) -> str:
    return ("\u3000\u3000" + line.name) if line.level == 2 else line.name


def _budget_sheet(
    db: sqlite_utils.Database,
    path: str | Path,
    ex: budget.Execution,
    title: str,
    heading: str,
    columns: list[Any],
    rows: list[dict[str, Any]],
) -> Path:
    """One-sheet workbook of a year's budget lines: 收支, 科目编码, 科目 then ``columns``."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    subject = sheet_columns("kind 收支 6 | code 科目编码 10 | name 科目 24")
    union = issuer_name(db)
    sheet_heading = f"{union}{ex.year}年度{heading}（金额单位：元）"
    return write_workbook(path, [Sheet(title, [*subject, *columns], rows, heading=sheet_heading)])


def _execution_row(kind: str, code: str, name: str, x: Any) -> dict[str, Any]:
    """A line (or a total) of the 执行 table: planned, actual, difference and rate."""
    return {
        "kind": kind,
        "code": code,
        "name": name,
        "planned": x.planned_fen,
        "actual": x.actual_fen,
        "difference": x.difference_fen,
        "percent": pct(x.actual_fen, x.planned_fen),
    }


def _execution_excel(db: sqlite_utils.Database, path: str | Path, ex: budget.Execution) -> Path:
    from guilin_union.spreadsheets.writer import sheet_columns

    columns = sheet_columns(
        "planned 预算数（元） money | actual 实际数（元） money"
        " | difference 差额（元） money | percent 执行率 10"
    )
    rows: list[dict[str, Any]] = []
    for kind in ("收入", "支出"):
        for line in ex.lines:
            if line.kind == kind:
                rows.append(_execution_row(kind, line.code, _label(line), line))
        rows.append(_execution_row(kind, "", f"{kind}合计", ex.total(kind)))
    return _budget_sheet(db, path, ex, "预算执行情况", "经费预算执行情况表", columns, rows)


def _final_excel(db: sqlite_utils.Database, path: str | Path, ex: budget.Execution) -> Path:
    from guilin_union.spreadsheets.writer import sheet_columns

    columns = sheet_columns("actual 本年数（元） money | share 占比 10")
    rows: list[dict[str, Any]] = []
    for kind in ("收入", "支出"):
        total = ex.total(kind).actual_fen
        for line in ex.lines:
            if line.kind == kind:
                rows.append(
                    {
                        "kind": kind,
                        "code": line.code,
                        "name": _label(line),
                        "actual": line.actual_fen,
                        "share": pct(line.actual_fen, total),
                    }
                )
        rows.append({"kind": kind, "code": "", "name": f"{kind}合计", "actual": total, "share": ""})
    rows.append(
        {
            "kind": "",
            "code": "",
            "name": "本年收支结余",
            "actual": ex.balance_actual_fen,
            "share": "",
        }
    )
    return _budget_sheet(db, path, ex, "收支决算", "经费收支决算表", columns, rows)
