"""Pinyin keys for searching people by name (张三 → ``zs`` / ``zhangsan``).

Uses the ``pypinyin`` library (imported lazily: only search-key building needs it).

>>> name_initials("欧阳娜娜")
'oynn'
>>> name_pinyin("张三")
'zhangsan'
"""
from __future__ import annotations

import re

_KEEP_RE = re.compile(r"[^a-z0-9]")


def _syllables(name: str, first_letter: bool) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    style = Style.FIRST_LETTER if first_letter else Style.NORMAL
    # errors="default" passes non-Chinese runs through unchanged; they are filtered below.
    return lazy_pinyin(name, style=style, errors="default", strict=False)


def name_initials(name: str) -> str:
    """First letters of each syllable; ASCII letters/digits kept lower-cased, the rest dropped.

    >>> name_initials("李Ａ·b2")
    'lab2'
    """
    from guilin_union.core.text import to_halfwidth

    if not name:
        return ""
    return _KEEP_RE.sub("", "".join(_syllables(to_halfwidth(name), True)).lower())


def name_pinyin(name: str) -> str:
    """Whole pinyin without tones or spaces (ü written as ``v``, e.g. 吕 → ``lv``)."""
    from guilin_union.core.text import to_halfwidth

    if not name:
        return ""
    return _KEEP_RE.sub("", "".join(_syllables(to_halfwidth(name), False)).lower())
