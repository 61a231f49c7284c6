"""扫描件核对 (issue 25): a scanned PDF or photo is read by OCR in the background (a progress
bar per page, 取消), then the page image is shown beside the recognised lines; characters
read with little confidence are highlighted and every line can be corrected before the
import dialog builds the tree from the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import ocr
from guilin_union.services.workpoints.scan import scan_source_name
from guilin_union.ui import ops

UNSURE_COLOR = QColor("#ffe08a")  # a character to check
VERY_UNSURE_COLOR = QColor("#ffb3b3")  # below 0.6: most likely wrong
PAGE_WIDTH = 560  # the page image is shown this wide (scrolls vertically)


def pil_to_pixmap(image: Any) -> QPixmap:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class ScanCheckDialog(QDialog):
    """The recognised lines of each page beside its image; ``corrections()`` after 确定."""

    def __init__(self, scan: ocr.ScanResult, source_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.scan = scan
        self.setObjectName("scan_check_dialog")
        self.setWindowTitle(f"核对识别结果 — {source_name}")
        layout = QVBoxLayout(self)
        low = scan.low_confidence()
        note = QLabel(
            f"共 {len(scan.pages)} 页。左边是原图，右边是识别出的文字（每行对应原图一行，可直接修改）。"
            + (
                f"有 {len(low)} 行含识别把握不大的字（黄色底纹，红色更可疑），请对照原图核对。"
                if low
                else "没有识别把握不大的字。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        bar = QHBoxLayout()
        self.page_combo = QComboBox()
        self.page_combo.setObjectName("scan_page_combo")
        for page in scan.pages:
            self.page_combo.addItem(f"第 {page.number} 页", page.number)
        bar.addWidget(QLabel("页"))
        bar.addWidget(self.page_combo)
        bar.addStretch(1)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.image_label = QLabel()
        self.image_label.setObjectName("scan_page_image")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        splitter.addWidget(self.image_area)
        self.editors = QStackedWidget()
        self.editor_for: dict[int, QPlainTextEdit] = {}
        for page in scan.pages:
            editor = QPlainTextEdit()
            editor.setObjectName(f"scan_lines_{page.number}")
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            editor.setPlainText("\n".join(line.text for line in page.lines))
            self._highlight(editor, page)
            editor.cursorPositionChanged.connect(self._show_image)
            self.editor_for[page.number] = editor
            self.editors.addWidget(editor)
        splitter.addWidget(self.editors)
        splitter.setSizes([PAGE_WIDTH + 30, 640])
        layout.addWidget(splitter, 1)

        self.low_list = QListWidget()
        self.low_list.setObjectName("scan_low_list")
        self.low_list.setMaximumHeight(96)
        for entry in low:
            item = QListWidgetItem(
                f"第{entry['page']}页第{entry['line']}行（{entry['confidence']:.2f}）：{entry['text']}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (entry["page"], entry["line"]))
            self.low_list.addItem(item)
        self.low_list.setVisible(bool(low))
        self.low_list.itemActivated.connect(self._go_to)
        self.low_list.itemClicked.connect(self._go_to)
        layout.addWidget(self.low_list)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("核对完毕，识别条目")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.page_combo.currentIndexChanged.connect(self._page_changed)
        self._page_changed(0)
        self.resize(1240, 760)

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
        editor.document().setModified(False)

    def current_page(self) -> ocr.OcrPage:
        return self.scan.pages[max(0, self.page_combo.currentIndex())]

    def _page_changed(self, index: int) -> None:
        self.editors.setCurrentIndex(max(0, index))
        self._show_image()

    def _show_image(self) -> None:
        """The page image, the line under the cursor outlined in blue."""
        page = self.current_page()
        pixmap = pil_to_pixmap(page.image)
        row = self.editor_for[page.number].textCursor().blockNumber()
        if 0 <= row < len(page.lines):
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor("#1f6fd1"), 3))
            x0, y0, x1, y1 = page.lines[row].box
            painter.drawRect(int(x0) - 3, int(y0) - 3, int(x1 - x0) + 6, int(y1 - y0) + 6)
            painter.end()
        self.image_label.setPixmap(
            pixmap.scaledToWidth(PAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        )

    def _go_to(self, item: QListWidgetItem) -> None:
        page_number, line = item.data(Qt.ItemDataRole.UserRole)
        self.page_combo.setCurrentIndex(self.page_combo.findData(page_number))
        editor = self.editor_for[page_number]
        block = editor.document().findBlockByNumber(line - 1)
        editor.setTextCursor(QTextCursor(block))
        editor.setFocus()

    # ---------------------------------------------------------------- result
    def corrections(self) -> dict[int, list[str]]:
        """Each page's lines as they stand in the editors."""
        return {n: editor.toPlainText().split("\n") for n, editor in self.editor_for.items()}


def start_scan_import(dialog: Any, path: Path, *, check: bool = True) -> bool:
    """If ``path`` is a scan, read it by OCR in the background, let the user check the
    lines, then load the corrected text into the import ``dialog``. False when ``path`` is
    not a scan (the dialog reads it as text)."""
    path = Path(path)
    if not (ocr.engine_available() and ocr.is_scan(path)):
        return False
    name = scan_source_name(path)

    def done(scan: ocr.ScanResult) -> None:
        checker = ScanCheckDialog(scan, name, dialog)
        dialog.scan_check = checker  # tests reach it here
        if check and checker.exec() != QDialog.DialogCode.Accepted:
            return
        text = ocr.corrected_text(scan, checker.corrections())
        dialog.ctx.remember_folder(path, "workpoints")
        if dialog.load_text(text, name) and not dialog.issuer_edit.text() and scan.issuer:
            dialog.issuer_edit.setText(scan.issuer)
        dialog.file_edit.setText(str(path))

    ops.QueryOp(
        dialog.ctx, dialog, "识别扫描件", lambda _db, progress: ocr.read_scan(path, progress)
    ).with_progress("正在识别扫描件（文字识别，每页需数秒）…").success(done).run_in_background()
    return True
