"""The change log (操作日志) for reading: filters, before/after values, Excel export.

Nothing here (nor anywhere in the program) deletes entries: the table's triggers refuse it.
ID numbers and phones inside the logged values are masked unless the caller asks for full
values — which is itself logged, like every reveal of full numbers.

>>> q = LogQuery(table="members", since="2024-03-01")
>>> _where(q)[0]
' WHERE table_name = ? AND ts >= ?'
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core import field_labels
from guilin_union.core.dates import parse_date
from guilin_union.core.masking import mask_id, mask_phone
from guilin_union.core.members import FIELD_LABELS
from guilin_union.core.money import format_fen
from guilin_union.services.common_query import (
    SortOrder,
    chunks,
    column_values,
    filter_clauses,
    where_sql,
)
from guilin_union.storage import audit
from guilin_union.storage.recycle import table_label as _recycle_table_label

ACTION_LABELS: dict[str, str] = {
    "insert": "新增",
    "update": "修改",
    "delete": "删除",
    "event": "事件",
    "reveal": "显示/导出完整号码",
    "restore": "恢复备份",
    "erase": "删除个人信息",
    "export": "导出",
    "purge": "彻底删除（回收站）",
}
_EXTRA_LABELS = {
    "id": "编号",
    "branch_id": "分工会",
    "member_id": "会员",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "amount_fen": "金额（分）",
    "state": "状态",
    "type": "类型",
    "reason": "事由",
    "year": "年度",
    "pay_date": "日期",
    "title": "标题",
    "chair": "主席",
    "code": "代码",
    "active": "启用",
    "sort_order": "排序",
    "name_initials": "拼音首字母",
    "name_pinyin": "拼音",
    "occasion": "事项",
    "message": "内容",
    "override_reason": "超标准原因",
    "overridden_at": "确认时间",
    "overridden_by": "确认人",
    "payment_id": "慰问记录",
    "batch_id": "批次",
    "hardship_id": "困难帮扶档案",
    "form": "形式",
    "goods": "物品",
    "handler": "经手人",
    "notes": "备注",
    "applied_on": "申请日期",
    "approved_on": "批准日期",
    "paid_on": "发放日期",
    "event_date": "日期",
    "from_status": "原状态",
    "to_status": "新状态",
    "action": "操作",
    "document_no": "文号",
    "recorded_by": "记录人",
    "recorded_at": "记录时间",
    "activity_id": "活动",
    "session_id": "会议",
    "term_id": "届次",
    "proposal_id": "提案",
    "path": "文件",
    "original_name": "文件名",
    "salary_base_fen": "工资基数（分）",
    "dues_start_month": "会费起始月份",
    "delegate_id": "代表",
    "participant_id": "参加人员",
    "event_id": "项目",
}
_SUMMARY_KEYS = (
    "name",
    "title",
    "type",
    "occasion",
    "member_no",
    "member_id",
    "amount_fen",
    "code",
)
_ID_KEYS = {"id_number"}
_PHONE_KEYS = {"phone"}


def field_label(key: str, table: str | None = None) -> str:
    """The label of a stored field; with ``table``, the label that table's rows use (a
    plan's ``title`` is 标题, a member's 职称)."""
    if table is not None:
        return field_labels.field_label(table, key)
    return FIELD_LABELS.get(key) or _EXTRA_LABELS.get(key) or field_labels.field_label(None, key)


_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$")


def money_text(fen: int) -> str:
    """``123450`` → ``'¥ 1,234.50'`` (the one way money is shown on screen).

    >>> money_text(3000000)
    '¥ 30,000.00'
    """
    return f"¥ {format_fen(fen)}"


def time_text(value: str) -> str:
    """``2026-12-07T19:52:38`` → ``2026-12-07 19:52``; other text unchanged.

    >>> time_text("2026-12-07T19:52:38"), time_text("2026-12-07")
    ('2026-12-07 19:52', '2026-12-07')
    """
    match = _TIMESTAMP.match(value)
    return f"{match.group(1)} {match.group(2)}" if match else value


def note_text(note: str | None) -> str:
    """A log note in words: ``生成演示数据（normal）`` → ``生成演示数据（标准规模）``."""
    if not note:
        return ""
    for code, words in field_labels.DEMO_SCALES.items():
        note = note.replace(f"（{code}）", f"（{words}）")
    return time_text(note)


# Related records by name: key -> SQL giving the display text for an id.
_MEMBER_SQL = "SELECT name || coalesce('（' || member_no || '）', '') FROM members WHERE id = ?"
_REFERENCES: dict[str, str] = {
    "branch_id": "SELECT name FROM branches WHERE id = ?",
    "organiser_branch_id": "SELECT name FROM branches WHERE id = ?",
    "member_id": _MEMBER_SQL,
    "head_member_id": _MEMBER_SQL,
    "proposer_member_id": _MEMBER_SQL,
    "supervisor_member_id": _MEMBER_SQL,
    "activity_id": "SELECT name FROM activities WHERE id = ?",
    "event_id": "SELECT name FROM activity_events WHERE id = ?",
    "participant_id": "SELECT m.name FROM activity_participants p JOIN members m"
    " ON m.id = p.member_id WHERE p.id = ?",
    "session_id": "SELECT title FROM congress_sessions WHERE id = ?",
    "report_session_id": "SELECT title FROM congress_sessions WHERE id = ?",
    "term_id": "SELECT '第' || number || '届（' || start_year || '—' || end_year || '年）'"
    " FROM congress_terms WHERE id = ?",
    "sitting_id": "SELECT title FROM congress_sittings WHERE id = ?",
    "election_id": "SELECT title FROM congress_elections WHERE id = ?",
    "delegate_id": "SELECT m.name FROM congress_delegates d JOIN members m"
    " ON m.id = d.member_id WHERE d.id = ?",
    "replaces_id": "SELECT m.name FROM congress_delegates d JOIN members m"
    " ON m.id = d.member_id WHERE d.id = ?",
    "continues_id": "SELECT m.name FROM congress_delegates d JOIN members m"
    " ON m.id = d.member_id WHERE d.id = ?",
    "delegation_id": "SELECT name FROM congress_delegations WHERE id = ?",
    "proposal_id": "SELECT coalesce(number || ' ', '') || title FROM proposals WHERE id = ?",
    "merged_into_id": "SELECT coalesce(number || ' ', '') || title FROM proposals WHERE id = ?",
    "source_proposal_id": "SELECT coalesce(number || ' ', '') || title FROM proposals WHERE id = ?",
    "round_id": "SELECT '第' || round_no || '轮' FROM proposal_rounds WHERE id = ?",
    "department_id": "SELECT name FROM proposal_departments WHERE id = ?",
    "lead_department_id": "SELECT name FROM proposal_departments WHERE id = ?",
    "plan_id": "SELECT title FROM workpoint_plans WHERE id = ?",
    "item_id": "SELECT trim(coalesce(number, '') || ' ' || coalesce(heading, text))"
    " FROM workpoint_items WHERE id = ?",
    "parent_id": "SELECT trim(coalesce(number, '') || ' ' || coalesce(heading, text))"
    " FROM workpoint_items WHERE id = ?",
    "upper_item_id": "SELECT trim(coalesce(number, '') || ' ' || coalesce(heading, text))"
    " FROM workpoint_items WHERE id = ?",
    "carried_from_item_id": "SELECT trim(coalesce(number, '') || ' ' || coalesce(heading, text))"
    " FROM workpoint_items WHERE id = ?",
    "workpoint_item_id": "SELECT trim(coalesce(number, '') || ' ' || coalesce(heading, text))"
    " FROM workpoint_items WHERE id = ?",
    "payment_id": "SELECT m.name || ' ' || p.type || '慰问' FROM welfare_payments p"
    " JOIN members m ON m.id = p.member_id WHERE p.id = ?",
    "batch_id": "SELECT year || '年' || coalesce(occasion, type) || '批量发放' FROM welfare_batches"
    " WHERE id = ?",
    "hardship_id": "SELECT m.name || ' ' || h.year || '年' FROM welfare_hardship h"
    " JOIN members m ON m.id = h.member_id WHERE h.id = ?",
}
# Tables whose ``id``/``parent_id`` mean something else.
_NOT_REFERENCES = {("branches", "parent_id")}


class Describer:
    """Turns stored values into the secretary's words: labels per table, money in 元,
    related records by name, codes translated, one date-time form. Looks related records
    up once each (one describer per screenful)."""

    def __init__(self, db: sqlite_utils.Database | None) -> None:
        self.db = db
        self._cache: dict[tuple[str, Any], str | None] = {}

    def remember(self, key: str, row_id: int, text: str) -> None:
        """Name a record that is no longer in its table (a deleted member in the bin)."""
        self._cache[(key, row_id)] = text

    def reference(self, key: str, value: Any) -> str | None:
        sql = _REFERENCES.get(key)
        if sql is None or self.db is None or not isinstance(value, int):
            return None
        cache_key = (key, value)
        if cache_key not in self._cache:
            try:
                row = self.db.execute(sql, [value]).fetchone()
            except sqlite3.Error:  # a table of an area this file does not have
                row = None
            self._cache[cache_key] = None if row is None or row[0] is None else str(row[0])
        return self._cache[cache_key]

    def value(self, table: str | None, key: str, value: Any) -> str:
        if value is None or value == "":
            return "（空）"
        if key in field_labels.BOOLEAN_KEYS and value in (0, 1, True, False):
            return "是" if value else "否"
        if isinstance(value, bool):
            return "是" if value else "否"
        if field_labels.is_money_key(key) and isinstance(value, int):
            return money_text(value)
        if key.endswith("_id") and (table, key) not in _NOT_REFERENCES:
            name = self.reference(key, value)
            if name is not None:
                return name
            if key in _REFERENCES:
                return f"第 {value} 号（已删除）" if self.db is not None else str(value)
        if isinstance(value, str):
            return time_text(field_labels.code_label(table, key, value))
        return str(value)

    def label(self, table: str | None, key: str) -> str:
        return field_label(key, table)

    def values_text(
        self,
        table: str | None,
        values: dict[str, Any] | None,
        keys: Iterable[str] | None = None,
    ) -> str:
        """``姓名：张三；金额：¥ 300.00`` (one line, for lists and Excel); the naming
        fields first."""
        if not values:
            return ""
        if keys is not None:
            chosen = list(keys)
        else:
            chosen = [k for k in _SUMMARY_KEYS if k in values] + [
                k for k in values if k not in _SUMMARY_KEYS
            ]
        return "；".join(
            f"{self.label(table, key)}：{self.value(table, key, values.get(key))}"
            for key in chosen
            if key in values
        )


def table_label(table: str) -> str:
    """``会员`` for ``members``; every table of the program has a Chinese name."""
    label = _recycle_table_label(table)
    return field_labels.TABLE_NAMES.get(table, label) if label == table else label


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


@dataclass(frozen=True)
class LogQuery:
    """Filters of the log viewer and ``log`` command. Dates are ISO (``until`` inclusive)."""

    table: str | None = None
    since: str | None = None
    until: str | None = None
    user: str | None = None
    action: str | None = None
    search: str = ""
    row_id: int | None = None


def normalise_date(value: str | None, field: str) -> str | None:
    """Accept every date form the program accepts (2024-3-5, 2024年3月5日 …) -> ISO."""
    if value is None or not str(value).strip():
        return None
    return parse_date(str(value).strip(), field=field).isoformat()


def _where(q: LogQuery) -> tuple[str, list[Any]]:
    clauses, params = filter_clauses(
        (
            ("table_name = ?", q.table),
            ("ts >= ?", q.since),
            # inclusive of the whole day: 'T99' sorts after any time
            ("ts < ?", q.until + "T99" if q.until else None),
            ("os_user = ?", q.user),
            ("action = ?", q.action),
            ("row_id = ?", q.row_id),
        ),
    )
    if q.search.strip():
        like = f"%{q.search.strip()}%"
        clauses.append(
            "(coalesce(note, '') LIKE ? OR coalesce(before_json, '') LIKE ? OR coalesce(after_json, '') LIKE ?)"
        )
        params += [like, like, like]
    return where_sql(clauses), params


SORT = SortOrder(
    {
        "ts": "ts",
        "user": "os_user",
        "table": "table_name",
        "action": "action",
        "row_id": "row_id",
    },
    tiebreak="id",
    tiebreak_descends=True,
)


def query_ids(
    db: sqlite_utils.Database, q: LogQuery, sort_key: str | None = None, descending: bool = True
) -> list[int]:
    """Entry ids in order (newest first by default); the table model fetches rows lazily."""
    where, params = _where(q)
    return column_values(
        db, f"SELECT id FROM change_log{where} ORDER BY {SORT.sql(sort_key, descending)}", params
    )


def count(db: sqlite_utils.Database, q: LogQuery | None = None) -> int:
    where, params = _where(q or LogQuery())
    return int(db.execute(f"SELECT count(*) FROM change_log{where}", params).fetchone()[0])


def _load(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"?": text}
    return value if isinstance(value, dict) else {"?": value}


def mask_values(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """The same dict with ID numbers and phones masked.

    >>> mask_values({"name": "张三", "phone": "13812345678"})["phone"]
    '138****5678'
    """
    if values is None:
        return None
    out = dict(values)
    for key, value in values.items():
        if key in _ID_KEYS and value:
            out[key] = mask_id(str(value))
        elif key in _PHONE_KEYS and value:
            out[key] = mask_phone(str(value))
    return out


def _text(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def values_text(
    values: dict[str, Any] | None,
    keys: Iterable[str] | None = None,
    member_names: dict[int, str] | None = None,
    *,
    table: str | None = None,
    describer: Describer | None = None,
) -> str:
    """``姓名：张三；手机：138****5678`` (one line, for lists and Excel); the naming fields
    first, a member id shown as the member's name when ``member_names`` knows it. With a
    ``describer`` (and the row's ``table``) the values are in the secretary's words."""
    if not values:
        return ""
    if describer is not None:
        return describer.values_text(table, values, keys)
    if keys is not None:
        chosen = list(keys)
    else:
        chosen = [k for k in _SUMMARY_KEYS if k in values] + [
            k for k in values if k not in _SUMMARY_KEYS
        ]
    parts = []
    for key in chosen:
        if key not in values:
            continue
        value = values.get(key)
        if key == "member_id" and member_names and value in member_names:
            value = member_names[value]
        parts.append(f"{field_label(key)}：{_text(value)}")
    return "；".join(parts)


@dataclass(frozen=True)
class LogEntry:
    id: int
    ts: str
    user: str
    table: str
    row_id: int | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None

    def changes(self, describer: Describer | None = None) -> list[tuple[str, str, str]]:
        """(field, before, after) for every field that appears in either side, in words."""
        words = describer or Describer(None)
        keys: list[str] = []
        for side in (self.before or {}, self.after or {}):
            for key in side:
                if key not in keys:
                    keys.append(key)
        rows = []
        for key in keys:
            before = (
                words.value(self.table, key, self.before.get(key))
                if self.before and key in self.before
                else ""
            )
            after = (
                words.value(self.table, key, self.after.get(key))
                if self.after and key in self.after
                else ""
            )
            rows.append((words.label(self.table, key), before, after))
        return rows

    def summary(
        self, member_names: dict[int, str] | None = None, describer: Describer | None = None
    ) -> str:
        """One line for the list: what changed (an edit) or what the record was."""
        words = describer or Describer(None)
        if self.action == "update":
            return words.values_text(self.table, self.after)
        values = (
            self.after
            if self.action == "insert"
            else self.before
            if self.action == "delete"
            else None
        )
        if values is None:
            return note_text(self.note)
        key_fields = [k for k in _SUMMARY_KEYS if values.get(k) not in (None, "")]
        return (
            words.values_text(self.table, values, key_fields)
            if key_fields
            else words.values_text(
                self.table, {k: v for k, v in values.items() if v not in (None, "")}
            )
        )

    def member_ids(self) -> set[int]:
        ids = set()
        for side in (self.before, self.after):
            if side and isinstance(side.get("member_id"), int):
                ids.add(side["member_id"])
        return ids

    def to_json(self, describer: Describer | None = None) -> dict[str, Any]:
        """The ``log --json`` object: the stored values as they are (``before``/``after``,
        keys unchanged), and the same entry in the words the log viewer shows
        (``table_label``, ``action_label``, ``time``, ``summary``, ``changes``)."""
        words = describer or Describer(None)
        return {
            "id": self.id,
            "ts": self.ts,
            "user": self.user,
            "table": self.table,
            "row_id": self.row_id,
            "action": self.action,
            "before": self.before,
            "after": self.after,
            "note": note_text(self.note) or None,
            "time": time_text(self.ts),
            "table_label": table_label(self.table),
            "action_label": action_label(self.action),
            "summary": self.summary(describer=words),
            "changes": [
                {"field": field, "before": before, "after": after}
                for field, before, after in self.changes(words)
            ],
        }


_SELECT = "SELECT id, ts, os_user, table_name, row_id, action, before_json, after_json, note FROM change_log"


def _entry(row: tuple, masked: bool) -> LogEntry:
    before, after = _load(row[6]), _load(row[7])
    if masked:
        before, after = mask_values(before), mask_values(after)
    return LogEntry(row[0], row[1], row[2], row[3], row[4], row[5], before, after, row[8])


def get_entries(
    db: sqlite_utils.Database, ids: Iterable[int], *, masked: bool = True
) -> dict[int, LogEntry]:
    ids = list(ids)
    result: dict[int, LogEntry] = {}
    for chunk, marks in chunks(ids):
        for row in db.execute(f"{_SELECT} WHERE id IN ({marks})", chunk):
            result[row[0]] = _entry(row, masked)
    return result


def fetch_rows(
    db: sqlite_utils.Database, ids: Iterable[int], *, masked: bool = True
) -> dict[int, dict[str, Any]]:
    """Display rows for the viewer's table model."""
    rows = {}
    entries = get_entries(db, ids, masked=masked)
    words = Describer(db)
    for entry_id, e in entries.items():
        rows[entry_id] = {
            "id": e.id,
            "ts": time_text(e.ts),
            "user": e.user,
            "table": table_label(e.table),
            "table_name": e.table,
            "row_id": "" if e.row_id is None else e.row_id,
            "action": action_label(e.action),
            "summary": e.summary(describer=words),
            "note": note_text(e.note),
        }
    return rows


def member_names(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, str]:
    """Names of members by id (one query), for showing ``会员：张三`` instead of a number."""
    ids = list(ids)
    names: dict[int, str] = {}
    for chunk, marks in chunks(ids):
        names.update(
            {
                r[0]: r[1]
                for r in db.execute(f"SELECT id, name FROM members WHERE id IN ({marks})", chunk)
            }
        )
    return names


def list_entries(
    db: sqlite_utils.Database,
    q: LogQuery | None = None,
    *,
    masked: bool = True,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[LogEntry]:
    """Entries in time order (oldest first unless ``newest_first``)."""
    where, params = _where(q or LogQuery())
    direction = " DESC" if newest_first else ""
    sql = f"{_SELECT}{where} ORDER BY ts{direction}, id{direction}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_entry(r, masked) for r in db.execute(sql, params)]


def distinct(db: sqlite_utils.Database, column: str) -> list[str]:
    """Values present in the log for a filter box (``table_name``, ``os_user``, ``action``)."""
    if column not in ("table_name", "os_user", "action"):
        raise ValueError(column)
    return column_values(db, f"SELECT DISTINCT {column} FROM change_log ORDER BY {column}")


def log_reveal(db: sqlite_utils.Database, what: str) -> None:
    """Record that full numbers in the change log were shown or exported."""
    with db.atomic():
        audit.log_event(db, "change_log", None, "reveal", note=what)


def log_columns(values_width: int = 50, note_width: int = 40) -> list[Any]:
    """The columns of an 操作日志 sheet (the log export and a person's data export)."""
    from guilin_union.spreadsheets.writer import Column

    return [
        Column("ts", "时间", width=20),
        Column("user", "用户"),
        Column("table", "数据表"),
        Column("row_id", "记录编号"),
        Column("action", "操作"),
        Column("before", "修改前", width=values_width),
        Column("after", "修改后", width=values_width),
        Column("note", "说明", width=note_width),
    ]


def export_log(
    db: sqlite_utils.Database, path: str | Path, q: LogQuery | None = None, *, masked: bool = True
) -> tuple[Path, int]:
    """Write the filtered log to Excel (one row per entry); full numbers only when asked,
    which is logged."""
    from guilin_union.spreadsheets.writer import Sheet, write_workbook

    entries = list_entries(db, q, masked=masked)
    words = Describer(db)
    rows = [
        {
            "ts": time_text(e.ts),
            "user": e.user,
            "table": table_label(e.table),
            "row_id": "" if e.row_id is None else str(e.row_id),
            "action": action_label(e.action),
            "before": words.values_text(e.table, e.before),
            "after": words.values_text(e.table, e.after),
            "note": note_text(e.note),
        }
        for e in entries
    ]
    out = write_workbook(
        path, [Sheet(title="操作日志", columns=log_columns(), rows=rows, heading="操作日志")]
    )
    if not masked:
        log_reveal(db, f"导出操作日志（含完整证件号码和手机号，{len(rows)} 条）：{out}")
    return out, len(rows)
