"""``reminders``, ``members retirements`` and ``members birthdays``: text and JSON answers."""

from __future__ import annotations

import json

import pytest

from guilin_union.cli import main
from guilin_union.services import members
from guilin_union.services.members import branches
from guilin_union.storage import open_database


@pytest.fixture
def dbfile(tmp_path, sample_ids):
    path = tmp_path / "cli.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    members.add_member(
        db, {"name": "张晓明", "branch": "文学院分工会", "id_number": sample_ids["man"]}
    )
    db.conn.close()
    return path


def run(dbfile, *args):
    return main(["--db", str(dbfile), *map(str, args)])


def test_birthdays_text_and_json(dbfile, capsys):
    assert run(dbfile, "members", "birthdays", "--month", 3) == 0
    assert capsys.readouterr().out.splitlines() == ["03-07\t张晓明\t文学院分工会", "共 1 人"]
    assert run(dbfile, "members", "birthdays", "--month", 4, "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_retirements_and_reminders(dbfile, capsys):
    assert run(dbfile, "members", "retirements", "--within-months", 1200) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "共 1 人" and lines[0].split("\t")[1:4] == ["张晓明", "男", "1990-03-07"]
    assert run(dbfile, "members", "retirements", "--within-months", 1200, "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["name"] == "张晓明" and set(row) >= {"member_id", "retirement_date", "age_rule"}
    assert run(dbfile, "reminders", "--json") == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert run(dbfile, "reminders") == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("条待办")
