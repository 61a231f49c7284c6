"""Over-long text, exports of stored data, attachment names, backups that no longer match
their record (issue 18)."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from guilin_union.cli import main
from guilin_union.core.errors import ValidationError
from guilin_union.core.text_limits import length_problem
from guilin_union.services import members as members_service
from guilin_union.services.attachments import MAX_NAME_BYTES, fit_name, store_attachment
from guilin_union.spreadsheets.writer import (
    TRUNCATED_SHEET,
    Column,
    Sheet,
    last_truncations,
    write_workbook,
)
from guilin_union.storage import open_database
from guilin_union.storage.backup import list_backups, make_backup
from tests.safety_fixtures import fill, person_id


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "u.db")
    fill(database, 3)
    yield database
    database.conn.close()


def test_entry_refuses_an_over_long_department(db):
    data = {**members_service.get_member(db, 1).to_dict(), "department": "处" * 61}
    with pytest.raises(ValidationError) as info:
        members_service.update_member(db, 1, data)
    assert "部门" in str(info.value) and "最多60个字" in str(info.value)
    ok = {**data, "department": "处" * 60}
    members_service.update_member(db, 1, ok)


def test_import_lists_an_over_long_cell_as_a_row_error(db, tmp_path, capsys):
    db.conn.close()
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "身份证号", "手机号码", "分工会", "工号", "部门"])
    ws.append(
        ["长部门", "男", person_id(500), "13800000500", "文学院分工会", "L001", "部" * 100_000]
    )
    source = tmp_path / "long.xlsx"
    wb.save(source)
    code = main(["--db", str(tmp_path / "u.db"), "members", "import", str(source), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["errors"][0]["row"] == 2 and "最多60个字" in data["errors"][0]["message"]


def test_the_template_states_the_limits(db, tmp_path, capsys):
    db.conn.close()
    path = tmp_path / "模板.xlsx"
    assert main(["--db", str(tmp_path / "u.db"), "members", "template", str(path)]) == 0
    guide = load_workbook(path)["填写说明"]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "部门60字" in text and "备注1000字" in text


def test_export_of_stored_over_long_text_cuts_and_lists_it(db, tmp_path, capsys):
    # Data stored before the limits existed (or written by an older version).
    db.execute("UPDATE members SET department = ? WHERE id = 2", ["部" * 100_000])
    db.conn.close()
    out = tmp_path / "导出.xlsx"
    code = main(["--db", str(tmp_path / "u.db"), "members", "export", str(out)])
    assert code == 0, capsys.readouterr().err
    wb = load_workbook(out)
    long = [
        c
        for row in wb.worksheets[0].iter_rows()
        for c in row
        if isinstance(c.value, str) and len(c.value) > 1000
    ]
    assert len(long) == 1 and len(long[0].value) == 32767
    assert long[0].value.endswith("原文共100000字〕")
    listing = wb[TRUNCATED_SHEET]
    sheet = wb.worksheets[0].title
    assert [c.value for c in listing[2]] == [sheet, long[0].row, "部" * 30, 100000]


def test_write_workbook_reports_its_truncations(tmp_path):
    rows = [{"a": "x" * 40_000}, {"a": "short"}]
    write_workbook(tmp_path / "t.xlsx", [Sheet("表", [Column("a", "A")], rows)])
    assert last_truncations() == [{"sheet": "表", "row": 2, "start": "x" * 30, "length": 40_000}]
    assert length_problem("notes", "x" * 1001) == "内容过长：最多1000个字，现为1001个字"


def test_attachment_names_are_shortened_to_fit(db, tmp_path):
    stem = "关于" * 41 + "a"  # 247 bytes + ".pdf" = 251 bytes: the name itself is legal
    source = tmp_path / f"{stem}.pdf"
    source.write_bytes(b"%PDF-1.4")
    assert len(source.name.encode()) == 251
    relative = store_attachment(db, "welfare", 1, source)
    stored = relative.rsplit("/", 1)[-1]
    assert stored.endswith("….pdf") and len(stored.encode()) <= MAX_NAME_BYTES
    again = store_attachment(db, "welfare", 1, source).rsplit("/", 1)[-1]
    assert again != stored and again.endswith("（2）.pdf") and len(again.encode()) <= 255
    assert fit_name("短名.jpg") == "短名.jpg"


def test_backups_list_marks_a_backup_that_no_longer_matches_its_record(db, tmp_path, capsys):
    first = make_backup(db, reason="manual")
    second = make_backup(db, reason="manual")
    folder = first.parent
    data = bytearray(second.read_bytes())
    data[5000:5010] = b"\xff" * 10  # same size, different content, newer mtime
    second.write_bytes(bytes(data))
    infos = {i.path.name: i for i in list_backups([folder])}
    assert infos[first.name].matches_record is True
    assert infos[second.name].matches_record is False
    db.conn.close()
    main(["--db", str(tmp_path / "u.db"), "backups", "list", "--json"])
    listed = {e["file"]: e for e in json.loads(capsys.readouterr().out)}
    assert listed[second.name]["matches_record"] is False
    assert listed[first.name]["matches_record"] is True
    main(["--db", str(tmp_path / "u.db"), "backups", "list"])
    text = capsys.readouterr().out
    assert "【文件与备份记录不符，可能已损坏】" in text


def test_the_gui_names_a_full_disk():
    import sqlite3

    from guilin_union.ui.error_hook import friendly_message

    text = friendly_message(sqlite3.OperationalError("database or disk is full"))
    assert "磁盘空间已满" in text and "OperationalError" not in text


def test_status_change_reason_is_bounded(db):
    from guilin_union.services.members.status import record_status_change

    with pytest.raises(ValidationError, match="变更原因内容过长：最多500个字"):
        record_status_change(db, 1, "退会", on="2024-03-05", reason="因" * 501)
