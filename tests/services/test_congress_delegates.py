"""代表: election rules, replacement dates, delegations, composition and its warnings."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import congress
from guilin_union.services.congress import delegates
from tests.congress_fixtures import add_member, make_congress


def _names(rows):
    return sorted(r["name"] for r in rows)


def test_replacement_dates_decide_who_was_a_delegate(db):
    c = make_congress(db, formal=3, attending=0, special=0, spare=1)
    old = c.delegates["赵一"]
    new_member = c.spare[0]
    new_id = delegates.replace_delegate(
        db, old, new_member, on_date="2023-09-01", reason="调离学校"
    ).row_id
    before = delegates.delegates_on(db, c.term_id, "2023-08-31")
    on_day = delegates.delegates_on(db, c.term_id, "2023-09-01")
    assert "赵一" in _names(before) and "李四" not in _names(before)
    assert "赵一" not in _names(on_day) and "李四" in _names(on_day)
    assert len(on_day) == 3
    row = delegates.get_delegate(db, new_id)
    assert (row["start_reason"], row["replaces_id"], row["delegate_type"]) == (
        "更换",
        old,
        "正式代表",
    )
    assert delegates.get_delegate(db, old)["end_reason"] == "调离学校"
    assert delegates.is_formal_delegate_on(db, c.term_id, c.members["赵一"], "2023-08-31")
    assert not delegates.is_formal_delegate_on(db, c.term_id, c.members["赵一"], "2023-09-01")
    # The session (2024-03-15) sees the successor.
    assert "李四" in _names(delegates.session_delegates(db, c.session_id))


def test_replacement_hands_over_the_head(db):
    c = make_congress(db, formal=4, attending=0, special=0, spare=1)
    zhao = delegates.get_delegate(db, c.delegates["赵一"])
    delegates.set_head(db, zhao["delegation_id"], c.members["赵一"])
    delegates.replace_delegate(
        db,
        c.delegates["赵一"],
        c.spare[0],
        on_date="2023-01-10",
        reason="退休",
        start_reason="补选",
    )
    assert delegates.get_delegation(db, zhao["delegation_id"]).head_member_id == c.spare[0]


def test_replacement_rules(db):
    c = make_congress(db, formal=2, attending=0, special=0, spare=1)
    with pytest.raises(ValidationError, match="晚于"):
        delegates.replace_delegate(
            db, c.delegates["赵一"], c.spare[0], on_date="2022-03-01", reason="调离"
        )
    with pytest.raises(ValidationError, match="原代表本人"):
        delegates.replace_delegate(
            db, c.delegates["赵一"], c.members["赵一"], on_date="2023-03-01", reason="调离"
        )
    with pytest.raises(ValidationError, match="已是代表"):  # the successor already is one
        delegates.replace_delegate(
            db, c.delegates["赵一"], c.members["钱二"], on_date="2023-03-01", reason="调离"
        )
    delegates.end_delegate(db, c.delegates["赵一"], "2023-03-01", "辞去代表职务")
    with pytest.raises(ConflictError, match="已于"):
        delegates.replace_delegate(
            db, c.delegates["赵一"], c.spare[0], on_date="2023-05-01", reason="调离"
        )
    delegates.reopen_delegate(db, c.delegates["赵一"])
    assert delegates.get_delegate(db, c.delegates["赵一"])["end_date"] is None


def test_election_rules(db):
    c = make_congress(db, formal=1, attending=0, special=0, spare=0)
    retired = add_member(db, "退休甲", c.branch_ids[0], 50, status="保留会籍")
    with pytest.raises(ValidationError, match="不能当选正式代表"):
        delegates.add_delegate(db, c.term_id, retired, start_date="2022-03-01")
    special = delegates.add_delegate(
        db, c.term_id, retired, delegate_type="特邀代表", start_date="2022-03-01"
    ).row_id
    assert delegates.get_delegate(db, special)["category"] in congress.rules(db).categories
    with pytest.raises(ValidationError, match="已是代表"):
        delegates.add_delegate(db, c.term_id, c.members["赵一"], start_date="2023-01-01")
    other_term = congress.create_term(db, start_year=2027).row_id
    foreign = delegates.add_delegation(db, other_term, "外届代表团").row_id
    newcomer = add_member(db, "新人乙", c.branch_ids[0], 51)
    with pytest.raises(ValidationError, match="不属于本届"):
        delegates.add_delegate(
            db, c.term_id, newcomer, delegation_id=foreign, start_date="2022-03-01"
        )
    with pytest.raises(ValidationError, match="不在"):
        delegates.add_delegate(db, c.term_id, newcomer, start_date="2030-01-01")
    with pytest.raises(ValidationError, match="类别应为"):
        delegates.add_delegate(db, c.term_id, newcomer, category="学生", start_date="2022-03-01")


def test_default_delegation_follows_the_branch(db):
    c = make_congress(db, formal=2, attending=0, special=0, spare=0)
    names = [g.name for g in delegates.list_delegations(db, c.term_id)]
    assert names == ["文学院代表团", "机关代表团"]
    assert delegates.get_delegate(db, c.delegates["钱二"])["delegation"] == "机关代表团"
    assert delegates.ensure_default_delegations(db, c.term_id).row_id == 0  # nothing twice


@pytest.mark.parametrize("teachers, warned", [(3, True), (4, False), (6, False)])
def test_teacher_share_warning_at_the_setting(db, teachers, warned):
    c = make_congress(db, formal=6, attending=1, special=1, spare=0, teachers=teachers)
    comp = delegates.composition(db, c.term_id, "2024-03-15")
    assert comp.formal == 6 and comp.teachers == teachers
    assert any("低于规定的 60%" in w for w in comp.warnings) is warned
    assert comp.by_type == {"正式代表": 6, "列席代表": 1, "特邀代表": 1}


def test_teacher_share_exactly_at_the_minimum_is_enough(db):
    c = make_congress(db, formal=5, attending=0, special=0, spare=0, teachers=3)  # 3/5 = 60%
    comp = delegates.composition(db, c.term_id, "2024-03-15")
    assert comp.teacher_ok and comp.teacher_share == "60.0%"
    congress.save_rules(db, {"congress_teacher_share_min_percent": 61})
    assert not delegates.composition(db, c.term_id, "2024-03-15").teacher_ok


def test_composition_counts(db):
    c = make_congress(db, formal=6, attending=1, special=1, spare=0)
    comp = delegates.composition(db, c.term_id, "2024-03-15")
    assert comp.women == 2 and comp.women_share == "33.3%"
    assert sum(n for _, n in comp.age_bands) == 6
    by = {d.name: (d.formal, d.attending, d.special) for d in comp.by_delegation}
    assert by == {"文学院代表团": (3, 1, 0), "机关代表团": (3, 0, 1)}
    assert any("尚未指定团长" in w for w in comp.warnings)
    for g in delegates.list_delegations(db, c.term_id):
        first = next(
            r
            for r in delegates.delegates_on(db, c.term_id, "2024-03-15")
            if r["delegation_id"] == g.id
        )
        delegates.set_head(db, g.id, first["member_id"])
    assert not delegates.composition(db, c.term_id, "2024-03-15").warnings


def test_head_must_be_a_delegate_of_the_delegation(db):
    c = make_congress(db, formal=2, attending=0, special=0, spare=1)
    g = delegates.get_delegate(db, c.delegates["赵一"])["delegation_id"]
    with pytest.raises(ValidationError, match="现任代表"):
        delegates.set_head(db, g, c.members["钱二"])  # 钱二 is in 机关代表团


def test_delete_and_restore_delegate(db):
    c = make_congress(db, formal=2, attending=0, special=0, spare=1)
    new_id = delegates.replace_delegate(
        db, c.delegates["赵一"], c.spare[0], on_date="2023-01-01", reason="调离"
    ).row_id
    result = delegates.delete_delegate(db, new_id)
    assert (
        delegates.get_delegate(db, c.delegates["赵一"])["end_date"] is None
    )  # the predecessor is back
    delegates.restore_delegate(db, result.undo)
    assert delegates.get_delegate(db, c.delegates["赵一"])["end_date"] == "2023-01-01"


def test_guess_category():
    cats = ["教师", "管理", "教辅", "工勤", "其他"]
    assert (
        delegates.guess_category(
            {"title": "讲师", "department": "英语系", "branch": "外国语学院分工会"}, cats
        )
        == "教师"
    )
    assert (
        delegates.guess_category(
            {"title": "讲师", "department": "人事处", "branch": "机关分工会"}, cats
        )
        == "管理"
    )
    assert (
        delegates.guess_category(
            {"title": "工程师", "department": "实验中心", "branch": "信息工程学院分工会"}, cats
        )
        == "教辅"
    )
    assert (
        delegates.guess_category(
            {"title": None, "department": "物业服务中心", "branch": "后勤保障处分工会"}, cats
        )
        == "工勤"
    )
