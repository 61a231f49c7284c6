"""年度工作总结（数据部分）: every area's figures of the year, with sentences, tables and bar
charts, as a PDF in the house style and as an editable Word draft (python-docx).

The input is plain data (:class:`YearSummary`); ``services/home/figures.py`` fills it from the
same services the areas' own lists use, so every figure matches its area.

>>> import tempfile, pathlib
>>> area = AreaSummary("welfare", "慰问", ["全年慰问 2 人次。"], [Figure("慰问人次", 2, "人次")],
...     [Table("分类", ("类型", "人次"), (("生日", "2"),))], [Chart("金额", ("生日",), (20000,), "元", True)])
>>> summary = YearSummary(2026, "桂林学院", "桂林学院工会委员会", [area], "2026-12-07")
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> build_year_summary(out / "总结.pdf", summary).name, build_year_summary_docx(out / "总结.docx", summary).name
('总结.pdf', '总结.docx')
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guilin_union.core.money import format_fen
from guilin_union.reports.document import Col, Report, cn_number
from guilin_union.reports.registry import signature_of

NAME = "year-summary"

SIGNERS = ("制表人", "审核人", "工会主席")
CHART_COLORS = ("#8c1c13", "#c0504d", "#d99694", "#4f6228", "#1f497d", "#7f7f7f")


@dataclass(frozen=True)
class Figure:
    """One key number: ``全年新入会 23 人`` (``money``: ``value`` is in 分)."""

    label: str
    value: int
    unit: str
    money: bool = False

    @property
    def text(self) -> str:
        if self.money:
            return f"{format_fen(self.value)} 元"
        return f"{self.value} {self.unit}"


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart of integer values (``money``: values in 分, drawn in 元)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    unit: str
    money: bool = False


@dataclass
class AreaSummary:
    key: str
    title: str
    sentences: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    def figure(self, label: str) -> Figure:
        return next(f for f in self.figures if f.label == label)


@dataclass
class YearSummary:
    year: int
    institution: str
    union_name: str
    areas: list[AreaSummary]
    as_of: str

    def area(self, key: str) -> AreaSummary:
        return next(a for a in self.areas if a.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "as_of": self.as_of,
            "areas": [
                {
                    "key": a.key,
                    "title": a.title,
                    "sentences": list(a.sentences),
                    "figures": [
                        {"label": f.label, "value": f.value, "unit": "分" if f.money else f.unit}
                        for f in a.figures
                    ],
                    "tables": [
                        {
                            "title": t.title,
                            "columns": list(t.columns),
                            "rows": [list(r) for r in t.rows],
                        }
                        for t in a.tables
                    ],
                }
                for a in self.areas
            ],
        }


def section_number(index: int) -> str:
    """``一、`` … for the area headings of the Word draft (the PDF numbers its sections with
    :meth:`Report.section`, the same numerals)."""
    return f"{cn_number(index + 1)}、"


def _date_text(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def _chart_drawing(chart: Chart, font: str, width: float):  # -> reportlab Drawing
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    values = [v / 100 if chart.money else v for v in chart.values]
    n = max(len(values), 1)
    bar_height = 14
    height = n * (bar_height + 6) + 36
    drawing = Drawing(width, height)
    bc = HorizontalBarChart()
    bc.x, bc.y = 90, 10
    bc.width, bc.height = width - 150, height - 34
    bc.data = [values]
    bc.categoryAxis.categoryNames = [str(label)[:8] for label in chart.labels]
    bc.categoryAxis.labels.fontName = font
    bc.categoryAxis.labels.fontSize = 8
    bc.categoryAxis.reverseDirection = 1
    bc.valueAxis.valueMin = 0
    bc.valueAxis.labels.fontName = font
    bc.valueAxis.labels.fontSize = 7
    bc.valueAxis.visible = 0
    bc.bars[0].fillColor = colors.HexColor(CHART_COLORS[0])
    bc.bars.strokeColor = None
    bc.barLabelFormat = (lambda v: f"{v:,.2f}") if chart.money else "%d"
    bc.barLabels.fontName = font
    bc.barLabels.fontSize = 7
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 3
    drawing.add(bc)
    drawing.add(String(0, height - 12, f"{chart.title}（{chart.unit}）", fontName=font, fontSize=9))
    return drawing


def build_year_summary(
    path: str | os.PathLike[str],
    summary: YearSummary,
    *,
    generated_on: datetime.date | None = None,
) -> Path:
    """Write the year-end report as a PDF and return its path."""
    report = Report(
        path,
        f"{summary.year}年工会工作总结（数据部分）",
        institution=summary.union_name or summary.institution,
        subtitle=f"统计截至 {_date_text(summary.as_of)}",
        generated_on=generated_on,
    )
    for area in summary.areas:
        report.section(area.title)
        for sentence in area.sentences:
            report.paragraph(sentence)
        if area.figures:
            report.key_values([(f.label, f.text) for f in area.figures], columns=2)
        for table in area.tables:
            report.heading(table.title, level=2)
            widths = [1.0] * len(table.columns)
            widths[1 if len(widths) > 1 and table.columns[1] in ("要点", "会议") else 0] = 2.5
            report.table(
                [
                    Col(c, w * 10, "right" if i and c not in ("要点", "会议", "负责人") else "left")
                    for i, (c, w) in enumerate(zip(table.columns, widths))
                ],
                [list(r) for r in table.rows],
                width_fraction=1.0 if len(table.columns) > 3 else 0.7,
            )
        for chart in area.charts:
            if chart.values and any(chart.values):
                report.spacer(2)
                report.add(_chart_drawing(chart, report.fonts.body, report.frame_width))
    report.spacer(6)
    report.sign_off(signature_of(NAME), labels=SIGNERS)
    return report.save()


def _set_east_asian_font(run: Any, name: str = "宋体") -> None:
    from docx.oxml.ns import qn

    run.font.name = name
    r_pr = run._element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _text_bar(value: int, largest: int, width: int = 20) -> str:
    """A bar of full blocks, proportional to ``value`` (charts without a chart library)."""
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(width * value / largest))


def build_year_summary_docx(
    path: str | os.PathLike[str],
    summary: YearSummary,
    *,
    signers: Sequence[str] = SIGNERS,
) -> Path:
    """Write the same report as an editable Word draft (tables as Word tables, charts as
    proportional bars in a table) and return its path. Written to a temporary file first."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    target = Path(path)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    style.font.name = "宋体"
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(f"{summary.year}年工会工作总结（数据部分）")
    run.bold = True
    run.font.size = Pt(18)
    _set_east_asian_font(run, "黑体")
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_east_asian_font(
        sub.add_run(
            f"{summary.union_name or summary.institution}　统计截至 {_date_text(summary.as_of)}"
        )
    )
    for index, area in enumerate(summary.areas):
        heading = doc.add_paragraph()
        hr = heading.add_run(f"{section_number(index)}{area.title}")
        hr.bold = True
        hr.font.size = Pt(14)
        _set_east_asian_font(hr, "黑体")
        for sentence in area.sentences:
            _set_east_asian_font(doc.add_paragraph().add_run(sentence))
        tables = list(area.tables)
        if area.figures:
            tables.insert(
                0,
                Table("主要数据", ("项目", "数量"), tuple((f.label, f.text) for f in area.figures)),
            )
        for table in tables:
            caption = doc.add_paragraph()
            cr = caption.add_run(table.title)
            cr.bold = True
            _set_east_asian_font(cr)
            grid = doc.add_table(rows=1, cols=len(table.columns))
            grid.style = "Table Grid"
            for cell, text in zip(grid.rows[0].cells, table.columns):
                cell.text = ""
                hrun = cell.paragraphs[0].add_run(text)
                hrun.bold = True
                _set_east_asian_font(hrun)
            for row in table.rows:
                cells = grid.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = ""
                    _set_east_asian_font(cell.paragraphs[0].add_run(str(text)))
        for chart in area.charts:
            if not chart.values or not any(chart.values):
                continue
            caption = doc.add_paragraph()
            _set_east_asian_font(caption.add_run(f"图：{chart.title}（{chart.unit}）"))
            grid = doc.add_table(rows=0, cols=3)
            largest = max(chart.values)
            for label, value in zip(chart.labels, chart.values):
                cells = grid.add_row().cells
                shown = format_fen(value) if chart.money else str(value)
                for cell, text in zip(cells, (label, _text_bar(value, largest), shown)):
                    _set_east_asian_font(cell.paragraphs[0].add_run(text))
    doc.add_paragraph()
    sign = doc.add_paragraph()
    _set_east_asian_font(sign.add_run("　　".join(f"{s}：________" for s in signers)))
    date_line = doc.add_paragraph()
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _set_east_asian_font(date_line.add_run("日期：　　　　年　　月　　日"))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    doc.save(str(tmp))
    os.replace(tmp, target)
    return target
