"""Excel imports of the congress area: the delegate list of a term and a session's sign-in.

Both run through the one import pipeline (services.import_common): every row is checked
first (members matched by ID number or 工号, never by name alone; the name must agree), and
only a file without a single error is written, in one transaction, after a backup.

>>> DelegateImporter(1).fields[0].header
'姓名'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.congress import ATTENDANCE_STATUSES, DELEGATE_TYPES
from guilin_union.core.errors import ValidationError
from guilin_union.core.ids import parse_id_number
from guilin_union.core.member_match import MemberIndex
from guilin_union.core.names import name_key
from guilin_union.services import congress
from guilin_union.services.common_query import column_values
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.import_common import (
    ImportOutcome,
    ImportPlan,
    header_label,
    required_text,
    text_value,
)
from guilin_union.services.members.lookup import member_index
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field, ReadResult
from guilin_union.storage import audit

DELEGATE_FIELDS: list[Field] = [
    Field("name", "姓名", ("代表姓名",), required=True),
    Field("id_number", "身份证号", ("身份证号码", "证件号码", "公民身份号码"), kind="id_number"),
    Field("staff_no", "工号", ("职工号", "教工号", "工作证号")),
    Field(
        "delegate_type",
        "代表类型",
        ("代表身份", "代表资格"),
        kind="choice",
        choices=DELEGATE_TYPES,
    ),
    Field("category", "类别", ("代表类别", "界别", "人员类别")),
    Field("delegation", "代表团", ("所在代表团", "代表团名称")),
    Field("is_head", "是否团长", ("团长",), kind="bool"),
    Field("start_date", "当选日期", ("开始日期", "产生日期"), kind="date"),
    Field("notes", "备注", ()),
]

ATTENDANCE_FIELDS: list[Field] = [
    Field("name", "姓名", ("代表姓名",), required=True),
    Field("staff_no", "工号", ("职工号", "教工号")),
    Field("id_number", "身份证号", ("身份证号码", "证件号码"), kind="id_number"),
    Field(
        "status",
        "签到情况",
        ("出席情况", "签到", "状态", "出席"),
        required=True,
        kind="choice",
        choices=ATTENDANCE_STATUSES,
    ),
    Field("note", "备注", ("请假原因", "说明")),
]


def _find_member(
    db: sqlite_utils.Database, values: dict[str, Any], index: MemberIndex | None = None
) -> tuple[int | None, str | None, str]:
    """(member id, error message, column key of the error) for one row.

    Delegates are matched by ID number or 工号, never by name alone; the name must agree.
    The rule and its messages are those of core.member_match (one for every importer).
    """
    if not values.get("id_number") and not values.get("staff_no"):
        return None, "请填写身份证号或工号（用于在会员名册中准确找到此人）", "id_number"
    number = values.get("id_number")
    if number:
        try:
            number = parse_id_number(str(number)).number
        except ValidationError:
            pass  # another document type: match as written
    found = (index or member_index(db)).match(
        name=values.get("name") or "", staff_no=values.get("staff_no"), id_number=number
    )
    if found.member is None:
        return None, found.message, found.field
    return found.member.id, None, ""


@dataclass
class _DelegateItem:
    row: int
    member_id: int
    name: str
    data: dict[str, Any]
    existing_id: int | None
    is_head: bool


class DelegateImporter:
    """Import the delegate list of one term (new delegates added, changed ones updated)."""

    name = "congress-delegates"

    def __init__(self, term_id: int) -> None:
        self.term_id = term_id
        self.fields = DELEGATE_FIELDS

    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        plan = ImportPlan()
        index = member_index(db)
        term = congress.get_term(db, self.term_id)
        rule = congress.rules(db)
        delegations = {g.name: g.id for g in delegates_service.list_delegations(db, self.term_id)}
        seen: dict[int, int] = {}
        heads: dict[int, int] = {}
        label = lambda key, default: header_label(read, key, default)  # noqa: E731

        def error(row: int, key: str, default: str, value: Any, message: str) -> None:
            plan.errors.append(
                RowError(row, label(key, default), "" if value is None else str(value), message)
            )

        for parsed in read.rows:
            v = parsed.values
            member_id, message, key = _find_member(db, v, index)
            if member_id is None:
                error(
                    parsed.row,
                    key,
                    {"name": "姓名", "staff_no": "工号"}.get(key, "身份证号"),
                    v.get(key),
                    message or "",
                )
                continue
            if member_id in seen:
                error(parsed.row, "name", "姓名", v["name"], f"与第 {seen[member_id]} 行是同一人")
                continue
            seen[member_id] = parsed.row
            kind = v.get("delegate_type") or congress.FORMAL
            category = v.get("category")
            if category and category not in rule.categories:
                error(
                    parsed.row,
                    "category",
                    "类别",
                    category,
                    "类别应为：" + "、".join(rule.categories),
                )
                continue
            delegation_id = None
            delegation = text_value(v, "delegation")
            if delegation:
                delegation_id = delegations.get(delegation)
                if delegation_id is None:
                    close = difflib.get_close_matches(
                        delegation, list(delegations), n=2, cutoff=0.5
                    )
                    hint = (
                        f"，是否应为：{'、'.join(close)}？" if close else "，请先在“代表团”中添加。"
                    )
                    error(
                        parsed.row,
                        "delegation",
                        "代表团",
                        delegation,
                        f"本届没有代表团“{delegation}”{hint}",
                    )
                    continue
            start = text_value(v, "start_date") or delegates_service.default_start_date(
                db, self.term_id
            )
            if not term.start_year <= int(start[:4]) <= term.end_year:
                error(parsed.row, "start_date", "当选日期", start, f"日期不在{term.label}内")
                continue
            existing = db.execute(
                "SELECT id, start_date FROM congress_delegates WHERE term_id = ? AND member_id = ? AND end_date IS NULL",
                [self.term_id, member_id],
            ).fetchone()
            status = db.execute("SELECT status FROM members WHERE id = ?", [member_id]).fetchone()[
                0
            ]
            if kind == congress.FORMAL and status != "在会":
                error(
                    parsed.row, "name", "姓名", v["name"], f"会籍状态为“{status}”，不能当选正式代表"
                )
                continue
            if (
                existing is None
                and db.execute(
                    "SELECT 1 FROM congress_delegates WHERE term_id = ? AND member_id = ? AND coalesce(end_date, '9999') > ?",
                    [self.term_id, member_id, start],
                ).fetchone()
            ):
                error(
                    parsed.row,
                    "start_date",
                    "当选日期",
                    start,
                    "此人在该日期之后已有代表记录，日期重叠",
                )
                continue
            data = {
                "delegate_type": kind,
                "category": category,
                "delegation_id": delegation_id,
                "start_date": start,
                "notes": v.get("notes"),
            }
            if v.get("is_head"):
                target = delegation_id or delegates_service.default_delegation_id(
                    db, self.term_id, member_id
                )
                if target is None:
                    error(parsed.row, "is_head", "是否团长", "是", "未指定代表团，不能担任团长")
                    continue
                if target in heads:
                    error(
                        parsed.row,
                        "is_head",
                        "是否团长",
                        "是",
                        f"同一代表团已在第 {heads[target]} 行指定团长",
                    )
                    continue
                heads[target] = parsed.row
            plan.items.append(
                _DelegateItem(
                    parsed.row,
                    member_id,
                    required_text(v, "name"),
                    data,
                    existing[0] if existing else None,
                    bool(v.get("is_head")),
                )
            )
        plan.updates = sum(1 for i in plan.items if i.existing_id is not None)
        return plan

    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        imported = updated = skipped = 0
        for item in plan.items:
            note = f"Excel 导入代表（第 {item.row} 行）"
            if item.existing_id is None:
                delegates_service._insert_delegate(db, self.term_id, item.member_id, **item.data)
                imported += 1
            else:
                current = delegates_service.get_delegate(db, item.existing_id)
                wanted = {k: v for k, v in item.data.items() if v is not None and k != "start_date"}
                if wanted.get("delegation_id") is None:
                    wanted.pop("delegation_id", None)
                changes = {k: v for k, v in wanted.items() if current.get(k) != v}
                if changes:
                    audit.update(db, "congress_delegates", item.existing_id, changes, note=note)
                    updated += 1
                else:
                    skipped += 1
            if item.is_head:
                delegation_id = db.execute(
                    "SELECT delegation_id FROM congress_delegates WHERE term_id = ? AND member_id = ? AND end_date IS NULL",
                    [self.term_id, item.member_id],
                ).fetchone()[0]
                audit.update(
                    db,
                    "congress_delegations",
                    delegation_id,
                    {"head_member_id": item.member_id},
                    note=note,
                )
        return ImportOutcome(imported=imported, updated=updated, skipped=skipped, notes=plan.notes)


@dataclass
class _AttendanceItem:
    row: int
    delegate_id: int
    status: str
    note: str | None


class AttendanceImporter:
    """Import a session's sign-in (e.g. counted from the paper sheets by the delegations)."""

    name = "congress-attendance"

    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        self.fields = ATTENDANCE_FIELDS

    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        plan = ImportPlan()
        index = member_index(db)
        delegates = delegates_service.session_delegates(db, self.session_id)
        by_member = {d["member_id"]: d for d in delegates}
        by_name: dict[str, list[dict[str, Any]]] = {}
        for d in delegates:
            by_name.setdefault(name_key(d["name"]), []).append(d)
        seen: dict[int, int] = {}
        for parsed in read.rows:
            v = parsed.values
            delegate = None
            if v.get("id_number") or v.get("staff_no"):
                member_id, message, key = _find_member(db, v, index)
                if member_id is None:
                    plan.errors.append(
                        RowError(
                            parsed.row,
                            header_label(read, key or "name", "姓名"),
                            str(v.get(key) or ""),
                            message or "",
                        )
                    )
                    continue
                delegate = by_member.get(member_id)
            else:
                matches = by_name.get(name_key(v["name"]), [])
                if len(matches) > 1:
                    plan.errors.append(
                        RowError(
                            parsed.row,
                            header_label(read, "name", "姓名"),
                            required_text(v, "name"),
                            "代表中有同名的人，请填写工号",
                        )
                    )
                    continue
                delegate = matches[0] if matches else None
            if delegate is None:
                plan.errors.append(
                    RowError(
                        parsed.row,
                        header_label(read, "name", "姓名"),
                        required_text(v, "name"),
                        "此人在会议当天不是本届代表",
                    )
                )
                continue
            if delegate["id"] in seen:
                plan.errors.append(
                    RowError(
                        parsed.row,
                        header_label(read, "name", "姓名"),
                        required_text(v, "name"),
                        f"与第 {seen[delegate['id']]} 行是同一人",
                    )
                )
                continue
            seen[delegate["id"]] = parsed.row
            plan.items.append(
                _AttendanceItem(
                    parsed.row, delegate["id"], required_text(v, "status"), text_value(v, "note")
                )
            )
        existing = set(
            column_values(
                db,
                "SELECT delegate_id FROM congress_attendance WHERE session_id = ?",
                [self.session_id],
            )
        )
        plan.updates = sum(1 for i in plan.items if i.delegate_id in existing)
        return plan

    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        from guilin_union.services.congress.attendance import _write

        existing = set(
            column_values(
                db,
                "SELECT delegate_id FROM congress_attendance WHERE session_id = ?",
                [self.session_id],
            )
        )
        imported = updated = skipped = 0
        for item in plan.items:
            changed = _write(db, self.session_id, item.delegate_id, item.status, item.note or "")
            if item.delegate_id not in existing:
                imported += 1
            elif changed:
                updated += 1
            else:
                skipped += 1
        return ImportOutcome(imported=imported, updated=updated, skipped=skipped, notes=plan.notes)


