"""name_keys (issue 11): both search keys in one pypinyin pass, identical to the two functions."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.pinyin import SURNAME_READINGS, name_initials, name_keys, name_pinyin
from guilin_union.services.demo.members import random_name


def test_same_keys_as_the_two_functions_for_realistic_names():
    rng = random.Random(11)
    names = [random_name(rng) for _ in range(400)] + [s + "晓明" for s in SURNAME_READINGS]
    for name in names:
        assert name_keys(name) == (name_initials(name), name_pinyin(name)), name


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="张王覃单曾吕李欧阳娜明嗯〇ＡａBz9 ·-_\u3000", max_size=6))
def test_same_keys_for_any_mix_of_chinese_and_other_text(name):
    assert name_keys(name) == (name_initials(name), name_pinyin(name))
