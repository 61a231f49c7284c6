"""``guilin-union --self-test``: it passes on a healthy program, and every kind of check can fail."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from guilin_union import cli
from guilin_union.reports import registry
from guilin_union.services import report_samples
from guilin_union.ui import selftest
from guilin_union.ui.selftest import CheckFailed, CheckResult, SelfTest, check_pdf, check_xlsx

ROOT = Path(__file__).resolve().parents[1]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("[")]


# ----------------------------------------------------------------- the whole run


def test_self_test_passes_in_a_fresh_process_and_covers_every_tab_and_report():
    """The real entry point (``python -m guilin_union --self-test``) without a Qt platform
    set: the self-test must pick offscreen itself and pass every check."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "GUILIN_UNION_DB")}
    result = subprocess.run(
        [sys.executable, "-m", "guilin_union", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    lines = _lines(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines and all(line.startswith("[通过]") for line in lines), result.stdout
    cli.build_parser()
    for name in cli.REPORT_NAMES:  # every report the CLI offers right now, none hard-coded
        assert any(line.startswith(f"[通过] 报表 {name} ") for line in lines), (
            f"no line for report {name}"
        )
    from guilin_union.ui.tabs import TABS

    for title, _module in TABS:
        assert any(f"标签页“{title}”" in line for line in lines), f"tab {title} not opened"
    for check in (
        "资源文件",
        "中文字体",
        "演示数据库",
        "主窗口",
        "关于对话框",
        "界面表单",
        "Excel 导出",
    ):
        assert any(line.startswith(f"[通过] {check}") for line in lines), check
    assert result.stdout.strip().splitlines()[-1] == f"自检完成：{len(lines)} 项通过，0 项失败。"


def test_a_broken_report_fails_the_run_with_exit_code_1(monkeypatch: pytest.MonkeyPatch):
    """A report that writes something that is not a PDF: ``[失败]`` and exit code 1."""
    import guilin_union.cli.members as members_cli

    def broken_roster(args: argparse.Namespace, ctx: object) -> int:
        Path(args.output).write_text("这不是 PDF", encoding="utf-8")
        return 0

    monkeypatch.setattr(members_cli, "cmd_roster", broken_roster)
    # The window and the other reports are covered by the test above; two reports keep it quick.
    monkeypatch.setattr(SelfTest, "check_window", lambda self: None)
    real_check_reports = SelfTest.check_reports
    monkeypatch.setattr(
        SelfTest,
        "check_reports",
        lambda self, names=None: real_check_reports(self, ["member-roster", "member-stats"]),
    )
    out = io.StringIO()
    assert selftest.run_self_test(out=out) == 1
    lines = _lines(out.getvalue())
    assert any(
        line.startswith("[失败] 报表 member-roster ") and "不是 PDF" in line for line in lines
    ), lines
    # The other reports are still checked (and pass): one failure does not stop the run.
    assert any(line.startswith("[通过] 报表 ") for line in lines)
    assert out.getvalue().strip().splitlines()[-1].endswith("1 项失败。")


# ----------------------------------------------------------------- single steps on one database


@pytest.fixture(scope="module")
def demo_test(tmp_path_factory: pytest.TempPathFactory) -> SelfTest:
    """A SelfTest whose demo database is filled once for this module's tests."""
    test = SelfTest(tmp_path_factory.mktemp("selftest"), out=lambda line: None)
    assert test.prepare_database().ok
    return test


@pytest.fixture
def fresh(demo_test: SelfTest) -> SelfTest:
    """The module's database with an empty result list."""
    test = SelfTest(demo_test.workdir, out=lambda line: None)
    return test


def test_failing_step_is_recorded_not_raised(fresh: SelfTest):
    def explode() -> str:
        raise ZeroDivisionError("boom")

    result = fresh.check("爆炸", explode)
    assert result == fresh.results[-1] and not result.ok
    assert result.line().startswith("[失败] 爆炸：ZeroDivisionError: boom")
    assert not fresh.passed


def test_check_result_lines():
    assert CheckResult("字体", True, "ok").line() == "[通过] 字体：ok"
    assert CheckResult("字体", False).line() == "[失败] 字体"


def test_report_with_unresolvable_required_option_is_a_failed_check(
    fresh: SelfTest, monkeypatch: pytest.MonkeyPatch
):
    real_build = cli.build_parser
    monkeypatch.setitem(registry.REPORTS, "gizmo-report", "测试用报表")  # the one list

    def build_with_extra_report() -> argparse.ArgumentParser:
        parser = real_build()
        reports = selftest._subparsers(selftest._subparsers(parser).choices["report"])
        extra = reports.add_parser("gizmo-report")
        extra.add_argument("--gizmo", required=True, metavar="WHAT")
        cli.add_output_arg(extra)
        cli.REPORT_NAMES["gizmo-report"] = "测试用报表"
        return parser

    monkeypatch.setattr(cli, "build_parser", build_with_extra_report)
    fresh.check_reports(["gizmo-report"])
    (result,) = fresh.results
    assert not result.ok
    assert result.line().startswith(
        "[失败] 报表 gizmo-report 测试用报表：无法为必需参数 --gizmo 确定取值"
    )


def test_report_that_exits_with_an_error_is_a_failed_check(
    fresh: SelfTest, monkeypatch: pytest.MonkeyPatch
):
    import guilin_union.cli.members as members_cli

    def refusing(args: argparse.Namespace, ctx: object) -> int:
        return cli.fail("错误：测试故障")

    monkeypatch.setattr(members_cli, "cmd_roster", refusing)
    fresh.check_reports(["member-roster"])
    (result,) = fresh.results
    assert not result.ok and "退出码 1" in result.detail and "测试故障" in result.detail


def test_report_needing_a_selecting_option_is_retried_with_it(
    fresh: SelfTest, monkeypatch: pytest.MonkeyPatch
):
    """Like ``member-form``: nothing is required to argparse, but the command refuses (exit 2)
    until ``--member`` is given; the self-test tries the options it can fill."""
    real_build = cli.build_parser
    seen: list[object] = []

    def handler(args: argparse.Namespace, ctx: object) -> int:
        if args.member is None:
            return cli.fail("请用 --member 指定", 2)
        seen.append(args.member)
        from guilin_union.reports.document import Report

        report = Report(Path(args.output), "测试报表")
        report.paragraph(f"会员 {args.member}")
        report.save()
        return 0

    def build() -> argparse.ArgumentParser:
        parser = real_build()
        reports = selftest._subparsers(selftest._subparsers(parser).choices["report"])
        extra = reports.add_parser("pick-report")
        extra.add_argument("--member", type=int, metavar="ID")
        cli.add_output_arg(extra)
        extra.set_defaults(handler=handler)
        cli.REPORT_NAMES["pick-report"] = "需要指定会员的报表"
        return parser

    monkeypatch.setitem(registry.REPORTS, "pick-report", "需要指定会员的报表")  # the one list
    monkeypatch.setattr(cli, "build_parser", build)
    fresh.check_reports(["pick-report"])
    (result,) = fresh.results
    assert result.ok, result.line()
    assert seen and "--member" in result.detail


def test_excel_export_failure(fresh: SelfTest, monkeypatch: pytest.MonkeyPatch):
    import guilin_union.cli.members as members_cli

    def broken_export(args: argparse.Namespace, ctx: object) -> int:
        Path(args.file).write_bytes(b"PK\x03\x04 broken zip")
        return 0

    monkeypatch.setattr(members_cli, "cmd_export", broken_export)
    result = fresh.check_excel_export()
    assert not result.ok and "openpyxl 无法打开" in result.detail


def test_excel_export_passes(fresh: SelfTest):
    result = fresh.check_excel_export()
    assert result.ok, result.line()


def test_missing_resources_fail(fresh: SelfTest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import guilin_union.ui.application as application

    monkeypatch.setattr(application, "resources_dir", lambda: tmp_path / "nothing")
    assert not fresh.check_resources().ok
    (tmp_path / "nothing").mkdir()
    result = fresh.check_resources()
    assert not result.ok and "app.png" in result.detail
    (tmp_path / "nothing" / "icons").mkdir()
    (tmp_path / "nothing" / "icons" / "app.png").write_bytes(b"png")
    result = fresh.check_resources()
    assert not result.ok and "字体" in result.detail
    (tmp_path / "nothing" / "fonts").mkdir()
    (tmp_path / "nothing" / "fonts" / "x.ttc").write_bytes(b"ttcf")
    assert fresh.check_resources().ok


def test_font_fallback_fails_the_font_check(fresh: SelfTest, monkeypatch: pytest.MonkeyPatch):
    from guilin_union.reports import fonts

    fallback = fonts.FontChoice("STSong-Light", "STSong-Light", None, None, False)
    monkeypatch.setattr(fonts, "register_fonts", lambda: fallback)
    result = fresh.check_fonts()
    assert not result.ok and "STSong-Light" in result.detail
    assert fresh.font_embedded is False  # the PDF checks then skip the embedding test


def test_demo_refused_on_a_used_database_fails(tmp_path: Path):
    test = SelfTest(tmp_path, out=lambda line: None)
    assert test.prepare_database().ok
    again = test.prepare_database()  # populate_demo refuses a database that holds data
    assert not again.ok and "已有数据" in again.detail


# ----------------------------------------------------------------- the window


def _broken_tab_module() -> types.ModuleType:
    """A tab whose SECOND sub-page raises when shown: found only by visiting every page."""
    from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

    class BrokenPage(QWidget):
        def showEvent(self, event):  # noqa: N802 (Qt override)
            raise RuntimeError("子页面故障")

    def create_tab(ctx: object) -> QWidget:
        tab = QWidget()
        inner = QTabWidget()
        inner.addTab(QLabel("正常"), "正常页")
        inner.addTab(BrokenPage(), "故障页")
        QVBoxLayout(tab).addWidget(inner)
        return tab

    module = types.ModuleType("selftest_broken_tab")
    module.create_tab = create_tab  # type: ignore[attr-defined]
    return module


def test_window_opens_every_tab_and_a_failing_sub_page_is_reported(
    fresh: SelfTest, monkeypatch: pytest.MonkeyPatch, qapp
):
    import guilin_union.ui.main_window as main_window

    monkeypatch.setitem(sys.modules, "selftest_broken_tab", _broken_tab_module())
    monkeypatch.setattr(
        main_window, "TABS", [*main_window.TABS, ("故障标签", "selftest_broken_tab")]
    )
    hook_before = sys.excepthook
    fresh.check_window()
    by_name = {r.name: r for r in fresh.results}
    broken = by_name["标签页“故障标签”"]
    assert not broken.ok and "子页面故障" in broken.detail
    for title, _module in main_window.TABS[:-1]:
        assert by_name[f"标签页“{title}”"].ok, by_name[f"标签页“{title}”"].line()
    assert by_name["主窗口"].ok and by_name["关于对话框"].ok and by_name["界面表单"].ok
    assert sys.excepthook is hook_before  # pytest-qt's exception capture is back


# ----------------------------------------------------------------- file checks


def _pdf(path: Path, text: str, *, font: str | None = None) -> Path:
    canvas = Canvas(str(path))
    if font:
        canvas.setFont(font, 12)
    canvas.drawString(72, 720, text)
    canvas.save()
    return path


def test_check_pdf_accepts_a_real_report(tmp_path: Path):
    from guilin_union.reports.document import Report

    report = Report(tmp_path / "r.pdf", "自检测试报表")
    report.paragraph("会员名单")
    path = report.save()
    assert check_pdf(path) == "1 页"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "没有生成文件"),
        (b"", "没有生成文件"),
        (b"GIF89a", "不是 PDF"),
        (b"%PDF-1.4 truncated", "无法读取"),
    ],
)
def test_check_pdf_rejects_broken_files(tmp_path: Path, content: bytes | None, message: str):
    path = tmp_path / "x.pdf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CheckFailed, match=message):
        check_pdf(path)


def test_check_pdf_wants_chinese_text(tmp_path: Path):
    with pytest.raises(CheckFailed, match="中文"):
        check_pdf(_pdf(tmp_path / "latin.pdf", "Hello"))


def test_check_pdf_wants_embedded_fonts_unless_fallback(tmp_path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = _pdf(tmp_path / "cid.pdf", "会员名单", font="STSong-Light")
    with pytest.raises(CheckFailed, match="未嵌入"):
        check_pdf(path)
    assert check_pdf(path, fonts_embedded=False) == "1 页"


def test_check_xlsx(tmp_path: Path):
    from openpyxl import Workbook

    good = tmp_path / "good.xlsx"
    book = Workbook()
    book.active.append(["姓名", "分工会"])
    book.active.append(["张三", "机关分工会"])
    book.save(good)
    assert check_xlsx(good) == "2 行"

    latin = tmp_path / "latin.xlsx"
    book = Workbook()
    book.active.append(["name"])
    book.active.append(["x"])
    book.save(latin)
    with pytest.raises(CheckFailed, match="中文"):
        check_xlsx(latin)

    short = tmp_path / "short.xlsx"
    book = Workbook()
    book.active.append(["姓名"])
    book.save(short)
    with pytest.raises(CheckFailed, match="只有 1 行"):
        check_xlsx(short)

    with pytest.raises(CheckFailed, match="没有生成文件"):
        check_xlsx(tmp_path / "missing.xlsx")


# ----------------------------------------------------------------- option resolvers


@pytest.fixture
def area_db():
    import sqlite_utils

    db = sqlite_utils.Database(memory=True)
    db["congress_sessions"].insert_all(
        [{"id": 5, "start_date": "2023-04-01"}, {"id": 2, "start_date": "2021-04-01"}], pk="id"
    )
    db["activities"].insert_all(
        [{"id": 9, "start_date": "2022-05-01", "status": "已结束"}], pk="id"
    )
    db["welfare_payments"].insert_all([{"id": 1, "year": 2020, "pay_date": "2020-02-01"}], pk="id")
    db["members"].insert_all([{"id": 1, "status": "退会"}, {"id": 3, "status": "在会"}], pk="id")
    db["member_dues"].insert_all(
        [
            {"member_id": 1, "dues_start_month": "2999-01"},
            {"member_id": 3, "dues_start_month": "2019-07"},
        ]
    )
    return db


def test_resolvers_use_the_reports_own_area(area_db):
    assert selftest.RESOLVERS["session"](area_db, "agenda") == "2"  # first row by id
    assert selftest.RESOLVERS["activity"](area_db, "activity-summary") == "9"
    assert selftest.RESOLVERS["member"](area_db, "member-form") == "3"  # in good standing
    assert report_samples.newest_year(area_db, "welfare-stats") == "2020"
    assert report_samples.newest_year(area_db, "activity-year-budget") == "2022"
    assert report_samples.newest_year(area_db, "congress-something") == "2023"
    # no area of its own: every table counts; a future month is not “newest with data”
    assert report_samples.newest_month(area_db, "dues-summary") <= dt.date.today().strftime("%Y-%m")
    assert report_samples.newest_month(area_db, "dues-summary") >= "2023-04"
    assert selftest.RESOLVERS["batch"](area_db, "welfare-roster") is None  # no batches table


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", required=True)
    return parser


def test_plan_report_fills_required_options_and_either_or_groups(area_db):
    parser = _report_parser()
    parser.add_argument("--session", required=True, metavar="ID")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--batch", type=int, metavar="ID")  # no data: the next option is used
    group.add_argument("--year", type=int, metavar="YYYY")
    plan = selftest.plan_report(area_db, "welfare-roster", "签领表", parser)
    assert plan.error is None
    assert plan.options == ["--session", "2", "--year", "2020"]


def test_plan_report_generic_id_option_and_unknown_option(area_db):
    parser = _report_parser()
    parser.add_argument("--activity-thing", dest="activity", type=int, required=True)
    assert selftest.plan_report(area_db, "activity-x", "", parser).options == [
        "--activity-thing",
        "9",
    ]

    unknown = _report_parser()
    unknown.add_argument("--colour", required=True)
    plan = selftest.plan_report(area_db, "x", "", unknown)
    assert plan.error and "--colour" in plan.error

    empty_group = _report_parser()
    group = empty_group.add_mutually_exclusive_group(required=True)
    group.add_argument("--batch", type=int, metavar="ID")
    assert "--batch" in selftest.plan_report(area_db, "x", "", empty_group).error


def test_every_current_cli_report_can_be_planned_on_demo_data(demo_test: SelfTest):
    """No report the CLI offers today needs an option the resolver table cannot fill."""
    from guilin_union.storage import open_database

    parser = cli.build_parser()
    db = open_database(demo_test.db_path)
    try:
        for name, sub in selftest.report_parsers(parser).items():
            if name == "list":
                continue
            plan = selftest.plan_report(db, name, "", sub)
            assert plan.error is None, (name, plan.error)
    finally:
        db.conn.close()


def test_docstring_examples():
    import doctest

    attempted = 0
    for module in (selftest, report_samples):  # the resolvers moved to services/report_samples
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted >= 3
