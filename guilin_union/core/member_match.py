"""One rule for matching a row of an imported file to a member (pure: no storage here).

Services load the roster (members, or a term's delegates) once and build a
:class:`MemberIndex`; every importer asks it the same way and gets the same messages:
by 工号 first, then by ID number, then by 会员编号, then by name (narrowed by 分工会 when
the file gives one). Names are compared after :func:`~guilin_union.core.names.name_key`,
so ``马　霞`` (padded with a full-width space to align a column) is 马霞.

>>> index = MemberIndex([MemberRef(1, "马霞", staff_no="S001", branch="机关分工会")])
>>> index.match(name="马　霞").member.id
1
>>> index.match(name="马霞", staff_no="S002").message
'会员名册中没有工号为“S002”的会员'
>>> split_name_list("姜　博、田　春,张三 李四；John Smith")
['姜博', '田春', '张三', '李四', 'John Smith']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from guilin_union.core.names import name_key
from guilin_union.core.text import to_halfwidth

ROSTER_MEMBERS = "members"
ROSTER_DELEGATES = "delegates"


@dataclass(frozen=True)
class MemberRef:
    """One person of the roster; ``extra`` carries what the caller needs back (status…)."""

    id: int
    name: str
    staff_no: str | None = None
    id_number: str | None = None
    member_no: str | None = None
    branch: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MatchResult:
    """``member`` when found; otherwise ``field`` (the input it concerns) and ``message``."""

    member: MemberRef | None
    field: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.member is not None


def _code(value: object) -> str:
    return re.sub(r"[\s\u00a0\u3000]+", "", to_halfwidth(str(value or ""))).upper()


def _branch_key(value: object) -> str:
    return _code(value).replace("分工会", "")


class MemberIndex:
    """The roster in memory, keyed every way :meth:`match` looks people up."""

    def __init__(self, people: Iterable[MemberRef], roster: str = ROSTER_MEMBERS) -> None:
        self.roster = roster
        self.by_staff: dict[str, MemberRef] = {}
        self.by_id: dict[str, MemberRef] = {}
        self.by_member_no: dict[str, MemberRef] = {}
        self.by_name: dict[str, list[MemberRef]] = {}
        for p in people:
            if p.staff_no:
                self.by_staff.setdefault(_code(p.staff_no), p)
            if p.id_number:
                self.by_id.setdefault(_code(p.id_number), p)
            if p.member_no:
                self.by_member_no.setdefault(_code(p.member_no), p)
            self.by_name.setdefault(name_key(p.name), []).append(p)

    def _who(self) -> str:
        return "本届代表" if self.roster == ROSTER_DELEGATES else "会员名册"

    def names(self) -> set[str]:
        return set(self.by_name)

    def match(
        self,
        *,
        name: str | None = None,
        staff_no: str | None = None,
        id_number: str | None = None,
        member_no: str | None = None,
        branch: str | None = None,
    ) -> MatchResult:
        """Find the person a row means, or say plainly why not."""
        who = self._who()
        key = name_key(name or "")
        shown = key or (name or "").strip()
        found: MemberRef | None = None
        how = ""
        staff = _code(staff_no)
        number = _code(id_number)
        if staff:
            found = self.by_staff.get(staff)
            if found is None:
                if self.roster == ROSTER_DELEGATES and shown:
                    return MatchResult(None, "staff_no", f"{who}中没有工号为 {staff} 的“{shown}”")
                return MatchResult(None, "staff_no", f"{who}中没有工号为“{staff}”的会员")
            how = f"工号“{staff}”"
        if number:
            by_id = self.by_id.get(number)
            if by_id is None:
                return MatchResult(None, "id_number", f"{who}中没有这个身份证号的会员")
            if found is not None and found.id != by_id.id:
                return MatchResult(
                    None,
                    "id_number",
                    f"工号属于“{found.name}”，身份证号属于“{by_id.name}”，不是同一人",
                )
            if found is None:
                found, how = by_id, "该身份证号"
        if found is None and _code(member_no):
            code = _code(member_no)
            found = self.by_member_no.get(code)
            if found is None:
                return MatchResult(None, "member_no", f"{who}中没有会员编号为“{code}”的会员")
            how = f"会员编号“{code}”"
        if found is not None:
            if key and name_key(found.name) != key:
                return MatchResult(None, "name", f"姓名与{who}不符：{how}在名册中是“{found.name}”")
            return MatchResult(found)
        if not key:
            return MatchResult(None, "name", "请填写姓名、工号或身份证号")
        candidates = self.by_name.get(key, [])
        if not candidates:
            if self.roster == ROSTER_DELEGATES:
                return MatchResult(None, "name", f"“{shown}”不是{who}")
            return MatchResult(None, "name", f"{who}中没有“{shown}”")
        if branch and len(candidates) > 1:
            narrowed = [c for c in candidates if _branch_key(c.branch) == _branch_key(branch)]
            if narrowed:
                candidates = narrowed
        if len({c.id for c in candidates}) > 1:
            if self.roster == ROSTER_DELEGATES:
                return MatchResult(None, "name", f"{who}中有多位“{shown}”，请写成“{shown}（工号）”")
            return MatchResult(
                None,
                "name",
                f"名册中有 {len(candidates)} 名会员叫“{shown}”，请填写工号或身份证号以区分",
            )
        return MatchResult(candidates[0])


# ---------------------------------------------------------------------- lists of names

_LIST_SEPARATORS = re.compile(r"[、，,；;／/]+")
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_CJK = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff·]+$")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def split_name_list(text: str | None, known: Iterable[str] = ()) -> list[str]:
    """Names written in one cell, separated by 、，,；; / or spaces, each put through the
    name rule. Single characters separated by spaces are one padded name (``姜　博`` is
    姜博), unless ``known`` says the two-character form is nobody and the parts are.

    >>> split_name_list("张三（2015001）  李四")
    ['张三（2015001）', '李四']
    """
    if not text:
        return []
    known_keys = {name_key(k) for k in known}
    out: list[str] = []
    for part in _LIST_SEPARATORS.split(str(text)):
        # Spaces inside brackets (a 工号 note) are not separators.
        protected = _BRACKETED.sub(lambda m: _SPACES.sub("", m.group(0)), part)
        tokens = [t for t in _SPACES.split(protected.strip()) if t]
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if _is_latin(token):
                # Latin words run on into one name: "John Smith".
                j = i + 1
                while j < len(tokens) and _is_latin(tokens[j]):
                    j += 1
                out.append(" ".join(tokens[i:j]))
                i = j
                continue
            j = i + 1
            if len(token) == 1 and _CJK.match(token):
                # 马 霞: a single character is never a name alone; two in a row are a
                # two-character name padded to the width of three (姜 博 田 春: two names).
                if j < len(tokens) and len(tokens[j]) == 1 and _CJK.match(tokens[j]):
                    j += 1
                elif j < len(tokens) and _CJK.match(tokens[j]):
                    joined = token + tokens[j]
                    if not known_keys or name_key(joined) in known_keys:
                        j += 1
            candidate = "".join(tokens[i:j])
            if known_keys and j - i > 1 and name_key(candidate) not in known_keys:
                parts_known = all(name_key(t) in known_keys for t in tokens[i:j])
                if parts_known:
                    out.extend(tokens[i:j])
                    i = j
                    continue
            out.append(candidate)
            i = j
    return [name for name in out if name]


def search_terms(text: str | None) -> list[str]:
    """The words of a search box, with the name rule's view of spaces: a name padded to
    align a column (``马　霞``, pasted from a table) is one word; other words stay apart.

    >>> search_terms("马　霞  2015")
    ['马霞', '2015']
    >>> search_terms("zs 机关")
    ['zs', '机关']
    """
    tokens = [t for t in _SPACES.split(to_halfwidth(str(text or "")).strip()) if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            len(token) == 1
            and _CJK.match(token)
            and i + 1 < len(tokens)
            and len(tokens[i + 1]) == 1
            and _CJK.match(tokens[i + 1])
        ):
            out.append(token + tokens[i + 1])
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _is_latin(token: str) -> bool:
    return bool(token) and all(ch.isascii() and (ch.isalpha() or ch in ".-'") for ch in token)
