from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import intake as svc
from guilin_union.services import members
from guilin_union.services.members import MemberValidationError
from guilin_union.services.members import numbers as member_numbers
from tests.intake_fixtures import add_member


def _apply(db, name="张三", branch="文学院分工会", **fields):
    return svc.add_application(
        db, {"name": name, "branch": branch, **fields}, applied_on="2024-09-02"
    ).row_id


def test_workflow_issues_number_join_date_and_dues_start(branch_db, sample_ids):
    app = _apply(branch_db, id_number=sample_ids["man"])
    assert svc.get_application(branch_db, app)["state"] == "待分工会审核"
    svc.branch_approve(branch_db, [app], on="2024-09-05")
    row = svc.get_application(branch_db, app)
    assert (row["state"], row["branch_reviewed_at"]) == ("待校工会批准", "2024-09-05")
    assert row["branch_reviewed_by"]
    svc.approve(branch_db, [app], on="2024-09-20")
    row = svc.get_application(branch_db, app)
    assert row["state"] == "已批准"
    assert row["decided_at"] == "2024-09-20" and row["decided_by"]
    code = branch_db.execute("SELECT code FROM branches WHERE name = '文学院分工会'").fetchone()[0]
    assert row["member_no"] == f"2024{code}0001"
    member = members.get_member(branch_db, row["member_id"])
    assert (member.name, member.member_no, member.join_date, member.gender) == (
        "张三",
        row["member_no"],
        "2024-09-20",
        "男",
    )
    assert row["dues_start_month"] == "2024-09"
    assert (
        branch_db.execute(
            "SELECT dues_start_month FROM member_dues WHERE member_id = ?", [row["member_id"]]
        ).fetchone()[0]
        == "2024-09"
    )


def test_numbers_are_sequential_unique_and_never_reused(branch_db):
    apps = [_apply(branch_db, name=n) for n in ("甲一", "乙二", "丙三")]
    svc.approve(branch_db, apps[:2], on="2024-10-01")
    numbers = [svc.get_application(branch_db, a)["member_no"] for a in apps[:2]]
    assert numbers[0][-4:] == "0001" and numbers[1][-4:] == "0002"
    # Delete the member holding the highest number: the number stays used.
    second = svc.get_application(branch_db, apps[1])["member_id"]
    members.delete_member(branch_db, second)
    svc.approve(branch_db, [apps[2]], on="2024-10-02")
    assert svc.get_application(branch_db, apps[2])["member_no"][-4:] == "0003"
    assert (
        member_numbers.number_in_use(branch_db, numbers[1])
        == f"会员编号“{numbers[1]}”曾经发放过，编号不能重复使用"
    )


def test_number_rule_is_a_setting(branch_db):
    from guilin_union.services import settings

    settings.set_many(
        branch_db, {"member_no_rule": "GL{年份2}-{序号}", "member_no_sequence_digits": 3}
    )
    app = _apply(branch_db)
    svc.approve(branch_db, [app], on="2025-01-10")
    assert svc.get_application(branch_db, app)["member_no"] == "GL25-001"
    with pytest.raises(ValidationError, match="无法识别"):
        member_numbers.validate_rule("{年份}{姓名}{序号}")
    with pytest.raises(ValidationError, match="结尾"):
        member_numbers.validate_rule("{序号}{年份}")


def test_hand_typed_numbers_are_respected(branch_db):
    code = branch_db.execute("SELECT code FROM branches WHERE name = '文学院分工会'").fetchone()[0]
    add_member(branch_db, name="老会员", member_no=f"2024{code}0007")
    app = _apply(branch_db)
    svc.approve(branch_db, [app], on="2024-03-03")
    assert svc.get_application(branch_db, app)["member_no"] == f"2024{code}0008"


