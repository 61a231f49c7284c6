"""Every proposal printout read back, and the Excel outputs."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from guilin_union.services import proposals
from guilin_union.services.proposals import handling, outputs
from guilin_union.services.proposals.query import ProposalQuery
from tests.congress_fixtures import department, make_congress, submit


def _pages(path) -> list[str]:
    return ["".join(p.extract_text().split()) for p in PdfReader(path).pages]


@pytest.fixture
def season(db):
    c = make_congress(db, formal=6, attending=0, special=0, spare=0)
    a = submit(
        c,
        "关于增设教工子女托管班的建议",
        reasons="暑假期间子女无人照看<影响>工作",
        suggestions="1. 开设托管班\n2. R&D",
    )
    b = submit(
        c,
        "关于完善职称评审办法的建议",
        proposer="李四",
        seconders=("周五", "吴六"),
        category="人事制度",
    )
    m = submit(c, "关于开设暑期托管的提案", proposer="周五", seconders=("李四", "吴六"))
    r = submit(c, "关于发放购物卡的建议", proposer="孙三", seconders=("李四", "吴六"))
    proposals.accept(c.db, a, level="重点", on="2024-03-20")
    proposals.accept(c.db, b, on="2024-03-20")
    proposals.merge(c.db, m, a, on="2024-03-20")
    proposals.reject(c.db, r, reason="不属于提案范围", on="2024-03-20")
    handling.assign(
        c.db,
        a,
        lead_department_id=department(db, "后勤保障处"),
        co_department_ids=[department(db, "人事处")],
        on="2024-03-25",
    )
    handling.reply(c.db, a, text="已于暑假开设托管班两期。", outcome="已落实", on="2024-05-01")
    handling.rate(c.db, a, rating="不满意", on="2024-05-05", note="名额太少")
    handling.reply(c.db, a, text="增加到四期，名额翻倍。", outcome="已落实", on="2024-05-20")
    handling.rate(c.db, a, rating="满意", on="2024-05-25")
    handling.assign(
        c.db,
        b,
        lead_department_id=department(db, "人事处"),
        on="2024-03-25",
        reply_deadline="2024-04-30",
    )
    return c, {"a": a, "b": b, "m": m, "r": r}


def test_proposal_forms_one_page_each(db, season, tmp_path):
    c, ids = season
    out, n = outputs.proposal_forms_pdf(db, c.session_id, tmp_path / "提案表.pdf")
    pages = _pages(out)
    assert n == 4 and len(pages) >= 4
    first = "".join(p for p in pages if "编号：2024-001" in p)
    for expected in (
        "关于增设教工子女托管班的建议",
        "赵一",
        "钱二、孙三",
        "提案人签名",
        "附议人签名",
        "立案（重点）",
        "后勤保障处",
        "人事处",
        "第1轮办理",
        "第2轮办理",
        "不满意（名额太少）",
        "满意",
        "暑假期间子女无人照看<影响>工作",
        "R&D",
        "联名提案人",
        "周五（随2024-003并入）",
        # issue 16: a signature place per 附议人, the committee's and the handling unit's seal
        "附议人签名（钱二）",
        "附议人签名（孙三）",
        "委员会签章",
        "承办单位（盖章）",
        "提案人确认（签名）",
    ):
        assert expected in first, expected
    pending = outputs.proposal_forms_pdf(db, c.session_id, tmp_path / "one.pdf", ids=[ids["b"]])[0]
    text = "".join(_pages(pending))
    assert "2024-002" in text and "2024-001" not in text and "尚未答复" in text


def test_compilation_lists_accepted_only(db, season, tmp_path):
    c, _ids = season
    out, n = outputs.compilation_pdf(db, c.session_id, tmp_path / "汇编.pdf")
    text = "".join(_pages(out))
    assert n == 2 and "目录" in text and "共收录立案提案2件" in text
    assert "关于增设教工子女托管班的建议" in text and "关于完善职称评审办法的建议" in text
    assert "关于发放购物卡的建议" not in text and "增加到四期" in text


def test_handling_list_columns(db, season, tmp_path):
    c, _ids = season
    out, n = outputs.handling_pdf(
        db, ProposalQuery(session_id=c.session_id, today=dt.date(2024, 6, 1)), tmp_path / "一览.pdf"
    )
    text = "".join(_pages(out))
    assert n == 4
    for header in (
        "编号",
        "案由",
        "提案人",
        "附议人",
        "类别",
        "审查结果",
        "主办/协办单位",
        "答复日期",
        "落实情况",
        "评价",
    ):
        assert header in text, header
    assert "逾期未复" in text and "2024年5月20日" in text and "并案（并入2024-001）" in text
    assert "其中逾期未答复1件" in text


def test_stats_pdf_and_excel(db, season, tmp_path):
    c, _ids = season
    out = outputs.stats_pdf(db, c.session_id, tmp_path / "统计.pdf", today=dt.date(2024, 6, 1))
    text = "".join(_pages(out))
    assert "收到提案4件" in text and "办复率50.0%" in text and "满意率100.0%" in text
    assert "逾期未答复提案" in text and "2024-002" in text and "办复率＝" in text
    book = load_workbook(
        outputs.stats_excel(db, c.session_id, tmp_path / "统计.xlsx", today=dt.date(2024, 6, 1))
    )
    assert book.sheetnames == ["概况", "按审查结果", "按类别", "按主办单位", "逾期清单"]
    values = [[cell.value for cell in row] for row in book["概况"].iter_rows()]
    assert ["办复率", "50.0%"] in values


def test_list_export(db, season, tmp_path):
    c, _ids = season
    out, n = outputs.export_list(
        db, ProposalQuery(session_id=c.session_id, category="民生福利"), tmp_path / "列表.xlsx"
    )
    ws = load_workbook(out).active
    values = [[cell.value for cell in row] for row in ws.iter_rows()]
    assert n == 3 and "类别：民生福利" in values[0][0]
    assert values[1][:3] == ["编号", "案由", "类别"]


def test_compilation_without_accepted_is_a_clear_error(db, tmp_path):
    from guilin_union.core.errors import ValidationError

    c = make_congress(db)
    with pytest.raises(ValidationError, match="还没有立案"):
        outputs.compilation_pdf(db, c.session_id, tmp_path / "x.pdf")
