"""Issue 15's consistency pass (docs/STYLE.md), one test per rule that code can check."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QToolButton

from guilin_union.services import congress
from guilin_union.ui.widgets.date_fields import NO_DATE_TEXT
from tests.ui.helpers import make_window
from tests.ui.test_congress_tab import _tab, db_path  # noqa: F401 (fixture)


def test_session_dates_are_all_picked_with_a_calendar(qtbot, db_path):  # noqa: F811
    window, _ = make_window(qtbot, db_path)
    tab = _tab(window)
    tab.new_session()
    dialog = tab._last_dialog
    qtbot.addWidget(dialog)
    for name in (
        "start_date_edit",
        "end_date_edit",
        "proposal_deadline_edit",
        "reply_deadline_edit",
    ):
        edit = getattr(dialog.ui, name)
        assert isinstance(edit, QDateEdit) and edit.calendarPopup(), name
    assert dialog.ui.end_date_edit.text() == NO_DATE_TEXT
    dialog.ui.start_date_edit.setDate(QDate(2026, 3, 14))
    dialog.ui.end_date_edit.setDate(QDate(2026, 3, 15))
    assert dialog.save()
    session = congress.get_session(window.ctx.db, tab.session_id)
    assert session.end_date == "2026-03-15"
    assert not session.proposal_deadline or len(session.proposal_deadline) == 10


def test_register_edit_and_delete_need_a_selection(qtbot, tmp_path):
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=5)
    db.conn.close()
    window, _ = make_window(qtbot, path)
    view = window.tab_widgets["会员入会"].register_view
    view.members_table.clearSelection()
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    view.members_table.selectRow(0)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()
    assert view.add_button.text().endswith("…") and view.edit_button.text() == "修改…"
    # menu buttons draw their own arrow: no second one in the text
    for page in window.tab_widgets.built_pages().values():
        for button in page.findChildren(QToolButton):
            if button.menu() is not None:
                assert "▾" not in button.text(), button.text()


def test_welfare_edit_buttons_need_a_selection(qtbot, tmp_path):
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=5)
    db.conn.close()
    window, _ = make_window(qtbot, path)
    tab = window.tab_widgets["慰问"]
    window.tabs.setCurrentWidget(tab)
    from PySide6.QtWidgets import QTableView, QTabWidget

    for inner in tab.findChildren(QTabWidget):  # inner pages are built when first shown
        for i in range(inner.count()):
            inner.setCurrentIndex(i)
            qtbot.wait(5)
    for name in ("welfare_payments_table", "welfare_hardship_table", "welfare_standards_table"):
        table = tab.findChild(QTableView, name)
        view = table.parentWidget()
        while not hasattr(view, "edit_button"):
            view = view.parentWidget()
        table.viewport().grab()  # painted once: a model made on the first reload is bound
        table.clearSelection()
        assert not view.edit_button.isEnabled(), name
        table.selectRow(0)
        assert view.edit_button.isEnabled(), name


def test_tab_walks_the_member_form_through_notes_and_history(qtbot, tmp_path):
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=6)
    db.conn.close()
    window, _ = make_window(qtbot, path)
    view = window.tab_widgets["会员入会"].register_view
    member_id = view.model.row_id(0)
    dialog = view.edit_member(member_id)
    qtbot.addWidget(dialog)
    assert dialog.ui.notes_edit.tabChangesFocus()  # Tab leaves 备注
    chain, widget = [], dialog.ui.notes_edit
    for _ in range(40):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    history_at = chain.index(dialog.ui.history_tabs)
    buttons_at = chain.index(dialog.ui.button_box)
    assert history_at < buttons_at
