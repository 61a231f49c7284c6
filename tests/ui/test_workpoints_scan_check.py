"""Importing a scan (issue 25) inside the work-points import dialog: photos put in page
order, OCR with 第 N/M 页 progress and 取消, then the page image beside the recognised lines,
uncertain characters highlighted and corrected before the tree is built.
The engine is replaced by a result built here (tests/services/test_ocr.py runs it)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor

from guilin_union.services import ocr
from guilin_union.services import workpoints as wp
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.ui import ops, screen_fit
from guilin_union.ui.workpoints import import_dialog, scan_check
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
        if number == 1:
            for row, (text, x0, x1, confidence) in enumerate(LINES):
                chars = tuple(0.41 if (confidence < 0.9 and c == "看") else 0.99 for c in text)
                box = (x0, 100 + 40 * row, x1, 124 + 40 * row)
                lines.append(ocr.OcrLine(text, box, confidence, chars))
        else:
            text = f"（{'三四五六'[number - 2]}）建家工作{number}。"
            box = (230, 1500, 500, 1524)  # low on the page: seen only when scrolled to
            lines = [ocr.OcrLine(text, box, 0.99, (0.99,) * len(text))]
        result.append(ocr.OcrPage(number, Image.new("RGB", (1240, 1754), "white"), lines))
    return ocr.ScanResult(result, "")


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    branches.add_branch(db, "机关分工会")
    db.conn.close()
    return path


@pytest.fixture
def synchronous(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)


@pytest.fixture(autouse=True)
def _engine(monkeypatch):
    monkeypatch.setattr(ocr, "engine_available", lambda: True)


def _photo(folder: Path, name: str) -> Path:
    path = folder / name
    Image.new("RGB", (40, 40), "white").save(path)
    return path


def _open(qtbot, db_path, source=None):
    window, prompts = make_window(qtbot, db_path)
    dialog = window.tab_widgets["工作要点"].open_import(source)
    qtbot.addWidget(dialog)
    return window, prompts, dialog


def _backgrounds(editor, row: int) -> dict[int, str]:
    block = editor.document().findBlockByNumber(row)
    found = {}
    for i in range(block.length() - 1):
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + i + 1)  # the format of the char before
        background = cursor.charFormat().background()
        if background.style() != Qt.BrushStyle.NoBrush:
            found[i] = background.color().name()
    return found


def _set_line(editor, row: int, text: str) -> None:
    block = editor.document().findBlockByNumber(row)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)  # as typing does: the document is modified


def test_scan_is_checked_inside_the_import_dialog(
    qtbot, db_path, tmp_path, monkeypatch, synchronous
):
    calls: list[tuple[int, int]] = []
    labels: list[str] = []

    # read_scan counts 20 steps a page: before the page, after detection, per batch of lines.
    steps = ((0, 40), (1, 40), (19, 40), (20, 40), (27, 40), (40, 40))

    def read_scan(path, progress=None):
        for done, total in steps:
            progress(done, total)
            calls.append((done, total))
            labels.append(dialog.scan_pane.progress_bar.format())
        return fake_scan()

    monkeypatch.setattr(ocr, "PAGE_STEPS", 20, raising=False)
    monkeypatch.setattr(ocr, "read_scan", read_scan)
    window, prompts, dialog = _open(qtbot, db_path)
    source = _photo(tmp_path, "扫描件.png")
    assert dialog.load_file(source)
    assert calls == list(steps)
    assert labels == ["第 1/2 页"] * 3 + ["第 2/2 页"] * 2 + ["2/2 页"]
    # One dialog: the scan page in front, image beside the lines, items not yet built.
    assert dialog.pages.currentIndex() == import_dialog.SCAN_PAGE
    assert dialog.pages.isTabVisible(import_dialog.SCAN_PAGE)
    assert dialog.flat == []
    check = dialog.scan_pane.check
    assert check is not None and check.isVisibleTo(dialog)
    assert check.image.label.pixmap().width() > 100
    assert [check.low_list.item(i).text() for i in range(check.low_list.count())] == [
        "第1页第4行（0.41）：（二）宣传工作。看力做强工会宣传阵地。"
    ]
    editor = check.editor_for[1]
    assert _backgrounds(editor, 3) == {LINES[3][0].index("看"): scan_check.VERY_UNSURE_COLOR.name()}
    assert _backgrounds(editor, 1) == {}
    # Corrections on both pages survive switching pages.
    _set_line(editor, 3, LINES[3][0].replace("看力", "着力"))
    check.step_page(1)
    assert check.editors.currentWidget() is check.editor_for[2]
    # The image follows the line under the cursor: page 2's is near the foot.
    assert check.image.verticalScrollBar().value() > 0
    assert check.image.box == check.scan.pages[1].lines[0].box
    _set_line(check.editor_for[2], 0, "（三）建家工作，改过。")
    check.step_page(-1)
    assert "着力做强" in check.editor_for[1].toPlainText()
    check.go_to(1, 1)
    assert check.image.verticalScrollBar().value() == 0
    assert check.editor_for[1].textCursor().blockNumber() == 0
    assert check.corrections()[2] == ["（三）建家工作，改过。"]
    # The corrected text goes through the text import's parser into the tree.
    check_button = dialog.scan_pane.apply_button
    check_button.click()
    assert dialog.pages.currentIndex() == import_dialog.ITEMS_PAGE
    texts = [n.text for n in dialog.flat]
    assert any("着力做强工会宣传阵地" in t for t in texts)
    assert not any("看力" in t for t in texts)
    assert any("建家工作，改过" in t for t in texts)
    assert [n.number for n in dialog.flat] == ["一", "一", "二", "三"]
    assert dialog.file_edit.text() == str(source)
    dialog.year_spin.setValue(2026)
    dialog.save()
    plans = wp.list_plans(window.ctx.db)
    assert [p["source_name"] for p in plans] == ["扫描件.png"]
    headings = [n["text"] for n in wp.plan_items(window.ctx.db, plans[0]["id"])]
    assert any("着力做强" in h for h in headings)
    assert not [m for m in prompts.messages if m[0] in ("error", "warning")]


def test_several_photos_in_natural_order_reordered_before_ocr(
    qtbot, db_path, tmp_path, monkeypatch, synchronous
):
    seen: list[list[str]] = []

    def read_scan(paths, progress=None):
        seen.append([Path(p).name for p in paths])
        progress(0, len(paths))
        return fake_scan(len(paths))

    monkeypatch.setattr(ocr, "read_scan", read_scan)
    window, prompts, dialog = _open(qtbot, db_path)
    photos = [_photo(tmp_path, n) for n in ("页10.jpg", "页2.png", "页1.png")]
    monkeypatch.setattr(prompts, "open_files", lambda *_: photos, raising=False)
    dialog.choose_file()
    pane = dialog.scan_pane
    assert dialog.pages.currentIndex() == import_dialog.SCAN_PAGE
    assert [p.name for p in pane.ordered_paths()] == ["页1.png", "页2.png", "页10.jpg"]
    assert seen == []  # nothing read before the user starts it
    pane.order_list.setCurrentRow(2)
    assert not pane.down_button.isEnabled()
    pane.up_button.click()
    assert [p.name for p in pane.ordered_paths()] == ["页1.png", "页10.jpg", "页2.png"]
    pane.start_button.click()
    assert seen == [["页1.png", "页10.jpg", "页2.png"]]
    assert pane.check.page_combo.count() == 3
    assert pane.check.page_combo.itemText(2) == "第 3/3 页"
    pane.apply_button.click()
    assert dialog.source_name == "页1.png 等 3 张图片"
    # A PDF or Word file goes alone.
    pdf = tmp_path / "要点.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert not dialog.load_files([photos[0], pdf])
    assert "只能是照片" in dialog.error_label.text()


def test_zoom_and_a_click_on_the_image_finds_the_line(qtbot) -> None:
    panel = scan_check.ScanCheckPanel(fake_scan())
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.image
    fit = image.scale()
    assert image.label.width() <= image.viewport().width()
    panel.zoom_in_button.click()
    assert image.scale() == pytest.approx(fit * scan_check.ZOOM_STEP)
    assert not panel.fit_button.isChecked() and image.label.width() > image.viewport().width()
    assert panel.zoom_label.text() == f"{image.scale():.0%}"
    panel.fit_button.click()
    assert image.scale() == pytest.approx(fit) and panel.fit_button.isChecked()
    x0, y0, x1, y1 = LINES[3][1], 100 + 40 * 3, LINES[3][2], 124 + 40 * 3
    scale = image.scale()
    at = QPoint(int((x0 + x1) / 2 * scale), int((y0 + y1) / 2 * scale))
    qtbot.mouseClick(image.label, Qt.MouseButton.LeftButton, pos=at)
    assert panel.current_editor().textCursor().blockNumber() == 3
    assert image.box == (x0, y0, x1, y1)


def test_natural_order() -> None:
    names = ["页10.png", "页2.PNG", "页1.png", "a.jpg", "页1-2.png"]
    ordered = [p.name for p in scan_check.order_pages(names)]
    assert ordered == ["a.jpg", "页1-2.png", "页1.png", "页2.PNG", "页10.png"]


def test_cancel_within_a_page_imports_nothing(qtbot, db_path, tmp_path, monkeypatch):
    """In the background as in use: 取消 takes effect at the engine's next progress call,
    even inside a page; nothing is imported, nothing is reported as an error."""
    state = {"calls": 0, "finished": threading.Event()}

    def read_scan(path, progress=None):
        try:
            for _ in range(200):  # page 1 of 3, with progress between recognition batches
                progress(0, 3)
                state["calls"] += 1
                time.sleep(0.01)
            return fake_scan(3)
        finally:
            state["finished"].set()

    monkeypatch.setattr(ocr, "read_scan", read_scan)
    window, prompts, dialog = _open(qtbot, db_path)
    assert dialog.load_file(_photo(tmp_path, "照片.jpg"))
    pane = dialog.scan_pane
    # One call per page (as read_scan did before it reported within pages).
    qtbot.waitUntil(lambda: pane.progress_bar.format() == "第 1/3 页", timeout=5000)
    assert pane.running() and pane.cancel_button.isVisibleTo(dialog)
    pane.cancel_button.click()
    assert state["finished"].wait(5)
    qtbot.wait(50)
    assert state["calls"] < 200  # stopped inside the page
    assert not pane.running() and pane.check is None
    assert dialog.flat == [] and dialog.file_edit.text() == ""
    assert not dialog.pages.isTabVisible(import_dialog.SCAN_PAGE)
    assert "已取消" in dialog.error_label.text()
    assert prompts.messages == []
    assert wp.list_plans(window.ctx.db) == []


def test_closing_with_corrections_asks_first(qtbot, db_path, tmp_path, monkeypatch, synchronous):
    monkeypatch.setattr(ocr, "read_scan", lambda path, progress=None: fake_scan())
    window, prompts, dialog = _open(qtbot, db_path, _photo(tmp_path, "扫描件.png"))
    _set_line(dialog.scan_pane.check.editor_for[1], 1, "一、强化政治引领")
    prompts.confirms.append(False)
    dialog.reject()
    assert dialog.isVisible() and prompts.messages[-1][1] == "关闭导入"
    assert "强化政治引领" in dialog.scan_pane.check.corrections()[1][1]
    prompts.confirms.append(True)
    dialog.reject()
    assert not dialog.isVisible()
    assert wp.list_plans(window.ctx.db) == []


def test_a_failed_read_is_said_in_the_dialog(qtbot, db_path, tmp_path, monkeypatch, synchronous):
    def read_scan(path, progress=None):
        raise ocr.ValidationError("无法读取图片“坏.png”（可能已损坏或不是图片）", "path")

    monkeypatch.setattr(ocr, "read_scan", read_scan)
    window, prompts, dialog = _open(qtbot, db_path, _photo(tmp_path, "坏.png"))
    assert "无法读取图片" in dialog.error_label.text()
    assert not dialog.pages.isTabVisible(import_dialog.SCAN_PAGE)


def test_dialog_with_a_scan_fits_1366x697(qtbot, db_path, tmp_path, monkeypatch, synchronous):
    monkeypatch.setattr(ocr, "read_scan", lambda path, progress=None: fake_scan())
    window, prompts, dialog = _open(qtbot, db_path, _photo(tmp_path, "扫描件.png"))
    available = QRect(0, 0, 1366, 697)
    screen_fit.fit_to_screen(dialog, available=available)
    qtbot.wait(10)
    limit = screen_fit.max_client_size(dialog, available)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= limit.width() and hint.height() <= limit.height(), hint
    assert dialog.width() <= limit.width() and dialog.height() <= limit.height()
    assert dialog.findChild(type(dialog.scan_pane.check.image), "scan_page_image_area")
    assert screen_fit.fits(dialog, available)
    # The page image fits the width of its view (no sideways scrolling).
    image = dialog.scan_pane.check.image
    assert image.label.width() <= image.viewport().width()


def test_a_text_file_is_not_sent_to_ocr(qtbot, db_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ocr, "read_scan", lambda *a: pytest.fail("OCR of a text file"))
    path = tmp_path / "要点.txt"
    path.write_text("一、要点\n（一）第一项。", encoding="utf-8")
    window, prompts, dialog = _open(qtbot, db_path, path)
    assert not dialog.pages.isTabVisible(import_dialog.SCAN_PAGE)
    assert [n.number for n in dialog.flat] == ["一", "一"]


@pytest.mark.slow
@pytest.mark.skipif(not ocr.engine_available(), reason="OCR engine not installed")
def test_two_photos_read_by_the_engine_in_the_dialog(qtbot, db_path, tmp_path, monkeypatch):
    """The one test with the real engine, in the background as in use: two photos of a
    short document, chosen in the wrong order, put in page order by name, read, parsed."""
    from tests.ocr_fixtures import print_document, rasterise

    monkeypatch.undo()  # the real engine_available
    pages = [
        "桂林学院工会2026年工作要点\n一、强化思想引领\n（一）组织学习。开展理论宣讲活动。",
        "二、推进民主管理\n（二）召开教职工代表大会。\n（三）推进校务公开。",
    ]
    photos = []
    for number, text in enumerate(pages, start=1):
        image = rasterise(print_document(text, tmp_path / f"p{number}.pdf"))[0]
        photos.append(tmp_path / f"页{number}.png")
        image.save(photos[-1])
    window, prompts, dialog = _open(qtbot, db_path)
    assert dialog.load_files(list(reversed(photos)))
    pane = dialog.scan_pane
    assert [p.name for p in pane.ordered_paths()] == ["页1.png", "页2.png"]
    pane.start_button.click()
    qtbot.waitUntil(lambda: pane.check is not None, timeout=120_000)
    assert [pane.check.page_combo.itemText(i) for i in range(2)] == ["第 1/2 页", "第 2/2 页"]
    pane.apply_button.click()
    assert [(n.number, n.level) for n in dialog.flat] == [
        ("一", 1),
        ("一", 2),
        ("二", 1),
        ("二", 2),
        ("三", 2),
    ]
    assert prompts.messages == []


def test_building_the_items_again_asks_before_dropping_edits(
    qtbot, db_path, tmp_path, monkeypatch, synchronous
):
    monkeypatch.setattr(ocr, "read_scan", lambda path, progress=None: fake_scan())
    window, prompts, dialog = _open(qtbot, db_path, _photo(tmp_path, "扫描件.png"))
    assert dialog.apply_scan()  # nothing edited yet: no question
    assert prompts.messages == []
    dialog.source_edit.moveCursor(QTextCursor.MoveOperation.End)
    dialog.source_edit.insertPlainText("\n（四）补上的一条。")
    dialog.pages.setCurrentIndex(import_dialog.SCAN_PAGE)
    prompts.confirms.append(False)
    assert not dialog.apply_scan()
    assert dialog.source_edit.toPlainText().endswith("（四）补上的一条。")
    dialog.reparse()
    assert dialog.flat[-1].text == "补上的一条。"
    dialog.select(len(dialog.flat) - 1)
    dialog.remove()  # a change to the items
    prompts.confirms.append(True)
    assert dialog.apply_scan()
    assert not any("补上的一条" in n.text for n in dialog.flat)
    assert [m[1] for m in prompts.messages] == ["重新识别条目", "重新识别条目"]


def test_open_files_of_a_stand_in_that_scripts_one_file(tmp_path) -> None:
    from tests.ui.helpers import ScriptedPrompts

    prompts = ScriptedPrompts()
    prompts.open_paths += [tmp_path / "a.txt", None]
    assert prompts.open_files(None, "t", tmp_path, "") == [tmp_path / "a.txt"]
    assert prompts.open_files(None, "t", tmp_path, "") == []
