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

import datetime
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.core.funds import percent_text
from guilin_union.core.money import format_fen
from guilin_union.reports.document import Col, Report
from guilin_union.reports.registry import signature_of

EXECUTION = "funds-execution"
FINAL = "funds-final"
SIGNATURES_EXECUTION = signature_of(EXECUTION)
SIGNATURES_FINAL = signature_of(FINAL)

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


def _pct(part: int, whole: int) -> str:
    text = percent_text(part, whole)
    return "—" if text is None else f"{text}%"


def _check(lines: Sequence[FundLine]) -> None:
    for line in lines:
        for v in (line.planned_fen, line.actual_fen):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError("金额必须是整数（分）")


def _totals(lines: Sequence[FundLine], kind: str) -> tuple[int, int]:
    top = [line for line in lines if line.kind == kind and line.level == 1]
    return sum(x.planned_fen for x in top), sum(x.actual_fen for x in top)


def _numbered_rows(
    lines: Sequence[FundLine], kind: str, figures: Callable[[FundLine], list[object]]
) -> list[list[object]]:
    """The rows of one kind (收入 or 支出): top categories numbered 1, 2, …, sub-categories
    indented under them without a number, then the ``figures`` of the line."""
    rows: list[list[object]] = []
    number = 0
    for line in (x for x in lines if x.kind == kind):
        if line.level == 1:
            number += 1
        name = (INDENT + line.name) if line.level == 2 else line.name
        rows.append([number if line.level == 1 else "", name, *figures(line)])
    return rows


EXECUTION_COLUMNS = (
    Col("序号", 8, "center"),
    Col("科目", 40),
    Col("预算数（元）", 22, "right"),
    Col("实际数（元）", 22, "right"),
    Col("差额（元）", 22, "right"),
    Col("执行率", 13, "right"),
)


def build_funds_execution(
    path: str | os.PathLike[str],
    lines: Sequence[FundLine],
    *,
    year: int,
    institution: str,
    union_name: str,
    notes: Sequence[str] = (),
    signers: Sequence[str] = ("制表人", "审核人", "工会负责人"),
    generated_on: datetime.date | None = None,
) -> Path:
    """差额 = 实际数 − 预算数; 执行率 = 实际数 ÷ 预算数."""
    _check(lines)
    report = Report(
        path,
        f"{union_name or institution}{year}年度经费预算执行情况表",
        institution=institution,
        subtitle="金额单位：元",
        generated_on=generated_on,
    )
    for kind in ("收入", "支出"):
        planned, actual = _totals(lines, kind)
        rows = _numbered_rows(
            lines,
            kind,
            lambda line: [
                format_fen(line.planned_fen),
                format_fen(line.actual_fen),
                format_fen(line.difference_fen),
                _pct(line.actual_fen, line.planned_fen),
            ],
        )
        report.section(kind)
        report.table(
            list(EXECUTION_COLUMNS),
            rows,
            total_row=[
                "",
                f"{kind}合计",
                format_fen(planned),
                format_fen(actual),
                format_fen(actual - planned),
                _pct(actual, planned),
            ],
            font_size=9.5,
        )
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
    report.sign_off(SIGNATURES_EXECUTION, labels=signers)
    return report.save()


FINAL_COLUMNS = (
    Col("序号", 8, "center"),
    Col("科目", 52),
    Col("本年数（元）", 26, "right"),
    Col("占比", 14, "right"),
)


def build_funds_final(
    path: str | os.PathLike[str],
    lines: Sequence[FundLine],
    *,
    year: int,
    institution: str,
    union_name: str,
    opening_note: str = "",
    notes: Sequence[str] = (),
    signers: Sequence[str] = ("制表人", "经费审查委员会主任", "工会负责人"),
    generated_on: datetime.date | None = None,
) -> Path:
    """The year's actual income and spending by category with shares of their totals and
    the year's balance (收支结余)."""
    _check(lines)
    report = Report(
        path,
        f"{union_name or institution}{year}年度经费收支决算表",
        institution=institution,
        subtitle=f"{year}年1月1日至{year}年12月31日　金额单位：元",
        generated_on=generated_on,
    )
    if opening_note:
        report.paragraph(opening_note)
    for kind in ("收入", "支出"):
        actual = _totals(lines, kind)[1]
        rows = _numbered_rows(
            lines,
            kind,
            lambda line, actual=actual: [
                format_fen(line.actual_fen),
                _pct(line.actual_fen, actual),
            ],
        )
        report.section(kind)
        report.table(
            list(FINAL_COLUMNS),
            rows,
            total_row=["", f"{kind}合计", format_fen(actual), "100.0%" if actual else "—"],
            font_size=9,
        )
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
    report.sign_off(SIGNATURES_FINAL, labels=signers)
    return report.save()
