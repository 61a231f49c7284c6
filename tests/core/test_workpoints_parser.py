"""Tests for core.workpoints_parser: both real samples exactly, each numbering style, each
annotation form, each PDF-extraction artefact and the header metadata."""

from __future__ import annotations

import json
import random
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guilin_union.core.workpoints_parser import (
    ParsedWorkpoints,
    WorkpointNode,
    chinese_numeral_to_int,
    normalize_extracted_text,
    parse_workpoints,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "workpoints"
SCHOOL_2024 = FIXTURES / "workpoints-guilin-university-2024.txt"
REGION_2025 = FIXTURES / "workpoints-gx-education-union-2025.txt"

# Units of the regional 2025 document, copied by hand from the document's annotations.
CITY = "各市教育工会〈教科文卫体工会〉"
COLLEGES = "各高校工会"
LEAD = "自治区教育工会"
REGION_2025_UNITS: dict[str, tuple[str | None, list[str]]] = {
    "一": (LEAD, [CITY, COLLEGES]),
    "二": (LEAD, [CITY, COLLEGES]),
    "三": (LEAD, [CITY, COLLEGES]),
    "四": (LEAD, ["各相关市教育工会〈教科文卫体工会〉", "各相关区直驻邕高校工会"]),
    "五": (LEAD, ["各相关市教育工会〈教科文卫体工会〉", "南宁师范大学工会"]),
    "六": (LEAD, [CITY, COLLEGES]),
    "七": (LEAD, ["区直各驻邕高校工会"]),
    "八": (LEAD, ["各市教育工会〈中国教科文卫体工会〉", COLLEGES]),
    "九": (LEAD, ["防城港", "百色", "崇左市教育工会"]),
    "十": (LEAD, ["区直各驻邕高校工会"]),
    "十一": (None, []),
    "十一/1": (LEAD, ["区直各驻邕高校工会"]),
    "十一/2": (LEAD, ["防城港", "百色", "崇左市教育工会"]),
    "十一/3": (LEAD, [CITY, COLLEGES]),
    "十二": (LEAD, [CITY, COLLEGES]),
    "十三": (LEAD, [CITY, COLLEGES]),
    "十四": (LEAD, [CITY]),
    "十五": (LEAD, [CITY, COLLEGES]),
    "十六": (LEAD, [CITY, "区直驻邕各高校工会"]),
    "十七": (LEAD, [CITY, COLLEGES]),
}


def _load(path: Path) -> ParsedWorkpoints:
    return parse_workpoints(path.read_text(encoding="utf-8"))


def _items(doc: ParsedWorkpoints) -> dict[str, WorkpointNode]:
    """Items by number, sub-items as "十一/1"."""
    found: dict[str, WorkpointNode] = {}
    for section in doc.nodes:
        for item in section.children:
            found[item.number] = item
            for sub in item.children:
                found[f"{item.number}/{sub.number}"] = sub
    return found


def _shape(doc: ParsedWorkpoints) -> list[tuple[str, int, str]]:
    return [(node.number, node.level, node.style) for node in doc.iter_nodes()]


def test_docstring_examples() -> None:
    import doctest

    from guilin_union.core import workpoints_parser

    result = doctest.testmod(workpoints_parser)
    assert result.attempted > 5 and result.failed == 0


# --------------------------------------------------------------------------------------------
# Chinese numerals
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("十七", 17),
        ("二十", 20),
        ("二十二", 22),
        ("九十九", 99),
        ("一十二", 12),
    ],
)
def test_chinese_numeral_to_int(numeral: str, value: int) -> None:
    assert chinese_numeral_to_int(numeral) == value


def test_chinese_numeral_to_int_agrees_with_cn2an_for_1_to_99() -> None:
    for value in range(1, 100):
        numeral = cn2an.an2cn(value)
        assert chinese_numeral_to_int(numeral) == value == cn2an.cn2an(numeral, "strict")


