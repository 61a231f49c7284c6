"""The congress's arithmetic, in integers only (no I/O, no floats at the boundaries).

《学校教职工代表大会规定》: a meeting is valid with at least 2/3 of the 正式代表 present, and a
resolution passes with MORE than half of ALL 正式代表. Both fractions are settings; they are
held as integer numerator/denominator so that "exactly 2/3" and "exactly half" are decided
exactly (with floats, 2/3 of 120 is 79.99999… and a boundary case can flip).

>>> quorum_met(80, 120, 2, 3), quorum_met(79, 120, 2, 3)
(True, False)
>>> motion_passes(60, 120, 1, 2), motion_passes(61, 120, 1, 2)
(False, True)
>>> percent_text(2, 3)
'66.7%'
"""

from __future__ import annotations

from dataclasses import dataclass

from guilin_union.core.errors import ValidationError


@dataclass(frozen=True)
class Fraction:
    """A rule fraction such as 2/3 (numerator and denominator are positive integers)."""

    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        for value in (self.numerator, self.denominator):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError("比例的分子和分母必须是整数")
        if self.denominator <= 0 or self.numerator < 0:
            raise ValidationError("比例的分母必须大于 0，分子不能为负数")
        if self.numerator > self.denominator:
            raise ValidationError("比例不能大于 1（分子不能大于分母）")

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"

    @property
    def text(self) -> str:
        """Chinese wording: ``三分之二``, ``二分之一``."""
        import cn2an  # at first use: importing it costs about 0.3 s (issue 11)

        return f"{cn2an.an2cn(self.denominator)}分之{cn2an.an2cn(self.numerator)}"


def quorum_met(present: int, expected: int, numerator: int, denominator: int) -> bool:
    """``present / expected >= numerator / denominator`` decided exactly.

    A meeting without any 正式代表 has no quorum (nothing to be a fraction of).

    >>> quorum_met(2, 3, 2, 3), quorum_met(0, 0, 2, 3)
    (True, False)
    """
    if expected <= 0:
        return False
    return present * denominator >= expected * numerator


def quorum_needed(expected: int, numerator: int, denominator: int) -> int:
    """The smallest head count that makes a quorum: ceil(expected × n / d).

    >>> quorum_needed(120, 2, 3), quorum_needed(121, 2, 3)
    (80, 81)
    """
    if expected <= 0:
        return 0
    return -(-expected * numerator // denominator)


def motion_passes(yes: int, base: int, numerator: int, denominator: int) -> bool:
    """``yes / base > numerator / denominator`` (strictly more) decided exactly.

    >>> motion_passes(3, 6, 1, 2), motion_passes(4, 6, 1, 2), motion_passes(0, 0, 1, 2)
    (False, True, False)
    """
    if base <= 0:
        return False
    return yes * denominator > base * numerator


def votes_needed(base: int, numerator: int, denominator: int) -> int:
    """The smallest 同意 count that passes: floor(base × n / d) + 1.

    >>> votes_needed(120, 1, 2), votes_needed(121, 1, 2)
    (61, 61)
    """
    if base <= 0:
        return 0
    return base * numerator // denominator + 1


def share_at_least(part: int, whole: int, percent: int) -> bool:
    """``part / whole >= percent %`` decided exactly (an empty whole counts as not reached).

    >>> share_at_least(60, 100, 60), share_at_least(59, 100, 60)
    (True, False)
    """
    if whole <= 0:
        return False
    return part * 100 >= whole * percent


def percent_text(part: int, whole: int, digits: int = 1) -> str:
    """A percentage rounded half up, computed in integers: ``66.7%``; ``—`` for 0/0.

    >>> percent_text(1, 8), percent_text(0, 5), percent_text(3, 0)
    ('12.5%', '0.0%', '—')
    """
    if whole <= 0:
        return "—"
    scale = 10**digits
    value = (part * 100 * scale * 2 + whole) // (2 * whole)
    whole_part, fraction = divmod(value, scale)
    if digits == 0:
        return f"{whole_part}%"
    return f"{whole_part}.{fraction:0{digits}d}%"


def chinese_number(n: int) -> str:
    """Ordinal numerals as written in session names: 1 → 一, 10 → 十, 12 → 十二.

    >>> chinese_number(3), chinese_number(21)
    ('三', '二十一')
    """
    if n < 1:
        raise ValidationError("届次和会次必须是正整数")
    import cn2an  # at first use (see above)

    return str(cn2an.an2cn(n))


def compose_session_title(term_number: int, meeting_no: int, congress_name: str) -> str:
    """``第一届教职工代表大会暨工会会员代表大会第三次会议``.

    >>> compose_session_title(1, 3, "教职工代表大会暨工会会员代表大会")
    '第一届教职工代表大会暨工会会员代表大会第三次会议'
    """
    return f"第{chinese_number(term_number)}届{congress_name}第{chinese_number(meeting_no)}次会议"
