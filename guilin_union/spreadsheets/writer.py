"""Write .xlsx files: text kept as text, formulas never injected, files replaced atomically.

>>> cols = [Column("name", "姓名"), Column("dues", "会费", kind="money")]
>>> sheet = Sheet("会员", cols, [{"name": "张三", "dues": 1250}], heading="会员名单")
>>> write_workbook("会员.xlsx", [sheet])  # doctest: +SKIP
PosixPath('会员.xlsx')
>>> is_injection("=1+1"), is_injection("1+1")
(True, False)
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from guilin_union.core.column_spec import spec_parts
from guilin_union.spreadsheets.errors import FileLockedError, RowError

ColumnKind = Literal["text", "int", "money", "date"]

TEXT_FORMAT = "@"
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
INT_FORMAT = "0"

# A cell whose text starts with one of these is run as a formula by Excel/WPS when the user
# edits it, or by CSV re-import (CWE-1236). Written as a string with quotePrefix it stays text.
_INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r")
_INVALID_TITLE_RE = re.compile(r"[\[\]:*?/\\]")
# Characters XML 1.0 cannot carry at all (C0 controls except tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF). They are invisible, so dropping them on export loses nothing readable.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MAX_CELL_TEXT = 32767  # Excel's limit for one cell
TRUNCATED_SHEET = "超长内容"
# Cells cut to Excel's limit during the current write_workbook: [sheet, row, start, length].
_truncated: ContextVar[list[list[object]] | None] = ContextVar("_truncated", default=None)
_position: ContextVar[list[object] | None] = ContextVar("_position", default=None)
_WIDTH_SAMPLE_ROWS = 1000
_MIN_WIDTH, _MAX_WIDTH = 6.0, 50.0


@dataclass(frozen=True)
class Column:
    """One exported column: the row key it reads, its header, optional width and kind.

    ``money`` values are int fen (written as yuan with ``#,##0.00``); ``date`` values are
    ``datetime.date`` or ISO text (written as real date cells).
    """

    key: str
    header: str
    width: float | None = None
    kind: ColumnKind = "text"


_KINDS: tuple[ColumnKind, ...] = ("text", "int", "money", "date")


def sheet_columns(spec: str) -> list[Column]:
    """Export columns written as one line of a spec, left to right like the sheet.

    Each column is ``key header [width] [kind]`` and columns are separated by ``|``; kind is
    one of text (the default), int, money, date. A mistake in a spec is a programming error.

    >>> sheet_columns("branch 分工会 24 | paid_fen 实缴（元） money | note 备注")
    ... # doctest: +NORMALIZE_WHITESPACE
    [Column(key='branch', header='分工会', width=24.0, kind='text'),
     Column(key='paid_fen', header='实缴（元）', width=None, kind='money'),
     Column(key='note', header='备注', width=None, kind='text')]
    >>> sheet_columns("paid_on 缴纳日期 day")
    Traceback (most recent call last):
    ValueError: column spec 'paid_on 缴纳日期 day': 'day' is neither a width nor text/int/money/date
    >>> sheet_columns("branch 分工会 24 | paid_fen")
    Traceback (most recent call last):
    ValueError: column spec 'paid_fen': expected key header [width] [text/int/money/date]
    """
    result: list[Column] = []
    for part in spec_parts(spec, "key header [width] [" + "/".join(_KINDS) + "]"):
        key, header, *rest = part.words
        width: float | None = None
        kind: ColumnKind = "text"
        for word in rest:
            if word in _KINDS:
                kind = word
                continue
            try:
                width = float(word)
            except ValueError:
                raise part.error(f"{word!r} is neither a width nor " + "/".join(_KINDS)) from None
        result.append(Column(key, header, width, kind))
    return result


@dataclass
class Sheet:
    """One worksheet: title, columns, the rows (mappings keyed by ``Column.key``)."""

    title: str
    columns: list[Column]
    rows: Iterable[Mapping[str, object]]
    heading: str | None = None  # optional merged title row above the header


def display_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters count double.

    >>> display_width("张三ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def is_injection(text: str) -> bool:
    """True when ``text`` would be taken as a formula (``=1+1``, ``+1``, ``-1``, ``@SUM``...)."""
    return text.startswith(_INJECTION_STARTS)


class _FastCell(Cell):
    """A reusable cell with a fixed, pre-registered style.

    openpyxl's write-only sheet serialises each cell as soon as it is yielded, so one cell
    object per style can be refilled for every row. With the style id computed once, a styled
    export costs about what openpyxl's own unstyled write-only path costs (which also reuses
    one cell). Values are assigned to ``_value``/``data_type`` directly: they are already
    checked by :func:`_as_text` and the kind dispatch below.
    """

    __slots__ = ("_fixed_style_id",)

    @property
    def style_id(self) -> int:  # type: ignore[override]
        return self._fixed_style_id

    @property
    def has_style(self) -> bool:  # type: ignore[override]
        return True


class _Styles:
    """One reusable :class:`_FastCell` per cell style of a sheet."""

    def __init__(self, ws: object) -> None:
        thin = Side(style="thin", color="A0A0A0")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)

        def make(number_format: str, bordered: bool = True, **extra: object) -> _FastCell:
            cell = _FastCell(ws)
            cell.number_format = number_format
            if bordered:
                cell.border = border
            for name, value in extra.items():
                setattr(cell, name, value)
            cell._fixed_style_id = ws.parent._cell_styles.add(cell._style)  # type: ignore[attr-defined]
            return cell

        self.text = make(TEXT_FORMAT)
        self.quoted = make(TEXT_FORMAT, quotePrefix=True)
        self.int = make(INT_FORMAT)
        self.money = make(MONEY_FORMAT)
        self.date = make(DATE_FORMAT)
        self.header = make(
            TEXT_FORMAT,
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="D9E1F2"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
        self.heading = make(
            TEXT_FORMAT,
            bordered=False,
            font=Font(bold=True, size=14),
            alignment=Alignment(horizontal="center", vertical="center"),
        )


def _fill(cell: _FastCell, value: object, data_type: str) -> _FastCell:
    cell._value = value
    cell.data_type = data_type
    return cell


def _as_text(value: object) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, datetime.datetime):
        text = (
            value.date().isoformat()
            if value.time() == datetime.time()
            else value.isoformat(sep=" ")
        )
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)
    text = _XML_ILLEGAL_RE.sub("", text)
    if len(text) > _MAX_CELL_TEXT:
        return _cut(text)
    return text


def _cut(text: str) -> str:
    """Text over Excel's cell limit: cut, with a marker saying so, and listed (stored data
    must never make an export fail)."""
    marker = f"……〔超出 Excel 单元格上限，已截断；原文共{len(text)}字〕"
    where = _position.get() or ["", 0]
    listed = _truncated.get()
    if listed is not None:
        listed.append([where[0], where[1], text[:30], len(text)])
    return text[: _MAX_CELL_TEXT - len(marker)] + marker


def last_truncations() -> list[dict[str, object]]:
    """Cells the last :func:`write_workbook` in this context cut to Excel's limit."""
    return [
        {"sheet": sheet, "row": row, "start": start, "length": length}
        for sheet, row, start, length in (_truncated.get() or [])
    ]


