"""Run a short Python script in a fresh interpreter (nothing of the program imported yet)
from the repository's root, and read the JSON object it prints on its last line.

Start-up and import-order tests need a process of their own: in the test process the
modules they watch are long imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def run_script_json(
    script: str,
    *args: str,
    env: Mapping[str, str] | None = None,
    drop_env: tuple[str, ...] = (),
) -> Any:
    """``python -c script args…`` with ``env`` added to this process's environment (and
    ``drop_env`` removed); fails the test with the end of stderr unless it exits 0."""
    environment = {**os.environ, **(env or {})}
    for name in drop_env:
        environment.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-800:]
    return json.loads(done.stdout.strip().splitlines()[-1])
