"""The first-run checklist: one line above the tabs of a new database,
``开始使用：✔ 单位信息 → ② 分工会 → ③ 慰问标准 → …``, each step a link to where it is done,
ticked as soon as the data shows it done (every change is checked), hidden when all are done
or when the user hides it. It comes back from 帮助 ▸ 开始使用清单.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

from guilin_union.services import first_run

if TYPE_CHECKING:
    from guilin_union.ui.main_window import MainWindow

CIRCLED = "①②③④⑤⑥⑦⑧⑨"
# Step -> (menu method of the main window | (tab, page inside the tab)).
TARGETS: dict[str, str | tuple[str, str]] = {
    "institution": "edit_institution",
    "branches": "manage_branches",
    "standards": ("慰问", "慰问标准"),
    "members": ("会员入会", "申请审批"),
    "workpoints": ("工作要点", ""),
    "congress": ("教代会", "会议"),
}


def go_to(window: Any, tab: str, page: str = "") -> None:
    """Show ``tab`` and, inside it, the page titled ``page`` (if any)."""
    widget = window.tab_widgets.get(tab)
    window.tabs.setCurrentWidget(widget)
    if not page:
        return
    for inner in widget.findChildren(QTabWidget):
        for i in range(inner.count()):
            if inner.tabText(i).replace("&", "") == page:
                inner.setCurrentIndex(i)
                return


class FirstRunBar(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.setObjectName("first_run_bar")
        self.setStyleSheet(
            "#first_run_bar { background: #fff8e1; border-bottom: 1px solid #f0c36d; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("first_run_steps")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.linkActivated.connect(self.open_step)
        self.steps_label.setWordWrap(True)
        layout.addWidget(self.steps_label, 1)
        self.hide_button = QPushButton("隐藏")
        self.hide_button.setObjectName("first_run_hide")
        self.hide_button.setToolTip("以后可以从“帮助 ▸ 开始使用清单”再打开")
        self.hide_button.clicked.connect(self.dismiss)
        layout.addWidget(self.hide_button)
        self.states: list[first_run.StepState] = []

    # ---- state
    def _key(self) -> str:
        return f"first_run/pending/{self.window_.ctx.db_path}"

    def start(self) -> None:
        """Called when the database is opened: offered on a new database, and again after a
        restart until it is finished or hidden."""
        ctx = self.window_.ctx
        if first_run.is_new_database(ctx.db):
            ctx.qsettings.setValue(self._key(), True)
        pending = str(ctx.qsettings.value(self._key(), False)).lower() in ("true", "1")
        self.refresh()
        self.setVisible(pending and not self.all_done())

    def reopen(self) -> None:
        self.window_.ctx.qsettings.setValue(self._key(), True)
        self.refresh()
        self.setVisible(True)

    def dismiss(self) -> None:
        self.window_.ctx.qsettings.setValue(self._key(), False)
        self.hide()

    def all_done(self) -> bool:
        return bool(self.states) and all(s.done for s in self.states)

    def refresh(self, _changes: object = None) -> None:
        self.states = first_run.checklist(self.window_.ctx.db)
        parts = []
        for i, state in enumerate(self.states):
            mark = "✔" if state.done else CIRCLED[i]
            style = "color:#2e7d32;" if state.done else ""
            parts.append(
                f'<a href="{state.key}" style="{style}text-decoration:none;" '
                f'title="{state.where}">{mark} {state.title}</a>'
            )
        done = sum(s.done for s in self.states)
        self.steps_label.setText(
            f"<b>开始使用</b>（{done}/{len(self.states)} 步）：" + " → ".join(parts)
        )
        if self.isVisible() and self.all_done():
            self.window_.ctx.qsettings.setValue(self._key(), False)
            self.hide()

    def open_step(self, key: str) -> None:
        target = TARGETS.get(key)
        if isinstance(target, str):
            getattr(self.window_, target)()
        elif target is not None:
            go_to(self.window_, *target)


def install_help(window: MainWindow) -> FirstRunBar:
    """帮助 ▸ 使用说明 (F1) and 开始使用清单; the checklist above the tabs."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QVBoxLayout

    menu = window.help_menu
    first = menu.actions()[0] if menu.actions() else None
    guide = window.help_action = menu.addAction("使用说明(&U)…", lambda: open_guide(window))
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    checklist = menu.addAction("开始使用清单(&C)", lambda: window.first_run_bar.reopen())
    if first is not None:
        menu.insertAction(first, guide)
        menu.insertAction(first, checklist)
        menu.insertSeparator(first)

    bar = FirstRunBar(window)
    tabs = window.takeCentralWidget()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    layout.addWidget(tabs, 1)
    window.setCentralWidget(central)
    window.first_run_bar = bar
    window.ctx.subscribe(bar.refresh)
    bar.start()
    # Every list of a page says something when it is empty (issue 15).
    window.tabs.currentChanged.connect(lambda _i: watch_empty_lists(window.tabs.currentWidget()))
    watch_empty_lists(window.tabs.currentWidget())
    return bar


def watch_empty_lists(page: QWidget | None) -> None:
    """Install the empty-list sentence on every list of ``page``, and again whenever one of
    its inner tabs is shown (inner pages may be built only then)."""
    from guilin_union.ui.widgets.empty_text import install_empty_texts

    if page is None:
        return
    install_empty_texts(page)
    for inner in page.findChildren(QTabWidget):
        if not inner.property("_empty_watch"):
            inner.setProperty("_empty_watch", True)
            inner.currentChanged.connect(
                lambda _i, inner=inner: install_empty_texts(inner.currentWidget())
            )


def open_guide(window: Any) -> Any:
    """The guide at the page of the current tab (non-modal: it can stay open beside)."""
    from guilin_union.ui.help.guide_dialog import TAB_PAGES, GuideDialog

    title = window.tabs.tabText(window.tabs.currentIndex()).replace("&", "")
    dialog = GuideDialog(window, page=TAB_PAGES.get(title))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.guide_dialog = dialog
    return dialog
