"""Arithmetic and presentation of benchmark results: medians, ratios, verdicts, tables.

Every measure is a list of samples (seconds, or megabytes for memory). A measure either
compares ours against a baseline measured in the same run (``Target.ratio``) or against an
absolute limit (``Target.at_most``); informational rows have no target.

A measure that recorded nothing, recorded impossible values, or failed one of its sanity
checks (for example "the search returned as many rows as the bare SQL") is INVALID, and an
invalid row counts as a failure: the suite cannot silently measure nothing. A requirement that
is not a number (for example "no heavy library is imported at start-up") is a ``failures``
entry: the row then FAILs whatever its figures.

>>> r = Result("demo", [0.010, 0.012, 0.011], [0.010, 0.010, 0.010], Target.ratio(1.5))
>>> round(r.ratio, 2), r.verdict
(1.1, 'pass')
>>> format_value(0.0123, "s")
'12.3 ms'
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["s", "MB"]
Verdict = Literal["pass", "FAIL", "INVALID", "info"]


def median(samples: Sequence[float]) -> float:
    """The median of the samples; raises ValueError on an empty list (nothing was measured).

    >>> median([3.0, 1.0, 2.0]), median([1.0, 2.0, 3.0, 4.0])
    (2.0, 2.5)
    """
    if not samples:
        raise ValueError("no samples")
    return float(statistics.median(samples))


def ratio(ours: float, baseline: float) -> float:
    """ours / baseline; raises ValueError when the baseline is not a positive number.

    >>> ratio(1.5, 1.0)
    1.5
    """
    if not (isinstance(baseline, (int, float)) and math.isfinite(baseline) and baseline > 0):
        raise ValueError(f"baseline must be a positive number, got {baseline!r}")
    if not (isinstance(ours, (int, float)) and math.isfinite(ours) and ours >= 0):
        raise ValueError(f"measurement must be a non-negative number, got {ours!r}")
    return ours / baseline


def valid_samples(samples: Sequence[float]) -> bool:
    """True when there is at least one sample and every sample is a finite positive number.

    >>> valid_samples([0.1, 0.2]), valid_samples([]), valid_samples([0.1, 0.0]), valid_samples([float("nan")])
    (True, False, False, False)
    """
    return bool(samples) and all(
        isinstance(s, (int, float)) and not isinstance(s, bool) and math.isfinite(s) and s > 0
        for s in samples
    )


@dataclass(frozen=True)
class Target:
    """``kind`` "ratio": median(ours) / median(baseline) must be <= ``limit``;
    ``kind`` "max": median(ours) must be <= ``limit`` (seconds or MB)."""

    kind: Literal["ratio", "max"]
    limit: float

    @classmethod
    def ratio(cls, limit: float) -> Target:
        return cls("ratio", limit)

    @classmethod
    def at_most(cls, limit: float) -> Target:
        return cls("max", limit)

    def describe(self, unit: Unit) -> str:
        """The target as printed in the table.

        >>> Target.ratio(1.5).describe("s"), Target.at_most(0.05).describe("s")
        ('≤ 1.5×', '≤ 50 ms')
        """
        if self.kind == "ratio":
            return f"≤ {self.limit:g}×"
        return f"≤ {format_value(self.limit, unit, exact=True)}"


@dataclass
class Result:
    """One row of the results table."""

    name: str
    ours: list[float]
    baseline: list[float] | None = None
    target: Target | None = None
    unit: Unit = "s"
    problems: list[str] = field(default_factory=list)  # failed sanity checks -> INVALID
    failures: list[str] = field(default_factory=list)  # unmet requirements -> FAIL
    note: str = ""
    baseline_name: str = ""

    @property
    def valid(self) -> bool:
        if self.problems or not valid_samples(self.ours):
            return False
        if self.target is not None and self.target.kind == "ratio":
            return self.baseline is not None and valid_samples(self.baseline)
        return self.baseline is None or valid_samples(self.baseline)

    @property
    def ours_median(self) -> float | None:
        return median(self.ours) if valid_samples(self.ours) else None

    @property
    def baseline_median(self) -> float | None:
        return median(self.baseline) if self.baseline and valid_samples(self.baseline) else None

    @property
    def ratio(self) -> float | None:
        ours, base = self.ours_median, self.baseline_median
        if ours is None or base is None:
            return None
        return ratio(ours, base)

    @property
    def verdict(self) -> Verdict:
        if not self.valid:
            return "INVALID"
        if self.target is None:
            return "info"
        if self.failures:
            return "FAIL"
        if self.target.kind == "ratio":
            value = self.ratio
        else:
            value = self.ours_median
        assert value is not None  # valid() guarantees it
        return "pass" if value <= self.target.limit else "FAIL"

    @property
    def counts(self) -> bool:
        """Whether the row takes part in the overall pass/fail (info rows do not)."""
        return self.verdict != "info"

    def why_invalid(self) -> str:
        if self.problems:
            return "; ".join(self.problems)
        if not valid_samples(self.ours):
            return "no valid samples of ours"
        return "no valid baseline samples"


def invalid(name: str, reason: str, *, target: Target | None = None, unit: Unit = "s") -> Result:
    """A row for a measure that could not run at all (it still counts as a failure)."""
    return Result(name, [], None, target, unit, problems=[reason])


def all_passed(results: Sequence[Result]) -> bool:
    """True when at least one row counts and every counting row passed.

    >>> all_passed([Result("a", [1.0], target=Target.at_most(2.0))])
    True
    >>> all_passed([Result("a", [1.0])])   # only info rows: nothing was checked
    False
    """
    counting = [r for r in results if r.counts]
    return bool(counting) and all(r.verdict == "pass" for r in counting)


def format_value(value: float | None, unit: Unit, *, exact: bool = False) -> str:
    """Seconds as ms below 10 s (one decimal below 100 ms), megabytes as MB.

    >>> format_value(0.0042, "s"), format_value(0.25, "s"), format_value(14.2, "s"), format_value(131.3, "MB")
    ('4.2 ms', '250 ms', '14.2 s', '131 MB')
    >>> format_value(None, "s")
    '—'
    """
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:g} MB" if exact else f"{value:.0f} MB"
    if value >= 10:
        return f"{value:g} s" if exact else f"{value:.1f} s"
    ms = value * 1000
    if exact:
        return f"{ms:g} ms"
    return f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"


def format_ratio(value: float | None) -> str:
    """A ratio with two decimals.

    >>> format_ratio(1.234), format_ratio(None)
    ('1.23×', '—')
    """
    return "—" if value is None else f"{value:.2f}×"


HEADERS = ("measure", "ours", "baseline", "ratio", "target", "result")


def table_rows(results: Sequence[Result]) -> list[tuple[str, ...]]:
    """The cells of every row, as text."""
    rows = []
    for r in results:
        rows.append(
            (
                r.name,
                format_value(r.ours_median, r.unit),
                format_value(r.baseline_median, r.unit),
                format_ratio(r.ratio),
                r.target.describe(r.unit) if r.target else "(info)",
                r.verdict,
            )
        )
    return rows


def _width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_text_table(results: Sequence[Result]) -> str:
    """An aligned plain-text table for the terminal.

    >>> print(format_text_table([Result("x", [0.002], target=Target.at_most(0.03))]))
    measure  ours    baseline  ratio  target   result
    -------  ------  --------  -----  -------  ------
    x        2.0 ms  —         —      ≤ 30 ms  pass
    """
    rows = [HEADERS, *table_rows(results)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = []
    for n, row in enumerate(rows):
        cells = [cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_markdown_table(results: Sequence[Result]) -> str:
    """The same table as Markdown (for RESULTS.md); ``|`` in names is escaped.

    >>> print(format_markdown_table([Result("a|b", [0.5], [0.25], Target.ratio(2.5))]))
    | measure | ours | baseline | ratio | target | result |
    | --- | ---: | ---: | ---: | ---: | --- |
    | a\\|b | 500 ms | 250 ms | 2.00× | ≤ 2.5× | pass |
    """
    lines = ["| " + " | ".join(HEADERS) + " |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for row in table_rows(results):
        cells = [c.replace("|", "\\|") for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
