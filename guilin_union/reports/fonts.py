"""Finding a Chinese TrueType font to embed in every PDF.

A PDF whose Chinese font is not embedded prints blank boxes on a PC without that font, so we
look hard for a TrueType font (reportlab embeds a subset of it) and fall back to reportlab's
built-in, non-embedded ``STSong-Light`` only when nothing else works.

Search order (first usable font wins; "usable" = reportlab can load it and it has Chinese
glyphs — reportlab cannot read CFF/OTF outlines such as Noto Sans CJK ``.otf``/``.ttc``):

1. ``GUILIN_UNION_FONT`` — one ``.ttf``/``.ttc`` file, used for body and title;
2. ``GUILIN_UNION_FONT_DIR`` — a folder of font files;
3. Windows ``C:\\Windows\\Fonts`` (and the per-user font folder): 仿宋 ``simfang.ttf`` /
   宋体 ``simsun.ttc`` for the body, 黑体 ``simhei.ttf`` / 微软雅黑 ``msyh.ttc`` for titles;
4. the program's own ``resources/fonts`` folder (repository root, or next to the executable /
   inside ``sys._MEIPASS`` in a PyInstaller bundle);
5. common Linux/macOS font folders and ``fc-list :lang=zh file``.

>>> choice = register_fonts()          # doctest: +SKIP
>>> choice.embedded, choice.body       # doctest: +SKIP
(True, 'GU-wqy-microhei')
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

ENV_FONT = "GUILIN_UNION_FONT"
ENV_FONT_DIR = "GUILIN_UNION_FONT_DIR"
FALLBACK_CID_FONT = "STSong-Light"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

# Preferred files, best first (lower-case names). The body of an official document is set in
# 仿宋 or 宋体 (GB/T 9704); titles in 黑体 or another bold-looking face.
BODY_PREFERENCE: tuple[str, ...] = (
    "simfang.ttf",
    "simsun.ttc",
    "simsun.ttf",
    "simkai.ttf",
    "lxgwwenkai-regular.ttf",
    "lxgwwenkaigb-regular.ttf",
    "lxgwwenkaiscreen.ttf",
    "ukai.ttc",
    "uming.ttc",
    "msyh.ttc",
    "msyh.ttf",
    "simhei.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "droidsansfallbackfull.ttf",
    "droidsansfallback.ttf",
    "notosanscjk-regular.ttc",
    "notosanscjksc-regular.otf",
    "songti.ttc",
    "stheiti light.ttc",
    "stheiti medium.ttc",
    "arial unicode.ttf",
)
TITLE_PREFERENCE: tuple[str, ...] = (
    "simhei.ttf",
    "msyhbd.ttc",
    "msyhbd.ttf",
    "msyh.ttc",
    "msyh.ttf",
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "lxgwwenkai-bold.ttf",
    "lxgwwenkaigb-bold.ttf",
    "stheiti medium.ttc",
    "droidsansfallbackfull.ttf",
    "droidsansfallback.ttf",
    "notosanscjk-bold.ttc",
)
_KNOWN = frozenset(BODY_PREFERENCE) | frozenset(TITLE_PREFERENCE)
# A font must contain these to count as Chinese (a Latin-only file in the font folder must
# not be chosen and then print empty boxes).
_PROBE_CHARS = "会员号"

_SYSTEM_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
)


@dataclass(frozen=True)
class FontChoice:
    """The registered reportlab font names and the files they came from.

    ``embedded`` is False only for the ``STSong-Light`` last resort (paths are then None).
    """

    body: str
    title: str
    body_path: str | None
    title_path: str | None
    embedded: bool


@dataclass(frozen=True)
class _Source:
    """A group of candidate files; earlier groups win over later ones."""

    label: str
    files: tuple[Path, ...]


_lock = threading.Lock()
_choice: FontChoice | None = None
_loaded: dict[str, str | None] = {}  # resolved path -> registered name (None = unusable)


def register_fonts() -> FontChoice:
    """Find, register (once per process) and return the fonts for body text and titles."""
    global _choice
    with _lock:
        if _choice is None:
            _choice = _choose(list(_candidate_sources()))
        return _choice


def reset_font_cache() -> None:
    """Forget the cached choice (tests; or after the user installed a font)."""
    global _choice
    with _lock:
        _choice = None
        _loaded.clear()


def _choose(sources: list[_Source]) -> FontChoice:
    forced = os.environ.get(ENV_FONT, "").strip()
    if forced:
        name = _load(Path(forced))
        if name:
            return FontChoice(name, name, forced, forced, True)
        log.warning(
            "环境变量 %s 指定的字体“%s”无法使用（不存在、不是 TrueType 字体或不含中文），改为自动查找",
            ENV_FONT,
            forced,
        )

    body = _first_usable(sources, BODY_PREFERENCE)
    if body is None:
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
        log.warning(
            "未找到可嵌入的中文 TrueType 字体，改用内置字体 %s（不嵌入 PDF，"
            "在没有中文字体的电脑上可能显示为空白）。可安装“文泉驿微米黑”或设置环境变量 %s。",
            FALLBACK_CID_FONT,
            ENV_FONT_DIR,
        )
        return FontChoice(FALLBACK_CID_FONT, FALLBACK_CID_FONT, None, None, False)
    body_index, body_path, body_name = body
    # A title face is taken from the same or a better source only, and only if it is a known
    # bold-looking face; otherwise the title uses the body font.
    title = _first_usable(sources[: body_index + 1], TITLE_PREFERENCE, known_only=True)
    if title is None:
        return FontChoice(body_name, body_name, str(body_path), str(body_path), True)
    _, title_path, title_name = title
    return FontChoice(body_name, title_name, str(body_path), str(title_path), True)


def _first_usable(
    sources: list[_Source], preference: tuple[str, ...], *, known_only: bool = False
) -> tuple[int, Path, str] | None:
    rank = {name: i for i, name in enumerate(preference)}
    for index, source in enumerate(sources):
        files = [f for f in source.files if not known_only or f.name.lower() in rank]
        files.sort(key=lambda f: rank.get(f.name.lower(), len(rank)))
        for path in files:
            name = _load(path)
            if name:
                return index, path, name
    return None


def _load(path: Path) -> str | None:
    """Register ``path`` as a TrueType font; None if reportlab cannot use it for Chinese."""
    try:
        key = str(path.resolve())
    except OSError:
        return None
    if key in _loaded:
        return _loaded[key]
    name: str | None = None
    if path.is_file():
        registered = "GU-" + (re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-") or "font")
        if registered in _loaded.values():  # same file name in two folders
            registered += f"-{len(_loaded)}"
        try:
            # subfontIndex=0: the first face of a .ttc (宋体 in simsun.ttc, 微软雅黑 in msyh.ttc).
            font = TTFont(registered, str(path), subfontIndex=0)
            if all(ord(c) in font.face.charWidths for c in _PROBE_CHARS):
                pdfmetrics.registerFont(font)
                name = registered
            else:
                log.info("字体 %s 不含中文字形，跳过", path)
        except Exception as exc:  # reportlab raises TTFError, struct.error, OSError…
            # CFF/OTF outlines (Noto Sans CJK) end up here: "postscript outlines are not supported".
            log.info("字体 %s 无法使用：%s", path, exc)
    _loaded[key] = name
    return name


def _candidate_sources() -> Iterator[_Source]:
    """Groups of candidate font files in search order (cheap: no font is parsed here)."""
    env_dir = os.environ.get(ENV_FONT_DIR, "").strip()
    if env_dir:
        yield _Source("env", tuple(_font_files(Path(env_dir))))
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        user = (
            Path(os.environ.get("LOCALAPPDATA", "~")).expanduser()
            / "Microsoft"
            / "Windows"
            / "Fonts"
        )
        # Only known names: a Windows font folder holds hundreds of Latin fonts.
        yield _Source("windows", tuple(_known_files([windows, user])))
    yield _Source("resources", tuple(f for d in _resource_dirs() for f in _font_files(d)))
    if sys.platform != "win32":
        system = list(_known_files_recursive(Path(d).expanduser() for d in _SYSTEM_DIRS))
        yield _Source("system", tuple(_dedupe(system + _fc_list())))


def _resource_dirs() -> list[Path]:
    dirs = [Path(__file__).resolve().parents[2] / "resources" / "fonts"]
    meipass = getattr(sys, "_MEIPASS", None)  # set inside a PyInstaller bundle
    if meipass:
        dirs.append(Path(meipass) / "resources" / "fonts")
    if getattr(sys, "frozen", False):
        dirs.append(Path(sys.executable).resolve().parent / "resources" / "fonts")
    return dirs


def _font_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
    except OSError:
        return []


def _known_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        for name in sorted(_KNOWN):
            path = folder / name
            if path.is_file():
                yield path


def _known_files_recursive(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower() in _KNOWN:
                    yield Path(root) / name


def _fc_list() -> list[Path]:
    """Chinese fonts fontconfig knows about (Linux; absent on Windows and most Macs)."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = []
    for line in out.splitlines():
        path = line.strip().rstrip(":").strip()
        if path.lower().endswith(FONT_SUFFIXES):
            paths.append(Path(path))
    return sorted(paths)


def _dedupe(paths: Iterable[Path]) -> list[Path]:
    seen: set[str] = set()
    result = []
    for path in paths:
        key = str(path)
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result
