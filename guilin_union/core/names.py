"""Personal names as typed by people: trimmed of invisible junk, otherwise kept exactly.

>>> normalize_name(" 张 三\\u3000")
'张三'
>>> normalize_name("阿依古丽・买买提")
'阿依古丽·买买提'
"""

from __future__ import annotations

import re
import unicodedata

from guilin_union.core.errors import ValidationError
from guilin_union.core.text import ZERO_WIDTH_CHARS

MAX_NAME_LENGTH = 50

# Every kind of space (ASCII, NBSP, U+3000, thin spaces...) plus zero-width characters.
_SPACES_RE = re.compile(f"[\\s\u00a0\u3000{ZERO_WIDTH_CHARS}]")

# Look-alike separators people type for the middle dot of minority and foreign names
# (katakana ・, bullet •, hyphenation point ‧, operator ∙, full-width ．). The ID card and the
# public-security standard print U+00B7 "·", so one form keeps names searchable and comparable.
# This is a single-character substitution, not Unicode normalisation: Chinese characters are
# never touched.
_DOT_TABLE = str.maketrans(
    {"\u30fb": "·", "\u2022": "·", "\u2027": "·", "\u2219": "·", "\uff65": "·"}
)


def normalize_name(raw: str, field: str = "name") -> str:
    """Return the cleaned name or raise :class:`ValidationError` (Chinese message).

    Removes all spaces and zero-width characters, unifies the middle dot, rejects control
    characters, empty names and names longer than 50 characters. Chinese text is *not*
    Unicode-normalised (a rare character must stay the character the person typed).

    >>> normalize_name("  ")
    Traceback (most recent call last):
    ...
    guilin_union.core.errors.ValidationError: 姓名不能为空
    """
    if raw is None:
        raise ValidationError("姓名不能为空", field)
    text = _SPACES_RE.sub("", str(raw)).translate(_DOT_TABLE)
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
    return text
