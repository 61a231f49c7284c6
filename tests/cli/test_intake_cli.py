from __future__ import annotations

import json

import pytest

from guilin_union.cli import main
from guilin_union.services import intake
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from tests.intake_fixtures import person_row, resident_id, write_book


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


def _out(capsys):
    return json.loads(capsys.readouterr().out)


def _count(dbfile, table):
    db = open_database(dbfile)
    try:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        db.conn.close()


def test_import_success_json_contract(dbfile, tmp_path, capsys):
    path = write_book(
        tmp_path / "ok.xlsx",
        [
            person_row(resident_id(seq=1), "甲"),
            person_row(resident_id(seq=2), "乙", phone="13900000000"),
        ],
    )
    assert run(dbfile, "members", "import", path, "--json") == 0
    assert _out(capsys) == {"imported": 2, "skipped": 0, "updated": 0}
    assert _count(dbfile, "intake_applications") == 2


def test_import_row_error_json_contract(dbfile, tmp_path, capsys):
    good = resident_id()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    path = write_book(
        tmp_path / "bad.xlsx",
        [person_row(resident_id(seq=2), "甲"), person_row(bad, "乙")],
        title="新进人员名单",
    )
    assert (
        run(dbfile, "members", "import", path, "--json", "--errors-xlsx", tmp_path / "e.xlsx") == 1
    )
    data = _out(capsys)
    assert list(data) == ["errors"]
    from openpyxl import load_workbook

    saved = [[c.value for c in r] for r in load_workbook(tmp_path / "e.xlsx").active.iter_rows()]
    assert saved[2][0] == 4 and "校验位" in saved[2][3]
    assert data["errors"] == [
        {"row": 4, "column": "身份证号", "value": bad, "message": data["errors"][0]["message"]}
    ]
    assert "校验位" in data["errors"][0]["message"]
    assert _count(dbfile, "intake_applications") == 0


def test_import_duplicate_options_and_members_mode(dbfile, tmp_path, capsys):
    a = resident_id(seq=1)
    path = write_book(tmp_path / "m.xlsx", [person_row(a, "甲")])
    assert run(dbfile, "members", "import", path, "--as", "members", "--json") == 0
    assert _out(capsys)["imported"] == 1
    assert run(dbfile, "members", "import", path, "--as", "members", "--json") == 1
    assert "已在会员名册中" in _out(capsys)["errors"][0]["message"]
    assert run(dbfile, "members", "import", path, "--on-duplicate", "skip", "--json") == 0
    assert _out(capsys) == {"imported": 0, "skipped": 1, "updated": 0}
    assert run(dbfile, "members", "import", path, "--on-duplicate", "update", "--json") == 0
    assert _out(capsys) == {"imported": 0, "skipped": 0, "updated": 1}
    assert _count(dbfile, "members") == 1


def test_import_dry_run_and_text_output(dbfile, tmp_path, capsys):
    path = write_book(tmp_path / "d.xlsx", [person_row(resident_id())])
    assert run(dbfile, "members", "import", path, "--dry-run") == 0
    assert "试运行" in capsys.readouterr().out
    assert _count(dbfile, "intake_applications") == 0


def test_import_refuses_whole_file(dbfile, tmp_path, capsys):
    path = tmp_path / "x.xlsx"
    path.write_text("not excel", encoding="utf-8")
    assert run(dbfile, "members", "import", path, "--json") == 1
    captured = capsys.readouterr()
    assert "xlsx" in captured.err and captured.out == ""


