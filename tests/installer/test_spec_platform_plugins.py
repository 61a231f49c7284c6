"""The spec leaves out the embedded/kiosk platform plugins and input plugins (issue 14: the
bundle no bigger than 1.5× a bare PySide6 window), but keeps every desktop platform."""

from __future__ import annotations

from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


@pytest.fixture(scope="module")
def keep_binary():
    text = (INSTALLER / "guilin_union.spec").read_text(encoding="utf-8")
    head, sep, _tail = text.partition("\na = Analysis(")
    assert sep
    namespace: dict = {"SPECPATH": str(INSTALLER), "__name__": "spec"}
    exec(compile(head, "guilin_union.spec", "exec"), namespace)  # noqa: S102 (our own file)
    return namespace["_keep_binary"]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/qminimal.dll", True),
        ("PySide6/Qt/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
        ("PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so", False),
        ("PySide6/Qt/plugins/generic/qtuiotouchplugin.dll", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", False),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", True),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", True),
    ],
)
def test_platform_plugins(keep_binary, dest, kept):
    assert keep_binary(dest) is kept
