"""CLI output into a pipe decodes as UTF-8 whatever the code page says (issue 14).

A Chinese Windows PC writes pipes in cp936 (GBK), which has no 𠀾 (U+2003E); a per-write
fallback then mixed GBK and UTF-8 in one stream. ``PYTHONIOENCODING=cp936`` reproduces that
on Linux.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from guilin_union.cli.console import configure_output_streams
from guilin_union.services import members
from guilin_union.services.members import branches
from guilin_union.storage import open_database

RARE_NAME = "王𠀾"  # 𠀾 is in CJK Extension B: not in GBK
COMMON_NAME = "李明"  # in GBK: before the fix this line came out in GBK, the other in UTF-8


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory):
    path = tmp_path_factory.mktemp("encoding") / "工会.db"
    db = open_database(path)
    branches.add_branch(db, "机关分工会")
    for name in (COMMON_NAME, RARE_NAME):
        members.add_member(db, {"name": name, "branch": "机关分工会", "join_date": "2000-01-01"})
    db.conn.close()
    return path


def _run(*args: str, encoding: str = "cp936") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "guilin_union", *args], capture_output=True, env=env, timeout=120
    )


def test_json_into_a_cp936_pipe_is_utf8(dbfile):
    result = _run("--db", str(dbfile), "members", "list", "--json")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(result.stdout.decode("utf-8"))  # strict: a GBK byte would fail here
    assert {row["name"] for row in data} == {RARE_NAME, COMMON_NAME}
    # Only GBK-encodable names: this is what came out in GBK before.
    result = _run("--db", str(dbfile), "members", "list", "--search", "李", "--json")
    assert [row["name"] for row in json.loads(result.stdout.decode("utf-8"))] == [COMMON_NAME]


@pytest.mark.parametrize("encoding", ["cp936", "gbk", "ascii"])
def test_plain_text_and_errors_are_utf8_too(dbfile, encoding):
    result = _run("--db", str(dbfile), "members", "list", encoding=encoding)
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    assert RARE_NAME in text and COMMON_NAME in text
    failed = _run("--db", str(dbfile), "members", "list", "--branch", "𠀾分工会", encoding=encoding)
    assert failed.returncode == 1
    assert "错误" in failed.stderr.decode("utf-8") and "𠀾分工会" in failed.stderr.decode("utf-8")


def _wrapper(encoding: str, tty: bool) -> io.TextIOWrapper:
    class Raw(io.BytesIO):
        def isatty(self) -> bool:
            return tty

    return io.TextIOWrapper(Raw(), encoding=encoding)


def test_a_console_keeps_its_encoding_but_never_raises(monkeypatch):
    console = _wrapper("cp936", tty=True)
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", _wrapper("cp936", tty=True))
    configure_output_streams()
    assert console.encoding == "cp936"
    console.write(RARE_NAME + "\n")
    console.flush()
    assert console.buffer.getvalue() == "王".encode("gbk") + b"\\U0002003e\n"


def test_a_pipe_is_switched_once_to_utf8(monkeypatch):
    pipe = _wrapper("cp936", tty=False)
    monkeypatch.setattr(sys, "stdout", pipe)
    monkeypatch.setattr(sys, "stderr", None)  # the windowed exe has no stderr: left alone
    configure_output_streams()
    pipe.write(COMMON_NAME + RARE_NAME)
    pipe.flush()
    assert pipe.buffer.getvalue().decode("utf-8") == COMMON_NAME + RARE_NAME
