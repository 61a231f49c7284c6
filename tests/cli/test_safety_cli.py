"""Command-line contract of the safety area: backup, backups list, restore, check, log,
anonymize."""

from __future__ import annotations

import json
import sqlite3

import pytest

from guilin_union.cli import main
from guilin_union.storage import open_database
from tests.safety_fixtures import add_person, corrupt_middle, fill


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "u.db"
    db = open_database(path)
    fill(db, 30)
    db.conn.close()
    return path


def run_json(capsys, *args):
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else None, captured.err


def test_backup_json_and_backups_list(db_path, tmp_path, capsys):
    code, data, _ = run_json(capsys, "--db", str(db_path), "backup", "--json")
    assert code == 0 and data["verified"] is True and data["size"] > 0
    assert data["path"].startswith(str(tmp_path / "backups"))
    code, other, _ = run_json(
        capsys, "--db", str(db_path), "backup", "--to", str(tmp_path / "usb"), "--json"
    )
    assert code == 0 and other["path"].startswith(str(tmp_path / "usb"))
    code, listing, _ = run_json(capsys, "--db", str(db_path), "backups", "list", "--json")
    assert code == 0 and len(listing) == 1  # the one in the configured folder
    item = listing[0]
    assert {"path", "created_at", "size", "members", "payments", "proposals", "reason"} <= set(item)
    assert item["members"] == 30 and item["payments"] == 0 and item["path"] == data["path"]


def test_backups_list_text_and_empty(db_path, capsys):
    assert main(["--db", str(db_path), "backups", "list"]) == 0
    assert "还没有备份" in capsys.readouterr().out
    assert main(["--db", str(db_path), "backup"]) == 0
    assert main(["--db", str(db_path), "backups", "list"]) == 0
    assert "会员 30" in capsys.readouterr().out


def test_restore_needs_yes_and_then_restores(db_path, capsys):
    code, data, _ = run_json(capsys, "--db", str(db_path), "backup", "--json")
    db = open_database(db_path)
    add_person(db, 200)
    db.conn.close()
    assert main(["--db", str(db_path), "restore", data["path"]]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", str(db_path), "restore", data["path"], "--yes"]) == 0
    out = capsys.readouterr().out
    assert "已从备份恢复" in out and "恢复前的数据已备份为" in out
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM members").fetchone()[0] == 30


def test_restore_is_refused_while_another_program_holds_the_file(db_path, capsys):
    from guilin_union.storage.lock import lock_path_for

    code, data, _ = run_json(capsys, "--db", str(db_path), "backup", "--json")
    lock_path_for(db_path).write_text(
        json.dumps(
            {
                "computer": "OTHER-PC",
                "user": "li",
                "pid": 1,
                "started_at": "2099-01-01T08:00:00",
                "heartbeat_at": "2099-01-01T08:00:00",
                "token": "x",
            }
        ),
        encoding="utf-8",
    )
    assert main(["--db", str(db_path), "restore", data["path"], "--yes"]) == 1
    err = capsys.readouterr().err
    assert "OTHER-PC" in err and "li" in err


def test_restore_rejects_a_bad_file(db_path, tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    assert main(["--db", str(db_path), "restore", str(bad), "--yes"]) == 1
    assert "损坏" in capsys.readouterr().err


def test_check_json_contract_and_damaged_file(db_path, capsys):
    code, data, _ = run_json(capsys, "--db", str(db_path), "check", "--json")
    assert code == 0
    assert (
        data["integrity"] == "ok"
        and data["foreign_keys"] == "ok"
        and isinstance(data["schema_version"], int)
    )
    assert main(["--db", str(db_path), "backup"]) == 0
    corrupt_middle(db_path)
    code, data, err = run_json(capsys, "--db", str(db_path), "check", "--json")
    assert code == 1 and data["integrity"] != "ok"
    assert data["newest_backup"] and "最近的完好备份" in err
    # The damaged file was not written to by the check.
    code, again, _ = run_json(capsys, "--db", str(db_path), "check", "--json")
    assert code == 1 and again["integrity"] == data["integrity"]


def test_restore_of_a_damaged_file_replaces_it(db_path, capsys):
    code, data, _ = run_json(capsys, "--db", str(db_path), "backup", "--json")
    corrupt_middle(db_path)
    assert main(["--db", str(db_path), "restore", data["path"], "--yes"]) == 0
    assert "已损坏" in capsys.readouterr().out
    code, check, _ = run_json(capsys, "--db", str(db_path), "check", "--json")
    assert code == 0 and check["integrity"] == "ok"


def test_log_filters_and_json(db_path, capsys):
    code, entries, _ = run_json(capsys, "--db", str(db_path), "log", "--table", "members", "--json")
    assert code == 0 and len(entries) == 30
    assert {"id", "ts", "user", "table", "row_id", "action", "before", "after", "note"} <= set(
        entries[0]
    )
    assert entries[0]["after"]["phone"].count("*") == 4  # masked in the log output
    code, same, _ = run_json(
        capsys, "--db", str(db_path), "log", "--table", "会员", "--since", "2000-1-1", "--json"
    )
    assert same == entries
    code, none, _ = run_json(capsys, "--db", str(db_path), "log", "--since", "2099-01-01", "--json")
    assert none == []
    code, last, _ = run_json(capsys, "--db", str(db_path), "log", "--limit", "2", "--json")
    assert len(last) == 2 and last[0]["id"] < last[1]["id"]
    assert main(["--db", str(db_path), "log", "--since", "昨天"]) == 1


def test_anonymize_writes_a_copy_without_names(db_path, tmp_path, capsys):
    names = [r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM members")]
    out = tmp_path / "anon.db"
    code, data, _ = run_json(capsys, "--db", str(db_path), "anonymize", "-o", str(out), "--json")
    assert code == 0 and data["people"] == 30
    blob = out.read_bytes()
    assert not any(name.encode("utf-8") in blob for name in names)
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "anonymize"])  # -o is required
    assert exit_info.value.code == 2
