"""Access keys on every button, menu item and field label, as Windows programs have them
(issue 15): “保存(&S)” is drawn “保存(S)” with the S underlined and Alt+S presses it.

Nothing is written per screen: :func:`install_access_keys` puts an application-wide event
filter in place that, whenever a window or dialog is shown (and when a page of a stacked or
tab widget is shown inside it), gives each push button, tool button with text, check box,
radio button, checkable group box, menu-bar menu and field label with a buddy that has no
``&`` yet an access key; each menu gets its keys when it pops up. A label that already has an
``&`` is left as it is.

The key is the one Windows programs use for the verb (:data:`VERB_KEYS`: 保存 S, 取消 C,
删除 D, 修改 E …), else a Latin letter of the label, else the first free letter A–Z, then a
digit. Chinese labels get it as a suffix before a trailing “…”: “修改(&E)…”; Latin labels get
the ``&`` in the word: “&Excel”. Keys are unique among widgets that can be seen together:
a window's own widgets and menu bar share one set of keys; each page of a tab or stacked
widget has its own set, which avoids the keys of the window around it.

Code that reads a label back as data uses :func:`plain_text`; a widget whose text is data
(e.g. a check box per item of evidence) can opt out with ``widget.setProperty(SKIP, True)``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QToolButton,
    QWidget,
)

SKIP = "noAccessKey"  # widget/action property: its text is data, leave it alone
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "123456789"

# The key Windows programs give a verb, first choice first (the next one when it is taken).
VERB_KEYS: tuple[tuple[str, str], ...] = (
    ("确定", "O"),
    ("取消", "C"),
    ("保存", "S"),
    ("另存", "A"),
    ("关闭", "CL"),
    ("删除", "D"),
    ("修改", "EM"),  # M(odify) where 编辑(&E) of the menu bar has E
    ("编辑", "E"),
    ("新增", "NA"),
    ("新建", "N"),
    ("添加", "AN"),
    ("增加", "AN"),
    ("登记", "N"),
    ("打印", "P"),
    ("预览", "V"),
    ("导出", "X"),
    ("导入", "I"),
    ("查找", "F"),
    ("搜索", "F"),
    ("查询", "Q"),
    ("帮助", "H"),
    ("使用说明", "H"),
    ("关于", "A"),
    ("文件", "F"),
    ("视图", "V"),
    ("工具", "T"),
    ("设置", "S"),
    ("选项", "O"),
    ("打开", "O"),
    ("退出", "X"),
    ("撤销", "U"),
    ("重做", "R"),
    ("复制", "C"),
    ("粘贴", "P"),
    ("剪切", "T"),
    ("全选", "A"),
    ("刷新", "R"),
    ("应用", "A"),
    ("是", "Y"),
    ("否", "N"),
    ("上一步", "B"),
    ("下一步", "N"),
    ("完成", "F"),
    ("重置", "R"),
    ("恢复", "R"),
    ("还原", "R"),
    ("备份", "B"),
    ("选择", "S"),
    ("浏览", "B"),
    ("清除", "L"),
    ("清空", "L"),
    ("移除", "M"),
    ("上移", "U"),
    ("下移", "W"),
    ("提交", "T"),
    ("审核", "R"),
    ("答复", "R"),
    ("签到", "G"),
    ("统计", "T"),
    ("附件", "M"),
)

TAIL = re.compile(r"(\s*(?:…|\.\.\.|▾|▼|:|：|\*)\s*)+$")
_KEY_IN_TEXT = re.compile(r"&([^&])")
_SUFFIX = re.compile(r"\(&([A-Za-z0-9])\)")
_log = logging.getLogger(__name__)
_SHOW = QEvent.Type.Show


def plain_text(text: str) -> str:
    """``text`` without its access key: “修改(&E)…” -> “修改…”, “&Excel” -> “Excel”."""
    text = _SUFFIX.sub("", text)
    return re.sub(r"&(.)", r"\1", text)


def key_of(text: str) -> str | None:
    """The access key of a label (upper case), or None: “保存(&S)” -> “S”."""
    for match in _KEY_IN_TEXT.finditer(text.replace("&&", "")):
        return match.group(1).upper()
    return None


def preferred_keys(text: str) -> list[str]:
    """Keys for ``text``, best first: the verb's, then its Latin letters, then A–Z, digits."""
    out = verb_keys(text)
    out.extend(ch.upper() for ch in text if ch.isascii() and ch.isalpha())
    out.extend(LETTERS)
    out.extend(DIGITS)
    seen: set[str] = set()
    return [k for k in out if not (k in seen or seen.add(k))]  # type: ignore[func-returns-value]


