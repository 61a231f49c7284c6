"""Report: read the PDF back and check what a reader of the printout would check."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from guilin_union.reports import _atomic
from guilin_union.reports.document import (
    MASKED_NOTE,
    Col,
    Report,
    ReportWriteError,
    _CellFactory,
    _Pieces,
)
from guilin_union.reports.fonts import register_fonts
from guilin_union.reports.styles import text_style
from tests.reports._pdf import body_text, fonts_in, is_embedded, page_texts, squash
from tests.reports.conftest import FIXED_DAY, needs_cjk_ttf

COLS = [Col("序号", 1, "center"), Col("姓名", 3), Col("部门", 4), Col("金额（元）", 2, "right")]
HOSTILE = ["A<B", "R&D", '<img src="x">']


def _rows(n: int) -> list[list[object]]:
    return [[i, f"会员{i:04d}", "文学院", f"{i}.00"] for i in range(1, n + 1)]


def _report(path: Path, **kwargs) -> Report:
    kwargs.setdefault("generated_on", FIXED_DAY)
    return Report(path, "参加人员名单", **kwargs)


def test_title_block_and_footer(out: Path) -> None:
    report = _report(out, subtitle="第一届第三次会议", masked_note=True)
    report.heading("一、基本情况")
    report.paragraph("正文第一行\n正文第二行")
    report.save()
    [text] = page_texts(out)
    flat = squash(text)
    for expected in [
        "桂林学院",
        "参加人员名单",
        "第一届第三次会议",
        "打印日期：2026年11月21日",
        squash(MASKED_NOTE),
        "一、基本情况",
        "正文第一行",
        "正文第二行",
    ]:
        assert expected in flat
    assert text.rstrip().endswith("第 1 页 共 1 页")
    assert flat.index("桂林学院") < flat.index("参加人员名单") < flat.index("一、基本情况")


def test_institution_line_is_not_repeated_when_in_title(out: Path) -> None:
    Report(out, "桂林学院工会委员会会员花名册", show_print_date=False).save()
    flat = squash(page_texts(out)[0])
    assert flat.count("桂林学院") == 1
    assert "打印日期" not in flat and squash(MASKED_NOTE) not in flat


def test_page_numbers_and_repeated_header_on_every_page(out: Path) -> None:
    report = _report(out)
    report.table(COLS, _rows(150))
    report.save()
    pages = page_texts(out)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        # the column headers start every page's table, and appear once per page
        flat = squash(text)
        assert flat.count("序号姓名部门金额（元）") == 1
    second = squash(pages[1])
    assert "参加人员名单" in second  # the running header
    every_name = "".join(squash(t) for t in pages)
    assert all(f"会员{i:04d}" in every_name for i in range(1, 151))


def test_group_title_repeats_with_continued_mark(out: Path) -> None:
    report = _report(out)
    report.table(COLS, _rows(100), group_title="文学院分工会（共 100 人）")
    report.table(COLS, _rows(2), group_title="机关分工会")
    report.save()
    pages = [squash(t) for t in page_texts(out)]
    assert len(pages) >= 3
    assert "文学院分工会（共100人）序号姓名" in pages[0] and "（续）" not in pages[0]
    for flat in pages[1:-1]:
        assert "文学院分工会（共100人）（续）序号姓名" in flat
    assert "机关分工会序号姓名" in pages[-1] and "机关分工会（续）" not in pages[-1]


def test_header_not_repeated_when_asked(out: Path) -> None:
    report = _report(out)
    report.table(COLS, _rows(150), repeat_header=False)
    report.save()
    pages = page_texts(out)
    assert "序号姓名部门" in squash(pages[0])
    assert "序号姓名部门" not in squash(pages[1])


@needs_cjk_ttf
def test_chinese_font_embedded_and_nothing_else_used(out: Path) -> None:
    report = _report(out)
    report.key_values([("姓名", "张三")])
    report.table(COLS, _rows(3), total_row=["合计", "", "", "6.00"])
    report.signature_block(["经手人", "证明人"])
    report.save()
    used = fonts_in(out)
    assert used
    assert all(is_embedded(font) for font in used.values()), used.keys()
    assert all("/FontFile2" in font["/FontDescriptor"] for font in used.values())


def test_hostile_text_prints_literally_everywhere(out: Path) -> None:
    report = _report(out, subtitle="A<B")
    report.heading("R&D")
    report.paragraph('<img src="x">')
    report.key_values([("R&D", "A<B")])
    report.table(
        COLS, [[1, name, name * 6, "1.00"] for name in HOSTILE], total_row=["合计<", "", "", "&"]
    )
    report.signature_block(["A<B"])
    report.save()
    flat = squash(page_texts(out)[0])
    for text in HOSTILE:
        assert squash(text) in flat
        assert squash(text) * 6 in flat  # the long, wrapped copy too
    assert "合计<" in flat


def test_long_name_wraps_instead_of_being_cut(out: Path) -> None:
    long_name = "阿卜杜热合曼·买买提明·艾尔肯江·吐尔逊·阿不都热依木"
    report = _report(out)
    report.table(COLS, [[1, long_name, "人文与管理学院（含马克思主义学院教学部）" * 2, "12.00"]])
    report.save()
    text = page_texts(out)[0]
    assert long_name in squash(text)
    assert long_name not in text  # it is on several lines: wrapped
    lines_with_part = [line for line in text.splitlines() if line and line.strip() in long_name]
    assert len(lines_with_part) >= 2


def test_cell_factory_keeps_short_text_plain_and_wraps_long_text() -> None:
    cell = _CellFactory(register_fonts(), 10, "body")
    assert cell("张三", 100, "left") == "张三"
    assert cell(None, 100, "left") == ""
    assert cell(12, 100, "left") == "12"
    assert isinstance(cell("张" * 20, 100, "left"), Paragraph)  # 20 × 10 pt > 100 pt
    assert (
        cell("甲\n乙", 100, "left") == "甲\n乙"
    )  # short lines stay plain: the table draws them line by line
    assert isinstance(cell("甲\n" + "张" * 20, 100, "left"), Paragraph)  # a long line still wraps
    tall = _CellFactory(register_fonts(), 10, "body", max_height=100)(
        "很长的备注内容，" * 200, 100, "left"
    )
    assert type(tall) is _Pieces and len(tall) > 1


def test_cell_taller_than_a_page_is_continued_with_one_header_per_page(out: Path) -> None:
    note = "很长的备注内容，" * 600
    report = _report(out)
    report.table(
        [Col("序号", 1, "center"), Col("备注", 8), Col("状态", 1.5)],
        [[1, "短", "在会"], [2, note, "进行中"], [3, "末行", "完成"]],
        group_title="进展情况",
    )
    report.save()
    pages = page_texts(out)
    assert len(pages) >= 3
    flat = body_text(pages, "桂林学院　参加人员名单", table_header="进展情况（续）序号备注状态")
    # (the row's other cells are extracted next to the first piece, possibly inside a word)
    assert flat.replace("进行中", "", 1).count("很长的备注内容，") == 600
    # the pieces read on across the page breaks (the row's other cells sit by the first piece)
    assert squash(note) in flat.replace("进行中", "", 1)
    for text in pages:
        assert squash(text).count("序号备注状态") == 1
    assert "末行" in squash(pages[-1])


def test_totals_line_in_figures_and_upper_case(out: Path) -> None:
    report = _report(out)
    report.totals("合计", 123450)
    report.totals("发放总额", 120000)
    report.save()
    flat = squash(page_texts(out)[0])
    assert "合计：1,234.50元（大写：壹仟贰佰叁拾肆元伍角）" in flat
    assert "发放总额：1,200.00元（大写：壹仟贰佰元整）" in flat


@pytest.mark.parametrize("bad", [12.5, "100", True])
def test_totals_refuses_anything_but_integer_fen(out: Path, bad: object) -> None:
    with pytest.raises(TypeError):
        _report(out).totals("合计", bad)  # type: ignore[arg-type]


def test_forms_signatures_and_empty_tables(out: Path) -> None:
    report = _report(out)
    report.key_values([("姓名", "张三"), ("性别", "男"), ("分工会", "文学院分工会")], columns=2)
    report.table(COLS, [], group_title="获奖名单")
    report.signature_block(["经手人", "证明人", "分工会主席", "校工会"])
    report.signature_boxes(["分工会意见", "校工会意见"])
    report.spacer(5)
    report.page_break()
    report.paragraph("第二页", align="center", size=14)
    report.save()
    first, second = page_texts(out)
    flat = squash(first)
    for expected in [
        "姓名张三",
        "性别男",
        "分工会文学院分工会",
        "获奖名单",
        "（无）",
        "经手人：",
        "证明人：",
        "分工会主席：",
        "校工会：",
        "日期：年月日",
        "分工会意见",
        "校工会意见",
        "签名（盖章）：",
    ]:
        assert expected in flat
    assert "第二页" in second and "第 2 页 共 2 页" in second


def _signed_list(path: Path, kept: bool) -> list[str]:
    report = _report(path)
    report.table(COLS, _rows(45))
    block = report.keep_together() if kept else contextlib.nullcontext()
    with block:
        report.totals("合计", 100)
        report.signature_block(["经手人"])  # itself kept together: nested
        report.key_values([("审核", "")])
    report.save()
    return page_texts(path)


def test_keep_together_block_stays_on_the_last_page_when_it_fits(tmp_path: Path) -> None:
    kept = _signed_list(tmp_path / "kept.pdf", kept=True)
    loose = _signed_list(tmp_path / "loose.pdf", kept=False)
    assert len(kept) == len(loose)  # nesting does not push the block to a page of its own
    last = squash(kept[-1])
    assert "会员0045" in last and "合计" in last and "经手人" in last and "审核" in last


@pytest.mark.parametrize("kept", [True, False])
def test_keep_together_moves_the_whole_block(tmp_path: Path, kept: bool) -> None:
    path = tmp_path / "k.pdf"
    report = _report(path)
    report.table(COLS, _rows(30))  # leaves room for the first line of the block only
    with report.keep_together() if kept else contextlib.nullcontext():
        report.paragraph("块开始")
        report.spacer(60)
        report.paragraph("块结束")
    report.save()
    first, second = page_texts(path)
    assert "会员0030" in first and "块结束" in second
    assert ("块开始" in second) is kept


def test_landscape_page(out: Path) -> None:
    _report(out, landscape=True).save()
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_wrong_row_length_is_refused(out: Path) -> None:
    with pytest.raises(ValueError, match="第 2 行"):
        _report(out).table(COLS, [[1, "a", "b", "c"], [2, "a"]])


def test_save_only_once(out: Path) -> None:
    report = _report(out)
    report.save()
    with pytest.raises(RuntimeError):
        report.save()


# ----------------------------------------------------------------- atomic write
def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_save_replaces_the_old_file_and_leaves_no_temp(out: Path) -> None:
    out.write_bytes(b"old")
    assert _report(out).save() == out
    assert out.read_bytes().startswith(b"%PDF")
    assert _temp_files(out.parent) == []


def test_failed_build_keeps_old_file(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out.write_bytes(b"old report")

    def broken_build(self: Report, target: Path, story: list) -> None:
        target.write_bytes(b"%PDF-half")
        raise RuntimeError("boom")

    monkeypatch.setattr(Report, "_build_once", broken_build)
    with pytest.raises(RuntimeError, match="boom"):
        _report(out).save()
    assert out.read_bytes() == b"old report"
    assert _temp_files(out.parent) == []


def test_locked_target_gives_a_chinese_message_and_keeps_old_file(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out.write_bytes(b"old report")
    calls = []

    def locked(src: os.PathLike, dst: os.PathLike) -> None:
        calls.append(dst)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_atomic.os, "replace", locked)
    monkeypatch.setattr(_atomic.time, "sleep", lambda _s: None)
    with pytest.raises(ReportWriteError) as caught:
        _report(out).save()
    message = str(caught.value)
    assert "报表.pdf" in message and "打开" in message and "原文件未被修改" in message
    assert re.search(r"[\u4e00-\u9fff]", message)
    assert len(calls) == 1 + len(_atomic._REPLACE_RETRY_DELAYS)  # retried, then gave up
    assert out.read_bytes() == b"old report"
    assert _temp_files(out.parent) == []


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ReportWriteError, match="不存在"):
        _report(tmp_path / "no-such-folder" / "a.pdf").save()


def test_rows_may_come_from_a_generator(out: Path) -> None:
    report = _report(out)
    report.table(COLS, (row for row in _rows(3)))
    report.save()
    flat = squash(page_texts(out)[0])
    assert "会员0003" in flat and "（无）" not in flat


def test_form_value_taller_than_a_page_still_prints(out: Path) -> None:
    report = _report(out)
    report.key_values([("姓名", "张三"), ("备注", "备注内容很长。" * 900)], columns=1)
    report.save()
    pages = page_texts(out)
    assert len(pages) >= 2
    assert body_text(pages, "桂林学院　参加人员名单").count("备注内容很长。") == 900


def test_write_error_is_importable_from_errors_module() -> None:
    from guilin_union.reports import errors

    assert errors.ReportWriteError is ReportWriteError
    assert issubclass(ReportWriteError, OSError)


def test_custom_flowable_joins_the_keep_together_block(out: Path) -> None:
    report = _report(out)
    with report.keep_together():
        report.add(Paragraph("自定义内容", text_style(report.fonts)))
        report.paragraph("随后一段")
    report.save()
    flat = squash(page_texts(out)[0])
    assert flat.index("自定义内容") < flat.index("随后一段")
