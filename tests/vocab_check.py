"""Helpers for the vocabulary tests: what a CHECK constraint accepts, and who imports what."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "guilin_union"


def check_values(db, table: str, column: str) -> tuple[str, ...]:
    """The values the CHECK constraint of ``table.column`` accepts, in their order."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    match = re.search(rf"{column}\s[^,]*?CHECK\s*\(\s*{column}\s+IN\s*\(([^)]*)\)\s*\)", sql)
    assert match, f"no CHECK constraint on {table}.{column}"
    return tuple(re.findall(r"'([^']*)'", match.group(1)))


def imported_modules(path: Path) -> list[str]:
    """The modules a file imports from (``from X import …``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]


def files_importing_schema(relative: str) -> list[Path]:
    """The Python files under ``guilin_union/<relative>`` (a file or a folder) that mention
    ``storage.schema``: a vocabulary must come from core/, never from a migration."""
    root = PACKAGE / relative
    paths = [root] if root.is_file() else sorted(root.rglob("*.py"))
    assert paths, relative
    return [p for p in paths if "storage.schema" in p.read_text(encoding="utf-8")]
