"""Issue 15: every window and dialog fits a 1366×768 laptop and a 1920×1080 screen at 125 %."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui import screen_fit

ROOT = Path(__file__).resolve().parents[2]


def _run_gallery(tmp_path: Path, size: str, scale: str) -> list[dict]:
    out = tmp_path / size
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "guilin_union.ui.gallery",
            "--size",
            size,
            "--scale",
            scale,
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )
    assert (out / "gallery.json").exists(), result.stderr[-2000:]
    entries = json.loads((out / "gallery.json").read_text(encoding="utf-8"))
    for entry in entries:
        assert (out / entry["file"]).stat().st_size > 1000, entry
    return entries


@pytest.mark.parametrize(("size", "scale"), [("1366x697", "1"), ("1536x790", "1.25")])
def test_gallery_every_page_and_dialog_fits(tmp_path, size, scale):
    entries = _run_gallery(tmp_path, size, scale)
    width, height = (int(x) for x in size.split("x"))
    assert len(entries) >= 40
    kinds = {e["kind"] for e in entries}
    assert kinds == {"page", "dialog"}
    assert sum(e["kind"] == "dialog" for e in entries) >= 20
    assert any(e["name"].startswith("使用说明") for e in entries)  # F1's guide
    bad = [(e["name"], e["problems"]) for e in entries if not e["fits"]]
    assert not bad, bad
    for entry in entries:
        assert set(entry) >= {"name", "kind", "width", "height", "fits"}
        assert entry["width"] <= width and entry["height"] <= height, entry


# ---------------------------------------------------------------- the helper itself


def _avail(qapp) -> QRect:
    return qapp.primaryScreen().availableGeometry()


def _tall_dialog(rows: int = 60) -> QDialog:
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    for i in range(rows):
        label = QLabel(f"第 {i} 行")
        label.setMinimumHeight(30)
        layout.addWidget(label)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    layout.addWidget(box)
    dialog.box = box  # type: ignore[attr-defined]
    return dialog


def test_a_dialog_taller_than_the_screen_scrolls_and_keeps_its_buttons_visible(qtbot, qapp):
    dialog = _tall_dialog()
    qtbot.addWidget(dialog)
    avail = _avail(qapp)
    assert dialog.minimumSizeHint().height() > avail.height()
    screen_fit.install_dialog_fitter(qapp)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QScrollArea, "fit_scroll_area") is not None
    assert avail.contains(screen_fit.outer_rect(dialog))
    assert screen_fit.fits(dialog, avail)
    # The buttons stay outside the scroll area, at the bottom of the dialog.
    assert dialog.box.parentWidget() is dialog  # type: ignore[attr-defined]


def test_a_dialog_is_centred_on_the_available_area(qtbot, qapp):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QPushButton("确定"))
    dialog.resize(400, 300)
    screen_fit.fit_to_screen(dialog)
    avail = _avail(qapp)
    outer = screen_fit.outer_rect(dialog)
    assert abs(outer.center().x() - avail.center().x()) <= 2
    assert abs(outer.center().y() - avail.center().y()) <= 2


def test_buttons_outside_reports_a_button_beyond_the_screen(qtbot, qapp):
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("保存", window)
    avail = _avail(qapp)
    window.setGeometry(avail.left() + 10, avail.top() + 40, 300, avail.height() + 200)
    button.move(10, avail.height() + 100)
    window.show()
    assert screen_fit.buttons_outside(window, avail) == ["保存"]
    assert not screen_fit.fits(window, avail)


def test_a_geometry_saved_on_a_bigger_monitor_comes_back_on_screen(qtbot, qapp):
    avail = _avail(qapp)
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(avail.right() + 500, avail.bottom() + 300, 2400, 1400)
    saved = big.saveGeometry()
    window = QMainWindow()
    qtbot.addWidget(window)
    first_run = screen_fit.restore_window(window, saved)
    assert first_run is False
    assert avail.contains(window.geometry().marginsAdded(screen_fit.FRAME))


def test_first_run_is_reported_so_the_window_opens_maximised(qtbot, qapp):
    window = QMainWindow()
    qtbot.addWidget(window)
    assert screen_fit.restore_window(window, QByteArray()) is True
    assert screen_fit.restore_window(window, None) is True
    assert _avail(qapp).contains(window.geometry().marginsAdded(screen_fit.FRAME))
