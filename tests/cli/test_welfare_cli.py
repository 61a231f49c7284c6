"""The welfare commands: JSON contracts and exit codes."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from guilin_union.cli import main
from guilin_union.storage import open_database
from tests.welfare_fixtures import add_member, retire, setup


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    setup(db)
    add_member(db, "张三", staff_no="T001")
    add_member(db, "李四", staff_no="T002", branch="机关分工会")
    retire(db, add_member(db, "王五", staff_no="T003"), "2020-07-01")
    db.conn.close()
    return path


def run(dbfile, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(dbfile), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_standards_json(dbfile, capsys):
    code, out, _ = run(dbfile, capsys, "welfare", "standards", "--year", "2024", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 11
    wedding = next(s for s in data if s["type"] == "结婚")
    assert wedding["cap_fen"] == 60000 and wedding["cap"] == "600.00" and wedding["is_example"]
    code, out, _ = run(
        dbfile, capsys, "welfare", "standards", "--year", "2025", "--copy-from", "2024", "--json"
    )
    assert code == 0 and len(json.loads(out)) == 11
    code, _, err = run(
        dbfile, capsys, "welfare", "standards", "--year", "2025", "--copy-from", "2024"
    )
    assert code == 1 and "已有" in err


def test_batch_dry_run_json_contract(dbfile, capsys):
    code, out, _ = run(
        dbfile,
        capsys,
        "welfare",
        "batch",
        "--festival",
        "春节",
        "--year",
        "2024",
        "--amount",
        "300.00",
        "--date",
        "2024-02-05",
        "--dry-run",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["batch_id"] is None
    assert [x["name"] for x in data["eligible"]] == ["张三", "李四"]
    assert all(x["amount_fen"] == 30000 for x in data["eligible"])
    assert data["excluded"] == [
        {
            "member_id": 3,
            "name": "王五",
            "branch": "文学院分工会",
            "reason": "保留会籍（退休），本次发放范围不含保留会籍会员",
        }
    ]
    assert data["total_fen"] == 60000 and data["total"] == "600.00"
    code, out, _ = run(dbfile, capsys, "welfare", "list", "--json")
    assert json.loads(out) == []


def test_batch_create_roster_and_reverse(dbfile, capsys, tmp_path):
    code, out, _ = run(
        dbfile,
        capsys,
        "welfare",
        "batch",
        "--festival",
        "中秋节",
        "--year",
        "2024",
        "--goods",
        "月饼一盒",
        "--value",
        "200",
        "--branch",
        "文学院分工会",
        "--include-retired",
        "--date",
        "2024-09-17",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["batch_id"] == 1
    assert {x["name"] for x in data["eligible"]} == {"张三", "王五"} and data["total_fen"] == 40000
    code, out, _ = run(
        dbfile, capsys, "welfare", "list", "--year", "2024", "--type", "节日慰问", "--json"
    )
    rows = json.loads(out)
    assert [r["goods"] for r in rows] == ["月饼一盒", "月饼一盒"] and rows[0]["batch_id"] == 1
    pdf = tmp_path / "签领表.pdf"
    code, out, _ = run(dbfile, capsys, "report", "welfare-roster", "--batch", "1", "-o", str(pdf))
    assert code == 0 and pdf.exists()
    text = (
        "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
        .replace(" ", "")
        .replace("\n", "")
    )
    assert "400.00元（大写：肆佰元整）" in text
    code, out, _ = run(dbfile, capsys, "welfare", "reverse-batch", "1", "--reason", "重复")
    assert code == 0
    code, out, _ = run(dbfile, capsys, "welfare", "list", "--json")
    assert json.loads(out) == []


def test_batch_usage_errors(dbfile, capsys):
    with pytest.raises(SystemExit) as info:
        main(
            [
                "--db",
                str(dbfile),
                "welfare",
                "batch",
                "--festival",
                "春节",
                "--year",
                "2024",
                "--amount",
                "300",
                "--goods",
                "米",
            ]
        )
    assert info.value.code == 2
    code, _, err = run(
        dbfile, capsys, "welfare", "batch", "--festival", "春节", "--year", "2024", "--goods", "米"
    )
    assert code == 1 and "--value" in err
    code, _, err = run(
        dbfile,
        capsys,
        "welfare",
        "batch",
        "--festival",
        "春节",
        "--year",
        "2024",
        "--amount",
        "300",
        "--branch",
        "文学院",
    )
    assert code == 1 and "文学院分工会" in err


def test_batch_over_cap_exit_1_unless_accepted(dbfile, capsys):
    run(dbfile, capsys, "welfare", "standards", "--year", "2024")
    from guilin_union.services.welfare import standards as ws

    db = open_database(dbfile)
    ws.save_standard(
        db,
        {
            "year": 2024,
            "type": "节日慰问",
            "cap_fen": 50000,
            "rule_kind": "每年限额",
            "yearly_cap_fen": 150000,
            "form": "现金或实物",
        },
    )
    db.conn.close()
    args = (
        "welfare",
        "batch",
        "--festival",
        "春节",
        "--year",
        "2024",
        "--amount",
        "600",
        "--date",
        "2024-02-05",
    )
    code, _, err = run(dbfile, capsys, *args)
    assert code == 1 and "单次上限" in err
    code, out, _ = run(dbfile, capsys, *args, "--accept-warnings", "会议决定", "--json")
    assert code == 0 and json.loads(out)["batch_id"] == 1


def workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "工号", "慰问类型", "慰问日期", "金额"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_json_and_exit_codes(dbfile, capsys, tmp_path):
    good = workbook(tmp_path / "good.xlsx", [["张三", "T001", "结婚", "2024-05-01", "600"]])
    code, out, _ = run(dbfile, capsys, "welfare", "import", str(good), "--dry-run", "--json")
    assert code == 0 and json.loads(out) == {
        "imported": 1,
        "skipped": 0,
        "updated": 0,
        "dry_run": True,
    }
    bad = workbook(tmp_path / "bad.xlsx", [["李四", "T002", "结婚", "2024-05-01", "600.01"]])
    code, out, _ = run(dbfile, capsys, "welfare", "import", str(bad), "--json")
    errors = json.loads(out)["errors"]
    assert code == 1 and errors[0]["row"] == 2 and errors[0]["column"] == "金额"
    assert set(errors[0]) == {"row", "column", "value", "message"}
    code, out, _ = run(
        dbfile, capsys, "welfare", "import", str(bad), "--json", "--accept-warnings", "特批"
    )
    assert code == 0 and json.loads(out) == {"imported": 1, "skipped": 0, "updated": 0}
    code, out, _ = run(dbfile, capsys, "welfare", "list", "--json")
    rows = json.loads(out)
    assert rows[0]["flagged"] and rows[0]["warnings"][0]["override_reason"] == "特批"
    code, out, _ = run(dbfile, capsys, "welfare", "list", "--type", "不存在")
    assert code == 1


def test_roster_by_year_and_type_and_stats(dbfile, capsys, tmp_path):
    good = workbook(
        tmp_path / "good.xlsx",
        [
            ["张三", "T001", "生病住院", "2024-05-01", "800"],
            ["李四", "T002", "结婚", "2024-05-03", "600"],
        ],
    )
    assert run(dbfile, capsys, "welfare", "import", str(good))[0] == 0
    pdf = tmp_path / "住院.pdf"
    code, _, _ = run(
        dbfile,
        capsys,
        "report",
        "welfare-roster",
        "--year",
        "2024",
        "--type",
        "生病住院",
        "-o",
        str(pdf),
        "--excel",
        str(tmp_path / "住院.xlsx"),
    )
    assert code == 0 and (tmp_path / "住院.xlsx").exists()
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "张三" in text and "李四" not in text
    stats = tmp_path / "统计.pdf"
    code, _, _ = run(dbfile, capsys, "report", "welfare-stats", "--year", "2024", "-o", str(stats))
    text = (
        "".join(p.extract_text() for p in PdfReader(str(stats)).pages)
        .replace("\n", "")
        .replace(" ", "")
    )
    assert code == 0 and "1,400.00元" in text
    code, out, _ = run(dbfile, capsys, "report", "list")
    assert "welfare-roster" in out and "welfare-stats" in out
