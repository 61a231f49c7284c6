"""Read a table out of an .xlsx file: headers matched by name, every cell checked, errors per row.

The reader never repairs data: an ID number stored as a number has already lost digits and is
reported, not guessed at. Whole-file problems raise :class:`WorkbookError`; cell problems become
:class:`RowError` entries so the user gets one complete list.

>>> fields = [Field("name", "姓名", required=True), Field("id_number", "身份证号", kind="id_number")]
>>> detect_mapping(["序号", "姓 名", "身份证号码（必填）"], fields)
{'name': 2}
"""

from __future__ import annotations

import datetime
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.money import parse_yuan
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.core.text_limits import length_problem
from guilin_union.spreadsheets.errors import RowError, SheetChoiceError, WorkbookError
from guilin_union.spreadsheets.fast_load import load_read_only, worksheet_parts
from guilin_union.spreadsheets.limits import WorkbookScan, check_workbook_content

FieldKind = Literal["text", "id_number", "phone", "date", "int", "money", "choice", "bool"]

HEADER_SCAN_ROWS = 30
PROGRESS_EVERY = 500
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Field:
    """One expected column: its key, its header label, other accepted labels and its kind."""

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    kind: FieldKind = "text"
    choices: tuple[str, ...] = ()


class SheetRow(int):
    """An Excel row number that also knows its worksheet (when several sheets are read).

    It is an ``int`` everywhere (sorting, JSON, messages), so importers keep passing
    ``parsed.row`` to :class:`RowError` and the error still names the right sheet.

    >>> r = SheetRow(5, "教学单位")
    >>> r + 1, r.sheet
    (6, '教学单位')
    """

    sheet: str

    def __new__(cls, value: int, sheet: str = "") -> SheetRow:
        obj = super().__new__(cls, value)
        obj.sheet = sheet
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (SheetRow, (int(self), self.sheet))


@dataclass
class ParsedRow:
    """One data row; ``row`` is the Excel row number.

    ``bad`` names the fields whose cells the reader refused (their values are ``None``);
    it is empty for the rows in :attr:`ReadResult.rows`.
    """

    row: int
    values: dict[str, object]
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True)
class IgnoredRow:
    """A non-blank row left out on purpose (合计, 制表人：…, 注：…, a group title)."""

    row: int
    reason: str
    text: str = ""

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"row": int(self.row), "reason": self.reason}
        if self.text:
            data["text"] = self.text
        sheet = getattr(self.row, "sheet", "")
        if sheet:
            data["sheet"] = sheet
        return data


@dataclass(kw_only=True)
class ReadStructure:
    """What a read found about the file's structure, shown to the user and never silently
    dropped: kept by :class:`ReadResult`, and by the outcome of an import that copies it
    (``services.import_common``)."""

    #: every worksheet read, in order (several with ``--all-sheets`` or several ``--sheet``)
    sheets: list[str] = dataclass_field(default_factory=list)
    #: totals, signature and note rows, group titles: left out, listed for the user
    ignored_rows: list[IgnoredRow] = dataclass_field(default_factory=list)
    #: header texts of columns no field uses (序号 excepted): shown, never silently dropped
    ignored_columns: list[str] = dataclass_field(default_factory=list)


@dataclass
class ReadResult(ReadStructure):
    """What :func:`read_table` found.

    ``rows`` holds only rows without reader errors; rows with errors appear in ``errors``
    (one entry per bad cell). ``total_rows`` counts every non-blank data row.
    """

    sheet: str
    header_row: int
    mapping: dict[str, int]  # field key -> 1-based column index
    headers: dict[int, str]  # 1-based column index -> header text as in the file
    unmapped_headers: list[str]
    rows: list[ParsedRow] = dataclass_field(default_factory=list)
    errors: list[RowError] = dataclass_field(default_factory=list)
    total_rows: int = 0
    #: every worksheet of the workbook (chart sheets excepted)
    workbook_sheets: list[str] = dataclass_field(default_factory=list)
    #: the worksheets (hidden ones too) whose header is recognisable: more than one means
    #: the sheet read was a choice, and the result should say which
    header_sheets: list[str] = dataclass_field(default_factory=list)
    #: plain-language remarks, e.g. merged cells filled down
    notes: list[str] = dataclass_field(default_factory=list)
    #: rows that have reader errors, with their other values, so that importers can report
    #: every problem of a row in one pass (see services.import_common)
    error_rows: list[ParsedRow] = dataclass_field(default_factory=list)


# --------------------------------------------------------------------------- header matching

# Bracketed notes people add to headers: （必填） (选填) 【格式：2024-03-05】 [元] <注>
_NOTE_RE = re.compile(r"[（(【\[<〈《][^）)】\]>〉》]*[）)】\]>〉》]")
_HEADER_JUNK_RE = re.compile(r"[\s\u00a0*＊:：]+")


def normalize_header(text: object) -> str:
    """Reduce a header cell to a comparable key.

    >>> normalize_header(" *身份证 号码（必填）：")
    '身份证号码'
    >>> normalize_header("Ｅｍａｉｌ")
    'email'
    """
    if text is None:
        return ""
    value = to_halfwidth(clean_cell_text(str(text)))
    value = _NOTE_RE.sub("", value)
    value = _HEADER_JUNK_RE.sub("", value)
    return value.lower()


def detect_mapping(header_cells: Sequence[object], fields: Sequence[Field]) -> dict[str, int]:
    """Match header cells (index 0 is column 1) to fields by header text or synonyms.

    A field's own header wins over a synonym; each column serves at most one field and each
    field takes the first (leftmost) column that matches.

    >>> detect_mapping(["姓名", "手机"], [Field("phone", "手机号码", synonyms=("手机",))])
    {'phone': 2}
    """
    normalized = [normalize_header(cell) for cell in header_cells]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    # Pass 1: the field's own header; pass 2: its synonyms. This keeps "电话" for the field
    # whose header is 电话 even when another field lists 电话 as a synonym.
    for use_synonyms in (False, True):
        for f in fields:
            if f.key in mapping:
                continue
            names = (
                {normalize_header(s) for s in f.synonyms}
                if use_synonyms
                else {normalize_header(f.header)}
            )
            names.discard("")
            for index, text in enumerate(normalized):
                if text and index not in used and text in names:
                    mapping[f.key] = index + 1
                    used.add(index)
                    break
    return {f.key: mapping[f.key] for f in fields if f.key in mapping}


