"""Timing helpers: run ours and the baseline alternately so that background load on a shared
machine hits both alike.

>>> import time
>>> ours, base = alternate(lambda: time.sleep(0.002), lambda: time.sleep(0.001), repeats=3, warmup=1)
>>> len(ours), len(base), min(ours) > min(base)
(3, 3, True)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, return value) of one call."""
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def repeat(
    func: Callable[[], Any],
    repeats: int,
    *,
    warmup: int = 1,
    check: Callable[[Any], None] | None = None,
) -> list[float]:
    """``repeats`` timings of ``func`` after ``warmup`` untimed calls; ``check`` sees every
    return value (warm-up included) and raises if the call did not do its work."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    for _ in range(warmup):
        value = func()
        if check is not None:
            check(value)
    samples = []
    for _ in range(repeats):
        seconds, value = timed(func)
        if check is not None:
            check(value)
        samples.append(seconds)
    return samples


def alternate(
    ours: Callable[[], Any],
    baseline: Callable[[], Any],
    repeats: int,
    *,
    warmup: int = 1,
    check_ours: Callable[[Any], None] | None = None,
    check_baseline: Callable[[Any], None] | None = None,
) -> tuple[list[float], list[float]]:
    """Timings of ours and the baseline, interleaved (A B A B …) after warm-up calls of each."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    for _ in range(warmup):
        for func, check in ((ours, check_ours), (baseline, check_baseline)):
            value = func()
            if check is not None:
                check(value)
    ours_samples: list[float] = []
    base_samples: list[float] = []
    for _ in range(repeats):
        for func, check, samples in (
            (ours, check_ours, ours_samples),
            (baseline, check_baseline, base_samples),
        ):
            seconds, value = timed(func)
            if check is not None:
                check(value)
            samples.append(seconds)
    return ours_samples, base_samples


class CheckFailed(AssertionError):
    """A measured call did not do the work it was measured for (the row becomes INVALID)."""


def expect(condition: bool, message: str) -> None:
    """Raise :class:`CheckFailed` with ``message`` unless ``condition`` holds.

    >>> expect(True, "fine")
    >>> expect(1 + 1 == 3, "arithmetic")
    Traceback (most recent call last):
    ...
    bench.timing.CheckFailed: arithmetic
    """
    if not condition:
        raise CheckFailed(message)
