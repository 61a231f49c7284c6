"""The work-points and activities vocabularies (core/) equal what the migrated database
accepts; the shipped migrations keep frozen literal copies and never import a live list."""

from __future__ import annotations

import pytest

from guilin_union.core import activities as act
from guilin_union.core import workpoints as wpv
from guilin_union.storage import open_database
from guilin_union.storage.schema import activities as act_schema
from guilin_union.storage.schema import workpoints as wp_schema
from tests.vocab_check import PACKAGE, check_values, files_importing_schema, imported_modules


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("vocab") / "union.db")
    yield db
    db.conn.close()


# (table, column, the migration's frozen copy, the live list in core)
CHECKS = [
    ("workpoint_plans", "kind", wp_schema._PLAN_KINDS, wpv.PLAN_KINDS),
    ("workpoint_items", "status", wp_schema._ITEM_STATUSES, wpv.ITEM_STATUSES),
    ("workpoint_items", "style", wp_schema._NODE_STYLES, wpv.NODE_STYLES),
    ("workpoint_record_links", "target_kind", wp_schema._RECORD_KINDS, wpv.RECORD_KINDS),
    ("activities", "organiser_kind", act_schema._ORGANISER_KINDS, act.ORGANISER_KINDS),
    ("activities", "status", act_schema._ACTIVITY_STATUSES, act.ACTIVITY_STATUSES),
    ("activity_participants", "status", act_schema._PARTICIPANT_STATUSES, act.PARTICIPANT_STATUSES),
    ("activity_events", "kind", act_schema._EVENT_KINDS, act.EVENT_KINDS),
    ("activity_budget_lines", "kind", act_schema._BUDGET_KINDS, act.BUDGET_KINDS),
]


@pytest.mark.parametrize(("table", "column", "frozen", "live"), CHECKS)
def test_frozen_copy_is_the_check_list_and_the_live_list_includes_it(
    migrated, table, column, frozen, live
):
    assert check_values(migrated, table, column) == tuple(frozen)
    assert set(frozen) <= set(live)
    # Until a new migration changes the constraint, the live list is the same.
    assert tuple(live) == tuple(frozen)


def test_the_check_parser_can_fail(migrated):
    assert check_values(migrated, "workpoint_items", "status") != ("未开始",)


def test_derived_lists_stay_inside_the_vocabulary():
    assert set(act.OCCUPYING) < set(act.PARTICIPANT_STATUSES)
    assert {act.WAITING, act.CANCELLED} < set(act.PARTICIPANT_STATUSES)
    assert set(wpv.FINISHED) < set(wpv.ITEM_STATUSES)
    assert set(wpv.KIND_LABELS) == set(wpv.PLAN_KINDS)
    assert set(wpv.RECORD_KIND_LABELS) == set(wpv.RECORD_KINDS)


def test_services_use_the_live_lists():
    from guilin_union.services import workpoints
    from guilin_union.services.activities import registration
    from guilin_union.services.workpoints import links

    assert workpoints.STATUSES is wpv.ITEM_STATUSES
    assert links.RECORD_KINDS is wpv.RECORD_KINDS
    assert registration.OCCUPYING is act.OCCUPYING


@pytest.mark.parametrize("module", ["workpoints.py", "activities.py"])
def test_the_migration_keeps_a_literal_copy(module):
    modules = imported_modules(PACKAGE / "storage" / "schema" / module)
    assert modules and not [m for m in modules if m.startswith("guilin_union.core")]


@pytest.mark.parametrize(
    "where",
    [
        "ui/workpoints",
        "ui/activities",
        "ui/tabs/workpoints_tab.py",
        "ui/tabs/activities_tab.py",
        "services/workpoints",
        "services/activities",
        "cli/workpoints.py",
        "cli/activities.py",
    ],
)
def test_no_vocabulary_comes_from_a_migration(where):
    assert files_importing_schema(where) == []
