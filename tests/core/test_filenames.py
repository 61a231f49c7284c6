"""One helper makes every default file name one Windows accepts (issue 14)."""

from __future__ import annotations

import string
from pathlib import PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guilin_union.core.filenames import (
    FORBIDDEN_CHARACTERS,
    MAX_NAME_LENGTH,
    RESERVED_NAMES,
    safe_file_name,
)


def windows_accepts(name: str) -> bool:
    if not name or name != name.rstrip(". "):
        return False
    if any(ch in FORBIDDEN_CHARACTERS or ord(ch) < 32 for ch in name):
        return False
    return name.split(".")[0].rstrip(" ").upper() not in RESERVED_NAMES


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("第六届第三次会议（2024/2025学年）议程.pdf", "第六届第三次会议（2024-2025学年）议程.pdf"),
        ("教代会 \\ 工代会 提案表.pdf", "教代会-工代会 提案表.pdf"),
        ("“食堂”问题?.xlsx", "“食堂”问题_.xlsx"),
        ("NUL.xlsx", "_NUL.xlsx"),
        ("lpt9 .pdf", "_lpt9 .pdf"),
        ("会员名册...", "会员名册"),
        ("\t换行\n标题.pdf", "换行 标题.pdf"),
        ("", "文件"),
        ("///", "文件"),
    ],
)
def test_examples(title, expected):
    assert safe_file_name(title) == expected
    assert windows_accepts(expected)


def test_long_names_keep_their_extension():
    name = safe_file_name("很长的会议名称" * 40 + "提案汇编.pdf")
    assert len(name) <= MAX_NAME_LENGTH and name.endswith("….pdf")


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",))
        | st.sampled_from(list(FORBIDDEN_CHARACTERS + ". " + string.ascii_letters + "CONPRNAUX"))
    )
)
def test_any_title_becomes_one_valid_name(title):
    name = safe_file_name(title)
    assert windows_accepts(name)
    assert PureWindowsPath(name).name == name  # one component, no drive, no folders
    assert len(name) <= MAX_NAME_LENGTH
