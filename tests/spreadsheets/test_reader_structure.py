"""The structure of real files: which sheet, totals and signature rows, merged cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from guilin_union.spreadsheets import Field, SheetChoiceError, WorkbookError, read_table

FIELDS = [
    Field("name", "姓名", required=True),
    Field("branch", "分工会", required=True),
    Field("phone", "手机号码", kind="phone"),
    Field("joined_on", "入会日期", kind="date"),
]
HEAD = ["序号", "姓名", "分工会", "手机号码", "入会日期"]


def _book(tmp_path: Path, sheets: dict[str, list[list[object]]], **options: object) -> Path:
    """Sheets in order; ``hidden``/``very_hidden`` name sheets to hide, ``active`` the tab."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title in options.get("hidden", ()):  # type: ignore[operator]
            ws.sheet_state = "hidden"
        if title in options.get("very_hidden", ()):  # type: ignore[operator]
            ws.sheet_state = "veryHidden"
        for ref in options.get("merge", {}).get(title, ()):  # type: ignore[attr-defined]
            ws.merge_cells(ref)
    if "active" in options:
        wb.active = list(sheets).index(options["active"])  # type: ignore[arg-type]
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def _people(*names: str, branch: str = "机关分工会") -> list[list[object]]:
    return [[i, n, branch, "", ""] for i, n in enumerate(names, start=1)]


# ----------------------------------------------------------------------------- sheets


def test_hidden_earlier_roster_is_never_read(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        {"2023名单": [HEAD, *_people("旧甲", "旧乙")], "名单": [HEAD, *_people("新甲")]},
        hidden=["2023名单"],
    )
    result = read_table(path, FIELDS)
    assert result.sheets == ["名单"]
    assert [r.values["name"] for r in result.rows] == ["新甲"]
    # Named explicitly, a hidden sheet can still be read.
    named = read_table(path, FIELDS, sheet="2023名单")
    assert [r.values["name"] for r in named.rows] == ["旧甲", "旧乙"]


def test_hidden_dropdown_sheet_first_is_not_an_error(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        {"下拉选项": [["分工会"], ["机关分工会"]], "名单": [HEAD, *_people("甲", "乙")]},
        very_hidden=["下拉选项"],
    )
    assert read_table(path, FIELDS).total_rows == 2


def test_only_hidden_sheet_has_header_says_so(tmp_path: Path) -> None:
    path = _book(
        tmp_path, {"名单": [HEAD, *_people("甲")], "说明": [["填表说明"]]}, hidden=["名单"]
    )
    with pytest.raises(WorkbookError, match="隐藏的工作表“名单”中有表头"):
        read_table(path, FIELDS)


def test_two_visible_data_sheets_stop_and_list_them(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        {
            "教学单位": [HEAD, *_people("甲", "乙", "丙")],
            "管理及教辅单位": [HEAD, *_people("丁", "戊")],
        },
    )
    with pytest.raises(SheetChoiceError) as excinfo:
        read_table(path, FIELDS)
    assert excinfo.value.candidates == ["教学单位", "管理及教辅单位"]
    assert "“教学单位”（3行）" in excinfo.value.message
    assert "--all-sheets" in excinfo.value.message
    both = read_table(path, FIELDS, all_sheets=True)
    assert both.sheets == ["教学单位", "管理及教辅单位"]
    assert [r.values["name"] for r in both.rows] == ["甲", "乙", "丙", "丁", "戊"]
    picked = read_table(path, FIELDS, sheet=["管理及教辅单位"])
    assert [r.values["name"] for r in picked.rows] == ["丁", "戊"]


def test_active_sheet_used_when_the_other_has_no_data(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        {"模板": [HEAD], "名单": [HEAD, *_people("甲")]},
        active="名单",
    )
    assert read_table(path, FIELDS).sheets == ["名单"]
    empty = _book(tmp_path, {"模板": [HEAD], "空表": [HEAD]}, active="空表")
    assert read_table(empty, FIELDS).sheets == ["空表"]


def test_errors_in_several_sheets_name_the_sheet(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        {"甲": [HEAD, *_people("张三")], "乙": [HEAD, [1, "李四", "", "", ""]]},
    )
    result = read_table(path, FIELDS, all_sheets=True)
    assert [e.to_dict() for e in result.errors] == [
        {"row": 2, "column": "分工会", "value": "", "message": "“分工会”不能为空", "sheet": "乙"}
    ]


# ----------------------------------------------------------------------------- footer rows


def test_totals_signature_and_note_rows_are_left_out_and_listed(tmp_path: Path) -> None:
    rows = [
        ["2024年新入会人员名单"],
        HEAD,
        *_people("张三", "李四"),
        ["合计", "6人", "", "", ""],
        ["", "小计：2人"],
        ["制表人：王五", "", "审核人：赵六"],
        ["注：本表由各分工会填报"],
        ["", "2024年3月5日"],
    ]
    result = read_table(_book(tmp_path, {"名单": rows}), FIELDS)
    assert [r.values["name"] for r in result.rows] == ["张三", "李四"]
    assert not result.errors
    assert [(r.row, r.reason) for r in result.ignored_rows] == [
        (5, "合计行"),
        (6, "合计行"),
        (7, "签名、日期行"),
        (8, "注释、说明行"),
        (9, "表尾（签名、说明行之后）"),
    ]
    assert result.ignored_rows[0].to_dict()["text"] == "合计 6人"


