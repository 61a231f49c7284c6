"""文件 ▸ 检查数据库: ``integrity_check`` and ``foreign_key_check`` reported in plain Chinese.

The JSON form is the CLI contract ``{"integrity": "ok", "foreign_keys": "ok",
"schema_version": N}`` (keys may be added, never renamed).

>>> # report = check_report(db); report.ok, report.text()
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.storage.integrity import foreign_key_problems, integrity_check
from guilin_union.storage.migrations import schema_version
from guilin_union.storage.recycle import table_label


@dataclass
class CheckReport:
    integrity: str
    foreign_keys: str
    schema_version: int | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.foreign_keys == "ok"

    def to_json(self) -> dict[str, Any]:
        return {
            "integrity": self.integrity,
            "foreign_keys": self.foreign_keys,
            "schema_version": self.schema_version,
            "problems": list(self.problems),
        }

    def text(self) -> str:
        """The whole report as the dialog shows it."""
        lines = [
            "检查结果："
            + ("数据库完好，没有发现问题。" if self.ok else "发现问题，请按下面的建议处理。"),
            "",
        ]
        lines.append("完整性检查：" + ("正常" if self.integrity == "ok" else "发现损坏"))
        lines.append(
            "关联检查（外键）："
            + ("正常" if self.foreign_keys == "ok" else "有记录引用了不存在的数据")
        )
        if self.schema_version is not None:
            lines.append(f"数据库结构版本：{self.schema_version}")
        if self.problems:
            lines += ["", "问题："] + [f"  · {p}" for p in self.problems]
        if not self.ok:
            lines += [
                "",
                "建议：不要继续录入数据。用“文件 ▸ 恢复备份…”恢复到最近一次完好的备份，"
                "或把数据文件和 backups 文件夹一起交给技术人员。",
            ]
        if self.notes:
            lines += [""] + self.notes
        return "\n".join(lines)


def _plain_integrity(rows: str) -> list[str]:
    problems = []
    for item in rows.split("；")[:10]:
        if "index" in item.lower():
            problems.append(
                f"索引与数据不一致（{item}）。数据本身可能完好，恢复备份或请技术人员重建索引即可。"
            )
        else:
            problems.append(f"数据文件内部结构损坏（{item}）。")
    return problems


def check_report(db: sqlite_utils.Database, *, db_path: Path | None = None) -> CheckReport:
    """Run both checks (a full ``integrity_check``: seconds for a large file)."""
    try:
        integrity = integrity_check(db.conn)
    except sqlite3.DatabaseError as exc:
        integrity = f"无法读取数据文件：{exc}"
    problems: list[str] = []
    if integrity != "ok":
        problems += _plain_integrity(integrity)
    try:
        fk = foreign_key_problems(db.conn)
    except sqlite3.DatabaseError as exc:
        fk = []
        problems.append(f"无法检查记录之间的关联：{exc}")
    groups: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    for item in fk:
        groups[(item.table, item.parent)].append(item.rowid)
    fk_lines = []
    for (table, parent), rowids in groups.items():
        shown = "、".join(str(r) for r in rowids[:10] if r is not None)
        more = f" 等 {len(rowids)} 条" if len(rowids) > 10 else f" {len(rowids)} 条"
        fk_lines.append(
            f"“{table_label(table)}”中有{more}记录引用了不存在的“{table_label(parent)}”"
            + (f"（记录编号 {shown}）" if shown else "")
        )
    problems += fk_lines
    try:
        version: int | None = schema_version(db)
    except sqlite3.DatabaseError:
        version = None
    notes = []
    if db_path is not None and db_path.exists():
        from guilin_union.services.safety import format_size

        notes.append(f"数据文件：{db_path}（{format_size(db_path.stat().st_size)}）")
    return CheckReport(
        integrity=integrity,
        foreign_keys="ok" if not fk_lines else "；".join(fk_lines),
        schema_version=version,
        problems=problems,
        notes=notes,
    )
