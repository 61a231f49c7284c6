"""No option may overwrite ``args.handler``: that attribute holds the command's function.

A ``--handler NAME`` option with the default dest turned ``welfare batch --handler 王五`` into
a traceback and, without the option, stored the function's repr as the 经手人.
"""

from __future__ import annotations

import argparse
import json

from guilin_union.cli import build_parser, main
from tests.welfare_fixtures import add_member, setup

RESERVED = {"handler", "command"}


def _actions(parser: argparse.ArgumentParser, path: str = ""):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{path} {name}".strip())
        else:
            yield path, action


def test_no_option_uses_a_reserved_dest():
    clashes = [
        (path, action.option_strings)
        for path, action in _actions(build_parser())
        if path.count(" ") >= 1 and action.dest in RESERVED
    ]
    assert clashes == []


def test_handler_option_is_stored_as_the_handler_name(db, capsys):
    setup(db, year=2026)
    m = add_member(db)
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.conn.close()
    args = ["--db", path, "welfare", "add", "--member", str(m), "--type", "结婚"]
    assert (
        main([*args, "--date", "2026-05-01", "--amount", "500", "--handler", "王五", "--json"]) == 0
    )
    payment_id = json.loads(capsys.readouterr().out)["id"]
    assert main(["--db", path, "welfare", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert next(r for r in rows if r["id"] == payment_id)["handler"] == "王五"
    assert (
        main(
            [
                "--db",
                path,
                "welfare",
                "batch",
                "--festival",
                "春节",
                "--year",
                "2026",
                "--amount",
                "100",
                "--json",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", path, "welfare", "list", "--json"]) == 0
    handlers = {r["handler"] for r in json.loads(capsys.readouterr().out)}
    assert not any("function" in (h or "") for h in handlers)
