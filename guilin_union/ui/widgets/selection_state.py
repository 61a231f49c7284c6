"""Buttons that act on the selected rows are enabled only while rows are selected
(docs/STYLE.md, 可用状态).

>>> # enable_with_selection(self.table, self.edit_button, self.delete_button)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView


class _SelectionBinding(QObject):
    def __init__(self, table: QAbstractItemView, buttons: tuple[QAbstractButton, ...]) -> None:
        super().__init__(table)
        self.table = table
        self.buttons = buttons
        self.model: object = None
        self.connect_model()
        # A list whose model is made on its first reload is connected when first painted.
        table.viewport().installEventFilter(self)

    def connect_model(self) -> None:
        model = self.table.model()
        if model is None or model is self.model:
            self.update()
            return
        self.model = model
        self.table.selectionModel().selectionChanged.connect(self.update)
        model.modelReset.connect(self.update)
        model.rowsRemoved.connect(self.update)
        model.layoutChanged.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        selection = self.table.selectionModel()
        selected = selection is not None and selection.hasSelection()
        for button in self.buttons:
            button.setEnabled(selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self.table.model() is not self.model:
            self.connect_model()
        return False


def enable_with_selection(table: QAbstractItemView, *buttons: QAbstractButton) -> None:
    """Keep ``buttons`` enabled exactly while ``table`` has a selection; reloads that clear
    the selection disable them again."""
    _SelectionBinding(table, buttons)
