"""Issue 20: every outcome handled (转意见建议 and 不立案 too), merges into a 建议, per-outcome
rates, 督办, the 建议 numbering series, length rules, 闭会期间提案 and 优秀提案."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import congress, proposals
from guilin_union.services.proposals import handling
from guilin_union.services.proposals.query import ProposalQuery, list_rows, session_stats
from tests.congress_fixtures import department, make_congress, submit


@pytest.fixture
def c(db):
    return make_congress(db, formal=6, attending=1, special=1, spare=3)


def test_suggestion_is_assigned_replied_and_rated_with_its_own_deadline(c):
    pid = submit(c, "关于开放周末图书馆的建议")
    proposals.to_suggestion(c.db, pid, on="2024-03-20")
    handling.assign(
        c.db,
        pid,
        lead_department_id=department(c.db, "图书馆"),
        co_department_ids=[department(c.db, "保卫处")],
        on="2024-03-25",
    )
    r = handling.current_round(c.db, pid)
    # default for 转意见建议: 60 days after assignment (not the session's deadline)
    assert r.reply_deadline == "2024-05-24" and r.co_text == "保卫处"
    p = proposals.get_proposal(c.db, pid)
    assert p.status == "转意见建议" and p.review_result == "转意见建议"
    row = list_rows(c.db, ProposalQuery(session_id=c.session_id))[0]
    assert row["round_id"] is not None
    with pytest.raises(ConflictError):
        handling.rate(c.db, pid, rating="满意", on="2024-04-01")
    handling.reply(c.db, pid, text="自 5 月起周六开放。", on="2024-04-20")  # outcome optional
    assert handling.handling_state("转意见建议", handling.current_round(c.db, pid)) == "已答复"
    handling.rate(c.db, pid, rating="不满意", on="2024-04-25", note="周日仍不开放")
    assert [x.round_no for x in handling.rounds(c.db, pid)] == [1, 2]
    assert proposals.get_proposal(c.db, pid).status == "转意见建议"
    handling.reply(c.db, pid, text="周日也开放。", outcome="已落实", on="2024-05-10")
    handling.rate(c.db, pid, rating="满意", on="2024-05-12")
    assert handling.handling_state("转意见建议", handling.current_round(c.db, pid)) == "已办结"
    with pytest.raises(ConflictError, match="已交办答复"):
        proposals.reset_review(c.db, pid)


def test_rejected_proposal_gets_its_own_default_deadline(c):
    pid = submit(c, "关于取消坐班制度的建议")
    proposals.reject(c.db, pid, reason="不属于教代会职权范围", on="2024-03-20")
    handling.assign(c.db, pid, lead_department_id=department(c.db, "人事处"), on="2024-03-21")
    assert handling.current_round(c.db, pid).reply_deadline == "2024-04-20"  # 30 days
    with pytest.raises(ConflictError, match="不能交办"):
        handling.assign(c.db, pid, lead_department_id=department(c.db, "人事处"), on="2024-03-22")
    withdrawn = submit(c, "关于调整作息时间的建议")
    proposals.withdraw(c.db, withdrawn, on="2024-03-20")
    with pytest.raises(ConflictError):
        handling.assign(c.db, withdrawn, lead_department_id=department(c.db, "人事处"))


def test_rates_per_outcome_and_overall(c):
    a = submit(c, "关于改善夜间照明的建议")
    proposals.accept(c.db, a, on="2024-03-20")
    s1 = submit(c, "关于开放周末图书馆的建议")
    s2 = submit(c, "关于增加校车班次的建议")
    for pid in (s1, s2):
        proposals.to_suggestion(c.db, pid, on="2024-03-20")
    r = submit(c, "关于取消坐班制度的建议")
    proposals.reject(c.db, r, reason="不属于职权范围", on="2024-03-20")
    lead = department(c.db, "后勤保障处")
    for pid in (a, s1, r):
        handling.assign(c.db, pid, lead_department_id=lead, on="2024-03-25")
        handling.reply(c.db, pid, text="已答复。", outcome="已落实", on="2024-04-01")
    handling.rate(c.db, s1, rating="基本满意", on="2024-04-05")
    data = session_stats(c.db, c.session_id).to_json()
    # existing keys keep their meaning (立案 only)
    assert (data["accepted"], data["replied"], data["reply_rate"]) == (1, 1, "100.0%")
    by = data["handling_by_review"]
    assert by["转意见建议"]["total"] == 2 and by["转意见建议"]["replied"] == 1
    assert by["转意见建议"]["reply_rate"] == "50.0%"
    assert by["转意见建议"]["satisfaction_rate"] == "100.0%"
    assert by["不立案"]["reply_rate"] == "100.0%"
    overall = data["handling_overall"]
    assert (overall["total"], overall["replied"], overall["reply_rate"]) == (4, 3, "75.0%")
    assert any("分类办复率" in d for d in data["definitions"])


def test_merge_into_a_suggestion(c):
    target = submit(c, "关于开放周末图书馆的建议")
    proposals.to_suggestion(c.db, target, on="2024-03-20")
    source = submit(c, "关于延长图书馆开放时间", proposer="李四", seconders=("钱二", "孙三"))
    proposals.merge(c.db, source, target, on="2024-03-21")
    p = proposals.get_proposal(c.db, target)
    assert [x.name for x in p.co_proposers] == ["李四"]
    assert proposals.get_proposal(c.db, source).status == "已并案"


def test_supervisor_and_list_per_member(c):
    a = submit(c, "关于改善夜间照明的建议")
    b = submit(c, "关于增加校车班次的建议")
    boss = c.members["周五"]
    proposals.set_supervisor(c.db, a, boss)
    proposals.set_supervisor(c.db, b, boss)
    lists = proposals.supervisor_lists(c.db, c.session_id)
    assert [(x["name"], [p["id"] for p in x["proposals"]]) for x in lists] == [("周五", [a, b])]
    proposals.set_supervisor(c.db, b, None)
    assert [len(x["proposals"]) for x in proposals.supervisor_lists(c.db, c.session_id)] == [1]
    assert proposals.get_proposal(c.db, a).supervisor_name == "周五"


def test_suggestion_series_numbers(c):
    proposals.save_rules(
        c.db, {"proposal_suggestion_series": True, "proposal_suggestion_prefix": "JY"}
    )
    a = submit(c, "关于开放周末图书馆的建议")
    b = submit(c, "关于增加校车班次的建议")
    accepted = submit(c, "关于改善夜间照明的建议")
    proposals.to_suggestion(c.db, b, on="2024-03-20")
    proposals.to_suggestion(c.db, a, on="2024-03-20")
    proposals.accept(c.db, accepted, on="2024-03-20")
    numbers = [proposals.get_proposal(c.db, x).suggestion_number for x in (a, b, accepted)]
    assert numbers == ["2024-JY002", "2024-JY001", None]
    assert proposals.get_proposal(c.db, a).number == "2024-001"  # the proposal number stays


def test_length_rules_at_entry(c):
    proposals.save_rules(
        c.db, {"proposal_length_rules": {"reasons": [10, 300], "suggestions": [5, 0]}}
    )
    with pytest.raises(ValidationError, match="理由不少于 10 字"):
        submit(c, "关于改善夜间照明的建议", reasons="太暗", suggestions="增设路灯五十盏")
    with pytest.raises(ValidationError, match="建议不少于 5 字"):
        submit(c, "关于改善夜间照明的建议", reasons="西区道路夜间照明严重不足", suggestions="增设")
    pid = submit(
        c,
        "关于改善夜间照明的建议",
        reasons="西区道路夜间照明严重不足",
        suggestions="增设路灯五十盏",
    )
    assert pid
    with pytest.raises(ValidationError):
        proposals.save_rules(c.db, {"proposal_length_rules": {"reasons": [300, 50]}})
    with pytest.raises(ValidationError):
        proposals.save_rules(c.db, {"proposal_length_rules": {"body": [1, 2]}})


def test_between_meetings_proposal_is_reported_to_the_next_session(c):
    congress.update_session(
        c.db, c.session_id, {"end_date": "2024-03-16", "proposal_deadline": "2024-12-31"}
    )
    later = congress.create_session(c.db, c.term_id, start_date="2025-03-10").row_id
    pid = submit(c, "关于改善夜间照明的建议", submitted_on="2024-05-06")
    p = proposals.get_proposal(c.db, pid)
    assert p.between_meetings and p.report_session_id == later and p.late_reason is None
    early = submit(c, "关于增加校车班次的建议", submitted_on="2024-02-01")
    assert not proposals.get_proposal(c.db, early).between_meetings
    assert [x["id"] for x in proposals.reported_to(c.db, later)] == [pid]
    assert proposals.reported_to(c.db, c.session_id) == []


def test_excellent_proposals(c):
    a = submit(c, "关于改善夜间照明的建议")
    pending = submit(c, "关于增加校车班次的建议")
    proposals.accept(c.db, a, level="重点", on="2024-03-20")
    with pytest.raises(ConflictError, match="优秀提案"):
        proposals.mark_excellent(c.db, pending, on="2024-06-01")
    proposals.mark_excellent(c.db, a, on="2024-06-01", note="校级优秀提案")
    listed = proposals.excellent_list(c.db, c.session_id)
    assert [(x["number"], x["excellent_on"]) for x in listed] == [("2024-001", "2024-06-01")]
    proposals.unmark_excellent(c.db, a)
    assert proposals.excellent_list(c.db, c.session_id) == []


def test_length_rules_at_import(c, tmp_path):
    from openpyxl import Workbook

    from guilin_union.services.import_common import run_import
    from guilin_union.services.proposals.importer import ProposalImporter

    proposals.save_rules(c.db, {"proposal_length_rules": {"reasons": [10, 0]}})
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "案由", "类别", "提案人", "附议人", "提交日期", "理由", "建议", "逾期说明"])
    ws.append(
        [
            1,
            "关于改善夜间照明的建议",
            "民生福利",
            "赵一",
            "钱二、孙三",
            "2024-02-20",
            "太暗",
            "增设",
        ]
    )
    path = tmp_path / "提案.xlsx"
    wb.save(path)
    outcome = run_import(c.db, path, ProposalImporter(c.session_id))
    assert outcome.errors and "理由不少于 10 字" in outcome.errors[0].message
    assert list_rows(c.db, ProposalQuery(session_id=c.session_id)) == []
