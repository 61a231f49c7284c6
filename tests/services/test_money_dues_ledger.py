from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services.intake import dues
from guilin_union.services.members import status as member_status
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.services.money.dues_import import run_deduction_import
from tests.money_fixtures import DUES, add_people, correct_rows, deduction_file


@pytest.fixture
def people(branch_db):
    return add_people(branch_db)


def _paid(db, month):
    return {
        r["staff_no"]: (r["paid_fen"], r["method"], r["source"])
        for r in ledger.month_ledger(db, month)
    }


def test_open_month_fixes_the_amount_due_from_the_calculator(branch_db, people):
    assert ledger.open_month(branch_db, "2025-03") == 4
    rows = {r["staff_no"]: r for r in ledger.month_ledger(branch_db, "2025-03")}
    assert {k: r["due_fen"] for k, r in rows.items()} == DUES
    assert all(r["paid_fen"] == 0 and r["arrears_fen"] == r["due_fen"] for r in rows.values())
    # idempotent; a later base change leaves the opened month alone
    assert ledger.open_month(branch_db, "2025-03") == 0
    dues.set_dues_record(branch_db, people["T001"], salary_base_fen=800000)
    assert ledger.ledger_row(branch_db, people["T001"], "2025-03")["due_fen"] == 2835
    ledger.open_month(branch_db, "2025-04")
    assert ledger.ledger_row(branch_db, people["T001"], "2025-04")["due_fen"] == 4000


def test_reading_an_unopened_month_writes_nothing(branch_db, people):
    rows = ledger.month_ledger(branch_db, "2025-05")
    assert sorted(r["due_fen"] for r in rows) == sorted(DUES.values())
    assert not ledger.is_open(branch_db, "2025-05")


def test_retired_member_is_not_in_the_month_after(branch_db, people):
    member_status.record_status_change(
        branch_db, people["T004"], "保留会籍", on="2025-03-10", reason="退休"
    )
    ledger.open_month(branch_db, "2025-03")
    ledger.open_month(branch_db, "2025-04")
    assert ledger.ledger_row(branch_db, people["T004"], "2025-03") is not None
    assert ledger.ledger_row(branch_db, people["T004"], "2025-04") is None


def test_manual_payment_and_arrears(branch_db, people):
    for month in ("2025-01", "2025-02", "2025-03"):
        ledger.open_month(branch_db, month)
    result = ledger.record_payment(
        branch_db, people["T001"], "2025-02", method="现金", paid_on="2025-02-20"
    )
    row = ledger.ledger_row(branch_db, people["T001"], "2025-02")
    assert (row["paid_fen"], row["method"], row["source"]) == (2835, "现金", "手工")
    assert row["recorded_by"] and row["recorded_at"]
    with pytest.raises(ConflictError):
        ledger.record_payment(
            branch_db, people["T001"], "2025-02", method="现金", paid_on="2025-02-21"
        )
    owing = {a.staff_no: a for a in ledger.arrears(branch_db, min_months=3)}
    assert set(owing) == {"T002", "T003", "T004"}
    assert owing["T003"].arrears_fen == 3 * 3060
    assert ledger.arrears_months(branch_db, people["T001"], "2025-04") == ["2025-01", "2025-03"]
    # undo brings the arrears back
    ledger.restore_row(branch_db, result.undo)
    assert ledger.arrears_months(branch_db, people["T001"], "2025-04") == [
        "2025-01",
        "2025-02",
        "2025-03",
    ]


def test_payment_refused_for_member_not_due(branch_db, people):
    member_status.record_status_change(
        branch_db, people["T004"], "保留会籍", on="2024-12-31", reason="退休"
    )
    with pytest.raises(ValidationError, match="无需缴纳"):
        ledger.record_payment(
            branch_db, people["T004"], "2025-03", method="现金", paid_on="2025-03-05"
        )
    with pytest.raises(ValidationError, match="缴纳方式"):
        ledger.record_payment(
            branch_db, people["T001"], "2025-03", method="支票", paid_on="2025-03-05"
        )


