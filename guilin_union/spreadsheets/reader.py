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
from typing import Any, Literal

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.money import parse_yuan
from guilin_union.core.text import clean_cell_text, to_halfwidth
from guilin_union.spreadsheets.errors import RowError, WorkbookError
from guilin_union.spreadsheets.limits import check_workbook_content

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


@dataclass
class ParsedRow:
    """One data row that passed the reader's checks; ``row`` is the Excel row number."""

    row: int
    values: dict[str, object]


@dataclass
class ReadResult:
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


@contextmanager
def _open_workbook(path: str | Path, max_bytes: int, max_rows: int | None = None) -> Iterator[Any]:
    from openpyxl import load_workbook  # imported lazily: the GUI starts faster

    source = Path(path)
    _check_file(source, max_bytes)
    check_workbook_content(source, max_rows=max_rows)  # bombs: sizes, rows, cells (limits.py)
    # Hand openpyxl an open file, not the name: it would otherwise refuse a correct .xlsx
    # that merely has the wrong extension, and read-only mode keeps its handle open until
    # close() (on Windows that would lock the user's file).
    with open(source, "rb") as handle:
        try:
            wb = load_workbook(handle, read_only=True, data_only=False)
        except WorkbookError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on malformed parts
            raise WorkbookError(
                f"无法读取文件“{source.name}”：文件已损坏或不是有效的 .xlsx 工作簿（{type(exc).__name__}）。"
                "请在 Excel/WPS 中打开并重新另存为 .xlsx 后再导入。"
            ) from exc
        try:
            yield wb
        finally:
            wb.close()


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


def read_table(
    path: str | Path,
    fields: list[Field],
    *,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    max_rows: int = 20000,
    max_bytes: int = 20 * 1024 * 1024,
    progress: Callable[[int, int], None] | None = None,
) -> ReadResult:
    """Read the table in ``path`` whose columns match ``fields``.

    ``sheet`` picks a worksheet; without it the first sheet with a recognisable header is
    used. ``mapping`` (field key -> 1-based column) overrides header matching. ``progress``
    is called as ``progress(rows_done, rows_estimated)`` now and then.
    """
    if mapping is not None:
        _validate_mapping(mapping, fields)
    with _open_workbook(path, max_bytes, max_rows) as wb:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        date1904 = wb.epoch == CALENDAR_MAC_1904
        names = _worksheet_names(wb)
        if not names:
            raise WorkbookError("工作簿中没有工作表")
        if sheet is not None and sheet not in names:
            raise WorkbookError(
                f"工作簿中没有名为“{sheet}”的工作表。现有工作表：{'、'.join(names)}", sheets=names
            )
        candidates = [sheet] if sheet is not None else names
        chosen = None
        for name in candidates:
            ws = wb[name]
            estimated = ws.max_row or 0
            # The <dimension> element is often wrong (files from other programs): without
            # this reset, read-only mode silently stops at the row it claims is the last.
            ws.reset_dimensions()
            rows_iter = _guarded(iter(ws.iter_rows()), Path(path).name)
            head = list(itertools.islice(rows_iter, HEADER_SCAN_ROWS))
            found = _choose_header(head, fields, mapping)
            if found is not None:
                chosen = (name, rows_iter, head, found, estimated)
                break
        if chosen is None:
            if len(candidates) > 1:
                raise WorkbookError(
                    f"在各个工作表（{'、'.join(names)}）的前{HEADER_SCAN_ROWS}行中都没有找到表头。"
                    f"请选择要导入的工作表，并确认表头包含：{_expected_headers(fields)}",
                    sheets=names,
                )
            raise WorkbookError(
                f"在工作表“{candidates[0]}”的前{HEADER_SCAN_ROWS}行中没有找到表头。"
                f"表头应包含：{_expected_headers(fields)}",
                sheets=names,
            )
        name, rows_iter, head, (header_index, detected), estimated = chosen
        header_cells = head[header_index]
        header_row = header_index + 1
        final_mapping = dict(mapping) if mapping is not None else detected
        missing = [f.header for f in fields if f.required and f.key not in final_mapping]
        if missing:
            raise WorkbookError(
                f"工作表“{name}”缺少必填列：{'、'.join(missing)}。表头应包含：{_expected_headers(fields)}",
                sheets=names,
            )
        headers = {
            index: text for index, text in enumerate(_header_texts(header_cells), start=1) if text
        }
        mapped_columns = set(final_mapping.values())
        result = ReadResult(
            sheet=name,
            header_row=header_row,
            mapping=final_mapping,
            headers=headers,
            unmapped_headers=[
                text for index, text in headers.items() if index not in mapped_columns
            ],
        )
        _read_rows(
            result,
            itertools.chain(head[header_index + 1 :], rows_iter),
            first_row=header_row + 1,
            fields=fields,
            date1904=date1904,
            max_rows=max_rows,
            progress=progress,
            estimated=estimated,
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
) -> None:
    columns = [(f, result.mapping[f.key]) for f in fields if f.key in result.mapping]
    # Optional fields whose column is absent are present in every row as None.
    has_absent = any(f.key not in result.mapping for f in fields)
    order = [f.key for f in fields]
    # Errors name the column as the file names it, so the user finds it at once.
    labels = {f.key: result.headers.get(col) or f.header for f, col in columns}
    total_estimate = max(estimated - result.header_row, 0)
    for row_number, row in enumerate(rows, start=first_row):
        cells = [(f, col, _cell_value(row, col)) for f, col in columns]
        raw = [(f, col, cell, getattr(cell, "value", None)) for f, col, cell in cells]
        if all(_is_blank(value) for _, _, _, value in raw):
            continue  # blank rows in the middle and formatted empty rows at the end
        result.total_rows += 1
        if result.total_rows > max_rows:
            raise WorkbookError(
                f"工作表“{result.sheet}”的数据超过{max_rows}行，超出单次导入的上限。请把数据分成几个文件分批导入。"
            )
        values: dict[str, object] = {}
        row_errors: list[RowError] = []
        for f, col, cell, value in raw:
            label = labels[f.key]
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
            except _CellProblem as problem:
                row_errors.append(RowError(row_number, label, _display(value), problem.message))
            except ValidationError as problem:
                row_errors.append(RowError(row_number, label, _display(value), problem.message))
        if row_errors:
            result.errors.extend(row_errors)
        elif has_absent:
            result.rows.append(ParsedRow(row_number, {key: values.get(key) for key in order}))
        else:
            result.rows.append(ParsedRow(row_number, values))
        if progress is not None and result.total_rows % PROGRESS_EVERY == 0:
            progress(result.total_rows, max(total_estimate, result.total_rows))
    if progress is not None:
        progress(result.total_rows, result.total_rows)
