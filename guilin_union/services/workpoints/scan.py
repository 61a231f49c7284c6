"""Work points from a scanned document (issue 25): OCR (``services.ocr``), then the same
parser as text documents, with the red header's issuer kept when the text has none.

The GUI shows the recognised lines first (uncertain characters highlighted) and parses the
user's corrected lines (``ocr.corrected_text``) like pasted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guilin_union.services import ocr
from guilin_union.services.workpoints.importer import ImportPreview, preview_text

__all__ = ["ScanPreview", "preview_scan", "scan_source_name"]


@dataclass
class ScanPreview:
    preview: ImportPreview
    scan: ocr.ScanResult


def scan_source_name(paths: str | Path | Sequence[str | Path]) -> str:
    """The source name: "要点.pdf", or "p1.jpg 等 3 张图片" for several photos."""
    if isinstance(paths, (str, Path)):
        return Path(paths).name
    names = [Path(p).name for p in paths]
    return names[0] if len(names) == 1 else f"{names[0]} 等 {len(names)} 张图片"


def _with_issuer(preview: ImportPreview, scan: ocr.ScanResult) -> ImportPreview:
    if preview.parsed.meta.issuer is None and scan.issuer:
        preview.parsed.meta.issuer = scan.issuer
    return preview


def preview_scan(
    paths: str | Path | Sequence[str | Path], progress: ocr.Progress | None = None
) -> ScanPreview:
    """OCR of a scanned PDF or photos, parsed like a text document."""
    scan = ocr.read_scan(paths, progress)
    return ScanPreview(_with_issuer(preview_text(scan.text, scan_source_name(paths)), scan), scan)
