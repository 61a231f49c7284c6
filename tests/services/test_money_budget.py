"""The chart of fund categories (a setting), plans, entries and actuals to the 分."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.core.funds import DEFAULT_CATEGORIES, percent_text
from guilin_union.services import activities, welfare
from guilin_union.services.activities import budget as activities_budget
from guilin_union.services.money import budget
from guilin_union.services.welfare import standards as welfare_standards
from tests.welfare_fixtures import add_member, payment, setup


def test_default_chart_follows_the_regulation():
    chart = budget.validate_chart(DEFAULT_CATEGORIES)
    income = [c.name for c in chart if c.kind == "收入"]
    assert income == ["会费收入", "拨缴经费收入", "上级补助收入", "行政补助收入", "其他收入"]
    top = [c.name for c in chart if c.kind == "支出" and c.parent is None]
    assert top == ["职工活动支出", "维权支出", "业务支出", "资本性支出", "其他支出"]
    subs = {c.name for c in chart if c.parent == "501"}
    assert subs == {"教育活动", "文体活动", "宣传活动", "其他活动"}


@pytest.mark.parametrize(
    "part, whole, expected",
    [
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (0, 5, "0.0"),
        (7, 7, "100.0"),
        (-1, 8, "-12.5"),
        (1, 0, None),
    ],
)
def test_percent_is_integer_arithmetic(part, whole, expected):
    assert percent_text(part, whole) == expected


def test_chart_edits_and_guards(branch_db):
    budget.add_category(branch_db, "50304", "信息化建设", "支出", "503")
    chart = budget.categories(branch_db)
    codes = [c.code for c in chart]
    assert codes.index("50304") == codes.index("50303") + 1
    budget.rename_category(branch_db, "50304", "信息化")
    assert budget.category_label(budget.categories(branch_db), "50304") == "业务支出/信息化"
    budget.set_plan(branch_db, 2025, "50304", "100")
    with pytest.raises(ValidationError, match="已有预算"):
        budget.remove_category(branch_db, "50304")
    with pytest.raises(ValidationError, match="下级科目"):
        budget.remove_category(branch_db, "503")
    budget.set_plan(branch_db, 2025, "504", "100")
    with pytest.raises(ValidationError, match="不能再增加下级科目"):
        budget.add_category(branch_db, "50401", "设备", "支出", "504")
    with pytest.raises(ValidationError, match="重复"):
        budget.add_category(branch_db, "401", "x", "收入")
    result = budget.remove_category(branch_db, "505")
    assert "505" not in {c.code for c in budget.categories(branch_db)}
    result.inverse(branch_db)
    assert "505" in {c.code for c in budget.categories(branch_db)}


def test_entries_plans_and_refusals(branch_db):
    with pytest.raises(ValidationError, match="下级科目"):
        budget.set_plan(branch_db, 2025, "501", "10")
    with pytest.raises(ValidationError, match="会费台账"):
        budget.add_entry(branch_db, category="401", amount="1", entry_date="2025-01-01",
                         description="x")  # fmt: skip
    with pytest.raises(ValidationError):
        budget.add_entry(branch_db, category="50301", amount=1.5, entry_date="2025-01-01",
                         description="x")  # type: ignore[arg-type]  # fmt: skip
    r = budget.add_entry(branch_db, category="行政补助收入", amount="60,000.00",
                         entry_date="2025-04-15", description="行政拨款", voucher_no="记-1")  # fmt: skip
    ex = budget.execution(branch_db, 2025)
    assert ex.total("收入").actual_fen == 6_000_000
    r.inverse(branch_db)  # undo: the entry is deleted
    assert budget.execution(branch_db, 2025).total("收入").actual_fen == 0
    budget.set_plan(branch_db, 2025, "50102", "2,000")
    budget.copy_plans(branch_db, 2025, 2026)
    assert budget.plans(branch_db, 2026) == {"50102": 200000}
    with pytest.raises(ValidationError):
        budget.copy_plans(branch_db, 2025, 2026)


def test_welfare_by_payer_and_activities_by_type_with_maps(db):
    setup(db, year=2025)
    m = add_member(db, staff_no="T001")
    # 生日 is paid by the 分工会 in the example standards; 结婚 by the 校工会.
    assert welfare_standards.get_standard(db, 2025, "生日").payer == "分工会"
    paid = {"state": "已发放", "paid_on": "2025-06-01"}
    welfare.record_payment(db, payment(m, "结婚", "2025-05-01", "600", **paid))
    welfare.record_payment(db, payment(m, "生病住院", "2025-05-03", "500.01", **paid))
    welfare.record_payment(db, payment(m, "生日", "2025-05-05", "300", **paid))
    welfare.record_payment(db, payment(m, "生病住院", "2025-09-03", "500"))  # not paid yet
    a = activities.save_activity(db, {"name": "健步走", "type": "文体活动",
                                      "start_date": "2025-04-20"}).row_id  # fmt: skip
    activities_budget.add_line(db, a, kind="支出", category="奖品", amount="1,234.56")
    activities_budget.add_line(db, a, kind="预算", category="奖品", amount="2,000")
    ex = budget.execution(db, 2025)
    by = {line.code: line for line in ex.lines}
    assert by["50104"].sources == {"welfare": 60000}  # 结婚 → 其他活动
    assert by["50202"].sources == {"welfare": 50001}  # 生病住院 → 送温暖
    assert by["50102"].sources == {"activities": 123456}
    assert by["501"].actual_fen == 60000 + 123456 and by["502"].actual_fen == 50001
    assert ex.branch_welfare_fen == 30000
    # the maps are settings: 生病住院 counted under 困难帮扶 instead
    budget.set_category_map(db, "welfare", "生病住院", "困难帮扶")
    by = {line.code: line for line in budget.execution(db, 2025).lines}
    assert by["50201"].actual_fen == 50001 and by["50202"].actual_fen == 0
    with pytest.raises(ValidationError, match="不是支出科目"):
        budget.set_category_map(db, "activity", "文体活动", "401")
