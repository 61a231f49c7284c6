"""The Windows packaging files, checked here where they cannot be run: the PyInstaller spec
(its filters and data list), the Inno Setup script, the PowerShell and shell build scripts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import guilin_union

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
APP_NAME = "桂林学院工会工作管理系统"


# ----------------------------------------------------------------- PyInstaller spec


@pytest.fixture(scope="module")
def spec() -> dict:
    """The spec's definitions: everything above ``a = Analysis(`` run as Python (the part
    below needs PyInstaller's build machinery)."""
    text = (INSTALLER / "guilin_union.spec").read_text(encoding="utf-8")
    head, sep, _tail = text.partition("\na = Analysis(")
    assert sep, "the spec no longer has an Analysis step"
    namespace: dict = {"SPECPATH": str(INSTALLER), "__name__": "spec"}
    exec(compile(head, "guilin_union.spec", "exec"), namespace)  # noqa: S102 (our own file)
    namespace["text"] = text
    return namespace


def test_spec_is_valid_python_and_builds_two_executables(spec):
    compile(spec["text"], "guilin_union.spec", "exec")
    assert "gui_exe = _exe(APP_NAME, console=False)" in spec["text"]  # windowed program
    assert "COLLECT(" in spec["text"] and "onefile" not in spec["text"].lower()  # one folder
    assert "exclude_binaries=True" in spec["text"]
    assert spec["APP_NAME"] == "guilin-union"


def test_spec_version_and_icon_come_from_the_package(spec):
    assert spec["VERSION"] == guilin_union.__version__
    assert spec["ICON"] == ROOT / "resources" / "icons" / "app.ico" and spec["ICON"].is_file()


def test_spec_windows_version_resource(spec, monkeypatch):
    """The .exe's version resource (built only on Windows; pefile is stubbed here)."""
    import sys
    import types

    assert spec["_version_info"]() is None or sys.platform == "win32"  # not on Linux
    import PyInstaller.compat

    monkeypatch.setitem(
        sys.modules, "pefile", sys.modules.get("pefile") or types.ModuleType("pefile")
    )
    monkeypatch.setattr(PyInstaller.compat, "win32api", types.ModuleType("win32api"), raising=False)
    monkeypatch.setitem(spec, "sys", types.SimpleNamespace(platform="win32"))
    info = spec["_version_info"]()
    numbers = tuple(int(n) for n in (guilin_union.__version__.split(".") + ["0"] * 4)[:4])
    assert info.ffi.fileVersionMS == (numbers[0] << 16 | numbers[1])
    assert info.ffi.fileVersionLS == (numbers[2] << 16 | numbers[3])
    raw = info.toRaw()
    assert APP_NAME.encode("utf-16-le") in raw
    assert guilin_union.__version__.encode("utf-16-le") in raw


def test_spec_hidden_imports_cover_modules_loaded_by_name(spec):
    hidden = set(spec["HIDDEN_IMPORTS"])
    for name in (
        "guilin_union.cli.members",
        "guilin_union.services.demo.members",
        "guilin_union.ui.tabs.members_tab",
        "guilin_union.ui.forms.ui_member_dialog",
        "guilin_union.ui.selftest",
    ):
        assert name in hidden


def test_spec_data_files_include_resources_but_not_developer_files(spec):
    targets = {Path(src).relative_to(ROOT).as_posix(): dest for src, dest in spec["DATAS"]}
    assert targets["resources/icons/app.png"] == str(Path("resources/icons"))
    assert targets["resources/fonts/wqy-microhei.ttc"] == str(Path("resources/fonts"))
    assert "resources/fonts/LICENSE-Apache-2.0.txt" in targets
    assert not any("screenshots" in name or name.endswith(".py") for name in targets)


@pytest.mark.parametrize(
    "module",
    [
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "Qt3DCore",
        "QtMultimedia",
        "QtQuick",
        "QtQml",
        "QtCharts",
        "QtDesigner",
        "QtPdf",
    ],
)
def test_spec_excludes_big_qt_modules(spec, module):
    assert f"PySide6.{module}" in spec["EXCLUDES"]


def test_spec_keeps_the_qt_modules_the_program_imports(spec):
    used = set()
    for path in (ROOT / "guilin_union").rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "no Qt module found in the package?"
    assert not {f"PySide6.{m}" for m in used} & set(spec["EXCLUDES"]), (
        "the spec excludes a Qt module in use"
    )


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/qoffscreen.dll", True),  # the self-test needs it
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/imageformats/qico.dll", True),
        ("PySide6/Qt/plugins/imageformats/qjpeg.dll", True),
        ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt6Network.dll", True),
        ("PySide6/Qt/plugins/imageformats/qtiff.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
        ("PySide6/Qt/plugins/sqldrivers/qsqlite.dll", False),
        ("PySide6/Qt/plugins/qmltooling/qmldbg_debugger.dll", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt6Quick.dll", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", False),
        ("PySide6/Qt6Pdf.dll", False),
        ("PySide6/Qt6WebEngineCore.dll", False),
    ],
)
def test_spec_binary_filter(spec, dest, kept):
    assert spec["_keep_binary"](dest) is kept


