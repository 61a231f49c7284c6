"""What needs doing now: one list computed from every area's records.

Each :class:`Reminder` has a ``kind`` (the stable code scripts use), a ``date`` (when it is due,
or when it became due), a Chinese ``title`` and the ``target`` record it is about. Kinds:

================================  =====================================================
``proposal_reply_overdue``        a proposal's reply deadline has passed without a reply
``proposal_reply_due``            a reply is due within ``home_proposal_due_days``
``proposal_rating_pending``       a reply waits for the proposer's 满意度评价
``workpoint_overdue``             a work-point item is past its deadline and not finished
``workpoint_due``                 an item is due within ``workpoints_due_soon_days``
``workpoint_no_owner``            a plan has items without an owner (one line per plan)
``retirement``                    a 在会 member reaches the statutory age within N months
``birthday``                      members with a birthday this month or next (one per month)
``delegate_not_active``           a delegate in office is no longer 在会: 补选/递补
``application_waiting``           入会申请 waiting for review (one line per state)
``signup_deadline``               an activity's sign-up closes within ``home_signup_days``
``welfare_override_review``       慰问 paid over a rule warning, not yet reviewed
``dues_arrears``                  members whose dues are in arrears beyond the setting
================================  =====================================================

``target`` is ``{"type", "id"}``; ``id`` is null where the line stands for a list (a month's
birthdays, the applications in one state).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.retirement import add_months
from guilin_union.services import settings
from guilin_union.services.home.retirements import upcoming_retirements

settings.register_defaults(
    {
        "home_proposal_due_days": (14, "首页提醒：提案答复到期前几天"),
        "home_signup_days": (14, "首页提醒：活动报名截止前几天"),
    }
)

#: Kind code -> the group heading it is shown under on the 首页.
KINDS: dict[str, str] = {
    "proposal_reply_overdue": "提案",
    "proposal_reply_due": "提案",
    "proposal_rating_pending": "提案",
    "workpoint_overdue": "工作要点",
    "workpoint_due": "工作要点",
    "workpoint_no_owner": "工作要点",
    "retirement": "会员",
    "birthday": "会员",
    "delegate_not_active": "教代会",
    "application_waiting": "入会",
    "signup_deadline": "活动",
    "welfare_override_review": "慰问",
    "dues_arrears": "会费",
}


@dataclass(frozen=True)
class Reminder:
    kind: str
    date: str
    title: str
    target_type: str
    target_id: int | None
    detail: str = ""

    @property
    def group(self) -> str:
        return KINDS.get(self.kind, "其他")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date,
            "title": self.title,
            "target": {"type": self.target_type, "id": self.target_id},
            "group": self.group,
            "detail": self.detail,
        }


def _tables(db: sqlite_utils.Database) -> set[str]:
    return set(db.table_names())


def _proposals(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    if "proposals" not in _tables(db):
        return []
    days = int(settings.get(db, "home_proposal_due_days") or 14)
    horizon = (today + _dt.timedelta(days=days)).isoformat()
    rows = db.execute(
        "SELECT p.id, p.number, p.title, r.reply_deadline, r.reply_date, r.rating, p.status,"
        " d.name FROM proposals p JOIN proposal_rounds r ON r.proposal_id = p.id"
        " AND r.round_no = (SELECT max(x.round_no) FROM proposal_rounds x WHERE x.proposal_id = p.id)"
        " LEFT JOIN proposal_departments d ON d.id = r.lead_department_id"
        " WHERE p.status NOT IN ('已撤案', '已并案', '已办结')"
    ).fetchall()
    out: list[Reminder] = []
    iso = today.isoformat()
    for pid, number, title, deadline, replied, rating, _status, dept in rows:
        who = f"（{dept}）" if dept else ""
        label = f"{number or ''} {title}".strip()
        if not replied and deadline:
            if deadline < iso:
                out.append(
                    Reminder(
                        "proposal_reply_overdue",
                        deadline,
                        f"提案逾期未答复：{label}{who}",
                        "proposal",
                        pid,
                    )
                )
            elif deadline <= horizon:
                out.append(
                    Reminder(
                        "proposal_reply_due",
                        deadline,
                        f"提案即将到期：{label}{who}",
                        "proposal",
                        pid,
                    )
                )
        elif replied and not rating:
            out.append(
                Reminder(
                    "proposal_rating_pending",
                    replied,
                    f"答复待提案人评价：{label}",
                    "proposal",
                    pid,
                )
            )
    return out


def _workpoints(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    if "workpoint_plans" not in _tables(db):
        return []
    from guilin_union.services.workpoints.queries import overview

    out: list[Reminder] = []
    plans = db.execute(
        "SELECT id, year, kind, coalesce(title, '') FROM workpoint_plans WHERE year >= ? ORDER BY year, id",
        [today.year - 1],
    ).fetchall()
    for plan_id, year, _kind, title in plans:
        view = overview(db, plan_id, today=today)
        for item in view.overdue:
            out.append(
                Reminder(
                    "workpoint_overdue",
                    item["deadline"],
                    f"要点逾期：{_item_label(item)}",
                    "workpoint_item",
                    item["id"],
                )
            )
        for item in view.due_soon:
            out.append(
                Reminder(
                    "workpoint_due",
                    item["deadline"],
                    f"要点即将到期：{_item_label(item)}",
                    "workpoint_item",
                    item["id"],
                )
            )
        if view.no_owner:
            out.append(
                Reminder(
                    "workpoint_no_owner",
                    today.isoformat(),
                    f"{title or f'{year}年工作要点'}有 {len(view.no_owner)} 项未指定负责人",
                    "workpoint_plan",
                    plan_id,
                )
            )
    return out


def _item_label(item: dict[str, Any]) -> str:
    heading = (item.get("heading") or item.get("text") or "").strip()
    if len(heading) > 30:
        heading = heading[:30] + "…"
    label = item.get("label") or item.get("display_number") or item.get("number") or ""
    return f"{label} {heading}".strip()


def _retirements(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    out = []
    for r in upcoming_retirements(db, today=today):
        reached = "已于" if r.retirement_date < today.isoformat() else "将于"
        out.append(
            Reminder(
                "retirement",
                r.retirement_date,
                f"{r.name}（{r.branch}）{reached} {r.retirement_date} 到达法定退休年龄",
                "member",
                r.member_id,
                "可办理：会籍变更为退休（保留会籍）、退休慰问；如是教代会代表，安排递补",
            )
        )
    return out


def birthdays(
    db: sqlite_utils.Database, month: int, *, statuses: tuple[str, ...] = ("在会",)
) -> list[dict[str, Any]]:
    """Members (by default 在会) whose birthday falls in ``month`` (1–12), by day then name."""
    marks = ",".join("?" for _ in statuses)
    rows = db.execute(
        "SELECT m.id, m.name, m.birth_date, b.name, m.member_no FROM members m"
        " LEFT JOIN branches b ON b.id = m.branch_id"
        f" WHERE m.status IN ({marks}) AND substr(m.birth_date, 6, 2) = ?"
        " ORDER BY substr(m.birth_date, 9, 2), m.name_pinyin",
        [*statuses, f"{month:02d}"],
    ).fetchall()
    keys = ("member_id", "name", "birth_date", "branch", "member_no")
    return [dict(zip(keys, r)) for r in rows]


def _birthdays(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    out = []
    for offset in (0, 1):
        first = add_months(today.replace(day=1), offset)
        people = birthdays(db, first.month)
        if people:
            out.append(
                Reminder(
                    "birthday",
                    first.isoformat(),
                    f"{first.month} 月有 {len(people)} 名会员过生日（可发放生日慰问）",
                    "birthday_month",
                    first.year * 100 + first.month,
                )
            )
    return out


def _delegates(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    if "congress_delegates" not in _tables(db):
        return []
    rows = db.execute(
        "SELECT max(d.id), m.name, m.status, d.delegate_type FROM congress_delegates d"
        " JOIN members m ON m.id = d.member_id"
        " WHERE (d.end_date IS NULL OR d.end_date >= ?) AND m.status <> '在会'"
        " AND d.delegate_type <> '列席' GROUP BY m.id ORDER BY m.name_pinyin",  # one line a person
        [today.isoformat()],
    ).fetchall()
    return [
        Reminder(
            "delegate_not_active",
            today.isoformat(),
            f"代表 {name} 已{status}，需补选或递补",
            "delegate",
            did,
        )
        for did, name, status, _type in rows
    ]


def _applications(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    rows = db.execute(
        "SELECT state, count(*), min(applied_on) FROM intake_applications"
        " WHERE state IN ('待分工会审核', '待校工会批准') GROUP BY state ORDER BY state DESC"
    ).fetchall()
    return [
        Reminder(
            "application_waiting",
            oldest or today.isoformat(),
            f"{count} 份入会申请{state}",
            "applications",
            None,
            state,
        )
        for state, count, oldest in rows
    ]


def _signups(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    days = int(settings.get(db, "home_signup_days") or 14)
    rows = db.execute(
        "SELECT id, name, signup_deadline FROM activities WHERE signup_deadline BETWEEN ? AND ?"
        " AND status NOT IN ('已结束', '已取消') ORDER BY signup_deadline",
        [today.isoformat(), (today + _dt.timedelta(days=days)).isoformat()],
    ).fetchall()
    return [
        Reminder("signup_deadline", deadline, f"活动报名截止：{name}", "activity", aid)
        for aid, name, deadline in rows
    ]


def _welfare(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    rows = db.execute(
        "SELECT p.id, m.name, p.type, p.pay_date FROM welfare_payment_warnings w"
        " JOIN welfare_payments p ON p.id = w.payment_id JOIN members m ON m.id = p.member_id"
        " WHERE w.override_reason IS NOT NULL AND w.reviewed_at IS NULL"
        " GROUP BY p.id ORDER BY p.pay_date"
    ).fetchall()
    return [
        Reminder(
            "welfare_override_review",
            pay_date or today.isoformat(),
            f"超规则发放待复核：{name} {wtype}",
            "welfare_payment",
            pid,
        )
        for pid, name, wtype, pay_date in rows
    ]


def _dues(db: sqlite_utils.Database, today: _dt.date) -> list[Reminder]:
    """Members owing dues for more months than the setting ``dues_arrears_months``."""
    if "dues_ledger" not in _tables(db):
        return []
    from guilin_union.services.money.dues_ledger import arrears

    months = int(settings.get(db, "dues_arrears_months") or 3)
    this_month = f"{today.year:04d}-{today.month:02d}"
    found = arrears(db, min_months=months + 1, before_month=this_month)
    return [
        Reminder(
            "dues_arrears",
            f"{a.months[0]}-01" if a.months else today.isoformat(),
            f"{a.name}（{a.branch}）欠缴会费 {len(a.months)} 个月",
            "member",
            a.member_id,
            "、".join(a.months[:6]) + ("……" if len(a.months) > 6 else ""),
        )
        for a in found
    ]


SOURCES: tuple[Callable[[sqlite_utils.Database, _dt.date], list[Reminder]], ...] = (
    _proposals,
    _workpoints,
    _retirements,
    _birthdays,
    _delegates,
    _applications,
    _signups,
    _welfare,
    _dues,
)


def reminders(
    db: sqlite_utils.Database, *, within_days: int | None = None, today: _dt.date | None = None
) -> list[Reminder]:
    """Everything that needs doing, overdue first, then by date.

    ``within_days`` drops lines dated further ahead than that (overdue lines always stay).
    """
    today = today or _dt.date.today()
    found: list[Reminder] = []
    for source in SOURCES:
        found.extend(source(db, today))
    if within_days is not None:
        limit = (today + _dt.timedelta(days=within_days)).isoformat()
        found = [r for r in found if r.date <= limit]
    found.sort(key=lambda r: (r.date, r.kind, r.title))
    return found


SETTING_KEYS = (
    "home_proposal_due_days",
    "workpoints_due_soon_days",
    "home_signup_days",
    "home_retirement_months",
    "home_retirement_past_months",
    "retirement_female_original_age",
    "retirement_female_50_values",
)


def save_settings(db: sqlite_utils.Database, values: dict[str, Any]):  # -> OpResult
    """Store the 首页's reminder settings (one transaction, logged)."""
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.changes import Changes, OpResult

    unknown = set(values) - set(SETTING_KEYS)
    if unknown:
        raise ValidationError("未知的设置：" + "、".join(sorted(unknown)))
    if values.get("retirement_female_original_age", 55) not in (50, 55):
        raise ValidationError(
            "女职工原退休年龄只能是 50 或 55 周岁", "retirement_female_original_age"
        )
    for key, value in values.items():
        if key.endswith(("_days", "_months")) and (not isinstance(value, int) or value < 0):
            raise ValidationError("提醒期限应为不小于 0 的整数", key)
    with db.atomic():
        settings.set_many(db, values)
    return OpResult(Changes.of("settings"))
