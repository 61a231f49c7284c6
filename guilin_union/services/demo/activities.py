"""Demo activities: two years of the activities named in the work points (田径运动会暨亲子运动会,
气排球比赛, 健步走, 单身教职工联谊, “园丁杯”书法篆刻作品展, 教师节庆祝, 劳模工匠进校园,
最美家庭评选 …) with participants, results and budgets. ``large``: 800 activities with
40,000 participations over twenty years.

Rows are inserted with plain SQL and ``executemany`` (no per-row audit: demo data), with
explicit ids so that children can refer to their parents without a round trip per row.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass
from typing import Any, TypedDict

import sqlite_utils

LARGE_ACTIVITIES = 800
LARGE_PARTICIPATIONS = 40_000
LARGE_YEARS = 20


@dataclass(frozen=True)
class _Template:
    name: str  # {n}: edition number, {teacher_day}: 教师节 count
    type: str
    place: str
    month: int
    day: int
    size: int  # typical number of participants
    events: tuple[tuple[str, str, int], ...] = ()  # (name, 个人/团体, weight)
    places: int | None = None
    event_limit: int | None = None
    budget: tuple[tuple[str, int], ...] = ()  # (category, planned yuan)
    organiser: str = "校工会"
    organiser_name: str | None = None
    roles: tuple[tuple[str, int], ...] = (("运动员", 100),)
    awards_only: bool = False  # 评选/作品展: awards without placings
    days: int = 1
    description: str = ""


TEMPLATES: tuple[_Template, ...] = (
    _Template(
        "春季教职工健步走活动",
        "文体活动",
        "校园环湖步道",
        3,
        28,
        180,
        places=300,
        budget=(("奖品", 6000), ("服装", 9000), ("其他", 1000)),
        roles=(("运动员", 95), ("工作人员", 5)),
        description="以分工会为单位组队，全程约5公里，完成者发放纪念品。",
    ),
    _Template(
        "“最美家庭”评选",
        "评选",
        "",
        4,
        20,
        24,
        events=(("最美家庭", "个人", 1),),
        budget=(("奖品", 5000),),
        awards_only=True,
        description="各分工会推荐，校工会组织评审，评选“最美家庭”10户。",
    ),
    _Template(
        "教职工气排球比赛",
        "文体活动",
        "体育馆",
        5,
        16,
        110,
        places=160,
        events=(("男子组", "团体", 1), ("女子组", "团体", 1)),
        budget=(("场地", 2000), ("器材", 3000), ("奖品", 8000), ("餐费", 2500)),
        roles=(("运动员", 84), ("领队", 8), ("裁判", 5), ("工作人员", 3)),
        days=2,
        description="以分工会为单位组队参赛，分男子组、女子组，小组循环后交叉决赛。",
    ),
    _Template(
        "区直驻邕高校单身教职工联谊交友活动",
        "单身联谊",
        "南宁市青秀山",
        5,
        25,
        18,
        places=20,
        organiser="上级工会",
        organiser_name="自治区教育工会",
        budget=(("交通", 3000), ("餐费", 2000)),
        roles=(("运动员", 100),),
        description="自治区教育工会组织，我校推荐单身青年教职工参加。",
    ),
    _Template(
        "“园丁杯”书法篆刻作品展",
        "征文/书法展",
        "图书馆一楼展厅",
        6,
        10,
        36,
        events=(("书法", "个人", 1), ("篆刻", "个人", 1)),
        event_limit=1,
        budget=(("奖品", 6000), ("其他", 3000)),
        awards_only=True,
        days=10,
        description="征集教职工书法、篆刻作品，评选优秀作品推荐参加自治区“园丁杯”展览。",
    ),
    _Template(
        "暑期教职工疗休养",
        "疗休养",
        "北海市",
        7,
        15,
        40,
        places=40,
        budget=(("交通", 24000), ("餐费", 18000), ("其他", 8000)),
        days=5,
        description="组织优秀教职工和一线骨干赴北海疗休养基地疗休养。",
    ),
    _Template(
        "庆祝第{teacher_day}个教师节暨表彰大会",
        "教师节庆祝",
        "学术报告厅",
        9,
        9,
        120,
        budget=(("场地", 3000), ("奖品", 20000), ("其他", 2000)),
        roles=(("观众", 90), ("工作人员", 10)),
        description="表彰优秀教师和从教30年教职工，开展教师节慰问。",
    ),
    _Template(
        "劳模工匠进校园",
        "劳模工匠进校园",
        "学术报告厅",
        10,
        18,
        80,
        budget=(("交通", 1500), ("其他", 1000)),
        roles=(("观众", 95), ("工作人员", 5)),
        description="邀请自治区劳动模范、工匠人才来校宣讲，弘扬劳模精神、劳动精神、工匠精神。",
    ),
    _Template(
        "青年教师教学技能竞赛",
        "技能竞赛",
        "教学楼A101",
        10,
        28,
        30,
        events=(("文科组", "个人", 1), ("理工科组", "个人", 1)),
        event_limit=1,
        budget=(("奖品", 8000), ("其他", 2000)),
        description="面向40周岁以下青年教师，获奖者推荐参加全区高校青年教师教学竞赛。",
    ),
    _Template(
        "第{n}届田径运动会暨教职工亲子运动会",
        "文体活动",
        "田径场",
        11,
        15,
        170,
        places=220,
        events=(
            ("男子100米", "个人", 1),
            ("女子100米", "个人", 1),
            ("男子跳远", "个人", 1),
            ("女子跳远", "个人", 1),
            ("男子铅球", "个人", 1),
            ("女子铅球", "个人", 1),
            ("4×100米混合接力", "团体", 2),
            ("亲子趣味赛跑", "个人", 1),
        ),
        event_limit=2,
        budget=(("器材", 8000), ("服装", 15000), ("奖品", 20000), ("餐费", 6000)),
        roles=(("运动员", 86), ("领队", 6), ("裁判", 5), ("工作人员", 3)),
        days=2,
        description="各分工会组队参赛，设个人项目和团体项目，按7-5-4-3-2-1计团体总分。",
    ),
    _Template(
        "教职工羽毛球比赛",
        "文体活动",
        "体育馆",
        12,
        6,
        60,
        places=80,
        events=(("男子单打", "个人", 1), ("女子单打", "个人", 1), ("混合团体", "团体", 1)),
        event_limit=2,
        budget=(("器材", 2500), ("奖品", 5000)),
        roles=(("运动员", 90), ("裁判", 6), ("工作人员", 4)),
    ),
    _Template(
        "学雷锋志愿服务活动",
        "志愿服务",
        "桂林市雁山区社区",
        3,
        5,
        40,
        budget=(("交通", 1200), ("其他", 800)),
        roles=(("运动员", 100),),
        description="组织教职工志愿者进社区开展义诊、普法和文明交通志愿服务。",
    ),
)
# For the twenty-year database: activities that 分工会 run themselves.
BRANCH_TEMPLATES: tuple[tuple[str, str, tuple[tuple[str, str, int], ...]], ...] = (
    ("趣味运动会", "文体活动", (("拔河", "团体", 1), ("趣味接力", "团体", 1))),
    ("读书分享会", "其他", ()),
    ("乒乓球友谊赛", "文体活动", (("男子单打", "个人", 1), ("女子单打", "个人", 1))),
    ("登山活动", "文体活动", ()),
    ("摄影作品展", "征文/书法展", (("摄影", "个人", 1),)),
)
# Always three weeks ahead of the day the demo is made: registration open, places short, so
# the waiting list and the sign-up import have something to show whatever the date.
UPCOMING = _Template(
    "教职工乒乓球比赛",
    "文体活动",
    "乒乓球馆",
    1,
    1,
    70,
    places=56,
    events=(("男子单打", "个人", 1), ("女子单打", "个人", 1), ("男女混合团体", "团体", 2)),
    event_limit=2,
    budget=(("器材", 1500), ("奖品", 4000), ("餐费", 1200)),
    roles=(("运动员", 90), ("领队", 4), ("裁判", 6)),
    description="以分工会为单位报名，单打采用小组循环加淘汰赛，团体赛按7-5-4-3-2-1计团体总分。",
)
FIRST_SPORTS_MEET = 2003  # the 22nd 田径运动会 falls in 2024, as in the 2024 work points
SCORE_UNITS = {"100米": ("秒", 11.5, 17.5), "跳远": ("米", 3.2, 5.8), "铅球": ("米", 6.0, 11.5)}


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    return db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


class _Writer:
    """Collects rows with pre-assigned ids and writes them with executemany."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.ids = {
            t: _next_id(db, t)
            for t in (
                "activities",
                "activity_events",
                "activity_participants",
                "activity_entries",
                "activity_results",
                "activity_budget_lines",
            )
        }
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in self.ids}

    def add(self, table: str, values: tuple[Any, ...]) -> int:
        row_id = self.ids[table]
        self.ids[table] += 1
        self.rows[table].append((row_id, *values))
        return row_id

    COLUMNS = {
        "activities": "id, name, type, organiser_kind, organiser_branch_id, organiser_name, start_date, end_date,"
        " place, signup_deadline, places, event_limit, description, summary, status, created_at, updated_at",
        "activity_events": "id, activity_id, name, kind, points_weight, sort_order",
        "activity_participants": "id, activity_id, member_id, branch_id, role, status, seq, registered_at, source, notes",
        "activity_entries": "id, participant_id, event_id",
        "activity_results": "id, activity_id, event_id, participant_id, branch_id, rank, score, award, notes",
        "activity_budget_lines": "id, activity_id, kind, category, amount, spent_on, description, voucher_no, created_at",
    }

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if not rows:
                continue
            marks = ", ".join("?" for _ in rows[0])
            self.db.conn.executemany(
                f"INSERT INTO {table} ({self.COLUMNS[table]}) VALUES ({marks})", rows
            )
            rows.clear()


