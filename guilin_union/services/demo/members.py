"""Demo 分工会 and members: plausible names, valid (fictitious) ID numbers, a spread of
ages, titles, employment types and statuses."""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from guilin_union.core.ids import make_resident_id
from guilin_union.core.pinyin import name_keys

BRANCHES = (
    ("文学院分工会", ["汉语言文学系", "新闻传播系", "学院办公室"]),
    ("外国语学院分工会", ["英语系", "日语系", "大学英语教学部"]),
    ("商学院分工会", ["工商管理系", "市场营销系", "学院办公室"]),
    ("会计与审计学院分工会", ["会计系", "审计系", "财务管理系"]),
    ("信息工程学院分工会", ["计算机科学系", "软件工程系", "实验中心"]),
    ("理工学院分工会", ["机械工程系", "电子信息系", "土木工程系"]),
    ("艺术设计学院分工会", ["视觉传达系", "环境设计系", "美术系"]),
    ("音乐舞蹈学院分工会", ["音乐系", "舞蹈系", "学院办公室"]),
    ("体育学院分工会", ["体育教育系", "公共体育教学部", "体育场馆中心"]),
    ("马克思主义学院分工会", ["思想政治理论教研部", "形势与政策教研室"]),
    ("教育学院分工会", ["学前教育系", "心理学系", "教师发展中心"]),
    ("旅游与酒店管理学院分工会", ["旅游管理系", "酒店管理系"]),
    ("国际教育学院分工会", ["国际交流办公室", "汉语国际教育系"]),
    ("继续教育学院分工会", ["成人教育办公室", "培训部"]),
    ("图书馆分工会", ["流通部", "技术部", "采编部"]),
    ("机关分工会", ["党政办公室", "人事处", "财务处", "教务处", "科研处"]),
    ("学生工作部分工会", ["学生工作部", "团委", "招生就业处"]),
    ("后勤保障处分工会", ["后勤保障处", "校医院", "物业服务中心"]),
)
EXTRA_BRANCHES = (
    ("研究生院分工会", ["培养办公室"]),
    ("创新创业学院分工会", ["创业指导中心"]),
    ("网络与信息中心分工会", ["网络运维部"]),
    ("保卫处分工会", ["保卫处"]),
    ("资产与实验室管理处分工会", ["资产管理科"]),
    ("附属幼儿园分工会", ["保教部"]),
    ("校医院分工会", ["门诊部"]),
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
    "尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃蒙莫农陆黎"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏"
    "晓东海波宇浩婷雪琳晨阳佳俊凯瑶颖欣怡子涵思远嘉文博宁雅琪晶莉蕾梦瑞琦琳丹"
    "志宏建国永春秋菊梅兰竹松柏昊天翔云帆"
)
ETHNICITY_WEIGHTS = (
    ("汉族", 72),
    ("壮族", 18),
    ("瑶族", 3),
    ("苗族", 2),
    ("侗族", 2),
    ("回族", 1),
    ("仫佬族", 1),
    ("满族", 1),
)
REGIONS = (
    "450302",
    "450303",
    "450304",
    "450305",
    "450311",
    "450321",
    "450102",
    "450103",
    "450202",
    "450203",
    "450602",
    "450802",
    "451002",
    "452501",
    "430102",
    "440106",
    "360102",
    "510104",
    "420106",
    "350102",
)
TITLES_BY_AGE = (
    (30, ("助教", "无", "助理工程师")),
    (38, ("讲师", "工程师", "实验师", "馆员", "会计师")),
    (48, ("副教授", "讲师", "高级实验师", "副研究员", "高级工程师", "副研究馆员")),
    (200, ("教授", "副教授", "研究员", "高级工程师", "高级实验师")),
)
EDUCATION_BY_TITLE = {"教授": ("博士研究生", "硕士研究生"), "副教授": ("博士研究生", "硕士研究生")}
POLITICAL = (
    ("中共党员", 38),
    ("群众", 45),
    ("共青团员", 8),
    ("民主党派", 5),
    ("中共预备党员", 2),
    ("无党派人士", 2),
)
EMPLOYMENT = (("在编", 55), ("人事代理", 20), ("合同", 20), ("其他", 5))
POSITIONS = (
    "",
    "",
    "",
    "",
    "",
    "教研室主任",
    "副院长",
    "科长",
    "副科长",
    "辅导员",
    "实验员",
    "办公室主任",
)


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([t[0] for t in table], weights=[t[1] for t in table])[0]


