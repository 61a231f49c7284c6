"""Helper process for the SIGKILL crash tests (not a test module).

It imports the program once, prepares the work (a validated import plan, or a festival
batch request), prints READY, and then for every ``RUN <database>`` line on stdin forks a
child that does the work on that database. The parent prints ``PID <child>`` at once (so the
test can kill the child at a random moment) and ``EXIT <status>`` when the child is gone.
Forking a warmed-up process makes 30+ runs affordable on two cores.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path


def mark(text: str) -> None:
    """A line for the test (one write: atomic on a pipe, no buffering across the fork)."""
    os.write(1, f"MARK {text}\n".encode())


def main() -> int:
    mode, template = sys.argv[1], Path(sys.argv[2])
    from guilin_union.services.import_common import commit_plan
    from guilin_union.storage import open_database

    if mode == "import":
        from guilin_union.services.members.importer import MemberImporter, validate_import

        book = Path(sys.argv[3])
        importer = MemberImporter(as_="members", source_name=book.name)
        db = open_database(template)
        _read, plan = validate_import(db, book, importer)
        db.conn.close()  # no connection may cross the fork
        assert not plan.errors, plan.errors[:3]

        original_commit = importer.commit

        def marked_commit(db, plan):  # noqa: ANN001, ANN202
            mark("BEGIN")  # inside the transaction, after the backup
            return original_commit(db, plan)

        importer.commit = marked_commit  # type: ignore[method-assign]

        def work(db):  # noqa: ANN001, ANN202
            commit_plan(db, importer, plan)
    else:
        from guilin_union.services import welfare
        from guilin_union.services.welfare.batches import BatchRequest, create_batch

        request = BatchRequest(
            year=2026, occasion="端午节", amount_fen=20000, override_reason="崩溃测试"
        )
        original_insert = welfare.insert_checked
        first = [True]

        def marked_insert(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if first[0]:
                first[0] = False
                mark("BEGIN")  # the first payment row is being written
            return original_insert(*args, **kwargs)

        welfare.insert_checked = marked_insert

        def work(db):  # noqa: ANN001, ANN202
            create_batch(db, request)

    print("READY", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command != "RUN":
            break
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                db = open_database(Path(arg))
                work(db)
                mark("DONE")  # committed
                db.conn.close()
            except BaseException:  # noqa: BLE001 — the crash child reports everything
                traceback.print_exc()
                code = 3
            os._exit(code)
        print(f"PID {pid}", flush=True)
        _pid, status = os.waitpid(pid, 0)
        print(f"EXIT {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
