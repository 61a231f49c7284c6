"""Keyboard for every tab (issue 15): Ctrl+F goes to the current page's search box, Ctrl+N
starts the current page's 新建.

A page may say exactly what to do with ``focus_search()`` / ``new_record()`` methods; else
the visible search box (a line edit named ``*search*`` or with a “搜索” placeholder) and the
first visible, enabled button starting with one of :data:`NEW_WORDS` of the current page are
used, so every list that follows the house style gets both keys without code of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTabWidget, QWidget

NEW_WORDS = ("新增", "新建", "登记", "添加", "加入", "提交", "记录", "导入")
NOT_NEW = ("届次", "设置")  # “new” buttons that are not the page's record
# Tab (object name) -> the button Ctrl+N means there whatever its sub-page shows.
PREFERRED = {"tab_activities_tab": ("新建活动",)}


def _visible_children(root: QWidget, kind: type) -> list[Any]:
    return [w for w in root.findChildren(kind) if w.isVisible() and w.window() is root.window()]


def _handler(page: QWidget, name: str) -> Any:
    """``page.name`` or that of the innermost visible sub-page that has it."""
    candidates = [page, *(w for w in page.findChildren(QWidget) if w.isVisible())]
    found = None
    for widget in candidates:
        method = getattr(type(widget), name, None)
        if callable(method):
            found = getattr(widget, name)
    return found


def _pages_inside_out(page: QWidget) -> list[QWidget]:
    """The current page of every nested tab widget, innermost first, then ``page``: the
    sub-page the user looks at wins over the tab's top bar."""
    chain = [page]
    current = page
    while True:
        inner = [t for t in current.findChildren(QTabWidget) if t.isVisible()]
        if not inner or inner[0].currentWidget() is None:
            break
        current = inner[0].currentWidget()
        chain.append(current)
    return list(reversed(chain))


def search_box(page: QWidget) -> QLineEdit | None:
    for scope in _pages_inside_out(page):
        for edit in _visible_children(scope, QLineEdit):
            if "search" in edit.objectName() or edit.placeholderText().startswith("搜索"):
                return edit
    return None


def new_button(page: QWidget) -> QAbstractButton | None:
    """The page's “new” button: a tab's own first choice (:data:`PREFERRED`), else the
    innermost sub-page's button starting (within its first words) with one of
    :data:`NEW_WORDS`, never a settings-like one (:data:`NOT_NEW`)."""
    buttons = [b for b in _visible_children(page, QAbstractButton) if b.isEnabled()]
    for prefix in PREFERRED.get(page.objectName(), ()):
        for button in buttons:
            if button.text().replace("&", "").startswith(prefix):
                return button
    for scope in _pages_inside_out(page):
        scoped = [
            b
            for b in _visible_children(scope, QAbstractButton)
            if b.isEnabled() and not any(word in b.text() for word in NOT_NEW)
        ]
        for word in NEW_WORDS:
            for button in scoped:
                if word in button.text().replace("&", "")[:6]:
                    return button
    return None


def _on_current_page(window: Any, handler_name: str, fallback: Callable[[Any], bool]) -> bool:
    """The current page's own ``handler_name`` when it has one, else ``fallback(page)``."""
    page = window.tabs.currentWidget()
    handler = _handler(page, handler_name)
    if handler is not None:
        handler()
        return True
    return fallback(page)


def _focus_search_box(page: Any) -> bool:
    edit = search_box(page)
    if edit is None:
        return False
    edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    edit.selectAll()
    return True


def _click_new_button(page: Any) -> bool:
    button = new_button(page)
    if button is None:
        return False
    button.click()
    return True


def focus_search(window: Any) -> bool:
    return _on_current_page(window, "focus_search", _focus_search_box)


def start_new(window: Any) -> bool:
    return _on_current_page(window, "new_record", _click_new_button)


def install_keyboard(window: Any) -> None:
    find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), window)
    find.setContext(Qt.ShortcutContext.WindowShortcut)
    find.activated.connect(lambda: focus_search(window))
    new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), window)
    new.setContext(Qt.ShortcutContext.WindowShortcut)
    new.activated.connect(lambda: start_new(window))
    window.find_shortcut, window.new_shortcut = find, new
