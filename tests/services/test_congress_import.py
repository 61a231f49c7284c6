"""Excel import of delegates and sign-in: matched by ID/工号, all or nothing."""

from __future__ import annotations

from openpyxl import Workbook

from guilin_union.services.congress import delegates
from guilin_union.services.congress.attendance import attendance_summary
from guilin_union.services.congress.importer import (
    AttendanceImporter,
    DelegateImporter,
    write_attendance_template,
    write_delegate_template,
)
from guilin_union.services.import_common import run_import
from guilin_union.spreadsheets.reader import read_table
from tests.congress_fixtures import make_congress


def _xlsx(path, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["教代会代表名单"])  # a title row above the header, as people make them
    ws.append(header)
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.number_format = "@"
    wb.save(path)
    return path


def _member(db, member_id):
    return db.execute(
        "SELECT name, id_number, staff_no FROM members WHERE id = ?", [member_id]
    ).fetchone()


def test_delegate_import_adds_updates_and_sets_heads(db, tmp_path):
    c = make_congress(db, formal=2, attending=0, special=0, spare=3)
    spare = [_member(db, m) for m in c.spare]
    zhao = _member(db, c.members["赵一"])
    path = _xlsx(
        tmp_path / "代表.xlsx",
        ["序号", "姓名", "身份证号码", "工号", "代表类型", "类别", "代表团", "是否团长"],
        [
            [1, spare[0][0], spare[0][1], None, "正式代表", "教师", "文学院代表团", "是"],
            [2, spare[1][0], None, spare[1][2], "列席代表", None, None, "否"],
            [
                3,
                zhao[0],
                zhao[1],
                None,
                "正式代表",
                "管理",
                None,
                None,
            ],  # existing: category changes
        ],
    )
    outcome = run_import(db, path, DelegateImporter(c.term_id))
    assert outcome.ok, outcome.errors
    assert (outcome.imported, outcome.updated) == (2, 1)
    rows = {r["name"]: r for r in delegates.list_term_delegates(db, c.term_id)}
    assert rows[spare[0][0]]["is_head"] == 1 and rows[spare[1][0]]["delegate_type"] == "列席代表"
    assert rows[spare[1][0]]["delegation"] == "机关代表团"  # default from the 分工会
    assert rows["赵一"]["category"] == "管理"


def test_delegate_import_reports_every_bad_row_and_writes_nothing(db, tmp_path):
    c = make_congress(db, formal=1, attending=0, special=0, spare=2)
    a, b = (_member(db, m) for m in c.spare)
    zhao = _member(db, c.members["赵一"])
    path = _xlsx(
        tmp_path / "bad.xlsx",
        ["姓名", "身份证号", "工号", "代表团", "类别"],
        [
            [a[0], a[1], None, "文学院代表团", "教师"],  # fine on its own
            ["张冒名", b[1], None, None, None],  # name does not match the ID
            [a[0], None, a[2], None, None],  # same person twice
            ["无此人", "110101199003074514", None, None, None],  # unknown ID
            [b[0], None, b[2], "不存在代表团", None],  # unknown delegation
            [b[0], None, None, None, None],  # neither ID nor 工号
            [zhao[0], None, zhao[2], None, "学生"],  # bad category
        ],
    )
    outcome = run_import(db, path, DelegateImporter(c.term_id))
    messages = {e.row: e.message for e in outcome.errors}
    assert set(messages) == {4, 5, 6, 7, 8, 9}
    assert (
        "在名册中是" in messages[4]
        and "第 3 行" in messages[5]
        and "没有这个身份证号" in messages[6]
    )
    assert "代表团" in messages[7] and "身份证号或工号" in messages[8] and "类别应为" in messages[9]
    assert len(delegates.list_term_delegates(db, c.term_id)) == 1  # nothing written
    assert outcome.to_json()["errors"][0]["row"] == 4


def test_delegate_template_reads_back(tmp_path):
    path = write_delegate_template(tmp_path / "模板.xlsx")
    read = read_table(path, DelegateImporter(1).fields)
    assert (
        read.rows[0].values["name"] == "张三" and read.rows[0].values["delegate_type"] == "正式代表"
    )


def test_attendance_import_and_template(db, tmp_path):
    c = make_congress(db, formal=3, attending=1, special=0, spare=1)
    template = write_attendance_template(db, c.session_id, tmp_path / "签到模板.xlsx")
    read = read_table(template, AttendanceImporter(c.session_id).fields)
    assert len(read.errors) == 4  # 签到情况 is required: the empty template is not importable as is
    path = _xlsx(
        tmp_path / "签到.xlsx",
        ["姓名", "工号", "签到情况", "备注"],
        [
            ["赵一", None, "出席", None],
            ["钱二", None, "请假", "出差"],
            ["孙三", None, "出席", None],
        ],
    )
    outcome = run_import(db, path, AttendanceImporter(c.session_id))
    assert outcome.ok and outcome.imported == 3
    summary = attendance_summary(db, c.session_id)
    assert (summary.present, summary.on_leave, summary.quorum_met) == (2, 1, True)
    spare_name = _member(db, c.spare[0])[0]
    bad = _xlsx(tmp_path / "签到2.xlsx", ["姓名", "签到情况"], [[spare_name, "出席"]])
    outcome = run_import(db, bad, AttendanceImporter(c.session_id))
    assert "不是本届代表" in outcome.errors[0].message
