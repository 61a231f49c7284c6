"""Privacy (个人信息保护法): everything held about one member, as Excel; erasure for members
who have left, leaving anonymised statistics.

Both work on every area without knowing them: the rows about a member are found through the
schema (every foreign key to ``members``, columns named ``member_id``, rows carrying the same
ID number, and rows hanging off those, such as evidence files of a payment).

Erasure (删除个人信息) keeps the record and its links — so counts and money totals stay right —
but blanks the name, numbers and personal details, deletes evidence files, removes the
member from the recycle bin and blanks the same values in the change log (through the
controlled redaction path of ``storage.schema.safety``). Backups made before keep the old
data until retention thinning removes them; the result says so.

>>> # export_member_data(db, 12, "张三的个人数据.xlsx"); erase_member(db, 12, reason="本人申请")
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import chunks, column_values
from guilin_union.services.members import get_member_row
from guilin_union.services.safety import ALL_AREAS
from guilin_union.services.safety.log import field_label, log_columns
from guilin_union.storage import audit, recycle
from guilin_union.storage.recycle import integer_pk, table_label

DEPARTED_STATUSES = ("转出", "退会", "开除", "去世")
ERASED = "（已删除）"
# Columns of the member row that identify or describe the person; the rest (gender, 分工会,
# status, dates of joining, title, employment type …) stay for statistics.
# Who the person is: name (and its search keys) and numbers, in every table that copies them.
_IDENTITY = ("name", "name_initials", "name_pinyin", "id_number", "phone", "staff_no")
MEMBER_PERSONAL = (
    *_IDENTITY,
    "member_no",
    "birth_date",
    "ethnicity",
    "political_status",
    "department",
    "position",
    "notes",
)
# The same kind of columns in other tables (copies of the person's data and free text).
OTHER_PERSONAL = (
    *_IDENTITY,
    "birth_date",
    "ethnicity",
    "political_status",
    "notes",
    "household",
    "support_notes",
    "address",
    "email",
    "contact",
    "department",
    "position",
    "reason",
)
_SKIP_TABLES = {
    "change_log",
    "recycle_groups",
    "recycle_rows",
    "_migrations",
    "_redaction_token",
    "members",
}


@dataclass
class TableRows:
    """Rows of one table that concern the member."""

    table: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return table_label(self.table)


def _select(
    db: sqlite_utils.Database, table: str, where: str, params: list[Any]
) -> tuple[list[str], list[dict[str, Any]]]:
    cursor = db.execute(f"SELECT rowid AS __rowid__, * FROM [{table}] WHERE {where}", params)
    names = [d[0] for d in cursor.description]
    return [n for n in names if n != "__rowid__"], [dict(zip(names, v)) for v in cursor]


def _tables(db: sqlite_utils.Database) -> list[str]:
    return column_values(
        db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )


def _columns(db: sqlite_utils.Database, table: str) -> dict[str, tuple[str, bool]]:
    """name -> (declared type, not null)."""
    return {
        r[1]: (str(r[2]).upper(), bool(r[3])) for r in db.execute(f"PRAGMA table_info([{table}])")
    }


def collect_member_data(db: sqlite_utils.Database, member_id: int) -> list[TableRows]:
    """Every row the program holds about one member, table by table (the member row first)."""
    member = get_member_row(db, member_id)
    keys = recycle.foreign_keys(db)
    found: dict[str, TableRows] = {}
    seen: set[tuple[str, int]] = set()

    def add(table: str, columns: list[str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        entry = found.setdefault(table, TableRows(table, columns))
        new = []
        for row in rows:
            key = (table, int(row["__rowid__"]))
            if key in seen:
                continue
            seen.add(key)
            entry.rows.append(row)
            new.append(row)
        return new

    columns, rows = _select(db, "members", "id = ?", [member_id])
    add("members", columns, rows)
    level1: list[tuple[str, dict[str, Any]]] = []
    for table in _tables(db):
        if table in _SKIP_TABLES:
            continue
        cols = _columns(db, table)
        links = {fk.column for fk in keys if fk.child == table and fk.parent == "members"}
        if "member_id" in cols:
            links.add("member_id")
        clauses = [f"[{c}] = ?" for c in sorted(links)]
        params: list[Any] = [member_id] * len(links)
        if "id_number" in cols and member.get("id_number"):
            clauses.append("[id_number] = ?")
            params.append(member["id_number"])
        if not clauses:
            continue
        columns, rows = _select(db, table, " OR ".join(clauses), params)
        for row in add(table, columns, rows):
            level1.append((table, row))
    # Rows hanging off those rows (evidence files of a payment, sign-ins of a delegate …).
    for parent_table, parent_row in level1:
        pk = integer_pk(db, parent_table)
        if pk is None:
            continue
        for fk in keys:
            if fk.parent != parent_table or fk.child in _SKIP_TABLES or fk.child == parent_table:
                continue
            columns, rows = _select(db, fk.child, f"[{fk.column}] = ?", [parent_row[pk]])
            add(fk.child, columns, rows)
    return [found[t] for t in found if found[t].rows]


def change_log_entries(
    db: sqlite_utils.Database, data: list[TableRows], member: dict[str, Any]
) -> list[int]:
    """Ids of change-log entries about the member's rows (and any carrying their numbers)."""
    ids: set[int] = set()
    for group in data:
        rowids = [int(r["__rowid__"]) for r in group.rows]
        for chunk, marks in chunks(rowids):
            ids.update(
                r[0]
                for r in db.execute(
                    f"SELECT id FROM change_log WHERE table_name = ? AND row_id IN ({marks})",
                    [group.table, *chunk],
                )
            )
    for key in ("id_number", "phone"):
        value = member.get(key)
        if value and len(str(value)) >= 7:
            like = f"%{value}%"
            ids.update(
                r[0]
                for r in db.execute(
                    "SELECT id FROM change_log WHERE before_json LIKE ? OR after_json LIKE ? OR note LIKE ?",
                    [like, like, like],
                )
            )
    return sorted(ids)


