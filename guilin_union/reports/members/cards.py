"""会员证 sheets: standard-size cards (85.6 × 54 mm), ten per A4 page, with a photo box.

Drawn directly on the canvas (a card is a fixed-size drawing, not flowing text), with the
same embedded Chinese font as every other report, written atomically like them.

>>> import tempfile, pathlib
>>> card = MemberCard("张三", "2024010001", "文学院分工会", "2024-09-20")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "会员证.pdf"
>>> build_member_cards(out, [card], union_name="桂林学院工会委员会", issued_on=None).name
'会员证.pdf'
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from guilin_union.core.dates import format_cn_date
from guilin_union.core.errors import ValidationError
from guilin_union.reports._atomic import write_atomically
from guilin_union.reports.fonts import draw_string, register_fonts, string_width
from guilin_union.reports.linebreak import wrap_text
from guilin_union.reports.markup import clean

NAME = "member-cards"

CARD_W, CARD_H = 85.6 * mm, 54 * mm
COLUMNS, ROWS = 2, 5
GAP = 2 * mm
PHOTO_W, PHOTO_H = 22 * mm, 30 * mm
RED = colors.Color(0.72, 0.1, 0.1)


@dataclass(frozen=True)
class MemberCard:
    name: str
    member_no: str
    branch: str
    join_date: str  # ISO or ""
    photo: bytes | None = None  # JPEG cropped to an ID photo (issue 24)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits in ``width`` (never below 6 pt)."""
    while size > MIN_SIZE and string_width(text, font, size) > width:
        size -= 0.25
    return size


MIN_SIZE = 6.0
MAX_LINES = 4


def _fit_lines(text: str, font: str, size: float, width: float) -> tuple[float, list[str]]:
    """Shrink ``text`` to fit ``width``; below :data:`MIN_SIZE` wrap it into lines instead
    (Chinese line-breaking rules), so that a 40-character name stays inside the card.

    >>> body = register_fonts().body
    >>> _fit_lines("张三", body, 9, 100)[1]
    ['张三']
    >>> len(_fit_lines("欧阳" * 20, body, 9, 100)[1]) > 1
    True
    """
    size = _fit(None, text, font, size, width)  # type: ignore[arg-type]
    if string_width(text, font, size) <= width:
        return size, [text]
    return size, wrap_text(text, font, size, width)[:MAX_LINES]


