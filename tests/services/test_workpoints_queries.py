"""services.workpoints_queries: the tracking list's filters and sorting, and the overview."""

from __future__ import annotations

import datetime as dt

import pytest

from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import queries as wq
from tests.workpoints_fixtures import item_ids, save_school, save_upper

DAY = dt.date(2024, 10, 15)


@pytest.fixture
def tracked(db):
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["一"], {"owner": "王宁", "deadline": "2024-06-30", "status": "已完成"})
    wp.update_item(
        db, ids["四"], {"owner": "李静", "deadline": "2024-04-30", "status": "进行中"}
    )  # overdue
    wp.update_item(
        db, ids["七"], {"owner": "陈晓东", "deadline": "2024-09-10"}
    )  # overdue, not started
    wp.update_item(
        db, ids["八"], {"owner": "王宁", "deadline": "2024-11-01", "status": "进行中"}
    )  # due soon
    wp.update_item(db, ids["十二"], {"status": "已取消", "deadline": "2024-01-31"})
    wp.add_note(db, ids["八"], note_date="2024-05-01", text="田径运动会筹备启动。")
    return db, plan_id, ids


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(wq)
    assert result.attempted > 0 and result.failed == 0


def test_unfiltered_view_lists_every_node_in_order(tracked) -> None:
    db, plan_id, _ = tracked
    ids = wq.query_item_ids(db, wq.ItemQuery(plan_id=plan_id))
    assert len(ids) == 16
    rows = wq.fetch_item_rows(db, ids, today=DAY)
    assert [rows[i]["position"] for i in ids] == sorted(rows[i]["position"] for i in ids)
    assert wq.query_item_ids(db, wq.ItemQuery()) == []


@pytest.mark.parametrize(
    "query, expected",
    [
        (dict(status="进行中"), ["四", "八"]),
        (dict(overdue_only=True), ["四", "七"]),
        (dict(no_owner_only=True), ["二", "三", "五", "六", "九", "十", "十一"]),
        (dict(search="运动会"), ["八"]),  # in the text and in a note
        (dict(search="李静"), ["四"]),
        (dict(search="（十二）"), ["十二"]),
    ],
)
def test_filters_list_only_tracked_items(tracked, query, expected) -> None:
    db, plan_id, ids = tracked
    by_id = {v: k for k, v in ids.items()}
    found = wq.query_item_ids(db, wq.ItemQuery(plan_id=plan_id, today=DAY, **query))
    assert [by_id[i] for i in found] == expected


def test_sort_by_deadline_in_sql(tracked) -> None:
    db, plan_id, ids = tracked
    by_id = {v: k for k, v in ids.items()}
    found = wq.query_item_ids(db, wq.ItemQuery(plan_id=plan_id, sort_key="deadline"))
    assert len(found) == 12  # tracked items only: sections mean nothing out of order
    assert [by_id[i] for i in found[:5]] == ["十二", "四", "一", "七", "八"]
    found = wq.query_item_ids(
        db, wq.ItemQuery(plan_id=plan_id, sort_key="deadline", descending=True)
    )
    assert [by_id[i] for i in found[:2]] == ["八", "七"]  # items without a deadline stay last
    assert by_id[found[-1]] == "十一"


def test_overview_counts_per_section(tracked) -> None:
    db, plan_id, ids = tracked
    o = wq.overview(db, plan_id, today=DAY)
    assert [s.label[:2] for s in o.sections] == ["一、", "二、", "三、", "四、"]
    first, second, third, fourth = o.sections
    assert (first.total, first.done, first.not_started) == (3, 1, 2)
    assert (second.in_progress, second.overdue) == (1, 1)
    assert (third.in_progress, third.not_started, third.overdue) == (1, 2, 1)
    assert (fourth.cancelled, fourth.done_rate) == (1, 0.0)
    assert (o.totals.total, o.totals.done, o.totals.in_progress, o.totals.cancelled) == (
        12,
        1,
        2,
        1,
    )
    assert [n["id"] for n in o.overdue] == [ids["四"], ids["七"]]
    assert [n["id"] for n in o.due_soon] == [ids["八"]]
    assert ids["十二"] not in {n["id"] for n in o.no_owner}  # cancelled items need no owner
    assert len(o.no_owner) == 7
    assert o.totals.done_rate == pytest.approx(1 / 11)


def test_overview_of_sub_items_counts_leaves(db) -> None:
    plan_id = save_upper(db)
    o = wq.overview(db, plan_id)
    assert [s.total for s in o.sections] == [4, 3, 8, 4]


def test_due_soon_window_is_a_setting(tracked) -> None:
    from guilin_union.services import settings

    db, plan_id, ids = tracked
    settings.set_many(db, {"workpoints_due_soon_days": 7})
    assert wq.overview(db, plan_id, today=DAY).due_soon == []
    settings.set_many(db, {"workpoints_due_soon_days": 30})
    assert [n["id"] for n in wq.overview(db, plan_id, today=DAY).due_soon] == [ids["八"]]


def test_document_without_sections(db) -> None:
    from guilin_union.core.workpoints_parser import parse_workpoints

    plan_id = wp.save_plan(
        db, parse_workpoints("1.甲。\n2.乙。\n（1）乙一。\n（2）乙二。"), year=2024
    ).row_id
    o = wq.overview(db, plan_id)
    assert [(s.label, s.total) for s in o.sections] == [("其他条目", 1), ("2.乙。", 2)]
    labels = [n["label"] for n in wp.plan_items(db, plan_id)]
    assert labels == ["1.", "2.", "2.（1）", "2.（2）"]
    flat = wp.save_plan(db, parse_workpoints("1.甲。\n2.乙。"), year=2025).row_id
    assert [(s.label, s.total) for s in wq.overview(db, flat).sections] == [("全部条目", 2)]


def test_items_owned_by(tracked) -> None:
    db, _, ids = tracked
    rows = wq.items_owned_by(db, "王宁")
    assert [r["id"] for r in rows] == [ids["一"], ids["八"]]
    assert rows[0]["year"] == 2024 and rows[0]["plan_title"] == "桂林学院2024年工会工作要点"
    assert wq.items_owned_by(db, "无此人") == []