def random_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.01 else rng.choice(SURNAMES)
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.75 else "")
    return surname + given


def insert_branches(
    db: sqlite_utils.Database, rng: random.Random, count: int
) -> list[tuple[int, str, str, list[str]]]:
    """Insert ``count`` branches; returns (id, name, code, departments)."""
    pool = list(BRANCHES) + list(EXTRA_BRANCHES)
    result = []
    for i, (name, departments) in enumerate(pool[:count], start=1):
        chair = random_name(rng)
        code = f"{i:02d}"
        cursor = db.execute(
            "INSERT INTO branches (name, code, chair, active, sort_order) VALUES (?, ?, ?, 1, ?)",
            [name, code, chair, i],
        )
        assert cursor.lastrowid is not None  # an INSERT always sets it
        result.append((cursor.lastrowid, name, code, departments))
    return result


def generate_member_rows(
    rng: random.Random,
    branches: list[tuple[int, str, str, list[str]]],
    count: int,
    *,
    today: _dt.date | None = None,
    start_serial: int = 1,
) -> Iterator[dict[str, Any]]:
    """Yield ``count`` realistic member rows ready for the members table."""
    today = today or _dt.date.today()
    used_ids: set[str] = set()
    serial_by_key: dict[tuple[int, str], int] = {}
    now = _dt.datetime.now().isoformat(timespec="seconds")
    for n in range(count):
        branch_id, _branch_name, code, departments = (
            branches[n % len(branches)] if n < len(branches) else rng.choice(branches)
        )
        age = int(rng.triangular(23, 72, 38))
        birth = today.replace(year=today.year - age) - _dt.timedelta(days=rng.randint(1, 360))
        gender = rng.choice(("男", "女"))
        while True:
            number = make_resident_id(rng.choice(REGIONS), birth, rng.randint(0, 99), gender)
            if number not in used_ids:
                used_ids.add(number)
                break
        hire_year = max(birth.year + 23, today.year - rng.randint(0, 35))
        hire_year = min(hire_year, today.year)
        hire = _dt.date(hire_year, rng.choice((7, 8, 9, 3)), rng.randint(1, 28))
        if hire > today:
            hire = today - _dt.timedelta(days=rng.randint(1, 60))
        join = hire + _dt.timedelta(days=rng.randint(20, 120))
        if join > today:
            join = today
        title = next(rng.choice(t) for limit, t in TITLES_BY_AGE if age < limit)
        education = rng.choice(
            EDUCATION_BY_TITLE.get(title, ("硕士研究生", "大学本科", "博士研究生", "大学本科"))
        )
        if age >= 61:
            status = "保留会籍" if rng.random() < 0.9 else "去世"
        else:
            r = rng.random()
            status = (
                "在会" if r < 0.955 else ("转出" if r < 0.98 else ("退会" if r < 0.997 else "开除"))
            )
        key = (join.year, code)
        serial_by_key[key] = serial_by_key.get(key, 0) + 1
        name = random_name(rng)
        initials, pinyin = name_keys(name)
        yield {
            "member_no": f"{join.year}{code}{serial_by_key[key]:04d}",
            "name": name,
            "name_initials": initials,
            "name_pinyin": pinyin,
            "gender": gender,
            "ethnicity": _weighted(rng, ETHNICITY_WEIGHTS),
            "birth_date": birth.isoformat(),
            "id_type": "居民身份证",
            "id_number": number,
            "phone": "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9)),
            "staff_no": f"{hire.year}{start_serial + n:05d}",
            "branch_id": branch_id,
            "department": rng.choice(departments),
            "position": rng.choice(POSITIONS) or None,
            "title": title if title != "无" else None,
            "education": education,
            "political_status": _weighted(rng, POLITICAL),
            "employment_type": _weighted(rng, EMPLOYMENT),
            "hire_date": hire.isoformat(),
            "join_date": join.isoformat(),
            "is_model_worker": 1 if rng.random() < 0.01 else 0,
            "notes": None,
            "status": status,
            "created_at": now,
            "updated_at": now,
        }


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    branch_count, member_count = (25, 3000) if scale == "large" else (18, 600)
    branches = insert_branches(db, rng, branch_count)
    db.table("members").insert_all(
        generate_member_rows(rng, branches, member_count), batch_size=500
    )
    return {"分工会": len(branches), "会员": member_count}
