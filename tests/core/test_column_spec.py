"""The column-spec parser shared by printouts (cols), lists (columns) and spreadsheets
(sheet_columns): parts, word counts from the grammar, 左/中/右, one error format."""

from __future__ import annotations

import doctest

import pytest

from guilin_union.core import column_spec
from guilin_union.core.column_spec import ALIGNS, spec_parts

GRAMMAR = "key header [左/中/右]"


def test_docstring_examples() -> None:
    result = doctest.testmod(column_spec)
    assert result.attempted > 0
    assert result.failed == 0


def test_parts_keep_their_text_and_words() -> None:
    parts = spec_parts(" name 姓名 |gender:-  性别 中 ", GRAMMAR)
    assert [(p.text, p.words) for p in parts] == [
        ("name 姓名", ("name", "姓名")),
        ("gender:-  性别 中", ("gender:-", "性别", "中")),
    ]


@pytest.mark.parametrize("spec, part", [("name", "name"), ("a b | ", ""), ("a b 中 x", "a b 中 x")])
def test_a_part_with_too_few_or_too_many_words_is_named(spec: str, part: str) -> None:
    with pytest.raises(ValueError) as raised:
        spec_parts(spec, GRAMMAR)
    assert str(raised.value) == f"column spec {part!r}: expected {GRAMMAR}"


def test_alignment_words() -> None:
    parts = spec_parts("a 甲 左 | b 乙 中 | c 丙 右 | d 丁", GRAMMAR)
    assert [p.align(2) for p in parts] == ["left", "center", "right", "left"]
    assert set(ALIGNS) == {"左", "中", "右"}
    with pytest.raises(ValueError, match=r"^column spec 'a 甲 上': expected key header"):
        spec_parts("a 甲 上", GRAMMAR)[0].align(2)


def test_choice_reads_a_table_or_falls_back() -> None:
    part = spec_parts("金额 3 右 额", "header weight [align] [kind]")[0]
    assert part.choice(3, {"额": "amount"}, "") == "amount"
    assert part.choice(4, {"额": "amount"}, "") == ""
    with pytest.raises(ValueError, match="expected header weight"):
        part.choice(3, {"名": "name"}, "")


def test_error_with_a_problem_of_its_own() -> None:
    part = spec_parts("姓名 ten", "header weight")[0]
    assert str(part.error("weight 'ten' is not a number")) == (
        "column spec '姓名 ten': weight 'ten' is not a number"
    )