def with_key(text: str, key: str) -> str:
    """``text`` carrying ``key``: in a Latin word when it has the letter, else “(&K)” before
    a trailing “…”/“▾”/colon."""
    tail = TAIL.search(text)
    body, end = (text[: tail.start()], text[tail.start() :]) if tail else (text, "")
    escaped = body.replace("&", "&&")
    if body.isascii():
        at = body.upper().find(key)
        if at >= 0:
            head = body[:at].replace("&", "&&")
            return f"{head}&{body[at:].replace('&', '&&')}{end}"
    return f"{escaped}(&{key}){end}"


def verb_keys(text: str) -> list[str]:
    """The keys of the verbs in ``text``, the earliest verb's first."""
    found = sorted((text.find(verb), keys) for verb, keys in VERB_KEYS if verb in text)
    return [key for _, keys in found for key in keys]


def _verb_rank(item: _Item) -> int:
    text = item.text()
    return min(
        (i for i, (verb, _k) in enumerate(VERB_KEYS) if verb in text), default=len(VERB_KEYS)
    )


def choose_key(text: str, taken: set[str], *, verbs_only: bool = False) -> str | None:
    for key in verb_keys(text) if verbs_only else preferred_keys(text):
        if key not in taken:
            return key
    return None


# --- what gets a key -----------------------------------------------------------------------


class _Item:
    """One label to give a key: get/set its text whatever kind of widget or action it is."""

    def __init__(self, target: Any, kind: str) -> None:
        self.target = target
        self.kind = kind

    def text(self) -> str:
        if self.kind == "group":
            return str(self.target.title())
        return str(self.target.text())

    def set_text(self, text: str) -> None:
        if self.kind == "group":
            self.target.setTitle(text)
        else:
            self.target.setText(text)


def _skipped(obj: QObject) -> bool:
    return bool(obj.property(SKIP))


