"""文件 ▸ 恢复备份…: the list of backups (date, size, counts) to choose one from.

The dialog only chooses (``chosen``); the controller restores, after asking once more.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QWidget,
)

from guilin_union.services import safety
from guilin_union.storage.backup import BackupInfo
from guilin_union.ui.context import AppContext
from guilin_union.ui.safety.widgets import ListSource, make_table, selected_rows, set_widths
from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.dialog_frame import dialog_layout
from guilin_union.ui.widgets.list_helpers import add_button_row, push_buttons


def _count(value: object, _row: object = None) -> str:
    return "—" if value is None else str(value)


COLUMNS = [
    ColumnSpec("created_text", "备份时间", sort_key="created_at"),
    ColumnSpec("reason_label", "原因", sort_key="reason"),
    ColumnSpec("size_text", "大小", sort_key="size", align="right"),
    ColumnSpec("members", "会员", sort_key="members", align="right", formatter=_count),
    ColumnSpec("payments", "慰问发放", sort_key="payments", align="right", formatter=_count),
    ColumnSpec("proposals", "提案", sort_key="proposals", align="right", formatter=_count),
    ColumnSpec("folder", "位置", sort_key="folder"),
]
INTRO = (
    "选择一个备份，用它替换当前数据。恢复前程序会先把当前数据再备份一次，恢复后也可以再换回来。\n"
    "“会员、慰问发放、提案”是备份中各类记录的条数，可用来判断哪个备份是想要的。"
)


class RestoreDialog(QDialog):
    """Pick a backup; ``chosen`` is the file (None when cancelled)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        backups: list[BackupInfo] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: Path | None = None
        layout = dialog_layout(self, "恢复备份", INTRO, wrap=True, size=(900, 480))
        self.source = ListSource()
        self.model = IdTableModel(COLUMNS, self.source, self)
        self.table = make_table(
            self.model, object_name="backups_table", parent=self, stretch_column=6
        )
        self.table.setSortingEnabled(False)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel("还没有备份。程序会在打开、关闭数据库和每次导入前自动备份。")
        self.empty_label.setObjectName("backups_empty_label")
        layout.addWidget(self.empty_label)
        self.restore_button, self.other_button, self.folder_button, close = push_buttons(
            "用所选备份恢复…", "从其他备份文件恢复…", "打开备份文件夹", "关闭"
        )
        self.restore_button.setObjectName("restore_selected_button")
        add_button_row(
            layout, [self.restore_button, self.other_button, self.folder_button], [close]
        )
        self.restore_button.clicked.connect(self.choose_selected)
        self.other_button.clicked.connect(self.choose_other)
        self.folder_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.choose_selected())
        self.load(backups)
        set_widths(self.table, [170, 130, 80, 60, 80, 60])

    def load(self, backups: list[BackupInfo] | None = None) -> None:
        infos = backups if backups is not None else safety.list_backups(self.ctx.db)
        self.infos = infos
        self.source.items = [safety.describe_backup(i) for i in infos]
        self.model.reload()
        self.empty_label.setVisible(not infos)
        self.restore_button.setEnabled(bool(infos))
        if infos:
            self.table.selectRow(0)

    def choose_selected(self) -> None:
        rows = selected_rows(self.table)
        if not rows:
            self.ctx.prompts.warning(self, "恢复备份", "请先选择一个备份。")
            return
        row = self.model.row_data(rows[0])
        if row is None:
            return
        self.chosen = Path(row["path"])
        self.accept()

    def choose_other(self) -> None:
        primary, _second = safety.backup_folders(self.ctx.db)
        start = primary if primary is not None and primary.exists() else self.ctx.db_path.parent
        path = self.ctx.prompts.open_file(
            self, "选择备份文件", start, "数据库文件 (*.db *.sqlite);;所有文件 (*)"
        )
        if path is None:
            return
        self.chosen = Path(path)
        self.accept()

    def open_folder(self) -> None:
        from guilin_union.ui.open_file import open_document

        primary, _second = safety.backup_folders(self.ctx.db)
        if primary is not None:
            primary.mkdir(parents=True, exist_ok=True)
            open_document(primary)
