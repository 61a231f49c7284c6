"""Demo data of the work points: both samples imported and tracked, links, roll-over, scale."""

from __future__ import annotations

import random
from datetime import date

from guilin_union.services import workpoints as wp
from guilin_union.services.demo import workpoints as demo
from guilin_union.services.workpoints.links import record_links, unanswered_upper_items
from guilin_union.services.workpoints.queries import overview
from tests.workpoints_fixtures import REGION_2025, SCHOOL_2024


def test_samples_ship_in_resources() -> None:
    assert demo.sample_text(demo.SCHOOL_SAMPLE) == SCHOOL_2024.read_text(encoding="utf-8")
    assert demo.sample_text(demo.UPPER_SAMPLE) == REGION_2025.read_text(encoding="utf-8")


def test_demo_database_tracks_both_samples(demo_db) -> None:
    plans = {(p["year"], p["kind"]): p for p in wp.list_plans(demo_db)}
    assert set(plans) - {(date.today().year, "school")} == {
        (2024, "school"),
        (2025, "upper"),
        (2025, "school"),
    }
    school = plans[(2024, "school")]
    assert school["title"] == "桂林学院2024年工会工作要点" and school["tracked_count"] == 12
    assert plans[(2025, "upper")]["doc_number"] == "桂教工字〔2025〕9号"
    nodes = wp.plan_items(demo_db, school["id"])
    leaves = [n for n in nodes if n["is_leaf"]]
    owners = [n["owner"] for n in leaves if n["owner"]]
    assert len(owners) >= 6
    member_names = {r[0] for r in demo_db.execute("SELECT name FROM members")}
    assert set(owners) <= member_names
    assert sum(n["note_count"] for n in leaves) >= 12
    assert all(n["deadline"] and n["deadline"].startswith("2024") for n in leaves)
    assert {n["status"] for n in leaves} >= {"已完成"}
    assert all(n["lead_unit"] == "校工会" for n in leaves)
    # School items answer upper items; some upper items are left unanswered.
    links = demo_db.execute("SELECT count(*) FROM workpoint_upper_links").fetchone()[0]
    assert links >= 8
    assert 0 < len(unanswered_upper_items(demo_db, plans[(2025, "upper")]["id"])) < 19
    # The congress item links to a session of the congress demo.
    congress_item = next(n for n in leaves if "教职工代表大会" in n["text"])
    assert [r["target_kind"] for r in record_links(demo_db, congress_item["id"])] == [
        "congress_session"
    ]
    # The unfinished 2024 items were carried into 2025 with their history.
    carried = [
        n
        for n in wp.plan_items(demo_db, plans[(2025, "school")]["id"])
        if n["carried_from_item_id"]
    ]
    unfinished = [n for n in leaves if n["status"] not in ("已完成", "已取消")]
    assert len(carried) == len(unfinished) - 1 >= 1
    assert len(overview(demo_db, school["id"]).overdue) == 1  # the one left behind
    assert overview(demo_db, school["id"]).totals.total == 12


def test_populate_is_deterministic_and_scales(db, tmp_path) -> None:
    from guilin_union.storage import open_database

    def snapshot(database) -> list[tuple]:
        return list(
            database.execute(
                "SELECT i.heading, i.owner, i.deadline, i.status, p.year, p.kind FROM workpoint_items i"
                " JOIN workpoint_plans p ON p.id = i.plan_id ORDER BY i.id"
            )
        )

    summary = demo.populate(db, random.Random(3), "normal")
    other = open_database(tmp_path / "other.db")
    demo.populate(other, random.Random(3), "normal")
    assert snapshot(db) == snapshot(other) and summary["工作要点计划"] == 3 + (
        date.today().year > 2025
    )
    large = open_database(tmp_path / "large.db")
    summary = demo.populate(large, random.Random(3), "large")
    years = {(p["year"], p["kind"]) for p in wp.list_plans(large)}
    assert len([y for y in years if y[1] == "upper"]) == 10 and summary["工作要点计划"] >= 20
    shifted = wp.list_plans(large, year=2016, kind="upper")[0]
    assert (
        shifted["title"] == "自治区教育工会2016年工作要点"
        and shifted["doc_number"] == "桂教工字〔2016〕9号"
    )
    for connection in (other, large):
        connection.conn.close()
