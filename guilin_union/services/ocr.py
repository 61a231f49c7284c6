"""Reading scanned documents offline (issue 25): image-only PDFs and photos → text for the
work-points parser, with every uncertain line kept for checking.

The engine is PP-OCR (the models inside the ``rapidocr-onnxruntime`` wheel) run by
onnxruntime, numpy, Pillow and pyclipper in :mod:`guilin_union.services.ocr_engine` (no
OpenCV; nothing is downloaded). It is loaded on first use (:func:`engine`), never at
start-up. PDF pages are rendered with pypdfium2 (no poppler).

What happens to a page (:func:`recognise_page`):

1. photos are turned by their EXIF orientation; a page whose text lines stand upright
   (turned by 90°) is turned back, the engine's angle classifier telling 90° from 270°;
2. the engine finds and reads the lines (with a confidence per character; its per-line
   angle classifier is not used: it turns some long upright lines of a print upside down);
3. layout (:func:`page_paragraphs`): boxes on one row are joined, two columns are read
   left then right, running heads/footers and page numbers are dropped, and wrapped lines
   are joined into paragraphs (a paragraph starts at an indent, after a short line or a
   gap), one paragraph per line of text — what the text importer expects;
4. the red header (发文机关标志) is read into ``issuer`` and the 文号's bracket
   confusions (【〕, [ ], ﹝﹞ …) are normalised to 〔〕.

>>> normalize_doc_number("桂教工字〔2025】9号")
'桂教工字〔2025〕9号'
>>> normalize_doc_number("桂院工[2024]1 号")
'桂院工〔2024〕1号'
>>> is_page_number("一 3 一"), is_page_number("- 12 -"), is_page_number("第2页 共3页"), is_page_number("一、总体要求")
(True, True, True, False)
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guilin_union.core.errors import ValidationError
from guilin_union.services.document_limits import pdf_probe

__all__ = [
    "IMAGE_SUFFIXES",
    "LOW_CONFIDENCE",
    "OcrLine",
    "OcrPage",
    "ScanResult",
    "engine",
    "engine_available",
    "is_page_number",
    "is_scan",
    "load_pages",
    "normalize_doc_number",
    "page_paragraphs",
    "read_scan",
    "recognise_page",
    "text_is_usable",
]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp")
#: A character or line read with less confidence than this is shown for checking.
LOW_CONFIDENCE = 0.9
RENDER_DPI = 150
MAX_PAGES = 60  # a work-points document is a few pages; OCR takes seconds per page
MAX_SIDE = 3000  # photos are scaled down to this (the engine works at ~2000 px anyway)
MAX_PIXELS = 80_000_000  # anything larger is not a photo of a page

Progress = Callable[[int, int], None]

_DOC_NUMBER_RE = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,12})\s*[〔［\[【﹝(（{｛]\s*(?P<year>\d{4})\s*[〕］\]】﹞)）}｝]"
    r"\s*(?P<di>第?)\s*(?P<no>\d{1,5})\s*号"
)
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－一_~～·.\s]*\d{1,3}[-—–－一_~～·.\s]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})$"
)
_NUMBERED_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、，.．]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、]|[（(]\d{1,2}[)）])"
)
_CLOSERS = "。；;：:！？!?」”）)"


def normalize_doc_number(text: str) -> str:
    """A line with its 文号's brackets and spacing made regular: 〔2025〕9号."""
    return _DOC_NUMBER_RE.sub(
        lambda m: f"{m['org']}〔{m['year']}〕{m['di']}{m['no']}号", text, count=1
    )


def is_page_number(text: str) -> bool:
    """A page number as printed ("— 3 —", "- 3 -", "3", "第3页 共5页", "3/5")."""
    return _PAGE_NUMBER_RE.match(text.strip()) is not None


# --------------------------------------------------------------------------- engine
def engine_available() -> bool:
    """Whether the OCR engine (models and onnxruntime) is installed (it is in the bundle)."""
    try:
        from guilin_union.services import ocr_engine
    except ImportError:  # numpy left out (a bundle built without OCR)
        return False
    return ocr_engine.available()


def engine() -> Any:
    """The OCR engine (:class:`~guilin_union.services.ocr_engine.OcrEngine`), loaded once on
    first use (a second or two; models from the wheel or the bundle)."""
    if not engine_available():
        raise ValidationError(
            "本程序未安装文字识别（OCR）组件，无法读取扫描件或照片，请提供 Word 或文本版本",
            "path",
        )
    from guilin_union.services import ocr_engine

    return ocr_engine.shared()


