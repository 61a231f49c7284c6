"""Helpers to read a generated PDF back (pypdf)."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

_SPACE = re.compile(r"\s+")


def page_texts(path: Path) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    """Text without any whitespace: wrapped cells come out with line breaks inside words."""
    return _SPACE.sub("", text)


def fonts_in(path: Path) -> dict[str, dict]:
    """``{BaseFont: font dictionary}`` for every font used on any page."""
    found: dict[str, dict] = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts or {}).values():
            font = ref.get_object()
            found[str(font.get("/BaseFont"))] = font
    return found


def is_embedded(font: dict) -> bool:
    """True when the font program is in the file (TrueType: /FontFile2 in the descriptor)."""
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


_FOOTER = re.compile(r"^第 \d+ 页 共 \d+ 页$")


def body_text(pages: list[str], running_header: str, *, table_header: str = "") -> str:
    """All pages' text squashed and joined, without the page furniture (footer, running
    header) and repeated table headers, so that text cut by a page break reads on."""
    parts = []
    for number, text in enumerate(pages):
        lines = [line for line in text.splitlines() if not _FOOTER.match(line.strip())]
        if number and lines and squash(lines[0]) == squash(running_header):
            lines = lines[1:]
        flat = squash("\n".join(lines))
        if number and table_header:
            flat = flat.replace(squash(table_header), "", 1)
        parts.append(flat)
    return "".join(parts)
