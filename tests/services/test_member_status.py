from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.services.members import status as svc
from tests.intake_fixtures import add_member


@pytest.fixture
def member(branch_db):
    return add_member(branch_db, name="李老师", join_date="2010-09-01")


def test_new_status_applies_from_the_day_of_the_change(branch_db, member):
    svc.record_status_change(
        branch_db, member, "退休（保留会籍）", on="2024-06-30", reason="到龄退休"
    )
    assert svc.status_on(branch_db, member, "2024-06-29") == "在会"
    assert svc.status_on(branch_db, member, "2024-06-30") == "保留会籍"
    assert svc.status_on(branch_db, member, dt.date(2024, 7, 1)) == "保留会籍"
    status = branch_db.execute("SELECT status FROM members WHERE id = ?", [member]).fetchone()[0]
    assert status == "保留会籍"


def test_before_join_date_is_not_a_member(branch_db, member):
    assert svc.status_on(branch_db, member, "2010-08-31") is None
    assert svc.status_on(branch_db, member, "2010-09-01") == "在会"


def test_member_without_events_has_current_status_from_join_date(branch_db):
    retired = add_member(branch_db, name="王五", join_date="2000-01-01", status="保留会籍")
    assert svc.status_on(branch_db, retired, "2005-05-05") == "保留会籍"
    assert svc.status_on(branch_db, retired, "1999-12-31") is None
    no_join = add_member(branch_db, name="赵六", join_date=None)
    assert svc.status_on(branch_db, no_join, "1990-01-01") == "在会"


def test_chain_of_events_and_history(branch_db, member):
    svc.record_status_change(
        branch_db,
        member,
        "转出",
        on="2015-03-01",
        reason="调往外校",
        document_no="桂院人〔2015〕3号",
    )
    svc.record_status_change(branch_db, member, "恢复会籍", on="2018-09-01", reason="调回本校")
    svc.record_status_change(branch_db, member, "保留会籍", on="2024-06-30", reason="退休")
    assert [
        svc.status_on(branch_db, member, d)
        for d in ("2015-02-28", "2015-03-01", "2018-08-31", "2018-09-01", "2024-06-30")
    ] == ["在会", "转出", "转出", "在会", "保留会籍"]
    history = svc.status_history(branch_db, member)
    assert [(h["date"], h["from"], h["to"], h["action"]) for h in history] == [
        ("2015-03-01", "在会", "转出", "转出"),
        ("2018-09-01", "转出", "在会", "恢复会籍"),
        ("2024-06-30", "在会", "保留会籍", "退休（保留会籍）"),
    ]
    assert history[0]["document_no"] == "桂院人〔2015〕3号"
    assert history[0]["reason"] == "调往外校"
    assert history[0]["recorded_by"] and history[0]["recorded_at"]
    many = svc.statuses_on(branch_db, [member], "2016-01-01")
    assert many == {member: "转出"}


def test_statuses_on_matches_status_on(branch_db, member):
    other = add_member(branch_db, name="孙七", join_date="2020-01-01")
    svc.record_status_change(branch_db, other, "退会", on="2021-05-05", reason="本人申请")
    for day in ("2019-12-31", "2020-01-01", "2021-05-04", "2021-05-05", "2023-01-01"):
        expected = {m: svc.status_on(branch_db, m, day) for m in (member, other)}
        assert svc.statuses_on(branch_db, [member, other], day) == expected


@pytest.mark.parametrize(
    "kwargs, error, text",
    [
        (
            {"new_status": "恢复会籍", "on": "2020-01-01", "reason": "x"},
            ConflictError,
            "已经是“在会”",
        ),
        ({"new_status": "退休", "on": "2020-01-01", "reason": "  "}, ValidationError, "原因"),
        ({"new_status": "退休", "on": "2009-01-01", "reason": "x"}, ValidationError, "入会日期"),
        ({"new_status": "退休", "on": "2099-01-01", "reason": "x"}, ValidationError, "晚于今天"),
        ({"new_status": "升职", "on": "2020-01-01", "reason": "x"}, ValidationError, "变更类型"),
        ({"new_status": "退休", "on": "2020-02-30", "reason": "x"}, ValidationError, "不存在"),
    ],
)
def test_refusals(branch_db, member, kwargs, error, text):
    with pytest.raises(error, match=text):
        svc.record_status_change(branch_db, member, kwargs.pop("new_status"), **kwargs)
    assert svc.status_history(branch_db, member) == []


