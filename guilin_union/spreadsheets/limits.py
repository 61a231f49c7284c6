"""Input limits by what a file really contains, checked before any parser sees it.

A small .xlsx or .docx can unpack to hundreds of megabytes (a "zip bomb": 600 KB of
``<row/>`` elements inflate to 390 MB), and the parsers keep far more in memory than the file
holds. The size on disk says nothing about that, so the checks here look at the content:

1. the zip's central directory (number of parts, declared unpacked sizes), then
2. every XML part streamed in 1 MB pieces, counting the bytes really inflated (a directory
   that lies about sizes does not help) and the elements that cost memory later (sheet rows
   including blank ones, cells, shared strings, document elements), stopping at the first
   limit reached. DTDs and entity declarations (billion laughs) are refused outright where
   the parser is not defusedxml (Word files).

Each refusal names the limit in Chinese. The scanner is shared with the Word reader
(``services.document_limits``); the caller chooses the exception type.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + "<row/>" * 50 + "</sheetData></worksheet>")
>>> with zipfile.ZipFile(buffer) as z:
...     scan_xml_part(z, z.getinfo("xl/worksheets/sheet1.xml"), max_bytes=10**6,
...                   counts={"rows": (ROW_RE, 10**6)}, fail=ValueError)["rows"]
50
>>> with zipfile.ZipFile(buffer) as z:
...     scan_xml_part(z, z.getinfo("xl/worksheets/sheet1.xml"), max_bytes=10**6,
...                   counts={"rows": (ROW_RE, 20)}, fail=ValueError)
Traceback (most recent call last):
ValueError: rows
"""

from __future__ import annotations

import functools
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from guilin_union.spreadsheets.errors import WorkbookError

__all__ = [
    "ArchiveLimits",
    "WorkbookLimits",
    "WorkbookScan",
    "PartScan",
    "check_workbook_content",
    "scan_archive",
    "scan_xml_part",
    "check_zip_directory",
    "mb_text",
    "part_too_big",
]

CHUNK = 1024 * 1024
# A match never spans more than this many bytes (tag names with a namespace prefix, a
# <mergeCell> element with its range).
_OVERLAP = 512
# Any XML element (optionally namespace-prefixed) whose local name is given.
_PREFIX = rb"<(?:[A-Za-z_][\w.\-]*:)?"
ROW_RE = re.compile(_PREFIX + rb"row[\s/>]")
CELL_RE = re.compile(_PREFIX + rb"c[\s/>]")
SHARED_STRING_RE = re.compile(_PREFIX + rb"si[\s/>]")
ELEMENT_RE = re.compile(rb"<[A-Za-z_]")
DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
#: ``<mergeCell ref="A3:A5"/>``: the four groups are column, row, column, row.
MERGE_RE = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]{0,200}?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"'
)
MAX_MERGES = 100_000

Fail = Callable[[str], Exception]
#: Elements to count in a part: name -> (pattern, limit).
Counts = dict[str, tuple[re.Pattern[bytes], int]]
#: Merged ranges as (first column letters, first row, last column letters, last row).
Merges = list[tuple[str, int, str, int]]
#: The end of a refusal of the zip directory, unless the caller has its own.
IMPORT_ADVICE = "请删除多余的内容（图片、空行、多余的工作表）或分成几个文件导入。"
#: Key of :func:`scan_xml_part`'s result holding the bytes the part inflated to.
INFLATED = "inflated_bytes"


@dataclass(frozen=True)
class ArchiveLimits:
    """What a zip may hold at most: parts, their declared unpacked total, and the bytes all
    its XML parts really inflate to."""

    max_parts: int
    max_declared_total: int
    max_xml_total: int


@dataclass(frozen=True)
class WorkbookLimits:
    """Limits for an imported .xlsx (a member list of 20,000 rows uses a fraction of each)."""

    max_parts: int = 2000
    max_declared_total: int = 300 * 1024 * 1024  # sum of the directory's unpacked sizes
    max_xml_total: int = 150 * 1024 * 1024  # bytes really inflated over all XML parts
    max_sheet_bytes: int = 100 * 1024 * 1024  # one worksheet's XML
    max_part_bytes: int = 20 * 1024 * 1024  # any other XML part (styles, workbook...)
    max_shared_strings_bytes: int = 20 * 1024 * 1024
    max_shared_strings: int = 500_000
    max_cells: int = 2_000_000  # per worksheet: 20,000 rows x 100 columns
    header_rows: int = 30  # rows allowed above the data (title, notes, header)

    @property
    def archive(self) -> ArchiveLimits:
        return ArchiveLimits(self.max_parts, self.max_declared_total, self.max_xml_total)


@dataclass
class WorkbookScan:
    """What the content check saw in each worksheet part while it inflated it anyway.

    Keys are the parts' names in the zip (``xl/worksheets/sheet1.xml``). ``rows`` holds the
    ``<row>`` elements (only when the check counted them), ``merges`` the merged ranges as
    (first column letters, first row, last column letters, last row), at most
    :data:`MAX_MERGES` per part. The reader uses both instead of reading the sheet again.
    """

    rows: dict[str, int] = field(default_factory=dict)
    merges: dict[str, Merges] = field(default_factory=dict)


