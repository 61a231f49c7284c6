"""A command for every congress step (issue 20): ``congress term new|edit``,
``congress session new|edit``, ``congress agenda add|move|remove|list``, ``congress sittings``,
``congress sitting add|edit|remove|standard``, ``congress signin``, ``congress vote``,
``congress elections``, ``congress election add|ballots|votes``, ``congress presidium``,
``congress vacancies``, ``congress continue-attending``.

JSON shapes follow the existing commands: a session as ``congress sessions --json`` shows one,
a sitting as ``congress sittings --json``, an election as ``congress elections --json``.
"""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, options
from guilin_union.cli.congress import session_report
from guilin_union.cli.lines import tab_line
from guilin_union.cli.option import (
    ArgAdder,
    count_opt,
    date_opt,
    flag,
    opt,
    session_opt,
    text_opt,
    year_opt,
)
from guilin_union.cli.table import (
    JSON,
    SESSION,
    Command,
    add_area,
    add_commands,
    add_reports,
    one_of,
)

ITEM = opt("item", type=int, metavar="ITEM_ID")
DATE = date_opt("--date")
SITTING = opt("sitting", type=int, metavar="SITTING_ID")
ELECTION = opt("election", type=int, metavar="ELECTION_ID")


def _session_fields(*, new: bool) -> list[ArgAdder]:
    return [
        date_opt("--start", "开幕日期", required=new),
        date_opt("--end", "闭幕日期"),
        opt("--title", help="会议名称（默认按届次自动生成）"),
        count_opt("--meeting-no", "第几次会议"),
        opt("--venue", help="地点"),
        date_opt("--proposal-deadline", "提案截止日期（可晚于会议）"),
        date_opt("--reply-deadline", "立案提案默认答复期限"),
        text_opt("--prefix", "提案编号前缀"),
    ]


def _sitting_fields(half_days: tuple[str, ...]) -> list[ArgAdder]:
    return [
        opt("--half-day", choices=half_days, help="时段"),
        opt("--title", help="名称（默认同类型）"),
        opt("--time", metavar="HH:MM", help="开始时间"),
        opt("--place", help="地点（默认会议地点）"),
        opt("--delegation", metavar="NAME", help="分组讨论的代表团"),
        opt("--convenor", help="召集人"),
        opt("--recorder", help="记录人"),
        opt("--minutes", help="分组讨论记录（代表发言要点）"),
    ]


def _counts(names: tuple[tuple[str, str], ...], suffix: str, **kwargs: Any) -> list[ArgAdder]:
    return [count_opt(f"--{name}", f"{text}{suffix}", **kwargs) for name, text in names]


def _with_json(commands: list[Command]) -> list[Command]:
    """Every step command answers with ``--json`` as its last option."""
    return [(name, text, [*options, JSON], handler) for name, text, options, handler in commands]


