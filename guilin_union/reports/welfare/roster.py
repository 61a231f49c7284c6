"""慰问发放签领表: the sign-for roster people sign when they receive a condolence payment.

One section per 分工会, each starting on its own page, with a subtotal in figures and in
大写 and the footer lines the 分工会 signs (经手人, 证明人, 分工会主席). When several 分工会
are printed, a last page sums them up with the grand total in figures and in 大写.

Rows are tall and the 领取人签字 column is wide, so that a name can be written by hand. The
caller passes plain lines; ID numbers (if printed at all) arrive already masked.

>>> import tempfile, pathlib
>>> line = RosterLine("文学院分工会", "张三", "2015001", "2025年春节慰问", "300.00", 30000)
>>> out = pathlib.Path(tempfile.mkdtemp()) / "签领表.pdf"
>>> build_welfare_roster(out, [RosterSection("文学院分工会", [line])],
...                      institution="桂林学院", union_name="桂林学院工会委员会").name
'签领表.pdf'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Unpack

from guilin_union.core.dates import format_cn_date_lenient as _date
from guilin_union.core.money import format_fen, format_fen_yuan
from guilin_union.reports.document import Col, Report, cols
from guilin_union.reports.members.common import Letterhead, union_report
from guilin_union.reports.registry import signature_of

NAME = "welfare-roster"

# Widths from the content (kinds: staff numbers, names, amounts and dates never wrap); the
# free text (事由, 备注) and the signature column share the rest by weight. No 分工会 column:
# every section is one 分工会, named in its heading.
ROSTER_COLUMNS: tuple[Col, ...] = cols(
    "序号 9 中 序 | 姓名 15 中 名 | 工号 19 中 码 | 事由 27 | 金额/物品 20 右 额 | 领取人签字 31 中"
    " | 日期 14 中 日 | 备注 11"
)
# With the (masked) ID number the page turns landscape (257 mm) so the 18 characters of the
# ID stay on one line.
ROSTER_COLUMNS_WITH_ID: tuple[Col, ...] = cols(
    "序号 10 中 序 | 姓名 18 中 名 | 工号 20 中 码 | 身份证号 38 中 码 | 事由 32"
    " | 金额/物品 26 右 额 | 领取人签字 42 中 | 日期 22 中 日 | 备注 21"
)
ROSTER_FONT_SIZE = 9.5
# A blank two-line cell in the signature column: it makes every row about 10 mm tall, room
# for a handwritten signature, through the engine's normal wrapping (no private layout hooks).
# No-break spaces, because reportlab drops lines that hold only ordinary whitespace.
SIGN_SPACE = "\u00a0\n\u00a0"


@dataclass(frozen=True)
class RosterLine:
    """One printed row. ``amount_text`` is what the 金额/物品 column shows (``300.00``, or for
    goods ``大米一袋`` and the value on a second line); ``amount_fen`` is what it adds to the
    totals."""

    branch: str
    name: str
    staff_no: str
    reason: str
    amount_text: str
    amount_fen: int
    date: str = ""  # ISO or ""; printed only when the caller asks for dates
    note: str = ""
    id_masked: str = ""
    is_goods: bool = False


@dataclass(frozen=True)
class RosterSection:
    branch: str
    lines: Sequence[RosterLine] = field(default_factory=tuple)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)


def build_welfare_roster(
    path: str | os.PathLike[str],
    sections: Sequence[RosterSection],
    *,
    title: str = "慰问发放签领表",
    subtitle: str = "",
    signers: Sequence[str] = ("经手人", "证明人", "分工会主席"),
    summary_signers: Sequence[str] | None = None,
    print_dates: bool = False,
    print_notes: bool = False,
    show_id: bool = False,
    **head: Unpack[Letterhead],
) -> Path:
    """Write the roster and return its path. ``sections`` in print order (one per 分工会).

    ``signers`` are the footer labels of every 分工会 section; ``summary_signers`` those of
    the summary page (default: the first two signers). ``print_dates`` fills the 日期 column
    with the payment dates (otherwise it is left blank to be written on receipt);
    ``print_notes`` fills 备注 with the records' notes (otherwise it is left for remarks such
    as 代领 written at the desk).
    """
    for section in sections:
        for line in section.lines:
            if isinstance(line.amount_fen, bool) or not isinstance(line.amount_fen, int):
                raise TypeError("金额必须是整数（分）")
    report = union_report(
        path, title, head, subtitle=subtitle or None, landscape=show_id, masked_note=show_id
    )
    columns = list(ROSTER_COLUMNS_WITH_ID if show_id else ROSTER_COLUMNS)
    printable = [s for s in sections if s.lines]
    for index, section in enumerate(printable):
        if index:
            report.page_break()  # each 分工会 signs its own page(s)
        report.heading(f"{section.branch}（{_count_text(section.lines)}）", level=1)
        rows = [
            _row(number, line, print_dates, print_notes, show_id)
            for number, line in enumerate(section.lines, start=1)
        ]
        total = ["小计", "", "", "", format_fen(section.total_fen), "", "", ""]
        if show_id:
            total.insert(3, "")
        report.table(columns, rows, total_row=total, font_size=ROSTER_FONT_SIZE)
        # Not inside report.keep_together(): signature_block is itself a KeepTogether, and a
        # nested one always pushes the whole group to a new page.
        report.totals(f"{section.branch}小计", section.total_fen)
        _goods_note(report, section.lines)
        if len(printable) == 1:  # no summary page: the approval signs here
            report.sign_off(signature_of(NAME), labels=signers)
        else:
            report.signature_block(list(signers))
    if not printable:
        report.paragraph("（没有符合条件的发放记录）", align="center")
        return report.save()
    if len(printable) > 1:
        _summary(
            report, printable, summary_signers if summary_signers is not None else list(signers)[:2]
        )
    return report.save()


def _row(
    number: int, line: RosterLine, print_dates: bool, print_notes: bool, show_id: bool
) -> list[object]:
    date = _date(line.date) if print_dates else ""
    row: list[object] = [
        number,
        line.name,
        line.staff_no,
        line.reason,
        line.amount_text,
        SIGN_SPACE,
        date,
        line.note if print_notes else "",
    ]
    if show_id:
        row.insert(3, line.id_masked)
    return row


def _people(lines: Sequence[RosterLine]) -> int:
    """Distinct people among the lines (a year roster lists a person once per payment)."""
    return len({(line.name, line.staff_no) for line in lines})


def _count_text(lines: Sequence[RosterLine]) -> str:
    """``共 12 人``, or ``共 49 人次，32 人`` when people were paid more than once.

    >>> a, b = RosterLine("文", "张三", "T1", "", "", 1), RosterLine("文", "李四", "T2", "", "", 1)
    >>> _count_text([a, b]), _count_text([a, a, b])
    ('共 2 人', '共 3 人次，2 人')
    """
    people = _people(lines)
    if people == len(lines):
        return f"共 {people} 人"
    return f"共 {len(lines)} 人次，{people} 人"


def _goods_note(report: Report, lines: Sequence[RosterLine]) -> None:
    goods = sum(line.amount_fen for line in lines if line.is_goods)
    if goods:
        cash = sum(line.amount_fen for line in lines if not line.is_goods)
        report.paragraph(f"其中现金 {format_fen_yuan(cash)}，实物折合 {format_fen_yuan(goods)}。")


def _summary(report: Report, sections: Sequence[RosterSection], signers: Sequence[str]) -> None:
    report.page_break()
    grand = sum(s.total_fen for s in sections)
    every = [line for s in sections for line in s.lines]
    times, people = len(every), _people(every)
    repeated = times != people  # a year roster: people paid more than once
    report.heading("汇总", level=1)
    people_cols = "人次 2 右 额 | 人数 2 右 额" if repeated else "人数 2 右 额"
    columns = cols(f"序号 1 中 序 | 分工会 5 | {people_cols} | 金额（元） 3 右 额")
    rows: list[list[object]] = []
    for i, s in enumerate(sections, start=1):
        counts = [len(s.lines), _people(s.lines)] if repeated else [len(s.lines)]
        rows.append([i, s.branch, *counts, format_fen(s.total_fen)])
    counts = [times, people] if repeated else [people]
    report.table(
        columns,
        rows,
        total_row=["合计", "", *counts, format_fen(grand)],
        width_fraction=0.75,
    )
    label = f"{times} 人次，{people} 人" if repeated else f"{people} 人"
    report.totals(f"合计（{len(sections)} 个分工会，{label}）", grand)
    _goods_note(report, [line for s in sections for line in s.lines])
    report.sign_off(signature_of(NAME), labels=signers)
