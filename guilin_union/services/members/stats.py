"""Membership statistics (会员统计): counts by 分工会 × gender, age band, 职称, 用工形式 and
会籍状态, as plain tables that print as PDF and export as Excel.

Current members (在会 and 保留会籍) are counted by default; the 会籍状态 table counts
everyone in the register. Age is the age on the statistics date; the age bands are a setting
(``stats_age_bands``, default ``[30, 40, 50, 60]`` → 30岁及以下, 31–40岁, …, 61岁及以上).

>>> # tables = member_statistics(db); tables[0].title -> '按分工会、性别、年龄段统计'
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from guilin_union.core.dates import age_on, format_cn_date
from guilin_union.core.members import EMPLOYMENT_TYPES, MemberStatus
from guilin_union.services import settings
from guilin_union.services.common_outputs import issuer_name, letterhead
from guilin_union.services.common_query import column_values

settings.register_defaults({"stats_age_bands": ([30, 40, 50, 60], "会员统计年龄段分界（岁）")})

CURRENT = ("在会", "保留会籍")
UNKNOWN = "未填"

# 职称 → level, for the 职称级别 table (any title not listed counts as 其他).
TITLE_LEVELS: dict[str, str] = {
    **{
        t: "正高级"
        for t in (
            "教授",
            "研究员",
            "研究馆员",
            "正高级工程师",
            "正高级实验师",
            "正高级会计师",
            "正高级经济师",
            "编审",
            "主任医师",
            "主任护师",
            "正高级讲师",
        )
    },
    **{
        t: "副高级"
        for t in (
            "副教授",
            "副研究员",
            "副研究馆员",
            "高级工程师",
            "高级实验师",
            "高级会计师",
            "高级经济师",
            "副编审",
            "副主任医师",
            "副主任护师",
            "高级讲师",
            "高级政工师",
        )
    },
    **{
        t: "中级"
        for t in (
            "讲师",
            "工程师",
            "实验师",
            "馆员",
            "会计师",
            "经济师",
            "助理研究员",
            "编辑",
            "主治医师",
            "主管护师",
            "政工师",
            "审计师",
        )
    },
    **{
        t: "初级"
        for t in (
            "助教",
            "助理工程师",
            "助理实验师",
            "实验员",
            "助理馆员",
            "管理员",
            "助理会计师",
            "会计员",
            "助理经济师",
            "医师",
            "护师",
            "护士",
            "技术员",
        )
    },
    "无": "未评",
}
TITLE_LEVEL_ORDER = ("正高级", "副高级", "中级", "初级", "其他", "未评")


@dataclass
class StatsTable:
    """A table of counts: one row per label, one count per column, and a total row."""

    title: str
    first_header: str
    columns: list[str]
    rows: list[tuple[str, list[int]]] = field(default_factory=list)

    @property
    def total(self) -> list[int]:
        return [sum(r[1][i] for r in self.rows) for i in range(len(self.columns))]


@dataclass
class MemberStats:
    as_of: str
    population_note: str
    tables: list[StatsTable]


def age_band_labels(bounds: list[int]) -> list[str]:
    """The labels of the age bands that ``bounds`` cut (each bound the last age of a band).

    >>> age_band_labels([30, 40])
    ['30岁及以下', '31-40岁', '41岁及以上']
    """
    labels = [f"{bounds[0]}岁及以下"]
    for lo, hi in zip(bounds, bounds[1:]):
        labels.append(f"{lo + 1}-{hi}岁")
    labels.append(f"{bounds[-1] + 1}岁及以上")
    return labels


def _band(age: int | None, bounds: list[int], labels: list[str]) -> str:
    if age is None:
        return UNKNOWN
    for bound, label in zip(bounds, labels):
        if age <= bound:
            return label
    return labels[-1]


def title_level(title: str | None) -> str:
    if not title:
        return "未评"
    return TITLE_LEVELS.get(title, "其他")


def member_statistics(
    db: sqlite_utils.Database, *, as_of: _dt.date | None = None, branch_id: int | None = None
) -> MemberStats:
    """All statistics tables (current members; the status table counts everyone)."""
    as_of = as_of or _dt.date.today()
    bounds = sorted(int(b) for b in settings.get(db, "stats_age_bands"))
    bands = age_band_labels(bounds)
    branch_sql = "SELECT id, name FROM branches"
    params: list[object] = []
    if branch_id is not None:
        branch_sql += " WHERE id = ?"
        params.append(branch_id)
    branch_names: OrderedDict[int, str] = OrderedDict(
        (r[0], r[1]) for r in db.execute(branch_sql + " ORDER BY sort_order, id", params)
    )
    people = db.execute(
        "SELECT branch_id, gender, birth_date, title, employment_type, status FROM members"
        + (" WHERE branch_id = ?" if branch_id is not None else ""),
        params,
    ).fetchall()
    counts: dict[str, Counter[tuple[int, str]]] = {
        k: Counter() for k in ("sex", "age", "emp", "level", "status")
    }
    titles: Counter[tuple[str, str]] = Counter()
    used_branches: set[int] = set()
    for bid, gender, birth, title, employment, status in people:
        used_branches.add(bid)
        counts["status"][(bid, status)] += 1
        if status not in CURRENT:
            continue
        counts["sex"][(bid, gender or UNKNOWN)] += 1
        age = age_on(_dt.date.fromisoformat(birth), as_of) if birth else None
        counts["age"][(bid, _band(age, bounds, bands))] += 1
        emp = employment if employment in EMPLOYMENT_TYPES else UNKNOWN
        counts["emp"][(bid, emp)] += 1
        counts["level"][(bid, title_level(title))] += 1
        titles[(title or "未评", gender or UNKNOWN)] += 1
    # Inactive 分工会 without anyone are left out; active ones are always listed.
    active = set(column_values(db, "SELECT id FROM branches WHERE active = 1"))
    shown = [bid for bid in branch_names if bid in active or bid in used_branches]

    def optional(key: str, column: str) -> list[str]:
        return [column] if any(k[1] == column for k in counts[key]) else []

    sex_cols = ["男", "女", *optional("sex", UNKNOWN)]
    age_cols = [*bands, *optional("age", UNKNOWN)]
    t1 = StatsTable(
        "按分工会、性别、年龄段统计（在会及保留会籍）", "分工会", ["合计", *sex_cols, *age_cols]
    )
    t2 = StatsTable(
        "按分工会、用工形式统计", "分工会", ["合计", *EMPLOYMENT_TYPES, *optional("emp", UNKNOWN)]
    )
    levels = [
        lv
        for lv in TITLE_LEVEL_ORDER
        if lv in ("正高级", "副高级", "中级", "初级") or any(k[1] == lv for k in counts["level"])
    ]
    t3 = StatsTable("按分工会、职称级别统计", "分工会", ["合计", *levels])
    statuses = [s.value for s in MemberStatus]
    t5 = StatsTable("按分工会、会籍状态统计（全部会员）", "分工会", ["合计", *statuses])
    for bid in shown:
        name = branch_names[bid]
        total = sum(counts["sex"][(bid, c)] for c in sex_cols)
        t1.rows.append(
            (
                name,
                [
                    total,
                    *[counts["sex"][(bid, c)] for c in sex_cols],
                    *[counts["age"][(bid, c)] for c in age_cols],
                ],
            )
        )
        t2.rows.append((name, [total, *[counts["emp"][(bid, c)] for c in t2.columns[1:]]]))
        t3.rows.append((name, [total, *[counts["level"][(bid, c)] for c in levels]]))
        everyone = [counts["status"][(bid, s)] for s in statuses]
        t5.rows.append((name, [sum(everyone), *everyone]))
    t4 = StatsTable("按职称统计", "职称", ["合计", "男", "女"])
    by_title: dict[str, list[int]] = {}
    for (title, gender), n in titles.items():
        row = by_title.setdefault(title, [0, 0, 0])
        row[0] += n
        if gender in ("男", "女"):
            row[1 if gender == "男" else 2] += n
    level_rank = {lv: i for i, lv in enumerate(TITLE_LEVEL_ORDER)}
    for title in sorted(
        by_title,
        key=lambda t: (level_rank[title_level(None if t == "未评" else t)], -by_title[t][0], t),
    ):
        t4.rows.append((title, by_title[title]))
    note = f"统计日期：{format_cn_date(as_of)}；年龄按统计日期计算"
    return MemberStats(as_of.isoformat(), note, [t1, t2, t3, t4, t5])


def export_statistics(
    db: sqlite_utils.Database, path: str | Path, *, as_of: _dt.date | None = None
) -> Path:
    """Excel: one sheet per table, each with its total row."""
    from guilin_union.spreadsheets.writer import Column, Sheet, write_workbook

    stats = member_statistics(db, as_of=as_of)
    union = issuer_name(db)
    sheets = []
    for i, table in enumerate(stats.tables, start=1):
        columns = [Column("label", table.first_header, width=26)] + [
            Column(f"c{j}", header, kind="int") for j, header in enumerate(table.columns)
        ]
        rows = [
            {"label": label, **{f"c{j}": v for j, v in enumerate(values)}}
            for label, values in table.rows
        ]
        rows.append({"label": "合计", **{f"c{j}": v for j, v in enumerate(table.total)}})
        short = table.title.split("（")[0].replace("按", "").replace("统计", "")
        sheets.append(
            Sheet(
                f"{i}.{short}"[:31],
                columns,
                rows,
                heading=f"{union}会员统计：{table.title}（{stats.population_note}）",
            )
        )
    return write_workbook(path, sheets)


def statistics_pdf(
    db: sqlite_utils.Database, path: str | Path, *, as_of: _dt.date | None = None
) -> Path:
    from guilin_union.reports.members.stats import build_member_stats

    stats = member_statistics(db, as_of=as_of)
    return build_member_stats(path, stats.tables, note=stats.population_note, **letterhead(db))
