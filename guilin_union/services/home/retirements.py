"""Members reaching the statutory retirement age (rules of 2025, see core/retirement.py).

The original age of a woman (50 or 55) comes from settings: 用工形式 or 岗位 values listed in
``retirement_female_50_values`` give 50, everybody else the default
``retirement_female_original_age`` (55: 管理和专业技术岗位, the usual case at a university).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.retirement import add_months, rule_for
from guilin_union.core.retirement import retirement_date as statutory_date
from guilin_union.services import settings

settings.register_defaults(
    {
        "retirement_female_original_age": (55, "女职工原法定退休年龄（50 或 55 周岁）"),
        "retirement_female_50_values": (
            ["工人", "工勤", "工勤技能"],
            "原退休年龄为 50 周岁的女职工（用工形式或岗位含以下文字）",
        ),
        "home_retirement_months": (6, "首页提醒：未来几个月内到龄退休"),
        "home_retirement_past_months": (12, "首页提醒：已到龄仍在会的，提醒几个月"),
    }
)


@dataclass(frozen=True)
class Retirement:
    member_id: int
    name: str
    gender: str
    birth_date: str
    retirement_date: str
    age_rule: str
    branch: str
    member_no: str | None
    status: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def female_original_age(
    db: sqlite_utils.Database, employment_type: str | None, position: str | None
) -> int:
    """50 when the member's 用工形式 or 岗位 matches a setting value, else the default (55)."""
    markers = [str(v) for v in settings.get(db, "retirement_female_50_values") or [] if str(v)]
    for text in (employment_type or "", position or ""):
        if any(marker in text for marker in markers):
            return 50
    age = int(settings.get(db, "retirement_female_original_age") or 55)
    return age if age in (50, 55) else 55


def upcoming_retirements(
    db: sqlite_utils.Database,
    *,
    within_months: int | None = None,
    today: _dt.date | None = None,
    include_past: bool = True,
) -> list[Retirement]:
    """在会 members whose statutory retirement date falls before ``today + within_months``.

    With ``include_past`` (the default) members who reached the age within the last
    ``home_retirement_past_months`` but are still 在会 are listed too: their 退休 has not been
    recorded yet, which is itself something to do. (Members past the age for longer are
    usually 返聘 and are left alone.)
    """
    today = today or _dt.date.today()
    months = int(
        within_months
        if within_months is not None
        else settings.get(db, "home_retirement_months") or 6
    )
    horizon = add_months(today, max(months, 0))
    past = int(settings.get(db, "home_retirement_past_months") or 12)
    earliest = add_months(today, -past) if include_past else today
    rows = db.execute(
        "SELECT m.id, m.name, m.gender, m.birth_date, m.employment_type, m.position, b.name,"
        " m.member_no, m.status FROM members m LEFT JOIN branches b ON b.id = m.branch_id"
        " WHERE m.status = '在会' AND m.birth_date IS NOT NULL AND m.gender IN ('男', '女')"
    ).fetchall()
    found: list[Retirement] = []
    for mid, name, gender, birth, employment, position, branch, member_no, status in rows:
        try:
            born = _dt.date.fromisoformat(birth)
        except ValueError:
            continue
        original = 60 if gender == "男" else female_original_age(db, employment, position)
        due = statutory_date(born, gender, original if gender == "女" else 55)
        if due > horizon or due < earliest:
            continue
        rule = rule_for(born, gender, original if gender == "女" else 55)
        found.append(
            Retirement(
                member_id=mid,
                name=name,
                gender=gender,
                birth_date=birth,
                retirement_date=due.isoformat(),
                age_rule=rule.label,
                branch=branch or "",
                member_no=member_no,
                status=status,
            )
        )
    found.sort(key=lambda r: (r.retirement_date, r.name))
    return found


def retirement_of(db: sqlite_utils.Database, member_id: int) -> Retirement | None:
    """The statutory retirement of one member, whatever their status (None without a birth date)."""
    row = db.execute(
        "SELECT m.id, m.name, m.gender, m.birth_date, m.employment_type, m.position, b.name,"
        " m.member_no, m.status FROM members m LEFT JOIN branches b ON b.id = m.branch_id"
        " WHERE m.id = ?",
        [member_id],
    ).fetchone()
    if row is None or not row[3] or row[2] not in ("男", "女"):
        return None
    mid, name, gender, birth, employment, position, branch, member_no, status = row
    born = _dt.date.fromisoformat(birth)
    original = female_original_age(db, employment, position) if gender == "女" else 55
    rule = rule_for(born, gender, original)
    return Retirement(
        mid,
        name,
        gender,
        birth,
        statutory_date(born, gender, original).isoformat(),
        rule.label,
        branch or "",
        member_no,
        status,
    )