def register(csub: argparse._SubParsersAction) -> None:
    from guilin_union.core.congress import (
        ELECTION_METHODS,
        HALF_DAYS,
        SIGNIN_STATES,
        SITTING_KINDS,
    )

    term = add_area(csub, "term", "届次：new 新建，edit 修改（联合大会的工代会届次）")
    add_commands(
        term,
        _with_json(
            [
                (
                    "new",
                    "新建届次",
                    [
                        year_opt("--start-year", required=True),
                        count_opt("--number", "届次（默认下一届）"),
                        opt("--years", type=int, choices=(3, 5), help="每届年限"),
                        count_opt("--union-number", "联合召开时工代会的届次"),
                    ],
                    cmd_term_new,
                ),
                (
                    "edit",
                    "修改届次（如工代会届次）",
                    [
                        opt("term_id", type=int, metavar="TERM_ID"),
                        count_opt("--union-number", "工代会届次（0 表示不用）"),
                    ],
                    cmd_term_edit,
                ),
            ]
        ),
    )

    session = add_area(csub, "session", "会议：new 新建，edit 修改")
    add_commands(
        session,
        _with_json(
            [
                (
                    "new",
                    "新建一次会议",
                    [
                        opt("--term", required=True, type=int, metavar="TERM_ID"),
                        *_session_fields(new=True),
                    ],
                    cmd_session_new,
                ),
                (
                    "edit",
                    "修改会议信息或状态",
                    [
                        session_opt("session"),
                        *_session_fields(new=False),
                        opt("--status", choices=("筹备中", "召开中", "已闭幕"), help="会议状态"),
                        opt("--override-reason", help="未达法定人数仍开会的原因"),
                    ],
                    cmd_session_edit,
                ),
            ]
        ),
    )

    agenda = add_area(csub, "agenda", "议程：list 列出，add 增加，move 移动，remove 删除")
    add_commands(
        agenda,
        _with_json(
            [
                ("list", "列出议程", [SESSION], cmd_agenda_list),
                (
                    "add",
                    "增加一项议程（加在该部分末尾）",
                    [
                        SESSION,
                        opt("--part", choices=("预备会议", "正式会议"), default="正式会议"),
                        opt("--content", required=True, help="内容"),
                        DATE,
                        opt("--start", metavar="HH:MM"),
                        opt("--end", metavar="HH:MM"),
                        opt("--presider", help="主持人"),
                        opt("--reporter", help="报告人"),
                        opt("--place", help="地点"),
                    ],
                    cmd_agenda_add,
                ),
                (
                    "move",
                    "上移或下移一项",
                    [
                        ITEM,
                        one_of(
                            opt("--up", action="store_true"),
                            opt("--down", action="store_true"),
                            required=True,
                        ),
                    ],
                    cmd_agenda_move,
                ),
                ("remove", "删除一项（可在回收站恢复）", [ITEM], cmd_agenda_remove),
            ]
        ),
    )

    add_commands(
        csub,
        _with_json(
            [("sittings", "某次会议的各场次及其应到、实到、法定人数", [SESSION], cmd_sittings)]
        ),
    )

    sitting = add_area(csub, "sitting", "场次：add 增加，edit 修改，remove 删除，standard 标准场次")
    add_commands(
        sitting,
        _with_json(
            [
                (
                    "add",
                    "增加场次",
                    [
                        SESSION,
                        opt("--kind", choices=SITTING_KINDS, default="正式会议"),
                        date_opt("--date", required=True),
                        *_sitting_fields(HALF_DAYS),
                    ],
                    cmd_sitting_add,
                ),
                (
                    "edit",
                    "修改场次（分组讨论记录也在此录入）",
                    [
                        SITTING,
                        opt("--kind", choices=SITTING_KINDS),
                        DATE,
                        *_sitting_fields(HALF_DAYS),
                    ],
                    cmd_sitting_edit,
                ),
                ("remove", "删除场次（连同其签到）", [SITTING], cmd_sitting_remove),
                ("standard", "生成预备会议和每半天一场正式会议", [SESSION], cmd_sitting_standard),
            ]
        ),
    )

    sitting_id = opt("--sitting", required=True, type=int, metavar="ID")
    add_commands(
        csub,
        _with_json(
            [
                (
                    "signin",
                    "某场次一位代表的签到（已签到/请假/缺席）",
                    [
                        sitting_id,
                        opt("--delegate", required=True, metavar="ID", help="代表编号（或姓名）"),
                        opt("--state", required=True, choices=[*SIGNIN_STATES, "清除"]),
                        opt("--note", help="备注（如请假原因）"),
                    ],
                    cmd_signin,
                ),
                (
                    "vote",
                    "录入某场次的一项表决",
                    [
                        sitting_id,
                        one_of(
                            opt("--title", help="新的表决事项"),
                            opt("--motion", type=int, metavar="ID", help="已有的表决事项编号"),
                            required=True,
                        ),
                        *_counts(
                            (("yes", "同意"), ("no", "反对"), ("abstain", "弃权")),
                            "票",
                            required=True,
                        ),
                        opt("--kind", choices=("决议", "选举", "其他"), default="决议"),
                    ],
                    cmd_vote,
                ),
                ("elections", "某次会议的选举及计票结果", [SESSION], cmd_elections),
            ]
        ),
    )

    election = add_area(csub, "election", "选举：add 新建，ballots 选票数，votes 候选人得票")
    add_commands(
        election,
        _with_json(
            [
                (
                    "add",
                    "新建选举（等额或差额）",
                    [
                        SESSION,
                        opt("--title", required=True, help="选举事项"),
                        opt("--method", choices=ELECTION_METHODS, default="等额"),
                        count_opt("--seats", "应选人数", required=True),
                        opt(
                            "--candidate",
                            action="append",
                            default=[],
                            metavar="姓名",
                            help="候选人（可重复）",
                        ),
                        opt("--sitting", type=int, metavar="ID", help="在哪一场次选举"),
                        opt(
                            "--scrutineer",
                            action="append",
                            default=[],
                            metavar="姓名",
                            help="监票人",
                        ),
                        opt("--teller", action="append", default=[], metavar="姓名", help="计票人"),
                        DATE,
                    ],
                    cmd_election_add,
                ),
                (
                    "ballots",
                    "录入发出、收回、有效、无效选票数",
                    [
                        ELECTION,
                        *_counts(
                            (
                                ("issued", "发出"),
                                ("returned", "收回"),
                                ("valid", "有效"),
                                ("invalid", "无效"),
                            ),
                            "选票",
                            required=True,
                        ),
                    ],
                    cmd_election_ballots,
                ),
                (
                    "votes",
                    "录入一位候选人的赞成、反对、弃权、另选他人票",
                    [
                        ELECTION,
                        opt("--candidate", required=True, metavar="姓名"),
                        *_counts(
                            (
                                ("yes", "赞成"),
                                ("no", "反对"),
                                ("abstain", "弃权"),
                                ("other", "另选他人"),
                            ),
                            "票",
                            default=0,
                        ),
                    ],
                    cmd_election_votes,
                ),
            ]
        ),
    )

    add_commands(
        csub,
        _with_json(
            [
                (
                    "presidium",
                    "主席团成员（--set 重新设定）",
                    [
                        SESSION,
                        opt(
                            "--set",
                            action="append",
                            metavar="姓名[:职务]",
                            help="成员及职务（常务主席/秘书长/成员），可重复",
                        ),
                    ],
                    cmd_presidium,
                ),
                (
                    "vacancies",
                    "待补选/递补的代表名额（会籍变更等原因出缺）",
                    [SESSION],
                    cmd_vacancies,
                ),
                (
                    "continue-attending",
                    "资格终止的正式代表（如退休）改为列席代表",
                    [
                        opt("--delegate", required=True, type=int, metavar="ID", help="原代表编号"),
                        opt("--note", help="说明"),
                    ],
                    cmd_continue_attending,
                ),
            ]
        ),
    )