@pytest.mark.parametrize("bad", ["", "百", "一百", "十十", "二二", "零", "1", "甲", "两"])
def test_chinese_numeral_to_int_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        chinese_numeral_to_int(bad)


# --------------------------------------------------------------------------------------------
# The school's 2024 document
# --------------------------------------------------------------------------------------------
def test_school_2024_meta() -> None:
    doc = _load(SCHOOL_2024)
    meta = doc.meta
    assert meta.issuer == "桂林学院"
    assert meta.doc_number == "桂院工〔2024〕1号"
    assert meta.date is None  # the document carries no date
    assert meta.title == "桂林学院2024年工会工作要点"
    assert meta.intro is not None
    assert meta.intro.startswith(
        "2024年学校工会的指导思想：以习近平新时代中国特色社会主义思想为指导"
    )
    assert meta.intro.endswith("为学校全面发展贡献工会力量。")
    assert doc.warnings == []


def test_school_2024_outline() -> None:
    doc = _load(SCHOOL_2024)
    assert [section.number for section in doc.nodes] == ["一", "二", "三", "四"]
    assert [[item.number for item in section.children] for section in doc.nodes] == [
        ["一", "二", "三"],
        ["四", "五", "六"],
        ["七", "八", "九"],
        ["十", "十一", "十二"],
    ]
    assert [section.heading for section in doc.nodes] == [
        "强化思想引领，筑牢团结奋斗的思想基础",
        "聚力民主建设，落实保障教职工的民主权利",
        "激发奋进力量，提升教职工获得感、幸福感、安全感",
        "强化自身建设，提高工会工作的整体水平",
    ]
    for node in doc.iter_nodes():
        assert node.lead_unit is None and node.responsible_units == []
        assert node.level == (1 if node.style == "section" else 2)
    items = _items(doc)
    assert len(items) == 12
    assert all(not item.children for item in items.values())
    assert items["三"].heading == "加强教职工文化阵地建设，做强做优工会宣传工作。"
    assert items["八"].heading == "持续开展形式多样、内涵丰富的群众性文体活动，增进教职工身心健康。"
    assert items["九"].heading == "健全常态化帮扶机制，加大为教职工排忧解难的力度。"
    assert items["一"].heading == items["一"].text  # one sentence only
    assert items["一"].text.startswith("坚持不懈用习近平新时代中国特色社会主义思想凝心铸魂，")
    assert items["二"].text.startswith("以中华人民共和国成立75周年等重要节庆为契机")
    # (七) is broken in the middle of a word (典型 / 树模工作) with a blank line between.
    assert "开展各类评先推优和典型树模工作等，增强教师荣誉感。" in items["七"].text
    assert items["七"].text.endswith("大力弘扬文明家风，培树家庭典型。")
    assert items["十二"].text.endswith("提升工会财务和经审工作质效。")
    assert "\n" not in json.dumps(doc.to_dict(), ensure_ascii=False)


# --------------------------------------------------------------------------------------------
# The regional 2025 document
# --------------------------------------------------------------------------------------------
def test_region_2025_meta() -> None:
    doc = _load(REGION_2025)
    meta = doc.meta
    assert meta.issuer == "广西壮族自治区教育工会委员会"
    assert meta.doc_number == "桂教工字〔2025〕9号"
    assert meta.date == "2025-04-07"
    assert meta.title == "自治区教育工会2025年工作要点"
    assert meta.intro is not None
    assert meta.intro.startswith("2025年自治区教育工会工作的总体要求是：坚持以习近平")
    assert meta.intro.endswith("以优异成绩迎接和庆祝中华全国总工会成立100周年。")
    # Nothing of the notice leaks into the introduction.
    assert "印发给你们" not in meta.intro and "4月7日" not in meta.intro
    assert doc.warnings == []


