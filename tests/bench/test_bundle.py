"""The bundle rows of ``python -m bench`` (issue 14), without building anything here: the
builds take minutes, so these tests check the plumbing with stand-ins."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bench import bundle, runner

ROOT = Path(__file__).resolve().parents[2]


def test_skipped_with_a_message_without_pyinstaller(monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "PyInstaller" else real(name, *a),
    )
    assert "PyInstaller" in bundle.pyinstaller_missing()
    args = runner.parse_args(["--only", "bundle", "--workdir", str(tmp_path)])
    results, details = runner.run(args)
    assert results == []
    assert details["skipped"] == [bundle.pyinstaller_missing()]


def test_pyinstaller_of_the_dev_group_is_found():
    assert bundle.pyinstaller_missing() is None


def test_folder_size(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 1_000_000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"x" * 500_000)
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert bundle.folder_size_mb(tmp_path) == pytest.approx(1.5)


def _program(tmp_path: Path, body: str) -> list[str]:
    script = tmp_path / "program.py"
    script.write_text(body, encoding="utf-8")
    return [sys.executable, str(script)]


def test_time_to_shown_reads_the_shown_line(tmp_path):
    command = _program(tmp_path, "print('starting'); print('SHOWN', flush=True)")
    wall, cpu = bundle.time_to_shown(command, {})
    assert wall > 0 and (cpu is None or cpu > 0)


def test_a_program_that_never_shows_is_an_error(tmp_path):
    command = _program(tmp_path, "import sys; print('oops', file=sys.stderr); sys.exit(3)")
    with pytest.raises(RuntimeError, match="no SHOWN"):
        bundle.time_to_shown(command, {})


def test_a_failed_build_gives_invalid_rows(monkeypatch, tmp_path):
    def fail(spec, out, program):
        raise RuntimeError("PyInstaller ours.spec failed: boom")

    monkeypatch.setattr(bundle, "build", fail)
    rows = bundle.measure_bundle(tmp_path, 1)
    assert [r.name for r in rows] == [bundle.START_NAME, bundle.SIZE_NAME]
    assert all(r.verdict == "INVALID" and "boom" in r.why_invalid() for r in rows)


def test_measured_rows_compare_with_the_bare_bundle(monkeypatch, tmp_path):
    folders = {}
    for name, size in (("guilin-union", 3_000_000), ("bare-window", 2_000_000)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "payload").write_bytes(b"x" * size)
        folders[name] = folder

    def fake_build(spec, out, program):
        return bundle.Bundle(folders[program], Path(program), 1.0)

    times = iter([(0.9, 0.3), (0.5, 0.2)] * 10)
    monkeypatch.setattr(bundle, "build", fake_build)
    monkeypatch.setattr(bundle, "time_to_shown", lambda command, env: next(times))
    start, size = bundle.measure_bundle(tmp_path, 3)
    assert start.ours == [0.9] * 3 and start.baseline == [0.5] * 3  # the warm-up pair dropped
    assert start.verdict == "FAIL"  # 1.8× > 1.5×
    assert "CPU time 300 ms against 200 ms (1.50×)" in start.note
    assert size.ours == [pytest.approx(3.0)] and size.unit == "MB" and size.verdict == "pass"


def test_the_bench_specs_still_fit_the_program_spec():
    """ours.spec and bare.spec patch installer/guilin_union.spec by text."""
    text = (ROOT / "installer" / "guilin_union.spec").read_text(encoding="utf-8")
    assert text.count("runtime_hooks=[],") == 1
    assert "\na = Analysis(" in text
    for name in ("ours.spec", "bare.spec", "bare_window.py", "shown_hook.py"):
        assert (ROOT / "bench" / "bundle_files" / name).is_file()
