"""会员花名册 read back from the PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from guilin_union.core.masking import mask_id, mask_phone
from guilin_union.reports.members.roster import RosterMember, build_member_roster
from tests.reports._pdf import page_texts, squash
from tests.reports.conftest import FIXED_DAY

FULL_IDS = ["450102199003071234", "45030519851120002X", "110101197001010017"]
FULL_PHONES = ["13812345678", "13998765432", "15077701234"]


def _member(
    i: int, name: str, *, joined: str = "2024-03-05", status: str = "在会", dept: str = "文学院"
) -> RosterMember:
    return RosterMember(
        member_no=f"GL{i:04d}",
        name=name,
        gender="女" if i % 2 else "男",
        department=dept,
        title="副教授",
        phone_masked=mask_phone(FULL_PHONES[i % 3]),
        id_masked=mask_id(FULL_IDS[i % 3]),
        joined_on=joined,
        status=status,
    )


def _build(path: Path, groups, **kwargs) -> Path:
    kwargs.setdefault("institution", "桂林学院")
    kwargs.setdefault("union_name", "桂林学院工会委员会")
    return build_member_roster(path, groups, generated_on=FIXED_DAY, **kwargs)


def test_roster_prints_groups_masked_numbers_and_summary(out: Path) -> None:
    groups = [
        (
            "文学院分工会",
            [
                _member(1, "张三"),
                _member(2, "李四", joined="2019-12-25", status="保留会籍"),
                _member(3, "R&D <b>王五</b>", joined=""),
            ],
        ),
        ("机关分工会", [_member(4, "欧阳明月", dept="人文与管理学院（含马克思主义学院教学部）")]),
        ("后勤分工会", []),
    ]
    assert _build(out, groups, filter_note="会籍状态：全部") == out
    pages = page_texts(out)
    flat = "".join(squash(t) for t in pages)
    for expected in [
        "桂林学院工会委员会会员花名册",
        "会籍状态：全部",
        "打印日期：2026年11月21日",
        "（证件号码、手机号已按隐私保护要求部分隐藏）",
        "文学院分工会（共3人）",
        "机关分工会（共1人）",
        "后勤分工会（共0人）",
        "（无）",
        "序号会员编号姓名性别部门职称手机身份证号入会日期会籍状态",
        "张三",
        "李四",
        "R&D<b>王五</b>",
        "欧阳明月",
        "人文与管理学院（含马克思主义学院教学部）",
        "2024年3月5日",
        "2019年12月25日",
        "总计4人",
        "在会3人",
        "保留会籍1人",
        "合计4",
    ]:
        assert expected in flat, expected
    for full in FULL_IDS + FULL_PHONES:
        assert full not in flat
    for i in range(1, 5):
        assert mask_id(FULL_IDS[i % 3]) in flat and mask_phone(FULL_PHONES[i % 3]) in flat
    # the summary counts each branch
    assert "1文学院分工会3" in flat and "2机关分工会1" in flat and "3后勤分工会0" in flat
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape: ten columns fit
    assert pages[-1].rstrip().endswith(f"第 {len(pages)} 页 共 {len(pages)} 页")


def test_long_roster_repeats_the_header_and_keeps_every_member(out: Path) -> None:
    members = [_member(i, f"会员{i:03d}") for i in range(1, 121)]
    _build(out, [("文学院分工会", members)], union_name="")
    pages = page_texts(out)
    assert len(pages) >= 3
    flat = "".join(squash(t) for t in pages)
    assert flat.startswith("桂林学院会员花名册")  # institution name when no union name
    assert all(f"会员{i:03d}" in flat for i in range(1, 121))
    for text in pages[:-1]:
        assert "序号会员编号姓名" in squash(text)
    assert "文学院分工会（共120人）序号" in squash(pages[0]) and "（续）" not in pages[0]
    assert "文学院分工会（共120人）（续）序号" in squash(pages[1])  # the branch on every page
    assert "总计120人" in flat


def test_unparseable_date_is_printed_as_given(out: Path) -> None:
    _build(out, [("文学院分工会", [_member(1, "张三", joined="2024年13月")])])
    assert "2024年13月" in squash(page_texts(out)[0])


def _unmasked(i: int) -> RosterMember:
    return RosterMember(
        f"GL{i:04d}",
        "张三",
        "男",
        "文学院",
        "讲师",
        FULL_PHONES[0],
        FULL_IDS[0],
        "2024-03-05",
        "在会",
    )


def test_full_numbers_are_not_announced_as_hidden(tmp_path: Path) -> None:
    detected = _build(tmp_path / "a.pdf", [("文学院分工会", [_member(1, "李四"), _unmasked(2)])])
    explicit = _build(tmp_path / "b.pdf", [("文学院分工会", [_member(1, "李四")])], masked=False)
    for path in (detected, explicit):
        flat = squash(page_texts(path)[0])
        assert "已按隐私保护要求部分隐藏" not in flat
        assert "本表含完整证件号码、手机号" in flat
    assert FULL_IDS[0] in squash(page_texts(detected)[0])
