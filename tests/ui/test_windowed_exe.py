"""The windowed guilin-union.exe has no stdout: a command given to it is answered with a
message box pointing to guilin-union-cli.exe, never a traceback from the JSON writer."""

from __future__ import annotations

import sys

from guilin_union import app as entry
from guilin_union.ui import application
from tests.ui.helpers import ScriptedPrompts


def test_a_command_in_the_windowed_exe_shows_a_message_box(qapp, monkeypatch):
    prompts = ScriptedPrompts()
    monkeypatch.setattr(application, "Prompts", lambda: prompts)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    code = entry.main(["--db", "D:\\工会 数据\\union.db", "members", "list", "--json"])
    assert code == 2
    [(kind, title, text)] = prompts.messages
    assert kind == "info" and "命令行" in title
    assert "guilin-union-cli.exe" in text
    assert '"D:\\工会 数据\\union.db" members list --json' in text  # copyable, quoted


def test_with_a_console_the_command_runs(tmp_path, monkeypatch, capsys):
    prompts = ScriptedPrompts()
    monkeypatch.setattr(application, "Prompts", lambda: prompts)
    assert entry.main(["--db", str(tmp_path / "x.db"), "members", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert prompts.messages == []
