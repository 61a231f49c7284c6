"""Small text helpers shared by every validator: full-width folding and cell cleaning.

>>> to_halfwidth("１２３ＡＢｃ　！")
'123ABc !'
>>> clean_cell_text("\\u3000 张三\\u200b ")
'张三'
"""

from __future__ import annotations

import re

# Full-width ASCII block U+FF01..U+FF5E maps onto U+0021..U+007E by a fixed offset.
_FULLWIDTH_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_TABLE[0x3000] = 0x20  # ideographic space

# Zero-width characters that Excel/WPS/web copy-paste leave behind; invisible, never wanted.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\ufeff\u2060"
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]")


def to_halfwidth(s: str) -> str:
    """Fold full-width ASCII (``！``..``～``) and the ideographic space to plain ASCII.

    Chinese punctuation outside that block (``，``\\ ``。``\\ ``、``) is left alone on purpose:
    ``，`` is U+FF0C and *is* folded, but ``、`` and ``。`` are not in the block.

    >>> to_halfwidth("０７７３－５８５１２３４")
    '0773-5851234'
    """
    return s.translate(_FULLWIDTH_TABLE)


def remove_zero_width(s: str) -> str:
    """Drop zero-width spaces/joiners, the BOM and the word joiner anywhere in ``s``."""
    return _ZERO_WIDTH_RE.sub("", s)


def clean_cell_text(s: str) -> str:
    """Trim a cell's text: zero-width characters anywhere, whitespace (incl. U+3000) at the ends.

    Full-width characters are kept (a name or note may legitimately contain them).

    >>> clean_cell_text("  桂林学院\\ufeff\\u3000")
    '桂林学院'
    """
    # str.strip() already treats U+3000 and NBSP as whitespace; zero-width chars are not
    # whitespace to Python, so they are removed first or they would shield the spaces.
    return remove_zero_width(s).strip()
