"""Excel and PDF titles name the issuer (services/common_outputs.issuer_name): the union's name,
else the school's — never a bare "会员名册" when 工会名称 is left empty."""

from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl
import pytest

from guilin_union.core.ids import make_resident_id
from guilin_union.services import members, settings, workpoints
from guilin_union.services.intake import dues, template
from guilin_union.services.intake import outputs as intake_outputs
from guilin_union.services.members import outputs as member_outputs
from guilin_union.services.members import record, stats
from guilin_union.services.money import outputs as money_outputs
from guilin_union.services.money.dues_ledger import LedgerQuery
from guilin_union.services.welfare import outputs as welfare_outputs
from guilin_union.services.welfare import standards as welfare_standards
from guilin_union.services.workpoints import outputs as workpoints_outputs
from tests.workpoints_fixtures import SCHOOL_2024, parsed

EXCEL = {
    "会员名册": lambda db, p: member_outputs.export_members(db, p),
    "会员统计": lambda db, p: stats.export_statistics(db, p),
    "慰问记录": lambda db, p: welfare_outputs.export_payments(db, p),
    "会员（入会申请）导入表": lambda db, p: template.write_template(db, p),
    "2025年3月会费台账": lambda db, p: money_outputs.export_ledger(db, p, LedgerQuery("2025-03")),
    "2025年度经费预算执行情况表": lambda db, p: money_outputs.execution_report(db, p, 2025),
    "2025年度经费收支决算表": lambda db, p: money_outputs.final_accounts_report(db, p, 2025),
}
PDF = {
    "会员表彰名单": lambda db, p: record.honours_pdf(db, p, 2025),
    "会员慰问标准": lambda db, p: _standards_pdf(db, p),
    "会员证": lambda db, p: _cards_pdf(db, p),
    "工作要点落实台账": lambda db, p: _workpoints_pdf(db, p),
}


def _cards_pdf(db, path):
    resident_id = make_resident_id("450302", dt.date(1988, 5, 6), 21, "男")
    members.add_member(db, {"name": "王一", "branch": "文学院分工会", "id_number": resident_id})
    return intake_outputs.member_cards_pdf(db, path)


def _workpoints_pdf(db, path):
    workpoints.save_plan(db, parsed(SCHOOL_2024), year=2024, kind="school")
    return workpoints_outputs.ledger_pdf(db, path, year=2024, today=dt.date(2024, 10, 15))


def _standards_pdf(db, path):
    welfare_standards.load_examples(db, 2025)
    return welfare_outputs.standards_pdf(db, path, 2025)


@pytest.fixture(params=["", "北海学院工会"])
def named_db(request, branch_db):
    settings.set_many(branch_db, {"union_name": request.param, "institution_name": "北海学院"})
    return branch_db, request.param or "北海学院"


def _headings(path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [str(next(sheet.iter_rows(max_row=1, values_only=True))[0]) for sheet in book]


@pytest.mark.parametrize("title", EXCEL)
def test_excel_headings_name_the_issuer(named_db, tmp_path, title):
    db, issuer = named_db
    EXCEL[title](db, tmp_path / "out.xlsx")
    first = _headings(tmp_path / "out.xlsx")[0]
    assert first.startswith(issuer) and title in first, first


def test_dues_summary_sheets_name_the_issuer(named_db, tmp_path):
    db, issuer = named_db
    dues.export_dues_summary(db, "2025-03", tmp_path / "out.xlsx")
    headings = _headings(tmp_path / "out.xlsx")
    assert headings and all(h.startswith(issuer) for h in headings), headings


@pytest.mark.parametrize("title", PDF)
def test_pdf_issuer_line(named_db, tmp_path, title):
    db, issuer = named_db
    out, _n = PDF[title](db, tmp_path / "out.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    compact = "".join(text.split())
    assert issuer in compact and title in compact, compact[:200]
