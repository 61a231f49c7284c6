"""``members add|edit|show|groups|honours|photo`` (issue 24): the whole member record from the
command line, with the same validation and messages as the member form."""

from __future__ import annotations

import argparse
from typing import Any

from guilin_union.cli import CliContext, emit, emit_json, emit_listing, resolve_branch
from guilin_union.cli.lines import row_line
from guilin_union.cli.option import date_opt, flag, member_opt, opt, text_opt, year_opt
from guilin_union.cli.table import DRY_RUN, JSON, MEMBER_ID, add_commands, add_reports

# option -> (record key, help)
BASE_OPTIONS: dict[str, tuple[str, str]] = {
    "--name": ("name", "姓名"),
    "--gender": ("gender", "性别：男/女（有身份证号时由号码得出）"),
    "--ethnicity": ("ethnicity", "民族"),
    "--birth-date": ("birth_date", "出生日期"),
    "--id-type": ("id_type", "证件类型"),
    "--id-number": ("id_number", "证件号码"),
    "--phone": ("phone", "手机号"),
    "--staff-no": ("staff_no", "工号"),
    "--branch": ("branch", "分工会"),
    "--department": ("department", "部门"),
    "--position": ("position", "职务"),
    "--title": ("title", "职称"),
    "--education": ("education", "学历"),
    "--political-status": ("political_status", "政治面貌"),
    "--employment-type": ("employment_type", "用工形式（列表可在设置中修改，如 返聘、临时）"),
    "--hire-date": ("hire_date", "入职日期"),
    "--join-date": ("join_date", "入会日期"),
    "--member-no": ("member_no", "会员编号（新增时不填则按编号规则发放）"),
    "--notes": ("notes", "备注"),
}
PROFILE_OPTIONS: dict[str, tuple[str, str]] = {
    "--native-place": ("native_place", "籍贯"),
    "--home-address": ("home_address", "家庭住址"),
    "--postcode": ("postcode", "邮编"),
    "--email": ("email", "邮箱"),
    "--work-start-date": ("work_start_date", "参加工作时间"),
    "--major": ("major", "专业"),
    "--graduated-from": ("graduated_from", "毕业院校"),
    "--id-valid-until": ("id_valid_until", "证件有效期：日期或“长期有效”"),
    "--employment-status": ("employment_status", "就业状态"),
    "--skill-level": ("skill_level", "技能等级"),
    "--group": ("group_id", "工会小组名称"),
}


def register_reports(report_sub: argparse._SubParsersAction) -> None:
    add_reports(
        report_sub,
        [
            (
                "member-honours",
                [year_opt("--year", "年度（不填为全部）")],
                cmd_honours_report,
            ),
        ],
    )


def cmd_honours_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.members.record import honours_pdf

    path, n = honours_pdf(ctx.db, args.output, args.year)
    emit(f"已生成会员表彰名单（{n} 人次）：{path}")
    return 0


