"""Tests for services.document_text: .txt encodings, .docx (paragraphs, tables, automatic
numbering) and .pdf (text layer, scans) — and that the same sample read from each format
parses to the same work-points tree."""

from __future__ import annotations

import codecs
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.core.workpoints_parser import parse_workpoints
from guilin_union.services.document_text import (
    decode_text,
    read_document_text,
    read_docx_text,
    read_pdf_text,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "workpoints"
SAMPLES = [
    FIXTURES / "workpoints-guilin-university-2024.txt",
    FIXTURES / "workpoints-gx-education-union-2025.txt",
]
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_cjk_font = pytest.mark.skipif(not CJK_FONT.exists(), reason="WenQuanYi Micro Hei 字体未安装")


def _sample_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_docstring_examples() -> None:
    import doctest

    from guilin_union.services import document_text

    result = doctest.testmod(document_text)
    assert result.attempted > 0 and result.failed == 0


# --------------------------------------------------------------------------------------------
# Text files
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("gb18030"),
        lambda text: text.encode("utf-16"),  # with BOM, as Notepad's "Unicode"
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16"],
)
def test_txt_encodings(tmp_path: Path, encode) -> None:
    text = SAMPLES[1].read_text(encoding="utf-8")
    path = tmp_path / "要点.txt"
    path.write_bytes(encode(text))
    assert read_document_text(path) == text


def test_gb18030_beyond_gbk_decodes() -> None:
    # 𠮷 is outside GBK: GB18030 encodes it in four bytes.
    text = "（一）开展“𠮷祥”活动。（牵头单位：校工会）"
    assert decode_text(text.encode("gb18030")) == text


def test_gb18030_sample_parses_like_utf8(tmp_path: Path) -> None:
    text = SAMPLES[0].read_text(encoding="utf-8")
    path = tmp_path / "要点.TXT"
    path.write_bytes(text.encode("gb18030"))
    assert parse_workpoints(read_document_text(path)).to_dict() == parse_workpoints(text).to_dict()


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(ValidationError, match="无法识别该文本文件的编码"):
        decode_text(b"\x80\x81\xff\xfe\x00abc\x80")


# --------------------------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_docx_from_sample_parses_like_txt(tmp_path: Path, sample: Path) -> None:
    import docx

    document = docx.Document()
    for line in _sample_lines(sample):
        document.add_paragraph(line)
    path = tmp_path / "要点.docx"
    document.save(str(path))
    text = read_document_text(path)
    assert text.splitlines() == _sample_lines(sample)
    expected = parse_workpoints(sample.read_text(encoding="utf-8")).to_dict()
    assert parse_workpoints(text).to_dict() == expected


def test_docx_tables_are_read_in_document_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("工作要点")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "要点条目"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "开展健步走。"
    table.cell(1, 2).text = "校工会"
    document.add_paragraph("（完）")
    path = tmp_path / "表格.docx"
    document.save(str(path))
    # The merged cell is read once, not once per grid column.
    assert read_docx_text(path).splitlines() == [
        "工作要点",
        "序号",
        "要点条目",
        "1",
        "开展健步走。",
        "校工会",
        "（完）",
    ]