def test_amounts_are_fen_or_yuan_text_never_a_float(branch_db, people):
    ledger.open_month(branch_db, "2025-03")

    def pay(amount):
        return ledger.record_payment(
            branch_db,
            people["T001"],
            "2025-03",
            method="现金",
            paid_on="2025-03-05",
            amount_fen=amount,
        )

    with pytest.raises(ValidationError, match="金额必须以“分”为单位的整数保存"):
        pay(28.35)
    with pytest.raises(ValidationError, match="请填写金额"):
        ledger.check_remittance(branch_db, 1, "2025-03", [people["T001"]], total_fen=" ")
    pay("28.35")
    assert _paid(branch_db, "2025-03")["T001"][0] == 2835


def test_remittance_checks_the_total_and_records_ticked_members(branch_db, people):
    from guilin_union.services.members import branches

    wx = branches.find_branch_id(branch_db, "文学院分工会")
    ticked = [people["T001"], people["T002"]]
    with pytest.raises(ValidationError, match="不符"):
        ledger.record_remittance(
            branch_db, wx, "2025-03", ticked, total_fen="48.00", received_on="2025-03-28"
        )
    assert _paid(branch_db, "2025-03")["T001"][0] == 0  # nothing written
    with pytest.raises(ValidationError, match="不是文学院分工会"):
        ledger.record_remittance(
            branch_db, wx, "2025-03", [people["T003"]], total_fen="30.60", received_on="2025-03-28"
        )
    rid = ledger.record_remittance(
        branch_db, wx, "2025-03", ticked, total_fen="48.35", received_on="2025-03-28"
    ).row_id
    paid = _paid(branch_db, "2025-03")
    assert paid["T001"] == (2835, "现金", "分工会上缴")
    assert paid["T002"] == (2000, "现金", "分工会上缴")
    assert paid["T003"][0] == 0
    assert ledger.list_remittances(branch_db, "2025-03")[0]["id"] == rid


def test_deduction_import_with_one_wrong_amount_writes_nothing(branch_db, people, tmp_path):
    rows = correct_rows()
    rows[2] = ("T003", "王五", "30.00")  # due 30.60
    path = deduction_file(tmp_path / "代扣.xlsx", rows)
    outcome = run_deduction_import(branch_db, path, "2025-03")
    assert not outcome.ok
    assert [(e.row, e.column) for e in outcome.errors] == [(5, "金额")]
    assert "30.60" in outcome.errors[0].message and "0.60" in outcome.errors[0].message
    assert not ledger.is_open(branch_db, "2025-03")
    assert branch_db.execute("SELECT count(*) FROM dues_imports").fetchone()[0] == 0


def test_correct_deduction_import_records_every_payment(branch_db, people, tmp_path):
    path = deduction_file(tmp_path / "代扣.xlsx", correct_rows())
    dry = run_deduction_import(branch_db, path, "2025-03", dry_run=True)
    assert dry.ok and dry.imported == 4 and not ledger.is_open(branch_db, "2025-03")
    outcome = run_deduction_import(branch_db, path, "2025-03")
    assert outcome.ok and outcome.imported == 4
    paid = _paid(branch_db, "2025-03")
    assert {k: v[0] for k, v in paid.items()} == DUES
    assert {v[1] for v in paid.values()} == {"代扣"}
    assert {r["paid_on"] for r in ledger.month_ledger(branch_db, "2025-03")} == {"2025-03-31"}
    # the same file again: every row is already paid
    again = run_deduction_import(branch_db, path, "2025-03")
    assert len(again.errors) == 4 and "不能重复登记" in again.errors[0].message


