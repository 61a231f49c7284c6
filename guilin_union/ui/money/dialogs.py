"""Dialogs of the money area. They hold a form, check it, and return a dataclass; they never
write to the database (the view runs the service through ``ui/ops.py``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError, ValidationError
from guilin_union.core.funds import PAYMENT_METHODS
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.ui.widgets.date_fields import iso_date, make_date_edit
from guilin_union.ui.widgets.dialog_buttons import Button, accept_cancel_buttons
from guilin_union.ui.widgets.list_helpers import add_check_item, make_line_edit, push_buttons

ERROR_STYLE = "color: #b00020;"
T = TypeVar("T")


def _foot(dialog: QDialog, layout: QFormLayout | QVBoxLayout, name: str) -> QLabel:
    """The foot of a money dialog: the error line (returned) and 确定/取消."""
    error = QLabel()
    error.setObjectName(name)
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    buttons = accept_cancel_buttons(dialog, text="确定", button=Button.Ok)
    if isinstance(layout, QFormLayout):
        layout.addRow("", error)
        layout.addRow(buttons)
    else:
        layout.addWidget(error)
        layout.addWidget(buttons)
    return error


def _form_foot(
    dialog: QDialog, form: QFormLayout, rows: Sequence[tuple[str, QWidget]], name: str
) -> QLabel:
    """A form dialog's ``(label, field)`` rows, then its :func:`_foot`."""
    for label, field in rows:
        form.addRow(label, field)
    return _foot(dialog, form, name)


class _InputDialog(QDialog, Generic[T]):
    """A money dialog that hands back what was typed as ``result_value`` (None until 确定
    is pressed on a valid form): :meth:`read` builds it, and the :class:`UserError` it
    raises is shown on the error line instead while the dialog stays open."""

    error_label: QLabel

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: T | None = None

    def read(self) -> T:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            data = self.read()
        except UserError as exc:
            self.error_label.setText(str(exc))
            return
        self.result_value = data
        super().accept()


def _positive_amount(edit: QLineEdit, message: str) -> int:
    """The amount typed in 元, in 分; ``message`` when it is not above 0."""
    amount = parse_yuan(edit.text(), field="amount")
    if amount <= 0:
        raise ValidationError(message, "amount")
    return amount


@dataclass
class PaymentInput:
    method: str
    paid_on: str
    amount_fen: int
    note: str


