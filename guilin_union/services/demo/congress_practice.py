"""Demo data of issue 20 (the real practice of 教代会 and 提案), added after the proposals:

- the current term is a joint congress (教代会暨工代会 with two numbers);
- one 正式代表 retires on the day of the current session (the mandate ends, a 补选 to-do
  appears) and is invited to go on as 列席代表; another transfers out (a plain vacancy);
- the current session has a 主席团, sittings (预备会议, 正式会议 上午/下午, 主席团会议, two
  分组讨论 with minutes) each with its own sign-in, a vote at a sitting and a 差额 election;
- 转意见建议 and 不立案 items of the past sessions are handed to departments, answered and
  rated; 重点 proposals have a 督办 member; the best ones are 优秀提案.

Everything goes through the services (so it obeys the rules) with its own random generator,
so the other areas' demo data stay as they were.
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

import sqlite_utils

from guilin_union.core.errors import UserError
from guilin_union.services.common_query import column_values

SEED = 20


def populate(db: sqlite_utils.Database, today: _dt.date) -> dict[str, int]:
    from guilin_union.services import congress

    rng = random.Random(SEED)
    sessions = congress.list_sessions(db)
    if not sessions:
        return {}
    current = sessions[-1]
    counts = {"会议场次": 0, "选举": 0, "交办的意见建议和不立案提案": 0}
    term = congress.get_term(db, current.term_id)
    congress.set_union_number(db, current.term_id, term.number + 15)
    _register_changes(db, rng, current, today)
    counts["会议场次"] = _sittings(db, rng, current)
    counts["选举"] = _election(db, rng, current)
    for session in sessions:
        counts["交办的意见建议和不立案提案"] += _other_outcomes(db, rng, session, today)
        _supervisors_and_excellent(db, rng, session, today)
    return counts


def _formal(db: sqlite_utils.Database, session: Any) -> list[dict[str, Any]]:
    from guilin_union.services.congress import delegates

    return delegates.session_delegates(db, session.id, types=["正式代表"])


def _register_changes(
    db: sqlite_utils.Database, rng: random.Random, session: Any, today: _dt.date
) -> None:
    from guilin_union.services.congress import delegates
    from guilin_union.services.members import status as member_status

    day = min(_dt.date.fromisoformat(session.start_date), today)
    formal = [r for r in _formal(db, session) if r["start_date"] < day.isoformat()]
    heads = {r[0] for r in db.execute("SELECT head_member_id FROM congress_delegations") if r[0]}
    pool = [r for r in formal if r["member_id"] not in heads and r["member_status"] == "在会"]
    rng.shuffle(pool)
    done = 0
    for row, action, reason in (
        (None, "退休", "到龄退休"),
        (None, "转出", "调往广西师范大学"),
    ):
        while pool:
            candidate = pool.pop()
            last = db.execute(
                "SELECT max(event_date) FROM member_status_events WHERE member_id = ?",
                [candidate["member_id"]],
            ).fetchone()[0]
            if last and last > day.isoformat():
                continue
            try:
                member_status.record_status_change(
                    db, candidate["member_id"], action, on=day, reason=reason, today=today
                )
            except UserError:
                continue
            row = candidate
            break
        if row is not None and action == "退休":
            delegates.continue_as_attending(db, row["id"], note="退休后邀请继续列席本届大会")
        done += 1 if row is not None else 0


# The first sittings of the demo session, in the order they are held on its first day.
_OPENING_SITTINGS: tuple[dict[str, str], ...] = (
    {
        "kind": "主席团会议",
        "title": "主席团第一次会议",
        "half_day": "上午",
        "start_time": "08:00",
        "place": "行政楼第一会议室",
    },
    {"kind": "预备会议", "half_day": "上午", "start_time": "08:30"},
    {"kind": "正式会议", "title": "第一次全体会议", "half_day": "上午", "start_time": "09:00"},
    {"kind": "正式会议", "title": "第二次全体会议", "half_day": "下午", "start_time": "15:30"},
)


def _sittings(db: sqlite_utils.Database, rng: random.Random, session: Any) -> int:
    from guilin_union.services.congress import sittings

    formal = _formal(db, session)
    presidium = [
        (r["member_id"], "常务主席" if i < 2 else ("秘书长" if i == 2 else "成员"))
        for i, r in enumerate(rng.sample(formal, min(9, len(formal))))
    ]
    sittings.set_presidium(db, session.id, presidium)
    day = session.start_date
    ids = [
        sittings.add_sitting(db, session.id, {**sitting, "sitting_date": day}).row_id
        for sitting in _OPENING_SITTINGS
    ]
    groups = db.execute(
        "SELECT id, name, head_member_id FROM congress_delegations WHERE term_id = ? ORDER BY sort_order, id LIMIT 2",
        [session.term_id],
    ).fetchall()
    for delegation_id, name, head in groups:
        head_name = db.execute("SELECT name FROM members WHERE id = ?", [head]).fetchone()
        ids.append(
            sittings.add_sitting(
                db,
                session.id,
                {
                    "kind": "分组讨论",
                    "sitting_date": day,
                    "half_day": "下午",
                    "start_time": "14:00",
                    "place": f"{name}会议室",
                    "delegation_id": delegation_id,
                    "convenor": head_name[0] if head_name else "",
                    "recorder": "工会干事",
                    "minutes": "\n".join(
                        rng.sample(
                            [
                                "赞成学校工作报告，建议进一步细化年度目标的考核办法。",
                                "希望财务预算更多向一线教学倾斜，提高课时津贴标准。",
                                "建议加快教职工周转房建设，解决青年教师住房困难。",
                                "工会工作报告内容充实，建议增加教职工文体活动场地开放时间。",
                                "提案办理总体满意，个别答复偏原则，希望落实到具体时间表。",
                                "建议完善职称评审中教学业绩的认定办法。",
                            ],
                            4,
                        )
                    ),
                },
            ).row_id
        )
    made = [i for i in ids if i is not None]
    for sitting_id in made:
        marks = {}
        for r in sittings.sitting_rows(db, sitting_id):
            x = rng.random()
            marks[r["id"]] = "已签到" if x < 0.9 else ("请假" if x < 0.97 else "缺席")
        sittings.sign_in_many(db, sitting_id, marks)
    present = sittings.sitting_summary(db, made[2]).present
    yes = present - rng.randint(0, 3)
    sittings.vote_at_sitting(
        db, made[1], title="通过大会议程", yes=yes, no=0, abstain=present - yes
    )
    return len(made)


def _election(db: sqlite_utils.Database, rng: random.Random, session: Any) -> int:
    from guilin_union.services.congress import elections, sittings

    afternoon = [s for s in sittings.list_sittings(db, session.id) if s.title == "第二次全体会议"]
    if not afternoon:
        return 0
    sitting = afternoon[0]
    summary = sittings.sitting_summary(db, sitting.id)
    names = [r["name"] for r in rng.sample(_formal(db, session), 7)]
    candidates, scrutineers, tellers = names[:3], names[3:5], names[5:7]
    eid = elections.add_election(
        db,
        session.id,
        {
            "title": "增补工会委员会委员",
            "method": "差额",
            "seats": 2,
            "candidates": candidates,
            "sitting_id": sitting.id,
            "scrutineers": scrutineers,
            "tellers": tellers,
            "held_on": sitting.sitting_date,
        },
    ).row_id
    assert eid is not None
    issued = summary.present
    returned = issued - rng.randint(0, 2)
    invalid = rng.randint(0, 2)
    valid = returned - invalid
    elections.record_ballots(
        db, eid, issued=issued, returned=returned, valid=valid, invalid=invalid
    )
    shares = (0.86, 0.71, 0.38)
    votes = {}
    for name, share in zip(candidates, shares, strict=True):
        yes = int(valid * share)
        no = rng.randint(0, max(valid - yes, 0))
        other = rng.randint(0, max(valid - yes - no, 0) // 3)
        votes[name] = (yes, no, valid - yes - no - other, other)
    elections.record_candidate_votes(db, eid, votes)
    return 1


def _other_outcomes(
    db: sqlite_utils.Database, rng: random.Random, session: Any, today: _dt.date
) -> int:
    from guilin_union.services.proposals import handling

    departments = column_values(db, "SELECT id FROM proposal_departments WHERE active = 1")
    rows = db.execute(
        "SELECT id, review_date FROM proposals WHERE session_id = ? AND status IN ('转意见建议', '不立案')"
        " ORDER BY seq",
        [session.id],
    ).fetchall()
    done = 0
    for pid, review_date in rows:
        start = _dt.date.fromisoformat(review_date)
        assigned = min(start + _dt.timedelta(days=rng.randint(2, 8)), today)
        lead = rng.choice(departments)
        co = [d for d in rng.sample(departments, 2) if d != lead][:1]
        handling.assign(db, pid, lead_department_id=lead, co_department_ids=co, on=assigned)
        done += 1
        replied = assigned + _dt.timedelta(days=rng.randint(10, 50))
        if replied > today or rng.random() < 0.15:
            continue
        handling.reply(
            db,
            pid,
            text=rng.choice(
                (
                    "感谢代表的意见建议，我处已研究并纳入下一年度工作计划。",
                    "经研究，该事项涉及学校整体规划，已向学校领导汇报，将统筹考虑。",
                    "该建议已采纳，相关措施已于本学期实施。",
                )
            ),
            on=replied,
            outcome=rng.choice((None, "正在落实", "已落实")),
        )
        rated = replied + _dt.timedelta(days=rng.randint(3, 15))
        if rated <= today and rng.random() < 0.7:
            handling.rate(db, pid, rating=rng.choice(("满意", "基本满意", "基本满意")), on=rated)
    return done


def _supervisors_and_excellent(
    db: sqlite_utils.Database, rng: random.Random, session: Any, today: _dt.date
) -> None:
    from guilin_union.services import proposals

    committee = [r["member_id"] for r in rng.sample(_formal(db, session), 3)]
    keys = db.execute(
        "SELECT id FROM proposals WHERE session_id = ? AND review_level = '重点' ORDER BY seq",
        [session.id],
    ).fetchall()
    for i, (pid,) in enumerate(keys):
        proposals.set_supervisor(
            db,
            pid,
            committee[i % len(committee)],
            on=min(today, _dt.date.fromisoformat(session.start_date)),
        )
    finished = db.execute(
        "SELECT p.id, max(r.rating_date) FROM proposals p JOIN proposal_rounds r ON r.proposal_id = p.id"
        " WHERE p.session_id = ? AND p.status = '已办结' AND r.rating = '满意' GROUP BY p.id ORDER BY p.seq LIMIT 3",
        [session.id],
    ).fetchall()
    for pid, rated in finished:
        proposals.mark_excellent(db, pid, on=rated, note="校级优秀提案")
