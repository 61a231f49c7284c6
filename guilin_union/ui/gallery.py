"""Screen gallery: every tab, sub-page and dialog of the program, photographed at one size.

::

    uv run python -m guilin_union.ui.gallery --size 1366x697 [--scale 1.25] -o DIR

opens the real main window on a fresh demo database, visits every tab and every page inside
it, opens every dialog that a button, a ``更多 ▾`` menu or a menu entry ending in “…” opens
(nothing is saved: the dialogs are photographed and cancelled, every question is answered
“cancel”), saves a PNG of each and writes ``DIR/gallery.json``::

    [{"name": "会员入会 ▸ 会员名册", "kind": "page", "width": 1364, "height": 665,
      "fits": true, "file": "012-….png", "problems": []}, ...]

``fits`` is true when the window's whole frame and every visible button lie inside the
screen's available geometry.

How the screen is made honest: the program runs on Qt's offscreen platform with ONE screen
whose size is exactly ``--size`` (the usable area of the real screen: 1366×768 minus the
taskbar is 1366×697; 1920×1080 at 125 % minus the taskbar is 1536×790 logical pixels) and
whose device pixel ratio is ``--scale`` (Windows' 125 %; the PNGs stay in logical pixels).
The offscreen platform draws no window frames, so :data:`screen_fit.FRAME`
(a Windows title bar and border) is added around every window before ``fits`` is decided,
and the main window is given the client area a maximised Windows window has (the available
area less the title bar).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ELLIPSIS = "…"
# Buttons that open a dialog end in "…"; these words mark ones that would change data
# without one (never clicked, even if a label got an ellipsis by mistake).
NEVER_CLICK = ("删除", "撤销", "退出", "恢复备份", "清空", "彻底")


def _parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)[xX×](\d+)", text.strip())
    if not match:
        raise argparse.ArgumentTypeError("尺寸写成 宽x高，例如 1366x697")
    return int(match.group(1)), int(match.group(2))


def _slug(text: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s▸…]+", "_", text).strip("_")[:60] or "page"


def configure_platform(width: int, height: int, scale: float, folder: Path) -> None:
    """One offscreen screen of exactly the usable size (must run before Qt starts)."""
    config = {
        "screens": [
            {
                "name": "gallery",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": scale,
            }
        ]
    }
    path = folder / "offscreen-screen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
    os.environ["GUILIN_UNION_NO_OPEN"] = "1"


class Gallery:
    """Walks the program and photographs it; ``entries`` becomes gallery.json."""

    def __init__(self, out_dir: Path, work_dir: Path) -> None:
        self.out_dir = out_dir
        self.work_dir = work_dir
        self.entries: list[dict[str, Any]] = []
        self._seen_dialogs: set[tuple[str, str]] = set()
        self._page_name = ""

    # ---------------------------------------------------------------- set-up
    def open_window(self, *, empty: bool = False) -> None:
        from PySide6.QtCore import QSettings

        from guilin_union.services.demo import populate_demo
        from guilin_union.storage import open_database
        from guilin_union.ui.application import ensure_application
        from guilin_union.ui.context import AppContext
        from guilin_union.ui.main_window import MainWindow
        from guilin_union.ui.screen_fit import available_rect, frame_margins
        from guilin_union.ui.selftest import _silent_prompts

        self.app = ensure_application()
        db_path = self.work_dir / ("empty.db" if empty else "demo.db")
        db = open_database(db_path)
        if not empty:
            populate_demo(db, seed=2024)
        settings = QSettings(str(self.work_dir / "settings.ini"), QSettings.Format.IniFormat)
        self.ctx = AppContext(db=db, db_path=db_path, prompts=_silent_prompts(), qsettings=settings)
        self.window = MainWindow(self.ctx)
        self.window.show()
        self.pump()
        # A maximised window on Windows: the available area less the title bar.
        self.window.setGeometry(
            available_rect(self.window).marginsRemoved(frame_margins(self.window))
        )
        self.pump()

    def close_window(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.pump()
        self.ctx.db.conn.close()

    def pump(self) -> None:
        from PySide6.QtCore import QThreadPool

        for _ in range(3):
            self.app.processEvents()
            QThreadPool.globalInstance().waitForDone(30_000)
        self.app.processEvents()

    # ---------------------------------------------------------------- photographs
    def record(self, name: str, kind: str, widget: Any) -> dict[str, Any]:
        from guilin_union.ui.screen_fit import available_rect, buttons_outside, outer_rect

        avail = available_rect(widget)
        outer = outer_rect(widget)
        problems = []
        if not avail.contains(outer):
            problems.append(
                f"window {outer.width()}x{outer.height()} at ({outer.x()},{outer.y()}) "
                f"outside {avail.width()}x{avail.height()}"
            )
        outside = buttons_outside(widget, avail)
        if outside:
            problems.append("buttons outside: " + ", ".join(outside[:8]))
        file_name = f"{len(self.entries) + 1:03d}-{_slug(name)}.png"
        widget.grab().save(str(self.out_dir / file_name))
        entry = {
            "name": name,
            "kind": kind,
            "width": widget.width(),
            "height": widget.height(),
            "fits": not problems,
            "file": file_name,
            "problems": problems,
        }
        self.entries.append(entry)
        return entry

    # ---------------------------------------------------------------- pages
    def walk_tabs(self, *, with_dialogs: bool = True, prefix: str = "") -> None:
        tabs = self.window.tabs
        for index in range(tabs.count()):
            title = prefix + tabs.tabText(index)
            tabs.setCurrentIndex(index)
            self.pump()
            page = tabs.widget(index)
            self._walk(page, title, with_dialogs)

    def _walk(self, root: Any, name: str, with_dialogs: bool) -> None:
        from guilin_union.ui.selftest import _direct_containers

        containers = [c for c in _direct_containers(root) if c.isVisibleTo(self.window)]
        if not containers:
            self._page_name = name
            self.record(name, "page", self.window)
            if with_dialogs:
                self.open_dialogs_of(root)
            return
        for container in containers:
            original = container.currentIndex()
            for i in range(container.count()):
                container.setCurrentIndex(i)
                self.pump()
                label = self._label(container, i)
                self._walk(
                    container.widget(i), f"{name} ▸ {label}" if label else name, with_dialogs
                )
            container.setCurrentIndex(original)
            self.pump()

    @staticmethod
    def _label(container: Any, index: int) -> str:
        from PySide6.QtWidgets import QTabWidget, QToolBox

        if isinstance(container, QTabWidget):
            return container.tabText(index).replace("&", "")
        if isinstance(container, QToolBox):
            return container.itemText(index).replace("&", "")
        widget = container.widget(index)
        if widget.windowTitle():
            return widget.windowTitle()
        name = widget.objectName()
        return name if name and not name.startswith("qt_") else f"第 {index + 1} 页"

    # ---------------------------------------------------------------- dialogs
    def _select_first_rows(self, root: Any) -> None:
        from PySide6.QtWidgets import QAbstractItemView

        for view in root.findChildren(QAbstractItemView):
            if not view.isVisibleTo(self.window) or view.model() is None:
                continue
            if view.model().rowCount() and not view.selectionModel().hasSelection():
                view.setCurrentIndex(view.model().index(0, 0))
        self.pump()

    def _dialog_triggers(self, root: Any) -> Iterator[tuple[str, Callable[[], None]]]:
        from PySide6.QtWidgets import QAbstractButton, QToolButton

        for button in root.findChildren(QAbstractButton):
            if not button.isVisibleTo(self.window) or not button.isEnabled():
                continue
            text = button.text().replace("&", "")
            if ELLIPSIS in text and not any(word in text for word in NEVER_CLICK):
                yield text, button.click
            menu = button.menu() if isinstance(button, QToolButton) else None
            if menu is not None:
                yield from self._menu_triggers(menu)

    def _menu_triggers(self, menu: Any) -> Iterator[tuple[str, Callable[[], None]]]:
        menu.aboutToShow.emit()  # menus filled on demand
        for action in menu.actions():
            if action.menu() is not None:
                yield from self._menu_triggers(action.menu())
                continue
            text = action.text().replace("&", "")
            if (
                action.isEnabled()
                and ELLIPSIS in text
                and not any(word in text for word in NEVER_CLICK)
            ):
                yield text, action.trigger

    def open_dialogs_of(self, root: Any) -> None:
        self._select_first_rows(root)
        for text, trigger in list(self._dialog_triggers(root)):
            self.trigger(text, trigger)

    def open_menu_dialogs(self) -> None:
        self._page_name = "菜单"
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            for text, trigger in list(self._menu_triggers(menu)):
                self.trigger(text, trigger)

    def trigger(self, text: str, trigger: Callable[[], None]) -> None:
        """Run a trigger; every dialog it opens is photographed and cancelled."""
        from PySide6.QtWidgets import QApplication, QDialog

        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        try:
            trigger()
        except Exception as exc:  # noqa: BLE001 — a broken screen is reported, not fatal
            print(
                f"gallery: {self._page_name} ▸ {text}: {type(exc).__name__}: {exc}", file=sys.stderr
            )
        self.pump()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and id(widget) not in before:
                self.capture(widget)
                widget.reject()
        self.pump()

    def capture(self, dialog: Any) -> None:
        key = (type(dialog).__name__, dialog.windowTitle())
        if key in self._seen_dialogs:
            return
        self._seen_dialogs.add(key)
        title = dialog.windowTitle() or type(dialog).__name__
        self.record(f"{title}（{self._page_name}）", "dialog", dialog)

    def scan_import(self) -> None:
        """The work-points import dialog with a scan read (issue 25): the page image beside
        the recognised lines, then the items built from them (a made-up OCR result)."""
        from guilin_union.ui.workpoints.import_dialog import ImportDialog
        from guilin_union.ui.workpoints.scan_demo import demo_scan

        dialog = ImportDialog(self.ctx, self.window)
        dialog.show_scan(demo_scan(), Path("扫描件.pdf"))
        dialog.show()
        self.pump()
        self.record("导入工作要点 ▸ 扫描件核对", "dialog", dialog)
        dialog.scan_pane.apply_button.click()
        self.pump()
        self.record("导入工作要点 ▸ 扫描件识别出的条目", "dialog", dialog)
        dialog.reject()
        dialog.deleteLater()
        self.pump()

    def patch_exec(self) -> None:
        """``exec()`` shows the dialog, photographs it and answers “cancel” at once."""
        from PySide6.QtWidgets import QDialog

        gallery = self

        def fake_exec(dialog: Any) -> int:
            dialog.show()
            gallery.pump()
            gallery.capture(dialog)
            dialog.reject()
            return 0

        QDialog.exec = fake_exec  # type: ignore[method-assign]


def run(out_dir: Path, width: int, height: int, scale: float) -> list[dict[str, Any]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="guilin-union-gallery-") as tmp:
        work = Path(tmp)
        configure_platform(width, height, scale, work)
        gallery = Gallery(out_dir, work)
        gallery.patch_exec()
        gallery.open_window(empty=True)  # the empty database: first-run checklist, empty lists
        gallery.walk_tabs(with_dialogs=False, prefix="空数据库 ▸ ")
        gallery.close_window()
        gallery.open_window()
        gallery.walk_tabs()
        gallery.open_menu_dialogs()
        gallery.scan_import()
        gallery.close_window()
    (out_dir / "gallery.json").write_text(
        json.dumps(gallery.entries, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return gallery.entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guilin_union.ui.gallery",
        description="每个页签、子页面和对话框的截图，检查它们是否都在屏幕可用区域内。",
    )
    parser.add_argument(
        "--size", type=_parse_size, default=(1366, 697), help="可用区域，如 1366x697"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="缩放比例，如 1.25")
    parser.add_argument("-o", "--output", type=Path, required=True, help="输出文件夹")
    args = parser.parse_args(argv)
    width, height = args.size
    entries = run(args.output, width, height, args.scale)
    bad = [e for e in entries if not e["fits"]]
    print(f"{len(entries)} 个页面和对话框，{len(bad)} 个超出屏幕：{args.output / 'gallery.json'}")
    for entry in bad:
        print(f"  {entry['kind']} {entry['name']}: {'; '.join(entry['problems'])}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
