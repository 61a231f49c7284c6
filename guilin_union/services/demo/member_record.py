"""Demo data of the member record (issue 24): 工会小组 with their 组长, the 实名制 fields,
family members and work history for some members, and a few years of honours.

Drawn from its own random generator, so the other areas' demo data stay exactly as before.
"""

from __future__ import annotations

import datetime as _dt
import random

import sqlite_utils

from guilin_union.storage import audit

PLACES = (
    "广西桂林",
    "广西南宁",
    "广西柳州",
    "广西玉林",
    "湖南永州",
    "广东湛江",
    "广西百色",
    "广西梧州",
)
SCHOOLS = (
    ("广西师范大学", "汉语言文学"),
    ("广西大学", "会计学"),
    ("桂林电子科技大学", "计算机科学与技术"),
    ("桂林理工大学", "土木工程"),
    ("广西艺术学院", "音乐表演"),
    ("湖南师范大学", "英语"),
    ("华南理工大学", "工商管理"),
)
HONOURS = (
    ("优秀工会积极分子", "校"),
    ("先进个人", "校"),
    ("优秀教师", "校"),
    ("三八红旗手", "自治区"),
    ("优秀工会干部", "市"),
    ("桂林市劳动模范", "市"),
    ("全国模范教师", "国家"),
)
ISSUERS = {
    "校": "桂林学院",
    "市": "桂林市总工会",
    "自治区": "广西壮族自治区总工会",
    "国家": "教育部",
}
RELATIONS = ("配偶", "子女", "父亲", "母亲")
FIRST = "李王张刘陈杨黄赵周吴"
GIVEN = ("梅", "军", "芳", "强", "丽", "伟", "静", "涛", "敏", "洋")


def populate(db: sqlite_utils.Database, _rng: random.Random, scale: str) -> dict[str, int]:
    rng = random.Random(24)
    now = audit.now_iso()
    today = _dt.date.today()
    groups = 0
    branches = db.execute("SELECT id FROM branches ORDER BY sort_order, id").fetchall()
    member_rows = db.execute(
        "SELECT id, branch_id, birth_date, hire_date FROM members WHERE status = '在会' ORDER BY id"
    ).fetchall()
    by_branch: dict[int, list[tuple]] = {}
    for row in member_rows:
        by_branch.setdefault(row[1], []).append(row)
    assignments: list[tuple[int, int]] = []
    for (branch_id,) in branches:
        people = by_branch.get(branch_id, [])
        if len(people) < 6:
            continue
        count = 2 if len(people) < 40 else 3
        chunks = [people[i::count] for i in range(count)]
        for n, chunk in enumerate(chunks, 1):
            leader = chunk[0][0]
            cursor = db.execute(
                "INSERT INTO union_groups (branch_id, name, leader_member_id, sort_order, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [branch_id, f"第{'一二三'[n - 1]}小组", leader, n, now, now],
            )
            groups += 1
            assert cursor.lastrowid is not None  # an INSERT always sets it
            gid = cursor.lastrowid
            assignments += [(gid, p[0]) for p in chunk if rng.random() < 0.8 or p[0] == leader]
    db.conn.executemany("UPDATE members SET group_id = ? WHERE id = ?", assignments)

    profiles = []
    for mid, _branch, birth, hire in member_rows:
        school, major = rng.choice(SCHOOLS)
        born = _dt.date.fromisoformat(birth) if birth else None
        start = None
        if born:
            start = _dt.date(min(born.year + rng.randint(22, 26), today.year), 7, 1).isoformat()
        if hire and start and start > hire:
            start = hire
        valid = (
            "长期有效"
            if born and today.year - born.year >= 46
            else f"{today.year + rng.randint(1, 19)}-0{rng.randint(1, 9)}-15"
        )
        profiles.append((rng.choice(PLACES), start, school, major, valid, "在岗", mid))
    db.conn.executemany(
        "UPDATE members SET native_place = ?, work_start_date = ?, graduated_from = ?, major = ?,"
        " id_valid_until = ?, employment_status = ? WHERE id = ?",
        profiles,
    )
    sample = [r[0] for r in member_rows[:: max(1, len(member_rows) // 40)]]
    family = []
    resume: list[tuple[int, int, str, str | None, str, str]] = []
    for mid in sample:
        for pos, relation in enumerate(rng.sample(RELATIONS, 2)):
            name = rng.choice(FIRST) + rng.choice(GIVEN)
            family.append(
                (mid, pos, relation, name, rng.choice(("桂林市第一中学", "退休", "个体", "在读")))
            )
        resume.append((mid, 0, "2008-07", "2012-08", rng.choice(SCHOOLS)[0], "助教"))
        resume.append((mid, 1, "2012-09", None, "桂林学院", "讲师"))
    db.conn.executemany(
        "INSERT INTO member_family (member_id, position, relation, name, work_unit) VALUES (?, ?, ?, ?, ?)",
        family,
    )
    db.conn.executemany(
        "INSERT INTO member_resume (member_id, position, start_month, end_month, unit, post)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        resume,
    )
    honours = []
    model_workers = []
    for year in range(today.year - 2, today.year + 1):
        for mid in rng.sample([r[0] for r in member_rows], min(8, len(member_rows))):
            title, level = rng.choice(HONOURS)
            day = _dt.date(year, rng.choice((3, 4, 9, 12)), rng.randint(1, 28))
            if day > today:
                day = today
            honours.append(
                (
                    mid,
                    title,
                    level,
                    day.isoformat(),
                    ISSUERS[level],
                    f"{ISSUERS[level][:2]}〔{year}〕{rng.randint(1, 60)}号",
                    now,
                )
            )
            if "劳动模范" in title:
                model_workers.append((mid,))
    db.conn.executemany(
        "INSERT INTO member_honours (member_id, title, level, awarded_on, issuer, document_no, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        honours,
    )
    db.conn.executemany("UPDATE members SET is_model_worker = 1 WHERE id = ?", model_workers)
    return {"工会小组": groups, "表彰记录": len(honours), "家庭成员": len(family)}
