"""esc(): user text must print literally in a reportlab Paragraph, never be read as markup."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

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
    escaped = esc(text)
    assert "<" not in escaped.replace("<br/>", "")
    assert html.unescape(escaped.replace("<br/>", "\n")) == clean(text)
    Paragraph(escaped, ParagraphStyle("t")).wrap(300, 10_000)
