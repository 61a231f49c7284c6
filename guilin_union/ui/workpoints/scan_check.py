"""扫描件核对 (issue 25), the scan tab of the work-points import dialog.

A scanned PDF or photo (or several photos, put in order first) is read by OCR in the
background: a bar shows 第 N/M 页 and 取消 stops it at the engine's next progress call.
Then the page image is shown beside the recognised lines (one editable line per line of
the page); characters read with little confidence are highlighted, the page image follows
the line under the cursor, and the corrected lines go to the import dialog's parser.

- :class:`PageImage`: the page, fit to width or zoomed, the current line outlined;
- :class:`ScanCheckPanel`: pages, image and editable lines for one :class:`ocr.ScanResult`;
- :class:`ScanPane`: page order → OCR with progress → check panel.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import ocr
from guilin_union.services.workpoints.scan import scan_source_name
from guilin_union.ui import ops, palette

UNSURE_COLOR = QColor("#ffe08a")  # a character to check
VERY_UNSURE_COLOR = QColor("#ffb3b3")  # below 0.6: most likely wrong
LINE_COLOR = QColor("#1f6fd1")  # the outline of the line under the cursor
PHOTO_SUFFIXES = (".png", ".jpg", ".jpeg")
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.1, 3.0)
THUMB_SIZE = QSize(72, 72)


def natural_key(path: str | Path) -> tuple[Any, ...]:
    """File names in the order people number pages: 页1, 页2, 页10 (not 页1, 页10, 页2)."""
    name = Path(path).name.casefold()
    parts = re.split(r"(\d+)", name)
    return (*(int(p) if i % 2 else p for i, p in enumerate(parts)), name)


def order_pages(paths: Sequence[str | Path]) -> list[Path]:
    return sorted((Path(p) for p in paths), key=natural_key)


def page_steps(total: int) -> int:
    """How many progress steps ``read_scan`` counts per page: ``ocr.PAGE_STEPS`` when it
    reports within pages (``total`` = pages × steps), else 1 (a call per page)."""
    steps = int(getattr(ocr, "PAGE_STEPS", 1) or 1)
    return steps if total >= steps and total % steps == 0 else 1


def thumbnail(path: Path) -> QIcon:
    """A small picture of a photo (decoded at that size: quick even for a phone's photo)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # the phone's orientation tag
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QIcon() if image.isNull() else QIcon(QPixmap.fromImage(image))


def pil_to_pixmap(image: Any) -> QPixmap:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


# --------------------------------------------------------------------------- page image
class PageImage(QScrollArea):
    """A page image, fit to the width of the view or zoomed; one box outlined and scrolled
    into view. ``clicked(x, y)`` gives a click in the image's own pixels."""

    clicked = Signal(float, float)
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_page_image_area")
        self.label = QLabel()
        self.label.setObjectName("scan_page_image")
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.installEventFilter(self)
        self.setWidget(self.label)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page = QPixmap()
        self.box: tuple[float, float, float, float] | None = None
        self.fit = True
        self._scale = 1.0

    def scale(self) -> float:
        if self.fit and not self.page.isNull():
            width = self.viewport().width() - 2
            return max(ZOOM_RANGE[0], width / self.page.width())
        return self._scale

    def set_page(self, page: QPixmap) -> None:
        self.page = page
        self.box = None
        self._render()
        self.verticalScrollBar().setValue(0)

    def show_box(self, box: tuple[float, float, float, float] | None) -> None:
        self.box = box
        self._render()
        if box is not None:
            scale = self.scale()
            x = int((box[0] + box[2]) / 2 * scale)
            y = int((box[1] + box[3]) / 2 * scale)
            self.ensureVisible(x, y, self.viewport().width() // 2, self.viewport().height() // 3)

    def fit_width(self) -> None:
        self.fit = True
        self._render()

    def zoom(self, factor: float) -> None:
        self._scale = min(max(self.scale() * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.fit = False
        self._render()
        if self.box is not None:
            self.show_box(self.box)

    def _render(self) -> None:
        if self.page.isNull():
            self.label.clear()
            return
        scale = self.scale()
        pixmap = self.page.scaledToWidth(
            max(1, round(self.page.width() * scale)), Qt.TransformationMode.SmoothTransformation
        )
        if self.box is not None:  # drawn after scaling: the same 2-pixel line at any zoom
            painter = QPainter(pixmap)
            painter.setPen(QPen(LINE_COLOR, 2))
            x0, y0, x1, y1 = (v * scale for v in self.box)
            painter.drawRect(int(x0) - 3, int(y0) - 3, int(x1 - x0) + 6, int(y1 - y0) + 6)
            painter.end()
        self.label.setPixmap(pixmap)
        self.label.resize(pixmap.size())
        self.zoom_changed.emit()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.fit:
            self._render()

    def wheelEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        """Ctrl + wheel zooms, as in a picture viewer."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.label and event.type() == QEvent.Type.MouseButtonPress:
            scale = self.scale()
            point = event.position()  # type: ignore[attr-defined]
            self.clicked.emit(point.x() / scale, point.y() / scale)
        return False


# --------------------------------------------------------------------------- checking
class ScanCheckPanel(QWidget):
    """The pages of a scan: image on the left, its recognised lines (editable, uncertain
    characters highlighted) on the right. Edits stay while the user switches pages."""

    def __init__(self, scan: ocr.ScanResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_check_panel")
        self.scan = scan
        self._pixmaps: dict[int, QPixmap] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        self.prev_button = QPushButton("◀ 上一页")
        self.prev_button.setToolTip("Ctrl+PgUp")
        self.page_combo = QComboBox()
        self.page_combo.setObjectName("scan_page_combo")
        for page in scan.pages:
            self.page_combo.addItem(f"第 {page.number}/{len(scan.pages)} 页", page.number)
        self.next_button = QPushButton("下一页 ▶")
        self.next_button.setToolTip("Ctrl+PgDown")
        self.fit_button = QPushButton("适合宽度")
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_out_button = QPushButton("缩小")
        self.zoom_in_button = QPushButton("放大")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("scan_zoom_label")
        for widget in (self.prev_button, self.page_combo, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        for tool in (self.fit_button, self.zoom_out_button, self.zoom_in_button, self.zoom_label):
            bar.addWidget(tool)
        bar.addStretch(1)
        low = scan.low_confidence()
        self.note = QLabel(
            f"右边每行对应原图一行，可直接修改；{len(low)} 行有把握不大的字（黄底，红底更可疑）"
            if low
            else "右边每行对应原图一行，可直接修改；没有把握不大的字"
        )
        self.note.setObjectName("scan_note")
        bar.addWidget(self.note)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.image = PageImage()
        self.splitter.addWidget(self.image)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.editors = QStackedWidget()
        self.editor_for: dict[int, QPlainTextEdit] = {}
        for page in scan.pages:
            editor = QPlainTextEdit()
            editor.setObjectName(f"scan_lines_{page.number}")
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            editor.setPlainText("\n".join(line.text for line in page.lines))
            self._highlight(editor, page)
            editor.cursorPositionChanged.connect(self._follow_cursor)
            self.editor_for[page.number] = editor
            self.editors.addWidget(editor)
        right_layout.addWidget(self.editors, 1)
        self.low_list = QListWidget()
        self.low_list.setObjectName("scan_low_list")
        self.low_list.setMaximumHeight(78)
        self.low_list.setToolTip("点一行，跳到原图和文字中的这一行")
        for entry in low:
            item = QListWidgetItem(
                f"第{entry['page']}页第{entry['line']}行（{entry['confidence']:.2f}）：{entry['text']}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (entry["page"], entry["line"]))
            self.low_list.addItem(item)
        self.low_list.setVisible(bool(low))
        right_layout.addWidget(self.low_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 500])  # half and half, whatever the dialog's width
        layout.addWidget(self.splitter, 1)

        self.low_list.itemClicked.connect(self._go_to_item)
        self.low_list.itemActivated.connect(self._go_to_item)
        self.page_combo.currentIndexChanged.connect(self._page_changed)
        self.prev_button.clicked.connect(lambda: self.step_page(-1))
        self.next_button.clicked.connect(lambda: self.step_page(1))
        self.fit_button.clicked.connect(self._fit_clicked)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self.step_page(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self.step_page(1))
        self.zoom_in_button.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.image.zoom_changed.connect(self._show_zoom)
        self.image.clicked.connect(self._image_clicked)
        self._page_changed(0)

    # ---------------------------------------------------------------- showing
    @staticmethod
    def _highlight(editor: QPlainTextEdit, page: ocr.OcrPage) -> None:
        document = editor.document()
        for row, line in enumerate(page.lines):
            block = document.findBlockByNumber(row)
            for index in line.uncertain_chars():
                chars = line.char_confidences
                low = chars[index] if index < len(chars) else line.confidence
                fmt = QTextCharFormat()
                fmt.setBackground(VERY_UNSURE_COLOR if low < 0.6 else UNSURE_COLOR)
                fmt.setToolTip(f"识别把握 {low:.0%}")
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + index)
                cursor.setPosition(block.position() + index + 1, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
        document.setModified(False)

    def current_page(self) -> ocr.OcrPage:
        return self.scan.pages[max(0, self.page_combo.currentIndex())]

    def current_editor(self) -> QPlainTextEdit:
        return self.editor_for[self.current_page().number]

    def step_page(self, step: int) -> None:
        index = self.page_combo.currentIndex() + step
        if 0 <= index < self.page_combo.count():
            self.page_combo.setCurrentIndex(index)

    def _page_changed(self, index: int) -> None:
        index = max(0, index)
        self.editors.setCurrentIndex(index)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.page_combo.count() - 1)
        page = self.current_page()
        if page.number not in self._pixmaps:
            self._pixmaps[page.number] = pil_to_pixmap(page.image)
        self.image.set_page(self._pixmaps[page.number])
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        """The line under the cursor outlined on the page, and scrolled into view."""
        page = self.current_page()
        row = self.editor_for[page.number].textCursor().blockNumber()
        self.image.show_box(page.lines[row].box if 0 <= row < len(page.lines) else None)

    def _image_clicked(self, x: float, y: float) -> None:
        """A click on a line of the image puts the cursor on its text."""
        page = self.current_page()
        for row, line in enumerate(page.lines):
            x0, y0, x1, y1 = line.box
            if x0 - 4 <= x <= x1 + 4 and y0 - 4 <= y <= y1 + 4:
                self.go_to(page.number, row + 1)
                return

    def _fit_clicked(self) -> None:
        self.fit_button.setChecked(True)
        self.image.fit_width()

    def _zoom(self, factor: float) -> None:
        self.image.zoom(factor)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.image.scale():.0%}")
        self.fit_button.setChecked(self.image.fit)

    def go_to(self, page_number: int, line: int) -> None:
        """Show line ``line`` (1-based) of page ``page_number``: cursor in the text, box on
        the image."""
        index = self.page_combo.findData(page_number)
        if index < 0:
            return
        self.page_combo.setCurrentIndex(index)
        editor = self.editor_for[page_number]
        block = editor.document().findBlockByNumber(max(0, line - 1))
        editor.setTextCursor(QTextCursor(block))
        editor.setFocus()
        self._follow_cursor()

    def _go_to_item(self, item: QListWidgetItem) -> None:
        self.go_to(*item.data(Qt.ItemDataRole.UserRole))

    # ---------------------------------------------------------------- result
    def corrections(self) -> dict[int, list[str]]:
        """Each page's lines as they stand in the editors."""
        return {n: editor.toPlainText().split("\n") for n, editor in self.editor_for.items()}

    def is_modified(self) -> bool:
        return any(editor.document().isModified() for editor in self.editor_for.values())

    def corrected_text(self) -> str:
        """The document's text from the lines as corrected (for the parser)."""
        for page in self.scan.pages:
            page.typed = None  # decided again from the lines as they are now
        return ocr.corrected_text(self.scan, self.corrections())


# --------------------------------------------------------------------------- the tab
class ScanPane(QWidget):
    """What the import dialog shows for a scan: the photos' order (several photos), the
    OCR's progress with 取消, then :class:`ScanCheckPanel`.

    Signals: ``scanned`` when the check panel is ready; ``apply_requested`` when the user
    asks for the items to be built from the corrected lines; ``stopped(message)`` when
    OCR was cancelled ("") or failed (the message)."""

    scanned = Signal()
    apply_requested = Signal()
    stopped = Signal(str)

    ORDER, RUNNING, CHECK = range(3)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("scan_pane")
        self.paths: list[Path] = []
        self.check: ScanCheckPanel | None = None
        self._cancel: threading.Event | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        order = QWidget()
        order_layout = QVBoxLayout(order)
        order_layout.addWidget(
            QLabel(
                "照片按文件名排好了页序（页1、页2……页10）；如不对，请用“上移”“下移”调整，再开始识别。"
            )
        )
        row = QHBoxLayout()
        self.order_list = QListWidget()
        self.order_list.setObjectName("scan_order_list")
        self.order_list.setIconSize(THUMB_SIZE)
        row.addWidget(self.order_list, 1)
        buttons = QVBoxLayout()
        self.up_button = QPushButton("上移")
        self.down_button = QPushButton("下移")
        self.drop_button = QPushButton("移出")
        self.drop_button.setToolTip("这张照片不参加识别")
        for button in (self.up_button, self.down_button, self.drop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        order_layout.addLayout(row, 1)
        start_row = QHBoxLayout()
        self.order_error = QLabel()
        self.order_error.setStyleSheet(palette.ERROR_TEXT_STYLE)
        self.order_error.setWordWrap(True)
        self.start_button = QPushButton("开始识别")
        self.start_button.setObjectName("scan_start_button")
        start_row.addWidget(self.order_error, 1)
        start_row.addWidget(self.start_button)
        order_layout.addLayout(start_row)
        self.stack.addWidget(order)

        running = QWidget()
        running_layout = QVBoxLayout(running)
        running_layout.addStretch(1)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("scan_progress_label")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        running_layout.addWidget(self.progress_label)
        bar_row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("scan_progress_bar")
        self.cancel_button = QPushButton("取消识别")
        self.cancel_button.setObjectName("scan_cancel_button")
        bar_row.addStretch(1)
        bar_row.addWidget(self.progress_bar, 4)
        bar_row.addWidget(self.cancel_button)
        bar_row.addStretch(1)
        running_layout.addLayout(bar_row)
        running_layout.addStretch(2)
        self.stack.addWidget(running)

        self.redo_button = QPushButton("重新识别扫描件")
        self.redo_button.setToolTip("重新进行文字识别（会放弃对识别文字所做的修改）")
        self.apply_button = QPushButton("核对完毕，识别条目 →")
        self.apply_button.setObjectName("scan_apply_button")
        self.check_host = QWidget()
        self.check_layout = QVBoxLayout(self.check_host)
        self.check_layout.setContentsMargins(0, 0, 0, 0)
        apply_row = QHBoxLayout()
        apply_row.addStretch(1)
        apply_row.addWidget(self.redo_button)
        apply_row.addWidget(self.apply_button)
        self.check_layout.addLayout(apply_row)
        self.stack.addWidget(self.check_host)

        self.up_button.clicked.connect(lambda: self.move_page(-1))
        self.down_button.clicked.connect(lambda: self.move_page(1))
        self.drop_button.clicked.connect(self.drop_page)
        self.order_list.currentRowChanged.connect(lambda _row: self._update_order_buttons())
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.apply_button.clicked.connect(lambda: self.apply_requested.emit())
        self.redo_button.clicked.connect(self.redo)

    # ---------------------------------------------------------------- order
    def propose(self, paths: Sequence[str | Path]) -> None:
        """Several photos: shown in natural file-name order, to be reordered before OCR."""
        self._clear_check()
        self.order_list.clear()
        for path in order_pages(paths):
            item = QListWidgetItem(thumbnail(path), path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.order_list.addItem(item)
        self.order_list.setCurrentRow(0)
        self.order_error.clear()
        self.stack.setCurrentIndex(self.ORDER)
        self._update_order_buttons()

    def ordered_paths(self) -> list[Path]:
        return [
            Path(self.order_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.order_list.count())
        ]

    def move_page(self, step: int) -> None:
        row = self.order_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order_list.count():
            return
        item = self.order_list.takeItem(row)
        self.order_list.insertItem(target, item)
        self.order_list.setCurrentRow(target)

    def drop_page(self) -> None:
        row = self.order_list.currentRow()
        if row >= 0 and self.order_list.count() > 1:
            self.order_list.takeItem(row)
        self._update_order_buttons()

    def _update_order_buttons(self) -> None:
        row, count = self.order_list.currentRow(), self.order_list.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.drop_button.setEnabled(row >= 0 and count > 1)
        self.start_button.setEnabled(count > 0)

    # ---------------------------------------------------------------- OCR
    def running(self) -> bool:
        return self._cancel is not None

    def source_name(self) -> str:
        return scan_source_name(self.paths if len(self.paths) > 1 else self.paths[0])

    def start(self, paths: Sequence[str | Path] | None = None) -> None:
        """OCR of ``paths`` (or of the ordered photos) in the background."""
        if paths:
            self.order_list.clear()
            self.paths = [Path(p) for p in paths]
        elif self.order_list.count():
            self.paths = self.ordered_paths()
        if not self.paths or self.running():
            return
        self._clear_check()
        cancel = self._cancel = threading.Event()
        chosen = list(self.paths)
        self._show_progress(0, 0)
        self.stack.setCurrentIndex(self.RUNNING)

        def progress(done: int, total: int) -> None:
            if cancel.is_set():
                raise ops.Cancelled

        def work(_db: Any, report: ops.Progress) -> ocr.ScanResult:
            def step(done: int, total: int) -> None:
                progress(done, total)
                report(done, total)
                progress(done, total)

            return ocr.read_scan(chosen if len(chosen) > 1 else chosen[0], step)

        def shown(done: int, total: int) -> None:
            if self._cancel is cancel:
                self._show_progress(done, total)

        def succeeded(scan: ocr.ScanResult) -> None:
            if self._cancel is cancel:
                self._cancel = None
                self._show_check(scan)

        def failed(exc: BaseException) -> None:
            if self._cancel is cancel:
                self._cancel = None
                self._stopped(ops.user_message(exc))

        ops.QueryOp(self.ctx, self, "识别扫描件", work).with_progress(on_progress=shown).success(
            succeeded
        ).failure(failed).run_in_background()

    def redo(self) -> None:
        if self.is_modified() and not self.ctx.prompts.confirm(
            self,
            "重新识别扫描件",
            "重新识别会放弃对识别文字所做的修改，确定吗？",
            ok_text="重新识别",
        ):
            return
        self.start()

    def cancel(self) -> None:
        """Stop the OCR at its next progress call; the result, if any, is dropped."""
        if self._cancel is None:
            return
        self._cancel.set()
        self._cancel = None
        self._stopped("")

    def _stopped(self, message: str) -> None:
        if self.order_list.count():
            self.order_error.setText(message or "已取消识别。")
            self.stack.setCurrentIndex(self.ORDER)
        self.stopped.emit(message)

    def _show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.progress_label.setText("正在准备页面（载入文字识别组件需要几秒）…")
            self.progress_bar.setRange(0, 0)
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))
        steps = page_steps(total)
        pages = total // steps
        if done >= total:
            self.progress_label.setText("正在整理版面…")
            self.progress_bar.setFormat(f"{pages}/{pages} 页")
        else:
            page = min(done // steps + 1, pages)
            self.progress_label.setText(f"正在识别第 {page}/{pages} 页（每页需数秒）…")
            self.progress_bar.setFormat(f"第 {page}/{pages} 页")

    def show_scan(self, scan: ocr.ScanResult, paths: Sequence[str | Path]) -> None:
        """A scan already read (the gallery's, a test's) shown for checking."""
        self.cancel()
        self.order_list.clear()
        self.paths = [Path(p) for p in paths]
        self._clear_check()
        self._show_check(scan)

    def _show_check(self, scan: ocr.ScanResult) -> None:
        self.check = ScanCheckPanel(scan)
        self.check_layout.insertWidget(0, self.check, 1)
        self.stack.setCurrentIndex(self.CHECK)
        self.scanned.emit()

    def _clear_check(self) -> None:
        if self.check is not None:
            self.check.setParent(None)
            self.check.deleteLater()
            self.check = None

    # ---------------------------------------------------------------- result
    def is_modified(self) -> bool:
        return self.check is not None and self.check.is_modified()
