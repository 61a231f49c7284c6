"""Evidence files and photos: copied into an ``attachments`` folder beside the database.

The copy (never a link to the user's original) travels with the data folder; names keep
the original file name, made unique, under ``attachments/<area>/<record id>/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.storage.database import database_path

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def attachments_root(db: sqlite_utils.Database) -> Path:
    path = database_path(db)
    if path is None:
        raise ValidationError("内存数据库不能保存附件")
    return path.parent / "attachments"


def store_attachment(
    db: sqlite_utils.Database, area: str, record_id: int, source: str | Path
) -> str:
    """Copy ``source`` in and return its path relative to the attachments root (stored in
    the database so the folder can move with the data)."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"找不到文件：{source}")
    if source.stat().st_size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(f"文件“{source.name}”超过 50 MB，请压缩后再添加")
    folder = attachments_root(db) / area / str(record_id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{source.stem}（{n}）{source.suffix}"
    temp = target.with_name(target.name + ".part")
    shutil.copy2(source, temp)
    temp.replace(target)
    return target.relative_to(attachments_root(db)).as_posix()


def resolve_attachment(db: sqlite_utils.Database, relative: str) -> Path:
    """Absolute path of a stored attachment (refuses paths that escape the folder)."""
    root = attachments_root(db).resolve()
    path = (root / relative).resolve()
    if root not in path.parents:
        raise ValidationError("附件路径无效")
    return path


def stored_path(db: sqlite_utils.Database, table: str, attachment_id: int) -> str | None:
    """The relative path stored in an attachments table row (None when the row is gone).

    ``table`` is one of the program's own attachment tables, never user input.
    """
    if not table.endswith("_attachments") or not table.replace("_", "").isalpha():
        raise ValueError(table)
    row = db.execute(f"SELECT path FROM [{table}] WHERE id = ?", [attachment_id]).fetchone()
    return row[0] if row else None
