"""The recycle bin (回收站): deleted rows of every area, restorable with their links.

``storage.audit.delete`` calls :func:`capture` just before it deletes a row, in the same
transaction, so a rolled-back action leaves nothing here either. Rows deleted in one
transaction (one user action) form one *group* and come back together. Rows SQLite itself
removes through ``ON DELETE CASCADE`` are captured with their parent (and logged in the
change log, which would otherwise miss them); links cut by ``ON DELETE SET NULL`` are
remembered and re-made on restore.

Restore puts rows back with their old ids; when an id has been taken meanwhile, the row gets
a new id and the rows of the group that point at it follow. Foreign keys are checked before
the transaction commits, with a plain message when a referenced record is gone.

>>> TABLE_LABELS["members"]
'会员'
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, NotFoundError

# Chinese names of the tables, for the recycle bin, the change-log viewer and check reports.
TABLE_LABELS: dict[str, str] = {
    "settings": "设置",
    "branches": "分工会",
    "members": "会员",
    "change_log": "操作日志",
    "intake_applications": "入会申请",
    "member_numbers_issued": "会员编号发放记录",
    "member_status_events": "会籍变动",
    "member_dues": "会费",
    "congress_terms": "教代会届次",
    "congress_sessions": "教代会会议",
    "congress_delegations": "代表团",
    "congress_delegates": "教代会代表",
    "congress_attendance": "代表签到",
    "congress_agenda_items": "会议议程",
    "congress_motions": "表决事项",
    "congress_sittings": "会议场次",
    "congress_sitting_attendance": "场次签到",
    "congress_presidium": "主席团成员",
    "congress_elections": "选举",
    "congress_election_candidates": "选举候选人",
    "proposal_series_counters": "提案/建议编号",
    "proposal_departments": "提案承办单位",
    "proposal_counters": "提案编号",
    "proposals": "提案",
    "proposal_people": "提案人/附议人",
    "proposal_rounds": "提案办理轮次",
    "proposal_round_departments": "提案办理单位",
    "proposal_events": "提案办理记录",
    "proposal_attachments": "提案附件",
    "welfare_standards": "慰问标准",
    "welfare_batches": "慰问批次",
    "welfare_hardship": "困难帮扶档案",
    "welfare_payments": "慰问发放记录",
    "welfare_payment_warnings": "慰问超标准说明",
    "welfare_attachments": "慰问佐证材料",
    "activities": "活动",
    "activity_events": "活动项目",
    "activity_participants": "活动参加人员",
    "activity_entries": "活动报名项目",
    "activity_results": "活动成绩",
    "activity_budget_lines": "活动经费",
    "activity_attachments": "活动附件",
    "workpoint_plans": "工作要点计划",
    "workpoint_items": "工作要点条目",
    "workpoint_notes": "工作要点进展",
    "workpoint_evidence": "工作要点佐证材料",
    "workpoint_upper_links": "工作要点上下级对应",
    "workpoint_record_links": "工作要点关联",
    "recycle_groups": "回收站",
    "recycle_rows": "回收站",
    "database": "数据库",
    "demo": "演示数据",
}

# Tables whose deletes never go to the recycle bin (its own tables and bookkeeping).
_NOT_RECYCLED = {"recycle_groups", "recycle_rows", "change_log", "_migrations", "_redaction_token"}
# Columns that name a record best, in order of preference.
_NAME_KEYS = ("name", "title", "occasion", "type", "member_no", "code", "original_name", "number")


def table_label(table: str) -> str:
    """``"会员"`` for ``members``; unknown tables keep their own name."""
    return TABLE_LABELS.get(table, table)


@dataclass(frozen=True)
class ForeignKey:
    """One single-column foreign key ``child.column -> parent.parent_column``."""

    child: str
    column: str
    parent: str
    parent_column: str | None  # None: the parent's primary key
    on_delete: str


def _schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA schema_version").fetchone()[0])


def foreign_keys(db: sqlite_utils.Database) -> list[ForeignKey]:
    """Every single-column foreign key of the database (cached per schema version)."""
    version = _schema_version(db)
    cached = getattr(db, "_safety_fk_cache", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    keys: list[ForeignKey] = []
    for (table,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        rows = list(db.execute(f"PRAGMA foreign_key_list([{table}])"))
        counts: dict[int, int] = {}
        for r in rows:
            counts[r[0]] = counts.get(r[0], 0) + 1
        for r in rows:
            if counts[r[0]] != 1:
                continue  # multi-column keys do not occur in this schema
            keys.append(
                ForeignKey(
                    child=table,
                    column=r[3],
                    parent=r[2],
                    parent_column=r[4],
                    on_delete=str(r[6]).upper(),
                )
            )
    db._safety_fk_cache = (version, keys)  # type: ignore[attr-defined]
    return keys


def _columns(db: sqlite_utils.Database, table: str) -> list[tuple[str, bool, int]]:
    """(name, not null, pk position) of every column."""
    return [(r[1], bool(r[3]), int(r[5])) for r in db.execute(f"PRAGMA table_info([{table}])")]


def integer_pk(db: sqlite_utils.Database, table: str) -> str | None:
    """The INTEGER PRIMARY KEY column (the rowid alias), if the table has one."""
    info = list(db.execute(f"PRAGMA table_info([{table}])"))
    pks = [r for r in info if r[5]]
    if len(pks) == 1 and str(pks[0][2]).upper() == "INTEGER":
        return str(pks[0][1])
    return None


def _has_tables(db: sqlite_utils.Database) -> bool:
    version = _schema_version(db)
    cached = getattr(db, "_safety_has_bin", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    present = (
        db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('recycle_groups', 'recycle_rows')"
        ).fetchone()[0]
        == 2
    )
    db._safety_has_bin = (version, present)  # type: ignore[attr-defined]
    return present


@contextlib.contextmanager
def suppressed(db: sqlite_utils.Database) -> Iterator[None]:
    """Deletes inside this block skip the recycle bin (erasure must not keep a copy)."""
    depth = getattr(db, "_safety_recycle_off", 0)
    db._safety_recycle_off = depth + 1  # type: ignore[attr-defined]
    try:
        yield
    finally:
        db._safety_recycle_off = depth  # type: ignore[attr-defined]


def _now() -> str:
    from guilin_union.storage.audit import now_iso

    return now_iso()


def _user() -> str:
    from guilin_union.storage.audit import os_user

    return os_user()


def _dump(row: Mapping[str, Any]) -> str:
    return json.dumps(dict(row), ensure_ascii=False, default=str, sort_keys=True)


def describe(db: sqlite_utils.Database, table: str, row: Mapping[str, Any]) -> str:
    """A short Chinese description of a row: ``"会员：张三"``, ``"慰问发放记录：李四"``."""
    label = table_label(table)
    text = next((str(row[k]) for k in _NAME_KEYS if row.get(k) not in (None, "")), None)
    member_id = row.get("member_id")
    if member_id is not None and table != "members":
        try:
            found = db.execute("SELECT name FROM members WHERE id = ?", [member_id]).fetchone()
        except sqlite3.Error:
            found = None
        if found:
            text = f"{found[0]}" + (f"（{text}）" if text else "")
    if text:
        return f"{label}：{text}"
    return f"{label} #{row.get('id', '')}".rstrip(" #")


def _group_for(
    db: sqlite_utils.Database, table: str, row: Mapping[str, Any], note: str | None
) -> int:
    serial = getattr(db, "transaction_serial", None)
    state = getattr(db, "_safety_recycle_group", None)
    if serial is not None and db.conn.in_transaction and state is not None and state[0] == serial:
        # The group row vanishes if a savepoint that created it was rolled back.
        if db.execute("SELECT 1 FROM recycle_groups WHERE id = ?", [state[1]]).fetchone():
            return int(state[1])
    cursor = db.execute(
        "INSERT INTO recycle_groups (deleted_at, os_user, summary, main_table, row_count, note)"
        " VALUES (?, ?, ?, ?, 0, ?)",
        [_now(), _user(), describe(db, table, row), table, note],
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
    group_id = cursor.lastrowid
    if serial is not None:
        db._safety_recycle_group = (serial, group_id)  # type: ignore[attr-defined]
    return group_id


def _select_rows(
    db: sqlite_utils.Database, table: str, where: str, params: Sequence[Any]
) -> list[dict[str, Any]]:
    cursor = db.execute(f"SELECT rowid AS __rowid__, * FROM [{table}] WHERE {where}", list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor]


def capture(
    db: sqlite_utils.Database,
    table: str,
    rowid: int,
    row: Mapping[str, Any],
    *,
    note: str | None = None,
) -> int | None:
    """Copy ``row`` (about to be deleted) and everything its delete will take along into the
    recycle bin; returns the group id (None when the bin is off or not installed)."""
    if table in _NOT_RECYCLED or getattr(db, "_safety_recycle_off", 0) > 0 or not _has_tables(db):
        return None
    from guilin_union.storage.audit import log_event

    group_id = _group_for(db, table, row, note)
    seq = db.execute(
        "SELECT coalesce(max(seq), 0) FROM recycle_rows WHERE group_id = ?", [group_id]
    ).fetchone()[0]
    keys = foreign_keys(db)
    added = 0

    def record(tbl: str, rid: int, values: Mapping[str, Any], parent_entry: int | None) -> None:
        nonlocal seq, added
        relinks: list[dict[str, Any]] = []
        cascades: list[tuple[str, dict[str, Any]]] = []
        for fk in keys:
            if fk.parent != tbl or fk.child in _NOT_RECYCLED:
                continue
            target = values.get(fk.parent_column) if fk.parent_column else rid
            if target is None:
                continue
            if fk.on_delete == "CASCADE":
                for child in _select_rows(db, fk.child, f"[{fk.column}] = ?", [target]):
                    if fk.child == tbl and child["__rowid__"] == rid:
                        continue
                    cascades.append((fk.child, child))
            elif fk.on_delete == "SET NULL":
                for child in _select_rows(db, fk.child, f"[{fk.column}] = ?", [target]):
                    relinks.append(
                        {"table": fk.child, "column": fk.column, "rowid": child["__rowid__"]}
                    )
                    log_event(
                        db,
                        fk.child,
                        child["__rowid__"],
                        "update",
                        before={fk.column: target},
                        after={fk.column: None},
                        note=f"随{table_label(tbl)} #{rid} 删除而解除关联",
                    )
        seq += 1
        clean = {k: v for k, v in values.items() if k != "__rowid__"}
        cursor = db.execute(
            "INSERT INTO recycle_rows (group_id, seq, table_name, row_id, row_json, cascade_of, relinks_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                group_id,
                seq,
                tbl,
                rid,
                _dump(clean),
                parent_entry,
                json.dumps(relinks) if relinks else None,
            ],
        )
        added += 1
        assert cursor.lastrowid is not None
        entry = cursor.lastrowid
        for child_table, child in cascades:
            child_id = int(child["__rowid__"])
            log_event(
                db,
                child_table,
                child_id,
                "delete",
                before={k: v for k, v in child.items() if k != "__rowid__"},
                note=f"随{table_label(tbl)} #{rid} 一并删除",
            )
            record(child_table, child_id, child, entry)

    record(table, rowid, row, None)
    db.execute(
        "UPDATE recycle_groups SET row_count = row_count + ? WHERE id = ?", [added, group_id]
    )
    return group_id


def note_reinserted(
    db: sqlite_utils.Database, table: str, rowid: int, row: Mapping[str, Any]
) -> None:
    """A row came back by other means (an undo re-inserting it with its id): mark it restored
    in the bin so it is not offered twice. Only an identical row counts (a different record
    that happens to get the same id does not)."""
    if table in _NOT_RECYCLED or not _has_tables(db):
        return
    candidates = db.execute(
        "SELECT id, row_json FROM recycle_rows WHERE table_name = ? AND row_id = ? AND restored_at IS NULL",
        [table, rowid],
    ).fetchall()
    if not candidates:
        return
    given = json.loads(_dump(row))
    now = _now()
    for entry_id, text in candidates:
        stored = json.loads(text)
        if all(stored.get(k) == v for k, v in given.items() if k in stored):
            db.execute("UPDATE recycle_rows SET restored_at = ? WHERE id = ?", [now, entry_id])
    _close_finished_groups(db, now)


def _close_finished_groups(db: sqlite_utils.Database, now: str) -> None:
    db.execute(
        "UPDATE recycle_groups SET restored_at = ?, restored_by = ? WHERE restored_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM recycle_rows r WHERE r.group_id = recycle_groups.id"
        " AND r.restored_at IS NULL)",
        [now, _user()],
    )


# ------------------------------------------------------------------ reading the bin


@dataclass(frozen=True)
class RecycleGroup:
    id: int
    deleted_at: str
    os_user: str
    summary: str
    main_table: str
    row_count: int
    pending: int  # rows not yet back
    note: str | None
    restored_at: str | None


@dataclass(frozen=True)
class RecycleRow:
    id: int
    seq: int
    table: str
    row_id: int
    values: dict[str, Any]
    cascade_of: int | None
    restored_at: str | None


_GROUP_SELECT = (
    "SELECT g.id, g.deleted_at, g.os_user, g.summary, g.main_table, g.row_count,"
    " (SELECT count(*) FROM recycle_rows r WHERE r.group_id = g.id AND r.restored_at IS NULL),"
    " g.note, g.restored_at FROM recycle_groups g"
)


def list_groups(
    db: sqlite_utils.Database, *, include_restored: bool = False, search: str = ""
) -> list[RecycleGroup]:
    """Groups newest first; restored ones only when asked."""
    clauses, params = [], []
    if not include_restored:
        clauses.append("g.restored_at IS NULL")
    if search.strip():
        clauses.append("(g.summary LIKE ? OR g.note LIKE ?)")
        params += [f"%{search.strip()}%"] * 2
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = db.execute(f"{_GROUP_SELECT}{where} ORDER BY g.deleted_at DESC, g.id DESC", params)
    return [RecycleGroup(*r) for r in rows]


def get_group(db: sqlite_utils.Database, group_id: int) -> RecycleGroup:
    row = db.execute(f"{_GROUP_SELECT} WHERE g.id = ?", [group_id]).fetchone()
    if row is None:
        raise NotFoundError("回收站中没有这一项（可能已被清除）")
    return RecycleGroup(*row)


def group_rows(db: sqlite_utils.Database, group_id: int) -> list[RecycleRow]:
    rows = db.execute(
        "SELECT id, seq, table_name, row_id, row_json, cascade_of, restored_at FROM recycle_rows"
        " WHERE group_id = ? ORDER BY seq",
        [group_id],
    )
    return [RecycleRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]


# ------------------------------------------------------------------ restoring


def _table_ranks(db: sqlite_utils.Database) -> dict[str, int]:
    """Parents before children: rank = 1 + the highest rank of the tables referenced."""
    parents: dict[str, set[str]] = {}
    for fk in foreign_keys(db):
        if fk.parent != fk.child:
            parents.setdefault(fk.child, set()).add(fk.parent)
    ranks: dict[str, int] = {}

    def rank(table: str, seen: frozenset[str] = frozenset()) -> int:
        if table in ranks:
            return ranks[table]
        if table in seen:
            return 0
        value = 1 + max((rank(p, seen | {table}) for p in parents.get(table, ())), default=-1)
        ranks[table] = value
        return value

    for table in list(parents):
        rank(table)
    return ranks


def _exists(db: sqlite_utils.Database, table: str, column: str | None, value: Any) -> bool:
    where = f"[{column}] = ?" if column else "rowid = ?"
    return (
        db.execute(f"SELECT 1 FROM [{table}] WHERE {where} LIMIT 1", [value]).fetchone() is not None
    )


@dataclass(frozen=True)
class Restored:
    table: str
    old_id: int
    new_id: int


def restore_group(db: sqlite_utils.Database, group_id: int) -> list[Restored]:
    """Put every row of a group back (one transaction) and re-make the links that were cut."""
    from guilin_union.storage import audit

    group = get_group(db, group_id)
    rows = [r for r in group_rows(db, group_id) if r.restored_at is None]
    if not rows:
        raise ConflictError(f"“{group.summary}”已经恢复过了")
    done: list[Restored] = []
    with db.atomic():
        # Rows of one group may point at each other in any order; checked before commit below.
        db.execute("PRAGMA defer_foreign_keys = ON")
        ranks = _table_ranks(db)
        keys = foreign_keys(db)
        mapping: dict[tuple[str, int], int] = {}
        entry_ids: dict[int, tuple[str, int]] = {}
        tables = set(db.table_names())
        for r in sorted(rows, key=lambda x: (ranks.get(x.table, 0), x.seq)):
            if r.table not in tables:
                raise ConflictError(f"无法恢复：数据表“{table_label(r.table)}”已不存在")
            columns = {name for name, _nn, _pk in _columns(db, r.table)}
            data = {k: v for k, v in r.values.items() if k in columns}
            for fk in keys:
                if fk.child == r.table and data.get(fk.column) is not None:
                    new = mapping.get((fk.parent, data[fk.column]))
                    if new is not None:
                        data[fk.column] = new
            pk = integer_pk(db, r.table)
            if pk and data.get(pk) is not None and _exists(db, r.table, pk, data[pk]):
                data.pop(pk)  # the old id is taken by a newer record: take a new one
            try:
                new_id = audit.insert(db, r.table, data, note="从回收站恢复")
            except sqlite3.IntegrityError as exc:
                raise ConflictError(
                    f"无法恢复“{describe(db, r.table, r.values)}”：与现有记录冲突"
                    f"（{_plain_constraint(str(exc))}）。请先修改或删除冲突的记录。"
                ) from None
            mapping[(r.table, r.row_id)] = new_id
            entry_ids[r.id] = (r.table, new_id)
            done.append(Restored(r.table, r.row_id, new_id))
        _relink(db, rows, mapping)
        _check_links(db, done, keys)
        now = _now()
        db.conn.executemany(
            "UPDATE recycle_rows SET restored_at = ? WHERE id = ?", [(now, r.id) for r in rows]
        )
        _close_finished_groups(db, now)
    return done


def _relink(
    db: sqlite_utils.Database, rows: list[RecycleRow], mapping: dict[tuple[str, int], int]
) -> None:
    from guilin_union.storage import audit

    marks = ",".join("?" for _ in rows)
    relinks = db.execute(
        f"SELECT table_name, row_id, relinks_json FROM recycle_rows WHERE id IN ({marks})"
        " AND relinks_json IS NOT NULL",
        [r.id for r in rows],
    ).fetchall()
    for table, old_id, text in relinks:
        new_id = mapping.get((table, old_id), old_id)
        for link in json.loads(text):
            child, column, rowid = link["table"], link["column"], link["rowid"]
            current = db.execute(
                f"SELECT [{column}] FROM [{child}] WHERE rowid = ?", [rowid]
            ).fetchone()
            if current is None or current[0] is not None:
                continue  # the row is gone or was linked to something else meanwhile
            db.execute(f"UPDATE [{child}] SET [{column}] = ? WHERE rowid = ?", [new_id, rowid])
            audit.log_event(
                db,
                child,
                rowid,
                "update",
                before={column: None},
                after={column: new_id},
                note="从回收站恢复关联",
            )


def _check_links(db: sqlite_utils.Database, done: list[Restored], keys: list[ForeignKey]) -> None:
    for item in done:
        pk = integer_pk(db, item.table)
        where = f"[{pk}] = ?" if pk else "rowid = ?"
        found = _select_rows(db, item.table, where, [item.new_id])
        if not found:
            continue
        row = found[0]
        for fk in keys:
            if fk.child != item.table or row.get(fk.column) is None:
                continue
            if not _exists(
                db, fk.parent, fk.parent_column or integer_pk(db, fk.parent), row[fk.column]
            ):
                raise ConflictError(
                    f"无法恢复“{describe(db, item.table, row)}”：它引用的{table_label(fk.parent)}"
                    f" #{row[fk.column]} 已不存在。请先恢复或重新建立该{table_label(fk.parent)}。"
                )


def _plain_constraint(message: str) -> str:
    if "UNIQUE" in message.upper():
        column = message.split(":", 1)[-1].strip()
        return f"{column} 已有相同的值"
    if "CHECK" in message.upper():
        return "数据不符合当前的校验规则"
    return message


# ------------------------------------------------------------------ purging


def purge_groups(db: sqlite_utils.Database, group_ids: Sequence[int]) -> int:
    """Remove groups for good (``secure_delete`` overwrites their content in the file).

    Call inside ``db.atomic()``; returns the number of groups removed.
    """
    ids = [int(g) for g in group_ids]
    if not ids:
        return 0
    db.execute("PRAGMA secure_delete = ON")
    removed = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        db.execute(f"DELETE FROM recycle_rows WHERE group_id IN ({marks})", chunk)
        removed += db.execute(f"DELETE FROM recycle_groups WHERE id IN ({marks})", chunk).rowcount
    return removed


def expired_group_ids(db: sqlite_utils.Database, cutoff_iso: str) -> list[int]:
    """Groups deleted before ``cutoff_iso`` (ISO date-time text compares in time order)."""
    return [
        r[0] for r in db.execute("SELECT id FROM recycle_groups WHERE deleted_at < ?", [cutoff_iso])
    ]
