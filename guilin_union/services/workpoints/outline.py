"""Editing a parsed work-points outline before it is saved (the import preview's operations).

The tree is edited as a flat list of :class:`OutlineNode` in document order, each with a
level, like an outline in a word processor: a node's children are the deeper nodes that
follow it. That makes every correction a small list operation:

- :func:`promote` / :func:`demote` change a node's level (its subtree moves with it);
- :func:`split` cuts a node's text in two (at the cursor, or at the sentence nearest the
  middle); a second half that starts with its own number ("（六）…") is read as such;
- :func:`merge_with_next` joins a node and the one after it (a paragraph that was wrongly cut
  at a line starting with a number);
- :func:`remove` drops a node that is not an item (a stray line).

:func:`flatten` and :func:`build_tree` convert from and to the parser's ``WorkpointNode`` tree.
Pure functions, no I/O.

>>> from guilin_union.core.workpoints_parser import parse_workpoints
>>> flat = flatten(parse_workpoints("一、思想引领\\n（一）学习。\\n（二）宣传。").nodes)
>>> [(n.level, n.number) for n in flat]
[(1, '一'), (2, '一'), (2, '二')]
>>> demote(flat, 2)
>>> [(n.level, n.number) for n in flat]
[(1, '一'), (2, '一'), (3, '二')]
>>> [c.number for c in build_tree(flat)[0].children[0].children]
['二']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from guilin_union.core.errors import ValidationError
from guilin_union.core.workpoints_parser import WorkpointEntry, WorkpointNode, parse_workpoints

__all__ = [
    "OutlineNode",
    "build_tree",
    "can_demote",
    "can_promote",
    "display_number",
    "flatten",
    "format_units",
    "heading_of",
    "merge_with_next",
    "normalize_levels",
    "parse_units",
    "promote",
    "demote",
    "remove",
    "split",
    "split_point",
    "subtree_end",
]

_SENTENCE_END = "。"
_UNIT_SEPARATORS = frozenset("、，,；;/／\n")
_OPEN_BRACKETS = frozenset("〈《（(【[<")
_CLOSE_BRACKETS = frozenset("〉》）)】]>")
_SPACES_RE = re.compile(r"\s+")


class OutlineNode(WorkpointEntry):
    """One entry of the outline being edited: a parsed entry without its children (its level
    places it). ``units`` is its 责任单位 list (``responsible_units``)."""

    @property
    def units(self) -> list[str]:
        return self.responsible_units

    @units.setter
    def units(self, units: list[str]) -> None:
        self.responsible_units = units

    @classmethod
    def from_parsed(cls, node: WorkpointEntry, level: int | None = None) -> OutlineNode:
        """An editable copy of a parsed entry (at ``level`` when given)."""
        copy = cls(**node.entry_values())
        if level is not None:
            copy.level = level
        return copy


def display_number(style: str, number: str) -> str:
    """The number as it is printed: 一、 （一） 1. （1）; empty when there is none.

    >>> display_number("item", "十一"), display_number("sub", "2"), display_number("", "")
    ('（十一）', '2.', '')
    """
    if not number:
        return ""
    return {
        "section": f"{number}、",
        "item": f"（{number}）",
        "sub": f"{number}.",
        "subsub": f"（{number}）",
    }.get(style, number)


def heading_of(text: str) -> str:
    """A node's heading: its first sentence up to and including 。, or all of it.

    The same rule as the parser's, so an edited text gets the heading a parse would give.

    >>> heading_of("加强学习。组织学习。"), heading_of("深化关爱行动")
    ('加强学习。', '深化关爱行动')
    """
    text = text.strip()
    end = text.find(_SENTENCE_END)
    return text[: end + 1] if end >= 0 else text


def parse_units(text: str) -> list[str]:
    """Units typed by the user: separated by 、，,；; / or new lines; brackets such as
    〈…〉 belong to a name. Duplicates and blanks are dropped.

    >>> parse_units("各市教育工会〈教科文卫体工会〉、各高校工会，人事处；人事处")
    ['各市教育工会〈教科文卫体工会〉', '各高校工会', '人事处']
    """
    units: list[str] = []
    depth = 0
    current: list[str] = []

    def flush() -> None:
        unit = _SPACES_RE.sub(" ", "".join(current)).strip()
        if unit and unit not in units:
            units.append(unit)
        current.clear()

    for char in text or "":
        if char in _OPEN_BRACKETS:
            depth += 1
        elif char in _CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif char in _UNIT_SEPARATORS and depth == 0:
            flush()
            continue
        current.append(char)
    flush()
    return units


def format_units(units: Iterable[str]) -> str:
    """Units joined the way the documents write them.

    >>> format_units(["各市教育工会", "各高校工会"])
    '各市教育工会、各高校工会'
    """
    return "、".join(u for u in units if u)


# --------------------------------------------------------------------------- conversion
def flatten(nodes: Iterable[WorkpointNode]) -> list[OutlineNode]:
    """The parser's tree as a flat, editable list in document order."""
    flat: list[OutlineNode] = []

    def walk(node: WorkpointNode) -> None:
        flat.append(OutlineNode.from_parsed(node))
        for child in node.children:
            walk(child)

    for node in nodes:
        walk(node)
    return flat


def normalize_levels(flat: list[OutlineNode]) -> None:
    """Make the levels a valid outline: the first node at level 1, no node more than one
    level deeper than the node before it."""
    previous = 0
    for node in flat:
        node.level = max(1, min(node.level, previous + 1))
        previous = node.level


