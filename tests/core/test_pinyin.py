"""Tests for core.pinyin."""

from __future__ import annotations

import pytest

from guilin_union.core.pinyin import name_initials, name_pinyin


@pytest.mark.parametrize(
    ("name", "initials", "full"),
    [
        ("张三", "zs", "zhangsan"),
        ("欧阳娜娜", "oynn", "ouyangnana"),
        ("吕布", "lb", "lvbu"),
        ("阿依古丽·买买提", "ayglmmt", "ayigulimaimaiti"),
        ("John Smith", "johnsmith", "johnsmith"),
        ("李Ａ2", "la2", "li a2".replace(" ", "")),
        ("", "", ""),
        ("！？", "", ""),
    ],
)
def test_name_initials_and_pinyin(name: str, initials: str, full: str) -> None:
    assert name_initials(name) == initials
    assert name_pinyin(name) == full


@pytest.mark.parametrize(
    "name, full, initials",
    [
        ("覃海", "qinhai", "qh"),
        ("单雄信", "shanxiongxin", "sxx"),
        ("曾国藩", "zengguofan", "zgf"),
        ("区志强", "ouzhiqiang", "ozq"),
        ("翟志刚", "zhaizhigang", "zzg"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("乐毅", "yueyi", "yy"),
    ],
)
def test_polyphonic_surnames_read_as_surnames(name, full, initials):
    assert name_pinyin(name) == full
    assert name_initials(name) == initials