@dataclass(frozen=True)
class PartScan:
    """How :func:`scan_archive` scans one XML part: its byte limit (the archive's remaining
    XML allowance may lower it), the elements to count with their limits, and where its
    merged ranges go (worksheets only)."""

    max_bytes: int
    counts: Counts = field(default_factory=dict)
    merges: Merges | None = None


def mb_text(size: int) -> str:
    """A size in MB as the refusals write it.

    >>> mb_text(10 * 1024 * 1024), mb_text(1536 * 1024)
    ('10', '1.5')
    """
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def part_too_big(file: str, xml_total: int, ending: str) -> Callable[[str, int], str]:
    """The ``too_big`` of :func:`scan_archive`: the refusal of an XML part that inflates beyond
    its limit, in the same sentence for every kind of file. ``file`` names the file and what a
    part is called there, ``xml_total`` is the archive's limit for all XML parts together and
    ``ending`` (punctuation included) follows the limits.

    >>> too_big = part_too_big("文件“a.xlsx”中的部件", 150 * 1024 * 1024, "。请分批导入。")
    >>> too_big("xl/styles.xml", 20 * 1024 * 1024)
    '文件“a.xlsx”中的部件 xl/styles.xml 解压后超过20 MB 的上限（全部 XML 合计上限150 MB）。请分批导入。'
    """

    def text(part: str, limit: int) -> str:
        return (
            f"{file} {part} 解压后超过{mb_text(limit)} MB 的上限"
            f"（全部 XML 合计上限{mb_text(xml_total)} MB）{ending}"
        )

    return text


def check_zip_directory(
    archive: zipfile.ZipFile,
    file_name: str,
    *,
    max_parts: int,
    max_declared_total: int,
    fail: Fail,
    advice: str = IMPORT_ADVICE,
) -> list[zipfile.ZipInfo]:
    """The central directory: number of parts and declared unpacked size."""
    infos = archive.infolist()
    if len(infos) > max_parts:
        raise fail(
            f"文件“{file_name}”内部有{len(infos)}个部件，超过上限{max_parts}个，"
            "不像正常的办公文档。请重新另存后再导入。"
        )
    declared = sum(info.file_size for info in infos)
    if declared > max_declared_total:
        raise fail(
            f"文件“{file_name}”解压后有{mb_text(declared)} MB，超过上限{mb_text(max_declared_total)} MB。"
            + advice
        )
    return infos


def scan_xml_part(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    max_bytes: int,
    counts: Counts,
    fail: Callable[[str], Exception],
    too_big: Callable[[int], str] | None = None,
    too_many: Callable[[str, int], str] | None = None,
    refuse_dtd: bool = True,
    merges: Merges | None = None,
) -> dict[str, int]:
    """Inflate one part in pieces, counting matches of each pattern; stop at the first limit.

    ``counts`` maps a name to (pattern, limit). ``too_big(limit)`` and ``too_many(name,
    limit)`` build the refusal texts (the defaults are the bare names, for tests). Returns
    the counts found. Memory use is one piece, whatever the part inflates to. A ``merges``
    list receives the part's merged ranges (see :class:`WorkbookScan`).
    """
    found = dict.fromkeys(counts, 0)
    total = 0
    carry = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise fail(too_big(max_bytes) if too_big else info.filename)
            buffer = carry + chunk
            if refuse_dtd and DTD_RE.search(buffer):
                raise fail("DTD")
            cut = max(len(buffer) - _OVERLAP, 0)
            for name, (pattern, limit) in counts.items():
                # The patterns start with "<" and cannot overlap: the matches from ``cut`` on
                # are the same in both searches, and are counted with the next piece.
                found[name] += len(pattern.findall(buffer)) - len(pattern.findall(buffer, cut))
                if found[name] > limit:
                    raise fail(too_many(name, limit) if too_many else name)
            if merges is not None:
                _collect_merges(buffer, cut, merges)
            carry = buffer[cut:]
    for name, (pattern, limit) in counts.items():
        found[name] += len(pattern.findall(carry))
        if found[name] > limit:
            raise fail(too_many(name, limit) if too_many else name)
    if merges is not None:
        _collect_merges(carry, len(carry), merges)
    found[INFLATED] = total
    return found