class PaymentDialog(_InputDialog[PaymentInput]):
    """登记缴费 for one member and month (amount defaults to the amount due)."""

    def __init__(self, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__("登记缴费", parent)
        form = QFormLayout(self)
        form.addRow("会员", QLabel(f"{row['name']}（{row['branch']}）"))
        form.addRow("月份", QLabel(row["month"]))
        form.addRow("应缴", QLabel(f"{format_fen(row['due_fen'])} 元"))
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("dues_method_combo")
        self.method_combo.addItems(list(PAYMENT_METHODS))
        self.method_combo.setCurrentText("现金")
        self.date_edit = make_date_edit("dues_paid_on_edit")
        due = format_fen(row["due_fen"]).replace(",", "")
        self.amount_edit = make_line_edit("dues_amount_edit", text=due)
        self.note_edit = make_line_edit(placeholder="如 补缴、收据号")
        rows = [
            ("缴纳方式", self.method_combo),
            ("缴纳日期", self.date_edit),
            ("金额（元）", self.amount_edit),
            ("备注", self.note_edit),
        ]
        self.error_label = _form_foot(self, form, rows, "dues_error_label")

    def read(self) -> PaymentInput:
        return PaymentInput(
            self.method_combo.currentText(),
            iso_date(self.date_edit),
            _positive_amount(self.amount_edit, "缴纳金额应大于 0"),
            self.note_edit.text().strip(),
        )


@dataclass
class RemittanceInput:
    branch_id: int
    member_ids: list[int]
    total_fen: int
    received_on: str
    method: str
    note: str


class RemittanceDialog(_InputDialog[RemittanceInput]):
    """分工会上缴: tick the members whose dues the 分工会 brought, enter the total; the total
    must equal the ticked members' dues (checked by the service before the dialog closes)."""

    def __init__(
        self,
        month: str,
        branches: list[tuple[int, str]],
        unpaid: dict[int, list[dict[str, Any]]],
        check: Any,
        parent: QWidget | None = None,
    ) -> None:
        """``unpaid``: branch id → its unpaid ledger rows of ``month``; ``check(input)``
        raises a ``UserError`` when the remittance would be refused (total, members)."""
        super().__init__(f"分工会上缴会费（{month}）", parent)
        self.resize(520, 560)
        self.month = month
        self.unpaid = unpaid
        self.check = check
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("remit_branch_combo")
        for bid, name in branches:
            self.branch_combo.addItem(f"{name}（未缴 {len(unpaid.get(bid, []))} 人）", bid)
        form.addRow("分工会", self.branch_combo)
        layout.addLayout(form)
        self.all_check = QCheckBox("全选")
        self.all_check.setObjectName("remit_all_check")
        layout.addWidget(self.all_check)
        self.member_list = QListWidget()
        self.member_list.setObjectName("remit_member_list")
        layout.addWidget(self.member_list, 1)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("remit_sum_label")
        layout.addWidget(self.sum_label)
        form2 = QFormLayout()
        self.total_edit = make_line_edit("remit_total_edit", "分工会交来的金额，如 1234.50")
        self.date_edit = make_date_edit("remit_date_edit")
        self.method_combo = QComboBox()
        self.method_combo.addItems(["现金", "转账"])
        self.note_edit = QLineEdit()
        form2.addRow("上缴金额（元）", self.total_edit)
        form2.addRow("收到日期", self.date_edit)
        form2.addRow("上缴方式", self.method_combo)
        form2.addRow("备注", self.note_edit)
        layout.addLayout(form2)
        self.error_label = _foot(self, layout, "remit_error_label")
        self.branch_combo.currentIndexChanged.connect(lambda _i: self.fill())
        self.member_list.itemChanged.connect(lambda _i: self.update_sum())
        self.all_check.toggled.connect(self.tick_all)
        self.fill()

    def fill(self) -> None:
        self.member_list.blockSignals(True)
        self.member_list.clear()
        for row in self.unpaid.get(self.branch_combo.currentData(), []):
            add_check_item(
                self.member_list,
                f"{row['name']}　{row['staff_no'] or ''}　应缴 {format_fen(row['due_fen'])} 元",
                (row["member_id"], row["due_fen"]),
            )
        self.member_list.blockSignals(False)
        self.update_sum()

    def tick_all(self, on: bool) -> None:
        self.member_list.blockSignals(True)
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.member_list.count()):
            self.member_list.item(i).setCheckState(state)
        self.member_list.blockSignals(False)
        self.update_sum()

    def ticked(self) -> list[tuple[int, int]]:
        out = []
        for i in range(self.member_list.count()):
            item = self.member_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def update_sum(self) -> None:
        ticked = self.ticked()
        self.sum_label.setText(
            f"已勾选 {len(ticked)} 人，应缴合计 {format_fen(sum(d for _m, d in ticked))} 元"
        )

    def read(self) -> RemittanceInput:
        data = RemittanceInput(
            int(self.branch_combo.currentData()),
            [m for m, _d in self.ticked()],
            parse_yuan(self.total_edit.text(), field="total"),
            iso_date(self.date_edit),
            self.method_combo.currentText(),
            self.note_edit.text().strip(),
        )
        self.check(data)
        return data


@dataclass
class EntryInput:
    category: str
    amount_fen: int
    entry_date: str
    description: str
    voucher_no: str