def build_tree(flat: list[OutlineNode]) -> list[WorkpointNode]:
    """The flat list as the parser's tree (levels normalised first; the list is not changed)."""
    nodes = [OutlineNode.from_parsed(n) for n in flat]
    normalize_levels(nodes)
    roots: list[WorkpointNode] = []
    stack: list[WorkpointNode] = []
    for n in nodes:
        tree_node = WorkpointNode(**n.entry_values())
        tree_node.lead_unit = n.lead_unit or None
        while stack and stack[-1].level >= n.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(tree_node)
        stack.append(tree_node)
    return roots


# --------------------------------------------------------------------------- operations
def subtree_end(flat: list[OutlineNode], index: int) -> int:
    """Index just after the last descendant of ``flat[index]``.

    >>> flat = [OutlineNode("一", 1, "a", "a"), OutlineNode("一", 2, "b", "b"), OutlineNode("二", 1, "c", "c")]
    >>> subtree_end(flat, 0), subtree_end(flat, 1), subtree_end(flat, 2)
    (2, 2, 3)
    """
    level = flat[index].level
    end = index + 1
    while end < len(flat) and flat[end].level > level:
        end += 1
    return end


def can_promote(flat: list[OutlineNode], index: int) -> bool:
    return 0 <= index < len(flat) and flat[index].level > 1


def can_demote(flat: list[OutlineNode], index: int) -> bool:
    """A node can go one level deeper when the node before it is at least as deep (it then
    becomes the child of its previous sibling)."""
    return 0 < index < len(flat) and flat[index - 1].level >= flat[index].level


def promote(flat: list[OutlineNode], index: int) -> None:
    """One level up (toward 1), with its subtree. Following siblings become its children,
    as in a word processor's outline view."""
    if not can_promote(flat, index):
        raise ValidationError("该条目已在最上一级，不能再升级")
    for node in flat[index : subtree_end(flat, index)]:
        node.level -= 1


def demote(flat: list[OutlineNode], index: int) -> None:
    """One level down, with its subtree: it becomes a child of the node before it."""
    if not can_demote(flat, index):
        raise ValidationError("该条目前面没有可以归属的同级条目，不能降级")
    for node in flat[index : subtree_end(flat, index)]:
        node.level += 1


def split_point(text: str) -> int | None:
    """Where to cut a text in two when no cursor position is given: after the sentence end
    (。；) nearest the middle. None when the text is a single sentence.

    >>> split_point("甲。乙。丙。丁。")
    4
    >>> split_point("只有一句") is None
    True
    """
    ends = [i + 1 for i, ch in enumerate(text) if ch in "。；;" and 0 < i + 1 < len(text.rstrip())]
    if not ends:
        return None
    middle = len(text) / 2
    return min(ends, key=lambda i: (abs(i - middle), i))


def split(flat: list[OutlineNode], index: int, at: int | None = None) -> int:
    """Cut ``flat[index]``'s text at ``at`` (default :func:`split_point`) into two nodes at
    the same level; returns the index of the new second node.

    The first node keeps the number and the units. When the second part starts with its own
    numbering ("（六）…", "2. …") it is read by the parser, so its number, style, heading and
    units come out as if the document had been right; a style used elsewhere in the outline
    gives it that level.
    """
    if not 0 <= index < len(flat):
        raise IndexError(index)
    node = flat[index]
    text = node.text
    if at is None:
        at = split_point(text)
    if at is None or not 0 < at < len(text):
        raise ValidationError("请把光标放在条目文字中要拆开的位置（不能在开头或末尾）")
    first, second = text[:at].strip(), text[at:].strip()
    if not first or not second:
        raise ValidationError("拆分后的两部分都必须有文字")
    keep_custom = node.heading.strip() != heading_of(text)
    node.text = first
    if not keep_custom:
        node.heading = heading_of(first)
    new = _parsed_part(second, node, flat)
    flat.insert(index + 1, new)
    return index + 1


def _parsed_part(text: str, like: OutlineNode, flat: list[OutlineNode]) -> OutlineNode:
    """A node for ``text``: numbered by the parser if it starts with a number."""
    parsed = parse_workpoints(text)
    nodes = list(parsed.iter_nodes())
    if len(nodes) == 1 and nodes[0].text:
        found = nodes[0]
        level = next((n.level for n in flat if n.style == found.style), like.level)
        part = OutlineNode.from_parsed(found, level)
        part.deadline_text = None  # the deadline stays with the node that was split
        return part
    return OutlineNode(
        level=like.level, number="", heading=heading_of(text), text=text, style=like.style
    )


def merge_with_next(flat: list[OutlineNode], index: int) -> None:
    """Join ``flat[index + 1]`` into ``flat[index]``: the texts run on (the second node's
    number is put back in front of its text), units are combined, the first node's lead unit
    wins. Nodes that were children of the second one now follow the merged node."""
    if not 0 <= index < len(flat) - 1:
        raise ValidationError("这是最后一个条目，后面没有可以合并的条目")
    node, following = flat[index], flat[index + 1]
    keep_custom = node.heading.strip() != heading_of(node.text)
    prefix = display_number(following.style, following.number)
    node.text = node.text.rstrip() + prefix + following.text.strip()
    if not keep_custom:
        node.heading = heading_of(node.text)
    if not node.lead_unit:
        node.lead_unit = following.lead_unit
    for unit in following.units:
        if unit not in node.units and unit != node.lead_unit:
            node.units.append(unit)
    del flat[index + 1]
    normalize_levels(flat)


def remove(flat: list[OutlineNode], index: int) -> None:
    """Drop one node (not its children: they move up under the node before)."""
    if not 0 <= index < len(flat):
        raise IndexError(index)
    del flat[index]
    normalize_levels(flat)
