"""Tests for core.text and core.names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.errors import ValidationError
from guilin_union.core.names import normalize_name
from guilin_union.core.text import clean_cell_text, to_halfwidth


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１２３", "123"),
        ("ＡＢＣｘｙｚ", "ABCxyz"),
        ("！～", "!~"),
        ("\u3000", " "),
        ("０７７３－５８５１２３４", "0773-5851234"),
        ("张三、。", "张三、。"),  # CJK punctuation outside the full-width ASCII block is kept
        ("", ""),
    ],
)
def test_to_halfwidth(raw: str, expected: str) -> None:
    assert to_halfwidth(raw) == expected


@given(st.text(alphabet=st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)))
@settings(max_examples=50)
def test_to_halfwidth_maps_whole_block_to_printable_ascii(s: str) -> None:
    out = to_halfwidth(s)
    assert len(out) == len(s)
    assert all("!" <= ch <= "~" for ch in out)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张三  ", "张三"),
        ("\u3000张三\u3000", "张三"),
        ("张\u200b三", "张三"),
        ("\ufeff桂林学院\u2060", "桂林学院"),
        ("\u200b \u200d", ""),
        ("ＡＢ", "ＡＢ"),  # full-width is NOT folded by clean_cell_text
        ("a  b", "a  b"),  # inner spaces are kept
    ],
)
def test_clean_cell_text(raw: str, expected: str) -> None:
    assert clean_cell_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"),
        (" 张 三 ", "张三"),
        ("张\u3000三", "张三"),
        ("张\u00a0三", "张三"),
        ("张\u200b三\ufeff", "张三"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("John Smith", "John Smith"),
        ("  John \u3000 Smith ", "John Smith"),
        ("马\u3000霞", "马霞"),
        ("马\u00a0\u00a0霞", "马霞"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("𠮷野", "𠮷野"),  # a rare character outside the BMP stays as typed
    ],
)
def test_normalize_name_accepts(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_normalize_name_does_not_unicode_normalise() -> None:
    # U+F900 (a CJK compatibility ideograph) would become U+8C48 under NFC/NFKC.
    assert normalize_name("\uf900明") == "\uf900明"


@pytest.mark.parametrize(
    ("raw", "message_part"),
    [
        ("", "姓名不能为空"),
        ("  \u3000\u200b", "姓名不能为空"),
        ("张\x07三", "控制字符"),
        ("张\n三x\x00", "控制字符"),
        ("张\u202e三", "控制字符"),
        ("张" * 51, "最多50个字"),
        ("·张三", "间隔号"),
        ("6人", "是人数，不是姓名"),
        ("１２名", "是人数，不是姓名"),
        ("张··三", "间隔号"),
    ],
)
def test_normalize_name_rejects(raw: str, message_part: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        normalize_name(raw, field="member_name")
    assert message_part in excinfo.value.message
    assert excinfo.value.field == "member_name"


def test_normalize_name_newline_is_whitespace_not_error() -> None:
    # \n is whitespace, removed like every other space before the control check.
    assert normalize_name("张\n三") == "张三"


def test_normalize_name_max_length_boundary() -> None:
    assert normalize_name("张" * 50) == "张" * 50