def write_delegate_template(path: str | Path) -> Path:
    """An empty delegate list with the expected headers and one example row."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    columns = [Column(f.key, f.header) for f in DELEGATE_FIELDS]
    example = {
        "name": "张三",
        "staff_no": "2015001",
        "delegate_type": "正式代表",
        "category": "教师",
        "delegation": "文学院代表团",
        "is_head": "否",
        "start_date": "2022-03-01",
    }
    return write_workbook(
        path,
        [
            Sheet(
                "代表名单",
                columns,
                [example],
                heading="教代会代表名单导入模板（示例行请删除；身份证号列请设为文本格式）",
            )
        ],
    )


def write_attendance_template(db: sqlite_utils.Database, session_id: int, path: str | Path) -> Path:
    """The session's delegates pre-filled, with an empty 签到情况 column to fill in."""
    from guilin_union.spreadsheets.writer import Sheet, sheet_columns, write_workbook

    session = congress.get_session(db, session_id)
    rows = [
        {
            "delegation": d["delegation"] or "",
            "name": d["name"],
            "staff_no": d["staff_no"] or "",
            "delegate_type": d["delegate_type"],
            "status": "",
            "note": "",
        }
        for d in delegates_service.session_delegates(db, session_id)
    ]
    columns = sheet_columns(
        "delegation 代表团 | name 姓名 | staff_no 工号 | delegate_type 代表类型"
        " | status 签到情况 | note 备注"
    )
    return write_workbook(
        path,
        [
            Sheet(
                "签到",
                columns,
                rows,
                heading=f"{session.title}签到情况（签到情况填写：出席、请假或缺席）",
            )
        ],
    )
