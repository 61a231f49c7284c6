"""Open an .xlsx read-only, fast when openpyxl's internals allow it, with its public API otherwise.

The fast loader (:func:`_load_unsized`) subclasses openpyxl's ``ExcelReader`` and its
private ``ReadOnlyWorksheet`` to skip a whole parse of every sheet without ``<dimension>``.
A later openpyxl may rename or change those internals, so the first load of a process tries
the fast loader on a tiny built-in workbook (:func:`_probe`). Only when that gives the
expected sheets, states, rows and no size probe is the fast loader used; otherwise every load
goes through ``openpyxl.load_workbook(read_only=True)``: the same sheets and cells, one more
parse per sheet without ``<dimension>``, never a traceback. :func:`reader_mode` says which.

Worksheet part names (``xl/worksheets/sheet1.xml``), which pair a sheet with what the content
check saw of it, come from openpyxl's private ``_worksheet_path`` or, when a sheet lacks it,
from the workbook's own relationships (:func:`worksheet_parts`).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import IO, Any, Literal

#: None until the first load has probed openpyxl; then whether the fast loader is used
_fast_ok: bool | None = None

# The exceptions a renamed or re-signed openpyxl internal raises in the fast loader.
_CHANGED_INTERNALS = (ImportError, AttributeError, TypeError, NameError)


def _load_unsized(handle: Any) -> Any:
    """``load_workbook(handle, read_only=True)`` without openpyxl's size probe of each sheet.

    openpyxl looks for every worksheet's ``<dimension>`` when it loads, and a file without
    one (openpyxl's own write-only files, many exports) is parsed to the end just for that:
    a whole extra read of the data. The reader never trusts the dimension anyway (it resets
    it before iterating, see ``reader._find_header``), so the sheets are made without the
    probe; sheet names, order and visibility come from workbook.xml as before.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class _UnsizedSheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            """No probe: max_row stays unknown, as after reset_dimensions()."""

    class _Reader(ExcelReader):
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                ws = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    reader = _Reader(handle, read_only=True, data_only=False)
    reader.read()
    return reader.wb


def _load_public(handle: Any) -> Any:
    """The same workbook through openpyxl's public API (each sheet's size is probed)."""
    from openpyxl import load_workbook

    return load_workbook(handle, read_only=True, data_only=False)


_PROBE_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/>'
        '<sheet name="下拉" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '<Relationship Id="rId3" Target="sharedStrings.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        "</Relationships>"
    ),
    "xl/sharedStrings.xml": (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>姓名</t></si></sst>'
    ),
    # A <dimension> that the fast loader must not read: max_row stays None.
    "xl/worksheets/sheet1.xml": (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1"><v>7</v></c></row><row r="2"><c r="B2"><v>8</v></c></row>'
        "</sheetData></worksheet>"
    ),
    "xl/worksheets/sheet2.xml": (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData/></worksheet>"
    ),
}


def _probe_book() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in _PROBE_PARTS.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _probe() -> bool:
    """Whether the fast loader reads the built-in workbook exactly as expected."""
    try:
        wb = _load_unsized(io.BytesIO(_probe_book()))
        try:
            sheets = wb.worksheets
            first = sheets[0]
            return (
                [ws.title for ws in sheets] == ["名单", "下拉"]
                and [ws.sheet_state for ws in sheets] == ["visible", "hidden"]
                and first.max_row is None  # the size probe really was skipped
                and [[c.value for c in row] for row in first.iter_rows()]
                == [["姓名", 7], [None, 8]]
            )
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 — any failure of the internals means: use the public API
        return False


def reader_mode() -> Literal["fast", "public"]:
    """Which loader this process uses (probing openpyxl on the first call)."""
    global _fast_ok
    if _fast_ok is None:
        _fast_ok = _probe()
    return "fast" if _fast_ok else "public"


def load_read_only(handle: IO[bytes]) -> Any:
    """Open the workbook in ``handle`` read-only, with the fast loader when it works."""
    global _fast_ok
    if reader_mode() == "fast":
        try:
            return _load_unsized(handle)
        except _CHANGED_INTERNALS:
            # Perhaps an internal the probe did not reach: if the public API reads the file,
            # it was; if it fails too, the file is damaged and that failure is reported.
            handle.seek(0)
            wb = _load_public(handle)
            _fast_ok = False
            return wb
    return _load_public(handle)


def worksheet_parts(path: str | Path) -> dict[str, str]:
    """Sheet name -> its part in the zip, resolved as openpyxl resolves relationships.

    Read from the workbook's relationships, for openpyxl versions whose worksheets no
    longer carry ``_worksheet_path``; an unreadable workbook gives an empty map.
    """
    from defusedxml.ElementTree import fromstring

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    def targets(archive: zipfile.ZipFile, rels_part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part), for one ``.rels`` part."""
        folder = posixpath.dirname(posixpath.dirname(rels_part))
        out = {}
        for rel in fromstring(archive.read(rels_part)).iter():
            if local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            part = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(part))
        return out

    try:
        with zipfile.ZipFile(path) as archive:
            package = targets(archive, "_rels/.rels").values()
            book = next((p for t, p in package if t.endswith("/officeDocument")), "")
            head, tail = posixpath.split(book)
            rels = targets(archive, posixpath.join(head, "_rels", f"{tail}.rels"))
            parts = {}
            for sheet in fromstring(archive.read(book)).iter():
                rid = next((v for k, v in sheet.attrib.items() if local(k) == "id"), "")
                if local(sheet.tag) == "sheet" and rid in rels:
                    parts[sheet.get("name", "")] = rels[rid][1]
            return parts
    # Damaged parts (ParseError is a SyntaxError, defusedxml's refusals ValueErrors): rare,
    # openpyxl has already opened the file.
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, SyntaxError):
        return {}
