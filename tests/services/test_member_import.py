"""Every "must handle" / "must refuse" case of issue 3, each with a workbook built here."""

from __future__ import annotations

import datetime as dt

import pytest

from guilin_union.services import intake, members, settings
from guilin_union.services.members import importer as member_import
from guilin_union.spreadsheets.errors import WorkbookError
from tests.intake_fixtures import (
    HEADERS,
    add_member,
    id_with_x,
    person_row,
    resident_id,
    write_book,
)


def _count(db, table):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _errors(outcome):
    return [(e.row, e.column, e.message) for e in outcome.errors]


def _apps(db):
    return intake.list_applications(db, masked=False)


# ---------------------------------------------------------------- must handle


def test_merged_title_blank_rows_and_trailing_formatted_rows(branch_db, tmp_path):
    a, b = resident_id(seq=1), resident_id(seq=2, gender="女")
    path = write_book(
        tmp_path / "f.xlsx",
        [person_row(a, "张三"), None, None, person_row(b, "李四")],
        title="2024年新进教职工名单",
    )
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    for r in range(10, 60):  # formatted but empty rows at the end
        ws.cell(row=r, column=3).number_format = "@"
        ws.cell(row=r, column=1).value = "  "
    wb.save(path)
    outcome = member_import.import_file(branch_db, path)
    assert outcome.errors == []
    assert outcome.to_json() == {"imported": 2, "skipped": 0, "updated": 0}
    assert [r["name"] for r in _apps(branch_db)] == ["张三", "李四"]
    assert all(r["state"] == "待分工会审核" for r in _apps(branch_db))


