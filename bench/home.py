"""首页 and the year-end report (issue 23), on the large demo.

* ``首页 built``: constructing the 首页 page (its figures and reminders are then read in the
  background, so the window never waits for them) — in a child process with offscreen Qt;
* ``首页 data``: reading the reminders and the year's figures (what the background job does);
* ``year summary PDF``: ``report year-summary`` on the large demo.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.stats import Result, Target, invalid
from bench.timing import expect, repeat


def _year_of(db_path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("SELECT max(year) FROM welfare_payments").fetchone()
    finally:
        conn.close()
    return int(row[0] or time.localtime().tm_year)


def measure_home(large_db: Path, workdir: Path, repeats: int, env: dict[str, str]) -> list[Result]:
    results: list[Result] = []
    name = "首页 built (large demo)"
    target = Target.at_most(0.05)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "bench.home", str(large_db), str(max(repeats, 3))],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=True,
        ).stdout
        data = json.loads(out.strip().splitlines()[-1])
        results.append(
            Result(
                name,
                data["built"],
                None,
                target,
                note="page constructed; data read in the background",
            )
        )
        results.append(
            Result(
                "首页 data: reminders + year figures (large demo)",
                data["data"],
                None,
                Target.at_most(1.0),
                note=f"{data['reminders']} reminders",
            )
        )
    except Exception as exc:  # noqa: BLE001 - any failure must show up in the table
        results.append(invalid(name, f"{type(exc).__name__}: {exc}", target=target))

    from guilin_union.services.home.outputs import write_year_summary
    from guilin_union.storage import open_database

    year = _year_of(large_db)
    pdf = workdir / "year-summary.pdf"
    db = open_database(large_db, read_only=True, check_integrity=False)
    try:

        def check(path: Any) -> None:
            expect(Path(path).stat().st_size > 10_000, "the year summary PDF is too small")

        samples = repeat(lambda: write_year_summary(db, pdf, year), max(repeats, 1), check=check)
        results.append(
            Result(
                "year summary PDF (large demo)",
                samples,
                None,
                Target.at_most(2.0),
                note=f"year {year}",
            )
        )
    except Exception as exc:  # noqa: BLE001
        results.append(
            invalid(
                "year summary PDF (large demo)",
                f"{type(exc).__name__}: {exc}",
                target=Target.at_most(2.0),
            )
        )
    finally:
        db.conn.close()
    return results


def _child(db_path: str, repeats: int) -> None:
    """Offscreen: time the 首页's construction and its background data read."""
    from guilin_union.services.home import home_data
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.home.page import HomePage

    ensure_application()
    ctx = open_context(Path(db_path))
    built = []
    for _ in range(repeats + 1):
        started = time.perf_counter()
        page = HomePage(ctx)
        built.append(time.perf_counter() - started)
        page.deleteLater()
    data_times = []
    count = 0
    for _ in range(repeats):
        started = time.perf_counter()
        data = home_data(ctx.db)
        data_times.append(time.perf_counter() - started)
        count = len(data.reminders)
    print(json.dumps({"built": built[1:], "data": data_times, "reminders": count}))


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))
