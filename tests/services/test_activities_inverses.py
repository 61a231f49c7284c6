"""活动: each write returns an inverse; undo gives back the rows exactly, redo the rows
the write left (same ids)."""

from __future__ import annotations

import pytest

from guilin_union.services import activities as svc
from guilin_union.services.activities import budget, registration, results
from tests import activities_fixtures as fx
from tests.undo_check import check_inverse

AREA = "activit"  # check_inverse compares every table whose name starts so


@pytest.fixture
def people(db):
    return fx.setup(db)


@pytest.fixture
def activity(db, people):
    a = fx.make_activity(db, places=2, events=["100米", "跳远"])
    registration.register_members(db, a, [people["张伟"], people["李娜"], people["王强"]])
    return a


def test_new_activity_undo_deletes_it_and_redo_brings_the_same_id(db, people):
    # check_inverse compares whole rows, ids included: redo brings back the same id.
    result = check_inverse(db, AREA, lambda: svc.save_activity(db, _data("元旦长跑")))
    assert svc.get_activity_row(db, result.row_id)["name"] == "元旦长跑"


def _data(name, **fields):
    return {
        "name": name,
        "type": "文体活动",
        "start_date": "2024-12-30",
        "end_date": "2024-12-30",
        "events": ["男子组", "女子组"],
        **fields,
    }


def test_edit_of_an_activity_with_more_places_and_events(db, activity):
    # More places move 王强 up from the waiting list; a new event is added: undo takes both back.
    data = {**svc.get_activity_row(db, activity), "places": 5, "events": ["100米", "跳远", "铅球"]}
    data.pop("id")
    check_inverse(db, AREA, lambda: svc.save_activity(db, data, activity))


def test_status_and_summary(db, activity):
    check_inverse(db, AREA, lambda: svc.set_status(db, activity, "进行中"))
    check_inverse(db, AREA, lambda: svc.set_summary(db, activity, "圆满完成"))


def test_delete_activity_with_everything_under_it(db, activity, people):
    budget.add_line(db, activity, kind="预算", category="奖品", amount="300")
    events = fx.event_ids(db, activity)
    p = fx.participant_id(db, activity, people["张伟"])
    results.record_result(db, activity, events["100米"], participant_id=p, rank=1)
    check_inverse(db, AREA, lambda: svc.delete_activity(db, activity))


def test_attachments(db, activity, tmp_path):
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"jpeg")
    added = check_inverse(db, AREA, lambda: svc.add_attachment(db, activity, photo))
    check_inverse(db, AREA, lambda: svc.remove_attachment(db, added.row_id))


def test_budget_lines(db, activity):
    added = check_inverse(
        db,
        AREA,
        lambda: budget.add_line(db, activity, kind="支出", category="奖品", amount="120"),
    )
    check_inverse(db, AREA, lambda: budget.update_line(db, added.row_id, {"amount": "99.5"}))
    check_inverse(db, AREA, lambda: budget.delete_line(db, added.row_id))


def test_registration_and_its_changes(db, activity, people):
    check_inverse(
        db,
        AREA,
        lambda: registration.register_members(
            db,
            activity,
            [people["刘芳"], people["陈杰"]],
            event_ids=[fx.event_ids(db, activity)["跳远"]],
        ),
    )
    zhang = fx.participant_id(db, activity, people["张伟"])
    # Cancelling 张伟 lets 王强 move up from the waiting list: undo puts both back.
    check_inverse(db, AREA, lambda: registration.cancel_registrations(db, [zhang]))
    li = fx.participant_id(db, activity, people["李娜"])
    check_inverse(db, AREA, lambda: registration.mark_attendance(db, [li]))
    check_inverse(
        db,
        AREA,
        lambda: registration.edit_participant(
            db, li, notes="领队", event_ids=[fx.event_ids(db, activity)["100米"]], status="已取消"
        ),
    )
    check_inverse(db, AREA, lambda: registration.remove_participants(db, [zhang]))


def test_renewed_cancelled_registration_is_undone_to_cancelled(db, activity, people):
    zhang = fx.participant_id(db, activity, people["张伟"])
    registration.cancel_registrations(db, [zhang])
    result = registration.register_members(db, activity, [people["张伟"]])
    assert fx.statuses(db, activity)["张伟"] == "候补"
    result.inverse(db)
    assert fx.statuses(db, activity)["张伟"] == "已取消"
    check_inverse(db, AREA, lambda: registration.register_members(db, activity, [people["张伟"]]))


def test_results_with_their_side_effects(db, activity, people):
    events = fx.event_ids(db, activity)
    li = fx.participant_id(db, activity, people["李娜"])
    # 李娜 was not entered in 跳远 and not marked attended: the result does both, undo neither.
    recorded = check_inverse(
        db,
        AREA,
        lambda: results.record_result(db, activity, events["跳远"], participant_id=li, rank=2),
    )
    rid = recorded.row_id
    check_inverse(
        db,
        AREA,
        lambda: results.record_result(
            db, activity, events["跳远"], participant_id=li, rank=1, result_id=rid
        ),
    )
    check_inverse(db, AREA, lambda: results.delete_result(db, rid))