def test_sum_formula_row_is_a_totals_row(tmp_path: Path) -> None:
    fields = [*FIELDS, Field("amount", "金额", kind="money")]
    rows = [
        [*HEAD, "金额"],
        [1, "张三", "机关分工会", "", "", 100],
        [2, "李四", "机关分工会", "", "", 200],
    ]
    rows.append(["", "", "", "", "", "=SUM(F2:F3)"])
    result = read_table(_book(tmp_path, {"名单": rows}), fields)
    assert len(result.rows) == 2 and not result.errors
    assert [(r.row, r.reason) for r in result.ignored_rows] == [(4, "合计行（求和公式）")]


def test_person_row_with_missing_field_is_still_an_error(tmp_path: Path) -> None:
    rows = [HEAD, *_people("张三"), [2, "李四", "", "", ""], ["合计", "2人"]]
    result = read_table(_book(tmp_path, {"名单": rows}), FIELDS)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, "分工会", "“分工会”不能为空")
    ]
    assert [r.row for r in result.ignored_rows] == [4]
    # "6人" never passes as a name, whatever column the 合计 stands in.
    rows = [HEAD, *_people("张三"), ["", "合计", "6人", "", ""]]
    result = read_table(_book(tmp_path, {"名单": rows}), FIELDS)
    assert [r.values["name"] for r in result.rows] == ["张三"]


# ----------------------------------------------------------------------------- merged cells


def test_vertical_merge_fills_every_row_it_covers(tmp_path: Path) -> None:
    rows = [
        HEAD,
        [1, "张三", "机关分工会", "", ""],
        [2, "李四", None, "", ""],
        [3, "王五", None, "", ""],
        [4, "赵六", "艺术学院分工会", "", ""],
        [5, "钱七", None, "", ""],
    ]
    path = _book(tmp_path, {"名单": rows}, merge={"名单": ["C2:C4", "C5:C6"]})
    result = read_table(path, FIELDS)
    assert not result.errors
    assert [(r.values["name"], r.values["branch"]) for r in result.rows] == [
        ("张三", "机关分工会"),
        ("李四", "机关分工会"),
        ("王五", "机关分工会"),
        ("赵六", "艺术学院分工会"),
        ("钱七", "艺术学院分工会"),
    ]
    assert len(result.notes) == 1 and "C2:C4" in result.notes[0] and "“分工会”列" in result.notes[0]


def test_horizontal_merge_in_data_is_an_error_naming_the_range(tmp_path: Path) -> None:
    rows = [HEAD, [1, "张三", "机关分工会", "", ""], [2, "李四", "13800138000", None, ""]]
    path = _book(tmp_path, {"名单": rows}, merge={"名单": ["C3:D3"]})
    result = read_table(path, FIELDS)
    assert [(e.row, e.column) for e in result.errors] == [(3, "分工会")]
    assert "C3:D3" in result.errors[0].message


def test_group_title_and_merged_footer_rows_are_ignored(tmp_path: Path) -> None:
    rows = [
        HEAD,
        ["一、教学单位"],
        [1, "张三", "机关分工会", "", ""],
        ["合计：1人"],
    ]
    path = _book(tmp_path, {"名单": rows}, merge={"名单": ["A2:E2", "A4:E4"]})
    result = read_table(path, FIELDS)
    assert not result.errors and len(result.rows) == 1
    assert [(r.row, r.reason) for r in result.ignored_rows] == [
        (2, "分组标题行（合并单元格）"),
        (4, "合计行"),
    ]


# ----------------------------------------------------------------------------- every problem


def test_every_problem_of_a_row_and_ignored_columns(tmp_path: Path) -> None:
    rows = [[*HEAD, "参加工作时间", "备注"], [1, "", "", "12", "2024-13-40", "1990-07-01", "x"]]
    result = read_table(_book(tmp_path, {"名单": rows}), FIELDS)
    assert sorted(e.column for e in result.errors) == ["入会日期", "分工会", "姓名"]
    assert result.ignored_columns == ["参加工作时间", "备注"]  # 序号 carries nothing
    assert result.error_rows[0].bad == {"name", "branch", "joined_on"}


def test_total_word_after_a_serial_number(tmp_path: Path) -> None:
    rows = [HEAD, *_people("张三"), [2, "合计", "1人", "", ""]]
    result = read_table(_book(tmp_path, {"名单": rows}), FIELDS)
    assert [r.values["name"] for r in result.rows] == ["张三"]
    assert [(r.row, r.reason) for r in result.ignored_rows] == [(3, "合计行")]


def test_a_person_row_with_a_totals_word_is_data_a_row_of_figures_is_not(tmp_path: Path) -> None:
    # A register exported with a member whose name cell reads 小计 (found by the round-trip
    # property test) is a person: the row carries words (分工会, 性别 …), a totals row figures.
    head = ["工号", "姓名", "性别", "分工会", "状态", "金额"]
    rows = [
        head,
        ["2024000000", "小计", "男", "文学院分工会", "在会", ""],
        ["2024000001", "张三", "女", "文学院分工会", "在会", 100],
        ["合计", "人数：2", "金额：100", "", "", 100],
        ["", "小计", "", "", "", "2人"],
    ]
    fields = [
        Field("staff_no", "工号"),
        Field("name", "姓名", required=True),
        Field("gender", "性别"),
        Field("branch", "分工会", required=True),
        Field("status", "状态"),
        Field("amount", "金额", kind="money"),
    ]
    result = read_table(_book(tmp_path, {"名单": rows}), fields)
    assert [r.values["name"] for r in result.rows] == ["小计", "张三"]
    assert [(r.row, r.reason) for r in result.ignored_rows] == [(4, "合计行"), (5, "合计行")]
