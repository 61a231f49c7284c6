"""The desktop side of issue 14: one light look in dark mode, the single-instance check before
any window, and the running program allowed to come to the front (Windows calls faked)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QColor, QPalette

from guilin_union.ui import application, foreground
from guilin_union.ui.theme import apply_light_theme, light_palette
from tests.fresh_process import run_script_json

SERVER = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from guilin_union.ui.safety.single_instance import InstanceServer

app = QCoreApplication([])
server = InstanceServer(Path(sys.argv[1]))
assert server.start()
def activated():
    print("activated", flush=True)
    QTimer.singleShot(100, app.quit)
server.activate_requested.connect(activated)
QTimer.singleShot(60000, app.quit)
print("ready", flush=True)
app.exec()
"""


# ------------------------------------------------------------------ theme


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, QColor("#202020"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor("#ffffff"))
    return palette


def test_dark_mode_palette_is_replaced_by_the_fixed_light_one(qapp):
    qapp.setPalette(_dark_palette())  # what Windows 11 in dark mode hands Qt
    apply_light_theme(qapp)
    palette = qapp.palette()
    assert qapp.style().name().lower() == "fusion"
    assert palette.color(QPalette.ColorRole.Window).lightness() > 200
    assert palette.color(QPalette.ColorRole.Base) == QColor("#ffffff")
    assert palette.color(QPalette.ColorRole.WindowText).lightness() < 50
    assert palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) != palette.color(
        QPalette.ColorRole.Text
    )
    # (The light colour scheme request of Qt 6.8+ is ignored by the offscreen platform.)


def test_ensure_application_applies_the_theme(qapp):
    qapp.setPalette(_dark_palette())
    application.ensure_application()
    assert qapp.palette().color(QPalette.ColorRole.Window) == light_palette().color(
        QPalette.ColorRole.Window
    )


# ------------------------------------------------------------------ single instance


def test_second_launch_hands_over_before_any_window(qapp, tmp_path, monkeypatch):
    db_path = tmp_path / "工会.db"
    first = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout.readline().strip() == "ready"

        def no_window(*args, **kwargs):
            raise AssertionError("a window was created before the single-instance check")

        monkeypatch.setattr("guilin_union.ui.main_window.MainWindow", no_window)
        assert application.run_gui(db=str(db_path)) == 0
        assert first.stdout.readline().strip() == "activated"
    finally:
        first.kill()
        first.wait()


def test_no_running_instance_is_answered_at_once(qapp, tmp_path):
    assert application.hand_over_to_running_instance(tmp_path / "nobody.db") is False


# ------------------------------------------------------------------ foreground (faked Windows)


class FakeUser32:
    def __init__(self, iconic: bool = False) -> None:
        self.calls: list[tuple] = []
        self.iconic = iconic

    def AllowSetForegroundWindow(self, pid):  # noqa: N802 (Win32 name)
        self.calls.append(("AllowSetForegroundWindow", pid))
        return 1

    def IsIconic(self, hwnd):  # noqa: N802
        self.calls.append(("IsIconic", hwnd))
        return int(self.iconic)

    def ShowWindow(self, hwnd, cmd):  # noqa: N802
        self.calls.append(("ShowWindow", hwnd, cmd))
        return 1

    def SetForegroundWindow(self, hwnd):  # noqa: N802
        self.calls.append(("SetForegroundWindow", hwnd))
        return 1


@pytest.fixture
def windows(monkeypatch):
    user32 = FakeUser32()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(user32=user32), raising=False)
    return user32


def test_second_launch_allows_any_process_to_take_the_foreground(windows):
    assert foreground.allow_foreground_switch() is True
    assert windows.calls == [("AllowSetForegroundWindow", 0xFFFFFFFF)]


def test_first_program_restores_and_takes_the_foreground(windows):
    windows.iconic = True
    widget = SimpleNamespace(winId=lambda: 0x1234)
    assert foreground.force_foreground(widget) is True
    assert windows.calls == [
        ("IsIconic", 0x1234),
        ("ShowWindow", 0x1234, foreground.SW_RESTORE),
        ("SetForegroundWindow", 0x1234),
    ]


def test_not_windows_means_no_calls(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert foreground.allow_foreground_switch() is False
    assert foreground.force_foreground(SimpleNamespace(winId=lambda: 1)) is False


def test_the_second_launch_grants_before_asking(windows, qapp, tmp_path):
    db_path = tmp_path / "x.db"
    first = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout.readline().strip() == "ready"
        from guilin_union.ui.safety.single_instance import notify_running_instance

        assert notify_running_instance(Path(db_path)) is True
        assert ("AllowSetForegroundWindow", 0xFFFFFFFF) in windows.calls
    finally:
        first.kill()
        first.wait()


def test_the_cheap_precheck_never_rules_out_a_windows_pipe(monkeypatch, tmp_path):
    from guilin_union.ui.safety import single_instance

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert not single_instance._server_may_exist("guilin-union-test")
    (tmp_path / "guilin-union-test").write_text("")
    assert single_instance._server_may_exist("guilin-union-test")
    monkeypatch.setattr(os, "name", "nt")
    assert single_instance._server_may_exist("guilin-union-other")


def test_windows_asks_qt_for_the_light_colour_scheme(monkeypatch):
    calls = []
    hints = SimpleNamespace(setColorScheme=lambda scheme: calls.append(("scheme", scheme)))
    app = SimpleNamespace(
        styleHints=lambda: hints,
        style=lambda: SimpleNamespace(name=lambda: "windows11"),
        setStyle=lambda name: calls.append(("style", name)),
        setPalette=lambda palette: calls.append(
            ("palette", palette.color(QPalette.ColorRole.Window).name())
        ),
    )
    monkeypatch.setattr(sys, "platform", "win32")
    apply_light_theme(app)
    from PySide6.QtCore import Qt

    assert calls == [("scheme", Qt.ColorScheme.Light), ("style", "Fusion"), ("palette", "#efefef")]


_NEW_APPLICATION_SCRIPT = """
import json, sys
import PySide6.QtWidgets as widgets
from guilin_union.ui import application
app = application.ensure_application(window_helpers=False)
before = {"style_loaded": "QStyle" in widgets.__dict__, "icon": not app.windowIcon().isNull()}
application.install_window_helpers(app)
print(json.dumps({**before, "style": app.style().name(), "icon_after": not app.windowIcon().isNull()}))
"""


def test_a_new_application_is_fusion_from_the_start_and_gets_its_icon_with_the_helpers():
    """Fusion is chosen as the QApplication is made (even over QT_STYLE_OVERRIDE), so the
    start never asks for the style from Python; the icon comes with the window helpers."""
    seen = run_script_json(
        _NEW_APPLICATION_SCRIPT,
        env={"QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"},
    )
    assert seen == {"style_loaded": False, "icon": False, "style": "fusion", "icon_after": True}
