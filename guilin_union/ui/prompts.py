"""One replaceable seam for every question the program asks the user (git-cola's pattern).

Widgets call ``ctx.prompts.confirm(...)`` instead of QMessageBox directly, so tests can swap
in a scripted object and never block on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class Prompts:
    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, ok_text: str = "确定"
    ) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def ask_item(
        self, parent: QWidget | None, title: str, label: str, items: list[str]
    ) -> str | None:
        value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
        return value if ok else None

    def pick_members(
        self,
        ctx,
        parent: QWidget | None,
        *,
        title: str,
        multi: bool = True,
        statuses: tuple[str, ...] = ("在会",),
        exclude_ids: set[int] | None = None,
    ) -> list[int]:
        from guilin_union.ui.widgets.member_picker import MemberPickerDialog

        dialog = MemberPickerDialog(
            ctx.db,
            title=title,
            multi=multi,
            statuses=statuses,
            exclude_ids=exclude_ids,
            parent=parent,
        )
        return dialog.selected_ids() if dialog.exec() else []

    def save_file(
        self, parent: QWidget | None, title: str, start: Path, filters: str
    ) -> Path | None:
        from guilin_union.core.filenames import safe_file_name

        if start.suffix and not start.is_dir():  # a proposed file name: one Windows accepts
            start = start.with_name(safe_file_name(start.name))
        name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
        return Path(name) if name else None

    def open_file(
        self, parent: QWidget | None, title: str, start: Path, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(start), filters)
        return Path(name) if name else None

    def open_files(
        self, parent: QWidget | None, title: str, start: Path, filters: str
    ) -> list[Path]:
        """Several files at once (photos of the pages); [] when cancelled. A stand-in that
        only scripts ``open_file`` answers here with its one file."""
        if type(self).open_file is not Prompts.open_file:
            path = self.open_file(parent, title, start, filters)
            return [] if path is None else [path]
        names, _ = QFileDialog.getOpenFileNames(parent, title, str(start), filters)
        return [Path(name) for name in names]