def recycle_entries(
    db: sqlite_utils.Database,
    member_id: int,
    member: dict[str, Any],
    data: list[TableRows] | None = None,
) -> list[tuple[int, int]]:
    """(group id, recycle row id) of recycle-bin rows about the member: the member row, rows
    that referred to them, rows of theirs found in ``data``, rows carrying their numbers."""
    found: set[tuple[int, int]] = set()

    def add(sql: str, params: list[Any]) -> None:
        found.update((r[0], r[1]) for r in db.execute(sql, params))

    add(
        "SELECT group_id, id FROM recycle_rows WHERE table_name = 'members' AND row_id = ?",
        [member_id],
    )
    links = {(fk.child, fk.column) for fk in recycle.foreign_keys(db) if fk.parent == "members"}
    links |= {
        (t, "member_id")
        for t in _tables(db)
        if t not in _SKIP_TABLES and "member_id" in _columns(db, t)
    }
    for table, column in sorted(links):
        add(
            "SELECT group_id, id FROM recycle_rows WHERE table_name = ? AND json_extract(row_json, ?) = ?",
            [table, f"$.{column}", member_id],
        )
    for group in data or []:
        for row in group.rows:
            add(
                "SELECT group_id, id FROM recycle_rows WHERE table_name = ? AND row_id = ?",
                [group.table, row["__rowid__"]],
            )
    for key in ("id_number", "phone"):
        value = member.get(key)
        if value and len(str(value)) >= 7:
            add("SELECT group_id, id FROM recycle_rows WHERE row_json LIKE ?", [f"%{value}%"])
    return sorted(found)


# ------------------------------------------------------------------ export