def test_reject_requires_reason_and_keeps_who_when(branch_db):
    a, b = _apply(branch_db, name="甲"), _apply(branch_db, name="乙")
    with pytest.raises(ValidationError, match="原因"):
        svc.reject(branch_db, [a, b], "  ")
    result = svc.reject(branch_db, [a, b], "未签订劳动合同", on="2024-09-30")
    for app in (a, b):
        row = svc.get_application(branch_db, app)
        assert (row["state"], row["reject_reason"], row["decided_at"]) == (
            "未通过",
            "未签订劳动合同",
            "2024-09-30",
        )
    svc.revert_states(branch_db, result.undo)
    assert svc.get_application(branch_db, a)["state"] == "待分工会审核"


def test_batch_is_all_or_nothing(branch_db, sample_ids):
    ok = _apply(branch_db, name="甲", id_number=sample_ids["man"])
    done = _apply(branch_db, name="乙")
    svc.reject(branch_db, [done], "材料不全")
    with pytest.raises(svc.BatchError) as info:
        svc.approve(branch_db, [ok, done])
    assert info.value.problems[0][1] == "乙"
    assert svc.get_application(branch_db, ok)["state"] == "待分工会审核"
    assert branch_db.execute("SELECT count(*) FROM members").fetchone()[0] == 0
    with pytest.raises(svc.BatchError, match="不是待分工会审核"):
        svc.branch_approve(branch_db, [ok, done])


def test_approval_refused_when_person_became_member_meanwhile(branch_db, sample_ids):
    app = _apply(branch_db, id_number=sample_ids["woman"])
    add_member(branch_db, name="同一人", id_number=sample_ids["woman"])
    with pytest.raises(svc.BatchError, match="证件号码已被会员“同一人”使用"):
        svc.approve(branch_db, [app])
    assert branch_db.execute("SELECT count(*) FROM members").fetchone()[0] == 1


def test_one_open_application_per_id(branch_db, sample_ids):
    _apply(branch_db, id_number=sample_ids["man"])
    with pytest.raises(MemberValidationError) as info:
        _apply(branch_db, name="又一次", id_number=sample_ids["man"])
    assert "已有“张三”的入会申请" in info.value.errors["id_number"]


def test_validation_matches_the_register(branch_db):
    with pytest.raises(MemberValidationError) as info:
        svc.add_application(branch_db, {"name": "", "branch": "文学院", "phone": "123"})
    assert set(info.value.errors) == {"name", "branch", "phone"}


def test_approved_cannot_be_edited_or_deleted_and_undo_of_approval(branch_db):
    app = _apply(branch_db)
    result = svc.approve(branch_db, [app], on="2024-05-05")
    with pytest.raises(ConflictError):
        svc.delete_application(branch_db, app)
    with pytest.raises(ConflictError):
        svc.update_application(branch_db, app, {"name": "改名", "branch": "文学院分工会"})
    number = svc.get_application(branch_db, app)["member_no"]
    svc.revert_approval(branch_db, result.undo)
    row = svc.get_application(branch_db, app)
    assert (row["state"], row["member_id"]) == ("待分工会审核", None)
    assert branch_db.execute("SELECT count(*) FROM members").fetchone()[0] == 0
    svc.approve(branch_db, [app], on="2024-05-06")
    assert svc.get_application(branch_db, app)["member_no"] != number  # never reused


def test_queries_and_public_json(branch_db, sample_ids):
    a = _apply(branch_db, name="甲", id_number=sample_ids["man"])
    b = _apply(branch_db, name="乙", branch="机关分工会")
    svc.reject(branch_db, [b], "x")
    assert svc.pending_ids(branch_db) == [a]
    assert svc.counts_by_state(branch_db)["未通过"] == 1
    rows = svc.list_applications(branch_db, svc.ApplicationQuery(search="甲"))
    public = svc.to_public_json(rows[0])
    assert public["name"] == "甲" and sample_ids["man"] not in str(public)
    assert public["id_number_masked"].startswith(sample_ids["man"][:4])


def test_reopen_and_delete_restore(branch_db):
    a = _apply(branch_db)
    svc.reject(branch_db, [a], "x")
    svc.reopen(branch_db, [a])
    assert svc.get_application(branch_db, a)["reject_reason"] is None
    result = svc.delete_application(branch_db, a)
    svc.restore_application(branch_db, result.undo)
    assert svc.get_application(branch_db, a)["name"] == "张三"
