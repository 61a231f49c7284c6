"""代表 and 代表团 of a term: election, replacement with dates, composition statistics.

A delegate row is one *period* of a member's mandate. 更换/补选 end one period and start
another on the same day, so the delegates of a session are those whose period covers the
session's date: ``start_date <= D < end_date`` (``end_date`` NULL = to the end of the term).

>>> # add_delegate(db, term_id, member_id, delegate_type="正式代表", start_date="2022-03-01")
>>> # replace_delegate(db, old_id, new_member_id, on_date="2023-09-01", reason="调离学校")
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from guilin_union.core.congress import DELEGATE_TYPES
from guilin_union.core.dates import age_on, parse_date
from guilin_union.core.errors import ConflictError, NotFoundError, ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.services import congress
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import column_values, one_row
from guilin_union.services.congress.rules import percent_text, share_at_least
from guilin_union.services.ordering import move_row
from guilin_union.storage import audit

AREA = congress.AREA
START_REASONS = ("当选", "补选", "更换", "增补")
END_REASONS = ("更换", "调离学校", "退休", "辞去代表职务", "罢免", "去世", "其他")
TEACHING_TITLES = ("教授", "副教授", "讲师", "助教", "研究员", "副研究员")
# Departments whose staff are usually 教辅 / 工勤 rather than teachers or administrators.
SUPPORT_HINTS = ("图书馆", "实验", "网络", "信息中心", "档案", "校医院", "幼儿园")
SERVICE_HINTS = ("后勤", "物业", "保卫", "膳食", "场馆")
ADMIN_HINTS = ("办公室", "处", "党委", "团委", "机关", "学生工作部", "招生就业")
TEACHING_PLACES = ("系", "教研", "教学部")


# --------------------------------------------------------------------------- delegations


@dataclass(frozen=True)
class Delegation:
    id: int
    term_id: int
    name: str
    branch_id: int | None
    branch_name: str | None
    head_member_id: int | None
    head_name: str | None
    sort_order: int
    delegate_count: int = 0


def list_delegations(db: sqlite_utils.Database, term_id: int) -> list[Delegation]:
    """Delegations of a term in their order, with the number of current delegates."""
    sql = """
        SELECT g.id, g.term_id, g.name, g.branch_id, b.name, g.head_member_id, m.name, g.sort_order,
               (SELECT count(*) FROM congress_delegates d WHERE d.delegation_id = g.id AND d.end_date IS NULL)
        FROM congress_delegations g
        LEFT JOIN branches b ON b.id = g.branch_id
        LEFT JOIN members m ON m.id = g.head_member_id
        WHERE g.term_id = ? ORDER BY g.sort_order, g.id
    """
    return [Delegation(*r) for r in db.execute(sql, [term_id])]


def get_delegation(db: sqlite_utils.Database, delegation_id: int) -> Delegation:
    for d in db.execute(
        "SELECT term_id FROM congress_delegations WHERE id = ?", [delegation_id]
    ).fetchall():
        for g in list_delegations(db, d[0]):
            if g.id == delegation_id:
                return g
    raise NotFoundError("代表团不存在（可能已被删除）")


def delegation_name_for_branch(branch_name: str) -> str:
    """``文学院分工会`` → ``文学院代表团``.

    >>> delegation_name_for_branch("机关分工会")
    '机关代表团'
    """
    base = branch_name[: -len("分工会")] if branch_name.endswith("分工会") else branch_name
    return f"{base}代表团"


def ensure_default_delegations(db: sqlite_utils.Database, term_id: int) -> OpResult:
    """One 代表团 per active 分工会 that has none yet in this term (the usual set-up)."""
    with db.atomic():
        congress.get_term(db, term_id)
        existing = set(
            column_values(
                db,
                "SELECT branch_id FROM congress_delegations WHERE term_id = ? AND branch_id IS NOT NULL",
                [term_id],
            )
        )
        names = set(
            column_values(db, "SELECT name FROM congress_delegations WHERE term_id = ?", [term_id])
        )
        order = db.execute(
            "SELECT coalesce(max(sort_order), 0) FROM congress_delegations WHERE term_id = ?",
            [term_id],
        ).fetchone()[0]
        added = 0
        for branch_id, branch_name in db.execute(
            "SELECT id, name FROM branches WHERE active = 1 ORDER BY sort_order, id"
        ).fetchall():
            if branch_id in existing:
                continue
            name = delegation_name_for_branch(branch_name)
            if name in names:
                continue
            order += 1
            audit.insert(
                db,
                "congress_delegations",
                {"term_id": term_id, "name": name, "branch_id": branch_id, "sort_order": order},
            )
            names.add(name)
            added += 1
    return OpResult(Changes.of(AREA), added)


def add_delegation(
    db: sqlite_utils.Database, term_id: int, name: str, *, branch_id: int | None = None
) -> OpResult:
    name = _required_text(name, "代表团名称", "name")
    with db.atomic():
        congress.get_term(db, term_id)
        if db.execute(
            "SELECT 1 FROM congress_delegations WHERE term_id = ? AND name = ?", [term_id, name]
        ).fetchone():
            raise ValidationError(f"代表团“{name}”已存在", "name")
        order = db.execute(
            "SELECT coalesce(max(sort_order), 0) + 1 FROM congress_delegations WHERE term_id = ?",
            [term_id],
        ).fetchone()[0]
        row_id = audit.insert(
            db,
            "congress_delegations",
            {"term_id": term_id, "name": name, "branch_id": branch_id, "sort_order": order},
        )
    return OpResult(Changes.of(AREA), row_id)


def rename_delegation(db: sqlite_utils.Database, delegation_id: int, name: str) -> OpResult:
    name = _required_text(name, "代表团名称", "name")
    with db.atomic():
        g = get_delegation(db, delegation_id)
        if db.execute(
            "SELECT 1 FROM congress_delegations WHERE term_id = ? AND name = ? AND id != ?",
            [g.term_id, name, delegation_id],
        ).fetchone():
            raise ValidationError(f"代表团“{name}”已存在", "name")
        before = audit.update(db, "congress_delegations", delegation_id, {"name": name})
    return OpResult(Changes.of(AREA), delegation_id, undo=before)


def set_head(db: sqlite_utils.Database, delegation_id: int, member_id: int | None) -> OpResult:
    """Make a delegate of this delegation its 团长 (``None`` clears it)."""
    with db.atomic():
        g = get_delegation(db, delegation_id)
        if member_id is not None:
            ok = db.execute(
                "SELECT 1 FROM congress_delegates WHERE delegation_id = ? AND member_id = ? AND end_date IS NULL",
                [delegation_id, member_id],
            ).fetchone()
            if not ok:
                raise ValidationError(f"团长必须是“{g.name}”的现任代表", "head")
        before = audit.update(
            db, "congress_delegations", delegation_id, {"head_member_id": member_id}
        )
    return OpResult(Changes.of(AREA), delegation_id, undo=before)


def move_delegation(db: sqlite_utils.Database, delegation_id: int, delta: int) -> OpResult:
    """Move a delegation up (-1) or down (+1) in the printed order."""
    with db.atomic():
        g = get_delegation(db, delegation_id)
        ids = [d.id for d in list_delegations(db, g.term_id)]
        move_row(db, "congress_delegations", ids, delegation_id, delta, "sort_order")
    return OpResult(Changes.of(AREA), delegation_id)


def delete_delegation(db: sqlite_utils.Database, delegation_id: int) -> OpResult:
    with db.atomic():
        g = get_delegation(db, delegation_id)
        used = db.execute(
            "SELECT count(*) FROM congress_delegates WHERE delegation_id = ?", [delegation_id]
        ).fetchone()[0]
        if used:
            raise ConflictError(
                f"代表团“{g.name}”有 {used} 条代表记录，不能删除；请先把代表调到其他代表团。"
            )
        if (
            "proposals" in db.table_names()
            and db.execute(
                "SELECT 1 FROM proposals WHERE delegation_id = ?", [delegation_id]
            ).fetchone()
        ):
            raise ConflictError(f"代表团“{g.name}”提出过集体提案，不能删除。")
        before = audit.delete(db, "congress_delegations", delegation_id)
    return OpResult(Changes.of(AREA), delegation_id, undo=before)


def default_delegation_id(db: sqlite_utils.Database, term_id: int, member_id: int) -> int | None:
    """The delegation of the member's 分工会 in this term, if there is one."""
    row = db.execute(
        "SELECT g.id FROM congress_delegations g JOIN members m ON m.branch_id = g.branch_id"
        " WHERE g.term_id = ? AND m.id = ? ORDER BY g.sort_order LIMIT 1",
        [term_id, member_id],
    ).fetchone()
    return row[0] if row else None


