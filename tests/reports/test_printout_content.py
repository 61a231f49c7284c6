"""Issue #16 content fixes checked on real service output (not only the report modules)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from guilin_union.reports.document import Col, Report
from guilin_union.reports.styles import configure_house_style, restore_house_style
from guilin_union.services import intake
from guilin_union.services.intake.outputs import intake_list_pdf


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_intake_list_leaves_out_applications_the_branch_has_not_reviewed(branch_db, tmp_path):
    def apply(name: str) -> int:
        data = {"name": name, "branch": "文学院分工会"}
        return intake.add_application(branch_db, data, applied_on="2024-09-02").row_id

    reviewed, waiting = apply("张三"), apply("李四")
    intake.branch_approve(branch_db, [reviewed], on="2024-09-05")
    assert intake.get_application(branch_db, waiting)["state"] == "待分工会审核"
    out, count = intake_list_pdf(branch_db, tmp_path / "名单.pdf")
    text = _text(out)
    assert count == 1
    assert "张三" in text and "李四" not in text
    assert "待分工会审核" not in text


def test_house_style_binding_margin_and_sign_off(tmp_path):
    previous = configure_house_style(issuer="某某大学工会委员会", binding_mm=30)
    try:
        report = Report(tmp_path / "a.pdf", "会员花名册", institution="别的名称")
        report.paragraph("正文从装订边以内开始。")
        report.sign_off("money")
        out = report.save()
    finally:
        restore_house_style(previous)
    text = _text(out)
    assert text.startswith("某某大学工会委员会会员花名册")  # issuer from 单位信息
    for label in ("经手人", "证明人", "分工会主席", "财务", "校工会审批", "（盖章）"):
        assert label in text
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    body = [
        float(m.group(1))
        for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>正文从装订边以内开始。</word>', bbox)
    ]
    assert body and abs(body[0] - 30 * 72 / 25.4) < 1.0  # the text starts at the binding margin


def test_demo_activity_summaries_and_ties_agree_with_their_data(demo_db):
    """The summary text names the 实到 number of its table; tied places have equal results."""
    for activity_id, summary in demo_db.execute(
        "SELECT id, summary FROM activities WHERE summary IS NOT NULL"
    ).fetchall():
        attended = demo_db.execute(
            "SELECT count(*) FROM activity_participants WHERE activity_id = ? AND status = '已参加'",
            [activity_id],
        ).fetchone()[0]
        assert f"共有{attended}名" in summary
    ties = demo_db.execute(
        "SELECT event_id, rank, count(DISTINCT score) FROM activity_results"
        " WHERE rank IS NOT NULL AND score IS NOT NULL GROUP BY event_id, rank"
        " HAVING count(*) > 1"
    ).fetchall()
    assert all(distinct == 1 for _, _, distinct in ties)


def test_ballots_sit_in_the_same_places_on_every_page(tmp_path):
    from guilin_union.reports.congress.ballot import build_ballots

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    motions = ["通过学校工作报告", "通过财务工作报告", "通过工会工作报告", "通过大会决议"]
    out = build_ballots(
        tmp_path / "票.pdf", session_title="第一届第一次会议", motions=motions, copies=11
    )
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = bbox.split("<page ")[1:]
    tops = [
        [round(float(y), 1) for y in re.findall(r'yMin="([\d.]+)"[^>]*>第一届第一次会议表决票<', p)]
        for p in pages
    ]
    per_page = len(tops[0])
    assert per_page >= 3
    assert len(pages) == -(-11 // per_page)  # a fixed number per page: no page holds fewer
    for page in tops[1:-1]:
        assert page == tops[0]  # the same places: a stack is cut in one stroke
    assert tops[-1] == tops[0][: len(tops[-1])]
    assert "沿此线剪开" not in bbox  # no stray cut-line captions at the page tops


def test_each_group_page_carries_the_full_title_block(tmp_path):
    report = Report(
        tmp_path / "签到.pdf",
        "代表签到表",
        institution="桂林学院工会委员会",
        subtitle="第一届第一次会议\n时间：2026年12月7日　地点：图书馆报告厅",
    )
    report.heading("文学院代表团")
    report.paragraph("第一页")
    report.new_page_with_title()
    report.heading("机关代表团")
    report.paragraph("第二页")
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(str(report.save())).pages]
    assert len(pages) == 2
    for page in pages:
        assert page.startswith("桂林学院工会委员会代表签到表第一届第一次会议时间：2026年12月7日")
        assert page.count("代表签到表") == 1  # no running header on a page with the full title


def _name_list(folder, n: int) -> list[str]:
    from tests.reports._pdf import page_texts

    report = Report(folder / f"{n}.pdf", "名单")
    rows = [[i, f"姓名{i}"] for i in range(1, n + 1)]
    report.table(
        [Col("序号", 1, "center", kind="seq"), Col("姓名", 3)], rows, total_row=["合计", f"{n} 人"]
    )
    return [re.sub(r"\s+", "", t) for t in page_texts(report.save())]


@pytest.fixture(scope="module")
def rows_per_page(tmp_path_factory) -> int:
    """The most rows (with the total) that one page takes (squeezing included)."""
    folder = tmp_path_factory.mktemp("fit")
    low, high = 1, 120
    while low < high:  # one page for ``low`` rows, more than one for ``high``
        middle = (low + high + 1) // 2
        if len(_name_list(folder, middle)) == 1:
            low = middle
        else:
            high = middle - 1
    return low


@pytest.mark.parametrize("extra", range(1, 6))
def test_no_last_page_with_a_single_row_or_a_lonely_total(tmp_path, rows_per_page, extra):
    """Past the page boundary the last page gets at least two rows with the total (a row or
    two over is squeezed onto the page instead, which ``rows_per_page`` already counts)."""
    pages = _name_list(tmp_path, rows_per_page + extra)
    if len(pages) > 1:
        last = pages[-1]
        assert len(re.findall(r"姓名(\d+)", last)) >= 2, last
        assert "合计" in last


def test_column_that_repeats_the_group_heading_is_left_out(tmp_path):
    report = Report(tmp_path / "分组.pdf", "名单")
    rows = [[1, "外国语学院分工会", "张三", "2025-05-23"], [2, "外国语学院分工会", "李四", ""]]
    report.table(
        [Col("序号", 1), Col("分工会", 4), Col("姓名", 2), Col("入会日期", 2)],
        rows,
        group_title="外国语学院分工会（共 2 人）",
    )
    text = _text(report.save())
    assert text.count("外国语学院分工会") == 1  # the heading only
    assert "序号姓名入会日期" in text  # header without the 分工会 column


def test_agenda_place_once_attendees_per_item_and_closing(tmp_path):
    from guilin_union.reports.congress.agenda import AgendaRow, build_agenda

    rows = [
        AgendaRow("2026-12-07", "08:30—09:00", "开幕式", "张三", "", "报告厅", "全体代表"),
        AgendaRow("2026-12-07", "09:00—10:00", "工作报告", "张三", "李四", "报告厅"),
    ]
    out = build_agenda(
        tmp_path / "议程.pdf",
        session_title="第一届第一次会议",
        parts=[("正式会议", rows)],
        venue="报告厅",
        presidium="常务主席：张三",
    )
    text = _text(out)
    assert text.count("报告厅") == 1  # in the subtitle, not on every row
    assert "与会人员" in text and "全体代表" in text
    assert text.endswith("大会主席团2026年12月7日第1页共1页")


def test_forty_character_name_stays_inside_the_member_card(tmp_path):
    from reportlab.lib.pagesizes import A4

    from guilin_union.reports.members import cards as mc

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    name = ("欧阳" * 10 + "Maria Elena de la Cruz")[:40]
    out = mc.build_member_cards(
        tmp_path / "证.pdf",
        [mc.MemberCard(name, "2024010001", "文学院分工会", "2024-09-20")],
        union_name="桂林学院工会委员会",
    )
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    left = (A4[0] - mc.COLUMNS * mc.CARD_W - (mc.COLUMNS - 1) * mc.GAP) / 2
    top = (A4[1] - mc.ROWS * mc.CARD_H - (mc.ROWS - 1) * mc.GAP) / 2  # from the page top
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        bbox,
    )
    printed = "".join(w[4] for w in words if "欧阳" in w[4] or w[4] in name.split())
    assert "欧阳欧阳" in printed and "Maria" in printed  # all of it printed, spaces kept
    for x0, y0, x1, y1, text in words:
        if "欧阳" in text or text in name.split():
            assert left < float(x0) and float(x1) < left + mc.CARD_W, text
            assert top < float(y0) and float(y1) < top + mc.CARD_H, text


def test_fonts_by_role_tables_use_the_table_face(tmp_path, monkeypatch):
    """Title, body and table text each come from their role's font (宋体 for tables where
    installed); here the fallback font stands in for a distinct table face."""
    from dataclasses import replace

    from guilin_union.reports import fonts

    choice = fonts.register_fonts()
    if not choice.embedded or not choice.fallback_paths:
        pytest.skip("needs an embedded font and a second (fallback) font")
    table_face = fonts._load_fallback(Path(choice.fallback_paths[0]))
    monkeypatch.setattr(fonts, "_choice", replace(choice, table=table_face))
    report = Report(tmp_path / "角色.pdf", "名单")
    report.paragraph("正文")
    report.table([Col("序号", 1), Col("姓名", 3)], [[1, "张三"]])
    out = report.save()
    used = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "HanaMin" in used  # the table cells (only they) are set in the table face


def test_a_chart_does_not_bring_unembedded_helvetica(tmp_path):
    from reportlab.graphics.shapes import Drawing, Rect

    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts not installed")
    report = Report(tmp_path / "图.pdf", "统计图")
    drawing = Drawing(200, 50)
    drawing.add(Rect(0, 0, 100, 20))
    report.add(drawing)
    used = subprocess.run(
        ["pdffonts", str(report.save())], capture_output=True, text=True, check=True
    ).stdout
    assert "Helvetica" not in used
