"""The one Excel import wizard: file → sheet → column mapping → checked preview → import.

Works for every area through its ``Importer`` (services.import_common). Nothing is written
until every row is valid; then everything is written in one transaction after a backup.
Reading, checking and writing run off the UI thread on their own database connection.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.services.changes import Changes
from guilin_union.services.import_common import (
    ImportOutcome,
    ImportPlan,
    commit_plan,
    validate_file,
)
from guilin_union.spreadsheets.errors import WorkbookError
from guilin_union.spreadsheets.reader import (
    HEADER_SCAN_ROWS,
    ReadResult,
    SheetInfo,
    default_sheet,
    describe_sheets,
    detect_mapping,
    normalize_header,
    preview_rows,
)
from guilin_union.ui import ops
from guilin_union.ui.table_model import CellNotesModel, ColumnSpec, ListSource, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import make_hint, make_id_table, make_label

PREVIEW_LIMIT = 500
#: The 错误 list: one row per RowError (the row number as Excel shows it, with its sheet).
ERROR_COLUMNS = [
    ColumnSpec("row", "行号"),
    ColumnSpec("column", "列"),
    ColumnSpec("value", "内容"),
    ColumnSpec("message", "错误说明"),
]
ERROR_BACKGROUND = QColor("#ffd6d6")
#: The preview rows' keys for the file's row number and the cells' error messages.
_ROW_NUMBER, _NOTES = "_row_number", "_errors"
NOT_IMPORTED = "（不导入）"
ALL_SHEETS = "\x00all-sheets"  # the sheet combo's "all sheets with the same header" item
STEP_TITLES = ("1 选择文件", "2 核对列", "3 检查数据", "4 完成")


class ImportWizard(QDialog):
    def __init__(
        self,
        ctx: Any,
        importer: Any,
        title: str,
        parent: QWidget | None = None,
        *,
        template_writer: Callable[[Path], Path] | None = None,
        options_widget: QWidget | None = None,
        before_validate: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.importer = importer
        self.template_writer = template_writer
        self.before_validate = before_validate
        self.background = True  # tests may run the steps synchronously
        self.read: ReadResult | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportOutcome | None = None
        self.setWindowTitle(title)
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.step_label = QLabel()
        self.step_label.setObjectName("import_step_label")
        font = self.step_label.font()
        font.setBold(True)
        self.step_label.setFont(font)
        layout.addWidget(self.step_label)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("上一步")
        self.next_button = QPushButton("下一步")
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton("取消")
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._build_file_page(options_widget)
        self._build_mapping_page()
        self._build_check_page()
        self._build_done_page()
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button.clicked.connect(self.reject)
        self._show(0)

    # ------------------------------------------------------------------ pages
    def _build_file_page(self, options_widget: QWidget | None) -> None:
        page = QWidget()
        form = QFormLayout(page)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file_edit")
        self.file_edit.setPlaceholderText("选择要导入的 .xlsx 文件")
        browse = QPushButton("浏览…")
        browse.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form.addRow("Excel 文件", row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("import_sheet_combo")
        form.addRow("工作表", self.sheet_combo)
        self.file_edit.editingFinished.connect(self.load_sheets)
        if options_widget is not None:
            form.addRow(options_widget)
        if self.template_writer is not None:
            template = QPushButton("下载导入模板…")
            template.clicked.connect(self.save_template)
            form.addRow("", template)
        hint = make_hint(
            "要求：文件为 .xlsx；第一行可以是标题，程序会自动找到表头；身份证号、手机号列请设为“文本”格式。"
            "导入前会自动备份数据库；只要有一处错误，就不会导入任何数据。"
        )
        form.addRow(hint)
        self.file_message = make_label("import_file_message", wrap=True)
        self.file_message.setStyleSheet("color: #b00020;")
        form.addRow(self.file_message)
        self.pages.addWidget(page)

    def _build_mapping_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("请核对每个项目对应文件中的哪一列（已按表头自动对应，可修改）："))
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("import_mapping_table")
        self.mapping_table.setHorizontalHeaderLabels(["项目", "文件中的列", "说明"])
        self.mapping_table.verticalHeader().setVisible(False)
        # The choice of column takes its content's width; 说明 gets the rest (issue 15: it
        # was cut off).
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setWordWrap(True)
        layout.addWidget(self.mapping_table, 2)
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        layout.addWidget(self.header_label)
        self.ignored_columns_label = make_label("import_ignored_columns", wrap=True)
        self.ignored_columns_label.setStyleSheet("color: #8a5300;")
        layout.addWidget(self.ignored_columns_label)
        self.pages.addWidget(page)

    def _build_check_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.check_summary = make_label("import_check_summary", wrap=True)
        layout.addWidget(self.check_summary)
        # Cells with an error are tinted and carry the reason as their tooltip.
        self.preview_model = CellNotesModel(
            [], ListSource(), notes_key=_NOTES, background=ERROR_BACKGROUND.name()
        )
        self.preview_table = make_id_table(
            self.preview_model, object_name="import_preview_table", sortable=False
        )
        layout.addWidget(self.preview_table, 3)
        self.errors_model = list_model(ERROR_COLUMNS)
        self.errors_table = make_id_table(
            self.errors_model, object_name="import_errors_table", sortable=False
        )
        self.errors_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.errors_table, 2)
        row = QHBoxLayout()
        self.save_errors_button = QPushButton("保存错误清单（Excel）…")
        self.save_errors_button.clicked.connect(self.save_errors)
        row.addWidget(self.save_errors_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.pages.addWidget(page)

    def _build_done_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_label = make_label("import_done_label", wrap=True)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        self.pages.addWidget(page)

    # ------------------------------------------------------------------ navigation
    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.step_label.setText(
            "　→　".join(f"【{t}】" if i == index else t for i, t in enumerate(STEP_TITLES))
        )
        self.back_button.setEnabled(index in (1, 2))
        self.back_button.setVisible(index != 3)
        if index == 2:
            ok = self.plan is not None and not self.plan.errors
            count = len(self.plan.items) if self.plan else 0
            self.next_button.setText(f"导入 {count} 条" if ok else "导入")
            self.next_button.setEnabled(ok)
        elif index == 3:
            self.next_button.setText("完成")
            self.next_button.setEnabled(True)
            self.cancel_button.setVisible(False)
        else:
            self.next_button.setText("下一步")
            self.next_button.setEnabled(True)

    def go_back(self) -> None:
        self._show(max(self.pages.currentIndex() - 1, 0))

    def go_next(self) -> None:
        index = self.pages.currentIndex()
        if index == 0:
            self.prepare_mapping()
        elif index == 1:
            self.check()
        elif index == 2:
            self.commit()
        else:
            self.accept()

    # ------------------------------------------------------------------ step 1
    def browse(self) -> None:
        path = self.ctx.prompts.open_file(
            self,
            "选择 Excel 文件",
            self.ctx.last_folder("import"),
            "Excel 工作簿 (*.xlsx);;所有文件 (*)",
        )
        if path is not None:
            self.file_edit.setText(str(path))
            self.load_sheets()

    def path(self) -> Path:
        return Path(self.file_edit.text().strip().strip('"'))

    def load_sheets(self) -> bool:
        """Fill the sheet list: visible sheets first (with their data rows), then "all sheets
        with the same header" when several hold data, hidden sheets last. When several
        visible sheets hold data nothing is preselected: the user must say which."""
        self.file_message.clear()
        self.sheet_combo.clear()
        path = self.path()
        if not self.file_edit.text().strip():
            self.file_message.setText("请先选择要导入的 Excel 文件。")
            return False
        if not path.is_file():
            self.file_message.setText(f"找不到文件：{path}")
            return False
        try:
            infos = describe_sheets(path, self.importer.fields)
        except WorkbookError as exc:
            self.file_message.setText(str(exc))
            return False
        self.sheet_infos = infos
        visible = [i for i in infos if i.visible]
        with_data = [i for i in visible if i.has_header and i.data_rows]
        chosen = default_sheet(infos)
        if chosen is None and len(with_data) > 1:
            self.sheet_combo.addItem("（请选择要导入的工作表）", None)
            self.file_message.setText(
                f"工作簿中有 {len(with_data)} 个工作表都有数据："
                + "、".join(f"“{i.name}”（{i.data_rows} 行）" for i in with_data)
                + "。请选择要导入哪一个，或选择“全部导入”。"
            )
        for info in visible:
            self.sheet_combo.addItem(_sheet_label(info), info.name)
        if len(with_data) > 1:
            self.sheet_combo.addItem(
                "全部导入（表头相同的工作表）：" + "、".join(i.name for i in with_data), ALL_SHEETS
            )
        for info in infos:
            if not info.visible:
                self.sheet_combo.addItem(_sheet_label(info) + "（隐藏）", info.name)
        if chosen is not None:
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(chosen), 0))
        self.ctx.remember_folder(path, "import")
        return True

    def sheet_choice(self) -> tuple[str | None, list[str] | None, bool]:
        """(sheet to preview, sheets to read, all sheets?) as chosen in the list."""
        data = self.sheet_combo.currentData()
        if data == ALL_SHEETS:
            infos = getattr(self, "sheet_infos", [])
            first = next((i.name for i in infos if i.visible and i.data_rows), None)
            return first, None, True
        if data is None:
            return None, None, False
        return str(data), [str(data)], False

    def save_template(self) -> None:
        assert self.template_writer is not None
        target = self.ctx.prompts.save_file(
            self, "保存导入模板", self.ctx.last_folder() / "导入模板.xlsx", "Excel 工作簿 (*.xlsx)"
        )
        if target is None:
            return
        try:
            out = self.template_writer(target)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "保存失败", str(exc))
            return
        self.ctx.prompts.info(self, "导入模板", f"模板已保存：\n{out}\n请按模板填写后再导入。")

    # ------------------------------------------------------------------ step 2
    def prepare_mapping(self) -> None:
        if self.sheet_combo.count() == 0 and not self.load_sheets():
            return
        preview_sheet, _, _ = self.sheet_choice()
        if preview_sheet is None:
            self.file_message.setText(
                "请在“工作表”中选择要导入的工作表（或“全部导入”）。" + self.file_message.text()
            )
            return
        try:
            rows = preview_rows(self.path(), preview_sheet, HEADER_SCAN_ROWS)
        except WorkbookError as exc:
            self.file_message.setText(str(exc))
            return
        fields = self.importer.fields
        best_index, best_mapping = -1, {}
        for i, row in enumerate(rows):
            mapping = detect_mapping(row, fields)
            if len(mapping) > len(best_mapping):
                best_index, best_mapping = i, mapping
        if best_index < 0:
            self.file_message.setText(
                "没有找到表头。表头应包含："
                + "、".join(f.header for f in fields)
                + "。如果文件有多个工作表，请选择正确的工作表。"
            )
            return
        header = rows[best_index]
        self.header_row_cells = header
        self.mapping_table.setRowCount(len(fields))
        choices = [NOT_IMPORTED] + [
            f"第 {i + 1} 列：{text}" for i, text in enumerate(header) if str(text).strip()
        ]
        indexes = [None] + [i + 1 for i, text in enumerate(header) if str(text).strip()]
        for r, field in enumerate(fields):
            item = QTableWidgetItem(field.header + (" *" if field.required else ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(r, 0, item)
            combo = QComboBox()
            for text, col in zip(choices, indexes):
                combo.addItem(text, col)
            combo.setCurrentIndex(max(combo.findData(best_mapping.get(field.key)), 0))
            combo.currentIndexChanged.connect(self.show_ignored_columns)
            self.mapping_table.setCellWidget(r, 1, combo)
            note = "必填" if field.required else ""
            if field.synonyms:
                note += ("；" if note else "") + "也可写作：" + "、".join(field.synonyms[:4])
            note_item = QTableWidgetItem(note)
            note_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(r, 2, note_item)
        self.mapping_table.resizeColumnToContents(0)
        self.header_label.setText(
            f"表头在第 {best_index + 1} 行（工作表“{preview_sheet}”）。标 * 的项目必须对应一列。"
        )
        self.show_ignored_columns()
        self._show(1)

    def show_ignored_columns(self) -> None:
        """Name the file's columns no field takes: never dropped without a word."""
        used = set(self.mapping().values())
        header = getattr(self, "header_row_cells", [])
        ignored = [
            str(text).strip()
            for i, text in enumerate(header, start=1)
            if str(text).strip()
            and i not in used
            and normalize_header(text) not in ("序号", "序", "no", "no.")
        ]
        self.ignored_columns_label.setText(
            ("以下列不会导入（没有对应的项目）：" + "、".join(ignored)) if ignored else ""
        )

    def mapping(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for r, field in enumerate(self.importer.fields):
            combo = self.mapping_table.cellWidget(r, 1)
            column = combo.currentData() if combo is not None else None
            if column is not None:
                result[field.key] = int(column)
        return result

    # ------------------------------------------------------------------ step 3
    def _run(self, op: Any, done: Callable[[Any], None]) -> None:
        """Run one step through the operation runner with the wizard's own progress bar."""
        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)

        def on_progress(current: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(current, total))

        def finish(result: Any) -> None:
            self.progress.setVisible(False)
            done(result)

        def failed(exc: BaseException) -> None:
            self.progress.setVisible(False)
            self._show(self.pages.currentIndex())
            self.ctx.prompts.error(self, "导入", ops.user_message(exc))

        op.with_progress(on_progress=on_progress).success(finish).failure(failed)
        if self.background:
            op.run_in_background()
        else:
            op.run()

    def check(self) -> None:
        mapping = self.mapping()
        missing = [f.header for f in self.importer.fields if f.required and f.key not in mapping]
        if missing:
            self.ctx.prompts.warning(
                self, "核对列", "以下必填项目还没有对应的列：" + "、".join(missing)
            )
            return
        if len(set(mapping.values())) != len(mapping):
            self.ctx.prompts.warning(self, "核对列", "同一列不能对应两个项目，请检查。")
            return
        if self.before_validate is not None:
            self.before_validate()
        path, importer = self.path(), self.importer
        _, sheets, all_sheets = self.sheet_choice()

        def work(db: Any, progress: Callable[[int, int], None]) -> Any:
            return validate_file(
                db,
                path,
                importer,
                sheet=sheets,
                mapping=mapping,
                progress=progress,
                all_sheets=all_sheets,
            )

        self._run(ops.QueryOp(self.ctx, self, "导入", work), self._show_check)

    def _show_check(self, result: tuple[ReadResult, ImportPlan]) -> None:
        self.read, self.plan = result
        read, plan = result
        fields = self.importer.fields
        bad_cells = {(e.row, e.column): e.message for e in plan.errors}
        bad_rows = sorted({e.row for e in plan.errors})
        # Preview: rows with errors first (what the user must fix), then the others.
        headers = [read.headers.get(read.mapping.get(f.key, -1), f.header) for f in fields]
        self.preview_model.set_columns(
            [ColumnSpec(_ROW_NUMBER, "行号")]
            + [ColumnSpec(f.key, header) for f, header in zip(fields, headers)]
        )
        good = {r.row: r for r in read.rows}
        bad_set = set(bad_rows)
        shown_rows = (
            bad_rows[:PREVIEW_LIMIT]
            + [r for r in sorted(good) if r not in bad_set][: max(0, PREVIEW_LIMIT - len(bad_rows))]
        )
        raw_by_row = {e.row: {} for e in plan.errors}
        for e in plan.errors:
            raw_by_row[e.row][e.column] = e.value
        preview: list[dict[str, Any]] = []
        for row_number in shown_rows:
            values = good[row_number].values if row_number in good else {}
            cells: dict[str, Any] = {_ROW_NUMBER: str(row_number), _NOTES: {}}
            for header, field in zip(headers, fields):
                # An error names its column by the file's header or by the field's label.
                names = (header, field.header)
                value = values.get(field.key)
                raw = raw_by_row.get(row_number, {})
                cells[field.key] = next(
                    (raw[n] for n in names if n in raw), "" if value is None else str(value)
                )
                message = next(
                    (bad_cells[(row_number, n)] for n in names if (row_number, n) in bad_cells),
                    None,
                )
                if message:
                    cells[_NOTES][field.key] = message
            preview.append(cells)
        set_rows(self.preview_model, preview)
        self.preview_table.resizeColumnsToContents()
        set_rows(self.errors_model, [vars(e) for e in plan.errors])
        self.errors_table.resizeColumnsToContents()
        self.errors_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.errors_table.setVisible(bool(plan.errors))
        self.save_errors_button.setVisible(bool(plan.errors))
        if plan.errors:
            self.check_summary.setStyleSheet("color: #b00020;")
            self.check_summary.setText(
                f"共 {read.total_rows} 行数据，发现 {len(plan.errors)} 处错误（涉及 {len(bad_rows)} 行，已标红）。"
                "为保证数据完整，有错误时不会导入任何数据。请按下面的清单修改 Excel 文件后重新导入，"
                "也可以把错误清单保存为 Excel 交给填表人。"
            )
        else:
            self.check_summary.setStyleSheet("")
            extra = "；".join(plan.notes + _structure_lines(read))
            text = f"共 {read.total_rows} 行数据，全部检查通过，可以导入 {len(plan.items)} 条"
            if plan.updates:
                text += f"（其中更新已有记录 {plan.updates} 条）"
            if plan.skipped:
                text += f"，跳过 {plan.skipped} 条"
            self.check_summary.setText(text + "。" + (f"\n{extra}" if extra else ""))
        self._show(2)

    def save_errors(self) -> None:
        if not self.plan or not self.plan.errors:
            return
        from guilin_union.spreadsheets.writer import write_errors

        target = self.ctx.prompts.save_file(
            self,
            "保存错误清单",
            self.ctx.last_folder() / f"{self.path().stem}-错误清单.xlsx",
            "Excel 工作簿 (*.xlsx)",
        )
        if target is None:
            return
        try:
            out = write_errors(target, self.plan.errors, source_name=self.path().name)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "保存失败", str(exc))
            return
        self.ctx.prompts.info(self, "错误清单", f"已保存：\n{out}")

    # ------------------------------------------------------------------ step 4
    def commit(self) -> None:
        assert self.plan is not None
        importer, plan = self.importer, self.plan
        areas = getattr(importer, "areas", (importer.name,))
        op = ops.CollectionOp(
            self.ctx,
            self,
            "导入",
            lambda db, _progress: commit_plan(db, importer, plan),
            changes=Changes.of(*areas),
        )
        self._run(op, self._show_done)

    def _show_done(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        text = outcome.summary()
        if outcome.backup is not None:
            text += f"\n\n导入前的数据已自动备份到：\n{outcome.backup}"
        self.done_label.setText(text)  # the runner has told the screens (ctx.notify)
        self._show(3)


def _sheet_label(info: SheetInfo) -> str:
    if not info.has_header:
        return f"{info.name}（未找到表头）"
    if not info.data_rows:
        return f"{info.name}（无数据）"
    return f"{info.name}（{info.data_rows} 行数据）" if info.counted else info.name


def _structure_lines(read: ReadResult) -> list[str]:
    """Sheets read, rows left out (合计, 制表人…) and columns not imported, for the summary."""
    lines = []
    if len(read.sheets) > 1:
        lines.append("读取的工作表：" + "、".join(read.sheets))
    if read.ignored_rows:
        shown = "；".join(
            f"第 {int(r.row)} 行（{r.reason}：{r.text}）" for r in read.ignored_rows[:8]
        )
        more = f" 等 {len(read.ignored_rows)} 行" if len(read.ignored_rows) > 8 else ""
        lines.append(f"已忽略{more}：{shown}")
    if read.ignored_columns:
        lines.append("未导入的列：" + "、".join(read.ignored_columns))
    return lines
