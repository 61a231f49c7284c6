"""交办 → 答复 → 评价, rounds kept on 不满意, overdue lists, and statistics checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import proposals
from guilin_union.services.proposals import handling
from guilin_union.services.proposals.query import ProposalQuery, count, list_rows, session_stats
from tests.congress_fixtures import department, make_congress, submit

TODAY = dt.date(2024, 7, 1)


@pytest.fixture
def c(db):
    return make_congress(db, formal=6, attending=1, special=1, spare=3)


def _accepted(c, title, **kw):
    pid = submit(c, title, **kw)
    proposals.accept(c.db, pid, on="2024-03-20")
    return pid


def test_assignment_reply_and_satisfied(c):
    pid = _accepted(c, "关于改善夜间照明的建议")
    lead, co = department(c.db, "后勤保障处"), department(c.db, "保卫处")
    handling.assign(c.db, pid, lead_department_id=lead, co_department_ids=[co], on="2024-03-25")
    r = handling.current_round(c.db, pid)
    assert (r.round_no, r.lead_department, r.co_text, r.reply_deadline) == (
        1,
        "后勤保障处",
        "保卫处",
        "2024-06-13",
    )
    assert proposals.get_proposal(c.db, pid).status == "办理中"
    with pytest.raises(ValidationError, match="须说明原因"):
        handling.reply(c.db, pid, text="经费不足", outcome="未能落实", on="2024-05-01")
    handling.reply(c.db, pid, text="已在主干道增设路灯 40 盏。", outcome="已落实", on="2024-05-01")
    handling.rate(c.db, pid, rating="满意", on="2024-05-10")
    assert proposals.get_proposal(c.db, pid).status == "已办结"
    actions = [e.action for e in proposals.events(c.db, pid)]
    assert actions == ["提交", "立案（一般）", "交办", "答复", "评价：满意"]


def test_dissatisfied_opens_another_round_and_keeps_the_first(c):
    pid = _accepted(c, "关于改善夜间照明的建议")
    handling.assign(c.db, pid, lead_department_id=department(c.db, "后勤保障处"), on="2024-03-25")
    handling.reply(c.db, pid, text="正在招标。", outcome="正在落实", on="2024-05-01")
    with pytest.raises(ValidationError, match="不满意的原因"):
        handling.rate(c.db, pid, rating="不满意", on="2024-05-10")
    handling.rate(c.db, pid, rating="不满意", on="2024-05-10", note="西区仍无照明")
    rounds = handling.rounds(c.db, pid)
    assert [(r.round_no, r.rating) for r in rounds] == [(1, "不满意"), (2, None)]
    assert rounds[1].reply_deadline == "2024-06-09" and rounds[1].lead_department == "后勤保障处"
    assert proposals.get_proposal(c.db, pid).status == "办理中"
    handling.reply(c.db, pid, text="西区已增设路灯。", outcome="已落实", on="2024-06-01")
    handling.rate(c.db, pid, rating="基本满意", on="2024-06-05")
    assert [r.rating for r in handling.rounds(c.db, pid)] == ["不满意", "基本满意"]
    assert "重新交办（第2轮）" in [e.action for e in proposals.events(c.db, pid)]


def test_undo_rating(c):
    pid = _accepted(c, "关于改善夜间照明的建议")
    handling.assign(c.db, pid, lead_department_id=department(c.db, "后勤保障处"), on="2024-03-25")
    handling.reply(c.db, pid, text="已办。", outcome="已落实", on="2024-05-01")
    handling.rate(c.db, pid, rating="不满意", on="2024-05-10", note="误选")
    handling.undo_rating(c.db, pid)
    assert (
        len(handling.rounds(c.db, pid)) == 1
        and proposals.get_proposal(c.db, pid).status == "已答复"
    )


def test_handling_rules(c):
    pending = submit(c, "关于改善夜间照明的建议")
    with pytest.raises(ConflictError, match="不能交办"):
        handling.assign(c.db, pending, lead_department_id=department(c.db, "人事处"))
    pid = _accepted(c, "关于增设停车位的建议")
    lead = department(c.db, "后勤保障处")
    with pytest.raises(ValidationError, match="不能同时是协办单位"):
        handling.assign(
            c.db, pid, lead_department_id=lead, co_department_ids=[lead], on="2024-03-25"
        )
    with pytest.raises(ValidationError, match="早于立案日期"):
        handling.assign(c.db, pid, lead_department_id=lead, on="2024-03-01")
    handling.assign(
        c.db, pid, lead_department_id=lead, on="2024-03-25", reply_deadline="2024-04-30"
    )
    handling.update_assignment(
        c.db, pid, co_department_ids=[department(c.db, "财务处")], reply_deadline="2024-05-31"
    )
    r = handling.current_round(c.db, pid)
    assert r.reply_deadline == "2024-05-31" and r.co_text == "财务处"
    with pytest.raises(ConflictError, match="不能评价"):
        handling.rate(c.db, pid, rating="满意")


def _season(c):
    """A small season with every state, to count by hand:

    001 立案(重点) 后勤 → replied 已落实 → 满意          (教学科研)
    002 立案(一般) 后勤 → replied 正在落实 → 不满意 → round 2, no reply, overdue   (民生福利)
    003 立案(一般) 人事处 → no reply, overdue                  (民生福利)
    004 立案(一般) 教务处 → replied 未能落实 → 基本满意         (教学科研)
    005 并案 into 001                                          (教学科研)
    006 不立案                                                  (其他)
    007 撤案                                                    (民生福利)
    008 转意见建议                                              (校园建设)
    009 待审查                                                  (校园建设)
    010 立案(一般) 财务处, deadline after TODAY, no reply (not overdue)  (民生福利)
    """
    hq, hr, edu, fin = (department(c.db, n) for n in ("后勤保障处", "人事处", "教务处", "财务处"))
    cats = [
        "教学科研",
        "民生福利",
        "民生福利",
        "教学科研",
        "教学科研",
        "其他",
        "民生福利",
        "校园建设",
        "校园建设",
        "民生福利",
    ]
    people = [("赵一", ("钱二", "孙三")), ("李四", ("周五", "吴六")), ("周五", ("赵一", "李四"))]
    ids = []
    for n, cat in enumerate(cats, start=1):
        proposer, seconders = people[n % 3]
        ids.append(
            submit(
                c,
                f"第{n}件：互不相同的事项{'甲乙丙丁戊己庚辛壬癸'[n - 1] * 6}",
                proposer=proposer,
                seconders=seconders,
                category=cat,
            )
        )
    p = dict(zip(range(1, 11), ids))
    proposals.accept(c.db, p[1], level="重点", on="2024-03-20")
    for n in (2, 3, 4, 10):
        proposals.accept(c.db, p[n], on="2024-03-20")
    proposals.merge(c.db, p[5], p[1], on="2024-03-20")
    proposals.reject(c.db, p[6], reason="不属于提案范围", on="2024-03-20")
    proposals.withdraw(c.db, p[7], on="2024-03-20")
    proposals.to_suggestion(c.db, p[8], on="2024-03-20")
    handling.assign(c.db, p[1], lead_department_id=hq, on="2024-03-25", reply_deadline="2024-05-31")
    handling.reply(c.db, p[1], text="已办", outcome="已落实", on="2024-05-01")
    handling.rate(c.db, p[1], rating="满意", on="2024-05-05")
    handling.assign(c.db, p[2], lead_department_id=hq, on="2024-03-25", reply_deadline="2024-05-31")
    handling.reply(c.db, p[2], text="在办", outcome="正在落实", on="2024-05-01")
    handling.rate(
        c.db, p[2], rating="不满意", on="2024-05-05", note="进度慢", reply_deadline="2024-06-15"
    )
    handling.assign(c.db, p[3], lead_department_id=hr, on="2024-03-25", reply_deadline="2024-05-31")
    handling.assign(
        c.db, p[4], lead_department_id=edu, on="2024-03-25", reply_deadline="2024-05-31"
    )
    handling.reply(
        c.db, p[4], text="条件不具备", outcome="未能落实", reason="场地所限", on="2024-05-01"
    )
    handling.rate(c.db, p[4], rating="基本满意", on="2024-05-06")
    handling.assign(
        c.db,
        p[10],
        lead_department_id=fin,
        co_department_ids=[hq],
        on="2024-03-25",
        reply_deadline="2024-09-30",
    )
    return p


def test_statistics_agree_with_a_hand_count(c):
    _season(c)
    stats = session_stats(c.db, c.session_id, today=TODAY)
    assert stats.total == 10
    assert stats.by_review == {
        "待审查": 1,
        "立案": 5,
        "并案": 1,
        "转意见建议": 1,
        "不立案": 1,
        "撤案": 1,
    }
    assert (stats.key_accepted, stats.general_accepted) == (1, 4)
    # 办复: 001 and 004 (002's current round has no reply) → 2 of 5 = 40.0%
    assert (stats.replied, stats.reply_rate) == (2, "40.0%")
    # rated (current round): 001 满意, 004 基本满意 → 2 of 2 = 100.0%
    assert (stats.rated, stats.satisfied, stats.basically_satisfied, stats.satisfaction_rate) == (
        2,
        1,
        1,
        "100.0%",
    )
    assert stats.by_outcome == {"已落实": 1, "正在落实": 0, "未能落实": 1}
    cats = {x.category: (x.count, x.accepted, x.percent) for x in stats.by_category}
    assert cats["教学科研"] == (3, 2, "30.0%") and cats["民生福利"] == (4, 3, "40.0%")
    assert (
        cats["校园建设"] == (2, 0, "20.0%")
        and cats["其他"] == (1, 0, "10.0%")
        and cats["人事制度"] == (0, 0, "0.0%")
    )
    overdue = {o["number"]: o for o in stats.overdue}
    assert set(overdue) == {"2024-002", "2024-003"}
    assert overdue["2024-002"]["days_overdue"] == 16 and overdue["2024-002"]["round"] == 2
    assert stats.rehandled == 1
    lead = {d.department: (d.lead, d.replied, d.overdue) for d in stats.by_department}
    assert lead == {
        "后勤保障处": (2, 1, 1),
        "人事处": (1, 0, 1),
        "教务处": (1, 1, 0),
        "财务处": (1, 0, 0),
    }
    data = stats.to_json()
    assert data["reply_rate"] == "40.0%" and data["overdue_count"] == 2


def test_list_filters(c):
    p = _season(c)
    q = ProposalQuery(session_id=c.session_id, today=TODAY)
    assert count(c.db, q) == 10
    assert [
        r["number"]
        for r in list_rows(c.db, ProposalQuery(session_id=c.session_id, overdue=True, today=TODAY))
    ] == ["2024-002", "2024-003"]
    assert count(c.db, ProposalQuery(session_id=c.session_id, status="已办结")) == 2
    assert count(c.db, ProposalQuery(session_id=c.session_id, category="民生福利")) == 4
    hq = department(c.db, "后勤保障处")
    # 后勤 leads 001 and 002, and co-handles 010
    assert count(c.db, ProposalQuery(session_id=c.session_id, department_id=hq)) == 3
    assert count(c.db, ProposalQuery(session_id=c.session_id, rating="满意")) == 1
    assert (
        count(c.db, ProposalQuery(session_id=c.session_id, rating="未评价")) == 3
    )  # 002 (round 2), 003, 010
    assert count(c.db, ProposalQuery(session_id=c.session_id, review_result="待审查")) == 1
    proposals.update_proposal(c.db, p[9], {"reasons": "校园内缺少无障碍坡道"})
    assert [
        r["id"] for r in list_rows(c.db, ProposalQuery(session_id=c.session_id, search="无障碍"))
    ] == [p[9]]
    rows = list_rows(
        c.db, ProposalQuery(session_id=c.session_id, sort_key="number", descending=True)
    )
    assert rows[0]["number"] == "2024-010" and rows[-1]["number"] == "2024-001"
    # coalesce(m.name_pinyin, g.name) is one ORDER BY part: descending keeps it whole
    by_proposer = ProposalQuery(session_id=c.session_id, sort_key="proposer", descending=True)
    assert len(list_rows(c.db, by_proposer)) == 10
    first = list_rows(c.db, ProposalQuery(session_id=c.session_id))[0]
    assert first["co_proposers"] and first["review_text"] == "立案（重点）"
