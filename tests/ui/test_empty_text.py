"""Issue 15: every list says something when it is empty; a search with no match says so."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView

from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.ui.widgets.empty_text import EMPTY_TEXTS, NO_MATCH, empty_text
from tests.ui.helpers import make_window


def _views(page):
    return [
        v
        for v in page.findChildren(QAbstractItemView)
        if not isinstance(v, QHeaderView)
        and not isinstance(v.parentWidget(), QComboBox)
        and not v.parentWidget().inherits("QComboBoxPrivateContainer")
    ]


def test_empty_register_explains_and_a_search_without_match_says_so(qtbot, tmp_path):
    path = tmp_path / "u.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    db.conn.close()
    window, _ = make_window(qtbot, path)
    view = window.tab_widgets["会员入会"].register_view
    window.tabs.setCurrentWidget(window.tab_widgets["会员入会"])
    table = view.members_table
    assert table.model().rowCount() == 0
    assert empty_text(table) == EMPTY_TEXTS["members_table"]
    view.search_edit.setText("没有这个人")
    assert empty_text(table) == NO_MATCH
    table.viewport().grab()  # painting the sentence does not fail
    view.search_edit.setText("")
    assert empty_text(table) == EMPTY_TEXTS["members_table"]


def test_every_list_of_every_tab_gets_a_sentence(qtbot, tmp_path):
    path = tmp_path / "u.db"
    open_database(path).conn.close()
    window, _ = make_window(qtbot, path)
    missing = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        page = window.tabs.widget(i)
        for view in _views(page):
            if view.isVisible() and not view.property("_empty_text_installed"):
                missing.append(f"{window.tabs.tabText(i)}: {view.objectName()}")
    assert not missing, missing
