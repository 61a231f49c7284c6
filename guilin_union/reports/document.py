"""``Report``: an A4 official-looking printout built from plain data.

Every report (花名册, 签到表, 签领表, 台账…) is a ``Report`` filled with headings, paragraphs,
tables, totals and signature lines, then saved. The page furniture is the same everywhere:
the institution and title at the top of page 1 (GB/T 9704 style), a small running header on
later pages, "第 X 页 共 Y 页" at the foot of every page, the print date, and a privacy note
when personal numbers are masked.

All user text is escaped (:func:`guilin_union.reports.markup.esc`) before it reaches a
``Paragraph``; table cells wrap instead of being cut.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "名单.pdf"
>>> r = Report(out, "参加人员名单", masked_note=True)
>>> r.table([Col("序号", 1, "center"), Col("姓名", 3)], [[1, "张三"], [2, "A<B & R&D"]])
>>> r.save() == out
True
"""

from __future__ import annotations

import contextlib
import datetime
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from reportlab.lib import colors, units
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import FrameBreak, LayoutError

from guilin_union.core.column_spec import spec_parts
from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.money import fen_to_upper, format_fen_yuan
from guilin_union.reports._atomic import write_atomically
from guilin_union.reports._canvas import numbered_canvas, running_header
from guilin_union.reports.errors import ReportWriteError
from guilin_union.reports.fonts import (
    FontChoice,
    coverage,
    draw_string,
    register_fonts,
    string_width,
)
from guilin_union.reports.house import SIGNATURE_PRESETS, Signature
from guilin_union.reports.linebreak import wrap_text
from guilin_union.reports.markup import clean, esc
from guilin_union.reports.options import ReportOptions
from guilin_union.reports.styles import (
    BODY_SIZE,
    BOX_WIDTH,
    CELL_PADDING_H,
    CELL_PADDING_V,
    GRID_WIDTH,
    HEADER_BACKGROUND,
    HEADING_SIZES,
    INSTITUTION_SIZE,
    LABEL_BACKGROUND,
    LINE_SPACING,
    NOTE_SIZE,
    RUNNING_HEADER_SIZE,
    TABLE_SIZE,
    TITLE_SIZE,
    Align,
    Role,
    cell_style,
    heading_style,
    house_style,
    note_style,
    subtitle_style,
    text_style,
    totals_style,
)

__all__ = ["Col", "Report", "ReportOptions", "ReportWriteError", "MASKED_NOTE"]

MASKED_NOTE = "（证件号码、手机号已按隐私保护要求部分隐藏）"
CREATOR = "guilin-union 工会工作管理系统"
# Room a heading needs below it (its own lines + a table header + a couple of rows); with less
# left on the page it moves to the next one instead of being stranded at the bottom.
_HEADING_ROOM = 32 * mm
# Ideographic spaces (one character wide) where people write by hand: "日期：    年  月  日".
# They are drawn as a plain string (_plain_line): a Paragraph would collapse them, and
# no-break spaces have no glyph in the STSong-Light fallback font.
_BLANK = "\u3000"


def cn_number(n: int) -> str:
    """Chinese numerals for section numbers.

    >>> [cn_number(n) for n in (1, 9, 10, 12, 20, 35)]
    ['一', '九', '十', '十二', '二十', '三十五']
    """
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _blank_date(prefix: str) -> str:
    """``日期：`` followed by blanks to write the year, month and day in.

    >>> _blank_date("日期：").count(_BLANK)
    10
    """
    return f"{prefix}{_BLANK * 4}年{_BLANK * 3}月{_BLANK * 3}日"


@dataclass(frozen=True)
class Col:
    """A table column: header text, relative width (weights are scaled to the page) and alignment.

    >>> Col("金额（元）", 2, "right").align
    'right'
    """

    header: str
    width: float
    align: Literal["left", "center", "right"] = "left"
    # What the column holds. A column of a short kind (序号, dates, names, states, amounts,
    # numbers) is made as wide as its widest value so that it never wraps ("2025年5月23日",
    # "待复核", "1,000.00"); free-text columns ("") share the rest by ``width``.
    # Names are capped at NAME_CAP characters (a 40-character name wraps in its cell).
    kind: Literal["", "seq", "date", "name", "state", "amount", "code"] = ""


_ColKind = Literal["", "seq", "date", "name", "state", "amount", "code"]
_KINDS: dict[str, _ColKind] = {
    "序": "seq",
    "日": "date",
    "名": "name",
    "态": "state",
    "额": "amount",
    "码": "code",
}
_COLS_GRAMMAR = "header weight [左/中/右] [序/日/名/态/额/码]"


def cols(spec: str) -> tuple[Col, ...]:
    """A table's columns written as one line of a spec, the way the printout reads left to right.

    Each column is ``header weight [align] [kind]`` and columns are separated by ``|``; align is
    左/中/右 (default 左), kind one of 序 日 名 态 额 码 (default: inferred from the header).
    A mistake in a spec is a programming error and fails at import time.

    >>> [(c.header, c.width, c.align) for c in cols("序号 8 中 | 分工会 30 | 金额（元） 12.5 右")]
    [('序号', 8.0, 'center'), ('分工会', 30.0, 'left'), ('金额（元）', 12.5, 'right')]
    >>> cols("姓名 10 左 名")[0].kind
    'name'
    >>> cols("姓名 ten")
    Traceback (most recent call last):
    ValueError: column spec '姓名 ten': weight 'ten' is not a number
    >>> cols("序号 8 中 | 姓名")
    Traceback (most recent call last):
    ValueError: column spec '姓名': expected header weight [左/中/右] [序/日/名/态/额/码]
    """
    columns: list[Col] = []
    for part in spec_parts(spec, _COLS_GRAMMAR):
        header, weight, *_ = part.words
        try:
            width = float(weight)
        except ValueError:
            raise part.error(f"weight {weight!r} is not a number") from None
        columns.append(Col(header, width, part.align(2), part.choice(3, _KINDS, "")))
    return tuple(columns)


_STATE_HEADERS = ("性别", "审核", "复核", "评价", "类别", "角色", "代表类型", "地点")