# --------------------------------------------------------------------------- data
@dataclass
class OcrLine:
    """One line of text on a page: its text, box (x0, y0, x1, y1 in page pixels) and the
    confidence of the line and of each character (0–1)."""

    text: str
    box: tuple[float, float, float, float]
    confidence: float
    char_confidences: tuple[float, ...] = ()
    red: bool = False

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    def uncertain_chars(self, threshold: float = LOW_CONFIDENCE) -> list[int]:
        """Indexes of the characters read with less than ``threshold``."""
        if len(self.char_confidences) != len(self.text):
            return list(range(len(self.text))) if self.confidence < threshold else []
        return [i for i, c in enumerate(self.char_confidences) if c < threshold]


@dataclass
class OcrPage:
    """A page as read: its upright image (PIL), the lines in reading order, the lines taken
    out as running heads/footers/page numbers, and how much it was turned."""

    number: int
    image: Any
    lines: list[OcrLine]
    rotation: int = 0
    dropped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    typed: list[str] | None = None  # the user's own lines, a paragraph each


@dataclass
class ScanResult:
    """A scanned document read page after page."""

    pages: list[OcrPage]
    text: str
    issuer: str | None = None

    def low_confidence(self, threshold: float = LOW_CONFIDENCE) -> list[dict[str, Any]]:
        """Lines with a character below ``threshold``: page, line (1-based, in reading
        order on that page), text and the lowest confidence in it."""
        found = []
        for page in self.pages:
            for index, line in enumerate(page.lines, start=1):
                if line.uncertain_chars(threshold):
                    low = min(line.char_confidences or (line.confidence,))
                    found.append(
                        {
                            "page": page.number,
                            "line": index,
                            "text": line.text,
                            "confidence": round(float(low), 3),
                        }
                    )
        return found

    def to_json(self) -> dict[str, Any]:
        """The ``"ocr"`` part of ``workpoints import --json``."""
        return {"pages": len(self.pages), "low_confidence": self.low_confidence()}


# --------------------------------------------------------------------------- input
@pdf_probe(default=True)  # pypdf limits; a bomb is reported by the text reader (issue 18)
def _pdf_text_usable(path: Path) -> bool:
    """Whether a PDF has a text layer worth parsing (not empty, not garbage)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            return True  # the text reader says what is wrong
        text = "".join((page.extract_text() or "") for page in reader.pages[:MAX_PAGES])
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return True  # let the text reader report the damage
    return text_is_usable(text)


def text_is_usable(text: str) -> bool:
    """Text with enough Chinese characters or words; a layer of private-use glyphs, control
    characters or replacement marks (fonts without a ToUnicode map) is garbage."""
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return False
    if len(letters) < 10:
        return True  # a short note is text, not a scan
    good = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalnum())
    return good / len(letters) >= 0.5


def is_scan(path: str | Path) -> bool:
    """Whether ``path`` is read by OCR: a photo (.png/.jpg…) or a PDF without usable text."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return True
    return suffix == ".pdf" and path.is_file() and not _pdf_text_usable(path)


def _open_image(path: Path) -> Any:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise ValidationError(f"图片“{path.name}”过大，不像是一页文件的照片", "path")
            # The phone's orientation tag turns the picture the right way round.
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(
            f"无法读取图片“{path.name}”（可能已损坏或不是图片）", "path"
        ) from None
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    return image


