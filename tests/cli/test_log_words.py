"""Issue 15: the change log (and the recycle bin) in the secretary's words.

``log --json`` keeps its stored values and keys; the human-readable fields (``note``,
``time``, ``table_label``, ``action_label``, ``summary``, ``changes``) show money in 元,
related records by name, codes translated and one date-time form.
"""

from __future__ import annotations

import json
import re

import pytest

from guilin_union.cli import main
from guilin_union.services.safety import log as safety_log
from guilin_union.services.safety.log import Describer, LogEntry

ENGLISH_WORD = re.compile(r"[A-Za-z_]{3,}")
RAW_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
HUMAN_KEYS = ("note", "time", "table_label", "action_label", "summary")


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def _texts(entry: dict) -> list[str]:
    texts = [str(entry[k]) for k in HUMAN_KEYS if entry.get(k)]
    for change in entry["changes"]:
        texts += [change["field"], change["before"], change["after"]]
    return texts


def test_log_json_after_demo_reads_like_the_secretary_writes(demo_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_path), "log", "--json", "--limit", "50"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) == 50
    money_seen = False
    for entry in entries:
        # the contract: every old key is still there
        assert {"id", "ts", "user", "table", "row_id", "action", "before", "after", "note"} <= set(
            entry
        )
        for text in _texts(entry):
            assert "分）" not in text and "（分" not in text, (entry["id"], text)
            assert not RAW_TIMESTAMP.search(text), (entry["id"], text)
            words = set(ENGLISH_WORD.findall(text)) - {entry["user"]}
            assert not words, (entry["id"], text, words)
        for change in entry["changes"]:
            if change["field"] == "金额" and change["after"]:
                money_seen = True
                assert re.fullmatch(r"¥ [\d,]+\.\d\d", change["after"]), change
            if change["field"] in ("会员", "分工会"):
                assert not change["after"].isdigit(), change
    assert money_seen


def test_plain_log_lines_use_names_and_yuan(demo_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_path), "log", "--limit", "30"]) == 0
    out = capsys.readouterr().out
    assert "¥ " in out and "（分）" not in out
    assert not RAW_TIMESTAMP.search(out)
    assert "normal" not in out


def _entry(table: str, after: dict, action: str = "insert") -> LogEntry:
    return LogEntry(1, "2026-12-07T19:52:38", "u", table, 1, action, None, after, None)


def test_labels_follow_the_table_not_the_member_form():
    words = Describer(None)
    plan = {
        field: after
        for field, _before, after in _entry(
            "workpoint_plans", {"title": "2026年工作要点", "kind": "school"}
        ).changes(words)
    }
    assert plan == {"计划标题": "2026年工作要点", "要点来源": "本校"}
    item = _entry("workpoint_items", {"status": "已完成"}).changes(words)
    assert item[0][0] == "落实状态"
    member = _entry("members", {"title": "教授", "status": "在会"}).changes(words)
    assert [row[0] for row in member] == ["职称", "会籍状态"]


def test_values_money_codes_times_and_related_names(demo_db):
    words = Describer(demo_db)
    member_id, name, number = demo_db.execute(
        "SELECT id, name, member_no FROM members WHERE member_no IS NOT NULL LIMIT 1"
    ).fetchone()
    branch_id, branch = demo_db.execute("SELECT id, name FROM branches LIMIT 1").fetchone()
    row = {
        "member_id": member_id,
        "branch_id": branch_id,
        "amount_fen": 123450,
        "code": "frequency",
        "created_at": "2026-12-07T19:52:38",
    }
    text = words.values_text("welfare_payment_warnings", row)
    assert f"会员：{name}（{number}）" in text
    assert f"分工会：{branch}" in text
    assert "金额：¥ 1,234.50" in text
    assert "检查项目：超过次数" in text
    assert "创建时间：2026-12-07 19:52" in text
    assert "会员：第 999999 号（已删除）" in words.values_text(None, {"member_id": 999999})


def test_recycle_rows_are_described_the_same_way(demo_db):
    from guilin_union.services.safety import recycle as safety_recycle
    from guilin_union.storage.recycle import RecycleRow

    row = RecycleRow.__new__(RecycleRow)
    fields = {f: None for f in RecycleRow.__dataclass_fields__}  # type: ignore[attr-defined]
    fields.update(table="welfare_payments", row_id=5, values={"amount_fen": 50000, "type": "生日"})
    row = RecycleRow(**fields)
    shown = safety_recycle.row_display(row, describer=Describer(demo_db))
    assert "¥ 500.00" in shown["values"] and "（分）" not in shown["values"]
    assert safety_log.note_text("生成演示数据（normal）") == "生成演示数据（标准规模）"
