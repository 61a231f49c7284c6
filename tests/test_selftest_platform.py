"""The self-test's platform lines (issue 14): each passes on a healthy program and each can fail."""

from __future__ import annotations

import json

import pytest

from guilin_union.storage import open_database
from guilin_union.storage.lock import lock_path_for
from guilin_union.ui.selftest import SelfTest

PLATFORM_LINES = (
    "Qt 平台插件",
    "界面样式",
    "Qt 中文翻译",
    "PDF 字体",
    "Excel 读取",
    "进程检测",
    "数据库锁",
    "只读打开（URI）",
    "单实例通道",
)


@pytest.fixture
def test_run(qapp, tmp_path) -> SelfTest:
    run = SelfTest(tmp_path / "工作 文件夹", out=lambda line: None)
    run.workdir.mkdir()
    open_database(run.db_path).conn.close()
    return run


def _by_name(run: SelfTest) -> dict:
    return {r.name: r for r in run.results}


def test_every_platform_line_passes(test_run):
    test_run.check_platform()
    results = _by_name(test_run)
    assert tuple(results) == PLATFORM_LINES
    assert all(r.ok for r in results.values()), [r.line() for r in results.values()]
    assert "fusion" in results["界面样式"].detail.lower()
    assert "取消" in results["Qt 中文翻译"].detail
    assert results["只读打开（URI）"].detail.startswith("file:///")
    assert "%20" in results["只读打开（URI）"].detail  # the space in the folder name, encoded
    assert not lock_path_for(test_run.db_path).exists()


def test_missing_translation_fails(test_run, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(lambda ctx, text: text))
    result = test_run.check("Qt 中文翻译", test_run._qt_translation)
    assert not result.ok and "Cancel" in result.detail


def test_wrong_style_fails(test_run, qapp, monkeypatch):
    import guilin_union.ui.theme as theme

    monkeypatch.setattr(theme, "apply_light_theme", lambda app, **_: None)  # e.g. Fusion missing
    qapp.setStyle("Windows")
    try:
        result = test_run.check("界面样式", test_run._qt_style)
    finally:
        qapp.setStyle("Fusion")
    assert not result.ok and "Fusion" in result.detail


def test_lock_held_by_another_pc_fails(test_run):
    lock_path_for(test_run.db_path).write_text(
        json.dumps({"computer": "OTHER-PC", "user": "li", "pid": 1, "token": "x"}),
        encoding="utf-8",
    )
    result = test_run.check("数据库锁", test_run._lock_round)
    assert not result.ok and "OTHER-PC" in result.detail


def test_read_only_open_of_a_missing_file_fails(test_run):
    test_run.db_path.unlink()
    result = test_run.check("只读打开（URI）", test_run._read_only_uri)
    assert not result.ok
    assert not test_run.db_path.exists()  # a read-only open never creates the file


def test_single_instance_channel_that_cannot_listen_fails(test_run, monkeypatch):
    from guilin_union.ui.safety import single_instance

    monkeypatch.setattr(single_instance.InstanceServer, "start", lambda self: False)
    result = test_run.check("单实例通道", test_run._single_instance_round_trip)
    assert not result.ok and "无法" in result.detail


def test_process_check_fails_when_this_process_looks_dead(test_run, monkeypatch):
    import guilin_union.storage.lock as lock

    monkeypatch.setattr(lock, "pid_alive", lambda pid: False)
    result = test_run.check("进程检测", test_run._process_facts)
    assert not result.ok and "已退出" in result.detail


def test_windowed_self_test_writes_to_the_parent_console(monkeypatch, tmp_path):
    """Windows branch (faked): no stdout, AttachConsole(ATTACH_PARENT_PROCESS) → CONOUT$."""
    import ctypes
    import sys
    from types import SimpleNamespace

    from guilin_union.ui import selftest

    calls: list[int] = []
    answer = {"attach": 0}

    def attach(pid):
        calls.append(pid)
        return answer["attach"]

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(
        ctypes,
        "windll",
        SimpleNamespace(kernel32=SimpleNamespace(AttachConsole=attach)),
        raising=False,
    )
    monkeypatch.chdir(tmp_path)  # "CONOUT$" is an ordinary file name here
    assert selftest._console_stream() is None  # started from Explorer: no console
    answer["attach"] = 1
    stream = selftest._console_stream()
    try:
        assert stream is not None and stream.name == "CONOUT$" and stream.encoding == "utf-8"
    finally:
        stream.close()
    assert calls == [-1, -1]


def test_excel_reader_line_names_the_loader_and_fails_on_a_broken_reader(test_run, monkeypatch):
    from guilin_union.spreadsheets import fast_load

    monkeypatch.setattr(fast_load, "_fast_ok", None)
    assert test_run.check("Excel 读取", test_run._excel_reader).detail.startswith("快速方式")
    monkeypatch.setattr(fast_load, "_fast_ok", False)  # openpyxl's internals changed
    assert "标准方式" in test_run.check("Excel 读取", test_run._excel_reader).detail
    monkeypatch.setattr(fast_load, "_probe_book", lambda: b"not a workbook")
    assert not test_run.check("Excel 读取", test_run._excel_reader).ok