def _text_cell(value: object, styles: _Styles, proto: _FastCell | None = None) -> _FastCell:
    text = _as_text(value)
    if text.startswith(_INJECTION_STARTS):
        # Always a plain string ('s'), never a formula, and quote-prefixed so that editing
        # the cell in Excel/WPS does not turn it into one either.
        return _fill(styles.quoted, text, "s")
    return _fill(proto or styles.text, text, "s")


def _to_date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _cell(column: Column, value: object, styles: _Styles) -> _FastCell | None:
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == "text":
        return _text_cell(value, styles)
    if kind == "money":
        if isinstance(value, (bool, float)):
            raise TypeError(f"金额列“{column.header}”的值必须是整数分，收到 {value!r}")
        if isinstance(value, int):
            # Decimal keeps the exact value; openpyxl writes str(Decimal) into the XML.
            return _fill(styles.money, Decimal(value) / 100, "n")
        return _text_cell(value, styles)
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return _fill(styles.int, value, "n")
        return _text_cell(value, styles)
    if kind == "date":
        day = _to_date(value)
        if day is not None and datetime.date(1900, 3, 1) <= day <= datetime.date(9999, 12, 31):
            return _fill(styles.date, day, "d")
        return _text_cell(value, styles)
    raise ValueError(f"unknown column kind {kind!r}")


def _shown_text(column: Column, value: object) -> str:
    """Approximately what Excel will show, to size the column."""
    if value is None:
        return ""
    if column.kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value / 100:,.2f}"  # float is fine here: only the width is estimated
    if column.kind == "date":
        return "2024-03-05"
    return str(value)


def _column_widths(columns: list[Column], sample: list[Mapping[str, object]]) -> list[float]:
    widths = []
    for column in columns:
        if column.width is not None:
            widths.append(column.width)
            continue
        longest = display_width(column.header)
        for row in sample:
            longest = max(longest, display_width(_shown_text(column, row.get(column.key))))
        widths.append(min(max(longest + 2.0, _MIN_WIDTH), _MAX_WIDTH))
    return widths


