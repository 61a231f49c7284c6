"""导入工作要点: the source text beside the parsed tree, corrected before it is saved.

The dialog reads a .docx/.pdf/.txt file (or pasted text), shows what the parser made of it,
and lets the user fix the tree: change a node's level, split a node at the cursor, merge it
with the next, remove a stray one, edit its heading, text and units, and the document's
title, 文号, issuer, date, year and kind. It never writes to the database: ``request``
holds what to save once it is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import ValidationError
from guilin_union.core.workpoints_parser import ParsedWorkpoints, WorkpointsMeta
from guilin_union.services import ocr
from guilin_union.services.workpoints import KIND_LABELS
from guilin_union.services.workpoints import importer as wi
from guilin_union.services.workpoints import outline as wo
from guilin_union.ui import palette
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.dialog_buttons import accept_cancel_buttons
from guilin_union.ui.widgets.list_helpers import add_check_item, make_label, make_year_spin
from guilin_union.ui.workpoints.scan_check import PHOTO_SUFFIXES, ScanPane

INDEX_ROLE = Qt.ItemDataRole.UserRole
ENGINE_MISSING = "本程序未安装文字识别（OCR）组件，无法读取扫描件或照片，请提供 Word 或文本版本"
SCAN_PAGE, ITEMS_PAGE = range(2)


@dataclass
class ImportRequest:
    """What the user accepted: the corrected document and where it goes."""

    parsed: ParsedWorkpoints
    year: int
    kind: str
    source_name: str
    source_text: str


class ImportDialog(QDialog):
    """See the module docstring. ``load_file`` / ``load_text`` fill it; ``save`` accepts."""

    tree_rebuilt = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workpoints_import_dialog")
        self.setWindowTitle("导入工作要点")
        self.flat: list[wo.OutlineNode] = []
        self.warnings: list[str] = []
        self.keep_text: list[str] = []  # page furniture the user took back
        self.source_name = ""
        self.request: ImportRequest | None = None
        self._filling = False
        self._edited = False
        self._intro: str | None = None
        self._build()
        self._update_buttons()
        self.resize(1240, 780)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)

        source_bar = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file_edit")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(
            "选择 Word（.docx）、PDF、文本文件或扫描件照片（可多选），或把文字粘贴到原文框中"
        )
        self.choose_button = QPushButton("选择文件…")
        self.paste_button = QPushButton("粘贴剪贴板文字")
        self.reparse_button = QPushButton("按原文重新识别")
        self.reparse_button.setToolTip(
            "修改左侧原文后，按修改后的原文重新识别条目（会放弃右侧的手工修正）"
        )
        source_bar.addWidget(QLabel("来源"))
        source_bar.addWidget(self.file_edit, 1)
        for button in (self.choose_button, self.paste_button, self.reparse_button):
            source_bar.addWidget(button)
        layout.addLayout(source_bar)

        meta = QGroupBox("文件信息")
        grid = QGridLayout(meta)
        self.year_spin = make_year_spin("import_year_spin")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("import_kind_combo")
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(f"{label}工作要点", kind)
        self.title_edit = QLineEdit()
        self.doc_number_edit = QLineEdit()
        self.doc_number_edit.setPlaceholderText("如 桂院工〔2024〕1号")
        self.issuer_edit = QLineEdit()
        self.date_edit = QDateEdit()  # picked, 未设定 when the document has none (issue 15)
        optional_date_edit(self.date_edit)
        grid_rows = (
            (("年度", self.year_spin), ("类别", self.kind_combo), ("标题", self.title_edit)),
            (
                ("文号", self.doc_number_edit),
                ("发文单位", self.issuer_edit),
                ("日期", self.date_edit),
            ),
        )
        for row, fields in enumerate(grid_rows):
            for column, (label, field) in enumerate(fields):
                grid.addWidget(QLabel(label), row, 2 * column)
                grid.addWidget(field, row, 2 * column + 1)
        for column, stretch in ((1, 1), (3, 2), (5, 3)):
            grid.setColumnStretch(column, stretch)
        layout.addWidget(meta)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("原文（可直接修改，再点“按原文重新识别”）"))
        self.source_edit = QPlainTextEdit()
        self.source_edit.setObjectName("import_source_edit")
        self.source_edit.setPlaceholderText("在这里粘贴工作要点的文字……")
        self.source_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        left_layout.addWidget(self.source_edit)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        tools.addWidget(QLabel("识别出的条目"))
        tools.addStretch(1)
        self.promote_button = QPushButton("← 升一级")
        self.promote_button.setToolTip("Ctrl+←：上移一级（下级条目随之移动）")
        self.demote_button = QPushButton("降一级 →")
        self.demote_button.setToolTip("Ctrl+→：成为前一条的下级")
        self.split_button = QPushButton("在光标处拆分")
        self.split_button.setToolTip(
            "把条目从“全文”框中光标所在处拆成两条；光标在开头或末尾时从中间的句号处拆分"
        )
        self.merge_button = QPushButton("与下一条合并")
        self.remove_button = QPushButton("删除此条")
        for button in (
            self.promote_button,
            self.demote_button,
            self.split_button,
            self.merge_button,
            self.remove_button,
        ):
            tools.addWidget(button)
        right_layout.addLayout(tools)
        self.tree = QTreeWidget()
        self.tree.setObjectName("import_tree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["编号", "要点", "牵头单位", "责任单位"])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        right_layout.addWidget(self.tree, 3)

        editor = QGroupBox("修改所选条目")
        form = QFormLayout(editor)
        self.heading_edit = QLineEdit()
        self.heading_edit.setObjectName("node_heading_edit")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("node_text_edit")
        self.text_edit.setFixedHeight(96)
        self.lead_unit_edit = QLineEdit()
        self.units_edit = QLineEdit()
        self.units_edit.setPlaceholderText("多个单位用“、”分隔")
        form.addRow("要点", self.heading_edit)
        form.addRow("全文", self.text_edit)
        form.addRow("牵头单位", self.lead_unit_edit)
        form.addRow("责任单位", self.units_edit)
        right_layout.addWidget(editor)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 760])
        # A scan (PDF of images, photos) is checked on its own page first: the page image
        # beside the recognised lines; the corrected text then comes to the items page.
        self.scan_pane = ScanPane(self.ctx)
        self.pages = QTabWidget()
        self.pages.setObjectName("import_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.scan_pane, "① 核对扫描件（原图与识别文字）")
        self.pages.addTab(splitter, "② 核对条目")
        self.pages.setTabVisible(SCAN_PAGE, False)
        self.pages.setCurrentIndex(ITEMS_PAGE)
        layout.addWidget(self.pages, 1)

        self.warnings_label = make_label("import_warnings_label", wrap=True)
        self.warnings_label.setStyleSheet(palette.CAUTION_TEXT_STYLE)
        layout.addWidget(self.warnings_label)
        # Page furniture the parser took out (微信扫一扫…, 版权声明, 责任编辑…): shown, and
        # any of it can be taken back.
        self.ignored_box = QGroupBox(
            "已忽略的文字（网页、页面上的附加内容，未作为条目；勾选可取回）"
        )
        ignored_layout = QHBoxLayout(self.ignored_box)
        self.ignored_list = QListWidget()
        self.ignored_list.setObjectName("import_ignored_list")
        self.ignored_list.setMaximumHeight(72)
        self.take_back_button = QPushButton("取回勾选的文字并重新识别")
        self.take_back_button.setObjectName("import_take_back_button")
        ignored_layout.addWidget(self.ignored_list, 1)
        ignored_layout.addWidget(self.take_back_button)
        self.ignored_box.setVisible(False)
        layout.addWidget(self.ignored_box)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("import_count_label")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(palette.ERROR_TEXT_STYLE)
        self.error_label.setWordWrap(True)
        self.button_box = accept_cancel_buttons(self, self.save, text="保存为工作要点")
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.button_box)
        layout.addLayout(bottom)

        self.choose_button.clicked.connect(self.choose_file)
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.reparse_button.clicked.connect(self.reparse)
        self.take_back_button.clicked.connect(self.take_back)
        self.scan_pane.apply_requested.connect(self.apply_scan)
        self.scan_pane.scanned.connect(self._scan_ready)
        self.scan_pane.stopped.connect(self._scan_stopped)
        self.promote_button.clicked.connect(self.promote)
        self.demote_button.clicked.connect(self.demote)
        self.split_button.clicked.connect(lambda: self.split())
        self.merge_button.clicked.connect(self.merge)
        self.remove_button.clicked.connect(self.remove)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.heading_edit.textEdited.connect(self._heading_edited)
        self.text_edit.textChanged.connect(self._text_edited)
        self.lead_unit_edit.textEdited.connect(self._units_edited)
        self.units_edit.textEdited.connect(self._units_edited)
        QShortcut(QKeySequence("Ctrl+Left"), self.tree, activated=self.promote)
        QShortcut(QKeySequence("Ctrl+Right"), self.tree, activated=self.demote)

    # ------------------------------------------------------------------ loading
    def choose_file(self) -> None:
        """One Word/PDF/text file, or several photos of the pages (put in order first)."""
        paths = self.ctx.prompts.open_files(
            self, "选择工作要点文件", self.ctx.last_folder("workpoints"), wi.FILE_FILTER
        )
        if paths and self._may_discard("打开其他文件"):
            self.load_files(paths)

    def load_files(self, paths: list[Path]) -> bool:
        """A single file is read at once; several photos are listed in page order (by file
        name, 页1 页2 … 页10) to be reordered before OCR starts."""
        paths = [Path(p) for p in paths]
        self.scan_pane.cancel()  # a scan still being read gives way to the new choice
        if len(paths) == 1:
            return self.load_file(paths[0])
        if not paths:
            return False
        if any(p.suffix.lower() not in PHOTO_SUFFIXES for p in paths):
            self.error_label.setText(
                "一次选择多个文件时只能是照片（.png、.jpg）；PDF、Word 或文本文件请单独选择"
            )
            return False
        if not ocr.engine_available():
            self.error_label.setText(ENGINE_MISSING)
            return False
        self.error_label.clear()
        self.ctx.remember_folder(paths[0], "workpoints")
        self.file_edit.setText(f"{len(paths)} 张照片，请排好页序后开始识别")
        self._show_scan_page()
        self.scan_pane.propose(paths)
        return True

    def load_file(self, path: Path) -> bool:
        """Read and parse a file; a problem is shown in the dialog, nothing is lost. A scan
        (image-only PDF, photo) is read by OCR in the background and checked first."""
        path = Path(path)
        self.scan_pane.cancel()
        if ocr.engine_available() and ocr.is_scan(path):
            self.error_label.clear()
            self.ctx.remember_folder(path, "workpoints")
            self.file_edit.setText(str(path))
            self._show_scan_page()
            self.scan_pane.start([path])
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = wi.preview_file(path)
            self.keep_text.clear()
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.ctx.remember_folder(path, "workpoints")
        self.pages.setTabVisible(SCAN_PAGE, False)
        self.file_edit.setText(str(path))
        self._show_preview(preview)
        return True

    def show_scan(self, scan: ocr.ScanResult, path: Path) -> None:
        """A scan already read, shown for checking (as after OCR of ``path``)."""
        self.file_edit.setText(str(path))
        self._show_scan_page()
        self.scan_pane.show_scan(scan, [path])

    def _show_scan_page(self) -> None:
        """The scan page in front; the items page empty until the lines are checked."""
        self._clear_preview()
        self.count_label.setText("扫描件：识别后请先核对文字，再识别条目")
        self.pages.setTabVisible(SCAN_PAGE, True)
        self.pages.setCurrentIndex(SCAN_PAGE)

    def _clear_preview(self) -> None:
        self.flat = []
        self.warnings = []
        self.keep_text = []
        self._edited = False
        self.source_edit.clear()
        self.source_edit.setPlaceholderText(
            "扫描件识别并核对后，点“核对完毕，识别条目”，识别出的文字会显示在这里"
        )
        self.ignored_list.clear()
        self.ignored_box.setVisible(False)
        self.rebuild_tree(None)

    def _scan_stopped(self, message: str) -> None:
        """OCR cancelled ("") or failed: nothing is imported; a failure is said. Several
        photos stay listed (to be started again); a single file is dropped."""
        if self.scan_pane.order_list.count():
            self.error_label.setText(message)
            return
        self.error_label.setText(message or "已取消识别扫描件，没有导入任何内容。")
        self.file_edit.clear()
        self.pages.setTabVisible(SCAN_PAGE, False)
        self.pages.setCurrentIndex(ITEMS_PAGE)

    def _scan_ready(self) -> None:
        check = self.scan_pane.check
        low = check.scan.low_confidence() if check is not None else []
        self.count_label.setText(
            f"请核对识别文字：{len(low)} 行有把握不大的字" if low else "请核对识别文字"
        )

    def apply_scan(self) -> bool:
        """Parse the corrected lines of the scan like text; the items page comes to the
        front. Manual changes to the items are only discarded after asking."""
        check = self.scan_pane.check
        if check is None:
            return False
        changed = self._edited or self.source_edit.document().isModified()
        if changed and not self.ctx.prompts.confirm(
            self,
            "重新识别条目",
            "按核对后的文字重新识别条目，会放弃在“核对条目”页对原文和条目已做的修改，确定吗？",
            ok_text="重新识别",
        ):
            return False
        issuer = self.issuer_edit.text()
        name = self.scan_pane.source_name()
        if not self.load_text(check.corrected_text(), name):
            return False
        if not self.issuer_edit.text():
            self.issuer_edit.setText(issuer or check.scan.issuer or "")
        paths = self.scan_pane.paths
        self.file_edit.setText(str(paths[0]) if len(paths) == 1 else name)
        self.pages.setCurrentIndex(ITEMS_PAGE)
        return True

    def has_unsaved_work(self) -> bool:
        """Something the user typed or changed that saving would keep."""
        return (
            self._edited or self.scan_pane.is_modified() or self.source_edit.document().isModified()
        )

    def _may_discard(self, title: str) -> bool:
        return not self.has_unsaved_work() or self.ctx.prompts.confirm(
            self,
            title,
            "已做的修改（识别文字的更正、条目的修正）将被放弃，确定吗？",
            ok_text="放弃修改",
        )

    def reject(self) -> None:
        """Closing (取消, Esc, the window's ×) asks before typed corrections are lost, and
        stops a running OCR."""
        if self.result() != QDialog.DialogCode.Accepted and not self._may_discard("关闭导入"):
            return
        self.scan_pane.cancel()
        super().reject()

    def paste_clipboard(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.error_label.setText(
                "剪贴板中没有文字：请先在 Word、WPS 或网页中复制工作要点的文字"
            )
            return
        if not self._may_discard("粘贴剪贴板文字"):
            return
        self.scan_pane.cancel()
        self.pages.setTabVisible(SCAN_PAGE, False)
        self.load_text(text)

    def load_text(
        self, text: str, source_name: str = wi.PASTED_SOURCE, keep_text: list[str] | None = None
    ) -> bool:
        self.keep_text = list(keep_text or [])
        try:
            preview = wi.preview_text(text, source_name, self.keep_text)
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return False
        self.file_edit.setText(source_name)
        self._show_preview(preview)
        return True

    def reparse(self) -> None:
        if self._edited and not self.ctx.prompts.confirm(
            self, "重新识别", "重新识别会放弃右侧已做的手工修正，确定吗？", ok_text="重新识别"
        ):
            return
        self.load_text(
            self.source_edit.toPlainText(),
            self.source_name or wi.PASTED_SOURCE,
            self.keep_text,
        )

    def ignored_texts(self, *, checked: bool) -> list[str]:
        items = [self.ignored_list.item(i) for i in range(self.ignored_list.count())]
        return [
            item.text() for item in items if (item.checkState() == Qt.CheckState.Checked) == checked
        ]

    def take_back(self) -> None:
        """Parse again with the ticked lines of "已忽略的文字" kept as document text."""
        chosen = self.ignored_texts(checked=True)
        if not chosen:
            self.error_label.setText("请先勾选要取回的文字")
            return
        self.load_text(
            self.source_edit.toPlainText(),
            self.source_name or wi.PASTED_SOURCE,
            [*self.keep_text, *chosen],
        )

    def _show_preview(self, preview: wi.ImportPreview) -> None:
        self.error_label.clear()
        self.source_name = preview.source_name
        self.source_edit.setPlainText(preview.text)
        self.source_edit.document().setModified(False)
        meta = preview.parsed.meta
        self.title_edit.setText(meta.title or "")
        self.doc_number_edit.setText(meta.doc_number or "")
        self.issuer_edit.setText(meta.issuer or "")
        set_optional_date(self.date_edit, meta.date)
        self._intro = meta.intro
        if preview.guessed_year:
            self.year_spin.setValue(preview.guessed_year)
        kind = wi.guess_kind(self.ctx.db, preview.parsed)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.flat = wo.flatten(preview.parsed.nodes)
        self.warnings = list(preview.warnings)
        self.ignored_list.clear()
        for line in preview.parsed.ignored_text:
            add_check_item(self.ignored_list, line)
        self.ignored_box.setVisible(bool(preview.parsed.ignored_text))
        self._edited = False
        self.rebuild_tree(0 if self.flat else None)

    # ------------------------------------------------------------------ tree
    def rebuild_tree(self, select: int | None = None) -> None:
        """Show ``self.flat`` as a tree and select node ``select``."""
        self._filling = True
        self.tree.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        wanted: QTreeWidgetItem | None = None
        for index, node in enumerate(self.flat):
            item = QTreeWidgetItem()
            item.setData(0, INDEX_ROLE, index)
            self._fill_item(item, node)
            while stack and stack[-1][0] >= node.level:
                stack.pop()
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            stack.append((node.level, item))
            if index == select:
                wanted = item
        self.tree.expandAll()
        self._filling = False
        if wanted is not None:
            self.tree.setCurrentItem(wanted)
        self._show_current()
        self._update_counts()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(1, max(320, self.tree.columnWidth(1)))
        self.tree_rebuilt.emit()

    def _fill_item(self, item: QTreeWidgetItem, node: wo.OutlineNode) -> None:
        item.setText(0, wo.display_number(node.style, node.number) or "（无编号）")
        item.setText(1, node.heading)
        item.setText(2, node.lead_unit or "")
        item.setText(3, wo.format_units(node.units))
        item.setToolTip(1, node.text)
        if node.level == 1:
            font = item.font(1)
            font.setBold(True)
            item.setFont(1, font)
            item.setForeground(1, QColor(palette.SECTION))

    def current_index(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, INDEX_ROLE))

    def item_for(self, index: int) -> QTreeWidgetItem | None:
        found = [None]

        def walk(item: QTreeWidgetItem) -> None:
            if int(item.data(0, INDEX_ROLE)) == index:
                found[0] = item
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return found[0]

    def select(self, index: int) -> None:
        item = self.item_for(index)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _show_current(self) -> None:
        if self._filling:
            return
        index = self.current_index()
        node = self.flat[index] if index is not None and index < len(self.flat) else None
        self._filling = True
        for edit in (self.heading_edit, self.lead_unit_edit, self.units_edit):
            edit.setEnabled(node is not None)
        self.text_edit.setEnabled(node is not None)
        self.heading_edit.setText(node.heading if node else "")
        self.text_edit.setPlainText(node.text if node else "")
        self.lead_unit_edit.setText(node.lead_unit or "" if node else "")
        self.units_edit.setText(wo.format_units(node.units) if node else "")
        self._filling = False
        self._update_buttons()
        if node is not None:
            self._highlight_source(node)

    def _highlight_source(self, node: wo.OutlineNode) -> None:
        """Select the node's beginning in the source text (when it can be found there)."""
        document = self.source_edit.document()
        for probe in (node.text[:12], node.heading[:8], node.text[:6]):
            if len(probe) < 4:
                continue
            cursor = document.find(probe)
            if not cursor.isNull():
                self.source_edit.setTextCursor(cursor)
                self.source_edit.centerCursor()
                return

    def _update_buttons(self) -> None:
        index = self.current_index()
        has = index is not None and index < len(self.flat)
        self.promote_button.setEnabled(has and wo.can_promote(self.flat, index))
        self.demote_button.setEnabled(has and wo.can_demote(self.flat, index))
        self.split_button.setEnabled(has)
        self.merge_button.setEnabled(has and index < len(self.flat) - 1)
        self.remove_button.setEnabled(has)
        self.reparse_button.setEnabled(True)
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(self.flat))

    def _update_counts(self) -> None:
        tree = wo.build_tree(self.flat)
        leaves = sum(
            1 for node in ParsedWorkpoints(WorkpointsMeta(), tree).iter_nodes() if not node.children
        )
        self.count_label.setText(
            f"共 {len(self.flat)} 个条目，其中需跟踪 {leaves} 项" if self.flat else "没有识别到条目"
        )
        warnings = list(self.warnings)
        if not self.flat and self.source_edit.toPlainText().strip():
            warnings = [
                "未识别到任何条目：条目应以“一、”“（一）”或“1.”等编号开头。可以修改原文后重新识别。"
            ]
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings_label.setVisible(bool(warnings))

    # ------------------------------------------------------------------ edits
    def _structural(self, action, *args, select_offset: int = 0) -> bool:
        index = self.current_index()
        if index is None:
            return False
        try:
            result = action(self.flat, index, *args)
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return False
        self.error_label.clear()
        self._edited = True
        target = result if isinstance(result, int) else index + select_offset
        self.rebuild_tree(min(max(target, 0), len(self.flat) - 1) if self.flat else None)
        return True

    def promote(self) -> bool:
        return self._structural(wo.promote)

    def demote(self) -> bool:
        return self._structural(wo.demote)

    def split(self, at: int | None = None) -> bool:
        """Split at ``at``, else at the cursor in the text box (when it is inside the text)."""
        if at is None:
            position = self.text_edit.textCursor().position()
            text = self.text_edit.toPlainText()
            at = position if 0 < position < len(text) else None
        return self._structural(wo.split, at)

    def merge(self) -> bool:
        return self._structural(wo.merge_with_next)

    def remove(self) -> bool:
        return self._structural(
            wo.remove, select_offset=-1 if self.current_index() == len(self.flat) - 1 else 0
        )

    def _current_node(self) -> wo.OutlineNode | None:
        index = self.current_index()
        return self.flat[index] if index is not None and index < len(self.flat) else None

    def _refresh_current_item(self) -> None:
        item, node = self.tree.currentItem(), self._current_node()
        if item is not None and node is not None:
            self._fill_item(item, node)
            self._edited = True

    def _heading_edited(self, text: str) -> None:
        node = self._current_node()
        if node is not None and not self._filling:
            node.heading = text.strip()
            self._refresh_current_item()

    def _text_edited(self) -> None:
        node = self._current_node()
        if node is None or self._filling:
            return
        text = self.text_edit.toPlainText()
        if node.heading == wo.heading_of(node.text):  # an automatic heading follows the text
            node.heading = wo.heading_of(text)
            self._filling = True
            self.heading_edit.setText(node.heading)
            self._filling = False
        node.text = text.strip()
        self._refresh_current_item()

    def _units_edited(self, _text: str = "") -> None:
        node = self._current_node()
        if node is not None and not self._filling:
            node.lead_unit = self.lead_unit_edit.text().strip() or None
            node.units = wo.parse_units(self.units_edit.text())
            self._refresh_current_item()

    # ------------------------------------------------------------------ result
    def build_request(self) -> ImportRequest:
        """The corrected document; raises ValidationError with what to fix."""
        if not self.flat:
            raise ValidationError("没有可保存的条目")
        empty = [
            i
            for i, node in enumerate(self.flat)
            if not node.heading.strip() and not node.text.strip()
        ]
        if empty:
            self.select(empty[0])
            raise ValidationError("有条目没有文字，请补全或删除后再保存")
        date = optional_date(self.date_edit) or None
        meta = WorkpointsMeta(
            issuer=self.issuer_edit.text().strip() or None,
            doc_number=self.doc_number_edit.text().strip() or None,
            date=date,
            title=self.title_edit.text().strip() or None,
            intro=self._intro,
        )
        parsed = ParsedWorkpoints(meta, wo.build_tree(self.flat), list(self.warnings))
        return ImportRequest(
            parsed,
            self.year_spin.value(),
            self.kind_combo.currentData(),
            self.source_name or wi.PASTED_SOURCE,
            self.source_edit.toPlainText(),
        )

    def save(self) -> None:
        try:
            self.request = self.build_request()
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()

    def select_text_position(self, index: int, position: int) -> None:
        """Put the text box's cursor at ``position`` of node ``index`` (as a click would)."""
        self.select(index)
        cursor = self.text_edit.textCursor()
        cursor.setPosition(position, QTextCursor.MoveMode.MoveAnchor)
        self.text_edit.setTextCursor(cursor)
