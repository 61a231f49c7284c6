"""Parse an annual work-points document (年度工作要点) into metadata and an outline tree.

The input is plain text: typed, read from a .docx, or extracted from a PDF (with its line
breaks in the middle of sentences, words and annotations, blank lines and page numbers at page
breaks). ``normalize_extracted_text`` repairs those artefacts into one logical paragraph per
line; ``parse_workpoints`` then reads the notice header, title and introduction into
``WorkpointsMeta`` and the numbered outline into ``WorkpointNode`` trees.

>>> doc = parse_workpoints('''桂林学院工会2024年工作要点
... 一、强化思想引领
... （一）加强学习。组织教职工学习。（牵头单位：校工会，责任单位：各分工会、
... 机关分工会）
... ''')
>>> doc.meta.title
'桂林学院工会2024年工作要点'
>>> item = doc.nodes[0].children[0]
>>> item.number, item.level, item.heading, item.text
('一', 2, '加强学习。', '加强学习。组织教职工学习。')
>>> item.lead_unit, item.responsible_units
('校工会', ['各分工会', '机关分工会'])

Pure functions, no I/O. Everything is linear in the length of the text with precompiled
regular expressions: a whole document parses in a few milliseconds.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "ParsedWorkpoints",
    "WorkpointEntry",
    "WorkpointNode",
    "WorkpointsMeta",
    "chinese_numeral_to_int",
    "normalize_extracted_text",
    "parse_workpoints",
]


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------
@dataclass
class WorkpointEntry:
    """One numbered entry of the outline (section, item, sub-item …), apart from its place in
    the tree: the import preview edits entries as a flat list (``services.workpoints.outline``).

    ``number`` is the numeral as written, without brackets or punctuation (``"十一"``, ``"1"``);
    ``level`` counts from 1 at the top of the outline; ``style`` is the numbering style key
    (``"section"`` 一、, ``"item"`` （一）, ``"sub"`` 1. 1、 1．, ``"subsub"`` （1）).
    """

    number: str
    level: int
    heading: str
    text: str
    lead_unit: str | None = None
    responsible_units: list[str] = field(default_factory=list)
    style: str = ""
    #: 完成时限 as written ("3月", "全年"), from an annotation or a plan table's 时间 column
    deadline_text: str | None = None

    def entry_values(self) -> dict[str, Any]:
        """The entry's fields by name (the units list copied), to make another kind of entry
        of it.

        >>> WorkpointEntry("一", 1, "甲。", "甲。乙。", style="section").entry_values()["style"]
        'section'
        """
        values = {f.name: getattr(self, f.name) for f in fields(WorkpointEntry)}
        values["responsible_units"] = list(self.responsible_units)
        return values


@dataclass
class WorkpointNode(WorkpointEntry):
    """An entry of the outline with the entries numbered under it."""

    children: list[WorkpointNode] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The node as plain JSON-ready data (``style`` is internal and left out).

        >>> WorkpointNode("1", 1, "甲。", "甲。乙。").to_dict()["responsible_units"]
        []
        """
        data = {
            "number": self.number,
            "level": self.level,
            "heading": self.heading,
            "text": self.text,
            "lead_unit": self.lead_unit,
            "responsible_units": list(self.responsible_units),
            "children": [child.to_dict() for child in self.children],
        }
        if self.deadline_text is not None:
            data["deadline_text"] = self.deadline_text
        return data


@dataclass
class WorkpointsMeta:
    """Document metadata; any field may be ``None`` when the document does not show it.

    ``date`` is ISO (``"2025-04-07"``); ``intro`` is the introductory paragraph(s) before the
    outline (指导思想 / 总体要求).
    """

    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    title: str | None = None
    intro: str | None = None

    def to_dict(self) -> dict:
        """The metadata as plain JSON-ready data.

        >>> WorkpointsMeta(title="要点").to_dict()["title"]
        '要点'
        """
        return {
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "date": self.date,
            "title": self.title,
            "intro": self.intro,
        }


@dataclass
class ParsedWorkpoints:
    """The result of ``parse_workpoints``: metadata, top-level nodes, and warnings (Chinese,
    for the user: numbering gaps, unclosed annotations, no outline found)."""

    meta: WorkpointsMeta
    nodes: list[WorkpointNode]
    warnings: list[str] = field(default_factory=list)
    #: page furniture taken out before parsing (微信扫一扫…, 版权声明, 责任编辑, page
    #: counters, navigation), line by line, so the user can take any of it back
    ignored_text: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """``{"meta": {...}, "nodes": [...]}`` — warnings are not part of the document."""
        return {"meta": self.meta.to_dict(), "nodes": [node.to_dict() for node in self.nodes]}

    def iter_nodes(self) -> Iterator[WorkpointNode]:
        """Every node, depth-first (a parent before its children, siblings in order)."""
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


# --------------------------------------------------------------------------------------------
# Chinese numerals
# --------------------------------------------------------------------------------------------
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERAL_RE = re.compile(r"^(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$")


