"""Every write of the work-points area returns an inverse: undo restores the rows exactly,
redo restores them as the write left them (same ids)."""

from __future__ import annotations

import pytest

from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import links
from guilin_union.services.workpoints import rollover as ro
from tests.undo_check import check_inverse
from tests.workpoints_fixtures import item_ids, save_school, save_upper

AREA = "workpoint"  # check_inverse compares every table whose name starts so


@pytest.fixture
def school(db):
    plan = save_school(db)
    return plan, item_ids(db, plan)


def test_item_edits_and_bulk_status(db, school):
    plan, ids = school
    check_inverse(
        db,
        AREA,
        lambda: wp.update_item(
            db, ids["十一"], {"owner": "李静", "status": "进行中", "responsible_units": ["党办"]}
        ),
    )
    check_inverse(db, AREA, lambda: wp.set_status(db, [ids["十"], ids["十一"]], "已完成"))
    check_inverse(db, AREA, lambda: wp.update_plan(db, plan, {"title": "新标题"}))


def test_notes(db, school):
    _plan, ids = school
    # The first note also moves the item to 进行中: undo takes both back.
    added = check_inverse(
        db,
        AREA,
        lambda: wp.add_note(
            db, ids["十"], note_date="2024-03-01", text="召开筹备会", set_status="进行中"
        ),
    )
    check_inverse(
        db,
        AREA,
        lambda: wp.update_note(db, added.row_id, note_date="2024-03-02", text="改为3月2日"),
    )
    check_inverse(db, AREA, lambda: wp.delete_note(db, added.row_id))


def test_evidence(db, school, tmp_path):
    _plan, ids = school
    scan = tmp_path / "会议纪要.pdf"
    scan.write_bytes(b"%PDF-1.4")
    added = check_inverse(db, AREA, lambda: wp.add_evidence(db, ids["十"], scan))
    check_inverse(db, AREA, lambda: wp.remove_evidence(db, added.row_id))


def test_links(db, school):
    _plan, ids = school
    upper = item_ids(db, save_upper(db))
    upper_id = next(i for key, i in upper.items() if not key.startswith("§"))
    check_inverse(db, AREA, lambda: links.link_upper(db, ids["十"], upper_id))
    check_inverse(db, AREA, lambda: links.unlink_upper(db, ids["十"], upper_id))
    activity = db.execute(
        "INSERT INTO activities (name, type, start_date, created_at, updated_at)"
        " VALUES ('运动会', '文体活动', '2024-11-02', '2024-01-01', '2024-01-01')"
    ).lastrowid
    linked = check_inverse(db, AREA, lambda: links.link_record(db, ids["十"], "activity", activity))
    check_inverse(db, AREA, lambda: links.unlink_record(db, linked.row_id))


def test_carry_over_into_a_new_plan_and_into_an_existing_one(db, school):
    plan, ids = school
    check_inverse(db, AREA, lambda: ro.carry_over(db, plan, item_ids=[ids["十"]]))
    # The second time the 2025 plan and its section exist: items move down to make room.
    check_inverse(db, AREA, lambda: ro.carry_over(db, plan, item_ids=[ids["十一"]]))


def test_delete_plan_with_everything_under_it_and_items_carried_from_it(db, school, tmp_path):
    plan, ids = school
    wp.add_note(db, ids["十"], note_date="2024-03-01", text="召开筹备会")
    scan = tmp_path / "纪要.pdf"
    scan.write_bytes(b"%PDF-1.4")
    wp.add_evidence(db, ids["十"], scan)
    upper = item_ids(db, save_upper(db))
    links.link_upper(db, ids["十"], next(i for k, i in upper.items() if not k.startswith("§")))
    ro.carry_over(db, plan, item_ids=[ids["十一"]])  # the 2025 item points back to 十一
    check_inverse(db, AREA, lambda: wp.delete_plan(db, plan))
    # and the upper plan, whose items the school item answers
    upper_plan = wp.get_item(db, next(iter(upper.values())))["plan_id"]
    check_inverse(db, AREA, lambda: wp.delete_plan(db, upper_plan))