def test_template_applications_approve(dbfile, tmp_path, capsys):
    from openpyxl import load_workbook

    assert run(dbfile, "members", "template", tmp_path / "会员导入模板.xlsx") == 0
    wb = load_workbook(tmp_path / "会员导入模板.xlsx")
    assert wb.sheetnames[:2] == ["会员信息", "填写说明"]
    capsys.readouterr()
    path = write_book(
        tmp_path / "a.xlsx",
        [
            person_row(resident_id(seq=1), "甲"),
            person_row(resident_id(seq=2), "乙", phone="13900000000"),
        ],
    )
    run(dbfile, "members", "import", path)
    capsys.readouterr()
    assert run(dbfile, "members", "applications", "--json") == 0
    apps = _out(capsys)
    assert [a["state"] for a in apps] == ["待分工会审核"] * 2
    assert {"id", "state", "name", "branch", "applied_on", "member_no", "id_number_masked"} <= set(
        apps[0]
    )
    assert run(dbfile, "members", "approve", "--ids", apps[0]["id"], "--json") == 0
    approved = _out(capsys)
    assert approved["approved"] == 1 and approved["members"][0]["member_no"]
    assert run(dbfile, "members", "approve", "--all-pending", "--json") == 0
    assert _out(capsys)["approved"] == 1
    assert run(dbfile, "members", "applications", "--state", "pending", "--json") == 0
    assert _out(capsys) == []
    assert _count(dbfile, "members") == 2


def test_approve_requires_a_choice(dbfile, capsys):
    with pytest.raises(SystemExit) as info:
        run(dbfile, "members", "approve")
    assert info.value.code == 2


def test_status_and_history(dbfile, tmp_path, capsys):
    db = open_database(dbfile)
    from guilin_union.services import members

    member_id = members.add_member(
        db, {"name": "张三", "branch": "文学院分工会", "join_date": "2000-01-01"}
    ).row_id
    db.conn.close()
    assert (
        run(
            dbfile,
            "members",
            "status",
            member_id,
            "--change",
            "退休",
            "--on",
            "2024-06-30",
            "--reason",
            "到龄退休",
            "--document",
            "桂院人〔2024〕5号",
        )
        == 0
    )
    capsys.readouterr()
    assert run(dbfile, "members", "history", member_id, "--json") == 0
    history = _out(capsys)
    assert [(h["date"], h["to"], h["document_no"]) for h in history] == [
        ("2024-06-30", "保留会籍", "桂院人〔2024〕5号")
    ]
    assert (
        run(
            dbfile,
            "members",
            "status",
            member_id,
            "--change",
            "退休",
            "--on",
            "2024-07-01",
            "--reason",
            "x",
        )
        == 1
    )
    assert "已经是“保留会籍”" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, expected",
    [
        (["report", "intake-list"], "待批准入会人员名单"),
        (["report", "member-stats"], "会员统计表"),
        (["report", "dues-summary", "--month", "2024-05"], "会费汇总表"),
        (["report", "member-cards"], "会 员 证"),
    ],
)
def test_reports(dbfile, tmp_path, capsys, args, expected):
    from pypdf import PdfReader

    db = open_database(dbfile)
    from guilin_union.services import members

    members.add_member(
        db,
        {
            "name": "张三",
            "branch": "文学院分工会",
            "join_date": "2000-01-01",
            "member_no": "2000010001",
        },
    )
    intake.add_application(db, {"name": "李四", "branch": "机关分工会"})
    db.conn.close()
    out = tmp_path / "r.pdf"
    assert run(dbfile, *args, "-o", out) == 0
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert expected in text


def test_member_form_report(dbfile, tmp_path, capsys):
    from pypdf import PdfReader

    db = open_database(dbfile)
    number = resident_id()
    app = intake.add_application(
        db, {"name": "李四", "branch": "机关分工会", "id_number": number}
    ).row_id
    db.conn.close()
    out = tmp_path / "f.pdf"
    assert run(dbfile, "report", "member-form", "--application", app, "-o", out) == 0
    pages = PdfReader(out).pages
    assert len(pages) == 2
    text = "".join(p.extract_text() for p in pages)
    assert "入会申请书" in text and "工会会员登记表" in text and "李四" in text
    assert number not in text and number[-4:] in text  # masked by default
    assert run(dbfile, "report", "member-form", "-o", out) == 2


def test_excel_variants_of_reports(dbfile, tmp_path):
    from openpyxl import load_workbook

    assert run(dbfile, "report", "member-stats", "-o", tmp_path / "s.xlsx") == 0
    assert len(load_workbook(tmp_path / "s.xlsx").sheetnames) == 5
    assert (
        run(dbfile, "report", "dues-summary", "--month", "2024-05", "-o", tmp_path / "d.xlsx") == 0
    )
    assert load_workbook(tmp_path / "d.xlsx").sheetnames == ["会费汇总", "会费明细"]
