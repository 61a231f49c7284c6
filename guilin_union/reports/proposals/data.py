"""Plain data handed to the proposal printouts (the services fill it from the database)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RoundDoc:
    """One round of handling as printed."""

    round_no: int
    lead: str
    co: str
    assigned_on: str
    reply_deadline: str
    reply_date: str = ""
    reply_text: str = ""
    outcome: str = ""
    outcome_reason: str = ""
    rating: str = ""
    rating_date: str = ""
    rating_note: str = ""


@dataclass(frozen=True)
class ProposalDoc:
    """One proposal as printed; dates are ISO text (``""`` when unknown)."""

    number: str
    title: str
    category: str
    kind: str
    proposer: str
    delegation: str
    seconders: str
    co_proposers: str
    submitted_on: str
    reasons: str
    suggestions: str
    status: str = "待审查"
    review_text: str = "待审查"
    review_date: str = ""
    review_note: str = ""
    late_reason: str = ""
    merged_sources: str = ""
    rounds: tuple[RoundDoc, ...] = field(default_factory=tuple)
