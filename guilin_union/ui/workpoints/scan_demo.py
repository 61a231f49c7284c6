"""A scan made up for the screen gallery (issue 25): the demo's regional 2025 document typeset
on two page images, with the lines an OCR engine would return for them — two of them with
the slips the issue describes (〔2025】 in the 文号, a character read at 45 %) — so the import
dialog's scan page can be photographed without running the engine."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from guilin_union.services import ocr
from guilin_union.services.demo.workpoints import UPPER_SAMPLE, sample_text

PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 150
LINES_PER_PAGE = 34


def _qimage_to_pil(image: QImage) -> Any:
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    ).copy()


def _wrap(text: str, metrics: QFontMetrics, width: int, indent: int) -> list[tuple[str, int]]:
    """(line, x offset) pieces of a paragraph, the first indented."""
    pieces, current, offset = [], "", indent
    for char in text:
        if metrics.horizontalAdvance(current + char) > width - offset and current:
            pieces.append((current, offset))
            current, offset = "", 0
        current += char
    if current:
        pieces.append((current, offset))
    return pieces


def demo_scan(pages: int = 2) -> ocr.ScanResult:
    """The first ``pages`` pages of the regional 2025 document, as read by OCR."""
    paragraphs = [p.strip() for p in sample_text(UPPER_SAMPLE).splitlines() if p.strip()]
    font = QFont()
    font.setPixelSize(26)
    metrics = QFontMetrics(font)
    width = PAGE_SIZE[0] - 2 * MARGIN
    laid: list[tuple[str, int, bool, bool]] = []  # text, x offset, red, centred
    for index, paragraph in enumerate(paragraphs):
        red, centred = index == 0, index in (0, 1, 2)
        for text, offset in _wrap(paragraph, metrics, width, 0 if centred else 52):
            laid.append((text, offset, red, centred))
    result: list[ocr.OcrPage] = []
    for number in range(1, pages + 1):
        chunk = laid[(number - 1) * LINES_PER_PAGE : number * LINES_PER_PAGE]
        image = QImage(*PAGE_SIZE, QImage.Format.Format_RGB888)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        lines = []
        for row, (text, offset, red, centred) in enumerate(chunk):
            advance = metrics.horizontalAdvance(text)
            x = MARGIN + ((width - advance) // 2 if centred else offset)
            y = MARGIN + row * 42
            painter.setPen(QColor("#d81e06") if red else QColor("#202020"))
            painter.drawText(QRect(x, y, advance + 4, 34), Qt.AlignmentFlag.AlignLeft, text)
            chars = [0.99] * len(text)
            read = text
            if "〔2025〕" in text:  # the slip the issue reports
                at = text.index("〕")
                read = text[:at] + "】" + text[at + 1 :]
                chars[at] = 0.62
            elif number == 1 and row == 12 and len(text) > 10:
                chars[9] = 0.45
            lines.append(
                ocr.OcrLine(read, (x, y, x + advance, y + 32), min(chars), tuple(chars), red)
            )
        painter.end()
        result.append(ocr.OcrPage(number, _qimage_to_pil(image), lines))
    return ocr.ScanResult(result, "\n".join(ln.text for p in result for ln in p.lines))
