"""The year's figures of every area, for the 首页 and the year-end report (年度工作总结).

Each figure is taken from the same service the area's own list or statistics command uses
(``welfare list``, ``activities list``, ``proposals stats``, ``workpoints list``…), so the
summary and the area never disagree.

>>> # summary = year_summary(db, 2026)
>>> # [a.title for a in summary.areas]
>>> # ['会员与入会', '教代会与提案', '活动', '慰问', '经费', '工作要点']
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from typing import Any

import sqlite_utils

from guilin_union.core.money import format_fen as format_yuan
from guilin_union.reports.home.year_summary import AreaSummary, Chart, Figure, Table, YearSummary


def _year_bounds(year: int) -> tuple[str, str]:
    return f"{year}-01-01", f"{year}-12-31"


def _members(db: sqlite_utils.Database, year: int) -> AreaSummary:
    start, end = _year_bounds(year)
    by_status = Counter(
        dict(db.execute("SELECT status, count(*) FROM members GROUP BY status").fetchall())
    )
    joined = db.execute(
        "SELECT count(*) FROM members WHERE join_date BETWEEN ? AND ?", [start, end]
    ).fetchone()[0]
    events = Counter(
        dict(
            db.execute(
                "SELECT action, count(*) FROM member_status_events WHERE event_date BETWEEN ? AND ?"
                " GROUP BY action",
                [start, end],
            ).fetchall()
        )
    )
    apps = Counter(
        dict(
            db.execute(
                "SELECT state, count(*) FROM intake_applications"
                " WHERE coalesce(decided_at, applied_on) BETWEEN ? AND ? || 'T99' GROUP BY state",
                [start, end],
            ).fetchall()
        )
    )
    active = by_status.get("在会", 0)
    area = AreaSummary("members", "会员与入会")
    area.figures = [
        Figure("在会会员", active, "人"),
        Figure("保留会籍（退休）", by_status.get("保留会籍", 0), "人"),
        Figure("全年新入会", joined, "人"),
        Figure("批准入会申请", apps.get("已批准", 0), "份"),
    ]
    left = sum(v for k, v in events.items() if not k.startswith("恢复"))
    area.sentences.append(
        f"截至统计日，在会会员 {active} 人，保留会籍（退休）会员 {by_status.get('保留会籍', 0)} 人。"
        f"全年新入会 {joined} 人，办理会籍变动 {left} 人次。"
    )
    if events:
        area.tables.append(
            Table(
                "会籍变动",
                ("变动类别", "人次"),
                tuple((k, str(v)) for k, v in sorted(events.items())),
            )
        )
    area.charts.append(
        Chart(
            "会员状态",
            tuple(by_status),
            tuple(by_status.values()),
            "人",
        )
    )
    return area


def _congress(db: sqlite_utils.Database, year: int) -> AreaSummary:
    from guilin_union.services.proposals.query import session_stats

    start, end = _year_bounds(year)
    sessions = db.execute(
        "SELECT id, title, start_date FROM congress_sessions WHERE start_date BETWEEN ? AND ?"
        " ORDER BY start_date",
        [start, end],
    ).fetchall()
    area = AreaSummary("congress", "教代会与提案")
    total = replied = accepted = 0
    rows = []
    for sid, title, started in sessions:
        stats = session_stats(db, sid).to_json()
        n = int(stats.get("total") or 0)
        by_review = stats.get("by_review") or {}
        filed = int(by_review.get("立案", 0) or by_review.get("已立案", 0) or 0)
        rep = int(stats.get("replied") or 0)
        total += n
        replied += rep
        accepted += filed
        rate = stats.get("reply_rate")
        rows.append(
            (
                title,
                started or "",
                str(n),
                str(filed),
                str(rep),
                f"{rate:.0%}" if isinstance(rate, int | float) else "—",
            )
        )
    area.figures = [
        Figure("召开教代会", len(sessions), "次"),
        Figure("征集提案", total, "件"),
        Figure("立案", accepted, "件"),
        Figure("已答复", replied, "件"),
    ]
    if sessions:
        area.sentences.append(
            f"全年召开教职工代表大会 {len(sessions)} 次，征集提案 {total} 件，"
            f"立案 {accepted} 件，已答复 {replied} 件。"
        )
        area.tables.append(
            Table("提案工作", ("会议", "开幕日期", "提案", "立案", "已答复", "办复率"), tuple(rows))
        )
    else:
        area.sentences.append("本年度没有召开教职工代表大会。")
    return area


def _activities(db: sqlite_utils.Database, year: int) -> AreaSummary:
    from guilin_union.services.activities import ActivityQuery, list_activities

    rows = list_activities(db, ActivityQuery(year=year))
    held = [r for r in rows if r["status"] != "已取消"]
    ids = [r["id"] for r in held]
    attended = people = 0
    if ids:
        marks = ",".join("?" for _ in ids)
        attended, people = db.execute(
            "SELECT count(*), count(DISTINCT member_id) FROM activity_participants"
            f" WHERE status = '已参加' AND activity_id IN ({marks})",
            ids,
        ).fetchone()
    by_type = Counter(r["type"] for r in held)
    spent = sum(int(r.get("budget_actual") or 0) for r in held)
    area = AreaSummary("activities", "活动")
    area.figures = [
        Figure("开展活动", len(held), "项"),
        Figure("参加人次", attended, "人次"),
        Figure("参加人数", people, "人"),
        Figure("活动经费支出", spent, "元", money=True),
    ]
    area.sentences.append(
        f"全年开展各类活动 {len(held)} 项，教职工参加 {attended} 人次（{people} 人），"
        f"活动经费支出 {format_yuan(spent)} 元。"
    )
    if by_type:
        area.tables.append(
            Table(
                "活动类别", ("类别", "项数"), tuple((k, str(v)) for k, v in by_type.most_common())
            )
        )
        area.charts.append(Chart("各类活动项数", tuple(by_type), tuple(by_type.values()), "项"))
    return area


def welfare_payments(db: sqlite_utils.Database, year: int) -> list[dict[str, Any]]:
    """The year's payments exactly as ``welfare list --year`` lists them."""
    from guilin_union.services import welfare

    q = welfare.PaymentQuery(year=year, sort_key="date", descending=False)
    return welfare.list_payments(db, q)