def _header_acceptable(mapping: dict[str, int], fields: Sequence[Field]) -> bool:
    required = {f.key for f in fields if f.required}
    if len(mapping) >= min(2, len(fields)):
        return True
    return bool(required) and required <= mapping.keys()


def _cell_value(row: Sequence[Any], column: int) -> Any:
    """The cell at 1-based ``column`` of a read-only row (rows may be short)."""
    if column - 1 < len(row):
        return row[column - 1]
    return None


def _header_texts(row: Sequence[Any]) -> list[str]:
    texts = []
    for cell in row:
        value = getattr(cell, "value", None)
        texts.append(
            clean_cell_text(str(value))
            if isinstance(value, (str, int, float)) and not isinstance(value, bool)
            else ""
        )
    return texts


# --------------------------------------------------------------------------- opening files


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _check_file(path: Path, max_bytes: int) -> None:
    """Refuse files that are not plain .xlsx workbooks before openpyxl sees them."""
    name = path.name
    if not path.exists():
        raise WorkbookError(f"找不到文件“{name}”")
    if path.is_dir():
        raise WorkbookError(f"“{name}”是文件夹，不是 Excel 文件")
    size = path.stat().st_size
    if size == 0:
        raise WorkbookError(f"文件“{name}”是空文件（0字节），不是有效的 Excel 工作簿")
    if size > max_bytes:
        raise WorkbookError(
            f"文件“{name}”大小为{_mb(size)} MB，超过导入上限{_mb(max_bytes)} MB。"
            "请删除多余的工作表和图片，或把数据分成几个文件分批导入。"
        )
    with open(path, "rb") as handle:
        head = handle.read(8)
        if head == _OLE_MAGIC:
            # An encrypted OOXML file and an old .xls are both OLE compound files; the
            # directory entry names (UTF-16) tell them apart.
            data = head + handle.read()
            if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
                raise WorkbookError(
                    f"工作簿“{name}”设有打开密码，无法读取。请在 Excel/WPS 中取消密码"
                    "（文件 ▸ 信息 ▸ 保护工作簿 ▸ 用密码进行加密，清空密码）后再导入。"
                )
            if _utf16("Workbook") in data or _utf16("Book") in data:
                raise WorkbookError(
                    f"文件“{name}”是旧版 .xls 格式。请在 Excel/WPS 中打开，另存为 .xlsx 后再导入。"
                )
            raise WorkbookError(
                f"工作簿“{name}”设有打开密码或是旧版 Office 格式，无法读取。"
                "请取消密码后再导入；如果是 .xls 文件，请在 Excel/WPS 中另存为 .xlsx。"
            )
    if head[:4] != _ZIP_MAGIC:
        stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
        if stripped.startswith(b"<"):
            raise WorkbookError(
                f"文件“{name}”其实是网页（HTML/XML）格式，只是扩展名像 Excel 文件。"
                "请在 Excel/WPS 中打开后另存为 .xlsx 再导入。"
            )
        if path.suffix.lower() in (".csv", ".txt"):
            raise WorkbookError(
                f"文件“{name}”是 CSV/文本文件，不是 .xlsx 工作簿。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。"
            )
        raise WorkbookError(
            f"文件“{name}”不是 .xlsx 格式的 Excel 工作簿（可能是 CSV、文本或其他格式）。"
            "请在 Excel/WPS 中打开后另存为 .xlsx 再导入。"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise WorkbookError(
            f"文件“{name}”已损坏或不完整，无法读取。请重新保存或重新下载后再导入。"
        ) from None
    names = {info.filename for info in infos}
    if "xl/workbook.bin" in names:
        raise WorkbookError(
            f"文件“{name}”是 .xlsb 二进制工作簿。请在 Excel 中另存为 .xlsx 再导入。"
        )
    if not any(n.startswith("xl/") for n in names):
        if any(n.startswith("word/") for n in names):
            kind = "Word 文档"
        elif any(n.startswith("ppt/") for n in names):
            kind = "PowerPoint 演示文稿"
        elif "content.xml" in names:
            kind = "OpenDocument（.ods）表格"
        else:
            kind = "压缩包"
        raise WorkbookError(
            f"文件“{name}”是{kind}，不是 Excel 工作簿。请在 Excel/WPS 中另存为 .xlsx 再导入。"
        )
    # A zip bomb: tiny on disk, huge once inflated. Legitimate sheets compress ~5-15x.
    unpacked = sum(info.file_size for info in infos)
    if unpacked > 20 * max_bytes:
        raise WorkbookError(
            f"文件“{name}”解压后有{_mb(unpacked)} MB，超出可导入的范围。请删除多余的内容或分批导入。"
        )


@dataclass
class _Book:
    """An open read-only workbook and what the content check saw of its worksheets."""

    wb: Any
    scan: WorkbookScan
    #: the file itself, for what openpyxl may one day stop telling (see fast_load.py)
    source: Path | None = None
    _parts: dict[str, str] | None = dataclass_field(default=None, init=False, repr=False)

    def part(self, name: str) -> str:
        path = getattr(self.wb[name], "_worksheet_path", None)
        if isinstance(path, str):
            return path
        if self._parts is None:
            self._parts = worksheet_parts(self.source) if self.source is not None else {}
        return self._parts.get(name, "")

    def part_source(self, name: str) -> Callable[[], Any] | None:
        """Opens the worksheet's XML (a context manager), or None when it cannot be found."""
        opener = getattr(self.wb[name], "_get_source", None)
        if callable(opener):
            return opener
        part, source = self.part(name), self.source
        if not part or source is None:
            return None
        return lambda: _zip_member(source, part)


@contextmanager
def _zip_member(path: Path, part: str) -> Iterator[IO[bytes]]:
    with zipfile.ZipFile(path) as archive, archive.open(part) as handle:
        yield handle


@contextmanager
def _open_book(path: str | Path, max_bytes: int, max_rows: int | None = None) -> Iterator[_Book]:
    source = Path(path)
    _check_file(source, max_bytes)
    # Bombs: sizes, rows, cells (limits.py); the same pass notes rows and merged ranges.
    scan = check_workbook_content(source, max_rows=max_rows)
    # Hand openpyxl an open file, not the name: it would otherwise refuse a correct .xlsx
    # that merely has the wrong extension, and read-only mode keeps its handle open until
    # close() (on Windows that would lock the user's file).
    with open(source, "rb") as handle:
        try:
            wb = load_read_only(handle)
        except WorkbookError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on malformed parts
            raise WorkbookError(
                f"无法读取文件“{source.name}”：文件已损坏或不是有效的 .xlsx 工作簿（{type(exc).__name__}）。"
                "请在 Excel/WPS 中打开并重新另存为 .xlsx 后再导入。"
            ) from exc
        try:
            yield _Book(wb, scan, source)
        finally:
            wb.close()


@contextmanager
def _open_workbook(path: str | Path, max_bytes: int, max_rows: int | None = None) -> Iterator[Any]:
    with _open_book(path, max_bytes, max_rows) as book:
        yield book.wb


def _worksheet_names(wb: Any) -> list[str]:
    # wb.sheetnames also lists chart sheets, which hold no cells.
    return [ws.title for ws in wb.worksheets]


def list_sheets(path: str | Path, *, max_bytes: int = 20 * 1024 * 1024) -> list[str]:
    """Names of the worksheets (not chart sheets) in workbook order."""
    with _open_workbook(path, max_bytes) as wb:
        return _worksheet_names(wb)


def preview_rows(
    path: str | Path,
    sheet: str | None = None,
    rows: int = HEADER_SCAN_ROWS,
    *,
    max_bytes: int = 20 * 1024 * 1024,
) -> list[list[str]]:
    """The first ``rows`` rows as display text, for a column-mapping dialog."""
    with _open_workbook(path, max_bytes) as wb:
        names = _worksheet_names(wb)
        if not names:
            raise WorkbookError("工作簿中没有工作表")
        ws = wb[sheet] if sheet is not None and sheet in names else wb[names[0]]
        ws.reset_dimensions()
        out = []
        for row in itertools.islice(_guarded(iter(ws.iter_rows()), Path(path).name), rows):
            out.append([_display(getattr(cell, "value", None)) for cell in row])
        return out


# --------------------------------------------------------------------------- cell conversion


class _CellProblem(Exception):
    """A cell cannot be taken as it is; ``message`` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _number_text(value: float | int | Decimal) -> str:
    """A number as Excel shows it in a ``0``/General cell: 15 significant digits at most."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return str(value)
    if value == int(value):
        # 4.50302199003071e+17 -> "450302199003071000": what the user sees, not float noise.
        return str(int(Decimal(f"{value:.15g}")))
    return f"{value:.15g}"


def _display(value: Any) -> str:
    """A cell value as text, for error lists and previews."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value)
    if isinstance(value, datetime.datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.time()
            else value.isoformat(sep=" ")
        )
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    text = getattr(value, "text", None)  # ArrayFormula
    if isinstance(text, str):
        return text
    return str(value)


_BOOL_WORDS = {
    "是": True,
    "否": False,
    "y": True,
    "n": False,
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "1": True,
    "0": False,
    "√": True,
    "✓": True,
    "✔": True,
    "×": False,
    "✗": False,
    "✘": False,
    "对": True,
    "错": False,
}
_INT_RE = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_INNER_SPACE_RE = re.compile(r"[\s\u00a0\u3000]+")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _text_of(value: Any) -> str | None:
    """Plain text of a non-formula cell, cleaned; ``None`` when blank."""
    if isinstance(value, str):
        text = clean_cell_text(value)
    elif isinstance(value, bool):
        text = "是" if value else "否"
    else:
        text = _display(value)
    return text or None


def _convert(f: Field, value: Any, date1904: bool, label: str) -> object:
    """Turn one non-formula, non-blank cell value into the field's Python value."""
    kind = f.kind
    if kind == "id_number" or kind == "phone":
        if _is_number(value):
            if kind == "id_number":
                raise _CellProblem(
                    f"{label}以数字格式存储，可能已丢失末位数字（Excel 只保留15位有效数字）。"
                    "请将该列设置为“文本”格式后重新填写"
                )
            raise _CellProblem(
                f"{label}以数字格式存储，可能已丢失开头的0或其他数字。请将该列设置为“文本”格式后重新填写"
            )
        text = _text_of(value)
        if text is None:
            return None
        text = _INNER_SPACE_RE.sub("", to_halfwidth(text))
        return text.upper() if kind == "id_number" else text
    if kind == "date":
        if isinstance(value, datetime.datetime):
            # A time of day on a date cell is dropped: the day is what the records hold.
            return parse_date(value.date()).isoformat()
        if isinstance(value, datetime.date):
            return parse_date(value).isoformat()
        if isinstance(value, (datetime.time, datetime.timedelta)):
            raise _CellProblem("单元格只有时间没有日期，请填写日期，如 2024-03-05")
        if _is_number(value):
            # 20240305 typed as a number is a compact date, not serial day 20,240,305.
            if value == int(value) and 19000101 <= int(value) <= 21001231:
                return parse_date(str(int(value))).isoformat()
            return parse_date(value, date1904=date1904).isoformat()
        text = _text_of(value)
        return None if text is None else parse_date(text).isoformat()
    if kind == "int":
        if _is_number(value):
            if value != int(value):
                raise _CellProblem(f"“{_display(value)}”不是整数")
            return int(value)
        text = _text_of(value)
        if text is None:
            return None
        compact = _INNER_SPACE_RE.sub("", to_halfwidth(text)).replace(",", "")
        if not _INT_RE.match(compact):
            raise _CellProblem(f"“{text}”不是整数")
        return int(Decimal(compact))
    if kind == "money":
        if isinstance(value, float):
            # Excel keeps up to 17 digits in the file but shows 15: a value computed as
            # 82.82000000000001 is the 82.82 the user sees. Rounding to 15 significant digits
            # (Excel's own display precision) removes only binary noise, never a real fen.
            return parse_yuan(Decimal(f"{value:.15g}"))
        if _is_number(value):
            return parse_yuan(value)
        text = _text_of(value)
        return None if text is None else parse_yuan(to_halfwidth(text))
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = _text_of(value)
        if text is None:
            return None
        key = to_halfwidth(text).strip().lower()
        if key in _BOOL_WORDS:
            return _BOOL_WORDS[key]
        raise _CellProblem(f"“{text}”无法识别，请填写“是”或“否”")
    text = _text_of(value)
    if text is None:
        return None
    if kind == "choice":
        for choice in f.choices:
            if text == choice or _INNER_SPACE_RE.sub("", to_halfwidth(text)) == _INNER_SPACE_RE.sub(
                "", to_halfwidth(choice)
            ):
                return choice
        raise _CellProblem(f"“{text}”不是可选的值，可选：{'、'.join(f.choices)}")
    if (too_long := length_problem(f.key, text)) is not None:  # core/text_limits.py
        raise _CellProblem(too_long)
    return text


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and clean_cell_text(value) == "")


