"""The recycle bin: every audited delete lands there, grouped per action, restorable with
its links; rolled-back and refused deletes leave nothing; purging overwrites the data."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from guilin_union.core.errors import ConflictError
from guilin_union.services import members
from guilin_union.services.safety.recycle import purge_expired
from guilin_union.storage import audit, open_database, recycle
from tests.safety_fixtures import add_person, dump, person_id, setup_branches

NOW = "2024-03-05T08:00:00"


@pytest.fixture
def linked(tmp_path):
    """A member with a status event and dues (ON DELETE CASCADE) and an application that
    points at them (ON DELETE SET NULL)."""
    db = open_database(tmp_path / "u.db")
    setup_branches(db)
    member_id = add_person(db, 1, name="张回收")
    with db.atomic():
        event_id = audit.insert(
            db,
            "member_status_events",
            {
                "member_id": member_id,
                "event_date": "2020-01-01",
                "from_status": "在会",
                "to_status": "在会",
                "action": "恢复会籍",
                "reason": "测试",
                "recorded_by": "x",
                "recorded_at": NOW,
            },
        )
        audit.insert(
            db,
            "member_dues",
            {"member_id": member_id, "salary_base_fen": 500000, "updated_at": NOW},
        )
        app_id = audit.insert(
            db,
            "intake_applications",
            {
                "name": "张回收",
                "branch_id": 1,
                "applied_on": "2009-09-01",
                "state": "已批准",
                "member_id": member_id,
                "created_at": NOW,
                "updated_at": NOW,
            },
        )
    yield db, member_id, event_id, app_id
    db.conn.close()


def _groups(db):
    return recycle.list_groups(db, include_restored=True)


def test_delete_takes_cascaded_rows_into_one_group_and_logs_them(linked):
    db, member_id, event_id, app_id = linked
    before = dump(db, skip=("change_log", "recycle_groups", "recycle_rows"))
    members.delete_member(db, member_id)
    groups = _groups(db)
    assert len(groups) == 1 and groups[0].summary == "会员：张回收" and groups[0].row_count == 3
    rows = recycle.group_rows(db, groups[0].id)
    assert [(r.table, r.cascade_of is None) for r in rows] == [
        ("members", True),
        ("member_status_events", False),
        ("member_dues", False),
    ]
    log = [
        (r[0], r[1])
        for r in db.execute(
            "SELECT table_name, action FROM change_log WHERE action IN ('delete', 'update') ORDER BY id DESC LIMIT 4"
        )
    ]
    assert set(log) == {
        ("members", "delete"),
        ("member_status_events", "delete"),
        ("member_dues", "delete"),
        ("intake_applications", "update"),
    }
    assert (
        db.execute("SELECT member_id FROM intake_applications WHERE id = ?", [app_id]).fetchone()[0]
        is None
    )

    recycle.restore_group(db, groups[0].id)
    after = dump(db, skip=("change_log", "recycle_groups", "recycle_rows"))
    assert after == before  # the member, its cascaded rows and the cut link are all back
    assert recycle.list_groups(db) == []
    assert _groups(db)[0].restored_at is not None


def test_deletes_of_one_action_form_one_group_separate_actions_separate_groups(tmp_path):
    db = open_database(tmp_path / "u.db")
    setup_branches(db)
    ids = [add_person(db, n) for n in range(1, 5)]
    with db.atomic():
        audit.delete(db, "members", ids[0])
        audit.delete(db, "members", ids[1])
    members.delete_member(db, ids[2])
    members.delete_member(db, ids[3])
    counts = sorted(g.row_count for g in recycle.list_groups(db))
    assert counts == [1, 1, 2]
    db.conn.close()


def test_rolled_back_and_refused_deletes_leave_nothing(linked):
    db, member_id, _event, _app = linked
    with pytest.raises(RuntimeError):
        with db.atomic():
            audit.delete(db, "members", member_id)
            raise RuntimeError("boom")
    assert _groups(db) == []
    # A delete refused by a foreign key (a row that references without cascade).
    db.execute(
        "INSERT INTO welfare_payments (member_id, branch_id, type, pay_date, year, amount_fen, created_at,"
        " updated_at) VALUES (?, 1, '生日', '2024-01-01', 2024, 100, 'x', 'x')",
        [member_id],
    )
    with pytest.raises(ConflictError):
        members.delete_member(db, member_id)
    assert _groups(db) == []
    assert db.execute("SELECT count(*) FROM members WHERE id = ?", [member_id]).fetchone()[0] == 1


def test_restore_with_a_taken_id_gives_new_ids_and_children_follow(linked):
    db, member_id, _event, _app = linked
    members.delete_member(db, member_id)
    group = _groups(db)[0]
    # A new member takes the old id meanwhile.
    db.execute(
        "INSERT INTO members (id, name, branch_id, created_at, updated_at) VALUES (?, '新人', 1, 'x', 'x')",
        [member_id],
    )
    done = recycle.restore_group(db, group.id)
    new_member = next(d.new_id for d in done if d.table == "members")
    assert new_member != member_id
    assert (
        db.execute("SELECT name FROM members WHERE id = ?", [new_member]).fetchone()[0] == "张回收"
    )
    assert (
        db.execute(
            "SELECT count(*) FROM member_status_events WHERE member_id = ?", [new_member]
        ).fetchone()[0]
        == 1
    )
    assert (
        db.execute("SELECT count(*) FROM member_dues WHERE member_id = ?", [new_member]).fetchone()[
            0
        ]
        == 1
    )
    assert db.execute("SELECT member_id FROM intake_applications").fetchone()[0] == new_member
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_restore_conflicts_are_explained_and_change_nothing(linked):
    db, member_id, _event, _app = linked
    members.delete_member(db, member_id)
    group = _groups(db)[0]
    members.add_member(db, {"name": "同号人", "id_number": person_id(1), "branch": "机关分工会"})
    before = dump(db)
    with pytest.raises(ConflictError, match="冲突"):
        recycle.restore_group(db, group.id)
    assert dump(db) == before


def test_restore_refuses_when_a_referenced_record_is_gone(tmp_path):
    db = open_database(tmp_path / "u.db")
    setup_branches(db)
    member_id = add_person(db, 1, branch="机关分工会")
    members.delete_member(db, member_id)
    group = _groups(db)[0]
    db.execute("DELETE FROM branches WHERE name = '机关分工会'")
    with pytest.raises(ConflictError, match="分工会"):
        recycle.restore_group(db, group.id)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 0
    db.conn.close()


def test_undo_by_reinsert_marks_the_bin_entry_restored(tmp_path):
    db = open_database(tmp_path / "u.db")
    setup_branches(db)
    member_id = add_person(db, 1)
    undo = members.delete_member(db, member_id).undo
    assert len(recycle.list_groups(db)) == 1
    members.restore_member(db, undo)  # Edit ▸ Undo
    assert recycle.list_groups(db) == []
    with pytest.raises(ConflictError, match="已经恢复"):
        recycle.restore_group(db, _groups(db)[0].id)
    db.conn.close()


def test_purge_after_retention_overwrites_the_deleted_numbers(tmp_path):
    path = tmp_path / "u.db"
    db = open_database(path)
    setup_branches(db)
    member_id = add_person(db, 7, name="秦销毁")
    number = person_id(7)
    members.delete_member(db, member_id)
    assert number.encode() in path.read_bytes()  # still in the recycle bin (and the log)
    group_id = _groups(db)[0].id
    assert purge_expired(db, now=dt.datetime.now()) == 0  # not yet expired
    removed = purge_expired(db, now=dt.datetime.now() + dt.timedelta(days=91))
    assert removed == 1 and _groups(db) == []
    assert (
        db.execute("SELECT count(*) FROM recycle_rows WHERE group_id = ?", [group_id]).fetchone()[0]
        == 0
    )
    # secure_delete: the bin's copy is overwritten; only the change log's copy remains.
    log_copies = db.execute(
        "SELECT count(*) FROM change_log WHERE before_json LIKE ? OR after_json LIKE ?",
        [f"%{number}%"] * 2,
    ).fetchone()[0]
    db.conn.close()
    assert path.read_bytes().count(number.encode()) <= log_copies
    note = (
        sqlite3.connect(path)
        .execute("SELECT note FROM change_log WHERE action = 'purge'")
        .fetchone()[0]
    )
    assert "自动清除" in note
