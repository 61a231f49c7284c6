"""Live vocabularies (core/) must equal what the migrated database accepts.

A shipped migration keeps a copy of the values it was written with; when a list in core/
changes, a new migration must change the CHECK constraint too, or this test fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from guilin_union.core import activities as activity_vocab
from guilin_union.core.members import MemberStatus
from guilin_union.storage import open_database


def _check_values(db, table: str, column: str) -> tuple[str, ...]:
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    nullable = rf"(?:{column}\s+IS\s+NULL\s+OR\s+)?"  # CHECK (x IS NULL OR x IN (...))
    match = re.search(rf"CHECK\s*\(\s*{nullable}{column}\s+IN\s*\(([^)]*)\)\s*\)", sql)
    assert match, f"no CHECK constraint on {table}.{column}"
    return tuple(re.findall(r"'([^']*)'", match.group(1)))


def core_imports(migration: Path) -> list[str]:
    """The ``guilin_union.core`` modules a schema module imports (a shipped migration keeps
    literal copies of its values, so this should be empty)."""
    tree = ast.parse(migration.read_text(encoding="utf-8"))
    return [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module is not None
        and node.module.startswith("guilin_union.core")
    ]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("vocab") / "union.db")
    yield db
    db.conn.close()


@pytest.mark.parametrize(
    ("table", "column", "values"),
    [
        ("activities", "organiser_kind", activity_vocab.ORGANISER_KINDS),
        ("activities", "status", activity_vocab.ACTIVITY_STATUSES),
        ("activity_participants", "status", activity_vocab.PARTICIPANT_STATUSES),
        ("activity_events", "kind", activity_vocab.EVENT_KINDS),
        ("activity_budget_lines", "kind", activity_vocab.BUDGET_KINDS),
        ("members", "status", tuple(s.value for s in MemberStatus)),
    ],
)
def test_live_vocabulary_matches_the_database(migrated, table, column, values):
    assert _check_values(migrated, table, column) == tuple(values)


def test_the_check_parser_can_fail(migrated):
    assert _check_values(migrated, "activities", "status") != ("筹备中",)