def _infer_kind(header: str) -> str:
    """The kind of a column from its header, for columns declared without one.

    >>> [_infer_kind(h) for h in ("序号", "入会日期", "姓名", "会籍状态", "金额（元）", "工号", "事由")]
    ['seq', 'date', 'name', 'state', 'amount', 'code', '']
    """
    text = header.replace("\n", "")
    if text in ("序号", "名次"):
        return "seq"
    if text.endswith(("日期", "年月")):
        return "date"
    if text.endswith("时间"):  # a time range or a date as the report wrote it: as wide as it is
        return "code"
    if text in ("姓名", "代表姓名", "提案人", "经办人", "领取人", "主持人", "报告人", "责任人"):
        return "name"
    if text.endswith(("状态", "情况", "结果")) and len(text) <= 6 or text in _STATE_HEADERS:
        return "state"
    if "金额" in text or "（元）" in text or text.endswith(("人数", "件数", "人次", "合计")):
        return "amount"
    if text in ("工号", "编号", "会员编号", "会员证号", "证件号码", "身份证号", "手机", "联系电话"):
        return "code"
    return ""


def _widest_value(values: set[str], font: str, size: float) -> float:
    """The widest line among ``values``, measuring longest first and stopping as soon as no
    shorter text can be wider (a line is at most len × the font's widest glyph)."""
    glyph = _widest_glyph(pdfmetrics.getFont(font)) * size / 1000
    lines = {line for v in values for line in v.split("\n")}
    best = 0.0
    for line in sorted(lines, key=len, reverse=True):
        if len(line) * glyph <= best:
            break
        best = max(best, string_width(line, font, size))
    return best


_NUMBER = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")


def _numbers_only(rows: Sequence[Sequence[object]], j: int) -> bool:
    """True when every value of column ``j`` is a number (or blank), and there is one.

    >>> _numbers_only([[1, 2], [3, "1,200.50"]], 1), _numbers_only([[1, "甲"]], 1)
    (True, False)
    """
    seen = False
    for row in rows:
        value = row[j] if j < len(row) else ""
        if isinstance(value, bool):
            return False
        if isinstance(value, (int, float)):
            seen = True
        elif isinstance(value, str):
            if value and not _NUMBER.match(value):
                return False
            seen = seen or bool(value)
        elif value is not None:
            return False
    return seen


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _cn_dates(row: Sequence[object], columns: list[int]) -> Sequence[object]:
    """ISO dates in the date columns as 2026年12月7日 (other text is left alone).

    >>> _cn_dates(["张三", "2026-12-07", "待定"], [1, 2])
    ['张三', '2026年12月7日', '待定']
    """
    if not any(
        j < len(row) and isinstance(row[j], str) and _ISO_DATE.match(row[j]) for j in columns
    ):
        return row
    out = list(row)
    for j in columns:
        value = out[j] if j < len(out) else None
        if isinstance(value, str) and _ISO_DATE.match(value):
            with contextlib.suppress(ValueError, ValidationError):
                out[j] = format_cn_date(value)
    return out


def _drop_group_columns(
    cols: list[Col],
    rows: list[Sequence[object]],
    total_row: Sequence[object] | None,
    group_title: str,
) -> tuple[list[Col], list[Sequence[object]], Sequence[object] | None]:
    """Leave out a column whose every value is the same text as the group heading says
    (a 分工会 column under "文学院分工会（共 12 人）"): it only repeats the heading."""
    if not rows:
        return cols, rows, total_row
    drop = []
    for j in range(len(cols)):
        values = {clean(row[j]).strip() for row in rows if j < len(row)}
        if len(values) == 1:
            value = values.pop()
            total = clean(total_row[j]).strip() if total_row is not None else ""
            if len(value) >= 2 and value in group_title and not total:
                drop.append(j)
    if not drop or len(drop) >= len(cols) - 1:
        return cols, rows, total_row
    keep = [j for j in range(len(cols)) if j not in drop]
    rows = [[row[j] for j in keep] for row in rows]
    if total_row is not None:
        total_row = [total_row[j] for j in keep]
    return [cols[j] for j in keep], rows, total_row


# Characters (em) a short-kind column may claim at most: longer values wrap.
_KIND_CAP_EM = {"seq": 4, "date": 8, "name": 7, "state": 8, "amount": 9, "code": 12}


