"""Lists of proposals (filters, search, SQL sorting, overdue) and the 提案工作报告 statistics.

Definitions used by the statistics (printed on the report so that readers know them):

- 立案 = the review result is 立案 (重点 or 一般);
- 办复 = an accepted proposal whose *current* round has a reply (a proposal sent back by
  不满意 counts again only when the new reply comes);
- 办复率 = 办复 / 立案;
- 满意率 = (满意 + 基本满意) / proposals whose current round has been rated;
- 逾期 = handling, past the current round's deadline, with no reply.

>>> # ids = query_ids(db, ProposalQuery(session_id=3, overdue=True))
>>> # stats = session_stats(db, 3); stats.reply_rate
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.proposals import REVIEW_RESULTS
from guilin_union.core.text import to_halfwidth
from guilin_union.services import congress
from guilin_union.services.common_query import (
    SortedQuery,
    SortOrder,
    chunks,
    column_values,
    filter_clauses,
    in_order,
    where_sql,
)
from guilin_union.services.congress.rules import percent_text
from guilin_union.services.proposals import review_text, rules

SORT = SortOrder(
    {
        "number": "p.session_id, p.seq",
        "title": "p.title",
        "category": "p.category",
        "proposer": "coalesce(m.name_pinyin, g.name)",
        "status": "p.status",
        "review": "p.review_result",
        "department": "d.sort_order",
        "deadline": "r.reply_deadline",
        "reply_date": "r.reply_date",
        "rating": "r.rating",
        "submitted_on": "p.submitted_on",
    },
    tiebreak="p.seq, p.id",
)


@dataclass(frozen=True)
class ProposalQuery(SortedQuery, sort=SORT):
    """A filtered, sorted view; the same object drives the table, the Excel export and the
    一览表 so what is printed is what is shown."""

    session_id: int | None = None
    status: str | None = None
    category: str | None = None
    review_result: str | None = None
    department_id: int | None = None  # 主办 or 协办 in any round
    overdue: bool = False
    rating: str | None = None  # rating of the current round; "未评价" for none yet
    search: str = ""  # 案由, 理由, 建议 (and the number)
    today: _dt.date | None = None

    def on(self) -> str:
        return (self.today or _dt.date.today()).isoformat()


# The current round of every proposal (its highest round number).
_CURRENT_ROUND = (
    "LEFT JOIN proposal_rounds r ON r.proposal_id = p.id"
    " AND r.round_no = (SELECT max(x.round_no) FROM proposal_rounds x WHERE x.proposal_id = p.id)"
)
_FROM = (
    " FROM proposals p"
    " LEFT JOIN members m ON m.id = p.proposer_member_id"
    " LEFT JOIN congress_delegations g ON g.id = p.delegation_id"
    f" {_CURRENT_ROUND}"
    " LEFT JOIN proposal_departments d ON d.id = r.lead_department_id"
)
_OVERDUE = (
    "(p.status IN ('办理中', '转意见建议', '不立案') AND r.reply_date IS NULL"
    " AND r.reply_deadline < ?)"
)


def _choice(
    clauses: list[str],
    params: list[Any],
    value: str | None,
    column: str,
    not_yet: tuple[str, str],
) -> None:
    """Filter ``column`` by ``value``; ``not_yet`` is ``(the word for "none yet", its SQL)``."""
    word, sql = not_yet
    if value == word:
        clauses.append(sql)
    elif value:
        clauses.append(f"{column} = ?")
        params.append(value)


def _where(q: ProposalQuery) -> tuple[str, list[Any]]:
    clauses, params = filter_clauses(
        (
            ("p.session_id = ?", q.session_id),
            ("p.status = ?", q.status),
            ("p.category = ?", q.category),
        ),
    )
    _choice(
        clauses, params, q.review_result, "p.review_result", ("待审查", "p.review_result IS NULL")
    )
    if q.department_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM proposal_rounds r2 LEFT JOIN proposal_round_departments c ON c.round_id = r2.id"
            " WHERE r2.proposal_id = p.id AND (r2.lead_department_id = ? OR c.department_id = ?))"
        )
        params += [q.department_id, q.department_id]
    if q.overdue:
        clauses.append(_OVERDUE)
        params.append(q.on())
    _choice(
        clauses, params, q.rating, "r.rating", ("未评价", "r.id IS NOT NULL AND r.rating IS NULL")
    )
    for term in to_halfwidth(q.search or "").split():
        like = f"%{term}%"
        clauses.append(
            "(p.title LIKE ? OR p.reasons LIKE ? OR p.suggestions LIKE ? OR p.number LIKE ?)"
        )
        params += [like, like, like, like]
    return where_sql(clauses), params


def query_ids(db: sqlite_utils.Database, q: ProposalQuery) -> list[int]:
    where, params = _where(q)
    sql = f"SELECT p.id{_FROM}{where} ORDER BY {q.order_by()}"
    return column_values(db, sql, params)


def count(db: sqlite_utils.Database, q: ProposalQuery) -> int:
    where, params = _where(q)
    return db.execute(f"SELECT count(*){_FROM}{where}", params).fetchone()[0]


_ROW_SELECT = (
    "SELECT p.id, p.session_id, p.number, p.seq, p.title, p.category, p.kind, p.status, p.review_result,"
    " p.review_level, p.review_date, p.review_note, p.submitted_on, p.late_reason, p.reasons, p.suggestions,"
    " coalesce(m.name, '') AS proposer_name, coalesce(g.name, '') AS delegation_name,"
    " (SELECT t.number FROM proposals t WHERE t.id = p.merged_into_id) AS merged_into,"
    " r.round_no, r.assigned_on, r.reply_deadline, r.reply_date, r.reply_text, r.outcome, r.outcome_reason,"
    " r.rating, r.rating_date, d.name AS lead_department, r.id AS round_id,"
    " p.supervisor_member_id, (SELECT sm.name FROM members sm WHERE sm.id = p.supervisor_member_id)"
    " AS supervisor, p.excellent_on, p.suggestion_number, p.between_meetings, p.report_session_id,"
    f" CASE WHEN {_OVERDUE} THEN 1 ELSE 0 END AS overdue"
)


def fetch_rows(
    db: sqlite_utils.Database, ids: Iterable[int], *, today: _dt.date | None = None
) -> dict[int, dict[str, Any]]:
    """Display rows (a page of the table) keyed by id."""
    ids = list(ids)
    on = (today or _dt.date.today()).isoformat()
    result: dict[int, dict[str, Any]] = {}
    for chunk, marks in chunks(ids):
        for found in db.query(f"{_ROW_SELECT}{_FROM} WHERE p.id IN ({marks})", [on, *chunk]):
            result[found["id"]] = found
        people: dict[int, dict[str, list[str]]] = {}
        for pid, role, name in db.execute(
            f"SELECT x.proposal_id, x.role, m.name FROM proposal_people x JOIN members m ON m.id = x.member_id"
            f" WHERE x.proposal_id IN ({marks}) ORDER BY x.proposal_id, x.role, x.position, x.id",
            chunk,
        ):
            people.setdefault(pid, {}).setdefault(role, []).append(name)
        co_departments: dict[int, list[str]] = {}
        round_ids = [r["round_id"] for r in result.values() if r["id"] in chunk and r["round_id"]]
        if round_ids:
            round_marks = ",".join("?" for _ in round_ids)
            for round_id, name in db.execute(
                f"SELECT c.round_id, d.name FROM proposal_round_departments c"
                f" JOIN proposal_departments d ON d.id = c.department_id WHERE c.round_id IN ({round_marks})"
                f" ORDER BY d.sort_order, d.id",
                round_ids,
            ):
                co_departments.setdefault(round_id, []).append(name)
        for pid in chunk:
            row = result.get(pid)
            if row is None:
                continue
            row["seconders"] = people.get(pid, {}).get("附议人", [])
            row["co_proposers"] = people.get(pid, {}).get("联名提案人", [])
            row["co_departments"] = co_departments.get(row["round_id"], [])
            row["proposer"] = (
                row["delegation_name"]
                + (f"（联系人：{row['proposer_name']}）" if row["proposer_name"] else "")
                if row["kind"] == "集体"
                else row["proposer_name"]
            )
            row["review_text"] = review_text(
                row["review_result"], row["review_level"], row["merged_into"]
            )
            row["overdue"] = bool(row["overdue"])
    return result


def list_rows(db: sqlite_utils.Database, q: ProposalQuery) -> list[dict[str, Any]]:
    ids = query_ids(db, q)
    return in_order(ids, fetch_rows(db, ids, today=q.today))


def handling_status(row: dict[str, Any]) -> str:
    """The handling state in words: ``办理中（第2轮，逾期）``, ``已答复``, ``—`` (not handled)."""
    status = row["status"]
    if status in ("转意见建议", "不立案"):
        if not row.get("round_id"):
            return "待交办"
        if row.get("reply_date") is None:
            status = "办理中"
        elif row.get("rating") is None or row.get("rating") == "不满意":
            status = "已答复"
        else:
            status = "已办结"
    elif status not in ("办理中", "已答复", "已办结"):
        return "—" if status != "已立案" else "待交办"
    text = status
    extras = []
    if (row.get("round_no") or 1) > 1:
        extras.append(f"第{row['round_no']}轮")
    if row.get("overdue"):
        extras.append("逾期")
    return text + (f"（{'，'.join(extras)}）" if extras else "")


def to_public_json(row: dict[str, Any]) -> dict[str, Any]:
    """The ``proposals list --json`` object (a documented, stable contract)."""
    return {
        "id": row["id"],
        "number": row["number"],
        "title": row["title"],
        "category": row["category"],
        "kind": row["kind"],
        "proposer": row["proposer"],
        "seconders": row["seconders"],
        "co_proposers": row["co_proposers"],
        "submitted_on": row["submitted_on"],
        "status": row["status"],
        "review_outcome": row["review_text"],
        "review_result": row["review_result"],
        "handling_status": handling_status(row),
        "lead_department": row["lead_department"],
        "co_departments": row["co_departments"],
        "reply_deadline": row["reply_deadline"],
        "reply_date": row["reply_date"],
        "outcome": row["outcome"],
        "rating": row["rating"],
        "overdue": row["overdue"],
        "round": row["round_no"],
        # issue 20 (added keys)
        "supervisor": row.get("supervisor"),
        "excellent_on": row.get("excellent_on"),
        "suggestion_number": row.get("suggestion_number"),
        "between_meetings": bool(row.get("between_meetings")),
        "report_session_id": row.get("report_session_id"),
        "reply_text": row.get("reply_text"),
    }


# --------------------------------------------------------------------------- statistics


@dataclass
class CategoryCount:
    category: str
    count: int
    accepted: int
    percent: str  # of all proposals of the session


@dataclass
class DepartmentCount:
    department: str
    lead: int  # proposals it leads (current round)
    replied: int
    overdue: int


@dataclass
class ProposalStats:
    session_id: int
    session_title: str
    total: int
    by_review: dict[str, int]
    key_accepted: int
    general_accepted: int
    by_category: list[CategoryCount]
    replied: int
    rated: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    by_outcome: dict[str, int]
    overdue: list[dict[str, Any]]
    by_department: list[DepartmentCount]
    rehandled: int
    late: int
    today: str
    notes: list[str] = field(default_factory=list)
    handling: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def accepted(self) -> int:
        return self.by_review.get("立案", 0)

    @property
    def reply_rate(self) -> str:
        return percent_text(self.replied, self.accepted)

    @property
    def satisfaction_rate(self) -> str:
        return percent_text(self.satisfied + self.basically_satisfied, self.rated)

    @property
    def full_satisfaction_rate(self) -> str:
        return percent_text(self.satisfied, self.rated)

    def to_json(self) -> dict[str, Any]:
        """``proposals stats --json``: the numbers behind 提案工作报告."""
        return {
            "session_id": self.session_id,
            "session": self.session_title,
            "total": self.total,
            "by_review": self.by_review,
            "accepted": self.accepted,
            "key_accepted": self.key_accepted,
            "general_accepted": self.general_accepted,
            "by_category": [
                {
                    "category": c.category,
                    "count": c.count,
                    "accepted": c.accepted,
                    "percent": c.percent,
                }
                for c in self.by_category
            ],
            "replied": self.replied,
            "reply_rate": self.reply_rate,
            "rated": self.rated,
            "satisfied": self.satisfied,
            "basically_satisfied": self.basically_satisfied,
            "dissatisfied": self.dissatisfied,
            "satisfaction_rate": self.satisfaction_rate,
            "full_satisfaction_rate": self.full_satisfaction_rate,
            "by_outcome": self.by_outcome,
            "overdue": self.overdue,
            "overdue_count": len(self.overdue),
            "by_department": [
                {
                    "department": d.department,
                    "lead": d.lead,
                    "replied": d.replied,
                    "overdue": d.overdue,
                }
                for d in self.by_department
            ],
            "rehandled": self.rehandled,
            "late_submissions": self.late,
            "as_of": self.today,
            # issue 20: handling of every outcome (added keys; the ones above are unchanged)
            "handling_by_review": {k: v for k, v in self.handling.items() if k != "合计"},
            "handling_overall": self.handling.get("合计", {}),
            "definitions": self.notes,
        }


REVIEW_KEYS = ("待审查", *REVIEW_RESULTS)


def session_stats(
    db: sqlite_utils.Database, session_id: int, *, today: _dt.date | None = None
) -> ProposalStats:
    session = congress.get_session(db, session_id)
    q = ProposalQuery(session_id=session_id, today=today)
    rows = list_rows(db, q)
    by_review = {key: 0 for key in REVIEW_KEYS}
    for r in rows:
        by_review[r["review_result"] or "待审查"] += 1
    accepted = [r for r in rows if r["review_result"] == "立案"]
    categories = list(rules(db).categories)
    for r in rows:  # a category removed from the settings later still shows up
        if r["category"] not in categories:
            categories.append(r["category"])
    by_category = []
    for c in categories:
        n = sum(1 for r in rows if r["category"] == c)
        a = sum(1 for r in accepted if r["category"] == c)
        by_category.append(CategoryCount(c, n, a, percent_text(n, len(rows))))
    replied = [r for r in accepted if r["reply_date"]]
    rated = [r for r in accepted if r["rating"]]
    by_outcome = {
        o: sum(1 for r in replied if r["outcome"] == o) for o in ("已落实", "正在落实", "未能落实")
    }
    on = q.on()
    overdue = [
        {
            "number": r["number"],
            "title": r["title"],
            "lead_department": r["lead_department"],
            "reply_deadline": r["reply_deadline"],
            "round": r["round_no"],
            "days_overdue": (
                _dt.date.fromisoformat(on) - _dt.date.fromisoformat(r["reply_deadline"])
            ).days,
        }
        for r in rows
        if r["overdue"] and r["review_result"] == "立案"  # the existing key: accepted ones
    ]
    departments: dict[str, DepartmentCount] = {}
    for r in accepted:
        if not r["lead_department"]:
            continue
        d = departments.setdefault(
            r["lead_department"], DepartmentCount(r["lead_department"], 0, 0, 0)
        )
        d.lead += 1
        d.replied += 1 if r["reply_date"] else 0
        d.overdue += 1 if r["overdue"] else 0
    rehandled = db.execute(
        "SELECT count(DISTINCT r.proposal_id) FROM proposal_rounds r JOIN proposals p ON p.id = r.proposal_id"
        " WHERE p.session_id = ? AND r.round_no > 1",
        [session_id],
    ).fetchone()[0]
    stats = ProposalStats(
        session_id=session_id,
        session_title=session.title,
        total=len(rows),
        by_review=by_review,
        key_accepted=sum(1 for r in accepted if r["review_level"] == "重点"),
        general_accepted=sum(1 for r in accepted if r["review_level"] != "重点"),
        by_category=by_category,
        replied=len(replied),
        rated=len(rated),
        satisfied=sum(1 for r in rated if r["rating"] == "满意"),
        basically_satisfied=sum(1 for r in rated if r["rating"] == "基本满意"),
        dissatisfied=sum(1 for r in rated if r["rating"] == "不满意"),
        by_outcome=by_outcome,
        overdue=overdue,
        by_department=sorted(departments.values(), key=lambda d: (-d.lead, d.department)),
        rehandled=rehandled,
        late=sum(1 for r in rows if r["late_reason"]),
        today=on,
    )
    stats.notes = [
        "立案：审查结果为立案（含重点提案和一般提案）。",
        "办复率＝已答复的立案提案数÷立案提案数；评价不满意后重新办理的，以最新一轮为准。",
        "满意率＝评价为满意和基本满意的提案数÷已评价的提案数。",
        f"逾期：办理中、已过答复期限而尚未答复（统计日期：{format_cn_date(on)}）。",
        "分类办复率＝该类（立案、转意见建议、不立案）中已答复的件数÷该类总件数；"
        "合计办复率以三类合计计算。分类满意率＝该类满意和基本满意的件数÷该类已评价的件数。",
    ]
    stats.handling = handling_by_review(rows)
    return stats


HANDLED_REVIEWS = ("立案", "转意见建议", "不立案")


def handling_by_review(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """办复率 and 满意率 per outcome (立案, 转意见建议, 不立案) and in total (``合计``).

    Each: ``{"total", "assigned", "replied", "reply_rate", "rated", "satisfied",
    "basically_satisfied", "dissatisfied", "satisfaction_rate", "overdue"}``.
    """
    result: dict[str, dict[str, Any]] = {}
    for key in (*HANDLED_REVIEWS, "合计"):
        group = [
            r
            for r in rows
            if (
                r["review_result"] == key
                if key != "合计"
                else r["review_result"] in HANDLED_REVIEWS
            )
        ]
        replied = sum(1 for r in group if r["reply_date"])
        rated = [r for r in group if r["rating"]]
        good = sum(1 for r in rated if r["rating"] in ("满意", "基本满意"))
        result[key] = {
            "total": len(group),
            "assigned": sum(1 for r in group if r["round_id"]),
            "replied": replied,
            "reply_rate": percent_text(replied, len(group)),
            "rated": len(rated),
            "satisfied": sum(1 for r in rated if r["rating"] == "满意"),
            "basically_satisfied": sum(1 for r in rated if r["rating"] == "基本满意"),
            "dissatisfied": sum(1 for r in rated if r["rating"] == "不满意"),
            "satisfaction_rate": percent_text(good, len(rated)),
            "overdue": sum(1 for r in group if r["overdue"]),
        }
    return result


def with_sort(q: ProposalQuery, sort_key: str | None, descending: bool) -> ProposalQuery:
    return replace(q, sort_key=sort_key or q.sort_key, descending=descending)
