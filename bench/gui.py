"""GUI measures, run inside a child process (offscreen Qt): member search, tab switching,
building each tab, opening the member form, and peak memory.

Everything goes through the real widgets: the search through ``MemberRegisterView`` (text set,
the debounce timer's ``timeout`` fired at once, the model reset and its first page fetched and
painted), tabs through the real ``MainWindow`` opened like the program opens a file, the form
through ``MemberRegisterView.edit_member``. Each measure also checks that the work was done
(the search found exactly the rows the plain SQL finds, the tab is the visible one, the form
shows the member) so that a broken measure is reported as INVALID, never as fast.
"""

from __future__ import annotations

import importlib
import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.timing import CheckFailed, expect
from guilin_union.ui.prompts import Prompts

# The search the way someone would write it with no program around it: the same seven keys,
# a plain scan, no sorting (so the ratio does not flatter the program).
BARE_SEARCH_SQL = (
    "SELECT id FROM members WHERE name LIKE ?1 OR name_initials LIKE ?2 OR name_pinyin LIKE ?2"
    " OR staff_no LIKE ?1 OR member_no LIKE ?1 OR id_number LIKE ?3 OR department LIKE ?1"
)
# One keystroke each: a common surname, a pinyin initial, a digit (staff/member numbers),
# a character found in department names.
SEARCH_TERMS = ("张", "l", "2", "文")


def bare_search(conn: sqlite3.Connection, term: str) -> list[int]:
    params = [f"%{term}%", f"{term.lower()}%", f"%{term.upper()}"]
    return [r[0] for r in conn.execute(BARE_SEARCH_SQL, params)]


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _pump(app, rounds: int = 2) -> None:
    for _ in range(rounds):
        app.processEvents()


