"""教代会 rules, sessions, sign-in/quorum and votes — boundaries in integer arithmetic."""

from __future__ import annotations

from fractions import Fraction as PyFraction

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import congress, settings
from guilin_union.services.congress import agenda, attendance, votes
from guilin_union.services.congress.rules import (
    Fraction,
    motion_passes,
    percent_text,
    quorum_met,
    quorum_needed,
    share_at_least,
    votes_needed,
)
from tests.congress_fixtures import make_congress

# ------------------------------------------------------------------ arithmetic at the boundaries


@pytest.mark.parametrize(
    "present, expected, met",
    [
        (80, 120, True),  # exactly 2/3
        (79, 120, False),
        (4, 6, True),  # exactly 2/3 of a small meeting
        (3, 6, False),
        (2, 3, True),
        (67, 100, True),  # 2/3 of 100 is 66.67: 67 is needed
        (66, 100, False),
        (0, 0, False),  # no delegates: no quorum
    ],
)
def test_quorum_exactly_two_thirds_counts(present, expected, met):
    assert quorum_met(present, expected, 2, 3) is met
    assert (present >= quorum_needed(expected, 2, 3) and expected > 0) is met


@pytest.mark.parametrize(
    "yes, base, passed",
    [
        (60, 120, False),  # exactly half does NOT pass
        (61, 120, True),
        (3, 6, False),
        (4, 6, True),
        (61, 121, True),  # 60.5 is half: 61 is more
        (60, 121, False),
        (0, 0, False),
    ],
)
def test_pass_needs_more_than_half(yes, base, passed):
    assert motion_passes(yes, base, 1, 2) is passed
    assert (yes >= votes_needed(base, 1, 2) and base > 0) is passed


@hsettings(max_examples=150)
@given(st.integers(0, 3000), st.integers(1, 3000), st.integers(1, 9), st.integers(1, 9))
def test_integer_rules_agree_with_exact_fractions(part, whole, a, b):
    numerator, denominator = min(a, b), max(a, b)
    exact = PyFraction(numerator, denominator)
    assert quorum_met(part, whole, numerator, denominator) == (PyFraction(part, whole) >= exact)
    assert motion_passes(part, whole, numerator, denominator) == (PyFraction(part, whole) > exact)
    needed = quorum_needed(whole, numerator, denominator)
    assert PyFraction(needed, whole) >= exact and PyFraction(needed - 1, whole) < exact


def test_teacher_share_and_percent_text():
    assert share_at_least(60, 100, 60) and share_at_least(3, 5, 60)
    assert not share_at_least(59, 100, 60)
    assert (
        percent_text(2, 3) == "66.7%"
        and percent_text(1, 3) == "33.3%"
        and percent_text(1, 200) == "0.5%"
    )
    assert Fraction(2, 3).text == "三分之二"
    with pytest.raises(ValidationError):
        Fraction(3, 2)


# ------------------------------------------------------------------ settings


def test_rules_come_from_settings_and_nonsense_is_refused(db):
    assert congress.rules(db).quorum == Fraction(2, 3)
    congress.save_rules(db, {"congress_quorum_numerator": 1, "congress_quorum_denominator": 2})
    assert congress.rules(db).quorum == Fraction(1, 2)
    with pytest.raises(ValidationError, match="3 年或 5 年"):
        congress.save_rules(db, {"congress_term_years": 4})
    with pytest.raises(ValidationError, match="不能大于 1"):
        congress.save_rules(db, {"congress_pass_numerator": 3, "congress_pass_denominator": 2})
    assert congress.rules(db).passing == Fraction(1, 2)
    assert settings.get(db, "congress_term_years") == 5


# ------------------------------------------------------------------ terms and sessions


def test_session_title_deadlines_and_prefix(db):
    term = congress.create_term(db, start_year=2022).row_id
    assert congress.get_term(db, term).end_year == 2027
    first = congress.create_session(db, term, start_date="2024年3月15日").row_id
    s = congress.get_session(db, first)
    assert s.title == "第一届教职工代表大会暨工会会员代表大会第一次会议"
    assert (s.proposal_deadline, s.reply_deadline, s.proposal_prefix) == (
        "2024-02-29",
        "2024-06-13",
        "2024",
    )
    second = congress.create_session(
        db, term, start_date="2024-11-20", proposal_prefix="2024B"
    ).row_id
    assert congress.get_session(db, second).title.endswith("第二次会议")
    with pytest.raises(ValidationError, match="已被"):
        congress.create_session(db, term, start_date="2024-12-01")  # prefix 2024 taken
    with pytest.raises(ValidationError, match="已存在"):
        congress.create_session(db, term, start_date="2025-03-01", meeting_no=1)
    congress.update_term(db, term, {"number": 2})
    assert congress.get_session(db, first).title.startswith("第二届")


