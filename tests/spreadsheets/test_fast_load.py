"""The reader's fast workbook loader and its fallback to openpyxl's public API (fast_load.py).

Both loaders must read the same workbook into the same results; when openpyxl's internals
are missing or behave differently, the fallback is chosen, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet import _read_only
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from guilin_union.spreadsheets import Field, SheetChoiceError, WorkbookError, fast_load, read_table
from guilin_union.spreadsheets.reader import (
    _merges,
    _open_book,
    _sheet_merges,
    describe_sheets,
    list_sheets,
    preview_rows,
)

HEAD = ["序号", "姓名", "分工会", "手机号码", "入会日期", "月会费"]
FIELDS = [
    Field("name", "姓名", required=True),
    Field("branch", "分工会", required=True),
    Field("phone", "手机号码", kind="phone"),
    Field("joined_on", "入会日期", kind="date"),
    Field("dues", "月会费", kind="money"),
]


def _structured(tmp_path: Path, *, write_only: bool = False) -> Path:
    """Several data sheets, a hidden and a very hidden one, merges, totals and signatures.

    ``write_only`` saves without ``<dimension>`` (and without merges, which write-only
    sheets cannot hold): the case where the fast loader skips a whole parse per sheet.
    """
    sheets: dict[str, list[list[object]]] = {
        "说明": [["填表说明"], ["请勿修改表头"]],
        "教学单位": [
            ["2024年新入会人员名单"],
            HEAD,
            ["一、文学院"],
            [1, "张三", "文学院分工会", "13800138000", "2024-03-05", 12.5],
            [2, "李四", None, "", "2024-13-40"],
            [3, "王五", None, "", ""],
            [4, "赵六", "机关分工会", 13800138001, "", "十元"],
            [5, "钱七", "机关分工会", "", None],
            ["合计", "5人", "", "", ""],
            ["制表人：孙八", "", "审核人：周九"],
            ["注：本表由各分工会填报"],
        ],
        "机关": [HEAD, [1, "吴十", "机关分工会", "", "2023-09-01", "8.80"], ["", "小计：1人"]],
        "2023名单": [HEAD, [1, "郑一", "后勤分工会", "", ""]],
        "下拉选项": [["分工会"], ["机关分工会"]],
    }
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    if not write_only:
        wb["教学单位"].merge_cells("A3:E3")  # group title
        wb["教学单位"].merge_cells("C4:C6")  # filled down
        wb["教学单位"].merge_cells("D7:E7")  # across two fields: an error
        wb["教学单位"].merge_cells("A9:B9")
    wb["2023名单"].sheet_state = "hidden"
    wb["下拉选项"].sheet_state = "veryHidden"
    path = tmp_path / ("plain.xlsx" if write_only else "structured.xlsx")
    wb.save(path)
    return path


def _everything(path: Path) -> list[object]:
    """What every reader entry point makes of ``path``, row numbers with their sheets."""
    out: list[object] = []
    for kwargs in ({"all_sheets": True}, {"sheet": "2023名单"}, {"sheet": ["机关", "教学单位"]}):
        result = read_table(path, FIELDS, **kwargs)  # type: ignore[arg-type]
        out.append(result)
        out.append([getattr(r.row, "sheet", None) for r in result.rows + result.error_rows])
        out.append([getattr(e.row, "sheet", None) for e in result.errors])
    with pytest.raises(SheetChoiceError) as choice:
        read_table(path, FIELDS)
    out.append((str(choice.value), choice.value.candidates))
    out.append(describe_sheets(path, FIELDS))
    out.append(list_sheets(path))
    out.append(preview_rows(path, "教学单位"))
    return out


@pytest.fixture
def mode(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool | None], dict[str, int]]:
    """``mode(True/False)`` fixes the loader, ``mode(None)`` makes the next load probe again;
    the returned counts say which loader opened the files."""
    calls = {"fast": 0, "public": 0}
    fast, public = fast_load._load_unsized, fast_load._load_public

    def counted(kind: str, load: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def run(handle: Any) -> Any:
            calls[kind] += 1
            return load(handle)

        return run

    monkeypatch.setattr(fast_load, "_load_unsized", counted("fast", fast))
    monkeypatch.setattr(fast_load, "_load_public", counted("public", public))

    def choose(fast_ok: bool | None) -> dict[str, int]:
        monkeypatch.setattr(fast_load, "_fast_ok", fast_ok)
        calls.update(fast=0, public=0)
        return calls

    return choose


def _compare(path: Path, mode: Callable[[bool | None], dict[str, int]]) -> list[object]:
    calls = mode(True)
    fast = _everything(path)
    assert calls["fast"] > 0 and calls["public"] == 0
    calls = mode(False)
    public = _everything(path)
    assert calls["fast"] == 0 and calls["public"] > 0
    assert public == fast
    return fast


def test_the_installed_openpyxl_takes_the_fast_path() -> None:
    # If this fails after an openpyxl upgrade the program still works (public API), only slower.
    assert fast_load._probe() is True


def test_both_loaders_read_a_structured_workbook_alike(tmp_path: Path, mode) -> None:
    fast = _compare(_structured(tmp_path), mode)
    # The workbook really exercises what it is meant to: hidden sheets, merges, footers.
    combined = fast[0]
    assert combined.sheets == ["教学单位", "机关"]
    assert [i.reason for i in combined.ignored_rows][:2] == ["分组标题行（合并单元格）", "合计行"]
    assert "签名、日期行" in [i.reason for i in combined.ignored_rows]
    assert [r.values["branch"] for r in combined.rows][:2] == ["文学院分工会", "文学院分工会"]
    assert any("D7:E7" in e.message for e in combined.errors)
    assert combined.notes and "C4:C6" in combined.notes[0]
    assert fast[3].sheets == ["2023名单"] and fast[3].total_rows == 1


def test_both_loaders_read_a_workbook_without_dimension_alike(tmp_path: Path, mode) -> None:
    fast = _compare(_structured(tmp_path, write_only=True), mode)
    assert fast[0].total_rows == 6


@pytest.mark.parametrize("change", ["module renamed", "keyword renamed", "size probe moved"])
def test_changed_internals_fall_back_to_the_public_api(
    tmp_path: Path, mode, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    path = _structured(tmp_path)
    mode(True)
    expected = _everything(path)
    if change == "module renamed":
        # ReadOnlyWorksheet gone from openpyxl.worksheet._read_only: an ImportError.
        monkeypatch.delattr(_read_only, "ReadOnlyWorksheet")
    elif change == "keyword renamed":
        # ExcelReader no longer takes data_only=: a TypeError in the fast loader only.
        original = ExcelReader.__init__

        def positional_only(self: ExcelReader, *args: Any) -> None:
            original(self, *args)

        monkeypatch.setattr(ExcelReader, "__init__", positional_only)
    else:
        # The sheet size is probed by a method the fast loader does not override: it would
        # load, but no faster than the public API, which is then the one to use.
        original_init = ReadOnlyWorksheet.__init__

        def probing(self: ReadOnlyWorksheet, *args: Any) -> None:
            original_init(self, *args)
            ReadOnlyWorksheet._get_size(self)

        monkeypatch.setattr(ReadOnlyWorksheet, "__init__", probing)
    calls = mode(None)
    assert _everything(path) == expected
    assert fast_load.reader_mode() == "public"
    assert calls["public"] > 0 and calls["fast"] == 1  # the probe's own try only


def test_a_failure_the_probe_missed_falls_back_for_good(
    tmp_path: Path, mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _structured(tmp_path)
    mode(True)
    expected = read_table(path, FIELDS, all_sheets=True)

    def renamed(handle: Any) -> Any:
        raise AttributeError("'_Reader' object has no attribute 'valid_files'")

    monkeypatch.setattr(fast_load, "_load_unsized", renamed)
    assert read_table(path, FIELDS, all_sheets=True) == expected
    assert fast_load.reader_mode() == "public"


def test_a_damaged_file_is_still_refused_in_chinese(
    tmp_path: Path, mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _structured(tmp_path)
    mode(True)

    def broken(handle: Any) -> Any:
        raise TypeError("bad part")

    monkeypatch.setattr(fast_load, "_load_unsized", broken)
    monkeypatch.setattr(fast_load, "_load_public", broken)
    with pytest.raises(WorkbookError, match="文件已损坏或不是有效的 .xlsx 工作簿（TypeError）"):
        read_table(path, FIELDS, all_sheets=True)


def test_parts_and_merges_without_openpyxl_private_attributes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _structured(tmp_path)
    with _open_book(path, 20 * 1024 * 1024) as book:
        names = [ws.title for ws in book.wb.worksheets]
        private = {n: book.wb[n]._worksheet_path for n in names}
        assert fast_load.worksheet_parts(path) == private
        merges = _sheet_merges(book, "教学单位")
        assert len(merges) == 4
        # As if a later openpyxl had neither: the part comes from the workbook's relationships
        # and the sheet XML straight from the zip.
        for n in names:
            monkeypatch.delattr(book.wb[n], "_worksheet_path")
        monkeypatch.delattr(ReadOnlyWorksheet, "_get_source")
        assert [book.part(n) for n in names] == [private[n] for n in names]
        assert _sheet_merges(book, "教学单位") == merges
        assert _merges(book.part_source("教学单位")) == merges


def test_worksheet_parts_of_an_unreadable_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "not.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    assert fast_load.worksheet_parts(path) == {}
