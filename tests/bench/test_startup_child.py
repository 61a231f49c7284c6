"""Start-up is measured across a process boundary: the child processes must report the first
paint (SHOWN) and the filled window (READY), or the measure would time nothing."""

from __future__ import annotations

import pytest

from bench import datasets
from bench.startup import run_child
from guilin_union.storage.lock import lock_path_for


@pytest.fixture
def env(tmp_path):
    return datasets.child_env(tmp_path, "test")


def test_bare_window_reports_shown_and_ready(env, tmp_path):
    run, _stderr = run_child(["startup-bare"], env, datasets.REPO_ROOT, timeout=120)
    assert run.error == "" and run.returncode == 0
    assert run.shown is not None and run.ready is not None
    assert 0 < run.shown <= run.ready


def test_program_reports_shown_then_ready_and_loads_no_heavy_library(env, tmp_path):
    db = datasets.build_members_db(tmp_path / "small.db", 200, seed=5)
    run, stderr = run_child(["startup-ours", str(db)], env, datasets.REPO_ROOT, timeout=180)
    assert run.error == "", stderr[-500:]
    assert run.shown is not None and run.ready is not None
    assert 0 < run.shown <= run.ready
    # reportlab, openpyxl, pypinyin, cn2an, python-docx and pypdf wait for their first use.
    assert run.heavy_modules == []
    assert not lock_path_for(
        db
    ).exists()  # the window was closed as on a normal exit: lock released


def test_bare_table_baseline_fills_the_register_from_the_same_file(env, tmp_path):
    import sqlite3

    from bench.startup import BARE_REGISTER_HEADERS, BARE_REGISTER_SQL

    db = datasets.build_members_db(tmp_path / "small.db", 200, seed=5)
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(BARE_REGISTER_SQL).fetchall()
    finally:
        conn.close()
    assert len(rows) == 60 and len(rows[0]) == len(BARE_REGISTER_HEADERS)
    run, stderr = run_child(["startup-bare-table", str(db)], env, datasets.REPO_ROOT, timeout=120)
    assert run.error == "", stderr[-500:]
    assert run.shown is not None and run.ready is not None and 0 < run.shown <= run.ready
