"""Issue 20: every proposal step from the command line (--json shapes as ``proposals list``)."""

from __future__ import annotations

import json

import pytest

from guilin_union.cli import main
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


def test_submit_review_assign_reply_rate_a_suggestion(db_file, capsys):
    code, out, err = _run(
        capsys,
        db_file,
        "proposals", "submit", "--session", "1", "--title", "关于开放周末图书馆的建议",
        "--category", "民生福利", "--proposer", "S0001", "--seconder", "钱二",
        "--seconder", "孙三", "--date", "2024-02-20", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert (data["number"], data["status"], data["seconders"]) == (
        "2024-001",
        "待审查",
        ["钱二", "孙三"],
    )
    code, out, _ = _run(
        capsys, db_file, "proposals", "review", "2024-001", "--result", "转意见建议",
        "--date", "2024-03-20", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["handling_status"] == "待交办"
    code, out, err = _run(
        capsys, db_file, "proposals", "assign", "2024-001", "--lead", "图书馆",
        "--co", "保卫处", "--date", "2024-03-25", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert (data["lead_department"], data["co_departments"], data["reply_deadline"]) == (
        "图书馆",
        ["保卫处"],
        "2024-05-24",
    )
    assert data["status"] == "转意见建议" and data["handling_status"].startswith("办理中")
    code, out, _ = _run(
        capsys, db_file, "proposals", "reply", "2024-001", "--text", "周六开放。",
        "--date", "2024-04-20", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["handling_status"] == "已答复"
    code, out, _ = _run(
        capsys, db_file, "proposals", "rate", "2024-001", "--rating", "满意",
        "--date", "2024-04-21", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["rating"] == "满意"
    code, out, _ = _run(capsys, db_file, "proposals", "stats", "--session", "1", "--json")
    stats = json.loads(out)
    assert stats["handling_by_review"]["转意见建议"]["reply_rate"] == "100.0%"
    assert stats["handling_overall"]["total"] == 1 and stats["definitions"]


def test_errors_exit_1_with_chinese_message_and_nothing_written(db_file, capsys):
    code, _out, err = _run(
        capsys, db_file, "proposals", "submit", "--session", "1", "--title", "关于改善照明的建议",
        "--category", "民生福利", "--proposer", "赵一", "--seconder", "钱二",
        "--date", "2024-02-20",
    )  # fmt: skip
    assert code == 1 and "附议人不足" in err
    code, _out, err = _run(capsys, db_file, "proposals", "assign", "2024-009", "--lead", "图书馆")
    assert code == 1 and "没有编号" in err
    code, out, _ = _run(capsys, db_file, "proposals", "list", "--session", "1", "--json")
    assert json.loads(out) == []


def test_merge_excellent_and_supervise(db_file, capsys):
    for title, proposer in (
        ("关于开放周末图书馆的建议", "赵一"),
        ("关于延长图书馆开放时间", "李四"),
    ):
        code, _o, err = _run(
            capsys, db_file, "proposals", "submit", "--session", "1", "--title", title,
            "--category", "民生福利", "--proposer", proposer, "--seconder", "钱二",
            "--seconder", "孙三", "--date", "2024-02-20", "--confirm-duplicate",
        )  # fmt: skip
        assert code == 0, err
    _run(
        capsys,
        db_file,
        "proposals",
        "review",
        "2024-001",
        "--result",
        "立案",
        "--date",
        "2024-03-20",
    )
    code, out, err = _run(
        capsys, db_file, "proposals", "merge", "2024-002", "--into", "2024-001", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["co_proposers"] == ["李四"]
    code, out, _ = _run(
        capsys, db_file, "proposals", "excellent", "2024-001", "--date", "2024-06-01", "--json"
    )
    assert json.loads(out)["excellent_on"] == "2024-06-01"
    code, out, _ = _run(capsys, db_file, "proposals", "excellent-list", "--session", "1", "--json")
    assert [r["number"] for r in json.loads(out)] == ["2024-001"]
    code, out, _ = _run(
        capsys, db_file, "proposals", "supervise", "2024-001", "--member", "周五", "--json"
    )
    assert json.loads(out)["supervisor"] == "周五"
    code, out, _ = _run(capsys, db_file, "proposals", "supervisors", "--session", "1", "--json")
    assert [(r["name"], len(r["proposals"])) for r in json.loads(out)] == [("周五", 1)]
