"""Command line: ``guilin-union [--db PATH] COMMAND ...`` (no Qt import here).

Each area registers its commands from its own module (``cli/<area>.py``) so the areas grow
independently. Exit codes: 0 done; 1 data or validation error (reason on stderr, nothing
written); 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from guilin_union import __version__
from guilin_union.cli.table import add_output_arg, add_sheet_args  # noqa: F401 (cli.add_output_arg)
from guilin_union.core.areas import AREAS

# Modules under guilin_union/cli/ that register commands, in help order.
COMMAND_MODULES = ("system", *AREAS, "safety", "home")

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2


class CliContext:
    """Handed to every command: opens the database lazily (``--db`` or the default)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db = None
        self._lock = None
        self.held_by: Exception | None = None  # LockHeldError when another program has the file
        # A damaged file: commands read it read-only (writes are refused); check and restore
        # set this to False to handle the damage themselves.
        self.read_only_on_damage = True
        self.damaged: Exception | None = None  # DatabaseDamagedError when opened read-only

    @property
    def db_path(self) -> Path:
        from guilin_union.storage import default_db_path

        return Path(self.args.db) if self.args.db else default_db_path()

    @property
    def db(self):
        """The database, locked against a second writer (data-safety.md: one program per
        file). While the GUI or another PC holds the file, commands still read it, opened
        read-only; a write then fails with the holder named."""
        if self._db is None:
            from guilin_union.storage import open_database
            from guilin_union.storage.disk_space import DiskFullError
            from guilin_union.storage.lock import DatabaseLock, LockHeldError

            path = self.db_path
            try:
                self._lock = DatabaseLock(path).acquire()
            except LockHeldError as exc:
                self.held_by = exc
                self._db = open_database(path, read_only=True)
                return self._db
            except DiskFullError as exc:  # not even the lock fits: read-only, and say why
                if not path.exists():
                    raise
                self.held_by = exc
                self._db = open_database(path, read_only=True)
                return self._db
            self._db = self._open_or_view_damaged(path)
        return self._db

    def _open_or_view_damaged(self, path: Path):  # noqa: ANN202
        from guilin_union.storage import open_database
        from guilin_union.storage.integrity import DatabaseDamagedError

        try:
            return open_database(path)
        except DatabaseDamagedError as exc:
            if not self.read_only_on_damage:
                raise
            try:
                db = open_database(path, read_only=True, check_integrity=False)
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError:
                raise exc from None
            self.damaged = exc
            fail(f"注意：{exc}\n（本次以只读方式打开：可以查看，不能修改。）")
            return db

    def close(self) -> None:
        if self._db is not None:
            self._db.conn.close()
            self._db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors in Chinese and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        message = (
            message.replace("the following arguments are required", "缺少必需参数")
            .replace("invalid choice", "无效的选项")
            .replace("unrecognized arguments", "无法识别的参数")
            .replace("expected one argument", "需要一个参数值")
            .replace("argument", "参数")
            .replace("not allowed with", "不能与以下参数同时使用")
            .replace("one of the arguments", "必须提供以下参数之一")
            .replace("is required", "")
        )
        self.exit(EXIT_USAGE, f"{self.prog}: 错误: {message}\n")