class QuietPrompts(Prompts):
    """Answers every question with "no" and records messages: no modal dialog may block a
    measure."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []

    def confirm(self, parent, title, text, *, ok_text="确定") -> bool:  # noqa: ANN001
        self.messages.append(("confirm", title, text))
        return False

    def info(self, parent, title, text) -> None:  # noqa: ANN001
        self.messages.append(("info", title, text))

    def warning(self, parent, title, text) -> None:  # noqa: ANN001
        self.messages.append(("warning", title, text))

    def error(self, parent, title, text) -> None:  # noqa: ANN001
        self.messages.append(("error", title, text))

    def ask_text(self, *args: Any, **kwargs: Any) -> None:
        return None

    def ask_item(self, *args: Any, **kwargs: Any) -> None:
        return None

    def pick_members(self, *args: Any, **kwargs: Any) -> list[int]:
        return []

    def save_file(self, *args: Any, **kwargs: Any) -> None:
        return None

    def open_file(self, *args: Any, **kwargs: Any) -> None:
        return None


# ------------------------------------------------------------------ search
def _plain_context(path: Path):
    from guilin_union.storage import open_database
    from guilin_union.ui.context import AppContext

    return AppContext(db=open_database(path), db_path=path, prompts=QuietPrompts())


def measure_search(path: Path, repeats: int) -> dict[str, Any]:
    """Keystroke -> table updated, on the register of ``path``; and the plain SQL."""
    from guilin_union.ui.members.register_view import MemberRegisterView

    app = _app()
    ctx = _plain_context(path)
    view = MemberRegisterView(ctx)
    view.resize(1280, 760)
    view.show()
    _pump(app)
    from guilin_union.storage.uri import connect_read_only

    conn = connect_read_only(path)
    ours: list[float] = []
    bare: list[float] = []
    per_term: dict[str, list[float]] = {term: [] for term in SEARCH_TERMS}
    problems: list[str] = []
    timer = view._search_timer  # the debounce timer: fired at once instead of after 150 ms

    def clear() -> None:
        view.search_edit.setText("")
        timer.stop()
        view.apply_filters()
        _pump(app)

    try:
        for round_no in range(repeats + 1):  # round 0 warms caches and is not recorded
            for term in SEARCH_TERMS:
                clear()
                start = time.perf_counter()
                view.search_edit.setText(term)
                timer.stop()
                timer.timeout.emit()
                if view.model.rowCount():
                    view.model.row_data(0)  # the first page
                app.processEvents()  # the table repaints
                elapsed = time.perf_counter() - start
                shown = view.model.rowCount()
                start = time.perf_counter()
                expected = bare_search(conn, term)
                bare_elapsed = time.perf_counter() - start
                if shown != len(expected) or not expected:
                    problems.append(
                        f"“{term}”: table shows {shown} rows, plain SQL finds {len(expected)}"
                    )
                if round_no:
                    ours.append(elapsed)
                    bare.append(bare_elapsed)
                    per_term[term].append(elapsed)
        first = view.model.row_data(0) if view.model.rowCount() else None
        if first is None or not first.get("name"):
            problems.append("the first row of the table has no name")
    finally:
        conn.close()
        view.close()
        ctx.db.conn.close()
    return {
        "ours": ours,
        "bare": bare,
        "problems": sorted(set(problems)),
        "members": _count(path),
        "per_term": {term: sorted(v)[len(v) // 2] for term, v in per_term.items() if v},
    }


def _count(path: Path) -> int:
    from guilin_union.storage.uri import connect_read_only

    conn = connect_read_only(path)
    try:
        return conn.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        conn.close()


# ------------------------------------------------------------------ main window
def open_main_window(path: Path):
    """The real main window on ``path``, opened like the program opens a file."""
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    app = ensure_application()
    ctx = open_context(path, prompts=QuietPrompts())
    if ctx is None:
        raise CheckFailed("the database could not be opened")
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    settle(app, window)
    return app, window


def settle(app, window, limit_s: float = 120.0) -> None:
    """Let the window finish what it does after showing (filling the current tab, preparing
    the other tabs, the backup on open) before anything is timed."""
    started = time.monotonic()
    while time.monotonic() - started < limit_s:
        app.processEvents()
        ready = getattr(window, "is_ready", lambda: True)()
        pending = getattr(window, "pending_tabs", lambda: 0)()
        if ready and not pending:
            break
        time.sleep(0.005)
    for _ in range(5):
        app.processEvents()


def measure_tabs(window, app, repeats: int) -> dict[str, Any]:
    """Switching to each tab (from the previous one) until it has painted."""
    tabs = window.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    switch: dict[str, list[float]] = {t: [] for t in titles}
    problems: list[str] = []
    for round_no in range(repeats + 1):  # round 0 is the first visit after start-up
        for index, title in enumerate(titles):
            if tabs.currentIndex() == index:  # come from another tab
                tabs.setCurrentIndex((index + 1) % len(titles))
                _pump(app)
            start = time.perf_counter()
            tabs.setCurrentIndex(index)
            app.processEvents()
            elapsed = time.perf_counter() - start
            page = tabs.widget(index)
            if tabs.currentIndex() != index or not page.isVisible():
                problems.append(f"tab {title} is not visible after switching to it")
            if round_no:
                switch[title].append(elapsed)
            _pump(app)
    return {"switch": switch, "problems": sorted(set(problems))}


def measure_tab_builds(ctx, app, repeats: int) -> dict[str, list[float]]:
    """How long each tab takes to build and paint once (on first use, or while the program
    prepares it after start-up). The first sample includes importing the tab's code."""
    from PySide6.QtWidgets import QWidget

    from guilin_union.ui.tabs import TABS

    builds: dict[str, list[float]] = {}
    for title, module_name in TABS:
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            module = importlib.import_module(module_name)
            widget: QWidget = module.create_tab(ctx)
            widget.resize(1280, 740)
            widget.show()
            app.processEvents()
            samples.append(time.perf_counter() - start)
            widget.close()
            widget.deleteLater()
            _pump(app)
        builds[title] = samples
    return builds


