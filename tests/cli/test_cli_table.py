"""Command tables (cli/table.py): rows become sub-commands with their options in row order."""

from __future__ import annotations

import argparse

import pytest

from guilin_union.cli import ChineseArgumentParser, build_parser, options
from guilin_union.cli.table import (
    JSON,
    add_area,
    add_commands,
    add_reports,
    all_of,
    flag,
    one_of,
    opt,
)


def _handler(args: argparse.Namespace, ctx: object) -> int:
    return 0


def _other(args: argparse.Namespace, ctx: object) -> int:
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="t")
    sub = parser.add_subparsers(dest="command", parser_class=ChineseArgumentParser)
    actions = add_area(
        sub,
        "area",
        "一个区域",
        [
            ("list", "列出", [opt("--year", type=int, metavar="YYYY"), JSON], _handler),
            (
                "pick",
                "选一个",
                [one_of(flag("--up", "上移"), flag("--down", "下移"), required=True)],
                _other,
            ),
        ],
    )
    add_commands(actions, [("quiet", None, [], _handler)])
    return parser


def test_rows_become_commands_with_their_options_and_handler() -> None:
    args = _parser().parse_args(["area", "list", "--year", "2024", "--json"])
    assert (args.year, args.json, args.handler) == (2024, True, _handler)
    assert _parser().parse_args(["area", "pick", "--down"]).handler is _other


def test_help_lists_rows_in_order_and_omits_a_row_without_help() -> None:
    area = _parser()._subparsers._group_actions[0].choices["area"]  # type: ignore[union-attr]
    text = area.format_help()
    assert text.index("列出") < text.index("选一个")
    assert "quiet" not in text.split("options:")[0].split("ACTION")[-1]


@pytest.mark.parametrize(
    "argv",
    [
        ["area"],
        ["area", "pick"],
        ["area", "pick", "--up", "--down"],
        ["area", "list", "--year", "x"],
    ],
)
def test_required_action_and_exclusive_group_are_usage_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        _parser().parse_args(argv)
    assert exc.value.code == 2


def test_report_rows_take_the_output_file_after_their_options() -> None:
    parser = ChineseArgumentParser(prog="t")
    reports = parser.add_subparsers(dest="report_name", parser_class=ChineseArgumentParser)
    add_reports(reports, [("sheet", [opt("--year", type=int, metavar="YYYY")], _handler)])
    args = parser.parse_args(["sheet", "--year", "2024", "-o", "a.pdf"])
    assert (args.year, args.output, args.handler) == (2024, "a.pdf", _handler)
    sheet = reports.choices["sheet"]
    assert [a.dest for a in sheet._actions] == ["help", "year", "output"]
    with pytest.raises(SystemExit):
        parser.parse_args(["sheet", "--year", "2024"])  # -o is required


def test_all_of_adds_its_options_in_order() -> None:
    parser = ChineseArgumentParser(prog="t")
    all_of(opt("--year", type=int), flag("--open", "未结"))(parser)
    assert [a.dest for a in parser._actions] == ["help", "year", "open"]
    assert vars(parser.parse_args(["--open"])) == {"year": None, "open": True}


def test_options_hands_on_named_values() -> None:
    args = argparse.Namespace(sheet="A", dry_run=True, other=1)
    assert options(args, "sheet", "dry_run") == {"sheet": "A", "dry_run": True}


def test_every_command_has_a_handler() -> None:
    """Each leaf command of the real parser was registered with a handler (a row left
    without one would answer with a traceback)."""

    def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...]):  # noqa: ANN202
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            yield path, parser
        for action in subs:
            for name, child in action.choices.items():
                yield from leaves(child, (*path, name))

    found = list(leaves(build_parser(), ()))
    assert len(found) > 100
    missing = [" ".join(p) for p, parser in found if "handler" not in parser._defaults]
    assert missing == []