def chinese_numeral_to_int(s: str) -> int:
    """Convert an outline numeral 一 … 九十九 to an int.

    Written here rather than with ``cn2an``: cn2an gives the same answers (the tests check
    every value 1–99 against it) but importing it costs about 0.2 s (it loads a
    text-processing package), four times the 50 ms budget for parsing a whole document, for
    a job that needs ten lines.

    >>> chinese_numeral_to_int("十七"), chinese_numeral_to_int("二十"), chinese_numeral_to_int("九")
    (17, 20, 9)
    >>> chinese_numeral_to_int("百")
    Traceback (most recent call last):
    ...
    ValueError: 不是一至九十九之间的中文数字：百
    """
    match = _CN_NUMERAL_RE.match(s.strip()) if s else None
    if not match or not (match.group(2) or match.group(3)):
        raise ValueError(f"不是一至九十九之间的中文数字：{s}")
    tens_digit, ten, units = match.groups()
    tens = (_CN_DIGITS[tens_digit] if tens_digit else 1) if ten else 0
    return tens * 10 + (_CN_DIGITS[units] if units else 0)


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------
# CJK ideographs, CJK punctuation (not U+3000, which is whitespace) and full-width forms:
# spaces next to these are typesetting artefacts of PDF extraction ("2024 年"), not content.
_CJK = (
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7"
)
_ZERO_WIDTH_RE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACE_NEAR_CJK_RE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES_RE = re.compile(r"\s+")
_NEWLINES_RE = re.compile(r"\r\n|[\r\f\v\u2028\u2029\x85]")

# Page numbers alone on a line: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 9 页", "3/9".
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－~～]\s*\d{1,4}\s*[-—–－~～]|\d{1,4}|\d{1,4}\s*/\s*\d{1,4}"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)

# Outline numbering at the start of a paragraph. One style per group; full- and half-width
# brackets are the same style. A digit right after "1." / "1、" means a decimal or a list of
# numbers inside a sentence ("1.5万", "1、2月份"), not a heading.
_NODE_RE = re.compile(
    r"^(?:(?P<section>[一二三四五六七八九十]{1,3})\s*[、．.]"
    r"|[（(]\s*(?P<item>[一二三四五六七八九十]{1,3})\s*[）)]"
    r"|(?P<sub>[0-9０-９]{1,3})\s*[.、．](?![0-9０-９])"
    r"|[（(]\s*(?P<subsub>[0-9０-９]{1,3})\s*[）)])\s*"
)
_STYLES = ("section", "item", "sub", "subsub")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# 文号: 桂院工〔2024〕1号, 桂院工[2024]1号, 桂教工字［2025］9号; optionally 签发人 after it.
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]第?\d{1,5}号")
_DOC_NUMBER_LINE_RE = re.compile(
    rf"^(?P<before>[^，。：:；;]{{0,40}}?)(?P<number>{_DOC_NUMBER_RE.pattern})"
    r"(?:签发人[：:].{0,20})?$"
)
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_DATE_BODY = (
    r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})年"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日"
)
_DATE_RE = re.compile(_DATE_BODY)
_DATE_LINE_RE = re.compile(rf"^[（(]?{_DATE_BODY}[）)]?$")
_ATTACHMENT_RE = re.compile(r"^附件\s*\d*\s*(?:[：:]|$)")
_ATTACHMENT_ALONE_RE = re.compile(r"^附件\s*\d*\s*[：:]?$")
_NOTICE_WORD_RE = re.compile(r"关于|印发|转发|通知")
_QUOTED_TITLE_RE = re.compile(r"《([^《》]{2,80})》")
# A line ending like a title closes its paragraph even without punctuation.
_TITLE_END_RE = re.compile(
    r"(?:要点|计划|安排|思路|方案|意见)(?:（[^（）]{1,20}）|\([^()]{1,20}\))?$"
)
_SENTENCE_PUNCT_RE = re.compile(r"[，。；：！？,;:!?、]")
# Characters that end a paragraph when a line ends with them. A closing bracket counts: an
# item ends with its annotation "（牵头单位：…）".
_CLOSING = frozenset("。！？；：!?;:）)】")

# Trailing matter after the outline: web-page footers, 供稿 lines, 版记.
_FOOTER_RE = re.compile(
    r"^[（(【\[]?\s*(?:供稿|来源|稿件来源|信息来源|撰稿|撰文|文字|文稿|文|图|图片|图文|摄影|编辑"
    r"|责任编辑|责编|编审|审核|审稿|初审|复审|终审|校对|作者|发布者|发布人|发布时间|发布日期"
    r"|更新时间|点击数?|浏览(?:次数|量)?|阅读(?:次数|量)?|访问量)\s*[：:]"
    r"|^(?:https?://|www\.)|^抄送[：:]|版权所有|copyright|©|ICP备|公网安备|技术支持[：:]"
    r"|打印本页|关闭窗口|返回顶部|^上一篇|^下一篇|^分享到|【打印】|【关闭】"
    r"|^.{0,30}\d{4}年\d{1,2}月\d{1,2}日印发$",
    re.IGNORECASE,
)
# The same footer glued to the end of the last item: "…质效。（供稿：工会办公室）".
_TRAILING_CREDIT_RE = re.compile(
    r"[（(]\s*(?:供稿|来源|稿件来源|信息来源|撰稿|文字|文|图|摄影|编辑|责任编辑|审核)\s*[：:]"
    r"[^（）()]*[）)]$"
)

