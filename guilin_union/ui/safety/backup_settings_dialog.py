"""设置 ▸ 备份设置…: backup folders, retention and the recycle-bin period (a Designer form).

Returns the edited values in ``values``; the controller saves them through the service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from guilin_union.ui.forms.ui_safety_backup_settings import Ui_BackupSettingsDialog
from guilin_union.ui.widgets.dialog_buttons import save_cancel

SPIN_KEYS = (
    "keep_all_days",
    "keep_daily",
    "keep_weekly",
    "keep_monthly",
    "backup_on_open_hours",
    "recycle_retention_days",
)


def _setting_key(spin: str) -> str:
    return spin if spin in ("backup_on_open_hours", "recycle_retention_days") else f"backup_{spin}"


class BackupSettingsDialog(QDialog):
    def __init__(
        self,
        values: dict[str, Any],
        default_folder: Path,
        parent: QWidget | None = None,
        *,
        choose_folder=None,
    ) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ui = Ui_BackupSettingsDialog()
        self.ui.setupUi(self)
        self.default_folder = default_folder
        # Tests replace the folder chooser; the real one is the system dialog.
        self._choose_folder = choose_folder or (
            lambda title, start: QFileDialog.getExistingDirectory(self, title, start)
        )
        self.ui.backup_folder_edit.setText(str(values.get("backup_folder") or ""))
        self.ui.backup_folder_edit.setPlaceholderText(f"默认：{default_folder}")
        self.ui.second_folder_edit.setText(str(values.get("backup_second_folder") or ""))
        for spin in SPIN_KEYS:
            getattr(self.ui, f"{spin}_spin").setValue(int(values.get(_setting_key(spin)) or 0))
        save_cancel(self.ui.button_box, self, self.save)
        self.ui.backup_folder_button.clicked.connect(
            lambda: self._pick(self.ui.backup_folder_edit, "选择备份文件夹")
        )
        self.ui.second_folder_button.clicked.connect(
            lambda: self._pick(self.ui.second_folder_edit, "选择第二备份位置")
        )
        self.ui.backup_folder_default_button.clicked.connect(self.ui.backup_folder_edit.clear)
        self.ui.second_folder_clear_button.clicked.connect(self.ui.second_folder_edit.clear)
        self.values: dict[str, Any] = {}

    def _pick(self, edit, title: str) -> None:  # noqa: ANN001
        start = edit.text().strip() or str(self.default_folder)
        chosen = self._choose_folder(title, start)
        if chosen:
            edit.setText(str(Path(chosen)))

    def save(self) -> None:
        primary = self.ui.backup_folder_edit.text().strip()
        second = self.ui.second_folder_edit.text().strip()
        if primary and second and Path(primary) == Path(second):
            self.ui.summary_label.setText(
                "第二备份位置应与备份文件夹不同（例如放在 U 盘或网络共享上）。"
            )
            return
        values: dict[str, Any] = {"backup_folder": primary, "backup_second_folder": second}
        for spin in SPIN_KEYS:
            values[_setting_key(spin)] = getattr(self.ui, f"{spin}_spin").value()
        self.values = values
        self.accept()

    def show_error(self, message: str) -> None:
        self.ui.summary_label.setText(message)
