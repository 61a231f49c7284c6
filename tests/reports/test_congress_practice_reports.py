"""Issue 20 printouts read back: per-sitting 签到表, 选举计票结果, 分组讨论记录, 优秀提案名单,
the 主席团 on the agenda and the Word draft of the 提案工作报告."""

from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader

from guilin_union.services import proposals
from guilin_union.services.congress import elections, outputs, printouts, sittings
from guilin_union.services.proposals import handling
from guilin_union.services.proposals import printouts as proposals_printouts
from tests.congress_fixtures import department, make_congress, submit


def _compact(path) -> str:
    return "".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


@pytest.fixture
def c(db):
    c = make_congress(db, formal=6, attending=1, special=1, spare=0)
    c.sitting = sittings.add_sitting(
        db, c.session_id, {"kind": "正式会议", "sitting_date": "2024-03-15", "half_day": "上午"}
    ).row_id
    for name in ("赵一", "钱二", "孙三", "李四", "周五"):
        sittings.sign_in(db, c.sitting, c.delegates[name], "已签到")
    sittings.sign_in(db, c.sitting, c.delegates["吴六"], "请假")
    return c


def test_sitting_signin_sheet(c, tmp_path):
    path, expected = printouts.sitting_signin_pdf(
        c.db, c.sitting, tmp_path / "s.pdf", with_counts=True
    )
    text = _compact(path)
    assert expected == 6
    assert "正式会议签到表" in text and "2024年3月15日上午" in text
    assert "应到6人" in text and "实到5人" in text and "请假1人" in text
    assert "赵一" in text and "签到负责人" in text


def test_election_results_sheet(c, tmp_path):
    eid = elections.add_election(
        c.db,
        c.session_id,
        {
            "title": "增补工会委员",
            "method": "差额",
            "seats": 1,
            "candidates": ["赵一", "钱二"],
            "sitting_id": c.sitting,
            "scrutineers": "孙三",
            "tellers": "李四",
        },
    ).row_id
    elections.record_ballots(c.db, eid, issued=5, returned=5, valid=5, invalid=0)
    elections.record_candidate_votes(c.db, eid, {"赵一": (4, 1, 0, 0), "钱二": (1, 3, 1, 0)})
    path, n = printouts.election_results_pdf(c.db, c.session_id, tmp_path / "e.pdf")
    text = _compact(path)
    assert n == 1
    assert "选举计票结果" in text and "增补工会委员（差额选举，应选1人）" in text
    assert "当选" in text and "未过半数" in text
    assert "监票人：孙三" in text and "计票人签名" in text


def test_discussion_minutes(c, tmp_path):
    delegation = c.db.execute(
        "SELECT delegation_id FROM congress_delegates WHERE id = ?", [c.delegates["赵一"]]
    ).fetchone()[0]
    group = sittings.add_sitting(
        c.db,
        c.session_id,
        {
            "kind": "分组讨论",
            "sitting_date": "2024-03-15",
            "half_day": "下午",
            "delegation_id": delegation,
            "convenor": "赵一",
            "recorder": "孙三",
            "minutes": "建议增设教工子女托管班。",
            "place": "301室",
        },
    ).row_id
    sittings.sign_in(c.db, group, c.delegates["赵一"], "已签到")
    path, n = printouts.discussion_minutes_pdf(c.db, c.session_id, tmp_path / "d.pdf")
    text = _compact(path)
    assert n == 1 and "分组讨论记录" in text
    assert "召集人" in text and "赵一" in text and "建议增设教工子女托管班。" in text
    assert "应到3人，实到1人" in text


def test_agenda_prints_the_presidium(c, tmp_path):
    sittings.set_presidium(
        c.db, c.session_id, [(c.members["赵一"], "常务主席"), (c.members["钱二"], "成员")]
    )
    text = _compact(outputs.agenda_pdf(c.db, c.session_id, tmp_path / "a.pdf"))
    assert "大会主席团" in text and "常务主席：赵一" in text and "成员：钱二" in text


def test_excellent_list_and_word_draft(c, tmp_path):
    a = submit(c, "关于改善夜间照明的建议")
    s = submit(c, "关于开放周末图书馆的建议")
    r = submit(c, "关于取消坐班制度的建议")
    proposals.accept(c.db, a, level="重点", on="2024-03-20")
    proposals.to_suggestion(c.db, s, on="2024-03-20")
    proposals.reject(c.db, r, reason="不属于教代会职权范围", on="2024-03-20")
    handling.assign(c.db, s, lead_department_id=department(c.db, "图书馆"), on="2024-03-25")
    proposals.mark_excellent(c.db, a, on="2024-06-01")
    path, n = proposals_printouts.excellent_pdf(c.db, c.session_id, tmp_path / "x.pdf")
    text = _compact(path)
    assert n == 1 and "优秀提案名单" in text and "关于改善夜间照明的建议" in text
    assert "2024年6月1日" in text
    docx = proposals_printouts.work_report_docx(c.db, c.session_id, tmp_path / "w.docx")
    body = "\n".join(p.text for p in Document(docx).paragraphs)
    cells = "\n".join(
        cell.text for t in Document(docx).tables for row in t.rows for cell in row.cells
    )
    assert "提案工作报告" in body and "本次会议共收到提案 3 件" in body
    assert "（三）不立案提案及理由" in body and "不属于教代会职权范围" in cells
    assert "关于开放周末图书馆的建议" in cells and "统计口径说明" in body
    pdf = _compact(proposals_printouts.work_report_docx(c.db, c.session_id, tmp_path / "w.pdf"))
    assert "提案工作报告（草稿）" in pdf and "不属于教代会职权范围" in pdf


def test_supervision_list(c, tmp_path):
    a = submit(c, "关于改善夜间照明的建议")
    proposals.accept(c.db, a, level="重点", on="2024-03-20")
    handling.assign(c.db, a, lead_department_id=department(c.db, "后勤保障处"), on="2024-03-25")
    proposals.set_supervisor(c.db, a, c.members["周五"])
    path, n = proposals_printouts.supervision_pdf(c.db, c.session_id, tmp_path / "s.pdf")
    text = _compact(path)
    assert n == 1 and "督办提案清单" in text and "督办委员：周五（1件）" in text
    assert "后勤保障处" in text and "关于改善夜间照明的建议" in text
