"""Chinese line-breaking rules (避头尾) and nested quotation marks.

GB/T 15834 and common typesetting practice: no line starts with closing punctuation
(，。、；：？！）】》」』”’ …) and no line ends with opening punctuation (（【《「『“‘).
:func:`wrap_text` applies both for text drawn on the canvas; reportlab's CJK Paragraph
wrapping knows only part of the closing set, so :data:`CANNOT_START` is added to it
(:func:`install`, done on import) — it then keeps such a character on the line before.

>>> nest_quotes("他说：“请看“桂林学院”的通知”")
'他说：“请看‘桂林学院’的通知”'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from guilin_union.reports.fonts import string_width

CANNOT_START = (
    "，。、；：？！）】》」』〕〉］｝”’…—～·％‰°℃"
    "!),.:;?]}%"
    "\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01\uff09"
)
CANNOT_END = "（【《「『〔〈［｛“‘([{"


def nest_quotes(text: str) -> str:
    """Quotes inside quotes become single quotes: “…“…”…” → “…‘…’…”.

    >>> nest_quotes("“甲”和“乙”")
    '“甲”和“乙”'
    """
    if text.count("\u201c") < 2:
        return text
    out = []
    depth = 0
    for char in text:
        if char == "\u201c":
            out.append("\u2018" if depth % 2 else char)
            depth += 1
        elif char == "\u201d" and depth:
            depth -= 1
            out.append("\u2019" if depth % 2 else char)
        else:
            out.append(char)
    return "".join(out)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` cut into lines at most ``width`` wide (character by character, per-character
    font fallback measured), keeping the rules above.

    >>> from guilin_union.reports.fonts import register_fonts
    >>> body = register_fonts().body
    >>> lines = wrap_text("一二三四五，六七（八九）", body, 10, 50)
    >>> any(line[0] in CANNOT_START for line in lines[1:])
    False
    >>> any(line[-1] in CANNOT_END for line in lines)
    False
    """
    lines: list[str] = []
    current = ""
    for char in text:
        if char == "\n":
            lines.append(current)
            current = ""
            continue
        if current and string_width(current + char, font, size) > width:
            if char in CANNOT_START and len(current) > 1:
                # Take the last character along so the punctuation does not start a line.
                current, carry = current[:-1], current[-1]
            else:
                carry = ""
            while len(current) > 1 and current[-1] in CANNOT_END:
                current, carry = current[:-1], current[-1] + carry
            lines.append(current)
            current = carry + char
        else:
            current += char
    lines.append(current)
    return lines


def _pull_back(chars: object, i: int, start: int) -> int:
    """Where to end a line that overflowed at ``chars[i - 1]`` (``i`` is one past it)."""
    if i > start + 1:
        i -= 1  # the character that overflowed starts the next line
        if str(chars[i]) in CANNOT_START and i > start + 1:  # type: ignore[index]
            i -= 1  # …unless it is closing punctuation: take one more along
        while i > start + 1 and str(chars[i - 1]) in CANNOT_END:  # type: ignore[index]
            i -= 1
    return i


def _latin_break(chars: object, i: int, start: int) -> int:
    """Inside Latin text: break after the last space or CJK character in the second half
    of the line (as reportlab does), so that "Mary Smith" is not cut inside a word."""
    for j in range((i - 1), (start + i) >> 1, -1):
        cj = str(chars[j])  # type: ignore[index]
        if cj.isspace() or (cj and ord(cj) >= 0x3000):
            if j + 1 < i:
                return j + 2
            break
    return i


def _line_width(max_widths: Sequence[float], line_no: int) -> float:
    """The width line ``line_no`` may take: reportlab gives one width a line, the last one
    for every further line."""
    try:
        return max_widths[line_no]
    except IndexError:
        return max_widths[-1]


def _line_ends(
    chars: Sequence[str],
    width_at: Callable[[int, float], float],
    max_widths: Sequence[float],
    hard_break: Callable[[str], bool] | None = None,
) -> Iterator[tuple[int, int, float, float, str]]:
    """The lines of ``chars`` as ``(start, end, max_width, used, how)``, the way both
    splitters below break them: a line takes characters until one overflows it, then ends
    where :func:`_latin_break` and :func:`_pull_back` say. ``width_at(i, max_width)`` is the
    width of ``chars[i]``; ``hard_break(c)`` is true of a character that ends its line (a
    ``<br/>``). ``how`` is "full", "hard" or "last"; ``used`` is the width of the characters
    taken before the line was pulled back."""
    from reportlab.rl_config import _FUZZ

    i = start = line_no = 0
    used: float = 0
    max_width = max_widths[0]
    n = len(chars)
    while i < n:
        c = chars[i]
        used += width_at(i, max_width)
        i += 1
        hard = hard_break is not None and hard_break(c)
        if (used > max_width + _FUZZ and used > 0) or hard:
            if not hard:
                if c and ord(c) < 0x3000:
                    i = _latin_break(chars, i, start)
                i = _pull_back(chars, i, start)
            yield start, i, max_width, used, "hard" if hard else "full"
            line_no += 1
            max_width = _line_width(max_widths, line_no)
            start = i
            used = 0
    if used > 0 or start < n:
        yield start, n, max_width, used, "last"


def _dumb_split(word, widths, max_widths):  # type: ignore[no-untyped-def]
    """reportlab's ``dumbSplit`` (a one-font Paragraph) with the rules above."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    lines = []
    for start, end, max_width, _used, how in _line_ends(word, lambda i, _: widths[i], max_widths):
        text = word[start:end] if how == "last" else word[start:end].strip()
        lines.append([max_width - sum(widths[start:end]), text])
    return lines


def _cjk_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):  # type: ignore[no-untyped-def]
    """reportlab's ``cjkFragSplit`` (a Paragraph with several fonts/styles) with the rules
    above: where reportlab lets a closing mark hang past the right edge (over a table's grid
    line) the mark and the character before it go to the next line instead, and a line
    never ends with an opening mark."""
    from reportlab.lib.utils import isBytes
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    units = []
    for f in frags:
        text = f.text
        if isBytes(text):
            text = text.decode(encoding)
        if text:
            units.extend([cjkU(t, f, encoding) for t in text])
        else:
            units.append(cjkU(text, f, encoding))

    def width_at(i: int, max_width: float) -> float:
        w = units[i].width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return w

    def width_of(part):  # type: ignore[no-untyped-def]
        return sum(x.width for x in part if not hasattr(x.width, "normalizedValue"))

    lines = []
    ends = _line_ends(units, width_at, max_widths, lambda u: hasattr(u.frag, "lineBreak"))
    for start, end, max_width, used, how in ends:
        part = units[start:end]
        if how != "hard":
            used = width_of(part)
        lines.append(
            makeCJKParaLine(part, max_width, used, max_width - used, how == "hard", calc_bounds)
        )
    return ParaLines(kind=1, lines=lines)


def install() -> None:
    """Use the splitters above for every CJK Paragraph (reportlab looks them up as module
    globals while breaking lines)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    paragraph.cjkFragSplit = _cjk_frag_split
    textsplit.dumbSplit = _dumb_split


install()
