"""ReportOptions lives in a reportlab-free module, is still importable from reports.document,
and the members printouts' Letterhead extends it."""

from __future__ import annotations

import subprocess
import sys

from guilin_union.reports import document, options
from guilin_union.reports.members.common import Letterhead, issuer


def test_document_re_exports_the_one_report_options() -> None:
    assert document.ReportOptions is options.ReportOptions
    assert "ReportOptions" in document.__all__


def test_letterhead_extends_report_options() -> None:
    shared = options.ReportOptions.__annotations__
    assert set(Letterhead.__annotations__) == {*shared, "union_name"}
    # Inherited, not declared again (institution is re-declared only to make it required).
    assert Letterhead.__annotations__["generated_on"] is shared["generated_on"]
    assert issuer({"institution": "桂林学院", "union_name": ""}) == "桂林学院"


def test_declaring_the_options_loads_no_reportlab() -> None:
    code = (
        "import sys, guilin_union.reports.options, guilin_union.reports.members.common; "
        "print(sorted(m for m in sys.modules if m.startswith('reportlab')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
