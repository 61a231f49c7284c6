"""Backups nobody has to remember: on open, on close, settings, restore through the service."""

from __future__ import annotations

import datetime as dt

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.services import members, safety, settings
from guilin_union.storage import open_database
from guilin_union.storage.backup import BACKUP_PREFIX, verify_backup
from tests.safety_fixtures import add_person, fill


@pytest.fixture
def filled(tmp_path):
    db = open_database(tmp_path / "u.db")
    fill(db, 5)
    yield db
    db.conn.close()


def _backups(folder):
    return sorted(folder.glob(f"{BACKUP_PREFIX}*.db"))


def test_empty_new_database_needs_no_backup(db):
    assert not safety.needs_backup_on_open(db)
    assert safety.backup_on_open(db) is None


def test_backup_on_open_only_when_newest_is_older_than_the_setting(filled, tmp_path):
    now = dt.datetime(2024, 3, 5, 9, 0)
    assert safety.needs_backup_on_open(filled, now)
    first = safety.backup_on_open(filled, now)
    assert first is not None and "on-open" in first.primary.name
    assert safety.backup_on_open(filled, now + dt.timedelta(hours=23)) is None
    assert safety.backup_on_open(filled, now + dt.timedelta(hours=25)) is not None
    settings.set_many(filled, {"backup_on_open_hours": 48})
    assert not safety.needs_backup_on_open(filled, now + dt.timedelta(hours=40))


def test_backup_on_close_only_when_something_changed(filled, tmp_path):
    start = safety.max_change_id(filled)
    assert safety.backup_on_close(filled, start) is None
    with filled.atomic():
        from guilin_union.storage import audit

        audit.log_event(
            filled, "members", None, "reveal", note="查看完整号码"
        )  # an event is not a change
    assert safety.backup_on_close(filled, start) is None
    add_person(filled, 50)
    report = safety.backup_on_close(filled, start)
    assert (
        report is not None
        and "on-close" in report.primary.name
        and verify_backup(report.primary) == "ok"
    )


def test_configured_folder_is_used(filled, tmp_path):
    target = tmp_path / "备份"
    safety.save_backup_settings(filled, {"backup_folder": str(target)})
    report = safety.backup_now(filled)
    assert report.primary.parent == target and _backups(target) == [report.primary]
    assert safety.list_backups(filled)[0].path == report.primary


def test_explicit_folder_for_a_one_off_copy(filled, tmp_path):
    report = safety.backup_now(filled, to=tmp_path / "u盘")
    assert report.primary.parent == tmp_path / "u盘"


@pytest.mark.parametrize(
    "values, field",
    [
        ({"backup_keep_daily": -1}, "backup_keep_daily"),
        ({"recycle_retention_days": 0}, "recycle_retention_days"),
        ({"backup_keep_weekly": "很多"}, "backup_keep_weekly"),
        ({"backup_folder": "相对路径"}, "backup_folder"),
    ],
)
def test_backup_settings_are_checked(filled, values, field):
    with pytest.raises(ValidationError) as info:
        safety.save_backup_settings(filled, values)
    assert info.value.field == field


def test_backup_settings_are_saved_and_logged(filled):
    result = safety.save_backup_settings(
        filled, {"backup_keep_daily": 14, "recycle_retention_days": 30}
    )
    assert result.changes.touches("settings")
    assert settings.get(filled, "backup_keep_daily") == 14
    assert settings.get(filled, "recycle_retention_days") == 30
    assert (
        filled.execute("SELECT count(*) FROM change_log WHERE table_name = 'settings'").fetchone()[
            0
        ]
        >= 2
    )


def test_restore_through_the_service_reports_every_area(filled):
    report = safety.backup_now(filled)
    member_id = add_person(filled, 77)
    result, restored = safety.restore(filled, report.primary)
    assert result.changes.touches("members") and result.changes.touches("welfare")
    assert (
        filled.execute("SELECT count(*) FROM members WHERE id = ?", [member_id]).fetchone()[0] == 0
    )
    assert restored.safety_backup is not None


@pytest.mark.parametrize(
    "reason, label",
    [
        ("manual", "手动备份"),
        ("on-close", "关闭时自动备份"),
        ("before-import-members", "导入前（members）"),
        ("before-migration", "升级结构前"),
        ("on-open-2", "打开时自动备份"),
        ("before-batch", "批量操作前"),
    ],
)
def test_reason_labels(reason, label):
    assert safety.reason_label(reason) == label


def test_move_database_copies_data_and_attachments_and_sends_backups_back(filled, tmp_path):
    attachments = tmp_path / "attachments" / "welfare" / "1"
    attachments.mkdir(parents=True)
    (attachments / "证明.pdf").write_bytes(b"%PDF")
    target = tmp_path / "local" / "union.db"
    moved = safety.move_database(filled, target)
    copy = open_database(moved)
    assert copy.execute("SELECT count(*) FROM members").fetchone()[0] == 5
    assert settings.get(copy, "backup_second_folder") == str(tmp_path / "backups")
    copy.conn.close()
    assert (tmp_path / "local" / "attachments" / "welfare" / "1" / "证明.pdf").exists()
    with pytest.raises(ValidationError, match="已有文件"):
        safety.move_database(filled, target)


def test_member_delete_then_restore_from_bin_via_service(filled):
    from guilin_union.services.safety import recycle as safety_recycle

    member_id = add_person(filled, 60)
    members.delete_member(filled, member_id)
    group = safety_recycle.list_groups(filled)[0]
    assert (
        safety_recycle.row_display(safety_recycle.group_rows(filled, group.id)[0])["values"].count(
            "****"
        )
        >= 1
    )
    result = safety_recycle.restore_group(filled, group.id)
    assert result.changes.touches("members")
    assert members.get_member_row(filled, member_id)["name"].endswith("60")
    with pytest.raises(ValidationError):
        safety_recycle.purge_groups(filled, [])
