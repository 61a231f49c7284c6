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

import os
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Unpack

from guilin_union.core.money import format_fen
from guilin_union.reports.document import cols
from guilin_union.reports.members.common import Letterhead, union_report
from guilin_union.reports.money.common import pct, require_fen
from guilin_union.reports.registry import signature_of

COLLECTION = "dues-collection"
ARREARS = "dues-arrears"


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


_COLLECTION = (
    "序号 8 中 | 分工会 34 | 应缴人数 12 右 | 应缴金额（元） 19 右 | 实缴金额（元） 19 右"
    " | 欠缴金额（元） 19 右 | 欠缴人数 12 右 | 收缴率 12 右"
)
COLLECTION_COLUMNS = cols(_COLLECTION)
# For a year the people columns count member-months.
YEARLY_COLUMNS = cols(_COLLECTION.replace("人数", "人·月"))


def build_dues_collection(
    path: str | os.PathLike[str],
    rows: Sequence[CollectionRow],
    *,
    period: str,
    yearly: bool = False,
    signers: Sequence[str] = ("制表人", "审核人", "工会负责人"),
    **letterhead: Unpack[Letterhead],
) -> Path:
    """Write the table for ``period`` (``2025年3月`` or ``2025年``). For a year the people
    columns count member-months (人·月)."""
    for r in rows:
        require_fen(r.due_fen, r.paid_fen, r.arrears_fen)
    report = union_report(path, "会费收缴情况表", letterhead, subtitle=period)
    data = [[i, *_collection_cells(r)] for i, r in enumerate(rows, start=1)]
    total = _summed(rows)
    report.table(
        YEARLY_COLUMNS if yearly else COLLECTION_COLUMNS,
        data,
        total_row=["", *_collection_cells(total)],
        font_size=9.5,
    )
    with report.keep_together():
        report.totals(f"{period}应缴会费", total.due_fen)
        report.totals(f"{period}实缴会费", total.paid_fen)
        report.totals(f"{period}欠缴会费", total.arrears_fen)
    report.sign_off(signature_of(COLLECTION), labels=signers)
    return report.save()


def _collection_cells(r: CollectionRow) -> list[object]:
    """A line of the table after its number: the amounts in 元 and the collection rate."""
    amounts = [format_fen(fen) for fen in (r.due_fen, r.paid_fen, r.arrears_fen)]
    return [r.branch, r.members, *amounts, r.unpaid_members, pct(r.paid_fen, r.due_fen)]


def _summed(rows: Sequence[CollectionRow]) -> CollectionRow:
    """The 合计 line: every count and amount added up over the 分工会."""
    numbers = [f.name for f in fields(CollectionRow) if f.name != "branch"]
    return CollectionRow("合计", *(sum(getattr(r, name) for r in rows) for name in numbers))


ARREARS_COLUMNS = cols(
    "序号 8 中 | 分工会 27 | 姓名 13 中 | 工号 18 中 | 会员编号 20 中 | 欠缴月数 10 右"
    " | 欠缴月份 27 | 欠缴金额（元） 17 右"
)


def build_dues_arrears(
    path: str | os.PathLike[str],
    rows: Sequence[ArrearsRow],
    *,
    subtitle: str = "",
    signers: Sequence[str] = ("制表人", "审核人"),
    **letterhead: Unpack[Letterhead],
) -> Path:
    report = union_report(path, "欠缴会费名单", letterhead, subtitle=subtitle or None)
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
    months = sum(r.months for r in rows)
    total = ["", "合计", f"{len(rows)} 人", "", "", months, "", format_fen(owed)]
    report.table(ARREARS_COLUMNS, data, total_row=total, font_size=9.5)
    report.totals("欠缴会费合计", owed)
    report.sign_off(signature_of(ARREARS), labels=signers)
    return report.save()
