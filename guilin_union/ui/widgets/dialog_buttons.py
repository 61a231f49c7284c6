"""The button rows of the hand-built dialogs, in Chinese: 保存/取消 (or another word for the
accepting button) and 关闭."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox

Button = QDialogButtonBox.StandardButton


def accept_cancel_buttons(
    dialog: QDialog,
    on_accept: Callable[[], Any] | None = None,
    *,
    text: str = "保存",
    button: QDialogButtonBox.StandardButton = Button.Save,
) -> QDialogButtonBox:
    """``button`` (Save, or Ok for a chooser) named ``text`` runs ``on_accept`` (default: the
    dialog's accept); 取消 rejects. The caller places the box."""
    box = QDialogButtonBox(button | Button.Cancel)
    box.button(button).setText(text)
    box.button(Button.Cancel).setText("取消")
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def save_cancel(box: QDialogButtonBox, dialog: QDialog, on_save: Callable[[], Any]) -> None:
    """A Designer form's 保存/取消 box: the buttons named in Chinese, 保存 runs ``on_save``
    (which accepts the dialog once saved), 取消 rejects."""
    box.button(Button.Save).setText("保存")
    box.button(Button.Cancel).setText("取消")
    box.accepted.connect(on_save)
    box.rejected.connect(dialog.reject)


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A single 关闭 button that closes (rejects) the dialog."""
    box = QDialogButtonBox(Button.Close)
    box.button(Button.Close).setText("关闭")
    box.rejected.connect(dialog.reject)
    return box
