"""登记表信息 under the member form (issue 24): fields, family, resume, honours and photo."""

from __future__ import annotations

import io

import pytest

from guilin_union.services import members
from guilin_union.services.members import record as mr
from tests.ui.helpers import make_window


@pytest.fixture
def db_path(tmp_path):
    from guilin_union.services.members import branches
    from guilin_union.storage import open_database

    path = tmp_path / "record.db"
    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    db.conn.close()
    return path


def _page(qtbot, window, member_id):
    register = window.tab_widgets["会员入会"].register_view
    register.apply_filters()
    dialog = register.edit_member(member_id)
    qtbot.addWidget(dialog)
    tabs = dialog.ui.history_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    page = tabs.widget(titles.index("登记表信息"))
    tabs.setCurrentWidget(page)
    return dialog, page


def test_record_page_saves_fields_tables_and_photo(qtbot, db_path, tmp_path):
    from PIL import Image
    from PySide6.QtWidgets import QTableWidgetItem

    window, _prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    member_id = members.add_member(db, {"name": "王𠀾", "branch": "文学院分工会"}).row_id
    branch = db.execute("SELECT id FROM branches").fetchone()[0]
    mr.save_group(db, branch, "第一小组")
    _dialog, page = _page(qtbot, window, member_id)
    page.edits["native_place"].setText("广西桂林")
    page.edits["id_valid_until"].setText("长期有效")
    page.group_combo.setCurrentText("第一小组")
    page.family_table.setItem(0, 0, QTableWidgetItem("配偶"))
    page.family_table.setItem(0, 1, QTableWidgetItem("李梅"))
    page.resume_table.setItem(0, 0, QTableWidgetItem("2012-07"))
    page.resume_table.setItem(0, 2, QTableWidgetItem("桂林学院"))
    page.honours_table.setItem(0, 0, QTableWidgetItem("优秀工会干部"))
    page.honours_table.setItem(0, 1, QTableWidgetItem("校"))
    assert page.save()
    profile = mr.get_profile(db, member_id)
    assert profile["native_place"] == "广西桂林" and profile["group"] == "第一小组"
    assert mr.list_family(db, member_id)[0]["name"] == "李梅"
    assert mr.list_resume(db, member_id)[0]["unit"] == "桂林学院"
    assert [h["title"] for h in mr.list_honours(db, member_id=member_id)] == ["优秀工会干部"]
    # A bad value is shown on the page, nothing is written.
    page.edits["postcode"].setText("12")
    assert not page.save()
    assert "邮编" in page.message_label.text() and mr.get_profile(db, member_id)["postcode"] is None
    photo = tmp_path / "p.png"
    Image.new("RGB", (300, 400), (0, 120, 0)).save(photo)
    assert page.set_photo(str(photo))
    assert not page.photo_label.pixmap().isNull() and page.photo_remove_button.isEnabled()
    with Image.open(io.BytesIO(mr.get_photo(db, member_id))) as image:
        assert image.size == mr.PHOTO_SIZE


def test_branch_manager_shows_and_edits_groups(qtbot, db_path):
    from guilin_union.ui.dialogs.branches_dialog import BranchesDialog

    window, prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    leader = members.add_member(db, {"name": "组长甲", "branch": "文学院分工会"}).row_id
    branches_dialog = BranchesDialog(window.ctx, window)
    qtbot.addWidget(branches_dialog)
    branches_dialog.branches_table.selectRow(0)
    dialog = branches_dialog.edit_groups()
    qtbot.addWidget(dialog)
    assert dialog.empty_label.isVisibleTo(dialog)
    prompts.texts.append("第一小组")
    dialog.add_group()
    cell = lambda r, c: dialog.model.index(r, c).data()  # noqa: E731
    assert dialog.model.rowCount() == 1 and cell(0, 0) == "第一小组"
    dialog.table.selectRow(0)
    prompts.picks.append([leader])
    dialog.set_leader()
    assert cell(0, 1) == "组长甲" and cell(0, 2) == "1"
    prompts.confirms.append(True)
    dialog.table.selectRow(0)
    dialog.delete_group()
    assert dialog.model.rowCount() == 0 and mr.get_profile(db, leader)["group_id"] is None
