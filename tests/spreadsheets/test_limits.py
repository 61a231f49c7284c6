"""Content limits of imported workbooks: bombs refused by what they contain, not their size."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from guilin_union.spreadsheets.errors import WorkbookError
from guilin_union.spreadsheets.limits import (
    CELL_RE,
    ROW_RE,
    WorkbookLimits,
    check_workbook_content,
    scan_xml_part,
)
from guilin_union.spreadsheets.reader import Field, list_sheets, read_table
from tests.hostile_files import BILLION_LAUGHS, MB, lie_about_sizes, xlsx_row_bomb

FIELDS = [Field("name", "姓名", required=True)]


def _zip(path: Path, name: str, data: bytes) -> zipfile.ZipFile:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return zipfile.ZipFile(path)


def test_counts_are_exact_across_piece_boundaries(tmp_path):
    # 1 MB pieces: rows of every length straddle the boundaries; prefixes count too.
    body = b"".join(b"<x:row r='%d'><c/><c></c></x:row>" % i for i in range(70_000))
    with _zip(tmp_path / "a.zip", "s.xml", b"<sheetData>" + body + b"</sheetData>") as z:
        found = scan_xml_part(
            z,
            z.getinfo("s.xml"),
            max_bytes=10**9,
            counts={"rows": (ROW_RE, 10**9), "cells": (CELL_RE, 10**9)},
            fail=ValueError,
        )
    assert (found["rows"], found["cells"]) == (70_000, 140_000)
    assert found["inflated_bytes"] == len(body) + len(b"<sheetData></sheetData>")


def test_the_scan_stops_at_the_limit_and_names_it(tmp_path):
    with _zip(tmp_path / "a.zip", "s.xml", b"<row/>" * 1000) as z:
        with pytest.raises(ValueError, match="^rows$"):
            scan_xml_part(
                z,
                z.getinfo("s.xml"),
                max_bytes=10**6,
                counts={"rows": (ROW_RE, 999)},
                fail=ValueError,
            )
        with pytest.raises(ValueError, match="s.xml"):
            scan_xml_part(z, z.getinfo("s.xml"), max_bytes=5999, counts={}, fail=ValueError)
        found = scan_xml_part(
            z, z.getinfo("s.xml"), max_bytes=6000, counts={"rows": (ROW_RE, 1000)}, fail=ValueError
        )
        assert found["rows"] == 1000


def test_blank_rows_count_against_the_row_cap(tmp_path):
    path = xlsx_row_bomb(tmp_path / "bomb.xlsx", unpacked=2 * MB)  # ~350,000 <row/>
    with pytest.raises(WorkbookError) as info:
        read_table(path, FIELDS, max_rows=20_000)
    message = str(info.value)
    assert "20030行" in message and "空行也计算在内" in message and "20000行" in message
    # Listing the sheets does not count rows: the wizard can still show the choice.
    assert list_sheets(path) == ["Sheet1"]


def test_a_big_bomb_is_refused_by_its_directory(tmp_path):
    path = xlsx_row_bomb(tmp_path / "bomb.xlsx", unpacked=390 * MB)
    assert path.stat().st_size < 700 * 1024
    with pytest.raises(WorkbookError, match="解压后有390 MB，超过上限300 MB"):
        read_table(path, FIELDS)


def test_a_directory_that_lies_about_sizes_is_still_refused(tmp_path):
    path = lie_about_sizes(xlsx_row_bomb(tmp_path / "lie.xlsx", unpacked=390 * MB))
    with pytest.raises(WorkbookError):
        read_table(path, FIELDS)


def _workbook(path: Path, rows: int, columns: int = 3) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "部门", "备注"][:columns])
    for i in range(rows):
        ws.append([f"人{i}", f"部门{i}", "x"][:columns])
    wb.save(path)
    return path


def test_shared_strings_and_cells_are_bounded(tmp_path):
    path = _workbook(tmp_path / "b.xlsx", 300)
    strings = b"<sst>" + b"<si><t>x</t></si>" * 300 + b"</sst>"
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("xl/sharedStrings.xml", strings)
    check_workbook_content(path, max_rows=20_000)  # an ordinary file passes
    with pytest.raises(WorkbookError, match="共享字符串超过100条"):
        check_workbook_content(path, limits=WorkbookLimits(max_shared_strings=100))
    with pytest.raises(WorkbookError, match="超过500个单元格"):
        check_workbook_content(path, limits=WorkbookLimits(max_cells=500))
    with pytest.raises(WorkbookError, match="sharedStrings.xml 解压后超过"):
        check_workbook_content(path, limits=WorkbookLimits(max_shared_strings_bytes=1000))


def test_an_ordinary_table_at_the_cap_reads(tmp_path):
    path = _workbook(tmp_path / "ok.xlsx", 200)
    result = read_table(path, FIELDS, max_rows=200)
    assert result.total_rows == 200
    with pytest.raises(WorkbookError, match="超过单次导入的上限199行"):
        # 201 <row> elements: more than 199 data rows plus a 1-row header allowance.
        check_workbook_content(path, max_rows=199, limits=WorkbookLimits(header_rows=1))


def test_billion_laughs_in_the_workbook_part_is_refused(tmp_path):
    path = _workbook(tmp_path / "e.xlsx", 2)
    patched = tmp_path / "laughs.xlsx"
    dtd = BILLION_LAUGHS.split(b"]>")[0].replace(b'<?xml version="1.0"?>', b"") + b"]>"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                head, _, rest = data.rpartition(b"?>")
                data = (head + b"?>" if head else b"") + dtd + (rest if head else data)
                data = data.replace(b'name="Sheet"', b'name="&lol9;"')
            dst.writestr(info, data)
    with pytest.raises(WorkbookError, match="无法读取"):
        read_table(patched, FIELDS)
