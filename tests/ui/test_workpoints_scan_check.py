"""Importing a scan (issue 25): OCR with per-page progress, then the page image beside the
recognised lines, uncertain characters highlighted and corrected before the tree is built.
The engine is replaced by a recorded result here (tests/services/test_ocr.py runs it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from guilin_union.services import ocr
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.ui import ops
from guilin_union.ui.workpoints import scan_check
from tests.ui.helpers import make_window

LINES = [
    ("桂林学院工会2026年工作要点", 400, 840, 0.99),
    ("一、强化思想引领", 230, 520, 0.99),
    ("（一）组织学习。开展宣讲。", 230, 600, 0.99),
    ("（二）宣传工作。看力做强工会宣传阵地。", 230, 1050, 0.8),
]


def fake_scan(pages: int = 2) -> ocr.ScanResult:
    result = []
    for number in range(1, pages + 1):
        lines = []
        for row, (text, x0, x1, confidence) in enumerate(LINES if number == 1 else LINES[:0]):
            chars = tuple(0.41 if (confidence < 0.9 and c == "看") else 0.99 for c in text)
            lines.append(
                ocr.OcrLine(text, (x0, 100 + 40 * row, x1, 124 + 40 * row), confidence, chars)
            )
        if number > 1:
            lines = [ocr.OcrLine("（三）建家工作。", (230, 100, 500, 124), 0.99, (0.99,) * 8)]
        result.append(ocr.OcrPage(number, Image.new("RGB", (1240, 1754), "white"), lines))
    return ocr.ScanResult(result, "")


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    branches.add_branch(db, "机关分工会")
    db.conn.close()
    return path


@pytest.fixture(autouse=True)
def _synchronous_ops(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)


def test_scan_is_checked_and_corrected_before_the_tree(qtbot, db_path, tmp_path, monkeypatch):
    progress_calls: list[tuple[int, int]] = []

    def read_scan(path, progress=None):
        for done in range(3):
            progress(done, 2)  # the runner's progress: one step per page
            progress_calls.append((done, 2))
        return fake_scan()

    monkeypatch.setattr(ocr, "engine_available", lambda: True)
    monkeypatch.setattr(ocr, "read_scan", read_scan)
    seen = {}

    def check(self) -> int:
        editor = self.editor_for[1]
        block = editor.document().findBlockByNumber(3)
        # The uncertain character is highlighted; the others are not.
        formats = {}
        for i in range(block.length() - 1):
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + i + 1)  # the format of the char before
            background = cursor.charFormat().background()
            if background.style() != Qt.BrushStyle.NoBrush:
                formats[i] = background.color().name()
        seen["formats"] = formats
        seen["low"] = [self.low_list.item(i).text() for i in range(self.low_list.count())]
        seen["image"] = self.image_label.pixmap().width()
        lines = editor.toPlainText().split("\n")
        lines[3] = lines[3].replace("看力", "着力")
        editor.setPlainText("\n".join(lines))
        return int(self.DialogCode.Accepted.value)

    monkeypatch.setattr(scan_check.ScanCheckDialog, "exec", check)
    window, _ = make_window(qtbot, db_path)
    source = tmp_path / "扫描件.png"
    Image.new("RGB", (40, 40), "white").save(source)
    dialog = window.tab_widgets["工作要点"].open_import(source)
    qtbot.addWidget(dialog)
    assert progress_calls == [(0, 2), (1, 2), (2, 2)]
    assert seen["low"] == ["第1页第4行（0.41）：（二）宣传工作。看力做强工会宣传阵地。"]
    assert seen["formats"] == {LINES[3][0].index("看"): scan_check.VERY_UNSURE_COLOR.name()}
    assert seen["image"] == scan_check.PAGE_WIDTH
    assert [n.heading for n in dialog.flat][:1] == ["强化思想引领"]
    texts = [n.text for n in dialog.flat]
    assert any("着力做强工会宣传阵地" in t for t in texts)
    assert not any("看力" in t for t in texts)
    assert [n.number for n in dialog.flat] == ["一", "一", "二", "三"]
    assert dialog.file_edit.text() == str(source)


def test_check_dialog_jumps_to_an_uncertain_line(qtbot) -> None:
    dialog = scan_check.ScanCheckDialog(fake_scan(), "扫描件.pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_combo.count() == 2
    dialog._go_to(dialog.low_list.item(0))
    assert dialog.editor_for[1].textCursor().blockNumber() == 3
    dialog.page_combo.setCurrentIndex(1)
    assert dialog.editors.currentWidget() is dialog.editor_for[2]
    assert dialog.corrections()[2] == ["（三）建家工作。"]


def test_a_text_file_is_not_sent_to_ocr(tmp_path) -> None:
    path = tmp_path / "要点.txt"
    path.write_text("一、要点", encoding="utf-8")
    assert not scan_check.start_scan_import(object(), path)