# --------------------------------------------------------------------------- delegates


def guess_category(member: Mapping[str, Any], categories: Iterable[str]) -> str:
    """A sensible default 类别 from the member's 职称 and 部门 (the user can change it).

    >>> guess_category({"title": "副教授", "department": "会计系"}, ["教师", "管理", "教辅", "工勤", "其他"])
    '教师'
    >>> guess_category({"title": "馆员", "department": "流通部", "branch": "图书馆分工会"}, ["教师", "管理", "教辅", "工勤", "其他"])
    '教辅'
    """
    options = list(categories)
    title = str(member.get("title") or "")
    # The 分工会 name helps (图书馆分工会) but its suffix must not read as an office.
    place = (
        f"{member.get('department') or ''}{str(member.get('branch') or '').replace('分工会', '')}"
    )

    def pick(name: str) -> str:
        return name if name in options else options[-1]

    if any(h in place for h in SUPPORT_HINTS) or "实验" in title or "馆员" in title:
        return pick("教辅")
    if any(h in place for h in SERVICE_HINTS):
        return pick("工勤")
    if any(h in place for h in ADMIN_HINTS):
        return pick("管理")
    if any(t in title for t in TEACHING_TITLES) or any(h in place for h in TEACHING_PLACES):
        return pick("教师")
    return pick("其他")