def scan_archive(
    path: Path,
    limits: ArchiveLimits,
    plan: Callable[[zipfile.ZipInfo], PartScan | None],
    *,
    fail: Fail,
    too_big: Callable[[str, int], str],
    too_many: Callable[[str, str, int], str],
    refuse_dtd: bool = True,
    advice: str = IMPORT_ADVICE,
) -> dict[str, dict[str, int]]:
    """Check the zip's directory, then scan every part ``plan`` returns a :class:`PartScan`
    for (the others are skipped), all XML parts together within ``limits.max_xml_total`` bytes.

    ``too_big(part, limit)`` and ``too_many(part, name, limit)`` build the refusal texts;
    ``advice`` ends the refusal of the directory (see :func:`check_zip_directory`). Returns
    the counts found in each part scanned. Zip and decompression errors are the caller's.
    """
    found: dict[str, dict[str, int]] = {}
    xml_total = 0
    with zipfile.ZipFile(path) as archive:
        infos = check_zip_directory(
            archive,
            path.name,
            max_parts=limits.max_parts,
            max_declared_total=limits.max_declared_total,
            fail=fail,
            advice=advice,
        )
        for info in infos:
            part = None if info.is_dir() else plan(info)
            if part is None:
                continue
            name = info.filename
            found[name] = scan_xml_part(
                archive,
                info,
                max_bytes=min(part.max_bytes, limits.max_xml_total - xml_total),
                counts=part.counts,
                fail=fail,
                too_big=functools.partial(too_big, name),
                too_many=functools.partial(too_many, name),
                refuse_dtd=refuse_dtd,
                merges=part.merges,
            )
            xml_total += found[name][INFLATED]
    return found


def _collect_merges(buffer: bytes, cut: int, out: Merges) -> None:
    """Add the merged ranges starting before ``cut`` (the rest come with the next piece)."""
    if b"mergeCell" not in buffer:
        return
    for m in MERGE_RE.finditer(buffer):
        if m.start() >= cut or len(out) >= MAX_MERGES:
            return
        c1, r1, c2, r2 = m.groups()
        out.append((c1.decode(), int(r1), c2.decode(), int(r2)))


def _is_xml(name: str) -> bool:
    lower = name.lower()
    return lower.endswith((".xml", ".rels", ".vml"))


def check_workbook_content(
    path: str | Path, *, max_rows: int | None = None, limits: WorkbookLimits | None = None
) -> WorkbookScan:
    """Refuse a workbook whose content is beyond what an import can hold (WorkbookError).

    ``max_rows`` is the import's row cap: every ``<row>`` element of every worksheet counts,
    blank ones included, plus ``limits.header_rows`` for the rows above the table. Without it
    (listing sheets, a preview) only sizes, cells and shared strings are bounded.

    Returns what the pass saw of each worksheet (rows, merged ranges), so that the reader
    does not inflate the sheets a second time for them.
    """
    limits = limits or WorkbookLimits()
    scan = WorkbookScan()
    path = Path(path)
    name = path.name

    def plan(info: zipfile.ZipInfo) -> PartScan | None:
        part = info.filename
        lower = part.lower()
        if not _is_xml(part):
            return None
        if lower.startswith("xl/worksheets/") and lower.count("/") == 2:
            counts: Counts = {"cells": (CELL_RE, limits.max_cells)}
            if max_rows is not None:
                counts["rows"] = (ROW_RE, max_rows + limits.header_rows)
            return PartScan(limits.max_sheet_bytes, counts, scan.merges.setdefault(part, []))
        if lower == "xl/sharedstrings.xml":
            strings = (SHARED_STRING_RE, limits.max_shared_strings)
            return PartScan(limits.max_shared_strings_bytes, {"strings": strings})
        return PartScan(limits.max_part_bytes)

    def too_many(part: str, what: str, limit: int) -> str:
        if what == "rows":
            return (
                f"文件“{name}”的工作表（{part}）有超过{limit}行（空行也计算在内），"
                f"超过单次导入的上限{max_rows}行。请删除表格下方多余的空行，"
                "或把数据分成几个文件分批导入。"
            )
        if what == "cells":
            return (
                f"文件“{name}”的工作表（{part}）有超过{limit}个单元格（空单元格也计算在内），"
                "超过导入上限。请删除多余的行列或分批导入。"
            )
        return f"文件“{name}”的共享字符串超过{limit}条，超过导入上限。请删除多余的内容或分批导入。"

    try:
        found = scan_archive(
            path,
            limits.archive,
            plan,
            fail=WorkbookError,
            too_big=part_too_big(
                f"文件“{name}”中的部件",
                limits.max_xml_total,
                "。请删除多余的内容或分成几个文件导入。",
            ),
            too_many=too_many,
            # openpyxl parses through defusedxml, which refuses entity declarations
            # itself (reader._guarded turns that into a message).
            refuse_dtd=False,
        )
        scan.rows.update((part, n["rows"]) for part, n in found.items() if "rows" in n)
    except WorkbookError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise WorkbookError(
            f"文件“{name}”已损坏或不完整，无法读取（{type(exc).__name__}）。"
            "请重新保存或重新下载后再导入。"
        ) from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted part, unknown compression
        raise WorkbookError(
            f"文件“{name}”使用了不支持的压缩或加密方式（{type(exc).__name__}），无法读取。"
            "请在 Excel/WPS 中重新另存为 .xlsx 后再导入。"
        ) from None
    except zlib.error:
        raise WorkbookError(
            f"文件“{name}”已损坏（压缩数据有错），无法读取。请重新保存或重新下载后再导入。"
        ) from None
    except Exception as exc:  # noqa: BLE001 — import boundary: a hostile zip must never end in a traceback
        raise WorkbookError(
            f"文件“{name}”已损坏或格式不受支持，无法读取（{type(exc).__name__}）。"
            "请在 Excel/WPS 中重新另存为 .xlsx 后再导入。"
        ) from None
    return scan