def register(msub: argparse._SubParsersAction) -> None:
    """Called by cli/members.py with the ``members`` sub-command parser."""
    for name, help_text in (
        ("add", "新增会员（与会员表单同样的检查）"),
        ("edit", "修改会员信息（只改给出的项）"),
    ):
        parser = msub.add_parser(name, help=help_text)
        if name == "edit":
            MEMBER_ID(parser)
        for option, (key, text) in {**BASE_OPTIONS, **PROFILE_OPTIONS}.items():
            parser.add_argument(option, dest=f"f_{key}", metavar="VALUE", help=text)
        parser.add_argument(
            "--model-worker", dest="f_is_model_worker", choices=("是", "否"), help="是否劳模"
        )
        parser.add_argument(
            "--family",
            action="append",
            metavar="称谓,姓名,工作单位,电话",
            help="家庭主要成员（可重复；给出时整体替换）",
        )
        parser.add_argument(
            "--resume",
            action="append",
            metavar="起始年月,结束年月,单位,职务",
            help="工作简历（可重复；结束年月空为至今；给出时整体替换）",
        )
        parser.add_argument("--photo", metavar="FILE", help="照片（JPG/PNG，自动裁成两寸证件照）")
        DRY_RUN(parser)
        JSON(parser)
        parser.set_defaults(handler=cmd_add if name == "add" else cmd_edit)

    add_commands(
        msub,
        [
            (
                "show",
                "显示一名会员的全部信息",
                [
                    MEMBER_ID,
                    flag("--unmasked", "显示完整证件号码和手机号（记入操作日志）"),
                    JSON,
                ],
                cmd_show,
            ),
            (
                "groups",
                "工会小组（列出；--add 新建）",
                [
                    opt("--branch", metavar="NAME", help="只含该分工会（新建时必填）"),
                    opt("--add", metavar="小组名称", help="新建小组"),
                    member_opt("--leader", "组长（会员 ID）"),
                    opt("--assign", metavar="ID,ID,…", help="把这些会员分到 --group-id 小组"),
                    opt("--group-id", type=int, metavar="ID", help="小组 ID（与 --assign 一起）"),
                    JSON,
                ],
                cmd_groups,
            ),
            (
                "honours",
                "表彰（列出；--add 登记）",
                [
                    year_opt("--year", "只列出该年度"),
                    member_opt("--member", "只列出（或登记给）该会员"),
                    opt(
                        "--add",
                        metavar="表彰名称",
                        help="登记一项表彰（须同时给出 --member、--level）",
                    ),
                    opt("--level", metavar="级别", help="国家/自治区/市/校/其他"),
                    date_opt("--date", "表彰日期"),
                    text_opt("--issuer", "授予单位"),
                    text_opt("--document-no", "文号"),
                    JSON,
                ],
                cmd_honours,
            ),
        ],
    )


