"""A sentence inside every empty list (issue 15) instead of a bare grid.

An empty list says what it will hold and how to fill it (:data:`EMPTY_TEXTS`, by the
view's object name; a plain “还没有记录。” otherwise); a list that is empty because of a
search or a filter says “没有符合条件的记录。” instead.

The sentence is painted on the view's viewport when the model has no rows, so nothing in
the list's own code changes: :func:`install_empty_text` is called by ``style_table`` (every
list in the house style) and by the main window for every view of a page it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

NO_MATCH = "没有符合条件的记录。"
DEFAULT_EMPTY = "还没有记录。"
EMPTY_TEXTS: dict[str, str] = {
    "members_table": "会员名册还是空的：在“申请审批”页从 Excel 名单导入，或点“新增会员…”逐个录入。",
    "applications_table": "没有入会申请：点“从 Excel 导入…”导入人事处名单，或逐个登记申请。",
    "dues_detail_table": "还没有会费记录：先在会员登记表中录入工资基数。",
    "dues_summary_table": "还没有会费记录。",
    "activities_table": "还没有活动：点“新建活动…”登记第一项活动。",
    "participants_table": "还没有人报名：点“添加报名…”或“导入报名表…”。",
    "results_table": "还没有成绩：报名后在这里录入名次和成绩。",
    "team_table": "录入成绩后，这里按分工会计算团体总分。",
    "budget_lines_table": "还没有经费记录：点“添加经费…”登记预算或支出。",
    "activity_attachments_list": "还没有附件：可以添加活动照片、通知等文件。",
    "welfare_payments_table": "还没有慰问记录：点“登记慰问…”，或在“节日批量发放”页一次发放。",
    "welfare_batches_table": "还没有节日批量发放：点“新建批量发放…”，先预览名单再发放。",
    "welfare_standards_table": "本年度还没有慰问标准：从上一年复制，或载入示例后按本校规定修改。",
    "welfare_hardship_table": "还没有困难帮扶档案。",
    "welfare_warnings_table": "没有超标准或需要复核的记录。",
    "delegates_table": "还没有代表：点“添加代表…”或从 Excel 导入代表名单。",
    "agenda_table": "还没有议程：点“添加议程项…”。",
    "attendance_table": "会议当日在任的代表会列在这里，逐人签到或导入签到表。",
    "votes_table": "还没有表决事项：点“添加表决事项…”。",
    "proposals_table": "还没有提案：点“提交提案…”登记，或从 Excel 导入各代表团收集的提案。",
    "workpoints_items_table": "这份计划还没有条目。",
    "notes_table": "还没有进展记录：点“记录进展…”写一句话。",
    "evidence_table": "还没有佐证材料：点“添加文件…”。",
    "upper_links_list": "还没有对应的上级工作要点。",
    "record_links_list": "还没有关联的活动或会议。",
    "home_todo": "现在没有需要处理的事情。",
    "ledger_table": "还没有会费台账记录。",
    "budget_table": "还没有经费预算。",
    "budget_entries_table": "还没有经费收支记录。",
    "recycle_groups_table": "回收站是空的：各页签中删除的记录会先放在这里，90 天内可以恢复。",
    "recycle_rows_table": "选中上面的一条，这里列出一起删除的全部记录。",
    "log_detail_table": "选中上面的一条日志，这里列出修改前后的内容。",
}
FILTER_WORDS = ("只看", "只显示", "仅显示")
_INSTALLED = "_empty_text_installed"


def _page_of(view: QWidget) -> QWidget:
    """The widget holding the list with its search box and filters (three levels up)."""
    page = view
    for _ in range(3):
        parent = page.parentWidget()
        if parent is None or parent.isWindow():
            break
        page = parent
    return page


def is_filtered(view: QWidget) -> bool:
    """A search box has text, a 只看… box is ticked or a 全部… filter is narrowed."""
    page = _page_of(view)
    for edit in page.findChildren(QLineEdit):
        if isinstance(edit.parent(), QComboBox) or not edit.isVisible():
            continue
        searchish = "search" in edit.objectName() or edit.placeholderText().startswith("搜索")
        if searchish and edit.text().strip():
            return True
    for box in page.findChildren(QCheckBox):
        if box.isVisible() and box.isChecked() and box.text().startswith(FILTER_WORDS):
            return True
    for combo in page.findChildren(QComboBox):
        # A year is where the list starts, not a narrowing the user chose.
        if "year" in combo.objectName() or combo.currentText().endswith("年"):
            continue
        if (
            combo.isVisible()
            and combo.count()
            and combo.itemText(0).startswith("全部")
            and combo.currentIndex() > 0
        ):
            return True
    return False


def empty_text(view: QAbstractItemView) -> str:
    if is_filtered(view):
        return NO_MATCH
    own = view.property("empty_text")
    return str(own) if own else EMPTY_TEXTS.get(view.objectName(), DEFAULT_EMPTY)


def _row_count(view: QAbstractItemView) -> int:
    model = view.model()
    if model is None:
        return -1
    return model.rowCount(view.rootIndex())


class _EmptyPainter(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and _row_count(self.view) == 0:
            viewport = self.view.viewport()
            painter = QPainter(viewport)
            painter.setPen(QColor("#777777"))
            area = QRect(viewport.rect()).adjusted(16, 24, -16, -8)
            painter.drawText(
                area,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                empty_text(self.view),
            )
            painter.end()
        return False


def install_empty_text(view: QAbstractItemView, text: str | None = None) -> None:
    """Show a sentence in ``view`` whenever it has no rows (idempotent)."""
    if text is not None:
        view.setProperty("empty_text", text)
    if isinstance(view, QHeaderView) or view.property(_INSTALLED):
        return
    view.setProperty(_INSTALLED, True)
    view.viewport().installEventFilter(_EmptyPainter(view))


def install_empty_texts(root: QWidget) -> int:
    """Every list under ``root`` (combo-box pop-ups and headers excepted)."""
    count = 0
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or isinstance(view.parentWidget(), QComboBox):
            continue
        if type(view).__name__ == "QComboBoxListView" or view.parentWidget() is None:
            continue
        if view.parentWidget().inherits("QComboBoxPrivateContainer"):
            continue
        if not view.property(_INSTALLED):
            install_empty_text(view)
            count += 1
    return count