def export_member_data(
    db: sqlite_utils.Database, member_id: int, path: str | Path
) -> tuple[Path, int]:
    """Everything held about one member as Excel: the member's record, one sheet per table
    that refers to them, and the change-log entries about them. Full values (it is the
    person's own data); the export is logged. Returns (file, number of rows)."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    member = get_member_row(db, member_id)
    data = collect_member_data(db, member_id)
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [member["branch_id"]]).fetchone()
    info_rows = [
        {"field": field_label(k), "value": "" if v is None else str(v)} for k, v in member.items()
    ]
    if branch:
        info_rows.append({"field": "分工会名称", "value": branch[0]})
    sheets = [
        Sheet(
            title="会员信息",
            columns=[Column("field", "项目", width=16), Column("value", "内容", width=40)],
            rows=info_rows,
            heading=f"个人数据：{member['name']}",
        )
    ]
    total = len(info_rows)
    for group in data:
        if group.table == "members":
            continue
        columns = [Column(c, field_label(c)) for c in group.columns]
        rows = [
            {c: ("" if r.get(c) is None else str(r.get(c))) for c in group.columns}
            for r in group.rows
        ]
        sheets.append(Sheet(title=group.label[:28], columns=columns, rows=rows))
        total += len(rows)
    log_rows = []
    for entry_id in change_log_entries(db, data, member):
        r = db.execute(
            "SELECT ts, os_user, table_name, row_id, action, before_json, after_json, note"
            " FROM change_log WHERE id = ?",
            [entry_id],
        ).fetchone()
        log_rows.append(
            {
                "ts": r[0].replace("T", " "),
                "user": r[1],
                "table": table_label(r[2]),
                "row_id": "" if r[3] is None else str(r[3]),
                "action": r[4],
                "before": r[5] or "",
                "after": r[6] or "",
                "note": r[7] or "",
            }
        )
    binned = []
    for _group_id, entry_id in recycle_entries(db, member_id, member, data):
        r = db.execute(
            "SELECT g.deleted_at, r.table_name, r.row_id, r.row_json FROM recycle_rows r"
            " JOIN recycle_groups g ON g.id = r.group_id WHERE r.id = ?",
            [entry_id],
        ).fetchone()
        binned.append(
            {
                "deleted_at": r[0].replace("T", " "),
                "table": table_label(r[1]),
                "row_id": str(r[2]),
                "values": r[3],
            }
        )
    if binned:
        sheets.append(
            Sheet(
                title="回收站",
                columns=[
                    Column("deleted_at", "删除时间", width=20),
                    Column("table", "数据表"),
                    Column("row_id", "原编号"),
                    Column("values", "内容", width=80),
                ],
                rows=binned,
            )
        )
        total += len(binned)
    if log_rows:
        sheets.append(
            Sheet(
                title="操作日志",
                columns=log_columns(values_width=40, note_width=30),
                rows=log_rows,
            )
        )
        total += len(log_rows)
    out = write_workbook(path, sheets)
    with db.atomic():
        audit.log_event(
            db,
            "members",
            member_id,
            "export",
            note=f"导出个人数据（{len(sheets)} 张表，{total} 行，含完整号码）：{out.name}",
        )
    return out, total


# ------------------------------------------------------------------ erasure


@dataclass
class ErasureReport:
    member_id: int
    rows_anonymised: int = 0
    files_deleted: int = 0
    log_entries_redacted: int = 0
    recycle_items_removed: int = 0
    backup: Path | None = None

    def message(self) -> str:
        text = (
            f"已删除该会员的个人信息：匿名化记录 {self.rows_anonymised} 条，删除附件 {self.files_deleted} 个，"
            f"隐去操作日志 {self.log_entries_redacted} 条，清除回收站 {self.recycle_items_removed} 项。"
            "统计数字（人数、金额）保持不变。"
        )
        if self.backup is not None:
            text += f"\n注意：删除前的自动备份（{self.backup.name}）及更早的备份中仍有原数据，将按备份保留规则到期自动删除。"
        return text


def _scrub(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, ERASED)
        return value
    return value


def _redact_json(text: str | None, secrets: list[str]) -> str | None:
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return _scrub(text, secrets)
    if isinstance(data, dict):
        for key, value in list(data.items()):
            if key in OTHER_PERSONAL or key in MEMBER_PERSONAL:
                data[key] = None if value is None else ERASED
            else:
                data[key] = _scrub(value, secrets)
        return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
    return _scrub(text, secrets)


def _erased_value(column: str, declared: str, not_null: bool, member_id: int) -> Any:
    if column == "name":
        return f"{ERASED}#{member_id}"
    if not not_null:
        return None
    return "" if "INT" not in declared else 0


def erase_member(
    db: sqlite_utils.Database, member_id: int, *, reason: str, backup: bool = True
) -> tuple[OpResult, ErasureReport]:
    """Erase a departed member's personal data (one transaction, logged without the name)."""
    from guilin_union.services.attachments import resolve_attachment
    from guilin_union.storage.backup import make_backup
    from guilin_union.storage.database import database_path

    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("请填写删除个人信息的原因（如：本人申请、离校满两年）", "reason")
    member = get_member_row(db, member_id)
    if member["status"] not in DEPARTED_STATUSES:
        raise ConflictError(
            f"只能删除已离会会员（{'、'.join(DEPARTED_STATUSES)}）的个人信息；该会员的会籍状态为“{member['status']}”。"
        )
    if str(member["name"]).startswith(ERASED):
        raise ConflictError("该会员的个人信息已经删除过了")
    report = ErasureReport(member_id)
    if backup and database_path(db) is not None:
        report.backup = make_backup(db, reason="before-erase")
    secrets = [
        str(member[k])
        for k in ("name", "id_number", "phone", "staff_no")
        if member.get(k) and len(str(member[k])) >= 2
    ]
    with db.atomic(), recycle.suppressed(db):
        data = collect_member_data(db, member_id)
        log_ids = change_log_entries(db, data, member)
        # Evidence files (rows with a stored path) are personal documents: delete them.
        for group in data:
            cols = set(group.columns)
            if (
                not {"path", "original_name"} <= cols
                or group.table == "members"
                or integer_pk(db, group.table) is None
            ):
                continue
            for row in group.rows:
                try:
                    file = resolve_attachment(db, str(row["path"]))
                    if file.is_file():
                        file.unlink()
                        report.files_deleted += 1
                except (ValidationError, OSError):
                    pass
                audit.delete(db, group.table, int(row["__rowid__"]), note="删除个人信息")
            group.rows = []
        for group in data:
            columns = _columns(db, group.table)
            personal = MEMBER_PERSONAL if group.table == "members" else OTHER_PERSONAL
            targets = [c for c in personal if c in columns]
            if not targets:
                continue
            has_id = "id" in columns
            for row in group.rows:
                changes = {
                    c: _erased_value(c, *columns[c], member_id)
                    for c in targets
                    if row.get(c) not in (None, "")
                }
                if group.table == "members":
                    changes.update({"name_initials": "", "name_pinyin": ""})
                if not changes:
                    continue
                if has_id:
                    audit.update(db, group.table, int(row["id"]), changes, note="删除个人信息")
                else:
                    assignments = ", ".join(f"[{c}] = ?" for c in changes)
                    db.execute(
                        f"UPDATE [{group.table}] SET {assignments} WHERE rowid = ?",
                        [*changes.values(), row["__rowid__"]],
                    )
                    audit.log_event(
                        db, group.table, int(row["__rowid__"]), "update", note="删除个人信息"
                    )
                report.rows_anonymised += 1
        if "member_numbers_issued" in db.table_names():
            db.execute(
                "UPDATE member_numbers_issued SET member_id = NULL WHERE member_id = ?", [member_id]
            )
        # The recycle bin may hold copies (e.g. a deleted payment of this member).
        groups = {gid for gid, _row in recycle_entries(db, member_id, member, data)}
        report.recycle_items_removed = recycle.purge_groups(db, sorted(groups))
        # Blank the same values in the change log: entries found above plus those just written.
        log_ids = sorted(
            set(log_ids) | set(change_log_entries(db, collect_member_data(db, member_id), member))
        )
        token = uuid.uuid4().hex
        db.execute("INSERT INTO _redaction_token (token) VALUES (?)", [token])
        for entry_id in log_ids:
            before, after, note = db.execute(
                "SELECT before_json, after_json, note FROM change_log WHERE id = ?", [entry_id]
            ).fetchone()
            new = (
                _redact_json(before, secrets),
                _redact_json(after, secrets),
                _scrub(note, secrets),
            )
            if new != (before, after, note):
                db.execute(
                    "UPDATE change_log SET before_json = ?, after_json = ?, note = ? WHERE id = ?",
                    [*new, entry_id],
                )
                report.log_entries_redacted += 1
        db.execute("DELETE FROM _redaction_token WHERE token = ?", [token])
        audit.log_event(
            db,
            "members",
            member_id,
            "erase",
            note=f"删除个人信息（原因：{_scrub(reason, secrets)}）",
        )
    return OpResult(Changes.of(*ALL_AREAS), member_id), report
