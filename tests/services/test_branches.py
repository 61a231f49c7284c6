from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import members
from guilin_union.services.members import branches as svc


def test_add_assigns_codes_and_refuses_duplicates(db):
    svc.add_branch(db, "文学院分工会")
    svc.add_branch(db, "机关分工会", chair="王敏")
    listed = svc.list_branches(db)
    assert [(b.name, b.code, b.chair) for b in listed] == [
        ("文学院分工会", "01", None),
        ("机关分工会", "02", "王敏"),
    ]
    with pytest.raises(ValidationError, match="已存在"):
        svc.add_branch(db, " 文学院分工会 ")


def test_rename_and_set_chair(branch_db):
    bid = svc.find_branch_id(branch_db, "文学院分工会")
    svc.rename_branch(branch_db, bid, "人文学院分工会")
    svc.set_chair(branch_db, bid, "李华")
    b = next(x for x in svc.list_branches(branch_db) if x.id == bid)
    assert (b.name, b.chair) == ("人文学院分工会", "李华")
    with pytest.raises(ValidationError, match="合并"):
        svc.rename_branch(branch_db, bid, "机关分工会")


def test_merge_moves_members_and_deactivates_source(branch_db):
    members.add_member(branch_db, {"name": "张三", "branch": "文学院分工会"})
    members.add_member(branch_db, {"name": "李四", "branch": "文学院分工会"})
    src = svc.find_branch_id(branch_db, "文学院分工会")
    dst = svc.find_branch_id(branch_db, "机关分工会")
    svc.merge_branches(branch_db, src, dst)
    by_name = {b.name: b for b in svc.list_branches(branch_db)}
    assert by_name["机关分工会"].member_count == 2
    assert by_name["文学院分工会"].member_count == 0 and not by_name["文学院分工会"].active
    assert "文学院分工会" not in svc.branch_names(branch_db)


def test_branch_with_members_cannot_be_deleted(branch_db):
    members.add_member(branch_db, {"name": "张三", "branch": "文学院分工会"})
    bid = svc.find_branch_id(branch_db, "文学院分工会")
    with pytest.raises(ConflictError, match="1 名会员"):
        svc.delete_branch(branch_db, bid)
    empty = svc.find_branch_id(branch_db, "机关分工会")
    svc.delete_branch(branch_db, empty)
    assert svc.find_branch_id(branch_db, "机关分工会") is None


@pytest.mark.parametrize(
    "typed, suggestion", [("文学院", "文学院分工会"), ("信息工程分工会", "信息工程学院分工会")]
)
def test_unknown_branch_suggests_closest(branch_db, typed, suggestion):
    assert suggestion in svc.unknown_branch_message(branch_db, typed)
