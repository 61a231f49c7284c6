"""The program's start (issue 15): the window fills before ``quick_check`` has finished, and
the check's verdict still reaches the user before anything can be written; tabs built later
show current data."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from guilin_union.services import members
from guilin_union.services.changes import Changes
from guilin_union.storage import integrity, open_database
from guilin_union.storage.backup import BACKUP_PREFIX, make_backup
from tests.fresh_process import run_script_json
from tests.safety_fixtures import add_person, corrupt_index, filled_file
from tests.ui.helpers import ScriptedPrompts


@pytest.fixture
def db_path(tmp_path) -> Path:
    return filled_file(tmp_path / "start.db")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backups(db_path: Path) -> list[Path]:
    return sorted((db_path.parent / "backups").glob(f"{BACKUP_PREFIX}*.db"))


def _start(qtbot, db_path: Path, prompts: ScriptedPrompts):
    """What ``run_gui`` does: the window first, then the database with the check deferred."""
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    ctx = open_context(db_path, prompts=prompts, defer_check=True)
    window.attach(ctx, list_first=True)
    assert window.is_ready() and not window.menuBar().isEnabled()  # the list first …
    qtbot.waitUntil(lambda: window.safety is not None, timeout=10000)  # … then the menus
    assert window.menuBar().isEnabled()
    return window


def _replacement(qtbot, window):
    qtbot.waitUntil(lambda: getattr(window, "_replacement", None) is not None, timeout=30000)
    replacement = window._replacement
    qtbot.addWidget(replacement)
    return replacement


def test_damaged_file_found_after_the_window_filled_ends_read_only_with_the_offer(qtbot, db_path):
    db = open_database(db_path)
    good = make_backup(db, reason="on-close")
    db.conn.close()
    corrupt_index(db_path)
    before = _digest(db_path)
    prompts = ScriptedPrompts()
    prompts.confirms.append(False)  # "restore now?" — not now
    window = _start(qtbot, db_path, prompts)
    replacement = _replacement(qtbot, window)
    kind, _title, text = prompts.messages[-1]
    assert kind == "confirm" and "损坏" in text and good.name in text
    assert replacement.ctx.read_only and "（只读）" in replacement.windowTitle()
    assert "已损坏" in replacement.safety.banner.message_label.text()
    assert window.ctx.read_only and not window.isVisible()
    assert [p.name for p in _backups(db_path)] == [good.name]  # no backup on open of it
    replacement.close()
    assert _digest(db_path) == before  # nothing was written to the damaged file


def test_damaged_file_without_backups_says_so(qtbot, db_path):
    corrupt_index(db_path)
    prompts = ScriptedPrompts()
    window = _start(qtbot, db_path, prompts)
    replacement = _replacement(qtbot, window)
    kind, title, text = prompts.messages[-1]
    assert kind == "warning" and title == "数据文件已损坏" and "没有找到完好的自动备份" in text
    assert replacement.ctx.read_only and replacement.safety.banner is not None


def test_no_write_slips_in_before_the_verdict(qtbot, db_path, monkeypatch):
    """A save made while the check still runs waits for it; a bad verdict refuses it."""
    release = threading.Event()
    real_check = integrity.quick_check

    def slow_check(conn):
        release.wait(30)
        return real_check(conn)

    monkeypatch.setattr(integrity, "quick_check", slow_check)
    corrupt_index(db_path)
    before = _digest(db_path)
    prompts = ScriptedPrompts()
    window = _start(qtbot, db_path, prompts)
    assert window.ctx.integrity_pending() and not window.ctx.read_only
    threading.Timer(0.3, release.set).start()
    with pytest.raises(Exception) as refused:  # noqa: PT011 — sqlite3's "not authorized"
        add_person(window.ctx.db, 99)
    assert "authorized" in str(refused.value)
    assert window.ctx.deferred_check.writes_waited >= 1
    _replacement(qtbot, window)
    assert _digest(db_path) == before


def test_healthy_file_lifts_the_gate_and_backs_up_on_open(qtbot, db_path):
    prompts = ScriptedPrompts()
    window = _start(qtbot, db_path, prompts)
    qtbot.waitUntil(lambda: window.ctx.deferred_check.passed, timeout=30000)
    qtbot.waitUntil(lambda: len(_backups(db_path)) == 1, timeout=30000)  # after_show ran
    assert "on-open" in _backups(db_path)[0].name
    add_person(window.ctx.db, 61)
    assert not window.ctx.read_only and getattr(window, "_replacement", None) is None
    assert not [m for m in prompts.messages if m[0] in ("warning", "error")]


def test_a_tab_built_after_a_change_shows_it(qtbot, db_path, sample_ids):
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    ctx = open_context(db_path, prompts=ScriptedPrompts())
    ctx.qsettings.setValue("window/last_tab", 0)  # start on 首页
    window = MainWindow(ctx)  # not shown: nothing is built in the background
    qtbot.addWidget(window)
    assert not window.tab_widgets.is_built("会员入会")
    members.add_member(
        ctx.db, {"name": "后来者", "id_number": sample_ids["man"], "branch": "文学院分工会"}
    )
    ctx.notify(Changes.of("members"))
    view = window.tab_widgets["会员入会"].register_view
    names = {view.model.row_data(r)["name"] for r in range(view.model.rowCount())}
    assert "后来者" in names and len(names) == 61
    ctx.qsettings.remove("window/last_tab")


def test_a_window_closed_before_its_menus_came_releases_the_lock(qtbot, db_path):
    from guilin_union.storage.lock import lock_path_for
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    ctx = open_context(db_path, prompts=ScriptedPrompts(), defer_check=True)
    window.attach(ctx, list_first=True)
    assert lock_path_for(db_path).exists()
    window.close()  # before the next turn of the event loop
    assert not lock_path_for(db_path).exists()
    qtbot.wait(100)
    assert window.safety is None  # no menus, lock timer or instance server for a closed window
    assert ctx.deferred_check.wait(30) == "ok"


def _open_with_order(qtbot, db_path: Path, monkeypatch, *, show: bool) -> tuple[object, list[str]]:
    """Start as ``run_gui`` does and note, in order, the register's paints and the menus."""
    from PySide6.QtCore import QEvent, QObject

    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    order: list[str] = []
    original = MainWindow._attach_menus

    def attach_menus(self) -> None:
        order.append("menus")
        original(self)

    monkeypatch.setattr(MainWindow, "_attach_menus", attach_menus)

    class PaintSpy(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                order.append("paint")
            return False

    ensure_application()
    window = MainWindow(None)
    qtbot.addWidget(window)
    if show:
        window.show()
    ctx = open_context(db_path, prompts=ScriptedPrompts(), defer_check=True)
    window.attach(ctx, list_first=True)
    spy = PaintSpy(window)
    window.tabs.currentWidget().installEventFilter(spy)
    qtbot.waitUntil(lambda: window.safety is not None, timeout=10000)
    assert window.menuBar().isEnabled()
    return window, order


def test_the_menus_are_attached_after_the_register_is_painted(qtbot, db_path, monkeypatch):
    window, order = _open_with_order(qtbot, db_path, monkeypatch, show=True)
    assert "paint" in order and order.index("paint") < order.index("menus")
    assert window.tab_widgets.is_built("会员入会")


def test_a_window_that_is_not_painted_still_gets_its_menus(qtbot, db_path, monkeypatch):
    window, order = _open_with_order(qtbot, db_path, monkeypatch, show=False)
    assert order.count("menus") == 1 and "paint" not in order
    window.close()


def test_the_storage_layer_is_imported_on_a_worker_thread_without_numpy(tmp_path):
    """``run_gui`` imports sqlite-utils and the first screen's services while the window is
    painted: in a fresh process they are all loaded once waited for, numpy is not."""

    script = (
        "import json, sys, threading\n"
        "from guilin_union.ui.application import preload_storage\n"
        "assert 'sqlite_utils' not in sys.modules\n"
        "wait = preload_storage()\n"
        "wait()\n"
        "from guilin_union.ui.context import FIRST_SCREEN_MODULES\n"
        "print(json.dumps({'missing': [m for m in ('sqlite_utils', *FIRST_SCREEN_MODULES)"
        " if m not in sys.modules], 'numpy': 'numpy' in sys.modules,"
        " 'threads': threading.active_count()}))\n"
    )
    result = run_script_json(script)
    assert result == {"missing": [], "numpy": False, "threads": 1}


def test_the_list_widgets_imported_beside_the_worker_import_nothing_it_imports():
    """``run_gui`` imports the list widgets on the UI thread while the worker imports the
    storage layer: they must not import storage, services or ui.context (else the two
    threads would import the same modules at once)."""

    script = (
        "import json, sys\n"
        "from guilin_union.ui.application import import_list_widgets\n"
        "import_list_widgets()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'sqlite_utils'"
        " or m.startswith(('guilin_union.storage', 'guilin_union.services'))"
        " or m == 'guilin_union.ui.context')))\n"
    )
    assert run_script_json(script) == []


def test_modules_below_the_ui_are_not_read_for_pyside_features(monkeypatch):
    """PySide6 reads every imported module's source looking for ``__feature__``; modules of
    core, storage, services and sqlite-utils are answered without reading them, the UI's
    modules are answered as Qt, others are still read."""
    import inspect
    import json
    import sys

    import guilin_union.core.errors
    import guilin_union.ui.table_model
    from guilin_union.ui.application import skip_feature_scan_below_ui

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no feature scan")
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # restored
    skip_feature_scan_below_ui()
    skip_feature_scan_below_ui()  # twice: wrapped once
    read: list[str] = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj.__name__) or real(obj))
    assert feature._mod_uses_pyside(guilin_union.core.errors) is False
    assert feature._mod_uses_pyside(guilin_union.ui.table_model) is True
    assert feature._mod_uses_pyside(json) is False
    assert read == ["json"]  # another library's module is still read
