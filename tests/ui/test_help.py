"""Issue 15: help inside the program (F1 guide, first-run checklist) and the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from guilin_union.services import first_run
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.ui import keyboard
from guilin_union.ui.access_keys import plain_text
from guilin_union.ui.help.guide_dialog import TAB_PAGES, GuideDialog, load_pages
from tests.ui.helpers import make_window


@pytest.fixture
def empty_path(tmp_path) -> Path:
    path = tmp_path / "new.db"
    open_database(path).conn.close()
    return path


def test_the_guide_has_a_page_for_every_tab_and_the_years_order():
    pages = {p.file: p for p in load_pages()}
    assert set(TAB_PAGES.values()) <= set(pages)
    index = pages["00-index.md"].text
    order = [index.index(step) for step in ("单位信息", "分工会", "慰问标准", "导入名单")]
    assert order == sorted(order)
    for page in pages.values():
        assert page.title and "\u4e00" <= page.title[0] <= "\u9fff"


def test_f1_opens_the_guide_at_the_current_tab(qtbot, empty_path):
    window, _ = make_window(qtbot, empty_path)
    window.tabs.setCurrentWidget(window.tab_widgets.get("慰问"))
    assert window.help_action.shortcut().toString() == "F1"
    window.help_action.trigger()
    dialog = window.guide_dialog
    qtbot.addWidget(dialog)
    assert isinstance(dialog, GuideDialog) and dialog.isVisible()
    assert dialog.current_file() == TAB_PAGES["慰问"]
    assert "慰问" in dialog.browser.toPlainText()
    dialog.page_list.setCurrentRow(0)
    assert "使用说明" in dialog.browser.toPlainText()


def test_first_run_checklist_ticks_itself_and_hides_when_done(qtbot, empty_path):
    window, _ = make_window(qtbot, empty_path)
    bar = window.first_run_bar
    assert bar.isVisible()
    assert [s.done for s in bar.states] == [False] * len(first_run.STEPS)
    assert "0/6" in bar.steps_label.text()
    db = window.ctx.db
    branches.add_branch(db, "文学院分工会")
    window.ctx.notify(Changes.of("branches"))
    assert [s.key for s in bar.states if s.done] == ["branches"]
    assert "✔ 分工会" in bar.steps_label.text()
    settings_service.set_many(db, {"institution_name": "桂林学院"})
    window.ctx.notify(Changes.of("settings"))
    assert "2/6" in bar.steps_label.text()
    # a link opens the place where the step is done
    bar.open_step("standards")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "慰问"
    bar.dismiss()
    assert not bar.isVisible()
    bar.reopen()
    assert bar.isVisible()


def test_demo_database_shows_no_checklist(qtbot, tmp_path):
    from guilin_union.services.demo import populate_demo

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=3)
    db.conn.close()
    window, _ = make_window(qtbot, path)
    assert not window.first_run_bar.isVisible()


def test_ctrl_f_focuses_the_search_box_and_ctrl_n_starts_new(qtbot, empty_path):
    window, _ = make_window(qtbot, empty_path)
    window.tabs.setCurrentWidget(window.tab_widgets.get("会员入会"))
    window.activateWindow()
    qtbot.waitUntil(lambda: window.tab_widgets.get("会员入会").isVisible())
    assert keyboard.focus_search(window)
    focused = window.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.placeholderText().startswith("搜索")
    assert window.find_shortcut.key().toString() == "Ctrl+F"
    assert window.new_shortcut.key().toString() == "Ctrl+N"
    before = set(QApplication.topLevelWidgets())
    window.new_shortcut.activated.emit()
    opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    assert [w.windowTitle() for w in opened] == ["新增会员"]
    for widget in opened:
        widget.close()


def test_ctrl_n_means_the_sub_page_s_own_new_record(qtbot, tmp_path):
    from PySide6.QtWidgets import QTabWidget

    from guilin_union.services.demo import populate_demo

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=4)
    db.conn.close()
    window, _ = make_window(qtbot, path)
    expected = {
        ("教代会", "会议"): "新建会议…",
        ("教代会", "提案"): "提交提案…",
        ("活动", "报名"): "新建活动…",
        ("慰问", "慰问记录"): "登记慰问…",
        ("会员入会", "会员名册"): "新增会员…",
    }
    for (tab_title, page_title), text in expected.items():
        page = window.tab_widgets[tab_title]
        window.tabs.setCurrentWidget(page)
        inner = next(t for t in page.findChildren(QTabWidget) if t.isVisible())
        inner.setCurrentIndex(
            next(i for i in range(inner.count()) if inner.tabText(i) == page_title)
        )
        qtbot.wait(5)
        button = keyboard.new_button(page)
        assert button is not None and plain_text(button.text()) == text, (tab_title, page_title)
        assert keyboard.search_box(page) is not None or page_title == "会议"
