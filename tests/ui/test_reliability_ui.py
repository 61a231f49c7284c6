"""The GUI meets an empty (0-byte) database file beside its backups (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guilin_union.storage import open_database
from guilin_union.storage.backup import make_backup
from tests.safety_fixtures import fill
from tests.ui.helpers import ScriptedPrompts


@pytest.fixture
def emptied(tmp_path) -> tuple[Path, Path]:
    path = tmp_path / "gui.db"
    db = open_database(path)
    fill(db, 20)
    good = make_backup(db, reason="on-close")
    db.conn.close()
    path.write_bytes(b"")  # a sync client truncated it
    return path, good


def _open(db_path, prompts):
    from guilin_union.ui.application import ensure_application, open_context

    ensure_application()
    return open_context(db_path, prompts=prompts)


def test_declining_leaves_the_empty_file_untouched(qtbot, emptied):
    path, good = emptied
    prompts = ScriptedPrompts()
    prompts.confirms.append(False)
    ctx = _open(path, prompts)
    shown = "\n".join(str(m[2]) for m in prompts.messages)
    assert "0 字节" in shown and good.name in shown
    assert ctx is None or ctx.read_only
    assert path.stat().st_size == 0  # never rewritten to a fresh schema


def test_accepting_restores_the_newest_good_backup(qtbot, emptied):
    path, good = emptied
    prompts = ScriptedPrompts()
    prompts.confirms.append(True)
    ctx = _open(path, prompts)
    assert ctx is not None and not ctx.read_only
    assert ctx.db.execute("SELECT count(*) FROM members").fetchone()[0] == 20
    assert list(path.parent.glob("gui.damaged-*.db"))
    ctx.safety_session.release()
