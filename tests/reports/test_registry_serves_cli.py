"""One list of reports: every registered report has a `report` command, every `report`
command is a registered report, and its help text is the registry's (issue 19: no second
list to keep in step)."""

from __future__ import annotations

import argparse

import pytest

from guilin_union import cli
from guilin_union.reports.registry import REPORTS, available_reports


def test_cli_report_commands_are_exactly_the_registered_reports():
    cli.build_parser()
    registered = available_reports()
    assert registered, "no report registered"
    assert set(cli.REPORT_NAMES) == set(registered)
    assert cli.REPORT_NAMES == {name: REPORTS[name] for name in cli.REPORT_NAMES}


def test_report_list_json_keeps_its_keys(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert cli.main(["report", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(item)) for item in listed} == {("name", "title")}
    assert {item["name"]: item["title"] for item in listed} == REPORTS


def test_a_report_command_outside_the_registry_is_refused():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(action=cli._RegisteredReports)
    with pytest.raises(ValueError, match="not in reports/registry.py"):
        sub.add_parser("no-such-report")
    with pytest.raises(ValueError, match="help text"):
        sub.add_parser("member-roster", help="另一种说法")
    assert sub.add_parser("member-roster").description == REPORTS["member-roster"]
