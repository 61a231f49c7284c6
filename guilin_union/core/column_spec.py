"""The one-line column specs that printouts, lists and spreadsheets declare their columns with.

A spec names the columns left to right, separated by ``|``; each column is a few words
separated by spaces. What the words mean is up to each user (``reports.document.cols``,
``ui.table_model.columns``, ``spreadsheets.writer.sheet_columns``); this module splits the
spec, checks each part's number of words against its grammar, reads 左/中/右 and words every
error the same way, naming the part. A mistake in a spec is a programming error.

>>> [part.words for part in spec_parts("name 姓名 | gender 性别 中", "key header [左/中/右]")]
[('name', '姓名'), ('gender', '性别', '中')]
>>> spec_parts("name 姓名 | gender", "key header [左/中/右]")
Traceback (most recent call last):
ValueError: column spec 'gender': expected key header [左/中/右]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

__all__ = ["ALIGNS", "Align", "SpecPart", "spec_parts"]

Align = Literal["left", "center", "right"]
#: How a spec writes a column's alignment.
ALIGNS: dict[str, Align] = {"左": "left", "中": "center", "右": "right"}

_T = TypeVar("_T")


@dataclass(frozen=True)
class SpecPart:
    """One column of a spec: its text, its words and the grammar it was read against."""

    text: str
    words: tuple[str, ...]
    grammar: str

    def error(self, problem: str = "") -> ValueError:
        """The error for this part: ``problem``, or by default the grammar it should follow.

        >>> spec_parts("姓名 ten", "header weight")[0].error("weight 'ten' is not a number")
        ValueError("column spec '姓名 ten': weight 'ten' is not a number")
        """
        return ValueError(f"column spec {self.text!r}: {problem or 'expected ' + self.grammar}")

    def choice(self, index: int, table: Mapping[str, _T], default: _T) -> _T:
        """What word ``index`` stands for in ``table``; ``default`` when the part is shorter.

        >>> part = spec_parts("性别 8 中", "header weight [左/中/右]")[0]
        >>> part.choice(2, ALIGNS, "left"), part.choice(3, ALIGNS, "left")
        ('center', 'left')
        >>> part.choice(1, ALIGNS, "left")
        Traceback (most recent call last):
        ValueError: column spec '性别 8 中': expected header weight [左/中/右]
        """
        if index >= len(self.words):
            return default
        try:
            return table[self.words[index]]
        except KeyError:
            raise self.error() from None

    def align(self, index: int) -> Align:
        """The alignment 左/中/右 written as word ``index`` (left when there is none)."""
        return self.choice(index, ALIGNS, "left")


def spec_parts(spec: str, grammar: str) -> list[SpecPart]:
    """The ``|``-separated parts of ``spec``, each with as many words as ``grammar`` allows:
    its plain words are required, its ``[bracketed]`` ones optional.

    >>> spec_parts("key", "key header [width] [kind]")
    Traceback (most recent call last):
    ValueError: column spec 'key': expected key header [width] [kind]
    """
    slots = grammar.split()
    least = sum(not slot.startswith("[") for slot in slots)
    parts = []
    for text in spec.split("|"):
        part = SpecPart(text.strip(), tuple(text.split()), grammar)
        if not least <= len(part.words) <= len(slots):
            raise part.error()
        parts.append(part)
    return parts
