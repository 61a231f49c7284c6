"""The members' and intake's live vocabularies (core/) equal what the migrated database
accepts; the shipped migrations keep literal copies and never import a live list."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from guilin_union.core import intake as intake_vocab
from guilin_union.core import members as member_vocab
from guilin_union.core.members import MemberStatus
from tests.core.test_vocabularies import _check_values, migrated  # noqa: F401 — the fixture

SCHEMA = Path(__file__).resolve().parents[2] / "guilin_union" / "storage" / "schema"
STATUSES = tuple(s.value for s in MemberStatus)


@pytest.mark.parametrize(
    ("table", "column", "values"),
    [
        ("members", "status", STATUSES),
        ("intake_applications", "state", intake_vocab.APPLICATION_STATES),
        ("member_status_events", "from_status", STATUSES),
        ("member_status_events", "to_status", STATUSES),
        ("member_honours", "level", member_vocab.HONOUR_LEVELS),
    ],
)
def test_live_vocabulary_matches_the_database(migrated, table, column, values):  # noqa: F811
    assert _check_values(migrated, table, column) == tuple(values)


def test_the_check_parser_can_fail(migrated):  # noqa: F811
    assert _check_values(migrated, "member_status_events", "to_status") != ("在会",)


def test_services_use_the_live_lists():
    from guilin_union.services import intake
    from guilin_union.services.members import record

    assert intake.PENDING_STATES == ("待分工会审核", "待校工会批准")
    assert record.HONOUR_LEVELS is member_vocab.HONOUR_LEVELS
    defaults = record.settings.DEFAULTS
    assert tuple(defaults["member_employment_types"][0]) == member_vocab.EMPLOYMENT_TYPE_DEFAULTS
    assert tuple(defaults["member_skill_levels"][0]) == member_vocab.SKILL_LEVEL_DEFAULTS


@pytest.mark.parametrize("module", ["foundation.py", "intake.py", "member_record.py"])
def test_migrations_import_no_vocabulary(module):
    """A shipped migration keeps a literal copy: editing core/ must not edit a migration."""
    tree = ast.parse((SCHEMA / module).read_text(encoding="utf-8"))
    imported = [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    ]
    assert not [m for m in imported if m.startswith("guilin_union.core")]
