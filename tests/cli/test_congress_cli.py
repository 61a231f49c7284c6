"""``congress ...`` commands and the congress reports from the command line."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from guilin_union.cli import main
from guilin_union.services.congress import attendance, votes
from guilin_union.storage import open_database
from tests.congress_fixtures import make_congress


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    c = make_congress(db)
    attendance.set_attendance_many(
        db, c.session_id, [c.delegates[n] for n in list(c.delegates)[:4]], "出席"
    )
    attendance.set_attendance(db, c.session_id, c.delegates[list(c.delegates)[4]], "请假")
    votes.add_standard_motions(db, c.session_id)
    db.conn.close()
    return path


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_sessions_json(db_file, capsys):
    code, out, _ = _run(capsys, "--db", str(db_file), "congress", "sessions", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 1
    s = data[0]
    assert {"id", "title", "start_date", "end_date", "status", "delegates"} <= set(s)
    assert (
        s["delegates"] == {"正式代表": 6, "列席代表": 1, "特邀代表": 1} and s["status"] == "筹备中"
    )


def test_delegates_json(db_file, capsys):
    code, out, _ = _run(
        capsys, "--db", str(db_file), "congress", "delegates", "--session", "1", "--json"
    )
    rows = json.loads(out)
    assert code == 0 and len(rows) == 8
    assert {"name", "delegation", "type", "category", "is_head"} <= set(rows[0])


def test_attendance_json_has_contract_keys(db_file, capsys):
    code, out, _ = _run(
        capsys, "--db", str(db_file), "congress", "attendance", "--session", "1", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert (data["应到"], data["实到"], data["quorum_met"]) == (6, 4, True)
    assert (data["expected"], data["present"], data["on_leave"]) == (6, 4, 1)
    code, out, _ = _run(
        capsys, "--db", str(db_file), "congress", "attendance", "--session", "current"
    )
    assert code == 0 and "已达到法定人数" in out


def test_unknown_session_is_a_data_error(db_file, capsys):
    code, _, err = _run(capsys, "--db", str(db_file), "congress", "attendance", "--session", "99")
    assert code == 1 and "会议不存在" in err


@pytest.mark.parametrize(
    "name, expected",
    [
        ("agenda", "议程"),
        ("delegates", "代表名册"),
        ("signin", "签到表"),
        ("ballot", "表决票"),
        ("vote-results", "表决结果"),
    ],
)
def test_reports(db_file, tmp_path, capsys, name, expected):
    out = tmp_path / f"{name}.pdf"
    code, stdout, _ = _run(
        capsys, "--db", str(db_file), "report", name, "--session", "1", "-o", str(out)
    )
    assert code == 0 and out.exists(), stdout
    assert expected in "".join(PdfReader(out).pages[0].extract_text().split())


def test_ballot_copies(db_file, tmp_path, capsys):
    out = tmp_path / "b.pdf"
    code, stdout, _ = _run(
        capsys,
        "--db",
        str(db_file),
        "report",
        "ballot",
        "--session",
        "1",
        "-o",
        str(out),
        "--copies",
        "2",
        "--one-per-page",
    )
    assert code == 0 and "2 张" in stdout and len(PdfReader(out).pages) == 2


def test_report_list_names_congress_reports(db_file, capsys):
    code, out, _ = _run(capsys, "--db", str(db_file), "report", "list", "--json")
    names = {r["name"] for r in json.loads(out)}
    assert {"agenda", "delegates", "signin", "ballot", "vote-results"} <= names


def test_import_delegates_dry_run_and_errors(db_file, tmp_path, capsys):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "工号", "代表类型"])
    wb.active.append(["许二十", "NOPE", "正式代表"])
    path = tmp_path / "d.xlsx"
    wb.save(path)
    code, out, _ = _run(
        capsys,
        "--db",
        str(db_file),
        "congress",
        "import-delegates",
        str(path),
        "--term",
        "1",
        "--json",
    )
    assert code == 1 and json.loads(out)["errors"][0]["row"] == 2