def test_cannot_backdate_before_latest_event_or_act_on_deceased(branch_db, member):
    svc.record_status_change(branch_db, member, "去世", on="2022-02-02", reason="病故")
    with pytest.raises(ConflictError, match="不能办理"):
        svc.record_status_change(branch_db, member, "恢复会籍", on="2023-01-01", reason="x")
    with pytest.raises(ConflictError, match="已经是"):
        svc.record_status_change(branch_db, member, "去世", on="2023-01-01", reason="x")
    other = add_member(branch_db, name="周八", join_date="2010-01-01")
    svc.record_status_change(branch_db, other, "转出", on="2020-01-01", reason="调出")
    with pytest.raises(ValidationError, match="上一次"):
        svc.record_status_change(branch_db, other, "恢复会籍", on="2019-01-01", reason="x")


def test_change_and_event_are_logged_and_undo_restores(branch_db, member):
    result = svc.record_status_change(branch_db, member, "开除", on="2023-03-03", reason="违纪")
    assert result.changes.touches("members")
    logged = {
        r[0]
        for r in branch_db.execute(
            "SELECT table_name FROM change_log WHERE action IN ('insert', 'update') AND ts IS NOT NULL"
            " AND (table_name = 'member_status_events' OR (table_name = 'members' AND action = 'update'))"
        )
    }
    assert logged == {"member_status_events", "members"}
    svc.undo_status_change(branch_db, result.undo["event_id"])
    assert svc.status_history(branch_db, member) == []
    assert (
        branch_db.execute("SELECT status FROM members WHERE id = ?", [member]).fetchone()[0]
        == "在会"
    )


def test_only_latest_event_can_be_undone(branch_db, member):
    first = svc.record_status_change(branch_db, member, "转出", on="2015-01-01", reason="a").row_id
    svc.record_status_change(branch_db, member, "恢复会籍", on="2016-01-01", reason="b")
    with pytest.raises(ConflictError, match="最近"):
        svc.undo_status_change(branch_db, first)


def test_unknown_member(branch_db):
    with pytest.raises(NotFoundError):
        svc.status_on(branch_db, 999, "2020-01-01")
    with pytest.raises(NotFoundError):
        svc.record_status_change(branch_db, 999, "退会", on="2020-01-01", reason="x")


@hsettings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=3000), st.sampled_from(list(svc.ACTIONS))),
        min_size=1,
        max_size=6,
    )
)
def test_status_on_matches_a_reference_model(branch_db, steps):
    """Apply random (gap in days, action) steps; whatever was accepted, status_on agrees with
    replaying the accepted events by hand, and statuses_on agrees with status_on."""
    member = add_member(branch_db, name=f"测{len(steps)}", join_date="2000-01-01")
    day = dt.date(2000, 1, 1)
    accepted: list[tuple[dt.date, str]] = []
    for gap, action in steps:
        day = min(day + dt.timedelta(days=gap), dt.date.today())
        try:
            svc.record_status_change(branch_db, member, action, on=day, reason="测试")
        except (ConflictError, ValidationError):
            continue
        accepted.append((day, svc.ACTIONS[action]))

    def expected(on: dt.date) -> str | None:
        if on < dt.date(2000, 1, 1):
            return None
        status = "在会"
        for when, to in accepted:
            if when <= on:
                status = to
        return status

    probes = {dt.date(1999, 12, 31), dt.date(2000, 1, 1)}
    for when, _ in accepted:
        probes |= {when - dt.timedelta(days=1), when, when + dt.timedelta(days=1)}
    for on in sorted(probes):
        assert svc.status_on(branch_db, member, on) == expected(on)
        assert svc.statuses_on(branch_db, [member], on) == {member: expected(on)}
