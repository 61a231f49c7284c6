"""services.workpoints_links: school ↔ upper items, coverage, activity/session links."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.services.workpoints import get_item, links, plan_items
from tests.workpoints_fixtures import item_ids, save_school, save_upper


@pytest.fixture
def plans(db):
    school, upper = save_school(db), save_upper(db)
    return db, school, upper, item_ids(db, school), item_ids(db, upper)


def _session(db, year: int = 2024) -> int:
    term = db.execute(
        "INSERT INTO congress_terms (number, start_year, end_year, length_years) VALUES (1, ?, ?, 5)",
        [year, year + 5],
    ).lastrowid
    return db.execute(
        "INSERT INTO congress_sessions (term_id, meeting_no, title, start_date, proposal_prefix, created_at)"
        " VALUES (?, 3, '第一届教职工代表大会第三次会议', ?, 'P', '2024-01-01')",
        [term, f"{year}-03-12"],
    ).lastrowid


def _activity(db, workpoint_item_id: int | None = None) -> int:
    return db.execute(
        "INSERT INTO activities (name, type, start_date, workpoint_item_id, created_at, updated_at)"
        " VALUES ('第二十二届田径运动会', '文体活动', '2024-11-02', ?, '2024-01-01', '2024-01-01')",
        [workpoint_item_id],
    ).lastrowid


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(links)
    assert result.attempted > 0 and result.failed == 0


def test_link_school_item_to_upper_items(plans) -> None:
    db, _, upper, s, u = plans
    links.link_upper(db, s["二"], u["二"])
    links.link_upper(db, s["二"], u["三"])
    assert [r["number"] for r in links.upper_links(db, s["二"])] == ["二", "三"]
    assert [r["title"] for r in links.answering_items(db, u["三"])][0].startswith(
        "（二）以中华人民共和国成立75周年"
    )
    counts = {n["id"]: n["answered_count"] for n in plan_items(db, upper)}
    assert counts[u["二"]] == 1 and counts[u["一"]] == 0


@pytest.mark.parametrize("case", ["reversed", "school-to-school", "duplicate"])
def test_link_upper_refusals(plans, case) -> None:
    db, _, _, s, u = plans
    if case == "reversed":
        with pytest.raises(ValidationError, match="本校"):
            links.link_upper(db, u["一"], s["一"])
    elif case == "school-to-school":
        with pytest.raises(ValidationError, match="上级"):
            links.link_upper(db, s["一"], s["二"])
    else:
        links.link_upper(db, s["一"], u["一"])
        with pytest.raises(ConflictError):
            links.link_upper(db, s["一"], u["一"])
    assert db.execute("SELECT count(*) FROM workpoint_upper_links").fetchone()[0] == (
        1 if case == "duplicate" else 0
    )


def test_unlink_upper_and_undo(plans) -> None:
    db, _, _, s, u = plans
    links.link_upper(db, s["八"], u["十三"])
    result = links.unlink_upper(db, s["八"], u["十三"])
    assert links.upper_links(db, s["八"]) == []
    result.inverse(db)
    assert [r["number"] for r in links.upper_links(db, s["八"])] == ["十三"]
    links.unlink_upper(db, s["八"], u["十三"])
    with pytest.raises(NotFoundError):
        links.unlink_upper(db, s["八"], u["十三"])


def test_coverage_shows_unanswered_upper_items(plans) -> None:
    db, school, upper, s, u = plans
    assert len(links.unanswered_upper_items(db, upper)) == 19
    links.link_upper(db, s["一"], u["一"])
    links.link_upper(db, s["九"], u["十一"])  # the container: answers its three sub-items
    rows = {r.item["id"]: r for r in links.coverage(db, upper)}
    assert rows[u["一"]].answered and not rows[u["一"]].inherited
    assert rows[u["十一/2"]].answered and rows[u["十一/2"]].inherited
    unanswered = links.unanswered_upper_items(db, upper)
    assert len(unanswered) == 19 - 1 - 3
    assert u["十一/1"] not in {i["id"] for i in unanswered}
    # Only links from one school plan count when it is named.
    other = save_school(db, year=2025)
    assert len(links.unanswered_upper_items(db, upper, school_plan_id=other)) == 19
    with pytest.raises(ValidationError, match="上级"):
        links.coverage(db, school)


def test_container_progress_in_coverage(plans) -> None:
    db, _, upper, s, u = plans
    links.link_upper(db, s["九"], u["十一/3"])
    container = next(r for r in links.coverage(db, upper) if r.item["id"] == u["十一"])
    assert (container.item["covered_leaves"], container.item["leaf_total"]) == (1, 3)


def test_record_links_to_sessions_and_activities(plans) -> None:
    db, _, _, s, _ = plans
    assert dict(links.available_record_kinds(db)) == {
        "activity": "活动",
        "congress_session": "教代会会议",
    }
    session = _session(db)
    own = _activity(db)
    pointing = _activity(db, workpoint_item_id=s["八"])  # made in the activities area
    links.link_record(db, s["四"], "congress_session", session)
    links.link_record(db, s["八"], "activity", own)
    assert [r["label"] for r in links.record_links(db, s["四"])] == [
        "第一届教职工代表大会第三次会议（2024-03-12）"
    ]
    found = links.record_links(db, s["八"])
    assert [(r["target_id"], r["link_id"] is None) for r in found] == [
        (own, False),
        (pointing, True),
    ]
    with pytest.raises(ConflictError):
        links.link_record(db, s["八"], "activity", own)
    with pytest.raises(NotFoundError):
        links.link_record(db, s["八"], "activity", 9999)
    with pytest.raises(ValidationError):
        links.link_record(db, s["八"], "meeting", own)
    choices = links.record_choices(db, "congress_session", year=2024)
    assert choices[0][0] == session


def test_deleted_record_is_shown_not_failing(plans) -> None:
    db, _, _, s, _ = plans
    activity = _activity(db)
    link_id = links.link_record(db, s["八"], "activity", activity).row_id
    db.execute("DELETE FROM activities WHERE id = ?", [activity])
    assert links.record_links(db, s["八"])[0]["label"].endswith("（已删除）")
    links.unlink_record(db, link_id)
    assert links.record_links(db, s["八"]) == []
    assert get_item(db, s["八"])["heading"]
