"""``reminders`` and the 首页's questions: what needs doing now."""

from __future__ import annotations

import argparse

from guilin_union.cli import CliContext, emit, emit_listing
from guilin_union.cli.lines import tab_line
from guilin_union.cli.option import count_opt, opt, year_opt
from guilin_union.cli.table import JSON, add_commands, add_reports


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    add_commands(
        sub,
        [
            (
                "reminders",
                "待办提醒（提案、工作要点、退休、生日、入会申请……）",
                [
                    count_opt("--within-days", "只列出 N 天内到期的（逾期的总会列出）"),
                    opt("--kind", action="append", metavar="KIND", help="只列出该类（可重复）"),
                    JSON,
                ],
                cmd_reminders,
            ),
        ],
    )

    add_reports(
        report_sub,
        [
            (
                "year-summary",
                [year_opt("--year", required=True)],
                cmd_year_summary,
            ),
        ],
    )


def register_member_commands(msub: argparse._SubParsersAction) -> None:
    """``members retirements`` and ``members birthdays`` (called by cli/members.py)."""
    add_commands(
        msub,
        [
            (
                "retirements",
                "即将（或已经）到达法定退休年龄的在会会员",
                [
                    count_opt("--within-months", "未来 N 个月内（默认按设置）", default=None),
                    JSON,
                ],
                cmd_retirements,
            ),
            (
                "birthdays",
                "某月过生日的在会会员",
                [
                    opt("--month", type=int, required=True, choices=range(1, 13), metavar="1-12"),
                    JSON,
                ],
                cmd_birthdays,
            ),
        ],
    )


def cmd_reminders(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.home.reminders import reminders

    found = reminders(ctx.db, within_days=args.within_days)
    if args.kind:
        found = [r for r in found if r.kind in set(args.kind)]
    return emit_listing(
        found,
        as_json=args.json,
        json_row=lambda r: r.to_json(),
        line=lambda r: f"{r.date}\t{r.group}\t{r.title}",
        total=f"共 {len(found)} 条待办",
    )


def cmd_retirements(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.home.retirements import upcoming_retirements

    found = upcoming_retirements(ctx.db, within_months=args.within_months)
    return emit_listing(
        found,
        as_json=args.json,
        json_row=lambda r: {k: v for k, v in r.to_json().items() if k != "status"},
        line=lambda r: (
            f"{r.retirement_date}\t{r.name}\t{r.gender}\t{r.birth_date}\t{r.branch}\t{r.age_rule}"
        ),
        total=f"共 {len(found)} 人",
    )


def cmd_birthdays(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.home.reminders import birthdays

    found = birthdays(ctx.db, args.month)
    return emit_listing(
        found,
        as_json=args.json,
        line=lambda r: tab_line(r["birth_date"][5:], r["name"], r["branch"]),
        total=f"共 {len(found)} 人",
    )


def cmd_year_summary(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.home.outputs import write_year_summary

    path = write_year_summary(ctx.db, args.output, args.year)
    emit(f"已生成 {args.year} 年度工作总结：{path}")
    return 0
