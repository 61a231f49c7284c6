"""The register's first page shown at start-up before the database is open (issue 15): read
with plain sqlite3, read-only, the same rows and texts as the real register, replaced by it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import Qt

from guilin_union.storage.first_page import program_stamp, read_first_page
from guilin_union.ui.context import AppContext
from tests.fresh_process import run_script_json


def _texts(model, rows: int) -> list[list[str]]:
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(rows)
    ]


def _colours(model, rows: int) -> list[str]:
    last = model.columnCount() - 1
    return [str(model.index(r, last).data(Qt.ItemDataRole.ForegroundRole)) for r in range(rows)]


def _place(page, table) -> tuple:
    """Where the table's rows stand on its page (below the same bars) and how wide its
    columns are."""
    from PySide6.QtCore import QPoint

    header = table.horizontalHeader()
    at = table.viewport().mapTo(page, QPoint(0, 0))
    return (at.x(), at.y(), [header.sectionSize(c) for c in range(header.count())])


def _file_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _register(qtbot, db, path: Path):
    from guilin_union.ui.members.register_view import MemberRegisterView

    view = MemberRegisterView(AppContext(db=db, db_path=path))
    qtbot.addWidget(view)
    return view


def test_first_page_equals_the_registers_first_rows_masked_numbers_included(qtbot, demo_db):
    from guilin_union.ui.members.register_columns import RegisterPreview

    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    rows = read_first_page(path, program_stamp())
    assert rows is not None and len(rows) == 60
    preview = RegisterPreview(rows)
    qtbot.addWidget(preview)
    view = _register(qtbot, demo_db, path)
    n = preview.model.rowCount()
    assert n == 60 and view.model.rowCount() >= n
    assert _texts(preview.model, n) == _texts(view.model, n)
    assert _colours(preview.model, n) == _colours(view.model, n)
    phones = [row[6] for row in _texts(preview.model, n) if row[6]]
    assert phones and all("****" in p for p in phones)  # masked as the register masks

    # Masking turned off in the file's settings: full numbers in both.
    with demo_db.conn:
        demo_db.conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('mask_personal_numbers', ?)",
            [json.dumps(False)],
        )
    unmasked = read_first_page(path, program_stamp())
    assert unmasked is not None
    assert not any("*" in (row["phone_display"] or "") for row in unmasked)
    view2 = _register(qtbot, demo_db, path)
    preview2 = RegisterPreview(unmasked)
    qtbot.addWidget(preview2)
    assert _texts(preview2.model, 60) == _texts(view2.model, 60)


def test_the_early_read_writes_nothing_and_creates_nothing(demo_db, tmp_path):
    path = tmp_path / "demo.db"
    demo_db.conn.close()
    before = _file_state(tmp_path)
    assert read_first_page(path, program_stamp()) is not None
    assert read_first_page(path, "0:none") is None
    assert _file_state(tmp_path) == before
    missing = tmp_path / "missing.db"
    assert read_first_page(missing, program_stamp()) is None
    assert not missing.exists()


def test_no_early_page_when_a_migration_is_due_or_the_file_is_not_a_database(demo_db, tmp_path):
    path = tmp_path / "demo.db"
    with demo_db.conn:  # as if the program knew one migration more than the file holds
        last = demo_db.conn.execute("SELECT max(rowid) FROM _migrations").fetchone()[0]
        demo_db.conn.execute("DELETE FROM _migrations WHERE rowid = ?", [last])
    assert read_first_page(path, program_stamp()) is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    assert read_first_page(junk, program_stamp()) is None
    assert read_first_page(path, "") is None


def test_window_shows_the_preview_ready_then_the_real_register_replaces_it(qtbot, demo_db):
    from guilin_union.ui.application import ensure_application
    from guilin_union.ui.main_window import MainWindow

    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    ensure_application()
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.tab_widgets._placeholders["会员入会"]))
    window.show()
    rows = read_first_page(path, program_stamp())
    assert window.show_register_preview(rows)
    qtbot.waitUntil(window.is_ready, timeout=5000)  # painted: the list is on the screen
    preview_texts = _texts(window.register_preview.model, len(rows))
    preview_place = _place(window.register_preview.widget(0), window.register_preview.table)
    window.attach(AppContext(db=demo_db, db_path=path), list_first=True)
    assert window.register_preview is None
    register = window.tab_widgets["会员入会"].register_view
    assert _texts(register.model, len(rows)) == preview_texts
    qtbot.waitUntil(lambda: _place(register, register.members_table) == preview_place, timeout=3000)
    assert not register.search_edit.text() and register.search_edit.isEnabled()
    register.search_edit.setText(rows[0]["name"])  # the search works as before (debounced)
    qtbot.waitUntil(lambda: 0 < register.model.rowCount() < len(rows), timeout=5000)
    assert window.show_register_preview(rows) is False  # once the database is open: never
    window.close()  # no tab is built in the background after the database closed
    qtbot.wait(50)


_RUN_GUI_SCRIPT = """
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
seen = {}

