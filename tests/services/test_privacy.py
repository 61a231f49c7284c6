"""Per-member data export (everything held about one person) and erasure for departed
members (anonymised statistics remain), both logged."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import members
from guilin_union.services.safety import privacy
from guilin_union.storage import audit, open_database
from tests.safety_fixtures import add_person, person_id, setup_branches

NOW = "2024-03-05T08:00:00"


@pytest.fixture
def person(tmp_path):
    """A departed member with a payment (and its evidence file), a status event, an old
    application and a deleted payment in the recycle bin."""
    db = open_database(tmp_path / "u.db")
    setup_branches(db)
    member_id = add_person(db, 5, name="欧阳离校", status="退会")
    other = add_person(db, 6, name="李在会")
    with db.atomic():
        payment = audit.insert(
            db,
            "welfare_payments",
            {
                "member_id": member_id,
                "branch_id": 1,
                "type": "住院慰问",
                "pay_date": "2023-05-01",
                "year": 2023,
                "amount_fen": 50000,
                "reason": "欧阳离校住院（肺炎）",
                "notes": "电话13900000005",
                "created_at": NOW,
                "updated_at": NOW,
            },
        )
        audit.insert(
            db,
            "welfare_payments",
            {
                "member_id": other,
                "branch_id": 1,
                "type": "生日",
                "pay_date": "2023-05-01",
                "year": 2023,
                "amount_fen": 10000,
                "created_at": NOW,
                "updated_at": NOW,
            },
        )
        folder = tmp_path / "attachments" / "welfare" / str(payment)
        folder.mkdir(parents=True)
        (folder / "住院证明.pdf").write_bytes(b"%PDF medical record")
        audit.insert(
            db,
            "welfare_attachments",
            {
                "payment_id": payment,
                "path": f"welfare/{payment}/住院证明.pdf",
                "original_name": "住院证明.pdf",
                "added_at": NOW,
            },
        )
        audit.insert(
            db,
            "member_status_events",
            {
                "member_id": member_id,
                "event_date": "2023-12-31",
                "from_status": "在会",
                "to_status": "退会",
                "action": "退会",
                "reason": "调离",
                "recorded_by": "x",
                "recorded_at": NOW,
            },
        )
        audit.insert(
            db,
            "intake_applications",
            {
                "name": "欧阳离校",
                "id_number": person_id(5),
                "phone": "13900000005",
                "branch_id": 1,
                "applied_on": "2009-09-01",
                "state": "已批准",
                "member_id": member_id,
                "created_at": NOW,
                "updated_at": NOW,
            },
        )
        gone = audit.insert(
            db,
            "welfare_payments",
            {
                "member_id": member_id,
                "branch_id": 1,
                "type": "生日",
                "pay_date": "2022-05-01",
                "year": 2022,
                "amount_fen": 20000,
                "created_at": NOW,
                "updated_at": NOW,
            },
        )
    with db.atomic():
        audit.delete(db, "welfare_payments", gone)  # now only in the recycle bin
    yield db, member_id, other, tmp_path
    db.conn.close()


def test_export_holds_everything_about_the_person_and_is_logged(person):
    db, member_id, _other, tmp_path = person
    out, rows = privacy.export_member_data(db, member_id, tmp_path / "个人数据.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "会员信息"
    assert {"慰问发放记录", "会籍变动", "入会申请", "慰问佐证材料", "回收站", "操作日志"} <= set(
        wb.sheetnames
    )
    info = {r[0]: r[1] for r in wb["会员信息"].iter_rows(min_row=3, values_only=True)}
    assert info["姓名"] == "欧阳离校" and info["证件号码"] == person_id(
        5
    )  # full values: it is their own data
    payments = list(wb["慰问发放记录"].iter_rows(values_only=True))
    assert len(payments) == 2  # header + the one payment of this member (not the other member's)
    assert rows > 5
    log = db.execute(
        "SELECT action, row_id, note FROM change_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert log[0] == "export" and log[1] == member_id and "导出个人数据" in log[2]
    assert "欧阳离校" not in log[2]


def test_erasure_refused_for_members_still_in_the_union(person):
    db, _member_id, other, _tmp = person
    with pytest.raises(ConflictError, match="已离会"):
        privacy.erase_member(db, other, reason="本人申请")
    with pytest.raises(ValidationError):
        privacy.erase_member(db, _member_id, reason=" ")


def _all_text(db) -> str:
    parts = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.execute(f"SELECT * FROM [{table}]"):
            parts += [str(v) for v in row if v is not None]
    return "\n".join(parts)


def test_erasure_removes_every_trace_but_keeps_statistics(person):
    db, member_id, other, tmp_path = person
    total_before = db.execute("SELECT sum(amount_fen), count(*) FROM welfare_payments").fetchone()
    members_before = db.execute(
        "SELECT status, gender, branch_id FROM members ORDER BY id"
    ).fetchall()
    assert "欧阳离校" in _all_text(db)
    result, report = privacy.erase_member(db, member_id, reason="本人申请", backup=False)
    text = _all_text(db)
    for secret in ("欧阳离校", person_id(5), "13900000005", "G00005", "肺炎"):
        assert secret not in text, secret
    assert "李在会" in text and person_id(6) in text  # others untouched
    assert (
        db.execute("SELECT sum(amount_fen), count(*) FROM welfare_payments").fetchone()
        == total_before
    )
    assert (
        db.execute("SELECT status, gender, branch_id FROM members ORDER BY id").fetchall()
        == members_before
    )
    assert list((tmp_path / "attachments").rglob("*.pdf")) == []
    assert (
        report.files_deleted == 1
        and report.recycle_items_removed == 1
        and report.log_entries_redacted >= 4
    )
    assert db.execute("SELECT count(*) FROM recycle_groups").fetchone()[0] == 0
    erase = db.execute("SELECT row_id, note FROM change_log WHERE action = 'erase'").fetchone()
    assert erase[0] == member_id and "本人申请" in erase[1]
    assert result.changes.touches("members")
    # The log stays append-only for everything else.
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE change_log SET note = 'x'")
    assert db.execute("SELECT count(*) FROM _redaction_token").fetchone()[0] == 0
    with pytest.raises(ConflictError, match="已经删除"):
        privacy.erase_member(db, member_id, reason="again", backup=False)


def test_erasure_makes_a_backup_first_and_says_the_backup_keeps_old_data(person):
    db, member_id, _other, tmp_path = person
    _result, report = privacy.erase_member(db, member_id, reason="离校满两年")
    assert report.backup is not None and report.backup.exists()
    assert "备份" in report.message()


def test_erasure_of_a_rolled_back_call_changes_nothing(person, monkeypatch):
    db, member_id, _other, _tmp = person
    before = db.execute("SELECT name, id_number FROM members WHERE id = ?", [member_id]).fetchone()
    monkeypatch.setattr(
        privacy.recycle, "purge_groups", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("x"))
    )
    with pytest.raises(RuntimeError):
        privacy.erase_member(db, member_id, reason="本人申请", backup=False)
    assert (
        db.execute("SELECT name, id_number FROM members WHERE id = ?", [member_id]).fetchone()
        == before
    )
    assert members.get_member_row(db, member_id)["phone"] == "13900000005"
