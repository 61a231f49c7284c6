"""Small read-only lookups the screens use instead of running SQL themselves (issue 19)."""

from __future__ import annotations

from guilin_union.services import activities as activities_service
from guilin_union.services import members
from guilin_union.services.activities import registration
from guilin_union.services.members import branches
from tests import activities_fixtures as fx


def test_member_names_and_summary(db):
    ids = fx.setup(db)
    assert members.member_names(db, [ids["王强"], ids["张伟"], 99999]) == ["张伟", "王强"]
    assert members.member_names(db, []) == []
    summary = members.member_summary(db, ids["王强"])
    assert summary == {"name": "王强", "branch": "机关分工会", "staff_no": "S003", "status": "在会"}
    assert members.member_summary(db, 99999) is None


def test_active_branch_count(db):
    fx.setup(db)
    assert branches.count_active(db) == 3
    branches.set_active(db, fx.branch_id(db, "机关分工会"), False)
    assert branches.count_active(db) == 2


def test_activity_lookups(db):
    ids = fx.setup(db)
    activity = fx.make_activity(db, type="文体活动")
    assert activities_service.used_types(db) == ["文体活动"]
    assert registration.registered_member_ids(db, activity) == set()
    registration.register_members(db, activity, [ids["王强"], ids["张伟"]])
    assert registration.registered_member_ids(db, activity) == {ids["王强"], ids["张伟"]}
    assert [name for _id, name in registration.participant_branches(db, activity)] == [
        "文学院分工会",
        "机关分工会",
    ]