def test_session_date_rules(db):
    term = congress.create_term(db, start_year=2022).row_id
    with pytest.raises(ValidationError, match="闭幕日期"):
        congress.create_session(db, term, start_date="2024-03-15", end_date="2024-03-14")
    sid = congress.create_session(db, term, start_date="2024-03-15").row_id
    with pytest.raises(ValidationError, match="答复期限"):
        congress.update_session(db, sid, {"reply_deadline": "2024-03-01"})


# ------------------------------------------------------------------ sign-in and quorum


def _sign(db, c, names, status="出席"):
    attendance.set_attendance_many(db, c.session_id, [c.delegates[n] for n in names], status)


def test_quorum_status_follows_sign_in(db):
    c = make_congress(db)  # 6 正式代表, one 列席, one 特邀
    formal = list(c.delegates)[:6]
    summary = attendance.attendance_summary(db, c.session_id)
    assert (summary.expected, summary.present, summary.needed, summary.quorum_met) == (
        6,
        0,
        4,
        False,
    )
    _sign(db, c, formal[:3])
    _sign(db, c, formal[3:4], "请假")
    _sign(db, c, list(c.delegates)[6:], "出席")  # 列席/特邀 do not count
    summary = attendance.attendance_summary(db, c.session_id)
    assert (summary.present, summary.on_leave, summary.others_present, summary.quorum_met) == (
        3,
        1,
        2,
        False,
    )
    assert "还差 1 人" in summary.status_text
    _sign(db, c, formal[3:4])  # exactly 2/3
    summary = attendance.attendance_summary(db, c.session_id)
    assert summary.quorum_met and summary.to_json()["应到"] == 6 and summary.to_json()["实到"] == 4
    attendance.set_attendance(db, c.session_id, c.delegates[formal[0]], None)
    assert not attendance.attendance_summary(db, c.session_id).quorum_met


def test_non_delegate_cannot_sign_in(db):
    c = make_congress(db)
    with pytest.raises(ValidationError, match="不是本届代表"):
        attendance.set_attendance(db, c.session_id, 9999, "出席")


def test_opening_without_quorum_needs_a_reason(db):
    c = make_congress(db)
    _sign(db, c, list(c.delegates)[:3])
    with pytest.raises(congress.QuorumNotMetError) as info:
        congress.set_session_status(db, c.session_id, "召开中")
    assert (info.value.expected, info.value.present, info.value.needed) == (6, 3, 4)
    assert congress.get_session(db, c.session_id).status == "筹备中"
    congress.set_session_status(
        db, c.session_id, "召开中", override_reason="部分代表因暴雨迟到，主席团决定按时开会"
    )
    session = congress.get_session(db, c.session_id)
    assert session.status == "召开中" and "暴雨" in session.quorum_override_reason
    note = db.execute(
        "SELECT note FROM change_log WHERE table_name = 'congress_sessions' ORDER BY id DESC"
    ).fetchone()[0]
    assert "未达法定人数" in note


def test_opening_with_quorum_needs_no_reason(db):
    c = make_congress(db)
    _sign(db, c, list(c.delegates)[:4])
    congress.set_session_status(db, c.session_id, "召开中")
    assert congress.get_session(db, c.session_id).quorum_override_reason is None


# ------------------------------------------------------------------ votes


def test_vote_result_uses_all_formal_delegates(db):
    c = make_congress(db)
    _sign(db, c, list(c.delegates)[:5])
    mid = votes.add_motion(db, c.session_id, "通过工会工作报告").row_id
    assert votes.motion_results(db, c.session_id)[0].result_text == "待表决"
    votes.record_votes(db, mid, yes=3, no=1, abstain=1)  # 3 of 6: exactly half of ALL
    result = votes.motion_results(db, c.session_id)[0]
    assert (result.passed, result.needed, result.not_voted) == (False, 4, 1)
    votes.record_votes(db, mid, yes=4, no=0, abstain=1)
    assert votes.motion_results(db, c.session_id)[0].result_text == "通过"