@pytest.mark.parametrize(
    "hire, expected",
    [
        (dt.date(2024, 3, 5), "2024-03-05"),
        (dt.datetime(2024, 3, 5, 0, 0), "2024-03-05"),
        (45356, "2024-03-05"),  # a serial number in a date column
        ("2024-3-5", "2024-03-05"),
        ("2024/03/05", "2024-03-05"),
        ("2024年3月5日", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("２０２４－０３－０５", "2024-03-05"),
        (" 2024-03-05 ", "2024-03-05"),
    ],
)
def test_dates_in_every_accepted_form(branch_db, tmp_path, hire, expected):
    path = write_book(tmp_path / "d.xlsx", [person_row(resident_id(), hire=hire)])
    outcome = member_import.import_file(branch_db, path)
    assert outcome.errors == []
    assert _apps(branch_db)[0]["hire_date"] == expected


def test_1904_date_system(branch_db, tmp_path):
    # Row 2: a real date cell (stored as a 1904-based serial); row 3: the bare serial 43894,
    # which is 2024-03-05 in the 1904 system (and 2020-03-04 in the 1900 one).
    rows = [
        person_row(resident_id(seq=1), "甲", hire=dt.date(2024, 3, 5)),
        person_row(resident_id(seq=2), "乙", phone="13900000000", hire=43894),
    ]
    path = write_book(tmp_path / "mac.xlsx", rows, epoch1904=True)
    from openpyxl import load_workbook

    assert load_workbook(path).epoch.year == 1904
    outcome = member_import.import_file(branch_db, path)
    assert outcome.errors == []
    assert [r["hire_date"] for r in _apps(branch_db)] == ["2024-03-05", "2024-03-05"]


def test_full_width_digits_spaces_and_lower_case_x(branch_db, tmp_path):
    with_x = id_with_x()
    full = with_x[:17].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "x"
    row = person_row(
        f"  {full} ", " 王　小明 ", phone="１３９ ００００ １１１１", branch=" 机关分工会 "
    )
    path = write_book(tmp_path / "w.xlsx", [row])
    outcome = member_import.import_file(branch_db, path)
    assert outcome.errors == []
    app = _apps(branch_db)[0]
    assert (app["name"], app["id_number"], app["phone"], app["branch"]) == (
        "王小明",
        with_x,
        "13900001111",
        "机关分工会",
    )
    assert app["birth_date"] == "1988-05-20"


def test_header_synonyms(branch_db, tmp_path):
    headers = ["职工姓名", "公民身份号码", "联系电话", "部门工会", "用工性质", "入校时间"]
    row = ["赵六", resident_id(seq=9), "13800001111", "文学院分工会", "合同制", "2023-07-01"]
    path = write_book(tmp_path / "s.xlsx", [row], headers=headers, text_columns=(2, 3))
    outcome = member_import.import_file(branch_db, path)
    assert outcome.errors == []
    app = _apps(branch_db)[0]
    assert (app["employment_type"], app["hire_date"], app["phone"]) == (
        "合同",
        "2023-07-01",
        "13800001111",
    )


# ---------------------------------------------------------------- must refuse, per row


def test_id_and_phone_stored_as_numbers(branch_db, tmp_path):
    number = resident_id()
    path = write_book(
        tmp_path / "n.xlsx",
        [person_row(int(number[:15]) * 1000, phone=13812345678)],
        text_columns=(),
    )
    outcome = member_import.import_file(branch_db, path)
    errs = _errors(outcome)
    assert [(r, c) for r, c, _m in errs] == [(2, "身份证号"), (2, "手机")]
    assert "文本" in errs[0][2] and "数字格式" in errs[0][2]
    assert "文本" in errs[1][2]
    assert outcome.errors[0].value == str(int(number[:15]) * 1000)
    assert _count(branch_db, "intake_applications") == 0


def test_bad_check_digit_and_impossible_birth_date(branch_db, tmp_path):
    good = resident_id()
    bad_check = good[:17] + ("0" if good[17] != "0" else "1")
    bad_birth = "450302" + "19900230" + "1234"
    path = write_book(
        tmp_path / "b.xlsx",
        [person_row(bad_check, "甲"), person_row(bad_birth, "乙", phone="13900000000")],
    )
    outcome = member_import.import_file(branch_db, path)
    errs = _errors(outcome)
    assert [(r, c) for r, c, _ in errs] == [(2, "身份证号"), (3, "身份证号")]
    assert "校验位错误" in errs[0][2]
    assert "19900230不存在" in errs[1][2]
    assert _count(branch_db, "intake_applications") == 0


def test_unknown_branch_suggests_closest(branch_db, tmp_path):
    path = write_book(tmp_path / "u.xlsx", [person_row(resident_id(), branch="文学院")])
    outcome = member_import.import_file(branch_db, path)
    assert _errors(outcome) == [(2, "分工会", "分工会“文学院”不存在，是否应为：文学院分工会？")]


def test_duplicate_id_inside_the_file(branch_db, tmp_path):
    a = resident_id()
    path = write_book(
        tmp_path / "dup.xlsx",
        [person_row(a, "甲"), person_row(resident_id(seq=3), "乙"), person_row(a.lower(), "丙")],
    )
    outcome = member_import.import_file(branch_db, path)
    assert _errors(outcome) == [(4, "身份证号", "与第2行的证件号码重复")]
    assert _count(branch_db, "intake_applications") == 0


def test_id_already_in_register_error_skip_update(branch_db, tmp_path):
    a, b = resident_id(), resident_id(seq=4, gender="女")
    existing = add_member(
        branch_db, name="张三", id_number=a, member_no="2010010001", department="旧部门"
    )
    path = write_book(tmp_path / "r.xlsx", [person_row(a, "张三"), person_row(b, "李四")])
    outcome = member_import.import_file(branch_db, path)
    assert len(outcome.errors) == 1
    row, column, message = _errors(outcome)[0]
    assert (row, column) == (2, "身份证号")
    assert "已在会员名册中（会员“张三”，会员编号2010010001）" in message and "跳过" in message
    assert _count(branch_db, "intake_applications") == 0

    skipped = member_import.import_file(branch_db, path, on_duplicate="skip", backup=False)
    assert skipped.to_json() == {"imported": 1, "skipped": 1, "updated": 0}
    assert members.get_member(branch_db, existing).department == "旧部门"

    branch_db.execute("DELETE FROM intake_applications")
    updated = member_import.import_file(branch_db, path, on_duplicate="update", backup=False)
    assert updated.to_json() == {"imported": 1, "skipped": 0, "updated": 1}
    record = members.get_member(branch_db, existing)
    assert (record.department, record.phone, record.member_no) == (
        "汉语言文学系",
        "13812345678",
        "2010010001",
    )


def test_formula_cell(branch_db, tmp_path):
    row = person_row(resident_id())
    row[6] = '=CONCATENATE("汉语","言文学系")'
    path = write_book(tmp_path / "fx.xlsx", [row])
    outcome = member_import.import_file(branch_db, path)
    assert [(r, c) for r, c, _ in _errors(outcome)] == [(2, "部门")]
    assert "公式" in outcome.errors[0].message


def test_gender_contradicting_id_and_bad_phone(branch_db, tmp_path):
    row = person_row(resident_id(gender="男"), phone="12345")
    row[1] = "女"
    path = write_book(tmp_path / "g.xlsx", [row])
    outcome = member_import.import_file(branch_db, path)
    assert [(r, c) for r, c, _ in _errors(outcome)] == [(2, "性别"), (2, "手机")]


def test_errors_in_many_rows_nothing_written_and_error_file(branch_db, tmp_path):
    from openpyxl import load_workbook

    from guilin_union.spreadsheets.writer import write_errors

    rows = [person_row(resident_id(seq=i), f"人{i}", phone=f"1380000{i:04d}") for i in range(1, 30)]
    rows[10][5] = "不存在分工会"
    path = write_book(tmp_path / "many.xlsx", rows)
    outcome = member_import.import_file(branch_db, path)
    assert [e.row for e in outcome.errors] == [12]
    assert _count(branch_db, "intake_applications") == 0
    assert (
        _count(branch_db, "change_log")
        == branch_db.execute(
            "SELECT count(*) FROM change_log WHERE table_name <> 'intake_applications'"
        ).fetchone()[0]
    )
    out = write_errors(tmp_path / "errors.xlsx", outcome.errors, source_name="many.xlsx")
    sheet = load_workbook(out).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[1] == ["行号", "列", "值", "错误说明"]
    assert values[2][0] == 12 and "不存在" in values[2][3]


# ---------------------------------------------------------------- whole-file refusals


def test_not_an_xlsx(branch_db, tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("姓名,身份证号\n张三,450302199003071255\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="不是 .xlsx"):
        member_import.import_file(branch_db, path)


def test_password_protected(branch_db, tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(WorkbookError, match="密码"):
        member_import.import_file(branch_db, path)


def test_size_and_row_limits_are_settings(branch_db, tmp_path):
    path = write_book(
        tmp_path / "big.xlsx",
        [person_row(resident_id(seq=i), f"人{i}", phone=f"1390000{i:04d}") for i in range(1, 6)],
    )
    settings.set_many(branch_db, {"import_max_rows": 3})
    with pytest.raises(WorkbookError, match="上限"):
        member_import.import_file(branch_db, path)
    settings.set_many(branch_db, {"import_max_rows": 20000, "import_max_megabytes": 0.001})
    with pytest.raises(WorkbookError, match="超过导入上限"):
        member_import.import_file(branch_db, path)
    assert _count(branch_db, "intake_applications") == 0


def test_no_recognisable_header(branch_db, tmp_path):
    path = write_book(tmp_path / "h.xlsx", [["a", "b", "c"]], headers=["列1", "列2", "列3"])
    with pytest.raises(WorkbookError, match="没有找到表头"):
        member_import.import_file(branch_db, path)


# ---------------------------------------------------------------- applications vs members, dry run


def test_import_as_members_issues_numbers_and_dues_start(branch_db, tmp_path):
    headers = [*HEADERS, "入会日期", "工资基数"]
    rows = [
        person_row(resident_id(seq=1), "甲") + ["2023-03-15", "5678.9"],
        person_row(resident_id(seq=2), "乙", phone="13900000000") + ["2023-04-01", None],
    ]
    path = write_book(tmp_path / "m.xlsx", rows, headers=headers)
    outcome = member_import.import_file(branch_db, path, as_="members")
    assert outcome.to_json() == {"imported": 2, "skipped": 0, "updated": 0}
    rows = members.list_members(branch_db)
    code = branch_db.execute("SELECT code FROM branches WHERE name = '文学院分工会'").fetchone()[0]
    assert sorted(r["member_no"] for r in rows) == [f"2023{code}0001", f"2023{code}0002"]
    dues = branch_db.execute(
        "SELECT salary_base_fen, dues_start_month FROM member_dues ORDER BY member_id"
    ).fetchall()
    assert dues == [(567890, "2023-03"), (None, "2023-04")]
    assert _count(branch_db, "member_numbers_issued") == 2
    logged = branch_db.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'members' AND action = 'insert'"
    ).fetchone()[0]
    assert logged == 2


def test_dry_run_writes_nothing(branch_db, tmp_path):
    path = write_book(tmp_path / "dry.xlsx", [person_row(resident_id())])
    outcome = member_import.import_file(branch_db, path, dry_run=True)
    assert outcome.to_json() == {"imported": 1, "skipped": 0, "updated": 0, "dry_run": True}
    assert _count(branch_db, "intake_applications") == 0


def test_member_no_refused_for_applications(branch_db, tmp_path):
    headers = [*HEADERS, "会员编号"]
    path = write_book(
        tmp_path / "no.xlsx", [person_row(resident_id()) + ["2024010001"]], headers=headers
    )
    outcome = member_import.import_file(branch_db, path)
    assert _errors(outcome)[0][:2] == (2, "会员编号")


def test_open_application_counts_as_duplicate(branch_db, tmp_path):
    a = resident_id()
    path = write_book(tmp_path / "o.xlsx", [person_row(a)])
    assert member_import.import_file(branch_db, path, backup=False).ok
    again = member_import.import_file(branch_db, path, backup=False)
    assert "入会申请" in again.errors[0].message
    assert (
        member_import.import_file(branch_db, path, on_duplicate="skip", backup=False).skipped == 1
    )
