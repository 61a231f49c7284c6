"""The money printouts: read back, totals in figures and 大写, and the Excel versions."""

from __future__ import annotations

import json

import openpyxl
import pytest

from guilin_union.cli import main
from guilin_union.core.money import fen_to_upper
from guilin_union.reports.money.dues import (
    ArrearsRow,
    CollectionRow,
    build_dues_arrears,
    build_dues_collection,
)
from guilin_union.reports.money.funds import FundLine, build_funds_execution, build_funds_final
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from tests.money_fixtures import add_people, correct_rows, deduction_file
from tests.reports._pdf import page_texts, squash
from tests.reports.conftest import FIXED_DAY, needs_cjk_ttf

NAMES = {"institution": "桂林学院", "union_name": "桂林学院工会委员会"}


@needs_cjk_ttf
def test_collection_table_totals_in_figures_and_upper(tmp_path):
    rows = [
        CollectionRow("文学院分工会", 2, 4835, 2835, 2000, 1),
        CollectionRow("机关分工会", 2, 4560, 4560, 0, 0),
    ]
    out = build_dues_collection(
        tmp_path / "c.pdf", rows, period="2025年3月", generated_on=FIXED_DAY, **NAMES
    )
    text = squash("".join(page_texts(out)))
    assert "桂林学院工会委员会会费收缴情况表" in text and "2025年3月" in text
    assert "9,395.00" not in text  # fen, not yuan*100
    assert "93.95" in text and "73.95" in text and "20.00" in text
    assert fen_to_upper(9395) in text and fen_to_upper(7395) in text
    assert "制表人" in text and "工会负责人" in text and "78.7%" in text  # 7395 / 9395


@needs_cjk_ttf
def test_arrears_list(tmp_path):
    rows = [ArrearsRow("文学院分工会", "李四", "T002", "2010001", 3, "2025-01～2025-03", 6000)]
    out = build_dues_arrears(tmp_path / "a.pdf", rows, generated_on=FIXED_DAY, **NAMES)
    text = squash("".join(page_texts(out)))
    assert "欠缴会费名单" in text and "李四" in text and "60.00" in text
    assert fen_to_upper(6000) in text


@needs_cjk_ttf
def test_execution_and_final_accounts(tmp_path):
    lines = [
        FundLine("收入", 1, "会费收入", 100000, 95000),
        FundLine("支出", 1, "职工活动支出", 80000, 60050),
        FundLine("支出", 2, "文体活动", 80000, 60050),
    ]
    out = build_funds_execution(
        tmp_path / "e.pdf", lines, year=2025, generated_on=FIXED_DAY, **NAMES
    )
    text = squash("".join(page_texts(out)))
    assert "2025年度经费预算执行情况表" in text
    assert "-199.50" in text and "75.1%" in text and "95.0%" in text
    assert fen_to_upper(95000) in text and fen_to_upper(60050) in text
    out = build_funds_final(tmp_path / "f.pdf", lines, year=2025, generated_on=FIXED_DAY, **NAMES)
    text = squash("".join(page_texts(out)))
    assert "年度经费收支决算表" in text and "本年收支结余" in text
    assert fen_to_upper(95000 - 60050) in text
    assert "经费审查委员会主任" in text


def test_money_reports_refuse_float_money(tmp_path):
    with pytest.raises(TypeError):
        build_funds_execution(
            tmp_path / "x.pdf", [FundLine("收入", 1, "会费收入", 1.5, 0)], year=2025, **NAMES
        )  # type: ignore[arg-type]


def test_report_commands_and_excel(tmp_path, capsys):
    path = tmp_path / "r.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    add_people(db)
    db.conn.close()
    xlsx = deduction_file(tmp_path / "代扣.xlsx", correct_rows()[:3])
    assert main(["--db", str(path), "dues", "import", str(xlsx), "--month", "2025-03"]) == 0
    main(
        [
            "--db",
            str(path),
            "funds",
            "plan",
            "--year",
            "2025",
            "--category",
            "401",
            "--amount",
            "100",
        ]
    )
    for args in (
        ["dues-collection", "--month", "2025-03"],
        ["dues-collection", "--year", "2025"],
        ["dues-arrears", "--months", "1"],
        ["funds-execution", "--year", "2025"],
        ["funds-final", "--year", "2025"],
    ):
        out = tmp_path / f"{args[0]}.pdf"
        assert main(["--db", str(path), "report", *args, "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    out = tmp_path / "执行.xlsx"
    assert (
        main(["--db", str(path), "report", "funds-execution", "--year", "2025", "-o", str(out)])
        == 0
    )
    ws = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    dues_row = next(r for r in values if r[2] == "会费收入")
    assert float(dues_row[3]) == 100 and float(dues_row[4]) == pytest.approx(78.95)
    out = tmp_path / "决算.xlsx"
    assert main(["--db", str(path), "report", "funds-final", "--year", "2025", "-o", str(out)]) == 0
    values = [[c.value for c in row] for row in openpyxl.load_workbook(out).active.iter_rows()]
    assert any(r[2] == "本年收支结余" for r in values)
    capsys.readouterr()
    assert main(["report", "list", "--json"]) == 0
    names = {r["name"] for r in json.loads(capsys.readouterr().out)}
    assert {"dues-collection", "dues-arrears", "funds-execution", "funds-final"} <= names
