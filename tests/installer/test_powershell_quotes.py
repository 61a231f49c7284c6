"""PowerShell treats the typographic quotes U+2018–U+201E as string delimiters: one “ inside a
double-quoted string ends the string and the whole script fails to parse (issue 14). They are
allowed only in comments; the scripts must also keep their UTF-8 BOM, without which Windows
PowerShell 5.1 reads the Chinese text as the ANSI code page."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "installer").glob("*.ps1"))
TYPOGRAPHIC_QUOTES = {chr(c) for c in range(0x2018, 0x201F)}
_SINGLE = {"'", "\u2018", "\u2019", "\u201a", "\u201b"}
_DOUBLE = {'"', "\u201c", "\u201d", "\u201e"}


def quotes_outside_comments(text: str) -> list[tuple[int, str]]:
    """(line number, character) of every typographic quote in code or in a string.

    A small PowerShell scanner: ``# …`` line comments and ``<# … #>`` block comments are
    skipped; strings are tracked (a ``#`` inside a string is not a comment). Typographic quotes
    count as string delimiters, as PowerShell itself treats them.

    >>> quotes_outside_comments('# “ok”\\n$a = "bad “x”"\\n')
    [(2, '“'), (2, '”')]
    """
    found: list[tuple[int, str]] = []
    state = "code"
    line = 1
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
            if state == "line-comment":
                state = "code"
            i += 1
            continue
        if state == "line-comment":
            i += 1
            continue
        if state == "block-comment":
            if text.startswith("#>", i):
                state = "code"
                i += 2
            else:
                i += 1
            continue
        if ch in TYPOGRAPHIC_QUOTES:
            found.append((line, ch))
        if state == "code":
            if text.startswith("<#", i):
                state = "block-comment"
                i += 2
                continue
            if ch == "#":
                state = "line-comment"
            elif ch in _SINGLE:
                state = "single"
            elif ch in _DOUBLE:
                state = "double"
        elif state == "single":
            if ch in _SINGLE:
                state = "code"
        elif state == "double":
            if ch == "`":
                i += 2  # backtick escapes the next character
                continue
            if ch in _DOUBLE:
                state = "code"
        i += 1
    return found


def test_there_are_scripts_to_check():
    assert any(p.name == "build_windows.ps1" for p in SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_typographic_quotes_outside_comments(script: Path):
    text = script.read_text(encoding="utf-8-sig")
    assert quotes_outside_comments(text) == [], (
        f"{script.name}: typographic quotes in code or strings (PowerShell cannot parse them); "
        "use 「」 or ASCII quotes"
    )


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_with_chinese_text_keep_the_utf8_bom(script: Path):
    data = script.read_bytes()
    if not data.isascii():
        assert data.startswith(b"\xef\xbb\xbf"), f"{script.name} needs a UTF-8 BOM"


def test_the_scanner_finds_the_quote_that_broke_the_build():
    broken = 'throw "请安装 Windows SDK 的“Signing Tools”。"\n'
    assert [ch for _line, ch in quotes_outside_comments(broken)] == ["“", "”"]


def test_the_scanner_ignores_comments_and_hash_inside_strings():
    text = "<#\n  “block” comment\n#>\n$a = \"x#y\"  # “line” comment\n$b = '‘'\n"
    assert quotes_outside_comments(text) == [(5, "‘")]


def test_python_version_is_pinned_to_the_tested_python():
    pinned = (ROOT / ".python-version").read_text(encoding="utf-8").strip()
    assert pinned == "3.11"
