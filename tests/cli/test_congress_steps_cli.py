"""Issue 20: a congress command for every step (sessions, agenda, sittings, sign-in, votes,
elections, presidium, vacancies)."""

from __future__ import annotations

import json

import pytest

from guilin_union.cli import main
from guilin_union.services.members import status as member_status
from guilin_union.storage import open_database
from tests.congress_fixtures import make_congress


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path)
    make_congress(db)
    db.conn.close()
    return path


def _run(capsys, db_file, *argv):
    code = main(["--db", str(db_file), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_term_and_session_new_edit_with_joint_name(db_file, capsys):
    code, out, err = _run(
        capsys, db_file, "congress", "term", "new", "--start-year", "2027", "--union-number", "16",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    term = json.loads(out)
    assert (term["number"], term["union_number"]) == (2, 16)
    code, out, err = _run(
        capsys, db_file, "congress", "session", "new", "--term", str(term["id"]),
        "--start", "2027-03-10", "--end", "2027-03-11", "--venue", "礼堂", "--json",
    )  # fmt: skip
    assert code == 0, err
    session = json.loads(out)
    assert session["title"] == "第二届教职工代表大会暨第十六届工会会员代表大会第一次会议"
    code, out, _ = _run(
        capsys, db_file, "congress", "session", "edit", str(session["id"]),
        "--proposal-deadline", "2027-12-31", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["proposal_deadline"] == "2027-12-31"
    code, _out, err = _run(
        capsys, db_file, "congress", "session", "edit", "1", "--start", "not a date"
    )
    assert code == 1 and err


def test_agenda_add_move_remove(db_file, capsys):
    for content in ("开幕", "工作报告"):
        code, out, _ = _run(
            capsys, db_file, "congress", "agenda", "add", "--session", "1", "--content", content,
            "--json",
        )  # fmt: skip
        assert code == 0
    items = json.loads(out)
    assert [i["content"] for i in items] == ["开幕", "工作报告"]
    code, out, _ = _run(
        capsys, db_file, "congress", "agenda", "move", str(items[1]["id"]), "--up", "--json"
    )
    assert [i["content"] for i in json.loads(out)] == ["工作报告", "开幕"]
    code, out, _ = _run(
        capsys, db_file, "congress", "agenda", "remove", str(items[0]["id"]), "--json"
    )
    assert [i["content"] for i in json.loads(out)] == ["工作报告"]


def test_sittings_signin_vote_and_election(db_file, capsys):
    code, out, err = _run(
        capsys, db_file, "congress", "sitting", "standard", "--session", "1", "--json"
    )
    assert code == 0, err
    sittings = json.loads(out)
    assert len(sittings) >= 2 and all(
        {"应到", "实到", "quorum_needed", "quorum_met"} <= set(s) for s in sittings
    )
    main_sitting = sittings[1]["id"]
    for name in ("赵一", "钱二", "孙三", "李四", "周五"):
        code, out, err = _run(
            capsys, db_file, "congress", "signin", "--sitting", str(main_sitting),
            "--delegate", name, "--state", "已签到", "--json",
        )  # fmt: skip
        assert code == 0, err
    assert json.loads(out)["sitting"]["实到"] == 5
    code, _out, err = _run(
        capsys, db_file, "congress", "signin", "--sitting", str(main_sitting),
        "--delegate", "不存在", "--state", "已签到",
    )  # fmt: skip
    assert code == 1 and "不是本场次" in err
    code, out, err = _run(
        capsys, db_file, "congress", "vote", "--sitting", str(main_sitting), "--title", "通过决议",
        "--yes", "5", "--no", "0", "--abstain", "0", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["passed"] is True, err
    code, out, err = _run(
        capsys, db_file, "congress", "election", "add", "--session", "1", "--title", "选举委员",
        "--method", "差额", "--seats", "1", "--candidate", "赵一", "--candidate", "钱二",
        "--sitting", str(main_sitting), "--scrutineer", "孙三", "--teller", "李四", "--json",
    )  # fmt: skip
    assert code == 0, err
    eid = json.loads(out)["id"]
    _run(
        capsys, db_file, "congress", "election", "ballots", str(eid), "--issued", "5",
        "--returned", "5", "--valid", "5", "--invalid", "0",
    )  # fmt: skip
    _run(
        capsys,
        db_file,
        "congress",
        "election",
        "votes",
        str(eid),
        "--candidate",
        "赵一",
        "--yes",
        "4",
        "--no",
        "1",
    )
    _run(
        capsys,
        db_file,
        "congress",
        "election",
        "votes",
        str(eid),
        "--candidate",
        "钱二",
        "--yes",
        "1",
        "--no",
        "4",
    )
    code, out, _ = _run(capsys, db_file, "congress", "elections", "--session", "1", "--json")
    [election] = json.loads(out)
    assert election["method"] == "差额" and election["elected"] == ["赵一"]
    assert [c["elected"] for c in election["candidates"]] == [True, False]


def test_delegates_never_list_a_retiree_as_formal(db_file, capsys):
    db = open_database(db_file)
    member = db.execute("SELECT id FROM members WHERE name = '钱二'").fetchone()[0]
    member_status.record_status_change(db, member, "退休", on="2024-03-01", reason="到龄退休")
    delegate = db.execute(
        "SELECT id FROM congress_delegates WHERE member_id = ?", [member]
    ).fetchone()[0]
    db.conn.close()
    code, out, _ = _run(capsys, db_file, "congress", "delegates", "--session", "1", "--json")
    assert "钱二" not in [d["name"] for d in json.loads(out) if d["type"] == "正式代表"]
    code, out, _ = _run(capsys, db_file, "congress", "vacancies", "--session", "1", "--json")
    assert [v["name"] for v in json.loads(out)] == ["钱二"]
    code, out, err = _run(
        capsys, db_file, "congress", "continue-attending", "--delegate", str(delegate), "--json"
    )
    assert code == 0, err
    code, out, _ = _run(capsys, db_file, "congress", "delegates", "--session", "1", "--json")
    [row] = [d for d in json.loads(out) if d["name"] == "钱二"]
    assert row["type"] == "列席代表" and row["continuation"] is True