def test_region_2025_outline() -> None:
    doc = _load(REGION_2025)
    assert [section.number for section in doc.nodes] == ["一", "二", "三", "四"]
    assert [[item.number for item in section.children] for section in doc.nodes] == [
        ["一", "二", "三", "四"],
        ["五", "六", "七"],
        ["八", "九", "十", "十一", "十二", "十三"],
        ["十四", "十五", "十六", "十七"],
    ]
    assert doc.nodes[0].heading == "深入实施“凝心工程”，团结引导全区教职工坚定不移听党话、跟党走"
    assert doc.nodes[3].heading == "深入实施“强基工程”，持续推动各级教育工会建起来、转起来、强起来"
    items = _items(doc)
    caring = items["十一"]
    assert [(sub.number, sub.level, sub.style) for sub in caring.children] == [
        ("1", 3, "sub"),
        ("2", 3, "sub"),
        ("3", 3, "sub"),
    ]
    assert caring.heading == caring.text == "深化教职工关爱系列行动"
    assert [key for key, item in items.items() if item.children] == ["十一"]
    assert items["一"].heading == "坚持用习近平新时代中国特色社会主义思想凝心铸魂。"
    assert items["六"].heading == "举办全区教育系统工会“劳模工匠助企行”暨产教融合成果交流活动。"
    assert items["十七"].heading == "持续提升干部队伍素质。"
    assert items["十一/3"].heading == "实施“健康守护计划”。"
    assert items["十一/1"].heading == "组织开展区直驻邕高校教职工疗休养活动。"


def test_region_2025_every_annotation_exactly() -> None:
    items = _items(_load(REGION_2025))
    assert set(items) == set(REGION_2025_UNITS)
    for key, (lead, units) in REGION_2025_UNITS.items():
        assert (items[key].lead_unit, items[key].responsible_units) == (lead, units), key


def test_region_2025_texts_without_annotations() -> None:
    items = _items(_load(REGION_2025))
    for key, item in items.items():
        assert "牵头单位" not in item.text and "责任单位" not in item.text, key
        assert "牵" not in item.text[-3:], key
        assert not item.text.endswith(("（", "(", "）", ")")), key
    # (一): broken after 、 with a blank line, annotation follows on the same line.
    assert items["一"].text.endswith("筑牢信仰之基、补足精神之钙、把稳思想之舵。")
    # (四): broken inside the word 志愿.
    assert "送健康等志愿服务活动，并向基层学校捐赠一批教学设备。" in items["四"].text
    # (九): annotation broken inside "牵头" and closed with a half-width bracket.
    assert items["九"].text.endswith("带动市、县级教育工会组织发挥作用。")
    # (十四): broken inside the word 组织部.
    assert "积极争取自治区总工会组织部、基层工作部等部门的支持" in items["十四"].text
    # (十七) uses half-width punctuation throughout; the text keeps it as written.
    assert items["十七"].text == (
        "持续提升干部队伍素质。分别举办全区教育工会领导干部培训班和区直驻邕高校工会财务经审"
        "工作培训班,不断提升教育工会干部的政治能力和业务素质。"
    )


def test_to_dict_shape_and_json() -> None:
    doc = _load(REGION_2025)
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert set(data) == {"meta", "nodes"}
    assert set(data["meta"]) == {"issuer", "doc_number", "date", "title", "intro"}
    node = data["nodes"][2]["children"][3]
    assert set(node) == {
        "number",
        "level",
        "heading",
        "text",
        "lead_unit",
        "responsible_units",
        "children",
    }
    assert (node["number"], node["level"], node["lead_unit"]) == ("十一", 2, None)
    assert [child["number"] for child in node["children"]] == ["1", "2", "3"]
    assert node["children"][1]["responsible_units"] == ["防城港", "百色", "崇左市教育工会"]


