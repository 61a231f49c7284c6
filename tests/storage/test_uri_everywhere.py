"""Every read-only or URI open goes through storage.uri (issue 14): a hand-made ``file:`` URI
breaks on a mapped drive, a UNC share, or a folder name with a space, ``?`` or ``#``."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HAND_MADE = re.compile(r"""\.as_uri\(\)|["']file:|f["']file:""")
ALLOWED = {Path("guilin_union/storage/uri.py")}


def test_no_hand_made_sqlite_uris():
    offenders = []
    for folder in ("guilin_union", "bench", "installer"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative in ALLOWED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if HAND_MADE.search(code):
                    offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == [], "use guilin_union.storage.uri.connect_read_only / sqlite_uri:\n" + (
        "\n".join(offenders)
    )


def test_the_pattern_finds_the_old_fault():
    assert HAND_MADE.search('sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)')
    assert HAND_MADE.search('sqlite3.connect(f"file:{db}?mode=ro", uri=True)')
    assert not HAND_MADE.search("conn = connect_read_only(path)")
