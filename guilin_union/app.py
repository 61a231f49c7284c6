"""Entry point: ``guilin-union`` with a COMMAND runs the command line, without one the GUI.

The GUI (and with it PySide6) is imported only when it is needed, so commands start fast.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from guilin_union.cli import build_parser, run

    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is not None:
        code = run(args)
    elif args.self_test:
        from guilin_union.selftest import run_self_test

        code = run_self_test()
    else:
        from guilin_union.ui.application import run_gui

        code = run_gui(db=args.db, demo=args.demo)
    if argv is None:
        sys.exit(code)
    return code


if __name__ == "__main__":
    main()