# --------------------------------------------------------------------------- read_table


def _guarded(rows: Iterator[Sequence[Any]], file_name: str) -> Iterator[Sequence[Any]]:
    """Iterate worksheet rows, turning parser failures into a plain-language refusal.

    Read-only mode parses the sheet XML lazily, so a damaged or hostile part (defusedxml
    refuses entity declarations) only fails here, in the middle of the loop.
    """
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise WorkbookError(
                f"无法读取文件“{file_name}”：工作表内容已损坏或格式不受支持（{type(exc).__name__}）。"
                "请在 Excel/WPS 中打开并重新另存为 .xlsx 后再导入。"
            ) from exc
        yield row


def _choose_header(
    head: list[Sequence[Any]], fields: Sequence[Field], mapping: dict[str, int] | None
) -> tuple[int, dict[str, int]] | None:
    """Return (0-based index in ``head``, detected mapping) of the header row, or None."""
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(head):
        found = detect_mapping(_header_texts(row), fields)
        if found and (best is None or len(found) > len(best[1])):
            best = (index, found)
    if best is not None and _header_acceptable(best[1], fields):
        return best
    if mapping:
        # The caller chose the columns (e.g. in a mapping dialog) because names did not match:
        # take the first row that has text in every mapped column.
        for index, row in enumerate(head):
            texts = _header_texts(row)
            if all(col - 1 < len(texts) and texts[col - 1] for col in mapping.values()):
                return index, {}
    return None


