"""write_workbook / write_errors: text stays text, no formula injection, atomic replace."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from guilin_union.core.text import clean_cell_text
from guilin_union.spreadsheets import (
    Column,
    Field,
    FileLockedError,
    RowError,
    Sheet,
    read_table,
    write_errors,
    write_workbook,
)
from guilin_union.spreadsheets.writer import display_width, sheet_columns

COLUMNS = [
    Column("name", "姓名"),
    Column("id_number", "身份证号"),
    Column("phone", "手机号码"),
    Column("count", "人数", kind="int"),
    Column("dues", "会费", kind="money"),
    Column("joined_on", "入会日期", kind="date"),
    Column("note", "备注"),
]
FIELDS = [
    Field("name", "姓名", required=True),
    Field("id_number", "身份证号", kind="id_number"),
    Field("phone", "手机号码", kind="phone"),
    Field("count", "人数", kind="int"),
    Field("dues", "会费", kind="money"),
    Field("joined_on", "入会日期", kind="date"),
    Field("note", "备注"),
]
ROWS = [
    {
        "name": "张三",
        "id_number": "11010519491231002X",
        "phone": "13812345678",
        "count": 3,
        "dues": 1250,
        "joined_on": "2024-03-05",
        "note": "=1+1",
    },
    {
        "name": "欧阳娜娜",
        "id_number": "450302199003071255",
        "phone": "0773-5851234",
        "count": 0,
        "dues": 10001050,
        "joined_on": datetime.date(1990, 1, 31),
        "note": None,
    },
    {
        "name": "李四",
        "id_number": None,
        "phone": None,
        "count": None,
        "dues": 5,
        "joined_on": None,
        "note": "备注",
    },
]


def _data_rows(ws, first: int):  # type: ignore[no-untyped-def]
    return list(ws.iter_rows(min_row=first))


def test_round_trip_gives_the_same_values(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "会员.xlsx", [Sheet("会员名单", COLUMNS, ROWS, heading="桂林学院工会会员名单")]
    )
    result = read_table(path, FIELDS)
    assert result.header_row == 2
    assert result.errors == []
    expected = [dict(row) for row in ROWS]
    expected[1]["joined_on"] = "1990-01-31"
    assert [r.values for r in result.rows] == expected


def test_cell_types_and_formats(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", [Sheet("s", COLUMNS, ROWS)])
    ws = load_workbook(path)["s"]
    header, first, second, _ = list(ws.iter_rows())
    assert [c.value for c in header] == [c.header for c in COLUMNS]
    assert all(c.font.b for c in header)
    # Text columns, IDs and phones included, are text cells formatted '@'.
    for cell in (first[0], first[1], first[2], second[2]):
        assert cell.data_type == "s"
        assert cell.number_format == "@"
    assert first[3].value == 3 and first[3].data_type == "n"
    assert first[4].value == 12.5 and first[4].number_format == "#,##0.00"
    assert second[4].value == 100010.5
    assert first[5].is_date and first[5].number_format == "yyyy-mm-dd"
    assert first[5].value.date() == datetime.date(2024, 3, 5)
    # New cells typed later into a text column are text as well.
    assert ws.column_dimensions["B"].number_format == "@"


def test_sheet_layout(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", [Sheet("s", COLUMNS, ROWS, heading="标题")])
    ws = load_workbook(path)["s"]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:G1"]
    assert ws["A1"].value == "标题" and ws["A1"].font.b
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:G5"
    assert ws.print_title_rows == "$2:$2"
    widths = {
        c.header: ws.column_dimensions[chr(ord("A") + i)].width for i, c in enumerate(COLUMNS)
    }
    assert widths["身份证号"] >= 18  # 18 characters fit
    assert widths["姓名"] >= display_width("欧阳娜娜")  # CJK count double


def test_explicit_width_and_empty_sheet(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", [Sheet("空", [Column("a", "甲", width=33)], [])])
    ws = load_workbook(path)["空"]
    assert ws.column_dimensions["A"].width == 33
    assert ws.max_row == 1
    assert ws.auto_filter.ref == "A1:A1"


@pytest.mark.parametrize(
    "value", ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\tx", "\rx", '=HYPERLINK("http://x","点我")']
)
def test_formula_injection_is_neutralised(tmp_path: Path, value: str) -> None:
    path = write_workbook(tmp_path / "a.xlsx", [Sheet("s", [Column("v", "值")], [{"v": value}])])
    cell = load_workbook(path)["s"]["A2"]
    assert cell.data_type == "s"
    assert cell.value == value
    assert cell.quotePrefix is True
    # The XML holds no formula element at all.
    import zipfile

    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("value", ["普通文本", "1+1", "a=b", "0773-5851234"])
def test_ordinary_text_has_no_quote_prefix(tmp_path: Path, value: str) -> None:
    path = write_workbook(tmp_path / "a.xlsx", [Sheet("s", [Column("v", "值")], [{"v": value}])])
    cell = load_workbook(path)["s"]["A2"]
    assert cell.value == value and cell.data_type == "s" and not cell.quotePrefix


def test_injection_in_other_kinds_and_headers(tmp_path: Path) -> None:
    columns = [
        Column("n", "=人数", kind="int"),
        Column("d", "日期", kind="date"),
        Column("m", "金额", kind="money"),
    ]
    path = write_workbook(
        tmp_path / "a.xlsx", [Sheet("s", columns, [{"n": "-1", "d": "=NOW()", "m": "+5"}])]
    )
    ws = load_workbook(path)["s"]
    for cell in (ws["A1"], ws["A2"], ws["B2"], ws["C2"]):
        assert cell.data_type == "s" and cell.quotePrefix is True


def test_values_that_are_not_their_column_kind(tmp_path: Path) -> None:
    columns = [
        Column("t", "文本"),
        Column("d", "日期", kind="date"),
        Column("i", "整数", kind="int"),
    ]
    rows = [
        {"t": 1001, "d": "2024-03", "i": True},
        {"t": datetime.date(2024, 3, 5), "d": datetime.date(1899, 12, 31), "i": "无"},
        {"t": False, "d": datetime.datetime(2024, 3, 5, 8, 0), "i": 7},
    ]
    ws = load_workbook(write_workbook(tmp_path / "a.xlsx", [Sheet("s", columns, rows)]))["s"]
    assert [c.value for c in ws[2]] == ["1001", "2024-03", "是"]
    assert ws["B3"].value == "1899-12-31" and ws["B3"].data_type == "s"
    assert [ws["A3"].value, ws["C3"].value] == ["2024-03-05", "无"]
    assert ws["A4"].value == "否" and ws["B4"].is_date and ws["C4"].value == 7


def test_money_must_be_int_fen(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    with pytest.raises(TypeError, match="整数分"):
        write_workbook(target, [Sheet("s", [Column("m", "金额", kind="money")], [{"m": 12.5}])])
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone too


def test_illegal_xml_characters_are_dropped(tmp_path: Path) -> None:
    value = "a\x00b\x07c\ufffed\ud800e\tf"
    ws = load_workbook(
        write_workbook(tmp_path / "a.xlsx", [Sheet("s", [Column("v", "值")], [{"v": value}])])
    )["s"]
    assert ws["A2"].value == "abcde\tf"


def test_sheet_titles_are_made_valid_and_unique(tmp_path: Path) -> None:
    sheets = [
        Sheet("2024/3: 名单?", [Column("a", "甲")], []),
        Sheet("2024/3: 名单?", [Column("a", "甲")], []),
        Sheet("x" * 40, [Column("a", "甲")], []),
    ]
    wb = load_workbook(write_workbook(tmp_path / "a.xlsx", sheets))
    assert wb.sheetnames == ["2024_3_ 名单_", "2024_3_ 名单_(2)", "x" * 31]


def test_generator_rows_longer_than_width_sample(tmp_path: Path) -> None:
    rows = ({"name": f"人{i}", "count": i} for i in range(2500))
    path = write_workbook(
        tmp_path / "a.xlsx",
        [Sheet("s", [Column("name", "姓名"), Column("count", "人数", kind="int")], rows)],
    )
    result = read_table(path, [Field("name", "姓名"), Field("count", "人数", kind="int")])
    assert result.total_rows == 2500
    assert result.rows[-1].values == {"name": "人2499", "count": 2499}


def test_replaces_existing_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "导出.xlsx"
    target.write_bytes(b"old")
    write_workbook(target, [Sheet("s", [Column("a", "甲")], [{"a": "新"}])])
    assert load_workbook(target)["s"]["A2"].value == "新"
    assert [p.name for p in tmp_path.iterdir()] == ["导出.xlsx"]


def test_locked_target_raises_and_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "导出.xlsx"
    target.write_bytes(b"old contents")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(
            13, "The process cannot access the file because it is being used by another process"
        )

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileLockedError) as excinfo:
        write_workbook(target, [Sheet("s", [Column("a", "甲")], [{"a": "新"}])])
    assert excinfo.value.message == (
        "文件“导出.xlsx”正被其他程序（如 Excel/WPS）打开，无法写入。请关闭该文件后重试；原文件未被改动。"
    )
    assert isinstance(excinfo.value, OSError)
    assert excinfo.value.path == str(target)
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["导出.xlsx"]


def test_write_errors(tmp_path: Path) -> None:
    errors = [
        RowError(
            5, "身份证号", "110105194912310021", "身份证号码校验位错误：按前17位计算应为X，实际为1"
        ),
        RowError(7, "备注", "=cmd|' /C calc'!A0", "单元格含公式，请改为直接填写数值"),
    ]
    path = write_errors(tmp_path / "错误.xlsx", errors, source_name="新会员.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["错误清单"]
    ws = wb["错误清单"]
    assert ws["A1"].value == "新会员.xlsx 导入错误清单（共2处）"
    assert [c.value for c in ws[2]] == ["行号", "列", "值", "错误说明"]
    assert [c.value for c in ws[3]] == [5, "身份证号", "110105194912310021", errors[0].message]
    assert ws["C4"].data_type == "s" and ws["C4"].quotePrefix
    # And it reads back as a table.
    back = read_table(path, [Field("row", "行号", kind="int"), Field("message", "错误说明")])
    assert [r.values["row"] for r in back.rows] == [5, 7]


def test_write_errors_without_source_has_no_heading(tmp_path: Path) -> None:
    ws = load_workbook(write_errors(tmp_path / "e.xlsx", []))["错误清单"]
    assert ws["A1"].value == "行号"


_PRINTABLE = st.text(
    alphabet=st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs")),
    max_size=40,
)


@given(st.lists(st.tuples(_PRINTABLE, _PRINTABLE), min_size=1, max_size=8))
@example([("", "合计"), ("张三", "文学院")])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_round_trip_of_arbitrary_printable_text(
    tmp_path: Path, pairs: list[tuple[str, str]]
) -> None:
    columns = [Column("a", "甲"), Column("b", "乙")]
    rows = [{"a": a, "b": b} for a, b in pairs]
    path = write_workbook(tmp_path / "h.xlsx", [Sheet("s", columns, rows)])
    result = read_table(path, [Field("a", "甲"), Field("b", "乙")])
    # Text that reads as a totals, signature or note row ("合计") is left out by design and
    # listed; every other row comes back as written.
    left_out = {int(r.row) for r in result.ignored_rows}
    expected = [
        {"a": clean_cell_text(a) or None, "b": clean_cell_text(b) or None}
        for row, (a, b) in enumerate(pairs, start=2)  # row 1 is the header
        if (clean_cell_text(a) or clean_cell_text(b)) and row not in left_out
    ]
    assert [r.values for r in result.rows] == expected
    assert result.errors == []


@pytest.mark.parametrize("spec", ["branch 分工会 | paid_fen", "paid_fen", "branch 分工会 |", ""])
def test_sheet_columns_part_without_header_names_the_part(spec: str) -> None:
    part = spec.split("|")[-1].strip()
    with pytest.raises(ValueError) as raised:
        sheet_columns(spec)
    assert str(raised.value) == (
        f"column spec {part!r}: expected key header [width] [text/int/money/date]"
    )


def test_sheet_columns_part_with_too_many_words() -> None:
    with pytest.raises(ValueError, match="column spec 'paid 实缴 12 money int'"):
        sheet_columns("paid 实缴 12 money int")
