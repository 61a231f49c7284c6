"""Evidence files and photos: copied into an ``attachments`` folder beside the database.

The copy (never a link to the user's original) travels with the data folder; names keep
the original file name, made unique, under ``attachments/<area>/<record id>/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.storage import audit
from guilin_union.storage.database import database_path

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
# File systems allow 255 bytes (ext4) or 255 UTF-16 units (NTFS) per name; a UTF-8 byte
# count is the stricter of the two. Room is kept for "（99）" and the ".part" temp suffix.
MAX_NAME_BYTES = 255 - len("（99）".encode()) - len(".part")


def fit_name(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``name`` shortened (keeping its extension, cutting whole characters) to fit.

    >>> fit_name("通知.pdf")
    '通知.pdf'
    >>> long = fit_name("关于" * 100 + ".docx")
    >>> long.endswith("….docx"), len(long.encode()) <= MAX_NAME_BYTES
    (True, True)
    """
    if len(name.encode()) <= max_bytes:
        return name
    path = Path(name)
    suffix = path.suffix if len(path.suffix.encode()) <= 16 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    budget = max_bytes - len(suffix.encode()) - len("…".encode())
    kept = stem.encode()[:budget].decode("utf-8", errors="ignore")
    return kept + "…" + suffix


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
    name = Path(fit_name(source.name))  # 251-255 byte names failed with Errno 36
    target = folder / name.name
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{name.stem}（{n}）{name.suffix}"
    temp = target.with_name(target.name + ".part")
    shutil.copy2(source, temp)
    temp.replace(target)
    return target.relative_to(attachments_root(db)).as_posix()


def attach(
    db: sqlite_utils.Database,
    table: str,
    owner: tuple[str, int],
    source: str | Path,
    *,
    area: str,
    name_column: str = "original_name",
    **columns: Any,
) -> int:
    """Copy ``source`` in (see :func:`store_attachment`) and list it in ``table``: the
    owner's ``(column, id)``, the stored path, the file's own name in ``name_column``, any
    other ``columns`` and the time added (logged). Returns the new row's id."""
    column, record_id = owner
    relative = store_attachment(db, area, record_id, source)
    row = {column: record_id, "path": relative, name_column: Path(source).name, **columns}
    return audit.insert(db, table, {**row, "added_at": audit.now_iso()})


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