def test_iter_nodes_is_depth_first() -> None:
    numbers = [node.number for node in _load(REGION_2025).iter_nodes()]
    assert numbers[:6] == ["一", "一", "二", "三", "四", "二"]
    index = numbers.index("十一")
    assert numbers[index : index + 5] == ["十一", "1", "2", "3", "十二"]
    assert len(numbers) == 4 + 17 + 3


# --------------------------------------------------------------------------------------------
# Numbering styles
# --------------------------------------------------------------------------------------------
def test_only_arabic_items_are_level_1() -> None:
    doc = parse_workpoints(
        "工会2024年工作要点\n1.开展健步走活动。\n2.举办运动会。\n3.慰问困难职工。"
    )
    assert _shape(doc) == [("1", 1, "sub"), ("2", 1, "sub"), ("3", 1, "sub")]
    assert doc.meta.title == "工会2024年工作要点"
    assert doc.nodes[1].heading == "举办运动会。"


def test_sections_with_arabic_items_directly() -> None:
    doc = parse_workpoints("一、思想引领\n1.组织学习。\n2.开展宣讲。\n二、服务职工\n1.开展慰问。")
    assert _shape(doc) == [
        ("一", 1, "section"),
        ("1", 2, "sub"),
        ("2", 2, "sub"),
        ("二", 1, "section"),
        ("1", 2, "sub"),
    ]
    assert [len(section.children) for section in doc.nodes] == [2, 1]


def test_bracketed_items_without_sections() -> None:
    doc = parse_workpoints("（一）加强学习。组织学习。\n（二）开展活动。\n（三）做好服务。")
    assert _shape(doc) == [("一", 1, "item"), ("二", 1, "item"), ("三", 1, "item")]
    assert doc.nodes[0].text == "加强学习。组织学习。"


def test_half_width_brackets_next_to_full_width() -> None:
    text = "一、总体\n" + "\n".join(
        f"{'（' if n % 2 else '('}{cn2an.an2cn(n)}{'）' if n % 2 else ')'}第{n}项。"
        for n in range(1, 12)
    )
    doc = parse_workpoints(text)
    items = doc.nodes[0].children
    assert [item.number for item in items] == [cn2an.an2cn(n) for n in range(1, 12)]
    assert {(item.level, item.style) for item in items} == {(2, "item")}
    assert items[9].text == "第10项。"


@pytest.mark.parametrize("mark", ["1.", "1、", "1．", "1. ", "１．"])
def test_arabic_item_punctuation_variants(mark: str) -> None:
    second = mark.replace("1", "2").replace("１", "２")
    doc = parse_workpoints(f"（一）总任务\n{mark}第一件事。\n{second}第二件事。")
    assert _shape(doc) == [("一", 1, "item"), ("1", 2, "sub"), ("2", 2, "sub")]
    assert doc.nodes[0].children[0].text == "第一件事。"


def test_parenthesised_arabic_level() -> None:
    doc = parse_workpoints(
        "一、总体\n（一）第一项\n1.子项一\n（1）细项甲。\n(2)细项乙。\n2.子项二\n（二）第二项。"
    )
    assert _shape(doc) == [
        ("一", 1, "section"),
        ("一", 2, "item"),
        ("1", 3, "sub"),
        ("1", 4, "subsub"),
        ("2", 4, "subsub"),
        ("2", 3, "sub"),
        ("二", 2, "item"),
    ]


def test_levels_follow_order_of_first_appearance() -> None:
    doc = parse_workpoints("（一）甲\n1.子一。\n（1）细一。\n（二）乙\n1.子二。")
    assert _shape(doc) == [
        ("一", 1, "item"),
        ("1", 2, "sub"),
        ("1", 3, "subsub"),
        ("二", 1, "item"),
        ("1", 2, "sub"),
    ]


def test_number_inside_a_sentence_is_not_a_node() -> None:
    text = "（一）开展活动，内容包括 1. 健步走 2. 气排球。\n（二）做好服务。"
    doc = parse_workpoints(text)
    assert _shape(doc) == [("一", 1, "item"), ("二", 1, "item")]
    assert doc.nodes[0].text == "开展活动，内容包括1.健步走2.气排球。"


