"""read_table against hostile workbooks built in each test."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
from openpyxl.styles import Border, PatternFill, Side

from guilin_union.spreadsheets import (
    Field,
    RowError,
    SheetChoiceError,
    WorkbookError,
    detect_mapping,
    list_sheets,
    read_table,
)
from guilin_union.spreadsheets.reader import normalize_header, preview_rows

FIELDS = [
    Field("name", "姓名", required=True),
    Field(
        "id_number",
        "身份证号",
        synonyms=("身份证号码", "证件号码"),
        required=True,
        kind="id_number",
    ),
    Field("phone", "手机号码", synonyms=("手机", "联系电话"), kind="phone"),
    Field("joined_on", "入会日期", kind="date"),
    Field("count", "人数", kind="int"),
    Field("dues", "会费", synonyms=("会费（元）",), kind="money"),
    Field("status", "会籍状态", kind="choice", choices=("在会", "保留会籍", "转出", "退会")),
    Field("model_worker", "是否劳模", kind="bool"),
]
HEADERS = ["姓名", "身份证号", "手机号码", "入会日期", "人数", "会费", "会籍状态", "是否劳模"]
ID = "11010519491231002X"
GOOD = ["张三", ID, "13812345678", "2024-03-05", 3, "12.50", "在会", "否"]
GOOD_VALUES = {
    "name": "张三",
    "id_number": ID,
    "phone": "13812345678",
    "joined_on": "2024-03-05",
    "count": 3,
    "dues": 1250,
    "status": "在会",
    "model_worker": False,
}


def _row(**changes: object) -> list[object]:
    row = list(GOOD)
    for key, value in changes.items():
        row[[f.key for f in FIELDS].index(key)] = value
    return row


def _only_error(result) -> RowError:  # type: ignore[no-untyped-def]
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


# ----------------------------------------------------------------------------- basics


def test_reads_a_plain_table(make_xlsx) -> None:
    path = make_xlsx([HEADERS + ["备注"], GOOD + ["x"], _row(name="李四", count=None)])
    result = read_table(path, FIELDS)
    assert result.sheet == "Sheet1"
    assert result.header_row == 1
    assert result.mapping == {f.key: i for i, f in enumerate(FIELDS, start=1)}
    assert result.headers[2] == "身份证号"
    assert result.unmapped_headers == ["备注"]
    assert result.errors == []
    assert result.total_rows == 2
    assert [r.row for r in result.rows] == [2, 3]
    assert result.rows[0].values == GOOD_VALUES
    assert result.rows[1].values == {**GOOD_VALUES, "name": "李四", "count": None}


def test_headers_matched_by_name_not_position_with_synonyms_and_notes(make_xlsx) -> None:
    headers = ["序号", "联系电话", "*姓 名", "身份证号码（必填）", "会费（元）"]
    path = make_xlsx([headers, [1, "13812345678", "张三", ID, 12]])
    result = read_table(path, FIELDS)
    assert result.mapping == {"name": 3, "id_number": 4, "phone": 2, "dues": 5}
    assert result.unmapped_headers == ["序号"]
    values = result.rows[0].values
    # Absent optional columns are present as None, in field order.
    assert list(values) == [f.key for f in FIELDS]
    assert values["dues"] == 1200 and values["joined_on"] is None and values["status"] is None


def test_missing_required_column_refuses_file(make_xlsx) -> None:
    path = make_xlsx([["姓名", "手机号码", "会费"], ["张三", "13812345678", 1]])
    with pytest.raises(WorkbookError, match="缺少必填列：身份证号"):
        read_table(path, FIELDS)


def test_no_header_refuses_file_and_lists_expected_headers(make_xlsx) -> None:
    path = make_xlsx([["甲", "乙"], ["1", "2"]])
    with pytest.raises(WorkbookError) as excinfo:
        read_table(path, FIELDS)
    assert "没有找到表头" in excinfo.value.message
    assert "姓名（必填）、身份证号（必填）、手机号码" in excinfo.value.message


def test_header_beyond_row_30_is_not_found(make_xlsx) -> None:
    path = make_xlsx([[f"说明{i}"] for i in range(30)] + [HEADERS, GOOD])
    with pytest.raises(WorkbookError, match="前30行"):
        read_table(path, FIELDS)
    path = make_xlsx([[f"说明{i}"] for i in range(29)] + [HEADERS, GOOD], name="b.xlsx")
    assert read_table(path, FIELDS).header_row == 30


def test_merged_title_rows_above_header(make_xlsx) -> None:
    def setup(ws) -> None:  # type: ignore[no-untyped-def]
        ws.merge_cells("A1:H1")
        ws.merge_cells("A2:H2")

    rows = [
        ["2024年新入职教职工入会名单"] + [None] * 7,
        ["填表单位：文学院分工会"] + [None] * 7,
        [],
        HEADERS,
        GOOD,
    ]
    result = read_table(make_xlsx(rows, setup=setup), FIELDS)
    assert result.header_row == 4
    assert [r.row for r in result.rows] == [5]
    assert result.rows[0].values == GOOD_VALUES


def test_blank_rows_in_the_middle_are_skipped_and_row_numbers_kept(make_xlsx) -> None:
    rows = [HEADERS, GOOD, [], [None, "  ", "\u3000"], _row(name="李四"), [], [], _row(name="王五")]
    result = read_table(make_xlsx(rows), FIELDS)
    assert [(r.row, r.values["name"]) for r in result.rows] == [
        (2, "张三"),
        (5, "李四"),
        (8, "王五"),
    ]
    assert result.total_rows == 3


def test_trailing_formatted_empty_rows_are_not_counted(make_xlsx) -> None:
    thin = Side(style="thin")

    def setup(ws) -> None:  # type: ignore[no-untyped-def]
        for r in range(3, 400):
            for c in range(1, 9):
                cell = ws.cell(row=r, column=c)
                cell.border = Border(top=thin, bottom=thin)
                cell.fill = PatternFill("solid", fgColor="FFFF00")
                cell.number_format = "@"

    result = read_table(make_xlsx([HEADERS, GOOD], setup=setup), FIELDS)
    assert result.total_rows == 1
    assert len(result.rows) == 1
    assert result.errors == []


def test_wrong_dimension_element_does_not_truncate(make_xlsx, rewrite_part, set_dimension) -> None:
    # Files from other programs often declare a stale <dimension>; read-only mode would
    # otherwise stop at the row it names.
    path = make_xlsx([HEADERS] + [_row(name=f"人{i}") for i in range(50)])
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: set_dimension(xml, "A1:B2"))
    result = read_table(path, FIELDS)
    assert result.total_rows == 50
    assert result.rows[-1].values["name"] == "人49"
    assert result.rows[-1].row == 51


def test_short_rows_and_missing_cells(make_xlsx) -> None:
    result = read_table(make_xlsx([HEADERS, ["张三", ID]]), FIELDS)
    assert result.rows[0].values == {
        **{k: None for k in GOOD_VALUES},
        "name": "张三",
        "id_number": ID,
    }


# ----------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    "text",
    [
        "2024-3-5",
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "20240305",
        "２０２４年３月５日",
        " 2024-03-05 ",
    ],
)
def test_text_dates_in_every_format(make_xlsx, text: str) -> None:
    result = read_table(make_xlsx([HEADERS, _row(joined_on=text)]), FIELDS)
    assert result.rows[0].values["joined_on"] == "2024-03-05"


def test_date_cells_serials_and_compact_numbers(make_xlsx) -> None:
    def setup(ws) -> None:  # type: ignore[no-untyped-def]
        ws["D3"].number_format = "General"  # a bare serial number, not shown as a date
        ws["D5"].number_format = 'yyyy"年"m"月"d"日"'

    rows = [
        HEADERS,
        _row(joined_on=datetime.date(2024, 3, 5)),
        _row(joined_on=45356),
        _row(joined_on=20240305),
        _row(joined_on=datetime.datetime(2024, 3, 5, 14, 30)),
        _row(joined_on=45356.75),
    ]
    result = read_table(make_xlsx(rows, setup=setup), FIELDS)
    assert result.errors == []
    assert [r.values["joined_on"] for r in result.rows] == ["2024-03-05"] * 5


def test_1904_date_system(make_xlsx) -> None:
    rows = [HEADERS, _row(joined_on=datetime.date(2024, 3, 5)), _row(joined_on=45356 - 1462)]
    path = make_xlsx(rows, epoch1904=True)
    with zipfile.ZipFile(path) as archive:
        assert b"date1904" in archive.read("xl/workbook.xml")
    result = read_table(path, FIELDS)
    assert result.errors == []
    assert [r.values["joined_on"] for r in result.rows] == ["2024-03-05", "2024-03-05"]


def test_full_width_digits_and_spaces(make_xlsx) -> None:
    row = [
        "\u3000张三 ",
        " １１０１０５１９４９１２３１００２ｘ ",
        "１３８ １２３４ ５６７８",
        "２０２４－３－５",
        "１２",
        "１２．５",
        " 在会 ",
        " 是 ",
    ]
    result = read_table(make_xlsx([HEADERS, row]), FIELDS)
    assert result.errors == []
    assert result.rows[0].values == {
        **GOOD_VALUES,
        "count": 12,
        "model_worker": True,
    }


def test_lower_case_x_normalised_but_check_digit_left_to_services(make_xlsx) -> None:
    bad_check = "110105194912310021"
    result = read_table(
        make_xlsx([HEADERS, _row(id_number="11010519491231002x"), _row(id_number=bad_check)]),
        FIELDS,
    )
    assert [r.values["id_number"] for r in result.rows] == [ID, bad_check]


@pytest.mark.parametrize("number", [110105194912310021, 1.10105194912310e17, 4.50302199003071e17])
def test_id_stored_as_number_is_a_row_error_never_fixed(make_xlsx, number: float) -> None:
    result = read_table(make_xlsx([HEADERS, _row(id_number=number)]), FIELDS)
    error = _only_error(result)
    assert error.row == 2
    assert error.column == "身份证号"
    assert "以数字格式存储" in error.message and "15位有效数字" in error.message
    assert "“文本”格式" in error.message
    assert error.value.isdigit()
    assert result.rows == []
    assert result.total_rows == 1


def test_phone_stored_as_number_is_a_row_error(make_xlsx) -> None:
    result = read_table(
        make_xlsx([["姓名", "身份证号码", "联系电话"], ["张三", ID, 13812345678]]), FIELDS
    )
    error = _only_error(result)
    assert error.column == "联系电话"  # the label as the file spells it
    assert error.value == "13812345678"
    assert "以数字格式存储" in error.message


def test_formula_cell_in_mapped_column_is_an_error(make_xlsx) -> None:
    rows = [HEADERS + ["备注"], _row(count="=1+2") + ["=A1"], _row(dues="=SUM(E2:E2)")]
    result = read_table(make_xlsx(rows), FIELDS)
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (2, "人数", "=1+2"),
        (3, "会费", "=SUM(E2:E2)"),
    ]
    assert all(e.message == "单元格含公式，请改为直接填写数值" for e in result.errors)


def test_error_value_cell(make_xlsx) -> None:
    def setup(ws) -> None:  # type: ignore[no-untyped-def]
        ws["E2"].value = "#N/A"
        ws["E2"].data_type = "e"

    error = _only_error(read_table(make_xlsx([HEADERS, GOOD], setup=setup), FIELDS))
    assert error.value == "#N/A" and "错误值" in error.message


def test_wrong_choice_lists_allowed_values(make_xlsx) -> None:
    error = _only_error(read_table(make_xlsx([HEADERS, _row(status="在职")]), FIELDS))
    assert error.column == "会籍状态"
    assert error.message == "“在职”不是可选的值，可选：在会、保留会籍、转出、退会"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("是", True),
        ("否", False),
        ("Y", True),
        ("n", False),
        (1, True),
        (0, False),
        ("√", True),
        (True, True),
        ("×", False),
    ],
)
def test_bool_values(make_xlsx, cell: object, expected: bool) -> None:
    result = read_table(make_xlsx([HEADERS, _row(model_worker=cell)]), FIELDS)
    assert result.rows[0].values["model_worker"] is expected


def test_bool_unrecognised(make_xlsx) -> None:
    error = _only_error(read_table(make_xlsx([HEADERS, _row(model_worker="也许")]), FIELDS))
    assert "请填写“是”或“否”" in error.message


@pytest.mark.parametrize(
    ("cell", "fen"),
    [
        ("12.50", 1250),
        (12.5, 1250),
        (12, 1200),
        ("￥1,234.5", 123450),
        (82.82000000000001, 8282),
        ("１２．５元", 1250),
    ],
)
def test_money_values(make_xlsx, cell: object, fen: int) -> None:
    result = read_table(make_xlsx([HEADERS, _row(dues=cell)]), FIELDS)
    assert result.rows[0].values["dues"] == fen


@pytest.mark.parametrize(
    ("cell", "part"),
    [("12.345", "最多只能有两位小数"), ("十元", "不是有效的数字"), (-5, "不能为负数")],
)
def test_money_errors(make_xlsx, cell: object, part: str) -> None:
    error = _only_error(read_table(make_xlsx([HEADERS, _row(dues=cell)]), FIELDS))
    assert error.column == "会费" and part in error.message


@pytest.mark.parametrize(
    ("cell", "expected"), [("3", 3), (3.0, 3), ("1,200", 1200), ("３", 3), (" 7 ", 7)]
)
def test_int_values(make_xlsx, cell: object, expected: int) -> None:
    assert (
        read_table(make_xlsx([HEADERS, _row(count=cell)]), FIELDS).rows[0].values["count"]
        == expected
    )


@pytest.mark.parametrize("cell", ["三", 2.5, "2.5"])
def test_int_errors(make_xlsx, cell: object) -> None:
    error = _only_error(read_table(make_xlsx([HEADERS, _row(count=cell)]), FIELDS))
    assert "不是整数" in error.message


@pytest.mark.parametrize(
    ("cell", "part"),
    [
        ("2024-02-30", "日期“2024-02-30”不存在"),
        ("3/5/2024", "无法识别的日期格式"),
        ("明年", "无法识别的日期格式"),
    ],
)
def test_date_errors(make_xlsx, cell: str, part: str) -> None:
    error = _only_error(read_table(make_xlsx([HEADERS, _row(joined_on=cell)]), FIELDS))
    assert error.column == "入会日期" and error.value == cell and part in error.message


def test_required_blank_is_an_error_and_all_errors_of_a_row_are_listed(make_xlsx) -> None:
    result = read_table(make_xlsx([HEADERS, _row(name="  ", status="x", count="y"), GOOD]), FIELDS)
    assert [(e.row, e.column) for e in result.errors] == [(2, "姓名"), (2, "人数"), (2, "会籍状态")]
    assert result.errors[0].message == "“姓名”不能为空"
    assert [r.row for r in result.rows] == [3]
    assert result.total_rows == 2
    assert result.errors[0].to_dict() == {
        "row": 2,
        "column": "姓名",
        "value": "  ",
        "message": "“姓名”不能为空",
    }


# ----------------------------------------------------------------------------- sheets


def test_several_sheets_with_data_must_be_chosen(make_xlsx) -> None:
    path = make_xlsx(
        sheets={
            "说明": [["填表说明"], ["请勿修改表头"]],
            "名单": [HEADERS, GOOD],
            "名单2": [HEADERS, GOOD, GOOD],
        }
    )
    assert list_sheets(path) == ["说明", "名单", "名单2"]
    with pytest.raises(SheetChoiceError) as excinfo:
        read_table(path, FIELDS)
    assert excinfo.value.candidates == ["名单", "名单2"]
    assert "“名单”（1行）" in excinfo.value.message and "“名单2”（2行）" in excinfo.value.message
    chosen = read_table(path, FIELDS, sheet="名单2")
    assert chosen.sheet == "名单2" and chosen.total_rows == 2 and chosen.sheets == ["名单2"]
    both = read_table(path, FIELDS, all_sheets=True)
    assert both.sheets == ["名单", "名单2"] and both.total_rows == 3
    assert [(r.row, r.row.sheet) for r in both.rows] == [(2, "名单"), (2, "名单2"), (3, "名单2")]


def test_several_sheets_none_matching_lists_names(make_xlsx) -> None:
    path = make_xlsx(sheets={"甲表": [["a", "b"]], "乙表": [["c"]]})
    with pytest.raises(WorkbookError) as excinfo:
        read_table(path, FIELDS)
    assert "甲表、乙表" in excinfo.value.message
    assert excinfo.value.sheets == ["甲表", "乙表"]


def test_chosen_sheet_must_exist_and_match(make_xlsx) -> None:
    path = make_xlsx(sheets={"说明": [["填表说明"]], "名单": [HEADERS, GOOD]})
    with pytest.raises(WorkbookError, match="没有名为“名册”的工作表"):
        read_table(path, FIELDS, sheet="名册")
    with pytest.raises(WorkbookError, match="工作表“说明”"):
        read_table(path, FIELDS, sheet="说明")


def test_explicit_mapping_overrides_header_names(make_xlsx) -> None:
    path = make_xlsx([["标题"], ["名字", "证件", "备注"], ["张三", ID.lower(), "x"]])
    result = read_table(path, FIELDS, mapping={"name": 1, "id_number": 2})
    assert result.header_row == 2
    assert result.rows[0].values["id_number"] == ID
    assert result.unmapped_headers == ["备注"]
    with pytest.raises(WorkbookError, match="同一列"):
        read_table(path, FIELDS, mapping={"name": 1, "id_number": 1})
    with pytest.raises(WorkbookError, match="缺少必填列：身份证号"):
        read_table(path, FIELDS, mapping={"name": 1})


def test_preview_rows(make_xlsx) -> None:
    rows = preview_rows(
        make_xlsx([["标题"], HEADERS, _row(count=3.0, joined_on=datetime.date(2024, 3, 5))])
    )
    assert rows[0] == ["标题"]
    assert rows[1] == HEADERS
    assert rows[2][3:5] == ["2024-03-05", "3"]


# ----------------------------------------------------------------------------- whole-file refusals


def _write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("name", "data", "part"),
    [
        (
            "renamed.xlsx",
            OLE + b"\0" * 500 + "Workbook".encode("utf-16-le") + b"\0" * 100,
            "旧版 .xls",
        ),
        ("old.xls", OLE + b"\0" * 500 + "Book".encode("utf-16-le"), "另存为 .xlsx"),
        ("secret.xlsx", OLE + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le"), "设有打开密码"),
        ("secret2.xlsx", OLE + b"\0" * 100, "设有打开密码"),
        (
            "data.xlsx",
            "姓名,身份证号\n张三,110105\n".encode(),
            "请在 Excel/WPS 中打开后另存为 .xlsx",
        ),
        ("data.csv", "姓名,身份证号\n张三,110105\n".encode("gbk"), "CSV"),
        ("web.xls", b"<html><table><tr><td>1</td></tr></table></html>", "网页"),
        ("empty.xlsx", b"", "空文件"),
        ("broken.xlsx", b"PK\x03\x04" + b"\0" * 100, "已损坏"),
    ],
)
def test_refuses_files_that_are_not_xlsx(tmp_path: Path, name: str, data: bytes, part: str) -> None:
    path = _write_bytes(tmp_path, name, data)
    with pytest.raises(WorkbookError) as excinfo:
        read_table(path, FIELDS)
    assert part in excinfo.value.message
    assert name in excinfo.value.message


def test_refuses_other_office_zip_files(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(WorkbookError, match="Word 文档"):
        read_table(path, FIELDS)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match="找不到文件"):
        read_table(tmp_path / "nope.xlsx", FIELDS)


def test_xlsx_with_wrong_extension_is_still_read(make_xlsx) -> None:
    path = make_xlsx([HEADERS, GOOD], name="名单.xls")
    assert read_table(path, FIELDS).total_rows == 1


def test_size_limit(make_xlsx) -> None:
    path = make_xlsx([HEADERS, GOOD])
    size = path.stat().st_size
    assert read_table(path, FIELDS, max_bytes=size).total_rows == 1
    with pytest.raises(WorkbookError, match="超过导入上限"):
        read_table(path, FIELDS, max_bytes=size - 1)


def test_zip_bomb_refused(make_xlsx, rewrite_part) -> None:
    path = make_xlsx([HEADERS, GOOD])
    rewrite_part(
        path, "xl/worksheets/sheet1.xml", lambda xml: xml + "<!--" + " " * 3_000_000 + "-->"
    )
    assert path.stat().st_size < 100_000
    with pytest.raises(WorkbookError, match="解压后"):
        read_table(path, FIELDS, max_bytes=100_000)


def test_row_limit(make_xlsx) -> None:
    path = make_xlsx([HEADERS] + [GOOD] * 5 + [[]] * 3)
    assert read_table(path, FIELDS, max_rows=5).total_rows == 5
    with pytest.raises(WorkbookError, match="超过4行"):
        read_table(path, FIELDS, max_rows=4)


def test_external_entities_are_not_expanded(make_xlsx, rewrite_part, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = make_xlsx([HEADERS, GOOD])

    def inject(xml: str) -> str:
        doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        xml = xml.replace("?>", "?>" + doctype, 1) if xml.startswith("<?xml") else doctype + xml
        return xml.replace("<t>张三</t>", "<t>&xxe;</t>", 1)

    rewrite_part(path, "xl/worksheets/sheet1.xml", inject)
    # defusedxml refuses the entity declaration, so the file is refused as a whole.
    with pytest.raises(WorkbookError, match="无法读取") as excinfo:
        read_table(path, FIELDS)
    chain, exc = [], excinfo.value
    while exc is not None:
        chain.append(type(exc).__name__)
        exc = exc.__cause__ or exc.__context__
    assert "EntitiesForbidden" in chain
    assert "TOP-SECRET" not in excinfo.value.message


def test_progress_is_reported(make_xlsx) -> None:
    calls: list[tuple[int, int]] = []
    path = make_xlsx([HEADERS] + [GOOD] * 1200)
    read_table(path, FIELDS, progress=lambda done, total: calls.append((done, total)))
    assert [done for done, _ in calls] == [500, 1000, 1200]
    assert calls[-1] == (1200, 1200)
    assert all(total >= done for done, total in calls)


# ----------------------------------------------------------------------------- header helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("姓名", "姓名"),
        (" 姓 名 ", "姓名"),
        ("*身份证号（必填）", "身份证号"),
        ("身份证号(18位)：", "身份证号"),
        ("入会日期【格式：2024-03-05】", "入会日期"),
        ("手机\n号码", "手机号码"),
        ("ＩＤ", "id"),
        (None, ""),
    ],
)
def test_normalize_header(raw: object, expected: str) -> None:
    assert normalize_header(raw) == expected


def test_detect_mapping_prefers_own_header_over_synonym_and_each_column_once() -> None:
    fields = [
        Field("mobile", "手机号码", synonyms=("电话",)),
        Field("tel", "电话"),
        Field("name", "姓名"),
    ]
    assert detect_mapping(["电话", "手机号码", "姓名", "姓名"], fields) == {
        "mobile": 2,
        "tel": 1,
        "name": 3,
    }
    assert detect_mapping(["电话", "", None], fields) == {"tel": 1}
    assert detect_mapping([], fields) == {}
