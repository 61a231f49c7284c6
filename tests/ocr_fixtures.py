"""Scans built by the tests themselves (issue 25): a text document printed to PDF with the
project's report fonts (red header, running head, page numbers), rasterised with pypdfium2,
and saved as an image-only PDF or as photo-like PNGs."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

RUNNING_HEAD = "自治区教育工会文件汇编"
DPI = 150


def _header_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """(red header lines before the 文号 inclusive, the rest)."""
    for index, line in enumerate(lines[:4]):
        if "号" in line and any(b in line for b in "〔[【"):
            return lines[: index + 1], lines[index + 1 :]
    return [], lines


def print_document(text: str, path: Path) -> Path:
    """The document as an official paper: the issuer in red, the 文号 under it, the body in
    the body font, a running head and "— n —" page numbers on every page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from guilin_union.reports.fonts import register_fonts
    from guilin_union.reports.linebreak import install

    # The report engine replaces reportlab's CJK line breaking when it is first used; install
    # it here too, so the printed pages are the same whatever ran before this test.
    install()
    fonts = register_fonts()
    body = ParagraphStyle(
        "body", fontName=fonts.body, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24
    )
    red = ParagraphStyle(
        "red", fontName=fonts.title, fontSize=22, leading=30, alignment=1, textColor=colors.red
    )
    number = ParagraphStyle("number", fontName=fonts.body, fontSize=12, leading=20, alignment=1)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header, rest = _header_lines(lines)
    story = []
    for line in header:
        story.append(Paragraph(escape(line), number if "号" in line else red))
    if header:
        story.append(Spacer(1, 6 * mm))
    story += [Paragraph(escape(line), body) for line in rest]

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.body, 9)
        if doc.page > 1:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, RUNNING_HEAD)
        canvas.setFont(fonts.body, 11)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
        canvas.restoreState()

    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
    ).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def rasterise(pdf: Path, dpi: int = DPI) -> list:
    """Every page of ``pdf`` as a PIL image at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def image_only_pdf(images: list, path: Path, dpi: int = DPI) -> Path:
    """A PDF made of page images only (no text layer), as a scanner writes it."""
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def photo_like(image, angle: int = 90):
    """A page as a phone photo of it: greyish paper, slightly soft, turned by ``angle``
    degrees counter-clockwise, saved as PNG by the caller."""
    from PIL import Image, ImageFilter

    paper = Image.new("RGB", image.size, (236, 232, 222))
    page = Image.blend(image, paper, 0.15).filter(ImageFilter.GaussianBlur(0.6))
    return page.rotate(angle, expand=True, fillcolor=(236, 232, 222))


def scan_of(text: str, folder: Path, name: str = "scan") -> tuple[Path, list]:
    """(image-only PDF, page images) of ``text`` printed and scanned at 150 dpi."""
    printed = print_document(text, folder / f"{name}-printed.pdf")
    images = rasterise(printed)
    return image_only_pdf(images, folder / f"{name}.pdf"), images
