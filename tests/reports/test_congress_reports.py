"""Every congress printout, read back with pypdf (Chinese text included)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from guilin_union.services.congress import agenda, attendance, outputs, votes
from tests.congress_fixtures import make_congress


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _compact(path) -> str:
    return "".join(_text(path).split())


@pytest.fixture
def meeting(db):
    c = make_congress(db, formal=6, attending=1, special=1, spare=0, teachers=3)
    agenda.apply_standard_agenda(db, c.session_id)
    agenda.add_item(
        db,
        c.session_id,
        {"part": "正式会议", "content": "审议《A<B & R&D》办法", "reporter": "张<三>"},
    )
    attendance.set_attendance_many(
        db, c.session_id, [c.delegates[n] for n in list(c.delegates)[:4]], "出席"
    )
    votes.add_standard_motions(db, c.session_id)
    first = votes.list_motions(db, c.session_id)[0]
    votes.record_votes(db, first.id, yes=4, no=0, abstain=0)
    second = votes.list_motions(db, c.session_id)[1]
    votes.record_votes(db, second.id, yes=3, no=1, abstain=0)
    return c


def test_agenda_pdf(db, meeting, tmp_path):
    out = outputs.agenda_pdf(db, meeting.session_id, tmp_path / "议程.pdf")
    text = _compact(out)
    assert "第一届教职工代表大会暨工会会员代表大会第一次会议议程" in text
    for expected in (
        "预备会议",
        "正式会议",
        "代表资格审查报告",
        "工会工作报告",
        "审议《A<B&R&D》办法",
        "张<三>",
        "08:40—09:30",
    ):
        assert expected in text, expected


def test_delegate_roster_pdf_with_composition_and_warning(db, meeting, tmp_path):
    out, n = outputs.delegates_pdf(db, meeting.session_id, tmp_path / "名册.pdf")
    text = _compact(out)
    assert n == 8
    assert "文学院代表团（4人）" in text and "机关代表团（4人）" in text
    for name in meeting.delegates:
        assert name in text
    assert "代表构成统计" in text and "教师代表占50.0%" in text
    assert "低于规定的60%" in text  # 3 of 6 teachers: the warning is printed


def test_signin_pdf_one_page_per_delegation(db, meeting, tmp_path):
    out, groups = outputs.signin_pdf(db, meeting.session_id, tmp_path / "签到表.pdf")
    reader = PdfReader(out)
    assert groups == 2 and len(reader.pages) == 2
    first = "".join(reader.pages[0].extract_text().split())
    assert "文学院代表团" in first and "应到3人" in first and "签名" in first and "实到" in first
    assert "赵一" in first and "钱二" not in first
    assert "郑七（列席代表）" in first  # 列席 on its own table
    out2, _ = outputs.signin_pdf(db, meeting.session_id, tmp_path / "签到表2.pdf", with_counts=True)
    assert "实到2人" in "".join(PdfReader(out2).pages[0].extract_text().split())


def test_ballots_several_per_page_or_one_per_page(db, meeting, tmp_path):
    out, copies = outputs.ballot_pdf(db, meeting.session_id, tmp_path / "票.pdf")
    assert copies == 6  # one per 正式代表
    text = _compact(out)
    assert text.count("通过工会工作报告") == 6 and text.count("同意") >= 30 and "弃权" in text
    assert len(PdfReader(out).pages) < 6
    single, _ = outputs.ballot_pdf(
        db, meeting.session_id, tmp_path / "单.pdf", copies=3, one_per_page=True
    )
    assert len(PdfReader(single).pages) == 3


def test_ballot_needs_motions(db, tmp_path):
    from guilin_union.core.errors import ValidationError

    c = make_congress(db)
    with pytest.raises(ValidationError, match="表决事项"):
        outputs.ballot_pdf(db, c.session_id, tmp_path / "票.pdf")


def test_vote_results_pdf(db, meeting, tmp_path):
    out = outputs.vote_results_pdf(db, meeting.session_id, tmp_path / "结果.pdf")
    text = _compact(out)
    assert "表决结果" in text and "应到正式代表6人" in text and "实到正式代表4人" in text
    assert "同意票超过全体正式代表的二分之一" in text
    assert "通过学校工作报告" in text and "未通过" in text and "待表决" in text
    assert "通过1项，未通过1项，待表决3项" in text


def test_delegate_export_excel(db, meeting, tmp_path):
    from openpyxl import load_workbook

    out, n = outputs.export_delegates(db, meeting.session_id, tmp_path / "代表.xlsx")
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert n == 8 and any("赵一" in row for row in values)
    assert any("未签到" in row for row in values)
