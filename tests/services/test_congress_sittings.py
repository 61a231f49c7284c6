"""Issue 20: sittings with their own sign-in and quorum, 主席团, votes and elections at a
sitting (numbers checked by hand)."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import congress
from guilin_union.services.congress import elections, sittings
from guilin_union.services.congress.attendance import set_attendance
from tests.congress_fixtures import make_congress


@pytest.fixture
def c(db):
    return make_congress(db, formal=6, attending=1, special=1, spare=3)


def _sitting(c, **kw):
    data = {"kind": "正式会议", "sitting_date": "2024-03-15", "half_day": "上午", **kw}
    return sittings.add_sitting(c.db, c.session_id, data).row_id


def test_each_sitting_has_its_own_signin_and_quorum(c):
    morning = _sitting(c)
    afternoon = _sitting(c, half_day="下午")
    names = ["赵一", "钱二", "孙三", "李四"]
    for name in names:
        sittings.sign_in(c.db, morning, c.delegates[name], "已签到")
    sittings.sign_in(c.db, afternoon, c.delegates["赵一"], "已签到")
    sittings.sign_in(c.db, afternoon, c.delegates["钱二"], "请假")
    m = sittings.sitting_summary(c.db, morning)
    a = sittings.sitting_summary(c.db, afternoon)
    # 6 正式代表, quorum 2/3 → 4 needed
    assert (m.expected, m.present, m.needed, m.quorum_met) == (6, 4, 4, True)
    assert (a.expected, a.present, a.on_leave, a.quorum_met) == (6, 1, 1, False)
    data = [sittings.sitting_json(c.db, s) for s in sittings.list_sittings(c.db, c.session_id)]
    assert [(d["half_day"], d["应到"], d["实到"]) for d in data] == [("上午", 6, 4), ("下午", 6, 1)]
    with pytest.raises(ValidationError):
        sittings.sign_in(c.db, morning, c.delegates["赵一"], "出席")
    with pytest.raises(ValidationError):
        sittings.sign_in(c.db, morning, 9999, "已签到")


def test_group_discussion_and_presidium_sittings_have_their_own_expected(c):
    delegation = c.db.execute(
        "SELECT delegation_id FROM congress_delegates WHERE id = ?", [c.delegates["赵一"]]
    ).fetchone()[0]
    group = _sitting(c, kind="分组讨论", delegation_id=delegation, convenor="赵一", recorder="孙三")
    in_group = [
        r["name"] for r in sittings.sitting_rows(c.db, group) if r["delegate_type"] == "正式代表"
    ]
    assert set(in_group) == {"赵一", "孙三", "周五"}  # every other member is in this branch
    assert sittings.sitting_summary(c.db, group).expected == 3
    sittings.set_presidium(
        c.db, c.session_id, [(c.members["赵一"], "常务主席"), (c.members["钱二"], "成员")]
    )
    presidium = _sitting(c, kind="主席团会议")
    assert sittings.sitting_summary(c.db, presidium).expected == 2
    assert sittings.presidium_text(c.db, c.session_id) == "常务主席：赵一；成员：钱二"
    with pytest.raises(ValidationError):
        sittings.set_presidium(c.db, c.session_id, [(c.members["赵一"], "主任")])


def test_standard_sittings_and_delete_rules(c):
    congress.update_session(c.db, c.session_id, {"end_date": "2024-03-16"})
    assert sittings.standard_sittings(c.db, c.session_id).row_id == 5
    kinds = [s.kind for s in sittings.list_sittings(c.db, c.session_id)]
    assert kinds == ["预备会议", "正式会议", "正式会议", "正式会议", "正式会议"]
    with pytest.raises(ConflictError):
        sittings.standard_sittings(c.db, c.session_id)
    first = sittings.list_sittings(c.db, c.session_id)[1].id
    for name in ("赵一", "钱二", "孙三", "李四", "周五"):
        sittings.sign_in(c.db, first, c.delegates[name], "已签到")
    motion = sittings.vote_at_sitting(c.db, first, title="通过决议", yes=3, no=1, abstain=1).row_id
    [result] = sittings.sitting_motions(c.db, first)
    # base 全体正式代表 (6): more than half needs 4 → 3 fails
    assert (result["id"], result["needed"], result["passed"]) == (motion, 4, False)
    with pytest.raises(ConflictError):
        sittings.delete_sitting(c.db, first)


def test_legacy_signin_migrates_into_a_default_sitting(db):
    from guilin_union.storage.schema.congress import _sittings_and_elections

    c = make_congress(db, formal=3, attending=0, special=0, spare=0)
    set_attendance(db, c.session_id, c.delegates["赵一"], "出席")
    set_attendance(db, c.session_id, c.delegates["钱二"], "请假")
    for table in ("congress_election_candidates", "congress_elections", "congress_presidium"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DROP TABLE congress_sitting_attendance")
    db.execute("DROP TABLE congress_sittings")
    db.execute("ALTER TABLE congress_terms DROP COLUMN union_number")
    db.execute("ALTER TABLE congress_delegates DROP COLUMN continues_id")
    db.execute("ALTER TABLE congress_motions DROP COLUMN sitting_id")
    _sittings_and_elections(db)
    [s] = sittings.list_sittings(db, c.session_id)
    assert s.is_default
    summary = sittings.sitting_summary(db, s.id)
    assert (summary.expected, summary.present, summary.on_leave) == (3, 1, 1)
    # later session-level marks keep the default sitting in step
    set_attendance(db, c.session_id, c.delegates["孙三"], "出席")
    set_attendance(db, c.session_id, c.delegates["钱二"], None)
    summary = sittings.sitting_summary(db, s.id)
    assert (summary.present, summary.on_leave, summary.unmarked) == (2, 0, 1)


def _election(c, sitting, **kw):
    data = {
        "title": "选举工会委员会委员",
        "method": "差额",
        "seats": 2,
        "candidates": ["赵一", "钱二", "孙三"],
        "sitting_id": sitting,
        "scrutineers": ["李四"],
        "tellers": "周五",
        **kw,
    }
    return elections.add_election(c.db, c.session_id, data).row_id


def test_difference_election_counts_and_elected(c):
    s = _sitting(c)
    for name in ("赵一", "钱二", "孙三", "李四", "周五"):
        sittings.sign_in(c.db, s, c.delegates[name], "已签到")
    eid = _election(c, s)
    with pytest.raises(ValidationError, match="之和"):
        elections.record_ballots(c.db, eid, issued=5, returned=5, valid=4, invalid=0)
    elections.record_ballots(c.db, eid, issued=5, returned=5, valid=5, invalid=0)
    with pytest.raises(ValidationError, match="多于有效票"):
        elections.record_candidate_votes(c.db, eid, {"赵一": (4, 1, 1, 0)})
    elections.record_candidate_votes(
        c.db, eid, {"赵一": (5, 0, 0, 0), "钱二": (3, 1, 1, 0), "孙三": (3, 2, 0, 0)}
    )
    r = elections.election_result(c.db, eid)
    # 实到 5 → more than half needs 3; 钱二 and 孙三 tie at 3 for the last seat
    assert (r.valid, r.base, r.needed) == (True, 5, 3)
    assert r.elected == ["赵一"]
    assert any("再次投票" in n for n in r.notes)
    elections.record_candidate_votes(c.db, eid, {"孙三": (2, 2, 1, 0)})
    r = elections.election_result(c.db, eid)
    assert r.elected == ["赵一", "钱二"]
    data = r.to_json()
    assert data["method"] == "差额" and [x["elected"] for x in data["candidates"]] == [
        True,
        True,
        False,
    ]


def test_election_validity_and_candidate_rules(c):
    s = _sitting(c)
    for name in ("赵一", "钱二", "孙三", "李四"):
        sittings.sign_in(c.db, s, c.delegates[name], "已签到")
    with pytest.raises(ValidationError, match="差额"):
        _election(c, s, candidates=["赵一", "钱二"])
    with pytest.raises(ValidationError, match="等额"):
        _election(c, s, method="等额")
    eid = _election(c, s)
    # 应到 6 → returned ballots must reach 4
    elections.record_ballots(c.db, eid, issued=4, returned=3, valid=3, invalid=0)
    assert elections.election_result(c.db, eid).valid is False
    with pytest.raises(ValidationError, match="多于应到"):
        elections.record_ballots(c.db, eid, issued=7, returned=4, valid=4, invalid=0)


def test_motion_at_a_sitting_is_judged_on_that_sitting(c):
    from guilin_union.services.congress.votes import vote_summary

    sittings.set_presidium(
        c.db, c.session_id, [(c.members["赵一"], "常务主席"), (c.members["钱二"], "成员")]
    )
    presidium = _sitting(c, kind="主席团会议")
    for name in ("赵一", "钱二"):
        sittings.sign_in(c.db, presidium, c.delegates[name], "已签到")
    sittings.vote_at_sitting(c.db, presidium, title="通过大会议程草案", yes=2, no=0, abstain=0)
    [result] = vote_summary(c.db, c.session_id).results
    # 应到 2 at the 主席团会议: more than half is 2 (the session's 6 would need 4)
    assert (result.expected, result.needed, result.passed) == (2, 2, True)
