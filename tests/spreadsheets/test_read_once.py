"""An import reads each worksheet's XML once with openpyxl (the benchmark's 5,000 members).

The content check (limits.py) inflates every part anyway; it also notes the rows and merged
ranges, so the reader neither probes openpyxl's sheet size (a whole parse when the file has no
``<dimension>``) nor scans the sheet again for ``<mergeCell>``, and the header found while
choosing the sheet is the one the rows are read after.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from guilin_union.spreadsheets import Field, WorkbookError, read_table
from guilin_union.spreadsheets.limits import CHUNK, check_workbook_content
from guilin_union.spreadsheets.reader import describe_sheets

FIELDS = [
    Field("name", "姓名", required=True),
    Field("branch", "分工会", required=True),
    Field("phone", "手机号码", kind="phone"),
]
HEAD = ["姓名", "分工会", "手机号码"]


def _write_only(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """openpyxl's write-only files have no <dimension>, like the benchmark's staff list."""
    wb = Workbook(write_only=True)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each worksheet part is opened for parsing."""
    counts: Counter[str] = Counter()
    original = ReadOnlyWorksheet._get_source

    def counting(self: ReadOnlyWorksheet):  # type: ignore[no-untyped-def]
        counts[self.title] += 1
        return original(self)

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_source", counting)
    return counts


def _rows(n: int) -> list[list[object]]:
    return [HEAD] + [[f"人{i}", "机关分工会", f"1380000{i:04d}"] for i in range(n)]


def test_a_single_sheet_is_parsed_once(tmp_path, opened) -> None:
    path = _write_only(tmp_path / "staff.xlsx", {"新进人员": _rows(300)})
    with zipfile.ZipFile(path) as z:
        assert b"<dimension" not in z.read("xl/worksheets/sheet1.xml")
    result = read_table(path, FIELDS)
    assert result.total_rows == 300 and not result.errors
    assert opened == {"新进人员": 1}


def test_the_chosen_sheet_is_not_parsed_again_for_its_header(tmp_path, opened) -> None:
    path = _write_only(
        tmp_path / "two.xlsx",
        {"说明": [["本表说明"], ["请勿修改表头"]], "名单": _rows(50)},
    )
    result = read_table(path, FIELDS)
    assert result.sheets == ["名单"] and result.total_rows == 50
    # 说明 has no header (looked at once); 名单 is read once, from its header on.
    assert opened == {"说明": 1, "名单": 1}


def test_progress_estimate_comes_from_the_content_check(tmp_path) -> None:
    path = _write_only(tmp_path / "staff.xlsx", {"名单": _rows(1200)})
    calls: list[tuple[int, int]] = []
    read_table(path, FIELDS, progress=lambda done, total: calls.append((done, total)))
    # Without a <dimension> the estimate is the <row> count the check made, not "unknown".
    assert calls[0] == (500, 1200)
    assert calls[-1] == (1200, 1200)


def test_merged_ranges_come_from_the_content_check(tmp_path, opened) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(HEAD)
    for i in range(6):
        ws.append([f"人{i}", "机关分工会" if i in (0, 3) else None, None])
    ws.merge_cells("B2:B4")
    ws.merge_cells("B5:B7")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    scan = check_workbook_content(path, max_rows=100)
    assert list(scan.merges) == ["xl/worksheets/sheet1.xml"]
    assert sorted(scan.merges["xl/worksheets/sheet1.xml"]) == [("B", 2, "B", 4), ("B", 5, "B", 7)]
    assert scan.rows == {"xl/worksheets/sheet1.xml": 7}
    result = read_table(path, FIELDS)
    assert [r.values["branch"] for r in result.rows] == ["机关分工会"] * 6
    assert any("2处合并单元格" in n and "B2:B4" in n and "B5:B7" in n for n in result.notes)
    assert opened == {"名单": 1}


def test_merged_ranges_across_piece_boundaries_are_found_once(tmp_path) -> None:
    merges = [f'<mergeCell ref="A{2 * i + 2}:A{2 * i + 3}"/>' for i in range(90_000)]
    body = "".join(merges).encode()
    assert len(body) > 2.5 * CHUNK  # three pieces
    xml = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData/><mergeCells>" + body + b"</mergeCells></worksheet>"
    )
    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", xml)
    found = check_workbook_content(path).merges["xl/worksheets/sheet1.xml"]
    assert len(found) == 90_000
    assert found[0] == ("A", 2, "A", 3) and found[-1] == ("A", 180_000, "A", 180_001)
    assert len(set(found)) == len(found)


def test_hidden_and_header_checks_share_the_one_lookup(tmp_path, opened) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title in ("在职", "旧表"):
        ws = wb.create_sheet(title)
        for row in _rows(3):
            ws.append(row)
    wb["旧表"].sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    result = read_table(path, FIELDS)
    assert result.sheets == ["在职"] and result.header_sheets == ["在职", "旧表"]
    assert opened == {"在职": 1, "旧表": 1}
    infos = {i.name: i for i in describe_sheets(path, FIELDS)}
    assert (infos["旧表"].visible, infos["旧表"].has_header) == (False, True)


def test_a_bad_sheet_is_still_refused_in_chinese(tmp_path) -> None:
    path = _write_only(tmp_path / "staff.xlsx", {"名单": _rows(3)})
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"<row><c><v>1</v></row></sheetData>")
            dst.writestr(info, data)
    with pytest.raises(WorkbookError, match="无法读取文件“broken.xlsx”"):
        read_table(broken, FIELDS)
