"""Read the text out of a document file (.txt, .docx, .pdf) for the work-points parser.

The text is returned as it stands in the file: one paragraph (docx) or one line (txt, PDF) per
line. Repairing PDF artefacts is the parser's job (``core.workpoints_parser``), so the same
text from any source parses to the same tree.

>>> from pathlib import Path
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "要点.txt"
...     _ = path.write_bytes("一、总体要求".encode("gb18030"))
...     read_document_text(path)
'一、总体要求'

Libraries: python-docx for Word files, pypdf for PDF text layers. Every failure reaches the
user as a ``ValidationError`` with a message in Chinese.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from guilin_union.core.errors import ValidationError
from guilin_union.services import ocr
from guilin_union.services.document_limits import within_document_limits

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "SUPPORTED_SUFFIXES",
    "decode_text",
    "read_document_text",
    "read_docx_text",
    "read_pdf_text",
    "read_txt_text",
]

#: A work-points document is a few pages; anything far larger is the wrong file.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")

_NO_TEXT_LAYER = "该 PDF 没有文字层（可能是扫描件），请提供 Word 或文本版本"

# Word's numbering formats we can render; other formats are left out of the text.
_CHINESE_DIGITS = "〇一二三四五六七八九"


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.

    Windows Notepad and WPS save Chinese text as GBK/GB18030 ("ANSI"); GB18030 is a superset
    of GBK and GB2312, so it is the fallback when the bytes are not valid UTF-8.

    >>> decode_text("工会".encode("utf-8-sig")), decode_text("工会".encode("gbk"))
    ('工会', '工会')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            "无法识别该文本文件的编码，请用记事本“另存为”UTF-8 编码后再导入", "path"
        ) from None


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}", "path")
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            f"文件过大（超过 {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB），请确认选择的是工作要点文件",
            "path",
        )


@within_document_limits("txt")  # content limits, parser failures -> Chinese
def read_txt_text(path: str | Path) -> str:
    """Text of a .txt file in UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030."""
    path = Path(path)
    _check_file(path)
    return decode_text(path.read_bytes())


# --------------------------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------------------------
def _chinese_counting(value: int) -> str:
    """1 -> 一, 10 -> 十, 17 -> 十七, 20 -> 二十 (Word's chineseCounting format, 1–99)."""
    tens, units = divmod(value, 10)
    if value < 10:
        return _CHINESE_DIGITS[value]
    text = ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十"
    return text + (_CHINESE_DIGITS[units] if units else "")


class _WordNumbering:
    """Renders Word's automatic list numbers ("一、", "（一）", "1.") that are not in the
    paragraph text, so auto-numbered documents parse like typed ones.

    Only the counting formats that work points use are rendered (decimal and Chinese
    counting); a list in any other format (letters, 甲乙丙, bullets) gets no label.
    """

    _FORMATS = {
        "decimal",
        "chineseCounting",
        "chineseCountingThousand",
        "decimalFullWidth",
        "decimalHalfWidth",
    }

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        # w:lvlRestart per level: None restarts after any higher level (Word's default),
        # 0 never restarts (item numbers running on across sections), n restarts after
        # level n (1-based) or a higher one.
        self._restart: dict[tuple[str, int], int | None] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        restarts: dict[str, dict[int, int | None]] = {}
        for node in numbering.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            restart: dict[int, int | None] = {}
            for level in node.findall(qn("w:lvl")):
                ilvl = int(level.get(qn("w:ilvl"), "0"))
                levels[ilvl] = (
                    self._val(level, "w:numFmt", "decimal"),
                    self._val(level, "w:lvlText", ""),
                    int(self._val(level, "w:start", "1")),
                )
                value = self._val(level, "w:lvlRestart", "")
                restart[ilvl] = int(value) if value.isdigit() else None
            abstract_id = node.get(qn("w:abstractNumId"), "")
            abstract[abstract_id] = levels
            restarts[abstract_id] = restart
        for num in numbering.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            ref = num.find(qn("w:abstractNumId"))
            abstract_id = ref.get(qn("w:val"), "") if ref is not None else ""
            levels = dict(abstract.get(abstract_id, {}))
            for ilvl, restart_after in restarts.get(abstract_id, {}).items():
                self._restart[(num_id, ilvl)] = restart_after
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(qn("w:val"), "1")))
            for ilvl, spec in levels.items():
                self._levels[(num_id, ilvl)] = spec

    def _val(self, element: Any, tag: str, default: str) -> str:
        child = element.find(self._qn(tag))
        return child.get(self._qn("w:val"), default) if child is not None else default

    def label(self, paragraph: Any) -> str:
        """The rendered number of ``paragraph`` ("（三）"), or "" when it has none."""
        if not self._levels:
            return ""
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is None:
            num_pr = self._style_num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if (num_id, ilvl) not in self._levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        start = self._levels[(num_id, ilvl)][2]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            # A new parent restarts the numbering below it, unless that level says
            # otherwise (w:lvlRestart 0: never; n: only after level n or a higher one).
            restart = self._restart.get((num_id, deeper))
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        fmt, text, _ = self._levels[(num_id, ilvl)]
        for level in range(ilvl + 1):
            spec = self._levels.get((num_id, level))
            if spec is None:
                continue
            value = counters.get(level, spec[2])
            if spec[0] not in self._FORMATS:
                return ""
            rendered = str(value) if spec[0].startswith("decimal") else _chinese_counting(value)
            text = text.replace(f"%{level + 1}", rendered)
        return text

    @staticmethod
    def _style_num_pr(paragraph: Any) -> Any:
        style = paragraph.style
        while style is not None:
            p_pr = style.element.pPr
            if p_pr is not None and p_pr.numPr is not None:
                return p_pr.numPr
            style = style.base_style
        return None


