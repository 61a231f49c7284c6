"""The change log records every write of a service call, nothing of a rolled-back one, and
can only be read (filtered, exported), never deleted."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook

from guilin_union.services import members
from guilin_union.services.safety import log as safety_log
from guilin_union.services.safety.log import LogQuery
from guilin_union.services.welfare.batches import BatchRequest, create_batch
from guilin_union.storage import audit
from tests.safety_fixtures import add_person, setup_branches

SKIP = {
    "change_log",
    "recycle_groups",
    "recycle_rows",
    "_migrations",
    "_redaction_token",
    "settings",
}


def _snapshot(db):
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    snap = {}
    for t in tables:
        if t in SKIP:
            continue
        snap[t] = {r[0]: r[1:] for r in db.execute(f"SELECT rowid, * FROM [{t}]")}
    return snap


def _writes(before, after):
    """(table, rowid, action) of every row that differs between two snapshots."""
    out = set()
    for table in set(before) | set(after):
        old, new = before.get(table, {}), after.get(table, {})
        out |= {(table, r, "insert") for r in new.keys() - old.keys()}
        out |= {(table, r, "delete") for r in old.keys() - new.keys()}
        out |= {(table, r, "update") for r in new.keys() & old.keys() if new[r] != old[r]}
    return out


def _logged_since(db, last_id):
    return {
        (r[0], r[1], r[2])
        for r in db.execute(
            "SELECT table_name, row_id, action FROM change_log WHERE id > ? AND action IN ('insert', 'update', 'delete')",
            [last_id],
        )
    }


def _last(db):
    return db.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]


def test_every_write_of_a_festival_batch_is_logged(demo_db):
    before, last = _snapshot(demo_db), _last(demo_db)
    result, preview = create_batch(
        demo_db,
        BatchRequest(year=2026, occasion="端午节", amount_fen=20000, override_reason="测试"),
    )
    writes = _writes(before, _snapshot(demo_db))
    assert (
        sum(1 for w in writes if w[0] == "welfare_payments" and w[2] == "insert")
        == len(preview.eligible)
        > 100
    )
    assert {w for w in writes if w[0] == "welfare_batches"} == {
        ("welfare_batches", result.row_id, "insert")
    }
    assert _logged_since(demo_db, last) == writes


def test_every_write_of_member_edits_and_deletes_is_logged(branch_db):
    db = branch_db
    ids = [add_person(db, n, branch="文学院分工会") for n in range(1, 4)]
    for action in (
        lambda: members.update_member(
            db, ids[0], {**members.get_member(db, ids[0]).to_dict(), "title": "教授"}
        ),
        lambda: members.delete_member(db, ids[1]),
        lambda: members.add_member(db, {"name": "新会员", "branch": "机关分工会"}),
    ):
        before, last = _snapshot(db), _last(db)
        action()
        writes = _writes(before, _snapshot(db))
        assert writes and _logged_since(db, last) == writes


def test_a_rolled_back_service_call_leaves_no_log(demo_db, monkeypatch):
    from guilin_union.services import welfare

    calls = {"n": 0}
    original = welfare.insert_checked

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 50:
            raise sqlite3.OperationalError("database or disk is full")
        return original(*args, **kwargs)

    monkeypatch.setattr(welfare, "insert_checked", failing)
    before, last = _snapshot(demo_db), _last(demo_db)
    with pytest.raises(sqlite3.OperationalError):
        create_batch(
            demo_db,
            BatchRequest(year=2026, occasion="端午节", amount_fen=20000, override_reason="测试"),
        )
    assert calls["n"] == 50  # it did write 49 payments before failing ...
    assert _snapshot(demo_db) == before  # ... and none of them stayed
    assert _last(demo_db) == last
    assert demo_db.execute("SELECT count(*) FROM recycle_groups").fetchone()[0] == 0


def test_log_cannot_be_deleted_or_rewritten_outside_the_redaction_path(db):
    with db.atomic():
        audit.log_event(db, "members", 1, "reveal", note="x")
    with pytest.raises(sqlite3.IntegrityError, match="不可删除"):
        db.execute("DELETE FROM change_log")
    with pytest.raises(sqlite3.IntegrityError, match="不可修改"):
        db.execute("UPDATE change_log SET note = 'y'")
    with db.atomic():
        db.execute("INSERT INTO _redaction_token (token) VALUES ('t')")
        with pytest.raises(sqlite3.IntegrityError, match="只能隐去个人信息"):
            db.execute("UPDATE change_log SET os_user = 'someone'")
        db.execute("UPDATE change_log SET note = '（已删除）'")  # allowed: values only
        db.execute("DELETE FROM _redaction_token")
        with pytest.raises(sqlite3.IntegrityError, match="不可删除"):
            db.execute("DELETE FROM change_log")
    with pytest.raises(sqlite3.IntegrityError, match="不可修改"):
        db.execute("UPDATE change_log SET note = 'z'")


def test_filters_by_table_date_user_and_action(branch_db):
    db = branch_db
    member_id = add_person(db, 1)
    members.delete_member(db, member_id)
    everything = safety_log.count(db)
    only_members = safety_log.list_entries(db, LogQuery(table="members"))
    assert [e.action for e in only_members] == ["insert", "delete"]
    assert safety_log.count(db, LogQuery(action="delete")) == 1
    assert safety_log.count(db, LogQuery(user=audit.os_user())) == everything
    assert safety_log.count(db, LogQuery(user="nobody")) == 0
    today = only_members[0].ts[:10]
    assert safety_log.count(db, LogQuery(since=today, until=today)) == everything
    assert safety_log.count(db, LogQuery(until="2000-01-01")) == 0
    assert safety_log.count(db, LogQuery(since="2099-01-01")) == 0
    assert safety_log.normalise_date("2024年3月5日", "since") == "2024-03-05"
    ids = safety_log.query_ids(db, LogQuery(table="members"))
    assert ids == sorted(ids, reverse=True)  # newest first


def test_before_and_after_values_are_shown_with_numbers_masked(branch_db):
    db = branch_db
    member_id = add_person(db, 3)
    record = members.get_member(db, member_id).to_dict()
    members.update_member(db, member_id, {**record, "phone": "13700001111", "title": "讲师"})
    entry = safety_log.list_entries(db, LogQuery(table="members", action="update"))[0]
    changes = dict((label, (before, after)) for label, before, after in entry.changes())
    assert changes["手机"] == ("139****0003", "137****1111")
    assert changes["职称"] == ("（空）", "讲师")
    full = safety_log.list_entries(db, LogQuery(table="members", action="update"), masked=False)[0]
    assert dict((lbl, (b, a)) for lbl, b, a in full.changes())["手机"] == (
        "13900000003",
        "13700001111",
    )


def test_export_is_masked_by_default_and_an_unmasked_export_is_logged(branch_db, tmp_path):
    db = branch_db
    add_person(db, 4)
    out, n = safety_log.export_log(db, tmp_path / "log.xlsx", LogQuery(table="members"))
    ws = load_workbook(out).active
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert n == 1 and "139****0004" in text and "13900000004" not in text
    assert safety_log.count(db, LogQuery(action="reveal")) == 0
    out, _ = safety_log.export_log(
        db, tmp_path / "full.xlsx", LogQuery(table="members"), masked=False
    )
    text = " ".join(
        str(c.value) for row in load_workbook(out).active.iter_rows() for c in row if c.value
    )
    assert "13900000004" in text
    reveal = safety_log.list_entries(db, LogQuery(action="reveal"))
    assert len(reveal) == 1 and "导出操作日志" in reveal[0].note


def test_setup_branches_helper_logs_too(db):
    setup_branches(db)
    assert safety_log.count(db, LogQuery(table="branches", action="insert")) == 2