def measure_member_form(window, app, repeats: int) -> dict[str, Any]:
    """``MemberRegisterView.edit_member`` until the form has painted, for several members."""
    view = window.tab_widgets["会员入会"].register_view
    db = window.ctx.db
    ids = [r[0] for r in db.execute("SELECT id FROM members ORDER BY id")]
    step = max(1, len(ids) // (repeats + 1))
    sample = ids[::step][: repeats + 1]
    names = {
        r[0]: r[1]
        for r in db.execute(
            f"SELECT id, name FROM members WHERE id IN ({','.join('?' for _ in sample)})", sample
        )
    }
    samples: list[float] = []
    problems: list[str] = []
    for n, member_id in enumerate(sample):
        start = time.perf_counter()
        dialog = view.edit_member(member_id)
        app.processEvents()
        elapsed = time.perf_counter() - start
        if not dialog.isVisible() or dialog.ui.name_edit.text() != names[member_id]:
            problems.append(f"the form of member {member_id} did not show their name")
        if n:  # the first opening builds caches and imports; not recorded
            samples.append(elapsed)
        dialog.reject()
        dialog.deleteLater()
        _pump(app)
    return {"ours": samples, "problems": sorted(set(problems))}


def run_gui_measures(spec: dict[str, Any]) -> dict[str, Any]:
    """All in-process GUI measures; ``spec``: large, big (paths), repeats."""
    repeats = int(spec["repeats"])
    result: dict[str, Any] = {}
    for key in ("large", "big"):
        try:
            result[f"search_{key}"] = measure_search(Path(spec[key]), repeats)
        except Exception as exc:  # noqa: BLE001 — reported as an INVALID row, never as a pass
            result[f"search_{key}"] = {
                "ours": [],
                "bare": [],
                "problems": [f"{type(exc).__name__}: {exc}"],
            }
    try:
        app, window = open_main_window(Path(spec["large"]))
        result["tabs"] = measure_tabs(window, app, repeats)
        result["form"] = measure_member_form(window, app, max(repeats, 5) * 2)
        result["builds"] = measure_tab_builds(window.ctx, app, max(3, repeats // 2))
        messages = [m for m in window.ctx.prompts.messages if m[0] in ("error", "warning")]
        result["messages"] = messages
        window.close()
        _pump(app)
    except Exception as exc:  # noqa: BLE001 — any failure makes the row INVALID, never a pass
        problem = [f"{type(exc).__name__}: {exc}"]
        result.setdefault("tabs", {"switch": {}, "problems": problem})
        result.setdefault("form", {"ours": [], "problems": problem})
        result.setdefault("builds", {})
    return result


# ------------------------------------------------------------------ memory
def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (psutil if installed, else /proc, else
    getrusage)."""
    try:
        import psutil  # type: ignore[import-not-found]

        info = psutil.Process().memory_info()
        return float(getattr(info, "peak_wset", 0) or info.rss) / 2**20
    except ImportError:
        pass
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def visit_everything(window, app) -> list[str]:
    """Show every tab and every page inside it (nested tab widgets); returns what was seen."""
    from PySide6.QtWidgets import QTabWidget

    seen: list[str] = []
    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        _pump(app)
        seen.append(tabs.tabText(index))
        page = tabs.widget(index)
        for inner in page.findChildren(QTabWidget):
            for j in range(inner.count()):
                inner.setCurrentIndex(j)
                _pump(app)
                seen.append(f"{tabs.tabText(index)}/{inner.tabText(j)}")
    return seen


def run_memory(db_path: str) -> dict[str, Any]:
    app, window = open_main_window(Path(db_path))
    seen = visit_everything(window, app)
    problems = []
    expect_tabs = {window.tabs.tabText(i) for i in range(window.tabs.count())}
    from guilin_union.ui.tabs import TABS

    if not expect_tabs <= set(seen) or len(expect_tabs) != len(TABS):
        problems.append(f"visited {seen}")
    peak = peak_rss_mb()
    window.close()
    _pump(app)
    return {"peak_mb": peak, "seen": seen, "problems": problems}


__all__ = ["expect", "run_gui_measures", "run_memory", "bare_search", "QuietPrompts"]
