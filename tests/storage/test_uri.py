"""The SQLite URI helper: Windows drive letters, mapped drives and UNC shares (as pure paths,
so the rules run on Linux), and every URI form that can exist here opens a database read-only.
"""

from __future__ import annotations

import pathlib
import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from guilin_union.storage.database import open_database
from guilin_union.storage.uri import absolute_path, connect_read_only, sqlite_uri


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            r"C:\Users\wang\AppData\Roaming\guilin-union\guilin-union.db",
            "file:///C:/Users/wang/AppData/Roaming/guilin-union/guilin-union.db",
        ),
        # A mapped drive stays a drive letter: never turned into \\server\share.
        (r"Z:\union\union.db", "file:///Z:/union/union.db"),
        (r"\\server\share\dir\x.db", "file:////server/share/dir/x.db"),
        (
            r"\\fileserver\工会\工会 数据\union.db",
            "file:////fileserver/%E5%B7%A5%E4%BC%9A/%E5%B7%A5%E4%BC%9A%20%E6%95%B0%E6%8D%AE/union.db",
        ),
        (r"C:\My Documents\工会\union.db", "file:///C:/My%20Documents/%E5%B7%A5%E4%BC%9A/union.db"),
        (r"D:\a#b\c?d\100%.db", "file:///D:/a%23b/c%3Fd/100%25.db"),
        ("C:/forward/slashes.db", "file:///C:/forward/slashes.db"),
        # Extended-length forms that GetFullPathName/GetFinalPathName can return.
        (r"\\?\C:\long\x.db", "file:///C:/long/x.db"),
        (r"\\?\UNC\server\share\x.db", "file:////server/share/x.db"),
    ],
)
def test_windows_paths(path, uri):
    assert sqlite_uri(PureWindowsPath(path), mode=None) == uri
    assert sqlite_uri(PureWindowsPath(path)) == uri + "?mode=ro"


@pytest.mark.parametrize("path", [r"C:\x.db", r"Z:\x.db", r"\\server\share\x.db"])
def test_never_an_authority(path):
    """``file://server/...`` is refused by SQLite ("invalid uri authority")."""
    uri = sqlite_uri(PureWindowsPath(path), mode=None)
    assert uri.startswith("file:///")
    assert "server" not in uri.split("/")[2]  # the authority is empty


def test_relative_windows_pure_path_is_refused_off_windows():
    with pytest.raises(ValueError):
        sqlite_uri(PureWindowsPath(r"data\union.db"))


def test_memory_database_has_no_uri():
    with pytest.raises(ValueError):
        sqlite_uri(":memory:")


def test_the_python_as_uri_shape_is_what_we_avoid():
    """Documents the fault: pathlib puts the server into the authority."""
    assert PureWindowsPath(r"\\server\share\x.db").as_uri() == "file://server/share/x.db"


def _make_db(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.execute("INSERT INTO t VALUES ('王𠀾')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "name",
    ["plain/union.db", "工会 数据/union.db", "odd ?#%&;=+ chars/a b?c#d%20.db", "末尾/成员.db"],
)
def test_each_uri_opens_read_only_here(tmp_path, name):
    db = tmp_path / name
    _make_db(db)
    uri = sqlite_uri(db)
    assert uri.startswith("file:///") and uri.endswith("?mode=ro")
    conn = sqlite3.connect(uri, uri=True)
    try:
        assert conn.execute("SELECT name FROM t").fetchone() == ("王𠀾",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO t VALUES ('x')")
    finally:
        conn.close()


def test_the_unc_shape_opens_here_too(tmp_path):
    """``file:////…`` (four slashes, as for a UNC share) reaches the file on POSIX as well."""
    db = tmp_path / "共享" / "x.db"
    _make_db(db)
    unc_like = PurePosixPath("/" + str(db))  # //tmp/... : POSIX keeps two leading slashes
    uri = sqlite_uri(unc_like, mode=None)
    assert uri.startswith("file:////")
    conn = sqlite3.connect(uri + "?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)
    finally:
        conn.close()


def test_missing_file_is_not_created(tmp_path):
    target = tmp_path / "nothing here.db"
    with pytest.raises(sqlite3.OperationalError):
        connect_read_only(target)
    assert not target.exists()


def test_relative_native_path_is_made_absolute_without_resolving_links(tmp_path, monkeypatch):
    real = tmp_path / "real"
    _make_db(real / "x.db")
    (tmp_path / "mapped").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert absolute_path("mapped/x.db") == str(tmp_path / "mapped" / "x.db")
    assert sqlite_uri("mapped/x.db", mode=None).endswith("/mapped/x.db")


def test_read_only_opens_never_call_resolve(tmp_path, monkeypatch):
    """``Path.resolve()`` turns a mapped drive into UNC on Windows: the read-only paths of the
    program must not use it."""
    from guilin_union.storage.backup import verify_backup

    db_path = tmp_path / "工会 数据" / "union.db"
    open_database(db_path).close()

    def no_resolve(self, strict=False):
        raise AssertionError(f"resolve() called on {self}")

    monkeypatch.setattr(pathlib.Path, "resolve", no_resolve)
    db = open_database(db_path, read_only=True)
    try:
        assert db.read_only
        assert db.execute("PRAGMA query_only").fetchone() is not None
    finally:
        db.close()
    assert verify_backup(db_path) == "ok"


def test_probe_read_only_counts_members_and_is_refused_a_write(tmp_path):
    """The self-test's probe (issue 19: its SQL lives here, not in ui/selftest.py)."""
    from guilin_union.storage.uri import probe_read_only

    path = tmp_path / "工会 数据" / "x.db"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO members VALUES (?)", [(1,), (2,)])
    conn.commit()
    conn.close()
    assert probe_read_only(path) == (2, True)
    conn = sqlite3.connect(path)
    assert "selftest_write" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