class Report:
    """One printout. Add content in order, then call :meth:`save` once."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        title: str,
        *,
        institution: str = "桂林学院",
        subtitle: str | None = None,
        landscape: bool = False,
        masked_note: bool = False,
        generated_on: datetime.date | None = None,
        show_print_date: bool = True,
        notice: str | None = None,
    ) -> None:
        """``masked_note`` prints :data:`MASKED_NOTE` under the title; ``notice`` prints any
        other short note in its place (e.g. a warning that full ID numbers are shown)."""
        self.path = Path(path)
        self.title = clean(title).strip()
        house = house_style()
        # The issuer line is the same on every printout: the union's name from 单位信息.
        self.institution = clean(house.issuer or institution).strip()
        self.fonts: FontChoice = register_fonts()
        self.page_size: tuple[float, float] = to_landscape(A4) if landscape else A4
        self.margins = house.margins(landscape)  # left, right, top, bottom (binding edge)
        left, right, top, bottom = self.margins
        self.frame_width: float = self.page_size[0] - left - right
        self.frame_height: float = self.page_size[1] - top - bottom
        self.generated_on = generated_on or datetime.date.today()
        self._story: list[Flowable] = []
        self._groups: list[list[Flowable]] = []
        self._tables: list[Table] = []
        self._saved = False
        self._sections = 0
        left = clean(notice).strip() if notice else (MASKED_NOTE if masked_note else "")
        self._title_args = (clean(subtitle).strip() if subtitle else "", left, show_print_date)
        self._add_title_block(*self._title_args)

    # ----------------------------------------------------------------- content
    def heading(self, text: str, level: int = 1) -> None:
        """A section heading (level 1 in the title face, 13 pt; 2 and 3 smaller)."""
        self._add(CondPageBreak(_HEADING_ROOM))
        self._add(Paragraph(esc(text), heading_style(self.fonts, level)))

    def section(self, text: str) -> None:
        """A numbered section heading of the house style: 一、… 二、… (level 1)."""
        self._sections += 1
        self.heading(f"{cn_number(self._sections)}、{clean(text).strip()}", level=1)

    def restart_sections(self) -> None:
        """The next :meth:`section` is 一、 again (a printout of several plans or meetings,
        each with its own numbered sections)."""
        self._sections = 0

    def paragraph(self, text: str, *, align: Align = "left", size: float | None = None) -> None:
        """Running text; newlines in ``text`` start new lines."""
        self._add(Paragraph(esc(text), text_style(self.fonts, size or BODY_SIZE, align)))

    def key_values(self, pairs: Sequence[tuple[str, object]], columns: int = 2) -> None:
        """A bordered, form-like grid: ``columns`` label/value pairs per row, labels shaded.

        >>> # report.key_values([("姓名", "张三"), ("性别", "男"), ("分工会", "文学院分工会")])
        """
        if not pairs:
            return
        columns = max(1, columns)
        pair_width = self.frame_width / columns
        label_font = pdfmetrics.getFont(self.fonts.body)
        longest = max(label_font.stringWidth(clean(label), TABLE_SIZE) for label, _ in pairs)
        label_width = min(longest + 2 * CELL_PADDING_H + 6, pair_width * 0.45)
        widths = [label_width, pair_width - label_width] * columns
        label_cell = _CellFactory(self.fonts, TABLE_SIZE, "label")
        value_cell = _CellFactory(self.fonts, TABLE_SIZE, "body")
        label_avail = label_width - 2 * CELL_PADDING_H
        value_avail = pair_width - label_width - 2 * CELL_PADDING_H
        padded = list(pairs) + [("", "")] * (-len(pairs) % columns)
        data = []
        for start in range(0, len(padded), columns):
            row: list[object] = []
            for label, value in padded[start : start + columns]:
                row.append(label_cell(label, label_avail, "center"))
                row.append(value_cell(value, value_avail, "left"))
            data.append(row)
        style: list[tuple] = [
            *self._base_table_style(TABLE_SIZE),
            ("ALIGN", (0, 0), (-1, -1), "LEFT"),
        ]
        for col in range(0, 2 * columns, 2):
            style.append(("BACKGROUND", (col, 0), (col, -1), LABEL_BACKGROUND))
            style.append(("ALIGN", (col, 0), (col, -1), "CENTER"))
        table = Table(
            data, colWidths=widths, style=style, minRowHeights=[8 * mm] * len(data), hAlign="CENTER"
        )
        self._tables.append(table)
        self._add_kept([table])  # a form grid is read as one piece

    def table(
        self,
        cols: Sequence[Col],
        rows: Iterable[Sequence[object]],
        *,
        repeat_header: bool = True,
        total_row: Sequence[object] | None = None,
        group_title: str | None = None,
        font_size: float = TABLE_SIZE,
        width_fraction: float = 1.0,
    ) -> None:
        """A gridded table. Long text wraps; the header row repeats on every page.

        ``total_row`` is printed last in the title face. ``group_title`` (e.g.
        ``"文学院分工会（共 12 人）"``) is printed right above the table and repeated above the
        header on every page the table runs over, with "（续）". ``width_fraction`` < 1 makes a
        narrower, centred table (a short summary should not stretch across a landscape page).
        """
        if not cols:
            raise ValueError("表格至少需要一列")
        cols = [c if c.kind else replace(c, kind=_infer_kind(c.header)) for c in cols]
        if not all(c.kind for c in cols):
            rows = rows if isinstance(rows, list) else list(rows)
            # A column of numbers only (counts per age band…) is as wide as its numbers.
            cols = [
                c if c.kind or not _numbers_only(rows, j) else replace(c, kind="amount")
                for j, c in enumerate(cols)
            ]
        if group_title and len(cols) > 2:
            rows = rows if isinstance(rows, list) else list(rows)
            cols, rows, total_row = _drop_group_columns(cols, rows, total_row, group_title)
        if any(c.kind for c in cols):
            rows = rows if isinstance(rows, list) else list(rows)
            dates = [j for j, c in enumerate(cols) if c.kind == "date"]
            if dates:  # house style: 2026年12月7日 in printouts, also in tables
                rows = [_cn_dates(row, dates) for row in rows]
            measured = rows if total_row is None else [*rows, total_row]  # totals are wider
            widths = self._content_widths(cols, measured, font_size, width_fraction)
        else:
            widths = self._widths([c.width for c in cols], width_fraction)
        avail = [w - 2 * CELL_PADDING_H for w in widths]
        aligns = [c.align for c in cols]
        n = len(cols)
        caption = clean(group_title).strip() if group_title else ""
        top = 1 if caption else 0  # index of the header row

        header_cell = _CellFactory(self.fonts, font_size, "header")
        # A cell taller than a page cannot move to the next page (reportlab fails, or splits
        # it inside the row and repeats the header twice): such text is cut into pieces that
        # each fit comfortably, printed as continuation rows without a line between them.
        body_cell = _CellFactory(self.fonts, font_size, "body", max_height=self.frame_height * 0.25)
        data: list[list[object]] = [
            [header_cell(c.header, a, "center") for c, a in zip(cols, avail)]
        ]
        continued = None
        if caption:
            first, continued = self._captions(caption, sum(widths))
            data.insert(0, [first] + [""] * (n - 1))
        joined: list[int] = []  # rows whose bottom line is left out (continued below)
        number = 0
        for number, row in enumerate(rows, start=1):
            if len(row) != n:
                raise ValueError(f"表格第 {number} 行有 {len(row)} 个单元格，应为 {n} 个")
            cells = [body_cell(v, a, al) for v, a, al in zip(row, avail, aligns)]
            if any(type(c) is _Pieces for c in cells):
                _append_continued(data, cells, joined)
            else:
                data.append(cells)
        empty = number == 0
        if empty:
            data.append(["（无）"] + [""] * (n - 1))
        if total_row is not None:
            if len(total_row) != n:
                raise ValueError(f"合计行有 {len(total_row)} 个单元格，应为 {n} 个")
            total_cell = _CellFactory(self.fonts, font_size, "total")
            data.append([total_cell(v, a, al) for v, a, al in zip(total_row, avail, aligns)])

        # A constant number of style commands (not one per cell): cheap for 3,000 rows.
        leading = round(font_size * LINE_SPACING, 2)
        style: list[tuple] = [
            *self._base_table_style(font_size, grid=not joined, first_row=top),
            ("FONT", (0, top), (-1, top), self.fonts.title, font_size, leading),
            ("BACKGROUND", (0, top), (-1, top), HEADER_BACKGROUND),
        ]
        if caption:
            style += [
                ("SPAN", (0, 0), (-1, 0)),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ]
        if joined:
            style += _lines_except(joined, len(data), top)
            for row in joined:  # pieces of one cell read as one block of text
                style += [
                    ("BOTTOMPADDING", (0, row), (-1, row), 0),
                    ("TOPPADDING", (0, row + 1), (-1, row + 1), 0),
                ]
        for j, align in enumerate(aligns):
            style.append(("ALIGN", (j, top + 1), (j, -1), align.upper()))
        style.append(("ALIGN", (0, top), (-1, top), "CENTER"))
        if empty:
            style += [
                ("SPAN", (0, top + 1), (-1, top + 1)),
                ("ALIGN", (0, top + 1), (-1, top + 1), "CENTER"),
            ]
        if total_row is not None:
            style.append(("FONT", (0, -1), (-1, -1), self.fonts.title, font_size, leading))
        if caption:
            # Not stranded at the foot of a page with no room for the rows under it.
            self._add(CondPageBreak(_HEADING_ROOM))
        table = _GridTable(
            data,
            colWidths=widths,
            repeatRows=top + 1 if repeat_header else 0,
            style=style,
            hAlign="CENTER",
        )
        table.continued_caption = continued if repeat_header else None
        table.has_total = total_row is not None
        table.page_room = self.frame_height
        self._tables.append(table)
        self._add(table)

    def _captions(self, caption: str, width: float) -> tuple[Paragraph, Paragraph]:
        """The group title for the first page and "…（续）" for the next ones. The row keeps
        the height it had on the first page, so "（续）" is only added if it needs no new line."""
        style = cell_style(self.fonts, HEADING_SIZES[2], "left", "body")
        measure = pdfmetrics.getFont(self.fonts.body).stringWidth
        suffixed = f"{caption}（续）"
        lines = [
            math.ceil(measure(t, HEADING_SIZES[2]) * 1.02 / width) for t in (caption, suffixed)
        ]
        first = Paragraph(esc(caption), style)
        return first, Paragraph(esc(suffixed if lines[0] == lines[1] else caption), style)

    def totals(self, label: str, fen: int) -> None:
        """``合计：1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）`` (``fen`` is integer 分)."""
        if isinstance(fen, bool) or not isinstance(fen, int):
            raise TypeError("金额必须是整数（分）")
        text = f"{clean(label)}：{format_fen_yuan(fen)}（大写：{fen_to_upper(fen)}）"
        self._add(Paragraph(esc(text), totals_style(self.fonts)))

    def sign_off(
        self,
        preset: str | Signature = "table",
        *,
        labels: Sequence[str] | None = None,
        stamp: bool | None = None,
        with_date: bool | None = None,
        head: str | None = None,
        per_row: int = 3,
    ) -> None:
        """The house signature block of a printout that is signed or filed: the preset's
        labels (:data:`SIGNATURE_PRESETS`, a registered report's :class:`Signature`, or
        ``labels``), the date to write in and, with ``stamp``, "（盖章）" for the issuer's seal.
        ``head`` prints the head's line under the title the user set (e.g. "工会主席"). With a
        :class:`Signature`, ``labels`` are the signers the user set, completed with the words
        the signature promises (:meth:`Signature.merged`).

        >>> SIGNATURE_PRESETS["money"]
        ('经手人', '证明人', '分工会主席', '财务', '校工会审批')
        """
        if isinstance(preset, Signature):
            sig = preset
        else:
            sig = Signature(preset, SIGNATURE_PRESETS[preset], head=preset != "money")
        if sig.kind in ("none", "boxes", "closing"):
            raise ValueError(f"签字栏“{sig.kind}”不用 sign_off 打印")
        if isinstance(preset, Signature):
            chosen = sig.merged(labels) if labels is not None else sig.printed_labels(head)
        else:
            chosen = list(labels) if labels is not None else sig.printed_labels(head)
        self.signature_block(
            chosen,
            with_date=sig.date if with_date is None else with_date,
            stamp=sig.stamp if stamp is None else stamp,
            per_row=per_row,
        )

    def closing(self, signer: str, day: datetime.date | str | None = None) -> None:
        """The 落款 at the foot of a document: the issuing body and the date, right-aligned
        (``桂林学院工会委员会`` / ``2026年12月7日``); no date given = a blank date to fill in."""
        date_text = format_cn_date(day) if day else _blank_date("")
        style = text_style(self.fonts, BODY_SIZE, "right")
        self._add_kept(
            [
                Spacer(1, 8 * mm),
                Paragraph(esc(clean(signer).strip()), style),
                Paragraph(esc(date_text), style),
            ]
        )

    def signature_block(
        self,
        labels: Sequence[str],
        *,
        with_date: bool = True,
        per_row: int = 3,
        stamp: bool = False,
    ) -> None:
        """Lines to sign on, e.g. ``经手人：______ 证明人：______ 分工会主席：______``,
        then ``日期：    年  月  日`` at the right (with ``stamp``: ``（盖章）`` after it). Kept
        on one page, together with the short lines just before it (a total, a note, the
        last section's few lines): signatures never stand alone on a last page.
        """
        if not labels:
            return
        font = pdfmetrics.getFont(self.fonts.body)
        texts = [f"{clean(label).strip()}：" for label in labels]
        per_row = max(1, min(per_row, len(texts)))
        if len(texts) == 4 and per_row == 3:
            per_row = 2  # 2 + 2 rather than 3 + 1
        gap = 5 * mm  # between the end of one line and the next label
        # Each column as wide as its own longest label: a long title (经费审查委员会主任)
        # does not shorten every other line.
        label_widths = [
            max(font.stringWidth(t, BODY_SIZE) for t in texts[col::per_row]) + 2 + gap
            for col in range(per_row)
        ]
        line_width = max((self.frame_width - sum(label_widths)) / per_row, 15 * mm)
        data = []
        for start in range(0, len(texts), per_row):
            chunk = texts[start : start + per_row]
            row: list[object] = []
            for text in chunk:
                row += [text, ""]
            data.append(row + ["", ""] * (per_row - len(chunk)))
        style: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.body, BODY_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 16),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for row_index, row in enumerate(data):
            for col in range(1, 2 * per_row, 2):
                if row[col - 1]:
                    style.append(
                        ("LINEBELOW", (col, row_index), (col, row_index), GRID_WIDTH, colors.black)
                    )
        widths = [w for label_width in label_widths for w in (label_width, line_width)]
        flowables: list[Flowable] = [
            Spacer(1, 3 * mm),
            Table(data, colWidths=widths, style=style, hAlign="CENTER"),
        ]
        if with_date or stamp:
            line = _blank_date("日期：") if with_date else ""
            if stamp:
                line += (_BLANK * 3 if line else "") + "（盖章）"
            flowables += [
                Spacer(1, 4 * mm),
                self._plain_line(line, BODY_SIZE, self.frame_width),
            ]
        kept = self._short_tail() + flowables
        if not self._groups and self._story and isinstance(self._story[-1], _GridTable):
            self._story[-1].tail_height = sum(
                f.wrap(self.frame_width, self.frame_height)[1] for f in kept
            )
        self._add_kept(kept)

    def _short_tail(self) -> list[Flowable]:
        """Take the short flowables at the end of the story (paragraphs, totals, a small
        table, the heading above them) to keep them on the page of what comes next; stops
        at a page break or a long table (never measured: a 3,000-row roster stays fast)."""
        if self._groups:
            return []
        taken: list[Flowable] = []
        height = 0.0
        limit = self.frame_height / 3
        while self._story:
            last = self._story[-1]
            if isinstance(last, (PageBreak, NextPageTemplate, CondPageBreak)):
                break
            if isinstance(last, Table) and len(last._cellvalues) > 12:
                break
            parts = list(last._content) if isinstance(last, KeepTogether) else [last]
            needed = sum(p.wrap(self.frame_width, self.frame_height)[1] for p in parts)
            if height + needed > limit:
                break
            height += needed
            taken[:0] = parts
            self._story.pop()
        return taken

    def fill_in_line(
        self, before: str, after: str, *, blank_mm: float = 20, size: float = BODY_SIZE
    ) -> None:
        """A sentence with an underlined blank to write on by hand:
        ``同意以上______名同志加入工会。`` (the text on either side is measured, so the line sits
        right after it; too long a sentence wraps inside its own column)."""
        before, after = clean(before), clean(after)
        blank = blank_mm * mm
        room = max(self.frame_width - blank, 20 * mm)
        widths = [string_width(t, self.fonts.body, size) + 2 for t in (before, after)]
        if sum(widths) > room:  # scale both sides down to share the room
            widths = [w * room / sum(widths) for w in widths]
        style = text_style(self.fonts, size)
        data = [[Paragraph(esc(before), style), "", Paragraph(esc(after), style)]]
        table = Table(
            data,
            colWidths=[widths[0], blank, widths[1]],
            style=[
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), GRID_WIDTH, colors.black),
            ],
            hAlign="LEFT",
        )
        table.spaceAfter = size * 0.6
        self._add(table)

    def signature_boxes(
        self,
        labels: Sequence[str],
        *,
        height_mm: float = 28,
        sign_text: str = "签名（盖章）：",
        columns: int | None = None,
    ) -> None:
        """Bordered boxes for opinions and signatures on per-person forms, e.g.
        ``["分工会意见", "校工会意见"]``: label at the top, "签名（盖章）：  年 月 日" at the bottom.
        """
        if not labels:
            return
        columns = max(1, min(columns or len(labels), 3, len(labels)))
        width = self.frame_width / columns
        label_style = cell_style(self.fonts, TABLE_SIZE + 0.5, "left", "header")
        sign = _blank_date(clean(sign_text) + _BLANK * 4)
        inner = width - 14  # the box's left and right padding below
        if string_width(sign, self.fonts.body, TABLE_SIZE) <= inner:
            foot: list[Flowable] = [self._plain_line(sign, TABLE_SIZE, inner)]
        else:  # a narrow box: "签名：" on one line, the date under it
            foot = [
                Paragraph(esc(clean(sign_text)), text_style(self.fonts, TABLE_SIZE)),
                self._plain_line(_blank_date(""), TABLE_SIZE, inner),
            ]
        cells: list[object] = [
            [Paragraph(esc(label), label_style), Spacer(1, height_mm * mm), *foot]
            for label in labels
        ]
        cells += [""] * (-len(cells) % columns)
        data = [cells[i : i + columns] for i in range(0, len(cells), columns)]
        style = [
            *self._base_table_style(TABLE_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ]
        boxes = Table(data, colWidths=[width] * columns, style=style, hAlign="CENTER")
        boxes.spaceBefore = 3 * mm
        self._add(boxes)

    def add(self, flowable: Flowable) -> None:
        """Append any reportlab flowable (a custom drawing, a special table), in order and
        inside an open :meth:`keep_together` block. Escape user text yourself with ``esc``."""
        self._add(flowable)

    def spacer(self, mm: float = 4) -> None:  # noqa: F811 (the parameter shadows the unit)
        """Vertical white space in millimetres."""
        self._add(Spacer(1, mm * units.mm))

    def page_break(self) -> None:
        self._add(PageBreak())

    @contextlib.contextmanager
    def keep_together(self) -> Iterator[None]:
        """Content added inside the ``with`` block is kept on one page when it fits.

        >>> # with report.keep_together():
        >>> #     report.totals("合计", 120000); report.signature_block(["经手人", "证明人"])
        """
        self._groups.append([])
        try:
            yield
        finally:
            group = self._groups.pop()
            if group:
                self._add_kept(group)

    # ----------------------------------------------------------------- output
    def save(self) -> Path:
        """Lay out and write the PDF (temporary file + rename); return its path.

        Raises :class:`ReportWriteError` (a Chinese message) when the file cannot be written,
        for example because it is open in a PDF viewer; the old file is then left intact.
        """
        if self._saved:
            raise RuntimeError("同一份报表只能保存一次")
        if self._groups:
            raise RuntimeError("keep_together() 块尚未结束")
        self._saved = True
        return write_atomically(self.path, self._build)

    def _build(self, target: Path) -> None:
        try:
            self._build_once(target, list(self._story))
        except LayoutError:
            # A single row taller than a page (a very long note) cannot move to the next page:
            # allow rows to split inside and lay out again rather than failing the printout.
            for table in self._tables:
                table.splitInRow = 1
            self._build_once(target, list(self._story))

    def _build_once(self, target: Path, story: list[Flowable]) -> None:
        width, height = self.page_size
        # Zero frame padding: tables are exactly as wide as the text area (house margins).
        left, right, top, bottom = self.margins
        frame = Frame(
            left,
            bottom,
            width - left - right,
            height - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        header_text = self._running_header_text()

        def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            running_header(canvas, self.fonts.body, header_text, self.margins)

        doc = BaseDocTemplate(
            str(target),
            pagesize=self.page_size,
            # A page that shows the full title block (page 1, or a new 代表团 / 分工会 page)
            # has no running header; the pages after it do.
            pageTemplates=[
                PageTemplate(id="title", frames=[frame], autoNextPageTemplate="page"),
                PageTemplate(id="page", frames=[frame], onPage=decorate),
            ],
            title=self.title,
            author=self.institution,
            subject=self.title,
            creator=CREATOR,
        )
        doc.build(story, canvasmaker=numbered_canvas(self.fonts.body))

    # ----------------------------------------------------------------- helpers
    def _add(self, flowable: Flowable) -> None:
        (self._groups[-1] if self._groups else self._story).append(flowable)

    def _add_kept(self, flowables: list[Flowable]) -> None:
        """Keep ``flowables`` on one page. Inside a keep_together() block they simply join
        it: a KeepTogether nested in another reports an enormous height to force a split,
        which would push the whole outer block to a new page every time."""
        if self._groups:
            self._groups[-1].extend(flowables)
        else:
            self._story.append(KeepTogether(flowables))

    def new_page_with_title(self, subtitle: str | None = None) -> None:
        """Start a new page that carries the full title block again (issuer, title, subtitle
        such as date and place): each 代表团 / 分工会 page of a sign-in or sign-up sheet is
        handed out on its own. ``subtitle`` replaces the document's subtitle on that page."""
        self._add(NextPageTemplate("title"))  # that page: no running header
        self.page_break()
        sub, left, show_date = self._title_args
        self._add_title_block(clean(subtitle).strip() if subtitle else sub, left, show_date)

    def _add_title_block(self, subtitle: str, left: str, show_print_date: bool) -> None:
        fake_bold = self.fonts.title == self.fonts.body  # no separate bold-looking face found
        if self.institution and self.institution not in self.title:
            self._add(
                _TitleText(self.institution, self.fonts.title, INSTITUTION_SIZE, fake_bold=False)
            )
            self._add(Spacer(1, 1 * mm))
        self._add(_TitleText(self.title, self.fonts.title, TITLE_SIZE, fake_bold=fake_bold))
        if subtitle:
            self._add(Spacer(1, 1 * mm))
            self._add(Paragraph(esc(subtitle), subtitle_style(self.fonts)))
        right = f"打印日期：{format_cn_date(self.generated_on)}" if show_print_date else ""
        if left or right:
            self._add(Spacer(1, 2 * mm))
            info = Table(
                [
                    [
                        Paragraph(esc(left), note_style(self.fonts)),
                        Paragraph(esc(right), note_style(self.fonts, "right")),
                    ]
                ],
                colWidths=[self.frame_width * 0.62, self.frame_width * 0.38],
                style=[
                    ("FONT", (0, 0), (-1, -1), self.fonts.body, NOTE_SIZE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ],
            )
            self._add(info)
        self._add(Spacer(1, 3 * mm))

    def _plain_line(self, text: str, size: float, width: float) -> Table:
        """A right-aligned line drawn as a plain string: its spaces are kept as typed."""
        return Table(
            [[text]],
            colWidths=[width],
            style=[
                ("FONT", (0, 0), (-1, -1), self.fonts.body, size),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
            hAlign="RIGHT",
        )

    def _running_header_text(self) -> str:
        text = (
            self.title
            if not self.institution or self.institution in self.title
            else f"{self.institution}　{self.title}"
        )
        limit = self.frame_width * 0.9
        while text and string_width(text, self.fonts.body, RUNNING_HEADER_SIZE) > limit:
            text = text[:-2] + "…"
        return text

    def _content_widths(
        self,
        cols: Sequence[Col],
        rows: Sequence[Sequence[object]],
        size: float,
        fraction: float = 1.0,
    ) -> list[float]:
        """Widths from the content: a short-kind column gets its widest value (and header,
        measured per line, at most its cap), free text shares what is left by weight.

        Measuring uses each distinct value once (a column of 3,000 dates has a few hundred)."""
        total = self.frame_width * fraction
        pad = 2 * CELL_PADDING_H + 1.5
        body, title = self.fonts.table_font, self.fonts.title
        needs: list[float | None] = []
        for j, col in enumerate(cols):
            header = max(string_width(line, title, size) for line in clean(col.header).split("\n"))
            if not col.kind:
                needs.append(None)
                continue
            values = {clean(row[j]) for row in rows if j < len(row)}
            widest = _widest_value(values, body, size)
            cap = _KIND_CAP_EM[col.kind] * size
            if col.kind == "state" and widest > cap:
                # Not a short state after all ("进展情况" holding a paragraph): free text.
                needs.append(None)
                continue
            if col.kind == "date":  # room for a date, printed or written in by hand
                widest = max(widest, string_width("2026年12月31日", body, size))
            needs.append(max(min(widest, cap), min(header, cap)) + pad)
        fixed = sum(n for n in needs if n is not None)
        free = [j for j, n in enumerate(needs) if n is None]
        # Free-text columns keep at least 4 characters (or their header) of room.
        free_min = {
            j: max(4 * size, string_width(clean(cols[j].header), title, size)) + pad for j in free
        }
        room = total - fixed
        if room < sum(free_min.values()) or not free:
            # Too narrow for everything (or no text column to take the slack): short columns
            # are scaled to fill exactly, text keeps its minimum.
            room_for_fixed = total - sum(free_min.values())
            scale = room_for_fixed / fixed if fixed else 1.0
            widths = [(n * scale if n is not None else free_min[j]) for j, n in enumerate(needs)]
            return widths
        weight = sum(cols[j].width for j in free)
        widths = [0.0] * len(cols)
        for j, n in enumerate(needs):
            widths[j] = n if n is not None else room * cols[j].width / weight
        # A text column below its minimum takes it from the widest text column.
        for j in free:
            short = free_min[j] - widths[j]
            if short > 0:
                donor = max(free, key=lambda k: widths[k] - free_min[k])
                widths[donor] -= short
                widths[j] += short
        return widths

    def _widths(self, weights: Sequence[float], fraction: float = 1.0) -> list[float]:
        if any(w <= 0 for w in weights):
            raise ValueError("列宽权重必须大于 0")
        if not 0 < fraction <= 1:
            raise ValueError("表格宽度比例必须在 0 到 1 之间")
        total = sum(weights)
        return [self.frame_width * fraction * w / total for w in weights]

    def _base_table_style(
        self, size: float, *, grid: bool = True, first_row: int = 0
    ) -> list[tuple]:
        """Font, paddings and a thin black grid; rows above ``first_row`` (a caption) get no lines."""
        style: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.table_font, size, round(size * LINE_SPACING, 2)),
            ("TEXTCOLOR", (0, 0), (-1, -1), colors.black),
            ("BOX", (0, first_row), (-1, -1), BOX_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_H),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_H),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING_V),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING_V),
        ]
        if grid:
            style.insert(2, ("INNERGRID", (0, first_row), (-1, -1), GRID_WIDTH, colors.black))
        return style


