"""Issue #16 "done means": names with CJK Ext-A/Ext-B characters (刘䶮, 王𠀾) and a
40-character name print in every member printout and the welfare 签领表 — in the text layer,
from embedded fonts, and inside the printable area of the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from guilin_union.cli import main
from guilin_union.reports import fonts
from guilin_union.storage import open_database
from tests.welfare_fixtures import add_member, setup

LONG_NAME = "欧阳" * 10 + "Maria Elena de la Cruz y Fernández"[:20]  # 40 characters
RARE = ("刘䶮", "王𠀾")
PRINTABLE_MARGIN = 5.0  # points: nothing may be printed closer to the paper edge

pytestmark = [
    pytest.mark.skipif(
        not shutil.which("pdftotext") or not shutil.which("pdffonts"),
        reason="poppler-utils (pdftotext, pdffonts) not installed",
    ),
    pytest.mark.skipif(
        not fonts.register_fonts().fallback_paths,
        reason="no CJK Ext-A/B font installed (Debian fonts-hanazono; Windows SimSun-ExtB)",
    ),
]


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("rare") / "rare.db"
    db = open_database(path)
    setup(db)
    assert len(LONG_NAME) == 40
    ids = [
        add_member(db, name, staff_no=f"R{i:03d}")
        for i, name in enumerate([*RARE, LONG_NAME, "张三"])
    ]
    db.conn.close()
    return path, ids


def _run(dbfile: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--db", str(dbfile), *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "〓" not in captured.err  # no character had to be replaced
    return captured.err


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def _fonts_all_embedded(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout
    lines = out.decode("utf-8").splitlines()[2:]
    assert lines, "no fonts at all"
    # Columns: name type encoding emb sub uni object ID — "emb" is the 4th from the right.
    return [line for line in lines if line.split()[-4] != "yes"]


def _words_outside(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    bad = []
    width = height = 0.0
    for line in out.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            width, height = float(page.group(1)), float(page.group(2))
            continue
        word = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>',
            line,
        )
        if word:
            x0, y0, x1, y1 = map(float, word.groups()[:4])
            if (
                x0 < PRINTABLE_MARGIN
                or y0 < PRINTABLE_MARGIN
                or x1 > width - PRINTABLE_MARGIN
                or y1 > height - PRINTABLE_MARGIN
            ):
                bad.append(word.group(5))
    return bad


def _check(pdf: Path, *, long_name: bool = True) -> None:
    text = _text(pdf)
    for name in RARE:
        assert name in text, f"{name} missing from {pdf.name}"
    if long_name:
        assert "欧阳欧阳欧阳" in text
    assert _fonts_all_embedded(pdf) == []
    assert _words_outside(pdf) == []


def test_member_roster(dbfile, capsys, tmp_path: Path) -> None:
    pdf = tmp_path / "roster.pdf"
    _run(dbfile[0], capsys, "report", "member-roster", "-o", str(pdf))
    _check(pdf)


def test_member_cards(dbfile, capsys, tmp_path: Path) -> None:
    pdf = tmp_path / "cards.pdf"
    _run(dbfile[0], capsys, "report", "member-cards", "-o", str(pdf))
    _check(pdf)


def test_member_form(dbfile, capsys, tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    ids = ",".join(map(str, dbfile[1]))
    _run(dbfile[0], capsys, "report", "member-form", "--member", ids, "-o", str(pdf))
    _check(pdf)


def test_welfare_sign_sheet(dbfile, capsys, tmp_path: Path) -> None:
    path = dbfile[0]
    _run(
        path,
        capsys,
        "welfare",
        "batch",
        "--festival",
        "春节",
        "--year",
        "2024",
        "--amount",
        "300.00",
        "--date",
        "2024-02-05",
    )
    pdf = tmp_path / "sign.pdf"
    _run(path, capsys, "report", "welfare-roster", "--year", "2024", "-o", str(pdf))
    _check(pdf)


def test_character_no_font_has_is_a_placeholder_and_a_warning(capsys, tmp_path: Path) -> None:
    path = tmp_path / "pua.db"
    db = open_database(path)
    setup(db)
    add_member(db, "张\U000f0001")  # private use: no font has it
    db.conn.close()
    pdf = tmp_path / "roster.pdf"
    code = main(["--db", str(path), "report", "member-roster", "-o", str(pdf)])
    err = capsys.readouterr().err
    assert code == 0
    assert "U+F0001" in err and "张\U000f0001" in err
    assert "张〓" in _text(pdf)
