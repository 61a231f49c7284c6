"""慰问, case by case (issue 22): per-分工会 standards inside the school's, and the checks that
need the case — amount ranges and sub-kinds, eligibility by gender and 用工形式, event-date
windows — applied by :func:`guilin_union.services.welfare.rules.check_payment`.

>>> # set_branch_standard(db, 2026, "生病住院", branch_id, cap_fen=80000)  # within the school's
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import sqlite_utils

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_or_none
from guilin_union.services.welfare import config
from guilin_union.storage import audit

WARNING_LABELS = {
    "range": "低于标准下限",
    "eligibility": "不符合条件",
    "event": "事件日期不符",
    "average": "超过人均标准",
}


# ---------------------------------------------------------------- per-分工会 standards


def branch_standard(
    db: sqlite_utils.Database, year: int, type_name: str, branch_id: int | None
) -> dict[str, Any] | None:
    if branch_id is None:
        return None
    cursor = db.execute(
        "SELECT s.id, s.year, s.type, s.branch_id, b.name, s.cap_fen, s.min_fen, s.notes"
        " FROM welfare_branch_standards s JOIN branches b ON b.id = s.branch_id"
        " WHERE s.year = ? AND s.type = ? AND s.branch_id = ?",
        [int(year), type_name, int(branch_id)],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    keys = ("id", "year", "type", "branch_id", "branch", "cap_fen", "min_fen", "notes")
    return dict(zip(keys, row))


def list_branch_standards(db: sqlite_utils.Database, year: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT s.id, s.year, s.type, s.branch_id, b.name, s.cap_fen, s.min_fen, s.notes"
        " FROM welfare_branch_standards s JOIN branches b ON b.id = s.branch_id"
        " WHERE s.year = ? ORDER BY b.sort_order, b.id, s.type",
        [int(year)],
    ).fetchall()
    keys = ("id", "year", "type", "branch_id", "branch", "cap_fen", "min_fen", "notes")
    return [dict(zip(keys, r)) for r in rows]


def set_branch_standard(
    db: sqlite_utils.Database,
    year: int,
    type_name: str,
    branch_id: int,
    *,
    cap_fen: Any = None,
    min_fen: Any = None,
    notes: str = "",
) -> OpResult:
    """A 分工会's own figure for one type, inside the school's standard of the same year.

    Refused when the school has no standard for the type, when the cap is above the school's
    cap, or the minimum below the school's minimum (a 二级工会 narrows, never widens).
    """
    from guilin_union.services.welfare.standards import get_standard

    cap = fen_or_none(cap_fen, "cap_fen")
    low = fen_or_none(min_fen, "min_fen")
    if cap is None and low is None:
        raise ValidationError("请填写分工会的单次上限或下限", "cap_fen")
    school = get_standard(db, int(year), type_name)
    if school is None:
        raise ValidationError(
            f"校工会{year}年还没有“{type_name}”的标准，分工会标准须在其范围内", "type"
        )
    branch = db.execute("SELECT name FROM branches WHERE id = ?", [branch_id]).fetchone()
    if branch is None:
        raise NotFoundError("分工会不存在")
    if cap is not None and school.cap_fen is not None and cap > school.cap_fen:
        raise ValidationError(
            f"{branch[0]}“{type_name}”上限 {format_fen(cap)} 元高于校工会标准"
            f" {format_fen(school.cap_fen)} 元，分工会标准不能高于学校标准",
            "cap_fen",
        )
    if low is not None and school.min_fen is not None and low < school.min_fen:
        raise ValidationError(
            f"{branch[0]}“{type_name}”下限 {format_fen(low)} 元低于校工会标准"
            f" {format_fen(school.min_fen)} 元",
            "min_fen",
        )
    if cap is not None and low is not None and low > cap:
        raise ValidationError("下限不能大于上限", "min_fen")
    row = {
        "year": int(year),
        "type": type_name,
        "branch_id": int(branch_id),
        "cap_fen": cap,
        "min_fen": low,
        "notes": config.clean_text(notes) or None,
        "updated_at": audit.now_iso(),
    }
    with db.atomic():
        existing = branch_standard(db, year, type_name, branch_id)
        if existing:
            audit.update(db, "welfare_branch_standards", existing["id"], row)
            row_id = existing["id"]
        else:
            row_id = audit.insert(db, "welfare_branch_standards", row)
    return OpResult(Changes.of(config.AREA), row_id)


def delete_branch_standard(db: sqlite_utils.Database, standard_id: int) -> OpResult:
    with db.atomic():
        audit.delete(db, "welfare_branch_standards", standard_id)
    return OpResult(Changes.of(config.AREA), standard_id)


# ---------------------------------------------------------------- the case checks


def amount_limits(
    standard: Any, sub_kind: str | None, branch: Mapping[str, Any] | None
) -> tuple[int | None, int | None, str]:
    """(minimum, cap, where from): a sub-kind's own figures first, then the 分工会's, then
    the school's. A 分工会 figure only narrows the school's."""
    low, cap, source = standard.min_fen, standard.cap_fen, f"{standard.year}年“{standard.type}”"
    kind = standard.sub_kind(sub_kind)
    if kind is not None:
        if kind.get("cap_fen") is not None:
            cap = kind["cap_fen"]
        if kind.get("min_fen") is not None:
            low = kind["min_fen"]
        source += f"（{kind['name']}）"
    elif branch is not None:
        if branch.get("cap_fen") is not None:
            cap = branch["cap_fen"] if cap is None else min(cap, branch["cap_fen"])
        if branch.get("min_fen") is not None:
            low = branch["min_fen"] if low is None else max(low, branch["min_fen"])
        source = f"{branch['branch']}{source}"
    return low, cap, source


def case_warnings(db: sqlite_utils.Database, p: Any, standard: Any) -> list[Any]:
    """Range, eligibility and event-window warnings for payment facts ``p``."""
    from guilin_union.services.welfare.rules import RuleWarning

    warnings = []
    branch_id = db.execute("SELECT branch_id FROM members WHERE id = ?", [p.member_id]).fetchone()
    branch = branch_standard(db, standard.year, standard.type, branch_id[0] if branch_id else None)
    low, _cap, source = amount_limits(standard, p.sub_kind or None, branch)
    if low is not None and p.amount_fen < low:
        warnings.append(
            RuleWarning(
                "range",
                f"金额 {format_fen(p.amount_fen)} 元低于{source}标准下限 {format_fen(low)} 元",
            )
        )
    if p.sub_kind and standard.sub_kinds and standard.sub_kind(p.sub_kind) is None:
        names = "、".join(k["name"] for k in standard.sub_kinds)
        warnings.append(RuleWarning("range", f"“{p.sub_kind}”不是{source}的细项（{names}）"))
    person = db.execute(
        "SELECT gender, coalesce(employment_type, '') FROM members WHERE id = ?", [p.member_id]
    ).fetchone()
    if person is not None:
        gender, employment = person
        if standard.eligible_gender and gender and gender != standard.eligible_gender:
            warnings.append(
                RuleWarning(
                    "eligibility",
                    f"{standard.year}年“{standard.type}”限{standard.eligible_gender}职工，该会员为{gender}性",
                )
            )
        if employment and employment in standard.excluded_employment:
            warnings.append(
                RuleWarning(
                    "eligibility",
                    f"{standard.year}年“{standard.type}”不适用于用工形式为“{employment}”的人员",
                )
            )
    if p.event_date:
        if standard.event_after and p.event_date < standard.event_after:
            warnings.append(
                RuleWarning(
                    "event",
                    f"事件日期{format_cn_date(p.event_date)}早于标准规定的"
                    f"{format_cn_date(standard.event_after)}",
                )
            )
        if standard.report_within_days is not None:
            reported = p.applied_on or p.pay_date
            gap = (_dt.date.fromisoformat(reported) - _dt.date.fromisoformat(p.event_date)).days
            if gap > standard.report_within_days:
                warnings.append(
                    RuleWarning(
                        "event",
                        f"事发后 {gap} 天才上报，标准要求 {standard.report_within_days} 日内上报",
                    )
                )
    elif standard.event_after or standard.report_within_days is not None:
        warnings.append(
            RuleWarning(
                "event", f"{standard.year}年“{standard.type}”标准按事件日期核对，请填写事件日期"
            )
        )
    return warnings


def same_case(p: Any, other: Any, key: str) -> bool:
    """Whether ``other`` counts against ``p`` under the standard's frequency key."""
    if key == "亲属" and any(_relative(p)):
        return _relative(p) == _relative(other)
    if key == "病因" and p.cause:
        return (p.cause or "") == (other.cause or "")
    return True  # no relative/cause given: every earlier payment of the type counts


def _relative(p: Any) -> tuple[str, str]:
    from guilin_union.core.welfare_cases import relation_group

    relation = relation_group(p.relative_relation or "")
    name = "".join((p.relative_name or "").split())
    return (relation, name) if (relation or name) else ("", "")


def evidence_items(db: sqlite_utils.Database, year: int, type_name: str) -> list[str]:
    """The evidence a standard asks for, as items to tick: ``出院小结、住院病历`` → two items."""
    from guilin_union.services.welfare.standards import get_standard

    standard = get_standard(db, int(year), type_name) if type_name else None
    text = standard.evidence if standard else ""
    for sep in ("，", ",", "；", ";", "及", "或", "/"):
        text = text.replace(sep, "、")
    return [t.strip() for t in text.split("、") if t.strip()]
