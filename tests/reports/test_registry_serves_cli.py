"""One list of reports: every report module's registration has a `report` command, and
every `report` command is a registered report (issue 19: no second list to keep in step)."""

from __future__ import annotations

from guilin_union import cli
from guilin_union.reports.registry import available_reports


def test_cli_report_commands_are_exactly_the_registered_reports():
    cli.build_parser()
    registered = available_reports()
    assert registered, "no report registered itself"
    assert set(cli.REPORT_NAMES) == set(registered)
