"""Output streams every consumer can decode, whatever the Windows code page (issue 14).

On a Chinese Windows PC, Python writes into a pipe or a file in the console code page
(cp936/GBK), which cannot even hold every name (王𠀾: U+2003E is not in GBK), and a per-write
fallback to UTF-8 mixed two encodings in one stream. So, once at start:

- stdout/stderr going to a pipe or a file are switched to UTF-8 — always, whatever
  ``PYTHONIOENCODING`` or the code page says, so JSON and plain text decode the same way;
- a real console keeps its encoding (Windows' console API takes Unicode anyway) but never
  raises on a character it cannot show: it is written as ``\\U0002003e`` instead;
- a missing stream (the windowed ``guilin-union.exe`` has no stdout) is left alone.
"""

from __future__ import annotations

import codecs
import io
import sys
from typing import Any

__all__ = ["configure_output_streams", "stream_is_console"]


def stream_is_console(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _utf8(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "").name == "utf-8"
    except LookupError:
        return False


def _configure(stream: Any) -> None:
    if stream is None or not isinstance(stream, io.TextIOWrapper):
        return  # no stream (windowed exe), or a test's capture object: nothing to change
    try:
        if stream_is_console(stream):
            if stream.errors == "strict":
                stream.reconfigure(errors="backslashreplace")
        elif not _utf8(stream.encoding):
            stream.flush()
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    except (AttributeError, OSError, ValueError):
        pass  # a stream that cannot be reconfigured keeps the emit() fallbacks


def configure_output_streams() -> None:
    """Switch stdout and stderr as described above (call once, before any output)."""
    _configure(sys.stdout)
    _configure(sys.stderr)
