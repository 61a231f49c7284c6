from __future__ import annotations

from guilin_union.services.demo import populate_demo
from guilin_union.services.intake import dues
from guilin_union.services.members import status as member_status
from guilin_union.storage import open_database


def test_demo_has_pending_applications_and_consistent_status_history(demo_db):
    states = dict(
        demo_db.execute("SELECT state, count(*) FROM intake_applications GROUP BY state").fetchall()
    )
    assert states.get("待分工会审核", 0) > 0 and states.get("待校工会批准", 0) > 0
    assert states.get("未通过", 0) > 0
    assert (
        demo_db.execute(
            "SELECT count(*) FROM intake_applications WHERE state = '未通过'"
            " AND coalesce(reject_reason, '') = ''"
        ).fetchone()[0]
        == 0
    )
    # Every member who is not 在会 has a history ending in their current status.
    rows = demo_db.execute("SELECT id, status FROM members WHERE status <> '在会'").fetchall()
    assert rows
    for member_id, status in rows:
        history = member_status.status_history(demo_db, member_id)
        assert history and history[-1]["to"] == status
        assert member_status.status_on(demo_db, member_id, history[-1]["date"]) == status
    # Issued numbers cover the register; most members have a salary base.
    assert (
        demo_db.execute(
            "SELECT count(*) FROM members WHERE member_no NOT IN"
            " (SELECT member_no FROM member_numbers_issued)"
        ).fetchone()[0]
        == 0
    )
    assert dues.dues_summary(demo_db, "2024-01").total.with_base > 0


def test_demo_is_deterministic(tmp_path):
    def snapshot(seed):
        db = open_database(tmp_path / f"d{seed}-{len(list(tmp_path.iterdir()))}.db")
        populate_demo(db, seed=seed)
        data = (
            db.execute(
                "SELECT name, state, id_number, reject_reason FROM intake_applications ORDER BY id"
            ).fetchall(),
            db.execute(
                "SELECT member_id, event_date, to_status, reason FROM member_status_events ORDER BY id"
            ).fetchall(),
        )
        db.conn.close()
        return data

    assert snapshot(11) == snapshot(11)
