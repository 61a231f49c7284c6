"""Access keys on every button, menu and field label (issue 15, guilin_union/ui/access_keys.py)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui import access_keys
from guilin_union.ui.access_keys import (
    SKIP,
    give_keys_to_menu,
    give_keys_to_window,
    key_of,
    plain_text,
    window_items,
    with_key,
)
from guilin_union.ui.application import ensure_application
from tests.ui.helpers import make_window
from tests.ui.test_home_page import demo_path  # noqa: F401 (fixture)


def test_labels_get_the_windows_key_with_the_ellipsis_kept_at_the_end():
    assert with_key("修改…", "E") == "修改(&E)…"
    assert with_key("更多 ▾", "M") == "更多(&M) ▾"
    assert with_key("姓名 *", "N") == "姓名(&N) *"
    assert with_key("Excel", "X") == "E&xcel"
    assert plain_text("修改(&E)…") == "修改…" and plain_text("A&&B") == "A&B"
    assert key_of("保存(&S)") == "S" and key_of("A&&B") is None and key_of("保存") is None
    assert access_keys.preferred_keys("保存条目内容")[0] == "S"
    assert access_keys.preferred_keys("确定")[0] == "O"
    assert access_keys.preferred_keys("打印预览…")[:2] == ["P", "V"]


def _dialog(qtbot) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    form = QFormLayout()
    form.addRow("姓名", QLineEdit())  # the label gets the edit as its buddy
    form.addRow("出生日期", QLineEdit())
    layout.addLayout(form)
    for text in ("保存条目内容", "删除", "修改…", "另一个", "已有(&D)"):
        layout.addWidget(QPushButton(text))
    data_box = QCheckBox("身份证复印件")
    data_box.setProperty(SKIP, True)
    layout.addWidget(data_box)
    layout.addWidget(QCheckBox("只看本年"))
    tabs = QTabWidget()
    for title in ("甲", "乙"):
        page = QWidget()
        inner = QVBoxLayout(page)
        inner.addWidget(QPushButton("保存"))  # S is taken by the window: another key
        inner.addWidget(QPushButton("导出…"))
        tabs.addTab(page, title)
    layout.addWidget(tabs)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    layout.addWidget(box)
    return dialog


def _texts(widget: QWidget) -> list[str]:
    return [b.text() for b in widget.findChildren(QPushButton)]


def test_a_shown_dialog_has_one_key_per_button_and_label(qtbot):
    ensure_application()
    dialog = _dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = {plain_text(b.text()): b.text() for b in dialog.findChildren(QPushButton)}
    assert texts["修改…"] == "修改(&E)…"
    assert texts["已有"] == "已有(&D)"  # a label's own key is kept
    assert texts["删除"] != "删除(&D)" and key_of(texts["删除"]) is not None  # D was taken
    assert texts["确定"] == "确定(&O)" and texts["取消"] == "取消(&C)"
    data_box, filter_box = dialog.findChildren(QCheckBox)
    assert data_box.text() == "身份证复印件" and key_of(filter_box.text()) is not None
    scopes = window_items(dialog)
    window_keys = [key_of(i.text()) for i in scopes[()]]
    assert None not in window_keys and len(set(window_keys)) == len(window_keys)
    pages = [scope for scope in scopes if scope]
    assert len(pages) == 2
    for page in pages:
        keys = [key_of(i.text()) for i in scopes[page]]
        assert None not in keys and len(set(keys)) == len(keys)
        assert not set(keys) & set(window_keys)  # Alt+S on a page never means two buttons
    labels = [i.text() for i in scopes[()] if i.kind == "label"]
    assert sorted(map(plain_text, labels)) == ["出生日期", "姓名"]


def test_text_changed_later_gets_a_key_when_shown_again(qtbot):
    dialog = _dialog(qtbot)
    dialog.show()
    button = dialog.findChildren(QPushButton)[3]
    button.setText("导入 3 条")
    assert key_of(button.text()) is None
    give_keys_to_window(dialog)
    assert plain_text(button.text()) == "导入 3 条" and key_of(button.text()) is not None


def test_a_page_shown_in_a_stack_is_given_keys(qtbot):
    ensure_application()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    stack = QStackedWidget(dialog)
    first, second = QWidget(), QWidget()
    QVBoxLayout(first).addWidget(QPushButton("下一步"))
    stack.addWidget(first)
    stack.addWidget(second)
    dialog.show()
    late = QPushButton("完成", second)
    stack.setCurrentWidget(second)
    qtbot.waitUntil(lambda: key_of(late.text()) is not None, timeout=2000)
    assert late.text() == "完成(&F)"


def test_menus_get_unique_keys_when_they_pop_up(qtbot):
    menu = QMenu()
    qtbot.addWidget(menu)
    for text in ("打开…", "保存", "另存为…", "", "退出"):
        if text:
            menu.addAction(text)
        else:
            menu.addSeparator()
    give_keys_to_menu(menu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["打开(&O)…", "保存(&S)", "另存为(&A)…", "退出(&X)"]


def _collisions(items: list[str]) -> list[str]:
    keys = Counter(k for k in map(key_of, items) if k)
    return [k for k, n in keys.items() if n > 1]


def test_main_window_every_tab_and_menu_has_unique_keys(qtbot, demo_path):  # noqa: F811
    window, _ = make_window(qtbot, demo_path)
    qtbot.waitExposed(window)
    pages = window.tab_widgets
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    qtbot.wait(50)
    give_keys_to_window(window)  # pages built after the window was shown
    scopes = window_items(window)
    missing = []
    for scope, items in scopes.items():
        texts = [i.text() for i in items]
        assert not _collisions(texts), (scope, texts)
        missing += [t for t in texts if key_of(t) is None]
    assert not missing, missing
    bar = [a.text() for a in window.menuBar().actions()]
    assert all(key_of(t) for t in bar) and not _collisions(bar)
    own = {key_of(i.text()) for i in scopes[()]}
    for scope, items in scopes.items():
        if scope:
            assert not own & {key_of(i.text()) for i in items}, scope
    for action in window.menuBar().actions():
        menu = action.menu()
        menu.aboutToShow.emit()
        give_keys_to_menu(menu)
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
        assert all(key_of(t) for t in texts) and not _collisions(texts), texts
        assert all(not plain_text(t).count("(") or "…" not in t or t.endswith("…") for t in texts)
    assert len(pages.built_pages()) == window.tabs.count()


def _sample_dialogs(window: QWidget) -> list[QDialog]:
    from guilin_union.ui.activities.activity_dialog import ActivityDialog
    from guilin_union.ui.congress.dialogs import SessionDialog
    from guilin_union.ui.help.guide_dialog import GuideDialog
    from guilin_union.ui.members.member_dialog import MemberDialog

    def submit(_data):
        return None

    return [
        MemberDialog(["机关分工会"], submit, parent=window),
        ActivityDialog(submit, types=["文体"], branches=[(1, "机关分工会")], parent=window),
        SessionDialog(submit, [(1, "第一届", 2024)], parent=window),
        GuideDialog(window),
    ]


def test_sample_dialogs_have_unique_keys_and_the_ellipsis_last(qtbot, demo_path):  # noqa: F811
    window, _ = make_window(qtbot, demo_path)
    for dialog in _sample_dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        scopes = window_items(dialog)
        texts = [i.text() for items in scopes.values() for i in items]
        assert texts and all(key_of(t) for t in texts), texts
        own = [key_of(i.text()) for i in scopes[()]]
        assert len(set(own)) == len(own), texts
        for scope, items in scopes.items():
            keys = [key_of(i.text()) for i in items]
            assert len(set(keys)) == len(keys), texts
            assert not scope or not set(keys) & set(own), texts
        assert all(t.endswith("…") for t in texts if "…" in t), texts
        buttons = dialog.findChildren(QPushButton)
        assert any(b.text() in ("取消(&C)", "关闭(&C)", "关闭(&L)") for b in buttons), texts
        dialog.reject()


def test_the_common_verbs_win_their_letter_over_later_ones(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    pick = QPushButton("选择会员…")  # 选择 would like S too, and comes first on the form
    layout.addWidget(pick)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    box.button(QDialogButtonBox.StandardButton.Save).setText("保存")
    layout.addWidget(box)
    give_keys_to_window(dialog)
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "保存(&S)"
    assert key_of(pick.text()) not in (None, "S") and pick.text().endswith("…")


def test_calendars_and_popups_keep_qt_s_own_texts(qtbot):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtWidgets import QApplication, QCalendarWidget, QToolButton

    ensure_application()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QCalendarWidget())
    dialog.show()
    qtbot.waitExposed(dialog)
    give_keys_to_window(dialog)
    month_buttons = [b.text() for b in dialog.findChildren(QToolButton) if b.text()]
    assert month_buttons and not any(key_of(t) for t in month_buttons), month_buttons
    popup = QWidget(None, Qt.WindowType.Popup)
    qtbot.addWidget(popup)
    button = QPushButton("十二月", popup)
    keys = access_keys.install_access_keys(QApplication.instance())
    keys.eventFilter(popup, QEvent(QEvent.Type.Show))  # as when it pops up
    assert button.text() == "十二月"
