"""Demo data of the work-points area: the two real sample documents, tracked.

Normal scale: the school's 2024 points (本校) and the regional education union's 2025 points
(上级), parsed from ``resources/demo/`` exactly as a user's import would be; owners, deadlines,
statuses and monthly progress notes on the items; a few school items linked to the upper
items they answer (some upper items are left unanswered, so the side-by-side view has
something to show); the 2024 congress item linked to that year's congress session when the
congress demo made one; all but one of the unfinished 2024 items carried over into 2025
(the one left shows as overdue).

Large scale (issue 11): twenty yearly plans — the school's points for ten years and the
upper union's for ten — made from the samples with shifted years.

Rows are inserted with plain SQL inside the demo's transaction (no per-row audit), except
the roll-over, which uses the service so the demo shows exactly what the program does.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import sys
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.workpoints_parser import ParsedWorkpoints, parse_workpoints
from guilin_union.services.common_query import column_values, dict_rows
from guilin_union.services.demo.common import insert_row as _insert
from guilin_union.services.workpoints import insert_plan, plan_rows

SCHOOL_SAMPLE = "workpoints-guilin-university-2024.txt"
UPPER_SAMPLE = "workpoints-gx-education-union-2025.txt"
SCHOOL_YEAR, UPPER_YEAR = 2024, 2025
LARGE_YEARS = 10  # per kind: 20 plans in all

# School item number -> upper item numbers it answers (topics matched by hand).
DEMO_LINKS: dict[str, tuple[str, ...]] = {
    "一": ("一",),
    "二": ("二", "三"),
    "三": ("三",),
    "四": ("八",),
    "五": ("十",),
    "七": ("五",),
    "八": ("十三",),
    "九": ("十一/3",),
    "十": ("十五",),
    "十二": ("十七",),
}
# Deadlines (month, day) of the school items that have a natural date; the rest get a
# quarter end.
SCHOOL_DEADLINES: dict[str, tuple[int, int]] = {
    "四": (4, 30),
    "七": (9, 10),
    "八": (11, 30),
    "十一": (10, 31),
    "十二": (12, 31),
}
# Units the secretary fills in for the school's items (its document has no annotations).
SCHOOL_LEAD = "校工会"
SCHOOL_UNITS: dict[str, tuple[str, ...]] = {
    "一": ("各分工会",),
    "二": ("宣传部", "各分工会"),
    "三": ("宣传部",),
    "四": ("党政办公室", "各分工会"),
    "五": ("党政办公室",),
    "六": ("后勤保障处",),
    "七": ("人事处", "教务处", "各分工会"),
    "八": ("体育学院", "各分工会"),
    "九": ("人事处", "财务处", "校医院"),
    "十": ("人事处", "各分工会"),
    "十一": ("党政办公室", "各分工会"),
    "十二": ("财务处", "工会经费审查委员会"),
}
QUARTER_ENDS = ((6, 30), (9, 30), (12, 31))
NOTE_TEMPLATES = (
    "制定“{topic}”工作方案，明确责任分工和时间节点。",
    "召开专题会议部署“{topic}”，各分工会按要求落实。",
    "“{topic}”完成阶段性任务，形成工作简报报送学校党委。",
    "组织各分工会开展相关活动，教职工参与约{count}人次。",
    "对照年度要点督查推进情况，整改发现的问题{issues}项。",
)
DONE_NOTE = "“{topic}”各项任务已全部完成，相关材料已整理归档。"
STALLED_NOTE = "因{reason}，“{topic}”推迟，计划下一年度继续推进。"
STALL_REASONS = ("经费尚待学校审批", "需与上级工会进一步对接", "场地改造工期延后")
RECORDERS = ("工会办公室", "工会办公室", "宣传委员", "组织委员")


def _resource_dirs() -> list[Path]:
    """``resources/demo`` beside the package, in a PyInstaller bundle or next to the .exe."""
    dirs = [Path(__file__).resolve().parents[3] / "resources" / "demo"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources" / "demo")
    if getattr(sys, "frozen", False):
        dirs.append(Path(sys.executable).resolve().parent / "resources" / "demo")
    return dirs


def sample_text(name: str) -> str:
    """The text of a sample document shipped in ``resources/demo``."""
    for folder in _resource_dirs():
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"演示用工作要点文件缺失：resources/demo/{name}")


def _store(
    db: sqlite_utils.Database,
    parsed: ParsedWorkpoints,
    *,
    year: int,
    kind: str,
    source: str,
    text: str,
    now: str,
) -> int:
    plan, items = plan_rows(
        parsed, year=year, kind=kind, source_name=source, source_text=text, now=now
    )
    return insert_plan(db, plan, items, insert=_insert)


def _shifted(text: str, replacements: dict[str, str]) -> str:
    """The sample with its years changed (placeholders avoid changing a year twice)."""
    for index, old in enumerate(replacements):
        text = text.replace(old, f"\x00{index}\x00")
    for index, new in enumerate(replacements.values()):
        text = text.replace(f"\x00{index}\x00", new)
    return text


def _leaves(db: sqlite_utils.Database, plan_id: int) -> list[dict[str, Any]]:
    cursor = db.execute(
        "SELECT i.id, i.number, i.heading, p.number AS parent_number, p.level AS parent_level"
        " FROM workpoint_items i LEFT JOIN workpoint_items p ON p.id = i.parent_id"
        " WHERE i.plan_id = ? AND NOT EXISTS (SELECT 1 FROM workpoint_items c WHERE c.parent_id = i.id)"
        " ORDER BY i.position",
        [plan_id],
    )
    rows = dict_rows(cursor)
    for r in rows:
        # "十一/3" for a sub-item, as in DEMO_LINKS.
        r["key"] = (
            f"{r['parent_number']}/{r['number']}"
            if r["parent_level"] and r["parent_level"] > 1
            else r["number"]
        )
    return rows


def _topic(heading: str) -> str:
    topic = heading.rstrip("。").split("，")[0]
    return topic if len(topic) <= 18 else topic[:17] + "…"


def _owners(db: sqlite_utils.Database, rng: random.Random) -> list[str]:
    """A handful of union cadres: active members of the administrative branch first."""
    names = column_values(
        db,
        "SELECT m.name FROM members m JOIN branches b ON b.id = m.branch_id WHERE m.status = '在会'"
        " ORDER BY CASE WHEN b.name LIKE '机关%' THEN 0 ELSE 1 END, m.id LIMIT 40",
    )
    if not names:
        return ["王宁", "李静", "陈晓东", "黄丽", "刘洋", "韦海波"]
    return rng.sample(names, min(6, len(names)))


def _track(
    db: sqlite_utils.Database,
    rng: random.Random,
    plan_id: int,
    year: int,
    *,
    owners: list[str],
    today: _dt.date,
    deadlines: dict[str, tuple[int, int]],
    owner_share: float,
    now: str,
) -> int:
    """Owners, deadlines, statuses and monthly notes for the tracked items of one plan."""
    year_over = year < today.year
    notes = 0
    leaves = _leaves(db, plan_id)
    stalled = set(rng.sample(range(len(leaves)), min(3, len(leaves)))) if year_over else set()
    for index, leaf in enumerate(leaves):
        month, day = deadlines.get(leaf["number"]) or rng.choice(QUARTER_ENDS)
        deadline = _dt.date(year, month, day)
        owner = rng.choice(owners) if rng.random() < owner_share else None
        if year_over:
            status = "进行中" if index in stalled else "已完成"
            if index in stalled and rng.random() < 0.35:
                status = "未开始"
        elif year > today.year:
            status = "未开始"
        else:
            passed = deadline <= today
            status = (
                "已完成"
                if passed and rng.random() < 0.7
                else ("进行中" if rng.random() < 0.7 else "未开始")
            )
        db.execute(
            "UPDATE workpoint_items SET owner = ?, deadline = ?, status = ? WHERE id = ?",
            [owner, deadline.isoformat(), status, leaf["id"]],
        )
        if status == "未开始":
            continue
        notes += _notes(
            db,
            rng,
            leaf["id"],
            year,
            topic=_topic(leaf["heading"]),
            status=status,
            deadline=deadline,
            recorder=owner,
            today=today,
            now=now,
        )
    return notes


def _school_units(db: sqlite_utils.Database, plan_id: int) -> None:
    for leaf in _leaves(db, plan_id):
        units = SCHOOL_UNITS.get(leaf["number"])
        if units:
            db.execute(
                "UPDATE workpoint_items SET lead_unit = ?, responsible_units = ? WHERE id = ?",
                [SCHOOL_LEAD, json.dumps(list(units), ensure_ascii=False), leaf["id"]],
            )


def _notes(
    db: sqlite_utils.Database,
    rng: random.Random,
    item_id: int,
    year: int,
    *,
    topic: str,
    status: str,
    deadline: _dt.date,
    recorder: str | None,
    today: _dt.date,
    now: str,
) -> int:
    """Monthly progress notes up to the deadline (or today), and a closing note once done
    (or stalled at the end of a finished year)."""
    last = min(deadline, today)
    if last.year < year or (last.year == year and last.month < 2):
        return 0
    months = list(range(2, (last.month if last.year == year else 12) + 1))
    chosen = sorted(rng.sample(months, min(len(months), rng.randint(1, 3))))
    dates = [_dt.date(year, m, rng.randint(5, 25)) for m in chosen]
    texts = [
        NOTE_TEMPLATES[i] if i < 3 else NOTE_TEMPLATES[rng.randrange(3, 5)]
        for i in range(len(dates))
    ]
    if status == "已完成":
        dates.append(
            max(deadline - _dt.timedelta(days=rng.randint(0, 6)), dates[-1] if dates else deadline)
        )
        texts.append(DONE_NOTE)
    elif _dt.date(year, 12, 20) <= today:
        dates.append(_dt.date(year, 12, 20))
        texts.append(STALLED_NOTE)
    count = 0
    for day, template in zip(dates, texts):
        if day > today:
            break
        text = template.format(
            topic=topic,
            count=rng.randint(4, 60) * 10,
            issues=rng.randint(1, 5),
            reason=rng.choice(STALL_REASONS),
        )
        _insert(
            db,
            "workpoint_notes",
            {
                "item_id": item_id,
                "note_date": day.isoformat(),
                "text": text,
                "recorded_by": recorder or rng.choice(RECORDERS),
                "created_at": now,
            },
        )
        count += 1
    return count


def _link(db: sqlite_utils.Database, school_plan: int, upper_plan: int, now: str) -> int:
    upper = {leaf["key"]: leaf["id"] for leaf in _leaves(db, upper_plan)}
    count = 0
    for leaf in _leaves(db, school_plan):
        for key in DEMO_LINKS.get(leaf["number"], ()):
            if key in upper:
                _insert(
                    db,
                    "workpoint_upper_links",
                    {"item_id": leaf["id"], "upper_item_id": upper[key], "created_at": now},
                )
                count += 1
    return count


def _link_congress(db: sqlite_utils.Database, school_plan: int, year: int, now: str) -> int:
    """The 教代会 item ("召开…教职工代表大会…") to that year's congress session, if any."""
    if "congress_sessions" not in db.table_names():
        return 0
    session = db.execute(
        "SELECT id FROM congress_sessions ORDER BY substr(start_date, 1, 4) <> ?, start_date LIMIT 1",
        [str(year)],
    ).fetchone()
    item = db.execute(
        "SELECT id FROM workpoint_items WHERE plan_id = ? AND text LIKE '%教职工代表大会%'"
        " ORDER BY position LIMIT 1",
        [school_plan],
    ).fetchone()
    if session is None or item is None:
        return 0
    _insert(
        db,
        "workpoint_record_links",
        {
            "item_id": item[0],
            "target_kind": "congress_session",
            "target_id": session[0],
            "created_at": now,
        },
    )
    return 1


