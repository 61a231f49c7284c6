"""Command tables: a command is registered from a row ``(name, help, options, handler)``.

``options`` are adders run in order (so the help text keeps the order of the row): one
``add_argument`` call (:func:`opt` and the kinds of value of cli/option.py), a group
(:func:`one_of`) or a shared helper such as :func:`add_output_arg`. The options that mean the
same everywhere are named here once. A ``report`` command is a row ``(name, options,
handler)`` (:func:`add_reports`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from guilin_union.cli.option import ArgAdder, flag, member_opt, opt, session_opt, year_opt

Handler = Callable[[argparse.Namespace, Any], int]
Command = tuple[str, str | None, Sequence[ArgAdder], Handler]
Report = tuple[str, Sequence[ArgAdder], Handler]


def one_of(*options: ArgAdder, required: bool = False) -> ArgAdder:
    """Options of which at most one (``required``: exactly one) may be given."""

    def add(parser: argparse.ArgumentParser) -> None:
        group = parser.add_mutually_exclusive_group(required=required)
        for option in options:
            option(group)

    return add


def all_of(*options: ArgAdder) -> ArgAdder:
    """Several options as one adder (a group of filters several commands share)."""

    def add(parser: argparse.ArgumentParser) -> None:
        for option in options:
            option(parser)

    return add


def add_commands(sub: argparse._SubParsersAction, commands: Iterable[Command]) -> None:
    """Register each row; a ``None`` help adds the command without a help line (the
    ``report`` commands take theirs from the registry)."""
    for name, help_text, options, handler in commands:
        parser = sub.add_parser(name) if help_text is None else sub.add_parser(name, help=help_text)
        for add in options:
            add(parser)
        parser.set_defaults(handler=handler)


def add_reports(report_sub: argparse._SubParsersAction, reports: Iterable[Report]) -> None:
    """Register ``report NAME`` commands from rows ``(name, options, handler)``: the help text
    comes from reports/registry.py and ``-o/--output FILE.pdf`` follows the options."""
    add_commands(
        report_sub,
        [(name, None, [*options, add_output_arg], handler) for name, options, handler in reports],
    )


def add_area(
    sub: argparse._SubParsersAction,
    name: str,
    help_text: str,
    commands: Iterable[Command] = (),
):  # noqa: ANN201
    """``NAME ACTION ...``: a command whose sub-commands (``ACTION``, registered from the
    ``commands`` rows and any added later) are required; the action is ``args.NAME_command``."""
    parser = sub.add_parser(name, help=help_text)
    actions = parser.add_subparsers(dest=f"{name}_command", metavar="ACTION")
    actions.required = True
    add_commands(actions, commands)
    return actions


JSON = flag("--json", "以 JSON 输出")
JSON_RESULT = flag("--json", "以 JSON 输出结果")
DRY_RUN = flag("--dry-run", "只检查，不写入")
XLSX_FILE = opt("file", metavar="FILE.xlsx")
BRANCH = opt("--branch", metavar="NAME", help="只含该分工会")
YEAR = year_opt("--year", "年度", required=True)
SESSION = session_opt("--session", required=True)
MEMBER_ID = member_opt("member_id")
# Full ID-card and phone numbers (the reveal is written to the operation log).
UNMASKED_EXPORT = flag("--unmasked", "导出完整证件号码和手机号（将记入操作日志）")
UNMASKED_PRINT = flag("--unmasked", "打印完整证件号码和手机号（将记入操作日志）")


def import_options(*area_args: ArgAdder, json: ArgAdder = JSON) -> list[ArgAdder]:
    """The options of an ``... import`` command: FILE.xlsx, the area's own arguments, the
    sheet options, --dry-run and --json."""
    return [XLSX_FILE, *area_args, add_sheet_args, DRY_RUN, json]


def add_sheet_args(parser: argparse.ArgumentParser) -> None:
    """``--sheet NAME`` (repeatable) and ``--all-sheets``, the same on every import command."""
    parser.add_argument(
        "--sheet",
        action="append",
        metavar="NAME",
        help="要导入的工作表（可重复；隐藏的工作表只有指定时才读取）",
    )
    parser.add_argument(
        "--all-sheets",
        action="store_true",
        help="导入所有有数据、表头可识别的可见工作表",
    )


def add_output_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="输出文件")
