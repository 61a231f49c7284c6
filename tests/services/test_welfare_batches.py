"""Festival batches: who is eligible and why the others are not, one transaction, reversal."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import welfare
from guilin_union.services.members import branches
from guilin_union.services.welfare import batches as wb
from guilin_union.services.welfare import hardship as welfare_hardship
from guilin_union.services.welfare.rules import PaymentWarnings
from tests.welfare_fixtures import add_member, change, payment, retire, setup


@pytest.fixture
def people(db):
    setup(db)
    ids = {
        "active": add_member(db, "张三"),
        "retired": add_member(db, "李四"),
        "moved": add_member(db, "王五", branch="机关分工会"),
        "late": add_member(db, "赵六", join_date="2024-03-01"),
        "gone_long_ago": add_member(db, "孙七", join_date="2000-01-01"),
        "other_branch": add_member(db, "周八", branch="信息工程学院分工会"),
    }
    retire(db, ids["retired"], "2023-12-31")
    change(db, ids["moved"], "转出", "2024-01-15")
    change(db, ids["gone_long_ago"], "退会", "2015-06-01")
    return db, ids


def request(**kw) -> wb.BatchRequest:
    data = {"year": 2024, "occasion": "春节", "amount_fen": 30000, "pay_date": "2024-02-05"}
    return wb.BatchRequest(**{**data, **kw})


def test_preview_lists_eligible_and_excluded_with_reasons(people):
    db, ids = people
    preview = wb.preview_batch(db, request())
    assert {x.member_id for x in preview.eligible} == {ids["active"], ids["other_branch"]}
    reasons = {x.member_id: x.reason for x in preview.excluded}
    assert "保留会籍" in reasons[ids["retired"]]
    assert "转出" in reasons[ids["moved"]]
    assert "尚未入会" in reasons[ids["late"]]
    assert ids["gone_long_ago"] not in reasons  # left years before: not worth listing
    assert preview.total_fen == 60000
    data = preview.to_json(None)
    assert data["batch_id"] is None and data["total_fen"] == 60000 and data["total"] == "600.00"
    assert {"member_id", "name", "branch", "amount_fen"} <= set(data["eligible"][0])
    assert {"member_id", "name", "branch", "reason"} <= set(data["excluded"][0])


def test_retired_included_when_asked(people):
    db, ids = people
    preview = wb.preview_batch(db, request(eligibility=wb.RULE_WITH_RETIRED))
    assert ids["retired"] in {x.member_id for x in preview.eligible}


def test_branch_choice(people):
    db, ids = people
    branch = branches.find_branch_id(db, "信息工程学院分工会")
    preview = wb.preview_batch(db, request(branch_ids=[branch]))
    assert [x.member_id for x in preview.eligible] == [ids["other_branch"]]
    assert preview.excluded == []


def test_already_received_and_yearly_total_exclude(people):
    db, ids = people
    welfare.record_payment(
        db, payment(ids["active"], "节日慰问", "2024-02-01", "300", occasion="春节")
    )
    welfare.record_payment(
        db, payment(ids["other_branch"], "节日慰问", "2024-01-01", "1300", occasion="元旦")
    )
    preview = wb.preview_batch(db, request())
    reasons = {x.member_id: x.reason for x in preview.excluded}
    assert "已领取春节慰问" in reasons[ids["active"]]
    assert "每人每年上限" in reasons[ids["other_branch"]]
    # Exactly reaching the yearly total is allowed.
    preview = wb.preview_batch(
        db, request(occasion="中秋节", amount_fen=20000, pay_date="2024-09-17")
    )
    assert ids["other_branch"] in {x.member_id for x in preview.eligible}


def test_create_writes_all_in_one_transaction_and_reverse(people):
    db, ids = people
    result, preview = wb.create_batch(db, request(handler="黄秘书"))
    batch_id = result.row_id
    rows = welfare.list_payments(db, welfare.PaymentQuery(batch_id=batch_id))
    assert len(rows) == len(preview.eligible) == 2
    assert all(
        r["state"] == wb.BATCH_PAYMENT_STATE
        and r["occasion"] == "春节"
        and r["handler"] == "黄秘书"
        for r in rows
    )
    assert sum(r["amount_fen"] for r in rows) == preview.total_fen
    listed = wb.list_batches(db, 2024)
    assert listed[0]["payment_count"] == 2 and listed[0]["total_fen"] == 60000
    # The same members cannot receive the same festival twice.
    again = wb.preview_batch(db, request())
    assert again.eligible == []
    with pytest.raises(ValidationError):
        wb.create_batch(db, request())
    wb.reverse_batch(db, batch_id, "金额定错")
    assert welfare.count(db, welfare.PaymentQuery(batch_id=batch_id)) == 0
    assert wb.get_batch(db, batch_id)["state"] == "已撤销"
    with pytest.raises(ConflictError):
        wb.reverse_batch(db, batch_id, "再次")


def test_failed_batch_writes_nothing(people, monkeypatch):
    db, _ids = people
    calls = {"n": 0}
    original = welfare.insert_checked

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("磁盘已满")
        return original(*args, **kwargs)

    monkeypatch.setattr(welfare, "insert_checked", failing)
    with pytest.raises(RuntimeError):
        wb.create_batch(db, request())
    assert db.execute("SELECT count(*) FROM welfare_payments").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM welfare_batches").fetchone()[0] == 0


def test_reverse_refused_once_paid(people):
    db, _ids = people
    result, _ = wb.create_batch(db, request())
    first = welfare.query_ids(db, welfare.PaymentQuery(batch_id=result.row_id))[0]
    welfare.set_state(db, [first], "已发放", "2024-02-06")
    with pytest.raises(ConflictError):
        wb.reverse_batch(db, result.row_id, "撤销")
    assert welfare.count(db, welfare.PaymentQuery(batch_id=result.row_id)) == 2


def test_amount_over_cap_needs_a_reason(people):
    db, ids = people
    from guilin_union.services.welfare import standards as ws

    ws.save_standard(
        db,
        {
            "year": 2024,
            "type": "节日慰问",
            "cap_fen": 50000,
            "rule_kind": "每年限额",
            "yearly_cap_fen": 150000,
            "form": "现金或实物",
        },
    )
    assert wb.preview_batch(db, request(amount_fen=50000)).warnings == []
    with pytest.raises(PaymentWarnings):
        wb.create_batch(db, request(amount_fen=50001))
    result, _ = wb.create_batch(db, request(amount_fen=50001, override_reason="校工会会议决定"))
    pid = welfare.query_ids(db, welfare.PaymentQuery(batch_id=result.row_id))[0]
    assert [w["override_reason"] for w in welfare.payment_warnings(db, pid)] == ["校工会会议决定"]


def test_goods_batch(people):
    db, _ids = people
    result, preview = wb.create_batch(db, request(form="实物", goods="大米一袋", amount_fen=15000))
    row = welfare.list_payments(db, welfare.PaymentQuery(batch_id=result.row_id))[0]
    assert row["goods"] == "大米一袋" and row["amount_text"] == "大米一袋（折合 150.00 元）"
    with pytest.raises(ValidationError):
        wb.preview_batch(db, request(form="实物", goods=""))


def test_hardship_file_feeds_a_send_warmth_batch(people):
    db, ids = people
    entry = welfare_hardship.save_hardship(
        db,
        {"year": 2024, "member_id": ids["active"], "category": "因病致困", "household": "配偶住院"},
    ).row_id
    welfare_hardship.save_hardship(
        db, {"year": 2024, "member_id": ids["retired"], "category": "其他"}
    )
    preview = wb.preview_batch(
        db, request(occasion="送温暖", amount_fen=100000, pay_date="2024-01-20")
    )
    assert preview.type == "困难帮扶" and preview.eligibility == wb.RULE_HARDSHIP
    # The example 困难帮扶 standard includes retired members.
    assert {x.member_id for x in preview.eligible} == {ids["active"], ids["retired"]}
    result, _ = wb.create_batch(
        db, request(occasion="送温暖", amount_fen=100000, pay_date="2024-01-20")
    )
    rows = welfare_hardship.list_hardship(db, 2024)
    supported = {r["member_id"]: r for r in rows}
    assert supported[ids["active"]]["support_fen"] == 100000
    assert "送温暖" in supported[ids["active"]]["support_text"]
    linked = welfare.list_payments(
        db, welfare.PaymentQuery(batch_id=result.row_id, member_id=ids["active"])
    )
    assert linked[0]["hardship_id"] == entry