@pytest.mark.parametrize(
    "continuation",
    ["2022、2023年度审计整改情况。", "3.5万人次参加。", "5、6月份开展。", "3.第二季度完成。"],
)
def test_line_starting_with_a_number_mid_sentence_is_text(continuation: str) -> None:
    doc = parse_workpoints(f"1.第一项，计划在\n{continuation}\n2.第二项。")
    assert [node.number for node in doc.nodes] == ["1", "2"]
    assert doc.nodes[0].text == f"第一项，计划在{continuation}"
    assert doc.warnings == []


def test_numbering_gap_after_complete_paragraph_warns() -> None:
    doc = parse_workpoints("（一）第一项。\n（三）第三项。")
    assert [node.number for node in doc.nodes] == ["一", "三"]
    assert doc.warnings == ["编号不连续：“（一）”之后是“（三）”，请核对原文"]


def test_number_alone_on_its_line_joins_its_text() -> None:
    doc = parse_workpoints("（一）\n加强学习。\n（二）\n开展活动。")
    assert [(node.number, node.text) for node in doc.nodes] == [
        ("一", "加强学习。"),
        ("二", "开展活动。"),
    ]


def test_no_outline_gives_a_warning() -> None:
    doc = parse_workpoints("桂林学院工会2024年工作要点\n今年工作很多。")
    assert doc.nodes == []
    assert doc.meta.title == "桂林学院工会2024年工作要点"
    assert doc.meta.intro == "今年工作很多。"
    assert len(doc.warnings) == 1 and "未识别到任何工作要点条目" in doc.warnings[0]


def test_empty_text() -> None:
    doc = parse_workpoints("  \n\n")
    assert doc.nodes == [] and doc.meta.to_dict() == dict.fromkeys(
        ("issuer", "doc_number", "date", "title", "intro")
    )


# --------------------------------------------------------------------------------------------
# Annotations
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("annotation", "lead", "units"),
    [
        ("（牵头单位：校工会，配合单位：人事处、财务处）", "校工会", ["人事处", "财务处"]),
        ("（牵头单位：校工会；协办单位：团委，学生处）", "校工会", ["团委", "学生处"]),
        ("（牵头单位：校工会）", "校工会", []),
        ("（责任单位：各分工会）", None, ["各分工会"]),
        (
            "（牵头单位：校工会，责任单位：甲、乙，丙,丁；戊;己）",
            "校工会",
            ["甲", "乙", "丙", "丁", "戊", "己"],
        ),
        (
            "（牵头单位：自治区教育工会，责任单位：各市教育工会〈教科文卫体工会〉、各高校工会）",
            "自治区教育工会",
            ["各市教育工会〈教科文卫体工会〉", "各高校工会"],
        ),
        (
            "（牵头单位：校工会，责任单位：机关分工会（含后勤、保卫）、文学院分工会）",
            "校工会",
            ["机关分工会（含后勤、保卫）", "文学院分工会"],
        ),
        ("(牵头单位:校工会,责任单位:人事处、财务处)", "校工会", ["人事处", "财务处"]),
        ("（牵头单位： 校工会 ， 责任单位： 人事处 、 财务处 ）", "校工会", ["人事处", "财务处"]),
        ("（牵头部门：校工会，配合部门：人事处）", "校工会", ["人事处"]),
        (
            "（牵头单位：校工会，责任单位：人事处，配合单位：财务处、人事处）",
            "校工会",
            ["人事处", "财务处"],
        ),
        (
            "【牵头单位：校工会；责任单位：人事处、财务处；责任人：张三；完成时限：2024年6月】",
            "校工会",
            ["人事处", "财务处"],
        ),
    ],
)
def test_annotation_forms(annotation: str, lead: str | None, units: list[str]) -> None:
    doc = parse_workpoints(f"（一）开展活动。认真组织。{annotation}\n（二）下一项。")
    item = doc.nodes[0]
    assert (item.lead_unit, item.responsible_units) == (lead, units)
    assert item.text == "开展活动。认真组织。"
    assert doc.warnings == []