def _pool(db: sqlite_utils.Database) -> tuple[list[tuple[int, int, str, str]], dict[int, str]]:
    """Members who may take part: (id, branch_id, gender, status)."""
    members = [
        tuple(r)
        for r in db.execute(
            "SELECT id, branch_id, gender, status FROM members WHERE status IN ('在会', '保留会籍') ORDER BY id"
        )
    ]
    branches = {
        r[0]: r[1] for r in db.execute("SELECT id, name FROM branches ORDER BY sort_order, id")
    }
    return members, branches


def _status_for(day: _dt.date, today: _dt.date, deadline: _dt.date | None) -> str:
    if day > today:
        return "报名中" if deadline is None or deadline >= today else "筹备中"
    return "已结束"


def _score(event: str, rank: int, rng: random.Random) -> str:
    for key, (unit, best, worst) in SCORE_UNITS.items():
        if key in event:
            step = (worst - best) / 12
            value = best + step * (rank - 1) + rng.uniform(0, step * 0.9)
            if unit == "米":
                value = worst + best - value  # longer is better
            return f"{value:.2f}{unit}"
    return ""


def _award(rank: int | None) -> str | None:
    if rank is None:
        return None
    return "一等奖" if rank == 1 else "二等奖" if rank <= 3 else "三等奖" if rank <= 6 else None


