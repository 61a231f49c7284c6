"""esc(): user text must print literally in a reportlab Paragraph, never be read as markup."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from guilin_union.reports import fonts
from guilin_union.reports.markup import clean, esc


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("A<B", "A&lt;B"),
        ("R&D", "R&amp;D"),
        ('<img src="x">', '&lt;img src="x"&gt;'),
        ("&lt;", "&amp;lt;"),
        ("第一行\n第二行", "第一行<br/>第二行"),
        ("a\r\nb\rc", "a<br/>b<br/>c"),
        (None, ""),
        (12, "12"),
        ("张\u200b三\x00", "张三"),
        ("a\tb", "a b"),
    ],
)
def test_esc(raw: object, escaped: str) -> None:
    assert esc(raw) == escaped


def test_clean_keeps_no_break_spaces_and_chinese() -> None:
    assert clean("日期：\u00a0\u00a0年") == "日期：\u00a0\u00a0年"


@pytest.mark.parametrize(
    "text", ["A<B", "R&D", '<img src="/etc/passwd">', "<b>粗</b>", "<para>", "&#"]
)
def test_escaped_text_parses_and_reads_back_literally(text: str) -> None:
    paragraph = Paragraph(esc(text), ParagraphStyle("t"))
    paragraph.wrap(400, 800)  # raises on broken markup
    assert "".join(paragraph.getPlainText()) == text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_esc_round_trips_any_text(text: str) -> None:
    with fonts.track_missing() as missing:
        escaped = esc(text)
    # Only our own font runs are markup; every other "<" is escaped.
    plain = _FONT_TAG.sub("", escaped)
    assert "<" not in plain.replace("<br/>", "")
    # Every character comes back, except those no font has: a visible placeholder, reported.
    expected = "".join(fonts.PLACEHOLDER if c in missing else c for c in clean(text))
    assert html.unescape(plain.replace("<br/>", "\n")) == expected
    Paragraph(escaped, ParagraphStyle("t")).wrap(300, 10_000)


_FONT_TAG = re.compile(r'<font name="GU-[A-Za-z0-9-]+">|</font>')


def test_esc_draws_ext_a_and_ext_b_from_a_fallback_font() -> None:
    choice = fonts.register_fonts()
    if not choice.fallback_paths:
        pytest.skip("no CJK Ext-A/B fallback font installed (fonts-hanazono / SimSun-ExtB)")
    escaped = esc("刘䶮、王𠀾")
    assert escaped.startswith("刘<font name=")
    assert "䶮</font>" in escaped and "𠀾</font>" in escaped
    with fonts.track_missing() as missing:
        esc("张\U000f0000")  # a private-use character: no font has it
    assert list(missing) == ["\U000f0000"]
    assert "\U000f0000" in fonts.missing_message(missing)
