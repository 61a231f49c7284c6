"""services/money/outputs: the funds PDFs come from their own builders, signed as they should."""

from __future__ import annotations

import subprocess

import pytest

from guilin_union.services import settings
from guilin_union.services.money import outputs


@pytest.mark.parametrize(
    ("report", "title", "checker"),
    [
        (outputs.execution_report, "2025年度经费预算执行情况表", "审核人"),
        (outputs.final_accounts_report, "2025年度经费收支决算表", "经费审查委员会主任"),
    ],
)
def test_funds_pdfs_use_their_builder_and_signers(db, tmp_path, report, title, checker):
    settings.set_many(db, {"union_name": "桂林学院工会委员会", "institution_name": "桂林学院"})
    out = report(db, tmp_path / "funds.pdf", 2025)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    compact = "".join(text.split())
    assert title in compact
    assert "制表人" in compact and checker in compact
    assert "桂林学院工会委员会" in compact
