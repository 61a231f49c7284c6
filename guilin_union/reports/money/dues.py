"""会费收缴情况表 (per month or per year, by 分工会) and 欠缴会费名单.

Plain data in, PDF out: due, paid and arrears per 分工会 with a total row, the totals in
figures and in 大写, and a signature block; the arrears list per member.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "会费.pdf"
>>> rows = [CollectionRow("文学院分工会", 2, 4835, 2835, 2000, 1)]
>>> build_dues_collection(out, rows, period="2025年3月", institution="桂林学院",
...                       union_name="桂林学院工会委员会").name
'会费.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.core.funds import percent_text
from guilin_union.core.money import format_fen
from guilin_union.reports.document import Col, Report
from guilin_union.reports.registry import signature_of

COLLECTION = "dues-collection"
ARREARS = "dues-arrears"
SIGNATURES_COLLECTION = signature_of(COLLECTION)
SIGNATURES_ARREARS = signature_of(ARREARS)


@dataclass(frozen=True)
class CollectionRow:
    branch: str
    members: int  # people (a month) or member-months (a year)
    due_fen: int
    paid_fen: int
    arrears_fen: int
    unpaid_members: int


@dataclass(frozen=True)
class ArrearsRow:
    branch: str
    name: str
    staff_no: str
    member_no: str
    months: int
    period: str  # 2025-01～2025-03
    arrears_fen: int


COLLECTION_COLUMNS = (
    Col("序号", 8, "center"),
    Col("分工会", 34),
    Col("应缴人数", 12, "right"),
    Col("应缴金额（元）", 19, "right"),
    Col("实缴金额（元）", 19, "right"),
    Col("欠缴金额（元）", 19, "right"),
    Col("欠缴人数", 12, "right"),
    Col("收缴率", 12, "right"),
)


def build_dues_collection(
    path: str | os.PathLike[str],
    rows: Sequence[CollectionRow],
    *,
    period: str,
    institution: str,
    union_name: str,
    yearly: bool = False,
    signers: Sequence[str] = ("制表人", "审核人", "工会负责人"),
    generated_on: datetime.date | None = None,
) -> Path:
    """Write the table for ``period`` (``2025年3月`` or ``2025年``). For a year the people
    columns count member-months (人·月)."""
    for r in rows:
        for v in (r.due_fen, r.paid_fen, r.arrears_fen):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError("金额必须是整数（分）")
    cols = list(COLLECTION_COLUMNS)
    if yearly:
        cols[2] = Col("应缴人·月", 12, "right")
        cols[6] = Col("欠缴人·月", 12, "right")
    report = Report(
        path,
        f"{union_name or institution}会费收缴情况表",
        institution=institution,
        subtitle=period,
        generated_on=generated_on,
    )
    data = [
        [
            i,
            r.branch,
            r.members,
            format_fen(r.due_fen),
            format_fen(r.paid_fen),
            format_fen(r.arrears_fen),
            r.unpaid_members,
            _pct(r.paid_fen, r.due_fen),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    due = sum(r.due_fen for r in rows)
    paid = sum(r.paid_fen for r in rows)
    owed = sum(r.arrears_fen for r in rows)
    total = [
        "",
        "合计",
        sum(r.members for r in rows),
        format_fen(due),
        format_fen(paid),
        format_fen(owed),
        sum(r.unpaid_members for r in rows),
        _pct(paid, due),
    ]
    report.table(cols, data, total_row=total, font_size=9.5)
    with report.keep_together():
        report.totals(f"{period}应缴会费", due)
        report.totals(f"{period}实缴会费", paid)
        report.totals(f"{period}欠缴会费", owed)
    report.sign_off(SIGNATURES_COLLECTION, labels=signers)
    return report.save()


def _pct(part: int, whole: int) -> str:
    text = percent_text(part, whole)
    return "—" if text is None else f"{text}%"


ARREARS_COLUMNS = (
    Col("序号", 8, "center"),
    Col("分工会", 27),
    Col("姓名", 13, "center"),
    Col("工号", 18, "center"),
    Col("会员编号", 20, "center"),
    Col("欠缴月数", 10, "right"),
    Col("欠缴月份", 27),
    Col("欠缴金额（元）", 17, "right"),
)


def build_dues_arrears(
    path: str | os.PathLike[str],
    rows: Sequence[ArrearsRow],
    *,
    institution: str,
    union_name: str,
    subtitle: str = "",
    signers: Sequence[str] = ("制表人", "审核人"),
    generated_on: datetime.date | None = None,
) -> Path:
    report = Report(
        path,
        f"{union_name or institution}欠缴会费名单",
        institution=institution,
        subtitle=subtitle or None,
        generated_on=generated_on,
    )
    data = [
        [
            i,
            r.branch,
            r.name,
            r.staff_no,
            r.member_no,
            r.months,
            r.period,
            format_fen(r.arrears_fen),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    owed = sum(r.arrears_fen for r in rows)
    total = [
        "",
        "合计",
        f"{len(rows)} 人",
        "",
        "",
        sum(r.months for r in rows),
        "",
        format_fen(owed),
    ]
    report.table(list(ARREARS_COLUMNS), data, total_row=total, font_size=9.5)
    report.totals("欠缴会费合计", owed)
    report.sign_off(SIGNATURES_ARREARS, labels=signers)
    return report.save()