def test_unclosed_annotation_is_read_with_a_warning() -> None:
    doc = parse_workpoints("（一）开展活动。（牵头单位：校工会，责任单位：人事处")
    item = doc.nodes[0]
    assert (item.text, item.lead_unit, item.responsible_units) == (
        "开展活动。",
        "校工会",
        ["人事处"],
    )
    assert len(doc.warnings) == 1 and "缺少右括号" in doc.warnings[0]


def test_brackets_in_text_are_not_annotations() -> None:
    doc = parse_workpoints("（一）修订《工作规程（试行）》（2024年版）。（牵头单位：校工会）")
    assert doc.nodes[0].text == "修订《工作规程（试行）》（2024年版）。"
    assert doc.nodes[0].lead_unit == "校工会"


# --------------------------------------------------------------------------------------------
# PDF artefacts
# --------------------------------------------------------------------------------------------
def test_mid_sentence_and_mid_word_breaks_are_joined() -> None:
    raw = "（一）组织教职工深入学习，坚持读原著、\n学原文。开展各类评先推优和典型\n\n树模工作。\n（二）下一项。"
    assert normalize_extracted_text(raw) == (
        "（一）组织教职工深入学习，坚持读原著、学原文。开展各类评先推优和典型树模工作。\n（二）下一项。"
    )


def test_annotation_broken_inside_its_label() -> None:
    raw = "（九）发挥作用。（牵\n\n头单位：自治区教育工会，责任单位：防城港、百色、崇左市教育工\n会)\n(十)下一项。"
    doc = parse_workpoints(raw)
    item = doc.nodes[0]
    assert (item.text, item.lead_unit) == ("发挥作用。", "自治区教育工会")
    assert item.responsible_units == ["防城港", "百色", "崇左市教育工会"]
    assert [node.number for node in doc.nodes] == ["九", "十"]


@pytest.mark.parametrize(
    "page_number",
    [
        "- 3 -",
        "— 3 —",
        "－3－",
        "3",
        "12",
        "第3页",
        "第 3 页",
        "第3页 共9页",
        "第 3 页，共 9 页",
        "3/9",
        "3 / 9",
        "Page 3",
        "page 3 of 9",
    ],
)
def test_page_numbers_at_page_breaks_are_dropped(page_number: str) -> None:
    raw = f"（一）加强学习，组织\n\n{page_number}\n\n教职工学习。\n（二）下一项。"
    assert normalize_extracted_text(raw) == "（一）加强学习，组织教职工学习。\n（二）下一项。"


def test_blank_lines_and_line_endings() -> None:
    raw = "（一）甲乙\r\n\r\n\r\n丙丁。\r（二）戊\f己。\n\n"
    assert normalize_extracted_text(raw) == "（一）甲乙丙丁。\n（二）戊己。"


def test_spaces_next_to_chinese_are_removed_but_english_words_keep_one() -> None:
    raw = "（一）庆祝成立 100 周年，使用 Microsoft\nWord 排版，\u3000全面\u200b推进。"
    assert (
        normalize_extracted_text(raw) == "（一）庆祝成立100周年，使用Microsoft Word排版，全面推进。"
    )


@pytest.mark.parametrize(
    "footer",
    [
        "（供稿：工会办公室）",
        "供稿：工会办公室 审核：张三",
        "来源：桂林学院工会",
        "责任编辑：李四",
        "版权所有 © 桂林学院 2024",
        "Copyright © 2024 桂林学院 All Rights Reserved",
        "桂ICP备12345678号",
        "https://www.guit.edu.cn/gh/info/1001/2345.htm",
        "抄送：自治区教育工会",
        "桂林学院工会办公室 2024年3月1日印发",
        "【打印本页】【关闭窗口】",
    ],
)
def test_trailing_footer_lines_are_not_items(footer: str) -> None:
    doc = parse_workpoints(f"（一）第一项。\n（二）提升工作质效。\n{footer}\n点击数：123")
    assert [node.text for node in doc.nodes] == ["第一项。", "提升工作质效。"]


