"""The small lists of the member, home, dialogs and safety screens are IdTableModels over an
in-memory ListSource (issue 19: one table idiom), each a well-behaved Qt model."""

from __future__ import annotations

import pytest

from guilin_union.services import members
from guilin_union.services.members import branches
from guilin_union.services.members import record as mr
from guilin_union.services.members import status as member_status
from guilin_union.ui.table_model import ColumnSpec, IdTableModel, ListSource, list_model, set_rows
from tests.ui.helpers import ScriptedPrompts


@pytest.fixture
def ctx(tmp_path, sample_ids):
    from guilin_union.storage import open_database
    from guilin_union.ui.application import ensure_application, open_context

    path = tmp_path / "union.db"
    db = open_database(path)
    branch = branches.add_branch(db, "文学院分工会").row_id
    member = members.add_member(
        db, {"name": "张晓明", "branch": "文学院分工会", "id_number": sample_ids["man"]}
    ).row_id
    member_status.record_status_change(db, member, "转出", on="2024-09-01", reason="调动")
    mr.save_group(db, branch, "第一小组", leader_member_id=member)
    db.conn.close()
    ensure_application()
    context = open_context(path, prompts=ScriptedPrompts())
    context.member_id, context.branch_id = member, branch  # type: ignore[attr-defined]
    yield context
    context.db.conn.close()


def _cells(model: IdTableModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_list_model_sorts_and_refills(qtmodeltester):
    model = list_model([ColumnSpec("name", "姓名", sort_key="name"), ColumnSpec("n", "数")])
    assert model.rowCount() == 0
    set_rows(model, [{"name": "乙", "n": 2}, {"name": "甲", "n": None}])
    qtmodeltester.check(model, force_py=True)
    assert _cells(model) == [["乙", "2"], ["甲", ""]]
    from PySide6.QtCore import Qt

    model.sort(0, Qt.SortOrder.DescendingOrder)  # by code point: 甲 (U+7532) after 乙 (U+4E59)
    assert _cells(model) == [["甲", ""], ["乙", "2"]]
    assert ListSource([{"k": 2}, {"k": 1}]).ids("k", False) == [1, 0]


def test_status_history_page(qtbot, qtmodeltester, ctx):
    from guilin_union.ui.intake.member_pages import StatusHistoryPage

    page = StatusHistoryPage(ctx, ctx.member_id)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model, force_py=True)
    assert _cells(page.model)[0][:3] == ["2024-09-01", "转出", "在会 → 转出"]


def test_birthdays_dialog(qtbot, qtmodeltester, ctx, sample_ids):
    from guilin_union.ui.home.birthdays import BirthdaysDialog

    dialog = BirthdaysDialog(ctx, 3)  # the man of sample_ids was born on 03-07
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model, force_py=True)
    assert _cells(dialog.model) == []  # 转出: not 在会 any more
    member_status.undo_status_change(
        ctx.db, member_status.status_history(ctx.db, ctx.member_id)[0]["id"]
    )
    dialog = BirthdaysDialog(ctx, 3)
    qtbot.addWidget(dialog)
    assert _cells(dialog.model) == [["03-07", "张晓明", "文学院分工会"]]


def test_branches_and_groups_dialogs(qtbot, qtmodeltester, ctx):
    from guilin_union.ui.dialogs.branches_dialog import BranchesDialog, GroupsDialog

    dialog = BranchesDialog(ctx)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model, force_py=True)
    assert _cells(dialog.model) == [["01", "文学院分工会", "", "1", "启用"]]
    dialog.branches_table.selectRow(0)
    dialog.toggle_active()  # through the runner: undo from the service's inverse
    assert _cells(dialog.model)[0][4] == "已停用"
    ctx.undo_stack.undo()
    dialog.reload()
    assert _cells(dialog.model)[0][4] == "启用"
    groups = GroupsDialog(ctx, ctx.branch_id, "文学院分工会")
    qtbot.addWidget(groups)
    qtmodeltester.check(groups.model, force_py=True)
    assert _cells(groups.model) == [["第一小组", "张晓明", "1"]]
    assert groups.current() is None
    groups.table.selectRow(0)
    assert groups.current()["name"] == "第一小组" and groups.delete_button.isEnabled()


def test_change_log_detail(qtbot, qtmodeltester, ctx):
    from guilin_union.ui.safety.log_viewer import ChangeLogDialog

    dialog = ChangeLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show_detail(0)
    qtmodeltester.check(dialog.detail_model, force_py=True)
    assert dialog.detail_model.rowCount() > 0
    assert all(len(row) == 3 for row in _cells(dialog.detail_model))