class EntryDialog(_InputDialog[EntryInput]):
    """登记收支: a manual income or spending entry with its voucher number."""

    def __init__(
        self, categories: list[tuple[str, str]], year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__("登记收入或支出", parent)
        form = QFormLayout(self)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("entry_category_combo")
        for code, label in categories:
            self.category_combo.addItem(label, code)
        today = _dt.date.today()
        self.date_edit = make_date_edit(
            "entry_date_edit", day=today if today.year == year else _dt.date(year, 12, 31)
        )
        self.amount_edit = make_line_edit("entry_amount_edit")
        self.voucher_edit = make_line_edit("entry_voucher_edit", "如 记-2025-0123")
        self.description_edit = make_line_edit("entry_description_edit")
        rows = [
            ("科目", self.category_combo),
            ("日期", self.date_edit),
            ("金额（元）", self.amount_edit),
            ("凭证号", self.voucher_edit),
            ("摘要", self.description_edit),
        ]
        self.error_label = _form_foot(self, form, rows, "entry_error_label")

    def read(self) -> EntryInput:
        amount = _positive_amount(self.amount_edit, "金额应大于 0")
        if not self.description_edit.text().strip():
            raise ValidationError("请填写摘要（收支内容）", "description")
        return EntryInput(
            str(self.category_combo.currentData()),
            amount,
            iso_date(self.date_edit),
            self.description_edit.text().strip(),
            self.voucher_edit.text().strip(),
        )


@dataclass
class ChartInput:
    chart: list[dict[str, Any]]
    maps: dict[str, dict[str, str]]


class ChartDialog(_InputDialog[ChartInput]):
    """收支科目: the chart of categories (names edited in place, categories added or removed)
    and which spending category each activity type and welfare type counts under. Returns
    the edited copy; ``check(ChartInput)`` raises a ``UserError`` to keep the dialog open."""

    def __init__(
        self,
        chart: list[dict[str, Any]],
        maps: dict[str, dict[str, str]],
        types: dict[str, list[str]],
        check: Any,
        parent: QWidget | None = None,
    ) -> None:
        from PySide6.QtWidgets import (
            QHBoxLayout,
            QHeaderView,
            QTableWidget,
            QTableWidgetItem,
            QTabWidget,
        )

        super().__init__("工会经费收支科目", parent)
        self.resize(720, 560)
        self._item_class = QTableWidgetItem
        self.check = check
        self.types = types
        self.maps = {k: dict(v) for k, v in maps.items()}
        layout = QVBoxLayout(self)
        tabs = QTabWidget()
        layout.addWidget(tabs, 1)

        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel("双击名称可以修改；编码是固定的标识，预算和收支记录按编码保存。"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("chart_table")
        self.table.setHorizontalHeaderLabels(["编码", "收支", "名称", "上级科目"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_top_button, self.add_sub_button, self.remove_button = push_buttons(
            "增加一级科目", "增加下级科目", "删除所选科目", layout=row
        )
        row.addStretch(1)
        box.addLayout(row)
        tabs.addTab(page, "收支科目")

        map_page = QWidget()
        map_box = QVBoxLayout(map_page)
        map_box.addWidget(QLabel("活动经费和慰问支出自动计入的支出科目："))
        self.map_table = QTableWidget(0, 2)
        self.map_table.setObjectName("chart_map_table")
        self.map_table.setHorizontalHeaderLabels(["类型", "计入科目"])
        self.map_table.verticalHeader().setVisible(False)
        self.map_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        map_box.addWidget(self.map_table, 1)
        tabs.addTab(map_page, "自动计入")

        self.error_label = _foot(self, layout, "chart_error_label")
        self.add_top_button.clicked.connect(self.add_top)
        self.add_sub_button.clicked.connect(self.add_sub)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemChanged.connect(lambda _i: self.fill_maps())
        self.fill(chart)

    # ------------------------------------------------------------ the chart table
    def fill(self, chart: list[dict[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(chart))
        for r, c in enumerate(chart):
            fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            for col, text in enumerate([c["code"], c["kind"], c["name"], c.get("parent") or ""]):
                item = self._item_class(text)
                item.setFlags(
                    fixed | (Qt.ItemFlag.ItemIsEditable if col == 2 else Qt.ItemFlag.NoItemFlags)
                )
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, dict(c))
                self.table.setItem(r, col, item)
        self.table.blockSignals(False)
        self.fill_maps()

    def chart(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            c = dict(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole))
            c["name"] = self.table.item(r, 2).text().strip()
            out.append(c)
        return out

    def _selected(self) -> dict[str, Any] | None:
        r = self.table.currentRow()
        return self.chart()[r] if 0 <= r < self.table.rowCount() else None

    def _new_code(self, chart: list[dict[str, Any]], prefix: str, width: int) -> str:
        used = {c["code"] for c in chart}
        n = 1
        while f"{prefix}{n:0{width}d}" in used:
            n += 1
        return f"{prefix}{n:0{width}d}"

    def add_top(self) -> None:
        chart = self.chart()
        current = self._selected()
        kind = current["kind"] if current else "支出"
        prefix = "4" if kind == "收入" else "5"
        at = max(i for i, c in enumerate(chart) if c["kind"] == kind) + 1
        self._insert_new(chart, at, self._new_code(chart, prefix, 2), kind, None)

    def add_sub(self) -> None:
        chart = self.chart()
        current = self._selected()
        if current is None:
            self.error_label.setText("请先选择一个一级科目")
            return
        parent = current.get("parent") or current["code"]
        at = (
            max(i for i, c in enumerate(chart) if c["code"] == parent or c.get("parent") == parent)
            + 1
        )
        self._insert_new(chart, at, self._new_code(chart, parent, 2), current["kind"], parent)

    def _insert_new(
        self, chart: list[dict[str, Any]], at: int, code: str, kind: str, parent: str | None
    ) -> None:
        """A 新科目 at row ``at``, shown with its name ready to type over."""
        chart.insert(
            at, {"code": code, "kind": kind, "name": "新科目", "parent": parent, "source": None}
        )
        self.fill(chart)
        self.table.setCurrentCell(at, 2)

    def remove(self) -> None:
        chart = self.chart()
        current = self._selected()
        if current is None:
            return
        if any(c.get("parent") == current["code"] for c in chart):
            self.error_label.setText("请先删除该科目的下级科目")
            return
        self.fill([c for c in chart if c["code"] != current["code"]])

    # ------------------------------------------------------------ the maps
    def fill_maps(self) -> None:
        chart = self.chart()
        parents = {c.get("parent") for c in chart if c.get("parent")}
        names = {c["code"]: c["name"] for c in chart}
        choices = [
            (c["code"], f"{names[c['parent']]}/{c['name']}" if c.get("parent") else c["name"])
            for c in chart
            if c["kind"] == "支出" and c["code"] not in parents
        ]
        self._read_maps()
        rows = [(w, t) for w in ("activity", "welfare") for t in self.types.get(w, [])]
        self.map_table.setRowCount(len(rows))
        for r, (which, type_name) in enumerate(rows):
            label = ("活动：" if which == "activity" else "慰问：") + type_name
            item = self._item_class(label)
            item.setData(Qt.ItemDataRole.UserRole, (which, type_name))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.map_table.setItem(r, 0, item)
            combo = QComboBox()
            for code, text in choices:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(combo.findData(self.maps.get(which, {}).get(type_name)), 0))
            self.map_table.setCellWidget(r, 1, combo)

    def _read_maps(self) -> None:
        for r in range(self.map_table.rowCount()):
            item = self.map_table.item(r, 0)
            combo = self.map_table.cellWidget(r, 1)
            if item is None or combo is None:
                continue
            which, type_name = item.data(Qt.ItemDataRole.UserRole)
            self.maps.setdefault(which, {})[type_name] = combo.currentData()

    def read(self) -> ChartInput:
        self._read_maps()
        data = ChartInput(self.chart(), {k: dict(v) for k, v in self.maps.items()})
        self.check(data)
        return data
