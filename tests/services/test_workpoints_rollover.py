"""services.workpoints_rollover: carrying unfinished items into next year's plan."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import rollover as ro
from tests.workpoints_fixtures import item_ids, save_school


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(ro)
    assert result.attempted > 0 and result.failed == 0


def _finish_all_but(db, ids: dict[str, int], keep: set[str]) -> None:
    done = [i for key, i in ids.items() if not key.startswith("§") and key not in keep]
    wp.set_status(db, done, "已完成")


def test_carry_unfinished_into_a_new_plan(db) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    _finish_all_but(db, ids, {"十", "十一"})
    wp.update_item(
        db,
        ids["十一"],
        {
            "owner": "李静",
            "status": "进行中",
            "deadline": "2024-10-31",
            "lead_unit": "校工会",
            "responsible_units": ["党政办公室"],
        },
    )
    assert [n["number"] for n in ro.carry_over_candidates(db, plan_id)] == ["十", "十一"]
    result = ro.carry_over(db, plan_id)
    assert result.undo["created_plan"] and result.undo["count"] == 2
    target = wp.get_plan(db, result.row_id)
    assert (target["year"], target["kind"]) == (2025, "school")
    nodes = wp.plan_items(db, result.row_id)
    assert (nodes[0]["level"], nodes[0]["heading"]) == (1, "2024年度结转事项")
    carried = {n["carried_from_item_id"]: n for n in nodes if n["level"] == 2}
    eleven = carried[ids["十一"]]
    assert (eleven["owner"], eleven["status"], eleven["deadline"], eleven["lead_unit"]) == (
        "李静",
        "进行中",
        None,
        "校工会",
    )
    assert eleven["responsible_units"] == ["党政办公室"] and eleven["label"] == "（十一）"
    # Nothing left to carry: refused without writing.
    with pytest.raises(ValidationError, match="没有需要结转"):
        ro.carry_over(db, plan_id)


def test_carry_into_an_existing_plan_appends_once(db) -> None:
    first = save_school(db)
    existing = save_school(db, year=2025)
    ids = item_ids(db, first)
    _finish_all_but(db, ids, {"三", "九"})
    ro.carry_over(db, first, item_ids=[ids["三"]])
    result = ro.carry_over(db, first)  # the rest: （九）
    assert result.row_id == existing and not result.undo["created_plan"]
    nodes = wp.plan_items(db, existing)
    sections = [n for n in nodes if n["level"] == 1]
    assert [s["heading"] for s in sections][-1] == "2024年度结转事项" and len(sections) == 5
    carry_section = sections[-1]
    children = [n["number"] for n in nodes if n["parent_id"] == carry_section["id"]]
    assert children == ["三", "九"]
    assert [n["position"] for n in nodes] == sorted(n["position"] for n in nodes)


def test_carry_refuses_finished_and_foreign_items(db) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["一"], {"status": "已完成"})
    with pytest.raises(ValidationError, match="已完成"):
        ro.carry_over(db, plan_id, item_ids=[ids["一"]])
    with pytest.raises(ValidationError, match="以后的年度"):
        ro.carry_over(db, plan_id, to_year=2024)
    assert len(wp.list_plans(db)) == 1


def test_undo_carry_over(db) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    result = ro.carry_over(db, plan_id, item_ids=[ids["五"]])
    result.inverse(db)
    assert [p["year"] for p in wp.list_plans(db)] == [2024]
    assert ro.carry_over_candidates(db, plan_id)  # can be carried again
    result = ro.carry_over(db, plan_id, item_ids=[ids["五"]])
    carried = [n for n in wp.plan_items(db, result.row_id) if n["carried_from_item_id"]][0]
    wp.add_note(db, carried["id"], note_date="2025-02-01", text="新一年继续推进。")
    with pytest.raises(ConflictError, match="不能撤销"):
        result.inverse(db)
    assert len(wp.list_plans(db)) == 2


def test_carried_items_are_not_overdue_in_the_old_plan(db) -> None:
    import datetime as dt

    from guilin_union.services.workpoints.queries import ItemQuery, overview, query_item_ids

    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["十"], {"deadline": "2024-12-31", "status": "进行中"})
    day = dt.date(2025, 1, 15)
    assert [n["id"] for n in overview(db, plan_id, today=day).overdue] == [ids["十"]]
    ro.carry_over(db, plan_id, item_ids=[ids["十"]])
    assert overview(db, plan_id, today=day).overdue == []
    assert query_item_ids(db, ItemQuery(plan_id=plan_id, overdue_only=True, today=day)) == []


def test_import_of_the_year_takes_in_the_carried_items(db) -> None:
    from guilin_union.services.workpoints import importer as wi
    from tests.workpoints_fixtures import SCHOOL_2024

    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.add_note(db, ids["十"], note_date="2024-06-01", text="入会工作进行中。")
    carry_plan = ro.carry_over(db, plan_id, item_ids=[ids["十"], ids["十一"]]).row_id
    assert ro.is_carry_plan(db, wp.get_plan(db, carry_plan))
    assert not ro.is_carry_plan(db, wp.get_plan(db, plan_id))
    assert wi.existing_plans(db, 2025, "school") == []  # nothing to ask about
    preview = wi.preview_file(SCHOOL_2024)
    result = wi.import_document(
        db, preview.parsed, year=2025, source_name="2025.txt", source_text=preview.text
    )
    assert result.undo["carried_items"] == 3  # the section and its two items
    assert [p["id"] for p in wp.list_plans(db, year=2025)] == [result.row_id]
    nodes = wp.plan_items(db, result.row_id)
    assert len(nodes) == 16 + 3 and nodes[-3]["heading"] == "2024年度结转事项"
    carried = next(n for n in nodes if n["carried_from_item_id"] == ids["十"])
    assert [n["text"] for n in wp.item_history(db, carried["id"])] == ["入会工作进行中。"]
    assert [n["position"] for n in nodes] == sorted(n["position"] for n in nodes)
