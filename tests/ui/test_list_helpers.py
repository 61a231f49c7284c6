"""The shared list helpers: id table look, debounced search, filter bar, selection by id."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.list_editor import ListEditorDialog
from guilin_union.ui.widgets.list_helpers import (
    add_filter_bar,
    debounced,
    delete_confirmed,
    delete_each,
    make_id_table,
    make_search_edit,
    make_year_spin,
    names_preview,
    refill_combo,
    select_id,
    selected_id,
    selected_ids,
    style_table,
)


class _Source:
    """Rows 10, 20, 30 … with a name; sorts by id only."""

    def __init__(self, n: int) -> None:
        self.items = {10 * (i + 1): {"name": f"第{i + 1}行"} for i in range(n)}
        self.sorted_with: list[tuple[str | None, bool]] = []

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        self.sorted_with.append((sort_key, descending))
        return sorted(self.items, reverse=descending)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self.items[i] for i in ids}


def _model(n: int = 5) -> IdTableModel:
    model = IdTableModel([ColumnSpec("name", "名称", sort_key="id")], _Source(n))
    model.reload()
    return model


def test_make_id_table_has_the_list_look(qtbot):
    model = _model()
    table = make_id_table(model, object_name="things_table")
    qtbot.addWidget(table)
    assert table.objectName() == "things_table"
    assert table.model() is model
    assert table.isSortingEnabled()
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.verticalHeader().isVisible()
    assert table.verticalHeader().defaultSectionSize() == 26
    assert table.alternatingRowColors()
    assert not table.wordWrap()


def test_make_id_table_single_unsorted_and_sort_indicator(qtbot):
    single = make_id_table(
        _model(), object_name="a", multi=False, sortable=False, stretch_last=True
    )
    qtbot.addWidget(single)
    assert single.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert not single.isSortingEnabled()
    assert single.horizontalHeader().stretchLastSection()

    model = _model()
    table = make_id_table(model, object_name="b", sort_indicator=(0, Qt.SortOrder.DescendingOrder))
    qtbot.addWidget(table)
    header = table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    # The model re-queried in that order.
    assert model.row_id(0) == 50
    assert model.source.sorted_with[-1] == ("id", True)


def test_make_id_table_area_options(qtbot):
    """The areas' looks are options of the one helper: a stretched column instead of the
    last, centred headers, and a model that lives as long as its table."""
    from PySide6.QtWidgets import QHeaderView

    model = IdTableModel([ColumnSpec("name", "名称"), ColumnSpec("note", "备注")], _Source(3))
    table = make_id_table(
        model,
        object_name="t",
        stretch_last=True,
        stretch_column=0,
        center_headers=True,
        own_model=True,
    )
    qtbot.addWidget(table)
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    assert not header.stretchLastSection()  # the spare width goes to column 0 alone
    assert header.defaultAlignment() == Qt.AlignmentFlag.AlignCenter
    assert model.parent() is table

    parented = _model()
    holder = QWidget()
    qtbot.addWidget(holder)
    parented.setParent(holder)
    other = make_id_table(parented, object_name="u", own_model=True)
    qtbot.addWidget(other)
    assert parented.parent() is holder  # a model with a parent keeps it
    plain = make_id_table(_model(), object_name="v")
    qtbot.addWidget(plain)
    assert plain.model().parent() is None


def test_style_table_optional_parts_only_when_asked(qtbot):
    from PySide6.QtWidgets import QTableView

    plain, centred = QTableView(), QTableView()
    qtbot.addWidget(plain)
    qtbot.addWidget(centred)
    default_stretch = plain.horizontalHeader().stretchLastSection()
    default_align = plain.horizontalHeader().defaultAlignment()
    style_table(plain)
    style_table(centred, stretch_last=not default_stretch, center_headers=True)
    assert plain.horizontalHeader().stretchLastSection() == default_stretch
    assert plain.horizontalHeader().defaultAlignment() == default_align
    assert centred.horizontalHeader().stretchLastSection() == (not default_stretch)
    assert centred.horizontalHeader().defaultAlignment() == Qt.AlignmentFlag.AlignCenter


def test_make_search_edit_is_named_hinted_and_clearable(qtbot):
    edit = make_search_edit("things_search_edit", "搜索：名称")
    qtbot.addWidget(edit)
    assert edit.objectName() == "things_search_edit"
    assert edit.placeholderText() == "搜索：名称"
    assert edit.isClearButtonEnabled()
    assert edit.text() == ""


def test_make_year_spin_defaults_to_this_year_and_clamps(qtbot):
    import datetime as dt

    spin = make_year_spin("a_year_spin")
    qtbot.addWidget(spin)
    assert spin.objectName() == "a_year_spin"
    assert (spin.minimum(), spin.maximum(), spin.suffix()) == (1990, 2100, " 年")
    assert spin.value() == dt.date.today().year
    later = make_year_spin("b", year=2031, minimum=2031)
    qtbot.addWidget(later)
    assert later.value() == 2031
    later.setValue(2020)
    assert later.value() == 2031  # nothing before the minimum


def test_debounced_calls_once_after_typing_stops(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    calls: list[str] = []
    timer = debounced(edit, lambda: calls.append(edit.text()), ms=30)
    assert timer.isSingleShot() and timer.interval() == 30
    assert timer.parent() is edit
    for text in ("张", "张三", "张三丰"):
        edit.setText(text)
    assert calls == []  # nothing before the pause
    qtbot.waitUntil(lambda: calls == ["张三丰"], timeout=2000)
    qtbot.wait(80)
    assert calls == ["张三丰"]


def test_debounced_timer_parent_can_be_given(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    edit = QLineEdit(owner)
    timer = debounced(edit, lambda: None, parent=owner)
    assert timer.parent() is owner
    assert timer.interval() == 150


def test_add_filter_bar_adds_label_then_widget_with_stretch(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    bar = QHBoxLayout(host)
    first, second = QComboBox(), QComboBox()
    labels = add_filter_bar(bar, [("状态", first, 1), ("分工会", second, 2)])
    assert [label.text() for label in labels] == ["状态", "分工会"]
    assert bar.count() == 4
    assert isinstance(bar.itemAt(0).widget(), QLabel) and bar.itemAt(0).widget().text() == "状态"
    assert bar.itemAt(1).widget() is first
    assert bar.itemAt(3).widget() is second
    assert [bar.stretch(i) for i in range(4)] == [0, 1, 0, 2]


def test_refill_combo_keeps_choice_without_signals(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    refill_combo(combo, ("全部", None), [("甲", 1), ("乙", 2)])
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", "甲", "乙"]
    assert combo.currentData() is None
    combo.setCurrentIndex(2)
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    refill_combo(combo, ("全部", None), [("丙", 3), ("乙（已停用）", 2)])
    assert combo.currentData() == 2 and combo.currentText() == "乙（已停用）"
    refill_combo(combo, None, [("丙", 3)])  # the chosen one is gone: the first item
    assert combo.count() == 1 and combo.currentData() == 3
    assert changes == []


def test_selected_ids_in_row_order(qtbot):
    model = _model()
    table = make_id_table(model, object_name="t", sortable=False)
    qtbot.addWidget(table)
    assert selected_ids(table) == [] and selected_id(table) is None
    table.selectRow(3)
    table.selectionModel().select(
        model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    assert selected_ids(table) == [20, 40]
    assert selected_ids(table, model) == [20, 40]
    assert selected_id(table) == 20  # the first, top to bottom


def test_selected_ids_without_model_is_empty(qtbot):
    from PySide6.QtWidgets import QTableView

    table = QTableView()
    qtbot.addWidget(table)
    assert selected_ids(table, _model()) == []


def test_select_id_selects_known_and_ignores_unknown(qtbot):
    model = _model(300)  # more than a screen, so scrolling matters
    table = make_id_table(model, object_name="t", sortable=False)
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    assert select_id(table, model, 2500)
    assert selected_ids(table) == [2500]
    assert table.viewport().rect().contains(table.visualRect(model.index(249, 0)).center())
    assert not select_id(table, model, 99999)
    assert not select_id(table, model, None)
    assert selected_ids(table) == [2500]  # a miss leaves the selection alone


# ---- the list-editor dialog (代表团, 职能部门)


class _Editor(ListEditorDialog):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, int | None]] = []
        self._build(
            list_name="things_list",
            hint="说明文字",
            extra=[("extra_button", "另一个")],
            extra_at=2,
            hint_color="#123456",
        )

    def add(self) -> None:
        self.calls.append(("add", None))

    def rename(self) -> None:
        self.calls.append(("rename", self.current_id()))

    def move(self, delta: int) -> None:  # type: ignore[override]
        self.calls.append(("move", delta))

    def delete(self) -> None:
        self.calls.append(("delete", self.current_id()))


def _button_texts(dialog: ListEditorDialog) -> list[str]:
    from PySide6.QtWidgets import QPushButton

    column = dialog.layout().itemAt(0).layout().itemAt(1).layout()
    return [
        column.itemAt(i).widget().text()
        for i in range(column.count())
        if isinstance(column.itemAt(i).widget(), QPushButton)
    ]


def test_list_editor_lays_out_buttons_and_wires_them(qtbot):
    dialog = _Editor()
    qtbot.addWidget(dialog)
    assert dialog.list_widget.objectName() == "things_list"
    assert _button_texts(dialog) == ["新增…", "重命名…", "另一个", "上移", "下移", "删除"]
    hint = dialog.layout().itemAt(1).widget()
    assert hint.text() == "说明文字" and "#123456" in hint.styleSheet()
    dialog._fill([(7, "甲"), (9, "乙")], select=9)
    assert dialog.current_id() == 9
    for button in (
        dialog.add_button,
        dialog.rename_button,
        dialog.up_button,
        dialog.down_button,
        dialog.delete_button,
    ):
        button.click()
    assert dialog.calls == [("add", None), ("rename", 9), ("move", -1), ("move", 1), ("delete", 9)]


def test_list_editor_fill_replaces_and_current_id_none_when_empty(qtbot):
    dialog = _Editor()
    qtbot.addWidget(dialog)
    dialog._fill([(1, "一"), (2, "二")])
    assert dialog.current_id() is None
    dialog._fill(iter([(3, "三")]), select=3)
    assert [dialog.list_widget.item(i).text() for i in range(dialog.list_widget.count())] == ["三"]
    assert dialog.current_id() == 3
    dialog._fill([])
    assert dialog.current_id() is None


def _context(tmp_path):
    from guilin_union.storage import open_database
    from guilin_union.ui.application import ensure_application, open_context
    from tests.congress_fixtures import make_congress
    from tests.ui.helpers import ScriptedPrompts

    path = tmp_path / "editor.db"
    db = open_database(path)
    congress = make_congress(db)
    db.conn.close()
    ensure_application()
    prompts = ScriptedPrompts()
    return open_context(path, prompts=prompts), prompts, congress.term_id


def test_departments_dialog_lists_and_adds(qtbot, tmp_path):
    from guilin_union.services import proposals
    from guilin_union.ui.congress.departments_dialog import DepartmentsDialog

    ctx, prompts, _term = _context(tmp_path)
    dialog = DepartmentsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.list_widget.objectName() == "departments_list"
    assert _button_texts(dialog) == ["新增…", "重命名…", "上移", "下移", "停用/启用", "删除"]
    before = dialog.list_widget.count()
    assert before == len(proposals.list_departments(ctx.db))
    prompts.texts.append("测试处")
    dialog.add_button.click()
    assert dialog.list_widget.count() == before + 1
    assert dialog.list_widget.currentItem().text().startswith("测试处")
    new_id = dialog.current_id()
    assert any(d.id == new_id and d.name == "测试处" for d in proposals.list_departments(ctx.db))


def test_delegations_dialog_lists_the_terms_delegations(qtbot, tmp_path):
    from guilin_union.services.congress import delegates as congress_delegates
    from guilin_union.ui.congress.delegations_dialog import DelegationsDialog

    ctx, _prompts, term_id = _context(tmp_path)
    dialog = DelegationsDialog(ctx, term_id)
    qtbot.addWidget(dialog)
    assert dialog.list_widget.objectName() == "delegations_list"
    assert _button_texts(dialog) == ["新增…", "重命名…", "上移", "下移", "删除", "按分工会补齐"]
    groups = congress_delegates.list_delegations(ctx.db, term_id)
    assert dialog.list_widget.count() == len(groups) > 0
    first = groups[0]
    head = f"，团长：{first.head_name}" if first.head_name else "，未指定团长"
    assert dialog.list_widget.item(0).text() == f"{first.name}（{first.delegate_count} 人{head}）"
    dialog.list_widget.setCurrentRow(0)
    assert dialog.current_id() == first.id


# ---- names in a confirmation, deleting with undo


def test_names_preview_limits_and_marks_more():
    looked_up: list[int] = []

    def name(i: int) -> str:
        looked_up.append(i)
        return f"人{i}"

    assert names_preview([1, 2], name, 2) == "人1、人2"
    assert names_preview([1, 2, 3, 4], name, 2) == "人1、人2等"
    assert looked_up == [1, 2, 1, 2]  # never looks beyond the limit
    assert names_preview([], name, 3) == ""


class _Store:
    """A tiny service: delete returns an inverse that restores the row; id 3 refuses."""

    def __init__(self) -> None:
        from guilin_union.services.changes import Changes

        self.changes = Changes.of("members")
        self.rows = {i: {"id": i, "name": f"人{i}"} for i in (1, 2, 3, 4)}

    def delete(self, _db: object, row_id: int):
        from guilin_union.core.errors import ConflictError
        from guilin_union.services.changes import OpResult

        if row_id == 3:
            raise ConflictError("第3条已被引用")
        row = self.rows.pop(row_id)
        return OpResult(self.changes, row_id, inverse=lambda d: self.restore(d, row))

    def delete_old_style(self, db: object, row_id: int):
        """A service without an inverse yet: only the row as ``undo`` data."""
        from dataclasses import replace

        result = self.delete(db, row_id)
        return replace(result, undo=dict(self.last_row(row_id)), inverse=None)

    def last_row(self, row_id: int) -> dict[str, Any]:
        return {"id": row_id, "name": f"人{row_id}"}

    def restore(self, _db: object, row: dict[str, Any]):
        from guilin_union.services.changes import OpResult

        self.rows[row["id"]] = row
        return OpResult(self.changes, row["id"])


class _Ctx:
    def __init__(self, read_only: bool = False) -> None:
        from PySide6.QtGui import QUndoStack

        from tests.ui.helpers import ScriptedPrompts

        self.prompts = ScriptedPrompts()
        self.undo_stack = QUndoStack()
        self.notified: list[object] = []
        self.read_only = read_only
        self.db = None

    def notify(self, changes: object) -> None:
        self.notified.append(changes)


@pytest.mark.parametrize("old_style", [False, True])
def test_delete_each_stops_at_first_refusal_and_each_is_undoable(qtbot, old_style):
    host = QWidget()
    qtbot.addWidget(host)
    ctx, store = _Ctx(), _Store()
    done = delete_each(
        ctx,
        host,
        [1, 2, 3, 4],
        delete=store.delete_old_style if old_style else store.delete,
        restore=store.restore if old_style else None,
        label=lambda i: f"删除 人{i}",
    )
    assert done == 2
    assert sorted(store.rows) == [3, 4]  # 4 never tried after 3 refused
    assert (
        ctx.prompts.messages[-1][:2] == ("warning", "无法删除")
        and "第3条" in ctx.prompts.messages[-1][2]
    )
    assert len(ctx.notified) == 2
    assert [ctx.undo_stack.text(i) for i in range(ctx.undo_stack.count())] == [
        "删除 人1",
        "删除 人2",
    ]
    ctx.undo_stack.undo()
    assert sorted(store.rows) == [2, 3, 4]
    ctx.undo_stack.redo()
    assert sorted(store.rows) == [3, 4]
    ctx.undo_stack.undo()
    assert sorted(store.rows) == [2, 3, 4]


def test_delete_each_refuses_in_read_only_mode(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    ctx, store = _Ctx(read_only=True), _Store()
    assert delete_each(ctx, host, [1, 2], delete=store.delete, label=str) == 0
    assert sorted(store.rows) == [1, 2, 3, 4]
    assert len(ctx.prompts.messages) == 1  # one warning, not one per record
    assert ctx.undo_stack.count() == 0


def test_delete_confirmed_asks_then_deletes_the_one_record_with_undo(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    ctx, store = _Ctx(), _Store()

    def delete(record_id: int | None, answer: bool | None = None):
        if answer is not None:
            ctx.prompts.confirms.append(answer)
        return delete_confirmed(
            ctx, host, record_id, title="删除记录", question="删除所选记录吗？", delete=store.delete
        )

    assert delete(None) is None and not ctx.prompts.messages  # nothing selected: nothing asked
    assert delete(1, False) is None and sorted(store.rows) == [1, 2, 3, 4]
    assert ctx.prompts.messages == [("confirm", "删除记录", "删除所选记录吗？")]
    assert delete(1, True).row_id == 1 and sorted(store.rows) == [2, 3, 4]
    assert ctx.undo_stack.text(0) == "删除记录" and len(ctx.notified) == 1
    assert delete(3, True) is None  # refused: said under the write's title
    assert ctx.prompts.messages[-1][:2] == ("warning", "删除记录")
    ctx.undo_stack.undo()
    assert sorted(store.rows) == [1, 2, 3, 4]


def test_delete_each_lets_other_errors_through(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    ctx = _Ctx()

    def broken(_db: object, _row_id: int):
        raise RuntimeError("磁盘坏了")

    with pytest.raises(RuntimeError, match="磁盘坏了"):
        delete_each(ctx, host, [3], delete=broken, label=str)
    assert ctx.undo_stack.count() == 0


# ---- the save step of the record dialogs


def _save_dialog(answers: list[dict[str, str] | None]):
    from PySide6.QtWidgets import QDialog

    from guilin_union.ui.widgets.form_dialog import SubmitOnSave

    class _Dialog(SubmitOnSave, QDialog):
        def __init__(self) -> None:
            super().__init__()
            self.submitted: list[dict[str, Any]] = []
            self.shown: list[dict[str, str]] = []
            self.result_data = None
            self.value = "甲"

            def submit(data: dict[str, Any]) -> dict[str, str] | None:
                self.submitted.append(data)
                return answers.pop(0)

            self._submit = submit

        def data(self) -> dict[str, Any]:
            return {"name": self.value}

        def show_errors(self, errors: dict[str, str]) -> None:
            self.shown.append(errors)

    return _Dialog()


def test_submit_on_save_keeps_dialog_open_on_errors_then_accepts(qtbot):
    from PySide6.QtWidgets import QDialog

    dialog = _save_dialog([{"name": "姓名不能为空"}, None])
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.save()
    assert dialog.shown == [{"name": "姓名不能为空"}]
    assert dialog.result_data is None and dialog.isVisible()
    dialog.value = "乙"
    dialog.save()
    assert dialog.submitted == [{"name": "甲"}, {"name": "乙"}]
    assert dialog.result_data == {"name": "乙"}
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert len(dialog.shown) == 1


def test_show_field_errors_marks_named_fields_and_lists_messages(qtbot):
    from types import SimpleNamespace

    from guilin_union.ui.activities.common import ERROR_STYLE, show_field_errors

    ui = SimpleNamespace(name_edit=QLineEdit(), amount_edit=QLineEdit(), summary_label=QLabel())
    for widget in vars(ui).values():
        qtbot.addWidget(widget)
    ui.amount_edit.setStyleSheet(ERROR_STYLE)  # left from an earlier attempt
    fields = {"name": "name_edit", "amount": "amount_edit"}
    show_field_errors(ui, fields, {"name": "请填写名称", "_": "其他问题"})
    assert ui.name_edit.styleSheet() == ERROR_STYLE
    assert ui.amount_edit.styleSheet() == ""
    assert ui.summary_label.text() == "请填写名称\n其他问题"
    show_field_errors(ui, fields, {})
    assert ui.name_edit.styleSheet() == "" and ui.summary_label.text() == ""


def test_add_button_row_puts_left_then_stretch_then_right(qtbot):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    from guilin_union.ui.widgets.list_helpers import add_button_row

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    a, b, c = QPushButton("添加"), QPushButton("删除"), QPushButton("打印")
    row = add_button_row(layout, [a, b], [c])
    items = [row.itemAt(i) for i in range(row.count())]
    assert [i.widget() for i in items] == [a, b, None, c]
    assert items[2].spacerItem() is not None
    assert layout.itemAt(0).layout() is row


def test_push_buttons_in_order_and_into_the_layout(qtbot):
    from guilin_union.ui.widgets.list_helpers import push_buttons

    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    add, edit, delete = push_buttons("新增…", "修改…", "删除", layout=row)
    assert [b.text() for b in (add, edit, delete)] == ["新增…", "修改…", "删除"]
    assert [row.itemAt(i).widget() for i in range(row.count())] == [add, edit, delete]
    (loose,) = push_buttons("打印…")
    qtbot.addWidget(loose)
    assert loose.parent() is None  # no layout: the caller places it


def test_action_buttons_click_calls_the_paired_function_without_arguments(qtbot):
    from guilin_union.ui.widgets.list_helpers import action_buttons

    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    calls: list[tuple[str, tuple[object, ...]]] = []

    def printing(*args: object) -> None:  # takes what it is given: nothing, here
        calls.append(("打印", args))

    print_button, export_button = action_buttons(
        ("打印…", printing), ("导出…", lambda: calls.append(("导出", ()))), layout=row
    )
    assert [b.text() for b in (print_button, export_button)] == ["打印…", "导出…"]
    assert [row.itemAt(i).widget() for i in range(row.count())] == [print_button, export_button]
    print_button.click()
    export_button.click()
    assert calls == [("打印", ()), ("导出", ())]


def test_add_record_buttons_row_of_add_edit_delete_then_more(qtbot):
    from PySide6.QtWidgets import QVBoxLayout

    from guilin_union.ui.widgets.list_helpers import add_record_buttons

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    row, buttons = add_record_buttons(layout, "新增会员…", "审批")
    assert [b.text() for b in buttons] == ["新增会员…", "修改…", "删除", "审批"]
    assert [row.itemAt(i).widget() for i in range(row.count())] == buttons
    assert layout.itemAt(0).layout() is row  # placed: the caller adds the rest to it


def test_add_search_bar_puts_the_search_box_first_then_the_filters(qtbot):
    from PySide6.QtWidgets import QVBoxLayout

    from guilin_union.ui.widgets.list_helpers import add_search_bar

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    search, combo = make_search_edit("s", "搜索"), QComboBox()
    bar = add_search_bar(layout, search, [("状态", combo, 1)])
    assert layout.itemAt(0).layout() is bar
    assert bar.itemAt(0).widget() is search and bar.stretch(0) == 3
    assert bar.itemAt(1).widget().text() == "状态" and bar.itemAt(2).widget() is combo


def test_labels_hints_and_check_items(qtbot):
    from PySide6.QtWidgets import QListWidget

    from guilin_union.ui.widgets.list_helpers import (
        HINT_STYLE,
        add_check_item,
        make_hint,
        make_label,
    )

    label, wrapped = make_label("a_label"), make_label("b_label", "说明", wrap=True)
    hint = make_hint("灰色的说明", "c_hint")
    for widget in (label, wrapped, hint):
        qtbot.addWidget(widget)
    assert (label.objectName(), label.wordWrap()) == ("a_label", False)
    assert (wrapped.text(), wrapped.wordWrap()) == ("说明", True)
    assert (hint.objectName(), hint.wordWrap(), hint.styleSheet()) == ("c_hint", True, HINT_STYLE)
    items = QListWidget()
    qtbot.addWidget(items)
    ticked = add_check_item(items, "工会", 7, checked=True)
    plain = add_check_item(items, "一行")
    assert items.count() == 2 and items.item(0) is ticked
    assert (
        ticked.checkState() == Qt.CheckState.Checked and ticked.data(Qt.ItemDataRole.UserRole) == 7
    )
    assert (
        plain.checkState() == Qt.CheckState.Unchecked
        and plain.data(Qt.ItemDataRole.UserRole) is None
    )
    assert plain.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_call_on_ignores_what_the_signal_carries_and_single_shot_waits(qtbot):
    from guilin_union.ui.widgets.list_helpers import call_on, single_shot

    edit, combo = QLineEdit(), QComboBox()
    qtbot.addWidget(edit)
    qtbot.addWidget(combo)
    calls: list[str] = []
    call_on(lambda: calls.append("now"), edit.textChanged, combo.currentIndexChanged)
    edit.setText("张")
    combo.addItem("甲")  # the first item becomes current
    assert calls == ["now", "now"]
    timer = single_shot(lambda: calls.append("later"), 20, edit)
    assert timer.isSingleShot() and timer.interval() == 20 and not timer.isActive()
    timer.start()
    qtbot.waitUntil(lambda: calls[-1] == "later", timeout=2000)