def test_credit_glued_to_the_last_item_is_removed() -> None:
    doc = parse_workpoints("（一）第一项。\n（二）提升工作质效。（供稿：工会办公室）")
    assert doc.nodes[-1].text == "提升工作质效。"


def test_signature_without_date_at_the_end_is_not_text() -> None:
    doc = parse_workpoints(
        "（一）第一项。\n（二）第二项。\n桂林学院工会委员会\n（供稿：工会办公室）"
    )
    assert doc.nodes[-1].text == "第二项。"
    assert doc.meta.issuer == "桂林学院工会委员会"


def test_signature_and_date_at_the_end_go_to_meta() -> None:
    doc = parse_workpoints(
        "桂林学院工会2024年工作要点\n（一）第一项。\n（二）第二项。\n"
        "桂林学院工会委员会\n2024年3月1日"
    )
    assert doc.meta.date == "2024-03-01"
    assert doc.meta.issuer == "桂林学院工会委员会"
    assert doc.nodes[-1].text == "第二项。"


def _break_like_a_pdf(source: str, rng: random.Random, max_cuts: int) -> str:
    """Break every line longer than 40 characters (the ones a PDF wraps) at up to
    ``max_cuts`` random places, with blank lines and page numbers between the pieces.

    Cuts avoid the first four characters (a PDF does not split "（一）") and the sides of
    digits and spaces: a wrapped line holding nothing but a number cannot be told from a page
    number, and real wrapping never produces one.
    """
    out = []
    for line in source.splitlines():
        if len(line) > 40:
            allowed = [
                i
                for i in range(4, len(line))
                if not (
                    line[i - 1].isdigit()
                    or line[i - 1].isspace()
                    or line[i].isdigit()
                    or line[i].isspace()
                )
            ]
            cuts = sorted(rng.sample(allowed, min(len(allowed), rng.randrange(max_cuts + 1))))
            pieces, previous = [], 0
            for cut in cuts:
                pieces += [
                    line[previous:cut],
                    rng.choice(["\n", "\n\n", "\n\n- 5 -\n\n", "\n第5页\n", "\n5\n"]),
                ]
                previous = cut
            pieces.append(line[previous:])
            line = "".join(pieces)
        out.append(line)
    return "\n".join(out)


def test_sample_broken_every_seventh_character_parses_the_same() -> None:
    source = REGION_2025.read_text(encoding="utf-8")
    reference = parse_workpoints(source).to_dict()
    broken_lines = []
    for line in source.splitlines():
        if len(line) > 40:
            pieces, previous = [], 0
            for cut in range(7, len(line), 7):
                if (
                    line[cut - 1].isdigit()
                    or line[cut - 1].isspace()
                    or line[cut].isdigit()
                    or line[cut].isspace()
                ):
                    continue
                pieces.append(line[previous:cut])
                previous = cut
            line = "\n\n- 2 -\n".join([*pieces, line[previous:]])
        broken_lines.append(line)
    assert len(broken_lines) < len("\n".join(broken_lines).splitlines()) / 5
    assert parse_workpoints("\n".join(broken_lines)).to_dict() == reference


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), use_2024=st.booleans())
def test_random_pdf_like_breaks_do_not_change_the_tree(seed: int, use_2024: bool) -> None:
    """The same tree whatever the line breaks, blank lines and page numbers. (The cuts come
    from a seeded generator so that a failure shrinks to one number quickly.)"""
    source = (SCHOOL_2024 if use_2024 else REGION_2025).read_text(encoding="utf-8")
    broken = _break_like_a_pdf(source, random.Random(seed), max_cuts=8)
    assert parse_workpoints(broken).to_dict() == parse_workpoints(source).to_dict()


