"""Command-line commands of the safety area: backup, backups list, restore, log, anonymize.

``check`` is registered by cli/system.py (it reports through services.safety_check).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guilin_union.cli import CliContext, emit, emit_json, fail
from guilin_union.cli.option import count_opt, flag, opt
from guilin_union.cli.table import JSON, add_area, add_commands


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    """Add this area's commands."""
    add_commands(
        sub,
        [
            (
                "backup",
                "立即备份数据库（校验后保存，自动整理旧备份）",
                [
                    opt("--to", metavar="DIR", help="保存到这个文件夹（默认：备份设置中的文件夹）"),
                    JSON,
                ],
                cmd_backup,
            ),
        ],
    )

    add_area(
        sub,
        "backups",
        "备份文件（backups list 列出全部）",
        [
            ("list", "列出备份：时间、大小、会员/慰问/提案条数", [JSON], cmd_backups_list),
        ],
    )

    add_commands(
        sub,
        [
            (
                "restore",
                "从备份恢复（先自动备份当前数据）",
                [
                    opt("file", metavar="FILE", help="备份文件（.db）"),
                    flag("--yes", "不再询问，直接恢复"),
                ],
                cmd_restore,
            ),
            (
                "log",
                "查看操作日志（谁、何时、改了什么）",
                [
                    opt("--since", metavar="DATE", help="起始日期（含），如 2024-03-01"),
                    opt("--until", metavar="DATE", help="截止日期（含）"),
                    opt("--table", metavar="NAME", help="数据表，如 members 或 会员"),
                    opt("--user", metavar="USER", help="操作用户"),
                    opt(
                        "--action",
                        metavar="ACTION",
                        help="操作：insert/update/delete/reveal/restore/erase …",
                    ),
                    count_opt("--limit", "最多显示 N 条（最新的）"),
                    JSON,
                ],
                cmd_log,
            ),
            (
                "anonymize",
                "生成匿名化副本（姓名、证件号码、手机号全部替换），可随问题报告发送",
                [opt("-o", "--output", required=True, metavar="FILE.db", help="输出文件"), JSON],
                cmd_anonymize,
            ),
        ],
    )


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import safety
    from guilin_union.storage.backup import BackupError

    try:
        report = safety.backup_now(ctx.db, to=Path(args.to) if args.to else None)
    except (BackupError, OSError) as exc:
        return fail(f"备份失败：{exc}")
    if args.json:
        emit_json(
            {
                "path": str(report.primary),
                "size": report.primary.stat().st_size,
                "verified": True,
                "copies": [str(p) for p in report.copies],
                "deleted": [str(p) for p in report.deleted],
                "problems": report.problems,
            }
        )
    else:
        emit(f"已备份并校验：{report.primary}")
        for copy in report.copies:
            emit(f"另存一份：{copy}")
        if report.deleted:
            emit(f"按保留规则删除了 {len(report.deleted)} 个旧备份。")
    for problem in report.problems:
        print(f"注意：{problem}", file=sys.stderr)
    return 0


def cmd_backups_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import safety

    infos = safety.list_backups(ctx.db)
    if args.json:
        emit_json([{**i.to_json(), "reason_label": safety.reason_label(i.reason)} for i in infos])
        return 0
    if not infos:
        emit("还没有备份。")
        return 0
    for info in infos:
        row = safety.describe_backup(info)
        counts = "，".join(
            f"{label} {info.counts[t]}"
            for t, label in (
                ("members", "会员"),
                ("welfare_payments", "慰问"),
                ("proposals", "提案"),
            )
            if t in info.counts
        )
        warning = "【文件与备份记录不符，可能已损坏】" if info.matches_record is False else ""
        emit(
            f"{warning}{row['created_text']}\t{row['size_text']}\t{row['reason_label']}\t{counts}\t{info.path}"
        )
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False
    try:
        answer = input(question + " [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确定")


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services import safety
    from guilin_union.storage.backup import BackupError, check_restorable, recover_damaged
    from guilin_union.storage.integrity import DatabaseDamagedError
    from guilin_union.storage.lock import DatabaseLock

    source = Path(args.file)
    try:
        check_restorable(source)
    except BackupError as exc:
        return fail(f"错误：{exc}")
    if not args.yes and not _confirm(f"用备份 {source.name} 替换当前数据？当前数据会先自动备份。"):
        return fail("未恢复：请加 --yes 确认（当前数据会先自动备份）。")
    lock = DatabaseLock(ctx.db_path).acquire()  # refuses while another program has the file open
    ctx.read_only_on_damage = False  # a damaged file is replaced below, not viewed
    try:
        try:
            db = ctx.db
        except DatabaseDamagedError:
            damaged = recover_damaged(ctx.db_path, source)
            emit(f"当前数据文件已损坏，已改名保留为：{damaged}")
            emit(f"已从备份恢复：{source}")
            return 0
        _result, report = safety.restore(db, source)
    except BackupError as exc:
        return fail(f"恢复失败：{exc}")
    finally:
        lock.release()
    emit(f"已从备份恢复：{source}")
    if report.safety_backup is not None:
        emit(f"恢复前的数据已备份为：{report.safety_backup}")
    for problem in report.problems:
        print(f"注意：{problem}", file=sys.stderr)
    return 0


def _table_name(value: str | None) -> str | None:
    if not value:
        return None
    from guilin_union.core.field_labels import TABLE_NAMES
    from guilin_union.storage.recycle import TABLE_LABELS

    for table, label in {**TABLE_NAMES, **TABLE_LABELS}.items():
        if value == label:
            return table
    return value


def cmd_log(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.safety import log as safety_log

    q = safety_log.LogQuery(
        table=_table_name(args.table),
        since=safety_log.normalise_date(args.since, "since"),
        until=safety_log.normalise_date(args.until, "until"),
        user=args.user or None,
        action=args.action or None,
    )
    entries = safety_log.list_entries(ctx.db, q, limit=args.limit, newest_first=bool(args.limit))
    if args.limit:
        entries.reverse()
    words = safety_log.Describer(ctx.db)  # labels per table, 元, names (issue 15)
    if args.json:
        emit_json([e.to_json(words) for e in entries])
        return 0
    for e in entries:
        what = e.summary(describer=words)
        note = safety_log.note_text(e.note)
        row = "" if e.row_id is None else f" #{e.row_id}"
        emit(
            f"{safety_log.time_text(e.ts)}\t{e.user}\t{safety_log.table_label(e.table)}{row}\t"
            f"{safety_log.action_label(e.action)}\t{what}"
            + (f"\t{note}" if note and note != what else "")
        )
    if not entries:
        emit("没有符合条件的日志。")
    return 0


def cmd_anonymize(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.safety.anonymize import anonymize_copy

    report = anonymize_copy(ctx.db, Path(args.output))
    if args.json:
        emit_json(report.to_json())
    else:
        emit(
            f"已生成匿名化副本：{report.path}（{report.people} 名会员，替换 {report.values_replaced} 个姓名/号码）"
        )
    return 0
