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

# Polyphonic characters read differently as surnames (覃 is common in Guangxi: qín, not tán).
# pypinyin reads a name as an ordinary word, so the surname is looked up here first.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "单于": ("chan", "yu"),
    "长孙": ("zhang", "sun"),
    "覃": ("qin",),
    "单": ("shan",),
    "曾": ("zeng",),
    "区": ("ou",),
    "解": ("xie",),
    "查": ("zha",),
    "朴": ("piao",),
    "仇": ("qiu",),
    "乐": ("yue",),
    "翟": ("zhai",),
    "盖": ("ge",),
    "缪": ("miao",),
    "尉": ("yu",),
    "秘": ("bi",),
    "种": ("chong",),
    "召": ("shao",),
    "繁": ("po",),
    "员": ("yun",),
    "折": ("she",),
    "禚": ("zhuo",),
    "长": ("chang",),
    "宁": ("ning",),
    "华": ("hua",),
    "任": ("ren",),
    "沈": ("shen",),
    "薄": ("bo",),
    "藏": ("zang",),
    "重": ("chong",),
    "柏": ("bai",),
    "纪": ("ji",),
    "费": ("fei",),
    "过": ("guo",),
    "句": ("gou",),
    "阚": ("kan",),
    "隗": ("wei",),
}


def _syllables(name: str, first_letter: bool) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    style = Style.FIRST_LETTER if first_letter else Style.NORMAL
    head: list[str] = []
    for length in (2, 1):
        reading = SURNAME_READINGS.get(name[:length])
        if reading:
            head = [r[0] if first_letter else r for r in reading]
            name = name[length:]
            break
    # errors="default" passes non-Chinese runs through unchanged; they are filtered below.
    return head + lazy_pinyin(name, style=style, errors="default", strict=False)


def name_keys(name: str) -> tuple[str, str]:
    """``(name_initials(name), name_pinyin(name))`` from one pass of pypinyin — half the cost
    when both are stored (an import of 5,000 staff computes 10,000 keys; issue 11).

    A Chinese syllable's first letter is what ``Style.FIRST_LETTER`` gives; text that is not
    Chinese passes through whole in both keys, as in the two functions.

    >>> name_keys("欧阳娜娜"), name_keys("李Ａ·b2"), name_keys("")
    (('oynn', 'ouyangnana'), ('lab2', 'liab2'), ('', ''))
    """
    from pypinyin import Style, lazy_pinyin

    from guilin_union.core.text import to_halfwidth

    if not name:
        return "", ""
    text = to_halfwidth(name)
    head: list[str] = []
    for length in (2, 1):
        reading = SURNAME_READINGS.get(text[:length])
        if reading:
            head = list(reading)
            text = text[length:]
            break
    # Runs that are not Chinese come back marked, so that they are kept whole.
    items = head + lazy_pinyin(
        text, style=Style.NORMAL, errors=lambda run: _PASSTHROUGH + run, strict=False
    )
    initials = "".join(i[1:] if i.startswith(_PASSTHROUGH) else i[:1] for i in items)
    whole = "".join(i[1:] if i.startswith(_PASSTHROUGH) else i for i in items)
    return _KEEP_RE.sub("", initials.lower()), _KEEP_RE.sub("", whole.lower())


_PASSTHROUGH = "\x00"


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
