"""Default file names that Windows accepts, made from titles the user typed (issue 14).

A congress called "第六届第三次会议（2024/2025学年）" must not propose the file name
``…2024/2025学年…议程.pdf``: Windows forbids ``/ \\ : * ? " < > |``, control characters,
names ending in a dot or a space, and the device names CON, PRN, AUX, NUL, COM1–COM9,
LPT1–LPT9 (with any extension: ``CON.pdf`` is the console too).

>>> safe_file_name("第六届第三次会议（2024/2025学年）议程.pdf")
'第六届第三次会议（2024-2025学年）议程.pdf'
>>> safe_file_name('提案: "食堂"? <急>|*.xlsx')
'提案_ _食堂__ _急___.xlsx'
>>> safe_file_name("CON.pdf"), safe_file_name("com1"), safe_file_name("会议. . ")
('_CON.pdf', '_com1', '会议')
>>> safe_file_name("  ", fallback="会议")
'会议'
"""

from __future__ import annotations

import re

__all__ = ["FORBIDDEN_CHARACTERS", "RESERVED_NAMES", "safe_file_name"]

FORBIDDEN_CHARACTERS = '<>:"/\\|?*'
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)
# Keep names well inside MAX_PATH (260) once a folder is in front of them.
MAX_NAME_LENGTH = 120
_BAD = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')
_SLASHES = re.compile(r"\s*[/\\]+\s*")


def safe_file_name(text: str, *, fallback: str = "文件") -> str:
    """``text`` as one file name Windows accepts (the extension, if any, is kept).

    Slashes become ``-`` (``2024/2025`` reads as a range), other forbidden characters ``_``;
    trailing dots and spaces go; a reserved device name gets a ``_`` in front; very long
    names are shortened before the extension. An empty result becomes ``fallback``.
    """
    name = " ".join(str(text or "").split())  # tabs, line breaks, runs of spaces
    name = _SLASHES.sub("-", name)
    name = _BAD.sub("_", name)
    name = name.rstrip(". ").lstrip()
    if not name or set(name) <= {".", "_", "-", " "}:
        name = fallback
    stem, dot, suffix = name.partition(".")
    if stem.rstrip(" ").upper() in RESERVED_NAMES:
        name = "_" + name
    if len(name) > MAX_NAME_LENGTH:
        base, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 5:
            name = base[: MAX_NAME_LENGTH - len(ext) - 2].rstrip(". ") + "…." + ext
        else:
            name = name[: MAX_NAME_LENGTH - 1].rstrip(". ") + "…"
    return name