# Annotation "（牵头单位：…，责任单位：…）"; 部门 is accepted as a synonym of 单位, and 【…】
# as brackets. Other labels that some documents add (责任人, 完成时限) end a unit list; their
# content is not a unit.
_ANNOTATION_START_RE = re.compile(r"[（(【\[]\s*(?:牵头|责任|配合|协办)(?:单位|部门)\s*[：:]")
_ANNOTATION_LABEL_RE = re.compile(
    r"(?:(?P<unit>牵头|责任|配合|协办)(?:单位|部门)"
    r"|责任人|联系人|完成时限|完成时间|时间节点|时限)\s*[：:]"
)
_CLOSER_OF = {"（": "）)", "(": "）)", "【": "】", "[": "]"}
_UNIT_SEPARATORS = frozenset("、，,；;")
_OPEN_BRACKETS = frozenset("〈《（(【[<")
_CLOSE_BRACKETS = frozenset("〉》）)】]>")
_SEGMENT_STRIP = " \t，,；;、。."
_SENTENCE_END = "。"


# --------------------------------------------------------------------------------------------
# Repairing extracted text
# --------------------------------------------------------------------------------------------
def _clean_line(line: str) -> str:
    """Drop zero-width characters and typesetting spaces; keep one space between ASCII words."""
    line = _ZERO_WIDTH_RE.sub("", line)
    line = _SPACE_NEAR_CJK_RE.sub("", line)
    return _SPACES_RE.sub(" ", line).strip()


def _needs_space(left: str, right: str) -> bool:
    return (
        bool(left)
        and bool(right)
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    )


def _join(left: str, right: str) -> str:
    """Join two pieces of a broken line: no space in Chinese, one space between English words.

    >>> _join("牵", "头单位"), _join("Microsoft", "Word"), _join("2024", "年")
    ('牵头单位', 'Microsoft Word', '2024年')
    """
    return f"{left} {right}" if _needs_space(left, right) else left + right


def _join_all(pieces: list[str]) -> str:
    """``_join`` over many pieces in linear time (no repeated string copying)."""
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index and _needs_space(pieces[index - 1], piece):
            out.append(" ")
        out.append(piece)
    return "".join(out)


def _is_date_line(line: str) -> bool:
    return _DATE_LINE_RE.match(line) is not None


def _starts_block(line: str) -> bool:
    """Whether a line begins a new paragraph whatever the line before it looked like."""
    return (
        _NODE_RE.match(line) is not None
        or _is_date_line(line)
        or _ATTACHMENT_RE.match(line) is not None
        or _DOC_NUMBER_LINE_RE.match(line) is not None
        or _FOOTER_RE.search(line) is not None
    )


# How much of a paragraph's end decides whether it is complete: the checks below look at its
# last few characters, or at the whole of a short paragraph (a date, a 文号, "附件").
_TAIL = 120


def _closes_paragraph(tail: str, whole: bool) -> bool:
    """Whether a paragraph ending with ``tail`` is complete, so the next line starts anew.

    ``whole`` says that ``tail`` is the entire paragraph.
    """
    return (
        tail[-1] in _CLOSING
        or tail.endswith(("文件", "通知"))
        or _TITLE_END_RE.search(tail[-30:]) is not None
        or (
            whole
            and (
                _is_date_line(tail)
                or _DOC_NUMBER_LINE_RE.match(tail) is not None
                or _ATTACHMENT_ALONE_RE.match(tail) is not None
            )
        )
    )


# Page furniture of a web page or a PDF viewer, never part of the document: share and scan
# prompts, copyright notes, contributor and editor lines, page counters, navigation.
_FURNITURE_LINE_RE = re.compile(
    r"^(?:微信)?扫一扫|^扫码|^.{0,8}二维码|^在手机(?:上)?(?:阅读|打开|浏览|查看)|^分享(?:本文|到|至)"
    r"|^分享$|^【?版权声明|^【?免责声明|版权所有|^copyright|^©|ICP备|公网安备|技术支持[：:]"
    r"|^[（(【\[]?\s*(?:供稿|来源|稿件来源|信息来源|撰稿|撰文|作者|文字|文稿|图片|图文|摄影"
    r"|编辑|责任编辑|责编|编审|审核|审稿|初审|复审|终审|校对|发布者|发布人|发布时间|发布日期"
    r"|更新时间|点击数?|点击量|浏览(?:次数|量)?|阅读(?:次数|量)?|访问量|字号)\s*[：:]"
    r"|^当前位置|^您(?:现在)?的位置|^首页\s*[>›»＞/]|[>›»＞]\s*正文$|^上一篇|^下一篇|^相关(?:阅读|文章|新闻|链接)"
    r"|^(?:【?打印(?:本页|此页)?】?\s*)?【?关闭(?:窗口|本页)?】?$|^【?打印(?:本页|此页)?】?$"
    r"|^返回(?:顶部|列表|首页)|^收藏(?:本页)?$|^字号[：:]?\s*[【\[]?大|^[【\[]\s*大\s*中\s*小\s*[】\]]$"
    r"|^(?:https?://|www\.)",
    re.IGNORECASE,
)
# The same glued to the end of a line: "…质效。微信扫一扫在手机阅读、分享本文".
_FURNITURE_TAIL_RE = re.compile(
    r"(?:(?:微信)?扫一扫(?:在手机(?:上)?(?:阅读|打开|浏览)|分享).*"
    r"|[（(]\s*(?:供稿|来源|稿件来源|撰稿|责任编辑|编辑|摄影)\s*[：:][^（）()]*[）)]\s*)$"
)


