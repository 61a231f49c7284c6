"""A small dialog that maintains a named, ordered list (代表团, 职能部门 …).

The layout is always the same: the list on the left, a column of buttons (新增/重命名/上移/
下移/删除 plus the area's own) on the right, a grey hint and a 关闭 button. Subclasses say
what the list holds and implement ``add``, ``rename``, ``move(delta)`` and ``delete``.

Example::

    class DepartmentsDialog(ListEditorDialog):
        def __init__(self, ctx, parent=None):
            super().__init__(parent)
            self.ctx = ctx
            self._build(list_name="departments_list", hint="…", extra=[("toggle_button", "停用/启用")],
                        extra_at=4)
            self.toggle_button.clicked.connect(self.toggle)
            self.reload()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

HINT_COLOR = "#777777"
#: The standard buttons, in the order they are shown: (attribute, label).
STANDARD_BUTTONS: tuple[tuple[str, str], ...] = (
    ("add_button", "新增…"),
    ("rename_button", "重命名…"),
    ("up_button", "上移"),
    ("down_button", "下移"),
    ("delete_button", "删除"),
)


class ListEditorDialog(QDialog):
    """Base for the list-maintenance dialogs; see the module docstring."""

    list_widget: QListWidget
    add_button: QPushButton
    rename_button: QPushButton
    up_button: QPushButton
    down_button: QPushButton
    delete_button: QPushButton

    def _build(
        self,
        *,
        list_name: str,
        hint: str,
        extra: Sequence[tuple[str, str]] = (),
        extra_at: int | None = None,
        hint_color: str = HINT_COLOR,
    ) -> None:
        """Lay the dialog out and wire the standard buttons.

        ``extra`` buttons ``(attribute, label)`` are set as attributes and shown at position
        ``extra_at`` of the button column (at the end when None); the caller connects them.
        """
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.list_widget = QListWidget()
        self.list_widget.setObjectName(list_name)
        row.addWidget(self.list_widget, 1)
        specs = list(STANDARD_BUTTONS)
        at = len(specs) if extra_at is None else extra_at
        specs[at:at] = extra
        buttons = QVBoxLayout()
        for attribute, label in specs:
            button = QPushButton(label)
            setattr(self, attribute, button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet(f"color: {hint_color};")
        layout.addWidget(hint_label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.delete_button.clicked.connect(self.delete)

    def _fill(self, entries: Iterable[tuple[int, str]], select: int | None = None) -> None:
        """Show ``(id, text)`` entries; the one with id ``select`` becomes current.

        ``entries`` may be a generator: it is read after the list is cleared.
        """
        self.list_widget.clear()
        for row_id, text in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            self.list_widget.addItem(item)
            if row_id == select:
                self.list_widget.setCurrentItem(item)

    def current_id(self) -> int | None:
        """Id of the current entry, or None when nothing is current."""
        item = self.list_widget.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # ---- for subclasses
    def add(self) -> None:
        raise NotImplementedError

    def rename(self) -> None:
        raise NotImplementedError

    def move(self, delta: int) -> None:  # type: ignore[override]  # QWidget.move(x, y) is never used here
        raise NotImplementedError

    def delete(self) -> None:
        raise NotImplementedError