def _card(
    canvas: Canvas,
    x: float,
    y: float,
    card: MemberCard,
    *,
    union_name: str,
    issued: str,
    body: str,
    title: str,
) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 2)  # dashed: the cutting line
    canvas.roundRect(x, y, CARD_W, CARD_H, 3 * mm)
    canvas.setDash()
    # Header band with the union's name and 会员证.
    band = 11 * mm
    canvas.setFillColor(RED)
    canvas.rect(
        x + 0.3 * mm, y + CARD_H - band, CARD_W - 0.6 * mm, band - 0.3 * mm, stroke=0, fill=1
    )
    canvas.setFillColor(colors.white)
    head = clean(union_name)
    size = _fit(canvas, head, title, 9.5, CARD_W - 8 * mm)
    draw_string(canvas, x + CARD_W / 2, y + CARD_H - 4.6 * mm, head, title, size, "center")
    canvas.setFont(title, 10.5)
    canvas.drawCentredString(x + CARD_W / 2, y + CARD_H - 9.3 * mm, "会 员 证")
    # Photo box.
    px, py = x + 4 * mm, y + CARD_H - band - 3 * mm - PHOTO_H
    canvas.setStrokeColor(colors.black)
    canvas.setFillColor(colors.black)
    canvas.setLineWidth(0.6)
    canvas.rect(px, py, PHOTO_W, PHOTO_H)
    if card.photo:
        import io

        from reportlab.lib.utils import ImageReader

        canvas.drawImage(
            ImageReader(io.BytesIO(card.photo)),
            px + 0.3 * mm,
            py + 0.3 * mm,
            PHOTO_W - 0.6 * mm,
            PHOTO_H - 0.6 * mm,
            preserveAspectRatio=True,
            anchor="c",
        )
    else:
        canvas.setFont(body, 7.5)
        canvas.setFillColor(colors.Color(0.45, 0.45, 0.45))
        canvas.drawCentredString(px + PHOTO_W / 2, py + PHOTO_H / 2 + 1 * mm, "照片")
        canvas.drawCentredString(px + PHOTO_W / 2, py + PHOTO_H / 2 - 3 * mm, "（一寸）")
    # Fields.
    canvas.setFillColor(colors.black)
    tx = px + PHOTO_W + 4 * mm
    width = x + CARD_W - 3.5 * mm - tx
    lines = (
        ("姓　　名", card.name),
        ("会员编号", card.member_no),
        ("分 工 会", card.branch),
        ("入会日期", format_cn_date(card.join_date) if card.join_date else ""),
    )
    ty = y + CARD_H - band - 6.5 * mm
    label_w = string_width("会员编号：", body, 8)
    for label, value in lines:
        canvas.setFont(body, 8)
        canvas.drawString(tx, ty, f"{label}：")
        text = " ".join(clean(value).split())
        font = title if label.startswith("姓") else body
        size, parts = _fit_lines(
            text, font, 9 if label.startswith("姓") else 8.5, width - label_w - 0.5 * mm
        )
        leading = size * 1.2
        for k, part in enumerate(parts):
            draw_string(canvas, tx + label_w, ty - k * leading, part, font, size)
        ty -= (len(parts) - 1) * leading  # a wrapped value pushes the next fields down
        canvas.setLineWidth(0.3)
        canvas.line(tx + label_w, ty - 1.2 * mm, tx + width, ty - 1.2 * mm)
        ty -= 7.2 * mm
    canvas.setFont(body, 7)
    canvas.drawString(x + 4 * mm, y + 3.2 * mm, f"发证日期：{issued}")
    canvas.drawRightString(x + CARD_W - 4 * mm, y + 3.2 * mm, "（发证单位盖章）")
    canvas.restoreState()


def build_member_cards(
    path: str | os.PathLike[str],
    cards: Sequence[MemberCard],
    *,
    union_name: str,
    issued_on: datetime.date | None = None,
) -> Path:
    """Ten cards per A4 page in reading order; cutting lines dashed."""
    if not cards:
        raise ValidationError("没有要打印会员证的会员")
    fonts = register_fonts()
    issued = format_cn_date(issued_on or datetime.date.today())
    page_w, page_h = A4
    left = (page_w - COLUMNS * CARD_W - (COLUMNS - 1) * GAP) / 2
    top = (page_h + ROWS * CARD_H + (ROWS - 1) * GAP) / 2
    per_page = COLUMNS * ROWS

    def build(target: Path) -> None:
        canvas = Canvas(str(target), pagesize=A4, initialFontName=fonts.body)
        canvas.setTitle(f"{union_name}会员证")
        canvas.setAuthor(union_name)
        pages = (len(cards) + per_page - 1) // per_page
        for page in range(pages):
            chunk = cards[page * per_page : (page + 1) * per_page]
            for i, card in enumerate(chunk):
                col, row = i % COLUMNS, i // COLUMNS
                x = left + col * (CARD_W + GAP)
                y = top - (row + 1) * CARD_H - row * GAP
                _card(
                    canvas,
                    x,
                    y,
                    card,
                    union_name=union_name,
                    issued=issued,
                    body=fonts.body,
                    title=fonts.title,
                )
            canvas.setFont(fonts.body, 8)
            canvas.drawCentredString(
                page_w / 2, 6 * mm, f"第 {page + 1} 页 共 {pages} 页（沿虚线裁开）"
            )
            canvas.showPage()
        canvas.save()

    return write_atomically(path, build)