def _add_chinese_numbering(document) -> None:
    """Two Word lists: sections "一、" (with "1." below) and items "（一）" that run on."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element

    def level(ilvl: int, fmt: str, text: str) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
        )

    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            + level(0, "chineseCounting", "%1、")
            + level(1, "decimal", "%2.")
            + "</w:abstractNum>"
        ),
    )
    numbering.insert(
        1,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
            + level(0, "chineseCounting", "（%1）")
            + "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )


def _numbered(document, text: str, num_id: int, ilvl: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num_id
    num_pr.get_or_add_ilvl().val = ilvl


def test_docx_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    _add_chinese_numbering(document)
    document.add_paragraph("桂林学院工会2024年工作要点")
    _numbered(document, "强化思想引领", 90)
    for n in range(1, 11):
        _numbered(document, f"第{n}项工作。", 91)
    _numbered(document, "服务职工", 90)
    _numbered(document, "第11项工作", 91)
    _numbered(document, "子项甲。", 90, 1)
    _numbered(document, "子项乙。", 90, 1)
    _numbered(document, "自身建设", 90)
    _numbered(document, "子项丙。", 90, 1)
    path = tmp_path / "自动编号.docx"
    document.save(str(path))
    lines = read_docx_text(path).splitlines()
    assert lines[:3] == ["桂林学院工会2024年工作要点", "一、强化思想引领", "（一）第1项工作。"]
    assert lines[12:] == [
        "二、服务职工",
        "（十一）第11项工作",
        "1.子项甲。",
        "2.子项乙。",
        "三、自身建设",
        "1.子项丙。",
    ]
    doc = parse_workpoints("\n".join(lines))
    assert [(node.number, node.level) for node in doc.iter_nodes()][-7:] == [
        ("十", 2),
        ("二", 1),
        ("十一", 2),
        ("1", 3),
        ("2", 3),
        ("三", 1),
        ("1", 3),
    ]
    # Levels follow the numbering style, so "1." keeps level 3 directly under a section.
    assert [child.text for child in doc.nodes[2].children] == ["子项丙。"]


def test_docx_list_number_style(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("开展健步走。", style="List Number")
    document.add_paragraph("举办运动会。", style="List Number")
    path = tmp_path / "列表.docx"
    document.save(str(path))
    assert read_docx_text(path).splitlines() == ["1.开展健步走。", "2.举办运动会。"]


def test_broken_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "坏文件.docx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(ValidationError, match="无法读取该 Word 文件"):
        read_document_text(path)


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------
def _build_pdf(path: Path, lines: list[str], font_size: float) -> None:
    """An A4 PDF like an official document: one reportlab Paragraph per line, wrapped by
    reportlab (CJK wrapping, so lines break mid-word), several pages, "- N -" page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "WQYTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQYTest", str(CJK_FONT), subfontIndex=0))
    style = ParagraphStyle(
        "body", fontName="WQYTest", fontSize=font_size, leading=font_size * 1.6, wordWrap="CJK"
    )

    def page_number(canvas, document) -> None:
        canvas.setFont("WQYTest", 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")

    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(escape(line), style) for line in lines],
        onFirstPage=page_number,
        onLaterPages=page_number,
    )


@needs_cjk_font
@pytest.mark.parametrize("font_size", [12, 16])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_pdf_from_sample_parses_like_txt(tmp_path: Path, sample: Path, font_size: int) -> None:
    from pypdf import PdfReader

    path = tmp_path / "要点.pdf"
    lines = _sample_lines(sample)
    _build_pdf(path, lines, font_size)
    assert len(PdfReader(str(path)).pages) >= 2
    text = read_document_text(path)
    # The PDF really is broken up: wrapped lines and page numbers.
    assert len(text.splitlines()) > len(lines) * 2
    assert "- 2 -" in text.splitlines()
    expected = parse_workpoints(sample.read_text(encoding="utf-8")).to_dict()
    assert parse_workpoints(text).to_dict() == expected


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 500, fill=1)  # stands in for a scanned page image
    pdf.showPage()
    pdf.save()
    with pytest.raises(ValidationError) as caught:
        read_pdf_text(path)
    # Issue 25: a scan is read by OCR; a page without any text still gets a clear message.
    assert caught.value.message.startswith("未能从扫描件中识别出文字")


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "加密.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ValidationError, match="已加密"):
        read_document_text(path)


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "坏文件.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(ValidationError, match="无法读取该 PDF 文件|没有文字层"):
        read_document_text(path)


# --------------------------------------------------------------------------------------------
# Dispatch
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["要点.doc", "要点.wps", "要点.xlsx", "要点"])
def test_unsupported_types_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(ValidationError, match="不支持的文件类型") as caught:
        read_document_text(path)
    assert caught.value.field == "path"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="找不到文件"):
        read_document_text(tmp_path / "不存在.txt")


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guilin_union.services import document_text

    monkeypatch.setattr(document_text, "MAX_DOCUMENT_BYTES", 10)
    path = tmp_path / "大文件.txt"
    path.write_text("一、" * 20, encoding="utf-8")
    with pytest.raises(ValidationError, match="文件过大"):
        read_document_text(path)
