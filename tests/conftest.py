"""Test set-up: offscreen Qt, isolated settings, temporary databases."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Must be set before Qt is imported anywhere.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["GUILIN_UNION_NO_OPEN"] = "1"
_CONFIG = Path(tempfile.mkdtemp(prefix="guilin-union-test-config-"))
os.environ["XDG_CONFIG_HOME"] = str(_CONFIG)
os.environ["XDG_DATA_HOME"] = str(_CONFIG / "data")
os.environ.pop("GUILIN_UNION_DB", None)

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def db(tmp_path):
    """An empty, migrated database in a temporary file."""
    from guilin_union.storage import open_database

    database = open_database(tmp_path / "union.db")
    yield database
    database.conn.close()


@pytest.fixture
def branch_db(db):
    """Three branches, no members."""
    from guilin_union.services.members import branches

    for name in ("文学院分工会", "机关分工会", "信息工程学院分工会"):
        branches.add_branch(db, name)
    return db


@pytest.fixture
def sample_ids():
    """Valid (fictitious) resident ID numbers: a man born 1990-03-07 and a woman born 1985-12-31."""
    import datetime as dt

    from guilin_union.core.ids import make_resident_id

    return {
        "man": make_resident_id("450302", dt.date(1990, 3, 7), 12, "男"),
        "woman": make_resident_id("450103", dt.date(1985, 12, 31), 34, "女"),
        "other": make_resident_id("430102", dt.date(1978, 6, 15), 56, "男"),
    }


@pytest.fixture
def demo_db(tmp_path):
    """A database filled by the demo generator (the same data a newcomer sees)."""
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    database = open_database(tmp_path / "demo.db")
    populate_demo(database, seed=7)
    yield database
    database.conn.close()