def test_pass_base_setting_of_those_present(db):
    c = make_congress(db)
    _sign(db, c, list(c.delegates)[:5])
    mid = votes.add_motion(db, c.session_id, "通过大会决议").row_id
    votes.record_votes(db, mid, yes=3, no=2, abstain=0)
    assert votes.motion_results(db, c.session_id)[0].passed is False  # 3 of 6 formal
    congress.save_rules(db, {"congress_pass_base": "实到正式代表"})
    assert votes.motion_results(db, c.session_id)[0].passed is True  # 3 of 5 present


def test_impossible_vote_counts_are_refused(db):
    c = make_congress(db)
    mid = votes.add_motion(db, c.session_id, "通过财务工作报告").row_id
    with pytest.raises(ValidationError, match="超过正式代表人数"):
        votes.record_votes(db, mid, yes=5, no=1, abstain=1)
    with pytest.raises(ValidationError, match="不小于 0"):
        votes.record_votes(db, mid, yes=-1, no=0, abstain=0)
    _sign(db, c, list(c.delegates)[:3])
    votes.record_votes(db, mid, yes=4, no=0, abstain=0)
    assert "多于实到" in votes.motion_results(db, c.session_id)[0].warnings[0]


def test_standard_motions_and_reorder(db):
    c = make_congress(db)
    assert votes.add_standard_motions(db, c.session_id).row_id == 5
    assert votes.add_standard_motions(db, c.session_id).row_id == 0
    last = votes.list_motions(db, c.session_id)[-1]
    votes.move_motion(db, last.id, -1)
    assert [m.title for m in votes.list_motions(db, c.session_id)][-2:] == [
        "通过大会决议",
        "通过提案工作报告",
    ]


# ------------------------------------------------------------------ agenda


def test_standard_agenda_reorder_and_copy(db):
    c = make_congress(db)
    agenda.apply_standard_agenda(db, c.session_id)
    items = agenda.list_items(db, c.session_id)
    assert [i.part for i in items[:4]] == ["预备会议"] * 4 and items[
        0
    ].content == "大会筹备工作报告"
    assert all(i.place in ("学术报告厅",) for i in items) and items[0].item_date == "2024-03-15"
    with pytest.raises(ConflictError, match="已有"):
        agenda.apply_standard_agenda(db, c.session_id)
    agenda.move_item(db, items[1].id, -1)
    assert [i.content for i in agenda.list_items(db, c.session_id)][:2] == [
        "代表资格审查报告",
        "大会筹备工作报告",
    ]
    agenda.move_item(db, items[1].id, -1)  # already first: nothing moves
    agenda.move_item(db, items[4].id, -1)  # first of 正式会议 never jumps into 预备会议
    assert agenda.list_items(db, c.session_id)[4].id == items[4].id
    agenda.add_item(
        db,
        c.session_id,
        {
            "part": "正式会议",
            "content": "第二天：分组审议",
            "item_date": "2024-03-16",
            "start_time": "8:30",
            "end_time": "10：00",
        },
    )
    later = congress.create_session(
        db, c.term_id, start_date="2025-03-20", venue="图书馆报告厅"
    ).row_id
    agenda.copy_agenda(db, c.session_id, later)
    copied = agenda.list_items(db, later)
    assert len(copied) == 13
    assert copied[-1].item_date == "2025-03-21" and copied[-1].time_range == "08:30—10:00"
    assert copied[0].place == "图书馆报告厅"


def test_agenda_time_validation(db):
    c = make_congress(db)
    with pytest.raises(ValidationError, match="08:30"):
        agenda.add_item(db, c.session_id, {"content": "开幕", "start_time": "25:00"})
    with pytest.raises(ValidationError, match="结束时间"):
        agenda.add_item(
            db, c.session_id, {"content": "开幕", "start_time": "09:00", "end_time": "08:00"}
        )


def test_delete_session_removes_children_but_not_with_proposals(db):
    c = make_congress(db)
    agenda.apply_standard_agenda(db, c.session_id)
    _sign(db, c, list(c.delegates)[:2])
    congress.delete_session(db, c.session_id)
    assert db.execute("SELECT count(*) FROM congress_agenda_items").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM congress_attendance").fetchone()[0] == 0
    deleted = db.execute("SELECT count(*) FROM change_log WHERE action = 'delete'").fetchone()[0]
    assert deleted >= 14
