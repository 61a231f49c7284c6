"""The printouts' house style that the user sets: the issuer line and the binding margin.

Plain Python (no reportlab): the GUI applies the database's settings at start-up
(``services.printouts.apply_house_style``) without loading the PDF library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

MM = 72 / 25.4  # points per millimetre
MARGIN_MM = 20.0
BINDING_MARGIN_MM = 28.0  # default binding (装订) edge: left on portrait pages, top on landscape


@dataclass(frozen=True)
class HouseStyle:
    """What every printout shares and the user may set (单位信息 / 打印设置).

    ``issuer`` is the line above each title (the union's name from 单位信息; "" = the name
    each report passes); ``binding_mm`` the margin of the binding edge — the left edge of a
    portrait page, the top edge of a landscape one (GB/T 9704: a landscape table's head
    faces the binding); the other edges keep :data:`MARGIN_MM`.
    """

    issuer: str = ""
    binding_mm: float = BINDING_MARGIN_MM

    def margins(self, landscape: bool) -> tuple[float, float, float, float]:
        """``(left, right, top, bottom)`` in points.

        >>> [round(m / MM) for m in HouseStyle().margins(False)]
        [28, 20, 20, 20]
        >>> [round(m / MM) for m in HouseStyle().margins(True)]
        [20, 20, 28, 20]
        """
        binding = min(max(self.binding_mm, 15.0), 40.0) * MM
        margin = MARGIN_MM * MM
        if landscape:
            return margin, margin, binding, margin
        return binding, margin, margin, margin


_house = HouseStyle()


def house_style() -> HouseStyle:
    """The house style in force (set once per program run from the database's settings)."""
    return _house


def configure_house_style(
    *, issuer: str | None = None, binding_mm: float | None = None
) -> HouseStyle:
    """Set the issuer and/or binding margin for the printouts made from now on; returns the
    style that was in force (give it to :func:`restore_house_style` when done)."""
    global _house
    previous = _house
    changes: dict[str, object] = {}
    if issuer is not None:
        changes["issuer"] = issuer.strip()
    if binding_mm is not None:
        changes["binding_mm"] = float(binding_mm)
    _house = replace(_house, **changes)  # type: ignore[arg-type]
    return previous


def restore_house_style(style: HouseStyle) -> None:
    global _house
    _house = style


# ------------------------------------------------------------------ signatures
# Signature presets (docs/STYLE.md "打印件"): who signs which kind of printout. The last label
# of a preset is the head who signs it off; a report may print that line under the title the
# user set (e.g. "工会主席" from 单位信息) — the others are printed as they stand.
SIGNATURE_PRESETS: dict[str, tuple[str, ...]] = {
    # registers, lists, statistics and summaries that are filed
    "table": ("制表人", "审核人", "负责人"),
    # money: paid out at a 分工会 and approved by the 校工会
    "money": ("经手人", "证明人", "分工会主席", "财务", "校工会审批"),
    # money summaries made by the 校工会 itself
    "money-summary": ("制表人", "审核人", "财务", "负责人"),
}


@dataclass(frozen=True)
class Signature:
    """What a registered report prints to be signed, declared beside its name.

    ``kind`` is a preset of :data:`SIGNATURE_PRESETS`, ``"own"`` (the report's own signers,
    e.g. 监票人/计票人), ``"boxes"`` (opinion boxes of a per-person form), ``"closing"``
    (a 落款: issuing body and date) or ``"none"`` with the ``reason``. ``labels`` are the
    words that must be printed on the last page; ``date``/``stamp``: a date line to write in
    and "（盖章）". ``head`` = the last label is the head's line, which the report may print
    under the title the user set (so it is not among the words checked).

    >>> signed("table").labels
    ('制表人', '审核人', '负责人')
    >>> signed("table").checked_words()
    ('制表人', '审核人', '日期', '盖章')
    >>> unsigned("每位代表一张，投票人不署名").kind
    'none'
    """

    kind: str
    labels: tuple[str, ...] = ()
    date: bool = True
    stamp: bool = True
    head: bool = False
    reason: str = ""

    def checked_words(self) -> tuple[str, ...]:
        """The words a printout with this signature shows on its last page."""
        words = self.labels[:-1] if self.head else self.labels
        return (*words, *(("日期",) if self.date else ()), *(("盖章",) if self.stamp else ()))

    def printed_labels(self, head: str | None = None) -> list[str]:
        """The labels to print; ``head`` (the user's title for the head, e.g. "工会主席")
        replaces the head's line where the signature has one.

        >>> signed("money-summary").printed_labels("工会主席")
        ['制表人', '审核人', '财务', '工会主席']
        """
        labels = list(self.labels)
        if head and self.head and labels:
            labels[-1] = head
        return labels

    def merged(self, signers: Sequence[str] | None) -> list[str]:
        """The signers a caller chose (from the settings), with every word this signature
        promises that they lack put in before the last one (the head signs last).

        >>> signed("money").merged(["经手人", "证明人", "分工会主席"])
        ['经手人', '证明人', '分工会主席', '财务', '校工会审批']
        >>> signed("money-summary").merged(["制表人", "审核人", "工会主席"])
        ['制表人', '审核人', '财务', '工会主席']
        """
        if signers is None:
            return self.printed_labels()
        chosen = [s for s in signers if s]
        words = self.labels[:-1] if self.head else self.labels
        missing = [w for w in words if w not in chosen]
        if not chosen:
            return self.printed_labels()
        if self.head:
            return [*chosen[:-1], *missing, chosen[-1]]
        return [*chosen, *missing]


def signed(
    preset: str,
    *,
    labels: tuple[str, ...] | None = None,
    date: bool = True,
    stamp: bool = True,
    head: bool | None = None,
) -> Signature:
    """A preset's signature block (``labels`` replaces the preset's own: the preset still
    names the kind of printout, e.g. a 获奖名单's 裁判长 instead of 审核人). ``head``: the
    last label is the head's line (default: for a preset's own labels, except on money forms
    whose last line, 校工会审批, is an office rather than a title)."""
    if preset not in SIGNATURE_PRESETS:
        raise ValueError(f"没有签字预设“{preset}”")
    chosen = labels if labels is not None else SIGNATURE_PRESETS[preset]
    if head is None:
        head = labels is None and preset != "money"
    return Signature(preset, tuple(chosen), date=date, stamp=stamp, head=head)


def own_signers(*labels: str, date: bool = True, stamp: bool = False) -> Signature:
    """The report's own signers (监票人、计票人…), printed as they stand."""
    return Signature("own", tuple(labels), date=date, stamp=stamp)


def opinion_boxes(*labels: str) -> Signature:
    """Opinion boxes of a per-person form (分工会意见、校工会意见…), each "签名（盖章）"."""
    return Signature("boxes", tuple(labels), date=False, stamp=True)


def closing_by(signer: str, *, date: bool = False) -> Signature:
    """A 落款: the issuing body (and date) at the foot of a document."""
    return Signature("closing", (signer,), date=date, stamp=False)


def unsigned(reason: str) -> Signature:
    """No signature block, for the reason given (a ballot, a member card…)."""
    if not reason.strip():
        raise ValueError("不签字的报表要写明原因")
    return Signature("none", reason=reason.strip(), date=False, stamp=False)