def _expected_headers(fields: Sequence[Field]) -> str:
    return "、".join(f"{f.header}{'（必填）' if f.required else ''}" for f in fields)


def _validate_mapping(mapping: dict[str, int], fields: Sequence[Field]) -> None:
    keys = {f.key for f in fields}
    unknown = set(mapping) - keys
    if unknown:
        raise ValueError(f"mapping names unknown fields: {sorted(unknown)}")
    if any(not isinstance(col, int) or col < 1 for col in mapping.values()):
        raise ValueError("mapping columns are 1-based positive integers")
    if len(set(mapping.values())) != len(mapping):
        raise WorkbookError("同一列不能同时对应两个字段，请重新选择列的对应关系")


# --------------------------------------------------------------------------- structure


@dataclass(frozen=True)
class _Merge:
    ref: str
    min_col: int
    min_row: int
    max_col: int
    max_row: int


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_MAX_MERGES = 100_000


def _merges(source: Callable[[], Any] | None) -> list[_Merge]:
    """The merged ranges of a read-only worksheet (openpyxl does not give them there);
    ``source`` opens its XML (see :meth:`_Book.part_source`).

    ``<mergeCells>`` follows the sheet data, so the part is scanned in chunks, never loaded
    whole.
    """
    from openpyxl.utils.cell import column_index_from_string

    if source is None:
        return []
    out: list[_Merge] = []
    tail = b""
    try:
        with source() as handle:
            while len(out) < _MAX_MERGES:
                chunk = handle.read(1 << 20)
                if not chunk:
                    break
                data = tail + chunk
                last_end = 0
                for m in _MERGE_RE.finditer(data):
                    c1, r1, c2, r2 = m.groups()
                    out.append(
                        _Merge(
                            f"{c1.decode()}{int(r1)}:{c2.decode()}{int(r2)}",
                            column_index_from_string(c1.decode()),
                            int(r1),
                            column_index_from_string(c2.decode()),
                            int(r2),
                        )
                    )
                    last_end = m.end()
                tail = data[max(last_end, len(data) - 400) :]
    except (OSError, zipfile.BadZipFile, ValueError, KeyError):
        return out
    return out


def _sheet_merges(book: _Book, name: str) -> list[_Merge]:
    """The merged ranges of a worksheet, as the content check found them in its pass.

    A sheet the check did not scan (a part outside xl/worksheets/) is read for them.
    """
    from openpyxl.utils.cell import column_index_from_string

    found = book.scan.merges.get(book.part(name))
    if found is None:
        return _merges(book.part_source(name))
    return [
        _Merge(
            f"{c1}{r1}:{c2}{r2}",
            column_index_from_string(c1),
            r1,
            column_index_from_string(c2),
            r2,
        )
        for c1, r1, c2, r2 in found
    ]


