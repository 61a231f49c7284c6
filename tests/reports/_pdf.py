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
