"""The PyInstaller bundle against a bare PySide6 window bundled the same way (issue 14).

Two rows:

- *bundle: start to main window* — a new process of the bundled program (``guilin-union
  --db EMPTY.db``, offscreen) until its main window is first painted, against the same for a
  bare ``QMainWindow`` with five empty tabs; target ≤ 1.5×. Both bundles carry the bench's
  runtime hook (``bundle_files/shown_hook.py``), which prints ``SHOWN`` at the first paint and
  ends the process. "Cold" means a new process each time (nothing of Python or Qt loaded);
  the files themselves are in the OS cache after one warm-up run, as on an office PC that
  started the program before.
- *bundle: size on disk* — the whole ``dist/<name>/`` folder; target ≤ 1.5×. Both are
  measured without the OCR engine (``GUILIN_UNION_BUNDLE_NO_OCR=1``), as issue 25 asks.

The program is built from ``bundle_files/ours.spec`` (``installer/guilin_union.spec`` plus
the hook), the baseline from ``bundle_files/bare.spec`` (the same exclusions and filters).
Both builds take minutes; without PyInstaller (``uv sync --group dev``) the rows are skipped
with a message.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.stats import Result, Target, invalid, median

HERE = Path(__file__).resolve().parent / "bundle_files"
REPO_ROOT = HERE.parents[1]
START_NAME = "bundle: start to main window"
SIZE_NAME = "bundle: size on disk"
BASELINE = "bare PySide6 window, bundled the same way"


def pyinstaller_missing() -> str | None:
    """Why the bundle rows cannot run, or None when PyInstaller is installed."""
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (uv sync --group dev): bundle rows skipped"
    return None


@dataclass
class Bundle:
    folder: Path
    program: Path
    build_seconds: float


def build(spec: Path, out: Path, program: str) -> Bundle:
    """``pyinstaller SPEC`` into ``out/dist/<program>/``; raises RuntimeError when it fails."""
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(spec),
        ],
        # Issue 25: the bundle goals of issue 14 are measured without the OCR engine and its
        # models (they are reported by the OCR bench row and the installer's own size).
        env={**os.environ, "GUILIN_UNION_BUNDLE_NO_OCR": "1"},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    folder = out / "dist" / program  # each spec names its folder after its program
    exe = folder / (program + (".exe" if sys.platform == "win32" else ""))
    if done.returncode != 0 or not exe.is_file():
        raise RuntimeError(f"PyInstaller {spec.name} failed: {done.stderr.strip()[-400:]}")
    return Bundle(folder, exe, time.perf_counter() - started)


def folder_size_mb(folder: Path) -> float:
    """Bytes of every file under ``folder`` (links not followed), in MB (10⁶ bytes)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total / 1e6


def time_to_shown(
    command: list[str], env: dict[str, str], timeout: float = 120.0
) -> tuple[float, float | None]:
    """Seconds from starting ``command`` to its ``SHOWN`` line, and the CPU seconds the
    process used (None where the OS does not say); raises RuntimeError without SHOWN."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    shown = None
    try:
        for line in process.stdout:
            if line.strip() == "SHOWN":
                shown = time.perf_counter() - started
                break
            if time.perf_counter() - started > timeout:
                break
    finally:
        cpu = None
        if hasattr(os, "wait4"):  # CPU time: on a busy machine the fairer comparison
            try:
                _pid, _status, usage = os.wait4(process.pid, 0)
                cpu = usage.ru_utime + usage.ru_stime
                process.returncode = os.waitstatus_to_exitcode(_status)
            except ChildProcessError:
                pass
        try:
            _out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            _out, err = process.communicate()
    if shown is None:
        raise RuntimeError(
            f"{Path(command[0]).name}: no SHOWN (exit {process.returncode}) {err[-300:]}"
        )
    return shown, cpu


def bench_env(workdir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "GUILIN_UNION_DB", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env.update(
        GUILIN_UNION_BENCH_SHOWN="1",
        QT_QPA_PLATFORM="offscreen",
        GUILIN_UNION_NO_OPEN="1",
        XDG_CONFIG_HOME=str(workdir / "config"),
        XDG_DATA_HOME=str(workdir / "data"),
        APPDATA=str(workdir / "data"),
    )
    return env


def measure_bundle(workdir: Path, repeats: int) -> list[Result]:
    """Build both bundles in ``workdir/bundle`` and measure them (see the module docstring)."""
    folder = workdir / "bundle"
    try:
        ours = build(HERE / "ours.spec", folder / "ours", "guilin-union")
        bare = build(HERE / "bare.spec", folder / "bare", "bare-window")
    except (RuntimeError, OSError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
        return [
            invalid(START_NAME, reason, target=Target.ratio(1.5)),
            invalid(SIZE_NAME, reason, target=Target.ratio(1.5), unit="MB"),
        ]
    env = bench_env(folder)
    db = folder / "empty.db"
    ours_cmd = [str(ours.program), "--db", str(db)]
    bare_cmd = [str(bare.program)]
    ours_times: list[float] = []
    bare_times: list[float] = []
    cpu: dict[str, list[float]] = {"ours": [], "bare": []}
    problems: list[str] = []
    for n in range(repeats + 1):  # the first pair warms the OS file cache
        try:
            ours_time, ours_cpu = time_to_shown(ours_cmd, env)
            bare_time, bare_cpu = time_to_shown(bare_cmd, env)
        except RuntimeError as exc:
            problems.append(str(exc))
            break
        if n:
            ours_times.append(ours_time)
            bare_times.append(bare_time)
            if ours_cpu and bare_cpu:
                cpu["ours"].append(ours_cpu)
                cpu["bare"].append(bare_cpu)
    builds = f"builds {ours.build_seconds:.0f} s and {bare.build_seconds:.0f} s"
    if cpu["ours"]:
        o, b = median(cpu["ours"]), median(cpu["bare"])
        builds += f"; CPU time {o * 1000:.0f} ms against {b * 1000:.0f} ms ({o / b:.2f}×)"
    return [
        Result(
            START_NAME,
            ours_times,
            bare_times,
            Target.ratio(1.5),
            problems=problems,
            baseline_name=BASELINE,
            note="new process → first paint of the main window, offscreen; " + builds,
        ),
        Result(
            SIZE_NAME,
            [folder_size_mb(ours.folder)],
            [folder_size_mb(bare.folder)],
            Target.ratio(1.5),
            unit="MB",
            baseline_name=BASELINE,
            note=f"{ours.folder.name}/ against {bare.folder.name}/",
        ),
    ]
