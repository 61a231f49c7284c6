"""The money area (issue 21) on the large demo.

* ``dues ledger: open a month, first page``: what the ledger list does when a month is shown
  — the month's row ids in display order plus the first page of rows (the list model's page
  size) — for 3,000 members and two years of ledger; the baseline is a bare ``SELECT … LIMIT``
  of the same page with sqlite3 (ratio reported for information);
* ``funds execution report``: ``report funds-execution`` (actuals drawn from the ledger,
  activities, welfare and entries, then the PDF) for the demo's last full year.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from pathlib import Path
from typing import Any

from bench.stats import Result, Target, invalid
from bench.timing import alternate, expect, repeat

PAGE = 200  # IdTableModel.PAGE_SIZE


def _busiest_month(db_path: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute(
            "SELECT month, count(*) FROM dues_ledger GROUP BY month ORDER BY 2 DESC, 1 DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return (row[0], int(row[1])) if row else ("", 0)


def measure_money(large_db: Path, workdir: Path, repeats: int) -> list[Result]:
    from guilin_union.services.money import dues_ledger as ledger
    from guilin_union.services.money.outputs import execution_report
    from guilin_union.storage import open_database

    results: list[Result] = []
    name = "dues ledger: open a month, first page (large demo)"
    target = Target.at_most(0.05)
    db = open_database(large_db, read_only=True, check_integrity=False)
    bare = sqlite3.connect(large_db)
    try:
        month, count = _busiest_month(large_db)
        expect(count >= 2_000, f"the large demo's ledger has only {count} members a month")
        months = db.execute("SELECT count(DISTINCT month) FROM dues_ledger").fetchone()[0]

        def ours() -> Any:
            ids = ledger.ledger_ids(db, ledger.LedgerQuery(month))
            return ids, ledger.ledger_rows(db, ids[:PAGE])

        def baseline() -> Any:
            return bare.execute(
                "SELECT l.*, m.name, m.staff_no, b.name FROM dues_ledger l"
                " JOIN members m ON m.id = l.member_id JOIN branches b ON b.id = l.branch_id"
                " WHERE l.month = ? ORDER BY b.sort_order, b.id, m.member_no, m.id LIMIT ?",
                [month, PAGE],
            ).fetchall()

        def check_ours(value: Any) -> None:
            ids, rows = value
            expect(len(ids) == count, "the ledger list lost rows")
            expect(len(rows) == min(PAGE, count), "the first page is incomplete")

        def check_base(value: Any) -> None:
            expect(len(value) == min(PAGE, count), "the bare page is incomplete")

        mine, base = alternate(
            ours,
            baseline,
            max(repeats, 3) * 3,
            check_ours=check_ours,
            check_baseline=check_base,
        )
        results.append(
            Result(
                name,
                mine,
                base,
                target,
                note=f"{count:,} members in {month}, {months} months in the ledger; "
                "baseline: bare SQL page (info)",
            )
        )
    except Exception as exc:  # noqa: BLE001 - any failure must show up in the table
        results.append(invalid(name, f"{type(exc).__name__}: {exc}", target=target))
    finally:
        bare.close()

    name = "funds execution report PDF (large demo)"
    target = Target.at_most(2.0)
    year = _dt.date.today().year - 1
    pdf = workdir / "funds-execution.pdf"
    try:

        def check(path: Any) -> None:
            expect(Path(path).stat().st_size > 5_000, "the execution report PDF is too small")

        samples = repeat(lambda: execution_report(db, pdf, year), max(repeats, 1), check=check)
        results.append(Result(name, samples, None, target, note=f"year {year}"))
    except Exception as exc:  # noqa: BLE001
        results.append(invalid(name, f"{type(exc).__name__}: {exc}", target=target))
    finally:
        db.conn.close()
    return results
