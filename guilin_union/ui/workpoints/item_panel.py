"""The selected item's tracking: owner, units, deadline, status (a Designer form), and pages
for its progress notes, evidence files, links and text.

Every change goes through ``services.workpoints``; each successful write is pushed on the
undo stack and announced with ``ctx.notify``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import NotFoundError, UserError
from guilin_union.core.workpoints import ITEM_STATUSES
from guilin_union.services import workpoints as wp
from guilin_union.services.changes import OpResult
from guilin_union.services.workpoints import links as wl
from guilin_union.services.workpoints.outline import format_units
from guilin_union.ui import ops, palette
from guilin_union.ui.forms.ui_workpoints_item_form import Ui_WorkpointItemForm
from guilin_union.ui.table_model import ColumnSpec, columns, list_model, set_rows
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.form_dialog import submit_message_op
from guilin_union.ui.widgets.list_helpers import action_buttons, make_label, make_line_edit
from guilin_union.ui.widgets.modal import show_modal
from guilin_union.ui.workpoints.common import make_table, shorten

ID_ROLE = Qt.ItemDataRole.UserRole
_FIELDS = ("owner", "lead_unit", "responsible_units", "deadline", "status")
INHERITED_COLOR = "#a0a0a4"  # Qt's gray: a note carried over from last year's plan


def _inherited(row: dict[str, Any]) -> str | None:
    return INHERITED_COLOR if row.get("inherited") else None


#: Progress notes, newest first; a note carried over from last year (id None) in grey.
NOTE_COLUMNS = columns(
    "date 日期 | text 进展情况 | recorded_by 记录人",
    colors=dict.fromkeys(("date", "text", "recorded_by"), _inherited),
)
#: Evidence files (id: the evidence row's).
EVIDENCE_COLUMNS = columns(
    "original_name 文件 | caption 说明 | added_at 添加时间",
    formatters={"added_at": lambda value, _row: value[:16].replace("T", " ")},
)


class ItemPanel(QWidget):
    """Shows one item (``set_item``); empty when none is selected."""

    saved = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workpoints_item_panel")
        self.item: dict[str, Any] | None = None
        self._loading = False
        self._dirty = False
        self._build()
        self.set_item(None)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.title_label = make_label("item_title_label", wrap=True)
        self.title_label.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet(palette.MUTED_TEXT_STYLE)
        layout.addWidget(self.title_label)
        layout.addWidget(self.info_label)

        self.form_widget = QWidget()
        self.form = Ui_WorkpointItemForm()
        self.form.setupUi(self.form_widget)
        for status in ITEM_STATUSES:
            self.form.status_combo.addItem(status, status)
        optional_date_edit(self.form.deadline_edit)
        layout.addWidget(self.form_widget)

        self.pages = QTabWidget()
        self.pages.setObjectName("item_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._notes_page(), "进展情况")
        self.pages.addTab(self._evidence_page(), "佐证材料")
        self.pages.addTab(self._links_page(), "关联")
        self.pages.addTab(self._content_page(), "条目内容")
        layout.addWidget(self.pages, 1)

        for edit in (self.form.owner_edit, self.form.lead_unit_edit, self.form.units_edit):
            edit.textEdited.connect(self._mark_dirty)
        self.form.deadline_edit.dateChanged.connect(self._mark_dirty)
        self.form.status_combo.currentIndexChanged.connect(self._mark_dirty)
        self.form.clear_deadline_button.clicked.connect(self._clear_deadline)
        self.form.save_button.clicked.connect(self.save)
        self.form.revert_button.clicked.connect(
            lambda: self.set_item(self.item["id"] if self.item else None)
        )
        self.refresh_suggestions()

    def _button_row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _actions(
        self, layout: QVBoxLayout, *actions: tuple[str, Callable[[], object]]
    ) -> list[QPushButton]:
        """A row of buttons (text, what a click does) added to ``layout``; returns them."""
        buttons = action_buttons(*actions)
        layout.addLayout(self._button_row(*buttons))
        return buttons

    def _table_page(
        self,
        specs: list[ColumnSpec],
        object_name: str,
        *,
        stretch: int,
        on_double_click: Callable[[], object],
        actions: tuple[tuple[str, Callable[[], object]], ...],
    ) -> tuple[QWidget, QVBoxLayout, QTableView, list[QPushButton]]:
        """A page listing ``specs`` columns under a row of ``actions`` buttons (see
        :meth:`_actions`); column ``stretch`` takes the spare width and a double-click calls
        ``on_double_click``. Returns the page, its layout, the table and the buttons."""
        page = QWidget()
        layout = QVBoxLayout(page)
        table = make_table(list_model(specs), object_name=object_name)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _i: on_double_click())
        buttons = self._actions(layout, *actions)
        layout.addWidget(table)
        return page, layout, table, buttons

    def _notes_page(self) -> QWidget:
        page, _layout, self.notes_table, buttons = self._table_page(
            NOTE_COLUMNS,
            "notes_table",
            stretch=1,
            on_double_click=self.edit_note,
            actions=(
                ("记录进展…", self.add_note),
                ("修改…", self.edit_note),
                ("删除", self.delete_note),
            ),
        )
        self.notes_model = self.notes_table.model()
        self.notes_table.setWordWrap(True)
        self.add_note_button, self.edit_note_button, self.delete_note_button = buttons
        self.add_note_button.setObjectName("add_note_button")
        return page

    def _evidence_page(self) -> QWidget:
        page, layout, self.evidence_table, buttons = self._table_page(
            EVIDENCE_COLUMNS,
            "evidence_table",
            stretch=0,
            on_double_click=self.open_evidence,
            actions=(
                ("添加文件…", self.add_evidence),
                ("打开", self.open_evidence),
                ("移除", self.remove_evidence),
            ),
        )
        self.evidence_model = self.evidence_table.model()
        self.add_evidence_button, self.open_evidence_button, self.remove_evidence_button = buttons
        hint = QLabel(
            "文件会复制到数据文件旁的 attachments 文件夹中保存（搬家时连同数据文件一起复制）。"
        )
        hint.setStyleSheet(palette.MUTED_TEXT_STYLE)
        layout.addWidget(hint)
        return page

    def _links_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.upper_caption = QLabel("落实的上级工作要点")
        layout.addWidget(self.upper_caption)
        self.upper_list = QListWidget()
        self.upper_list.setObjectName("upper_links_list")
        self.upper_list.setWordWrap(True)
        self.link_upper_button, self.unlink_upper_button = self._actions(
            layout, ("对应上级要点…", self.choose_upper_items), ("取消对应", self.unlink_upper)
        )
        self.link_upper_button.setObjectName("link_upper_button")
        layout.addWidget(self.upper_list, 1)
        self.records_caption = QLabel("开展的活动、召开的会议")
        layout.addWidget(self.records_caption)
        self.records_list = QListWidget()
        self.records_list.setObjectName("record_links_list")
        self.link_record_button, self.unlink_record_button = self._actions(
            layout, ("关联活动或会议…", self.choose_record), ("取消关联", self.unlink_record)
        )
        layout.addWidget(self.records_list, 1)
        return page

    def _content_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("要点（台账中列出的文字）"))
        self.heading_edit = make_line_edit("item_heading_edit")
        layout.addWidget(self.heading_edit)
        layout.addWidget(QLabel("条目全文"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("item_text_edit")
        layout.addWidget(self.text_edit, 1)
        self.content_error = QLabel()
        self.content_error.setStyleSheet(palette.ERROR_TEXT_STYLE)
        self.save_content_button = QPushButton("保存条目内容")
        self.save_content_button.clicked.connect(self.save_content)
        row = self._button_row(self.save_content_button)
        row.insertWidget(1, self.content_error, 1)
        layout.addLayout(row)
        return page

    def refresh_suggestions(self) -> None:
        values = wp.suggestions(self.ctx.db)
        for edit, key in ((self.form.owner_edit, "owners"), (self.form.lead_unit_edit, "units")):
            completer = QCompleter(values[key], edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)

    # ------------------------------------------------------------------ showing
    def set_item(self, item_id: int | None) -> None:
        """Show an item (None: nothing selected). Unsaved edits of the previous one are lost:
        callers use :meth:`save_if_dirty` first."""
        try:
            self.item = wp.get_item(self.ctx.db, item_id) if item_id is not None else None
        except NotFoundError:
            self.item = None
        item = self.item
        self._loading = True
        enabled = item is not None
        tracked = bool(item and item["is_leaf"])
        self.form_widget.setEnabled(tracked and not self.ctx.read_only)
        self.pages.setEnabled(enabled)
        if item is None:
            self.title_label.setText("请在左侧选择一个条目")
            self.info_label.setText(
                "选中条目后，在这里填写责任人、完成时限、状态，记录进展，上传佐证材料。"
            )
            for edit in (self.form.owner_edit, self.form.lead_unit_edit, self.form.units_edit):
                edit.clear()
            set_optional_date(self.form.deadline_edit, None)
        else:
            self.title_label.setText(shorten(wp.item_title(item), 90))
            self.title_label.setToolTip(wp.item_title(item))
            self.form.owner_edit.setText(item["owner"] or "")
            self.form.lead_unit_edit.setText(item["lead_unit"] or "")
            self.form.units_edit.setText(format_units(item["responsible_units"]))
            set_optional_date(self.form.deadline_edit, item["deadline"])
            self.form.status_combo.setCurrentIndex(
                max(0, self.form.status_combo.findData(item["status"]))
            )
            self.info_label.setText(self._info_text(item))
            self.heading_edit.setText(item["heading"])
            self.text_edit.setPlainText(item["text"])
        self.form.error_label.clear()
        self.content_error.clear()
        self._loading = False
        self._dirty = False
        self._update_save_buttons()
        self.reload_pages()

    def _info_text(self, item: dict[str, Any]) -> str:
        parts = [f"{item['year']}年 {wp.kind_label(item['kind'])}：{item['plan_title']}"]
        if not item["is_leaf"]:
            count = wp.child_count(self.ctx.db, item["id"])
            parts.append(f"该条目下有 {count} 个子条目，请在子条目上跟踪落实情况。")
        if item["carried_from_item_id"]:
            parts.append("由上一年度结转而来，上一年度的进展记录一并列出。")
        carried = wp.carried_to_year(self.ctx.db, item["id"])
        if carried:
            parts.append(f"已结转至{carried}年继续跟踪。")
        return "　".join(parts)

    def reload_pages(self) -> None:
        item = self.item
        self._fill_notes(wp.item_history(self.ctx.db, item["id"]) if item else [])
        self._fill_evidence(wp.list_evidence(self.ctx.db, item["id"]) if item else [])
        is_school = bool(item and item["kind"] == "school")
        self.upper_list.clear()
        if item:
            if is_school:
                for link in wl.upper_links(self.ctx.db, item["id"]):
                    entry = QListWidgetItem(f"{link['year']}年 {link['title']}")
                    entry.setData(ID_ROLE, link["id"])
                    self.upper_list.addItem(entry)
            else:
                for answer in wl.answering_items(self.ctx.db, item["id"]):
                    self.upper_list.addItem(
                        f"{answer['year']}年 {answer['title']}（{answer['status']}）"
                    )
        self.upper_caption.setText(
            "落实的上级工作要点" if is_school or not item else "本校落实该要点的条目"
        )
        self.link_upper_button.setVisible(is_school or not item)
        self.unlink_upper_button.setVisible(is_school or not item)
        self.records_list.clear()
        kinds = wl.available_record_kinds(self.ctx.db)
        if item:
            for link in wl.record_links(self.ctx.db, item["id"]):
                text = f"{link['kind_label']}：{link['label']}"
                if link["link_id"] is None:
                    text += "（在活动中登记）"
                entry = QListWidgetItem(text)
                entry.setData(ID_ROLE, link["link_id"])
                self.records_list.addItem(entry)
        for widget in (
            self.records_caption,
            self.records_list,
            self.link_record_button,
            self.unlink_record_button,
        ):
            widget.setVisible(bool(kinds))
        writable = bool(item) and not self.ctx.read_only
        for button in (
            self.add_note_button,
            self.edit_note_button,
            self.delete_note_button,
            self.add_evidence_button,
            self.remove_evidence_button,
            self.link_upper_button,
            self.unlink_upper_button,
            self.link_record_button,
            self.unlink_record_button,
            self.save_content_button,
        ):
            button.setEnabled(writable)
        self.open_evidence_button.setEnabled(bool(item))
        self.pages.setTabText(0, f"进展情况（{self.notes_model.rowCount()}）")
        self.pages.setTabText(1, f"佐证材料（{self.evidence_model.rowCount()}）")
        self.pages.setTabText(2, f"关联（{self.upper_list.count() + self.records_list.count()}）")

    def _fill_notes(self, notes: list[dict[str, Any]]) -> None:
        rows = [
            {
                "id": None if note["inherited"] else note["id"],
                "date": note["note_date"]
                + (f"\n（{note['year']}年）" if note["inherited"] else ""),
                "text": note["text"],
                "recorded_by": note["recorded_by"] or "",
                "inherited": bool(note["inherited"]),
            }
            for note in reversed(notes)  # newest first
        ]
        set_rows(self.notes_model, rows)
        self.notes_table.resizeColumnToContents(0)
        self.notes_table.resizeRowsToContents()

    def _fill_evidence(self, rows: list[dict[str, Any]]) -> None:
        set_rows(self.evidence_model, rows)
        self.evidence_table.resizeColumnToContents(2)

    # ------------------------------------------------------------------ the form
    def _mark_dirty(self, *_args: Any) -> None:
        if not self._loading:
            self._dirty = True
            self._update_save_buttons()

    def _update_save_buttons(self) -> None:
        self.form.save_button.setEnabled(self._dirty)
        self.form.revert_button.setEnabled(self._dirty)

    def _clear_deadline(self) -> None:
        set_optional_date(self.form.deadline_edit, None)

    def form_values(self) -> dict[str, Any]:
        return {
            "owner": self.form.owner_edit.text(),
            "lead_unit": self.form.lead_unit_edit.text(),
            "responsible_units": self.form.units_edit.text(),
            "deadline": optional_date(self.form.deadline_edit) or None,
            "status": self.form.status_combo.currentData(),
        }

    @property
    def dirty(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        """Save the form; a refused value is shown beside the buttons."""
        if self.item is None:
            return False
        item_id, values = self.item["id"], self.form_values()
        self._dirty = False  # the views reload on the change and must not save it again
        if not self._write(
            "修改工作要点条目",
            lambda d: wp.update_item(d, item_id, values),
            self.form.error_label,
        ):
            self._dirty = True
            return False
        self.set_item(item_id)
        self.saved.emit(item_id)
        return True

    def save_if_dirty(self) -> bool:
        """Before another item is shown: save unsaved edits (True when nothing is lost)."""
        if not self._dirty or self.item is None:
            return True
        if self.save():
            return True
        self.ctx.prompts.warning(
            self,
            "未保存",
            f"“{shorten(self.item['heading'], 30)}”的修改没有保存：\n"
            f"{self.form.error_label.text()}",
        )
        return False

    def _write(self, title: str, op: Callable[[Any], OpResult], error_label: QLabel) -> bool:
        """Run a form's write (undo from the service's inverse); a refused value is shown
        in ``error_label``."""
        result = (
            ops.CollectionOp(self.ctx, self, title, op)
            .failure(lambda exc: error_label.setText(str(exc)))
            .run()
        )
        return result is not None

    def save_content(self) -> bool:
        if self.item is None:
            return False
        item_id = self.item["id"]
        values = {"heading": self.heading_edit.text(), "text": self.text_edit.toPlainText()}
        if not self._write(
            "修改条目内容", lambda d: wp.update_item(d, item_id, values), self.content_error
        ):
            return False
        self.set_item(item_id)
        return True

    # ------------------------------------------------------------------ notes
    def _selected_id(self, table: QTableView) -> int | None:
        """The id of the current row's note or evidence file (None for none, or for a note
        carried over from last year)."""
        model = table.model()
        row = model.row_data(table.currentIndex().row()) if model is not None else None
        value = row.get("id") if row is not None else None
        return int(value) if value is not None else None

    def _run(
        self, title: str, op: Callable[[Any], OpResult], undo_text: str | None = None
    ) -> OpResult | None:
        """A write from a button: ops.CollectionOp, then the item is shown again."""
        item_id = self.item["id"] if self.item is not None else None
        result = ops.CollectionOp(self.ctx, self, title, op, undo_text=undo_text).run()
        if result is not None and item_id is not None:
            self.set_item(item_id)
        return result

    def _submit(self, title: str, op: Callable[[Any], OpResult]) -> str | None:
        """A note dialog's save: None when saved, else the message for the dialog."""
        return submit_message_op(
            self.ctx, self, title, op, on_saved=lambda _r: self._refresh_item()
        )

    def _refresh_item(self) -> None:
        if self.item is not None:
            self.set_item(self.item["id"])

    def add_note(self):
        from guilin_union.ui.workpoints.note_dialog import NoteDialog

        if self.item is None:
            return None
        item_id = self.item["id"]

        def submit(values: dict[str, Any]) -> str | None:
            return self._submit("记录进展情况", lambda d: wp.add_note(d, item_id, **values))

        dialog = NoteDialog(
            submit,
            item_title=wp.item_title(self.item),
            status=self.item["status"],
            recorder=self.item["owner"] or "",
            parent=self,
        )
        return show_modal(dialog)

    def edit_note(self):
        from guilin_union.ui.workpoints.note_dialog import NoteDialog

        note_id = self._selected_id(self.notes_table)
        if self.item is None:
            return None
        if note_id is None:
            if self.notes_table.currentIndex().row() >= 0:
                self.ctx.prompts.info(
                    self, "修改进展", "上一年度的进展记录请在上一年度的计划中修改。"
                )
            return None
        item_id, db = self.item["id"], self.ctx.db
        note = next(n for n in wp.list_notes(db, item_id) if n["id"] == note_id)

        def submit(values: dict[str, Any]) -> str | None:
            values.pop("set_status", None)
            return self._submit("修改进展情况", lambda d: wp.update_note(d, note_id, **values))

        dialog = NoteDialog(
            submit,
            item_title=wp.item_title(self.item),
            status=self.item["status"],
            data=note,
            parent=self,
        )
        return show_modal(dialog)

    def delete_note(self) -> None:
        note_id = self._selected_id(self.notes_table)
        if note_id is None or self.item is None:
            return
        if not self.ctx.prompts.confirm(
            self, "删除进展", "确定删除这条进展记录吗？\n可用“编辑 ▸ 撤销”恢复。", ok_text="删除"
        ):
            return
        self._run("删除进展", lambda d: wp.delete_note(d, note_id), "删除进展情况")

    # ------------------------------------------------------------------ evidence
    def add_evidence(self) -> None:
        if self.item is None:
            return
        path = self.ctx.prompts.open_file(
            self,
            "选择佐证材料",
            self.ctx.last_folder("evidence"),
            "所有文件 (*);;PDF 文件 (*.pdf);;图片 (*.jpg *.jpeg *.png);;"
            "Word 文件 (*.doc *.docx);;Excel 文件 (*.xls *.xlsx)",
        )
        if path is None:
            return
        item_id = self.item["id"]
        if self._run("添加佐证材料", lambda d: wp.add_evidence(d, item_id, path)) is not None:
            self.ctx.remember_folder(path, "evidence")

    def open_evidence(self) -> None:
        evidence_id = self._selected_id(self.evidence_table)
        if evidence_id is None:
            return
        from guilin_union.ui.open_file import open_document

        try:
            path = wp.evidence_path(self.ctx.db, evidence_id)
        except UserError as exc:
            self.ctx.prompts.warning(self, "打开佐证材料", str(exc))
            return
        open_document(path)

    def remove_evidence(self) -> None:
        evidence_id = self._selected_id(self.evidence_table)
        if evidence_id is None or self.item is None:
            return
        if not self.ctx.prompts.confirm(
            self,
            "移除佐证材料",
            "从该条目的佐证材料中移除这个文件吗？\n"
            "（attachments 文件夹中的副本会保留，可用“编辑 ▸ 撤销”恢复。）",
            ok_text="移除",
        ):
            return
        self._run("移除佐证材料", lambda d: wp.remove_evidence(d, evidence_id))

    # ------------------------------------------------------------------ links
    def choose_upper_items(self):
        from guilin_union.ui.workpoints.pickers import UpperItemPicker

        if self.item is None or self.item["kind"] != "school":
            return None
        item_id = self.item["id"]
        linked = {link["id"] for link in wl.upper_links(self.ctx.db, item_id)}
        picker = UpperItemPicker(
            self.ctx.db,
            item_title=wp.item_title(self.item),
            linked=linked,
            year=self.item["year"],
            parent=self,
        )
        picker.setModal(True)
        picker.accepted.connect(lambda: self.apply_upper_links(item_id, linked, picker.linked))
        picker.open()
        return picker

    def apply_upper_links(self, item_id: int, before: set[int], after: set[int]) -> None:
        for upper_id in sorted(after - before):
            ops.CollectionOp(
                self.ctx,
                self,
                "对应上级要点",
                lambda d, u=upper_id: wl.link_upper(d, item_id, u),
            ).run()
        for upper_id in sorted(before - after):
            ops.CollectionOp(
                self.ctx,
                self,
                "取消对应",
                lambda d, u=upper_id: wl.unlink_upper(d, item_id, u),
                undo_text="取消对应上级要点",
            ).run()
        self.set_item(item_id)

    def unlink_upper(self) -> None:
        entry = self.upper_list.currentItem()
        if entry is None or self.item is None or entry.data(ID_ROLE) is None:
            return
        upper_id = int(entry.data(ID_ROLE))
        self.apply_upper_links(self.item["id"], {upper_id}, set())

    def choose_record(self):
        from guilin_union.ui.workpoints.pickers import RecordPicker

        if self.item is None:
            return None
        item_id = self.item["id"]
        picker = RecordPicker(self.ctx.db, year=self.item["year"], parent=self)
        picker.setModal(True)

        def chosen() -> None:
            choice = picker.choice()
            if choice is None:
                return
            kind, record_id = choice
            self._run("关联活动或会议", lambda d: wl.link_record(d, item_id, kind, record_id))

        picker.accepted.connect(chosen)
        picker.open()
        return picker

    def unlink_record(self) -> None:
        entry = self.records_list.currentItem()
        if entry is None or self.item is None:
            return
        link_id = entry.data(ID_ROLE)
        if link_id is None:
            self.ctx.prompts.info(
                self, "取消关联", "这个活动是在“活动”中登记对应本条目的，请在活动信息中修改。"
            )
            return
        self._run("取消关联", lambda d: wl.unlink_record(d, int(link_id)), "取消关联活动或会议")
