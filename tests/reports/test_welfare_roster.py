"""The sign-for roster read back: totals and 大写 agree with the records to the 分."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from guilin_union.core.money import fen_to_upper, format_fen
from guilin_union.reports.welfare.roster import RosterLine, RosterSection, build_welfare_roster
from guilin_union.services import welfare
from guilin_union.services.welfare import batches as wb
from guilin_union.services.welfare import outputs as wo
from tests.welfare_fixtures import add_member, payment, setup


def pages(path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Text without line breaks and spaces (a long 大写 may wrap)."""
    return re.sub(r"\s+", "", text)


def line(branch: str, name: str, fen: int, **kw) -> RosterLine:
    return RosterLine(branch, name, "T" + name, "慰问", format_fen(fen), fen, **kw)


@pytest.mark.parametrize(
    ("fen", "upper"),
    [(5, "伍分"), (1000, "壹拾元整"), (10001050, "壹拾万零壹拾元伍角"), (100000000, "壹佰万元整")],
)
def test_upper_case_totals(tmp_path, fen, upper):
    assert fen_to_upper(fen) == upper
    out = build_welfare_roster(
        tmp_path / "r.pdf",
        [RosterSection("文学院分工会", [line("文学院分工会", "张三", fen)])],
        institution="桂林学院",
        union_name="桂林学院工会委员会",
    )
    text = flat("".join(pages(out)))
    assert f"小计：{format_fen(fen)}元（大写：{upper}）" in text


def test_each_branch_on_its_own_page_with_subtotals_and_summary(tmp_path):
    sections = [
        RosterSection(
            "文学院分工会",
            [line("文学院分工会", "张三", 30000), line("文学院分工会", "李四", 30005)],
        ),
        RosterSection("机关分工会", [line("机关分工会", "王五", 15000, is_goods=True)]),
    ]
    out = build_welfare_roster(
        tmp_path / "r.pdf",
        sections,
        institution="桂林学院",
        union_name="桂林学院工会委员会",
        subtitle="2025年春节慰问",
        signers=("经手人", "证明人", "分工会主席"),
        summary_signers=("经手人", "证明人", "工会主席"),
    )
    texts = pages(out)
    first = next(i for i, t in enumerate(texts) if "文学院分工会（共 2 人）" in t)
    second = next(i for i, t in enumerate(texts) if "机关分工会（共 1 人）" in t)
    assert second > first
    assert "文学院分工会" not in texts[second].replace("机关分工会", "")
    for header in (
        "序号",
        "姓名",
        "工号",
        "事由",
        "金额/物品",
        "领取人签字",
        "日期",
        "备注",
    ):
        assert header in texts[first]
    assert "分工会主席" in texts[first]
    summary = flat(texts[-1])
    assert (
        "汇总" in summary
        and "合计（2个分工会，3人）：750.05元（大写：柒佰伍拾元零伍分）" in summary
    )
    assert "其中现金600.05元，实物折合150.00元" in summary
    assert "工会主席" in summary


def test_ids_masked_when_printed(tmp_path):
    section = RosterSection(
        "文学院分工会", [line("文学院分工会", "张三", 100, id_masked="4503**********1234")]
    )
    out = build_welfare_roster(
        tmp_path / "r.pdf", [section], institution="桂林学院", union_name="工会", show_id=True
    )
    text = "".join(pages(out))
    assert "4503**********1234" in text and "部分隐藏" in text


def test_float_amounts_are_refused(tmp_path):
    bad = RosterLine("文学院分工会", "张三", "T1", "慰问", "1.00", 100.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        build_welfare_roster(
            tmp_path / "r.pdf",
            [RosterSection("文学院分工会", [bad])],
            institution="x",
            union_name="y",
        )


def test_roster_of_records_matches_the_database(tmp_path, db):
    setup(db)
    members = [
        add_member(db, f"会员{i}", branch=b, staff_no=f"S{i:03d}")
        for i, b in enumerate(["文学院分工会", "机关分工会", "文学院分工会", "信息工程学院分工会"])
    ]
    result, preview = wb.create_batch(
        db, wb.BatchRequest(year=2024, occasion="春节", amount_fen=30050, pay_date="2024-02-05")
    )
    welfare.record_payment(db, payment(members[0], "生病住院", "2024-03-01", "999.99"))
    path, n = wo.roster_pdf(db, tmp_path / "batch.pdf", batch_id=result.row_id)
    expected = db.execute(
        "SELECT sum(amount_fen), count(*) FROM welfare_payments WHERE batch_id = ?", [result.row_id]
    ).fetchone()
    assert n == expected[1] == 4
    text = flat("".join(pages(path)))
    assert (
        f"合计（3个分工会，4人）：{format_fen(expected[0])}元（大写：{fen_to_upper(expected[0])}）"
        in text
    )
    assert "批次" in text and "S000" in text
    # A filtered list (year + type) prints exactly the rows of the view.
    q = welfare.PaymentQuery(year=2024, type="生病住院")
    path, n = wo.roster_pdf(db, tmp_path / "list.pdf", query=q)
    assert n == 1
    text = flat("".join(pages(path)))
    assert "999.99元（大写：玖佰玖拾玖元玖角玖分）" in text and "会员1" not in text


def test_roster_excel(tmp_path, db):
    from openpyxl import load_workbook

    setup(db)
    a = add_member(db, "张三")
    b = add_member(db, "李四", branch="机关分工会")
    welfare.record_payment(db, payment(a, "结婚", "2024-05-01", "600"))
    welfare.record_payment(db, payment(b, "生日", "2024-05-02", "300", form="实物", goods="蛋糕券"))
    out, n = wo.roster_excel(db, tmp_path / "r.xlsx", query=welfare.PaymentQuery(year=2024))
    assert n == 2
    ws = load_workbook(out).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    total = next(r for r in values if r[2] == "合计")
    assert float(total[5]) == 900 and "玖佰元整" in total[9]
    assert any(r[6] and "蛋糕券" in r[6] for r in values)
    # Printed and signed like the PDF: A4, header rows on every page, page numbers, signatures.
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.print_title_rows == "$1:$2"
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    flat = " ".join(str(c) for r in values for c in r if c)
    for label in ("经手人", "证明人", "分工会主席", "财务", "校工会审批", "（盖章）"):
        assert label in flat


def test_year_roster_counts_payments_as_person_times(tmp_path):
    """A year roster lists a person once per payment: it counts 人次 and people apart."""
    twice = [line("文学院分工会", "张三", 10000), line("文学院分工会", "张三", 20000)]
    sections = [
        RosterSection("文学院分工会", [*twice, line("文学院分工会", "李四", 5000)]),
        RosterSection("机关分工会", [line("机关分工会", "王五", 5000)]),
    ]
    out = build_welfare_roster(
        tmp_path / "year.pdf", sections, institution="桂林学院", union_name="桂林学院工会"
    )
    text = "".join(t.replace(" ", "").replace("\n", "") for t in pages(out))
    assert "文学院分工会（共3人次，2人）" in text
    assert "机关分工会（共1人）" in text
    assert "合计（2个分工会，4人次，3人）" in text
