"""The work-points printouts read back: 落实台账 (landscape, every column and row, markup-safe)
and the year-end summary (counts and rates)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from guilin_union.reports.registry import available_reports
from guilin_union.reports.workpoints.ledger import (
    LEDGER_COLUMNS,
    LedgerPlan,
    LedgerRow,
    LedgerSection,
    build_workpoints_ledger,
)
from guilin_union.reports.workpoints.summary import (
    SummaryItem,
    SummaryPlan,
    SummarySection,
    build_workpoints_summary,
    rate,
)
from tests.reports._pdf import fonts_in, is_embedded, page_texts, squash
from tests.reports.conftest import FIXED_DAY, needs_cjk_ttf


def _row(n: int, **kw) -> LedgerRow:
    values = dict(
        label=f"（{n}）",
        heading=f"第{n}项要点内容。",
        lead_unit="校工会",
        responsible_units="人事处、财务处",
        owner="王宁",
        deadline="2024-06-30",
        progress=f"2024年3月{n % 28 + 1}日：第{n}项已启动。",
        status="进行中",
        evidence="方案.pdf",
    )
    values.update(kw)
    return LedgerRow(**values)


def test_docstring_examples() -> None:
    import doctest

    from guilin_union.reports.workpoints import ledger as workpoints_ledger
    from guilin_union.reports.workpoints import summary as workpoints_summary

    for module in (workpoints_ledger, workpoints_summary):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_reports_are_registered() -> None:
    names = available_reports()
    assert "workpoints-ledger" in names and "workpoints-summary" in names


def test_ledger_is_landscape_with_all_columns(out) -> None:
    plan = LedgerPlan(
        "桂林学院2024年工会工作要点",
        "文号：桂院工〔2024〕1号",
        [
            LedgerSection("一、强化思想引领", [_row(1)]),
            LedgerSection("二、聚力民主建设", [_row(2)]),
        ],
    )
    build_workpoints_ledger(
        out,
        [plan],
        year=2024,
        institution="桂林学院工会委员会",
        generated_on=FIXED_DAY,
        status_note="截至2026年11月21日：共2项",
    )
    page = PdfReader(str(out)).pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = squash("".join(page_texts(out)))
    assert "2024年工作要点落实台账" in text and "桂林学院工会委员会" in text
    assert squash("".join(c.header for c in LEDGER_COLUMNS)) in text
    for expected in (
        "一、强化思想引领",
        "二、聚力民主建设",
        "第1项要点内容。",
        "2024年6月30日",
        "人事处、财务处",
        "2024年3月2日：第1项已启动。",
        "方案.pdf",
        "文号：桂院工〔2024〕1号",
        "截至2026年11月21日：共2项",
        "填报人",
        "审核人",
        "第1页共1页",
    ):
        assert squash(expected) in text, expected


def test_ledger_long_table_repeats_header_and_keeps_every_row(out) -> None:
    rows = [_row(n) for n in range(1, 61)]
    plan = LedgerPlan("要点", "", [LedgerSection("一、板块", rows)])
    build_workpoints_ledger(out, [plan], year=2024, institution="工会", generated_on=FIXED_DAY)
    pages = page_texts(out)
    assert len(pages) > 2
    header = squash("".join(c.header for c in LEDGER_COLUMNS))
    assert all(header in squash(p) for p in pages[:-1])
    text = squash("".join(pages))
    assert all(f"第{n}项要点内容。" in text for n in range(1, 61))


def test_ledger_text_is_escaped(out) -> None:
    hostile = _row(1, heading="A<B & R&D <img src=x>", progress="<b>不是粗体</b>", owner="张&三")
    build_workpoints_ledger(
        out,
        [LedgerPlan("要点", "", [LedgerSection("", [hostile])])],
        year=2024,
        institution="工会",
        generated_on=FIXED_DAY,
    )
    text = squash("".join(page_texts(out)))
    assert "A<B&R&D<imgsrc=x>" in text and "<b>不是粗体</b>" in text and "张&三" in text


def test_ledger_of_two_plans_and_an_empty_one(out) -> None:
    plans = [
        LedgerPlan("本校要点", "类别：本校", [LedgerSection("一、甲", [_row(1)])]),
        LedgerPlan("上级要点", "类别：上级"),
    ]
    build_workpoints_ledger(out, plans, year=2025, institution="工会", generated_on=FIXED_DAY)
    text = squash("".join(page_texts(out)))
    assert text.index("本校要点") < text.index("上级要点") and "（无）" in text


@needs_cjk_ttf
def test_ledger_fonts_are_embedded(out) -> None:
    build_workpoints_ledger(
        out,
        [LedgerPlan("要点", "", [LedgerSection("", [_row(1)])])],
        year=2024,
        institution="工会",
        generated_on=FIXED_DAY,
    )
    fonts = fonts_in(out)
    assert fonts and all(is_embedded(f) for f in fonts.values())


def test_summary_counts_rates_and_notes(out) -> None:
    done = SummaryItem(
        "（一）",
        "组织学习。",
        "王宁",
        "已完成",
        ["2024年3月5日：第一次学习。", "2024年6月1日：全部完成。"],
    )
    doing = SummaryItem("（二）", "开展宣传。", "", "进行中\n（逾期）", [])
    cancelled = SummaryItem(
        "（三）", "建设阵地。", "李静", "已取消", ["2024年5月1日：因场地调整取消。"]
    )
    waiting = SummaryItem("1.", "其他事项。", "", "未开始", [])
    plan = SummaryPlan(
        "2024年工会工作要点",
        [SummarySection("一、思想引领", [done, doing, cancelled]), SummarySection("", [waiting])],
    )
    build_workpoints_summary(
        out, [plan], year=2024, institution="桂林学院工会委员会", generated_on=FIXED_DAY
    )
    text = squash("".join(page_texts(out)))
    assert "2024年工作要点落实情况总结" in text
    assert "全年工作要点共4项：已完成1项，进行中1项，未开始1项，已取消1项；完成率33.3%" in text
    assert "一、思想引领（3项：已完成1项，进行中1项，已取消1项）" in text
    assert "其他条目（1项：未开始1项）" in text
    assert "2024年3月5日：第一次学习。2024年6月1日：全部完成。" in text
    assert "（无进展记录）" in text
    assert "合计4111133.3%" in text  # the statistics table's total row


@pytest.mark.parametrize(
    "done, total, cancelled, expected",
    [(0, 0, 0, "—"), (3, 3, 0, "100.0%"), (1, 3, 0, "33.3%"), (0, 2, 2, "—")],
)
def test_rate(done, total, cancelled, expected) -> None:
    assert rate(done, total, cancelled) == expected