_DELEGATE_SELECT = """
    SELECT d.id, d.term_id, d.member_id, m.name, m.gender, m.birth_date, m.staff_no, m.status AS member_status,
           b.name AS branch, m.department, m.title, d.delegate_type, d.delegation_id,
           g.name AS delegation, g.sort_order AS delegation_order, d.category, d.start_date, d.end_date,
           d.start_reason, d.end_reason, d.replaces_id, d.notes, d.continues_id,
           CASE WHEN g.head_member_id = d.member_id THEN 1 ELSE 0 END AS is_head,
           m.name_pinyin
    FROM congress_delegates d
    JOIN members m ON m.id = d.member_id
    JOIN branches b ON b.id = m.branch_id
    LEFT JOIN congress_delegations g ON g.id = d.delegation_id
"""
_TYPE_ORDER = "CASE d.delegate_type WHEN '正式代表' THEN 0 WHEN '列席代表' THEN 1 ELSE 2 END"


# The member's 会籍状态 on a day (as services.member_status.status_on, in SQL).
_STATUS_ON = (
    "coalesce((SELECT e.to_status FROM member_status_events e WHERE e.member_id = d.member_id"
    " AND e.event_date <= ? ORDER BY e.event_date DESC, e.id DESC LIMIT 1),"
    " (SELECT e.from_status FROM member_status_events e WHERE e.member_id = d.member_id"
    " ORDER BY e.event_date, e.id LIMIT 1),"
    " (SELECT mm.status FROM members mm WHERE mm.id = d.member_id))"
)


def _on_clause(on: _dt.date | str) -> tuple[str, list[Any]]:
    """Delegates on a day. A 正式代表 counts only while the member is 在会 that day (issue 20:
    a retiree, even 保留会籍, is no longer a 正式代表 and not in 应到)."""
    day = on.isoformat() if isinstance(on, _dt.date) else on
    return (
        "d.start_date <= ? AND (d.end_date IS NULL OR d.end_date > ?)"
        f" AND (d.delegate_type != '正式代表' OR {_STATUS_ON} = '在会')",
        [day, day, day],
    )


def delegates_on(
    db: sqlite_utils.Database,
    term_id: int,
    on: _dt.date | str,
    *,
    types: Iterable[str] | None = None,
    search: str = "",
) -> list[dict[str, Any]]:
    """The delegates of a term on a day, by delegation then type then pinyin.

    >>> # [d["name"] for d in delegates_on(db, term_id, "2024-03-15", types=["正式代表"])]
    """
    clause, params = _on_clause(on)
    sql = _DELEGATE_SELECT + f" WHERE d.term_id = ? AND {clause}"
    params = [term_id, *params]
    if types is not None:
        types = list(types)
        sql += f" AND d.delegate_type IN ({','.join('?' for _ in types)})"
        params += types
    sql, params = _search(sql, params, search)
    sql += f" ORDER BY coalesce(g.sort_order, 9999), g.id, {_TYPE_ORDER}, m.name_pinyin, d.id"
    return list(db.query(sql, params))


def session_delegates(
    db: sqlite_utils.Database,
    session_id: int,
    *,
    types: Iterable[str] | None = None,
    search: str = "",
) -> list[dict[str, Any]]:
    """The delegates of the session's term on the session's date."""
    session = congress.get_session(db, session_id)
    return delegates_on(db, session.term_id, session.date, types=types, search=search)


def _search(sql: str, params: list[Any], search: str) -> tuple[str, list[Any]]:
    from guilin_union.core.text import to_halfwidth

    for term in to_halfwidth(search or "").split():
        like = f"%{term}%"
        sql += (
            " AND (m.name LIKE ? OR m.name_initials LIKE ? OR m.name_pinyin LIKE ? OR m.staff_no LIKE ?"
            " OR g.name LIKE ? OR b.name LIKE ?)"
        )
        params += [like, f"{term.lower()}%", f"{term.lower()}%", like, like, like]
    return sql, params


def list_term_delegates(
    db: sqlite_utils.Database,
    term_id: int,
    *,
    include_ended: bool = True,
    search: str = "",
    delegate_type: str | None = None,
    delegation_id: int | None = None,
) -> list[dict[str, Any]]:
    """Every delegate period of a term (current ones first), for the 代表 page."""
    sql = _DELEGATE_SELECT + " WHERE d.term_id = ?"
    params: list[Any] = [term_id]
    if not include_ended:
        sql += " AND d.end_date IS NULL"
    if delegate_type:
        sql += " AND d.delegate_type = ?"
        params.append(delegate_type)
    if delegation_id is not None:
        sql += " AND d.delegation_id = ?"
        params.append(delegation_id)
    sql, params = _search(sql, params, search)
    sql += f" ORDER BY d.end_date IS NOT NULL, coalesce(g.sort_order, 9999), {_TYPE_ORDER}, m.name_pinyin, d.id"
    return list(db.query(sql, params))


def get_delegate(db: sqlite_utils.Database, delegate_id: int) -> dict[str, Any]:
    return one_row(
        db, _DELEGATE_SELECT + " WHERE d.id = ?", [delegate_id], "代表记录不存在（可能已被删除）"
    )


def is_formal_delegate_on(
    db: sqlite_utils.Database, term_id: int, member_id: int, on: _dt.date | str
) -> bool:
    clause, params = _on_clause(on)
    return (
        db.execute(
            f"SELECT 1 FROM congress_delegates d WHERE d.term_id = ? AND d.member_id = ? AND d.delegate_type = '正式代表' AND {clause}",
            [term_id, member_id, *params],
        ).fetchone()
        is not None
    )


