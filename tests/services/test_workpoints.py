"""services.workpoints: saving plans, editing and tracking items, notes, evidence, deleting."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.workpoints_parser import parse_workpoints
from guilin_union.services import workpoints as wp
from guilin_union.storage import recycle
from tests.workpoints_fixtures import (
    REGION_2025,
    SCHOOL_2024,
    item_ids,
    parsed,
    save_school,
    save_upper,
)


def test_docstring_examples() -> None:
    import doctest

    from guilin_union.services.workpoints import outline as workpoints_outline

    for module in (wp, workpoints_outline):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_school_sample_saved_as_tree(db) -> None:
    plan_id = save_school(db)
    plan = wp.get_plan(db, plan_id)
    assert (plan["year"], plan["kind"], plan["title"]) == (
        2024,
        "school",
        "桂林学院2024年工会工作要点",
    )
    assert plan["doc_number"] == "桂院工〔2024〕1号"
    assert plan["intro"].startswith("2024年学校工会的指导思想")
    assert plan["source_name"] == SCHOOL_2024.name
    nodes = wp.plan_items(db, plan_id)
    assert len(nodes) == 16
    sections = [n for n in nodes if n["level"] == 1]
    assert [n["number"] for n in sections] == ["一", "二", "三", "四"]
    leaves = [n for n in nodes if n["is_leaf"]]
    assert [n["label"] for n in leaves] == [f"（{c}）" for c in "一二三四五六七八九十"] + [
        "（十一）",
        "（十二）",
    ]
    assert all(n["status"] == "未开始" and n["level"] == 2 for n in leaves)
    # Positions follow the document; parents point at their section.
    assert [n["position"] for n in nodes] == sorted(n["position"] for n in nodes)
    by_id = {n["id"]: n for n in nodes}
    assert {by_id[n["parent_id"]]["number"] for n in leaves[:3]} == {"一"}


def test_upper_sample_keeps_units_and_sub_items(db) -> None:
    plan_id = save_upper(db)
    ids = item_ids(db, plan_id)
    nine = wp.get_item(db, ids["九"])
    assert nine["lead_unit"] == "自治区教育工会"
    assert nine["responsible_units"] == ["防城港", "百色", "崇左市教育工会"]
    sub = wp.get_item(db, ids["十一/1"])
    assert sub["level"] == 3 and sub["is_leaf"]
    labels = {n["id"]: n["label"] for n in wp.plan_items(db, plan_id)}
    assert labels[ids["十一/2"]] == "（十一）2."
    container = next(
        n for n in wp.plan_items(db, plan_id) if n["number"] == "十一" and n["level"] == 2
    )
    assert not container["is_leaf"] and container["status_text"] == "3项：未开始3"
    stored = db.execute(
        "SELECT responsible_units FROM workpoint_items WHERE id = ?", [ids["一"]]
    ).fetchone()[0]
    assert json.loads(stored) == ["各市教育工会〈教科文卫体工会〉", "各高校工会"]


@pytest.mark.parametrize(
    "year, kind, message",
    [
        (1800, "school", "年度"),
        ("二〇二四", "school", "年度"),
        (2024, "province", "类别"),
    ],
)
def test_save_plan_rejects_bad_year_or_kind(db, year, kind, message) -> None:
    with pytest.raises(ValidationError, match=message):
        wp.save_plan(db, parsed(SCHOOL_2024), year=year, kind=kind)
    assert db.execute("SELECT count(*) FROM workpoint_plans").fetchone()[0] == 0


def test_save_plan_without_items_is_refused(db) -> None:
    with pytest.raises(ValidationError, match="没有识别到任何条目"):
        wp.save_plan(db, parse_workpoints("只有一段说明文字。"), year=2024)


def test_every_write_is_in_the_change_log(db) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["一"], {"owner": "王宁"})
    logged = db.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'workpoint_items' AND action = 'insert'"
    ).fetchone()[0]
    assert logged == 16
    change = db.execute(
        "SELECT before_json, after_json FROM change_log WHERE table_name = 'workpoint_items'"
        " AND action = 'update'"
    ).fetchone()
    assert json.loads(change[0]) == {"owner": None} and json.loads(change[1])["owner"] == "王宁"


def test_update_item_normalises_and_undoes(db) -> None:
    ids = item_ids(db, save_school(db))
    result = wp.update_item(
        db,
        ids["四"],
        {
            "owner": "  李静 ",
            "deadline": "2024年4月30日",
            "status": "进行中",
            "lead_unit": "校工会",
            "responsible_units": "党政办公室、各分工会，党政办公室",
        },
    )
    item = wp.get_item(db, ids["四"])
    assert (item["owner"], item["deadline"], item["status"]) == ("李静", "2024-04-30", "进行中")
    assert item["responsible_units"] == ["党政办公室", "各分工会"]
    result.inverse(db)
    item = wp.get_item(db, ids["四"])
    assert (item["owner"], item["deadline"], item["status"], item["responsible_units"]) == (
        None,
        None,
        "未开始",
        [],
    )


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"status": "完成"}, "status"),
        ({"deadline": "2024-02-30"}, "deadline"),
        ({"heading": "  "}, "heading"),
        ({"owner": "张" * 61}, "owner"),
    ],
)
def test_update_item_rejects_bad_values(db, changes, field) -> None:
    ids = item_ids(db, save_school(db))
    with pytest.raises(ValidationError) as info:
        wp.update_item(db, ids["一"], changes)
    assert info.value.field == field
    assert wp.get_item(db, ids["一"])["status"] == "未开始"


def test_notes_latest_and_validation(db) -> None:
    ids = item_ids(db, save_school(db))
    first = wp.add_note(
        db, ids["八"], note_date="2024-03-05", text="制定运动会方案。", recorded_by="王宁"
    ).row_id
    wp.add_note(
        db,
        ids["八"],
        note_date="2024-05-20",
        text="第二十二届田径运动会顺利举行。",
        set_status="进行中",
    )
    node = next(
        n for n in wp.plan_items(db, wp.get_item(db, ids["八"])["plan_id"]) if n["id"] == ids["八"]
    )
    assert (
        node["latest_note"] == "第二十二届田径运动会顺利举行。"
        and node["latest_note_date"] == "2024-05-20"
    )
    assert node["note_count"] == 2 and node["status"] == "进行中"
    with pytest.raises(ValidationError, match="不能为空"):
        wp.add_note(db, ids["八"], note_date="2024-06-01", text="   ")
    with pytest.raises(ValidationError):
        wp.add_note(db, ids["八"], note_date="六月", text="有内容")
    result = wp.update_note(
        db, first, note_date="2024-03-06", text="制定并印发运动会方案。", recorded_by=None
    )
    assert wp.list_notes(db, ids["八"])[0]["text"] == "制定并印发运动会方案。"
    result.inverse(db)
    assert wp.list_notes(db, ids["八"])[0]["note_date"] == "2024-03-05"
    deleted = wp.delete_note(db, first)
    assert len(wp.list_notes(db, ids["八"])) == 1
    deleted.inverse(db)
    assert [n["id"] for n in wp.list_notes(db, ids["八"])][0] == first


def test_evidence_is_copied_listed_and_removable(db, tmp_path) -> None:
    ids = item_ids(db, save_school(db))
    source = tmp_path / "运动会照片.txt"
    source.write_text("照片说明", encoding="utf-8")
    evidence_id = wp.add_evidence(db, ids["八"], source, caption="运动会秩序册").row_id
    path = wp.evidence_path(db, evidence_id)
    assert path.read_text(encoding="utf-8") == "照片说明" and path != source
    assert path.parent.parent.name == "workpoints"
    rows = wp.list_evidence(db, ids["八"])
    assert [r["original_name"] for r in rows] == ["运动会照片.txt"]
    node = next(
        n for n in wp.plan_items(db, wp.get_item(db, ids["八"])["plan_id"]) if n["id"] == ids["八"]
    )
    assert node["evidence_names"] == ["运动会秩序册"]
    removed = wp.remove_evidence(db, evidence_id)
    assert wp.list_evidence(db, ids["八"]) == [] and path.exists()  # the copy stays for undo
    removed.inverse(db)
    assert len(wp.list_evidence(db, ids["八"])) == 1
    with pytest.raises(ValidationError, match="找不到文件"):
        wp.add_evidence(db, ids["八"], tmp_path / "不存在.pdf")


def test_replace_only_without_tracking(db) -> None:
    first = save_school(db)
    second = wp.save_plan(db, parsed(SCHOOL_2024), year=2024, replace_plan_id=first).row_id
    assert [p["id"] for p in wp.list_plans(db)] == [second]
    ids = item_ids(db, second)
    wp.add_note(db, ids["一"], note_date="2024-03-01", text="已学习。")
    assert wp.has_tracking_data(db, second)
    with pytest.raises(ConflictError, match="已有跟踪记录"):
        wp.save_plan(db, parsed(SCHOOL_2024), year=2024, replace_plan_id=second)
    assert [p["id"] for p in wp.list_plans(db)] == [second]
    assert db.execute("SELECT count(*) FROM workpoint_items").fetchone()[0] == 16


def test_delete_plan_goes_to_recycle_bin_once_and_comes_back(db) -> None:
    plan_id = save_upper(db)
    ids = item_ids(db, plan_id)
    wp.add_note(db, ids["十一/2"], note_date="2025-05-01", text="慰问活动启动。")
    wp.delete_plan(db, plan_id)
    assert db.execute("SELECT count(*) FROM workpoint_items").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM workpoint_notes").fetchone()[0] == 0
    groups = recycle.list_groups(db)
    assert len(groups) == 1
    rows = recycle.group_rows(db, groups[0].id)
    keys = [(r.table, r.row_id) for r in rows]
    assert len(keys) == len(set(keys)) == 1 + 24 + 1  # plan, every item once, the note
    recycle.restore_group(db, groups[0].id)
    assert len(wp.plan_items(db, plan_id)) == 24
    assert wp.list_notes(db, ids["十一/2"])[0]["text"] == "慰问活动启动。"


def test_add_and_delete_item(db) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    new_id = wp.add_item(
        db,
        plan_id,
        parent_id=ids["§一"],
        heading="开展主题党日联建活动。",
        number="三之一",
        owner="王宁",
    ).row_id
    nodes = wp.plan_items(db, plan_id)
    order = [n["id"] for n in nodes]
    assert order.index(new_id) == order.index(ids["三"]) + 1  # last child of section 一
    added = next(n for n in nodes if n["id"] == new_id)
    assert (added["level"], added["style"], added["owner"]) == (2, "item", "王宁")
    wp.delete_item(db, new_id)
    assert new_id not in {n["id"] for n in wp.plan_items(db, plan_id)}
    wp.delete_item(db, ids["§四"])  # a section with its items
    assert len(wp.plan_items(db, plan_id)) == 12
    with pytest.raises(NotFoundError):
        wp.get_item(db, ids["十"])


def test_set_status_many(db) -> None:
    ids = item_ids(db, save_school(db))
    result = wp.set_status(db, [ids["一"], ids["二"]], "已完成")
    assert {wp.get_item(db, i)["status"] for i in (ids["一"], ids["二"])} == {"已完成"}
    assert set(result.undo["items"]) == {ids["一"], ids["二"]}
    with pytest.raises(ValidationError):
        wp.set_status(db, [ids["一"]], "完成了")


def test_update_plan(db) -> None:
    plan_id = save_school(db)
    wp.update_plan(
        db, plan_id, {"title": "桂林学院2024年工会工作要点（修订）", "doc_date": "2024/3/1"}
    )
    plan = wp.get_plan(db, plan_id)
    assert plan["title"].endswith("（修订）") and plan["doc_date"] == "2024-03-01"
    with pytest.raises(ValidationError):
        wp.update_plan(db, plan_id, {"title": ""})


def test_history_follows_carried_items(db) -> None:
    from guilin_union.services.workpoints.rollover import carry_over

    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.add_note(db, ids["十"], note_date="2024-06-01", text="新入职教职工入会50人。")
    target = carry_over(db, plan_id, item_ids=[ids["十"]]).row_id
    carried = next(n for n in wp.plan_items(db, target) if n["carried_from_item_id"] == ids["十"])
    wp.add_note(db, carried["id"], note_date="2025-03-01", text="第二批入会30人。")
    history = wp.item_history(db, carried["id"])
    assert [(n["text"], n["inherited"], n["year"]) for n in history] == [
        ("新入职教职工入会50人。", True, 2024),
        ("第二批入会30人。", False, 2025),
    ]
    assert carried["carried_from_year"] == 2024
    old = next(n for n in wp.plan_items(db, plan_id) if n["id"] == ids["十"])
    assert old["carried_to_year"] == 2025


def test_years_and_plan_list_order(db) -> None:
    save_school(db)
    save_upper(db)
    save_upper(db, year=2024)
    assert wp.plan_years(db) == [2025, 2024]
    assert [(p["year"], p["kind"]) for p in wp.list_plans(db)] == [
        (2025, "upper"),
        (2024, "school"),
        (2024, "upper"),
    ]
    assert wp.list_plans(db, year=2024, kind="upper")[0]["tracked_count"] == 19


def test_region_units_exactly_as_written(db) -> None:
    """Every annotated item of the regional sample keeps its lead unit through storage."""
    plan_id = save_upper(db)
    leaves = [n for n in wp.plan_items(db, plan_id) if n["is_leaf"]]
    assert len(leaves) == 19
    assert all(n["lead_unit"] == "自治区教育工会" for n in leaves)
    assert REGION_2025.exists()


def test_overdue_uses_given_day(db) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["七"], {"deadline": "2024-09-10", "status": "进行中"})
    before = {n["id"]: n["overdue"] for n in wp.plan_items(db, plan_id, today=dt.date(2024, 9, 10))}
    after = {n["id"]: n["overdue"] for n in wp.plan_items(db, plan_id, today=dt.date(2024, 9, 11))}
    assert before[ids["七"]] is False and after[ids["七"]] is True
    wp.update_item(db, ids["七"], {"status": "已完成"})
    assert not any(n["overdue"] for n in wp.plan_items(db, plan_id, today=dt.date(2024, 12, 1)))
