"""The runner turns child results into rows and writes RESULTS.md; a child that returned
nothing must give INVALID rows, never passes."""

from __future__ import annotations

import pytest

from bench.runner import MEASURES, gui_results, parse_args, results_markdown
from bench.stats import Result, Target, invalid


def test_a_child_that_returned_nothing_gives_invalid_rows():
    rows = gui_results({}, ["search", "tabs", "form"], 100_000)
    assert rows and all(r.verdict == "INVALID" for r in rows)
    assert {r.name for r in rows} >= {
        "search keystroke: large demo, 3,000 members",
        "search keystroke: 100,000 members",
        "member form: open",
    }


def test_gui_rows_carry_samples_targets_and_problems():
    data = {
        "search_large": {"ours": [0.01, 0.02], "bare": [0.001, 0.002], "problems": []},
        "search_big": {
            "ours": [0.2],
            "bare": [0.05],
            "problems": ["“张”: table shows 0 rows, plain SQL finds 9"],
        },
        "tabs": {"switch": {"慰问": [0.02, 0.03]}, "problems": []},
        "builds": {"慰问": [0.3]},
        "form": {"ours": [0.04], "problems": []},
    }
    rows = {r.name: r for r in gui_results(data, ["search", "tabs", "form"], 100_000)}
    assert rows["search keystroke: large demo, 3,000 members"].verdict == "pass"
    assert rows["search keystroke: 100,000 members"].verdict == "INVALID"
    assert (
        rows["tab switch: 慰问"].target == Target.at_most(0.05)
        and rows["tab switch: 慰问"].verdict == "pass"
    )
    assert rows["tab build (info): 慰问"].verdict == "info"
    assert rows["member form: open"].verdict == "pass"


def test_results_markdown_has_machine_table_and_verdict():
    results = [
        Result("a", [0.3], [0.25], Target.ratio(1.5), baseline_name="bare"),
        invalid("b", "child crashed", target=Target.at_most(1.0)),
    ]
    info = {
        "CPU": "Test CPU",
        "cores": "2",
        "RAM": "4.0 GiB",
        "OS": "TestOS",
        "Python": "CPython 3.11",
        "PySide6": "6.11",
        "SQLite": "3.40",
    }
    text = results_markdown(
        results,
        {"startup": {"heavy": [], "imports": {"PySide6": 0.1}}},
        info,
        quick=True,
        started="2025-01-01 10:00",
        load_before="0.1",
        load_after="0.2",
        seconds=90,
    )
    assert "| CPU | Test CPU |" in text and "| SQLite | 3.40 |" in text
    assert "| a | 300 ms | 250 ms | 1.20× | ≤ 1.5× | pass |" in text
    assert "Some measures miss their targets." in text
    assert "**invalid: child crashed**" in text
    assert "none (reportlab" in text and "| PySide6 | 100.0 ms |" in text
    assert "--quick" in text


def test_parse_args():
    args = parse_args(["--quick", "--only", "search,pdf"])
    assert args.quick and args.measures == ["search", "pdf"]
    assert parse_args([]).measures == list(MEASURES)
    with pytest.raises(SystemExit):
        parse_args(["--only", "nonsense"])