# The columns of a plan written as a table: 序号 | 工作任务 | 时间 | 责任部门.
_PLAN_COLUMNS = {
    "number": ("序号", "编号"),
    "task": (
        "工作任务",
        "工作内容",
        "任务内容",
        "工作任务内容",
        "工作任务（内容）",
        "主要任务",
        "重点工作",
        "工作事项",
        "具体措施",
        "主要工作",
        "工作要点",
        "任务",
        "内容",
    ),
    "time": ("时间", "完成时间", "时间安排", "完成时限", "时限", "时间节点", "计划时间", "月份"),
    "lead": ("牵头部门", "牵头单位", "牵头处室"),
    "units": (
        "责任部门",
        "责任单位",
        "负责部门",
        "负责单位",
        "责任部门（单位）",
        "责任单位（部门）",
        "责任处室",
        "配合部门",
        "配合单位",
        "实施部门",
    ),
}


def _cell_text(cell: Any) -> str:
    return "".join(p.text.strip() for p in cell.paragraphs).strip()


def _plan_columns(header: list[str]) -> dict[str, int] | None:
    """Column of each part of a plan table, from its header row; None if not a plan."""
    import re

    found: dict[str, int] = {}
    for index, text in enumerate(header):
        key = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
        bare = re.sub(r"（[^）]*）", "", key)
        for part, names in _PLAN_COLUMNS.items():
            if part not in found and (key in names or bare in names):
                found[part] = index
                break
    if "task" in found and ({"time", "lead", "units"} & found.keys()):
        return found
    return None