def _given(args: argparse.Namespace, options: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The record keys of ``options`` given on the command line, with their values."""
    values = {key: getattr(args, f"f_{key}", None) for key, _text in options.values()}
    return {key: value for key, value in values.items() if value is not None}


def _fields(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    base, profile = _given(args, BASE_OPTIONS), _given(args, PROFILE_OPTIONS)
    model = getattr(args, "f_is_model_worker", None)
    if model is not None:
        base["is_model_worker"] = model == "是"
    return base, profile


def _split(items: list[str] | None, keys: tuple[str, ...]) -> list[dict[str, str]] | None:
    if items is None:
        return None
    rows = []
    for item in items:
        parts = [p.strip() for p in item.replace("，", ",").split(",")]
        rows.append(dict(zip(keys, parts + [""] * (len(keys) - len(parts)))))
    return rows


def _write(
    ctx: CliContext, args: argparse.Namespace, member_id: int | None
) -> tuple[int, dict[str, Any]]:
    """Add or edit in one transaction: base fields, profile, family, resume, photo."""
    from guilin_union.services import members as ms
    from guilin_union.services.members import record as mr

    db = ctx.db
    base, profile = _fields(args)
    family = _split(args.family, ("relation", "name", "work_unit", "phone"))
    resume = _split(args.resume, ("start_month", "end_month", "unit", "post"))

    class _DryRun(Exception):
        pass

    try:
        with db.atomic():
            if member_id is None:
                if not base.get("member_no"):
                    base["member_no"] = _next_number(db, base)
                member_id = ms.add_member(db, base).row_id
                from guilin_union.services.members.numbers import record_issued

                record_issued(db, [(base["member_no"], member_id)], source="命令行新增会员")
            else:
                current = ms.get_member(db, member_id).to_dict()
                if base:
                    ms.update_member(db, member_id, {**current, **base})
            if profile:
                mr.save_profile(db, member_id, profile)
            if family is not None:
                mr.set_family(db, member_id, family)
            if resume is not None:
                mr.set_resume(db, member_id, resume)
            if args.photo:
                mr.set_photo(db, member_id, args.photo)
            result = {"id": member_id, "member_no": ms.get_member_row(db, member_id)["member_no"]}
            if args.dry_run:
                raise _DryRun
    except _DryRun:
        return member_id, {**result, "id": None, "dry_run": True}
    return member_id, result


def _next_number(db, base: dict[str, Any]) -> str | None:
    import datetime as _dt

    from guilin_union.services.members import branches
    from guilin_union.services.members.numbers import NumberIssuer

    branch_id = branches.find_branch_id(db, str(base.get("branch") or ""))
    if branch_id is None:
        return None  # the validation names the missing/unknown 分工会
    joined = str(base.get("join_date") or "")[:4]
    year = int(joined) if joined.isdigit() else _dt.date.today().year
    return NumberIssuer(db).next(branch_id=branch_id, year=year)


def _run_write(args: argparse.Namespace, ctx: CliContext, member_id: int | None) -> int:
    from guilin_union.services.members import MemberValidationError

    try:
        _id, result = _write(ctx, args, member_id)
    except MemberValidationError as exc:
        if args.json:
            emit_json({"id": None, "errors": exc.errors})
        raise
    if args.json:
        emit_json(result)
    elif result.get("dry_run"):
        emit("检查通过，未写入（--dry-run）")
    else:
        emit(f"已保存会员（ID {result['id']}，会员编号 {result['member_no'] or '无'}）")
    return 0


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run_write(args, ctx, None)


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run_write(args, ctx, args.member_id)


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.masking import mask_id, mask_phone
    from guilin_union.services.members import record as mr

    record = mr.full_record(ctx.db, args.member_id)
    if args.unmasked:
        from guilin_union.storage import audit

        with ctx.db.atomic():
            audit.log_event(ctx.db, "members", args.member_id, "reveal", note="命令行显示完整号码")
    else:
        record["id_number"] = mask_id(record["id_number"]) if record.get("id_number") else None
        record["phone"] = mask_phone(record["phone"]) if record.get("phone") else None
    for key in ("name_initials", "name_pinyin"):
        record.pop(key, None)
    if args.json:
        emit_json(record)
        return 0
    labels = {
        "member_no": "会员编号",
        "name": "姓名",
        "gender": "性别",
        "birth_date": "出生日期",
        "id_number": "证件号码",
        "id_valid_until": "证件有效期",
        "phone": "手机号",
        "branch": "分工会",
        "group": "工会小组",
        "department": "部门",
        "native_place": "籍贯",
        "home_address": "家庭住址",
        "work_start_date": "参加工作时间",
        "major": "专业",
        "graduated_from": "毕业院校",
        "employment_type": "用工形式",
        "employment_status": "就业状态",
        "skill_level": "技能等级",
        "status": "会籍状态",
    }
    for key, label in labels.items():
        emit(f"{label}：{record.get(key) or ''}")
    for f in record["family"]:
        emit(f"家庭成员：{f['relation']} {f['name']} {f['work_unit'] or ''}")
    for r in record["resume"]:
        emit(
            f"工作简历：{r['start_month'] or ''}—{r['end_month'] or '至今'} {r['unit']} {r['post'] or ''}"
        )
    for h in record["honours"]:
        emit(f"表彰：{h['awarded_on'] or ''} {h['title']}（{h['level']}级）")
    return 0


def cmd_groups(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.members import record as mr

    db = ctx.db
    branch_id = resolve_branch(db, args.branch)
    if args.add:
        if branch_id is None:
            raise ValidationError("新建工会小组请用 --branch 指定分工会")
        mr.save_group(db, branch_id, args.add, leader_member_id=args.leader)
    if args.assign:
        if args.group_id is None:
            raise ValidationError("--assign 须与 --group-id 一起使用")
        ids = [int(x) for x in args.assign.replace("，", ",").split(",") if x.strip()]
        mr.assign_group(db, ids, args.group_id)
    rows = mr.list_groups(db, branch_id)
    return emit_listing(
        rows,
        as_json=args.json,
        line=lambda g: (
            f"{g['id']}\t{g['branch']}\t{g['name']}\t组长：{g['leader'] or '未定'}\t{g['members']} 人"
        ),
        total=f"共 {len(rows)} 个小组",
    )


def cmd_honours(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.members import record as mr

    db = ctx.db
    if args.add:
        if args.member is None:
            raise ValidationError("登记表彰请用 --member 指定会员")
        mr.add_honour(
            db,
            args.member,
            {
                "title": args.add,
                "level": args.level,
                "awarded_on": args.date,
                "issuer": args.issuer,
                "document_no": args.document_no,
            },
        )
    rows = mr.list_honours(db, member_id=args.member, year=args.year)
    return emit_listing(
        rows,
        as_json=args.json,
        line=row_line("awarded_on", "name", "title", "level", "issuer"),
        total=f"共 {len(rows)} 项",
    )