def load_pages(paths: str | Path | Sequence[str | Path], dpi: int = RENDER_DPI) -> list[Any]:
    """The pages of a PDF (rendered at ``dpi``) or of one or several photos, in order, as
    upright-by-EXIF RGB PIL images."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    images: list[Any] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise ValidationError(f"找不到文件：{path}", "path")
        if path.suffix.lower() == ".pdf":
            images += _render_pdf(path, dpi)
        elif path.suffix.lower() in IMAGE_SUFFIXES:
            images.append(_open_image(path))
        else:
            raise ValidationError(f"不支持的文件类型“{path.suffix}”：请选择 PDF 或图片", "path")
        if len(images) > MAX_PAGES:
            raise ValidationError(f"页数超过 {MAX_PAGES} 页，不像是一份工作要点文件", "path")
    return images


def _render_pdf(path: Path, dpi: int) -> list[Any]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise ValidationError("无法读取该 PDF 文件（可能已损坏或已加密）", "path") from None
    try:
        if len(document) > MAX_PAGES:
            raise ValidationError(f"页数超过 {MAX_PAGES} 页，不像是一份工作要点文件", "path")
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


# --------------------------------------------------------------------------- recognition
MIN_LINE_SCORE = 0.5  # the engine's own cut-off: below it a "line" is mostly noise
Fraction = Callable[[float], None]


def _line(box: Sequence[Sequence[float]], text: str = "", score: float = 0.0) -> OcrLine:
    xs = [p[0] for p in box]
    ys = [p[1] for p in box]
    return OcrLine(text, (min(xs), min(ys), max(xs), max(ys)), score)


def _run(image: Any, progress: Fraction | None = None, detection: Any = None) -> list[OcrLine]:
    """The engine's readable lines on ``image`` (unordered). The engine's per-line angle
    classifier is not used: it turns some long upright lines of a printed page upside down
    (then read as nothing); the page is turned as a whole instead."""
    lines = []
    for found in engine().read(image, progress, detection):
        if found.score < MIN_LINE_SCORE or not found.text.strip():
            continue
        line = _line(found.box, found.text, found.score)
        if len(found.char_scores) == len(found.text):
            line.char_confidences = found.char_scores
        lines.append(line)
    return lines


def _sideways(lines: list[OcrLine]) -> bool:
    """Most text boxes taller than wide: the page is turned by 90°."""
    tall = sum(1 for ln in lines if ln.height > 1.5 * (ln.box[2] - ln.box[0]))
    return len(lines) >= 3 and tall > len(lines) / 2


def _upside_down(image: Any, detection: Any) -> bool:
    """The engine's angle classifier on the widest lines (of ``detection``, the engine's
    text boxes on ``image``): most read as turned by 180°."""
    ocr = engine()
    boxes = detection.boxes
    if not boxes:
        return False
    boxes = sorted(boxes, key=lambda b: -(max(p[0] for p in b) - min(p[0] for p in b)))[:12]
    crops = []
    for b in boxes:
        x0, y0 = min(p[0] for p in b), min(p[1] for p in b)
        x1, y1 = max(p[0] for p in b), max(p[1] for p in b)
        crops.append(image.crop((int(x0), int(y0), int(x1) + 1, int(y1) + 1)))
    labels = ocr.classify(crops)
    flipped = sum(1 for label, score in labels if label == "180" and score >= 0.5)
    return flipped > len(labels) / 2


def recognise_page(image: Any, number: int = 1, progress: Fraction | None = None) -> OcrPage:
    """OCR of one page image: orientation corrected, lines in reading order, furniture out.

    ``progress(fraction)`` (0–1 of this page) is called after detection and after each
    batch of recognised lines; it may raise to stop the page (cancel)."""
    import time

    started = time.perf_counter()

    def part(low: float, high: float) -> Fraction | None:
        if progress is None:
            return None
        return lambda f: progress(low + (high - low) * f)

    rotation = 0
    detection = engine().detect(image)
    if progress is not None:
        progress(0.1)
    if _sideways([_line(box) for box in detection.boxes]):
        image = image.rotate(-90, expand=True)  # clockwise: text read top to bottom
        rotation = 90
        detection = engine().detect(image)
        if progress is not None:
            progress(0.2)
        if _upside_down(image, detection):
            image = image.rotate(180, expand=True)
            rotation = 270
            detection = None
        lines = _run(image, part(0.2, 1.0), detection)
    else:
        lines = _run(image, part(0.1, 0.9), detection)
        if (
            lines
            and statistics.median(ln.confidence for ln in lines) < 0.75
            and _upside_down(image, detection)
        ):
            image = image.rotate(180, expand=True)
            rotation = 180
            lines = _run(image, part(0.9, 1.0))
    _mark_red(image, lines)
    page = OcrPage(number, image, lines, rotation)
    page.seconds = time.perf_counter() - started
    return page


def _mark_red(image: Any, lines: list[OcrLine]) -> None:
    """Flag lines printed in red (the 红头's 发文机关标志) in the top third of the page."""
    import numpy as np

    pixels = np.asarray(image.convert("RGB"))
    for line in lines:
        if line.box[1] > image.height / 3:
            continue
        x0, y0, x1, y1 = (int(v) for v in line.box)
        area = pixels[y0:y1, x0:x1].astype(int)
        if area.size == 0:
            continue
        red = (area[..., 0] > 150) & (area[..., 1] < 110) & (area[..., 2] < 110)
        dark = area.sum(axis=2) < 600
        line.red = bool(red.sum() > 0.5 * max(1, dark.sum()))


# --------------------------------------------------------------------------- layout
def _same_row(a: OcrLine, b: OcrLine) -> bool:
    overlap = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    return overlap > 0.5 * min(a.height, b.height)


def _merge_rows(lines: list[OcrLine]) -> list[OcrLine]:
    """Boxes on one row (the engine may split a line) joined left to right."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1], ln.box[0])):
        for row in rows:
            if _same_row(row[-1], line):
                row.append(line)
                break
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda ln: ln.box[0])
        if len(row) == 1:
            merged.append(row[0])
            continue
        height = statistics.median(ln.height for ln in row)
        text, chars = row[0].text, list(row[0].char_confidences)
        for left, right in zip(row, row[1:]):
            gap = " " if right.box[0] - left.box[2] > 1.5 * height else ""
            text += gap + right.text
            chars += [1.0] * len(gap) + list(right.char_confidences)
        box = (
            min(ln.box[0] for ln in row),
            min(ln.box[1] for ln in row),
            max(ln.box[2] for ln in row),
            max(ln.box[3] for ln in row),
        )
        merged.append(
            OcrLine(
                text,
                box,
                min(ln.confidence for ln in row),
                tuple(chars) if len(chars) == len(text) else (),
                any(ln.red for ln in row),
            )
        )
    return merged


def _columns(lines: list[OcrLine], width: float) -> list[OcrLine]:
    """Reading order: top to bottom; where the page has two columns (a gutter no line
    crosses, with lines on both sides), the left column before the right one."""
    if len(lines) < 6:
        return sorted(lines, key=lambda ln: ln.box[1])
    best = None
    for x in range(int(width * 0.3), int(width * 0.7), 4):
        left = sum(1 for ln in lines if ln.box[2] < x)
        right = sum(1 for ln in lines if ln.box[0] > x)
        crossing = len(lines) - left - right
        if left >= 3 and right >= 3 and crossing <= len(lines) * 0.2:
            score = min(left, right) - 3 * crossing
            if best is None or score > best[0]:
                best = (score, x)
    if best is None:
        return sorted(lines, key=lambda ln: ln.box[1])
    gutter = best[1]
    ordered: list[OcrLine] = []
    band: list[OcrLine] = []
    for line in sorted(lines, key=lambda ln: ln.box[1]):
        if line.box[0] < gutter < line.box[2]:  # full width: ends a band of columns
            ordered += sorted(band, key=lambda ln: (ln.box[0] > gutter, ln.box[1]))
            band = []
            ordered.append(line)
        else:
            band.append(line)
    return ordered + sorted(band, key=lambda ln: (ln.box[0] > gutter, ln.box[1]))


def _drop_furniture(pages: list[OcrPage]) -> None:
    """Page numbers, and running heads/footers (the same text near the top or bottom edge
    of two or more pages), are taken out of the pages' lines."""
    edge_texts: dict[str, int] = {}
    for page in pages:
        height = page.image.height
        for line in page.lines:
            if line.box[3] < height * 0.1 or line.box[1] > height * 0.9:
                key = re.sub(r"\s+", "", line.text)
                edge_texts[key] = edge_texts.get(key, 0) + 1
    for page in pages:
        height = page.image.height
        kept = []
        for line in page.lines:
            at_edge = line.box[3] < height * 0.1 or line.box[1] > height * 0.9
            key = re.sub(r"\s+", "", line.text)
            if at_edge and (is_page_number(line.text) or edge_texts.get(key, 0) >= 2):
                page.dropped.append(line.text)
            else:
                kept.append(line)
        page.lines = kept


def page_paragraphs(lines: list[OcrLine], width: float) -> list[str]:
    """The lines of a page (in reading order) joined into paragraphs: a paragraph starts at
    an indented or centred line, after a line that stops short of the right margin, after a
    gap, or at a red line."""
    if not lines:
        return []
    height = statistics.median(ln.height for ln in lines)
    left = min(
        statistics.median_low(ln.box[0] for ln in lines), min(ln.box[0] for ln in lines) + height
    )
    long_ends = sorted(ln.box[2] for ln in lines)
    right = long_ends[int(len(long_ends) * 0.8)] if len(long_ends) > 2 else long_ends[-1]
    pitches = [b.box[1] - a.box[1] for a, b in zip(lines, lines[1:]) if b.box[1] > a.box[1]]
    pitch = statistics.median(pitches) if pitches else 2 * height
    paragraphs: list[str] = []
    previous: OcrLine | None = None
    for line in lines:
        text = line.text.strip()
        starts = previous is None
        if previous is not None:
            indented = line.box[0] > left + 0.8 * height
            short = previous.box[2] < right - 1.5 * height
            gap = line.box[1] - previous.box[1] > 1.6 * pitch or line.box[1] < previous.box[1]
            starts = (
                indented
                or short
                or gap
                or line.red != previous.red
                or (
                    previous.text.rstrip()[-1:] in _CLOSERS
                    and _NUMBERED_START_RE.match(text) is not None
                )
            )
        if starts or not paragraphs:
            paragraphs.append(text)
        else:
            paragraphs[-1] += text
        previous = line
    return paragraphs


def _document_text(pages: list[OcrPage], *, arrange: bool = True) -> tuple[str, str | None]:
    """(text for the parser, issuer read from the red header). ``arrange`` puts each page's
    lines into reading order first (once: later calls keep the order)."""
    paragraphs: list[str] = []
    issuer = None
    for page in pages:
        if arrange:
            page.lines = _columns(_merge_rows(page.lines), page.image.width)
        lines = page.lines
        page_text = (
            page.typed if page.typed is not None else page_paragraphs(lines, page.image.width)
        )
        for index, paragraph in enumerate(page_text):
            if page.number == 1 and index < 4:
                paragraph = normalize_doc_number(paragraph)
            if (
                paragraphs
                and page.number > 1
                and index == 0
                and _continues(paragraphs[-1], paragraph)
            ):
                paragraphs[-1] += paragraph  # a paragraph running on from the page before
            else:
                paragraphs.append(paragraph)
        if page.number == 1:
            red = "".join(ln.text for ln in lines if ln.red)
            if red:
                issuer = red.removesuffix("文件").strip() or None
    return "\n".join(paragraphs), issuer


def _continues(before: str, first: str) -> bool:
    """Whether the first line of a page carries on the last paragraph of the page before
    (which stops mid-sentence and the new line is not numbered)."""
    return (
        before[-1:] not in _CLOSERS and _NUMBERED_START_RE.match(first) is None and len(before) > 20
    )


def corrected_text(scan: ScanResult, corrections: dict[int, list[str]]) -> str:
    """The document's text after the user corrected lines: ``corrections`` maps a page
    number to that page's lines (one per recognised line, in order). A corrected line keeps
    its place and is trusted (confidence 1); a page whose line count changed is taken as
    typed, a paragraph per line."""
    for page in scan.pages:
        edited = corrections.get(page.number)
        if edited is None:
            continue
        if len(edited) == len(page.lines):
            for line, text in zip(page.lines, edited):
                if line.text != text:
                    line.text = text
                    line.confidence = 1.0
                    line.char_confidences = tuple(1.0 for _ in text)
        else:
            page.typed = [t.strip() for t in edited if t.strip()]
    scan.text, issuer = _document_text(scan.pages, arrange=False)
    scan.issuer = scan.issuer or issuer
    return scan.text


#: Progress steps of one page in :func:`read_scan` (detection, then the recognition batches).
PAGE_STEPS = 20


def read_scan(
    paths: str | Path | Sequence[str | Path],
    progress: Progress | None = None,
) -> ScanResult:
    """OCR of a scanned PDF or of one or several photos (pages in the order given).

    ``progress(done, total)`` counts in steps: ``total`` is ``pages × PAGE_STEPS`` and page
    *n* (from 0) runs from ``n × PAGE_STEPS`` to ``(n + 1) × PAGE_STEPS``. It is called
    before each page, after the page's text boxes are found, after every batch of six lines
    read (so every second or so) and at the end; it may raise to cancel (the UI's runner
    does), which stops the work within the page.
    """
    images = load_pages(paths)
    if not images:
        raise ValidationError("文件中没有页面", "path")
    total = len(images) * PAGE_STEPS

    def page_step(index: int) -> Fraction | None:
        if progress is None:
            return None
        report, base = progress, index * PAGE_STEPS
        report(base, total)
        return lambda fraction: report(
            base + min(PAGE_STEPS - 1, int(fraction * PAGE_STEPS)), total
        )

    pages: list[OcrPage] = []
    for index, image in enumerate(images):
        pages.append(recognise_page(image, index + 1, page_step(index)))
    if progress is not None:
        progress(total, total)
    _drop_furniture(pages)
    text, issuer = _document_text(pages)
    if not text.strip():
        raise ValidationError(
            "未能从扫描件中识别出文字（可能是空白页、图片太模糊或不是文件），请提供 Word 或文本版本",
            "path",
        )
    return ScanResult(pages, text, issuer)