def exec_stand_in(*_args):
    loop = QEventLoop()

    def look():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
        w = windows[0] if windows else None
        from guilin_union.ui import screen_fit
        if w is not None and w._preview_painted and "preview" not in seen:
            seen["preview"] = {"ctx": w.ctx is not None,
                               "sqlite_utils": "sqlite_utils" in sys.modules,
                               "first": w.register_preview.model.index(0, 0).data()}
            seen["fitter_at_preview"] = bool(screen_fit._fitter)
        if w is not None and w.ctx is not None and w.safety is not None and "real" not in seen:
            register = w.tab_widgets["会员入会"].register_view
            seen["real"] = {"first": register.model.index(0, 0).data(),
                            "preview_left": w.register_preview is not None}
            seen["fitter"] = bool(screen_fit._fitter)
        if "real" in seen:
            register = w.tab_widgets["会员入会"].register_view
            seen["keyed"] = "&" in register.add_button.text()
            if seen["keyed"]:
                w.close()
                loop.quit()
    timer = QTimer(); timer.setInterval(1); timer.timeout.connect(look); timer.start()
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    return 0

QApplication.exec = exec_stand_in
from guilin_union.ui.application import run_gui
code = run_gui(sys.argv[1])
print(json.dumps({"code": code, **seen}))
"""


def _run_gui(path: Path, config: Path) -> dict:
    return run_script_json(
        _RUN_GUI_SCRIPT,
        str(path),
        env={"XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen"},
        drop_env=("GUILIN_UNION_DB",),
    )


def test_run_gui_shows_the_first_page_before_the_storage_layer_from_the_second_start(
    demo_db, tmp_path
):
    path = tmp_path / "demo.db"
    demo_db.conn.close()
    first = _run_gui(path, tmp_path / "config")  # nothing recorded yet: the normal path
    assert first["code"] == 0 and "preview" not in first and first["real"]["first"]
    second = _run_gui(path, tmp_path / "config")
    assert second["code"] == 0
    assert second["preview"] == {
        "ctx": False,
        "sqlite_utils": False,
        "first": first["real"]["first"],
    }
    assert second["real"] == {"first": first["real"]["first"], "preview_left": False}
    # The application-wide Show filter (dialog fitting, access keys) comes after the first
    # screen is painted, then keys the window that was shown before it (issue 15).
    assert second["fitter_at_preview"] is False
    assert first["fitter"] and second["fitter"] and first["keyed"] and second["keyed"]


def test_the_first_page_read_behind_the_paint_gives_the_same_rows_or_none(demo_db, tmp_path):
    """The worker that reads the first page while the empty window paints returns what the
    plain read returns, and None (the normal path) for a stale stamp or a missing file."""
    from guilin_union.ui.application import read_first_page_behind

    path = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    rows = read_first_page(path, program_stamp())
    assert rows and read_first_page_behind(path, program_stamp())() == rows
    assert read_first_page_behind(path, "0:none")() is None
    assert read_first_page_behind(tmp_path / "missing.db", program_stamp())() is None


def test_a_slow_first_page_read_gives_no_preview_instead_of_a_frozen_window(monkeypatch, tmp_path):
    """On a slow network share the early read is given up after FIRST_PAGE_WAIT_S (the normal
    path then fills the register); the window is never kept waiting for it."""
    import time

    from guilin_union.storage import first_page
    from guilin_union.ui import application

    monkeypatch.setattr(first_page, "read_first_page", lambda *_a: time.sleep(2) or [{"id": 1}])
    start = time.monotonic()
    assert application.read_first_page_behind(tmp_path / "slow.db", "stamp")() is None
    assert time.monotonic() - start < application.FIRST_PAGE_WAIT_S + 1