def _welfare(db: sqlite_utils.Database, year: int) -> AreaSummary:
    rows = welfare_payments(db, year)
    count: Counter[str] = Counter()
    amount: Counter[str] = Counter()
    for r in rows:
        count[r["type"]] += 1
        amount[r["type"]] += int(r.get("amount_fen") or 0)
    total = sum(amount.values())
    people = len({r["member_id"] for r in rows})
    area = AreaSummary("welfare", "慰问")
    area.figures = [
        Figure("慰问人次", len(rows), "人次"),
        Figure("慰问人数", people, "人"),
        Figure("慰问金额", total, "元", money=True),
    ]
    area.sentences.append(
        f"全年慰问教职工 {len(rows)} 人次（{people} 人），金额合计 {format_yuan(total)} 元。"
    )
    if rows:
        area.tables.append(
            Table(
                "慰问分类统计",
                ("慰问类型", "人次", "金额（元）"),
                tuple((t, str(count[t]), format_yuan(amount[t])) for t, _ in count.most_common())
                + (("合计", str(len(rows)), format_yuan(total)),),
            )
        )
        area.charts.append(
            Chart("各类慰问金额", tuple(amount), tuple(amount.values()), "元", money=True)
        )
    return area


def _money(db: sqlite_utils.Database, year: int) -> AreaSummary | None:
    """经费: the budget's execution (the same figures as ``funds budget --json``)."""
    if "fund_plans" not in set(db.table_names()) and "dues_ledger" not in set(db.table_names()):
        return None
    from guilin_union.services.money.budget import execution

    ex = execution(db, year)
    income, spending = ex.total("收入"), ex.total("支出")
    area = AreaSummary("money", "经费")
    area.figures = [
        Figure("收入预算", income.planned_fen, "元", money=True),
        Figure("收入决算", income.actual_fen, "元", money=True),
        Figure("支出预算", spending.planned_fen, "元", money=True),
        Figure("支出决算", spending.actual_fen, "元", money=True),
    ]
    rate = f"{spending.actual_fen / spending.planned_fen:.0%}" if spending.planned_fen else "—"
    area.sentences.append(
        f"全年经费收入 {format_yuan(income.actual_fen)} 元，支出 {format_yuan(spending.actual_fen)} 元，"
        f"支出预算执行率 {rate}。"
    )
    top = [line for line in ex.lines if line.level == 1]
    area.tables.append(
        Table(
            "预算执行情况",
            ("科目", "预算（元）", "决算（元）", "执行率"),
            tuple(
                (
                    line.name,
                    format_yuan(line.planned_fen),
                    format_yuan(line.actual_fen),
                    f"{line.actual_fen / line.planned_fen:.0%}" if line.planned_fen else "—",
                )
                for line in top
            ),
        )
    )
    spend = [line for line in top if line.kind == "支出" and line.actual_fen]
    if spend:
        area.charts.append(
            Chart(
                "支出决算",
                tuple(line.name for line in spend),
                tuple(line.actual_fen for line in spend),
                "元",
                money=True,
            )
        )
    return area


def _workpoints(db: sqlite_utils.Database, year: int) -> AreaSummary:
    from guilin_union.services import workpoints as wp
    from guilin_union.services.workpoints.queries import overview

    area = AreaSummary("workpoints", "工作要点落实")
    plans = [p for p in wp.list_plans(db, year=year) if p["kind"] == "school"]
    total = done = 0
    rows = []
    for plan in plans:
        view = overview(db, plan["id"], today=min(_dt.date.today(), _dt.date(year, 12, 31)))
        total += view.totals.total
        done += view.totals.done
        for section in view.sections:
            for item in section.items:
                rows.append(
                    (
                        item.get("label") or "",
                        (item.get("heading") or item.get("text") or "")[:40],
                        item.get("owner") or "",
                        item["status"],
                    )
                )
    area.figures = [Figure("要点条目", total, "项"), Figure("已完成", done, "项")]
    if total:
        area.sentences.append(
            f"本年度工作要点共 {total} 项，已完成 {done} 项，完成率 {done / total:.0%}。"
        )
        area.tables.append(
            Table("工作要点完成情况", ("序号", "要点", "负责人", "状态"), tuple(rows))
        )
        area.charts.append(Chart("要点完成情况", ("已完成", "未完成"), (done, total - done), "项"))
    else:
        area.sentences.append("本年度没有录入本校工作要点。")
    return area


def year_summary(db: sqlite_utils.Database, year: int) -> YearSummary:
    from guilin_union.services import settings

    inst = settings.institution(db)
    areas = [_members(db, year), _congress(db, year), _activities(db, year), _welfare(db, year)]
    money = _money(db, year)
    if money is not None:
        areas.append(money)
    areas.append(_workpoints(db, year))
    return YearSummary(
        year=year,
        institution=inst.get("institution_name", ""),
        union_name=inst.get("union_name", ""),
        areas=areas,
        as_of=_dt.date.today().isoformat(),
    )
