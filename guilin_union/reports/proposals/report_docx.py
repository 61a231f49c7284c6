"""提案工作报告（Word 草稿）: an editable .docx the committee finishes by hand — last session's
follow-up, this session's collection, the 立案 / 转意见建议 / 不立案 lists with reasons, and the
definitions of the rates.

The numbers come in as plain data (:class:`WorkReport`); this module only lays them out with
python-docx (Word keeps the house fonts: 仿宋 for the text, 黑体 for headings).

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "提案工作报告.docx"
>>> r = WorkReport("第一届第三次会议", "桂林学院工会委员会", [], ["收到提案 3 件。"], [], [])
>>> build_work_report_docx(out, r).name
'提案工作报告.docx'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guilin_union.reports._atomic import write_atomically
from guilin_union.reports.registry import signature_of

NAME = "proposal-report-docx"

NEXT_STEPS = "（请提案工作委员会根据实际情况补充。）"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"


@dataclass(frozen=True)
class ListSection:
    """A titled table: ``columns`` and ``rows`` of text."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    empty_text: str = "（无）"


@dataclass(frozen=True)
class WorkReport:
    session_title: str
    issuer: str
    follow_up: Sequence[str]  # 一、上次会议提案办理情况 (paragraphs)
    collection: Sequence[str]  # 二、本次会议提案征集情况
    lists: Sequence[ListSection]  # 三、审查情况
    definitions: Sequence[str]
    follow_up_lists: Sequence[ListSection] = field(default_factory=tuple)


def _font(run, name: str, size: float | None = None, bold: bool = False) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold


def _heading(doc, text: str, size: float = 14) -> None:  # noqa: ANN001
    paragraph = doc.add_paragraph()
    _font(paragraph.add_run(text), HEADING_FONT, size)


def _para(doc, text: str) -> None:  # noqa: ANN001
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(32)
    _font(paragraph.add_run(text), BODY_FONT, 16)


def _table(doc, section: ListSection) -> None:  # noqa: ANN001
    _heading(doc, section.title, 12)
    if not section.rows:
        _para(doc, section.empty_text)
        return
    table = doc.add_table(rows=1, cols=len(section.columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, section.columns, strict=True):
        _font(cell.paragraphs[0].add_run(text), HEADING_FONT, 10.5)
    for row in section.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _font(cell.paragraphs[0].add_run(str(text)), BODY_FONT, 10.5)


def build_work_report_docx(path: str | os.PathLike[str], report: WorkReport) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    def build(temp: Path) -> None:
        doc = Document()
        title = doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(title.add_run("提案工作报告"), "方正小标宋简体", 22)
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(sub.add_run(f"——在{report.session_title}上\n{report.issuer}"), "楷体", 16)
        _para(doc, "各位代表：")
        _para(
            doc, "现将上次会议以来的提案办理情况和本次会议的提案征集、审查情况报告如下，请予审议。"
        )
        _heading(doc, "一、上次会议提案办理情况")
        for text in report.follow_up or ["（无上次会议的提案）"]:
            _para(doc, text)
        for section in report.follow_up_lists:
            _table(doc, section)
        _heading(doc, "二、本次会议提案征集情况")
        for text in report.collection:
            _para(doc, text)
        _heading(doc, "三、提案审查情况")
        for section in report.lists:
            _table(doc, section)
        _heading(doc, "四、下一步工作")
        _para(doc, NEXT_STEPS)
        for line in (signature_of(NAME).labels[0], "\u3000" * 4 + "年\u3000\u3000月\u3000\u3000日"):
            signer = doc.add_paragraph()
            signer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(signer.add_run(line), BODY_FONT, 16)
        _heading(doc, "附：统计口径说明", 12)
        for text in report.definitions:
            _para(doc, text)
        doc.save(str(temp))

    return write_atomically(path, build)


def build_work_report_pdf(path: str | os.PathLike[str], report: WorkReport) -> Path:
    """The same draft as a PDF in the house style (for reading or circulating before the
    Word version is finished)."""
    from guilin_union.reports.document import Col, Report

    pdf = Report(
        path,
        "提案工作报告（草稿）",
        institution=report.issuer,
        subtitle=f"在{report.session_title}上",
        show_print_date=True,
    )

    def table(section: ListSection) -> None:
        pdf.heading(section.title, level=3)
        if not section.rows:
            pdf.paragraph(section.empty_text)
            return
        cols = [Col(name, 3 if i else 2) for i, name in enumerate(section.columns)]
        pdf.table(cols, [list(r) for r in section.rows])

    pdf.section("上次会议提案办理情况")
    for text in report.follow_up or ["（无上次会议的提案）"]:
        pdf.paragraph(text)
    for section in report.follow_up_lists:
        table(section)
    pdf.section("本次会议提案征集情况")
    for text in report.collection:
        pdf.paragraph(text)
    pdf.section("提案审查情况")
    for section in report.lists:
        table(section)
    pdf.section("下一步工作")
    pdf.paragraph(NEXT_STEPS)
    pdf.closing(signature_of(NAME).labels[0])  # 落款: the committee; the date is written in
    pdf.heading("附：统计口径说明", level=3)
    for text in report.definitions:
        pdf.paragraph(text, size=9.5)
    return pdf.save()
