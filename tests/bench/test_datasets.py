"""The benchmark's data: the generators make what the measures expect, or the run says so."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench import datasets


def _members_per_branch(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT count(m.id) FROM branches b LEFT JOIN members m ON m.branch_id = b.id GROUP BY b.id"
            )
        ]
    finally:
        conn.close()


def test_synthetic_register_has_exactly_the_asked_members_across_25_branches(tmp_path):
    path = datasets.build_members_db(tmp_path / "m.db", 300, seed=3)
    counts = datasets.count_rows(path, ["members", "branches"])
    assert counts == {"members": 300, "branches": 25}
    per_branch = _members_per_branch(path)
    assert len(per_branch) == 25 and min(per_branch) >= 1
    conn = sqlite3.connect(path)
    try:
        unique = conn.execute(
            "SELECT count(DISTINCT id_number), count(DISTINCT staff_no) FROM members"
        ).fetchone()
        keys = conn.execute(
            "SELECT count(*) FROM members WHERE name_initials = '' OR name_pinyin = ''"
        ).fetchone()[0]
    finally:
        conn.close()
    assert unique == (300, 300)
    assert keys == 0  # pinyin search keys are there, as in a real register


def test_synthetic_register_is_reused_and_rebuilt_when_stale(tmp_path):
    path = datasets.build_members_db(tmp_path / "m.db", 120, seed=3)
    stamp = path.stat().st_mtime_ns
    assert datasets.build_members_db(path, 120, seed=3) == path
    assert path.stat().st_mtime_ns == stamp  # reused
    datasets.build_members_db(path, 150, seed=3)  # another size: rebuilt
    assert datasets.count_rows(path, ["members"]) == {"members": 150}


def test_count_problems_names_every_short_table():
    problems = datasets.count_problems(
        {"members": 2999, "branches": 25}, {"members": 3000, "branches": 25, "proposals": 1500}
    )
    assert problems == [
        "members: 2999 rows, expected at least 3000",
        "proposals: 0 rows, expected at least 1500",
    ]
    assert datasets.count_problems({"members": 3001}, {"members": 3000}) == []


def test_count_rows_counts_missing_tables_as_zero(tmp_path):
    path = datasets.build_members_db(tmp_path / "m.db", 30, seed=1)
    assert datasets.count_rows(path, ["members", "no_such_table"]) == {
        "members": 30,
        "no_such_table": 0,
    }


def test_large_demo_minimums_are_the_issue_sizes():
    assert datasets.LARGE_MINIMUMS == {
        "branches": 25,
        "members": 3000,
        "welfare_payments": 60000,
        "congress_sessions": 20,
        "proposals": 1500,
        "activities": 800,
        "activity_participants": 40000,
        "workpoint_plans": 20,
    }


def test_staff_workbook_imports_cleanly(tmp_path):
    """The import measure's file must be valid data, or the measure would time an error list."""
    from guilin_union.services.import_common import run_import
    from guilin_union.services.members.importer import MemberImporter
    from guilin_union.storage import open_database

    book = datasets.write_staff_workbook(tmp_path / "staff.xlsx", 40, seed=11)
    wb = load_workbook(book, read_only=True)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    assert rows[0] == tuple(header for header, _key in datasets.STAFF_COLUMNS)
    assert len(rows) == 41
    assert all(isinstance(r[3], str) and len(r[3]) == 18 for r in rows[1:])  # ID numbers as text

    names = datasets.build_branches_db(tmp_path / "target.db")
    assert len(names) == 25
    assert {r[6] for r in rows[1:]} <= set(names)
    db = open_database(tmp_path / "target.db")
    try:
        outcome = run_import(db, book, MemberImporter(as_="members"))
        assert outcome.errors == []
        assert outcome.imported == 40
        assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 40
    finally:
        db.conn.close()


def test_child_environment_is_isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("GUILIN_UNION_DB", "/somewhere/real.db")
    env = datasets.child_env(tmp_path, "startup")
    other = datasets.child_env(tmp_path, "gui")
    assert "PYTHONDONTWRITEBYTECODE" not in env and "GUILIN_UNION_DB" not in env
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["PYTHONPYCACHEPREFIX"].startswith(str(tmp_path))
    assert env["XDG_CONFIG_HOME"] != other["XDG_CONFIG_HOME"]
    assert str(datasets.REPO_ROOT) in env["PYTHONPATH"].split(os.pathsep)


@pytest.mark.slow
def test_large_demo_has_the_issue_sizes(tmp_path):
    """``demo --scale large`` makes twenty years of records (the counts, not the time)."""
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    db = open_database(tmp_path / "large.db")
    populate_demo(db, scale="large", seed=2024)
    db.conn.close()
    counts = datasets.count_rows(tmp_path / "large.db", list(datasets.LARGE_MINIMUMS))
    assert datasets.count_problems(counts, datasets.LARGE_MINIMUMS) == []
    assert counts["members"] == 3000 and counts["branches"] == 25