class _GridTable(LongTable):
    """A LongTable whose frame is closed at the foot of every page it runs over.

    reportlab's ``splitlast`` style row only works for the first page break (reportlab 4/5),
    so the closing line is added to each part as it is split off.
    """

    continued_caption: Paragraph | None = None  # the group title for continuation pages
    has_total: bool = False  # the last row is a 合计/小计 row
    page_room: float = 0.0  # the height of a fresh page's frame (0: unknown, no orphan rule)
    # The height of what must follow on the table's last page (a signature block): when the
    # table would end with too little room below it, its last rows go over with it.
    tail_height: float = 0.0
    _tail_split = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        self._tail_split = False
        if (
            self.tail_height
            and height <= availHeight < height + self.tail_height
            and self.tail_height + 80 < self.page_room
            and len(self._cellvalues) - self._repeat_count() >= 4
        ):
            self._tail_split = True
            return width, availHeight + 1  # asks to be split: see split()
        return width, height

    def _repeat_count(self) -> int:
        return self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self._tail_split:
            # The whole table fits but what follows does not: the last rows (with the total)
            # go to the next page, so the signatures do not stand there alone.
            self._tail_split = False
            keep = 3 if self.has_total else 2
            heights = getattr(self, "_rowHeights", None) or []
            moved = sum(heights[-keep:]) if len(heights) >= keep else 0
            parts = super().split(availWidth, self._height - moved - 0.5) if moved else []
            if len(parts) == 2:
                first, rest = self._finish_split(parts)
                rest.tail_height = 0.0  # on its fresh page it fits with what follows
                return [first, FrameBreak(), rest]
            self.tail_height = 0.0  # no row boundary to move: draw it as it is (no loop)
            return [self] if self._height <= availHeight else []
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            repeat = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
            if len(parts[0]._cellvalues) - repeat < 2 and availHeight < self.page_room - 1:
                # Only the header and one row would stand at the foot of this page: the
                # table starts on the next page instead (never on a fresh page: no loop).
                return []
            if self._squeeze(parts, availWidth, availHeight):
                return [self]  # the whole rest fits this page with tighter rows
            parts = self._no_lonely_last_row(parts, availWidth, availHeight)
        return self._finish_split(parts)

    def _finish_split(self, parts: list[Flowable]) -> list[Flowable]:
        if len(parts) == 2:
            first, rest = parts
            rest.has_total, rest.page_room = self.has_total, self.page_room
            rest.tail_height = max(rest.tail_height, self.tail_height)
            first._addCommand(("LINEBELOW", (0, -1), (-1, -1), BOX_WIDTH, colors.black))
            if self.continued_caption is not None:
                # A new row list: the repeated rows are shared with the part drawn on this page.
                rest._cellvalues[0] = [self.continued_caption, *rest._cellvalues[0][1:]]
                rest.continued_caption = self.continued_caption
        return parts

    def _squeeze(self, parts: list[Flowable], avail_width: float, avail_height: float) -> bool:
        """When only a row or the total would go to a last page, tighten the rows' vertical
        padding (never below 0.8 pt) so that everything stays on this page."""
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        rest_rows = len(parts[1]._cellvalues) - repeat
        if rest_rows > (2 if self.has_total else 1) or getattr(self, "_squeezed", False):
            return False
        rows = len(self._cellvalues)
        excess = self._height - avail_height + 0.5
        saving = CELL_PADDING_V - 0.8
        if excess <= 0 or rows * 2 * saving < excess:
            return False
        padding = CELL_PADDING_V - excess / (2 * rows)
        self._addCommand(("TOPPADDING", (0, 0), (-1, -1), padding))
        self._addCommand(("BOTTOMPADDING", (0, 0), (-1, -1), padding))
        self._squeezed = True
        self._calc(avail_width, avail_height)
        return self._height <= avail_height

    def _no_lonely_last_row(
        self,
        parts: list[Flowable],
        avail_width: float,
        avail_height: float,
    ) -> list[Flowable]:
        """A last page must not hold a single row (or only the total): one more row goes
        over with it, so the total never stands without the rows it adds up."""
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        rest_rows = len(parts[1]._cellvalues) - repeat
        lonely = 2 if self.has_total else 1
        first_rows = len(parts[0]._cellvalues)
        if rest_rows > lonely or first_rows - repeat <= 2:
            return parts
        heights = getattr(self, "_rowHeights", None)
        if not heights or first_rows > len(heights):
            return parts
        moved = sum(heights[first_rows - (lonely - rest_rows + 1) : first_rows])
        again = super().split(avail_width, avail_height - moved - 0.5)
        if len(again) == 2 and len(again[0]._cellvalues) > repeat + 1:
            return again
        return parts