def _safe_title(title: str, used: set[str]) -> str:
    base = _INVALID_TITLE_RE.sub("_", title).strip("'") or "Sheet"
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _fill_sheet(wb: Workbook, sheet: Sheet, used_titles: set[str]) -> None:
    ws = wb.create_sheet(_safe_title(sheet.title, used_titles))
    styles = _Styles(ws)
    columns = sheet.columns
    last_letter = get_column_letter(max(len(columns), 1))

    rows_iter: Iterator[Mapping[str, object]] = iter(sheet.rows)
    sample = list(itertools.islice(rows_iter, _WIDTH_SAMPLE_ROWS))
    # Everything written before the first row (widths, panes) must be set now: write-only
    # sheets stream the XML head out with the first appended row.
    for index, (column, width) in enumerate(zip(columns, _column_widths(columns, sample)), start=1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = width
        if column.kind == "text":
            dim.number_format = TEXT_FORMAT  # cells the user adds later are text, too
    header_row = 2 if sheet.heading else 1
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if len(columns) > 6:
        ws.page_setup.orientation = "landscape"

    # Rows are handed over as ready cells; see _install_fast_rows.
    _install_fast_rows(ws)
    if sheet.heading:
        ws.row_dimensions[1].height = 28
        ws.append([_text_cell(sheet.heading, styles, styles.heading)])
        if len(columns) > 1:
            ws.merged_cells.add(f"A1:{last_letter}1")
    ws.append(_text_cell(c.header, styles, styles.header) for c in columns)

    count = 0
    position: list[object] = [ws.title, header_row]
    _position.set(position)
    for row in itertools.chain(sample, rows_iter):
        position[1] = header_row + count + 1
        # A generator, not a list: each reusable cell is written before the next is filled.
        ws.append(_cell(c, row.get(c.key), styles) for c in columns)
        count += 1
    ws.auto_filter.ref = f"A{header_row}:{last_letter}{header_row + count}"


def _install_fast_rows(ws: object) -> None:
    """Let ``ws.append`` take our prepared cells as they are.

    openpyxl's ``_values_to_row`` first tries to bind each item as a value, which for a cell
    object fails with an exception (and a repr) before it falls back to using the cell; that
    made styled exports twice as slow. This replacement yields the cells, positioned.
    """

    def values_to_row(cells: Iterable[Cell | None], row_idx: int) -> Iterator[Cell]:
        for col_idx, cell in enumerate(cells, 1):
            if cell is None:
                continue
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    ws._values_to_row = values_to_row  # type: ignore[attr-defined]


def _atomic_save(wb: Workbook, path: Path) -> Path:
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise PermissionError(
            f"无法在文件夹“{folder}”中写入文件，请检查权限或另选文件夹。"
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())  # the bytes are on disk before the old file goes
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise FileLockedError(
                f"文件“{path.name}”正被其他程序（如 Excel/WPS）打开，无法写入。"
                "请关闭该文件后重试；原文件未被改动。",
                str(path),
            ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_workbook(path: str | Path, sheets: list[Sheet]) -> Path:
    """Write ``sheets`` to ``path`` (replaced atomically) and return the path.

    Text cells get the ``@`` format; text that starts like a formula is written as a string
    with the quote prefix. Raises :class:`FileLockedError` if the target is open elsewhere.
    """
    if not sheets:
        raise ValueError("write_workbook needs at least one sheet")
    target = Path(path)
    wb = Workbook(write_only=True)
    wb.properties.creator = "桂林学院工会工作管理系统"
    used_titles: set[str] = set()
    truncated: list[list[object]] = []
    _truncated.set(truncated)
    for sheet in sheets:
        _fill_sheet(wb, sheet, used_titles)
    if truncated:  # listed in the file itself, on a last sheet
        listing = [
            {"sheet": sheet, "row": row, "start": start, "length": length}
            for sheet, row, start, length in truncated
        ]
        _fill_sheet(wb, Sheet(TRUNCATED_SHEET, TRUNCATED_COLUMNS, listing), used_titles)
    return _atomic_save(wb, target)


TRUNCATED_COLUMNS = [
    Column("sheet", "工作表", width=16),
    Column("row", "行号", width=8, kind="int"),
    Column("start", "内容开头", width=40),
    Column("length", "原文字数（超出部分已截断）", width=24, kind="int"),
]


ERROR_COLUMNS = [
    Column("row", "行号", width=8, kind="int"),
    Column("column", "列", width=16),
    Column("value", "值", width=30),
    Column("message", "错误说明", width=70),
]


def write_errors(path: str | Path, errors: list[RowError], source_name: str = "") -> Path:
    """Save an import's row errors as a workbook with one sheet “错误清单”.

    Columns: 行号, 列, 值, 错误说明. The file's own values are neutralised like any text.
    """
    heading = f"{source_name} 导入错误清单（共{len(errors)}处）" if source_name else None
    rows = (error.to_dict() for error in errors)
    return write_workbook(path, [Sheet("错误清单", ERROR_COLUMNS, rows, heading=heading)])
