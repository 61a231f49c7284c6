"""Undo from the services (issue 19): each write of the member and intake areas returns an
``inverse``; running it leaves the rows as they were, and the inverse's own inverse redoes."""

from __future__ import annotations

from typing import Any

import pytest

from guilin_union.services import intake, members
from guilin_union.services.intake import dues
from guilin_union.services.members import branches, status
from tests.intake_fixtures import add_member

TABLES = ("branches", "members", "member_status_events", "member_dues", "intake_applications")
# Times of the last write: an undo is a new write.
IGNORED = {"updated_at"}


def rows(db) -> dict[str, list[dict[str, Any]]]:
    snapshot = {}
    for table in TABLES:
        found = [
            {k: v for k, v in row.items() if k not in IGNORED}
            for row in db.query(f"SELECT * FROM [{table}] ORDER BY rowid")
        ]
        snapshot[table] = found
    return snapshot


def undo_redo(db, write) -> None:
    """Run ``write``; its inverse must restore the rows, the inverse's inverse (or the write
    again) must bring the written state back, and undo must work a second time."""
    before = rows(db)
    result = write(db)
    after = rows(db)
    assert after != before  # the write did something
    assert result.inverse is not None
    undone = result.inverse(db)
    assert rows(db) == before
    redo = undone.inverse or write
    redone = redo(db)
    assert rows(db) == after if undone.inverse else rows(db) != before
    redone.inverse(db)
    assert rows(db) == before


def _apply(db, name="张三", **fields) -> int:
    data = {"name": name, "branch": "文学院分工会", **fields}
    return intake.add_application(db, data, applied_on="2024-09-02").row_id


def test_add_edit_delete_member(branch_db, sample_ids):
    undo_redo(
        branch_db,
        lambda d: members.add_member(
            d, {"name": "王芳", "branch": "文学院分工会", "id_number": sample_ids["woman"]}
        ),
    )
    member = add_member(branch_db, name="李强")
    undo_redo(
        branch_db,
        lambda d: members.update_member(d, member, {**_data(d, member), "phone": "13812345678"}),
    )
    undo_redo(branch_db, lambda d: members.delete_member(d, member))


def _data(db, member_id: int) -> dict[str, Any]:
    return members.get_member(db, member_id).to_dict()


def test_delete_brings_back_what_went_with_the_member(branch_db):
    member = add_member(branch_db, name="李强")
    status.record_status_change(
        branch_db, member, "退休（保留会籍）", on="2024-06-30", reason="到龄退休"
    )
    dues.set_dues_record(branch_db, member, salary_base_fen=654321)
    undo_redo(branch_db, lambda d: members.delete_member(d, member))


def test_status_change(branch_db):
    member = add_member(branch_db, name="李强")
    undo_redo(
        branch_db,
        lambda d: status.record_status_change(d, member, "转出", on="2024-09-01", reason="调动"),
    )


@pytest.mark.parametrize("had_record", [False, True])
def test_dues_record(branch_db, had_record):
    member = add_member(branch_db, name="李强")
    if had_record:
        dues.set_dues_record(branch_db, member, salary_base_fen=500000, dues_start_month="2010-09")
    undo_redo(branch_db, lambda d: dues.set_dues_record(d, member, salary_base_fen=654321))


def test_application_add_edit_delete(branch_db):
    undo_redo(
        branch_db, lambda d: intake.add_application(d, {"name": "赵六", "branch": "机关分工会"})
    )
    app = _apply(branch_db)
    undo_redo(
        branch_db,
        lambda d: intake.update_application(d, app, {"name": "张三", "branch": "机关分工会"}),
    )
    undo_redo(branch_db, lambda d: intake.delete_application(d, app))


def test_batch_decisions(branch_db):
    first, second = _apply(branch_db, name="甲一"), _apply(branch_db, name="乙二")
    undo_redo(branch_db, lambda d: intake.branch_approve(d, [first, second], on="2024-09-05"))
    undo_redo(branch_db, lambda d: intake.reject(d, [first], "材料不全", on="2024-09-06"))
    intake.reject(branch_db, [second], "材料不全", on="2024-09-06")
    undo_redo(branch_db, lambda d: intake.reopen(d, [second]))
    undo_redo(branch_db, lambda d: intake.approve(d, [first], on="2024-09-20"))


def test_branch_writes(branch_db):
    undo_redo(branch_db, lambda d: branches.add_branch(d, "体育学院分工会"))
    sport = branches.add_branch(branch_db, "体育学院分工会").row_id
    undo_redo(branch_db, lambda d: branches.rename_branch(d, sport, "体育部分工会"))
    undo_redo(branch_db, lambda d: branches.set_chair(d, sport, "王主席"))
    undo_redo(branch_db, lambda d: branches.set_active(d, sport, False))
    undo_redo(branch_db, lambda d: branches.delete_branch(d, sport))