_SPACES_ALL_RE = re.compile(r"[\s\u00a0\u3000]+")
_TOTAL_RE = re.compile(r"^(?:总合计|合计|总计|小计|共计|累计)")
_COUNT_RE = re.compile(r"^共\d+(?:人|名|条|项|户|个)")
_TOTAL_WORDS = frozenset(("合计", "小计", "总计", "共计", "总合计", "合计：", "合计:"))
_SIGN_RE = re.compile(
    r"^(?:(?:制表|填表|填报|审核|审批|复核|经办|负责|单位负责|联系|部门负责|分管领导|主管领导|领导)人?"
    r"|分管领导|主要领导|签字|签名|盖章|联系电话|(?:制表|填表|填报|报送|审核)?日期"
    r"|(?:报送|填报|制表)单位)[:：]"
)
_SIGN_NOCOLON_RE = re.compile(r"^(?:制表人|填表人|填报人|审核人|审批人|复核人|经办人)")
_STAMP_RE = re.compile(r"^[（(]?(?:盖章|公章|签章|单位盖章|单位公章)[）)]?$")
_NOTE_ROW_RE = re.compile(r"^(?:注|备注|说明|附注|注释|填表说明|特别说明)\d*[:：]|^注\d+[、.．]|^※")
_FORMULA_TOTAL_RE = re.compile(
    r"^=\s*(?:SUM|SUBTOTAL|COUNTA?|COUNTIFS?|SUMIFS?|AVERAGE)\s*\(", re.IGNORECASE
)
_SERIAL_HEADERS = {"序号", "序", "no", "no.", "编号序号"}