def test_deduction_import_row_errors(branch_db, people, tmp_path):
    rows = [
        ("T001", "张三", "28.35"),
        ("T009", "无名", "10.00"),  # unknown staff number
        ("T002", "王五", "20.00"),  # name does not match
        ("T001", "张三", "28.35"),  # twice
    ]
    outcome = run_deduction_import(branch_db, deduction_file(tmp_path / "x.xlsx", rows), "2025-03")
    messages = {e.row: e.message for e in outcome.errors}
    assert set(messages) == {4, 5, 6}
    assert "T009" in messages[4] and "不符" in messages[5] and "重复" in messages[6]
    assert {e.row: e.column for e in outcome.errors}[5] == "姓名"


def test_deduction_import_reads_padded_names_like_every_import(branch_db, people, tmp_path):
    rows = [("T001", "张\u3000三", "28.35"), ("t002", "李四", "20.00")]  # padded name, 工号 case
    outcome = run_deduction_import(branch_db, deduction_file(tmp_path / "p.xlsx", rows), "2025-03")
    assert outcome.ok and outcome.imported == 2


def test_collection_by_branch(branch_db, people, tmp_path):
    run_deduction_import(
        branch_db, deduction_file(tmp_path / "x.xlsx", correct_rows()[:3]), "2025-03"
    )
    got = {b.branch: b for b in ledger.collection_by_branch(branch_db, month="2025-03")}
    assert (got["文学院分工会"].due_fen, got["文学院分工会"].paid_fen) == (4835, 4835)
    assert (got["机关分工会"].arrears_fen, got["机关分工会"].unpaid_members) == (1500, 1)
    assert got["信息工程学院分工会"].members == 0
    assert ledger.dues_received(branch_db, 2025) == 4835 + 3060


def test_a_base_recorded_later_completes_unpaid_rows_opened_without_one(branch_db, people):
    from tests.intake_fixtures import add_member

    late = add_member(branch_db, name="钱七", staff_no="T005", join_date="2010-09-01")
    ledger.open_month(branch_db, "2025-03")
    row = ledger.ledger_row(branch_db, late, "2025-03")
    assert (row["due_fen"], row["note"]) == (0, "未录入工资基数")
    assert [a.staff_no for a in ledger.arrears(branch_db)].count("T005") == 0
    dues.set_dues_record(branch_db, late, salary_base_fen=400000)
    assert ledger.open_month(branch_db, "2025-03") == 1
    row = ledger.ledger_row(branch_db, late, "2025-03")
    assert (row["due_fen"], row["base_fen"], row["note"]) == (2000, 400000, None)


def test_remittance_and_payment_undo_through_their_inverses(branch_db, people):
    from guilin_union.services.members import branches

    wx = branches.find_branch_id(branch_db, "文学院分工会")
    ticked = [people["T001"], people["T002"]]
    result = ledger.record_remittance(
        branch_db, wx, "2025-03", ticked, total_fen=4835, received_on="2025-03-28"
    )
    result.inverse(branch_db)
    assert all(r["paid_fen"] == 0 for r in ledger.month_ledger(branch_db, "2025-03"))
    assert ledger.list_remittances(branch_db, "2025-03") == []
    paid = ledger.record_payment(
        branch_db, people["T003"], "2025-03", method="转账", paid_on="2025-03-02", amount_fen="10"
    )
    assert ledger.ledger_row(branch_db, people["T003"], "2025-03")["paid_fen"] == 1000
    assert ledger.ledger_row(branch_db, people["T003"], "2025-03")["arrears_fen"] == 2060
    paid.inverse(branch_db)
    assert ledger.ledger_row(branch_db, people["T003"], "2025-03")["paid_fen"] == 0


def test_ledger_pages_in_sql_order(branch_db, people):
    ledger.open_month(branch_db, "2025-03")
    q = ledger.LedgerQuery("2025-03")
    ids = ledger.ledger_ids(branch_db, q, "due", descending=True)
    rows = ledger.ledger_rows(branch_db, ids[:2])
    assert [rows[i]["due_fen"] for i in ids[:2]] == [3060, 2835]
    assert len(ledger.ledger_ids(branch_db, ledger.LedgerQuery("2025-03", search="T00"))) == 4
    assert ledger.ledger_count(branch_db, ledger.LedgerQuery("2025-03", state="unpaid")) == 4