def _session_out(args: argparse.Namespace, ctx: CliContext, session_id: int, message: str) -> int:
    from guilin_union.cli.congress import session_json
    from guilin_union.services import congress

    session = congress.get_session(ctx.db, session_id)
    if args.json:
        emit_json(session_json(ctx.db, session))
    else:
        emit(f"{message}：{session.id}\t{session.title}\t{session.start_date}\t{session.status}")
    return 0


def _term_json(db: Any, term_id: int) -> dict[str, Any]:
    from guilin_union.services import congress

    t = congress.get_term(db, term_id)
    return {
        "id": t.id,
        "number": t.number,
        "union_number": congress.union_number(db, term_id),
        "start_year": t.start_year,
        "end_year": t.end_year,
        "length_years": t.length_years,
        "label": t.label,
    }


def cmd_term_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import congress

    with ctx.db.atomic():
        term_id = congress.create_term(
            ctx.db, start_year=args.start_year, number=args.number, length_years=args.years
        ).row_id
        if args.union_number:
            congress.set_union_number(ctx.db, term_id, args.union_number)
    data = _term_json(ctx.db, term_id)
    emit_json(data) if args.json else emit(f"已新建{data['label']}（编号 {term_id}）")
    return 0


def cmd_term_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import congress

    if args.union_number is not None:
        congress.set_union_number(ctx.db, args.term_id, args.union_number or None)
    data = _term_json(ctx.db, args.term_id)
    emit_json(data) if args.json else emit(f"已修改{data['label']}")
    return 0


