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

Fonts by role: ``title`` (方正小标宋 / 黑体), ``body`` (仿宋 / 宋体) and ``table`` (宋体 / 仿宋).
No single font has every character a name may use (刘䶮 needs CJK Ext-A, 王𠀾 Ext-B), so
each role has a *fallback chain*: the other roles' fonts, then fonts that cover the
extension blocks (Windows ``simsunb.ttf`` SimSun-ExtB; Linux ``HanaMinA``/``HanaMinB`` from
Debian's fonts-hanazono). :func:`font_runs` splits text into runs per font; a character no
font has becomes :data:`PLACEHOLDER` and is recorded (:func:`track_missing`) so the user is
told — never dropped silently.

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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

ENV_FONT = "GUILIN_UNION_FONT"
ENV_FONT_DIR = "GUILIN_UNION_FONT_DIR"
FALLBACK_CID_FONT = "STSong-Light"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

# Preferred files, best first (lower-case names). The body of an official document is set in
# 仿宋 or 宋体 (GB/T 9704); titles in 方正小标宋, 黑体 or another bold-looking face.
BODY_PREFERENCE: tuple[str, ...] = (
    "fzfsk.ttf",  # 方正仿宋_GBK
    "simfang.ttf",  # 仿宋
    "fangsong_gb2312.ttf",
    "仿宋_gb2312.ttf",
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
    "fzxbsjw.ttf",  # 方正小标宋简体
    "fzxbsk.ttf",  # 方正小标宋_GBK
    "方正小标宋简体.ttf",
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
# Tables: 宋体 reads best in small sizes; otherwise the body face.
TABLE_PREFERENCE: tuple[str, ...] = ("simsun.ttc", "simsun.ttf", "fzssk.ttf")
# Fonts for characters the role fonts lack (CJK Ext-A/B and beyond), best first. They are
# never a role font: only single characters are drawn from them.
FALLBACK_PREFERENCE: tuple[str, ...] = (
    "simsunb.ttf",  # Windows SimSun-ExtB (Ext-B)
    "simsunextg.ttf",  # Windows 11 SimSun-ExtG (Ext-G and others)
    "hanamina.ttf",  # fonts-hanazono: Ext-A and more
    "hanaminb.ttf",  # fonts-hanazono: Ext-B
)
# Printed where no available font has the character (the traditional 缺字 mark).
PLACEHOLDER = "〓"
_KNOWN = (
    frozenset(BODY_PREFERENCE)
    | frozenset(TITLE_PREFERENCE)
    | frozenset(TABLE_PREFERENCE)
    | frozenset(FALLBACK_PREFERENCE)
)
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
    ``table`` is the table face ("" = the body face); ``fallback_paths`` are font files
    for characters the role fonts lack, loaded only when such a character turns up.
    """

    body: str
    title: str
    body_path: str | None
    title_path: str | None
    embedded: bool
    table: str = ""
    fallback_paths: tuple[str, ...] = ()

    @property
    def table_font(self) -> str:
        return self.table or self.body


@dataclass(frozen=True)
class _Source:
    """A group of candidate files; earlier groups win over later ones."""

    label: str
    files: tuple[Path, ...]


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with characters beyond U+FFFF written as UTF-16 surrogate
    pairs: reportlab writes ``<2003E>``, an odd-length string that text extraction (and
    copy-paste, search) drops — 王𠀾 would read as 王.

    >>> "<00> <D840DC3E>" in _to_unicode_cmap("F", [0x2003E])
    True
    """
    cmap = _original_cmap(fontname, subset)
    if all(v <= 0xFFFF for v in subset):
        return cmap
    lines = cmap.split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar")) + 1
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            hi, lo = 0xD800 + ((v - 0x10000) >> 10), 0xDC00 + ((v - 0x10000) & 0x3FF)
            lines[start + i] = f"<{i:02X}> <{hi:04X}{lo:04X}>"
    return "\n".join(lines)


_original_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up as a module global when saving

_lock = threading.Lock()
_choice: FontChoice | None = None
_loaded: dict[str, str | None] = {}  # resolved path -> registered name (None = unusable)


def register_fonts() -> FontChoice:
    """Find, register (once per process) and return the fonts for body text and titles."""
    global _choice
    with _lock:
        if _choice is None:
            _choice = _choose(list(_candidate_sources()))
            # A table cell without a FONT command would name Helvetica, a font that is never
            # embedded (preflight warns): every cell defaults to the body font instead.
            from reportlab.graphics import shapes
            from reportlab.platypus import tables

            tables.CellStyle.fontname = _choice.body
            # Likewise a chart (Drawing) starts its text state in Helvetica.
            shapes.STATE_DEFAULTS["fontName"] = _choice.body
        return _choice


def reset_font_cache() -> None:
    """Forget the cached choice (tests; or after the user installed a font)."""
    global _choice
    with _lock:
        _choice = None
        _loaded.clear()
        _coverage.clear()
        _chains.clear()
        _primary.clear()


def _choose(sources: list[_Source]) -> FontChoice:
    forced = os.environ.get(ENV_FONT, "").strip()
    if forced:
        name = _load(Path(forced))
        if name:
            return FontChoice(
                name, name, forced, forced, True, fallback_paths=_fallback_paths(sources)
            )
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
    table = _first_usable(sources[: body_index + 1], TABLE_PREFERENCE, known_only=True)
    table_name = table[2] if table else ""
    fallbacks = _fallback_paths(sources)
    if title is None:
        return FontChoice(
            body_name,
            body_name,
            str(body_path),
            str(body_path),
            True,
            table=table_name,
            fallback_paths=fallbacks,
        )
    _, title_path, title_name = title
    return FontChoice(
        body_name,
        title_name,
        str(body_path),
        str(title_path),
        True,
        table=table_name,
        fallback_paths=fallbacks,
    )


def _fallback_paths(sources: list[_Source]) -> tuple[str, ...]:
    """Known extension-block fonts in every source, in :data:`FALLBACK_PREFERENCE` order
    (not parsed here: a 30 MB font is loaded only when a character needs it)."""
    rank = {name: i for i, name in enumerate(FALLBACK_PREFERENCE)}
    found: dict[str, tuple[int, str]] = {}
    for source in sources:
        for path in source.files:
            name = path.name.lower()
            if name in rank and name not in found:
                found[name] = (rank[name], str(path))
    return tuple(p for _, p in sorted(found.values()))


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
        except Exception as exc:  # noqa: BLE001 — reportlab raises TTFError, struct.error, OSError…
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


# ----------------------------------------------------------------- per-character fallback
_coverage: dict[str, frozenset[str] | None] = {}  # registered name -> characters it has
_chains: dict[tuple[FontChoice, str], tuple[tuple[str, frozenset[str]], ...]] = {}
_primary: dict[FontChoice, frozenset[str] | None] = {}
_missing: ContextVar[dict[str, list[str]] | None] = ContextVar("missing_glyphs", default=None)


def coverage(name: str) -> frozenset[str] | None:
    """The characters font ``name`` has a glyph for; None when unknown (a CID font such as
    ``STSong-Light``: it is then trusted with everything). Line breaks count as covered."""
    try:
        return _coverage[name]
    except KeyError:
        pass
    font = pdfmetrics.getFont(name)
    chars: frozenset[str] | None = None
    if isinstance(font, TTFont):
        chars = frozenset(map(chr, font.face.charWidths)) | {"\n"}
    _coverage[name] = chars
    return chars


def _load_fallback(path: Path) -> str | None:
    """Register a fallback font (no Chinese probe: HanaMinB has only Ext-B characters)."""
    key = str(path)
    if key in _loaded:
        return _loaded[key]
    name: str | None = None
    registered = "GU-" + (re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-") or "font")
    try:
        pdfmetrics.registerFont(TTFont(registered, key, subfontIndex=0))
        name = registered
    except Exception as exc:  # noqa: BLE001 — reportlab raises TTFError, struct.error, OSError…
        log.info("后备字体 %s 无法使用：%s", path, exc)
    _loaded[key] = name
    return name


def _chain(choice: FontChoice, font: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Fonts to try, in order, for a character ``font`` lacks."""
    key = (choice, font)
    chain = _chains.get(key)
    if chain is None:
        names = [choice.body, choice.title, choice.table_font]
        with _lock:
            names += [n for n in map(_load_fallback, map(Path, choice.fallback_paths)) if n]
        seen = {font}
        found = []
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            chars = coverage(name)
            if chars is not None:
                found.append((name, chars))
        chain = _chains[key] = tuple(found)
    return chain


def font_runs(text: str, font: str, choice: FontChoice | None = None) -> list[tuple[str, str]]:
    """``text`` cut into ``(font name, piece)`` runs so that every character is drawn from a
    font that has it. Fast path: one run when ``font`` has every character.

    A character no font has becomes :data:`PLACEHOLDER` (in ``font``) and is recorded.
    """
    chars = coverage(font)
    if chars is None or chars.issuperset(text):
        return [(font, text)]
    chain = _chain(choice or register_fonts(), font)
    runs: list[tuple[str, str]] = []
    current_font, current = font, []
    for char in text:
        use = font
        if char not in chars:
            use = next((name for name, have in chain if char in have), "")
            if not use:
                _record_missing(char, text)
                char, use = PLACEHOLDER, font if PLACEHOLDER in chars else _placeholder_font(chain)
        if use != current_font and current:
            runs.append((current_font, "".join(current)))
            current = []
        current_font = use
        current.append(char)
    if current:
        runs.append((current_font, "".join(current)))
    return runs


def _placeholder_font(chain: tuple[tuple[str, frozenset[str]], ...]) -> str:
    return next((name for name, have in chain if PLACEHOLDER in have), chain[0][0] if chain else "")


def markup_runs(text: str, escape: Callable[[str], str]) -> str:
    """Paragraph markup for ``text``: each run escaped, runs outside the role fonts wrapped
    in ``<font name=…>`` so the Paragraph draws them from a font that has them."""
    choice = _choice or register_fonts()
    if choice not in _primary:
        _primary[choice] = _primary_set(choice)
    primary = _primary[choice]
    if primary is None or primary.issuperset(text):
        return escape(text)
    parts = []
    for name, piece in font_runs(text, choice.body, choice):
        if name == choice.body or coverage(name) is None:
            parts.append(escape(piece))
        else:
            parts.append(f'<font name="{name}">{escape(piece)}</font>')
    return "".join(parts)


def _primary_set(choice: FontChoice) -> frozenset[str] | None:
    """Characters every role font has: text made only of these needs no font runs."""
    sets = [coverage(n) for n in {choice.body, choice.title, choice.table_font}]
    if any(s is None for s in sets):
        return None
    result = sets[0]
    for other in sets[1:]:
        result = result & other  # type: ignore[operator]
    return result


def string_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` drawn with :func:`draw_string` (each run in its own font)."""
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in font_runs(text, font))


def draw_string(
    canvas: object, x: float, y: float, text: str, font: str, size: float, align: str = "left"
) -> float:
    """``canvas.drawString`` with per-character font fallback; ``align`` "left", "center" or
    "right" of ``x``. Leaves ``font`` set on the canvas. Returns the drawn width."""
    runs = font_runs(text, font)
    widths = [pdfmetrics.stringWidth(piece, name, size) for name, piece in runs]
    total = sum(widths)
    if align == "center":
        x -= total / 2
    elif align == "right":
        x -= total
    for (name, piece), width in zip(runs, widths):
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += width
    if len(runs) > 1:
        canvas.setFont(font, size)  # type: ignore[attr-defined]
    return total


_unreported: dict[str, list[str]] = {}
_unreported_lock = threading.Lock()


def take_unreported() -> dict[str, list[str]]:
    """Characters replaced by the placeholder outside any :func:`track_missing` block since
    the last call (the GUI asks after writing a printout and tells the user)."""
    with _unreported_lock:
        found = dict(_unreported)
        _unreported.clear()
    return found


@contextmanager
def track_missing() -> Iterator[dict[str, list[str]]]:
    """Collect characters no font has while the block runs: ``{character: [texts]}``.

    >>> with track_missing() as missing:
    ...     _record_missing("\U000f0000", "张\U000f0000")
    >>> missing
    {'\U000f0000': ['张\U000f0000']}
    """
    found: dict[str, list[str]] = {}
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def _record_missing(char: str, text: str) -> None:
    found = _missing.get()
    if found is None:
        # No tracker (a GUI worker thread): kept for the GUI to show (take_unreported).
        with _unreported_lock:
            texts = _unreported.setdefault(char, [])
            if text not in texts:
                texts.append(text)
        log.warning(
            "字符“%s”（U+%04X，见“%s”）在所有可用字体中都没有字形，已印成“%s”",
            char,
            ord(char),
            text,
            PLACEHOLDER,
        )
        return
    texts = found.setdefault(char, [])
    if text not in texts:
        texts.append(text)


def missing_message(found: dict[str, list[str]]) -> str:
    """A Chinese warning naming each missing character and where it occurs ("" if none).

    >>> missing_message({"\U000f0000": ["张\U000f0000"]}).startswith("警告：以下字符")
    True
    """
    if not found:
        return ""
    items = []
    for char, texts in found.items():
        where = "、".join(f"“{t}”" for t in texts[:5]) + ("等" if len(texts) > 5 else "")
        items.append(f"{char}（U+{ord(char):04X}，见 {where}）")
    return (
        f"警告：以下字符在本机所有字体中都没有字形，打印件中已用“{PLACEHOLDER}”代替，"
        f"请手工补写或安装含该字的字体（如 Windows 的 SimSun-ExtB）：" + "；".join(items)
    )


def missing_json(found: dict[str, list[str]]) -> list[dict[str, object]]:
    """The same for a JSON result: ``[{"char", "codepoint", "texts"}]``."""
    return [{"char": c, "codepoint": f"U+{ord(c):04X}", "texts": list(t)} for c, t in found.items()]