def strip_furniture(text: str, keep: Iterable[str] = ()) -> tuple[str, list[str]]:
    """Take page furniture out of ``text``: (text without it, the lines taken out).

    A line in ``keep`` (the user took it back) stays. Page counters ("第2页 共3页") are
    listed too: they are dropped by the parser anyway.

    >>> strip_furniture("一、要点。\\n微信扫一扫在手机阅读、分享本文\\n（供稿：工会办公室）")
    ('一、要点。', ['微信扫一扫在手机阅读、分享本文', '（供稿：工会办公室）'])
    >>> strip_furniture("一、要点。扫一扫在手机打开当前页")
    ('一、要点。', ['扫一扫在手机打开当前页'])
    """
    kept = {_clean_line(k) for k in keep}
    lines: list[str] = []
    ignored: list[str] = []
    for raw in _NEWLINES_RE.sub("\n", text).split("\n"):
        line = _clean_line(raw)
        if not line or line in kept:
            lines.append(raw)
            continue
        if _FURNITURE_LINE_RE.search(line) or (
            _PAGE_NUMBER_RE.match(line) and not line.isdigit() and len(line) > 2
        ):
            ignored.append(line)
            continue
        tail = _FURNITURE_TAIL_RE.search(line)
        if tail and tail.start() > 0 and tail.group(0).strip() not in kept:
            ignored.append(tail.group(0).strip())
            lines.append(line[: tail.start()].rstrip())
            continue
        lines.append(raw)
    return "\n".join(lines), ignored


def _open_lines(lines: list[str]) -> int:
    """Lines of running text that end in the middle of a sentence (a PDF's wrapping)."""
    count = 0
    for line in lines[:-1]:
        candidate = _NODE_RE.match(line)
        # A numbered line longer than any heading that stops mid-sentence is wrapped too.
        wrapped_heading = candidate is not None and len(line) - candidate.end() > 40
        if (
            len(line) >= 5
            and line[-1] not in _CLOSING
            and (candidate is None or wrapped_heading)
            and not _closes_paragraph(line[-_TAIL:], len(line) <= _TAIL)
            and _FOOTER_RE.search(line) is None
            and not (_looks_like_signature(line) and _ORGANISATION_END_RE.search(line))
        ):
            count += 1
    return count


def paragraphs_are_lines(text: str) -> bool:
    """Whether each line of ``text`` is a paragraph (typed or copied text, a .docx), as
    opposed to a PDF's text layer wrapped at the page width.

    >>> paragraphs_are_lines("一、指导思想\\n以习近平新时代中国特色社会主义思想为指导。")
    True
    >>> paragraphs_are_lines("一、指导思想\\n以习近平新时代中国特色社会\\n主义思想为指导，深入学习贯彻\\n党的二十大精神。")
    False
    """
    lines = [
        line
        for line in (_clean_line(raw) for raw in _NEWLINES_RE.sub("\n", text).split("\n"))
        if line and not _PAGE_NUMBER_RE.match(line)
    ]
    return _open_lines(lines) <= len(lines) // 40


_HEADING_PUNCT_RE = re.compile(r"[，,。；;：:、！？!?]")


def _page_width(text: str) -> int | None:
    """The characters per line of a PDF's text layer, when its lines are wrapped at one
    width (most long lines within a few characters of the same length); else None.

    Against that width a short numbered line without punctuation
    (``（一）加强思想政治引领``) is a heading even in a PDF: wrapping never leaves a line
    that short in the middle of a sentence.
    """
    lengths = [
        len(line)
        for line in (_clean_line(raw) for raw in _NEWLINES_RE.sub("\n", text).split("\n"))
        if len(line) >= 15
    ]
    if len(lengths) < 8:
        return None
    counts: dict[int, int] = {}
    for length in lengths:
        counts[length] = counts.get(length, 0) + 1
    mode = max(counts, key=lambda length: (counts[length], length))
    # A PDF's wrapped lines: three in four within two characters of the width (text
    # broken at random places: under half).
    near = sum(1 for length in lengths if abs(length - mode) <= 2)
    return mode if mode >= 20 and near >= 0.6 * len(lengths) else None


def _is_heading_line(line: str, certain: bool) -> bool:
    """A numbered line that is a heading on its own: a number and a few words.

    When the line breaks are ``certain`` (a .docx) any line without a full stop is one
    (``一、强化思想引领，筑牢团结奋斗的思想基础``); in typed text only a short line without
    any punctuation (``（一）加强思想政治引领``), since a line of running text may be
    broken after a comma.
    """
    candidate = _match_node(line)
    if candidate is None or not candidate.rest.strip():
        return False
    rest = candidate.rest
    if _ANNOTATION_START_RE.search(line) is not None:
        return False
    if certain:
        return len(rest) <= 60 and _SENTENCE_END not in rest and line[-1] not in "，,、；;"
    return len(rest) <= 30 and _HEADING_PUNCT_RE.search(rest) is None


def normalize_extracted_text(text: str) -> str:
    """Repair PDF-extraction artefacts: one logical paragraph per line.

    Blank lines and bare page numbers ("3", "- 3 -", "第3页") are dropped; a line that does
    not start a new block (outline number, date, 附件, 文号, footer) is joined to the line
    before it unless that one is complete (ends with 。！？；： or a closing bracket, or is a
    header line such as "…文件", a 文号, a date or a title ending in 要点). Spaces next to
    Chinese characters are removed ("2024 年" -> "2024年").

    >>> normalize_extracted_text("（一）加强学习，组织\\n\\n- 2 -\\n\\n教职工学习。（牵\\n头单位：校工会）\\n（二）下一项")
    '（一）加强学习，组织教职工学习。（牵头单位：校工会）\\n（二）下一项'
    """
    return "\n".join(_paragraphs(text, breaks="pdf")[0])


