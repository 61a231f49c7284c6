"""活动: every write from the screens is undone and redone through the service's inverse
(ops.CollectionOp), with the rows exactly as before/after."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from guilin_union.storage import open_database
from guilin_union.ui import ops
from tests import activities_fixtures as fx
from tests.ui.helpers import make_window
from tests.undo_check import dump


@pytest.fixture
def view(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "ui.db"
    db = open_database(path)
    people = fx.setup(db)
    activity_id = fx.make_activity(db, places=1, events=["男子组"], signup_deadline=None)
    db.conn.close()
    window, prompts = make_window(qtbot, path)
    view = window.tab_widgets["活动"]
    window.tabs.setCurrentWidget(view)
    monkeypatch.setattr(ops, "BACKGROUND", False)
    view.select_activity(activity_id)
    return view, prompts, people, activity_id


def _save(dialog) -> None:
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()


def _undo_redo(view, before, after) -> None:
    stack = view.ctx.undo_stack
    stack.undo()
    assert dump(view.ctx.db, "activit") == before
    stack.redo()
    assert dump(view.ctx.db, "activit") == after


def test_editing_a_registration_with_its_status_is_one_undo_step(qtbot, view):
    view, prompts, people, activity_id = view
    db = view.ctx.db
    page = view.participants_page
    prompts.picks.append([people["张伟"], people["李娜"]])
    _save(page.add_participants())  # 李娜 waits for the one place
    before = dump(db, "activit")
    steps = view.ctx.undo_stack.count()
    dialog = page.edit_participant(fx.participant_id(db, activity_id, people["张伟"]))
    dialog.ui.notes_edit.setText("因公出差")
    dialog.ui.status_combo.setCurrentText("已取消")
    _save(dialog)
    assert fx.statuses(db, activity_id) == {"张伟": "已取消", "李娜": "已报名"}
    assert any("李娜 由候补转为已报名" in m[2] for m in prompts.messages)
    assert view.ctx.undo_stack.count() == steps + 1
    after = dump(db, "activit")
    _undo_redo(view, before, after)


def test_budget_line_and_summary_undo_and_redo(qtbot, view):
    view, _prompts, _people, _activity_id = view
    db = view.ctx.db
    before = dump(db, "activit")
    dialog = view.budget_page.add_line("预算")
    dialog.ui.amount_edit.setText("500")
    _save(dialog)
    assert view.budget_page.lines_model.rowCount() == 1
    _undo_redo(view, before, dump(db, "activit"))
    assert view.budget_page.lines_model.rowCount() == 1

    before = dump(db, "activit")
    view.detail_page.summary_edit.setPlainText("圆满完成")
    view.detail_page.save_summary()
    _undo_redo(view, before, dump(db, "activit"))
    assert view.ctx.undo_stack.undoText() == "修改活动总结"


def test_a_refused_write_keeps_the_form_open_and_pushes_nothing(qtbot, view):
    view, prompts, people, activity_id = view
    steps = view.ctx.undo_stack.count()
    dialog = view.budget_page.add_line("支出")
    dialog.ui.amount_edit.setText("很多")
    _save(dialog)
    assert dialog.isVisible() and dialog.ui.summary_label.text()
    assert view.ctx.undo_stack.count() == steps
