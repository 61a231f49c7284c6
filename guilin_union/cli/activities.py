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
    emit,
    emit_json,
    emit_listing,
    finish_import,
    options,
    resolve_branch,
)
from guilin_union.cli.lines import row_line, tab_line
from guilin_union.cli.option import flag, opt, year_opt
from guilin_union.cli.table import (
    BRANCH,
    JSON,
    JSON_RESULT,
    UNMASKED_EXPORT,
    XLSX_FILE,
    YEAR,
    add_area,
    add_reports,
    import_options,
    one_of,
)
from guilin_union.core.activities import ACTIVITY_STATUSES, PARTICIPANT_STATUSES


def _activity_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--activity", type=int, required=True, metavar="ID", help="活动编号（activities list 可查）"
    )


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    add_area(
        sub,
        "activities",
        "工会活动：活动、报名、成绩、经费",
        [
            (
                "list",
                "列出活动",
                [
                    year_opt("--year", "只列该年度的活动"),
                    opt("--type", metavar="TYPE", help="活动类型，如 文体活动"),
                    opt("--status", choices=ACTIVITY_STATUSES, help="活动状态"),
                    JSON,
                ],
                cmd_list,
            ),
            (
                "participants",
                "列出活动的参加人员",
                [
                    _activity_arg,
                    opt("--status", choices=PARTICIPANT_STATUSES, help="只列该报名状态"),
                    JSON,
                ],
                cmd_participants,
            ),
            (
                "import-signups",
                "导入分工会报送的报名表（Excel）",
                import_options(_activity_arg, json=JSON_RESULT),
                cmd_import_signups,
            ),
            (
                "template",
                "生成本活动的报名表 Excel 模板（含项目和下拉选项）",
                [
                    XLSX_FILE,
                    _activity_arg,
                    opt("--branch", metavar="NAME", help="为某个分工会预填“分工会”列"),
                ],
                cmd_template,
            ),
            (
                "export-participants",
                "导出参加人员到 Excel",
                [
                    XLSX_FILE,
                    _activity_arg,
                    UNMASKED_EXPORT,
                ],
                cmd_export_participants,
            ),
            (
                "export-results",
                "导出成绩和团体总分到 Excel",
                [XLSX_FILE, _activity_arg],
                cmd_export_results,
            ),
            (
                "team-points",
                "团体总分（各分工会得分和名次）",
                [_activity_arg, JSON],
                cmd_team_points,
            ),
            (
                "budget",
                "经费：某活动的预算与支出，或某年度按类型汇总",
                [
                    one_of(
                        opt("--activity", type=int, metavar="ID", help="活动编号"),
                        year_opt("--year", "年度汇总"),
                        required=True,
                    ),
                    flag("--json", "以 JSON 输出（金额单位：分）"),
                ],
                cmd_budget,
            ),
        ],
    )

    add_reports(
        report_sub,
        [
            (
                "activity-signup",
                [
                    _activity_arg,
                    opt(
                        "--branch",
                        action="append",
                        metavar="NAME",
                        help="只为该分工会生成（可多次使用）",
                    ),
                    flag("--blank", "只生成一张不写分工会的空白表"),
                    opt("--rows", type=int, default=15, help="每页空白行数（默认 15）"),
                ],
                cmd_report_signup,
            ),
            (
                "activity-participants",
                [_activity_arg, flag("--sign-in", "加签到栏，作签到表使用"), BRANCH],
                cmd_report_participants,
            ),
            ("activity-results", [_activity_arg], cmd_report_results),
            ("activity-team-points", [_activity_arg], cmd_report_team_points),
            ("activity-summary", [_activity_arg], cmd_report_summary),
            ("activity-year-budget", [YEAR], cmd_report_year_budget),
        ],
    )


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities import ActivityQuery, list_activities, to_public_json

    rows = list_activities(
        ctx.db,
        ActivityQuery(
            sort_key="start_date", descending=False, **options(args, "year", "type", "status")
        ),
    )

    def line(r: dict) -> str:
        places = (
            f"{r['registered']}人（名额 {r['places_used']}/{r['places']}）"
            if r["places"]
            else f"{r['registered']}人"
        )
        return tab_line(
            r["id"], r["start_date"], r["name"], r["type"], r["organiser"], places, r["status"]
        )

    return emit_listing(
        rows, as_json=args.json, line=line, total=f"共 {len(rows)} 项活动", json_row=to_public_json
    )


def cmd_participants(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities import get_activity_row
    from guilin_union.services.activities.registration import (
        ParticipantQuery,
        list_participants,
        to_public_json,
    )

    get_activity_row(ctx.db, args.activity)
    rows = list_participants(ctx.db, ParticipantQuery(args.activity, status=args.status))
    return emit_listing(
        rows,
        as_json=args.json,
        line=row_line("seq", "name", "branch", "role", "events_text", "status", "result"),
        total=f"共 {len(rows)} 人",
        json_row=to_public_json,
    )


def cmd_import_signups(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.importer import import_signups

    outcome = import_signups(
        ctx.db, args.activity, args.file, **options(args, "dry_run", "sheet", "all_sheets")
    )
    code = finish_import(args, outcome)
    if outcome.ok and outcome.notes and not args.json:
        for note in outcome.notes:
            emit(note)
    return code


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.importer import write_signup_template

    path = write_signup_template(
        ctx.db, args.activity, args.file, branch_id=resolve_branch(ctx.db, args.branch)
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
    return emit_listing(
        rows,
        as_json=args.json,
        line=lambda r: (
            f"{r.type}\t{r.activities} 项\t{r.participants} 人次\t预算 {format_fen_yuan(r.planned)}"
            f"\t实际 {format_fen_yuan(r.actual)}"
        ),
        total=f"合计\t预算 {format_fen_yuan(sum(r.planned for r in rows))}\t实际 {format_fen_yuan(sum(r.actual for r in rows))}",
        json_row=lambda r: {
            "type": r.type,
            "activities": r.activities,
            "participants": r.participants,
            "planned_fen": r.planned,
            "actual_fen": r.actual,
        },
    )


def cmd_report_signup(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.activities.outputs import signup_form_pdf

    ids = [resolve_branch(ctx.db, name) for name in args.branch] if args.branch else None
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
        branch_id=resolve_branch(ctx.db, args.branch),
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
