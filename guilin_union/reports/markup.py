"""The one escaping helper for user text that goes into a reportlab ``Paragraph``.

``Paragraph`` parses its text as markup: ``A<B`` crashes it, ``R&D`` prints wrong and
``<img src=...>`` would read a local file. Every piece of user text passes through
:func:`esc` before it reaches a Paragraph; plain-string table cells are drawn literally and
only need :func:`clean`.

>>> esc('A<B & <img src="x">')
'A&lt;B &amp; &lt;img src="x"&gt;'
>>> esc("第一行\\n第二行")
'第一行<br/>第二行'
>>> esc(None)
''
"""

from __future__ import annotations

import re

from guilin_union.reports import fonts
from guilin_union.reports.linebreak import nest_quotes

# C0/C1 control characters (except \t \n \r) and lone surrogates: they are invisible at best
# and make the PDF text or the markup parser misbehave at worst.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Zero-width characters and BOM sneak in from Excel/Word copies; a font has no glyph for them.
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2028\u2029\u2060\ufeff]")


def clean(text: object) -> str:
    """Text as it should be printed: ``None`` -> ``""``, control characters dropped,
    tabs as a space, Windows/Mac line ends as ``\\n``, quotes inside quotes as ‘ ’.

    >>> clean(" a\\tb\\r\\nc\\x00 ")
    ' a b\\nc '
    """
    if text is None:
        return ""
    value = str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return nest_quotes(_ZERO_WIDTH.sub("", _CONTROL.sub("", value)))


def esc(text: object) -> str:
    """Escape user text for a ``Paragraph``: ``& < >`` become entities, newlines ``<br/>``.

    Characters the role fonts lack (刘䶮, 王𠀾) are wrapped in ``<font name=…>`` runs of a
    fallback font that has them (:func:`guilin_union.reports.fonts.markup_runs`).

    >>> esc("R&D")
    'R&amp;D'
    """
    return fonts.markup_runs(clean(text), _escape)


def _escape(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\n", "<br/>")
