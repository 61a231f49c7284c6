from __future__ import annotations

from pypdf import PdfReader

from guilin_union.reports.intake.forms import MemberForm, build_member_forms
from guilin_union.reports.intake.list import PendingPerson, build_intake_list
from guilin_union.reports.members.cards import MemberCard, build_member_cards
from guilin_union.reports.members.dues import DuesReportRow, build_dues_summary


def _text(path):
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_member_forms_one_page_per_form_in_one_pdf(tmp_path):
    people = [
        MemberForm(
            name="张三",
            gender="男",
            branch="文学院分工会",
            department="R&D<实验室>",
            id_number="4503**********1255",
            member_no="2024010001",
            join_date="2024-09-20",
        ),
        MemberForm(name="李四", gender="女", branch="机关分工会", applied_on="2024-09-02"),
    ]
    out = build_member_forms(
        tmp_path / "f.pdf", people, institution="桂林学院", union_name="桂林学院工会委员会"
    )
    pages = _text(out)
    assert len(pages) == 4
    assert "入会申请书" in pages[0] and "张三" in pages[0] and "R&D<实验室>" in pages[0]
    assert "工会会员登记表" in pages[1] and "2024010001" in pages[1] and "2024年9月20日" in pages[1]
    assert (
        "分工会审核意见" in pages[0] and "校工会审批意见" in pages[0] and "签名（盖章）" in pages[0]
    )
    assert "李四" in pages[2] and "2024年9月2日" in pages[2]
    assert "（批准后填写）" in pages[3]
    only = build_member_forms(
        tmp_path / "g.pdf", people, institution="桂林学院", union_name="工会", application=False
    )
    assert len(_text(only)) == 2


def test_intake_list_groups_and_approval_box(tmp_path):
    person = PendingPerson(
        "张三",
        "男",
        "1990-03-07",
        "汉语言文学系",
        "讲师",
        "硕士研究生",
        "中共党员",
        "在编",
        "2024-09-01",
        "2024-09-02",
        "待校工会批准",
    )
    out = build_intake_list(
        tmp_path / "l.pdf",
        [("文学院分工会", [person]), ("机关分工会", [person])],
        institution="桂林学院",
        union_name="桂林学院工会委员会",
    )
    text = "".join(_text(out))
    assert "待批准入会人员名单" in text and "共2人" in text
    assert "文学院分工会（1人）" in text and "机关分工会（1人）" in text
    assert "1990.03" in text and "分工会已审核" in text and "校工会审批意见" in text
    # The number approved is written on a line, not in a gap of spaces.
    assert "同意以上" in text and "名同志加入工会" in text


def test_member_cards_ten_per_page(tmp_path):
    cards = [
        MemberCard(f"会员{i}", f"20240100{i:02d}", "文学院分工会", "2024-09-20") for i in range(11)
    ]
    out = build_member_cards(tmp_path / "c.pdf", cards, union_name="桂林学院工会委员会")
    pages = _text(out)
    assert len(pages) == 2
    assert pages[0].count("会员证") >= 10 and "会员9" in pages[0] and "会员10" in pages[1]
    assert "照片" in pages[0] and "2024年9月20日" in pages[0]


def test_dues_summary_total_in_words(tmp_path):
    rows = [
        DuesReportRow("文学院分工会", 2, 1, 1, 0, 567000, 2835),
        DuesReportRow("机关分工会", 1, 1, 0, 1, 300000, 1500),
    ]
    out = build_dues_summary(
        tmp_path / "d.pdf",
        rows,
        month="2024-05",
        rule_text="按月工资基数的0.5%计缴",
        institution="桂林学院",
        union_name="桂林学院工会委员会",
    )
    text = "".join(_text(out))
    assert "2024年5月" in text and "43.35" in text and "肆拾叁元叁角伍分" in text
    assert "有1名应缴会员尚未录入工资基数" in text


def test_registration_form_has_the_real_forms_fields(tmp_path):
    person = MemberForm(name="张三", branch="文学院分工会", member_no="2024010001")
    out = build_member_forms(
        tmp_path / "r.pdf", [person], institution="桂林学院", union_name="工会", application=False
    )
    text = "".join(_text(out))
    for field in (
        "会员证号",
        "籍贯",
        "家庭主要成员及工作单位",
        "个人工作简历",
        "照片",
        "2024010001",
    ):
        assert field in text
