"""预算执行情况表 and 年度收支决算表 of the union's funds (工会经费).

Plain data in, PDF out. Lines come in the chart's order; first-level categories in the title
face, sub-categories indented. Totals of income and spending in figures and in 大写.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "预算.pdf"
>>> lines = [FundLine("收入", 1, "会费收入", 100000, 95000),
...          FundLine("支出", 1, "职工活动支出", 80000, 90000)]
>>> build_funds_execution(out, lines, year=2025, institution="桂林学院",
...                       union_name="桂林学院工会委员会").name
'预算.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Unpack

from guilin_union.core.money import format_fen
from guilin_union.reports.document import Col, Report, cols
from guilin_union.reports.members.common import Letterhead, union_report
from guilin_union.reports.money.common import pct, require_fen
from guilin_union.reports.registry import signature_of

EXECUTION = "funds-execution"
FINAL = "funds-final"

INDENT = "\u3000\u3000"  # two ideographic spaces before a sub-category


@dataclass(frozen=True)
class FundLine:
    kind: str  # 收入 / 支出
    level: int  # 1 or 2
    name: str
    planned_fen: int
    actual_fen: int

    @property
    def difference_fen(self) -> int:
        return self.actual_fen - self.planned_fen


def _check(lines: Sequence[FundLine]) -> None:
    for line in lines:
        require_fen(line.planned_fen, line.actual_fen)


def _totals(lines: Sequence[FundLine], kind: str) -> tuple[int, int]:
    top = [line for line in lines if line.kind == kind and line.level == 1]
    return sum(x.planned_fen for x in top), sum(x.actual_fen for x in top)


def _tables_by_kind(
    report: Report,
    lines: Sequence[FundLine],
    columns: Sequence[Col],
    figures: Callable[[FundLine, FundLine], list[object]],
    font_size: float,
) -> None:
    """A section and a table for 收入, then for 支出: top categories numbered 1, 2, …,
    sub-categories indented under them without a number, the kind's 合计 line last.
    ``figures(line, total)`` gives a line's cells after its name."""
    for kind in ("收入", "支出"):
        total = FundLine(kind, 1, f"{kind}合计", *_totals(lines, kind))
        rows: list[list[object]] = []
        number = 0
        for line in (x for x in lines if x.kind == kind):
            if line.level == 1:
                number += 1
            name = (INDENT + line.name) if line.level == 2 else line.name
            rows.append([number if line.level == 1 else "", name, *figures(line, total)])
        report.section(kind)
        report.table(
            columns, rows, total_row=["", total.name, *figures(total, total)], font_size=font_size
        )


EXECUTION_COLUMNS = cols(
    "序号 8 中 | 科目 40 | 预算数（元） 22 右 | 实际数（元） 22 右 | 差额（元） 22 右 | 执行率 13 右"
)


def build_funds_execution(
    path: str | os.PathLike[str],
    lines: Sequence[FundLine],
    *,
    year: int,
    notes: Sequence[str] = (),
    signers: Sequence[str] = ("制表人", "审核人", "工会负责人"),
    **letterhead: Unpack[Letterhead],
) -> Path:
    """差额 = 实际数 − 预算数; 执行率 = 实际数 ÷ 预算数."""
    _check(lines)
    report = union_report(
        path, f"{year}年度经费预算执行情况表", letterhead, subtitle="金额单位：元"
    )
    _tables_by_kind(report, lines, EXECUTION_COLUMNS, _execution_figures, 9.5)
    (ip, ia), (sp, sa) = _totals(lines, "收入"), _totals(lines, "支出")
    with report.keep_together():
        report.totals("收入实际合计", ia)
        report.totals("支出实际合计", sa)
        report.paragraph(
            f"收入预算 {format_fen(ip)} 元，支出预算 {format_fen(sp)} 元；"
            f"本年结余（收入实际 − 支出实际）{format_fen(ia - sa)} 元。"
        )
        for note in notes:
            report.paragraph(note, size=8)
    report.sign_off(signature_of(EXECUTION), labels=signers)
    return report.save()


def _execution_figures(line: FundLine, _total: FundLine) -> list[object]:
    """预算数, 实际数, 差额 and 执行率 of a line."""
    amounts = (line.planned_fen, line.actual_fen, line.difference_fen)
    return [*(format_fen(fen) for fen in amounts), pct(line.actual_fen, line.planned_fen)]


def _final_figures(line: FundLine, total: FundLine) -> list[object]:
    """This year's amount and its share of the kind's total (100.0% on the total line)."""
    return [format_fen(line.actual_fen), pct(line.actual_fen, total.actual_fen)]


FINAL_COLUMNS = cols("序号 8 中 | 科目 52 | 本年数（元） 26 右 | 占比 14 右")


def build_funds_final(
    path: str | os.PathLike[str],
    lines: Sequence[FundLine],
    *,
    year: int,
    opening_note: str = "",
    notes: Sequence[str] = (),
    signers: Sequence[str] = ("制表人", "经费审查委员会主任", "工会负责人"),
    **letterhead: Unpack[Letterhead],
) -> Path:
    """The year's actual income and spending by category with shares of their totals and
    the year's balance (收支结余)."""
    _check(lines)
    period = f"{year}年1月1日至{year}年12月31日"
    report = union_report(
        path, f"{year}年度经费收支决算表", letterhead, subtitle=f"{period}　金额单位：元"
    )
    if opening_note:
        report.paragraph(opening_note)
    _tables_by_kind(report, lines, FINAL_COLUMNS, _final_figures, 9)
    income, spending = _totals(lines, "收入")[1], _totals(lines, "支出")[1]
    report.section("收支结余")
    with report.keep_together():
        report.totals("本年收入合计", income)
        report.totals("本年支出合计", spending)
        balance = income - spending
        if balance >= 0:
            report.totals("本年收支结余", balance)
        else:
            report.totals("本年收支差额（超支）", -balance)
        for note in notes:
            report.paragraph(note, size=8)
    report.sign_off(signature_of(FINAL), labels=signers)
    return report.save()
