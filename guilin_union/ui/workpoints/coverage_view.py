"""上级要点对照: the upper union's items beside the school's, showing which upper items no
school item answers yet, and linking them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import links as wl
from guilin_union.ui import ops, palette
from guilin_union.ui.widgets.list_helpers import make_label
from guilin_union.ui.workpoints.common import STATUS_COLORS, shorten

ID_ROLE = Qt.ItemDataRole.UserRole
ALL_SCHOOL_PLANS = None


class CoverageView(QWidget):
    """Left: an upper plan's items with the school items that answer them (unanswered ones in
    red). Right: a school plan's items with the upper items they answer."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workpoints_coverage_view")
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.upper_combo = QComboBox()
        self.upper_combo.setObjectName("coverage_upper_combo")
        self.upper_combo.setMinimumContentsLength(24)
        self.school_combo = QComboBox()
        self.school_combo.setObjectName("coverage_school_combo")
        self.school_combo.setMinimumContentsLength(24)
        self.unanswered_check = QCheckBox("只看尚无对应的上级要点")
        self.unanswered_check.setObjectName("unanswered_only_check")
        bar.addWidget(QLabel("上级要点"))
        bar.addWidget(self.upper_combo, 2)
        bar.addWidget(QLabel("本校要点"))
        bar.addWidget(self.school_combo, 2)
        bar.addWidget(self.unanswered_check)
        layout.addLayout(bar)
        self.summary_label = make_label("coverage_summary_label", wrap=True)
        layout.addWidget(self.summary_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.upper_tree = QTreeWidget()
        self.upper_tree.setObjectName("coverage_upper_tree")
        self.upper_tree.setHeaderLabels(["上级工作要点", "本校落实条目"])
        self.upper_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.upper_tree.setColumnWidth(0, 380)
        self.upper_tree.setAlternatingRowColors(True)
        self.upper_tree.setWordWrap(True)
        self.school_tree = QTreeWidget()
        self.school_tree.setObjectName("coverage_school_tree")
        self.school_tree.setHeaderLabels(["本校工作要点", "对应的上级要点"])
        self.school_tree.setColumnWidth(0, 380)
        self.school_tree.setAlternatingRowColors(True)
        splitter.addWidget(self.upper_tree)
        splitter.addWidget(self.school_tree)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.link_button = QPushButton("把右侧所选本校条目对应到左侧所选上级要点")
        self.link_button.setObjectName("coverage_link_button")
        self.unlink_button = QPushButton("取消这两条的对应")
        hint = QLabel(
            "先在左侧选上级要点，再在右侧选本校条目。对应到一个有子项的上级要点时，其各子项都算已落实。"
        )
        hint.setStyleSheet(palette.MUTED_TEXT_STYLE)
        hint.setWordWrap(True)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addWidget(hint, 1)
        layout.addLayout(buttons)

        self.upper_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.school_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.unanswered_check.toggled.connect(lambda _c: self.reload())
        self.link_button.clicked.connect(self.link_selected)
        self.unlink_button.clicked.connect(self.unlink_selected)

    # ------------------------------------------------------------------ plans
    def set_context(self, year: int | None, plan: dict[str, Any] | None) -> None:
        """Offer the plans; preselect the current school plan and the upper plan of its year
        (or the nearest)."""
        self.upper_combo.blockSignals(True)
        self.school_combo.blockSignals(True)
        previous_upper, previous_school = (
            self.upper_combo.currentData(),
            self.school_combo.currentData(),
        )
        self.upper_combo.clear()
        self.school_combo.clear()
        uppers = wp.list_plans(self.ctx.db, kind="upper")
        for p in uppers:
            self.upper_combo.addItem(wp.plan_label(p), p["id"])
        self.school_combo.addItem("全部本校计划", ALL_SCHOOL_PLANS)
        for p in wp.list_plans(self.ctx.db, kind="school"):
            self.school_combo.addItem(wp.plan_label(p), p["id"])
        upper_choice, school_choice = previous_upper, previous_school
        if plan is not None:
            if plan["kind"] == "upper":
                upper_choice = plan["id"]
            else:
                school_choice = plan["id"]
                if uppers:
                    upper_choice = min(
                        uppers, key=lambda p: (abs(p["year"] - plan["year"]), -p["year"])
                    )["id"]
        elif year is not None and uppers:
            upper_choice = min(uppers, key=lambda p: abs(p["year"] - year))["id"]
        self.upper_combo.setCurrentIndex(max(0, self.upper_combo.findData(upper_choice)))
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(school_choice)))
        self.upper_combo.blockSignals(False)
        self.school_combo.blockSignals(False)
        self.reload()

    # ------------------------------------------------------------------ trees
    def reload(self) -> None:
        upper_id = self.upper_combo.currentData()
        school_id = self.school_combo.currentData()
        self._fill_upper(upper_id, school_id)
        self._fill_school(school_id)
        has_upper = upper_id is not None
        self.link_button.setEnabled(has_upper and not self.ctx.read_only)
        self.unlink_button.setEnabled(has_upper and not self.ctx.read_only)

    def _fill_upper(self, upper_id: int | None, school_id: int | None) -> None:
        self.upper_tree.clear()
        if upper_id is None:
            self.summary_label.setText(
                "还没有导入上级工会的工作要点。导入时类别选“上级”，就可以在这里逐条对照本校的落实情况。"
            )
            return
        rows = wl.coverage(self.ctx.db, upper_id, school_plan_id=school_id)
        leaves = [r for r in rows if r.item["is_leaf"]]
        missing = [r for r in leaves if not r.answered]
        self.summary_label.setText(
            f"上级要点共 {len(leaves)} 项，本校已有条目对应 {len(leaves) - len(missing)} 项，"
            + (f"尚无对应 {len(missing)} 项（红色）。" if missing else "全部都有对应。")
        )
        only_missing = self.unanswered_check.isChecked()
        parents: dict[int, QTreeWidgetItem] = {}
        for row in rows:
            node = row.item
            if only_missing and node["is_leaf"] and row.answered:
                continue
            answers = "；".join(
                f"{a['year']}年{a['title'][:30]}（{a['status']}）" for a in row.answers
            )
            if row.inherited:
                answers = "（通过上一级要点对应）" + answers
            if not node["is_leaf"] and not row.answers and node.get("leaf_total"):
                answers = f"子项已对应 {node['covered_leaves']}/{node['leaf_total']}"
            item = QTreeWidgetItem(
                [
                    f"{node['label']}{node['heading']}",
                    answers or ("尚无本校条目对应" if node["is_leaf"] else ""),
                ]
            )
            item.setData(0, ID_ROLE, node["id"])
            item.setToolTip(0, node["text"])
            item.setToolTip(1, answers)
            if node["is_leaf"] and not row.answered:
                for column in (0, 1):
                    item.setForeground(column, QColor(palette.WARNING))
            elif not node["is_leaf"]:
                item.setForeground(0, QColor(palette.SECTION))
            parent = parents.get(node["parent_id"])
            (parent.addChild(item) if parent is not None else self.upper_tree.addTopLevelItem(item))
            parents[node["id"]] = item
        self.upper_tree.expandAll()

    def _fill_school(self, school_id: int | None) -> None:
        self.school_tree.clear()
        plans = (
            [wp.get_plan(self.ctx.db, school_id)]
            if school_id is not None
            else wp.list_plans(self.ctx.db, kind="school")
        )
        for plan in plans:
            top = QTreeWidgetItem([wp.plan_label(plan), ""])
            top.setForeground(0, QColor(palette.SECTION))
            self.school_tree.addTopLevelItem(top)
            parents: dict[int, QTreeWidgetItem] = {}
            for node in wp.plan_items(self.ctx.db, plan["id"]):
                linked = wl.upper_links(self.ctx.db, node["id"]) if node["upper_link_count"] else []
                item = QTreeWidgetItem(
                    [
                        f"{node['label']}{node['heading']}",
                        "；".join(shorten(link["title"], 30) for link in linked),
                    ]
                )
                item.setData(0, ID_ROLE, node["id"])
                item.setToolTip(0, node["text"])
                if node["is_leaf"]:
                    item.setForeground(0, QColor(STATUS_COLORS.get(node["status"], "#000000")))
                parent = parents.get(node["parent_id"], top)
                parent.addChild(item)
                parents[node["id"]] = item
        self.school_tree.expandAll()

    # ------------------------------------------------------------------ linking
    def _selected(self, tree: QTreeWidget) -> int | None:
        item = tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def select_ids(self, upper_id: int | None, school_id: int | None) -> None:
        """Select items in both trees by id (as clicks would)."""
        for tree, wanted in ((self.upper_tree, upper_id), (self.school_tree, school_id)):
            iterator = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
            while iterator:
                item = iterator.pop(0)
                if item.data(0, ID_ROLE) == wanted:
                    tree.setCurrentItem(item)
                    break
                iterator.extend(item.child(i) for i in range(item.childCount()))

    def link_selected(self) -> bool:
        upper_id, school_id = self._selected(self.upper_tree), self._selected(self.school_tree)
        if upper_id is None or school_id is None:
            self.ctx.prompts.info(
                self, "对应上级要点", "请先在左侧选择一项上级要点，在右侧选择一项本校条目。"
            )
            return False
        return self._write("对应上级要点", lambda d: wl.link_upper(d, school_id, upper_id))

    def unlink_selected(self) -> bool:
        upper_id, school_id = self._selected(self.upper_tree), self._selected(self.school_tree)
        if upper_id is None or school_id is None:
            return False
        return self._write(
            "取消对应",
            lambda d: wl.unlink_upper(d, school_id, upper_id),
            undo_text="取消对应上级要点",
        )

    def _write(self, title: str, op: Callable[[Any], Any], undo_text: str | None = None) -> bool:
        """Link or unlink the two selected items; both stay selected."""
        upper_id, school_id = self._selected(self.upper_tree), self._selected(self.school_tree)
        result = ops.CollectionOp(self.ctx, self, title, op, undo_text=undo_text).run()
        if result is None:
            return False
        self.select_ids(upper_id, school_id)
        return True
