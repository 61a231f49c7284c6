"""Work-point documents in Word as offices write them: heading paragraphs without a full
stop, one multi-level list across sections, plans written as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from guilin_union.core.workpoints_parser import _NODE_RE, normalize_extracted_text, parse_workpoints
from guilin_union.services.document_text import read_docx_text
from guilin_union.services.workpoints import importer as wi

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "workpoints"
SAMPLES = [
    FIXTURES / "workpoints-guilin-university-2024.txt",
    FIXTURES / "workpoints-gx-education-union-2025.txt",
]


def _save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def test_docx_headings_without_final_punctuation_are_exactly_the_heading_lines(tmp_path):
    import docx

    document = docx.Document()
    for line in (
        "桂林学院工会2026年工作要点",
        "一、指导思想",
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
        "二、强化思想引领，筑牢团结奋斗的思想基础",
        "组织教职工深入学习党的创新理论。",
        "（一）加强思想政治引领",
        "组织教职工深入学习，开展宣讲。",
        "（二）换届选举",
        "2022年1月进行机关工会换届选举。",
    ):
        document.add_paragraph(line)
    preview = wi.preview_file(_save(document, tmp_path / "要点.docx"))
    nodes = list(preview.parsed.iter_nodes())
    assert [n.heading for n in nodes] == [
        "指导思想",
        "强化思想引领，筑牢团结奋斗的思想基础",
        "加强思想政治引领",
        "换届选举",
    ]
    assert [n.text for n in nodes] == [
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
        "组织教职工深入学习党的创新理论。",
        "组织教职工深入学习，开展宣讲。",
        "2022年1月进行机关工会换届选举。",
    ]


def _multilevel_list(document) -> None:
    """One Word list: 一、 / （一） (running on across sections: lvlRestart 0) / 1."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def level(ilvl: int, fmt: str, text: str, restart: str = "") -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'{restart}<w:lvlText w:val="{text}"/></w:lvl>'
        )

    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
            + level(0, "chineseCounting", "%1、")
            + level(1, "chineseCounting", "（%2）", '<w:lvlRestart w:val="0"/>')
            + level(2, "decimal", "%3.")
            + "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/></w:num>')
    )


_ILVL = {"section": 0, "item": 1, "sub": 2}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_seed_documents_as_one_word_multilevel_list_give_the_txt_tree(tmp_path, sample):
    import docx

    source = sample.read_text(encoding="utf-8")
    document = docx.Document()
    _multilevel_list(document)
    started = False
    for paragraph in normalize_extracted_text(source).split("\n"):
        match = _NODE_RE.match(paragraph)
        started = started or (match is not None and match.lastgroup == "section")
        if started and match is not None and match.lastgroup in _ILVL:
            p = document.add_paragraph(paragraph[match.end() :])
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_numId().val = 70
            num_pr.get_or_add_ilvl().val = _ILVL[match.lastgroup]
        else:
            document.add_paragraph(paragraph)
    path = _save(document, tmp_path / "多级列表.docx")
    text = read_docx_text(path)
    # The numbers are not in the paragraphs: they come from the list, as Word shows them.
    assert wi.preview_file(path).parsed.to_dict() == parse_workpoints(source).to_dict()
    assert "（四）" in text  # items run on into the second section


def test_without_lvl_restart_items_restart_in_each_section(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="71">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="71"/></w:num>')
    )
    for text, ilvl in (("甲", 0), ("子一。", 1), ("子二。", 1), ("乙", 0), ("子三。", 1)):
        p = document.add_paragraph(text)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = 71
        num_pr.get_or_add_ilvl().val = ilvl
    lines = read_docx_text(_save(document, tmp_path / "restart.docx")).splitlines()
    # w:start 3 and Word's default restart under each new section.
    assert lines == ["一、甲", "（三）子一。", "（四）子二。", "二、乙", "（三）子三。"]


