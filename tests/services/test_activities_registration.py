"""Registration: places and the waiting list, the per-person event limit, attendance, undo."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import activities as activities_service
from guilin_union.services import settings
from guilin_union.services.activities import registration as svc
from guilin_union.services.members import status as member_status
from tests import activities_fixtures as fx


@pytest.fixture
def people(db):
    return fx.setup(db)


def _register(db, a, people, *names, **kwargs):
    return svc.register_members(db, a, [people[n] for n in names], **kwargs)


def test_beyond_the_places_people_wait_in_registration_order(db, people):
    a = fx.make_activity(db, places=2)
    result = _register(db, a, people, "张伟", "李娜", "王强", "刘芳")
    assert result.waitlisted == ("王强", "刘芳")
    assert "王强、刘芳 列入候补" in result.message()
    assert fx.statuses(db, a) == {
        "张伟": "已报名",
        "李娜": "已报名",
        "王强": "候补",
        "刘芳": "候补",
    }
    # A later registration queues behind the people already waiting.
    _register(db, a, people, "陈杰")
    assert fx.statuses(db, a)["陈杰"] == "候补"


def test_cancelling_moves_the_first_on_the_waiting_list_up(db, people):
    a = fx.make_activity(db, places=2)
    _register(db, a, people, "张伟", "李娜", "王强", "刘芳")
    result = svc.cancel_registrations(db, [fx.participant_id(db, a, people["李娜"])])
    assert result.promoted == ("王强",)
    assert fx.statuses(db, a) == {
        "张伟": "已报名",
        "李娜": "已取消",
        "王强": "已报名",
        "刘芳": "候补",
    }
    # Cancelling someone who is only waiting frees no place: nobody moves.
    result = svc.cancel_registrations(db, [fx.participant_id(db, a, people["刘芳"])])
    assert result.promoted == ()
    assert svc.places_used(db, a) == 2


def test_undo_of_a_cancellation_restores_the_queue(db, people):
    a = fx.make_activity(db, places=1)
    _register(db, a, people, "张伟", "李娜")
    result = svc.cancel_registrations(db, [fx.participant_id(db, a, people["张伟"])])
    assert fx.statuses(db, a) == {"张伟": "已取消", "李娜": "已报名"}
    result.inverse(db)
    assert fx.statuses(db, a) == {"张伟": "已报名", "李娜": "候补"}


def test_more_places_let_the_waiting_list_move_up(db, people):
    a = fx.make_activity(db, places=1)
    _register(db, a, people, "张伟", "李娜", "王强")
    activities_service.save_activity(
        db, {**activities_service.get_activity_row(db, a), "places": 2}, a
    )
    assert fx.statuses(db, a) == {"张伟": "已报名", "李娜": "已报名", "王强": "候补"}
    activities_service.save_activity(
        db, {**activities_service.get_activity_row(db, a), "places": None}, a
    )
    assert set(fx.statuses(db, a).values()) == {"已报名"}


def test_referees_and_staff_take_no_place(db, people):
    a = fx.make_activity(db, places=1)
    _register(db, a, people, "张伟", "李娜", role="裁判")
    _register(db, a, people, "王强")
    _register(db, a, people, "刘芳")
    assert fx.statuses(db, a) == {
        "张伟": "已报名",
        "李娜": "已报名",
        "王强": "已报名",
        "刘芳": "候补",
    }
    assert svc.places_used(db, a) == 1
    # Which roles take no place is a setting.
    settings.set_many(db, {"activity_roles_outside_places": []})
    assert svc.places_used(db, a) == 3


def test_a_role_change_that_would_take_a_place_on_a_full_activity_is_refused(db, people):
    a = fx.make_activity(db, places=1)
    _register(db, a, people, "张伟")
    _register(db, a, people, "李娜", role="裁判")
    with pytest.raises(ConflictError, match="名额已满"):
        svc.update_participant(db, fx.participant_id(db, a, people["李娜"]), role="运动员")


def test_event_limit_is_enforced_with_the_persons_name_and_the_limit(db, people):
    a = fx.make_activity(db, event_limit=2, events=["男子100米", "男子跳远", "男子铅球"])
    ids = list(fx.event_ids(db, a).values())
    with pytest.raises(ValidationError) as info:
        _register(db, a, people, "张伟", "王强", event_ids=ids)
    assert (
        "张伟报了 3 个项目（男子100米、男子跳远、男子铅球），超过本活动每人限报 2 项的规定"
        == info.value.message
    )
    # All or nothing: nobody was registered.
    assert fx.statuses(db, a) == {}
    _register(db, a, people, "张伟", event_ids=ids[:2])
    pid = fx.participant_id(db, a, people["张伟"])
    with pytest.raises(ValidationError, match="限报 2 项"):
        svc.update_participant(db, pid, event_ids=ids)
    assert svc.get_participant(db, pid)["event_ids"] == ids[:2]


def test_events_of_another_activity_are_refused(db, people):
    a = fx.make_activity(db, events=["跳远"])
    b = fx.make_activity(db, name="羽毛球比赛", events=["男子单打"])
    with pytest.raises(ValidationError, match="不属于"):
        _register(db, a, people, "张伟", event_ids=list(fx.event_ids(db, b).values()))


def test_only_eligible_members_may_register(db, people):
    a = fx.make_activity(db)
    member_status.record_status_change(
        db, people["王强"], "退会", on="2024-01-10", reason="本人申请"
    )
    with pytest.raises(ValidationError, match="王强的会籍状态为“退会”"):
        _register(db, a, people, "张伟", "王强")
    assert fx.statuses(db, a) == {}


def test_registered_people_are_skipped_and_cancelled_ones_renewed_at_the_back(db, people):
    a = fx.make_activity(db, places=2)
    _register(db, a, people, "张伟", "李娜")
    result = _register(db, a, people, "张伟")
    assert result.skipped == ("张伟",) and result.added == ()
    svc.cancel_registrations(db, [fx.participant_id(db, a, people["张伟"])])
    _register(db, a, people, "王强")
    renewed = _register(db, a, people, "张伟")
    assert renewed.waitlisted == ("张伟",)
    seqs = {
        r[0]: r[1]
        for r in db.execute(
            "SELECT m.name, p.seq FROM activity_participants p JOIN members m ON m.id = p.member_id"
        )
    }
    assert seqs["张伟"] > seqs["王强"]


def test_taking_someone_off_the_waiting_list_needs_a_free_place(db, people):
    a = fx.make_activity(db, places=1)
    _register(db, a, people, "张伟", "李娜")
    with pytest.raises(ConflictError, match="名额已满（1 人），李娜"):
        svc.set_participant_status(db, [fx.participant_id(db, a, people["李娜"])], "已确认")


def test_attendance_marks_only_people_holding_a_place(db, people):
    a = fx.make_activity(db, places=1)
    _register(db, a, people, "张伟", "李娜")
    zhang, li = fx.participant_id(db, a, people["张伟"]), fx.participant_id(db, a, people["李娜"])
    svc.mark_attendance(db, [zhang])
    assert fx.statuses(db, a)["张伟"] == "已参加"
    with pytest.raises(ConflictError, match="李娜"):
        svc.mark_attendance(db, [li])
    svc.mark_attendance(db, [zhang], attended=False)
    assert fx.statuses(db, a)["张伟"] == "已确认"


def test_remove_participants_and_restore(db, people):
    a = fx.make_activity(db, places=1, events=["跳远"])
    ev = fx.event_ids(db, a)["跳远"]
    _register(db, a, people, "张伟", "李娜", event_ids=[ev])
    result = svc.remove_participants(db, [fx.participant_id(db, a, people["张伟"])])
    assert fx.statuses(db, a) == {"李娜": "已报名"}
    result.inverse(db)
    assert fx.statuses(db, a) == {"张伟": "已报名", "李娜": "候补"}
    assert svc.list_participants(db, a)[0]["events"] == ["跳远"]


def test_undo_of_a_registration(db, people):
    a = fx.make_activity(db)
    result = _register(db, a, people, "张伟", "李娜")
    result.inverse(db)
    assert fx.statuses(db, a) == {}


def test_queries_filters_and_public_json(db, people):
    a = fx.make_activity(db, places=3, events=["跳远", "铅球"])
    ids = fx.event_ids(db, a)
    _register(db, a, people, "张伟", "王强", event_ids=[ids["跳远"]])
    _register(db, a, people, "陈杰", "杨静", event_ids=[ids["铅球"]])
    q = svc.ParticipantQuery(a, event_id=ids["跳远"])
    assert [r["name"] for r in svc.list_participants(db, q)] == ["张伟", "王强"]
    wenxue = fx.branch_id(db, "文学院分工会")
    assert [
        r["name"] for r in svc.list_participants(db, svc.ParticipantQuery(a, branch_id=wenxue))
    ] == ["张伟"]
    assert [
        r["name"] for r in svc.list_participants(db, svc.ParticipantQuery(a, status="候补"))
    ] == ["杨静"]
    assert [r["name"] for r in svc.list_participants(db, svc.ParticipantQuery(a, search="zw"))] == [
        "张伟"
    ]
    row = svc.to_public_json(svc.list_participants(db, a)[0])
    assert {"member_id", "name", "branch", "role", "events", "status", "result"} <= set(row)
    assert (row["name"], row["branch"], row["events"], row["status"]) == (
        "张伟",
        "文学院分工会",
        ["跳远"],
        "已报名",
    )
    counts = svc.participation_by_branch(db, a)
    assert [(c["branch"], c["total"], c["候补"]) for c in counts] == [
        ("文学院分工会", 1, 0),
        ("机关分工会", 1, 0),
        ("信息工程学院分工会", 2, 1),
    ]


def test_masked_numbers_unless_asked(db, people):
    a = fx.make_activity(db)
    _register(db, a, people, "张伟")
    masked = svc.list_participants(db, a)[0]
    full = svc.list_participants(db, a, masked=False)[0]
    assert "*" in masked["id_number_display"] and "*" not in full["id_number_display"]


def test_member_history_lists_activities_newest_first(db, people):
    a = fx.make_activity(
        db, name="2023年健步走", start_date="2023-04-01", end_date=None, signup_deadline=None
    )
    b = fx.make_activity(db, events=["跳远"])
    _register(db, a, people, "张伟")
    _register(db, b, people, "张伟", event_ids=list(fx.event_ids(db, b).values()))
    history = svc.member_history(db, people["张伟"])
    assert [h["activity"] for h in history] == [
        "第二十二届田径运动会暨教职工亲子运动会",
        "2023年健步走",
    ]
    assert history[0]["events_text"] == "跳远" and history[1]["year"] == 2023


@hsettings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    places=st.integers(1, 4),
    ops=st.lists(
        st.tuples(st.sampled_from(["reg", "cancel", "renew"]), st.integers(0, 7)), max_size=25
    ),
)
def test_the_queue_never_breaks_its_rules(db, places, ops):
    """Whatever happens, nobody waits while a place is free and no place is given twice."""
    if db.execute("SELECT count(*) FROM members").fetchone()[0] == 0:
        fx.setup(db)
    member_ids = [r[0] for r in db.execute("SELECT id FROM members ORDER BY id")]
    a = fx.make_activity(db, places=places)
    for op, index in ops:
        member = member_ids[index]
        row = db.execute(
            "SELECT id, status FROM activity_participants WHERE activity_id = ? AND member_id = ?",
            [a, member],
        ).fetchone()
        if op in ("reg", "renew"):
            svc.register_members(db, a, [member])
        elif row and row[1] != "已取消":
            svc.cancel_registrations(db, [row[0]])
        used = svc.places_used(db, a)
        waiting = [
            r[0]
            for r in db.execute(
                "SELECT seq FROM activity_participants WHERE activity_id = ? AND status = '候补' ORDER BY seq",
                [a],
            )
        ]
        assert used <= places
        if waiting:
            assert used == places