def test_spec_keeps_only_chinese_qt_translations(spec):
    assert spec["_keep_data"]("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not spec["_keep_data"]("PySide6/Qt/translations/qtbase_de.qm")
    assert spec["_keep_data"]("resources/fonts/wqy-microhei.ttc")


def test_launcher_hands_over_to_the_app():
    text = (INSTALLER / "launcher.py").read_text(encoding="utf-8")
    assert "from guilin_union.app import main" in text and "main()" in text


# ----------------------------------------------------------------- Inno Setup script


def _iss_sections(text: str) -> dict[str, list[str]]:
    """``{section: [lines]}`` without comments and preprocessor lines (``#…``)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


@pytest.fixture(scope="module")
def iss() -> tuple[str, dict[str, list[str]], dict[str, str]]:
    raw = (INSTALLER / "guilin-union.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), (
        "the .iss must be UTF-8 with BOM or Inno Setup garbles the Chinese"
    )
    text = raw.decode("utf-8-sig")
    sections = _iss_sections(text)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    return text, sections, setup


def test_iss_installs_per_user_without_admin(iss):
    _text, _sections, setup = iss
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert setup["DefaultDirName"].startswith("{autopf}")  # per-user: %LOCALAPPDATA%\Programs


def test_iss_has_a_fixed_app_id_for_upgrades_and_the_version_in_the_file_name(iss):
    text, _sections, setup = iss
    assert re.fullmatch(
        r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"]
    )
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["OutputBaseFilename"] == "guilin-union-setup-{#AppVersion}"
    assert "{app}\\_internal" in text  # an upgrade replaces the old runtime files
    assert setup["CloseApplications"] == "yes"


def test_iss_shortcuts_are_named_in_chinese(iss):
    text, sections, _setup = iss
    assert f'#define AppName "{APP_NAME}"' in text
    icons = sections["Icons"]
    start_menu = [line for line in icons if line.startswith('Name: "{autoprograms}\\{#AppName}"')]
    desktop = [line for line in icons if line.startswith('Name: "{autodesktop}\\{#AppName}"')]
    assert start_menu and desktop
    assert "Tasks: desktopicon" in desktop[0]  # optional
    assert any(
        line.startswith('Name: "desktopicon"') and "unchecked" in line for line in sections["Tasks"]
    )
    assert all(
        "guilin-union.exe" in line or "{#AppExeName}" in line for line in start_menu + desktop
    )


def test_iss_chinese_language_with_english_fallback(iss):
    text, sections, _setup = iss
    assert "ChineseSimplified.isl" in text and "compiler:Default.isl" in text
    assert any("MessagesFile" in line for line in sections["Languages"])


def test_iss_uninstall_keeps_and_mentions_the_data(iss):
    text, sections, _setup = iss
    assert "UninstallDelete" not in sections
    assert "userappdata" not in "\n".join(
        sections.get("Files", []) + sections.get("InstallDelete", [])
    )
    confirm = next(line for line in sections["Messages"] if line.startswith("ConfirmUninstall="))
    assert "不会被删除" in confirm and "guilin-union" in confirm
    assert "usPostUninstall" in text and "{userappdata}\\guilin-union" in text


def test_iss_paths_exist(iss):
    _text, _sections, setup = iss
    assert (INSTALLER / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()


# ----------------------------------------------------------------- build scripts and README


def test_windows_build_script_does_every_step():
    raw = (INSTALLER / "build_windows.ps1").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), (
        "PowerShell 5.1 needs a BOM to read the Chinese messages"
    )
    text = raw.decode("utf-8-sig")
    head = text[:2500]
    assert "Prerequisites" in head and "Inno Setup" in head and "uv" in head
    body = text[text.index("[CmdletBinding()]") :]  # the code, after the help text
    order = [
        body.index(step)
        for step in (
            "uv sync --frozen",
            "pyinstaller --noconfirm",
            "--self-test",
            "guilin-union.iss",
        )
    ]
    assert order == sorted(order)
    assert "guilin_union.spec" in text and "$LASTEXITCODE" in text and "signtool" in text.lower()
    assert "guilin-union-setup-$Version.exe" in text


def test_linux_build_script_is_valid_bash_and_runs_the_self_test():
    script = INSTALLER / "build_linux.sh"
    assert script.stat().st_mode & 0o111, "build_linux.sh must be executable"
    text = script.read_text(encoding="utf-8")
    assert (
        "installer/guilin_union.spec" in text
        and "--self-test" in text
        and "set -euo pipefail" in text
    )
    bash = shutil.which("bash")
    if bash:
        subprocess.run([bash, "-n", str(script)], check=True)


def test_installer_readme_explains_build_signing_and_language():
    text = (INSTALLER / "README.md").read_text(encoding="utf-8")
    for needle in (
        "build_windows.ps1",
        "signtool",
        "ChineseSimplified.isl",
        "--self-test",
        "AppData",
    ):
        assert needle in text, needle