def _paragraphs(text: str, *, breaks: str) -> tuple[list[str], set[int]]:
    """The paragraphs of ``text`` and the indexes of those that are heading lines.

    ``breaks`` says what a line break is: ``"certain"`` (a .docx: every line is a
    paragraph), ``"likely"`` (typed or copied text that looks like one paragraph per line)
    or ``"pdf"`` (lines wrapped at the page width). Unless ``"pdf"``, a numbered heading
    line (``（一）加强思想政治引领``, see :func:`_is_heading_line`) ends at the line break
    and the next paragraph is its text; in a PDF such a line may be the first part of a
    sentence and is joined as before.
    """
    paragraphs: list[str] = []
    headings: set[int] = set()
    pieces: list[str] = []  # lines of the paragraph being built
    tail = ""  # its last _TAIL characters
    whole = True  # whether tail is all of it
    heading = False  # the paragraph being built is a heading line
    width = _page_width(text) if breaks == "pdf" else None
    for raw in _NEWLINES_RE.sub("\n", text).split("\n"):
        line = _clean_line(raw)
        if not line or _PAGE_NUMBER_RE.match(line):
            continue
        if (
            pieces
            and not heading
            and not _closes_paragraph(tail, whole)
            and not _starts_block(line)
        ):
            pieces.append(line)
            joined = _join(tail, line)
            whole = whole and len(joined) <= _TAIL
            tail = joined[-_TAIL:]
        else:
            if pieces:
                if heading:
                    headings.add(len(paragraphs))
                paragraphs.append(_join_all(pieces))
            pieces, tail, whole = [line], line[-_TAIL:], len(line) <= _TAIL
            heading = _is_heading_line(line, breaks == "certain") and (
                breaks != "pdf" or (width is not None and len(line) <= width * 0.6)
            )
    if pieces:
        if heading:
            headings.add(len(paragraphs))
        paragraphs.append(_join_all(pieces))
    return paragraphs, headings


# --------------------------------------------------------------------------------------------
# Outline
# --------------------------------------------------------------------------------------------
@dataclass
class _Candidate:
    style: str
    number: str
    value: int
    rest: str


@dataclass
class _Draft:
    style: str
    number: str
    level: int
    parts: list[str]
    children: list[_Draft] = field(default_factory=list)
    heading_line: bool = False  # its first paragraph is a heading on its own line


def _match_node(paragraph: str) -> _Candidate | None:
    """Recognise outline numbering at the start of a paragraph.

    >>> _match_node("(十)切实维护").number, _match_node("1．组织").style
    ('十', 'sub')
    >>> _match_node("2022、2023年度") is None
    True
    """
    match = _NODE_RE.match(paragraph)
    if match is None:
        return None
    style = match.lastgroup
    if style not in _STYLES:  # pragma: no cover - lastgroup is always one of the styles
        return None
    number = match.group(style).translate(_FULLWIDTH_DIGITS)
    if style in ("section", "item"):
        try:
            value = chinese_numeral_to_int(number)
        except ValueError:
            return None
    else:
        value = int(number)
    return _Candidate(style, number, value, paragraph[match.end() :])


def _display(candidate: _Candidate) -> str:
    return {
        "section": f"{candidate.number}、",
        "item": f"（{candidate.number}）",
        "sub": f"{candidate.number}.",
        "subsub": f"（{candidate.number}）",
    }.get(candidate.style, candidate.number)


# An unnumbered item opens with a short lead sentence: "加强学习，强化政治引领。组织…".
_LEAD_SENTENCE_RE = re.compile(r"^[^。！？!?；;：:]{4,30}[。！？!?]")


def _lead_items(drafts: list[_Draft]) -> None:
    """Paragraphs under a heading that each open with a lead sentence become its items.

    ``一、强化思想引领`` followed by ``加强学习，强化政治引领。组织…`` and ``深化宣传，
    凝聚奋进力量。以…``: two unnumbered items (number "", one level down), as the
    document means them. Paragraphs before the first such one stay the heading's text.
    """
    for draft in drafts:
        if draft.children:
            _lead_items(draft.children)
            continue
        if not draft.heading_line or len(draft.parts) < 3:
            continue
        body = draft.parts[1:]
        first = next(
            (i for i in range(len(body)) if all(_LEAD_SENTENCE_RE.match(p) for p in body[i:])),
            None,
        )
        if first is None or len(body) - first < 2:
            continue
        draft.parts = [draft.parts[0], *body[:first]]
        draft.children = [
            _Draft("", "", draft.level + 1, [paragraph]) for paragraph in body[first:]
        ]


