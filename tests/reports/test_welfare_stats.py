"""The yearly statistics printout agrees with the records."""

from __future__ import annotations

import re

from pypdf import PdfReader

from guilin_union.core.money import fen_to_upper, format_fen
from guilin_union.reports.welfare.stats import _share
from guilin_union.services import welfare
from guilin_union.services.welfare import outputs as wo
from tests.welfare_fixtures import add_member, payment, setup


def test_stats_pdf_by_type_branch_member_and_warnings(tmp_path, db):
    setup(db)
    a = add_member(db, "张三")
    b = add_member(db, "李四", branch="机关分工会")
    welfare.record_payment(db, payment(a, "结婚", "2024-05-01", "600"))
    welfare.record_payment(db, payment(a, "生病住院", "2024-06-01", "800.10"))
    welfare.record_payment(db, payment(b, "结婚", "2024-07-01", "700"), override_reason="特批")
    welfare.record_payment(db, payment(b, "结婚", "2023-07-01", "100"), override_reason="上一年")
    stats = wo.year_stats(db, 2024)
    assert [(r.label, r.count, r.total_fen) for r in stats.by_type] == [
        ("结婚", 2, 130000),
        ("生病住院", 1, 80010),
    ]
    assert {r.label: r.total_fen for r in stats.by_branch} == {
        "文学院分工会": 140010,
        "机关分工会": 70000,
    }
    assert [m.name for m in stats.by_member] == ["张三", "李四"]
    assert len(stats.warnings) == 1 and stats.warnings[0].reason == "特批"
    out = wo.stats_pdf(db, tmp_path / "s.pdf", 2024)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert f"全年合计：{format_fen(210010)}元（大写：{fen_to_upper(210010)}）" in text
    assert "2024年共发放慰问3笔" in text and "特批" in text and "上一年" not in text


def test_share_is_integer_arithmetic():
    assert _share(1, 3) == "33.3%"
    assert _share(2, 3) == "66.7%"
    assert _share(5, 5) == "100.0%"
