"""System commands: demo data, database check, report list."""

from __future__ import annotations

import argparse

from guilin_union.cli import CliContext, emit, emit_json, fail
from guilin_union.cli.option import opt
from guilin_union.cli.table import JSON, add_commands


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    add_commands(
        sub,
        [
            (
                "demo",
                "向空数据库填入演示数据",
                [
                    opt(
                        "--scale",
                        choices=["normal", "large"],
                        default="normal",
                        help="normal：约 600 名会员；large：二十年规模的大数据库（性能测试用）",
                    ),
                    opt(
                        "--seed", type=int, default=2024, help="随机种子（同一种子生成同样的数据）"
                    ),
                ],
                cmd_demo,
            ),
            ("check", "检查数据库：结构版本和完整性", [JSON], cmd_check),
        ],
    )

    add_commands(
        report_sub,
        [
            ("list", "列出全部报表名称", [JSON], cmd_report_list),
        ],
    )


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.services.demo import populate_demo

    summary = populate_demo(ctx.db, scale=args.scale, seed=args.seed)
    emit("演示数据已生成：" + "，".join(f"{k} {v}" for k, v in summary.items()))
    return 0


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    import sqlite3

    from guilin_union.services.maintenance import check_database, check_unopenable
    from guilin_union.storage import open_database
    from guilin_union.storage.integrity import DatabaseDamagedError

    damaged = None
    ctx.read_only_on_damage = False  # the damage is this command's subject
    try:
        result = check_database(ctx.db)
    except DatabaseDamagedError as exc:
        # A damaged file is examined read-only (never migrated or written).
        damaged = exc.report
        try:
            db = open_database(ctx.db_path, read_only=True, check_integrity=False)
        except sqlite3.DatabaseError as inner:
            result = check_unopenable(str(inner))
        else:
            try:
                result = check_database(db)
            finally:
                db.conn.close()
        if result["integrity"] == "ok":
            result["integrity"] = damaged.details
        result["newest_backup"] = str(damaged.newest_backup) if damaged.newest_backup else None
    if args.json:
        emit_json(result)
    else:
        emit(f"结构版本：{result['schema_version']}")
        emit(f"完整性检查：{'正常' if result['integrity'] == 'ok' else result['integrity']}")
        emit(f"外键检查：{'正常' if result['foreign_keys'] == 'ok' else result['foreign_keys']}")
        for problem in result.get("problems", []):
            emit(f"  · {problem}")
    if result["integrity"] != "ok" or result["foreign_keys"] != "ok":
        hint = "数据库检查发现问题，请从备份恢复（文件 ▸ 恢复备份，或 restore 命令）。"
        if damaged is not None and damaged.newest_backup is not None:
            hint += f"\n最近的完好备份：{damaged.newest_backup}"
        return fail(hint)
    return 0


def cmd_report_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from guilin_union.cli import REPORT_NAMES

    if args.json:
        emit_json([{"name": k, "title": v} for k, v in REPORT_NAMES.items()])
    else:
        for name, title in REPORT_NAMES.items():
            emit(f"{name}\t{title}")
    return 0
