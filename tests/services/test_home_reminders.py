"""首页 reminders and retirements: computed from the records, the same in the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from guilin_union.cli import main
from guilin_union.core.ids import make_resident_id
from guilin_union.services import members, settings
from guilin_union.services.home.reminders import KINDS, birthdays, reminders
from guilin_union.services.home.retirements import upcoming_retirements

TODAY = dt.date(2026, 1, 10)


def _member(db, name, birth, gender, seq, **extra):
    data = {
        "name": name,
        "id_number": make_resident_id("450302", birth, seq, gender),
        "branch": "文学院分工会",
        "status": "在会",
        **extra,
    }
    return members.add_member(db, data).row_id


@pytest.fixture
def people(branch_db):
    db = branch_db
    ids = {
        "man66": _member(db, "甲男", dt.date(1966, 3, 15), "男", 11),
        "woman71": _member(db, "乙女", dt.date(1971, 2, 10), "女", 12),
        "man63": _member(db, "丙男", dt.date(1963, 5, 20), "男", 13),
        "young": _member(db, "丁青", dt.date(1990, 1, 25), "男", 15),
        "worker": _member(db, "戊工", dt.date(1975, 9, 2), "女", 16, position="工勤岗"),
    }
    return db, ids


def test_retirement_dates_follow_the_2025_rules(people):
    db, ids = people
    found = {r.member_id: r for r in upcoming_retirements(db, within_months=600, today=TODAY)}
    assert found[ids["man66"]].retirement_date == "2026-07-15"
    assert found[ids["woman71"]].retirement_date == "2026-06-10"
    # Past the age for more than the setting's 12 months: 返聘, not listed.
    assert ids["man63"] not in found
    # 工勤 women keep the original age of 50: born 1975-09 → original 2025-09, delay 5 months.
    assert found[ids["worker"]].retirement_date == "2026-02-02"
    assert "原 50" in found[ids["worker"]].age_rule


def test_retirement_window_and_past_setting(people):
    db, ids = people
    soon = {r.member_id for r in upcoming_retirements(db, within_months=7, today=TODAY)}
    assert soon == {ids["man66"], ids["woman71"], ids["worker"]}
    with db.atomic():
        settings.set_value(db, "home_retirement_past_months", 60)
    late = {r.member_id for r in upcoming_retirements(db, within_months=1, today=TODAY)}
    assert ids["man63"] in late and ids["man66"] not in late


def test_birthdays_and_reminder_lines(people):
    db, ids = people
    assert [b["member_id"] for b in birthdays(db, 1)] == [ids["young"]]
    found = reminders(db, today=TODAY)
    kinds = {r.kind for r in found}
    assert {"retirement", "birthday"} <= kinds
    assert all(r.kind in KINDS for r in found)
    assert [r.date for r in found] == sorted(r.date for r in found)
    birthday = next(r for r in found if r.kind == "birthday")
    assert birthday.to_json()["target"] == {"type": "birthday_month", "id": 202601}
    # within_days drops what lies further ahead but keeps what is already due.
    near = reminders(db, within_days=10, today=TODAY)
    assert all(r.date <= "2026-01-20" for r in near)


def test_demo_has_every_kind_the_secretary_acts_on(demo_db):
    kinds = {r.kind for r in reminders(demo_db)}
    for kind in (
        "proposal_reply_overdue",
        "retirement",
        "birthday",
        "application_waiting",
        "delegate_not_active",
        "dues_arrears",
    ):
        assert kind in kinds, kind
    assert kinds & {"workpoint_due", "workpoint_overdue"}
    # One line a person, however many delegate records (terms) they have.
    delegates = [r.title for r in reminders(demo_db) if r.kind == "delegate_not_active"]
    assert len(delegates) == len(set(delegates))


def test_cli_reminders_and_retirements_json(people, tmp_path, capsys):
    db, ids = people
    with db.atomic():  # every past retirement too, whatever today's date is
        settings.set_value(db, "home_retirement_past_months", 1200)
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.conn.close()
    assert main(["--db", path, "members", "retirements", "--within-months", "1200", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {r["name"]: r for r in rows}
    assert set(rows[0]) >= {
        "member_id",
        "name",
        "gender",
        "birth_date",
        "retirement_date",
        "age_rule",
    }
    assert by_name["甲男"]["retirement_date"] == "2026-07-15"
    assert by_name["乙女"]["retirement_date"] == "2026-06-10"
    assert by_name["丙男"]["retirement_date"] == "2023-05-20"
    assert main(["--db", path, "reminders", "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert lines and all(set(x) >= {"kind", "date", "title", "target"} for x in lines)
    assert all(set(x["target"]) == {"type", "id"} for x in lines)
