"""Write .xlsx files: text kept as text, formulas never injected, files replaced atomically.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "会员.xlsx"
>>> cols = [Column("name", "姓名"), Column("dues", "会费", kind="money")]
>>> write_workbook(out, [Sheet("会员", cols, [{"name": "张三", "dues": 1250}])]).name
'会员.xlsx'
"""
from __future__ import annotations

import datetime
import itertools
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

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
_MAX_CELL_TEXT = 32767  # Excel's limit for one cell
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


class _Styles:
    """Prototype cells whose style arrays are shared by every written cell.

    Assigning fonts/formats cell by cell costs a style lookup each time; copying one prepared
    style array is what keeps a 10,000-row export close to openpyxl's raw write-only speed.
    """

    def __init__(self, ws: object) -> None:
        thin = Side(style="thin", color="A0A0A0")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)

        def proto(number_format: str, **extra: object) -> Cell:
            cell = WriteOnlyCell(ws)
            cell.number_format = number_format
            cell.border = border
            for name, value in extra.items():
                setattr(cell, name, value)
            return cell

        self.text = proto(TEXT_FORMAT)
        self.quoted = proto(TEXT_FORMAT, quotePrefix=True)
        self.int = proto(INT_FORMAT)
        self.money = proto(MONEY_FORMAT)
        self.date = proto(DATE_FORMAT)
        self.header = proto(
            TEXT_FORMAT,
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="D9E1F2"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
        self.heading = WriteOnlyCell(ws)
        self.heading.font = Font(bold=True, size=14)
        self.heading.alignment = Alignment(horizontal="center", vertical="center")
        self.heading.number_format = TEXT_FORMAT


def _styled(ws: object, value: object, proto: Cell) -> Cell:
    cell = WriteOnlyCell(ws, value)
    cell._style = proto._style  # shared, never mutated afterwards (see _Styles)
    return cell


def _as_text(value: object) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, datetime.datetime):
        text = value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)
    # Control characters cannot be stored in XML at all; they are invisible anyway.
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > _MAX_CELL_TEXT:
        raise ValueError(f"单元格文本超过 Excel 的上限（{_MAX_CELL_TEXT}个字符）")
    return text


def _text_cell(ws: object, value: object, styles: _Styles) -> Cell:
    text = _as_text(value)
    if is_injection(text):
        cell = _styled(ws, text, styles.quoted)
        cell.data_type = "s"  # openpyxl made "=..." a formula; force a plain string
        return cell
    return _styled(ws, text, styles.text)


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


def _cell(ws: object, column: Column, value: object, styles: _Styles) -> Cell | None:
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == "money":
        if isinstance(value, bool) or isinstance(value, float):
            raise TypeError(f"金额列“{column.header}”的值必须是整数分，收到 {value!r}")
        if isinstance(value, int):
            # Decimal keeps the exact value; openpyxl writes str(Decimal) into the XML.
            return _styled(ws, Decimal(value) / 100, styles.money)
        return _text_cell(ws, value, styles)
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return _styled(ws, value, styles.int)
        return _text_cell(ws, value, styles)
    if kind == "date":
        day = _to_date(value)
        if day is not None:
            return _styled(ws, day, styles.date)
        return _text_cell(ws, value, styles)
    return _text_cell(ws, value, styles)


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

    if sheet.heading:
        ws.row_dimensions[1].height = 28
        ws.append([_styled(ws, _as_text(sheet.heading), styles.heading)])
        if len(columns) > 1:
            ws.merged_cells.add(f"A1:{last_letter}1")
    ws.append([_styled(ws, _as_text(c.header), styles.header) for c in columns])

    count = 0
    for row in itertools.chain(sample, rows_iter):
        ws.append([_cell(ws, c, row.get(c.key), styles) for c in columns])
        count += 1
    ws.auto_filter.ref = f"A{header_row}:{last_letter}{header_row + count}"


def _atomic_save(wb: Workbook, path: Path) -> Path:
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    except PermissionError as exc:
        raise PermissionError(f"无法在文件夹“{folder}”中写入文件，请检查权限或另选文件夹。") from exc
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
    for sheet in sheets:
        _fill_sheet(wb, sheet, used_titles)
    return _atomic_save(wb, target)


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
