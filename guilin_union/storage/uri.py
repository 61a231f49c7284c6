"""SQLite ``file:`` URIs for database paths — drive letters, mapped drives and UNC shares.

Read-only opens need a URI (``?mode=ro``). ``Path.resolve().as_uri()`` is wrong on Windows
twice over: ``resolve()`` turns a mapped drive ``Z:\\`` into ``\\\\server\\share`` (Python 3.11),
and ``as_uri()`` then writes ``file://server/share/...`` — an *authority*, which SQLite refuses
("invalid uri authority"). This module builds the URI itself:

- ``C:\\dir\\x.db``            → ``file:///C:/dir/x.db``
- ``\\\\server\\share\\x.db``  → ``file:////server/share/x.db`` (empty authority, the path
  keeps its two leading slashes, which Windows reads as a UNC path)
- ``/home/x/union.db``         → ``file:///home/x/union.db``

The path is made absolute without resolving links or drive mappings, and every character
SQLite's URI parser could misread (``?``, ``#``, ``%``, spaces) or that is not ASCII (Chinese
folder names, as UTF-8) is percent-encoded.

>>> from pathlib import PureWindowsPath
>>> sqlite_uri(PureWindowsPath(r"Z:\\工会 数据\\union.db"))
'file:///Z:/%E5%B7%A5%E4%BC%9A%20%E6%95%B0%E6%8D%AE/union.db?mode=ro'
>>> sqlite_uri(PureWindowsPath(r"\\\\server\\share\\dir\\x.db"), mode=None)
'file:////server/share/dir/x.db'
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import quote

__all__ = ["absolute_path", "connect_read_only", "probe_read_only", "sqlite_uri"]


def _windows_flavour(path: str | os.PathLike[str]) -> bool:
    if isinstance(path, PureWindowsPath):
        return True
    if isinstance(path, PurePosixPath):
        return False
    return os.name == "nt"


def absolute_path(path: str | os.PathLike[str]) -> str:
    """The absolute path as text, *without* ``resolve()``: links and mapped drives stay.

    A pure Windows path given on another system must already be absolute.
    """
    text = os.fspath(path)
    if isinstance(path, PurePath) and not isinstance(path, type(PurePath())):
        # A foreign pure path (PureWindowsPath on Linux, in tests): cannot join the cwd.
        if not path.is_absolute():
            raise ValueError(f"不是绝对路径：{text}")
        return text
    return os.path.abspath(text)


def _windows_uri_path(text: str) -> str:
    text = text.replace("/", "\\")
    upper = text.upper()
    if upper.startswith("\\\\?\\UNC\\"):  # extended-length UNC: \\?\UNC\server\share
        text = "\\\\" + text[8:]
    elif upper.startswith(("\\\\?\\", "\\\\.\\")):  # extended-length drive: \\?\C:\
        text = text[4:]
    win = PureWindowsPath(text)
    if not win.is_absolute():
        raise ValueError(f"不是绝对路径：{text}")
    drive = win.drive
    rest = text[len(drive) :].replace("\\", "/")
    if len(drive) == 2 and drive[1] == ":":
        return "/" + drive + rest  # /C:/dir/x.db (SQLite drops the slash before C:)
    return drive.replace("\\", "/") + rest  # //server/share/dir/x.db


def sqlite_uri(path: str | os.PathLike[str], *, mode: str | None = "ro") -> str:
    """The ``file:`` URI that opens ``path`` (with ``?mode=…`` unless ``mode`` is None).

    ``path`` may be a native path (``str``/``Path``) or, for tests on any system, a
    ``PureWindowsPath``/``PurePosixPath``.
    """
    text = os.fspath(path)
    if not text or text == ":memory:":
        raise ValueError("内存数据库没有文件路径")
    if _windows_flavour(path):
        uri_path = _windows_uri_path(absolute_path(path))
        # The drive colon is the only ':' a Windows path can hold; keep it readable.
        encoded = quote(uri_path, safe="/:")
    else:
        uri_path = absolute_path(path)
        encoded = quote(uri_path, safe="/")
    uri = "file://" + encoded  # encoded starts with '/': empty authority
    return uri if mode is None else f"{uri}?mode={mode}"


def connect_read_only(
    path: str | os.PathLike[str], *, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A read-only sqlite3 connection to the database file at ``path`` (never creates it)."""
    return sqlite3.connect(sqlite_uri(path), uri=True, check_same_thread=check_same_thread)


def probe_read_only(path: str | os.PathLike[str]) -> tuple[int, bool]:
    """Open ``path`` read-only through its URI, count the members and try a write (the
    self-test's check): ``(members, write_refused)``."""
    conn = connect_read_only(path)
    try:
        members = int(conn.execute("SELECT count(*) FROM members").fetchone()[0])
        try:
            conn.execute("CREATE TABLE selftest_write (x)")
        except sqlite3.OperationalError:
            return members, True
        return members, False
    finally:
        conn.close()
