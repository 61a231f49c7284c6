"""Round trips: parse → save → track → export; the ledger (PDF and Excel) lists every item and
the year-end summary counts them, read back from the files."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from guilin_union.core.errors import ValidationError
from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import outputs as wo
from tests.reports._pdf import page_texts, squash
from tests.workpoints_fixtures import (
    REGION_2025,
    SCHOOL_2024,
    item_ids,
    parsed,
    save_school,
    save_upper,
)

DAY = dt.date(2024, 10, 15)


def _body(path) -> str:
    """All text of the PDF without whitespace (wrapped cells read on)."""
    return squash("".join(page_texts(path)))


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(wo)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    "sample, kind, year", [(SCHOOL_2024, "school", 2024), (REGION_2025, "upper", 2025)]
)
def test_round_trip_ledger_lists_every_item(db, tmp_path, sample, kind, year) -> None:
    doc = parsed(sample)
    plan_id = wp.save_plan(db, doc, year=year, kind=kind).row_id
    pdf, rows = wo.ledger_pdf(db, tmp_path / "台账.pdf", year=year, today=DAY)
    assert rows == sum(1 for n in doc.iter_nodes() if n.level > 1)  # sections are headings
    body = _body(pdf)
    for node in doc.iter_nodes():
        assert squash(node.heading) in body, node.heading
    for unit in {u for n in doc.iter_nodes() for u in n.responsible_units}:
        assert squash(unit) in body
    xlsx, count = wo.ledger_excel(db, tmp_path / "台账.xlsx", plan_id=plan_id)
    sheet = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    headings = [row[1] for row in values]
    assert count == rows
    for node in doc.iter_nodes():
        expected = node.heading if node.level > 1 else f"{node.number}、{node.heading}"
        assert expected in headings


def test_ledger_shows_tracking(db, tmp_path) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.update_item(
        db,
        ids["八"],
        {
            "owner": "王宁",
            "deadline": "2024-11-30",
            "status": "进行中",
            "lead_unit": "校工会",
            "responsible_units": "体育学院、各分工会",
        },
    )
    for day, text in [
        ("2024-03-01", "第一条进展。"),
        ("2024-04-01", "第二条进展。"),
        ("2024-05-01", "第三条进展。"),
        ("2024-06-01", "第四条进展。"),
    ]:
        wp.add_note(db, ids["八"], note_date=day, text=text)
    source = tmp_path / "秩序册.pdf"
    source.write_bytes(b"%PDF-1.4\n")
    wp.add_evidence(db, ids["八"], source)
    pdf, _ = wo.ledger_pdf(db, tmp_path / "台账.pdf", year=2024, today=DAY)
    body = _body(pdf)
    assert "王宁" in body and "2024年11月30日" in body and "体育学院、各分工会" in body
    assert "秩序册.pdf" in body
    # The latest notes only (a setting, 3 by default), dated the Chinese way.
    assert (
        "2024年6月1日：第四条进展。" in body and "第二条进展" in body and "第一条进展" not in body
    )
    assert "截至2024年10月15日：共12项" in body
    from guilin_union.services import settings

    settings.set_many(db, {"workpoints_ledger_notes": 1})
    body = _body(wo.ledger_pdf(db, tmp_path / "台账2.pdf", year=2024, today=DAY)[0])
    assert "第四条进展" in body and "第三条进展" not in body
    xlsx, _ = wo.ledger_excel(db, tmp_path / "台账.xlsx", year=2024, today=DAY)
    row = next(
        r for r in load_workbook(xlsx).active.iter_rows(values_only=True) if r[0] == "（八）"
    )
    assert row[4] == "王宁" and row[5] == dt.datetime(2024, 11, 30) and row[7] == "进行中"
    assert row[6] == "2024年6月1日：第四条进展。"


def test_both_plans_of_a_year_in_one_ledger(db, tmp_path) -> None:
    save_school(db, year=2025)
    save_upper(db)
    pdf, rows = wo.ledger_pdf(db, tmp_path / "台账.pdf", year=2025)
    body = _body(pdf)
    assert body.index("桂林学院2024年工会工作要点") < body.index("自治区教育工会2025年工作要点")
    assert rows == 12 + 20
    only_upper, rows = wo.ledger_pdf(db, tmp_path / "上级.pdf", year=2025, kind="upper")
    assert rows == 20 and "类别：上级" in _body(only_upper)


def test_summary_counts_and_notes(db, tmp_path) -> None:
    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.set_status(db, [ids["一"], ids["二"], ids["五"]], "已完成")
    wp.set_status(db, [ids["四"]], "进行中")
    wp.set_status(db, [ids["十二"]], "已取消")
    wp.add_note(db, ids["四"], note_date="2024-03-20", text="第一届教代会第三次会议顺利召开。")
    pdf, count = wo.summary_pdf(db, tmp_path / "总结.pdf", year=2024, today=DAY)
    assert count == 12
    body = _body(pdf)
    assert "全年工作要点共12项：已完成3项，进行中1项，未开始7项，已取消1项；完成率27.3%" in body
    assert "一、强化思想引领，筑牢团结奋斗的思想基础（3项：已完成2项，未开始1项）" in body
    assert "2024年3月20日：第一届教代会第三次会议顺利召开。" in body
    assert "（无进展记录）" in body


def test_no_plan_for_the_year(db, tmp_path) -> None:
    with pytest.raises(ValidationError, match="没有2023年"):
        wo.ledger_pdf(db, tmp_path / "x.pdf", year=2023)
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(ValidationError, match="类别"):
        wo.resolve_plans(db, 2024, kind="city")


def test_carried_items_show_in_both_years(db, tmp_path) -> None:
    from guilin_union.services.workpoints.rollover import carry_over

    plan_id = save_school(db)
    ids = item_ids(db, plan_id)
    wp.add_note(db, ids["十"], note_date="2024-09-01", text="新教职工入会办理中。")
    carry_over(db, plan_id, item_ids=[ids["十"]])
    old = _body(wo.ledger_pdf(db, tmp_path / "2024.pdf", year=2024, today=DAY)[0])
    assert "已结转至2025年" in old
    new = _body(wo.ledger_pdf(db, tmp_path / "2025.pdf", year=2025, today=DAY)[0])
    assert "2024年度结转事项" in new and "2024年9月1日：新教职工入会办理中。" in new
