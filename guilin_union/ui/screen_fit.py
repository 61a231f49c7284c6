"""Windows and dialogs that fit the screen they open on (issue 15).

Union offices use 1366×768 laptops (about 1366×697 usable beside the taskbar) and 1920×1080
screens at 125 % (about 1536×790 logical pixels). Every top-level window goes through
:func:`fit_to_screen` before it is first shown:

- it is no larger than the *available* geometry of its screen, counting the window frame
  (the title bar is not part of ``geometry()``; before the window is on screen its size is
  not known, so :data:`FRAME` — a Windows 10/11 title bar and border — is assumed);
- a dialog whose contents cannot shrink that far gets its contents in a scroll area, with
  its button row kept outside, so 保存/取消 stay reachable;
- it is centred on that screen's available geometry.

:class:`DialogFitter` does this for every ``QDialog`` of the program (one application-wide
event filter installed by ``ensure_application``), so no dialog needs its own code and a
new dialog cannot forget it. The main window restores its saved geometry through
:func:`restore_window` (maximised on the first run; a geometry saved on a bigger monitor is
shrunk and moved back onto the current one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui.access_keys import plain_text

# A Windows 10/11 window frame in logical pixels: title bar 31, visible border 1. Used where
# the real frame is not known (before the first show, and under platforms without frames
# such as the offscreen one the gallery uses).
FRAME = QMargins(1, 31, 1, 1)
_FITTED = "_screen_fit_done"


def screen_for(widget: QWidget) -> QScreen:
    """The screen a window opens on: its parent window's, else its own, else the primary."""
    parent = widget.parentWidget()
    for candidate in (parent.window() if parent is not None else None, widget):
        if candidate is not None:
            screen = candidate.screen()
            if screen is not None:
                return screen
    return QGuiApplication.primaryScreen()


def available_rect(widget: QWidget) -> QRect:
    return screen_for(widget).availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    """The frame around ``window.geometry()``: the real one once shown, but never less than
    :data:`FRAME` (before the first show the frame is not known, and some platforms — the
    offscreen one — draw a thinner frame than Windows does)."""
    if not window.isVisible():
        return FRAME
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        max(FRAME.left(), inner.left() - frame.left()),
        max(FRAME.top(), inner.top() - frame.top()),
        max(FRAME.right(), frame.right() - inner.right()),
        max(FRAME.bottom(), frame.bottom() - inner.bottom()),
    )


def outer_rect(window: QWidget) -> QRect:
    """The window with its frame, in global coordinates."""
    return window.geometry().marginsAdded(frame_margins(window))


def max_client_size(window: QWidget, available: QRect | None = None) -> QSize:
    """The largest ``geometry()`` size whose frame still fits the available area."""
    avail = available if available is not None else available_rect(window)
    margins = frame_margins(window)
    return QSize(
        avail.width() - margins.left() - margins.right(),
        avail.height() - margins.top() - margins.bottom(),
    )


def _too_big(hint: QSize, limit: QSize) -> bool:
    return hint.width() > limit.width() or hint.height() > limit.height()