def test_a_plan_written_as_a_table_gives_one_item_per_task_row(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("桂林学院工会2026年工作计划")
    document.add_paragraph("一、强化思想引领，筑牢团结奋斗的思想基础")
    rows = [
        ("序号", "工作任务（内容）", "时间", "责任部门（单位）"),
        ("1", "组织教职工学习党的二十大精神。", "3月", "校工会、各分工会"),
        ("2", "开展师德师风主题教育活动", "", "校工会"),
        ("3", "举办教职工读书分享会。", "", "宣传部，各分工会"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    # 4-5月 written once for rows 2 and 3 (a vertically merged cell).
    table.cell(2, 2).merge(table.cell(3, 2)).text = "4-5月"
    document.add_paragraph("二、维护职工权益")
    document.add_paragraph("（一）召开教代会。")
    preview = wi.preview_file(_save(document, tmp_path / "计划表.docx"))
    first, second = preview.parsed.nodes
    assert first.heading == "强化思想引领，筑牢团结奋斗的思想基础"
    assert [
        (n.number, n.heading, n.deadline_text, n.responsible_units) for n in first.children
    ] == [
        ("1", "组织教职工学习党的二十大精神。", "3月", ["校工会", "各分工会"]),
        ("2", "开展师德师风主题教育活动", "4-5月", ["校工会"]),
        ("3", "举办教职工读书分享会。", "4-5月", ["宣传部", "各分工会"]),
    ]
    assert "序号" not in first.text and "工作任务" not in first.heading
    assert [n.heading for n in second.children] == ["召开教代会。"]


def test_table_plan_deadlines_are_kept_when_saved(tmp_path, db):
    import docx

    from guilin_union.services import workpoints as wp

    document = docx.Document()
    document.add_paragraph("一、重点工作")
    table = document.add_table(rows=2, cols=3)
    for c, value in enumerate(("工作任务", "完成时间", "牵头部门")):
        table.cell(0, c).text = value
    for c, value in enumerate(("举办教职工运动会", "10月", "校工会")):
        table.cell(1, c).text = value
    preview = wi.preview_file(_save(document, tmp_path / "表.docx"))
    item = preview.parsed.nodes[0].children[0]
    assert (item.heading, item.lead_unit, item.deadline_text) == (
        "举办教职工运动会",
        "校工会",
        "10月",
    )
    plan_id = wi.import_document(db, preview.parsed, year=2026).row_id
    assert wp.get_plan(db, plan_id)["year"] == 2026
    rows = db.execute(
        "SELECT text FROM workpoint_items WHERE plan_id = ? ORDER BY position", [plan_id]
    ).fetchall()
    assert rows[1][0] == "举办教职工运动会（完成时限：10月）"


CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

BODY = (
    "组织教职工深入学习党的创新理论，开展形式多样的宣讲活动，推动学习往深里走、往心里走、"
    "往实里走，引导广大教职工坚定理想信念，自觉把思想和行动统一到党中央决策部署上来。"
)


@pytest.mark.skipif(not CJK_FONT.exists(), reason="WenQuanYi Micro Hei 字体未安装")
def test_pdf_headings_and_web_furniture(tmp_path):
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "WQYTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQYTest", str(CJK_FONT), subfontIndex=0))
    style = ParagraphStyle("body", fontName="WQYTest", fontSize=14, leading=22, wordWrap="CJK")
    lines = ["桂林学院工会2026年工作要点", "一、强化思想引领"]
    for n, title in enumerate(("加强思想政治引领", "做强工会宣传阵地", "深化师德师风建设")):
        lines += [f"（{'一二三'[n]}）{title}", BODY]
    lines += ["微信扫一扫在手机阅读、分享本文", "（供稿：工会办公室）"]
    path = tmp_path / "要点.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(escape(line), style) for line in lines]
    )
    preview = wi.preview_file(path)
    items = preview.parsed.nodes[0].children
    assert [n.heading for n in items] == [
        "加强思想政治引领",
        "做强工会宣传阵地",
        "深化师德师风建设",
    ]
    assert all(n.text == BODY for n in items)
    assert preview.parsed.ignored_text == ["微信扫一扫在手机阅读、分享本文", "（供稿：工会办公室）"]
