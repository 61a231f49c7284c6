"""Results and team points: the point scheme, ties, tie-breaks, recording rules."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import settings
from guilin_union.services.activities import registration
from guilin_union.services.activities import results as svc
from guilin_union.services.activities.results import (
    TeamResult,
    compute_team_standings,
    place_points,
)
from tests import activities_fixtures as fx

SCHEME = [7, 5, 4, 3, 2, 1]


def _table(standings):
    return [(s.rank, s.branch, svc.format_points(s.points), s.tied) for s in standings]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7,5,4,3,2,1", [7, 5, 4, 3, 2, 1]),
        ("7-5-4-3-2-1", [7, 5, 4, 3, 2, 1]),
        ("９、７、６", [9, 7, 6]),
        (" 13，11，10 ", [13, 11, 10]),
        ([5, 3, 1], [5, 3, 1]),
    ],
)
def test_point_scheme_is_read_as_people_write_it(text, expected):
    assert svc.parse_point_scheme(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "不能为空"),
        ("7,五,3", "不是非负整数"),
        ("3,5,7", "越靠后"),
        ("0,0", "第1名"),
    ],
)
def test_bad_point_schemes_are_refused(text, message):
    with pytest.raises(ValidationError, match=message):
        svc.parse_point_scheme(text)


def test_place_points_for_ties():
    assert place_points(1, 1, SCHEME) == 7
    assert place_points(3, 2, SCHEME) == Fraction(7, 2)  # (4 + 3) / 2
    assert place_points(3, 3, SCHEME) == 3  # (4 + 3 + 2) / 3
    assert place_points(6, 2, SCHEME) == Fraction(1, 2)  # the 7th place earns nothing
    assert place_points(3, 2, SCHEME, "同分") == 4
    assert place_points(9, 1, SCHEME) == 0


def test_points_add_up_per_team():
    results = [
        TeamResult(1, "文学院", 1),
        TeamResult(1, "机关", 2),
        TeamResult(1, "信工", 3),
        TeamResult(2, "机关", 1),
        TeamResult(2, "信工", 2),
    ]
    assert _table(compute_team_standings(results, SCHEME)) == [
        (1, "机关", "12", False),
        (2, "信工", "9", False),
        (3, "文学院", "7", False),
    ]


def test_level_points_are_separated_by_first_places():
    # 文学院: 7 + 2 = 9 (one first); 机关: 5 + 4 = 9 (no first).
    results = [
        TeamResult(1, "机关", 2),
        TeamResult(1, "文学院", 1),
        TeamResult(2, "机关", 3),
        TeamResult(2, "文学院", 5),
    ]
    standings = compute_team_standings(results, SCHEME)
    assert _table(standings) == [(1, "文学院", "9", False), (2, "机关", "9", False)]
    assert (standings[0].firsts, standings[1].firsts) == (1, 0)


def test_then_by_second_places():
    results = [
        TeamResult(1, "机关", 1),
        TeamResult(2, "机关", 3),
        TeamResult(4, "机关", 6),
        TeamResult(5, "机关", 6),
        TeamResult(1, "文学院", 2),
        TeamResult(2, "文学院", 1),
        TeamResult(3, "文学院", 6),
    ]
    # 机关: 7 + 4 + 1 + 1 = 13, one first, no second; 文学院: 5 + 7 + 1 = 13, one first, one second.
    assert _table(compute_team_standings(results, SCHEME)) == [
        (1, "文学院", "13", False),
        (2, "机关", "13", False),
    ]


def test_fully_level_teams_share_the_rank_and_the_next_rank_is_skipped():
    results = [
        TeamResult(1, "文学院", 1),
        TeamResult(1, "机关", 2),
        TeamResult(2, "机关", 1),
        TeamResult(2, "文学院", 2),
        TeamResult(3, "信工", 3),
    ]
    assert _table(
        compute_team_standings(results, SCHEME, teams=["信工", "机关", "文学院", "图书馆"])
    ) == [
        (1, "机关", "12", True),
        (1, "文学院", "12", True),
        (3, "信工", "4", False),
        (4, "图书馆", "0", False),
    ]


def test_tied_placings_share_points_or_get_the_same_points_by_setting():
    results = [TeamResult(1, "文学院", 1), TeamResult(1, "机关", 3), TeamResult(1, "信工", 3)]
    assert _table(compute_team_standings(results, SCHEME, "平分"))[1:] == [
        (2, "机关", "3.5", True),
        (2, "信工", "3.5", True),
    ]
    assert _table(compute_team_standings(results, SCHEME, "同分"))[1:] == [
        (2, "机关", "4", True),
        (2, "信工", "4", True),
    ]


def test_event_weight_multiplies_points():
    standings = compute_team_standings(
        [TeamResult(1, "文学院", 1, weight=2), TeamResult(2, "机关", 1)], SCHEME
    )
    assert _table(standings) == [(1, "文学院", "14", False), (2, "机关", "7", False)]


@hsettings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 4), st.sampled_from("ABCDE"), st.integers(1, 8)), max_size=30)
)
def test_total_points_never_depend_on_the_tie_split(rows):
    """Splitting tied places keeps the event's total: 平分 never creates or loses points."""
    results = [TeamResult(e, b, r) for e, b, r in rows]
    ranked = compute_team_standings(results, SCHEME, "平分")
    total = sum((s.points for s in ranked), Fraction(0))
    expected = Fraction(0)
    by_event: dict[int, list[int]] = {}
    for e, _b, r in rows:
        by_event.setdefault(e, []).append(r)
    for ranks in by_event.values():
        for r in set(ranks):
            k = ranks.count(r)
            expected += sum(SCHEME[p - 1] if p <= len(SCHEME) else 0 for p in range(r, r + k))
    assert total == expected
    assert [s.rank for s in ranked] == sorted(s.rank for s in ranked)