# --------------------------------------------------------------------------------------------
# Header metadata
# --------------------------------------------------------------------------------------------
NOTICE = """桂林学院工会
文件
桂院工{bracket}1号
关于印发《桂林学院工会2024年工作要点》的
通知
各分工会：
现将《桂林学院工会2024年工作要点》印发给你们，请认真贯彻
落实。
附件：桂林学院工会2024年工作要点
桂林学院工会委员会
2024 年 3 月 1 日
附件
桂林学院工会2024年工作要点
一、总体要求
（一）第一项。"""


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("〔2024〕", "桂院工〔2024〕1号"),
        ("[2024]", "桂院工[2024]1号"),
        ("［2024］", "桂院工［2024］1号"),
        ("〔 2024 〕", "桂院工〔2024〕1号"),
    ],
)
def test_notice_header(bracket: str, expected: str) -> None:
    doc = parse_workpoints(NOTICE.format(bracket=bracket))
    assert doc.meta.to_dict() == {
        "issuer": "桂林学院工会",
        "doc_number": expected,
        "date": "2024-03-01",
        "title": "桂林学院工会2024年工作要点",
        "intro": None,
    }
    assert _shape(doc) == [("一", 1, "section"), ("一", 2, "item")]


def test_date_at_the_top_in_chinese_numerals() -> None:
    doc = parse_workpoints(
        "二〇二四年三月十五日\n桂林学院工会2024年工作要点\n"
        "今年工会工作的总体要求是：服务职工。\n一、第一部分"
    )
    assert doc.meta.date == "2024-03-15"
    assert doc.meta.title == "桂林学院工会2024年工作要点"
    assert doc.meta.intro == "今年工会工作的总体要求是：服务职工。"


def test_note_under_the_title_gives_the_date() -> None:
    doc = parse_workpoints(
        "桂林学院工会2024年工作计划\n（2024年2月20日工会委员会会议通过）\n"
        "指导思想：服务职工。\n1.第一项。"
    )
    assert (doc.meta.title, doc.meta.date) == ("桂林学院工会2024年工作计划", "2024-02-20")
    assert doc.meta.intro == "指导思想：服务职工。"


def test_wrapped_title_and_intro_after_notice() -> None:
    raw = (
        "中共桂林学院委员会文件\n桂院党发〔2024〕7号\n关于印发《桂林学院工会2024年工作要点》的通知\n"
        "各单位：\n现印发给你们。\n桂林学院工会2024\n年工作要点\n"
        "总体要求：坚持以人民为中心，\n服务教职工。\n一、总体\n（一）第一项。"
    )
    meta = parse_workpoints(raw).meta
    assert meta.issuer == "中共桂林学院委员会"
    assert meta.doc_number == "桂院党发〔2024〕7号"
    assert meta.title == "桂林学院工会2024年工作要点"
    assert meta.intro == "总体要求：坚持以人民为中心，服务教职工。"


def test_invalid_date_is_ignored() -> None:
    doc = parse_workpoints("工作要点\n2024年2月30日\n1.第一项。")
    assert doc.meta.date is None


def test_title_glued_to_the_introduction_is_split_by_the_notice_title() -> None:
    # "…工作重点" has no title ending the repair step knows, so the introduction's first line
    # is joined to it; the title quoted in the notice separates them again.
    raw = (
        "关于印发《桂林学院工会2024年工作重点》的通知\n各分工会：\n现印发给你们。\n"
        "桂林学院工会2024年工作重点\n以服务教职工为\n中心。\n1.第一项。"
    )
    meta = parse_workpoints(raw).meta
    assert (meta.title, meta.intro) == ("桂林学院工会2024年工作重点", "以服务教职工为中心。")