def _add_plan(
    db: sqlite_utils.Database, sample: str, *, year: int, base_year: int, kind: str, now: str
) -> int:
    text = sample_text(sample)
    if year != base_year:
        text = _shifted(text, {str(base_year - 1): str(year - 1), str(base_year): str(year)})
    return _store(
        db,
        parse_workpoints(text),
        year=year,
        kind=kind,
        source=sample.replace(str(base_year), str(year)),
        text=text,
        now=now,
    )


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    from guilin_union.services.workpoints.rollover import carry_over, carry_over_candidates

    today = _dt.date.today()
    now = _dt.datetime.now().isoformat(timespec="seconds")
    owners = _owners(db, rng)
    school_years = [SCHOOL_YEAR]
    upper_years = [UPPER_YEAR]
    if scale == "large":
        school_years = list(range(SCHOOL_YEAR - LARGE_YEARS + 1, SCHOOL_YEAR + 1))
        upper_years = list(range(UPPER_YEAR - LARGE_YEARS + 1, UPPER_YEAR + 1))
    plans: dict[tuple[str, int], int] = {}
    notes = links = 0
    kinds: tuple[tuple[str, str, int, list[int], dict[str, tuple[int, int]], float], ...] = (
        ("school", SCHOOL_SAMPLE, SCHOOL_YEAR, school_years, SCHOOL_DEADLINES, 0.85),
        ("upper", UPPER_SAMPLE, UPPER_YEAR, upper_years, {}, 0.5),
    )
    for kind, sample, base_year, years, deadlines, owner_share in kinds:
        for year in years:
            plans[(kind, year)] = plan_id = _add_plan(
                db, sample, year=year, base_year=base_year, kind=kind, now=now
            )
            notes += _track(
                db,
                rng,
                plan_id,
                year,
                owners=owners,
                today=today,
                deadlines=deadlines,
                owner_share=owner_share,
                now=now,
            )
            if kind == "school":
                _school_units(db, plan_id)
    for year in school_years:
        upper = plans.get(("upper", year + 1))
        if upper is not None:
            links += _link(db, plans[("school", year)], upper, now)
    links += _link_congress(db, plans[("school", SCHOOL_YEAR)], SCHOOL_YEAR, now)
    # The secretary carries most unfinished items into the next year and leaves one overdue
    # (so the overview has something to point at).
    unfinished = carry_over_candidates(db, plans[("school", SCHOOL_YEAR)])
    carried = 0
    if len(unfinished) > 1:
        result = carry_over(
            db,
            plans[("school", SCHOOL_YEAR)],
            to_year=SCHOOL_YEAR + 1,
            item_ids=[n["id"] for n in unfinished[1:]],
        )
        # carry_over names the target plan and counts the items it carried
        assert result.row_id is not None and result.undo is not None
        carried = result.undo["count"]
        plans[("school", SCHOOL_YEAR + 1)] = result.row_id
    carried += _carry_to_this_year(db, plans, today)
    return {
        "工作要点计划": len(plans),
        "工作要点进展记录": notes,
        "工作要点关联": links,
        "结转条目": carried,
    }


