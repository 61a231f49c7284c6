"""Personal names as typed by people: trimmed of invisible junk, otherwise kept exactly.

>>> normalize_name(" 张 三\\u3000")
'张三'
>>> normalize_name("阿依古丽・买买提")
'阿依古丽·买买提'
>>> normalize_name("马\u3000霞"), normalize_name(" John   Smith ")
('马霞', 'John Smith')
"""

from __future__ import annotations

import re
import unicodedata

from guilin_union.core.errors import ValidationError
from guilin_union.core.text import ZERO_WIDTH_CHARS

MAX_NAME_LENGTH = 50

# Every kind of space (ASCII, NBSP, U+3000, thin spaces...); zero-width characters apart.
_SPACES_RE = re.compile("[\\s\u00a0\u3000]+")
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]")
_COUNT_RE = re.compile("^[0-9\uff10-\uff19]+(?:人|名|位|个|人次)$")

# Look-alike separators people type for the middle dot of minority and foreign names
# (katakana ・, bullet •, hyphenation point ‧, operator ∙, full-width ．). The ID card and the
# public-security standard print U+00B7 "·", so one form keeps names searchable and comparable.
# This is a single-character substitution, not Unicode normalisation: Chinese characters are
# never touched.
_DOT_TABLE = str.maketrans(
    {"\u30fb": "·", "\u2022": "·", "\u2027": "·", "\u2219": "·", "\uff65": "·"}
)


def _is_latin_letter(ch: str) -> bool:
    """A letter of the Latin script (ASCII or accented), where word spaces matter."""
    return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f")


def _join_words(text: str) -> str:
    """The one space rule: spaces inside a name of CJK characters go (``马　霞`` is 马霞),
    a space between two Latin-letter words stays, as one space (``John Smith``)."""
    words = [w for w in _SPACES_RE.split(_ZERO_WIDTH_RE.sub("", text)) if w]
    out = ""
    for word in words:
        if out and _is_latin_letter(out[-1]) and _is_latin_letter(word[0]):
            out += " "
        out += word
    return out


def name_key(raw: object) -> str:
    """A name as the name rule writes it, for comparing (never raises; ``""`` if blank).

    >>> name_key("彭　松") == name_key("彭松") == name_key(" 彭 松")
    True
    """
    if raw is None:
        return ""
    return _join_words(str(raw)).translate(_DOT_TABLE)


def normalize_name(raw: str, field: str = "name") -> str:
    """Return the cleaned name or raise :class:`ValidationError` (Chinese message).

    Removes zero-width characters and the spaces inside a name of CJK characters (a space
    between Latin-letter words stays, single), unifies the middle dot, rejects control
    characters, empty names and names longer than 50 characters. Chinese text is *not*
    Unicode-normalised (a rare character must stay the character the person typed).

    >>> normalize_name("  ")
    Traceback (most recent call last):
    ...
    guilin_union.core.errors.ValidationError: 姓名不能为空
    """
    if raw is None:
        raise ValidationError("姓名不能为空", field)
    text = name_key(raw)
    if not text:
        raise ValidationError("姓名不能为空", field)
    for ch in text:
        category = unicodedata.category(ch)
        # Cc: control characters (tab, newline...); Cf: invisible format characters such as
        # right-to-left overrides that make a name display differently from what it is.
        if category in ("Cc", "Cf"):
            raise ValidationError(
                f"姓名中含有不可见的控制字符（U+{ord(ch):04X}），请重新输入", field
            )
    if len(text) > MAX_NAME_LENGTH:
        raise ValidationError(f"姓名过长：最多{MAX_NAME_LENGTH}个字，现为{len(text)}个字", field)
    if text.strip("·") != text or "··" in text:
        raise ValidationError(f"姓名“{text}”中的间隔号“·”位置不正确", field)
    if field != "branch" and _COUNT_RE.match(text):
        # "6人" from a 合计 row is a head count, never a person's name.
        raise ValidationError(f"“{text}”是人数，不是姓名：请检查这一行是否为合计行", field)
    return text