class _OutlineBuilder:
    """Builds the node tree paragraph by paragraph.

    Levels follow the order in which numbering styles first appear. A numbered paragraph
    starts a node only if its number fits the sequence (1, or the last number of its style
    plus one — item numbers run on across sections) or if the paragraph before it was
    complete; otherwise it is a line of text that happens to begin with a number.
    """

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.levels: dict[str, int] = {}
        self.last: dict[str, _Candidate] = {}
        self.roots: list[_Draft] = []
        self.stack: list[_Draft] = []

    def accepts(self, candidate: _Candidate, previous: str) -> bool:
        if candidate.style not in self.levels:
            return candidate.value == 1
        last = self.last[candidate.style]
        if candidate.value in (1, last.value + 1):
            return True
        if previous and previous[-1] in _CLOSING:
            self.warnings.append(
                f"编号不连续：“{_display(last)}”之后是“{_display(candidate)}”，请核对原文"
            )
            return True
        return False

    def add_node(self, candidate: _Candidate, heading_line: bool = False) -> None:
        level = self.levels.setdefault(candidate.style, len(self.levels) + 1)
        self.last[candidate.style] = candidate
        draft = _Draft(
            candidate.style, candidate.number, level, [candidate.rest], heading_line=heading_line
        )
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.roots).append(draft)
        self.stack.append(draft)

    def add_text(self, paragraph: str) -> None:
        self.stack[-1].parts.append(paragraph)


def _split_units(text: str) -> list[str]:
    """Split a unit list on 、，,；; outside brackets: "〈…〉" and "（…）" belong to a name.

    >>> _split_units("各市教育工会〈教科文卫体工会〉、各高校工会, 人事处")
    ['各市教育工会〈教科文卫体工会〉', '各高校工会', '人事处']
    """
    units: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in _OPEN_BRACKETS:
            depth += 1
        elif char in _CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif char in _UNIT_SEPARATORS and depth == 0:
            units.append(text[start:index])
            start = index + 1
    units.append(text[start:])
    return [unit.strip() for unit in units if unit.strip()]


def _find_annotation(text: str, start: int) -> int | None:
    """End index (exclusive) of the bracket opened at ``start``; None when never closed.

    Full- and half-width round brackets close each other: "（牵头单位：…)" occurs.
    """
    closers = _CLOSER_OF[text[start]]
    openers = "（(" if text[start] in "（(" else text[start]
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char in openers:
            depth += 1
        elif char in closers:
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _parse_annotation(inner: str) -> tuple[str | None, list[str], str | None]:
    """Units of "牵头单位：A，责任单位：B、C" -> ("A", ["B", "C"], None); the third value
    is the 完成时限 written there, if any."""
    labels = list(_ANNOTATION_LABEL_RE.finditer(inner))
    lead: str | None = None
    others: list[str] = []
    deadline: str | None = None
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(inner)
        content = inner[label.end() : end].strip(_SEGMENT_STRIP)
        if (
            content
            and label.group("unit") is None
            and label.group(0).startswith(("完成时限", "完成时间", "时间节点", "时限"))
        ):
            deadline = deadline or content
            continue
        if not content or label.group("unit") is None:
            continue
        if label.group("unit") == "牵头":
            if lead is None:
                lead = content
        else:
            others.extend(_split_units(content))
    return lead, others, deadline


def _extract_annotations(
    text: str, label: str, warnings: list[str]
) -> tuple[str, str | None, list[str], str | None]:
    """Remove every "（牵头单位：…）" from ``text``; return the text, the units found and
    the 完成时限 written in them."""
    lead: str | None = None
    deadline: str | None = None
    units: list[str] = []
    pieces: list[str] = []
    position = 0
    count = 0
    for match in _ANNOTATION_START_RE.finditer(text):
        if match.start() < position:
            continue  # inside an annotation already removed
        end = _find_annotation(text, match.start())
        if end is None:
            warnings.append(f"条目{label}的单位标注缺少右括号，已读到段落末尾")
            end, inner_end = len(text), len(text)
        else:
            inner_end = end - 1  # before the closing bracket
        count += 1
        found_lead, found_units, found_deadline = _parse_annotation(
            text[match.start() + 1 : inner_end]
        )
        deadline = deadline or found_deadline
        if found_lead is not None:
            if lead is None:
                lead = found_lead
            elif found_lead != lead:
                warnings.append(f"条目{label}有多个牵头单位：{lead}、{found_lead}，已取第一个")
        for unit in found_units:
            if unit not in units:
                units.append(unit)
        pieces.append(text[position : match.start()])
        position = end
    pieces.append(text[position:])
    if count > 1:
        warnings.append(f"条目{label}有{count}处单位标注，已合并")
    if lead is not None and len(_split_units(lead)) > 1:
        warnings.append(f"条目{label}的牵头单位写了多个单位：{lead}")
    return "".join(pieces).strip(), lead, units, deadline


def _heading(text: str) -> str:
    """The first sentence, up to and including the first 。; else the whole text.

    >>> _heading("加强学习。组织教职工学习。"), _heading("深化教职工关爱系列行动")
    ('加强学习。', '深化教职工关爱系列行动')
    """
    end = text.find(_SENTENCE_END)
    return text[: end + 1] if end >= 0 else text


def _finish(draft: _Draft, warnings: list[str]) -> WorkpointNode:
    label = f"“{_display(_Candidate(draft.style, draft.number, 0, ''))}”"
    if draft.heading_line and (len(draft.parts) > 1 or draft.children):
        # "（一）加强思想政治引领" on its own line: the line is the heading, what follows
        # is the text.
        heading = draft.parts[0].strip()
        text, lead, units, deadline = _extract_annotations(
            _join_all(draft.parts[1:]), label, warnings
        )
        text = text or heading
    else:
        text, lead, units, deadline = _extract_annotations(_join_all(draft.parts), label, warnings)
        heading = _heading(text)
    return WorkpointNode(
        number=draft.number,
        level=draft.level,
        heading=heading,
        text=text,
        lead_unit=lead,
        responsible_units=units,
        children=[_finish(child, warnings) for child in draft.children],
        style=draft.style,
        deadline_text=deadline,
    )


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------
def _iso_date(match: re.Match[str]) -> str | None:
    """ISO text for a 年月日 match (Arabic or Chinese numerals); None if not a real date."""
    try:
        year_text = match.group("y").translate(_CN_YEAR_DIGITS)
        month_text, day_text = match.group("m"), match.group("d")
        month = int(month_text) if month_text.isdigit() else chinese_numeral_to_int(month_text)
        day = int(day_text) if day_text.isdigit() else chinese_numeral_to_int(day_text)
        return _dt.date(int(year_text), month, day).isoformat()
    except ValueError:
        return None


