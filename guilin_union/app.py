"""Entry point: ``guilin-union`` with a COMMAND runs the command line, without one the GUI.

The GUI (and with it PySide6) is imported only when it is needed, so commands start fast.
A plain GUI start (``guilin-union``, ``--db PATH``, ``--demo``) does not even build the
command-line parser: that imports every area's commands and services, which the window
does not need before it is shown (issue 11: start-up).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def gui_options(args: Sequence[str]) -> tuple[str | None, bool] | None:
    """``(db, demo)`` when ``args`` only ask to open the GUI, else None (a command, --help,
    --self-test, --version or anything unusual goes to the full parser).

    >>> gui_options([]), gui_options(["--db", "a.db", "--demo"]), gui_options(["--db=b.db"])
    ((None, False), ('a.db', True), ('b.db', False))
    >>> gui_options(["members", "list"]) is None, gui_options(["--db"]) is None
    (True, True)
    """
    db: str | None = None
    demo = False
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if token == "--demo":
            demo = True
        elif token == "--db" and rest and not rest[0].startswith("-"):
            db = rest.pop(0)
        elif token.startswith("--db=") and len(token) > len("--db="):
            db = token[len("--db=") :]
        else:
            return None
    return db, demo


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    quick = gui_options(args_list)
    if quick is not None:
        from guilin_union.ui.application import run_gui

        code = run_gui(db=quick[0], demo=quick[1])
    elif sys.stdout is None and "--self-test" not in args_list:
        # The windowed guilin-union.exe has no console: commands belong to guilin-union-cli.exe.
        # (--self-test still runs: it prints to the console it was started from, if any.)
        from guilin_union.ui.application import explain_windowed_command

        code = explain_windowed_command(args_list)
    else:
        from guilin_union.storage.lean_import import import_sqlite_utils

        import_sqlite_utils()  # before the commands import it: without numpy (issue 15)
        from guilin_union.cli import build_parser, run
        from guilin_union.cli.console import configure_output_streams

        configure_output_streams()
        args = build_parser().parse_args(args_list)
        if args.command is not None:
            code = run(args)
        elif args.self_test:
            from guilin_union.ui.selftest import run_self_test

            code = run_self_test()
        else:
            from guilin_union.ui.application import run_gui

            code = run_gui(db=args.db, demo=args.demo)
    if argv is None:
        sys.exit(code)
    return code


if __name__ == "__main__":
    main()