def _carry_to_this_year(
    db: sqlite_utils.Database, plans: dict[tuple[str, int], int], today: _dt.date
) -> int:
    """Carry the last demo year's unfinished school items into the current year.

    They get deadlines over the coming weeks, so the 首页 has work points that are really due
    (the demo's own years are fixed; the secretary opening it today works in today's year).
    """
    from guilin_union.services.workpoints.rollover import carry_over, carry_over_candidates

    last_year = max(year for kind, year in plans if kind == "school")
    if today.year <= last_year:
        return 0
    source = plans[("school", last_year)]
    unfinished = carry_over_candidates(db, source)
    if not unfinished:
        return 0
    result = carry_over(db, source, to_year=today.year, item_ids=[n["id"] for n in unfinished])
    # carry_over names the target plan and counts the items it carried
    assert result.row_id is not None and result.undo is not None
    plans[("school", today.year)] = result.row_id
    items = db.execute(
        "SELECT id FROM workpoint_items WHERE plan_id = ? AND carried_from_item_id IS NOT NULL"
        " ORDER BY position",
        [result.row_id],
    ).fetchall()
    for offset, (item_id,) in enumerate(items):
        due = today + _dt.timedelta(days=7 + 10 * offset)
        db.execute(
            "UPDATE workpoint_items SET deadline = ? WHERE id = ?", [due.isoformat(), item_id]
        )
    return int(result.undo["count"])
