"""Tabs built when first needed (issue 11), and the main window shown before its database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from guilin_union.ui.lazy_tabs import LazyTabs
from tests.ui.helpers import ScriptedPrompts


class Page(QLabel):
    built: list[str] = []

    def __init__(self, title: str) -> None:
        super().__init__(title)
        Page.built.append(title)


@pytest.fixture
def lazy(qtbot):
    Page.built = []
    window = QMainWindow()
    tabs = QTabWidget()
    window.setCentralWidget(tabs)
    qtbot.addWidget(window)
    pages = LazyTabs(tabs)
    for title in ("甲", "乙", "丙"):
        pages.add(title, lambda title=title: Page(title))
    return window, tabs, pages


def test_nothing_is_built_before_activation(lazy):
    _window, tabs, pages = lazy
    assert tabs.count() == 3 and [tabs.tabText(i) for i in range(3)] == ["甲", "乙", "丙"]
    tabs.setCurrentIndex(1)
    assert Page.built == [] and pages.pending() == ["甲", "乙", "丙"]


def test_reading_a_page_builds_it_in_place(lazy):
    _window, tabs, pages = lazy
    page = pages["乙"]
    assert Page.built == ["乙"] and pages["乙"] is page  # built once
    assert tabs.widget(1) is page and tabs.indexOf(page) == 1
    assert "丙" in pages and "丁" not in pages and pages.get("丁") is None
    with pytest.raises(KeyError):
        pages["丁"]
    assert list(pages.built_pages()) == ["乙"]


def test_switching_builds_the_tab_without_extra_signals(lazy, qtbot):
    _window, tabs, pages = lazy
    pages.activate(build_rest_when_idle=False)
    assert Page.built == ["甲"]  # the current page at once
    seen: list[int] = []
    tabs.currentChanged.connect(seen.append)
    tabs.setCurrentIndex(2)
    assert Page.built == ["甲", "丙"]
    assert tabs.currentIndex() == 2 and tabs.currentWidget() is pages["丙"]
    assert seen == [2]  # the swap of the placeholder is silent


def test_rest_is_built_when_idle_only_while_the_window_is_on_screen(lazy, qtbot):
    window, _tabs, pages = lazy
    pages.activate()
    qtbot.wait(100)
    assert Page.built == ["甲"]  # window not shown yet: nothing built in the background
    window.show()
    qtbot.waitUntil(lambda: not pages.pending(), timeout=3000)
    assert Page.built == ["甲", "乙", "丙"]


def test_stop_background(lazy, qtbot):
    window, _tabs, pages = lazy
    window.show()
    pages.activate()
    pages.stop_background()
    qtbot.wait(150)
    assert Page.built == ["甲"]
    assert pages["丙"].text() == "丙"  # still built when asked for


# ------------------------------------------------------------------ the main window
@pytest.fixture
def db_path(tmp_path) -> Path:
    from guilin_union.services.members import branches
    from guilin_union.storage import open_database

    path = tmp_path / "gui.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    db.conn.close()
    return path


def test_window_is_shown_before_the_database_then_attached(qtbot, db_path):
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    assert not window.is_ready() and not window.menuBar().isEnabled()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "首页",
        "工作要点",
        "教代会",
        "会员入会",
        "活动",
        "慰问",
        "经费",
    ]
    assert window.tab_widgets.pending() == list(
        window.tab_widgets
    )  # nothing built without a database
    ctx = open_context(db_path, prompts=ScriptedPrompts())
    window.attach(ctx)
    assert window.is_ready() and window.menuBar().isEnabled()
    assert window.windowTitle().startswith("桂林学院工会工作管理系统")
    assert window.tab_widgets.is_built(window.tabs.tabText(window.tabs.currentIndex()))
    qtbot.waitUntil(lambda: window.pending_tabs() == 0, timeout=20000)  # the rest, while idle
    assert not window.tab_widgets.pending()


def test_a_frame_closed_before_its_database_opened_closes_cleanly(qtbot):
    from guilin_union.ui.application import ensure_application
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    assert window.close()


def test_member_form_has_every_area_page_before_the_tabs_are_built(qtbot, db_path, sample_ids):
    """The member form's pages come from every area even if their tabs were not built yet."""
    from guilin_union.services import members
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    ctx = open_context(db_path, prompts=ScriptedPrompts())
    member_id = members.add_member(
        ctx.db, {"name": "张晓明", "id_number": sample_ids["man"], "branch": "文学院分工会"}
    ).row_id
    window = MainWindow(ctx)  # not shown: no tab is built in the background
    qtbot.addWidget(window)
    dialog = window.tab_widgets["会员入会"].register_view.edit_member(member_id)
    qtbot.addWidget(dialog)
    titles = [dialog.ui.history_tabs.tabText(i) for i in range(dialog.ui.history_tabs.count())]
    assert {"会籍变更", "会费", "慰问记录", "参加活动"} <= set(titles)
