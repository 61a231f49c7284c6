"""The report gallery: every report on the demo database to PDF (and PNG pages)."""

from __future__ import annotations

import shutil

import pytest

from guilin_union.reports.gallery import _options_from_usage, render


def test_required_options_of_a_new_report_are_read_from_its_usage() -> None:
    usage = "usage: guilin-union report x [-h] [--branch NAME] --session ID -o FILE.docx"
    assert _options_from_usage(usage, {"session": "3"}) == (["--session", "3"], ".docx")
    assert _options_from_usage("usage: y [-h] --plan ID -o FILE.pdf", {})[0] is None


def test_gallery_renders_reports_with_the_rare_names(tmp_path) -> None:
    outcomes = render(tmp_path, only={"member-roster", "member-cards"}, dpi=30)
    assert [o.name for o in outcomes] == ["member-roster", "member-cards"]
    assert all(o.ok for o in outcomes), [o.detail for o in outcomes]
    assert (tmp_path / "index.md").read_text(encoding="utf-8").count("✓") == 2
    if shutil.which("pdftoppm"):
        assert all(o.pages for o in outcomes)
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    import subprocess

    text = subprocess.run(
        ["pdftotext", str(tmp_path / "member-cards.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "刘䶮" in text and "王𠀾" in text