class _ActivitySpec(TypedDict):
    """One demo activity: the keyword arguments of :func:`_add_activity` that differ per activity."""

    name: str
    kind: str
    place: str
    day: _dt.date
    days: int
    size: int
    events: tuple[tuple[str, str, int], ...]
    places: int | None
    event_limit: int | None
    budget: tuple[tuple[str, int], ...]
    organiser: str
    organiser_branch: int | None
    organiser_name: str | None
    roles: tuple[tuple[str, int], ...]
    awards_only: bool
    description: str


def _add_activity(
    w: _Writer,
    rng: random.Random,
    *,
    name: str,
    kind: str,
    place: str,
    day: _dt.date,
    days: int,
    size: int,
    events: tuple[tuple[str, str, int], ...],
    places: int | None,
    event_limit: int | None,
    budget: tuple[tuple[str, int], ...],
    organiser: str,
    organiser_branch: int | None,
    organiser_name: str | None,
    roles: tuple[tuple[str, int], ...],
    awards_only: bool,
    description: str,
    today: _dt.date,
    members: list[tuple[int, int, str, str]],
    branch_names: dict[int, str],
    now: str,
) -> int:
    end = day + _dt.timedelta(days=days - 1)
    deadline = day - _dt.timedelta(days=rng.choice((5, 7, 10, 14)))
    status = _status_for(day, today, deadline)
    past = status == "已结束"
    pool = [m for m in members if m[1] == organiser_branch] if organiser_branch else members
    if not pool:
        pool = members
    # A place limit a little below demand on coming activities, so the waiting list shows.
    wanted = min(size, len(pool))
    if places is not None and not past:
        places = max(5, min(places, int(wanted * 0.9)))
    summary = None
    if past:
        summary = (
            f"{name}于{day.year}年{day.month}月{day.day}日在{place or '校内'}举行，"
            f"共有{wanted}名教职工参加，活动达到预期效果。"
        )
    summary_row = len(w.rows["activities"])  # the summary text is completed below
    activity_id = w.add(
        "activities",
        (
            name,
            kind,
            organiser,
            organiser_branch,
            organiser_name,
            day.isoformat(),
            end.isoformat(),
            place or None,
            deadline.isoformat(),
            places,
            event_limit,
            description or None,
            summary,
            status,
            now,
            now,
        ),
    )
    event_ids: list[tuple[int, str, str, int]] = []
    for order, (event, event_kind, weight) in enumerate(events, start=1):
        event_ids.append(
            (
                w.add("activity_events", (activity_id, event, event_kind, weight, order)),
                event,
                event_kind,
                weight,
            )
        )

    people = rng.sample(pool, wanted)
    role_names = [r[0] for r in roles]
    role_weights = [r[1] for r in roles]
    taken = 0
    entrants: dict[int, list[tuple[int, int]]] = {e[0]: [] for e in event_ids}
    branches_in: set[int] = set()
    registered = _dt.datetime.combine(deadline - _dt.timedelta(days=10), _dt.time(9)).isoformat(
        timespec="seconds"
    )
    attended = 0
    for seq, (member_id, branch_id, gender, _status) in enumerate(people, start=1):
        role = rng.choices(role_names, role_weights)[0]
        takes = role not in ("裁判", "工作人员")
        if past:
            status_p = (
                "已取消" if rng.random() < 0.04 else ("已参加" if rng.random() < 0.95 else "已确认")
            )
        elif places is not None and takes and taken >= places:
            status_p = "候补"
        else:
            status_p = rng.choice(("已报名", "已报名", "已确认"))
        if takes and status_p in ("已报名", "已确认", "已参加"):
            taken += 1
        pid = w.add(
            "activity_participants",
            (
                activity_id,
                member_id,
                branch_id,
                role,
                status_p,
                seq,
                registered,
                "导入" if rng.random() < 0.6 else "手工",
                None,
            ),
        )
        if status_p != "已取消":
            branches_in.add(branch_id)
        attended += status_p == "已参加"
        if role != "运动员" or not event_ids:
            continue
        fitting = [
            e
            for e in event_ids
            if e[2] == "个人"
            and not (("男子" in e[1] and gender == "女") or ("女子" in e[1] and gender == "男"))
        ]
        limit = event_limit or len(fitting)
        for entered in rng.sample(fitting, min(len(fitting), rng.randint(1, max(1, limit)))):
            w.add("activity_entries", (pid, entered[0]))
            if status_p == "已参加":
                entrants[entered[0]].append((pid, branch_id))

    if past:
        for event_id, event, event_kind, _weight in event_ids:
            if event_kind == "团体":
                teams = sorted(branches_in)
                rng.shuffle(teams)
                for rank, branch_id in enumerate(teams[:6], start=1):
                    w.add(
                        "activity_results",
                        (activity_id, event_id, None, branch_id, rank, None, _award(rank), None),
                    )
                continue
            people_in = entrants[event_id]
            rng.shuffle(people_in)
            if awards_only:
                for i, (pid, branch_id) in enumerate(people_in[:10]):
                    award = (
                        "一等奖"
                        if i == 0
                        else "二等奖"
                        if i < 3
                        else "三等奖"
                        if i < 6
                        else "优秀奖"
                    )
                    w.add(
                        "activity_results",
                        (activity_id, event_id, pid, branch_id, None, None, award, None),
                    )
                continue
            ranks = list(range(1, min(len(people_in), 8) + 1))
            if len(ranks) >= 5 and rng.random() < 0.25:
                ranks[4] = ranks[3]  # an occasional tie for 4th place
            previous: tuple[int, str] | None = None
            for (pid, branch_id), rank in zip(people_in, ranks):
                # A tie is a tie because the results are equal: the same time or distance.
                score = (
                    previous[1] if previous and previous[0] == rank else _score(event, rank, rng)
                )
                previous = (rank, score)
                w.add(
                    "activity_results",
                    (
                        activity_id,
                        event_id,
                        pid,
                        branch_id,
                        rank,
                        score or None,
                        _award(rank),
                        None,
                    ),
                )

    if summary:
        # The summary names the number the 参加情况 table shows (实到), not the number invited.
        row = list(w.rows["activities"][summary_row])
        row[13] = summary.replace(f"共有{wanted}名", f"共有{attended}名")
        w.rows["activities"][summary_row] = tuple(row)

    for category, yuan in budget:
        planned = yuan * 100
        w.add(
            "activity_budget_lines",
            (activity_id, "预算", category, planned, None, f"{category}预算", None, now),
        )
        if past:
            actual = (
                int(planned * rng.uniform(0.78, 1.12)) // 100 * 100
            )  # whole yuan, sometimes over budget
            spent_day = min(end + _dt.timedelta(days=rng.randint(1, 20)), today)
            spent = spent_day.isoformat()
            voucher = f"{spent_day:%Y-%m}-{rng.randint(1, 300):03d}"
            w.add(
                "activity_budget_lines",
                (activity_id, "支出", category, actual, spent, f"{category}费用", voucher, now),
            )
    return wanted


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    members, branch_names = _pool(db)
    if not members:
        return {"活动": 0, "活动参加人次": 0}
    today = _dt.date.today()
    now = _dt.datetime.now().isoformat(timespec="seconds")
    w = _Writer(db)
    branch_ids = list(branch_names)
    activities = participations = 0
    if scale == "large":
        plan: list[
            tuple[int, _Template | tuple[str, str, tuple[tuple[str, str, int], ...]], int | None]
        ] = []
        per_year = LARGE_ACTIVITIES // LARGE_YEARS
        for year in range(today.year - LARGE_YEARS + 1, today.year + 1):
            for i in range(per_year):
                if i < len(TEMPLATES):
                    plan.append((year, TEMPLATES[i], None))
                else:
                    plan.append(
                        (
                            year,
                            BRANCH_TEMPLATES[i % len(BRANCH_TEMPLATES)],
                            branch_ids[i % len(branch_ids)],
                        )
                    )
        sizes = [rng.randint(20, 80) for _ in plan]
        # Exactly 40,000 participations, spread one by one over the activities.
        diff = LARGE_PARTICIPATIONS - sum(sizes)
        step = 1 if diff > 0 else -1
        i = 0
        while diff:
            sizes[i % len(sizes)] += step
            diff -= step
            i += 1
    else:
        plan = [(year, t, None) for year in (today.year - 1, today.year) for t in TEMPLATES]
        sizes = [t.size if isinstance(t, _Template) else 20 for _, t, _b in plan]
    upcoming = today + _dt.timedelta(days=21)
    if scale == "large":
        plan[-1] = (upcoming.year, UPCOMING, None)  # keep exactly 800 activities
    else:
        plan.append((upcoming.year, UPCOMING, None))
        sizes.append(UPCOMING.size)
    for (year, template, branch_id), size in zip(plan, sizes):
        if isinstance(template, _Template):
            day = upcoming if template is UPCOMING else _dt.date(year, template.month, template.day)
            if "{" in template.name:  # numbered: 第二十二届…, 第40个教师节
                name = template.name.format(
                    n=_cn_number(year - FIRST_SPORTS_MEET + 1), teacher_day=year - 1984
                )
            else:
                name = f"{year}年{template.name}"
            if scale == "large" and template.places is not None and template is not UPCOMING:
                places: int | None = max(size, 10)
            else:
                places = template.places
            kwargs = _ActivitySpec(
                name=name,
                kind=template.type,
                place=template.place,
                day=day,
                days=template.days,
                size=size,
                events=template.events,
                places=places,
                event_limit=template.event_limit,
                budget=template.budget,
                organiser=template.organiser,
                organiser_branch=None,
                organiser_name=template.organiser_name,
                roles=template.roles,
                awards_only=template.awards_only,
                description=template.description,
            )
        else:
            title, kind, events = template
            day = _dt.date(year, rng.randint(3, 12), rng.randint(1, 28))
            assert branch_id is not None  # a branch's own activity always names its branch
            branch_name = branch_names[branch_id]
            kwargs = _ActivitySpec(
                name=f"{branch_name.removesuffix('分工会')}{title}",
                kind=kind,
                place="校内",
                day=day,
                days=1,
                size=size,
                events=events,
                places=None,
                event_limit=None,
                budget=(("奖品", 800), ("其他", 400)),
                organiser="分工会",
                organiser_branch=branch_id,
                organiser_name=None,
                roles=(("运动员", 100),),
                awards_only=kind != "文体活动",
                description="",
            )
        participations += _add_activity(
            w, rng, today=today, members=members, branch_names=branch_names, now=now, **kwargs
        )
        activities += 1
        if scale == "large" and activities % 100 == 0:
            w.flush()  # keeps memory flat; ids are pre-assigned so order does not matter
    w.flush()
    return {"活动": activities, "活动参加人次": participations}


def _cn_number(n: int) -> str:
    """22 -> 二十二 (cn2an, the maintained library for Chinese numerals)."""
    import cn2an

    return cn2an.an2cn(n)
