"""Importing payments: all-or-nothing, rule violations as row errors unless accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from guilin_union.services import welfare
from guilin_union.services.import_common import run_import
from guilin_union.services.welfare.importer import WelfareImporter, write_template
from tests.welfare_fixtures import add_member, setup

HEADER = ["姓名", "工号", "慰问类型", "事项", "慰问日期", "金额（元）", "事由", "经手人"]


def workbook(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["文学院分工会慰问名单"])  # a title row above the header
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def wdb(db):
    setup(db)
    add_member(db, "张三", staff_no="T001")
    add_member(db, "李四", staff_no="T002", branch="机关分工会")
    return db


def test_clean_file_imports_everything(tmp_path, wdb):
    path = workbook(
        tmp_path / "a.xlsx",
        [
            ["张三", "T001", "结婚", "", "2024-05-01", "600", "新婚", "黄秘书"],
            ["李四", "t002", "生病住院", "", "2024/6/3", 800.5, "住院", "黄秘书"],
        ],
    )
    outcome = run_import(wdb, path, WelfareImporter())
    assert outcome.to_json() == {"imported": 2, "skipped": 0, "updated": 0}
    rows = welfare.list_payments(wdb, welfare.PaymentQuery(sort_key="date", descending=False))
    assert [(r["name"], r["amount_fen"], r["pay_date"]) for r in rows] == [
        ("张三", 60000, "2024-05-01"),
        ("李四", 80050, "2024-06-03"),
    ]


def test_rule_violation_is_a_row_error_and_nothing_is_written(tmp_path, wdb):
    path = workbook(
        tmp_path / "b.xlsx",
        [
            ["张三", "T001", "结婚", "", "2024-05-01", "600", "新婚", ""],
            ["李四", "T002", "结婚", "", "2024-05-01", "600.01", "新婚", ""],
        ],
    )
    outcome = run_import(wdb, path, WelfareImporter())
    errors = outcome.to_json()["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [(4, "金额（元）")]
    assert "单次上限" in errors[0]["message"] and errors[0]["value"] == "600.01"
    assert wdb.execute("SELECT count(*) FROM welfare_payments").fetchone()[0] == 0


def test_rows_of_one_file_count_for_each_other(tmp_path, wdb):
    path = workbook(
        tmp_path / "c.xlsx",
        [
            ["张三", "T001", "生病住院", "", "2024-02-01", "500", "", ""],
            ["张三", "T001", "生病住院", "", "2024-05-01", "500", "", ""],
            ["张三", "T001", "生病住院", "", "2024-09-01", "500", "", ""],
        ],
    )
    outcome = run_import(wdb, path, WelfareImporter())
    assert [e.row for e in outcome.errors] == [5]
    assert "第 3 次" in outcome.errors[0].message


def test_accept_warnings_imports_and_keeps_the_reason(tmp_path, wdb):
    path = workbook(
        tmp_path / "d.xlsx",
        [
            ["张三", "T001", "结婚", "", "2024-05-01", "700", "", ""],
            ["李四", "T002", "结婚", "", "2024-05-01", "600", "", ""],
        ],
    )
    outcome = run_import(wdb, path, WelfareImporter(accept_warnings="分工会补报，已核实"))
    assert outcome.imported == 2 and outcome.notes
    flagged = welfare.list_payments(wdb, welfare.PaymentQuery(flagged_only=True))
    assert [r["name"] for r in flagged] == ["张三"]
    assert (
        welfare.payment_warnings(wdb, flagged[0]["id"])[0]["override_reason"]
        == "分工会补报，已核实"
    )


def test_member_problems(tmp_path, wdb):
    add_member(wdb, "张三", branch="机关分工会")  # a second 张三
    path = workbook(
        tmp_path / "e.xlsx",
        [
            ["张三", "", "结婚", "", "2024-05-01", "600", "", ""],
            ["王五", "", "结婚", "", "2024-05-01", "600", "", ""],
            ["李四", "T001", "结婚", "", "2024-05-01", "600", "", ""],
            ["李四", "T999", "结婚", "", "2024-05-01", "600", "", ""],
            ["李四", "T002", "发红包", "", "2024-05-01", "600", "", ""],
        ],
    )
    outcome = run_import(wdb, path, WelfareImporter())
    messages = {e.row: e.message for e in outcome.errors}
    assert "2 名会员叫“张三”" in messages[3]
    assert "没有“王五”" in messages[4]
    assert messages[5] == "姓名与会员名册不符：工号“T001”在名册中是“张三”"
    assert "T999" in messages[6]
    assert "发红包" in messages[7]


def test_dry_run_writes_nothing(tmp_path, wdb):
    path = workbook(
        tmp_path / "f.xlsx", [["张三", "T001", "结婚", "", "2024-05-01", "600", "", ""]]
    )
    outcome = run_import(wdb, path, WelfareImporter(), dry_run=True)
    assert outcome.to_json() == {"imported": 1, "skipped": 0, "updated": 0, "dry_run": True}
    assert wdb.execute("SELECT count(*) FROM welfare_payments").fetchone()[0] == 0


def test_template_reads_back(tmp_path, wdb):
    path = write_template(tmp_path / "模板.xlsx")
    outcome = run_import(wdb, path, WelfareImporter(), dry_run=True)
    # The example row names a member who is not in this register: one clear error.
    assert outcome.errors and outcome.errors[0].row == 3


def test_names_padded_with_full_width_spaces_match(tmp_path, wdb):
    add_member(wdb, "彭松", staff_no="T003")
    path = workbook(
        tmp_path / "pad.xlsx",
        [
            ["彭\u3000松", "T003", "结婚", "", "2024-05-01", "600", "", ""],
            ["李\u3000四", "", "生病住院", "", "2024-05-02", "500", "", ""],
        ],
    )
    outcome = run_import(wdb, path, WelfareImporter())
    assert outcome.errors == [] and outcome.imported == 2
