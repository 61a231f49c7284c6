"""教代会提案: submission (with its rules), review (立案/并案/转意见建议/不立案/撤案) and history.

The rules of 一事一案 and of who may propose are checked here, with the numbers from the
settings: the proposer is a 正式代表 of the session's term on the day of submission; at least
``proposal_min_seconders`` (2) *other* 正式代表 second it; a submission after the session's
deadline needs a recorded reason; a title very close to another of the same session (difflib
ratio at or above ``proposal_duplicate_threshold_percent``) is a warning the user confirms.

Numbers (``2024-001``) are given on submission, per session, and never change or get reused.
Every change of state is an event (date, note, who) kept as the proposal's timeline.
Handling (交办、答复、评价) lives in :mod:`proposals_handling`; lists and statistics in
:mod:`proposals_query`.

>>> # pid = submit_proposal(db, session_id, {"title": "关于增设教工子女托管班的建议", "category": "民生福利",
>>> #        "proposer_member_id": 12, "seconder_ids": [13, 14], "submitted_on": "2024-03-01"}).row_id
>>> # accept(db, pid, level="重点", on="2024-03-20")
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.proposals import (
    OUTCOMES,
    PROPOSAL_KINDS,
    PROPOSAL_STATUSES,
    RATINGS,
    REVIEW_LEVELS,
    REVIEW_RESULTS,
)
from guilin_union.core.text import clean_cell_text
from guilin_union.services import congress, settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import column_values
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.services.ordering import move_row
from guilin_union.services.owned_rows import delete_owned
from guilin_union.storage import audit

__all__ = [
    "AREA",
    "OUTCOMES",
    "PROPOSAL_KINDS",
    "PROPOSAL_STATUSES",
    "RATINGS",
    "REVIEW_LEVELS",
    "REVIEW_RESULTS",
    "DuplicateWarning",
    "Proposal",
    "Person",
    "Event",
    "rules",
    "save_rules",
    "title_similarity",
    "similar_titles",
    "check_proposal",
    "submit_proposal",
    "update_proposal",
    "delete_proposal",
    "get_proposal",
    "events",
    "accept",
    "merge",
    "unmerge",
    "to_suggestion",
    "reject",
    "withdraw",
    "reset_review",
    "add_attachment",
    "remove_attachment",
    "list_departments",
    "add_department",
    "rename_department",
    "set_department_active",
    "move_department",
    "delete_department",
    "set_supervisor",
    "supervisor_lists",
    "mark_excellent",
    "unmark_excellent",
    "excellent_list",
    "check_lengths",
    "text_length",
]

AREA = "proposals"
# Changes to proposals also touch the congress tab (its overview shows proposal counts).
CHANGES = Changes.of(AREA, congress.AREA)

# Field → (min, max) characters (0 = no limit); a school's rule such as 理由 50–300 字.
DEFAULT_LENGTH_RULES: dict[str, list[int]] = {
    "title": [0, 120],
    "reasons": [0, 0],
    "suggestions": [0, 0],
}
# A proposal as entered: not yet reviewed (the columns a review decision fills, blank).
UNREVIEWED: dict[str, Any] = {
    "status": "待审查",
    "review_result": None,
    "review_level": None,
    "review_date": None,
    "review_note": None,
    "merged_into_id": None,
}
# A handling round as assigned: no reply and no rating yet.
OPEN_ROUND: dict[str, Any] = {
    "reply_text": None,
    "reply_date": None,
    "outcome": None,
    "outcome_reason": None,
    "rating": None,
    "rating_date": None,
    "rating_note": None,
}
LENGTH_FIELDS = {"title": "案由", "reasons": "理由", "suggestions": "建议"}

settings.register_defaults(
    {
        "proposal_categories": (
            ["教学科研", "人事制度", "后勤保障", "校园建设", "民生福利", "其他"],
            "提案类别",
        ),
        "proposal_min_seconders": (2, "每件个人提案至少需要的附议人（正式代表）人数"),
        "proposal_duplicate_threshold_percent": (80, "案由相似度达到多少（%）时提示可能重复"),
        "proposal_rehandle_days": (30, "评价“不满意”后重新办理的答复期限（天）"),
        "proposal_suggestion_reply_days": (60, "转意见建议的默认答复期限：交办后若干天"),
        "proposal_rejected_reply_days": (30, "不立案提案的默认答复（说明）期限：交办后若干天"),
        "proposal_suggestion_series": (False, "转为意见建议的另行编号（建议编号系列）"),
        "proposal_suggestion_prefix": ("JY", "意见建议编号前缀（如 2024-JY001）"),
        "proposal_length_rules": (
            dict(DEFAULT_LENGTH_RULES),
            "各栏字数要求 {栏目: [最少, 最多]}，0 表示不限（栏目：title 案由、reasons 理由、suggestions 建议）",
        ),
    }
)
RULE_KEYS = (
    "proposal_categories",
    "proposal_min_seconders",
    "proposal_duplicate_threshold_percent",
    "proposal_rehandle_days",
    "proposal_suggestion_reply_days",
    "proposal_rejected_reply_days",
    "proposal_suggestion_series",
    "proposal_suggestion_prefix",
    "proposal_length_rules",
)


@dataclass(frozen=True)
class ProposalRules:
    categories: tuple[str, ...]
    min_seconders: int
    duplicate_threshold: int  # percent
    rehandle_days: int
    suggestion_reply_days: int = 60
    rejected_reply_days: int = 30
    suggestion_series: bool = False
    suggestion_prefix: str = "JY"
    lengths: tuple[tuple[str, int, int], ...] = ()  # (field, min, max), 0 = no limit

    def reply_days(self, review_result: str | None) -> int | None:
        """Default reply period of an outcome (None: the session's reply deadline)."""
        if review_result == "转意见建议":
            return self.suggestion_reply_days
        if review_result == "不立案":
            return self.rejected_reply_days
        return None


def _int_setting(value: Any, label: str, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise ValidationError(f"{label}必须是整数")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"{label}必须是整数，现为“{value}”") from None
    if not low <= number <= high:
        raise ValidationError(f"{label}应在 {low} 到 {high} 之间")
    return number


def _check_rules(values: Mapping[str, Any]) -> ProposalRules:
    categories = tuple(
        clean_cell_text(str(c)) for c in values["proposal_categories"] if clean_cell_text(str(c))
    )
    if not categories or len(set(categories)) != len(categories):
        raise ValidationError("提案类别不能为空，也不能重复", "proposal_categories")
    prefix = clean_cell_text(str(values.get("proposal_suggestion_prefix") or "JY"))
    if len(prefix) > 8 or any(c in prefix for c in '/\\:*?"<>|'):
        raise ValidationError('意见建议编号前缀最多 8 个字符，且不能含有 / \\ : * ? " < > |')
    return ProposalRules(
        categories,
        _int_setting(values["proposal_min_seconders"], "附议人最少人数", 0, 50),
        _int_setting(values["proposal_duplicate_threshold_percent"], "相似度阈值", 1, 100),
        _int_setting(values["proposal_rehandle_days"], "重新办理期限", 1, 730),
        _int_setting(values.get("proposal_suggestion_reply_days", 60), "意见建议答复期限", 1, 730),
        _int_setting(values.get("proposal_rejected_reply_days", 30), "不立案答复期限", 1, 730),
        bool(values.get("proposal_suggestion_series", False)),
        prefix or "JY",
        _check_lengths(values.get("proposal_length_rules") or DEFAULT_LENGTH_RULES),
    )


def _check_lengths(value: Any) -> tuple[tuple[str, int, int], ...]:
    if not isinstance(value, Mapping):
        raise ValidationError("字数要求应为 {栏目: [最少, 最多]}", "proposal_length_rules")
    result = []
    for key, bounds in value.items():
        if key not in LENGTH_FIELDS:
            raise ValidationError(
                "字数要求的栏目应为：" + "、".join(LENGTH_FIELDS), "proposal_length_rules"
            )
        if not isinstance(bounds, (list, tuple)) or len(bounds) != 2:
            raise ValidationError(f"{LENGTH_FIELDS[key]}的字数要求应为 [最少, 最多]")
        low = _int_setting(bounds[0], f"{LENGTH_FIELDS[key]}最少字数", 0, 100000)
        high = _int_setting(bounds[1], f"{LENGTH_FIELDS[key]}最多字数", 0, 100000)
        if high and low > high:
            raise ValidationError(f"{LENGTH_FIELDS[key]}的最少字数不能大于最多字数")
        result.append((key, low, high))
    return tuple(result)


def text_length(text: str) -> int:
    """Characters as a school counts 字数: whitespace not counted.

    >>> text_length("食堂 伙食\\n改善")
    6
    """
    return sum(1 for c in text or "" if not c.isspace())


def check_lengths(rule: ProposalRules, row: Mapping[str, Any]) -> None:
    """The school's 字数 rules per field (at entry and import)."""
    for key, low, high in rule.lengths:
        n = text_length(str(row.get(key) or ""))
        label = LENGTH_FIELDS[key]
        if low and n < low:
            raise ValidationError(f"{label}不少于 {low} 字（现为 {n} 字）", key)
        if high and n > high:
            raise ValidationError(f"{label}不超过 {high} 字（现为 {n} 字）", key)


def rules(db: sqlite_utils.Database) -> ProposalRules:
    return _check_rules(settings.get_many(db, list(RULE_KEYS)))


def _stored_rules(checked: ProposalRules) -> dict[str, Any]:
    return {
        "proposal_categories": list(checked.categories),
        "proposal_min_seconders": checked.min_seconders,
        "proposal_duplicate_threshold_percent": checked.duplicate_threshold,
        "proposal_rehandle_days": checked.rehandle_days,
        "proposal_suggestion_reply_days": checked.suggestion_reply_days,
        "proposal_rejected_reply_days": checked.rejected_reply_days,
        "proposal_suggestion_series": checked.suggestion_series,
        "proposal_suggestion_prefix": checked.suggestion_prefix,
        "proposal_length_rules": {k: [lo, hi] for k, lo, hi in checked.lengths},
    }


def save_rules(db: sqlite_utils.Database, values: Mapping[str, Any]) -> OpResult:
    settings.save_checked(db, values, RULE_KEYS, _check_rules, _stored_rules)
    return OpResult(Changes.of("settings", AREA))


# --------------------------------------------------------------------------- departments


@dataclass(frozen=True)
class Department:
    id: int
    name: str
    active: bool
    sort_order: int
    usage: int = 0


def list_departments(
    db: sqlite_utils.Database, *, include_inactive: bool = True
) -> list[Department]:
    sql = (
        "SELECT d.id, d.name, d.active, d.sort_order,"
        " (SELECT count(*) FROM proposal_rounds r WHERE r.lead_department_id = d.id)"
        " + (SELECT count(*) FROM proposal_round_departments c WHERE c.department_id = d.id)"
        " FROM proposal_departments d"
    )
    if not include_inactive:
        sql += " WHERE d.active = 1"
    sql += " ORDER BY d.sort_order, d.id"
    return [Department(r[0], r[1], bool(r[2]), r[3], r[4]) for r in db.execute(sql)]


def department_id(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.execute(
        "SELECT id FROM proposal_departments WHERE name = ?", [clean_cell_text(name)]
    ).fetchone()
    return row[0] if row else None


def _department_name(value: str) -> str:
    name = clean_cell_text(value or "")
    if not name:
        raise ValidationError("部门名称不能为空", "name")
    if len(name) > 40:
        raise ValidationError("部门名称不能超过 40 个字", "name")
    return name


def add_department(db: sqlite_utils.Database, name: str) -> OpResult:
    name = _department_name(name)
    with db.atomic():
        if department_id(db, name) is not None:
            raise ValidationError(f"部门“{name}”已存在", "name")
        order = db.execute(
            "SELECT coalesce(max(sort_order), 0) + 1 FROM proposal_departments"
        ).fetchone()[0]
        row_id = audit.insert(
            db, "proposal_departments", {"name": name, "active": 1, "sort_order": order}
        )
    return OpResult(Changes.of(AREA), row_id)


def rename_department(db: sqlite_utils.Database, dept_id: int, name: str) -> OpResult:
    name = _department_name(name)
    with db.atomic():
        audit.get_row(db, "proposal_departments", dept_id)
        other = department_id(db, name)
        if other is not None and other != dept_id:
            raise ValidationError(f"部门“{name}”已存在", "name")
        before = audit.update(db, "proposal_departments", dept_id, {"name": name})
    return OpResult(Changes.of(AREA), dept_id, undo=before)


def set_department_active(db: sqlite_utils.Database, dept_id: int, active: bool) -> OpResult:
    with db.atomic():
        before = audit.update(db, "proposal_departments", dept_id, {"active": 1 if active else 0})
    return OpResult(Changes.of(AREA), dept_id, undo=before)


def move_department(db: sqlite_utils.Database, dept_id: int, delta: int) -> OpResult:
    with db.atomic():
        ids = [d.id for d in list_departments(db)]
        move_row(db, "proposal_departments", ids, dept_id, delta, "sort_order")
    return OpResult(Changes.of(AREA), dept_id)


def delete_department(db: sqlite_utils.Database, dept_id: int) -> OpResult:
    """Delete an unused department; one that handled proposals can only be deactivated."""
    with db.atomic():
        row = audit.get_row(db, "proposal_departments", dept_id)
        used = [d for d in list_departments(db) if d.id == dept_id][0].usage
        if used:
            raise ConflictError(f"“{row['name']}”已承办过 {used} 件次提案，不能删除，可以停用。")
        before = audit.delete(db, "proposal_departments", dept_id)
    return OpResult(Changes.of(AREA), dept_id, undo=before)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Person:
    member_id: int
    name: str
    role: str  # 提案人 / 附议人 / 联名提案人
    delegation: str = ""
    source_number: str = ""  # for co-proposers that came with a merged proposal


@dataclass(frozen=True)
class Event:
    id: int
    event_date: str
    recorded_at: str
    recorded_by: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str | None


@dataclass
class Proposal:
    id: int
    session_id: int
    seq: int
    number: str
    title: str
    category: str
    reasons: str
    suggestions: str
    kind: str
    proposer_member_id: int | None
    proposer_name: str
    delegation_id: int | None
    delegation_name: str
    submitted_on: str
    late_reason: str | None
    status: str
    review_result: str | None
    review_level: str | None
    review_date: str | None
    review_note: str | None
    merged_into_id: int | None
    merged_into_number: str | None
    seconders: list[Person] = field(default_factory=list)
    co_proposers: list[Person] = field(default_factory=list)
    merged_sources: list[tuple[int, str, str]] = field(default_factory=list)  # (id, number, title)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    supervisor_member_id: int | None = None  # 督办 committee member
    supervisor_name: str = ""
    excellent_on: str | None = None  # 优秀提案 selection date
    excellent_note: str | None = None
    suggestion_number: str | None = None  # number in the 意见建议 series
    between_meetings: bool = False  # 闭会期间提案
    report_session_id: int | None = None  # the session it is reported to

    @property
    def proposer_text(self) -> str:
        """``张三`` or ``文学院代表团（联系人：张三）`` for a collective proposal."""
        if self.kind == "集体":
            return self.delegation_name + (
                f"（联系人：{self.proposer_name}）" if self.proposer_name else ""
            )
        return self.proposer_name

    @property
    def review_text(self) -> str:
        """``立案（重点）``, ``并案（并入2024-003）``, ``待审查``…"""
        return review_text(self.review_result, self.review_level, self.merged_into_number)


def review_text(result: str | None, level: str | None, merged_into: str | None = None) -> str:
    if result is None:
        return "待审查"
    if result == "立案" and level:
        return f"立案（{level}）"
    if result == "并案" and merged_into:
        return f"并案（并入{merged_into}）"
    return result


def get_proposal(db: sqlite_utils.Database, proposal_id: int) -> Proposal:
    row = db.execute(
        "SELECT p.id, p.session_id, p.seq, p.number, p.title, p.category, p.reasons, p.suggestions, p.kind,"
        " p.proposer_member_id, coalesce(m.name, ''), p.delegation_id, coalesce(g.name, ''), p.submitted_on,"
        " p.late_reason, p.status, p.review_result, p.review_level, p.review_date, p.review_note,"
        " p.merged_into_id, t.number"
        " FROM proposals p LEFT JOIN members m ON m.id = p.proposer_member_id"
        " LEFT JOIN congress_delegations g ON g.id = p.delegation_id"
        " LEFT JOIN proposals t ON t.id = p.merged_into_id WHERE p.id = ?",
        [proposal_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("提案不存在（可能已被删除）")
    proposal = Proposal(*row)
    extra = db.execute(
        "SELECT p.supervisor_member_id, coalesce(m.name, ''), p.excellent_on, p.excellent_note,"
        " p.suggestion_number, p.between_meetings, p.report_session_id"
        " FROM proposals p LEFT JOIN members m ON m.id = p.supervisor_member_id WHERE p.id = ?",
        [proposal_id],
    ).fetchone()
    (
        proposal.supervisor_member_id,
        proposal.supervisor_name,
        proposal.excellent_on,
        proposal.excellent_note,
        proposal.suggestion_number,
        between,
        proposal.report_session_id,
    ) = extra
    proposal.between_meetings = bool(between)
    for member_id, name, role, source, delegation in db.execute(
        "SELECT x.member_id, m.name, x.role, s.number,"
        " (SELECT g.name FROM congress_delegates d JOIN congress_delegations g ON g.id = d.delegation_id"
        "  JOIN proposals p ON p.id = x.proposal_id JOIN congress_sessions cs ON cs.id = p.session_id"
        "  WHERE d.member_id = x.member_id AND d.term_id = cs.term_id ORDER BY d.start_date DESC LIMIT 1)"
        " FROM proposal_people x JOIN members m ON m.id = x.member_id"
        " LEFT JOIN proposals s ON s.id = x.source_proposal_id"
        " WHERE x.proposal_id = ? ORDER BY x.role, x.position, x.id",
        [proposal_id],
    ):
        person = Person(member_id, name, role, delegation or "", source or "")
        (proposal.seconders if role == "附议人" else proposal.co_proposers).append(person)
    proposal.merged_sources = [
        tuple(r)
        for r in db.execute(
            "SELECT id, number, title FROM proposals WHERE merged_into_id = ? ORDER BY seq",
            [proposal_id],
        )
    ]
    proposal.attachments = list(
        db.query(
            "SELECT id, path, name, added_at FROM proposal_attachments WHERE proposal_id = ? ORDER BY id",
            [proposal_id],
        )
    )
    return proposal


def events(db: sqlite_utils.Database, proposal_id: int) -> list[Event]:
    """The timeline, oldest first (entry order breaks ties on the same day)."""
    return [
        Event(*r)
        for r in db.execute(
            "SELECT id, event_date, recorded_at, recorded_by, action, from_status, to_status, note"
            " FROM proposal_events WHERE proposal_id = ? ORDER BY event_date, id",
            [proposal_id],
        )
    ]


def _event(
    db: sqlite_utils.Database,
    proposal_id: int,
    action: str,
    on: str,
    *,
    from_status: str | None,
    to_status: str | None,
    note: str | None = None,
) -> None:
    audit.insert(
        db,
        "proposal_events",
        {
            "proposal_id": proposal_id,
            "event_date": on,
            "recorded_at": audit.now_iso(),
            "recorded_by": audit.os_user(),
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "note": note or None,
        },
    )


def _remark(
    db: sqlite_utils.Database,
    p: Proposal,
    action: str,
    note: str | None = None,
    *,
    on: str | None = None,
) -> None:
    """An event that leaves the status as it is (edits, attachments, 督办, 优秀提案 …), dated
    ``on`` (today by default)."""
    _event(
        db,
        p.id,
        action,
        on or _dt.date.today().isoformat(),
        from_status=p.status,
        to_status=p.status,
        note=note,
    )


# --------------------------------------------------------------------------- submission rules


class DuplicateWarning(ConflictError):
    """The title is very close to another proposal of the session (一事一案): confirm first."""

    def __init__(self, message: str, similar: list[tuple[str, str, int]]) -> None:
        super().__init__(message)
        self.similar = similar


_NOISE = re.compile(r"[\s，,。.、；;：:！!？?“”\"'‘’（）()《》<>【】\[\]—\-_]+")


def _title_key(title: str) -> str:
    """The part of a title that says what it is about: ``关于…的建议`` framing and punctuation
    are dropped so that "关于改善食堂伙食的建议" and "改善食堂伙食" compare as equal."""
    text = _NOISE.sub("", title)
    text = re.sub(r"^(关于|建议|请求|要求)", "", text)
    text = re.sub(r"(的)?(提案|建议|意见|问题|请求)$", "", text)
    return text or title


def title_similarity(a: str, b: str) -> int:
    """Similarity of two titles in whole percent (difflib's ratio on the meaningful part).

    >>> title_similarity("关于改善教工食堂伙食的建议", "改善教工食堂伙食")
    100
    >>> title_similarity("关于增设停车位的建议", "关于完善职称评审办法的建议") < 50
    True
    """
    ratio = difflib.SequenceMatcher(None, _title_key(a), _title_key(b)).ratio()
    return int(ratio * 100 + 0.5)


def similar_titles(
    db: sqlite_utils.Database,
    session_id: int,
    title: str,
    *,
    exclude_id: int | None = None,
    threshold: int | None = None,
) -> list[tuple[str, str, int]]:
    """Other proposals of the session whose title is at least ``threshold`` % similar:
    ``[(number, title, percent)]``, most similar first."""
    limit = rules(db).duplicate_threshold if threshold is None else threshold
    found = []
    for number, other in db.execute(
        "SELECT number, title FROM proposals WHERE session_id = ? AND id IS NOT ? AND status != '已撤案'",
        [session_id, exclude_id],
    ):
        percent = title_similarity(title, other)
        if percent >= limit:
            found.append((number, other, percent))
    return sorted(found, key=lambda x: -x[2])


def _text(value: Any) -> str:
    return clean_cell_text(str(value)) if value is not None else ""


def _long_text(value: Any) -> str:
    """Multi-line text (理由, 建议, 答复): line breaks kept, each line cleaned."""
    if value is None:
        return ""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(clean_cell_text(line) for line in lines).strip()


def _member_name(db: sqlite_utils.Database, member_id: int) -> str:
    row = db.execute("SELECT name FROM members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        raise ValidationError("所选人员不在会员名册中")
    return row[0]


def delegate_problem(
    db: sqlite_utils.Database, term_id: int, member_id: int, day: str
) -> str | None:
    """Why a member is not a 正式代表 of the term on ``day`` (None when they are)."""
    if delegates_service.is_formal_delegate_on(db, term_id, member_id, day):
        return None
    name = _member_name(db, member_id)
    rows = db.execute(
        "SELECT delegate_type, start_date, end_date, end_reason FROM congress_delegates"
        " WHERE term_id = ? AND member_id = ? ORDER BY start_date",
        [term_id, member_id],
    ).fetchall()
    for kind, start, end, _reason in rows:
        if start <= day and (end is None or end > day):
            return f"{name}是{kind}，只有正式代表才能提出或附议提案"
    for _kind, start, end, reason in rows:
        if end is not None and end <= day:
            return f"{name}的代表资格已于 {end} 终止（{reason or '更换'}），{day} 已不是本届代表"
        if start > day:
            return f"{name}自 {start} 起才是本届代表，{day} 还不是"
    return f"{name}不是本届正式代表"


def check_proposal(
    db: sqlite_utils.Database,
    session_id: int,
    data: Mapping[str, Any],
    *,
    proposal_id: int | None = None,
) -> tuple[dict[str, Any], list[int], list[tuple[str, str, int]]]:
    """Validate a submission: (clean row, seconder ids, similar titles). Raises
    :class:`ValidationError` with ``field`` set to the offending field."""
    session = congress.get_session(db, session_id)
    rule = rules(db)
    title = _text(data.get("title"))
    if not title:
        raise ValidationError("案由不能为空", "title")
    if len(title) > 120:
        raise ValidationError("案由过长（不超过 120 字），详细内容请写在理由和建议中", "title")
    category = _text(data.get("category"))
    if category not in rule.categories:
        raise ValidationError("提案类别应为：" + "、".join(rule.categories), "category")
    kind = data.get("kind") or "个人"
    if kind not in PROPOSAL_KINDS:
        raise ValidationError("提案形式应为“个人”或“集体”", "kind")
    if data.get("submitted_on") in (None, ""):
        raise ValidationError("请填写提交日期", "submitted_on")
    submitted = parse_date(data["submitted_on"], field="submitted_on")
    if submitted > _dt.date.today():
        raise ValidationError("提交日期不能晚于今天", "submitted_on")
    day = submitted.isoformat()
    late_reason = _text(data.get("late_reason")) or None
    if session.proposal_deadline and day > session.proposal_deadline:
        if not late_reason:
            raise ValidationError(
                f"提交日期 {day} 已过提案截止日期 {session.proposal_deadline}，逾期提交须填写原因",
                "late_reason",
            )
    else:
        late_reason = None
    proposer = data.get("proposer_member_id")
    delegation_id = data.get("delegation_id")
    if kind == "个人":
        if proposer is None:
            raise ValidationError("请选择提案人", "proposer")
        problem = delegate_problem(db, session.term_id, int(proposer), day)
        if problem:
            raise ValidationError(f"提案人：{problem}", "proposer")
        delegation_id = None
    else:
        if delegation_id is None:
            raise ValidationError("集体提案须选择提出提案的代表团", "delegation")
        row = db.execute(
            "SELECT term_id FROM congress_delegations WHERE id = ?", [delegation_id]
        ).fetchone()
        if row is None or row[0] != session.term_id:
            raise ValidationError("代表团不属于本届", "delegation")
        if proposer is not None:
            problem = delegate_problem(db, session.term_id, int(proposer), day)
            if problem:
                raise ValidationError(f"联系人：{problem}", "proposer")
    seconders = [int(s) for s in data.get("seconder_ids") or []]
    if len(set(seconders)) != len(seconders):
        raise ValidationError("附议人有重复", "seconders")
    if proposer is not None and int(proposer) in seconders:
        raise ValidationError("提案人不能同时是附议人", "seconders")
    for member_id in seconders:
        problem = delegate_problem(db, session.term_id, member_id, day)
        if problem:
            raise ValidationError(f"附议人：{problem}", "seconders")
    if kind == "个人" and len(seconders) < rule.min_seconders:
        raise ValidationError(
            f"附议人不足：每件提案至少需要 {rule.min_seconders} 名正式代表附议（提案人本人除外），现有 {len(seconders)} 名",
            "seconders",
        )
    row = {
        "title": title,
        "category": category,
        "reasons": _long_text(data.get("reasons")),
        "suggestions": _long_text(data.get("suggestions")),
        "kind": kind,
        "proposer_member_id": int(proposer) if proposer is not None else None,
        "delegation_id": delegation_id,
        "submitted_on": day,
        "late_reason": late_reason,
    }
    check_lengths(rule, row)
    # 闭会期间提案: after the meeting, reported to a later session (the next one by default).
    ended = session.end_date or session.start_date
    if day > ended:
        row["between_meetings"] = 1
        report = data.get("report_session_id")
        if report in (None, ""):
            found = db.execute(
                "SELECT id FROM congress_sessions WHERE start_date > ? ORDER BY start_date LIMIT 1",
                [day],
            ).fetchone()
            report = found[0] if found else None
        else:
            target = congress.get_session(db, int(report))
            if target.start_date < day:
                raise ValidationError(
                    f"闭会期间提案应提交给以后召开的会议，“{target.title}”已于 {target.start_date} 开幕",
                    "report_session_id",
                )
            report = target.id
        row["report_session_id"] = report
    elif "report_session_id" in data or proposal_id is not None:
        row["between_meetings"] = 0
        row["report_session_id"] = None
    similar = similar_titles(
        db, session_id, title, exclude_id=proposal_id, threshold=rule.duplicate_threshold
    )
    return row, seconders, similar


def _duplicate_message(similar: Sequence[tuple[str, str, int]]) -> str:
    lines = "\n".join(
        f"{number}“{title}”（相似度 {percent}%）" for number, title, percent in similar[:5]
    )
    return f"本次会议已有案由相近的提案，可能重复（一事一案）：\n{lines}\n如确认是不同的事项，请确认后再提交。"


def _next_number(db: sqlite_utils.Database, session: congress.Session) -> tuple[int, str]:
    """The next serial of the session; the counter keeps the last one even after a delete,
    so a number is never given twice."""
    db.execute(
        "INSERT OR IGNORE INTO proposal_counters (session_id, last_seq)"
        " SELECT ?, coalesce(max(seq), 0) FROM proposals WHERE session_id = ?",
        [session.id, session.id],
    )
    db.execute(
        "UPDATE proposal_counters SET last_seq = last_seq + 1 WHERE session_id = ?", [session.id]
    )
    seq = db.execute(
        "SELECT last_seq FROM proposal_counters WHERE session_id = ?", [session.id]
    ).fetchone()[0]
    return seq, f"{session.proposal_prefix}-{seq:03d}"


def _next_series_number(db: sqlite_utils.Database, session_id: int, series: str) -> str:
    """The next number of a separate series (意见建议: ``2024-JY001``), never reused."""
    session = congress.get_session(db, session_id)
    db.execute(
        "INSERT OR IGNORE INTO proposal_series_counters (session_id, series, last_seq) VALUES (?, ?, 0)",
        [session_id, series],
    )
    db.execute(
        "UPDATE proposal_series_counters SET last_seq = last_seq + 1 WHERE session_id = ? AND series = ?",
        [session_id, series],
    )
    seq = db.execute(
        "SELECT last_seq FROM proposal_series_counters WHERE session_id = ? AND series = ?",
        [session_id, series],
    ).fetchone()[0]
    return f"{session.proposal_prefix}-{rules(db).suggestion_prefix}{seq:03d}"


def _write_people(db: sqlite_utils.Database, proposal_id: int, seconders: Iterable[int]) -> None:
    delete_owned(db, "proposal_people", "proposal_id = ? AND role = '附议人'", [proposal_id])
    for position, member_id in enumerate(seconders, start=1):
        audit.insert(
            db,
            "proposal_people",
            {
                "proposal_id": proposal_id,
                "member_id": member_id,
                "role": "附议人",
                "source_proposal_id": None,
                "position": position,
            },
        )


def submit_proposal(
    db: sqlite_utils.Database,
    session_id: int,
    data: Mapping[str, Any],
    *,
    confirm_duplicate: bool = False,
    note: str | None = None,
) -> OpResult:
    """Check the rules, give the next number and record the submission (event 提交).

    A near-duplicate title raises :class:`DuplicateWarning` unless ``confirm_duplicate``.
    """
    with db.atomic():
        session = congress.get_session(db, session_id)
        row, seconders, similar = check_proposal(db, session_id, data)
        if similar and not confirm_duplicate:
            raise DuplicateWarning(_duplicate_message(similar), similar)
        seq, number = _next_number(db, session)
        now = audit.now_iso()
        proposal_id = audit.insert(
            db,
            "proposals",
            {
                "session_id": session_id,
                "seq": seq,
                "number": number,
                **row,
                **UNREVIEWED,
                "created_at": now,
                "updated_at": now,
            },
            note=note,
        )
        _write_people(db, proposal_id, seconders)
        remarks = []
        if row["late_reason"]:
            remarks.append(f"逾期提交：{row['late_reason']}")
        if similar:
            remarks.append(
                "与" + "、".join(n for n, _t, _p in similar[:3]) + "案由相近，经确认仍提交"
            )
        if note:
            remarks.append(note)
        _event(
            db,
            proposal_id,
            "提交",
            row["submitted_on"],
            from_status=None,
            to_status="待审查",
            note="；".join(remarks) or None,
        )
    return OpResult(CHANGES, proposal_id)


def update_proposal(
    db: sqlite_utils.Database,
    proposal_id: int,
    data: Mapping[str, Any],
    *,
    confirm_duplicate: bool = False,
) -> OpResult:
    """Correct a proposal still 待审查 (its number stays). Seconders are replaced as given."""
    with db.atomic():
        current = get_proposal(db, proposal_id)
        if current.status != "待审查":
            raise ConflictError(
                f"提案 {current.number} 已{current.status}，不能再修改内容；如需更正，请先撤销审查结果。"
            )
        merged = {
            "title": current.title,
            "category": current.category,
            "reasons": current.reasons,
            "suggestions": current.suggestions,
            "kind": current.kind,
            "proposer_member_id": current.proposer_member_id,
            "delegation_id": current.delegation_id,
            "submitted_on": current.submitted_on,
            "late_reason": current.late_reason,
            "report_session_id": current.report_session_id,
            "seconder_ids": [p.member_id for p in current.seconders],
        }
        merged.update(data)
        row, seconders, similar = check_proposal(
            db, current.session_id, merged, proposal_id=proposal_id
        )
        if similar and not confirm_duplicate and row["title"] != current.title:
            raise DuplicateWarning(_duplicate_message(similar), similar)
        before = audit.update(db, "proposals", proposal_id, {**row, "updated_at": audit.now_iso()})
        if seconders != [p.member_id for p in current.seconders]:
            _write_people(db, proposal_id, seconders)
        changed = [
            label
            for key, label in (
                ("title", "案由"),
                ("category", "类别"),
                ("reasons", "理由"),
                ("suggestions", "建议"),
                ("submitted_on", "提交日期"),
            )
            if before.get(key) != row[key]
        ]
        if seconders != [p.member_id for p in current.seconders]:
            changed.append("附议人")
        if changed:
            _remark(db, current, "修改", "修改了" + "、".join(changed))
    return OpResult(CHANGES, proposal_id, undo=before)


def delete_proposal(db: sqlite_utils.Database, proposal_id: int) -> OpResult:
    """Remove a proposal entered by mistake (only while 待审查 and nothing merged into it).

    Its number is not given again; a real proposal that is given up is 撤案, not deleted.
    """
    with db.atomic():
        current = get_proposal(db, proposal_id)
        if current.status != "待审查" or current.merged_sources:
            raise ConflictError(
                f"提案 {current.number} 已进入审查或有并入的提案，不能删除；提案人不再提出时请用“撤案”。"
            )
        for table in ("proposal_people", "proposal_events", "proposal_attachments"):
            note = f"随提案 {current.number} 删除"
            delete_owned(db, table, "proposal_id = ?", [proposal_id], note=note)
        before = audit.delete(db, "proposals", proposal_id)
    return OpResult(CHANGES, proposal_id, undo=before)


# --------------------------------------------------------------------------- review


def _day(on: Any) -> str:
    if on in (None, ""):
        return _dt.date.today().isoformat()
    return parse_date(on, field="date").isoformat()


def _require_status(p: Proposal, allowed: Iterable[str], action: str) -> None:
    allowed = tuple(allowed)
    if p.status not in allowed:
        raise ConflictError(
            f"提案 {p.number} 当前为“{p.status}”，不能{action}（仅限：{'、'.join(allowed)}）。"
        )


def _not_before_submission(p: Proposal, day: str) -> None:
    if day < p.submitted_on:
        raise ValidationError(f"日期不能早于提交日期 {p.submitted_on}", "date")


def _set_review(
    db: sqlite_utils.Database,
    p: Proposal,
    status: str,
    result: str | None,
    *,
    level: str | None = None,
    day: str | None = None,
    note: str | None = None,
    merged_into: int | None = None,
) -> None:
    audit.update(
        db,
        "proposals",
        p.id,
        {
            "status": status,
            "review_result": result,
            "review_level": level,
            "review_date": day,
            "review_note": note or None,
            "merged_into_id": merged_into,
            "updated_at": audit.now_iso(),
        },
    )


def _decide(
    db: sqlite_utils.Database,
    p: Proposal,
    status: str,
    result: str,
    action: str,
    *,
    day: str,
    note: str | None,
    level: str | None = None,
    merged_into: int | None = None,
) -> None:
    """Record a review decision on ``p`` and its event (``action``, same note on both)."""
    _set_review(db, p, status, result, level=level, day=day, note=note, merged_into=merged_into)
    _event(db, p.id, action, day, from_status=p.status, to_status=status, note=note)


def accept(
    db: sqlite_utils.Database,
    proposal_id: int,
    *,
    level: str = "一般",
    on: Any = None,
    note: str | None = None,
) -> OpResult:
    """立案 (重点 or 一般)."""
    if level not in REVIEW_LEVELS:
        raise ValidationError("立案类别应为“重点”或“一般”", "level")
    with db.atomic():
        p = get_proposal(db, proposal_id)
        _require_status(p, ("待审查",), "立案")
        day = _day(on)
        _not_before_submission(p, day)
        _decide(db, p, "已立案", "立案", f"立案（{level}）", level=level, day=day, note=_text(note))
    return OpResult(CHANGES, proposal_id)


def to_suggestion(
    db: sqlite_utils.Database, proposal_id: int, *, on: Any = None, note: str | None = None
) -> OpResult:
    """转意见建议: not a proposal, but kept and passed on as a suggestion."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        _require_status(p, ("待审查",), "转为意见建议")
        day = _day(on)
        _not_before_submission(p, day)
        if rules(db).suggestion_series and not p.suggestion_number:
            audit.update(
                db,
                "proposals",
                p.id,
                {"suggestion_number": _next_series_number(db, p.session_id, "建议")},
            )
        _decide(db, p, "转意见建议", "转意见建议", "转意见建议", day=day, note=_text(note))
    return OpResult(CHANGES, proposal_id)


def reject(db: sqlite_utils.Database, proposal_id: int, *, reason: str, on: Any = None) -> OpResult:
    """不立案, with the reason (required: the proposer is told why)."""
    reason = _text(reason)
    if not reason:
        raise ValidationError("不立案须填写理由", "reason")
    with db.atomic():
        p = get_proposal(db, proposal_id)
        _require_status(p, ("待审查",), "不立案")
        day = _day(on)
        _not_before_submission(p, day)
        _decide(db, p, "不立案", "不立案", "不立案", day=day, note=reason)
    return OpResult(CHANGES, proposal_id)


def withdraw(
    db: sqlite_utils.Database, proposal_id: int, *, on: Any = None, note: str | None = None
) -> OpResult:
    """撤案 at the proposer's request (before it is finished); earlier rounds stay recorded."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        _require_status(p, ("待审查", "已立案", "办理中", "已答复"), "撤案")
        if p.merged_sources:
            raise ConflictError(f"提案 {p.number} 已有其他提案并入，撤案前请先撤销并案。")
        day = _day(on)
        _not_before_submission(p, day)
        _decide(db, p, "已撤案", "撤案", "撤案", day=day, note=_text(note) or "提案人申请撤案")
    return OpResult(CHANGES, proposal_id)


def merge(
    db: sqlite_utils.Database,
    source_id: int,
    target_id: int,
    *,
    on: Any = None,
    note: str | None = None,
) -> OpResult:
    """并案: ``source`` is merged into ``target`` of the same session. The source's proposer
    (and its own co-proposers) become co-proposers of the target; :func:`unmerge` undoes it."""
    if source_id == target_id:
        raise ValidationError("不能把提案并入它自己", "target")
    with db.atomic():
        source = get_proposal(db, source_id)
        target = get_proposal(db, target_id)
        if source.session_id != target.session_id:
            raise ValidationError("只能并入同一次会议的提案", "target")
        _require_status(source, ("待审查",), "并案")
        if target.status not in ("待审查", "已立案", "办理中", "转意见建议"):
            raise ConflictError(f"提案 {target.number} 当前为“{target.status}”，不能再接收并案。")
        day = _day(on)
        _not_before_submission(source, day)
        existing = {target.proposer_member_id} | {p.member_id for p in target.co_proposers}
        people = []
        if source.proposer_member_id is not None:
            people.append(source.proposer_member_id)
        people += [p.member_id for p in source.co_proposers]
        position = len(target.co_proposers)
        added = []
        for member_id in people:
            if member_id in existing:
                continue
            existing.add(member_id)
            position += 1
            audit.insert(
                db,
                "proposal_people",
                {
                    "proposal_id": target_id,
                    "member_id": member_id,
                    "role": "联名提案人",
                    "source_proposal_id": source_id,
                    "position": position,
                },
            )
            added.append(_member_name(db, member_id))
        _decide(
            db,
            source,
            "已并案",
            "并案",
            f"并案（并入{target.number}）",
            day=day,
            note=_text(note),
            merged_into=target_id,
        )
        detail = f"并入{source.number}“{source.title}”" + (
            f"，{'、'.join(added)}成为联名提案人" if added else ""
        )
        _remark(db, target, "合并来件", detail, on=day)
    return OpResult(CHANGES, source_id)


def unmerge(db: sqlite_utils.Database, source_id: int, *, note: str | None = None) -> OpResult:
    """Undo 并案: the source is 待审查 again and its people leave the target."""
    with db.atomic():
        source = get_proposal(db, source_id)
        if source.status != "已并案" or source.merged_into_id is None:
            raise ConflictError(f"提案 {source.number} 没有并案，无需撤销。")
        target = get_proposal(db, source.merged_into_id)
        if target.status == "已并案":
            raise ConflictError(f"提案 {target.number} 本身也已并案，请先撤销它的并案。")
        delete_owned(
            db,
            "proposal_people",
            "proposal_id = ? AND source_proposal_id = ?",
            [target.id, source_id],
            note=f"撤销并案 {source.number}",
        )
        today = _dt.date.today().isoformat()
        _set_review(db, source, "待审查", None)
        _event(
            db,
            source_id,
            "撤销并案",
            today,
            from_status="已并案",
            to_status="待审查",
            note=_text(note),
        )
        _remark(
            db,
            target,
            "撤销合并来件",
            f"{source.number}不再并入本案" + (f"：{_text(note)}" if note else ""),
            on=today,
        )
    return OpResult(CHANGES, source_id)


def reset_review(
    db: sqlite_utils.Database, proposal_id: int, *, note: str | None = None
) -> OpResult:
    """Take back a review decision entered by mistake (before any handling started)."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        if p.status == "已并案":
            return unmerge(db, proposal_id, note=note)
        _require_status(p, ("已立案", "转意见建议", "不立案", "已撤案"), "撤销审查结果")
        if (
            p.status in ("转意见建议", "不立案")
            and db.execute("SELECT 1 FROM proposal_rounds WHERE proposal_id = ?", [p.id]).fetchone()
        ):
            raise ConflictError(f"提案 {p.number} 已交办答复，不能撤销审查结果。")
        rounds = db.execute(
            "SELECT count(*) FROM proposal_rounds WHERE proposal_id = ?", [proposal_id]
        ).fetchone()[0]
        if rounds:
            raise ConflictError(f"提案 {p.number} 已交办办理，不能撤销审查结果。")
        _set_review(db, p, "待审查", None)
        _event(
            db,
            p.id,
            "撤销审查结果",
            _dt.date.today().isoformat(),
            from_status=p.status,
            to_status="待审查",
            note=_text(note) or f"撤销“{p.review_text}”",
        )
    return OpResult(CHANGES, proposal_id)


# --------------------------------------------------------------------------- attachments


def add_attachment(db: sqlite_utils.Database, proposal_id: int, source: str | Path) -> OpResult:
    """Copy a file in (scanned signed form, photos, evidence) and record it."""
    from guilin_union.services.attachments import attach

    with db.atomic():
        p = get_proposal(db, proposal_id)
        owner = ("proposal_id", proposal_id)
        row_id = attach(db, "proposal_attachments", owner, source, area=AREA, name_column="name")
        _remark(db, p, "添加附件", Path(source).name)
    return OpResult(CHANGES, row_id)


def remove_attachment(db: sqlite_utils.Database, attachment_id: int) -> OpResult:
    """Forget an attachment (the copied file stays in the folder, as evidence is never destroyed)."""
    with db.atomic():
        row = audit.get_row(db, "proposal_attachments", attachment_id)
        p = get_proposal(db, row["proposal_id"])
        audit.delete(db, "proposal_attachments", attachment_id)
        _remark(db, p, "移除附件", row["name"])
    return OpResult(CHANGES, attachment_id)


# --------------------------------------------------------------------------- 督办 and 优秀提案


def set_supervisor(
    db: sqlite_utils.Database, proposal_id: int, member_id: int | None, *, on: Any = None
) -> OpResult:
    """The committee member who follows the proposal (督办/包案); ``None`` removes it."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        name = _member_name(db, int(member_id)) if member_id is not None else ""
        before = audit.update(
            db,
            "proposals",
            proposal_id,
            {
                "supervisor_member_id": int(member_id) if member_id is not None else None,
                "updated_at": audit.now_iso(),
            },
        )
        _remark(
            db,
            p,
            "督办人" if name else "取消督办人",
            f"督办：{name}" if name else f"原督办：{p.supervisor_name}",
            on=_day(on),
        )
    return OpResult(CHANGES, proposal_id, undo=before)


def supervisor_lists(db: sqlite_utils.Database, session_id: int) -> list[dict[str, Any]]:
    """Per 督办 member: the proposals they follow (``[{member_id, name, proposals: [...]}]``)."""
    result: dict[int, dict[str, Any]] = {}
    for member_id, name, pid, number, title, status in db.execute(
        "SELECT p.supervisor_member_id, m.name, p.id, p.number, p.title, p.status FROM proposals p"
        " JOIN members m ON m.id = p.supervisor_member_id WHERE p.session_id = ?"
        " ORDER BY m.name_pinyin, p.seq",
        [session_id],
    ):
        entry = result.setdefault(
            member_id, {"member_id": member_id, "name": name, "proposals": []}
        )
        entry["proposals"].append({"id": pid, "number": number, "title": title, "status": status})
    return list(result.values())


def mark_excellent(
    db: sqlite_utils.Database, proposal_id: int, *, on: Any = None, note: str | None = None
) -> OpResult:
    """Mark a 立案 proposal (or a suggestion) as 优秀提案 on the selection date."""
    with db.atomic():
        p = get_proposal(db, proposal_id)
        if p.review_result not in ("立案", "转意见建议"):
            raise ConflictError(
                f"提案 {p.number} 当前为“{p.status}”，只有立案提案或意见建议才能评为优秀提案。"
            )
        day = _day(on)
        _not_before_submission(p, day)
        before = audit.update(
            db,
            "proposals",
            proposal_id,
            {
                "excellent_on": day,
                "excellent_note": _text(note) or None,
                "updated_at": audit.now_iso(),
            },
        )
        _remark(db, p, "评为优秀提案", _text(note), on=day)
    return OpResult(CHANGES, proposal_id, undo=before)


def unmark_excellent(db: sqlite_utils.Database, proposal_id: int) -> OpResult:
    with db.atomic():
        p = get_proposal(db, proposal_id)
        if not p.excellent_on:
            raise ConflictError(f"提案 {p.number} 不是优秀提案。")
        before = audit.update(
            db,
            "proposals",
            proposal_id,
            {"excellent_on": None, "excellent_note": None, "updated_at": audit.now_iso()},
        )
        _remark(db, p, "撤销优秀提案")
    return OpResult(CHANGES, proposal_id, undo=before)


def excellent_list(db: sqlite_utils.Database, session_id: int) -> list[dict[str, Any]]:
    """优秀提案 of a session, by number: ``[{id, number, title, proposer, category, excellent_on, note}]``."""
    ids = column_values(
        db,
        "SELECT id FROM proposals WHERE session_id = ? AND excellent_on IS NOT NULL ORDER BY seq",
        [session_id],
    )
    result = []
    for pid in ids:
        p = get_proposal(db, pid)
        result.append(
            {
                "id": p.id,
                "number": p.number,
                "title": p.title,
                "proposer": p.proposer_text,
                "co_proposers": [x.name for x in p.co_proposers],
                "category": p.category,
                "review": p.review_text,
                "excellent_on": p.excellent_on,
                "note": p.excellent_note,
            }
        )
    return result


def merge_targets(
    db: sqlite_utils.Database, session_id: int, exclude_id: int
) -> list[tuple[int, str, str]]:
    """Proposals of the session another one may be merged into: (id, number, title)."""
    return [
        (r[0], r[1], r[2])
        for r in db.execute(
            "SELECT id, number, title FROM proposals WHERE session_id = ? AND id != ?"
            " AND status IN ('待审查', '已立案', '办理中') ORDER BY seq",
            [session_id, exclude_id],
        )
    ]


def session_counts(db: sqlite_utils.Database, session_id: int) -> tuple[int, int]:
    """(received, accepted 立案) proposals of a session; (0, 0) before the area exists."""
    if "proposals" not in db.table_names():
        return 0, 0
    total, accepted = db.execute(
        "SELECT count(*), coalesce(sum(review_result = '立案'), 0) FROM proposals"
        " WHERE session_id = ?",
        [session_id],
    ).fetchone()
    return total, accepted


def member_proposals(db: sqlite_utils.Database, member_id: int) -> list[tuple[str, str, str, str]]:
    """(number, title, status, role) of every proposal the member proposed or joined."""
    return [
        tuple(r)
        for r in db.execute(
            "SELECT p.number, p.title, p.status, '提案人' FROM proposals p"
            " WHERE p.proposer_member_id = ?"
            " UNION ALL SELECT p.number, p.title, p.status, x.role FROM proposal_people x"
            " JOIN proposals p ON p.id = x.proposal_id WHERE x.member_id = ? ORDER BY 1",
            [member_id, member_id],
        )
    ]


def reported_to(db: sqlite_utils.Database, session_id: int) -> list[dict[str, Any]]:
    """闭会期间提案 of earlier sessions that are reported to this session:
    ``[{id, number, title, session_id, session_title, submitted_on, status}]``."""
    return list(
        db.query(
            "SELECT p.id, p.number, p.title, p.session_id, s.title AS session_title,"
            " p.submitted_on, p.status FROM proposals p"
            " JOIN congress_sessions s ON s.id = p.session_id"
            " WHERE p.report_session_id = ? AND p.session_id != ? ORDER BY p.submitted_on, p.id",
            [session_id, session_id],
        )
    )