def _looks_like_signature(paragraph: str) -> bool:
    """A signature (落款) line: a short name without punctuation or numbering."""
    return (
        len(paragraph) <= 40
        and _SENTENCE_PUNCT_RE.search(paragraph) is None
        and _NODE_RE.match(paragraph) is None
        and not _is_date_line(paragraph)
    )


_ORGANISATION_END_RE = re.compile(r"(?:工会|委员会|联合会|学院|大学|学校|办公室|处|部)$")


def _is_note_line(paragraph: str) -> bool:
    """A bracketed note under the title, e.g. "（2024年3月1日工会委员会会议通过）"."""
    return paragraph[:1] in "（(" and paragraph[-1:] in "）)" and len(paragraph) <= 80


class _MetaReader:
    """Reads the preamble paragraphs (everything before the outline) into WorkpointsMeta."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paras = paragraphs
        self.meta = WorkpointsMeta()
        self.signature: str | None = None

    def read(self) -> WorkpointsMeta:
        position = self._read_header()
        notice_end, quoted = self._read_notice_title(position)
        if notice_end is not None:
            title_index = self._find_quoted_title(notice_end, quoted) if quoted else None
            if title_index is None:
                title_index = self._find_title(notice_end, skip_body=True)
            self._read_notice_body(notice_end, title_index)
        else:
            title_index = self._find_title(position, skip_body=False)
            self._read_notice_body(position, title_index)
        intro_start = len(self.paras) if title_index is None else title_index + 1
        if title_index is not None and self.meta.title is None:
            self.meta.title = self.paras[title_index]
        self._read_intro(intro_start)
        if self.meta.issuer is None:
            self.meta.issuer = self.signature
        return self.meta

    def _read_header(self) -> int:
        """Issuer mark ("…文件", possibly over several lines) and 文号. Returns next index."""
        for index, paragraph in enumerate(self.paras[:6]):
            match = _DOC_NUMBER_LINE_RE.match(paragraph)
            if match:
                self.meta.doc_number = match.group("number")
                mark = "".join(self.paras[:index]) + match.group("before")
                if mark and len(mark) <= 60 and _SENTENCE_PUNCT_RE.search(mark) is None:
                    self.meta.issuer = mark.removesuffix("文件") or None
                return index + 1
        for index, paragraph in enumerate(self.paras[:2]):
            if (
                paragraph.endswith("文件")
                and len(paragraph) <= 60
                and _SENTENCE_PUNCT_RE.search(paragraph) is None
            ):
                self.meta.issuer = paragraph.removesuffix("文件") or None
                return index + 1
        return 0

    def _read_notice_title(self, position: int) -> tuple[int | None, str | None]:
        """Find "关于印发《…》的通知" (maybe split over paragraphs) near the top.

        Returns the index after it and the quoted title, or (None, None) if there is none.
        """
        for start in range(position, min(len(self.paras), position + 3)):
            if _NOTICE_WORD_RE.search(self.paras[start]) is None or self.paras[start].endswith(
                "。"
            ):
                continue
            joined = ""
            for end in range(start, min(len(self.paras), start + 3)):
                joined = _join(joined, self.paras[end])
                if joined.endswith("通知"):
                    quoted = _QUOTED_TITLE_RE.search(joined)
                    return end + 1, quoted.group(1) if quoted else None
        return None, None

    def _find_quoted_title(self, start: int, quoted: str) -> int | None:
        """The work-points title after the notice: the paragraph(s) spelling the 《…》 title."""
        for index in range(start, len(self.paras)):
            paragraph = self.paras[index]
            if paragraph == quoted:
                return index
            if paragraph.startswith(quoted):
                # The title was glued to the introduction (no punctuation between them).
                self.meta.title = quoted
                self.paras[index] = quoted
                self.paras.insert(index + 1, paragraph[len(quoted) :])
                return index
            if len(paragraph) >= 4 and quoted.startswith(paragraph):
                joined, end = paragraph, index
                while end + 1 < len(self.paras) and quoted.startswith(joined) and joined != quoted:
                    end += 1
                    joined = _join(joined, self.paras[end])
                if joined == quoted:
                    self.paras[index : end + 1] = [quoted]
                    return index
        return None

    def _find_title(self, start: int, *, skip_body: bool) -> int | None:
        """First paragraph that can be a title: no sentence punctuation, not a date, 附件 or
        signature. After a notice, its recipients and body paragraphs are skipped."""
        for index in range(start, len(self.paras)):
            paragraph = self.paras[index]
            next_is_date = index + 1 < len(self.paras) and _is_date_line(self.paras[index + 1])
            if (
                _is_date_line(paragraph)
                or _ATTACHMENT_RE.match(paragraph)
                or _FOOTER_RE.search(paragraph)
                or (next_is_date and _looks_like_signature(paragraph))
            ):
                continue
            if paragraph[-1] in "。！？：:;；!?" or paragraph.startswith("特此"):
                if skip_body:
                    continue
                return None
            return index if len(paragraph) <= 80 else None
        return None

    def _read_notice_body(self, start: int, stop: int | None) -> None:
        """Date and signature between the notice title (or header) and the title."""
        stop = len(self.paras) if stop is None else stop
        for index in range(start, stop):
            match = _DATE_LINE_RE.match(self.paras[index])
            if match and self.meta.date is None:
                self.meta.date = _iso_date(match)
                previous = self.paras[index - 1] if index > start else ""
                if previous and _looks_like_signature(previous):
                    self.signature = previous

    def _read_intro(self, start: int) -> None:
        """The paragraphs between the title and the outline, joined; a bracketed note with a
        date under the title gives the date instead."""
        parts: list[str] = []
        for paragraph in self.paras[start:]:
            if _ATTACHMENT_RE.match(paragraph) or _FOOTER_RE.search(paragraph):
                continue
            if _is_date_line(paragraph) or _is_note_line(paragraph):
                match = _DATE_RE.search(paragraph)
                if match and self.meta.date is None:
                    self.meta.date = _iso_date(match)
                if _is_date_line(paragraph) or match:
                    continue
            parts.append(paragraph)
        self.meta.intro = _join_all(parts) or None


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------
def _strip_trailing(
    paragraphs: list[str], meta: WorkpointsMeta, taken_back: frozenset[str] = frozenset()
) -> list[str]:
    """Drop footers, 落款 (signature) and date after the outline; keep their date/issuer.

    A footer line the user took back (``taken_back``) stays text."""
    end = len(paragraphs)
    trailing_date: str | None = None
    signature: str | None = None
    while end > 0:
        paragraph = paragraphs[end - 1]
        date_match = _DATE_LINE_RE.match(paragraph)
        if date_match:
            trailing_date = trailing_date or _iso_date(date_match)
            if end >= 2 and _looks_like_signature(paragraphs[end - 2]):
                signature = paragraphs[end - 2]
                end -= 2
            else:
                end -= 1
            continue
        if paragraph not in taken_back and (
            _FOOTER_RE.search(paragraph) or _ATTACHMENT_RE.match(paragraph)
        ):
            end -= 1
            continue
        if (
            end >= 2
            and signature is None
            and _looks_like_signature(paragraph)
            and _ORGANISATION_END_RE.search(paragraph)
            and paragraphs[end - 2][-1] in _CLOSING
        ):
            signature = paragraph  # 落款 without a date
            end -= 1
            continue
        break
    if meta.date is None:
        meta.date = trailing_date
    if meta.issuer is None:
        meta.issuer = signature
    kept = paragraphs[:end]
    if kept:
        kept[-1] = _TRAILING_CREDIT_RE.sub("", kept[-1]).rstrip()
    return kept


def parse_workpoints(
    text: str,
    *,
    lines_are_paragraphs: bool | None = None,
    keep_text: Iterable[str] = (),
) -> ParsedWorkpoints:
    """Parse a work-points document (text from .txt, .docx or PDF) into meta and a tree.

    The outline starts at the first paragraph numbered 一、 / （一） / 1. / （1） with the
    number one (or, failing that, at the first numbered paragraph); everything before it is
    header, notice, title and introduction.

    >>> doc = parse_workpoints("1.第一项。\\n2.第二项（牵头单位：工会）")
    >>> [(n.number, n.level, n.lead_unit) for n in doc.iter_nodes()]
    [('1', 1, None), ('2', 1, '工会')]
    """
    warnings: list[str] = []
    keep_text = tuple(keep_text)
    text, ignored = strip_furniture(text, keep_text)
    if lines_are_paragraphs is None:
        breaks = "likely" if paragraphs_are_lines(text) else "pdf"
    else:
        breaks = "certain" if lines_are_paragraphs else "pdf"
    paragraphs, heading_lines = _paragraphs(text, breaks=breaks) if text.strip() else ([], set())
    numbered = [
        (index, candidate)
        for index, paragraph in enumerate(paragraphs)
        if (candidate := _match_node(paragraph)) is not None
    ]
    # The outline starts at its first "one"; an excerpt that starts later (at （九）) is
    # still read from its first numbered paragraph.
    start = next(
        (index for index, candidate in numbered if candidate.value == 1),
        numbered[0][0] if numbered else None,
    )
    if start is None:
        meta = _MetaReader(paragraphs).read()
        warnings.append("未识别到任何工作要点条目：条目应以“一、”“（一）”或“1.”等编号开头")
        return ParsedWorkpoints(meta, [], warnings, ignored)

    meta = _MetaReader(paragraphs[:start]).read()
    kept = frozenset(_clean_line(k) for k in keep_text)
    outline = _strip_trailing(paragraphs[start:], meta, kept)
    builder = _OutlineBuilder(warnings)
    previous = ""
    for offset, paragraph in enumerate(outline):
        candidate = _match_node(paragraph)
        if candidate is not None and (not builder.stack or builder.accepts(candidate, previous)):
            builder.add_node(candidate, heading_line=start + offset in heading_lines)
        else:
            builder.add_text(paragraph)
        previous = paragraph
    _lead_items(builder.roots)
    nodes = [_finish(draft, warnings) for draft in builder.roots]
    return ParsedWorkpoints(meta, nodes, warnings, ignored)