def delegate_periods(db: sqlite_utils.Database, member_id: int) -> list[dict[str, Any]]:
    """Every mandate of a member across terms (for the member form's history page)."""
    sql = _DELEGATE_SELECT.replace(
        "SELECT d.id", "SELECT t.number AS term_number, t.start_year, t.end_year, d.id"
    ).replace(
        "FROM congress_delegates d",
        "FROM congress_delegates d JOIN congress_terms t ON t.id = d.term_id",
    )
    return list(db.query(sql + " WHERE d.member_id = ? ORDER BY d.start_date", [member_id]))


def _required_text(value: Any, label: str, field: str) -> str:
    text = clean_cell_text(str(value or ""))
    if not text:
        raise ValidationError(f"{label}不能为空", field)
    return text


def _iso(value: Any, field: str) -> str:
    return parse_date(value, field=field).isoformat()


def _check_member(db: sqlite_utils.Database, member_id: int, delegate_type: str) -> dict[str, Any]:
    row = db.execute(
        "SELECT id, name, status, title, department, branch_id FROM members WHERE id = ?",
        [member_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("会员不存在（可能已被删除）")
    member = {"id": row[0], "name": row[1], "status": row[2], "title": row[3], "department": row[4]}
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [row[5]]).fetchone()
    member["branch"] = branch[0] if branch else ""
    if delegate_type == congress.FORMAL and member["status"] != "在会":
        raise ValidationError(
            f"{member['name']}的会籍状态为“{member['status']}”，不能当选正式代表", "member"
        )
    if member["status"] in ("去世", "开除"):
        raise ValidationError(
            f"{member['name']}的会籍状态为“{member['status']}”，不能作为代表", "member"
        )
    return member


def _check_overlap(
    db: sqlite_utils.Database,
    term_id: int,
    member_id: int,
    start: str,
    end: str | None,
    exclude_id: int | None,
) -> None:
    row = db.execute(
        "SELECT d.start_date, d.end_date, m.name FROM congress_delegates d JOIN members m ON m.id = d.member_id"
        " WHERE d.term_id = ? AND d.member_id = ? AND d.id IS NOT ?"
        " AND d.start_date < coalesce(?, '9999-12-31') AND coalesce(d.end_date, '9999-12-31') > ?",
        [term_id, member_id, exclude_id, end, start],
    ).fetchone()
    if row:
        period = f"{row[0]} 起" + (f"至 {row[1]}" if row[1] else "")
        raise ValidationError(
            f"{row[2]}在本届已是代表（{period}），同一时间只能有一条代表记录", "member"
        )


def _check_in_term(term: congress.Term, day: str, field: str) -> None:
    year = int(day[:4])
    if not term.start_year <= year <= term.end_year:
        raise ValidationError(f"日期 {day} 不在{term.label}内", field)


def _clean_delegate(
    db: sqlite_utils.Database,
    term: congress.Term,
    member: Mapping[str, Any],
    data: Mapping[str, Any],
) -> dict[str, Any]:
    rule = congress.rules(db)
    delegate_type = data.get("delegate_type") or congress.FORMAL
    if delegate_type not in DELEGATE_TYPES:
        raise ValidationError("代表类型应为：" + "、".join(DELEGATE_TYPES), "delegate_type")
    category = clean_cell_text(str(data.get("category") or "")) or guess_category(
        member, rule.categories
    )
    if category not in rule.categories:
        raise ValidationError("代表类别应为：" + "、".join(rule.categories), "category")
    delegation_id = data.get("delegation_id")
    if delegation_id is not None:
        row = db.execute(
            "SELECT term_id FROM congress_delegations WHERE id = ?", [delegation_id]
        ).fetchone()
        if row is None or row[0] != term.id:
            raise ValidationError("代表团不属于本届", "delegation")
    start_reason = data.get("start_reason") or "当选"
    if start_reason not in START_REASONS:
        raise ValidationError("产生方式应为：" + "、".join(START_REASONS), "start_reason")
    return {
        "delegate_type": delegate_type,
        "category": category,
        "delegation_id": delegation_id,
        "start_reason": start_reason,
        "notes": clean_cell_text(str(data.get("notes") or "")) or None,
    }


def default_start_date(db: sqlite_utils.Database, term_id: int) -> str:
    """The first session of the term (delegates are elected before it), else 1 January of
    the term's first year."""
    row = db.execute(
        "SELECT min(start_date) FROM congress_sessions WHERE term_id = ?", [term_id]
    ).fetchone()
    if row and row[0]:
        return row[0]
    return f"{congress.get_term(db, term_id).start_year}-01-01"


def add_delegate(
    db: sqlite_utils.Database,
    term_id: int,
    member_id: int,
    *,
    delegate_type: str = congress.FORMAL,
    category: str | None = None,
    delegation_id: int | None = None,
    start_date: Any = None,
    start_reason: str = "当选",
    notes: str | None = None,
    replaces_id: int | None = None,
) -> OpResult:
    """Elect a member as a delegate of a term (one transaction, logged).

    The delegation defaults to the one of the member's 分工会, the category is guessed from
    职称/部门, the start date defaults to the term's first session.
    """
    with db.atomic():
        row_id = _insert_delegate(
            db,
            term_id,
            member_id,
            delegate_type=delegate_type,
            category=category,
            delegation_id=delegation_id,
            start_date=start_date,
            start_reason=start_reason,
            notes=notes,
            replaces_id=replaces_id,
        )
    return OpResult(Changes.of(AREA), row_id)


def _insert_delegate(db: sqlite_utils.Database, term_id: int, member_id: int, **data: Any) -> int:
    term = congress.get_term(db, term_id)
    member = _check_member(db, member_id, data.get("delegate_type") or congress.FORMAL)
    if data.get("delegation_id") is None:
        data["delegation_id"] = default_delegation_id(db, term_id, member_id)
    clean = _clean_delegate(db, term, member, data)
    start = (
        _iso(data["start_date"], "start_date")
        if data.get("start_date")
        else default_start_date(db, term_id)
    )
    _check_in_term(term, start, "start_date")
    _check_overlap(db, term_id, member_id, start, None, None)
    return audit.insert(
        db,
        "congress_delegates",
        {
            "term_id": term_id,
            "member_id": member_id,
            **clean,
            "start_date": start,
            "end_date": None,
            "end_reason": None,
            "replaces_id": data.get("replaces_id"),
        },
    )


def add_delegates(
    db: sqlite_utils.Database, term_id: int, member_ids: Iterable[int], **data: Any
) -> OpResult:
    """Elect several members at once (all or none). ``row_id`` is the number added."""
    ids = list(dict.fromkeys(member_ids))
    with db.atomic():
        for member_id in ids:
            _insert_delegate(db, term_id, member_id, **data)
    return OpResult(Changes.of(AREA), len(ids))


DELEGATE_EDITABLE = (
    "delegate_type",
    "category",
    "delegation_id",
    "start_date",
    "start_reason",
    "notes",
)


def update_delegate(
    db: sqlite_utils.Database, delegate_id: int, data: Mapping[str, Any]
) -> OpResult:
    """Edit type, category, delegation, start date or notes of one delegate period."""
    unknown = set(data) - set(DELEGATE_EDITABLE)
    if unknown:
        raise ValidationError("不能在此修改：" + "、".join(sorted(unknown)))
    with db.atomic():
        current = get_delegate(db, delegate_id)
        term = congress.get_term(db, current["term_id"])
        merged = {k: current[k] for k in DELEGATE_EDITABLE}
        merged.update(data)
        member = (
            _check_member(db, current["member_id"], merged["delegate_type"])
            if merged["delegate_type"] != current["delegate_type"]
            else {
                "title": current["title"],
                "department": current["department"],
                "branch": current["branch"],
            }
        )
        clean = _clean_delegate(db, term, member, merged)
        start = _iso(merged["start_date"], "start_date")
        _check_in_term(term, start, "start_date")
        if current["end_date"] and start >= current["end_date"]:
            raise ValidationError("开始日期必须早于资格终止日期", "start_date")
        _check_overlap(
            db, current["term_id"], current["member_id"], start, current["end_date"], delegate_id
        )
        before = audit.update(db, "congress_delegates", delegate_id, {**clean, "start_date": start})
        if clean["delegation_id"] != current["delegation_id"] and current["is_head"]:
            audit.update(
                db,
                "congress_delegations",
                current["delegation_id"],
                {"head_member_id": None},
                note="团长调到其他代表团",
            )
    return OpResult(Changes.of(AREA), delegate_id, undo=before)


def end_delegate(
    db: sqlite_utils.Database, delegate_id: int, end_date: Any, reason: str
) -> OpResult:
    """End a mandate (调离, 退休, 辞去…) from ``end_date`` on, without a successor."""
    reason = _required_text(reason, "终止原因", "end_reason")
    with db.atomic():
        current = get_delegate(db, delegate_id)
        end = _iso(end_date, "end_date")
        if current["end_date"]:
            raise ConflictError(f"{current['name']}的代表资格已于 {current['end_date']} 终止")
        if end <= current["start_date"]:
            raise ValidationError(
                f"终止日期必须晚于开始日期（{current['start_date']}）", "end_date"
            )
        before = audit.update(
            db, "congress_delegates", delegate_id, {"end_date": end, "end_reason": reason}
        )
        if current["is_head"]:
            audit.update(
                db,
                "congress_delegations",
                current["delegation_id"],
                {"head_member_id": None},
                note=f"团长{current['name']}代表资格终止",
            )
    return OpResult(Changes.of(AREA), delegate_id, undo=before)


def replace_delegate(
    db: sqlite_utils.Database,
    delegate_id: int,
    new_member_id: int,
    *,
    on_date: Any,
    reason: str,
    start_reason: str = "更换",
    category: str | None = None,
) -> OpResult:
    """更换/补选: the old mandate ends on ``on_date`` and the new member's starts that day,
    with the same type and delegation (a 团长 hands over to the successor). ``row_id`` is the
    new delegate row.
    """
    reason = _required_text(reason, "更换原因", "end_reason")
    if start_reason not in ("更换", "补选"):
        raise ValidationError("产生方式应为“更换”或“补选”", "start_reason")
    with db.atomic():
        old = get_delegate(db, delegate_id)
        if old["end_date"]:
            raise ConflictError(f"{old['name']}的代表资格已于 {old['end_date']} 终止，不能再更换")
        if new_member_id == old["member_id"]:
            raise ValidationError("接替的代表不能是原代表本人", "member")
        day = _iso(on_date, "on_date")
        if day <= old["start_date"]:
            raise ValidationError(
                f"更换日期必须晚于原代表的开始日期（{old['start_date']}）", "on_date"
            )
        audit.update(db, "congress_delegates", delegate_id, {"end_date": day, "end_reason": reason})
        new_id = _insert_delegate(
            db,
            old["term_id"],
            new_member_id,
            delegate_type=old["delegate_type"],
            category=category,
            delegation_id=old["delegation_id"],
            start_date=day,
            start_reason=start_reason,
            notes=f"接替{old['name']}（{reason}）",
            replaces_id=delegate_id,
        )
        if old["is_head"]:
            audit.update(
                db,
                "congress_delegations",
                old["delegation_id"],
                {"head_member_id": new_member_id},
                note=f"团长由{old['name']}更换",
            )
    return OpResult(Changes.of(AREA), new_id)


def reopen_delegate(db: sqlite_utils.Database, delegate_id: int) -> OpResult:
    """Undo an end (or a replacement when the successor's row was deleted)."""
    with db.atomic():
        current = get_delegate(db, delegate_id)
        if db.execute(
            "SELECT 1 FROM congress_delegates WHERE replaces_id = ?", [delegate_id]
        ).fetchone():
            raise ConflictError("该代表已有接替者，请先删除接替者的记录")
        _check_overlap(
            db, current["term_id"], current["member_id"], current["start_date"], None, delegate_id
        )
        before = audit.update(
            db,
            "congress_delegates",
            delegate_id,
            {"end_date": None, "end_reason": None},
            note="撤销资格终止",
        )
    return OpResult(Changes.of(AREA), delegate_id, undo=before)


def delete_delegate(db: sqlite_utils.Database, delegate_id: int) -> OpResult:
    """Remove a delegate row entered by mistake; refused once it carries sign-in records or
    proposals (then end the mandate instead)."""
    with db.atomic():
        current = get_delegate(db, delegate_id)
        if db.execute(
            "SELECT 1 FROM congress_attendance WHERE delegate_id = ?", [delegate_id]
        ).fetchone():
            raise ConflictError(
                f"{current['name']}已有签到记录，不能删除；如已不再担任代表，请使用“终止资格”或“更换”。"
            )
        if db.execute(
            "SELECT 1 FROM congress_delegates WHERE replaces_id = ?", [delegate_id]
        ).fetchone():
            raise ConflictError("该代表已有接替者，请先删除接替者的记录")
        undo: dict[str, Any] = {}
        if current["replaces_id"]:
            replaced = audit.update(
                db,
                "congress_delegates",
                current["replaces_id"],
                {"end_date": None, "end_reason": None},
                note="接替者记录删除，恢复原代表",
            )
            undo["replaced"] = {k: replaced[k] for k in ("id", "end_date", "end_reason")}
        if current["is_head"]:
            delegation = audit.update(
                db, "congress_delegations", current["delegation_id"], {"head_member_id": None}
            )
            undo["delegation"] = {k: delegation[k] for k in ("id", "head_member_id")}
        before = audit.delete(db, "congress_delegates", delegate_id)
    saved = {**before, **({"_undo": undo} if undo else {})}
    return OpResult(
        Changes.of(AREA), delegate_id, undo=saved, inverse=lambda d: restore_delegate(d, saved)
    )


def restore_delegate(db: sqlite_utils.Database, row: Mapping[str, Any]) -> OpResult:
    """Undo of a delete: put the row back with its id, and what the delete changed along
    (the replaced delegate's end, the delegation's head); its ``inverse`` deletes again."""
    row = dict(row)
    undo = row.pop("_undo", None)
    with db.atomic():
        row_id = audit.insert(db, "congress_delegates", row, note="撤销删除")
        if undo is not None:
            for table, key in (
                ("congress_delegates", "replaced"),
                ("congress_delegations", "delegation"),
            ):
                if key in undo:
                    values = dict(undo[key])
                    audit.update(db, table, values.pop("id"), values, note="撤销删除")
        elif row.get("replaces_id"):  # an older snapshot without the details
            audit.update(
                db,
                "congress_delegates",
                row["replaces_id"],
                {"end_date": row["start_date"], "end_reason": "更换"},
            )
    return OpResult(Changes.of(AREA), row_id, inverse=lambda d: delete_delegate(d, row_id))


# --------------------------------------------------------------------------- composition


@dataclass
class DelegationCount:
    name: str
    formal: int = 0
    attending: int = 0  # 列席代表
    special: int = 0  # 特邀代表
    head: str = ""

    @property
    def total(self) -> int:
        return self.formal + self.attending + self.special


@dataclass
class Composition:
    """构成统计 of the delegates on one day (shares are of the 正式代表)."""

    on: _dt.date
    by_type: dict[str, int]
    by_delegation: list[DelegationCount]
    by_category: dict[str, int]
    formal: int
    teachers: int
    teacher_min_percent: int
    women: int
    age_bands: list[tuple[str, int]]
    warnings: list[str] = field(default_factory=list)

    @property
    def teacher_share(self) -> str:
        return percent_text(self.teachers, self.formal)

    @property
    def women_share(self) -> str:
        return percent_text(self.women, self.formal)

    @property
    def teacher_ok(self) -> bool:
        return share_at_least(self.teachers, self.formal, self.teacher_min_percent)

    def summary_lines(self) -> list[str]:
        """The composition in sentences, as printed under the roster."""
        types = "，".join(f"{t} {self.by_type.get(t, 0)} 人" for t in DELEGATE_TYPES)
        cats = "，".join(f"{c} {n} 人" for c, n in self.by_category.items() if n)
        ages = "，".join(f"{label} {n} 人" for label, n in self.age_bands if n)
        return [
            f"代表共 {sum(self.by_type.values())} 人：{types}。",
            f"正式代表中：{cats}；教师代表占 {self.teacher_share}（规定不低于 {self.teacher_min_percent}%）；"
            f"女代表 {self.women} 人，占 {self.women_share}。",
            f"正式代表年龄：{ages}。" if ages else "正式代表年龄：无出生日期记录。",
        ]


def age_band_labels(bands: Iterable[int]) -> list[str]:
    """``[35, 45, 55]`` → ``35岁及以下, 36—45岁, 46—55岁, 56岁及以上``.

    >>> age_band_labels([35, 45])
    ['35岁及以下', '36—45岁', '46岁及以上']
    """
    bands = sorted(bands)
    labels = [f"{bands[0]}岁及以下"] if bands else []
    labels += [f"{a + 1}—{b}岁" for a, b in zip(bands, bands[1:])]
    labels.append(f"{bands[-1] + 1}岁及以上" if bands else "全部")
    return labels


def _band_index(age: int, bands: list[int]) -> int:
    for i, upper in enumerate(bands):
        if age <= upper:
            return i
    return len(bands)


def composition(db: sqlite_utils.Database, term_id: int, on: _dt.date | str) -> Composition:
    """Counts by type and delegation, teacher and women shares, age bands, with warnings
    (teacher share under the setting, delegations without a head, delegates who are no
    longer 在会)."""
    day = on if isinstance(on, _dt.date) else _dt.date.fromisoformat(on)
    rule = congress.rules(db)
    rows = delegates_on(db, term_id, day)
    by_type = Counter(r["delegate_type"] for r in rows)
    formal = [r for r in rows if r["delegate_type"] == congress.FORMAL]
    delegations: dict[str, DelegationCount] = {}
    for g in list_delegations(db, term_id):
        delegations[g.name] = DelegationCount(g.name, head=g.head_name or "")
    for r in rows:
        name = r["delegation"] or "（未分团）"
        count = delegations.setdefault(name, DelegationCount(name))
        if r["delegate_type"] == congress.FORMAL:
            count.formal += 1
        elif r["delegate_type"] == "列席代表":
            count.attending += 1
        else:
            count.special += 1
    by_category = {c: 0 for c in rule.categories}
    for r in formal:
        by_category[r["category"]] = by_category.get(r["category"], 0) + 1
    teachers = by_category.get("教师", 0)
    women = sum(1 for r in formal if r["gender"] == "女")
    bands = list(rule.age_bands)
    labels = age_band_labels(bands)
    band_counts = [0] * len(labels)
    unknown = 0
    for r in formal:
        if not r["birth_date"]:
            unknown += 1
            continue
        band_counts[_band_index(age_on(_dt.date.fromisoformat(r["birth_date"]), day), bands)] += 1
    age_rows = list(zip(labels, band_counts))
    if unknown:
        age_rows.append(("出生日期不详", unknown))
    result = Composition(
        on=day,
        by_type={t: by_type.get(t, 0) for t in DELEGATE_TYPES},
        by_delegation=[c for c in delegations.values() if c.total or c.name != "（未分团）"],
        by_category=by_category,
        formal=len(formal),
        teachers=teachers,
        teacher_min_percent=rule.teacher_min_percent,
        women=women,
        age_bands=age_rows,
    )
    if formal and not result.teacher_ok:
        result.warnings.append(
            f"教师代表占正式代表的 {result.teacher_share}，低于规定的 {rule.teacher_min_percent}%"
            f"（{teachers}/{len(formal)} 人）。"
        )
    if not formal:
        result.warnings.append("尚无正式代表。")
    missing_head = [c.name for c in result.by_delegation if c.total and not c.head]
    if missing_head:
        result.warnings.append("以下代表团尚未指定团长：" + "、".join(missing_head) + "。")
    # Today's 会籍 says nothing about a term long past: only the current term is checked.
    current_term = congress.get_term(db, term_id).end_year >= _dt.date.today().year
    gone = (
        []
        if not current_term
        else [
            f"{r['name']}（{r['member_status']}）"
            for r in rows
            if r["member_status"] != "在会" and r["delegate_type"] == congress.FORMAL
        ]
    )
    if gone:
        result.warnings.append(
            "以下正式代表已不在会，请办理更换或终止资格：" + "、".join(gone) + "。"
        )
    return result


def counts_by_type(db: sqlite_utils.Database, term_id: int, on: _dt.date | str) -> dict[str, int]:
    clause, params = _on_clause(on)
    found = dict(
        db.execute(
            f"SELECT d.delegate_type, count(*) FROM congress_delegates d WHERE d.term_id = ? AND {clause} GROUP BY d.delegate_type",
            [term_id, *params],
        ).fetchall()
    )
    return {t: found.get(t, 0) for t in DELEGATE_TYPES}


# --------------------------------------------------------------------------- following the register

STATUS_END_PREFIX = "会籍变更："


def follow_status_change(
    db: sqlite_utils.Database, member_id: int, day: str, action: str
) -> list[int]:
    """A change of 会籍状态 (退休, 转出, 退会, 去世, 开除) ends the member's running mandates on
    that day, with the reason ``会籍变更：<action>``; called by services.member_status inside
    its transaction. Returns the ended delegate ids (they appear in :func:`vacancies`)."""
    ended = []
    for delegate_id, is_head, delegation_id, name in db.execute(
        "SELECT d.id, CASE WHEN g.head_member_id = d.member_id THEN 1 ELSE 0 END, d.delegation_id, m.name"
        " FROM congress_delegates d JOIN members m ON m.id = d.member_id"
        " LEFT JOIN congress_delegations g ON g.id = d.delegation_id"
        " WHERE d.member_id = ? AND d.start_date < ? AND (d.end_date IS NULL OR d.end_date > ?)",
        [member_id, day, day],
    ).fetchall():
        audit.update(
            db,
            "congress_delegates",
            delegate_id,
            {"end_date": day, "end_reason": f"{STATUS_END_PREFIX}{action}"},
            note=f"{name}会籍变更（{action}），代表资格自 {day} 终止",
        )
        if is_head:
            audit.update(
                db,
                "congress_delegations",
                delegation_id,
                {"head_member_id": None},
                note=f"团长{name}会籍变更",
            )
        ended.append(delegate_id)
    return ended


def undo_status_change(db: sqlite_utils.Database, member_id: int, day: str, action: str) -> None:
    """The status change was taken back: mandates it ended come back (unless a successor or
    a 列席 continuation was entered meanwhile)."""
    for (delegate_id,) in db.execute(
        "SELECT id FROM congress_delegates WHERE member_id = ? AND end_date = ? AND end_reason = ?",
        [member_id, day, f"{STATUS_END_PREFIX}{action}"],
    ).fetchall():
        if db.execute(
            "SELECT 1 FROM congress_delegates WHERE replaces_id = ? OR continues_id = ?",
            [delegate_id, delegate_id],
        ).fetchone():
            continue
        audit.update(
            db,
            "congress_delegates",
            delegate_id,
            {"end_date": None, "end_reason": None},
            note="撤销会籍变更，恢复代表资格",
        )


def vacancies(db: sqlite_utils.Database, term_id: int) -> list[dict[str, Any]]:
    """正式代表 seats left empty (mandate ended, no successor): the 补选/递补 to-do list.

    Each: ``{"delegate_id", "name", "delegation", "end_date", "reason", "continued_as"}``.
    """
    rows = db.execute(
        "SELECT d.id, m.name, g.name, d.end_date, d.end_reason,"
        " (SELECT c.delegate_type FROM congress_delegates c WHERE c.continues_id = d.id LIMIT 1)"
        " FROM congress_delegates d JOIN members m ON m.id = d.member_id"
        " LEFT JOIN congress_delegations g ON g.id = d.delegation_id"
        " WHERE d.term_id = ? AND d.delegate_type = '正式代表' AND d.end_date IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM congress_delegates r WHERE r.replaces_id = d.id)"
        " ORDER BY d.end_date, m.name_pinyin",
        [term_id],
    ).fetchall()
    return [
        {
            "delegate_id": r[0],
            "name": r[1],
            "delegation": r[2] or "",
            "end_date": r[3],
            "reason": r[4] or "",
            "continued_as": r[5],
        }
        for r in rows
    ]


def continue_as_attending(
    db: sqlite_utils.Database, delegate_id: int, *, note: str | None = None
) -> OpResult:
    """A 正式代表 whose mandate ended (e.g. on retirement) is invited to go on as 列席代表
    from the end date; the new row points at the old one (``continues_id``) and is marked."""
    with db.atomic():
        old = get_delegate(db, delegate_id)
        if old["delegate_type"] != congress.FORMAL or not old["end_date"]:
            raise ConflictError(f"{old['name']}的正式代表资格尚未终止，不能改为列席")
        if db.execute(
            "SELECT 1 FROM congress_delegates WHERE continues_id = ?", [delegate_id]
        ).fetchone():
            raise ConflictError(f"{old['name']}已改为列席代表")
        new_id = _insert_delegate(
            db,
            old["term_id"],
            old["member_id"],
            delegate_type="列席代表",
            category=old["category"],
            delegation_id=old["delegation_id"],
            start_date=old["end_date"],
            start_reason="增补",
            notes=clean_cell_text(str(note or ""))
            or f"原正式代表，{old['end_reason'] or '资格终止'}后邀请列席",
        )
        audit.update(db, "congress_delegates", new_id, {"continues_id": delegate_id})
    return OpResult(Changes.of(AREA), new_id)


def current_member_ids(db: sqlite_utils.Database, term_id: int) -> set[int]:
    """Members who are delegates of the term today (no end date)."""
    return set(
        column_values(
            db,
            "SELECT member_id FROM congress_delegates WHERE term_id = ? AND end_date IS NULL",
            [term_id],
        )
    )