class _Pieces(list):  # type: ignore[type-arg]
    """Paragraphs of one cell's text that was too tall for a page, in order."""


def _append_continued(data: list[list[object]], cells: list[object], joined: list[int]) -> None:
    """Append a row whose long cells were cut into pieces, as 1 + N continuation rows."""
    depth = max(len(c) if type(c) is _Pieces else 1 for c in cells)
    for k in range(depth):
        row: list[object] = []
        for cell in cells:
            if type(cell) is _Pieces:
                row.append(cell[k] if k < len(cell) else "")
            else:
                row.append(cell if k == 0 else "")
        if k < depth - 1:
            joined.append(len(data))
        data.append(row)


def _lines_except(joined: list[int], row_count: int, first_row: int = 0) -> list[tuple]:
    """Grid lines as commands: all verticals, and a line below every row except ``joined``."""
    commands: list[tuple] = [("LINEAFTER", (0, first_row), (-2, -1), GRID_WIDTH, colors.black)]
    start = first_row
    for row in [*joined, row_count - 1]:
        if row > start:
            commands.append(("LINEBELOW", (0, start), (-1, row - 1), GRID_WIDTH, colors.black))
        start = row + 1
    return commands


class _CellFactory:
    """Turns a value into a table cell.

    A plain string when each of its lines certainly fits (drawn literally, no markup parsing:
    this keeps a 3,000-row table about as fast as a bare reportlab table), otherwise an
    escaped Paragraph that wraps. "Certainly fits" is checked first with the font's widest
    glyph (no measuring at all for short cells), then by measuring the text. With
    ``max_height``, text that would be taller than that becomes :class:`_Pieces`.
    """

    __slots__ = (
        "_fonts",
        "_size",
        "_role",
        "_width",
        "_widest",
        "_max_height",
        "_max_lines",
        "_covered",
    )

    def __init__(
        self, fonts: FontChoice, size: float, role: Role, *, max_height: float | None = None
    ) -> None:
        self._fonts = fonts
        self._size = size
        self._role = role
        font = pdfmetrics.getFont(fonts.title if role in ("header", "total") else fonts.table_font)
        self._width = font.stringWidth
        # A plain string is drawn in this one font: text with a character it lacks takes the
        # Paragraph path, whose markup draws that character from a fallback font.
        self._covered = coverage(font.fontName)
        self._widest = _widest_glyph(font) * size / 1000
        self._max_height = max_height or 0.0
        self._max_lines = int(self._max_height / (size * LINE_SPACING))

    def __call__(self, value: object, avail: float, align: Align) -> str | Paragraph | _Pieces:
        text = clean(value)
        if self._fits_plain(text, avail):
            return text
        paragraph = Paragraph(esc(text), cell_style(self._fonts, self._size, align, self._role))
        # Only text that might be that tall is laid out here (a line holds at least
        # avail / widest-glyph characters); everything else is left to the table.
        if self._max_lines and (
            len(text) * self._widest > avail * self._max_lines
            or text.count("\n") >= self._max_lines
        ):
            pieces = _split_paragraph(paragraph, avail, self._max_height)
            if len(pieces) > 1:
                return _Pieces(pieces)
        return paragraph

    def _fits_plain(self, text: str, avail: float) -> bool:
        """Every line certainly fits: the table draws such text line by line, as fast as a
        bare table (a 3,000-row sign-for roster has a two-line signature cell in every row).
        Text with as many lines as a piece may hold takes the Paragraph path, which cuts it."""
        if self._covered is not None and not self._covered.issuperset(text):
            return False
        if "\n" not in text:
            return len(text) * self._widest <= avail or self._width(text, self._size) <= avail
        lines = text.split("\n")
        if self._max_lines and len(lines) >= self._max_lines:
            return False
        # A Paragraph drops lines of nothing but spaces, a table keeps them: such text keeps
        # the Paragraph path so that it prints exactly as before.
        return all(
            line.strip(" ")
            and (len(line) * self._widest <= avail or self._width(line, self._size) <= avail)
            for line in lines
        )