def _in_item_view(widget: QWidget, window: QWidget) -> bool:
    """Inside a table/list (a cell's own widget) or a calendar (Qt's month and year buttons)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractItemView, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def _widget_item(widget: QWidget) -> _Item | None:
    if _skipped(widget):
        return None
    if isinstance(widget, QToolButton):
        if widget.toolButtonStyle().name == "ToolButtonIconOnly" and not widget.icon().isNull():
            return None
        action = widget.defaultAction()
        if action is not None:
            return None if _skipped(action) else _Item(action, "action")
        return _Item(widget, "button")
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
        return _Item(widget, "button")
    if isinstance(widget, QGroupBox):
        return _Item(widget, "group") if widget.isCheckable() else None
    if isinstance(widget, QLabel):
        if widget.buddy() is None or widget.textFormat().name == "RichText":
            return None
        text = widget.text()
        if not text or "<" in text or "\n" in text:
            return None
        return _Item(widget, "label")
    return None


KINDS = (QAbstractButton, QGroupBox, QLabel)


def _scope_of(widget: QWidget, window: QWidget) -> tuple[int, ...]:
    """The chain of stacked-widget pages around ``widget`` (outermost first), as ids."""
    chain: list[int] = []
    child = widget
    parent = widget.parentWidget()
    while parent is not None and child is not window:
        if isinstance(parent, QStackedWidget):
            chain.append(id(child))
        child, parent = parent, parent.parentWidget()
    return tuple(reversed(chain))


def window_items(window: QWidget) -> dict[tuple[int, ...], list[_Item]]:
    """Everything in ``window`` that can carry a key, by scope (see :func:`_scope_of`)."""
    scopes: dict[tuple[int, ...], list[_Item]] = {(): []}
    bar = window.menuWidget() if isinstance(window, QMainWindow) else None
    if isinstance(bar, QMenuBar):  # menuBar() would create one
        scopes[()].extend(_Item(a, "action") for a in bar.actions() if not _skipped(a))
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, KINDS) or widget.window() is not window:
            continue
        item = _widget_item(widget)
        if item is None or not item.text().strip() or _in_item_view(widget, window):
            continue
        scopes.setdefault(_scope_of(widget, window), []).append(item)
    return scopes


def assign(scopes: dict[tuple[int, ...], list[_Item]]) -> int:
    """Give every item without a key one, unique within its scope and the scopes around it.

    Keys already present anywhere below a scope are avoided by that scope too, so that a key
    given to a window's own button never shadows one a page has from its label. Returns how
    many labels were changed."""
    existing: dict[tuple[int, ...], set[str]] = {}
    for scope, items in scopes.items():
        existing[scope] = {k for k in (key_of(i.text()) for i in items) if k}
    decided: dict[tuple[int, ...], set[str]] = {}
    changed = 0
    for scope in sorted(scopes, key=len):
        taken = set(existing[scope])
        for depth in range(len(scope)):
            taken |= decided.get(scope[:depth], set())
        below = set().union(
            *(keys for other, keys in existing.items() if other[: len(scope)] == scope)
        )
        # Verbs first (取消 keeps C even after a label that would fall back to C), then the rest.
        # The verbs in VERB_KEYS order (保存 keeps S before 选择 asks for it).
        for verbs_only in (True, False):
            items = sorted(scopes[scope], key=_verb_rank) if verbs_only else scopes[scope]
            for item in items:
                text = item.text()
                if key_of(text) is not None:
                    continue
                key = choose_key(text, taken | below, verbs_only=verbs_only)
                if key is None:
                    continue
                item.set_text(with_key(text, key))
                taken.add(key)
                changed += 1
        decided[scope] = taken
    return changed


def give_keys_to_window(window: QWidget) -> int:
    """Access keys for every label in ``window`` that lacks one (again after text changes)."""
    return assign(window_items(window))


def give_keys_to_actions(actions: Iterable[QAction]) -> int:
    """Access keys for the items of one menu (separators and data items skipped)."""
    items = [
        _Item(a, "action")
        for a in actions
        if not a.isSeparator() and a.text().strip() and not _skipped(a)
    ]
    return assign({(): items})


def give_keys_to_menu(menu: QMenu) -> int:
    return give_keys_to_actions(menu.actions())


# --- the application-wide filter --------------------------------------------------------------


class AccessKeyFilter(QObject):
    """Gives keys when a window, a menu or a page inside a window is shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, QWidget] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == _SHOW:
            self.on_show(watched)
        return False

    def on_show(self, watched: QObject) -> None:
        """A widget was shown (called by the one application-wide Show filter)."""
        if not isinstance(watched, QWidget):
            return
        try:
            if isinstance(watched, QMenu):
                give_keys_to_menu(watched)
            elif isinstance(watched, QMainWindow):
                self._later(watched)  # after its first paint: the start-up is not kept waiting
            elif watched.isWindow() and watched.windowType() != Qt.WindowType.Popup:
                give_keys_to_window(watched)  # not a date edit's calendar or a combo's list
            elif isinstance(watched.parentWidget(), QStackedWidget):
                self._later(watched.window())  # a tab or wizard page: its labels may be new
        except Exception:  # noqa: BLE001 — an event filter must never raise into Qt
            _log.exception("access keys for %s", type(watched).__name__)

    def _later(self, window: QWidget) -> None:
        if id(window) in self._pending:
            return
        self._pending[id(window)] = window
        QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        pending, self._pending = list(self._pending.values()), {}
        for window in pending:
            try:
                if window.isVisible():
                    give_keys_to_window(window)
            except RuntimeError:  # deleted meanwhile
                continue


_installed: list[AccessKeyFilter] = []


def install_access_keys(app: QApplication) -> AccessKeyFilter:
    """Access keys in every window of ``app`` from now on (idempotent)."""
    if not _installed:
        if os.environ.get("GUILIN_UNION_ACCESS_KEYS") == "0":  # measuring without them
            return AccessKeyFilter(app)
        from guilin_union.ui.screen_fit import install_dialog_fitter

        keys = AccessKeyFilter(app)
        # one Python filter for every event of the application, not two: the dialog fitter's
        # Show filter calls this hook (each filter call costs every event of every widget)
        install_dialog_fitter(app).show_hooks.append(keys.on_show)
        _installed.append(keys)
    return _installed[0]


def keys_in(items: Iterable[str]) -> Iterator[str | None]:
    """The access key of each label (None where it has none) — for tests and checks."""
    return (key_of(text) for text in items)
