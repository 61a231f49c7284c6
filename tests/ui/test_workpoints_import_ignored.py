"""The work-points import dialog shows the page furniture it left out, and takes it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.ui import ops
from tests.ui.helpers import make_window

WEB = """桂林学院工会2026年工作要点
一、强化思想引领
（一）组织学习。开展宣讲。
（二）宣传工作。做强工会宣传阵地。
微信扫一扫在手机阅读、分享本文
责任编辑：李四
"""


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    branches.add_branch(db, "机关分工会")
    db.conn.close()
    return path


@pytest.fixture(autouse=True)
def _synchronous_ops(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)


def test_ignored_text_is_shown_and_can_be_taken_back(qtbot, db_path, tmp_path) -> None:
    window, _ = make_window(qtbot, db_path)
    source = tmp_path / "网页.txt"
    source.write_text(WEB, encoding="utf-8")
    dialog = window.tab_widgets["工作要点"].open_import(source)
    qtbot.addWidget(dialog)
    assert not dialog.ignored_box.isHidden()
    shown = [dialog.ignored_list.item(i).text() for i in range(dialog.ignored_list.count())]
    assert shown == ["微信扫一扫在手机阅读、分享本文", "责任编辑：李四"]
    assert all("扫一扫" not in n.text and "责任编辑" not in n.text for n in dialog.flat)
    dialog.ignored_list.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.take_back_button.click()
    assert [dialog.ignored_list.item(i).text() for i in range(dialog.ignored_list.count())] == [
        "微信扫一扫在手机阅读、分享本文"
    ]
    assert "责任编辑：李四" in dialog.flat[-1].text
