"""Demo data of the proposals area: about 40 proposals over the demo's three sessions, in every
state — pending, accepted (重点/一般), merged, turned into suggestions, rejected, withdrawn,
being handled (some overdue), replied, rated, and re-handled after 不满意.

Large scale (issue 11): 75 proposals in each of the twenty sessions (1,500 in all).
Rows are written with plain SQL (no per-row audit); every date is consistent (submission ≤
review ≤ assignment ≤ reply ≤ rating ≤ today) and every proposer and seconder was a 正式代表
on the day of submission, so the data obeys the rules the program enforces.
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

import sqlite_utils

from guilin_union.services.common_query import column_values
from guilin_union.services.demo.common import insert_row as _insert
from guilin_union.services.proposals import OPEN_ROUND, UNREVIEWED

TOPICS: dict[str, tuple[str, ...]] = {
    "教学科研": (
        "完善青年教师教学能力培训体系",
        "增加科研启动经费",
        "优化课程考核方式",
        "建设校级教学成果培育库",
        "简化科研经费报销流程",
        "加强实验教学设备更新",
        "设立教学名师工作室",
        "完善教材建设激励办法",
        "推进校企合作实践基地建设",
        "提高学术讲座与交流频次",
        "改进教学质量评价办法",
        "支持教师访学进修",
    ),
    "人事制度": (
        "完善职称评审办法",
        "优化绩效考核分配方案",
        "落实人事代理人员同工同酬",
        "完善教职工年度考核办法",
        "建立辅导员职业发展通道",
        "规范临聘人员管理",
        "完善岗位聘任和晋升机制",
        "改进新进教师入职培训",
        "完善教职工休假制度",
        "建立教职工荣誉表彰制度",
        "优化博士引进待遇",
        "明确实验技术人员职称通道",
    ),
    "后勤保障": (
        "改善教工食堂伙食质量",
        "延长校医院门诊时间",
        "增设教工班车线路",
        "改善教职工公寓维修服务",
        "增加校园饮水设施",
        "规范校园快递收发点",
        "改善办公楼空调供暖",
        "提高物业服务响应速度",
        "增设教工午休场所",
        "改善卫生间设施",
        "加强食堂食品安全监管",
        "增设夜间校园照明",
    ),
    "校园建设": (
        "增设教职工停车位",
        "完善校园无障碍设施",
        "改造老旧教学楼",
        "加强校园绿化美化",
        "增设校园监控和安防设施",
        "改善校园道路和排水",
        "建设教职工健身场所",
        "完善校园网络覆盖",
        "建设智慧教室",
        "规划建设校园文化长廊",
        "改善图书馆阅览环境",
        "增设电动车充电设施",
    ),
    "民生福利": (
        "增设教工子女寒暑假托管班",
        "提高教职工体检标准",
        "完善困难教职工帮扶机制",
        "增加教职工疗休养名额",
        "落实教职工子女入学保障",
        "提高节日慰问标准",
        "设立教职工心理健康服务",
        "开展单身青年教职工联谊",
        "改善离退休教职工活动条件",
        "建立教职工大病互助基金",
        "提供教职工周转房",
        "增设母婴室",
    ),
    "其他": (
        "加强二级教代会建设",
        "推进校务公开",
        "完善校园信息化办事平台",
        "加强校友联络工作",
        "规范会议和文件精简",
        "丰富教职工文体活动",
        "加强师德师风建设",
        "完善校园应急预案",
    ),
}
LEADS: dict[str, tuple[str, ...]] = {
    "教学科研": ("教务处", "科研处"),
    "人事制度": ("人事处",),
    "后勤保障": ("后勤保障处",),
    "校园建设": ("资产与实验室管理处", "后勤保障处", "保卫处"),
    "民生福利": ("后勤保障处", "人事处", "财务处"),
    "其他": ("党政办公室", "网络与信息中心", "图书馆"),
}
REPLIES = {
    "已落实": "经研究，已按提案建议落实：{topic}工作已完成，相关制度和经费已到位。感谢代表对学校工作的关心。",
    "正在落实": "学校高度重视，{topic}已列入本年度工作计划，目前正在推进，预计年底前完成。",
    "未能落实": "经研究，{topic}涉及经费和场地等条件，暂不具备实施条件，学校将在条件成熟时统筹考虑。",
}
# (final state, weight) by how long ago the session was held.
WEIGHTS_OLD = (
    ("done", 66),
    ("done2", 8),
    ("merged", 7),
    ("rejected", 5),
    ("suggestion", 7),
    ("withdrawn", 3),
    ("overdue", 4),
)
WEIGHTS_LAST = (
    ("done", 34),
    ("replied", 10),
    ("overdue", 14),
    ("handling", 6),
    ("rehandling", 8),
    ("merged", 7),
    ("rejected", 6),
    ("suggestion", 8),
    ("withdrawn", 3),
    ("done2", 4),
)
WEIGHTS_CURRENT = (
    ("pending", 44),
    ("accepted", 26),
    ("merged", 8),
    ("rejected", 8),
    ("suggestion", 8),
    ("withdrawn", 6),
)
# The normal demo spells every state out so each one is sure to appear.
FIXED = {
    "old": [
        "done",
        "done",
        "done",
        "done",
        "done",
        "done2",
        "merged",
        "rejected",
        "suggestion",
        "withdrawn",
        "done",
        "done",
    ],
    "last": [
        "done",
        "done",
        "done",
        "done",
        "replied",
        "replied",
        "overdue",
        "overdue",
        "overdue",
        "handling",
        "rehandling",
        "rehandling",
        "merged",
        "rejected",
        "suggestion",
        "done2",
    ],
    "current": [
        "pending",
        "pending",
        "pending",
        "pending",
        "accepted",
        "accepted",
        "accepted",
        "merged",
        "rejected",
        "suggestion",
        "withdrawn",
        "pending",
    ],
}
LATE_REASONS = ("代表外出学习，返校后补交", "代表团汇总延误", "附议人签名延后收齐")
REJECT_REASONS = (
    "属于个人诉求，不符合提案立案条件，已转相关部门个别答复",
    "内容涉及学校已明确的政策，建议通过其他渠道反映",
    "建议事项不属于学校职权范围",
)
DISSATISFIED = ("落实进度慢，未解决实际问题", "答复内容笼统，缺少具体措施", "实际效果与答复不符")
RATING_NOTES = ("答复及时，落实到位", "已基本解决", "")


def populate(db: sqlite_utils.Database, rng: random.Random, scale: str) -> dict[str, int]:
    today = _dt.date.today()
    departments = {r[0]: r[1] for r in db.execute("SELECT name, id FROM proposal_departments")}
    sessions = list(
        db.query(
            "SELECT s.*, t.id AS term FROM congress_sessions s JOIN congress_terms t ON t.id = s.term_id"
            " ORDER BY s.start_date"
        )
    )
    total = 0
    for index, session in enumerate(sessions):
        day = _dt.date.fromisoformat(session["start_date"])
        age = (today - day).days
        bucket = (
            "current"
            if index == len(sessions) - 1
            else ("last" if index == len(sessions) - 2 else "old")
        )
        if scale == "large":
            weights = {"current": WEIGHTS_CURRENT, "last": WEIGHTS_LAST, "old": WEIGHTS_OLD}[bucket]
            states = rng.choices([w[0] for w in weights], weights=[w[1] for w in weights], k=75)
        else:
            states = list(FIXED[bucket])
        total += _session(db, rng, session, states, departments, today, age)
    from guilin_union.services.demo import congress_practice

    # issue 20: sittings, elections, delegates who leave, every outcome handled
    extra = congress_practice.populate(db, today)
    return {"提案": total, **extra}


def _formal_on(db: sqlite_utils.Database, term_id: int, day: str) -> list[int]:
    return column_values(
        db,
        "SELECT member_id FROM congress_delegates WHERE term_id = ? AND delegate_type = '正式代表'"
        " AND start_date <= ? AND (end_date IS NULL OR end_date > ?) ORDER BY id",
        [term_id, day, day],
    )


def _min(*days: _dt.date) -> _dt.date:
    return min(days)


def _session(
    db: sqlite_utils.Database,
    rng: random.Random,
    session: dict[str, Any],
    states: list[str],
    departments: dict[str, int],
    today: _dt.date,
    age: int,
) -> int:
    day = _dt.date.fromisoformat(session["start_date"])
    deadline = _dt.date.fromisoformat(session["proposal_deadline"])
    reply_deadline = session["reply_deadline"]
    pool = [(cat, topic) for cat, topics in TOPICS.items() for topic in topics]
    rng.shuffle(pool)
    events: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    created: list[dict[str, Any]] = []
    stamp = (day - _dt.timedelta(days=1)).isoformat() + "T16:00:00"

    def event(
        pid: int,
        on: _dt.date,
        action: str,
        frm: str | None,
        to: str | None,
        note: str | None = None,
    ) -> None:
        events.append(
            {
                "proposal_id": pid,
                "event_date": on.isoformat(),
                "recorded_at": stamp,
                "recorded_by": "演示数据",
                "action": action,
                "from_status": frm,
                "to_status": to,
                "note": note,
            }
        )

    for seq, state in enumerate(states, start=1):
        category, topic = pool[(seq - 1) % len(pool)]
        title = f"关于{topic}的建议" if seq <= len(pool) else f"关于进一步{topic}的建议"
        late = rng.random() < 0.08 and deadline < day
        submitted = (
            deadline + _dt.timedelta(days=rng.randint(1, max(1, min(5, (day - deadline).days))))
            if late
            else deadline - _dt.timedelta(days=rng.randint(0, 25))
        )
        submitted = _min(submitted, today)
        formal = _formal_on(db, session["term"], submitted.isoformat())
        proposer, *seconders = rng.sample(formal, 2 + (1 if rng.random() < 0.3 else 0) + 1)
        reasons = (
            f"目前学校在{topic}方面仍存在不足，教职工反映较多，影响工作积极性和获得感。"
            f"\n经在代表团内征求意见，大家普遍希望学校予以重视。"
        )
        suggestions = f"1. 将{topic}纳入学校年度重点工作；\n2. 明确牵头部门和完成时限；\n3. 定期向教代会通报进展。"
        number = f"{session['proposal_prefix']}-{seq:03d}"
        now = stamp
        pid = _insert(
            db,
            "proposals",
            {
                "session_id": session["id"],
                "seq": seq,
                "number": number,
                "title": title,
                "category": category,
                "reasons": reasons,
                "suggestions": suggestions,
                "kind": "个人",
                "proposer_member_id": proposer,
                "delegation_id": None,
                "submitted_on": submitted.isoformat(),
                "late_reason": rng.choice(LATE_REASONS) if late else None,
                **UNREVIEWED,
                "created_at": now,
                "updated_at": now,
            },
        )
        for position, member_id in enumerate(seconders, start=1):
            people.append(
                {
                    "proposal_id": pid,
                    "member_id": member_id,
                    "role": "附议人",
                    "source_proposal_id": None,
                    "position": position,
                }
            )
        event(
            pid, submitted, "提交", None, "待审查", f"逾期提交：{LATE_REASONS[0]}" if late else None
        )
        created.append(
            {
                "id": pid,
                "state": state,
                "category": category,
                "topic": topic,
                "proposer": proposer,
                "submitted": submitted,
                "number": number,
            }
        )

    review_day = _min(day + _dt.timedelta(days=rng.randint(3, 12)), today)
    accepted_targets = [
        p for p in created if p["state"] not in ("pending", "merged", "rejected", "suggestion")
    ]
    for p in created:
        _finish(
            db,
            rng,
            p,
            review_day,
            reply_deadline,
            departments,
            today,
            event,
            people,
            accepted_targets,
        )
    db.table("proposal_people").insert_all(people, batch_size=500)
    db.table("proposal_events").insert_all(events, batch_size=500)
    db.execute(
        "INSERT OR REPLACE INTO proposal_counters (session_id, last_seq) VALUES (?, ?)",
        [session["id"], len(states)],
    )
    return len(states)


def _finish(
    db, rng, p, review_day, reply_deadline, departments, today, event, people, targets
) -> None:
    pid, state = p["id"], p["state"]
    review_day = max(review_day, p["submitted"])

    def review(
        status: str,
        result: str | None,
        level: str | None = None,
        note: str | None = None,
        merged_into: int | None = None,
    ) -> None:
        db.execute(
            "UPDATE proposals SET status = ?, review_result = ?, review_level = ?, review_date = ?,"
            " review_note = ?, merged_into_id = ? WHERE id = ?",
            [
                status,
                result,
                level,
                review_day.isoformat() if result else None,
                note,
                merged_into,
                pid,
            ],
        )

    if state == "pending":
        return
    if state == "rejected":
        reason = rng.choice(REJECT_REASONS)
        review("不立案", "不立案", note=reason)
        event(pid, review_day, "不立案", "待审查", "不立案", reason)
        return
    if state == "suggestion":
        review("转意见建议", "转意见建议", note="作为意见建议转有关部门参考")
        event(pid, review_day, "转意见建议", "待审查", "转意见建议", "作为意见建议转有关部门参考")
        return
    if state == "merged":
        candidates = [t for t in targets if t["id"] != pid and t["state"] != "withdrawn"]
        if not candidates:
            return
        same = [t for t in candidates if t["category"] == p["category"]]
        target = rng.choice(same or candidates)
        # A merged proposal asks for the same thing in other words (that is why it is merged).
        db.execute(
            "UPDATE proposals SET title = ?, category = ? WHERE id = ?",
            [f"关于尽快{target['topic']}的提案", target["category"], pid],
        )
        review("已并案", "并案", note="与同类提案合并办理", merged_into=target["id"])
        event(
            pid,
            review_day,
            f"并案（并入{target['number']}）",
            "待审查",
            "已并案",
            "与同类提案合并办理",
        )
        position = sum(
            1 for x in people if x["proposal_id"] == target["id"] and x["role"] == "联名提案人"
        )
        if p["proposer"] != target["proposer"]:
            people.append(
                {
                    "proposal_id": target["id"],
                    "member_id": p["proposer"],
                    "role": "联名提案人",
                    "source_proposal_id": pid,
                    "position": position + 1,
                }
            )
        event(target["id"], review_day, "合并来件", None, None, f"并入{p['number']}")
        return
    if state == "withdrawn":
        review("已撤案", "撤案", note="提案人申请撤案")
        event(pid, review_day, "撤案", "待审查", "已撤案", "提案人申请撤案")
        return
    level = "重点" if rng.random() < 0.2 else "一般"
    review("已立案", "立案", level=level)
    event(pid, review_day, f"立案（{level}）", "待审查", "已立案")
    if state == "accepted":
        return
    leads = LEADS[p["category"]]
    lead = departments[rng.choice(leads)]
    co = [
        departments[n]
        for n in rng.sample([n for n in departments if departments[n] != lead], rng.randint(0, 2))
    ]
    assigned = _min(review_day + _dt.timedelta(days=rng.randint(3, 10)), today)
    deadline = reply_deadline
    if state == "handling":
        deadline = (
            today + _dt.timedelta(days=rng.randint(15, 45))
        ).isoformat()  # extended, not overdue yet
    round_id = _round(db, pid, 1, lead, co, assigned, deadline)
    db.execute("UPDATE proposals SET status = '办理中' WHERE id = ?", [pid])
    event(pid, assigned, "交办", "已立案", "办理中", f"答复期限 {deadline}")
    if state in ("overdue", "handling"):
        return
    replied = _min(assigned + _dt.timedelta(days=rng.randint(20, 75)), today)
    outcome = rng.choices(("已落实", "正在落实", "未能落实"), weights=(60, 30, 10))[0]
    if state in ("rehandling", "done2"):
        outcome = "正在落实"
    _reply(db, round_id, pid, p["topic"], outcome, replied)
    event(pid, replied, "答复", "办理中", "已答复", outcome)
    if state == "replied":
        return
    rated = _min(replied + _dt.timedelta(days=rng.randint(5, 20)), today)
    if state in ("rehandling", "done2"):
        note = rng.choice(DISSATISFIED)
        db.execute(
            "UPDATE proposal_rounds SET rating = '不满意', rating_date = ?, rating_note = ? WHERE id = ?",
            [rated.isoformat(), note, round_id],
        )
        event(pid, rated, "评价：不满意", "已答复", "已答复", note)
        second_deadline = (rated + _dt.timedelta(days=30)).isoformat()
        second = _round(db, pid, 2, lead, co, rated, second_deadline)
        db.execute("UPDATE proposals SET status = '办理中' WHERE id = ?", [pid])
        event(pid, rated, "重新交办（第2轮）", "已答复", "办理中", f"答复期限 {second_deadline}")
        if state == "rehandling":
            return
        replied = _min(rated + _dt.timedelta(days=rng.randint(10, 25)), today)
        _reply(db, second, pid, p["topic"], "已落实", replied)
        event(pid, replied, "答复", "办理中", "已答复", "已落实")
        rated = _min(replied + _dt.timedelta(days=rng.randint(3, 10)), today)
        round_id = second
    rating = rng.choices(("满意", "基本满意"), weights=(70, 30))[0]
    note = rng.choice(RATING_NOTES) or None
    db.execute(
        "UPDATE proposal_rounds SET rating = ?, rating_date = ?, rating_note = ? WHERE id = ?",
        [rating, rated.isoformat(), note, round_id],
    )
    db.execute("UPDATE proposals SET status = '已办结' WHERE id = ?", [pid])
    event(pid, rated, f"评价：{rating}", "已答复", "已办结", note)


def _round(
    db: sqlite_utils.Database,
    pid: int,
    round_no: int,
    lead: int,
    co: list[int],
    assigned: _dt.date,
    deadline: str,
) -> int:
    round_id = _insert(
        db,
        "proposal_rounds",
        {
            "proposal_id": pid,
            "round_no": round_no,
            "lead_department_id": lead,
            "assigned_on": assigned.isoformat(),
            "reply_deadline": deadline,
            **OPEN_ROUND,
        },
    )
    for dept in co:
        _insert(db, "proposal_round_departments", {"round_id": round_id, "department_id": dept})
    return round_id


def _reply(
    db: sqlite_utils.Database, round_id: int, pid: int, topic: str, outcome: str, on: _dt.date
) -> None:
    reason = "受经费预算和场地条件限制，暂无法实施" if outcome == "未能落实" else None
    db.execute(
        "UPDATE proposal_rounds SET reply_text = ?, reply_date = ?, outcome = ?, outcome_reason = ? WHERE id = ?",
        [REPLIES[outcome].format(topic=topic), on.isoformat(), outcome, reason, round_id],
    )
    db.execute("UPDATE proposals SET status = '已答复' WHERE id = ?", [pid])