# ---------------------------------------------------------------- recording results


@pytest.fixture
def meet(db):
    people = fx.setup(db)
    a = fx.make_activity(
        db,
        event_limit=2,
        events=[
            "男子100米",
            "女子100米",
            "男子跳远",
            {"name": "4×100米接力", "kind": "团体", "points_weight": 2},
        ],
    )
    return db, people, a, fx.event_ids(db, a)


def test_individual_result_enters_the_event_and_marks_attendance(meet):
    db, people, a, ev = meet
    registration.register_members(db, a, [people["张伟"]], event_ids=[ev["男子100米"]])
    pid = fx.participant_id(db, a, people["张伟"])
    result = svc.record_result(
        db, a, ev["男子跳远"], participant_id=pid, rank=1, score="5.20米", award="一等奖"
    )
    person = registration.get_participant(db, pid)
    assert person["status"] == "已参加"
    assert ev["男子跳远"] in person["event_ids"]
    result.inverse(db)
    person = registration.get_participant(db, pid)
    assert person["status"] == "已报名" and person["event_ids"] == [ev["男子100米"]]
    assert svc.list_results(db, a) == []


def test_result_respects_the_event_limit(meet):
    db, people, a, ev = meet
    registration.register_members(
        db, a, [people["张伟"]], event_ids=[ev["男子100米"], ev["男子跳远"]]
    )
    pid = fx.participant_id(db, a, people["张伟"])
    with pytest.raises(ValidationError, match="张伟报了 3 个项目"):
        svc.record_result(db, a, ev["女子100米"], participant_id=pid, rank=2)


def test_one_result_per_person_and_event(meet):
    db, people, a, ev = meet
    registration.register_members(db, a, [people["张伟"]], event_ids=[ev["男子100米"]])
    pid = fx.participant_id(db, a, people["张伟"])
    first = svc.record_result(db, a, ev["男子100米"], participant_id=pid, rank=2, score="12.8秒")
    with pytest.raises(ConflictError, match="张伟在“男子100米”已有成绩"):
        svc.record_result(db, a, ev["男子100米"], participant_id=pid, rank=1)
    svc.record_result(
        db, a, ev["男子100米"], participant_id=pid, rank=1, score="12.5秒", result_id=first.row_id
    )
    rows = svc.list_results(db, a)
    assert [(r["winner"], r["rank_text"], r["score"]) for r in rows] == [
        ("张伟", "第1名", "12.5秒")
    ]