def scrollable(widget: QWidget, *, name: str = "") -> QScrollArea:
    """``widget`` (a side panel, a long form) in a frameless scroll area, so that the page
    holding it can be shorter than the panel; it scrolls only when the screen is small."""
    scroll = QScrollArea()
    scroll.setObjectName(name or f"{widget.objectName() or 'panel'}_scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    # Never narrower than the panel itself (plus a scroll bar): only its height scrolls.
    scroll.setMinimumWidth(
        widget.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
    )
    return scroll


def make_scrollable(dialog: QDialog) -> QScrollArea | None:
    """Put the dialog's contents in a scroll area, keeping its button box (if it is a
    direct item of the top layout) below it. Returns the scroll area, or None when the
    dialog has no layout."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, "fit_scroll_area") is not None:
        return None
    button_box = None
    for i in range(layout.count()):
        widget = layout.itemAt(i).widget()
        if isinstance(widget, QDialogButtonBox):
            button_box = widget
    if button_box is not None:
        layout.removeWidget(button_box)
    contents = QWidget()
    contents.setObjectName("fit_scroll_contents")
    contents.setLayout(layout)  # takes the layout (and its widgets) from the dialog
    scroll = QScrollArea()
    scroll.setObjectName("fit_scroll_area")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(contents)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll, 1)
    if button_box is not None:
        margins = layout.contentsMargins()
        row = QVBoxLayout()
        row.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        row.addWidget(button_box)
        outer.addLayout(row)
    return scroll


def fit_to_screen(window: QWidget, *, centre: bool = True, available: QRect | None = None) -> None:
    """Size ``window`` to fit the available geometry of its screen and centre it there."""
    avail = available if available is not None else available_rect(window)
    limit = max_client_size(window, avail)
    if isinstance(window, QDialog) and not isinstance(window, QMessageBox):
        window.ensurePolished()
        if _too_big(window.minimumSizeHint(), limit) or _too_big(window.minimumSize(), limit):
            # An explicit minimum larger than the screen is a wish, not a need.
            window.setMinimumSize(window.minimumSize().boundedTo(limit))
            if _too_big(window.minimumSizeHint(), limit):
                make_scrollable(window)
    wanted = window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else None
    if wanted is None or wanted.isEmpty():
        wanted = window.sizeHint()
    size = wanted.boundedTo(limit).expandedTo(window.minimumSize())
    # QWidget's own methods: a dialog may define a ``move``/``resize`` of its own (list editors
    # move entries up and down).
    if size != window.size():
        QWidget.resize(window, size)
    if centre:
        frame = frame_margins(window)
        outer = QRect(QPoint(0, 0), window.size()).marginsAdded(frame)
        outer.moveCenter(avail.center())
        # Never above or left of the available area, even if the window is still too big.
        left = max(avail.left(), outer.left())
        top = max(avail.top(), outer.top())
        # move() places the frame the platform really draws; the client area goes where
        # the assumed (never thinner) frame leaves room for it.
        real = window.frameGeometry().topLeft() - window.geometry().topLeft()
        QWidget.move(window, left + frame.left() + real.x(), top + frame.top() + real.y())


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move a window (restored from saved settings) back onto its screen."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or screen_for(window)
    avail = screen.availableGeometry()
    if avail.contains(outer_rect(window)):
        return
    fit_to_screen(window, centre=True, available=avail)


def restore_window(window: QWidget, saved: object) -> bool:
    """Restore a saved geometry so that it fits the current screen; True when there was
    none (the first run: the caller shows the window maximised)."""
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if not window.isMaximized() and not window.isFullScreen():
            keep_on_screen(window)
        return False
    avail = available_rect(window)
    window.resize(max_client_size(window, avail).boundedTo(QSize(1280, 800)))
    fit_to_screen(window, available=avail)
    return True


def _scroll_viewport(widget: QWidget) -> QWidget | None:
    """The viewport of the innermost scroll area holding ``widget`` in its window."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        owner = parent.parentWidget()
        if isinstance(owner, QScrollArea) and parent is owner.viewport():
            return parent
        parent = owner
    return None


def buttons_outside(window: QWidget, available: QRect) -> list[str]:
    """The visible buttons of ``window`` that cannot be brought inside ``available``: a
    button in a scroll area counts as reachable when the scroll area's viewport lies inside
    and the button is no larger than the viewport (the user scrolls to it)."""
    outside = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if button.objectName().startswith("qt_"):  # Qt's own (a table's corner button)
            continue
        rect = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        viewport = _scroll_viewport(button)
        if viewport is not None:
            port = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
            if port.width() >= rect.width() and port.height() >= rect.height():
                rect = QRect(port.topLeft(), rect.size())
        if not available.contains(rect):
            outside.append(
                plain_text(button.text()) or button.objectName() or type(button).__name__
            )
    return outside


def fits(window: QWidget, available: QRect | None = None) -> bool:
    """The window's whole frame and every visible button lie inside the available area."""
    avail = available if available is not None else available_rect(window)
    return avail.contains(outer_rect(window)) and not buttons_outside(window, avail)


def natural_tab_order(dialog: QWidget) -> None:
    """Tab leaves a multi-line box of a form for the next field instead of typing a tab
    character, so Tab walks the whole form (issue 15: 备注 kept the focus)."""
    for edit in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        if not edit.isReadOnly():
            edit.setTabChangesFocus(True)


class DialogFitter(QObject):
    """The application's one Show filter: every dialog is fitted to its screen when first
    shown, after the ``show_hooks`` (access keys) had their turn. One filter, because an
    application-wide filter is a Python call for every event of every widget."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_hooks: list[Callable[[QObject], None]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # Every event of the application passes here: be quick. A Show event arrives as a
        # QShowEvent (PySide6 gives each event its class), so no event's type() is read (each
        # read makes a Python enum value: a third of the filter's cost).
        if not isinstance(event, QShowEvent):
            return False
        for hook in self.show_hooks:
            hook(watched)
        if isinstance(watched, QDialog) and watched.isWindow() and not watched.property(_FITTED):
            watched.setProperty(_FITTED, True)
            try:
                natural_tab_order(watched)
                fit_to_screen(watched)
            except Exception:  # noqa: BLE001 — an event filter must never raise into Qt
                logging.getLogger(__name__).exception("fitting %s", type(watched).__name__)
        return False


_fitter: list[DialogFitter] = []


def install_dialog_fitter(app: QApplication) -> DialogFitter:
    """Fit every dialog of ``app`` to its screen (idempotent)."""
    if not _fitter:
        fitter = DialogFitter(app)
        app.installEventFilter(fitter)
        _fitter.append(fitter)
    return _fitter[0]
