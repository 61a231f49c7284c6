"""Choosers of the work-points screens: the upper items a school item answers, the activity
or congress session that carried it out, and the items to carry into next year.

Each dialog only returns the choice; the caller writes through the services.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import links as wl
from guilin_union.ui import palette
from guilin_union.ui.widgets.dialog_buttons import Button, accept_cancel_buttons
from guilin_union.ui.widgets.dialog_frame import dialog_layout
from guilin_union.ui.widgets.list_helpers import add_check_item, make_search_edit, make_year_spin
from guilin_union.ui.workpoints.common import shorten

ID_ROLE = Qt.ItemDataRole.UserRole


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    return accept_cancel_buttons(dialog, text=ok_text, button=Button.Ok)


class UpperItemPicker(QDialog):
    """Tick the upper items a school item answers (already linked ones come ticked)."""

    def __init__(
        self,
        db,
        *,
        item_title: str,
        linked: set[int],
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("upper_item_picker")
        self.db = db
        self.linked = set(linked)
        intro = f"勾选“{shorten(item_title, 50)}”所落实的上级工会工作要点："
        layout = dialog_layout(self, "对应上级工作要点", intro, wrap=True)
        bar = QHBoxLayout()
        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("upper_plan_combo")
        self.search_edit = make_search_edit("upper_item_search_edit", "筛选：要点中的字词")
        bar.addWidget(QLabel("上级要点"))
        bar.addWidget(self.plan_combo, 2)
        bar.addWidget(self.search_edit, 1)
        layout.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setObjectName("upper_items_tree")
        self.tree.setHeaderLabels(["要点", "牵头单位"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree, 1)
        self.empty_label = QLabel(
            "还没有导入上级工会的工作要点。请先用“导入工作要点…”导入，类别选“上级”。"
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addWidget(_buttons(self, "确定"))
        plans = wp.list_plans(db, kind="upper")
        for plan in plans:
            self.plan_combo.addItem(wp.plan_label(plan), plan["id"])
        if year is not None:  # the same year's (or the nearest later) upper plan first
            best = min(
                range(len(plans)),
                key=lambda i: (plans[i]["year"] < year, abs(plans[i]["year"] - year)),
                default=None,
            )
            if best is not None:
                self.plan_combo.setCurrentIndex(best)
        self.empty_label.setVisible(not plans)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self._load())
        self.search_edit.textChanged.connect(self._filter)
        self.tree.itemChanged.connect(self._changed)
        self._load()
        self.resize(780, 560)

    def _load(self) -> None:
        # Remember ticks made in another plan before switching.
        self.tree.blockSignals(True)
        self.tree.clear()
        plan_id = self.plan_combo.currentData()
        if plan_id is not None:
            parents: dict[int, QTreeWidgetItem] = {}
            for node in wp.plan_items(self.db, plan_id):
                item = QTreeWidgetItem(
                    [f"{node['label']}{node['heading']}", node["lead_unit"] or ""]
                )
                item.setData(0, ID_ROLE, node["id"])
                item.setToolTip(0, node["text"])
                if node["level"] > 1 or node["is_leaf"]:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(
                        0,
                        Qt.CheckState.Checked
                        if node["id"] in self.linked
                        else Qt.CheckState.Unchecked,
                    )
                parent = parents.get(node["parent_id"])
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                parents[node["id"]] = item
            self.tree.expandAll()
        self.tree.blockSignals(False)
        self._filter(self.search_edit.text())

    def _changed(self, item: QTreeWidgetItem, _column: int) -> None:
        item_id = int(item.data(0, ID_ROLE))
        if item.checkState(0) == Qt.CheckState.Checked:
            self.linked.add(item_id)
        else:
            self.linked.discard(item_id)

    def _filter(self, text: str) -> None:
        terms = text.split()

        def walk(item: QTreeWidgetItem) -> bool:
            visible_child = False
            for i in range(item.childCount()):
                visible_child = walk(item.child(i)) or visible_child
            own = all(t in item.text(0) or t in item.toolTip(0) for t in terms)
            item.setHidden(not (own or visible_child))
            return own or visible_child

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))

    def set_checked(self, item_id: int, checked: bool) -> None:
        """Tick or untick one upper item (as a click would)."""

        def walk(item: QTreeWidgetItem) -> None:
            if int(item.data(0, ID_ROLE)) == item_id:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))


class RecordPicker(QDialog):
    """Choose an activity or a congress session (only areas whose table exists)."""

    def __init__(self, db, *, year: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_picker")
        self.setWindowTitle("关联活动或会议")
        self.db = db
        self.year = year
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.kind_combo = QComboBox()
        for kind, label in wl.available_record_kinds(db):
            self.kind_combo.addItem(label, kind)
        self.search_edit = make_search_edit("record_search_edit", "筛选：名称中的字词")
        bar.addWidget(QLabel("类别"))
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.search_edit, 1)
        layout.addLayout(bar)
        self.list = QListWidget()
        self.list.setObjectName("record_list")
        layout.addWidget(self.list, 1)
        self.note_label = QLabel(f"{year}年的记录排在前面。" if year else "")
        self.note_label.setStyleSheet(palette.MUTED_TEXT_STYLE)
        layout.addWidget(self.note_label)
        layout.addWidget(_buttons(self, "关联"))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._load())
        self.search_edit.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._load()
        self.resize(560, 480)

    def _load(self) -> None:
        self.list.clear()
        kind = self.kind_combo.currentData()
        if kind is None:
            self.list.addItem("（还没有活动或会议记录）")
            return
        for record_id, label in wl.record_choices(self.db, kind, year=self.year):
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, record_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._filter(self.search_edit.text())

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(not all(t in item.text() for t in text.split()))

    def choice(self) -> tuple[str, int] | None:
        item = self.list.currentItem()
        record_id = item.data(ID_ROLE) if item is not None else None
        if record_id is None:
            return None
        return self.kind_combo.currentData(), int(record_id)


class CarryOverDialog(QDialog):
    """Tick the unfinished items to carry into a later year (all ticked at first)."""

    def __init__(
        self, candidates: list[dict[str, Any]], *, from_year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("carry_over_dialog")
        intro = (
            f"{from_year}年尚未完成的条目（未开始、进行中）可以结转到以后的年度继续跟踪。"
            "结转后，条目在新年度的计划中列在“结转事项”下，原有进展记录仍可查看。"
        )
        layout = dialog_layout(self, "结转到下一年度", intro, wrap=True)
        self.list = QListWidget()
        self.list.setObjectName("carry_list")
        for node in candidates:
            item = add_check_item(
                self.list,
                f"{node['label']}{shorten(node['heading'], 36)}　〔{node['status']}"
                f"{'，' + node['owner'] if node['owner'] else ''}〕",
                node["id"],
                checked=True,
            )
            item.setToolTip(node["text"])
        layout.addWidget(self.list, 1)
        bar = QHBoxLayout()
        all_button, none_button = QPushButton("全选"), QPushButton("全不选")
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.year_spin = make_year_spin(
            "carry_year_spin", year=from_year + 1, minimum=from_year + 1
        )
        bar.addWidget(all_button)
        bar.addWidget(none_button)
        bar.addStretch(1)
        bar.addWidget(QLabel("结转到"))
        bar.addWidget(self.year_spin)
        layout.addLayout(bar)
        layout.addWidget(_buttons(self, "结转"))
        self.resize(720, 480)

    def _check_all(self, checked: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )

    def chosen_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(ID_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
