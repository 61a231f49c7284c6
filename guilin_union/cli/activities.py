"""``activities`` commands and the activity printouts (registered by guilin_union.cli).

JSON contracts (keys may be added, never renamed):

- ``activities list --json``: ``[{"id", "name", "type", "organiser", "start_date", "end_date",
  "place", "signup_deadline", "places", "registered", "waiting", "status", "year",
  "budget_planned_fen", "budget_actual_fen"}]``;
- ``activities participants --json``: ``[{"id", "member_id", "name", "branch", "staff_no",
  "role", "events", "status", "seq", "result", "results"}]``;
- ``activities import-signups --json``: as every import, ``{"imported", "skipped", "updated"}``
  or (exit 1) ``{"errors": [{"row", "column", "value", "message"}]}``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from guilin_union.cli import (
    CliContext,
    add_output_arg,
    add_sheet_args,
    emit,
    emit_json,
    finish_import,
)
from guilin_union.core.activities import ACTIVITY_STATUSES, PARTICIPANT_STATUSES


def _activity_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--activity", type=int, required=True, metavar="ID", help="活动编号（activities list 可查）"
    )


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    activities = sub.add_parser("activities", help="工会活动：活动、报名、成绩、经费")
    asub = activities.add_subparsers(dest="activities_command", metavar="ACTION")
    asub.required = True

    listing = asub.add_parser("list", help="列出活动")
    listing.add_argument("--year", type=int, metavar="YYYY", help="只列该年度的活动")
    listing.add_argument("--type", metavar="TYPE", help="活动类型，如 文体活动")
    listing.add_argument("--status", choices=ACTIVITY_STATUSES, help="活动状态")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_list)

    people = asub.add_parser("participants", help="列出活动的参加人员")
    _activity_arg(people)
    people.add_argument("--status", choices=PARTICIPANT_STATUSES, help="只列该报名状态")
    people.add_argument("--json", action="store_true", help="以 JSON 输出")
    people.set_defaults(handler=cmd_participants)

    signups = asub.add_parser("import-signups", help="导入分工会报送的报名表（Excel）")
    signups.add_argument("file", metavar="FILE.xlsx")
    _activity_arg(signups)
    add_sheet_args(signups)
    signups.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    signups.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    signups.set_defaults(handler=cmd_import_signups)

    template = asub.add_parser("template", help="生成本活动的报名表 Excel 模板（含项目和下拉选项）")
    template.add_argument("file", metavar="FILE.xlsx")
    _activity_arg(template)
    template.add_argument("--branch", metavar="NAME", help="为某个分工会预填“分工会”列")
    template.set_defaults(handler=cmd_template)

    export = asub.add_parser("export-participants", help="导出参加人员到 Excel")
    export.add_argument("file", metavar="FILE.xlsx")
    _activity_arg(export)
    export.add_argument(
        "--unmasked", action="store_true", help="导出完整证件号码和手机号（将记入操作日志）"
    )
    export.set_defaults(handler=cmd_export_participants)

    export_results = asub.add_parser("export-results", help="导出成绩和团体总分到 Excel")
    export_results.add_argument("file", metavar="FILE.xlsx")
    _activity_arg(export_results)
    export_results.set_defaults(handler=cmd_export_results)

    team = asub.add_parser("team-points", help="团体总分（各分工会得分和名次）")
    _activity_arg(team)
    team.add_argument("--json", action="store_true", help="以 JSON 输出")
    team.set_defaults(handler=cmd_team_points)

    budget = asub.add_parser("budget", help="经费：某活动的预算与支出，或某年度按类型汇总")
    group = budget.add_mutually_exclusive_group(required=True)
    group.add_argument("--activity", type=int, metavar="ID", help="活动编号")
    group.add_argument("--year", type=int, metavar="YYYY", help="年度汇总")
    budget.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    budget.set_defaults(handler=cmd_budget)

    signup = report_sub.add_parser("activity-signup")
    _activity_arg(signup)
    signup.add_argument(
        "--branch", action="append", metavar="NAME", help="只为该分工会生成（可多次使用）"
    )
    signup.add_argument("--blank", action="store_true", help="只生成一张不写分工会的空白表")
    signup.add_argument("--rows", type=int, default=15, help="每页空白行数（默认 15）")
    add_output_arg(signup)
    signup.set_defaults(handler=cmd_report_signup)

    participants = report_sub.add_parser("activity-participants")
    _activity_arg(participants)
    participants.add_argument("--sign-in", action="store_true", help="加签到栏，作签到表使用")
    participants.add_argument("--branch", metavar="NAME", help="只含该分工会")
    add_output_arg(participants)
    participants.set_defaults(handler=cmd_report_participants)

    results = report_sub.add_parser("activity-results")
    _activity_arg(results)
    add_output_arg(results)
    results.set_defaults(handler=cmd_report_results)

    team_report = report_sub.add_parser("activity-team-points")
    _activity_arg(team_report)
    add_output_arg(team_report)
    team_report.set_defaults(handler=cmd_report_team_points)

    summary = report_sub.add_parser("activity-summary")
    _activity_arg(summary)
    add_output_arg(summary)
    summary.set_defaults(handler=cmd_report_summary)

    year = report_sub.add_parser("activity-year-budget")
    year.add_argument("--year", type=int, required=True, metavar="YYYY", help="年度")
    add_output_arg(year)
    year.set_defaults(handler=cmd_report_year_budget)


def _branch_id(db, name: str | None) -> int | None:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.members import branches

    if not name:
        return None
    found = branches.find_branch_id(db, name)
    if found is None:
        raise ValidationError(branches.unknown_branch_message(db, name))
    return found


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities import ActivityQuery, list_activities, to_public_json

    rows = list_activities(
        ctx.db,
        ActivityQuery(
            year=args.year,
            type=args.type,
            status=args.status,
            sort_key="start_date",
            descending=False,
        ),
    )
    if args.json:
        emit_json([to_public_json(r) for r in rows])
    else:
        for r in rows:
            places = (
                f"{r['registered']}人（名额 {r['places_used']}/{r['places']}）"
                if r["places"]
                else f"{r['registered']}人"
            )
            emit(
                "\t".join(
                    [
                        str(r["id"]),
                        r["start_date"],
                        r["name"],
                        r["type"],
                        r["organiser"],
                        places,
                        r["status"],
                    ]
                )
            )
        emit(f"共 {len(rows)} 项活动")
    return 0


def cmd_participants(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities import get_activity_row
    from guilin_union.services.activities.registration import (
        ParticipantQuery,
        list_participants,
        to_public_json,
    )

    get_activity_row(ctx.db, args.activity)
    rows = list_participants(ctx.db, ParticipantQuery(args.activity, status=args.status))
    if args.json:
        emit_json([to_public_json(r) for r in rows])
    else:
        for r in rows:
            emit(
                "\t".join(
                    [
                        str(r["seq"]),
                        r["name"],
                        r["branch"],
                        r["role"],
                        r["events_text"],
                        r["status"],
                        r["result"],
                    ]
                )
            )
        emit(f"共 {len(rows)} 人")
    return 0


def cmd_import_signups(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.importer import import_signups

    outcome = import_signups(
        ctx.db,
        args.activity,
        args.file,
        dry_run=args.dry_run,
        sheet=args.sheet,
        all_sheets=args.all_sheets,
    )
    code = finish_import(args, outcome)
    if outcome.ok and outcome.notes and not args.json:
        for note in outcome.notes:
            emit(note)
    return code


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.importer import write_signup_template

    path = write_signup_template(
        ctx.db, args.activity, args.file, branch_id=_branch_id(ctx.db, args.branch)
    )
    emit(f"已生成报名表模板：{path}")
    return 0


def cmd_export_participants(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.outputs import export_participants

    path, n = export_participants(ctx.db, args.activity, args.file, unmasked=args.unmasked)
    emit(f"已导出 {n} 名参加人员到 {path}")
    return 0


def cmd_export_results(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.outputs import export_results

    emit(f"已导出成绩到 {export_results(ctx.db, args.activity, args.file)}")
    return 0


def cmd_team_points(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities import get_activity_row
    from guilin_union.services.activities.results import standings_json, team_standings

    get_activity_row(ctx.db, args.activity)
    rows = standings_json(team_standings(ctx.db, args.activity))
    if args.json:
        emit_json(rows)
    else:
        for r in rows:
            emit(
                f"{r['rank']}{'（并列）' if r['tied'] else ''}\t{r['branch']}\t{r['points']} 分"
                f"\t第一名 {r['firsts']} 个\t第二名 {r['seconds']} 个"
            )
    return 0


def cmd_budget(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.money import format_fen_yuan
    from guilin_union.services.activities import budget

    if args.activity is not None:
        from guilin_union.services.activities import get_activity_row

        get_activity_row(ctx.db, args.activity)
        summary = budget.budget_summary(ctx.db, args.activity)
        if args.json:
            emit_json(
                {
                    "planned_fen": summary.planned,
                    "actual_fen": summary.actual,
                    "balance_fen": summary.balance,
                    "over_budget": summary.over_budget,
                    "warnings": summary.warnings(),
                    "categories": [
                        {"category": c.category, "planned_fen": c.planned, "actual_fen": c.actual}
                        for c in summary.categories
                    ],
                    "lines": budget.list_lines(ctx.db, args.activity),
                }
            )
        else:
            for c in summary.categories:
                emit(
                    f"{c.category}\t预算 {format_fen_yuan(c.planned)}\t实际 {format_fen_yuan(c.actual)}"
                )
            emit(
                f"合计\t预算 {format_fen_yuan(summary.planned)}\t实际 {format_fen_yuan(summary.actual)}"
            )
            for warning in summary.warnings():
                emit(f"提示：{warning}")
        return 0
    rows = budget.year_summary(ctx.db, args.year)
    if args.json:
        emit_json(
            [
                {
                    "type": r.type,
                    "activities": r.activities,
                    "participants": r.participants,
                    "planned_fen": r.planned,
                    "actual_fen": r.actual,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            emit(
                f"{r.type}\t{r.activities} 项\t{r.participants} 人次\t预算 {format_fen_yuan(r.planned)}"
                f"\t实际 {format_fen_yuan(r.actual)}"
            )
        emit(
            f"合计\t预算 {format_fen_yuan(sum(r.planned for r in rows))}\t实际 {format_fen_yuan(sum(r.actual for r in rows))}"
        )
    return 0


def cmd_report_signup(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.outputs import signup_form_pdf

    ids = [_branch_id(ctx.db, name) for name in args.branch] if args.branch else None
    path = signup_form_pdf(
        ctx.db, args.activity, args.output, branch_ids=ids, blank=args.blank, rows=max(args.rows, 1)
    )
    emit(f"已生成活动报名表：{path}")
    return 0


def cmd_report_participants(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.outputs import participants_pdf

    path, n = participants_pdf(
        ctx.db,
        args.activity,
        args.output,
        sign_in=args.sign_in,
        branch_id=_branch_id(ctx.db, args.branch),
    )
    emit(f"已生成{'签到表' if args.sign_in else '参加人员名单'}（{n} 人）：{path}")
    return 0


def _activity_pdf(writer: str, what: str) -> Callable[[argparse.Namespace, CliContext], int]:
    """A ``report`` command writing one activity's PDF with ``outputs.<writer>``."""

    def command(args: argparse.Namespace, ctx: CliContext) -> int:
        from guilin_union.services.activities import outputs

        path = getattr(outputs, writer)(ctx.db, args.activity, args.output)
        emit(f"已生成{what}：{path}")
        return 0

    return command


cmd_report_results = _activity_pdf("results_pdf", "获奖名单")
cmd_report_team_points = _activity_pdf("team_points_pdf", "团体总分表")
cmd_report_summary = _activity_pdf("summary_pdf", "活动总结表")


def cmd_report_year_budget(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.outputs import year_budget_pdf

    emit(f"已生成 {args.year} 年活动经费汇总表：{year_budget_pdf(ctx.db, args.year, args.output)}")
    return 0
