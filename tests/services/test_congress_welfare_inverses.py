"""Undo from the service (issue 19): each write of the congress and welfare areas returns an
``inverse`` that brings back the exact rows as they were, and the inverse's own inverse
(redo) brings back the rows as the write left them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pytest

from guilin_union.services import welfare
from guilin_union.services.congress import agenda, delegates, votes
from guilin_union.services.welfare import hardship
from guilin_union.services.welfare import standards as ws
from tests.congress_fixtures import make_congress
from tests.welfare_fixtures import add_member, payment, setup

CONGRESS_TABLES = ("congress_agenda_items", "congress_motions")
DELEGATE_TABLES = ("congress_delegates", "congress_delegations")
WELFARE_TABLES = (
    "welfare_payments",
    "welfare_payment_warnings",
    "welfare_attachments",
    "welfare_hardship",
    "welfare_standards",
)


def rows(db, tables: Sequence[str]) -> dict[str, list[tuple]]:
    return {t: db.execute(f"SELECT * FROM [{t}] ORDER BY id").fetchall() for t in tables}


def undo_redo(db, tables: Sequence[str], op: Callable[[Any], Any]) -> Any:
    """Run ``op``; its inverse must restore the rows exactly, the inverse's inverse must
    redo the write exactly (same ids, same values)."""
    before = rows(db, tables)
    result = op(db)
    after = rows(db, tables)
    assert after != before, "the write changed nothing"
    assert result.inverse is not None
    undone = result.inverse(db)
    assert rows(db, tables) == before
    assert undone.inverse is not None
    redone = undone.inverse(db)
    assert rows(db, tables) == after
    assert redone.inverse is not None  # and it can be undone again, and redone
    undone_again = redone.inverse(db)
    assert rows(db, tables) == before
    undone_again.inverse(db)  # leaves the write done for the next step
    assert rows(db, tables) == after
    return result


# ---------------------------------------------------------------- congress


@pytest.fixture
def cdb(db):
    make_congress(db)
    return db


def _session(db) -> int:
    return db.execute("SELECT id FROM congress_sessions").fetchone()[0]


def test_agenda_add_edit_delete_undo(cdb):
    sid = _session(cdb)
    agenda.apply_standard_agenda(cdb, sid)
    data = {"part": "正式会议", "content": "学习文件", "item_date": "2024-03-15"}
    added = undo_redo(cdb, CONGRESS_TABLES, lambda d: agenda.add_item(d, sid, data))
    item_id = added.row_id
    undo_redo(cdb, CONGRESS_TABLES, lambda d: agenda.update_item(d, item_id, {"presider": "赵一"}))
    undo_redo(cdb, CONGRESS_TABLES, lambda d: agenda.delete_item(d, item_id))


def test_motions_add_vote_clear_delete_undo(cdb):
    sid = _session(cdb)
    motion = undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.add_motion(d, sid, "通过工作报告"))
    mid = motion.row_id
    undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.record_votes(d, mid, yes=5, no=1, abstain=0))
    undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.clear_votes(d, mid))
    undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.update_motion(d, mid, {"notes": "补充"}))
    undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.delete_motion(d, mid))


def test_save_motion_from_the_dialog_undo(cdb):
    sid = _session(cdb)
    values = {"title": "财务报告", "kind": "决议", "notes": "", "voted": False}
    mid = undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.save_motion(d, sid, None, values)).row_id
    voted = {**values, "voted": True, "yes": 4, "no": 0, "abstain": 1, "voted_on": "2024-03-15"}
    undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.save_motion(d, sid, mid, voted))
    assert votes.get_motion(cdb, mid).votes_yes == 4
    undo_redo(cdb, CONGRESS_TABLES, lambda d: votes.save_motion(d, sid, mid, values))


def test_deleting_a_replacement_head_is_undone_with_its_links(db):
    c = make_congress(db, formal=4, attending=0, special=0, spare=1)
    zhao = delegates.get_delegate(db, c.delegates["赵一"])
    delegates.set_head(db, zhao["delegation_id"], c.members["赵一"])
    new_id = delegates.replace_delegate(
        db,
        c.delegates["赵一"],
        c.spare[0],
        on_date="2023-01-10",
        reason="退休",
        start_reason="补选",
    ).row_id
    assert delegates.get_delegate(db, new_id)["is_head"]
    undo_redo(db, DELEGATE_TABLES, lambda d: delegates.delete_delegate(d, new_id))
    # after the delete (redo) the replaced delegate serves again
    assert delegates.get_delegate(db, c.delegates["赵一"])["end_date"] is None


# ---------------------------------------------------------------- welfare


@pytest.fixture
def wdb(db):
    return setup(db)


def test_payment_record_edit_state_delete_undo(wdb, tmp_path):
    """… with its warnings and attachment records (a delete takes them along)."""
    m = add_member(wdb)
    evidence = tmp_path / "证明.pdf"
    evidence.write_bytes(b"%PDF-1.4 test")
    pid = undo_redo(
        wdb,
        WELFARE_TABLES,
        lambda d: welfare.record_payment(
            d,
            payment(m, "结婚", "2024-05-01", "700"),
            override_reason="特批",
            attachments=[evidence],
        ),
    ).row_id
    undo_redo(wdb, WELFARE_TABLES, lambda d: welfare.update_payment(d, pid, {"amount_fen": "500"}))
    undo_redo(
        wdb, WELFARE_TABLES, lambda d: welfare.set_state(d, [pid], "分工会审核", "2024-05-03")
    )
    undo_redo(wdb, WELFARE_TABLES, lambda d: welfare.delete_payment(d, pid))


def test_hardship_add_edit_delete_undo_keeps_payment_links(wdb):
    m = add_member(wdb)
    entry = undo_redo(
        wdb,
        WELFARE_TABLES,
        lambda d: hardship.save_hardship(d, {"year": 2024, "member_id": m, "category": "其他"}),
    ).row_id
    welfare.record_payment(wdb, payment(m, "困难帮扶", "2024-05-01", "300", hardship_id=entry))
    undo_redo(
        wdb,
        WELFARE_TABLES,
        lambda d: hardship.save_hardship(
            d, {"year": 2024, "member_id": m, "category": "因病致困"}, entry
        ),
    )
    undo_redo(wdb, WELFARE_TABLES, lambda d: hardship.delete_hardship(d, entry))


def test_standard_add_edit_delete_undo(wdb):
    current = ws.get_standard(wdb, 2024, "结婚")
    assert current is not None
    new = ws.Standard(2025, "结婚", cap_fen=60000)
    undo_redo(wdb, WELFARE_TABLES, lambda d: ws.save_standard(d, new))
    edited = replace(current, cap_fen=(current.cap_fen or 0) + 10000, id=None)
    undo_redo(wdb, WELFARE_TABLES, lambda d: ws.save_standard(d, edited))
    undo_redo(wdb, WELFARE_TABLES, lambda d: ws.delete_standard(d, 2024, "结婚"))