def emit_json(data: Any) -> None:
    """Print JSON in UTF-8 whatever the console's code page (Windows cmd is GBK)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        sys.stdout.buffer.write((text + "\n").encode("utf-8"))
    sys.stdout.flush()


def emit(text: str) -> None:
    try:
        print(text)
    except UnicodeEncodeError:
        sys.stdout.buffer.write((text + "\n").encode("utf-8"))


def emit_listing(
    rows: Iterable[Any],
    *,
    as_json: bool,
    line: Callable[[Any], str],
    total: str,
    json_row: Callable[[Any], Any] | None = None,
) -> int:
    """The answer of a list command: with ``--json`` the rows as JSON (each through
    ``json_row`` when given), else one line a row and the ``total`` line. Returns 0."""
    if as_json:
        emit_json([json_row(r) if json_row else r for r in rows])
        return 0
    for r in rows:
        emit(line(r))
    emit(total)
    return 0


def options(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """``{name: args.name}``: options handed on to a service under their own names."""
    return {name: getattr(args, name) for name in names}


def resolve_branch(db: Any, name: str | None) -> int | None:
    """``--branch NAME`` as the branch's id (None when not given); an unknown name is a
    ValidationError that lists the branches there are."""
    from guilin_union.core.errors import ValidationError
    from guilin_union.services.members import branches

    if not name:
        return None
    found = branches.find_branch_id(db, name)
    if found is None:
        raise ValidationError(branches.unknown_branch_message(db, name))
    return found


def fail(message: str, code: int = EXIT_DATA_ERROR) -> int:
    try:
        print(message, file=sys.stderr)
    except UnicodeEncodeError:
        sys.stderr.buffer.write((message + "\n").encode("utf-8"))
    return code


Handler = Callable[[argparse.Namespace, CliContext], int]


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="guilin-union",
        description="桂林学院工会工作管理系统。不带命令时打开图形界面。",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="数据库文件（默认：用户数据文件夹；也可用环境变量 GUILIN_UNION_DB）",
    )
    parser.add_argument(
        "--demo", action="store_true", help="用演示数据库打开图形界面（首次使用时自动生成）"
    )
    parser.add_argument(
        "--self-test", action="store_true", help="自检：在临时数据库上运行主窗口、报表和导出"
    )
    parser.add_argument("--version", action="version", version=f"guilin-union {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ChineseArgumentParser
    )
    report = sub.add_parser("report", help="生成 PDF 报表（report list 列出全部）")
    report_sub = report.add_subparsers(
        dest="report_name",
        metavar="REPORT",
        parser_class=ChineseArgumentParser,
        action=_RegisteredReports,
    )
    report_sub.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"guilin_union.cli.{name}")
        module.register(sub, report_sub)
    # `report list` shows the reports of the registry that have a command, in its order.
    REPORT_NAMES.clear()
    REPORT_NAMES.update(
        {
            action.dest: action.help or ""
            for action in report_sub._choices_actions
            if action.dest != "list"
        }
    )
    return parser


REPORT_NAMES: dict[str, str] = {}


class _RegisteredReports(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The ``report`` sub-commands: each must be a report of ``reports/registry.py``, and its
    help text (shown by ``report list`` and ``report -h``) is the registry's description, so
    the command line keeps no list of its own."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name != "list":
            from guilin_union.reports.registry import REPORTS  # plain Python: no reportlab

            if name not in REPORTS:
                raise ValueError(f"report command {name!r} is not in reports/registry.py")
            if "help" in kwargs:
                raise ValueError(f"report {name!r}: its help text comes from the registry")
            kwargs["help"] = REPORTS[name]
            kwargs.setdefault("description", REPORTS[name])
        return super().add_parser(name, **kwargs)


def import_file(args: argparse.Namespace, ctx: Any, importer: Any) -> Any:
    """Run ``importer`` on ``args.file`` with the shared import options (--sheet,
    --all-sheets, --dry-run); returns the outcome for :func:`finish_import`."""
    from guilin_union.services.import_common import run_import

    return run_import(
        ctx.db, args.file, importer, **options(args, "sheet", "all_sheets", "dry_run")
    )


def finish_import(args: argparse.Namespace, outcome: Any) -> int:
    """Print an ImportOutcome the same way for every ``... import`` command.

    Exit 0 with ``{"imported", "skipped", "updated"}``; any row error: exit 1, nothing
    written, ``{"errors": [{"row", "column", "value", "message"}]}``. Both may carry
    ``"sheets"``, ``"ignored_rows"`` and ``"ignored_columns"``.
    """
    if getattr(args, "json", False):
        emit_json(outcome.to_json())
    else:
        for error in outcome.errors:
            where = f"工作表“{error.row.sheet}”" if getattr(error.row, "sheet", "") else ""
            emit(f"{where}第 {error.row} 行【{error.column}】“{error.value}”：{error.message}")
        for line in getattr(outcome, "structure_lines", list)():
            emit(line)
        emit(outcome.summary())
    if outcome.errors:
        if not getattr(args, "json", False):
            fail("导入失败：请按上面的清单修改 Excel 文件后重新导入。")
        return EXIT_DATA_ERROR
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from guilin_union.cli.console import configure_output_streams

    configure_output_streams()
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    return run(args)


def _report_with_glyph_check(handler: Handler, args: argparse.Namespace, ctx: CliContext) -> int:
    """Run a report command; characters no installed font has are named on stderr (the
    PDF shows a placeholder for them: never a silently missing character)."""
    from guilin_union.reports.fonts import missing_message, track_missing
    from guilin_union.reports.styles import house_style, restore_house_style

    previous = house_style()
    if getattr(args, "report_name", "") != "list":
        from guilin_union.services.printouts import apply_house_style

        apply_house_style(ctx.db)
    try:
        with track_missing() as missing:
            code = handler(args, ctx)
    finally:
        restore_house_style(previous)
    if missing:
        fail(missing_message(missing))
    return code


def run(args: argparse.Namespace) -> int:
    from guilin_union.core.errors import UserError
    from guilin_union.storage.disk_space import is_disk_full, storage_failure_message

    handler: Handler = args.handler
    ctx = CliContext(args)
    try:
        if args.command == "report":
            return _report_with_glyph_check(handler, args, ctx)
        return handler(args, ctx)
    except UserError as exc:  # every error meant for the user (core/errors.py): exit 1
        return fail(f"错误：{exc}")
    except sqlite3.OperationalError as exc:
        if ctx.held_by is not None and "readonly" in str(exc).replace(" ", "").lower():
            return fail(f"错误：{ctx.held_by}\n（本命令需要修改数据，未做任何修改。）")
        if ctx.damaged is not None or is_disk_full(exc):
            return fail(f"错误：{storage_failure_message(exc, ctx)}")
        raise
    except sqlite3.DatabaseError as exc:
        if ctx.damaged is not None:
            return fail(f"错误：{storage_failure_message(exc, ctx)}")
        raise
    except OSError as exc:
        if is_disk_full(exc):
            return fail(f"错误：{storage_failure_message(exc, ctx)}")
        raise
    finally:
        ctx.close()