def _compact(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else _display(value)
    return _SPACES_ALL_RE.sub("", to_halfwidth(clean_cell_text(text)))


def _row_texts(row: Sequence[Any]) -> list[tuple[int, str, Any]]:
    """(column, compact text, cell) of every non-blank cell of the row.

    Only the first three cells and formula cells get their text (all that the footer
    checks read): a data row of 3,000 costs no more than it must.
    """
    out: list[tuple[int, str, Any]] = []
    for index, cell in enumerate(row, start=1):
        value = getattr(cell, "value", None)
        if value is None or (isinstance(value, str) and _is_blank(value)):
            continue
        wanted = len(out) < 3 or getattr(cell, "data_type", None) == "f"
        out.append((index, _compact(value) if wanted else "", cell))
    return out


def _row_preview(texts: list[tuple[int, str, Any]]) -> str:
    return " ".join(text or _compact(getattr(cell, "value", None)) for _, text, cell in texts)


_FIGURE_RE = re.compile(r"^[-+]?[\d,，.]+(?:人次|人|名|条|项|户|个|笔|元|万元)?$")


def _reads_like_person(texts: list[tuple[int, str, Any]]) -> bool:
    """A row with a totals word that is still a person's row: besides the word it holds two or
    more cells of words (分工会, 性别, 状态 …) — a totals row holds figures, counts or nothing.
    Only rows that matched a totals word get here, so reading every cell costs nothing."""
    words = 0
    for _, _, cell in texts:
        value = getattr(cell, "value", None)
        if not isinstance(value, str):
            continue
        text = _compact(value)
        if not text or text in _TOTAL_WORDS or _TOTAL_RE.match(text) or _COUNT_RE.match(text):
            continue
        if _FIGURE_RE.match(text) or any(ch.isdigit() for ch in text):
            continue  # figures, counts, "人数：6", dates
        words += 1
    return words >= 2


def _footer_reason(
    texts: list[tuple[int, str, Any]], required_cols: Sequence[int], after_footer: bool
) -> str | None:
    """Why a row is a totals/signature/note row (not data), or None."""
    if not texts:
        return None
    first = texts[0][1]
    if (_TOTAL_RE.match(first) or _COUNT_RE.match(first)) and not _reads_like_person(texts):
        return "合计行"
    if any(text in _TOTAL_WORDS for _, text, _ in texts[:3]) and not _reads_like_person(texts):
        return "合计行"  # "7 | 合计 | 6人": a 序号 before the word
    if _SIGN_RE.match(first) or _SIGN_NOCOLON_RE.match(first) or _STAMP_RE.match(first):
        return "签名、日期行"
    if _NOTE_ROW_RE.match(first):
        return "注释、说明行"
    formulas = {
        col
        for col, text, cell in texts
        if getattr(cell, "data_type", None) == "f" and _FORMULA_TOTAL_RE.match(text)
    }
    if formulas:
        present = {col for col, _, _ in texts}
        if all(col not in present or col in formulas for col in required_cols):
            return "合计行（求和公式）"
    if after_footer:
        present = {col for col, _, _ in texts}
        if any(col not in present for col in required_cols):
            return "表尾（签名、说明行之后）"
    return None


class _Cell:
    """A stand-in cell holding a merged range's value in a row the range covers."""

    __slots__ = ("data_type", "value")

    def __init__(self, source: Any) -> None:
        self.value = getattr(source, "value", None)
        self.data_type = getattr(source, "data_type", None)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- read_table


@dataclass
class _Found:
    """A worksheet whose header was recognised, with its row iterator positioned after it."""

    name: str
    rows: Iterator[Sequence[Any]]
    head: list[Sequence[Any]]
    header_index: int
    detected: dict[str, int]
    estimated: int


def _find_header(
    book: _Book, name: str, fields: Sequence[Field], mapping: dict[str, int] | None, file_name: str
) -> _Found | None:
    ws = book.wb[name]
    # The content check counted the <row> elements; openpyxl's own size is not probed.
    estimated = book.scan.rows.get(book.part(name)) or ws.max_row or 0
    # The <dimension> element is often wrong (files from other programs): without this
    # reset, read-only mode silently stops at the row it claims is the last.
    ws.reset_dimensions()
    rows_iter = _guarded(iter(ws.iter_rows()), file_name)
    head = list(itertools.islice(rows_iter, HEADER_SCAN_ROWS))
    found = _choose_header(head, fields, mapping)
    if found is None:
        return None
    return _Found(name, rows_iter, head, found[0], found[1], estimated)


class _Headers:
    """The header lookups of one read: a sheet's first rows are parsed once, not per question.

    :meth:`has` (is there a header?) keeps what it found, rows not yet consumed, for the
    next :meth:`take`, which hands it over (a later ``take`` starts the sheet afresh). At
    most ``keep`` sheets are held this way, so a workbook of hundreds of sheets does not
    keep hundreds of open parsers.
    """

    def __init__(
        self,
        book: _Book,
        fields: Sequence[Field],
        mapping: dict[str, int] | None,
        file_name: str,
        keep: int = 8,
    ) -> None:
        self.book = book
        self.fields = fields
        self.mapping = mapping
        self.file_name = file_name
        self.keep = keep
        self._none: set[str] = set()  # no header: nothing consumed, the answer stays
        self._fresh: dict[str, _Found] = {}

    def _find(self, name: str) -> _Found | None:
        if name in self._none:
            return None
        found = _find_header(self.book, name, self.fields, self.mapping, self.file_name)
        if found is None:
            self._none.add(name)
        return found

    def has(self, name: str) -> bool:
        if name in self._fresh:
            return True
        found = self._find(name)
        if found is not None and len(self._fresh) < self.keep:
            self._fresh[name] = found
        return found is not None

    def take(self, name: str) -> _Found | None:
        found = self._fresh.pop(name, None)
        return found if found is not None else self._find(name)


def _count_data_rows(
    found: _Found, fields: Sequence[Field], mapping: dict[str, int] | None, *, stop_at: int
) -> int:
    """Data rows (non-blank, not totals/signatures) of a sheet, counting up to ``stop_at``."""
    final = dict(mapping) if mapping is not None else found.detected
    columns = sorted(set(final.values()))
    required = [final[f.key] for f in fields if f.required and f.key in final]
    count = 0
    after_footer = False
    for row in itertools.chain(found.head[found.header_index + 1 :], found.rows):
        if all(_is_blank(getattr(_cell_value(row, c), "value", None)) for c in columns):
            continue
        reason = _footer_reason(_row_texts(row), required, after_footer)
        if reason is not None:
            after_footer = after_footer or not reason.startswith("合计")
            continue
        count += 1
        if count >= stop_at:
            break
    return count


def _active_title(wb: Any) -> str | None:
    try:
        return str(wb.active.title)
    except (AttributeError, IndexError, TypeError):
        return None


def _choose_sheets(
    headers: _Headers,
    names: list[str],
    fields: Sequence[Field],
    mapping: dict[str, int] | None,
    all_sheets: bool,
) -> list[str]:
    """Which worksheets to read when the caller named none (see the module rules)."""
    wb = headers.book.wb
    visible = [n for n in names if getattr(wb[n], "sheet_state", "visible") == "visible"]
    hidden = [n for n in names if n not in visible]
    with_header = [n for n in visible if headers.has(n)]
    if not with_header:
        hidden_found = [n for n in hidden if headers.has(n)]
        extra = (
            f"（隐藏的工作表“{'、'.join(hidden_found)}”中有表头；隐藏的工作表不会自动导入，"
            "如确需导入，请指定该工作表。）"
            if hidden_found
            else ""
        )
        shown = visible or names
        if len(shown) > 1:
            raise WorkbookError(
                f"在各个工作表（{'、'.join(shown)}）的前{HEADER_SCAN_ROWS}行中都没有找到表头。"
                f"请选择要导入的工作表，并确认表头包含：{_expected_headers(fields)}{extra}",
                sheets=names,
            )
        raise WorkbookError(
            f"在工作表“{shown[0]}”的前{HEADER_SCAN_ROWS}行中没有找到表头。"
            f"表头应包含：{_expected_headers(fields)}{extra}",
            sheets=names,
        )
    if len(with_header) == 1:
        return with_header
    with_data = []
    for n in with_header:
        found = headers.take(n)
        if found is not None and _count_data_rows(found, fields, mapping, stop_at=1):
            with_data.append(n)
    active = _active_title(wb)
    if not with_data:
        return [active if active in with_header else with_header[0]]
    if len(with_data) == 1 or all_sheets:
        return with_data
    counts = []
    for n in with_data:
        found = headers.take(n)
        rows = _count_data_rows(found, fields, mapping, stop_at=10**9) if found else 0
        counts.append(f"“{n}”（{rows}行）")
    raise SheetChoiceError(
        f"工作簿中有{len(with_data)}个工作表都有数据：{'、'.join(counts)}，未导入任何数据。"
        "请选择要导入的工作表，或选择导入全部表头相同的工作表"
        "（命令行：--sheet 工作表名，可重复；或 --all-sheets）。",
        sheets=names,
        candidates=with_data,
    )


@dataclass(frozen=True)
class SheetInfo:
    """One worksheet as the sheet choice sees it (for the import wizard)."""

    name: str
    visible: bool
    has_header: bool
    data_rows: int
    active: bool = False
    #: False when ``data_rows`` only says whether there are any (one sheet to choose from:
    #: the whole sheet is not read just to count it)
    counted: bool = True


def describe_sheets(
    path: str | Path,
    fields: Sequence[Field],
    *,
    max_bytes: int = 20 * 1024 * 1024,
) -> list[SheetInfo]:
    """Every worksheet: visible or not, header recognised or not, how many data rows."""
    file_name = Path(path).name
    with _open_book(path, max_bytes) as book:
        wb = book.wb
        active = _active_title(wb)
        names = _worksheet_names(wb)
        finder = _Headers(book, fields, None, file_name)
        headers = {n: finder.has(n) for n in names}
        visible = {n: getattr(wb[n], "sheet_state", "visible") == "visible" for n in names}
        # Rows are counted only when there is a choice to make between visible sheets.
        count = sum(1 for n in names if headers[n] and visible[n]) > 1
        out = []
        for name in names:
            rows = 0
            if headers[name]:
                found = finder.take(name)
                stop = 10**9 if count else 1
                rows = _count_data_rows(found, fields, None, stop_at=stop) if found else 0
            out.append(SheetInfo(name, visible[name], headers[name], rows, name == active, count))
        return out


def default_sheet(infos: Sequence[SheetInfo]) -> str | None:
    """The sheet :func:`read_table` would read by itself, or None when the user must choose.

    >>> default_sheet([SheetInfo("甲", True, True, 3), SheetInfo("乙", True, True, 0)])
    '甲'
    >>> default_sheet([SheetInfo("甲", True, True, 3), SheetInfo("乙", True, True, 2)]) is None
    True
    """
    with_header = [i for i in infos if i.visible and i.has_header]
    with_data = [i for i in with_header if i.data_rows]
    if len(with_header) == 1:
        return with_header[0].name
    if len(with_data) == 1:
        return with_data[0].name
    if with_header and not with_data:
        return next((i.name for i in with_header if i.active), with_header[0].name)
    return None


def read_table(
    path: str | Path,
    fields: list[Field],
    *,
    sheet: str | Sequence[str] | None = None,
    mapping: dict[str, int] | None = None,
    all_sheets: bool = False,
    max_rows: int = 20000,
    max_bytes: int = 20 * 1024 * 1024,
    progress: Callable[[int, int], None] | None = None,
) -> ReadResult:
    """Read the table in ``path`` whose columns match ``fields``.

    ``sheet`` names one worksheet or several (hidden ones too). Without it, hidden sheets
    are never read; among the visible sheets with a recognisable header one is used when it
    is the only one, or the only one holding data rows (or the active one when none holds
    any); when several hold data, :class:`SheetChoiceError` lists them, unless
    ``all_sheets`` asks for every one of them. ``mapping`` (field key -> 1-based column)
    overrides header matching. ``progress`` is called as ``progress(rows_done,
    rows_estimated)`` now and then.

    Rows after the data that are totals, signatures or notes are left out and listed in
    ``ignored_rows``; a vertical merged cell fills every row it covers (see ``notes``); a
    horizontal merged cell in the data is an error naming its range.
    """
    if mapping is not None:
        _validate_mapping(mapping, fields)
    wanted = [sheet] if isinstance(sheet, str) else list(dict.fromkeys(sheet or []))
    file_name = Path(path).name
    with _open_book(path, max_bytes, max_rows) as book:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        wb = book.wb
        date1904 = wb.epoch == CALENDAR_MAC_1904
        names = _worksheet_names(wb)
        if not names:
            raise WorkbookError("工作簿中没有工作表")
        for name in wanted:
            if name not in names:
                raise WorkbookError(
                    f"工作簿中没有名为“{name}”的工作表。现有工作表：{'、'.join(names)}",
                    sheets=names,
                )
        # One header lookup per sheet, shared by the sheet choice, the list of sheets with a
        # header and the reading itself.
        headers = _Headers(book, fields, mapping, file_name)
        chosen = wanted or _choose_sheets(headers, names, fields, mapping, all_sheets)
        header_sheets = names if len(names) == 1 else [n for n in names if headers.has(n)]
        results = [
            _read_sheet(
                headers,
                name,
                fields,
                mapping,
                names=names,
                multi=len(chosen) > 1,
                date1904=date1904,
                max_rows=max_rows,
                progress=progress,
                file_name=file_name,
            )
            for name in chosen
        ]
    combined = _combine(results, max_rows)
    combined.workbook_sheets = list(names)
    combined.header_sheets = header_sheets
    return combined


def _combine(results: list[ReadResult], max_rows: int) -> ReadResult:
    if len(results) == 1:
        return results[0]
    first = results[0]
    combined = ReadResult(
        sheet="、".join(r.sheet for r in results),
        header_row=first.header_row,
        mapping=first.mapping,
        headers=first.headers,
        unmapped_headers=list(dict.fromkeys(h for r in results for h in r.unmapped_headers)),
    )
    for r in results:
        combined.rows.extend(r.rows)
        combined.errors.extend(r.errors)
        combined.error_rows.extend(r.error_rows)
        combined.ignored_rows.extend(r.ignored_rows)
        combined.notes.extend(r.notes)
        combined.total_rows += r.total_rows
        combined.sheets.extend(r.sheets)
        if set(r.mapping) != set(first.mapping):
            combined.notes.append(
                f"工作表“{r.sheet}”的列与“{first.sheet}”不完全相同，已按各自的表头读取"
            )
    combined.ignored_columns = list(dict.fromkeys(c for r in results for c in r.ignored_columns))
    if combined.total_rows > max_rows:
        raise WorkbookError(
            f"所选工作表共有{combined.total_rows}行数据，超过单次导入的上限{max_rows}行。"
            "请把数据分成几个文件分批导入。"
        )
    return combined


def _read_sheet(
    headers: _Headers,
    name: str,
    fields: list[Field],
    mapping: dict[str, int] | None,
    *,
    names: list[str],
    multi: bool,
    date1904: bool,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    file_name: str,
) -> ReadResult:
    found = headers.take(name)
    if found is None:
        raise WorkbookError(
            f"在工作表“{name}”的前{HEADER_SCAN_ROWS}行中没有找到表头。"
            f"表头应包含：{_expected_headers(fields)}",
            sheets=names,
        )
    header_cells = found.head[found.header_index]
    header_row = found.header_index + 1
    final_mapping = dict(mapping) if mapping is not None else found.detected
    missing = [f.header for f in fields if f.required and f.key not in final_mapping]
    if missing:
        raise WorkbookError(
            f"工作表“{name}”缺少必填列：{'、'.join(missing)}。表头应包含：{_expected_headers(fields)}",
            sheets=names,
        )
    texts = {index: text for index, text in enumerate(_header_texts(header_cells), start=1) if text}
    mapped_columns = set(final_mapping.values())
    unmapped = [text for index, text in texts.items() if index not in mapped_columns]
    result = ReadResult(
        sheet=name,
        header_row=header_row,
        mapping=final_mapping,
        headers=texts,
        unmapped_headers=unmapped,
        sheets=[name],
        ignored_columns=[t for t in unmapped if normalize_header(t) not in _SERIAL_HEADERS],
    )
    _read_rows(
        result,
        itertools.chain(found.head[found.header_index + 1 :], found.rows),
        first_row=header_row + 1,
        fields=fields,
        date1904=date1904,
        max_rows=max_rows,
        progress=progress,
        estimated=found.estimated,
        merges=_sheet_merges(headers.book, name),
        sheet_tag=name if multi else "",
    )
    return result


def _read_rows(
    result: ReadResult,
    rows: Iterator[Sequence[Any]],
    *,
    first_row: int,
    fields: list[Field],
    date1904: bool,
    max_rows: int,
    progress: Callable[[int, int], None] | None,
    estimated: int,
    merges: Sequence[_Merge] = (),
    sheet_tag: str = "",
) -> None:
    columns = [(f, result.mapping[f.key]) for f in fields if f.key in result.mapping]
    mapped_cols = {col for _, col in columns}
    required_cols = [col for f, col in columns if f.required]
    # Optional fields whose column is absent are present in every row as None.
    has_absent = any(f.key not in result.mapping for f in fields)
    order = [f.key for f in fields]
    # Errors name the column as the file names it, so the user finds it at once.
    labels = {f.key: result.headers.get(col) or f.header for f, col in columns}
    label_of_col = {col: labels[f.key] for f, col in columns}
    total_estimate = max(estimated - result.header_row, 0)
    # Merged ranges below the header: vertical ones fill down, horizontal ones are errors.
    fills: dict[int, list[_Merge]] = {}  # first row -> vertical merges starting there
    across: dict[int, list[_Merge]] = {}  # every row -> horizontal merges covering it
    for m in merges:
        if m.min_row < first_row:
            continue
        if m.max_col > m.min_col:
            for r in range(m.min_row, m.max_row + 1):
                across.setdefault(r, []).append(m)
        elif m.max_row > m.min_row and m.min_col in mapped_cols:
            fills.setdefault(m.min_row, []).append(m)
    active: dict[int, tuple[int, _Cell]] = {}  # column -> (last row, value cell)
    filled: dict[int, list[_Merge]] = {}
    after_footer = False

    def tag(n: int) -> int:
        return SheetRow(n, sheet_tag) if sheet_tag else n

    for row_number, row in enumerate(rows, start=first_row):
        for m in fills.get(row_number, ()):
            top = _cell_value(row, m.min_col)
            if not _is_blank(getattr(top, "value", None)):
                active[m.min_col] = (m.max_row, _Cell(top))
                filled.setdefault(m.min_col, []).append(m)
        for col in [c for c, (last, _) in active.items() if last < row_number]:
            del active[col]
        texts = _row_texts(row)
        if not texts:
            continue
        number = tag(row_number)
        reason = _footer_reason(texts, required_cols, after_footer)
        if reason is not None:
            after_footer = after_footer or not reason.startswith("合计")
            result.ignored_rows.append(IgnoredRow(number, reason, _short(_row_preview(texts))))
            continue
        row_merges = across.get(row_number, [])
        if len(texts) == 1 and any(m.min_col == texts[0][0] for m in row_merges):
            result.ignored_rows.append(IgnoredRow(number, "分组标题行（合并单元格）", texts[0][1]))
            continue
        raw_cells = [(f, col, _cell_value(row, col)) for f, col in columns]
        if all(_is_blank(getattr(cell, "value", None)) for _, _, cell in raw_cells):
            continue  # blank rows in the middle and formatted empty rows at the end
        cells = [(f, col, active[col][1] if col in active else cell) for f, col, cell in raw_cells]
        raw = [(f, col, cell, getattr(cell, "value", None)) for f, col, cell in cells]
        result.total_rows += 1
        if result.total_rows > max_rows:
            raise WorkbookError(
                f"工作表“{result.sheet}”的数据超过{max_rows}行，超出单次导入的上限。请把数据分成几个文件分批导入。"
            )
        values: dict[str, object] = {}
        row_errors: list[RowError] = []
        bad: set[str] = set()
        covered: set[int] = set()
        for m in row_merges:
            inside = sorted(c for c in mapped_cols if m.min_col <= c <= m.max_col)
            if not inside:
                continue
            covered.update(inside)
            if m.min_row == row_number:
                top = _cell_value(row, m.min_col)
                row_errors.append(
                    RowError(
                        number,
                        label_of_col[inside[0]],
                        _display(getattr(top, "value", None)),
                        f"单元格 {m.ref} 是横向合并的单元格，跨了多列，无法确定每一列的值。"
                        "请取消合并，在每一列分别填写",
                    )
                )
        for f, col, cell, value in raw:
            label = labels[f.key]
            if col in covered:
                values[f.key] = None
                bad.add(f.key)
                continue
            data_type = getattr(cell, "data_type", None)
            try:
                if data_type == "f":
                    raise _CellProblem("单元格含公式，请改为直接填写数值")
                if data_type == "e":
                    raise _CellProblem(f"单元格是错误值{value}，请改为直接填写数值")
                converted = None if _is_blank(value) else _convert(f, value, date1904, label)
                if converted is None and f.required:
                    raise _CellProblem(f"“{label}”不能为空")
                values[f.key] = converted
            except (_CellProblem, ValidationError) as problem:
                row_errors.append(RowError(number, label, _display(value), problem.message))
                values[f.key] = None
                bad.add(f.key)
        full = {key: values.get(key) for key in order} if has_absent else values
        if row_errors:
            result.errors.extend(row_errors)
            result.error_rows.append(ParsedRow(number, full, frozenset(bad)))
        else:
            result.rows.append(ParsedRow(number, full))
        if progress is not None and result.total_rows % PROGRESS_EVERY == 0:
            progress(result.total_rows, max(total_estimate, result.total_rows))
    for col, ranges in filled.items():
        refs = "、".join(m.ref for m in ranges[:5]) + ("等" if len(ranges) > 5 else "")
        result.notes.append(
            f"工作表“{result.sheet}”的“{label_of_col[col]}”列有{len(ranges)}处合并单元格"
            f"（{refs}），已把合并的值填入所覆盖的每一行"
        )
    if progress is not None:
        progress(result.total_rows, result.total_rows)
