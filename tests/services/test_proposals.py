"""提案: submission rules at their boundaries, numbering, review, 并案 and its undo."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import proposals
from guilin_union.services.congress import delegates
from tests.congress_fixtures import make_congress, submit


@pytest.fixture
def c(db):
    # 6 正式代表 (赵一…吴六), 郑七 列席, 王八 特邀, 冯九/陈十/褚十一 not delegates
    return make_congress(db, formal=6, attending=1, special=1, spare=3)


def test_submission_numbers_and_timeline(c):
    first = submit(c, "关于增设教工子女托管班的建议")
    second = submit(c, "关于延长图书馆开放时间的建议", proposer="李四", seconders=("赵一", "周五"))
    p1, p2 = proposals.get_proposal(c.db, first), proposals.get_proposal(c.db, second)
    assert (p1.number, p2.number) == ("2024-001", "2024-002")
    assert p1.status == "待审查" and [s.name for s in p1.seconders] == ["钱二", "孙三"]
    events = proposals.events(c.db, first)
    assert [(e.action, e.to_status, e.event_date) for e in events] == [
        ("提交", "待审查", "2024-02-20")
    ]
    assert events[0].recorded_by


def test_one_seconder_too_few(c):
    with pytest.raises(ValidationError, match="至少需要 2 名") as info:
        submit(c, "关于改善夜间照明的建议", seconders=("钱二",))
    assert info.value.field == "seconders"
    assert submit(c, "关于改善夜间照明的建议", seconders=("钱二", "孙三"))


def test_minimum_seconders_is_a_setting(c):
    proposals.save_rules(c.db, {"proposal_min_seconders": 3})
    with pytest.raises(ValidationError, match="至少需要 3 名"):
        submit(c, "关于改善夜间照明的建议")
    assert submit(c, "关于改善夜间照明的建议", seconders=("钱二", "孙三", "李四"))


def test_proposer_cannot_second_own_proposal(c):
    with pytest.raises(ValidationError, match="不能同时是附议人"):
        submit(c, "关于改善夜间照明的建议", seconders=("赵一", "钱二"))


def test_duplicate_seconders_refused(c):
    with pytest.raises(ValidationError, match="重复"):
        submit(c, "关于改善夜间照明的建议", seconders=("钱二", "钱二"))


@pytest.mark.parametrize(
    "who, message", [("冯九", "不是本届正式代表"), ("郑七", "是列席代表"), ("王八", "是特邀代表")]
)
def test_seconders_must_be_formal_delegates(c, who, message):
    with pytest.raises(ValidationError, match=message):
        submit(c, "关于改善夜间照明的建议", seconders=("钱二", who))


def test_proposer_must_be_a_formal_delegate(c):
    with pytest.raises(ValidationError, match="提案人：.*不是本届正式代表"):
        submit(c, "关于改善夜间照明的建议", proposer="冯九")


def test_delegate_replaced_before_the_date(c):
    delegates.replace_delegate(
        c.db, c.delegates["赵一"], c.spare[0], on_date="2024-02-10", reason="调离学校"
    )
    with pytest.raises(ValidationError, match="已于 2024-02-10 终止"):
        submit(c, "关于改善夜间照明的建议", submitted_on="2024-02-10")
    assert submit(
        c, "关于改善夜间照明的建议", submitted_on="2024-02-09"
    )  # the day before: still a delegate
    with pytest.raises(ValidationError, match="附议人：赵一的代表资格已于"):
        submit(
            c,
            "关于增设停车位的建议",
            proposer="李四",
            seconders=("赵一", "钱二"),
            submitted_on="2024-02-11",
        )
    # The successor (冯九) may propose from the replacement day on.
    assert submit(c, "关于增设停车位的建议", proposer="冯九", submitted_on="2024-02-10")


def test_late_submission_needs_a_reason(c):
    # deadline: 15 days before 2024-03-15 = 2024-02-29
    assert submit(c, "关于改善夜间照明的建议", submitted_on="2024-02-29")
    with pytest.raises(ValidationError, match="逾期提交须填写原因") as info:
        submit(c, "关于增设停车位的建议", submitted_on="2024-03-01")
    assert info.value.field == "late_reason"
    pid = submit(
        c, "关于增设停车位的建议", submitted_on="2024-03-01", late_reason="代表出差，延后提交"
    )
    p = proposals.get_proposal(c.db, pid)
    assert p.late_reason == "代表出差，延后提交"
    assert "逾期提交" in proposals.events(c.db, pid)[0].note


def test_near_duplicate_title_is_a_warning(c):
    submit(c, "关于改善教工食堂伙食质量的建议")
    with pytest.raises(proposals.DuplicateWarning) as info:
        submit(c, "改善教工食堂伙食质量", proposer="李四", seconders=("赵一", "周五"))
    assert info.value.similar[0][0] == "2024-001"
    pid = submit(
        c, "改善教工食堂伙食质量", proposer="李四", seconders=("赵一", "周五"), confirm=True
    )
    assert "案由相近" in proposals.events(c.db, pid)[0].note
    assert submit(c, "关于完善职称评审办法的建议")  # clearly different: no warning


def test_similarity_threshold_is_a_setting(c):
    assert proposals.title_similarity("关于改善食堂伙食的建议", "关于改善食堂环境的建议") < 80
    submit(c, "关于改善食堂伙食的建议")
    proposals.save_rules(c.db, {"proposal_duplicate_threshold_percent": 50})
    with pytest.raises(proposals.DuplicateWarning):
        submit(c, "关于改善食堂环境的建议")


def test_numbers_are_never_reused(c):
    submit(c, "提案甲")
    second = submit(c, "提案乙乙乙")
    proposals.delete_proposal(c.db, second)
    third = submit(c, "提案丙丙丙丙")
    assert proposals.get_proposal(c.db, third).number == "2024-003"
    proposals.update_proposal(c.db, third, {"title": "提案丙（修改后）", "category": "校园建设"})
    p = proposals.get_proposal(c.db, third)
    assert p.number == "2024-003" and p.category == "校园建设"
    assert proposals.events(c.db, third)[-1].action == "修改"


def test_collective_proposal(c):
    group = delegates.get_delegate(c.db, c.delegates["赵一"])["delegation_id"]
    pid = proposals.submit_proposal(
        c.db,
        c.session_id,
        {
            "title": "关于加强学院实验室建设的建议",
            "category": "教学科研",
            "kind": "集体",
            "delegation_id": group,
            "submitted_on": "2024-02-20",
        },
    ).row_id
    p = proposals.get_proposal(c.db, pid)
    assert p.kind == "集体" and p.proposer_text == "文学院代表团"
    with pytest.raises(ValidationError, match="须选择"):
        proposals.submit_proposal(
            c.db,
            c.session_id,
            {"title": "另一件", "category": "其他", "kind": "集体", "submitted_on": "2024-02-20"},
        )


def test_category_and_dates_validated(c):
    with pytest.raises(ValidationError, match="提案类别应为"):
        submit(c, "关于改善夜间照明的建议", category="学生管理")
    with pytest.raises(ValidationError, match="晚于今天"):
        submit(c, "关于改善夜间照明的建议", submitted_on="2099-01-01")


# ------------------------------------------------------------------ review


def test_review_outcomes(c):
    a = submit(c, "提案一号关于食堂")
    b = submit(c, "提案二号关于停车")
    d = submit(c, "提案三号关于绿化")
    e = submit(c, "提案四号关于网络")
    proposals.accept(c.db, a, level="重点", on="2024-03-20")
    with pytest.raises(ValidationError, match="须填写理由"):
        proposals.reject(c.db, b, reason="")
    proposals.reject(c.db, b, reason="属于个人诉求，不属于提案范围", on="2024-03-20")
    proposals.to_suggestion(c.db, d, on="2024-03-20")
    proposals.withdraw(c.db, e, on="2024-03-18", note="提案人申请撤回")
    statuses = {pid: proposals.get_proposal(c.db, pid) for pid in (a, b, d, e)}
    assert [statuses[x].status for x in (a, b, d, e)] == [
        "已立案",
        "不立案",
        "转意见建议",
        "已撤案",
    ]
    assert statuses[a].review_text == "立案（重点）" and statuses[b].review_note.startswith(
        "属于个人诉求"
    )
    with pytest.raises(ConflictError, match="不能立案"):
        proposals.accept(c.db, b)
    proposals.reset_review(c.db, b)
    assert proposals.get_proposal(c.db, b).status == "待审查"
    with pytest.raises(ValidationError, match="早于提交日期"):
        proposals.accept(c.db, b, on="2024-01-01")


def test_merge_makes_co_proposers_and_can_be_undone(c):
    target = submit(c, "关于改善教工食堂的建议")
    source = submit(c, "关于食堂增加夜宵窗口的建议", proposer="李四", seconders=("周五", "吴六"))
    proposals.merge(c.db, source, target, on="2024-03-20", note="同一事项")
    t = proposals.get_proposal(c.db, target)
    s = proposals.get_proposal(c.db, source)
    assert s.status == "已并案" and s.review_text == "并案（并入2024-001）"
    assert [p.name for p in t.co_proposers] == ["李四"] and t.co_proposers[
        0
    ].source_number == "2024-002"
    assert t.merged_sources == [(source, "2024-002", "关于食堂增加夜宵窗口的建议")]
    assert proposals.events(c.db, target)[-1].action == "合并来件"
    proposals.unmerge(c.db, source)
    t = proposals.get_proposal(c.db, target)
    s = proposals.get_proposal(c.db, source)
    assert (
        s.status == "待审查"
        and s.merged_into_id is None
        and not t.co_proposers
        and not t.merged_sources
    )
    assert [e.action for e in proposals.events(c.db, source)] == [
        "提交",
        "并案（并入2024-001）",
        "撤销并案",
    ]


def test_merge_chain_and_rules(c):
    a = submit(c, "甲事项关于校车")
    b = submit(c, "乙事项关于停车", proposer="李四", seconders=("周五", "吴六"))
    d = submit(c, "丙事项关于道路", proposer="周五", seconders=("李四", "吴六"))
    with pytest.raises(ValidationError, match="它自己"):
        proposals.merge(c.db, a, a)
    proposals.merge(c.db, b, a)
    proposals.accept(c.db, d)
    with pytest.raises(ConflictError, match="不能并案"):
        proposals.merge(c.db, d, a)  # an accepted proposal is not merged away
    proposals.reset_review(c.db, d)
    proposals.merge(c.db, a, d)  # a (with b inside) goes into d
    names = [p.name for p in proposals.get_proposal(c.db, d).co_proposers]
    assert names == ["赵一", "李四"]  # a's proposer and the co-proposer a brought from b
    with pytest.raises(ConflictError, match="请先撤销"):
        proposals.unmerge(c.db, b)  # b's target a is itself merged
    proposals.unmerge(c.db, a)
    proposals.unmerge(c.db, b)
    assert proposals.get_proposal(c.db, b).status == "待审查"


def test_withdraw_refused_when_others_are_merged_in(c):
    a = submit(c, "甲事项关于校车")
    b = submit(c, "乙事项关于停车", proposer="李四", seconders=("周五", "吴六"))
    proposals.merge(c.db, b, a)
    with pytest.raises(ConflictError, match="撤销并案"):
        proposals.withdraw(c.db, a)


def test_edit_only_while_pending(c):
    pid = submit(c, "关于改善夜间照明的建议")
    proposals.accept(c.db, pid)
    with pytest.raises(ConflictError, match="不能再修改"):
        proposals.update_proposal(c.db, pid, {"title": "新标题"})
    with pytest.raises(ConflictError, match="不能删除"):
        proposals.delete_proposal(c.db, pid)


def test_departments_are_maintained(c):
    names = [d.name for d in proposals.list_departments(c.db)]
    assert names[:3] == ["党政办公室", "人事处", "教务处"] and "网络与信息中心" in names
    new = proposals.add_department(c.db, "工会办公室").row_id
    with pytest.raises(ValidationError, match="已存在"):
        proposals.add_department(c.db, "工会办公室")
    proposals.rename_department(c.db, new, "校工会办公室")
    proposals.delete_department(c.db, new)
    assert proposals.department_id(c.db, "校工会办公室") is None


def test_attachments(c, tmp_path):
    pid = submit(c, "关于改善夜间照明的建议")
    scan = tmp_path / "签名页.pdf"
    scan.write_bytes(b"%PDF-1.4 test")
    att = proposals.add_attachment(c.db, pid, scan).row_id
    p = proposals.get_proposal(c.db, pid)
    assert p.attachments[0]["name"] == "签名页.pdf"
    proposals.remove_attachment(c.db, att)
    assert not proposals.get_proposal(c.db, pid).attachments