def _plan_rows(table: Any) -> Iterator[str]:
    """A plan table's rows as numbered items ("3.任务（牵头单位：…；完成时限：…）"), or
    nothing when the table is not a plan (no 工作任务 column with a 时间 or 责任 column)."""
    rows = [[_cell_text(cell) for cell in row.cells] for row in table.rows]
    found = next(
        ((i, c) for i, row in enumerate(rows[:3]) if (c := _plan_columns(row)) is not None),
        None,
    )
    if found is None:
        return
    header_index, columns = found
    header = rows[header_index]
    number = 0
    for cells in rows[header_index + 1 :]:

        def part(name: str, cells: list[str] = cells) -> str:
            index = columns.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        task = part("task")
        if not task or task == header[columns["task"]]:
            continue
        number += 1
        written = part("number").rstrip(".、．")
        label = written if written.isdigit() else str(number)
        notes = []
        if part("lead") or part("units") or part("time"):
            notes.append(f"牵头单位：{part('lead')}" if part("lead") else "责任单位：")
            if part("lead") and part("units"):
                notes.append(f"责任单位：{part('units')}")
            elif part("units"):
                notes[0] = f"责任单位：{part('units')}"
            if part("time"):
                notes.append(f"完成时限：{part('time')}")
        annotation = f"（{'；'.join(notes)}）" if notes else ""
        yield f"{label}.{task}{annotation}"


def _is_plan_table(table: Any) -> bool:
    rows = [[_cell_text(cell) for cell in row.cells] for row in table.rows[:3]]
    return any(_plan_columns(row) is not None for row in rows)


def _iter_docx_paragraphs(parent: Any, numbering: _WordNumbering) -> Iterator[str]:
    """Paragraph texts of a body or table cell in document order, tables included.

    A table that is a plan (序号 | 工作任务 | 时间 | 责任部门) gives one numbered line per
    task row, its time and units written as an annotation the parser reads; its header
    row is left out (it would otherwise be glued to the heading before the table).
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in parent.iter_inner_content():
        if isinstance(block, Paragraph):
            yield numbering.label(block) + block.text
        elif isinstance(block, Table) and _is_plan_table(block):
            yield from _plan_rows(block)
        elif isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    # A merged cell is returned once per grid column it spans.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _iter_docx_paragraphs(cell, numbering)


@within_document_limits("docx")  # content limits, parser failures -> Chinese
def read_docx_text(path: str | Path) -> str:
    """Paragraphs of a .docx in order (text in tables included), one per line.

    Word's automatic numbering is written out in front of the paragraph text.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    _check_file(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ValidationError(
            "无法读取该 Word 文件（可能已损坏，或是旧版 .doc 格式），请另存为 .docx 后再试", "path"
        ) from None
    numbering = _WordNumbering(document)
    return "\n".join(_iter_docx_paragraphs(document, numbering))


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------
@within_document_limits("pdf")  # content limits, parser failures -> Chinese
def read_pdf_text(path: str | Path) -> str:
    """Text layer of a PDF, page after page (one line per text line).

    A PDF without text (a scan) is refused: it cannot be parsed without OCR.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    path = Path(path)
    _check_file(path)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError("该 PDF 已加密，请提供未加密的文件", "path")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ValidationError("无法读取该 PDF 文件（可能已损坏）", "path") from None
    text = "\n".join(pages)
    if not text.strip() or not ocr.text_is_usable(text):
        if ocr.engine_available():  # a scan (issue 25): read by OCR
            return ocr.read_scan(path).text
        raise ValidationError(_NO_TEXT_LAYER, "path")
    return text


def read_document_text(path: str | Path) -> str:
    """Text of a .txt, .docx or .pdf file, chosen by the file's suffix.

    Raises ``ValidationError`` for other types (.doc, .wps: save as .docx first), missing,
    oversized, unreadable files and PDFs without a text layer.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_txt_text(path)
    if suffix == ".docx":
        return read_docx_text(path)
    if suffix == ".pdf":
        return read_pdf_text(path)
    if suffix in ocr.IMAGE_SUFFIXES:  # a photo of the document (issue 25)
        return ocr.read_scan(path).text
    raise ValidationError(
        f"不支持的文件类型“{path.suffix or '无扩展名'}”：请选择 .docx、.pdf 或 .txt 文件"
        "（旧版 .doc、.wps 请先另存为 .docx）",
        "path",
    )
