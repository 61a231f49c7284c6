"""Activities: the record, its events, lists, deletion with undo, attachments, work-point link."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import activities as svc
from guilin_union.services import settings
from guilin_union.services.activities import ActivityQuery, ActivityValidationError, registration
from tests import activities_fixtures as fx


@pytest.fixture
def people(db):
    return fx.setup(db)


def test_save_activity_with_events_and_read_it_back(db):
    activity_id = fx.make_activity(
        db,
        places=100,
        event_limit=2,
        events=["男子100米", {"name": "4×100米接力", "kind": "团体", "points_weight": 2}],
    )
    a = svc.get_activity(db, activity_id)
    assert a["name"] == "第二十二届田径运动会暨教职工亲子运动会"
    assert a["year"] == 2024
    assert a["organiser"] == "校工会"
    assert [(e["name"], e["kind"], e["points_weight"]) for e in a["events"]] == [
        ("男子100米", "个人", 1),
        ("4×100米接力", "团体", 2),
    ]
    assert a["places"] == 100 and a["event_limit"] == 2 and a["status"] == "筹备中"
    # Every write is in the change log.
    logged = {r[0] for r in db.execute("SELECT table_name FROM change_log")}
    assert {"activities", "activity_events"} <= logged


def test_validation_lists_every_problem_and_writes_nothing(db):
    with pytest.raises(ActivityValidationError) as info:
        svc.save_activity(
            db,
            {
                "name": " ",
                "type": "吃饭",
                "start_date": "2024-05-10",
                "end_date": "2024-05-01",
                "places": -3,
                "event_limit": "两项",
                "events": ["跳绳", "跳绳 "],
            },
        )
    errors = info.value.errors
    assert set(errors) == {"name", "type", "end_date", "places", "event_limit", "events"}
    assert "文体活动" in errors["type"]  # lists the allowed types
    assert "重复" in errors["events"]
    assert db.execute("SELECT count(*) FROM activities").fetchone()[0] == 0


def test_deadline_after_the_activity_is_refused(db):
    with pytest.raises(ActivityValidationError) as info:
        fx.make_activity(db, signup_deadline="2024-12-01")
    assert "报名截止" in info.value.errors["signup_deadline"]


def test_missing_start_date_is_refused_with_the_reason(db):
    with pytest.raises(ActivityValidationError) as info:
        svc.save_activity(db, {"name": "健步走", "type": "文体活动"})
    assert "年度" in info.value.errors["start_date"]


def test_organiser_branch_and_upper_union(db, people):
    branch = fx.branch_id(db, "机关分工会")
    a = fx.make_activity(db, organiser_kind="分工会", organiser_branch_id=branch)
    assert svc.get_activity(db, a)["organiser"] == "机关分工会"
    b = fx.make_activity(db, organiser_kind="上级工会", organiser_name="自治区教育工会")
    assert svc.get_activity(db, b)["organiser"] == "自治区教育工会"
    with pytest.raises(ActivityValidationError) as info:
        fx.make_activity(db, organiser_kind="分工会")
    assert "organiser_branch" in info.value.errors


def test_type_list_is_a_setting(db):
    settings.set_many(db, {"activity_types": ["文体活动", "读书会"]})
    a = fx.make_activity(db, type="读书会")
    assert svc.get_activity(db, a)["type"] == "读书会"
    settings.set_many(db, {"activity_types": ["文体活动"]})
    # An existing activity keeps a type that was since removed from the list.
    svc.save_activity(db, {**svc.get_activity_row(db, a), "events": []}, a)
    with pytest.raises(ActivityValidationError):
        fx.make_activity(db, type="读书会")


def test_renaming_an_event_keeps_its_id_and_entries(db, people):
    a = fx.make_activity(db, events=["跳远", "铅球"])
    ids = fx.event_ids(db, a)
    registration.register_members(db, a, [people["张伟"]], event_ids=[ids["跳远"]])
    data = svc.get_activity_row(db, a)
    svc.save_activity(
        db,
        {
            **data,
            "events": [
                {"id": ids["跳远"], "name": "立定跳远"},
                {"id": ids["铅球"], "name": "铅球"},
                "跳绳",
            ],
        },
        a,
    )
    assert fx.event_ids(db, a) == {
        "立定跳远": ids["跳远"],
        "铅球": ids["铅球"],
        "跳绳": ids["铅球"] + 1,
    }
    assert registration.list_participants(db, a)[0]["events"] == ["立定跳远"]


def test_an_event_with_entries_cannot_be_removed(db, people):
    a = fx.make_activity(db, events=["跳远", "铅球"])
    ids = fx.event_ids(db, a)
    registration.register_members(db, a, [people["张伟"]], event_ids=[ids["跳远"]])
    with pytest.raises(ConflictError, match="跳远.*1 人报名"):
        svc.save_activity(
            db,
            {
                **svc.get_activity_row(db, a),
                "name": "新名称",
                "events": [{"id": ids["铅球"], "name": "铅球"}],
            },
            a,
        )
    # All or nothing: the name did not change either.
    assert svc.get_activity_row(db, a)["name"] == "第二十二届田径运动会暨教职工亲子运动会"
    assert set(fx.event_ids(db, a)) == {"跳远", "铅球"}


def test_places_cannot_drop_below_the_places_taken(db, people):
    a = fx.make_activity(db, places=5)
    registration.register_members(db, a, [people["张伟"], people["李娜"], people["王强"]])
    with pytest.raises(ActivityValidationError) as info:
        svc.save_activity(db, {**svc.get_activity_row(db, a), "places": 2}, a)
    assert "3 人占用名额" in info.value.errors["places"]


def test_delete_activity_and_restore_everything(db, people):
    from guilin_union.services.activities import budget as activities_budget
    from guilin_union.services.activities import results as activities_results

    a = fx.make_activity(db, events=["跳远"])
    ev = fx.event_ids(db, a)["跳远"]
    registration.register_members(db, a, [people["张伟"], people["李娜"]], event_ids=[ev])
    pid = fx.participant_id(db, a, people["张伟"])
    activities_results.record_result(db, a, ev, participant_id=pid, rank=1, score="5.20米")
    activities_budget.add_line(db, a, kind="预算", category="奖品", amount=50000)
    tables = (
        "activities",
        "activity_events",
        "activity_participants",
        "activity_entries",
        "activity_results",
        "activity_budget_lines",
    )

    def counts():
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    before = counts()
    result = svc.delete_activity(db, a)
    assert all(n == 0 for n in counts().values())
    svc.restore_activity(db, result.undo)
    assert counts() == before
    assert registration.list_participants(db, a)[0]["result"] == "跳远 第1名 5.20米"


def test_list_filters_and_public_json(db, people):
    a = fx.make_activity(db, places=10)
    fx.make_activity(
        db,
        name="2023年健步走",
        start_date="2023-04-01",
        end_date=None,
        signup_deadline=None,
        place="环湖步道",
    )
    fx.make_activity(
        db,
        name="“最美家庭”评选",
        type="评选",
        start_date="2024-04-20",
        end_date=None,
        signup_deadline=None,
        place=None,
    )
    registration.register_members(db, a, [people["张伟"], people["李娜"]])
    assert [r["name"] for r in svc.list_activities(db, ActivityQuery(year=2023))] == [
        "2023年健步走"
    ]
    assert [r["type"] for r in svc.list_activities(db, ActivityQuery(type="评选"))] == ["评选"]
    assert [r["name"] for r in svc.list_activities(db, ActivityQuery(search="田径"))] == [
        "第二十二届田径运动会暨教职工亲子运动会"
    ]
    assert svc.years(db) == [2024, 2023]
    row = svc.list_activities(db, ActivityQuery(search="田径"))[0]
    data = svc.to_public_json(row)
    assert {
        "id",
        "name",
        "type",
        "organiser",
        "start_date",
        "end_date",
        "place",
        "places",
        "registered",
        "status",
        "year",
    } <= set(data)
    assert (data["registered"], data["places"], data["year"]) == (2, 10, 2024)


def test_sorting_is_done_in_sql(db):
    fx.make_activity(db, name="乙", start_date="2024-03-01", end_date=None, signup_deadline=None)
    fx.make_activity(db, name="甲", start_date="2024-05-01", end_date=None, signup_deadline=None)
    by_date = svc.list_activities(db, ActivityQuery(sort_key="start_date", descending=False))
    assert [r["name"] for r in by_date] == ["乙", "甲"]
    by_date_desc = svc.list_activities(db, ActivityQuery(sort_key="start_date", descending=True))
    assert [r["name"] for r in by_date_desc] == ["甲", "乙"]


def test_status_and_summary(db):
    a = fx.make_activity(db)
    svc.set_status(db, a, "已结束")
    svc.set_summary(db, a, "  共有120人参加。 ")
    row = svc.get_activity_row(db, a)
    assert (row["status"], row["summary"]) == ("已结束", "共有120人参加。")
    with pytest.raises(ValidationError):
        svc.set_status(db, a, "完成")


def test_attachments_are_copied_beside_the_database(db, tmp_path):
    a = fx.make_activity(db)
    photo = tmp_path / "source" / "合影.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8fake jpeg")
    result = svc.add_attachment(db, a, photo, caption="开幕式合影")
    stored = svc.attachment_path(db, result.row_id)
    assert stored.read_bytes() == photo.read_bytes() and stored != photo
    assert "attachments" in stored.parts
    removed = svc.remove_attachment(db, result.row_id)
    assert svc.list_attachments(db, a) == []
    removed.inverse(db)
    assert [x["caption"] for x in svc.list_attachments(db, a)] == ["开幕式合影"]


def _plan_item(db, year: int, heading: str, kind: str = "school") -> int:
    """A work-point plan with one item, written directly (the work-points area owns the API)."""
    plan = db.execute(
        "INSERT INTO workpoint_plans (year, kind, title, imported_at) VALUES (?, ?, ?, '2024-01-05T09:00:00')",
        [year, kind, f"{year}年工作要点"],
    ).lastrowid
    return db.execute(
        "INSERT INTO workpoint_items (plan_id, level, position, heading, created_at, updated_at)"
        " VALUES (?, 2, 1, ?, '2024-01-05', '2024-01-05')",
        [plan, heading],
    ).lastrowid


def test_workpoint_link_to_the_schools_items(db):
    if svc.workpoint_table(db) is None:
        pytest.skip("the work-points schema is not there")
    assert svc.workpoint_choices(db) == []
    item = _plan_item(db, 2024, "开展第二十二届田径运动会暨教职工亲子运动会")
    _plan_item(
        db, 2024, "组织举办全区高校教职工气排球比赛", kind="upper"
    )  # the upper union's: not offered
    older = _plan_item(db, 2023, "开展健步走活动")
    assert svc.workpoint_choices(db) == [
        (item, "2024年 开展第二十二届田径运动会暨教职工亲子运动会"),
        (older, "2023年 开展健步走活动"),
    ]
    assert svc.workpoint_choices(db, year=2023) == [(older, "2023年 开展健步走活动")]
    a = fx.make_activity(db, workpoint_item_id=item)
    assert (
        svc.get_activity(db, a)["workpoint_label"]
        == "2024年 开展第二十二届田径运动会暨教职工亲子运动会"
    )
    with pytest.raises(ActivityValidationError) as info:
        fx.make_activity(db, workpoint_item_id=9999)
    assert "不存在" in info.value.errors["workpoint_item_id"]


def test_demo_adds_two_years_of_named_activities(demo_db):
    names = [r[0] for r in demo_db.execute("SELECT name FROM activities")]
    years = {
        int(r[0])
        for r in demo_db.execute("SELECT DISTINCT substr(start_date, 1, 4) FROM activities")
    }
    assert len(years) >= 2
    for needle in (
        "田径运动会暨教职工亲子运动会",
        "气排球比赛",
        "健步走",
        "单身教职工联谊",
        "“园丁杯”书法篆刻作品展",
        "教师节",
        "劳模工匠进校园",
        "最美家庭",
    ):
        assert any(needle in n for n in names), needle
    assert demo_db.execute("SELECT count(*) FROM activity_participants").fetchone()[0] > 500
    assert demo_db.execute("SELECT count(*) FROM activity_results WHERE rank = 1").fetchone()[0] > 5
    spent = demo_db.execute(
        "SELECT count(*) FROM activity_budget_lines WHERE kind = '支出'"
    ).fetchone()[0]
    assert spent > 10
    # An upcoming activity with registration open and a waiting list, whatever the date.
    upcoming = svc.list_activities(demo_db, ActivityQuery(status="报名中"))
    assert any(r["waiting"] for r in upcoming)


def test_demo_data_respects_the_registration_rules(demo_db):
    for activity_id, places in demo_db.execute(
        "SELECT id, places FROM activities WHERE places IS NOT NULL"
    ):
        waiting = demo_db.execute(
            "SELECT count(*) FROM activity_participants WHERE activity_id = ? AND status = '候补'",
            [activity_id],
        ).fetchone()[0]
        used = registration.places_used(demo_db, activity_id)
        assert used <= places
        if waiting:
            assert used == places


def test_area_settings_are_validated_and_stored_together(db):
    svc.save_settings(
        db,
        {
            "activity_types": "文体活动\n读书会\n文体活动",
            "activity_point_scheme": "9-7-6-5",
            "activity_tie_points": "同分",
            "activity_roles_outside_places": "裁判",
        },
    )
    assert svc.activity_types(db) == ["文体活动", "读书会"]
    assert settings.get(db, "activity_point_scheme") == "9,7,6,5"
    assert settings.get(db, "activity_tie_points") == "同分"
    with pytest.raises(ActivityValidationError) as info:
        svc.save_settings(
            db,
            {
                "activity_types": "",
                "activity_point_scheme": "1,2",
                "activity_roles_outside_places": "啦啦队",
                "activity_eligible_statuses": "在职",
            },
        )
    assert set(info.value.errors) == {
        "activity_types",
        "activity_point_scheme",
        "activity_roles_outside_places",
        "activity_eligible_statuses",
    }
    assert svc.activity_types(db) == ["文体活动", "读书会"]  # nothing stored