def _session_data(args: argparse.Namespace) -> dict[str, Any]:
    data = {
        "start_date": args.start,
        "end_date": args.end,
        "title": args.title,
        "meeting_no": args.meeting_no,
        "venue": args.venue,
        "proposal_deadline": args.proposal_deadline,
        "reply_deadline": args.reply_deadline,
        "proposal_prefix": args.prefix,
    }
    return {k: v for k, v in data.items() if v is not None}


def cmd_session_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import congress

    data = _session_data(args)
    session_id = congress.create_session(ctx.db, args.term, **data).row_id
    return _session_out(args, ctx, session_id, "已新建会议")


def cmd_session_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services import congress

    session_id = resolve_session(ctx.db, args.session)
    with ctx.db.atomic():
        data = _session_data(args)
        if data:
            congress.update_session(ctx.db, session_id, data)
        if args.status:
            congress.set_session_status(
                ctx.db, session_id, args.status, override_reason=args.override_reason
            )
    return _session_out(args, ctx, session_id, "已修改会议")


def _agenda_json(item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "session_id": item.session_id,
        "part": item.part,
        "position": item.position,
        "date": item.item_date,
        "start_time": item.start_time,
        "end_time": item.end_time,
        "content": item.content,
        "presider": item.presider,
        "reporter": item.reporter,
        "place": item.place,
    }


def _agenda_out(args: argparse.Namespace, ctx: CliContext, session_id: int) -> int:
    from guilin_union.services.congress import agenda

    items = agenda.list_items(ctx.db, session_id)
    return emit_listing(
        items,
        as_json=args.json,
        line=lambda i: tab_line(i.id, i.part, i.item_date, i.time_range, i.content, i.presider),
        total=f"共 {len(items)} 项",
        json_row=_agenda_json,
    )


def cmd_agenda_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session

    return _agenda_out(args, ctx, resolve_session(ctx.db, args.session))


def cmd_agenda_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services.congress import agenda

    session_id = resolve_session(ctx.db, args.session)
    agenda.add_item(
        ctx.db,
        session_id,
        {
            "part": args.part,
            "content": args.content,
            "item_date": args.date,
            "start_time": args.start,
            "end_time": args.end,
            "presider": args.presider,
            "reporter": args.reporter,
            "place": args.place,
        },
    )
    return _agenda_out(args, ctx, session_id)


