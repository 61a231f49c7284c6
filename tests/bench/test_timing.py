"""Timing helpers: baselines alternate with ours, warm-ups are not recorded, checks run."""

from __future__ import annotations

import pytest

from bench.timing import CheckFailed, alternate, expect, repeat, timed


def test_timed_returns_the_value_and_a_positive_duration():
    seconds, value = timed(lambda: sum(range(1000)))
    assert value == 499500
    assert seconds > 0


def test_alternate_interleaves_after_warmup():
    calls: list[str] = []
    ours, base = alternate(
        lambda: calls.append("o"), lambda: calls.append("b"), repeats=3, warmup=2
    )
    assert calls == ["o", "b"] * 5  # 2 warm-up rounds + 3 timed rounds
    assert len(ours) == len(base) == 3
    assert all(s > 0 for s in ours + base)


def test_repeat_records_only_timed_calls():
    calls: list[int] = []
    samples = repeat(lambda: calls.append(1), 4, warmup=1)
    assert len(calls) == 5
    assert len(samples) == 4


def test_checks_see_every_result_and_stop_a_broken_measure():
    seen: list[int] = []
    repeat(lambda: 7, 2, warmup=1, check=seen.append)
    assert seen == [7, 7, 7]

    def must_be_positive(n: int) -> None:
        expect(n > 0, f"measured {n} rows")

    with pytest.raises(CheckFailed, match="measured 0 rows"):
        alternate(
            lambda: 5,
            lambda: 0,
            repeats=1,
            check_ours=must_be_positive,
            check_baseline=must_be_positive,
        )


@pytest.mark.parametrize(
    "helper", [lambda: repeat(lambda: None, 0), lambda: alternate(lambda: None, lambda: None, 0)]
)
def test_at_least_one_repeat(helper):
    with pytest.raises(ValueError):
        helper()
