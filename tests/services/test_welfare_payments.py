"""Payments: validation, overridden warnings kept and listed, edits, undo, approval states,
attachments, and money sums equal to the 分."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import welfare
from guilin_union.services.welfare import PaymentQuery
from guilin_union.services.welfare.rules import PaymentWarnings
from tests.welfare_fixtures import add_member, payment, setup


@pytest.fixture
def wdb(db):
    return setup(db)


def test_amount_is_stored_as_integer_fen(wdb):
    m = add_member(wdb)
    pid = welfare.record_payment(wdb, payment(m, "结婚", "2024年5月1日", "￥599.99")).row_id
    row = welfare.get_payment(wdb, pid)
    assert row["amount_fen"] == 59999 and isinstance(row["amount_fen"], int)
    assert row["pay_date"] == "2024-05-01" and row["year"] == 2024
    assert wdb.execute("SELECT typeof(amount_fen) FROM welfare_payments").fetchone()[0] == "integer"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_fen": "0"}, "amount_fen"),
        ({"amount_fen": "12.345"}, "amount_fen"),
        ({"amount_fen": 1.5}, "amount_fen"),
        ({"type": "发红包"}, "type"),
        ({"pay_date": "2024-02-30"}, "pay_date"),
        ({"form": "实物"}, "goods"),
        ({"state": "已发放"}, "paid_on"),
        ({"member_id": 999}, "member_id"),
    ],
)
def test_hard_errors(wdb, change, field):
    m = add_member(wdb)
    with pytest.raises(ValidationError) as info:
        welfare.record_payment(wdb, {**payment(m, "结婚", "2024-05-01", "600"), **change})
    assert info.value.field == field


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (None, "请填写金额（实物请填写折合金额）"),
        (" ", "请填写金额（实物请填写折合金额）"),
        (True, "请填写金额（实物请填写折合金额）"),
        (0, "金额必须大于 0"),
        ("0.00", "金额必须大于 0"),
        (-100, "金额必须大于 0"),
        (600.0, "金额必须以“分”为单位的整数保存"),
    ],
)
def test_amount_messages(wdb, amount, message):
    m = add_member(wdb)
    with pytest.raises(ValidationError) as info:
        welfare.record_payment(
            wdb, {**payment(m, "结婚", "2024-05-01", "600"), "amount_fen": amount}
        )
    assert (info.value.message, info.value.field) == (message, "amount_fen")


def test_flagged_filter_lists_only_overridden_payments(wdb):
    m = add_member(wdb)
    welfare.record_payment(wdb, payment(m, "结婚", "2024-05-01", "600"))
    flagged = welfare.record_payment(
        wdb, payment(m, "生育", "2024-06-01", "900"), override_reason="双胞胎"
    ).row_id
    ids = welfare.query_ids(wdb, PaymentQuery(flagged_only=True))
    assert ids == [flagged]
    row = welfare.fetch_rows(wdb, ids)[flagged]
    assert (
        row["flagged"] and "单次上限" in row["warning_text"] and row["override_reason"] == "双胞胎"
    )
    open_ = welfare.list_open_warnings(wdb, year=2024)
    assert [w["payment_id"] for w in open_] == [flagged]
    welfare.mark_reviewed(wdb, [open_[0]["id"]])
    assert welfare.list_open_warnings(wdb, year=2024) == []
    assert welfare.query_ids(wdb, PaymentQuery(open_warnings_only=True)) == []
    assert welfare.query_ids(wdb, PaymentQuery(flagged_only=True)) == [flagged]


def test_edit_keeps_an_accepted_warning_and_asks_for_a_new_one(wdb):
    m = add_member(wdb)
    pid = welfare.record_payment(
        wdb, payment(m, "结婚", "2024-05-01", "700"), override_reason="特批"
    ).row_id
    # Editing the reason text only: the same warning was accepted before, no new question.
    welfare.update_payment(wdb, pid, {"reason": "新婚慰问"})
    assert [w["code"] for w in welfare.payment_warnings(wdb, pid)] == ["cap"]
    # Changing the type to one whose rule is broken in another way asks again.
    other = add_member(wdb, "李四")
    with pytest.raises(PaymentWarnings):
        welfare.update_payment(wdb, pid, {"member_id": other, "pay_date": "2023-05-01"})
    # Back within the cap: the warning goes away.
    welfare.update_payment(wdb, pid, {"amount_fen": "600"})
    assert welfare.payment_warnings(wdb, pid) == []
    assert welfare.get_payment(wdb, pid)["override_reason"] is None


def test_delete_and_undo_bring_back_warnings(wdb):
    m = add_member(wdb)
    pid = welfare.record_payment(
        wdb, payment(m, "结婚", "2024-05-01", "700"), override_reason="特批"
    ).row_id
    result = welfare.delete_payment(wdb, pid)
    assert wdb.execute("SELECT count(*) FROM welfare_payments").fetchone()[0] == 0
    assert wdb.execute("SELECT count(*) FROM welfare_payment_warnings").fetchone()[0] == 0
    welfare.restore_payment(wdb, result.undo)
    assert welfare.get_payment(wdb, pid)["amount_fen"] == 70000
    assert [w["override_reason"] for w in welfare.payment_warnings(wdb, pid)] == ["特批"]


def test_undo_of_an_edit(wdb):
    m = add_member(wdb)
    pid = welfare.record_payment(wdb, payment(m, "结婚", "2024-05-01", "500")).row_id
    result = welfare.update_payment(wdb, pid, {"amount_fen": "550", "reason": "改"})
    welfare.restore_payment(wdb, result.undo)
    row = welfare.get_payment(wdb, pid)
    assert (row["amount_fen"], row["reason"]) == (50000, None)


def test_approval_states_with_dates(wdb):
    m = add_member(wdb)
    pid = welfare.record_payment(wdb, payment(m, "结婚", "2024-05-01", "600")).row_id
    assert welfare.get_payment(wdb, pid)["applied_on"] == "2024-05-01"
    welfare.set_state(wdb, [pid], "分工会审核", "2024-05-03")
    welfare.set_state(wdb, [pid], "校工会批准", "2024-05-06")
    welfare.set_state(wdb, [pid], "已发放", "2024-05-08")
    row = welfare.get_payment(wdb, pid)
    assert (row["state"], row["branch_reviewed_on"], row["approved_on"], row["paid_on"]) == (
        "已发放",
        "2024-05-03",
        "2024-05-06",
        "2024-05-08",
    )
    with pytest.raises(ConflictError):
        welfare.delete_payment(wdb, pid)
    result = welfare.set_state(wdb, [pid], "分工会审核", "2024-05-09")
    row = welfare.get_payment(wdb, pid)
    assert (row["state"], row["approved_on"], row["paid_on"]) == ("分工会审核", None, None)
    welfare.restore_states(wdb, result.undo)
    assert welfare.get_payment(wdb, pid)["paid_on"] == "2024-05-08"


def test_every_write_is_in_the_change_log(wdb):
    m = add_member(wdb)
    pid = welfare.record_payment(
        wdb, payment(m, "结婚", "2024-05-01", "700"), override_reason="特批"
    ).row_id
    welfare.set_state(wdb, [pid], "已发放", "2024-05-02")
    logged = {
        r[0]
        for r in wdb.execute("SELECT table_name FROM change_log WHERE table_name LIKE 'welfare%'")
    }
    assert {"welfare_payments", "welfare_payment_warnings", "welfare_standards"} <= logged


def test_attachments(tmp_path, wdb):
    m = add_member(wdb)
    evidence = tmp_path / "结婚证.jpg"
    evidence.write_bytes(b"fake image")
    pid = welfare.record_payment(
        wdb, payment(m, "结婚", "2024-05-01", "600"), attachments=[evidence]
    ).row_id
    files = welfare.list_attachments(wdb, pid)
    assert [f["original_name"] for f in files] == ["结婚证.jpg"]
    from guilin_union.services.attachments import resolve_attachment

    assert resolve_attachment(wdb, files[0]["path"]).read_bytes() == b"fake image"
    welfare.add_attachment(wdb, pid, evidence)
    assert len(welfare.list_attachments(wdb, pid)) == 2


def test_search_and_filters(wdb):
    a = add_member(wdb, "张三", staff_no="T001")
    b = add_member(wdb, "李四", branch="机关分工会")
    welfare.record_payment(wdb, payment(a, "结婚", "2024-05-01", "600"))
    welfare.record_payment(wdb, payment(b, "生育", "2024-06-01", "600"))
    assert len(welfare.query_ids(wdb, PaymentQuery(search="zs"))) == 1
    assert len(welfare.query_ids(wdb, PaymentQuery(search="T001"))) == 1
    assert len(welfare.query_ids(wdb, PaymentQuery(branch_name="机关分工会"))) == 1
    assert len(welfare.query_ids(wdb, PaymentQuery(type="结婚", year=2024))) == 1
    assert welfare.query_ids(wdb, PaymentQuery(year=2023)) == []
    names = [
        r["name"]
        for r in welfare.list_payments(wdb, PaymentQuery(sort_key="date", descending=False))
    ]
    assert names == ["张三", "李四"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(min_value=1, max_value=99_999_999), min_size=1, max_size=8))
def test_money_sums_equal_the_fen(db, amounts):
    setup(db, examples=False)
    db.execute("DELETE FROM welfare_payments")
    m = db.execute("SELECT id FROM members LIMIT 1").fetchone()
    member = m[0] if m else add_member(db)
    for i, fen in enumerate(amounts):
        welfare.record_payment(
            db, payment(member, "其他", f"2024-01-{i + 1:02d}", fen), override_reason="测试"
        )
    n, total = welfare.totals(db, PaymentQuery(year=2024))
    assert (n, total) == (len(amounts), sum(amounts))
    from guilin_union.services.welfare.outputs import year_stats

    stats = year_stats(db, 2024)
    assert stats.total_fen == sum(amounts)
    assert sum(r.total_fen for r in stats.by_branch) == sum(amounts)
