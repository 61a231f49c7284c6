"""The benchmark's arithmetic and verdicts: a broken measure must never read as a pass."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.stats import (
    Result,
    Target,
    all_passed,
    format_markdown_table,
    format_text_table,
    format_value,
    invalid,
    median,
    ratio,
    table_rows,
    valid_samples,
)

positive = st.floats(min_value=1e-6, max_value=1e3, allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize(
    ("samples", "expected"),
    [([5.0], 5.0), ([3.0, 1.0, 2.0], 2.0), ([4.0, 1.0, 3.0, 2.0], 2.5), ([0.2, 0.2, 9.0], 0.2)],
)
def test_median(samples, expected):
    assert median(samples) == expected


def test_median_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        median([])


@given(st.lists(positive, min_size=1, max_size=30))
def test_median_lies_within_the_samples(samples):
    assert min(samples) <= median(samples) <= max(samples)


@pytest.mark.parametrize(
    ("ours", "base", "expected"), [(1.5, 1.0, 1.5), (0.5, 2.0, 0.25), (0.0, 1.0, 0.0)]
)
def test_ratio(ours, base, expected):
    assert ratio(ours, base) == pytest.approx(expected)


@pytest.mark.parametrize("base", [0.0, -1.0, math.nan, math.inf])
def test_ratio_refuses_a_baseline_that_measured_nothing(base):
    with pytest.raises(ValueError):
        ratio(1.0, base)


@given(positive, positive)
def test_ratio_times_baseline_gives_ours_back(ours, base):
    assert ratio(ours, base) * base == pytest.approx(ours)


@pytest.mark.parametrize(
    ("samples", "ok"),
    [
        ([0.1], True),
        ([], False),
        ([0.1, 0.0], False),
        ([0.1, -0.1], False),
        ([math.nan], False),
        ([math.inf], False),
        ([True], False),
    ],
)
def test_valid_samples(samples, ok):
    assert valid_samples(samples) is ok


def test_ratio_target_passes_at_the_limit_and_fails_above():
    at_limit = Result("a", [0.15, 0.15, 0.15], [0.1, 0.1, 0.1], Target.ratio(1.5))
    above = Result("b", [0.16, 0.16, 0.16], [0.1, 0.1, 0.1], Target.ratio(1.5))
    assert at_limit.ratio == pytest.approx(1.5)
    assert at_limit.verdict == "pass"
    assert above.verdict == "FAIL"


def test_ratio_uses_medians_not_means():
    # One slow outlier (a background task on the machine) must not decide the verdict.
    result = Result("a", [0.10, 0.11, 5.0], [0.10, 0.10, 0.10], Target.ratio(1.2))
    assert result.ours_median == pytest.approx(0.11)
    assert result.verdict == "pass"


def test_absolute_target():
    assert Result("a", [0.02, 0.03, 0.04], target=Target.at_most(0.03)).verdict == "pass"
    assert Result("a", [0.04, 0.05, 0.06], target=Target.at_most(0.03)).verdict == "FAIL"


@pytest.mark.parametrize(
    "result",
    [
        Result("no samples", [], [0.1], Target.ratio(1.5)),
        Result("zero time", [0.0, 0.0], [0.1], Target.ratio(1.5)),
        Result("no baseline", [0.1], None, Target.ratio(1.5)),
        Result("empty baseline", [0.1], [], Target.ratio(1.5)),
        Result("failed check", [0.001], None, Target.at_most(1.0), problems=["table shows 0 rows"]),
        invalid("crashed", "RuntimeError: boom", target=Target.at_most(1.0)),
    ],
    ids=lambda r: r.name,
)
def test_measuring_nothing_is_invalid_and_fails_the_run(result):
    assert result.verdict == "INVALID"
    assert result.counts
    assert not all_passed([Result("good", [0.01], target=Target.at_most(1.0)), result])


def test_a_fast_but_failed_check_is_not_a_pass():
    result = Result(
        "search", [0.0001], [0.001], Target.at_most(0.1), problems=["found 0 rows, SQL finds 12"]
    )
    assert result.verdict == "INVALID"
    assert "found 0 rows" in result.why_invalid()


def test_info_rows_do_not_count_and_cannot_pass_a_run_alone():
    info = Result("build", [0.2], None, None)
    assert info.verdict == "info"
    assert not info.counts
    assert not all_passed([info])
    assert all_passed([info, Result("x", [0.01], target=Target.at_most(0.05))])


def test_all_passed_needs_every_counting_row():
    good = Result("a", [0.01], target=Target.at_most(0.05))
    bad = Result("b", [0.09], target=Target.at_most(0.05))
    assert all_passed([good])
    assert not all_passed([good, bad])
    assert not all_passed([])


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (0.0042, "s", "4.2 ms"),
        (0.0999, "s", "99.9 ms"),
        (0.25, "s", "250 ms"),
        (1.5, "s", "1500 ms"),
        (14.24, "s", "14.2 s"),
        (131.3, "MB", "131 MB"),
        (None, "s", "—"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


def test_target_descriptions():
    assert Target.ratio(1.3).describe("s") == "≤ 1.3×"
    assert Target.at_most(0.1).describe("s") == "≤ 100 ms"
    assert Target.at_most(300).describe("MB") == "≤ 300 MB"
    assert Target.at_most(60).describe("s") == "≤ 60 s"


def _sample_results():
    return [
        Result(
            "start-up: main window shown", [0.30, 0.31, 0.29], [0.25, 0.24, 0.26], Target.ratio(1.5)
        ),
        Result("search keystroke: 100,000 members", [0.12], [0.05], Target.at_most(0.1)),
        Result("tab build (info): 教代会", [0.2], None, None),
        invalid(
            "memory: peak RSS after every tab",
            "child crashed",
            target=Target.at_most(300),
            unit="MB",
        ),
    ]


def test_table_rows_carry_every_column():
    rows = table_rows(_sample_results())
    assert rows[0] == ("start-up: main window shown", "300 ms", "250 ms", "1.20×", "≤ 1.5×", "pass")
    assert rows[1][-1] == "FAIL" and rows[1][3] == "2.40×"
    assert rows[2][-2:] == ("(info)", "info")
    assert rows[3][1:] == ("—", "—", "—", "≤ 300 MB", "INVALID")


def test_text_table_aligns_columns_including_chinese_names():
    text = format_text_table(_sample_results())
    lines = text.splitlines()
    assert lines[0].split() == ["measure", "ours", "baseline", "ratio", "target", "result"]
    assert set(lines[1]) <= {"-", " "}
    # "result" starts in the same display column on every line (CJK counts double).
    import unicodedata

    def column_of(line: str, token: str) -> int:
        head = line[: line.rindex(token)]
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in head)

    results_col = {
        column_of(line, word) for line, word in zip(lines[2:], ("pass", "FAIL", "info", "INVALID"))
    }
    assert results_col == {column_of(lines[0], "result")}


def test_markdown_table_has_a_row_per_result():
    text = format_markdown_table(_sample_results())
    lines = text.splitlines()
    assert lines[0] == "| measure | ours | baseline | ratio | target | result |"
    assert len(lines) == 2 + 4
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines)
    assert "| 教代会" not in text  # names stay in their cell
    assert "tab build (info): 教代会" in text


def test_an_unmet_requirement_fails_a_fast_row():
    lean = Result(
        "start-up", [0.2], [0.2], Target.ratio(1.5), failures=["reportlab imported at start-up"]
    )
    assert lean.valid and lean.ratio == pytest.approx(1.0)
    assert lean.verdict == "FAIL"
    assert not all_passed([lean])
