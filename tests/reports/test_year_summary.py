"""The year-end report: every figure equals what the area's own command gives."""

from __future__ import annotations

import json
import subprocess

import pytest

from guilin_union.cli import main
from guilin_union.core.money import format_fen
from guilin_union.services.home.figures import year_summary

YEAR = 2025


@pytest.fixture
def demo_file(demo_db):
    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    demo_db.conn.close()
    return path


def _json(capsys, *args):
    assert main(list(map(str, args))) == 0
    return json.loads(capsys.readouterr().out)


def test_figures_equal_the_areas_own_commands(demo_file, capsys):
    from guilin_union.storage import open_database

    payments = _json(capsys, "--db", demo_file, "welfare", "list", "--year", YEAR, "--json")
    activities = _json(capsys, "--db", demo_file, "activities", "list", "--year", YEAR, "--json")
    db = open_database(demo_file)
    try:
        summary = year_summary(db, YEAR)
    finally:
        db.conn.close()
    welfare = summary.area("welfare")
    assert welfare.figure("慰问金额").value == sum(p["amount_fen"] for p in payments)
    assert welfare.figure("慰问人次").value == len(payments)
    held = [a for a in activities if a["status"] != "已取消"]
    assert summary.area("activities").figure("开展活动").value == len(held)
    assert summary.area("activities").figure("活动经费支出").value == sum(
        a["budget_actual_fen"] or 0 for a in held
    )


def test_pdf_and_word_draft_carry_the_same_figures(demo_file, tmp_path, capsys):
    from docx import Document

    payments = _json(capsys, "--db", demo_file, "welfare", "list", "--year", YEAR, "--json")
    total = format_fen(sum(p["amount_fen"] for p in payments))
    pdf, docx = tmp_path / "总结.pdf", tmp_path / "总结.docx"
    for out in (pdf, docx):
        assert (
            main(["--db", demo_file, "report", "year-summary", "--year", str(YEAR), "-o", str(out)])
            == 0
        )
    capsys.readouterr()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"{YEAR}年工会工作总结" in text and f"金额合计 {total} 元" in text
    word = Document(str(docx))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    assert f"金额合计 {total} 元" in paragraphs
    cells = {c.text for t in word.tables for row in t.rows for c in row.cells}
    assert f"{total} 元" in cells and "工作要点完成情况" in paragraphs


def test_year_summary_refuses_other_formats(demo_file, tmp_path, capsys):
    code = main(
        [
            "--db",
            demo_file,
            "report",
            "year-summary",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "x.txt"),
        ]
    )
    assert code == 1
    assert ".docx" in capsys.readouterr().err


def test_money_figures_equal_funds_budget(demo_file, capsys):
    from guilin_union.storage import open_database

    budget = _json(capsys, "--db", demo_file, "funds", "budget", "--year", YEAR, "--json")
    db = open_database(demo_file)
    try:
        money = year_summary(db, YEAR).area("money")
    finally:
        db.conn.close()
    assert money.figure("支出决算").value == budget["spending_actual_fen"]
    assert money.figure("收入决算").value == budget["income_actual_fen"]
    assert money.figure("支出预算").value == budget["spending_planned_fen"]
