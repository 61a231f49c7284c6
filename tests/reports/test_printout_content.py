"""Issue #16 content fixes checked on real service output (not only the report modules)."""

from __future__ import annotations

import re

from pypdf import PdfReader

from guilin_union.services import intake
from guilin_union.services.intake_outputs import intake_list_pdf


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_intake_list_leaves_out_applications_the_branch_has_not_reviewed(branch_db, tmp_path):
    def apply(name: str) -> int:
        data = {"name": name, "branch": "文学院分工会"}
        return intake.add_application(branch_db, data, applied_on="2024-09-02").row_id

    reviewed, waiting = apply("张三"), apply("李四")
    intake.branch_approve(branch_db, [reviewed], on="2024-09-05")
    assert intake.get_application(branch_db, waiting)["state"] == "待分工会审核"
    out, count = intake_list_pdf(branch_db, tmp_path / "名单.pdf")
    text = _text(out)
    assert count == 1
    assert "张三" in text and "李四" not in text
    assert "待分工会审核" not in text
