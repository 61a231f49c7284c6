"""The Windows-only branches (process liveness and start time, drive type) run here on Linux
against a fake ``ctypes.windll``, with ``os.name``/``sys.platform`` patched to Windows."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import PureWindowsPath
from types import SimpleNamespace

import pytest

from guilin_union.storage import lock
from guilin_union.storage.location import _windows_drive_type, assess_location

STILL_ACTIVE = 259
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PARAMETER = 87


class FakeKernel32:
    """Processes by id: (exit code, creation FILETIME as a 64-bit number)."""

    def __init__(self) -> None:
        self.processes: dict[int, tuple[int, int]] = {}
        self.denied: set[int] = set()  # e.g. an elevated process of another user
        self.last_error = 0
        self.open_handles: set[int] = set()
        self.opened_with: list[int] = []
        self.drive_types: dict[str, int] = {}

    # processes
    def OpenProcess(self, access, inherit, pid):  # noqa: N802 (Win32 names)
        self.opened_with.append(access)
        if pid in self.denied:
            self.last_error = ERROR_ACCESS_DENIED
            return 0
        if pid not in self.processes:
            self.last_error = ERROR_INVALID_PARAMETER
            return 0
        handle = 0x100 + pid
        self.open_handles.add(handle)
        return handle

    def GetExitCodeProcess(self, handle, code_ref):  # noqa: N802
        code_ref._obj.value = self.processes[handle - 0x100][0]
        return 1

    def GetProcessTimes(self, handle, creation, exit_, kernel, user):  # noqa: N802
        value = self.processes[handle - 0x100][1]
        creation._obj.dwLowDateTime = value & 0xFFFFFFFF
        creation._obj.dwHighDateTime = value >> 32
        return 1

    def CloseHandle(self, handle):  # noqa: N802
        self.open_handles.discard(handle)
        return 1

    # drives
    def GetDriveTypeW(self, root):  # noqa: N802
        return self.drive_types.get(root, 3)  # DRIVE_FIXED


@pytest.fixture
def kernel32(monkeypatch):
    fake = FakeKernel32()
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=fake), raising=False)
    monkeypatch.setattr(ctypes, "GetLastError", lambda: fake.last_error, raising=False)
    monkeypatch.setenv("COMPUTERNAME", "OFFICE-PC")
    return fake


@pytest.fixture
def on_windows(monkeypatch, kernel32):
    """Only for calls that build no ``Path`` (pathlib would pick WindowsPath)."""
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setattr(sys, "platform", "win32")
    return kernel32


def test_pid_alive_through_the_win32_calls(on_windows):
    on_windows.processes = {100: (STILL_ACTIVE, 1), 200: (0, 2)}
    on_windows.denied = {300}
    alive = [lock.pid_alive(pid) for pid in (100, 200, 300, 400, 0)]
    assert alive == [True, False, True, False, False]
    assert on_windows.opened_with and set(on_windows.opened_with) == {0x1000}  # limited query
    assert on_windows.open_handles == set()  # every handle closed


def test_process_start_marker_is_the_creation_time(on_windows):
    on_windows.processes = {100: (STILL_ACTIVE, (0x01DB_4C3E << 32) | 0x1234_5678)}
    assert lock.process_start_marker(100) == str((0x01DB_4C3E << 32) | 0x1234_5678)
    assert lock.process_start_marker(999) is None
    on_windows.denied = {100}
    assert lock.process_start_marker(100) is None
    assert on_windows.open_handles == set()


def _info(pid: int, pid_start: str | None) -> lock.LockInfo:
    return lock.LockInfo("office-pc", "wang", pid, "", "", "t", pid_start=pid_start)


def test_same_computer_lock_judged_by_windows_process_facts(on_windows):
    creation = 133_000_000_000_000_000
    on_windows.processes = {100: (STILL_ACTIVE, creation), 200: (1, creation)}
    assert lock.is_stale(_info(200, str(creation)))  # exited
    assert lock.is_stale(_info(999, None))  # gone
    assert lock.is_stale(_info(100, str(creation - 1)))  # id reused by a later process
    assert not lock.is_stale(_info(100, str(creation)))  # the holder itself


def test_drive_type_through_getdrivetypew(kernel32):
    kernel32.drive_types = {"Z:\\": 4, "E:\\": 2}
    assert _windows_drive_type("Z:\\") == 4
    assert _windows_drive_type("C:\\") == 3


def test_drive_type_without_windll_is_unknown(monkeypatch):
    monkeypatch.delattr(ctypes, "windll", raising=False)
    assert _windows_drive_type("C:\\") is None


def test_assess_location_on_windows_uses_the_drive_type(on_windows):
    on_windows.drive_types = {"Z:\\": 4, "E:\\": 2}
    network = assess_location(PureWindowsPath(r"Z:\工会\union.db"), environ={})
    removable = assess_location(PureWindowsPath(r"E:\union.db"), environ={})
    local = assess_location(PureWindowsPath(r"C:\Users\wang\union.db"), environ={})
    unc = assess_location(PureWindowsPath(r"\\server\share\union.db"), environ={})
    assert (network.kind, removable.kind, local, unc.kind) == ("network", "removable", None, "unc")
    assert "Z:" in network.detail
