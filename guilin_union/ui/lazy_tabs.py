"""Tab pages built when they are first needed (issue 11: start fast on twenty years of records).

A page is added with a factory instead of a widget. Until it is needed the tab holds a light
placeholder; the real page is built when the tab becomes current, when code asks for it
(``pages["教代会"]``), or — so that switching later is instant — during idle time after
start-up, one page per turn of the event loop. The built page then takes the placeholder's
place in the tab widget, so ``tabs.widget(i)`` and ``tabs.setCurrentWidget(page)`` see the
real page.

>>> # pages = LazyTabs(tab_widget)
>>> # pages.add("会员名册", lambda: MemberRegisterView(ctx))
>>> # pages.activate()              # build the current page now, the rest when idle
>>> # pages["会员名册"].search_edit  # built on first access
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from guilin_union.ui.palette import MUTED

PageFactory = Callable[[], QWidget]
PLACEHOLDER_TEXT = "正在准备…"
IDLE_DELAY_MS = 30  # let the window paint what it has before preparing the next page
HIDDEN_RETRY_MS = 250  # a window not on screen yet is looked at again after this long


class _Placeholder(QWidget):
    """What a tab shows until its page is built (rarely seen: pages are built when idle)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("pending_page")
        layout = QVBoxLayout(self)
        label = QLabel(PLACEHOLDER_TEXT)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A palette, not a style sheet: a style sheet on a widget shown at start-up puts Qt's
        # style-sheet machinery in front of the first paint (issue 15).
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
        label.setPalette(palette)
        layout.addWidget(label)
        self.title = title


class LazyTabs(QObject):
    """The pages of ``tabs`` as a read-only mapping title -> page; reading an item builds
    that page if needed.

    Iterating gives every title; :meth:`built_pages` only the pages that exist (a change
    fan-out goes to those: a page built later reads fresh data anyway). (Not a
    ``collections.abc.Mapping`` subclass: its metaclass cannot be combined with QObject's.)
    """

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.active = False  # pages are built only once activated (e.g. the database is open)
        self.background = False  # build the remaining pages when idle
        self._factories: dict[str, PageFactory] = {}
        self._placeholders: dict[str, _Placeholder] = {}
        self._built: dict[str, QWidget] = {}
        self._swapping = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_DELAY_MS)
        self._idle.timeout.connect(self._build_next)
        tabs.currentChanged.connect(self._current_changed)

    # ---- Mapping
    def __getitem__(self, title: str) -> QWidget:
        if title in self._built:
            return self._built[title]
        if title not in self._factories:
            raise KeyError(title)
        return self.build(title)

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def __contains__(self, title: object) -> bool:
        return title in self._factories

    def get(self, title: str, default: QWidget | None = None) -> QWidget | None:
        return self[title] if title in self._factories else default

    def keys(self) -> list[str]:
        return list(self._factories)

    def values(self) -> list[QWidget]:
        """Every page (building those not built yet)."""
        return [self[title] for title in self._factories]

    def items(self) -> list[tuple[str, QWidget]]:
        return [(title, self[title]) for title in self._factories]

    # ---- pages
    def add(self, title: str, factory: PageFactory) -> None:
        """Add a tab whose page ``factory`` builds on demand."""
        placeholder = _Placeholder(title)
        self._factories[title] = factory
        self._placeholders[title] = placeholder
        self.tabs.addTab(placeholder, title)

    def built_pages(self) -> dict[str, QWidget]:
        return {title: self._built[title] for title in self._factories if title in self._built}

    def is_built(self, title: str) -> bool:
        return title in self._built

    def pending(self) -> list[str]:
        return [title for title in self._factories if title not in self._built]

    def build(self, title: str) -> QWidget:
        """Build the page now (if not built yet) and put it in its tab."""
        if title in self._built:
            return self._built[title]
        page = self._factories[title]()
        self._built[title] = page
        placeholder = self._placeholders.pop(title)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        # Swap silently: listeners of currentChanged must not see the placeholder leave.
        self._swapping = True
        self.tabs.setUpdatesEnabled(False)
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
            self.tabs.setUpdatesEnabled(True)
            self._swapping = False
        placeholder.deleteLater()
        return page

    def stop_background(self) -> None:
        """No more building while idle (the window is closing); pages are still built when
        they are needed."""
        self.background = False
        self._idle.stop()

    def activate(self, *, build_rest_when_idle: bool = True) -> None:
        """Start building: the current page at once, the others when idle (if asked)."""
        self.active = True
        self.build_current()
        if build_rest_when_idle:
            self.build_when_idle()

    def build_current(self) -> QWidget | None:
        widget = self.tabs.currentWidget()
        if isinstance(widget, _Placeholder) and widget.title in self._factories:
            return self.build(widget.title)
        return widget

    def build_when_idle(self) -> None:
        """Build the remaining pages one at a time, each in its own turn of the event loop."""
        self.background = True
        if self.pending():
            self._idle.start()

    def _build_next(self) -> None:
        remaining = self.pending()
        if not remaining or not self.background:
            return
        if not self.tabs.window().isVisible():  # not on screen yet: nobody is waiting for it
            self._idle.start(HIDDEN_RETRY_MS)
            return
        self.build(remaining[0])
        if len(remaining) > 1:
            self._idle.start(IDLE_DELAY_MS)

    def _current_changed(self, index: int) -> None:
        if self._swapping or not self.active:
            return
        widget = self.tabs.widget(index)
        if isinstance(widget, _Placeholder) and widget.title in self._factories:
            self.build(widget.title)
