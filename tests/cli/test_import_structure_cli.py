"""`members import` against the structure of real files: sheets, footer rows, merged cells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from guilin_union.cli import main
from guilin_union.services.members import branches
from guilin_union.storage import open_database

HEAD = ["序号", "姓名", "分工会", "兴趣爱好"]


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    db.conn.close()
    return path


def run(dbfile, *args):
    return main(["--db", str(dbfile), *map(str, args)])


def names(dbfile) -> list[str]:
    db = open_database(dbfile)
    try:
        return [r[0] for r in db.execute("SELECT name FROM intake_applications ORDER BY id")]
    finally:
        db.conn.close()


def book(path: Path, sheets: dict[str, list[list[object]]], *, hidden=(), merge=()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title in hidden:
            ws.sheet_state = "hidden"
        for ref in merge:
            ws.merge_cells(ref)
    wb.save(path)
    return path


def people(*who: str, branch: str = "文学院分工会") -> list[list[object]]:
    return [[i, n, branch, "读书"] for i, n in enumerate(who, start=1)]


def test_hidden_earlier_roster_imports_exactly_the_visible_people(dbfile, tmp_path, capsys):
    path = book(
        tmp_path / "a.xlsx",
        {"2023年名单": [HEAD, *people("旧甲", "旧乙")], "名单": [HEAD, *people("新甲", "新乙")]},
        hidden=["2023年名单"],
    )
    assert run(dbfile, "members", "import", path, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 2 and data["sheets"] == ["名单"]
    assert data["ignored_columns"] == ["兴趣爱好"]
    assert names(dbfile) == ["新甲", "新乙"]


def test_two_visible_data_sheets_never_import_just_one(dbfile, tmp_path, capsys):
    path = book(
        tmp_path / "b.xlsx",
        {"教学单位": [HEAD, *people("甲", "乙")], "管理及教辅单位": [HEAD, *people("丙")]},
    )
    assert run(dbfile, "members", "import", path, "--dry-run") == 1
    err = capsys.readouterr().err
    assert "教学单位" in err and "管理及教辅单位" in err and "--all-sheets" in err
    assert names(dbfile) == []
    assert run(dbfile, "members", "import", path, "--sheet", "管理及教辅单位", "--json") == 0
    assert json.loads(capsys.readouterr().out)["sheets"] == ["管理及教辅单位"]
    assert names(dbfile) == ["丙"]


def test_all_sheets_and_repeated_sheet(dbfile, tmp_path, capsys):
    path = book(
        tmp_path / "c.xlsx",
        {"教学单位": [HEAD, *people("甲", "乙")], "管理及教辅单位": [HEAD, *people("丙")]},
    )
    assert run(dbfile, "members", "import", path, "--all-sheets", "--dry-run", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 3 and data["sheets"] == ["教学单位", "管理及教辅单位"]
    assert (
        run(dbfile, "members", "import", path, "--sheet", "教学单位", "--sheet", "管理及教辅单位")
        == 0
    )
    assert names(dbfile) == ["甲", "乙", "丙"]


def test_totals_and_signature_rows_are_listed_not_imported(dbfile, tmp_path, capsys):
    rows = [
        ["2024年新进教职工名单"],
        HEAD,
        *people("甲", "乙"),
        ["合计", "6人"],
        ["制表人：王五", "", "审核人：赵六"],
    ]
    path = book(tmp_path / "d.xlsx", {"Sheet1": rows})
    assert run(dbfile, "members", "import", path, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 2
    assert [(r["row"], r["reason"]) for r in data["ignored_rows"]] == [
        (5, "合计行"),
        (6, "签名、日期行"),
    ]
    assert names(dbfile) == ["甲", "乙"]
    assert run(dbfile, "members", "import", path, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "已忽略第 5 行（合计行）" in out


def test_branch_merged_over_groups_imports_every_row(dbfile, tmp_path, capsys):
    rows = [
        HEAD,
        [1, "甲", "文学院分工会", ""],
        [2, "乙", None, ""],
        [3, "丙", None, ""],
        [4, "丁", "机关分工会", ""],
        [5, "戊", None, ""],
    ]
    path = book(tmp_path / "e.xlsx", {"Sheet1": rows}, merge=["C2:C4", "C5:C6"])
    assert run(dbfile, "members", "import", path, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 5
    assert "C2:C4" in data["file_notes"][0] and "已把合并的值填入" in data["file_notes"][0]
    db = open_database(dbfile)
    try:
        got = db.execute(
            "SELECT a.name, b.name FROM intake_applications a JOIN branches b"
            " ON b.id = a.branch_id ORDER BY a.id"
        ).fetchall()
    finally:
        db.conn.close()
    assert [tuple(r) for r in got] == [
        ("甲", "文学院分工会"),
        ("乙", "文学院分工会"),
        ("丙", "文学院分工会"),
        ("丁", "机关分工会"),
        ("戊", "机关分工会"),
    ]


def test_every_problem_of_a_row_at_once(dbfile, tmp_path, capsys):
    rows = [["姓名", "分工会", "出生日期"], ["", "不存在分工会", "2024-13-40"]]
    path = book(tmp_path / "f.xlsx", {"Sheet1": rows})
    assert run(dbfile, "members", "import", path, "--json") == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert sorted(e["column"] for e in errors) == ["出生日期", "分工会", "姓名"]
