"""分工会标准: a 分工会's own figures for a type, inside the school's standard (issue 22)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from guilin_union.core.money import format_fen
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import columns, list_model, set_rows
from guilin_union.ui.widgets.dialog_buttons import close_buttons
from guilin_union.ui.widgets.dialog_frame import dialog_layout
from guilin_union.ui.widgets.list_helpers import make_id_table

HINT = (
    "分工会可在学校标准范围内自定金额（不能高于学校上限、不能低于学校下限）。"
    "登记慰问时按会员所在分工会的标准核对。"
)


def _yuan(value, _row) -> str:
    return "" if value is None else format_fen(value)


COLUMNS = columns(
    "branch 分工会 | type 慰问类型 | min_fen 下限（元） | cap_fen 上限（元）",
    formatters={"min_fen": _yuan, "cap_fen": _yuan},
)


class BranchStandardsDialog(QDialog):
    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from guilin_union.services.members import branches
        from guilin_union.services.welfare import config as welfare_config

        self.ctx = ctx
        self.year = year
        layout = dialog_layout(self, f"{year}年分工会慰问标准", HINT)
        self.model = list_model(COLUMNS)
        self.model.setParent(self)
        self.table = make_id_table(
            self.model, object_name="branch_standards_table", sortable=False, stretch_last=True
        )
        layout.addWidget(self.table)
        form = QFormLayout()
        row = QHBoxLayout()
        self.branch_combo = QComboBox()
        for b in branches.list_branches(ctx.db, include_inactive=False):
            self.branch_combo.addItem(b.name, b.id)
        self.type_combo = QComboBox()
        self.type_combo.addItems(welfare_config.types(ctx.db))
        self.min_edit = QLineEdit()
        self.min_edit.setPlaceholderText("下限")
        self.cap_edit = QLineEdit()
        self.cap_edit.setPlaceholderText("上限")
        for widget in (self.branch_combo, self.type_combo, self.min_edit, self.cap_edit):
            row.addWidget(widget)
        form.addRow("新增或修改：", row)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("保存(&S)")
        self.delete_button = QPushButton("删除所选(&D)")
        self.save_button.setEnabled(not ctx.read_only)
        self.delete_button.setEnabled(False)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = close_buttons(self)
        layout.addWidget(close)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)

        def can_delete(*_args: object) -> None:
            selection = self.table.selectionModel()
            self.delete_button.setEnabled(selection.hasSelection() and not ctx.read_only)

        self.table.selectionModel().selectionChanged.connect(can_delete)
        self.model.modelReset.connect(can_delete)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        from guilin_union.services.welfare.cases import list_branch_standards

        self.rows = list_branch_standards(self.ctx.db, self.year)
        set_rows(self.model, self.rows)
        self.table.resizeColumnsToContents()

    def save(self) -> None:
        from guilin_union.services.welfare.cases import set_branch_standard

        branch_id = self.branch_combo.currentData()
        type_name = self.type_combo.currentText()
        low, cap = self.min_edit.text().strip() or None, self.cap_edit.text().strip() or None
        year = self.year
        result = ops.CollectionOp(
            self.ctx,
            self,
            "分工会慰问标准",
            lambda db: set_branch_standard(
                db, year, type_name, branch_id, cap_fen=cap, min_fen=low
            ),
        ).run()
        if result is not None:
            self.reload()

    def delete_selected(self) -> None:
        from guilin_union.services.welfare.cases import delete_branch_standard

        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        target = self.rows[rows[0]]["id"]
        if ops.CollectionOp(
            self.ctx, self, "删除分工会标准", lambda db: delete_branch_standard(db, target)
        ).run():
            self.reload()
