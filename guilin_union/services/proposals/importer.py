"""Importing proposals collected by the delegations from Excel (one row per proposal).

Proposer and seconders are written by name (``张三``) or, where two delegates share a name,
with their 工号 (``张三（2015001）``); they are matched to the session's delegates and checked
by exactly the rules of a proposal typed in the program (:func:`proposals.check_proposal`).
Every row is checked first; any error and nothing is written. Numbers are given in file
order. Titles close to another proposal (in the file or already recorded) are listed as
notes — the user sees them before importing — and recorded on the proposal's timeline.

>>> ProposalImporter(1).fields[0].header
'案由'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.core.member_match import (
    ROSTER_DELEGATES,
    MemberIndex,
    MemberRef,
    split_name_list,
)
from guilin_union.core.names import name_key
from guilin_union.core.text import to_halfwidth
from guilin_union.services import congress, proposals
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.import_common import (
    ImportOutcome,
    ImportPlan,
    header_label,
    required_text,
    row_note,
    text_value,
)
from guilin_union.spreadsheets.errors import RowError
from guilin_union.spreadsheets.reader import Field, ReadResult

FIELDS: list[Field] = [
    Field("title", "案由", ("提案名称", "提案标题", "标题", "提案案由"), required=True),
    Field("category", "类别", ("提案类别", "分类")),
    Field("proposer", "提案人", ("第一提案人", "提案代表")),
    Field("seconders", "附议人", ("附议代表", "联名人")),
    Field("submitted_on", "提交日期", ("提案日期", "日期", "提交时间"), required=True, kind="date"),
    Field("reasons", "理由", ("提案理由", "案情", "现状及理由", "理由与现状")),
    Field("suggestions", "建议", ("具体建议", "办法和措施", "建议措施", "解决办法")),
    Field(
        "kind", "提案形式", ("形式", "个人/集体"), kind="choice", choices=proposals.PROPOSAL_KINDS
    ),
    Field("delegation", "代表团", ("提案代表团", "所在代表团")),
    Field("late_reason", "逾期说明", ("逾期原因", "逾期提交原因")),
]
_LABELS = {f.key: f.header for f in FIELDS}
_ERROR_FIELD = {
    "title": "title",
    "category": "category",
    "kind": "kind",
    "submitted_on": "submitted_on",
    "late_reason": "late_reason",
    "proposer": "proposer",
    "seconders": "seconders",
    "delegation": "delegation",
}
_WITH_NO = re.compile(r"^(?P<name>[^（(]+)[（(](?P<no>[^）)]+)[）)]$")


def split_names(text: str | None, known: Iterable[str] = ()) -> list[str]:
    """``张三、李四（2015001）, 王五`` → three entries (brackets keep their 工号); names
    padded with spaces (``姜　博、田　春``) stay whole (core.member_match.split_name_list).

    >>> split_names("张三、李四（2015001）, 王五")
    ['张三', '李四（2015001）', '王五']
    >>> split_names("姜　博、田　春")
    ['姜博', '田春']
    """
    return split_name_list(text, known)


@dataclass
class _Item:
    row: int
    data: dict[str, Any]
    similar: list[tuple[str, str, int]]


class ProposalImporter:
    name = "proposals"

    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        self.fields = FIELDS

    def _resolve(
        self,
        db: sqlite_utils.Database,
        term_id: int,
        text: str,
        day: str,
        roster: dict[str, list[dict[str, Any]]],
    ) -> tuple[int | None, str | None]:
        """(member id, error) for one written name among the term's delegates."""
        text = to_halfwidth(text).strip()
        match = _WITH_NO.match(text)
        name, staff_no = (
            (match["name"].strip(), match["no"].strip().upper()) if match else (text, None)
        )
        index = self._index(roster)
        if staff_no:
            # 张三（2015001）: the 工号 picks among the delegates of that name.
            candidates = [
                c
                for c in roster.get(name_key(name), [])
                if (c["staff_no"] or "").upper() == staff_no
            ]
            if not candidates:
                return None, f"本届代表中没有工号为 {staff_no} 的“{name_key(name)}”"
            return candidates[0]["member_id"], None
        found = index.match(name=name)
        return (found.member.id, None) if found.member else (None, found.message)

    def _index(self, roster: dict[str, list[dict[str, Any]]]) -> MemberIndex:
        cached = getattr(self, "_cached_index", None)
        if cached is None or cached[0] is not roster:
            people = [
                MemberRef(id=d["member_id"], name=d["name"], staff_no=d.get("staff_no"))
                for group in roster.values()
                for d in group
            ]
            cached = (roster, MemberIndex(people, roster=ROSTER_DELEGATES))
            self._cached_index = cached
        return cached[1]

    def validate(self, db: sqlite_utils.Database, read: ReadResult) -> ImportPlan:
        plan = ImportPlan()
        session = congress.get_session(db, self.session_id)
        rule = proposals.rules(db)
        roster: dict[str, list[dict[str, Any]]] = {}
        for d in delegates_service.list_term_delegates(db, session.term_id):
            roster.setdefault(name_key(d["name"]), []).append(d)
        delegations = {
            g.name: g.id for g in delegates_service.list_delegations(db, session.term_id)
        }
        titles_in_file: list[tuple[int, str]] = []

        def error(row: int, key: str, value: Any, message: str) -> None:
            plan.errors.append(
                RowError(
                    row,
                    header_label(read, key, _LABELS[key]),
                    "" if value is None else str(value),
                    message,
                )
            )

        for parsed in read.rows:
            v = parsed.values
            kind = v.get("kind") or (
                "集体" if v.get("delegation") and not v.get("proposer") else "个人"
            )
            category = v.get("category") or ""
            if category not in rule.categories:
                error(parsed.row, "category", category, "类别应为：" + "、".join(rule.categories))
                continue
            day = required_text(v, "submitted_on")
            data: dict[str, Any] = {
                "title": v["title"],
                "category": category,
                "reasons": v.get("reasons"),
                "suggestions": v.get("suggestions"),
                "kind": kind,
                "submitted_on": day,
                "late_reason": v.get("late_reason"),
                "proposer_member_id": None,
                "delegation_id": None,
                "seconder_ids": [],
            }
            failed = False
            proposer = text_value(v, "proposer")
            if proposer:
                member_id, message = self._resolve(db, session.term_id, proposer, day, roster)
                if message:
                    error(parsed.row, "proposer", proposer, message)
                    failed = True
                data["proposer_member_id"] = member_id
            elif kind == "个人":
                error(parsed.row, "proposer", "", "个人提案须填写提案人")
                failed = True
            if kind == "集体":
                delegation_id = delegations.get(text_value(v, "delegation") or "")
                if delegation_id is None:
                    error(
                        parsed.row,
                        "delegation",
                        v.get("delegation"),
                        "集体提案须填写本届的代表团名称",
                    )
                    failed = True
                data["delegation_id"] = delegation_id
            for written in split_names(text_value(v, "seconders"), known=roster):
                member_id, message = self._resolve(db, session.term_id, written, day, roster)
                if message:
                    error(parsed.row, "seconders", v.get("seconders"), f"附议人：{message}")
                    failed = True
                    break
                data["seconder_ids"].append(member_id)
            if failed:
                continue
            try:
                _row, _seconders, similar = proposals.check_proposal(db, self.session_id, data)
            except ValidationError as exc:
                key = _ERROR_FIELD.get(exc.field or "", "title")
                value = v.get(key) if key in v else ""
                error(parsed.row, key, value, exc.message)
                continue
            title = required_text(v, "title")
            for other_row, other_title in titles_in_file:
                percent = proposals.title_similarity(title, other_title)
                if percent >= rule.duplicate_threshold:
                    similar.append((f"本文件第 {other_row} 行", other_title, percent))
            titles_in_file.append((parsed.row, title))
            if similar:
                plan.notes.append(
                    f"第 {parsed.row} 行“{title}”与"
                    + "、".join(f"{n}“{t}”" for n, t, _p in similar[:3])
                    + "案由相近，请核对是否重复（一事一案）"
                )
            plan.items.append(_Item(parsed.row, data, similar))
        return plan

    def commit(self, db: sqlite_utils.Database, plan: ImportPlan) -> ImportOutcome:
        for item in plan.items:
            proposals.submit_proposal(
                db,
                self.session_id,
                item.data,
                confirm_duplicate=True,
                note=row_note(item.row),
            )
        return ImportOutcome(imported=len(plan.items), notes=plan.notes)


def write_template(path: str | Path) -> Path:
    """An empty proposal sheet for the delegations, with one example row."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    columns = [Column(f.key, f.header, kind="date" if f.kind == "date" else "text") for f in FIELDS]
    example = {
        "title": "关于增设教工子女寒暑假托管班的建议",
        "category": "民生福利",
        "proposer": "张三",
        "seconders": "李四、王五",
        "submitted_on": "2024-03-01",
        "reasons": "（现状和理由）",
        "suggestions": "（具体建议）",
        "kind": "个人",
        "delegation": "",
        "late_reason": "",
    }
    return write_workbook(
        path,
        [
            Sheet(
                "提案",
                columns,
                [example],
                heading="教代会提案汇总表（示例行请删除；附议人用顿号分隔，同名者写“姓名（工号）”）",
            )
        ],
    )
