from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from guilin_union.core.errors import ValidationError
from guilin_union.services import settings
from guilin_union.services.intake import dues
from guilin_union.services.members import status as member_status
from tests.intake_fixtures import add_member


@pytest.mark.parametrize(
    "base, expected",
    [
        (567890, 2835),  # 5,678.90 -> 5,670 -> 28.35
        (1009, 5),  # 10.09 -> 10 -> 0.05
        (999, 0),  # under 10 元
        (0, 0),
        (500000, 2500),
        (301000, 1505),  # 3,010 * 0.5% = 15.05
        (10000, 50),
    ],
)
def test_dues_truncate_base_to_whole_10_yuan(base, expected):
    assert dues.monthly_dues_fen(base, rate_percent="0.5", unit_fen=1000) == expected


@hsettings(max_examples=100)
@given(st.integers(min_value=0, max_value=10**9))
def test_dues_property_matches_integer_arithmetic(base):
    # 0.5% of a multiple of 1000 fen is an exact multiple of 5 fen: no rounding at all.
    assert dues.monthly_dues_fen(base, rate_percent="0.5", unit_fen=1000) == (base // 1000) * 5


def test_rate_and_unit_are_settings(branch_db):
    settings.set_many(branch_db, {"dues_rate_percent": "1", "dues_base_unit_fen": 100})
    rule = dues.current_rule(branch_db)
    assert rule.dues(567890) == 5678  # 5,678.90 -> 5,678 元 (unit 1 元) -> 1% = 56.78 元
    with pytest.raises(ValidationError):
        dues.rate_decimal("abc")


def test_bad_base_refused(branch_db):
    m = add_member(branch_db)
    with pytest.raises(ValidationError):
        dues.set_dues_record(branch_db, m, salary_base_fen=12.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        dues.set_dues_record(branch_db, m, salary_base_fen=-1)


def test_retirement_waives_dues_from_the_month_after(branch_db):
    m = add_member(branch_db, join_date="2010-09-01")
    dues.set_dues_record(branch_db, m, salary_base_fen=600000, dues_start_month="2010-09")
    member_status.record_status_change(
        branch_db, m, "退休（保留会籍）", on="2024-06-30", reason="退休"
    )
    june = dues.member_month_dues(branch_db, m, "2024-06")
    july = dues.member_month_dues(branch_db, m, "2024-07")
    assert (june.liable, june.dues_fen) == (True, 3000)
    assert (july.liable, july.dues_fen) == (False, 0)
    assert "免缴" in july.note
    # retiring on the first of a month: that month is still owed, the next is not
    m2 = add_member(branch_db, name="李四", join_date="2010-09-01")
    dues.set_dues_record(branch_db, m2, salary_base_fen=500000)
    member_status.record_status_change(branch_db, m2, "保留会籍", on="2024-06-01", reason="退休")
    assert dues.member_month_dues(branch_db, m2, "2024-06").liable
    assert not dues.member_month_dues(branch_db, m2, "2024-07").liable


def test_start_month_and_leaving(branch_db):
    m = add_member(branch_db, join_date="2024-03-15")
    dues.set_dues_record(branch_db, m, salary_base_fen=400000, dues_start_month="2024-04")
    assert not dues.member_month_dues(branch_db, m, "2024-03").liable
    assert dues.member_month_dues(branch_db, m, "2024-04").dues_fen == 2000
    member_status.record_status_change(branch_db, m, "转出", on="2024-08-10", reason="调出")
    assert dues.member_month_dues(branch_db, m, "2024-08").liable  # month of leaving is owed
    assert dues.member_month_dues(branch_db, m, "2024-09") is None  # gone from later lists
    assert dues.member_month_dues(branch_db, m, "2024-02") is None  # not yet joined


def test_summary_by_branch(branch_db):
    a = add_member(branch_db, name="甲", join_date="2020-01-01")
    b = add_member(branch_db, name="乙", join_date="2020-01-01")
    c = add_member(branch_db, name="丙", branch="机关分工会", join_date="2020-01-01")
    add_member(branch_db, name="丁", branch="机关分工会", join_date="2020-01-01", status="保留会籍")
    dues.set_dues_record(branch_db, a, salary_base_fen=567890)
    dues.set_dues_record(branch_db, c, salary_base_fen=300000)
    summary = dues.dues_summary(branch_db, "2024-05")
    by_name = {x.branch: x for x in summary.branches}
    wen = by_name["文学院分工会"]
    assert (
        wen.liable,
        wen.with_base,
        wen.missing_base,
        wen.dues_total_fen,
        wen.base_total_fen,
    ) == (2, 1, 1, 2835, 567000)
    jg = by_name["机关分工会"]
    assert (jg.liable, jg.waived, jg.dues_total_fen) == (1, 1, 1500)
    assert summary.total.dues_total_fen == 4335
    assert by_name["信息工程学院分工会"].liable == 0
    assert b  # member without base counted as missing


def test_dues_summary_excel_and_pdf(branch_db, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    a = add_member(branch_db, name="甲", join_date="2020-01-01")
    dues.set_dues_record(branch_db, a, salary_base_fen=567890)
    xlsx = dues.export_dues_summary(branch_db, "2024-05", tmp_path / "会费.xlsx")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["会费汇总", "会费明细"]
    values = [[c.value for c in row] for row in wb["会费汇总"].iter_rows()]
    total = next(r for r in values if r[1] == "合计")
    assert float(total[7]) == 28.35
    pdf = dues.dues_summary_pdf(branch_db, "2024-05", tmp_path / "会费.pdf")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "2024年5月" in text and "28.35" in text and "贰拾捌元叁角伍分" in text
