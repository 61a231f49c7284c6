"""The activities commands: JSON contracts, the sign-up import's result shape and exit codes."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from guilin_union.cli import main
from guilin_union.services.activities import registration, results
from guilin_union.storage import open_database
from tests import activities_fixtures as fx


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    people = fx.setup(db)
    a = fx.make_activity(db, places=3, event_limit=1, events=["男子100米", "女子100米"])
    fx.make_activity(
        db, name="2023年春季健步走", start_date="2023-03-28", end_date=None, signup_deadline=None
    )
    ev = fx.event_ids(db, a)
    registration.register_members(
        db, a, [people["张伟"], people["王强"]], event_ids=[ev["男子100米"]]
    )
    results.record_result(
        db,
        a,
        ev["男子100米"],
        participant_id=fx.participant_id(db, a, people["张伟"]),
        rank=1,
        score="12.3秒",
        award="一等奖",
    )
    db.conn.close()
    return path


def run(dbfile, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(dbfile), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_json_contract_and_year_filter(dbfile, capsys):
    code, out, _ = run(dbfile, capsys, "activities", "list", "--json")
    data = json.loads(out)
    assert code == 0 and [d["name"] for d in data] == [
        "2023年春季健步走",
        "第二十二届田径运动会暨教职工亲子运动会",
    ]
    meet = data[1]
    assert {
        "id",
        "name",
        "type",
        "organiser",
        "start_date",
        "end_date",
        "place",
        "places",
        "registered",
        "status",
        "year",
    } <= set(meet)
    assert (
        meet["type"],
        meet["organiser"],
        meet["places"],
        meet["registered"],
        meet["year"],
        meet["status"],
    ) == ("文体活动", "校工会", 3, 2, 2024, "筹备中")
    code, out, _ = run(dbfile, capsys, "activities", "list", "--year", "2023", "--json")
    assert [d["year"] for d in json.loads(out)] == [2023]
    code, out, _ = run(dbfile, capsys, "activities", "list")
    assert code == 0 and "共 2 项活动" in out


def test_participants_json_contract(dbfile, capsys):
    code, out, _ = run(dbfile, capsys, "activities", "participants", "--activity", "1", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"member_id", "name", "branch", "role", "events", "status", "result"} <= set(data[0])
    assert [
        (d["name"], d["branch"], d["role"], d["events"], d["status"], d["result"]) for d in data
    ] == [
        (
            "张伟",
            "文学院分工会",
            "运动员",
            ["男子100米"],
            "已参加",
            "男子100米 第1名 12.3秒 一等奖",
        ),
        ("王强", "机关分工会", "运动员", ["男子100米"], "已报名", ""),
    ]


def test_unknown_activity_is_a_data_error(dbfile, capsys):
    code, _, err = run(dbfile, capsys, "activities", "participants", "--activity", "99")
    assert code == 1 and "活动不存在" in err


def test_missing_activity_is_a_usage_error(dbfile, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(dbfile), "activities", "participants"])
    assert info.value.code == 2


def _template(dbfile, capsys, tmp_path, rows):
    path = tmp_path / "报名表.xlsx"
    code, out, _ = run(
        dbfile,
        capsys,
        "activities",
        "template",
        str(path),
        "--activity",
        "1",
        "--branch",
        "机关分工会",
    )
    assert code == 0 and "已生成" in out
    wb = load_workbook(path)
    ws = wb["报名表"]
    for offset, (name, staff_no, tick) in enumerate(rows, start=5):
        ws.cell(offset, 3, name)
        ws.cell(offset, 4, staff_no)
        if tick:
            ws.cell(offset, 8, "√")  # 女子100米
    wb.save(path)
    return path


def test_import_signups_success_json_and_dry_run(dbfile, capsys, tmp_path):
    path = _template(dbfile, capsys, tmp_path, [("刘芳", "S004", True), ("黄丽", "S008", True)])
    code, out, _ = run(
        dbfile,
        capsys,
        "activities",
        "import-signups",
        str(path),
        "--activity",
        "1",
        "--dry-run",
        "--json",
    )
    assert code == 0 and json.loads(out) == {
        "imported": 2,
        "skipped": 0,
        "updated": 0,
        "dry_run": True,
    }
    code, out, _ = run(
        dbfile, capsys, "activities", "import-signups", str(path), "--activity", "1", "--json"
    )
    assert code == 0 and json.loads(out) == {"imported": 2, "skipped": 0, "updated": 0}
    db = open_database(dbfile)
    assert fx.statuses(db, 1) == {
        "张伟": "已参加",
        "王强": "已报名",
        "刘芳": "已报名",
        "黄丽": "候补",
    }
    db.conn.close()
    code, out, _ = run(
        dbfile, capsys, "activities", "import-signups", str(path), "--activity", "1", "--json"
    )
    assert json.loads(out) == {"imported": 0, "skipped": 2, "updated": 0}


def test_import_signups_errors_exit_1_and_write_nothing(dbfile, capsys, tmp_path):
    path = _template(dbfile, capsys, tmp_path, [("刘芳", "S004", True), ("王五", "S003", False)])
    code, out, _ = run(
        dbfile, capsys, "activities", "import-signups", str(path), "--activity", "1", "--json"
    )
    data = json.loads(out)
    assert code == 1
    assert data == {
        "errors": [
            {
                "row": 6,
                "column": "姓名",
                "value": "王五",
                "message": "姓名与会员名册不符：工号“S003”在名册中是“王强”",
            }
        ]
    }
    code, out, err = run(
        dbfile, capsys, "activities", "import-signups", str(path), "--activity", "1"
    )
    assert code == 1 and "第 6 行【姓名】" in out and "导入失败" in err
    db = open_database(dbfile)
    assert "刘芳" not in fx.statuses(db, 1)
    db.conn.close()


def test_import_of_a_missing_file_is_a_data_error(dbfile, capsys, tmp_path):
    code, _, err = run(
        dbfile, capsys, "activities", "import-signups", str(tmp_path / "无.xlsx"), "--activity", "1"
    )
    assert code == 1 and "找不到文件" in err


@pytest.mark.parametrize(
    "report",
    [
        "activity-signup",
        "activity-participants",
        "activity-results",
        "activity-team-points",
        "activity-summary",
    ],
)
def test_reports_write_pdfs(dbfile, capsys, tmp_path, report):
    path = tmp_path / f"{report}.pdf"
    code, out, _ = run(dbfile, capsys, "report", report, "--activity", "1", "-o", str(path))
    assert code == 0 and "已生成" in out
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "田径运动会" in text


def test_year_budget_report_and_budget_json(dbfile, capsys, tmp_path):
    code, _, _ = run(
        dbfile,
        capsys,
        "report",
        "activity-year-budget",
        "--year",
        "2024",
        "-o",
        str(tmp_path / "y.pdf"),
    )
    assert code == 0 and (tmp_path / "y.pdf").exists()
    code, out, _ = run(dbfile, capsys, "activities", "budget", "--activity", "1", "--json")
    data = json.loads(out)
    assert code == 0 and (data["planned_fen"], data["actual_fen"], data["over_budget"]) == (
        0,
        0,
        False,
    )
    code, out, _ = run(dbfile, capsys, "activities", "budget", "--year", "2024", "--json")
    assert json.loads(out) == [
        {"type": "文体活动", "activities": 1, "participants": 2, "planned_fen": 0, "actual_fen": 0}
    ]


def test_team_points_and_exports(dbfile, capsys, tmp_path):
    code, out, _ = run(dbfile, capsys, "activities", "team-points", "--activity", "1", "--json")
    assert code == 0 and json.loads(out)[0] == {
        "rank": 1,
        "branch": "文学院分工会",
        "points": "7",
        "firsts": 1,
        "seconds": 0,
        "places": [1, 0, 0, 0, 0, 0],
        "tied": False,
    }
    code, out, _ = run(
        dbfile,
        capsys,
        "activities",
        "export-participants",
        str(tmp_path / "p.xlsx"),
        "--activity",
        "1",
    )
    assert code == 0 and "2 名" in out
    code, out, _ = run(
        dbfile, capsys, "activities", "export-results", str(tmp_path / "r.xlsx"), "--activity", "1"
    )
    assert code == 0 and load_workbook(tmp_path / "r.xlsx").sheetnames == ["成绩", "团体总分"]


def test_report_list_names_the_activity_reports(dbfile, capsys):
    code, out, _ = run(dbfile, capsys, "report", "list", "--json")
    names = {r["name"] for r in json.loads(out)}
    assert {
        "activity-signup",
        "activity-participants",
        "activity-results",
        "activity-summary",
    } <= names
