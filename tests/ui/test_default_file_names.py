"""Every save dialog proposes a file name Windows accepts: through ops.save_output (the
congress printouts and most others) and, as a safety net, Prompts.save_file itself."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtWidgets import QFileDialog

from guilin_union.ui import ops
from guilin_union.ui.activities.common import safe_file_name as activity_name
from guilin_union.ui.prompts import Prompts
from guilin_union.ui.workpoints.common import safe_file_name as workpoints_name


class RecordingPrompts:
    def __init__(self) -> None:
        self.starts: list[Path] = []

    def save_file(self, parent, title, start, filters):
        self.starts.append(start)
        return None  # the user cancels


def test_save_output_proposes_a_windows_name(tmp_path):
    prompts = RecordingPrompts()
    ctx = SimpleNamespace(last_folder=lambda *a: tmp_path, prompts=prompts)
    title = "第六届第三次会议（2024/2025学年）"
    assert (
        ops.save_output(ctx, None, "打印议程", lambda db, p: p, default_name=f"{title}议程.pdf")
        is None
    )
    [start] = prompts.starts
    assert start.parent == tmp_path  # not a sub-folder "…（2024"
    assert start.name == "第六届第三次会议（2024-2025学年）议程.pdf"


def test_prompts_save_file_cleans_the_proposed_name(qapp, tmp_path, monkeypatch):
    seen: list[str] = []

    def fake_dialog(parent, title, start, filters):
        seen.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    assert (
        Prompts().save_file(None, "导出", tmp_path / '提案"食堂"?.xlsx', "Excel (*.xlsx)") is None
    )
    assert Path(seen[0]) == tmp_path / "提案_食堂__.xlsx"
    Prompts().save_file(None, "导出", tmp_path, "Excel (*.xlsx)")  # a folder stays as it is
    assert Path(seen[1]) == tmp_path


def test_area_helpers_use_the_one_helper():
    assert activity_name("CON") == "_CON" and activity_name(" ") == "活动"
    assert workpoints_name("2025年党建/工会要点.") == "2025年党建-工会要点"
