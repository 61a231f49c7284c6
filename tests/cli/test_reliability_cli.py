"""Edges of data safety from the command line (issue 18): an empty database file beside
backups, a full disk, a damaged file read read-only, leftovers of interrupted backups."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest

from guilin_union.cli import main
from guilin_union.storage import open_database
from guilin_union.storage.lock import lock_path_for
from tests.safety_fixtures import corrupt_index, corrupt_middle, fill

Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "u.db"
    db = open_database(path)
    fill(db, 30)
    db.conn.close()
    return path


def run(capsys, *args):
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# ------------------------------------------------------------------ empty database file


def test_a_zero_byte_file_beside_backups_is_damage_and_stays_untouched(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--json")
    backup = json.loads(out)["path"]
    db_path.write_bytes(b"")
    code, out, err = run(capsys, "--db", str(db_path), "check", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["newest_backup"] == backup and "0 字节" in data["integrity"]
    assert backup in err
    code, out, err = run(capsys, "--db", str(db_path), "members", "list", "--json")
    assert code == 1 and "0 字节" in err and backup in err and "Traceback" not in err
    assert db_path.stat().st_size == 0  # never rewritten to a fresh schema
    # The offered restore brings the members back; the empty file is kept aside.
    assert main(["--db", str(db_path), "restore", backup, "--yes"]) == 0
    code, out, _ = run(capsys, "--db", str(db_path), "members", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 30
    assert any(p.name.startswith("u.damaged-") for p in db_path.parent.iterdir())


@pytest.mark.parametrize("beside", ["journal", "lock", "attachments"])
def test_other_signs_that_a_database_existed(tmp_path, capsys, beside):
    path = tmp_path / "u.db"
    path.write_bytes(b"")
    if beside == "journal":
        path.with_name("u.db-journal").write_bytes(b"\0" * 512)
    elif beside == "lock":
        lock_path_for(path).write_text('{"computer": "OTHER-PC"}', encoding="utf-8")
    else:
        (tmp_path / "attachments" / "welfare").mkdir(parents=True)
        (tmp_path / "attachments" / "welfare" / "发票.jpg").write_bytes(b"jpg")
    code, out, err = run(capsys, "--db", str(path), "check")
    assert code == 1 and "0 字节" in out + err
    assert path.stat().st_size == 0


def test_a_stale_lock_cleared_on_opening_still_counts(tmp_path, capsys):
    from guilin_union.storage.lock import computer_name

    path = tmp_path / "u.db"
    path.write_bytes(b"")
    # Left by a program on this PC that crashed: its process is gone, the CLI clears it.
    stale = {
        "computer": computer_name(),
        "user": "u",
        "pid": 999_999_999,
        "started_at": "2024-03-05T08:00:00",
        "heartbeat_at": "2024-03-05T08:00:00",
        "token": "dead",
    }
    lock_path_for(path).write_text(json.dumps(stale), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(path), "members", "list", "--json")
    assert code == 1 and "0 字节" in err and "锁文件" in err
    assert path.stat().st_size == 0


def test_a_brand_new_empty_file_is_a_new_database(tmp_path, capsys):
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    code, out, _ = run(capsys, "--db", str(path), "check", "--json")
    assert code == 0 and json.loads(out)["integrity"] == "ok"
    assert path.stat().st_size > 0


# ------------------------------------------------------------------ damaged: read-only


def test_read_commands_on_a_damaged_file_run_read_only(db_path, capsys):
    assert main(["--db", str(db_path), "backup"]) == 0
    corrupt_index(db_path)  # quick_check fails, the tables stay readable
    before = db_path.read_bytes()
    code, out, err = run(capsys, "--db", str(db_path), "members", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 30
    assert "只读" in err and "最近的完好备份" in err
    # A write is refused with the reason, nothing written.
    code, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "members",
        "status",
        "1",
        "--change",
        "退会",
        "--on",
        "2024-03-05",
        "--reason",
        "测试",
    )
    assert code == 1 and "Traceback" not in err and ("只读" in err or "损坏" in err)
    assert db_path.read_bytes() == before


def test_badly_damaged_file_still_exits_1_with_a_message(db_path, capsys):
    assert main(["--db", str(db_path), "backup"]) == 0
    corrupt_middle(db_path, pages=6)
    code, _, err = run(capsys, "--db", str(db_path), "members", "list", "--json")
    assert code in (0, 1) and "损坏" in err and "Traceback" not in err


# ------------------------------------------------------------------ full disk (fakes)


def _members_file(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "身份证号", "手机号码", "分工会", "工号"])
    ws.append(["新会员", "男", "450302199003071239", "13800000001", "文学院分工会", "N001"])
    path = tmp_path / "导入.xlsx"
    wb.save(path)
    return path


def test_no_space_for_the_before_import_backup(db_path, tmp_path, capsys, monkeypatch):
    source = _members_file(tmp_path)
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10**9, 10**9 - 4096, 4096))
    for _ in range(3):  # retries do not pile anything up
        code, out, err = run(capsys, "--db", str(db_path), "members", "import", str(source))
        assert code == 1 and "磁盘空间已满" in err and "约需" in err and "Traceback" not in err
    monkeypatch.setattr(shutil, "disk_usage", real)
    backups = db_path.parent / "backups"
    assert not backups.exists() or not [p for p in backups.iterdir() if p.suffix == ".db"]
    code, out, _ = run(capsys, "--db", str(db_path), "members", "list", "--json")
    assert len(json.loads(out)) == 30


def test_retried_imports_reuse_one_before_import_backup(db_path, tmp_path, capsys, monkeypatch):
    from guilin_union.services.members import importer as member_import

    source = _members_file(tmp_path)
    calls = []

    def disk_full(*args, **kwargs):
        calls.append(1)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(member_import, "_bulk_insert", disk_full)
    for _ in range(3):
        code, _, err = run(capsys, "--db", str(db_path), "members", "import", str(source))
        assert code == 1 and "磁盘空间已满" in err and "约需" in err and "Traceback" not in err
    backups = [p for p in (db_path.parent / "backups").iterdir() if p.suffix == ".db"]
    assert len(calls) == 3 and len(backups) == 1
    code, out, _ = run(capsys, "--db", str(db_path), "members", "list", "--json")
    assert len(json.loads(out)) == 30


def test_a_lock_that_cannot_be_written_is_not_left_behind(db_path, capsys, monkeypatch):
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, *a, **k):
            self.handle = real_fdopen(fd, *a, **k)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    code, out, err = run(capsys, "--db", str(db_path), "members", "list", "--json")
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert code == 0 and len(json.loads(out)) == 30  # reading still works, read-only
    assert not lock_path_for(db_path).exists()
    monkeypatch.setattr(os, "fdopen", Full)
    code, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "members",
        "status",
        "1",
        "--change",
        "退会",
        "--on",
        "2024-03-05",
        "--reason",
        "测试",
    )
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert code == 1 and "磁盘空间已满" in err and "Traceback" not in err
    assert not lock_path_for(db_path).exists()


def test_interrupted_backup_leftovers_are_removed_at_the_next_open(db_path):
    backups = db_path.parent / "backups"
    backups.mkdir(exist_ok=True)
    temp = backups / "guilin-union-backup-20240305-081500-manual.db.tmp"
    temp.write_bytes(b"half")
    journal = backups / "guilin-union-backup-20240305-081500-manual.db.tmp-journal"
    journal.write_bytes(b"j")
    mine = backups / "my-own-copy.db.tmp"
    mine.write_bytes(b"user's")
    open_database(db_path).conn.close()
    assert not temp.exists() and not journal.exists() and mine.exists()


# ------------------------------------------------------------------ full disk (tmpfs)


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


def test_import_on_a_small_tmpfs_until_full(tmp_path, capsys):
    import tempfile

    # Outside pytest's own temporary folders: their clean-up (also by other pytest runs on
    # this machine) must never meet a mount point.
    folder = Path(tempfile.mkdtemp(prefix="guilin-union-full-disk-"))
    if not _mount_tmpfs(folder, "3m"):
        folder.rmdir()
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    try:
        path = folder / "u.db"
        db = open_database(path)
        fill(db, 30)
        db.conn.close()
        from openpyxl import Workbook

        from tests.safety_fixtures import person_id

        codes = []
        for round_ in range(12):
            wb = Workbook()
            ws = wb.active
            ws.append(["姓名", "性别", "身份证号", "手机号码", "分工会", "工号", "备注"])
            for i in range(150):
                n = 1000 + round_ * 150 + i
                ws.append(
                    [
                        f"填满{n}",
                        "男",
                        person_id(n),
                        f"137{n:08d}",
                        "文学院分工会",
                        f"F{n:05d}",
                        "备注" * 200,
                    ]
                )
            source = tmp_path / f"r{round_}.xlsx"
            wb.save(source)
            code, out, err = run(capsys, "--db", str(path), "members", "import", str(source))
            codes.append(code)
            assert code in (0, 1) and "Traceback" not in out + err
            if code == 1:
                assert "磁盘空间已满" in err, err
                break
        assert 1 in codes, "the 3 MB disk never filled up"
        code, out, _ = run(capsys, "--db", str(path), "check", "--json")
        assert code == 0 and json.loads(out)["integrity"] == "ok"
        assert not lock_path_for(path).exists()
    finally:
        import gc

        gc.collect()  # connections left by a failed assertion must not keep the mount busy
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


# ------------------------------------------------------------------ restore and the log


def test_after_a_restore_the_log_still_shows_what_was_written_before(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--json")
    backup = json.loads(out)["path"]
    code, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "members",
        "status",
        "2",
        "--change",
        "退会",
        "--on",
        "2024-03-05",
        "--reason",
        "备份之后的修改",
    )
    assert code == 0, err
    _, out, _ = run(capsys, "--db", str(db_path), "log", "--json")
    before = json.loads(out)
    assert main(["--db", str(db_path), "restore", backup, "--yes"]) == 0
    _, out, _ = run(capsys, "--db", str(db_path), "log", "--json")
    after = json.loads(out)
    ids_after = {e["id"] for e in after}
    assert {e["id"] for e in before} <= ids_after  # nothing lost
    assert after[-1]["action"] == "restore"
    carried = [e for e in after if (e["note"] or "").startswith("〔恢复前的数据")]
    # The entries written after the backup keep their ids, marked as the replaced data's.
    assert carried and {e["id"] for e in carried} <= {e["id"] for e in before}


def test_a_restore_whose_log_entry_fails_changes_nothing(db_path, capsys, monkeypatch):
    from guilin_union.storage import audit
    from tests.safety_fixtures import dump

    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--json")
    backup = json.loads(out)["path"]
    run(
        capsys,
        "--db",
        str(db_path),
        "members",
        "status",
        "2",
        "--change",
        "退会",
        "--on",
        "2024-03-05",
        "--reason",
        "备份之后的修改",
    )
    state = dump(db_path)
    real = audit.log_event

    def failing(db, table, row_id, action, **kw):
        if action == "restore":
            raise sqlite3.OperationalError("database or disk is full")
        return real(db, table, row_id, action, **kw)

    monkeypatch.setattr(audit, "log_event", failing)
    code, _, err = run(capsys, "--db", str(db_path), "restore", backup, "--yes")
    assert code == 1 and "磁盘空间已满" in err and "Traceback" not in err
    assert dump(db_path) == state  # neither the data nor the log changed
    assert not db_path.with_name("u.db.restore-tmp").exists()


def test_an_export_onto_a_full_disk_says_so(db_path, tmp_path, capsys, monkeypatch):
    import openpyxl

    real_save = openpyxl.Workbook.save

    def full(self, filename):
        import io

        real_save(self, io.BytesIO())  # the workbook is written, the disk takes none of it
        raise OSError(errno.ENOSPC, "No space left on device", str(filename))

    monkeypatch.setattr(openpyxl.Workbook, "save", full)
    out = tmp_path / "导出" / "名册.xlsx"
    out.parent.mkdir()
    code, _, err = run(capsys, "--db", str(db_path), "members", "export", str(out))
    assert code == 1 and "磁盘空间已满" in err and "Traceback" not in err
    assert str(out.parent) in err and not list(out.parent.iterdir())


def test_replacing_a_damaged_file_logs_the_restore_and_keeps_the_readable_log(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--json")
    backup = json.loads(out)["path"]
    run(
        capsys,
        "--db",
        str(db_path),
        "members",
        "status",
        "2",
        "--change",
        "退会",
        "--on",
        "2024-03-05",
        "--reason",
        "备份之后的修改",
    )
    corrupt_index(db_path)  # damaged, but its change log is still readable
    assert main(["--db", str(db_path), "restore", backup, "--yes"]) == 0
    _, out, _ = run(capsys, "--db", str(db_path), "log", "--json")
    entries = json.loads(out)
    assert entries[-1]["action"] == "restore" and "已损坏" in entries[-1]["note"]
    assert any((e["note"] or "").startswith("〔恢复前的数据") for e in entries)


def test_another_programs_database_is_never_written(tmp_path, capsys):
    path = tmp_path / "其他程序.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, what TEXT)")
    conn.execute("INSERT INTO orders (what) VALUES ('x')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for command in (["check"], ["members", "list", "--json"]):
        code, _, err = run(capsys, "--db", str(path), *command)
        assert code == 1 and "不是本程序的数据文件" in err and "orders" in err
    assert path.read_bytes() == before


def test_a_restore_without_room_says_how_much_it_needs(db_path, capsys, monkeypatch):
    from tests.safety_fixtures import dump

    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--json")
    backup = json.loads(out)["path"]
    state = dump(db_path)
    real = shutil.disk_usage
    calls = []

    def low_after_the_safety_backup(path):
        calls.append(path)
        usage = real(path)
        # The before-restore backup fits; the prepared copy does not.
        return usage if len(calls) == 1 else Usage(usage.total, usage.total - 4096, 4096)

    monkeypatch.setattr(shutil, "disk_usage", low_after_the_safety_backup)
    code, _, err = run(capsys, "--db", str(db_path), "restore", backup, "--yes")
    assert code == 1 and "磁盘空间已满" in err and "恢复约需" in err and "Traceback" not in err
    monkeypatch.setattr(shutil, "disk_usage", real)
    after = dump(db_path)
    assert after == state
    assert not db_path.with_name("u.db.restore-tmp").exists()
