"""教代会: terms (届), sessions (次), the rules that decide quorum and votes.

Every number the congress rules depend on is a setting registered here (domain.md §2):
term length, the quorum and pass fractions (integer numerator/denominator), the base of the
pass rule, the minimum teacher share and the category lists.

Submodules hold the rest of the area: ``congress_delegates`` (代表, 代表团, composition),
``congress_attendance`` (sign-in and quorum), ``congress_agenda``, ``congress_votes``,
``congress_import`` (Excel) and ``congress_outputs`` (printouts).

>>> # from guilin_union.services import congress
>>> # term = congress.create_term(db, start_year=2022).row_id
>>> # session = congress.create_session(db, term, start_date="2024-03-15").row_id
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.congress import (
    AGENDA_PARTS,
    ATTENDANCE_STATUSES,
    DELEGATE_TYPES,
    MOTION_KINDS,
    SESSION_STATUSES,
)
from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import one_row
from guilin_union.services.congress.rules import Fraction, chinese_number, compose_session_title
from guilin_union.services.owned_rows import delete_owned
from guilin_union.storage import audit

__all__ = [
    "AGENDA_PARTS",
    "ATTENDANCE_STATUSES",
    "DELEGATE_TYPES",
    "MOTION_KINDS",
    "SESSION_STATUSES",
    "PASS_BASES",
    "FORMAL",
    "CongressRules",
    "Term",
    "Session",
    "QuorumNotMetError",
    "rules",
    "save_rules",
    "list_terms",
    "get_term",
    "create_term",
    "update_term",
    "delete_term",
    "list_sessions",
    "get_session",
    "create_session",
    "update_session",
    "delete_session",
    "set_session_status",
    "current_session_id",
    "session_date",
    "compose_title",
]

AREA = "congress"
FORMAL = "正式代表"
PASS_BASES = ("全体正式代表", "实到正式代表")

STANDARD_AGENDA: list[dict[str, str]] = [
    {
        "part": "预备会议",
        "start_time": "08:00",
        "end_time": "08:05",
        "content": "大会筹备工作报告",
        "presider": "",
        "reporter": "筹备工作组组长",
    },
    {
        "part": "预备会议",
        "start_time": "08:05",
        "end_time": "08:10",
        "content": "代表资格审查报告",
        "presider": "",
        "reporter": "代表资格审查委员会主任",
    },
    {
        "part": "预备会议",
        "start_time": "08:10",
        "end_time": "08:20",
        "content": "选举大会主席团",
        "presider": "",
        "reporter": "",
    },
    {
        "part": "预备会议",
        "start_time": "08:20",
        "end_time": "08:30",
        "content": "通过大会议程",
        "presider": "",
        "reporter": "",
    },
    {
        "part": "正式会议",
        "start_time": "08:30",
        "end_time": "08:40",
        "content": "大会开幕（全体起立，奏唱国歌）",
        "presider": "大会主席团",
        "reporter": "",
    },
    {
        "part": "正式会议",
        "start_time": "08:40",
        "end_time": "09:30",
        "content": "学校工作报告",
        "presider": "大会主席团",
        "reporter": "校长",
    },
    {
        "part": "正式会议",
        "start_time": "09:30",
        "end_time": "09:50",
        "content": "财务工作报告",
        "presider": "大会主席团",
        "reporter": "分管财务工作的校领导",
    },
    {
        "part": "正式会议",
        "start_time": "09:50",
        "end_time": "10:10",
        "content": "工会工作报告",
        "presider": "大会主席团",
        "reporter": "工会主席",
    },
    {
        "part": "正式会议",
        "start_time": "10:10",
        "end_time": "10:25",
        "content": "提案工作报告",
        "presider": "大会主席团",
        "reporter": "提案工作委员会主任",
    },
    {
        "part": "正式会议",
        "start_time": "10:40",
        "end_time": "11:40",
        "content": "各代表团分组讨论",
        "presider": "各代表团团长",
        "reporter": "",
    },
    {
        "part": "正式会议",
        "start_time": "11:40",
        "end_time": "11:55",
        "content": "大会表决（通过各项报告和大会决议）",
        "presider": "大会主席团",
        "reporter": "",
    },
    {
        "part": "正式会议",
        "start_time": "11:55",
        "end_time": "12:00",
        "content": "大会闭幕（奏唱《国际歌》）",
        "presider": "大会主席团",
        "reporter": "",
    },
]

settings.register_defaults(
    {
        "congress_name": ("教职工代表大会暨工会会员代表大会", "教代会名称（用于会议名称）"),
        "congress_term_years": (5, "教代会每届年限（3 或 5 年）"),
        "congress_quorum_numerator": (2, "法定人数：出席正式代表不少于（分子）"),
        "congress_quorum_denominator": (3, "法定人数：出席正式代表不少于（分母）"),
        "congress_pass_numerator": (1, "表决通过：同意票超过（分子）"),
        "congress_pass_denominator": (2, "表决通过：同意票超过（分母）"),
        "congress_pass_base": ("全体正式代表", "表决通过的基数（全体正式代表 / 实到正式代表）"),
        "congress_teacher_share_min_percent": (60, "正式代表中教师所占比例不低于（%）"),
        "congress_delegate_categories": (
            ["教师", "管理", "教辅", "工勤", "其他"],
            "代表类别（界别）",
        ),
        "congress_age_bands": ([35, 45, 55], "代表年龄段分界（岁）"),
        "congress_proposal_deadline_days": (15, "提案截止日期：会议前若干天"),
        "congress_reply_deadline_days": (90, "提案默认答复期限：会议后若干天"),
        "congress_standard_agenda": (STANDARD_AGENDA, "标准会议议程"),
    }
)

RULE_KEYS = (
    "congress_name",
    "congress_term_years",
    "congress_quorum_numerator",
    "congress_quorum_denominator",
    "congress_pass_numerator",
    "congress_pass_denominator",
    "congress_pass_base",
    "congress_teacher_share_min_percent",
    "congress_delegate_categories",
    "congress_age_bands",
    "congress_proposal_deadline_days",
    "congress_reply_deadline_days",
)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class CongressRules:
    """The settings the congress rules read, checked and typed."""

    congress_name: str
    term_years: int
    quorum: Fraction
    passing: Fraction
    pass_base: str
    teacher_min_percent: int
    categories: tuple[str, ...]
    age_bands: tuple[int, ...]
    proposal_deadline_days: int
    reply_deadline_days: int

    @property
    def quorum_text(self) -> str:
        return f"出席正式代表不少于全体正式代表的{self.quorum.text}"

    @property
    def pass_text(self) -> str:
        base = "全体正式代表" if self.pass_base == PASS_BASES[0] else "实到正式代表"
        return f"同意票超过{base}的{self.passing.text}"


def _int(value: Any, label: str) -> int:
    if isinstance(value, bool):
        raise ValidationError(f"{label}必须是整数")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ValidationError(f"{label}必须是整数，现为“{value}”")


def _check_rules(values: Mapping[str, Any]) -> CongressRules:
    term_years = _int(values["congress_term_years"], "每届年限")
    if term_years not in (3, 5):
        raise ValidationError("每届年限只能是 3 年或 5 年", "congress_term_years")
    quorum = Fraction(
        _int(values["congress_quorum_numerator"], "法定人数分子"),
        _int(values["congress_quorum_denominator"], "法定人数分母"),
    )
    passing = Fraction(
        _int(values["congress_pass_numerator"], "表决通过分子"),
        _int(values["congress_pass_denominator"], "表决通过分母"),
    )
    base = str(values["congress_pass_base"])
    if base not in PASS_BASES:
        raise ValidationError("表决通过的基数应为：" + "、".join(PASS_BASES), "congress_pass_base")
    percent = _int(values["congress_teacher_share_min_percent"], "教师比例")
    if not 0 <= percent <= 100:
        raise ValidationError("教师比例应在 0 到 100 之间", "congress_teacher_share_min_percent")
    categories = tuple(
        clean_cell_text(str(c))
        for c in values["congress_delegate_categories"]
        if clean_cell_text(str(c))
    )
    if not categories or len(set(categories)) != len(categories):
        raise ValidationError("代表类别不能为空，也不能重复", "congress_delegate_categories")
    bands = tuple(sorted(_int(b, "年龄段分界") for b in values["congress_age_bands"]))
    if any(b <= 0 or b >= 120 for b in bands) or len(set(bands)) != len(bands):
        raise ValidationError("年龄段分界应是 1 到 119 之间互不相同的整数", "congress_age_bands")
    name = clean_cell_text(str(values["congress_name"] or ""))
    if not name:
        raise ValidationError("教代会名称不能为空", "congress_name")
    days = _int(values["congress_proposal_deadline_days"], "提案截止天数")
    reply = _int(values["congress_reply_deadline_days"], "答复期限天数")
    if days < 0 or reply < 0:
        raise ValidationError("天数不能为负数")
    return CongressRules(
        name, term_years, quorum, passing, base, percent, categories, bands, days, reply
    )


def rules(db: sqlite_utils.Database) -> CongressRules:
    """The current rules. A setting edited into nonsense is reported, never guessed around."""
    return _check_rules(settings.get_many(db, list(RULE_KEYS)))


def _stored_rules(checked: CongressRules) -> dict[str, Any]:
    # Stored in their checked, typed form (a fraction typed as "2" in a form is kept as 2).
    return {
        "congress_name": checked.congress_name,
        "congress_term_years": checked.term_years,
        "congress_quorum_numerator": checked.quorum.numerator,
        "congress_quorum_denominator": checked.quorum.denominator,
        "congress_pass_numerator": checked.passing.numerator,
        "congress_pass_denominator": checked.passing.denominator,
        "congress_pass_base": checked.pass_base,
        "congress_teacher_share_min_percent": checked.teacher_min_percent,
        "congress_delegate_categories": list(checked.categories),
        "congress_age_bands": list(checked.age_bands),
        "congress_proposal_deadline_days": checked.proposal_deadline_days,
        "congress_reply_deadline_days": checked.reply_deadline_days,
    }


def save_rules(db: sqlite_utils.Database, values: Mapping[str, Any]) -> OpResult:
    """Check and store rule settings (any subset of :data:`RULE_KEYS`)."""
    settings.save_checked(
        db, values, RULE_KEYS, _check_rules, _stored_rules, also=("congress_standard_agenda",)
    )
    return OpResult(Changes.of("settings", AREA))


# --------------------------------------------------------------------------- terms


@dataclass(frozen=True)
class Term:
    id: int
    number: int
    start_year: int
    end_year: int
    length_years: int
    notes: str | None = None

    @property
    def label(self) -> str:
        """``第一届（2022—2027年）``."""
        return f"第{chinese_number(self.number)}届（{self.start_year}—{self.end_year}年）"


def _term(row: Mapping[str, Any]) -> Term:
    return Term(
        row["id"],
        row["number"],
        row["start_year"],
        row["end_year"],
        row["length_years"],
        row["notes"],
    )


def list_terms(db: sqlite_utils.Database) -> list[Term]:
    return [_term(r) for r in db.query("SELECT * FROM congress_terms ORDER BY number")]


def get_term(db: sqlite_utils.Database, term_id: int) -> Term:
    try:
        return _term(audit.get_row(db, "congress_terms", term_id))
    except NotFoundError:
        raise NotFoundError("届次不存在（可能已被删除）") from None


def create_term(
    db: sqlite_utils.Database,
    *,
    start_year: int,
    number: int | None = None,
    length_years: int | None = None,
    notes: str | None = None,
) -> OpResult:
    """A new 届; its number defaults to the next one and its length to the setting."""
    with db.atomic():
        length = length_years if length_years is not None else rules(db).term_years
        if length not in (3, 5):
            raise ValidationError("每届年限只能是 3 年或 5 年", "length_years")
        if number is None:
            number = db.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM congress_terms"
            ).fetchone()[0]
        number = _int(number, "届次")
        start_year = _int(start_year, "起始年份")
        if number < 1:
            raise ValidationError("届次必须是正整数", "number")
        if not 1950 <= start_year <= 2100:
            raise ValidationError("起始年份应在 1950 年到 2100 年之间", "start_year")
        if db.execute("SELECT 1 FROM congress_terms WHERE number = ?", [number]).fetchone():
            raise ValidationError(f"第{chinese_number(number)}届已存在", "number")
        row_id = audit.insert(
            db,
            "congress_terms",
            {
                "number": number,
                "start_year": start_year,
                "end_year": start_year + length,
                "length_years": length,
                "notes": _text(notes),
            },
        )
    return OpResult(Changes.of(AREA), row_id)


def update_term(db: sqlite_utils.Database, term_id: int, data: Mapping[str, Any]) -> OpResult:
    """Edit number, years, length or notes of a term."""
    with db.atomic():
        term = get_term(db, term_id)
        changes: dict[str, Any] = {}
        if "number" in data:
            number = _int(data["number"], "届次")
            other = db.execute(
                "SELECT id FROM congress_terms WHERE number = ? AND id != ?", [number, term_id]
            ).fetchone()
            if other or number < 1:
                raise ValidationError(
                    f"第{chinese_number(max(number, 1))}届已存在或届次无效", "number"
                )
            changes["number"] = number
        length = _int(data.get("length_years", term.length_years), "每届年限")
        if length not in (3, 5):
            raise ValidationError("每届年限只能是 3 年或 5 年", "length_years")
        start = _int(data.get("start_year", term.start_year), "起始年份")
        end = _int(
            data.get(
                "end_year",
                start + length if "start_year" in data or "length_years" in data else term.end_year,
            ),
            "结束年份",
        )
        if end < start:
            raise ValidationError("结束年份不能早于起始年份", "end_year")
        changes.update(start_year=start, end_year=end, length_years=length)
        if "notes" in data:
            changes["notes"] = _text(data["notes"])
        before = audit.update(db, "congress_terms", term_id, changes)
        if "number" in changes and changes["number"] != term.number:
            _retitle_sessions(db, term_id)
    return OpResult(Changes.of(AREA), term_id, undo=before)


def delete_term(db: sqlite_utils.Database, term_id: int) -> OpResult:
    """Delete an empty term (no sessions, no delegates); otherwise refuse and say why."""
    with db.atomic():
        term = get_term(db, term_id)
        sessions = db.execute(
            "SELECT count(*) FROM congress_sessions WHERE term_id = ?", [term_id]
        ).fetchone()[0]
        delegates = db.execute(
            "SELECT count(*) FROM congress_delegates WHERE term_id = ?", [term_id]
        ).fetchone()[0]
        if sessions or delegates:
            raise ConflictError(
                f"{term.label}下还有 {sessions} 次会议、{delegates} 条代表记录，不能删除。"
            )
        delete_owned(db, "congress_delegations", "term_id = ?", [term_id])
        before = audit.delete(db, "congress_terms", term_id)
    return OpResult(Changes.of(AREA), term_id, undo=before)


# --------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class Session:
    id: int
    term_id: int
    term_number: int
    meeting_no: int
    title: str
    start_date: str
    end_date: str | None
    venue: str | None
    status: str
    proposal_deadline: str | None
    reply_deadline: str | None
    proposal_prefix: str
    quorum_override_reason: str | None
    notes: str | None

    @property
    def date(self) -> _dt.date:
        """The day that decides who the delegates are (the first day of the meeting)."""
        return _dt.date.fromisoformat(self.start_date)

    @property
    def short_label(self) -> str:
        """``第一届第三次会议（2024年）``."""
        return f"第{chinese_number(self.term_number)}届第{chinese_number(self.meeting_no)}次会议（{self.start_date[:4]}年）"


_SESSION_SELECT = (
    "SELECT s.*, t.number AS term_number FROM congress_sessions s"
    " JOIN congress_terms t ON t.id = s.term_id"
)


def _session(row: Mapping[str, Any]) -> Session:
    return Session(
        row["id"],
        row["term_id"],
        row["term_number"],
        row["meeting_no"],
        row["title"],
        row["start_date"],
        row["end_date"],
        row["venue"],
        row["status"],
        row["proposal_deadline"],
        row["reply_deadline"],
        row["proposal_prefix"],
        row["quorum_override_reason"],
        row["notes"],
    )


def list_sessions(db: sqlite_utils.Database, term_id: int | None = None) -> list[Session]:
    """Sessions in date order (oldest first)."""
    sql = _SESSION_SELECT
    params: list[Any] = []
    if term_id is not None:
        sql += " WHERE s.term_id = ?"
        params.append(term_id)
    sql += " ORDER BY s.start_date, t.number, s.meeting_no"
    return [_session(r) for r in db.query(sql, params)]


def get_session(db: sqlite_utils.Database, session_id: int) -> Session:
    return _session(
        one_row(
            db,
            _SESSION_SELECT + " WHERE s.id = ?",
            [session_id],
            f"会议不存在（编号 {session_id}）",
        )
    )


def session_date(db: sqlite_utils.Database, session_id: int) -> _dt.date:
    return get_session(db, session_id).date


def compose_title(db: sqlite_utils.Database, term_number: int, meeting_no: int) -> str:
    return compose_session_title(term_number, meeting_no, rules(db).congress_name)


def current_session_id(db: sqlite_utils.Database, today: _dt.date | None = None) -> int | None:
    """The session the secretary most likely works on: one in progress, else the next one
    in preparation, else the most recent."""
    today = today or _dt.date.today()
    row = db.execute(
        "SELECT id FROM congress_sessions WHERE status = '召开中' ORDER BY start_date DESC LIMIT 1"
    ).fetchone()
    if row:
        return row[0]
    row = db.execute(
        "SELECT id FROM congress_sessions WHERE status = '筹备中' AND start_date >= ? ORDER BY start_date LIMIT 1",
        [today.isoformat()],
    ).fetchone()
    if row:
        return row[0]
    row = db.execute(
        "SELECT id FROM congress_sessions ORDER BY start_date DESC, id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = clean_cell_text(str(value))
    return text or None


def _date(value: Any, field: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("日期不能为空", field)
        return None
    return parse_date(value, field=field).isoformat()


def _check_session_dates(row: Mapping[str, Any]) -> None:
    start = row["start_date"]
    if row.get("end_date") and row["end_date"] < start:
        raise ValidationError("闭幕日期不能早于开幕日期", "end_date")
    # A deadline after the meeting is allowed: 闭会期间提案 are collected year-round and
    # reported to the next session (issue 20).
    if row.get("reply_deadline") and row["reply_deadline"] < start:
        raise ValidationError("答复期限不能早于会议开幕", "reply_deadline")


def create_session(
    db: sqlite_utils.Database,
    term_id: int,
    *,
    start_date: Any,
    meeting_no: int | None = None,
    title: str | None = None,
    end_date: Any = None,
    venue: str | None = None,
    proposal_deadline: Any = None,
    reply_deadline: Any = None,
    proposal_prefix: str | None = None,
    notes: str | None = None,
) -> OpResult:
    """A new meeting of a term. Title, deadlines and the proposal number prefix default from
    the term, the meeting number and the settings (all editable later)."""
    with db.atomic():
        term = get_term(db, term_id)
        rule = rules(db)
        start = _date(start_date, "start_date", required=True)
        assert start is not None
        if meeting_no is None:
            meeting_no = db.execute(
                "SELECT coalesce(max(meeting_no), 0) + 1 FROM congress_sessions WHERE term_id = ?",
                [term_id],
            ).fetchone()[0]
        meeting_no = _int(meeting_no, "会次")
        if meeting_no < 1:
            raise ValidationError("会次必须是正整数", "meeting_no")
        if db.execute(
            "SELECT 1 FROM congress_sessions WHERE term_id = ? AND meeting_no = ?",
            [term_id, meeting_no],
        ).fetchone():
            raise ValidationError(
                f"{term.label}第{chinese_number(meeting_no)}次会议已存在", "meeting_no"
            )
        start_day = _dt.date.fromisoformat(start)
        prefix = _clean_prefix(proposal_prefix) or start[:4]
        row = {
            "term_id": term_id,
            "meeting_no": meeting_no,
            "title": _text(title) or joint_title(db, term_id, meeting_no),
            "start_date": start,
            "end_date": _date(end_date, "end_date"),
            "venue": _text(venue),
            "status": "筹备中",
            "proposal_deadline": _date(proposal_deadline, "proposal_deadline")
            or (start_day - _dt.timedelta(days=rule.proposal_deadline_days)).isoformat(),
            "reply_deadline": _date(reply_deadline, "reply_deadline")
            or (start_day + _dt.timedelta(days=rule.reply_deadline_days)).isoformat(),
            "proposal_prefix": prefix,
            "quorum_override_reason": None,
            "notes": _text(notes),
            "created_at": audit.now_iso(),
        }
        _check_session_dates(row)
        _check_prefix_unique(db, prefix, None)
        row_id = audit.insert(db, "congress_sessions", row)
    return OpResult(Changes.of(AREA), row_id)


def _clean_prefix(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if len(text) > 12 or any(c in text for c in '/\\:*?"<>|'):
        raise ValidationError(
            '提案编号前缀最多 12 个字符，且不能含有 / \\ : * ? " < > |', "proposal_prefix"
        )
    return text


def _check_prefix_unique(db: sqlite_utils.Database, prefix: str, session_id: int | None) -> None:
    """Two sessions with the same prefix would both print "2024-001": ask for another."""
    row = db.execute(
        "SELECT title FROM congress_sessions WHERE proposal_prefix = ? AND id IS NOT ?",
        [prefix, session_id],
    ).fetchone()
    if row:
        raise ValidationError(
            f"提案编号前缀“{prefix}”已被“{row[0]}”使用；同一年开两次会议时请改用如“{prefix}B”的前缀",
            "proposal_prefix",
        )


SESSION_FIELDS = (
    "meeting_no",
    "title",
    "start_date",
    "end_date",
    "venue",
    "proposal_deadline",
    "reply_deadline",
    "proposal_prefix",
    "notes",
)


def update_session(db: sqlite_utils.Database, session_id: int, data: Mapping[str, Any]) -> OpResult:
    """Edit a session's fields (status has its own function because of the quorum rule).

    Changing the proposal prefix renumbers nothing: numbers already given keep their text.
    """
    unknown = set(data) - set(SESSION_FIELDS)
    if unknown:
        raise ValidationError("不能在此修改：" + "、".join(sorted(unknown)))
    with db.atomic():
        session = get_session(db, session_id)
        row = {
            "meeting_no": session.meeting_no,
            "title": session.title,
            "start_date": session.start_date,
            "end_date": session.end_date,
            "venue": session.venue,
            "proposal_deadline": session.proposal_deadline,
            "reply_deadline": session.reply_deadline,
            "proposal_prefix": session.proposal_prefix,
            "notes": session.notes,
        }
        # The two fields later checks read, kept with their types beside the row.
        meeting_no = session.meeting_no
        prefix = session.proposal_prefix
        for key in data:
            value = data[key]
            if key in ("start_date", "end_date", "proposal_deadline", "reply_deadline"):
                row[key] = _date(value, key, required=key == "start_date")
            elif key == "meeting_no":
                meeting_no = _int(value, "会次")
                if meeting_no < 1:
                    raise ValidationError("会次必须是正整数", "meeting_no")
                row[key] = meeting_no
            elif key == "proposal_prefix":
                prefix = _clean_prefix(value) or session.proposal_prefix
                row[key] = prefix
            elif key == "title":
                row[key] = _text(value) or compose_title(db, session.term_number, meeting_no)
            else:
                row[key] = _text(value)
        if meeting_no != session.meeting_no:
            if db.execute(
                "SELECT 1 FROM congress_sessions WHERE term_id = ? AND meeting_no = ? AND id != ?",
                [session.term_id, meeting_no, session_id],
            ).fetchone():
                raise ValidationError(
                    f"本届第{chinese_number(meeting_no)}次会议已存在", "meeting_no"
                )
            if "title" not in data and session.title == compose_title(
                db, session.term_number, session.meeting_no
            ):
                row["title"] = compose_title(db, session.term_number, meeting_no)
        _check_session_dates(row)
        _check_prefix_unique(db, prefix, session_id)
        before = audit.update(db, "congress_sessions", session_id, row)
    return OpResult(Changes.of(AREA), session_id, undo=before)


def _retitle_sessions(db: sqlite_utils.Database, term_id: int) -> None:
    """After a term is renumbered, titles that were composed automatically follow it."""
    term = get_term(db, term_id)
    name = rules(db).congress_name
    for session in list_sessions(db, term_id):
        expected_old = [compose_session_title(n, session.meeting_no, name) for n in range(1, 100)]
        if session.title in expected_old:
            audit.update(
                db,
                "congress_sessions",
                session.id,
                {"title": compose_session_title(term.number, session.meeting_no, name)},
            )


def delete_session(db: sqlite_utils.Database, session_id: int) -> OpResult:
    """Delete a session with its agenda, sign-in and votes; refused when it has proposals."""
    with db.atomic():
        session = get_session(db, session_id)
        proposals = 0
        if "proposals" in db.table_names():
            proposals = db.execute(
                "SELECT count(*) FROM proposals WHERE session_id = ?", [session_id]
            ).fetchone()[0]
        if proposals:
            raise ConflictError(f"“{session.title}”已有 {proposals} 件提案，不能删除。")
        for table in ("congress_agenda_items", "congress_motions", "congress_attendance"):
            delete_owned(
                db, table, "session_id = ?", [session_id], note=f"随会议“{session.title}”删除"
            )
        if "proposal_counters" in db.table_names():
            db.execute("DELETE FROM proposal_counters WHERE session_id = ?", [session_id])
        before = audit.delete(db, "congress_sessions", session_id)
    return OpResult(Changes.of(AREA), session_id, undo=before)


class QuorumNotMetError(ConflictError):
    """Opening a session without a quorum needs an override with a reason."""

    def __init__(self, message: str, *, expected: int, present: int, needed: int) -> None:
        super().__init__(message)
        self.expected = expected
        self.present = present
        self.needed = needed


def set_session_status(
    db: sqlite_utils.Database, session_id: int, status: str, *, override_reason: str | None = None
) -> OpResult:
    """Move a session to 筹备中 / 召开中 / 已闭幕.

    Marking it 召开中 checks the quorum against the sign-in; without a quorum it is refused
    (:class:`QuorumNotMetError`) unless ``override_reason`` says why it goes ahead anyway —
    the reason is kept on the session and in the change log.
    """
    from guilin_union.services.congress.attendance import attendance_summary

    if status not in SESSION_STATUSES:
        raise ValidationError("会议状态应为：" + "、".join(SESSION_STATUSES), "status")
    reason = _text(override_reason)
    with db.atomic():
        session = get_session(db, session_id)
        changes: dict[str, Any] = {"status": status}
        note = None
        if status == "召开中" and session.status != "召开中":
            summary = attendance_summary(db, session_id)
            if not summary.quorum_met:
                if not reason:
                    raise QuorumNotMetError(
                        f"未达到法定人数：应到正式代表 {summary.expected} 人，实到 {summary.present} 人，"
                        f"至少需要 {summary.needed} 人（{summary.rule_text}）。如确需开会，请填写原因。",
                        expected=summary.expected,
                        present=summary.present,
                        needed=summary.needed,
                    )
                changes["quorum_override_reason"] = reason
                note = (
                    f"未达法定人数开会（应到 {summary.expected}，实到 {summary.present}）：{reason}"
                )
            else:
                changes["quorum_override_reason"] = None
        before = audit.update(db, "congress_sessions", session_id, changes, note=note)
    return OpResult(Changes.of(AREA), session_id, undo=before)


# --------------------------------------------------------------------------- joint congress (issue 20)


def union_number(db: sqlite_utils.Database, term_id: int) -> int | None:
    """The 工代会 number of a joint congress term (None: one number for both)."""
    row = db.execute("SELECT union_number FROM congress_terms WHERE id = ?", [term_id]).fetchone()
    if row is None:
        raise NotFoundError(f"届次不存在（编号 {term_id}）")
    return row[0]


def joint_title(db: sqlite_utils.Database, term_id: int, meeting_no: int) -> str:
    """``第八届教职工代表大会暨第十六届工会会员代表大会第三次会议`` when the term has a 工代会
    number and the congress name is joint (contains 暨); else the usual title."""
    term = get_term(db, term_id)
    name = rules(db).congress_name
    second = union_number(db, term_id)
    if second and "暨" in name:
        first_name, second_name = name.split("暨", 1)
        return (
            f"第{chinese_number(term.number)}届{first_name}暨第{chinese_number(second)}届"
            f"{second_name}第{chinese_number(meeting_no)}次会议"
        )
    return compose_session_title(term.number, meeting_no, name)


def set_union_number(db: sqlite_utils.Database, term_id: int, number: int | None) -> OpResult:
    """Set the 工代会 number of a joint term; titles composed automatically follow it."""
    if number is not None:
        number = _int(number, "工代会届次")
        if number < 1:
            raise ValidationError("工代会届次必须是正整数", "union_number")
    with db.atomic():
        term = get_term(db, term_id)
        old = {s.id: joint_title(db, term_id, s.meeting_no) for s in list_sessions(db, term_id)}
        plain = {
            s.id: compose_session_title(term.number, s.meeting_no, rules(db).congress_name)
            for s in list_sessions(db, term_id)
        }
        before = audit.update(db, "congress_terms", term_id, {"union_number": number})
        for session in list_sessions(db, term_id):
            if session.title in (old[session.id], plain[session.id]):
                audit.update(
                    db,
                    "congress_sessions",
                    session.id,
                    {"title": joint_title(db, term_id, session.meeting_no)},
                )
    return OpResult(Changes.of(AREA), term_id, undo=before)
