"""Retention thinning keeps the right files and never touches files it did not write."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.storage.backup import (
    BACKUP_PREFIX,
    MANIFEST_NAME,
    RetentionPolicy,
    make_backup,
    make_backups,
    parse_backup_name,
    plan_thinning,
    recorded_names,
    thin_backups,
)
from tests.safety_fixtures import setup_branches

NOW = dt.datetime(2024, 6, 30, 18, 0, 0)


def test_plan_keeps_recent_then_one_per_day_week_month():
    # A backup every 6 hours for 400 days.
    files = [(f"b{i}", NOW - dt.timedelta(hours=6 * i)) for i in range(400 * 4)]
    policy = RetentionPolicy(keep_all_days=2, daily=7, weekly=8, monthly=12)
    keep = plan_thinning(files, policy, NOW)
    times = sorted((t for n, t in files if n in keep), reverse=True)
    recent = [t for t in times if t >= NOW - dt.timedelta(days=2)]
    assert len(recent) == 2 * 4 + 1  # every backup of the last two days (both ends included)
    days = {t.date() for t in times}
    months = {(t.year, t.month) for t in times}
    assert len(months) == 12  # one a month for a year ...
    assert min(times) >= NOW - dt.timedelta(days=366)  # ... and nothing older
    # Older than the last 7 days with backups only weekly/monthly survivors remain.
    old = [t for t in times if t < NOW - dt.timedelta(days=7)]
    assert len(old) <= 8 + 12
    assert len(days) <= 7 + 8 + 12 + 1


def test_plan_keeps_the_newest_even_when_everything_is_old():
    files = [("a", NOW - dt.timedelta(days=900)), ("b", NOW - dt.timedelta(days=901))]
    assert plan_thinning(files, RetentionPolicy(0, 0, 0, 0), NOW) == {"a"}


@settings(max_examples=120, deadline=None)
@given(
    offsets=st.lists(
        st.integers(min_value=0, max_value=60 * 24 * 500), min_size=1, max_size=60, unique=True
    ),
    keep_all=st.integers(0, 5),
    daily=st.integers(0, 10),
    weekly=st.integers(0, 10),
    monthly=st.integers(0, 14),
)
def test_plan_properties(offsets, keep_all, daily, weekly, monthly):
    files = [(f"f{i}", NOW - dt.timedelta(minutes=m)) for i, m in enumerate(offsets)]
    policy = RetentionPolicy(keep_all, daily, weekly, monthly)
    keep = plan_thinning(files, policy, NOW)
    assert keep <= {n for n, _ in files}
    newest = max(files, key=lambda f: f[1])[0]
    assert newest in keep
    for name, when in files:
        if when >= NOW - dt.timedelta(days=keep_all):
            assert name in keep
    assert (
        len(keep)
        <= 1
        + sum(1 for _, t in files if t >= NOW - dt.timedelta(days=keep_all))
        + daily
        + weekly
        + monthly
    )
    # Thinning twice changes nothing more (stable).
    assert plan_thinning([f for f in files if f[0] in keep], policy, NOW) == keep


def _backup_at(db, folder, when):
    return make_backup(db, reason="on-close", folder=folder, now=when)


def test_thinning_deletes_only_recorded_files_of_ours(branch_db, tmp_path):
    folder = tmp_path / "bk"
    made = [
        _backup_at(branch_db, folder, NOW - dt.timedelta(days=d))
        for d in (0, 1, 3, 4, 5, 40, 41, 42)
    ]
    # Foreign files: the user's own copy, a file that looks like ours but was not written by
    # us, and one of ours that was replaced by another file of a different size.
    foreign = folder / "我的备份.db"
    foreign.write_bytes(b"user data")
    lookalike = folder / f"{BACKUP_PREFIX}20230101-120000-manual.db"
    lookalike.write_bytes(b"not ours")
    replaced = made[6]
    replaced.write_bytes(replaced.read_bytes() + b"\0" * 100)
    policy = RetentionPolicy(keep_all_days=2, daily=3, weekly=0, monthly=0)
    deleted = thin_backups(folder, policy, now=NOW)
    assert foreign.exists() and lookalike.exists() and replaced.exists()
    names = {p.name for p in deleted}
    # Kept: the last two days (0, 1) and the newest of each of the last 3 days (0, 1, 3).
    assert {p.name for p in made[:3]}.isdisjoint(names)
    assert names == {made[3].name, made[4].name, made[5].name, made[7].name}
    assert all(not p.exists() for p in deleted)
    assert recorded_names(folder) == {made[0].name, made[1].name, made[2].name, made[6].name}


def test_unreadable_index_means_nothing_is_deleted(branch_db, tmp_path):
    folder = tmp_path / "bk"
    made = [_backup_at(branch_db, folder, NOW - dt.timedelta(days=d)) for d in (0, 50, 100)]
    (folder / MANIFEST_NAME).write_text("{broken", encoding="utf-8")
    assert thin_backups(folder, RetentionPolicy(0, 0, 0, 0), now=NOW) == []
    assert all(p.exists() for p in made)


def test_automatic_backups_thin_the_configured_folder(tmp_path):
    from guilin_union.services import settings
    from guilin_union.storage import open_database

    db = open_database(tmp_path / "u.db")
    setup_branches(db)
    settings.set_many(
        db,
        {
            "backup_keep_all_days": 0,
            "backup_keep_daily": 2,
            "backup_keep_weekly": 0,
            "backup_keep_monthly": 0,
        },
    )
    for d in range(5, -1, -1):
        make_backups(db, reason="on-open", now=NOW - dt.timedelta(days=d))
    left = sorted(p.name for p in (tmp_path / "backups").glob(f"{BACKUP_PREFIX}*.db"))
    assert [parse_backup_name(n)[0].date() for n in left] == [
        (NOW - dt.timedelta(days=1)).date(),
        NOW.date(),
    ]
    db.conn.close()


def test_interrupted_backup_temp_files_are_cleaned_after_an_hour(branch_db, tmp_path):
    folder = tmp_path / "bk"
    _backup_at(branch_db, folder, NOW)
    temp = folder / f"{BACKUP_PREFIX}20240630-100000-on-close.db.tmp"
    temp.write_bytes(b"half a backup")
    manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["pending"][temp.name] = "2024-06-30T10:00:00"
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    stray = folder / f"{BACKUP_PREFIX}20240630-090000-x.db.tmp"  # not recorded: not ours to delete
    stray.write_bytes(b"?")
    thin_backups(folder, RetentionPolicy(), now=NOW)
    assert not temp.exists() and stray.exists()
