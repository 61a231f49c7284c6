"""The congress, proposals and welfare vocabularies (core/) equal what the migrated database
accepts; the shipped migrations keep frozen literal copies and never import a live list."""

from __future__ import annotations

from pathlib import Path

import pytest

from guilin_union.core import congress as congress_vocab
from guilin_union.core import proposals as proposal_vocab
from guilin_union.core import welfare as welfare_vocab
from guilin_union.core import welfare_cases
from guilin_union.storage.schema import congress as congress_schema
from guilin_union.storage.schema import proposals as proposal_schema
from guilin_union.storage.schema import welfare as welfare_schema
from tests.core.test_vocabularies import (  # noqa: F401 — the fixture
    _check_values,
    core_imports,
    migrated,
)

SCHEMA = Path(__file__).resolve().parents[2] / "guilin_union" / "storage" / "schema"


# (table, column, the migration's frozen copy, the live list in core)
CHECKS = [
    (
        "congress_sessions",
        "status",
        congress_schema._SESSION_STATUSES,
        congress_vocab.SESSION_STATUSES,
    ),
    (
        "congress_delegates",
        "delegate_type",
        congress_schema._DELEGATE_TYPES,
        congress_vocab.DELEGATE_TYPES,
    ),
    (
        "congress_attendance",
        "status",
        congress_schema._ATTENDANCE_STATUSES,
        congress_vocab.ATTENDANCE_STATUSES,
    ),
    ("congress_agenda_items", "part", congress_schema._AGENDA_PARTS, congress_vocab.AGENDA_PARTS),
    ("congress_motions", "kind", congress_schema._MOTION_KINDS, congress_vocab.MOTION_KINDS),
    (
        "congress_sittings",
        "kind",
        ("预备会议", "正式会议", "主席团会议", "分组讨论"),
        congress_vocab.SITTING_KINDS,
    ),
    ("congress_sittings", "half_day", ("全天", "上午", "下午", "晚上"), congress_vocab.HALF_DAYS),
    (
        "congress_sitting_attendance",
        "status",
        ("已签到", "请假", "缺席"),
        congress_vocab.SIGNIN_STATES,
    ),
    ("proposals", "kind", proposal_schema._PROPOSAL_KINDS, proposal_vocab.PROPOSAL_KINDS),
    ("proposals", "status", proposal_schema._PROPOSAL_STATUSES, proposal_vocab.PROPOSAL_STATUSES),
    ("proposals", "review_result", proposal_schema._REVIEW_RESULTS, proposal_vocab.REVIEW_RESULTS),
    ("proposals", "review_level", proposal_schema._REVIEW_LEVELS, proposal_vocab.REVIEW_LEVELS),
    ("proposal_people", "role", proposal_schema._PEOPLE_ROLES, proposal_vocab.PEOPLE_ROLES),
    ("proposal_rounds", "outcome", proposal_schema._OUTCOMES, proposal_vocab.OUTCOMES),
    ("proposal_rounds", "rating", proposal_schema._RATINGS, proposal_vocab.RATINGS),
    ("welfare_standards", "form", welfare_schema._STANDARD_FORMS, welfare_vocab.STANDARD_FORMS),
    ("welfare_standards", "rule_kind", welfare_schema._RULE_KINDS, welfare_vocab.RULE_KINDS),
    ("welfare_standards", "payer", welfare_schema._PAYERS, welfare_vocab.PAYERS),
    ("welfare_standards", "frequency_key", ("会员", "亲属", "病因"), welfare_cases.FREQUENCY_KEYS),
    ("welfare_batches", "form", welfare_schema._FORMS, welfare_vocab.FORMS),
    ("welfare_batches", "state", welfare_schema._BATCH_STATES, welfare_vocab.BATCH_STATES),
    ("welfare_payments", "form", welfare_schema._FORMS, welfare_vocab.FORMS),
    ("welfare_payments", "state", welfare_schema._PAYMENT_STATES, welfare_vocab.PAYMENT_STATES),
    ("welfare_payments", "pay_method", ("现金", "银行转账", "实物"), welfare_cases.PAY_METHODS),
]


@pytest.mark.parametrize(("table", "column", "frozen", "live"), CHECKS)
def test_migration_copy_matches_the_database_and_core(
    migrated,  # noqa: F811
    table,
    column,
    frozen,
    live,
):
    """The CHECK list is the migration's frozen copy; the live list accepts all of it (and
    is, until a new migration changes the constraint, the same)."""
    assert _check_values(migrated, table, column) == tuple(frozen)
    assert set(frozen) <= set(live)
    assert tuple(live) == tuple(frozen)


def test_the_check_parser_can_fail(migrated):  # noqa: F811
    assert _check_values(migrated, "welfare_payments", "state") != ("申请",)


def test_services_and_ui_use_the_live_lists():
    from guilin_union.services import congress, proposals
    from guilin_union.services.welfare import config

    assert congress.DELEGATE_TYPES is congress_vocab.DELEGATE_TYPES
    assert proposals.PROPOSAL_STATUSES is proposal_vocab.PROPOSAL_STATUSES
    assert config.PAYMENT_STATES is welfare_vocab.PAYMENT_STATES


@pytest.mark.parametrize("module", ["congress.py", "proposals.py", "welfare.py", "money.py"])
def test_migrations_import_no_vocabulary(module):
    """A shipped migration keeps a literal copy: editing core/ must not edit a migration."""
    assert core_imports(SCHEMA / module) == []


@pytest.mark.parametrize(
    "package",
    [
        "ui/congress",
        "ui/welfare",
        "ui/money",
        "services/congress",
        "services/proposals",
        "services/welfare",
        "services/money",
    ],
)
def test_no_vocabulary_is_imported_from_a_migration(package):
    root = SCHEMA.parents[1] / package
    for path in root.rglob("*.py"):
        assert "storage.schema" not in path.read_text(encoding="utf-8"), path