def test_team_event_needs_a_branch_and_individual_needs_a_person(meet):
    db, people, a, ev = meet
    with pytest.raises(ValidationError, match="团体项目"):
        svc.record_result(db, a, ev["4×100米接力"], rank=1)
    with pytest.raises(ValidationError, match="参赛人员"):
        svc.record_result(db, a, ev["男子100米"], rank=1)
    with pytest.raises(ValidationError, match="至少填写"):
        svc.record_result(db, a, ev["4×100米接力"], branch_id=fx.branch_id(db, "机关分工会"))


def test_waiting_people_get_no_results(db):
    people = fx.setup(db)
    a = fx.make_activity(db, places=1, events=["跳远"])
    registration.register_members(db, a, [people["张伟"], people["李娜"]])
    with pytest.raises(ConflictError, match="候补"):
        svc.record_result(
            db,
            a,
            fx.event_ids(db, a)["跳远"],
            participant_id=fx.participant_id(db, a, people["李娜"]),
            rank=1,
        )


def test_team_standings_from_the_database_with_the_scheme_setting(meet):
    db, people, a, ev = meet
    registration.register_members(
        db, a, [people[n] for n in ("张伟", "王强", "陈杰")], event_ids=[ev["男子100米"]]
    )
    for name, rank in (("张伟", 1), ("王强", 2), ("陈杰", 3)):
        svc.record_result(
            db, a, ev["男子100米"], participant_id=fx.participant_id(db, a, people[name]), rank=rank
        )
    svc.record_result(
        db, a, ev["4×100米接力"], branch_id=fx.branch_id(db, "信息工程学院分工会"), rank=1
    )
    svc.record_result(db, a, ev["4×100米接力"], branch_id=fx.branch_id(db, "文学院分工会"), rank=2)
    assert _table(svc.team_standings(db, a)) == [
        (1, "信息工程学院分工会", "18", False),  # 4 + 7 × 2
        (2, "文学院分工会", "17", False),  # 7 + 5 × 2
        (3, "机关分工会", "5", False),
    ]
    svc.set_scoring(db, "9,7,6", "同分")
    assert settings.get(db, "activity_tie_points") == "同分"
    assert _table(svc.team_standings(db, a))[0] == (1, "信息工程学院分工会", "24", False)


def test_award_list_groups_by_event_in_event_order(meet):
    db, people, a, ev = meet
    registration.register_members(
        db, a, [people["李娜"], people["刘芳"]], event_ids=[ev["女子100米"]]
    )
    svc.record_result(
        db, a, ev["女子100米"], participant_id=fx.participant_id(db, a, people["刘芳"]), rank=2
    )
    svc.record_result(
        db, a, ev["女子100米"], participant_id=fx.participant_id(db, a, people["李娜"]), rank=1
    )
    svc.record_result(
        db, a, ev["4×100米接力"], branch_id=fx.branch_id(db, "机关分工会"), award="道德风尚奖"
    )
    groups = svc.award_list(db, a)
    assert [(g.event, [r["winner"] for r in g.results]) for g in groups] == [
        ("女子100米", ["李娜", "刘芳"]),
        ("4×100米接力", ["机关分工会"]),
    ]


def test_delete_and_restore_result(meet):
    db, people, a, ev = meet
    registration.register_members(db, a, [people["张伟"]], event_ids=[ev["男子100米"]])
    result = svc.record_result(
        db, a, ev["男子100米"], participant_id=fx.participant_id(db, a, people["张伟"]), rank=3
    )
    deleted = svc.delete_result(db, result.row_id)
    assert svc.list_results(db, a) == []
    deleted.inverse(db)
    assert [r["rank"] for r in svc.list_results(db, a)] == [3]
