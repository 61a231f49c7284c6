"""A signature block never stands alone on a last page (issue 16): the short lines before it,
or the last rows of the table before it, go over with it — wherever the table ends."""

from __future__ import annotations

import pytest

from guilin_union.reports.document import Col, Report
from guilin_union.reports.house import signed
from tests.reports._pdf import page_texts, squash


@pytest.mark.parametrize("with_total_line", [False, True])
def test_the_last_page_holds_rows_or_text_besides_the_signatures(tmp_path, with_total_line):
    signature = signed("money-summary")
    lonely = []
    for rows in range(30, 62, 2):
        out = tmp_path / f"{rows}.pdf"
        report = Report(out, "签字测试表")
        report.table(
            [Col("序号", 1, "center"), Col("项目", 6)],
            [[n, f"第{n}项条目"] for n in range(1, rows + 1)],
        )
        if with_total_line:
            report.paragraph(f"共 {rows} 项。")
        report.sign_off(signature)
        report.save()
        pages = page_texts(out)
        last = squash(pages[-1])
        assert all(word in last for word in signature.checked_words()), rows
        if len(pages) > 1 and f"第{rows}项条目" not in last:
            lonely.append(rows)
    assert not lonely, f"signatures without the table's last rows for {lonely} rows"
