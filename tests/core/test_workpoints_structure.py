"""Work-point documents as offices really write them: heading lines, page furniture,
numbering styles that come back."""

from __future__ import annotations

from guilin_union.core.workpoints_parser import parse_workpoints, strip_furniture

TYPED = """桂林学院工会2026年工作要点
一、指导思想
以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。
二、主要任务
（一）加强思想政治引领
组织教职工深入学习党的创新理论，开展形式多样的宣讲活动。
（二）换届选举
2022年1月进行机关工会换届选举。
"""


def test_heading_lines_end_at_the_line_break() -> None:
    doc = parse_workpoints(TYPED)
    one, two = doc.nodes
    assert (one.heading, one.text) == (
        "指导思想",
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
    )
    assert two.heading == "主要任务" and two.text == "主要任务"
    first, second = two.children
    assert first.heading == "加强思想政治引领"
    assert first.text == "组织教职工深入学习党的创新理论，开展形式多样的宣讲活动。"
    assert (second.heading, second.text) == ("换届选举", "2022年1月进行机关工会换届选举。")


def test_in_a_pdf_a_short_numbered_line_still_joins_its_sentence() -> None:
    # Lines wrapped at the page width: the number line is the start of a sentence.
    text = (
        "（一）坚持不懈用习近平新时代中国特色社会\n主义思想凝心铸魂，以深入学习贯彻党的二十大\n"
        "精神为主线，引领广大教职工听党话、跟党走。\n（二）加强\n宣传工作。"
    )
    doc = parse_workpoints(text)
    assert [n.heading for n in doc.nodes] == [
        "坚持不懈用习近平新时代中国特色社会主义思想凝心铸魂，以深入学习贯彻党的二十大精神为主线，"
        "引领广大教职工听党话、跟党走。",
        "加强宣传工作。",
    ]


WEB = """首页 > 通知公告 > 正文
桂林学院工会2026年工作要点
发布时间：2026-03-01 浏览次数：1024
一、强化思想引领
（一）组织学习。开展宣讲。
（二）宣传工作。做强工会宣传阵地。（供稿：工会办公室）
微信扫一扫在手机阅读、分享本文
扫一扫在手机打开当前页
【版权声明】本网站所刊登的各种新闻、信息，版权归本站所有。
责任编辑：李四
来源：桂林学院工会
第1页 共1页
上一篇：关于开展读书活动的通知
"""


def test_web_page_furniture_is_taken_out_and_listed() -> None:
    doc = parse_workpoints(WEB)
    texts = [n.heading + n.text for n in doc.iter_nodes()]
    for word in ("扫一扫", "版权", "供稿", "责任编辑", "来源", "上一篇", "浏览", "首页", "第1页"):
        assert not any(word in t for t in texts), word
    assert doc.nodes[0].children[1].text == "宣传工作。做强工会宣传阵地。"
    assert doc.meta.title == "桂林学院工会2026年工作要点"
    assert "微信扫一扫在手机阅读、分享本文" in doc.ignored_text
    assert "责任编辑：李四" in doc.ignored_text and "（供稿：工会办公室）" in doc.ignored_text
    assert len(doc.ignored_text) == 10
    # The user takes a line back: it is read as document text again.
    again = parse_workpoints(WEB, keep_text=["责任编辑：李四"])
    assert "责任编辑：李四" not in again.ignored_text
    assert len(again.ignored_text) == 9


def test_strip_furniture_keeps_ordinary_lines() -> None:
    text = "（一）开展“扫一扫”学习答题活动。\n（二）做好来源可靠的信息发布。"
    assert strip_furniture(text) == (text, [])


def test_a_numbering_style_that_comes_back_returns_to_its_level() -> None:
    lines = ["一、重点工作", "（一）加强学习。"]
    lines += [f"{i}.第{i}项。" for i in range(1, 9)]
    lines += ["（二）开展活动。", "1.读书。", "二、自身建设", "（三）加强培训。"]
    doc = parse_workpoints("\n".join(lines))
    first, second = doc.nodes
    assert [n.number for n in first.children] == ["一", "二"]
    assert [n.number for n in first.children[0].children] == [str(i) for i in range(1, 9)]
    assert [n.number for n in first.children[1].children] == ["1"]
    assert [n.number for n in second.children] == ["三"]
    assert [n.level for n in doc.iter_nodes()][:3] == [1, 2, 3]


def test_unnumbered_items_with_a_lead_sentence_are_items_of_their_section() -> None:
    text = "\n".join(
        [
            "桂林学院工会2026年工作要点",
            "一、强化思想引领",
            "加强学习，强化政治引领。组织教职工深入学习党的创新理论。",
            "深化宣传，凝聚奋进力量。以重大节庆为契机开展主题宣传。",
            "二、建设职工之家",
            "（一）开展评选。评选模范职工之家。",
        ]
    )
    doc = parse_workpoints(text)
    first, second = doc.nodes
    assert (first.heading, first.text) == ("强化思想引领", "强化思想引领")
    assert [(c.number, c.level, c.heading) for c in first.children] == [
        ("", 2, "加强学习，强化政治引领。"),
        ("", 2, "深化宣传，凝聚奋进力量。"),
    ]
    assert first.children[1].text == "深化宣传，凝聚奋进力量。以重大节庆为契机开展主题宣传。"
    assert [c.heading for c in second.children] == ["开展评选。"]


def test_a_single_body_paragraph_stays_the_heading_text() -> None:
    doc = parse_workpoints(
        "一、指导思想\n坚持党的领导。全面贯彻党的二十大精神。\n二、任务\n（一）学习。"
    )
    assert doc.nodes[0].children == []
    assert doc.nodes[0].text == "坚持党的领导。全面贯彻党的二十大精神。"
