"""Every report in ``report list`` in the house style (issue 16), on the demo database:

- the issuer from 单位信息 on the first page (set to a name no report could hard-code),
- dates printed as 2026年12月7日, never 2026-12-07,
- the signature the report declares in the registry (``register(..., signature=...)``) on its
  last page: the preset's words, 日期 and 盖章 where the preset has them.

Each report runs through the command line as a user runs it, with the gallery's options
(reports/gallery.py), on one demo database with members named 刘䶮, 王𠀾 and a 40-character name.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from guilin_union import cli
from guilin_union.reports import gallery
from guilin_union.reports.registry import SIGNATURES, available_reports

ISSUER = "测试职业技术大学工会委员会"
ISO_DATE = re.compile(r"(?<!\d)(19|20)\d\d-[01]\d-[0-3]\d(?!\d)")
REPORTS = sorted(available_reports())

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    return code, err.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("house")
    db = folder / "demo.db"
    code, err = _run(["--db", str(db), "demo"])
    assert code == 0, err
    gallery._add_rare_members(db)
    gallery._add_congress_samples(db)
    from guilin_union.services import settings
    from guilin_union.storage import open_database

    database = open_database(db)
    try:
        settings.set_value(database, "union_name", ISSUER)
    finally:
        database.conn.close()
    return db, gallery._values(db)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return [p for p in pages if p.strip()] or [""]


def _render(name: str, db: Path, values: dict[str, str], out: Path) -> Path:
    options = [o.format(**values) for o in gallery.OPTIONS.get(name, [])]
    pdf = out / f"{name}.pdf"
    code, err = _run(["--db", str(db), "report", name, *options, "-o", str(pdf)])
    if code == 2 and name not in gallery.OPTIONS:
        retry, _suffix = gallery._options_from_usage(err, values)
        assert retry is not None, f"{name}: add its options to gallery.OPTIONS ({err})"
        code, err = _run(["--db", str(db), "report", name, *retry, "-o", str(pdf)])
    assert code == 0, f"{name}: {err}"
    return pdf


def test_every_report_declares_its_signature() -> None:
    assert len(REPORTS) >= 40
    for name in REPORTS:
        sig = SIGNATURES[name]
        assert sig.kind == "none" or sig.labels, name
        assert sig.kind != "none" or sig.reason, f"{name}: no signature, and no reason given"


@pytest.mark.parametrize("name", REPORTS)
def test_report_in_house_style(name: str, demo: tuple[Path, dict[str, str]], tmp_path) -> None:
    db, values = demo
    pages = _pages(_render(name, db, values, tmp_path))
    squashed = [re.sub(r"\s+", "", p) for p in pages]
    assert ISSUER in squashed[0], f"{name}: issuer from 单位信息 missing on page 1"
    iso = [m.group(0) for p in pages for m in ISO_DATE.finditer(p)]
    assert not iso, f"{name}: dates printed as {iso[:3]} (house form: 2026年12月7日)"
    sig = SIGNATURES[name]
    missing = [word for word in sig.checked_words() if word not in squashed[-1]]
    assert not missing, f"{name}: signature {sig.kind} lacks {missing} on its last page"
