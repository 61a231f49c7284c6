"""Power-cut safety: the program is killed (SIGKILL) at random moments during a large member
import and during a festival batch; after every kill the database passes ``integrity_check``
and holds either all of the work or none of it.

Each run works on a fresh copy of one template database. Calibration runs (not killed)
measure when the write transaction starts and when it has committed (the helper prints
marks); three kills in four land inside that window, the rest anywhere (during the backup,
the validation, after the end). No assertion depends on timing: every outcome must be "all"
or "none".
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
    ),
]

ZYGOTE = Path(__file__).with_name("_zygote.py")
ROOT = Path(__file__).resolve().parents[2]
EXTRA_MEMBERS = 1500  # in the template, so the festival batch is large
IMPORT_ROWS = 2000
KILLS_PER_SCENARIO = 16  # 2 x 16 = 32 killed runs


def _people(n: int, start: int, prefix: str) -> list[list[object]]:
    import datetime as dt

    from guilin_union.core.ids import make_resident_id

    rows = []
    for i in range(start, start + n):
        birth = dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        number = make_resident_id(
            f"{450100 + (i // 100) % 900:06d}", birth, i % 100, "男" if i % 2 else "女"
        )
        rows.append(
            [
                f"{prefix}{i}",
                None,
                number,
                f"13{i:09d}",
                f"{prefix[0]}{i:06d}",
                "文学院分工会",
                "测试系",
                "讲师",
                "在编",
                "2020-09-01",
            ]
        )
    return rows


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo database plus 1500 members (through the real import), and a 2000-row file."""
    from guilin_union.services.demo import populate_demo
    from guilin_union.services.members import branches
    from guilin_union.services.members import importer as member_import
    from guilin_union.storage import open_database
    from tests.intake_fixtures import write_book

    folder = tmp_path_factory.mktemp("crash")
    path = folder / "template.db"
    db = open_database(path)
    populate_demo(db, seed=5)
    if branches.find_branch_id(db, "文学院分工会") is None:
        branches.add_branch(db, "文学院分工会")
    extra = write_book(folder / "extra.xlsx", _people(EXTRA_MEMBERS, 10_000, "在册"))
    outcome = member_import.import_file(db, extra, as_="members", backup=False)
    assert outcome.errors == [] and outcome.imported == EXTRA_MEMBERS
    db.conn.close()
    shutil.rmtree(folder / "backups", ignore_errors=True)
    book = write_book(folder / "import.xlsx", _people(IMPORT_ROWS, 50_000, "导入"))
    return path, book


class Zygote:
    def __init__(self, mode: str, template: Path, book: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, str(ZYGOTE), mode, str(template), str(book)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(ROOT),
        )
        assert self._line() == "READY"

    def _line(self) -> str:
        line = self.proc.stdout.readline()
        assert line, "the helper process died"
        return line.strip()

    def run(self, db_path: Path, kill_after: float | None) -> tuple[int, dict[str, float]]:
        """Run the work on ``db_path``; SIGKILL it after ``kill_after`` seconds (None: let it
        finish). Returns (wait status, {"BEGIN", "DONE", "EXIT": seconds after the start})."""
        self.proc.stdin.write(f"RUN {db_path}\n")
        self.proc.stdin.flush()
        kind, pid = self._line().split()
        assert kind == "PID"
        started = time.monotonic()
        if kill_after is not None:
            time.sleep(kill_after)
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        times: dict[str, float] = {}
        while True:
            kind, value = self._line().split()
            if kind == "MARK":
                times[value] = time.monotonic() - started
                continue
            assert kind == "EXIT"
            times["EXIT"] = time.monotonic() - started
            return int(value), times

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _counts(path: Path, tables: tuple[str, ...]) -> dict[str, int]:
    conn = sqlite3.connect(str(path))  # a hot journal left by the kill is rolled back here
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables}
        marks = ",".join("?" for _ in tables)
        counts["log"] = conn.execute(
            f"SELECT count(*) FROM change_log WHERE table_name IN ({marks})",
            tables,
        ).fetchone()[0]
        return counts
    finally:
        conn.close()


def _crash_runs(tmp_path, template: Path, book: Path, mode: str, tables: tuple[str, ...]):
    from guilin_union.storage import open_database

    base = _counts(template, tables)
    zygote = Zygote(mode, template, book)
    outcomes = []
    try:
        runs = []
        for n in range(2):  # the first run is slower (cold caches): take the quicker one
            calibration = tmp_path / f"calibrate{n}" / "u.db"
            calibration.parent.mkdir()
            shutil.copyfile(template, calibration)
            status, times = zygote.run(calibration, None)
            assert status == 0 and "BEGIN" in times and "DONE" in times
            runs.append(times)
        timing = min(runs, key=lambda t: t["EXIT"])
        full = _counts(calibration, tables)
        assert all(full[t] > base[t] for t in tables)  # the work does write every table
        rng = random.Random(20240305)
        for i in range(KILLS_PER_SCENARIO):
            path = tmp_path / f"run{i:02d}" / "u.db"
            path.parent.mkdir()
            shutil.copyfile(template, path)
            # Most kills inside the write transaction (up to its commit), the rest anywhere.
            if i % 4:
                delay = rng.uniform(timing["BEGIN"], timing["DONE"])
            else:
                delay = rng.uniform(0, timing["EXIT"] * 1.05)
            zygote.run(path, delay)
            after = _counts(path, tables)
            assert after in (base, full), (
                f"run {i}: partial state {after} (none={base}, all={full})"
            )
            outcomes.append("all" if after == full else "none")
            db = open_database(
                path
            )  # and the program opens it normally (quick_check, no migration)
            db.conn.close()
    finally:
        zygote.close()
    return outcomes


def test_sigkill_during_a_large_member_import(tmp_path, template):
    path, book = template
    outcomes = _crash_runs(tmp_path, path, book, "import", ("members",))
    assert len(outcomes) == KILLS_PER_SCENARIO
    print("import kills:", outcomes.count("none"), "none /", outcomes.count("all"), "all")


def test_sigkill_during_a_festival_batch(tmp_path, template):
    path, book = template
    outcomes = _crash_runs(tmp_path, path, book, "batch", ("welfare_payments", "welfare_batches"))
    assert len(outcomes) == KILLS_PER_SCENARIO
    print("batch kills:", outcomes.count("none"), "none /", outcomes.count("all"), "all")
