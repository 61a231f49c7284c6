"""检查数据库 in plain Chinese, and a full disk (max_page_count) that rolls back cleanly."""

from __future__ import annotations

import sqlite3

import pytest

from guilin_union.services.maintenance import check_database
from guilin_union.services.members import importer as member_import
from guilin_union.services.safety.check import check_report
from tests.intake_fixtures import person_row, resident_id, write_book
from tests.safety_fixtures import dump, fill


def test_sound_database_reports_ok_with_the_cli_contract(db):
    data = check_database(db)
    assert {"integrity", "foreign_keys", "schema_version"} <= set(data)
    assert (
        data["integrity"] == "ok" and data["foreign_keys"] == "ok" and data["schema_version"] >= 1
    )
    assert "没有发现问题" in check_report(db).text()


def test_broken_links_are_reported_in_plain_chinese(db):
    fill(db, 3)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE members SET branch_id = 999 WHERE id IN (1, 2)")
    db.execute("PRAGMA foreign_keys = ON")
    report = check_report(db)
    assert not report.ok and report.integrity == "ok"
    assert report.foreign_keys != "ok"
    assert "“会员”中有 2 条记录引用了不存在的“分工会”" in report.foreign_keys
    text = report.text()
    assert "恢复备份" in text and "发现问题" in text
    assert check_database(db)["problems"] == report.problems


def test_disk_full_during_an_import_rolls_back_cleanly(tmp_path):
    from guilin_union.storage import open_database

    db = open_database(tmp_path / "u.db")
    fill(db, 2)
    rows = [
        person_row(
            resident_id(seq=i % 100, region=f"4503{i // 100:02d}"),
            f"导入员{i}",
            staff_no=f"S{i:05d}",
        )
        for i in range(400)
    ]
    book = write_book(tmp_path / "big.xlsx", rows)
    before = dump(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 3}")  # the "disk" has room for three more pages
    with pytest.raises(sqlite3.OperationalError, match="full"):
        member_import.import_file(db, book, as_="members")
    db.execute("PRAGMA max_page_count = 1073741823")
    assert dump(db) == before  # not one row, not one log entry
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    outcome = member_import.import_file(db, book, as_="members")  # with room again, it all goes in
    assert outcome.imported == 400
    db.conn.close()