def _split_paragraph(paragraph: Paragraph, avail: float, max_height: float) -> list[Paragraph]:
    """Cut a Paragraph at line boundaries into pieces at most ``max_height`` tall."""
    pieces: list[Paragraph] = []
    _, height = paragraph.wrap(avail, max_height)
    while height > max_height:
        parts = paragraph.split(avail, max_height)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        paragraph = parts[1]
        _, height = paragraph.wrap(avail, max_height)
    pieces.append(paragraph)
    return pieces


_WIDEST: dict[str, float] = {}


def _widest_glyph(font: object) -> float:
    """The widest advance in the font (1/1000 em); infinity when unknown (always measure)."""
    name = getattr(font, "fontName", "")
    if name not in _WIDEST:
        widest = float("inf")
        if isinstance(font, TTFont):
            widths = font.face.charWidths
            widest = max(max(widths.values(), default=0), font.face.defaultWidth or 0) or float(
                "inf"
            )
        _WIDEST[name] = widest
    return _WIDEST[name]


class _TitleText(Flowable):
    """A centred title line (wraps by character if too long).

    ``fake_bold`` strokes the glyph outlines thinly (PDF text render mode 2) when no bold face
    such as 黑体 is installed, so the title still looks bold as GB/T 9704 asks.
    """

    def __init__(self, text: str, font: str, size: float, *, fake_bold: bool) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.leading = size * 1.45
        self.fake_bold = fake_bold
        self._lines: list[str] = [text]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        lines = wrap_text(self.text, self.font, self.size, avail_width)  # 避头尾 rules
        self._lines = lines
        self.height = self.leading * len(lines)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(self.size * 0.03)
        for i, line in enumerate(self._lines):
            # Baseline placed so that the glyphs sit in the middle of their line box.
            y = self.height - (i + 0.5) * self.leading - self.size * 0.36
            if self.fake_bold:
                canvas._code.append("2 Tr")  # stroke + fill: text render mode 2
            draw_string(canvas, self.width / 2, y, line, self.font, self.size, "center")
            if self.fake_bold:
                canvas._code.append("0 Tr")
        canvas.restoreState()