def cmd_agenda_move(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import agenda

    item = agenda.get_item(ctx.db, args.item)
    agenda.move_item(ctx.db, args.item, -1 if args.up else 1)
    return _agenda_out(args, ctx, item.session_id)


def cmd_agenda_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import agenda

    item = agenda.get_item(ctx.db, args.item)
    agenda.delete_item(ctx.db, args.item)
    return _agenda_out(args, ctx, item.session_id)


def _sittings_out(args: argparse.Namespace, ctx: CliContext, session_id: int) -> int:
    from guilin_union.services.congress import sittings

    data = [sittings.sitting_json(ctx.db, s) for s in sittings.list_sittings(ctx.db, session_id)]

    def line(d: dict[str, Any]) -> str:
        met = "达到" if d["quorum_met"] else "未达到"
        return (
            f"{d['id']}\t{d['date']} {d['half_day'] or ''}\t{d['kind']}\t{d['title']}\t"
            f"应到 {d['应到']}，实到 {d['实到']}，法定人数 {d['quorum_needed']}（{met}）"
        )

    return emit_listing(data, as_json=args.json, line=line, total=f"共 {len(data)} 场")


def cmd_sittings(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session

    return _sittings_out(args, ctx, resolve_session(ctx.db, args.session))


def _sitting_data(db: Any, session_id: int, args: argparse.Namespace) -> dict[str, Any]:
    from guilin_union.cli.congress import resolve_delegation

    data: dict[str, Any] = {
        "kind": args.kind,
        "sitting_date": args.date,
        "half_day": args.half_day,
        "title": args.title,
        "start_time": args.time,
        "place": args.place,
        "convenor": args.convenor,
        "recorder": args.recorder,
        "minutes": args.minutes,
    }
    if args.delegation:
        data["delegation_id"] = resolve_delegation(db, session_id, args.delegation)
    return {k: v for k, v in data.items() if v is not None}


def cmd_sitting_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services.congress import sittings

    session_id = resolve_session(ctx.db, args.session)
    sittings.add_sitting(ctx.db, session_id, _sitting_data(ctx.db, session_id, args))
    return _sittings_out(args, ctx, session_id)


def cmd_sitting_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import sittings

    current = sittings.get_sitting(ctx.db, args.sitting)
    sittings.update_sitting(ctx.db, args.sitting, _sitting_data(ctx.db, current.session_id, args))
    return _sittings_out(args, ctx, current.session_id)


def cmd_sitting_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import sittings

    current = sittings.get_sitting(ctx.db, args.sitting)
    sittings.delete_sitting(ctx.db, args.sitting)
    return _sittings_out(args, ctx, current.session_id)


def cmd_sitting_standard(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services.congress import sittings

    session_id = resolve_session(ctx.db, args.session)
    sittings.standard_sittings(ctx.db, session_id)
    return _sittings_out(args, ctx, session_id)


def cmd_signin(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.congress import sittings

    rows = sittings.sitting_rows(ctx.db, args.sitting)
    text = args.delegate.strip()
    matches = [r for r in rows if (text.isdigit() and r["id"] == int(text)) or r["name"] == text]
    if len(matches) != 1:
        raise ValidationError(
            f"“{text}”不是本场次的参会代表" if not matches else f"“{text}”有同名代表，请用代表编号"
        )
    delegate = matches[0]
    state = None if args.state == "清除" else args.state
    sittings.sign_in(ctx.db, args.sitting, delegate["id"], state, note=args.note)
    summary = sittings.sitting_json(ctx.db, sittings.get_sitting(ctx.db, args.sitting))
    if args.json:
        emit_json(
            {
                "delegate_id": delegate["id"],
                "name": delegate["name"],
                "state": state,
                "sitting": summary,
            }
        )
    else:
        emit(f"{delegate['name']}：{args.state}（应到 {summary['应到']}，实到 {summary['实到']}）")
    return 0


def cmd_vote(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import sittings

    motion_id = sittings.vote_at_sitting(
        ctx.db,
        args.sitting,
        motion_id=args.motion,
        **options(args, "title", "yes", "no", "abstain", "kind"),
    ).row_id
    [result] = [m for m in sittings.sitting_motions(ctx.db, args.sitting) if m["id"] == motion_id]
    if args.json:
        emit_json(result)
    else:
        emit(
            f"{result['title']}：同意 {result['yes']}，反对 {result['no']}，弃权 {result['abstain']}；{result['result']}"
        )
    return 0


def _election_out(args: argparse.Namespace, ctx: CliContext, election_id: int) -> int:
    from guilin_union.services.congress import elections

    r = elections.election_result(ctx.db, election_id)
    if args.json:
        emit_json(r.to_json())
    else:
        _print_election(r)
    return 0


def _print_election(r: Any) -> None:
    emit(f"{r.id}\t{r.title}（{r.method}，应选 {r.seats} 人）")
    if r.issued is not None:
        valid = "有效" if r.valid else "无效"
        emit(
            f"  发出 {r.issued}，收回 {r.returned}，有效 {r.valid_ballots}，无效 {r.invalid_ballots}；选举{valid}"
        )
    for c in r.candidates:
        mark = "当选" if c.elected else (c.note or "")
        emit(f"  {c.name}\t赞成 {c.yes}，反对 {c.no}，弃权 {c.abstain}，另选他人 {c.other}\t{mark}")
    for note in r.notes:
        emit(f"  注：{note}")


def cmd_elections(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services.congress import elections

    session_id = resolve_session(ctx.db, args.session)
    results = [
        elections.election_result(ctx.db, e) for e in elections.list_elections(ctx.db, session_id)
    ]
    if args.json:
        emit_json([r.to_json() for r in results])
        return 0
    for r in results:
        _print_election(r)
    emit(f"共 {len(results)} 项选举")
    return 0


def cmd_election_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services.congress import elections

    election_id = elections.add_election(
        ctx.db,
        resolve_session(ctx.db, args.session),
        {
            "title": args.title,
            "method": args.method,
            "seats": args.seats,
            "candidates": args.candidate,
            "sitting_id": args.sitting,
            "scrutineers": args.scrutineer,
            "tellers": args.teller,
            "held_on": args.date,
        },
    ).row_id
    return _election_out(args, ctx, election_id)


def cmd_election_ballots(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import elections

    elections.record_ballots(
        ctx.db, args.election, **options(args, "issued", "returned", "valid", "invalid")
    )
    return _election_out(args, ctx, args.election)


def cmd_election_votes(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import elections

    elections.record_candidate_votes(
        ctx.db,
        args.election,
        {args.candidate.strip(): (args.yes, args.no, args.abstain, args.other)},
    )
    return _election_out(args, ctx, args.election)


def cmd_presidium(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.cli.proposals_steps import resolve_member
    from guilin_union.services.congress import sittings

    session_id = resolve_session(ctx.db, args.session)
    if args.set:
        members = []
        for entry in args.set:
            name, _sep, role = entry.replace("：", ":").partition(":")
            members.append((resolve_member(ctx.db, name, "主席团成员"), role.strip() or "成员"))
        sittings.set_presidium(ctx.db, session_id, members)
    rows = sittings.list_presidium(ctx.db, session_id)
    if args.json:
        emit_json(
            [{"member_id": r["member_id"], "name": r["name"], "role": r["role"]} for r in rows]
        )
    else:
        emit(sittings.presidium_text(ctx.db, session_id) or "尚未设定主席团")
    return 0


def cmd_vacancies(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli.congress import resolve_session
    from guilin_union.services import congress
    from guilin_union.services.congress import delegates

    session = congress.get_session(ctx.db, resolve_session(ctx.db, args.session))
    rows = delegates.vacancies(ctx.db, session.term_id)

    def line(r: dict[str, Any]) -> str:
        extra = f"（已改为{r['continued_as']}）" if r["continued_as"] else ""
        return f"{r['name']}\t{r['delegation']}\t{r['end_date']}\t{r['reason']}{extra}\t待补选/递补"

    return emit_listing(
        rows, as_json=args.json, line=line, total=f"共 {len(rows)} 个名额待补选/递补"
    )


def cmd_continue_attending(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress import delegates

    new_id = delegates.continue_as_attending(ctx.db, args.delegate, note=args.note).row_id
    row = delegates.get_delegate(ctx.db, new_id)
    if args.json:
        emit_json(
            {
                "id": new_id,
                "member_id": row["member_id"],
                "name": row["name"],
                "type": row["delegate_type"],
                "start_date": row["start_date"],
                "continues_id": row["continues_id"],
            }
        )
    else:
        emit(f"{row['name']}自 {row['start_date']} 起为列席代表（原正式代表）")
    return 0


# --------------------------------------------------------------------------- printouts


def register_reports(report_sub: argparse._SubParsersAction) -> None:
    from guilin_union.cli.congress import add_session_arg

    add_reports(
        report_sub,
        [
            (
                "sitting-signin",
                [
                    opt("--sitting", required=True, type=int, metavar="ID", help="场次编号"),
                    flag("--with-counts", "填入已记录的实到、请假、缺席"),
                ],
                cmd_report_sitting_signin,
            ),
            ("election-results", [add_session_arg], cmd_report_election_results),
            (
                "discussion-minutes",
                [add_session_arg, opt("--sitting", type=int, metavar="ID", help="只打印这一组")],
                cmd_report_discussion_minutes,
            ),
        ],
    )


def cmd_report_sitting_signin(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.congress.printouts import sitting_signin_pdf

    path, n = sitting_signin_pdf(ctx.db, args.sitting, args.output, with_counts=args.with_counts)
    emit(f"已生成场次签到表（应到 {n} 人）：{path}")
    return 0


cmd_report_election_results = session_report(
    "guilin_union.services.congress.printouts", "election_results_pdf", "选举计票结果", "项选举"
)


cmd_report_discussion_minutes = session_report(
    "guilin_union.services.congress.printouts",
    "discussion_minutes_pdf",
    "分组讨论记录",
    "组",
    sitting_id="sitting",
)
