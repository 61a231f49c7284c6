"""``guilin-union --self-test``: prove that this copy of the program works on this PC.

The self-test builds a throw-away database filled by the demo, starts the real main window
offscreen, opens every tab (and every page inside it), writes one PDF of EVERY report the
command line offers plus one Excel export, checks each file, and prints one line per check::

    [通过] 中文字体：GU-wqy-microhei（…/resources/fonts/wqy-microhei.ttc，嵌入 PDF）
    [失败] 报表 agenda（教代会会议议程）：文件不是 PDF

It exits 0 only if every check passed. It touches nothing of the user's: the database,
the PDFs and the window settings all live in a temporary folder that is removed afterwards
(set ``GUILIN_UNION_SELFTEST_DIR`` to keep them in a folder of your choice).

Reports are discovered at run time from ``cli.build_parser()`` — a report added by any area
is tested without touching this file. Each report's required options (``--session ID``,
``--year YYYY`` …) are filled from the demo data by :data:`RESOLVERS`, a small table keyed by
option name, with a naming-convention fallback for ``--<thing> ID`` options (the first row of
the ``<thing>s`` table). A report whose required option cannot be filled is a failed check.

This module sits outside ``ui/`` but drives the GUI, so PySide6 is imported lazily, after
``QT_QPA_PLATFORM`` has been set.

>>> CheckResult("示例", True, "说明").line()
'[通过] 示例：说明'
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import sqlite_utils

from guilin_union.services.report_samples import RESOLVERS, first_row_id

ENV_KEEP_DIR = "GUILIN_UNION_SELFTEST_DIR"
DEMO_SEED = 2024
# Pages of a PDF whose text is extracted (big PDFs — 600 member cards — need not be read whole).
TEXT_PAGES = 3
_CJK = re.compile(r"[\u4e00-\u9fff]")
# The PDF standard fonts need no embedding (reportlab may use Helvetica for digits).
_STANDARD_FONTS = frozenset(
    f"/{name}"
    for name in (
        "Courier",
        "Courier-Bold",
        "Courier-Oblique",
        "Courier-BoldOblique",
        "Helvetica",
        "Helvetica-Bold",
        "Helvetica-Oblique",
        "Helvetica-BoldOblique",
        "Times-Roman",
        "Times-Bold",
        "Times-Italic",
        "Times-BoldItalic",
        "Symbol",
        "ZapfDingbats",
    )
)


class CheckFailed(Exception):
    """A check found something wrong; the message (Chinese) is printed after ``[失败]``."""


@dataclass(frozen=True)
class CheckResult:
    """One printed line of the self-test."""

    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        mark = "[通过]" if self.ok else "[失败]"
        return f"{mark} {self.name}" + (f"：{self.detail}" if self.detail else "")


# --------------------------------------------------------------------------- output


class _Printer:
    """Prints each line as soon as it is known (a hanging check shows where it hangs)."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.lines: list[str] = []

    def __call__(self, text: str) -> None:
        self.lines.append(text)
        if self.stream is None:
            return
        try:
            self.stream.write(text + "\n")
        except UnicodeEncodeError:  # a console whose code page lacks a character
            self.stream.write(text.encode("ascii", "backslashreplace").decode("ascii") + "\n")
        self.stream.flush()


def _console_stream() -> TextIO | None:
    """stdout, or — in the windowed Windows program, which has none — the console of the
    ``cmd`` window it was started from, if any."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":
        try:
            import ctypes

            if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
                # Python opens CONOUT$ as a Unicode console stream: Chinese prints whatever
                # the code page.
                return open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 (lives until exit)
        except (OSError, AttributeError):
            pass
    return None


def _looks_like_id(action: argparse.Action) -> bool:
    metavar = str(action.metavar or "")
    return action.type is int or "ID" in metavar.upper()


def resolve_option(db: sqlite_utils.Database, report: str, action: argparse.Action) -> str | None:
    """A value for one report option from the demo data, or None if it cannot be found."""
    resolver = RESOLVERS.get(action.dest)
    if resolver is None and _looks_like_id(action):
        resolver = first_row_id(action.dest)
    if resolver is None:
        return None
    return resolver(db, report)


@dataclass
class ReportPlan:
    """How the self-test runs one report: the option lists to try, first one first.

    ``error`` is set (and nothing is run) when a required option cannot be filled.
    ``fallbacks`` are tried one after the other only if the first attempt is refused as a
    usage error (exit 2): e.g. ``member-form`` needs ``--member`` or ``--application``
    although argparse marks neither as required.
    """

    name: str
    title: str
    options: list[str] = field(default_factory=list)
    fallbacks: list[list[str]] = field(default_factory=list)
    error: str | None = None


def report_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """``{report name: its subparser}`` from the full command-line parser."""
    commands = _subparsers(parser)
    report = commands.choices.get("report") if commands else None
    if report is None:
        return {}
    reports = _subparsers(report)
    return dict(reports.choices) if reports else {}


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def _flag(action: argparse.Action) -> str:
    longs = [o for o in action.option_strings if o.startswith("--")]
    return (longs or action.option_strings)[0]


def plan_report(
    db: sqlite_utils.Database, name: str, title: str, parser: argparse.ArgumentParser
) -> ReportPlan:
    """Fill every required option (and one option of each required either-or group)."""
    plan = ReportPlan(name, title)
    used: set[str] = set()
    for action in parser._actions:
        if not action.required or not action.option_strings or action.dest in ("output", "help"):
            continue
        value = resolve_option(db, name, action)
        if value is None:
            plan.error = f"无法为必需参数 {_flag(action)} 确定取值（演示数据中没有对应记录，或自检还不认识这个参数）"
            return plan
        plan.options += [_flag(action), value]
        used.add(action.dest)
    for group in parser._mutually_exclusive_groups:
        if not group.required:
            continue
        for action in group._group_actions:
            value = resolve_option(db, name, action) if action.option_strings else None
            if value is not None:
                plan.options += [_flag(action), value]
                used.add(action.dest)
                break
        else:
            flags = " / ".join(_flag(a) for a in group._group_actions)
            plan.error = f"无法为必需参数（{flags} 之一）确定取值"
            return plan
    # Selecting options that are optional to argparse but may be needed by the handler.
    exclusive = {a.dest for g in parser._mutually_exclusive_groups for a in g._group_actions}
    for action in parser._actions:
        if (
            not action.option_strings
            or action.required
            or action.dest in used
            or action.dest in exclusive
            or action.nargs == 0
            or action.dest not in RESOLVERS
        ):
            continue
        value = resolve_option(db, name, action)
        if value is not None:
            plan.fallbacks.append(plan.options + [_flag(action), value])
    return plan


# --------------------------------------------------------------------------- file checks


def check_pdf(path: Path, *, fonts_embedded: bool = True) -> str:
    """Raise :class:`CheckFailed` unless ``path`` is a readable PDF with Chinese text (and,
    when a TrueType font is in use, every non-standard font embedded). Returns a summary."""
    from pypdf import PdfReader

    if not path.is_file() or path.stat().st_size == 0:
        raise CheckFailed("没有生成文件")
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise CheckFailed("文件不是 PDF（开头不是 %PDF）")
    try:
        reader = PdfReader(str(path))
        pages = len(reader.pages)
    except Exception as exc:
        raise CheckFailed(f"PDF 无法读取：{exc}") from exc
    if pages < 1:
        raise CheckFailed("PDF 没有页面")
    text = "".join(page.extract_text() or "" for page in reader.pages[:TEXT_PAGES])
    if not _CJK.search(text):
        raise CheckFailed("PDF 中提取不到中文文字（字体可能有问题）")
    fonts = _pdf_fonts(reader)
    if fonts_embedded:
        missing = sorted(
            name
            for name, font in fonts.items()
            if name not in _STANDARD_FONTS and not _embedded(font)
        )
        if missing:
            raise CheckFailed("字体未嵌入 PDF：" + "、".join(missing))
        if not any(_embedded(font) for font in fonts.values()):
            raise CheckFailed("PDF 中没有嵌入的字体")
    return f"{pages} 页"


def _pdf_fonts(reader: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for ref in (fonts.get_object() if fonts is not None else {}).values():
            font = ref.get_object()
            found[str(font.get("/BaseFont"))] = font
    return found


def _embedded(font: Any) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def check_xlsx(path: Path, *, min_rows: int = 2) -> str:
    """Raise :class:`CheckFailed` unless openpyxl opens ``path`` and it holds a Chinese header
    and at least ``min_rows`` rows. Returns a summary."""
    from openpyxl import load_workbook

    if not path.is_file() or path.stat().st_size == 0:
        raise CheckFailed("没有生成文件")
    try:
        workbook = load_workbook(path, read_only=True)
    except Exception as exc:
        raise CheckFailed(f"openpyxl 无法打开：{exc}") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [
            row
            for row in sheet.iter_rows(values_only=True)
            if any(v not in (None, "") for v in row)
        ]
    finally:
        workbook.close()
    if len(rows) < min_rows:
        raise CheckFailed(f"只有 {len(rows)} 行")
    if not any(_CJK.search(str(v)) for row in rows[:3] for v in row if v is not None):
        raise CheckFailed("表头中没有中文")
    return f"{len(rows)} 行"


# --------------------------------------------------------------------------- the run


class SelfTest:
    """The steps of the self-test on one work folder; each step prints its checks.

    Tests run single steps; :func:`run_self_test` runs them all in order.
    """

    def __init__(self, workdir: Path, out: Callable[[str], None] = print) -> None:
        self.workdir = workdir
        self.out = out
        self.results: list[CheckResult] = []
        self.db_path = workdir / "selftest.db"
        self.font_embedded = True

    # ---- bookkeeping
    def record(self, name: str, ok: bool, detail: str = "") -> CheckResult:
        result = CheckResult(name, ok, detail)
        self.results.append(result)
        self.out(result.line())
        return result

    def check(self, name: str, step: Callable[[], str]) -> CheckResult:
        """Run ``step``; it returns a detail text or raises (CheckFailed or anything else)."""
        try:
            detail = step()
        except CheckFailed as exc:
            return self.record(name, False, str(exc))
        except Exception as exc:  # noqa: BLE001 — an unexpected crash is a failed check, not a crashed test
            return self.record(name, False, _describe(exc))
        return self.record(name, True, detail)

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results)

    # ---- steps
    def check_resources(self) -> CheckResult:
        """``resources/`` is where the program (or the bundle) expects it: icon and font."""

        def step() -> str:
            from guilin_union.ui.application import resources_dir

            folder = resources_dir()
            if not folder.is_dir():
                raise CheckFailed(f"找不到资源文件夹 {folder}")
            icon = folder / "icons" / "app.png"
            if not icon.is_file():
                raise CheckFailed(f"找不到程序图标 {icon}")
            fonts_dir = folder / "fonts"
            if not any(fonts_dir.glob("*.tt[cf]")):
                raise CheckFailed(f"找不到随程序附带的中文字体（{fonts_dir}）")
            return str(folder)

        return self.check("资源文件", step)

    def check_fonts(self) -> CheckResult:
        """A Chinese TrueType font that reportlab embeds (the system's or the bundled one)."""

        def step() -> str:
            from guilin_union.reports.fonts import register_fonts

            choice = register_fonts()
            self.font_embedded = choice.embedded
            if not choice.embedded:
                raise CheckFailed(
                    f"没有找到可嵌入的中文 TrueType 字体，只能用内置的 {choice.body}"
                    "（不嵌入 PDF，在没有中文字体的电脑上会显示为空白）"
                )
            where = (
                choice.body_path
                if choice.body_path == choice.title_path
                else f"{choice.body_path}；标题 {choice.title_path}"
            )
            return f"{choice.body}（{where}，嵌入 PDF）"

        return self.check("中文字体", step)

    def check_ocr(self) -> CheckResult:
        """Offline OCR of scans (issue 25): the bundled engine reads a small built-in image."""

        def step() -> str:
            import time

            from guilin_union.services import ocr
            from guilin_union.ui.application import resources_dir

            if not ocr.engine_available():
                raise CheckFailed("未安装文字识别（OCR）组件，无法读取扫描件")
            image = resources_dir() / "ocr" / "selftest.png"
            started = time.perf_counter()
            (page,) = [ocr.recognise_page(img) for img in ocr.load_pages(image)]
            text = ocr.normalize_doc_number("\n".join(line.text for line in page.lines))
            expected = ["自治区教育工会工作要点", "桂教工字〔2025〕9号"]
            if text.splitlines() != expected:
                raise CheckFailed(f"识别结果不对：{text!r}")
            return f"内置图片识别正确（{time.perf_counter() - started:.1f} 秒）"

        return self.check("文字识别（OCR）", step)

    def prepare_database(self) -> CheckResult:
        """A new database in the work folder, filled by the demo generator."""

        def step() -> str:
            from guilin_union.services.demo import populate_demo
            from guilin_union.storage import open_database

            db = open_database(self.db_path)
            try:
                summary = populate_demo(db, seed=DEMO_SEED)
            finally:
                db.conn.close()
            if not summary.get("会员"):
                raise CheckFailed("演示数据中没有会员")
            shown = [f"{key} {count}" for key, count in summary.items()]
            return "，".join(shown[:8]) + ("等" if len(shown) > 8 else "")

        return self.check("演示数据库", step)

    def check_window(self) -> None:
        """The real main window: every tab and every page inside it, the 关于 dialog, and
        every compiled Designer form."""
        with _WindowSession(self.db_path, self.workdir) as session:
            window = session.window
            if window is None:
                self.record("主窗口", False, session.startup_error or "无法创建")
                return
            self.record("主窗口", True, window.windowTitle())
            for index in range(window.tabs.count()):
                title = window.tabs.tabText(index)
                self.check(f"标签页“{title}”", lambda index=index: session.open_tab(index))
            self.check("关于对话框", session.open_about)
            self.check("界面表单", session.load_forms)

    def check_reports(self, names: Iterable[str] | None = None) -> None:
        """One PDF of every report the command line offers (or only ``names``)."""
        try:
            parser, plans = self._plan_reports(names)
        except Exception as exc:  # noqa: BLE001 — the command line itself is broken: one failed line
            self.record("报表", False, f"无法读取命令行中的报表清单：{_describe(exc)}")
            return
        if not plans:
            self.record("报表", False, "命令行中没有任何报表")
            return
        folder = self.workdir / "reports"
        folder.mkdir(exist_ok=True)
        for plan in plans:
            label = f"报表 {plan.name}" + (f" {plan.title}" if plan.title else "")
            self.check(label, lambda plan=plan: self._run_report(parser, plan, folder))

    def _plan_reports(
        self, names: Iterable[str] | None
    ) -> tuple[argparse.ArgumentParser, list[ReportPlan]]:
        from guilin_union import cli
        from guilin_union.storage import open_database

        parser = cli.build_parser()
        parsers = report_parsers(parser)
        titles = dict(cli.REPORT_NAMES)
        wanted = list(titles) if names is None else list(names)
        db = open_database(self.db_path)
        try:
            plans = [
                plan_report(db, name, titles.get(name, ""), parsers[name])
                if name in parsers
                else ReportPlan(name, "", error="命令行中没有这个报表")
                for name in wanted
            ]
        finally:
            db.conn.close()
        return parser, plans

    def _run_report(self, parser: argparse.ArgumentParser, plan: ReportPlan, folder: Path) -> str:
        if plan.error:
            raise CheckFailed(plan.error)
        output = folder / f"{plan.name}.pdf"
        attempts = [plan.options, *plan.fallbacks]
        for number, options in enumerate(attempts):
            code, _stdout, stderr = run_cli(
                parser,
                ["--db", str(self.db_path), "report", plan.name, *options, "-o", str(output)],
            )
            if code == 0:
                break
            if code != 2 or number == len(attempts) - 1:
                shown = f"（参数 {' '.join(options)}）" if options else ""
                raise CheckFailed(f"退出码 {code}{shown}：{_first_line(stderr)}")
        detail = check_pdf(output, fonts_embedded=self.font_embedded)
        return f"{detail}" + (f"，参数 {' '.join(options)}" if options else "")

    def check_excel_export(self) -> CheckResult:
        """One Excel export through the command line (the member register), opened again."""

        def step() -> str:
            from guilin_union import cli

            output = self.workdir / "会员名册.xlsx"
            code, _stdout, stderr = run_cli(
                cli.build_parser(), ["--db", str(self.db_path), "members", "export", str(output)]
            )
            if code != 0:
                raise CheckFailed(f"退出码 {code}：{_first_line(stderr)}")
            return check_xlsx(output)

        return self.check("Excel 导出（会员名册）", step)

    # ---- the platform paths (issue 14): each proves one Windows-sensitive piece at run time
    def check_platform(self) -> None:
        """Qt plugin and style, Qt's Chinese texts, the PDF fonts, process facts, the lock, a
        read-only URI open and the single-instance socket — one line each."""
        self.check("Qt 平台插件", self._qt_platform)
        self.check("界面样式", self._qt_style)
        self.check("Qt 中文翻译", self._qt_translation)
        self.check("PDF 字体", self._pdf_fonts)
        self.check("Excel 读取", self._excel_reader)
        self.check("进程检测", self._process_facts)
        self.check("数据库锁", self._lock_round)
        self.check("只读打开（URI）", self._read_only_uri)
        self.check("单实例通道", self._single_instance_round_trip)

    def _qt_platform(self) -> str:
        from PySide6.QtCore import QLibraryInfo
        from PySide6.QtGui import QGuiApplication

        from guilin_union.ui.application import ensure_application

        ensure_application()
        loaded = QGuiApplication.platformName()
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        native = {"win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}.get(
            sys.platform, "libqxcb.so"
        )
        if not (folder / native).is_file():
            raise CheckFailed(f"缺少本机平台插件 {folder / native}（打包不完整，程序窗口无法显示）")
        return f"已载入 {loaded}；本机插件 {native} 在 {folder}"

    def _qt_style(self) -> str:
        from guilin_union.ui.application import ensure_application
        from guilin_union.ui.theme import STYLE, theme_description

        app = ensure_application()
        if app.style().name().lower() != STYLE.lower():
            raise CheckFailed(f"样式是 {app.style().name()}，应为 {STYLE}")
        return theme_description(app) + "（深色模式下不变）"

    def _qt_translation(self) -> str:
        from PySide6.QtCore import QCoreApplication

        from guilin_union.ui.application import _translators, ensure_application

        ensure_application()
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if not _translators or cancel != "取消":
            raise CheckFailed(f"没有载入 Qt 的中文翻译（“Cancel” 显示为 “{cancel}”）")
        return f"{Path(_translators[0].filePath()).name}：“Cancel” → “{cancel}”"

    def _pdf_fonts(self) -> str:
        from guilin_union.reports.fonts import register_fonts

        choice = register_fonts()
        parts = [f"正文 {choice.body}（{choice.body_path or '内置，不嵌入'}）"]
        parts.append(f"标题 {choice.title}（{choice.title_path or '内置，不嵌入'}）")
        table = getattr(choice, "table", "")
        if table and table != choice.body:
            parts.append(f"表格 {table}")
        fallbacks = getattr(choice, "fallback_paths", ())
        if fallbacks:
            parts.append(f"备用字体 {len(fallbacks)} 个")
        missing = [p for p in (choice.body_path, choice.title_path) if p and not Path(p).is_file()]
        if missing:
            raise CheckFailed("字体文件不存在：" + "、".join(missing))
        return "；".join(parts)

    def _process_facts(self) -> str:
        from guilin_union.storage.lock import pid_alive, process_start_marker

        pid = os.getpid()
        if not pid_alive(pid):
            raise CheckFailed(f"本进程 {pid} 被判断为已退出")
        marker = process_start_marker(pid)
        if marker is None and (sys.platform == "win32" or sys.platform.startswith("linux")):
            raise CheckFailed(f"读不到本进程 {pid} 的启动时间（无法识别被重用的进程号）")
        return f"本进程 {pid} 存活，启动标记 {marker}"

    def _lock_round(self) -> str:
        from guilin_union.storage.lock import DatabaseLock, lock_path_for, read_lock

        lock = DatabaseLock(self.db_path, heartbeat_seconds=0).acquire()
        try:
            info = read_lock(self.db_path)
            if info is None or info.pid != os.getpid() or not lock.refresh():
                raise CheckFailed("锁文件没有写入本进程的信息")
        finally:
            lock.release()
        if lock_path_for(self.db_path).exists():
            raise CheckFailed("释放后锁文件仍然存在")
        return f"计算机 {info.computer}、用户 {info.user} 取得并释放"

    def _excel_reader(self) -> str:
        """The workbook reader's loader on this openpyxl (fast, or the public API after a
        change of its internals), proven by reading a small workbook with it."""
        import io

        from openpyxl import __version__ as openpyxl_version

        from guilin_union.spreadsheets import fast_load

        wb = fast_load.load_read_only(io.BytesIO(fast_load._probe_book()))
        try:
            names = [ws.title for ws in wb.worksheets]
        finally:
            wb.close()
        if names != ["名单", "下拉"]:
            raise CheckFailed(f"读出的工作表是 {names}，应为 名单、下拉")
        if fast_load.reader_mode() == "fast":
            return f"快速方式（openpyxl {openpyxl_version}）"
        return f"标准方式（openpyxl {openpyxl_version} 的内部接口已变化：结果相同，导入较慢）"

    def _read_only_uri(self) -> str:
        from guilin_union.storage.uri import probe_read_only, sqlite_uri

        members, refused = probe_read_only(self.db_path)
        if not refused:
            raise CheckFailed("只读连接竟然可以写入")
        return f"{sqlite_uri(self.db_path)}：{members} 名会员，写入被拒绝"

    def _single_instance_round_trip(self) -> str:
        """The channel a second launch uses (a named pipe on Windows), through the OS: the
        program's own server and a Qt client in this process, driven by the event loop
        (a blocking client would wait for a server that cannot run meanwhile)."""
        import time

        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtNetwork import QLocalSocket

        from guilin_union.ui.application import ensure_application
        from guilin_union.ui.safety.single_instance import _ACTIVATE, InstanceServer

        ensure_application()
        server = InstanceServer(self.db_path)
        if not server.start():
            raise CheckFailed(f"无法在本地套接字 {server.name} 上监听")
        requests: list[bool] = []
        server.activate_requested.connect(lambda: requests.append(True))
        socket = QLocalSocket()
        loop = QEventLoop()
        reply = bytearray()
        problems: list[str] = []

        def on_ready() -> None:
            reply.extend(bytes(socket.readAll().data()))
            if b"\n" in reply:
                loop.quit()

        def on_error(*_args: Any) -> None:
            problems.append(socket.errorString())
            loop.quit()

        socket.connected.connect(lambda: (socket.write(_ACTIVATE), socket.flush()))
        socket.readyRead.connect(on_ready)
        socket.errorOccurred.connect(on_error)
        QTimer.singleShot(10_000, loop.quit)
        started = time.perf_counter()
        where = server.server.fullServerName() or server.name
        try:
            socket.connectToServer(server.name)
            loop.exec()
            elapsed = (time.perf_counter() - started) * 1000
        finally:
            # Tear down in order, with no Python slot left to run while Qt deletes things.
            for signal in (socket.connected, socket.readyRead, socket.errorOccurred):
                signal.disconnect()
            socket.abort()
            socket.deleteLater()
            server.stop()
            server.deleteLater()
            from PySide6.QtCore import QCoreApplication, QEvent

            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
        if not reply.startswith(b"ok") or not requests:
            why = problems[0] if problems else "没有应答"
            raise CheckFailed(f"本地套接字 {server.name} 没有往返：{why}")
        return f"{where} 往返 {elapsed:.0f} 毫秒"

    def run_all(self) -> bool:
        self.check_resources()
        self.check_fonts()
        if not self.prepare_database().ok:
            return False
        self.check_platform()
        self.check_window()
        self.check_reports()
        self.check_excel_export()
        self.check_ocr()
        return self.passed


def run_cli(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[int, str, str]:
    """Run one command in this process, capturing its output: ``(exit code, stdout, stderr)``."""
    from guilin_union import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.run(parser.parse_args(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:  # noqa: BLE001 — any crash of a command is a failed line
            code = 1
            err.write(_describe(exc) + "\n")
    return code, out.getvalue(), err.getvalue()


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # argparse prints usage first; the message that explains is the last line.
    return lines[-1] if lines else "（没有错误信息）"


def _describe(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f"（{Path(frame[0].filename).name}:{frame[0].lineno}）" if frame else ""
    return f"{type(exc).__name__}: {exc}{where}"


# --------------------------------------------------------------------------- the GUI part


class _WindowSession:
    """The main window on the self-test database, with prompts that never block and a
    record of every exception raised inside Qt's event handlers."""

    def __init__(self, db_path: Path, workdir: Path) -> None:
        self.db_path = db_path
        self.workdir = workdir
        self.window: Any = None
        self.ctx: Any = None
        self.startup_error: str | None = None
        self.errors: list[str] = []
        self.qt_warnings: list[str] = []
        self._old_hook = sys.excepthook
        self._old_handler: Any = None
        self._handler_installed = False

    def __enter__(self) -> _WindowSession:
        try:
            from PySide6.QtCore import QSettings, qInstallMessageHandler

            from guilin_union.storage import open_database
            from guilin_union.ui.application import ensure_application
            from guilin_union.ui.context import AppContext
            from guilin_union.ui.main_window import MainWindow

            self.app = ensure_application()
            sys.excepthook = self._excepthook
            self._old_handler = qInstallMessageHandler(self._qt_message)
            self._handler_installed = True
            # Window geometry and last folders go to a file in the work folder, not to the
            # user's settings.
            settings = QSettings(str(self.workdir / "settings.ini"), QSettings.Format.IniFormat)
            self.ctx = AppContext(
                db=open_database(self.db_path),
                db_path=self.db_path,
                prompts=_silent_prompts(),
                qsettings=settings,
            )
            self.window = MainWindow(self.ctx)
            self.window.show()
            self.pump()
        except Exception as exc:  # noqa: BLE001 — a start-up crash is reported as a failed check
            self.startup_error = _describe(exc)
            self.window = None
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self.window is not None:
                self.window.close()
                self.window.deleteLater()
                self.pump()
        finally:
            if self.ctx is not None:
                self.ctx.db.conn.close()
            sys.excepthook = self._old_hook
            if self._handler_installed:
                from PySide6.QtCore import qInstallMessageHandler

                qInstallMessageHandler(self._old_handler)

    def _qt_message(self, mode: Any, context: Any, message: str) -> None:
        """Qt's own messages: critical ones fail the current check; warnings (such as the
        offscreen platform's “does not support propagateSizeHints”) are kept out of the
        one-line-per-check output."""
        from PySide6.QtCore import QtMsgType

        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.errors.append(f"Qt：{message}")
        elif mode == QtMsgType.QtWarningMsg:
            self.qt_warnings.append(message)

    def _excepthook(self, kind: type[BaseException], value: BaseException, tb: Any) -> None:
        value.__traceback__ = tb
        self.errors.append(_describe(value))

    def pump(self) -> None:
        """Let the window settle: posted events, then background tasks and their results."""
        from PySide6.QtCore import QThreadPool

        for _ in range(3):
            self.app.processEvents()
            QThreadPool.globalInstance().waitForDone(30_000)
        self.app.processEvents()

    def _fresh_errors(self, before: int, prompts_before: int) -> list[str]:
        problems = self.errors[before:]
        problems += [
            f"提示“{title}”：{text}"
            for kind, title, text in self.ctx.prompts.messages[prompts_before:]
            if kind == "error"
        ]
        return problems

    def open_tab(self, index: int) -> str:
        errors, prompts = len(self.errors), len(self.ctx.prompts.messages)
        tabs = self.window.tabs
        tabs.setCurrentIndex(index)
        self.pump()
        page = tabs.widget(index)
        if not page.isVisible():
            raise CheckFailed("标签页没有显示出来")
        opened = self._visit_pages(page)
        problems = self._fresh_errors(errors, prompts)
        if problems:
            raise CheckFailed("；".join(problems[:3]))
        if type(page).__name__ == "EmptyState":
            return "占位页（功能开发中）"
        return f"打开 {opened} 个子页面" if opened else "已打开"

    def _visit_pages(self, root: Any) -> int:
        """Show every page of every tab/stack widget under ``root``, nested ones included."""
        count = 0
        for container in _direct_containers(root):
            original = container.currentIndex()
            for i in range(container.count()):
                container.setCurrentIndex(i)
                self.pump()
                page = container.widget(i)
                count += 1 + self._visit_pages(page)
            container.setCurrentIndex(original)
            self.pump()
        return count

    def open_about(self) -> str:
        from PySide6.QtWidgets import QLabel

        from guilin_union import __version__
        from guilin_union.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self.window)
        try:
            dialog.show()
            self.pump()
            text = " ".join(label.text() for label in dialog.findChildren(QLabel))
            if __version__ not in text:
                raise CheckFailed(f"没有显示版本号 {__version__}")
        finally:
            dialog.close()
            dialog.deleteLater()
        return f"版本 {__version__}"

    def load_forms(self) -> str:
        """Every compiled Designer form builds (they are all in the bundle)."""
        import importlib
        import pkgutil

        from PySide6.QtWidgets import QDialog

        import guilin_union.ui.forms as forms_package

        names = sorted(
            m.name for m in pkgutil.iter_modules(forms_package.__path__) if m.name.startswith("ui_")
        )
        if not names:
            raise CheckFailed("找不到已编译的界面表单（guilin_union/ui/forms）")
        for name in names:
            module = importlib.import_module(f"{forms_package.__name__}.{name}")
            classes = [
                v for k, v in vars(module).items() if k.startswith("Ui_") and isinstance(v, type)
            ]
            if not classes:
                raise CheckFailed(f"{name} 中没有表单类")
            host = QDialog(self.window)
            try:
                classes[0]().setupUi(host)
            except Exception as exc:
                raise CheckFailed(f"{name}：{_describe(exc)}") from exc
            finally:
                host.deleteLater()
        self.pump()
        return f"{len(names)} 个表单均可载入"


def _direct_containers(root: Any) -> list[Any]:
    """Tab widgets, stacked widgets and tool boxes under ``root`` that are not inside another
    such container below ``root`` (those are visited with their page)."""
    from PySide6.QtWidgets import QStackedWidget, QTabWidget, QToolBox

    kinds = (QTabWidget, QStackedWidget, QToolBox)
    found = []
    for widget in (
        root.findChildren(kinds[0]) + root.findChildren(kinds[1]) + root.findChildren(kinds[2])
    ):
        # A QTabWidget's own page stack is driven by the QTabWidget itself.
        if isinstance(widget, QStackedWidget) and isinstance(widget.parent(), QTabWidget):
            continue
        if isinstance(widget, QStackedWidget) and isinstance(widget.parent(), QToolBox):
            continue
        parent = widget.parentWidget()
        nested = False
        while parent is not None and parent is not root:
            owner = parent.parentWidget()
            if isinstance(parent, kinds) and not (
                isinstance(parent, QStackedWidget) and isinstance(owner, (QTabWidget, QToolBox))
            ):
                nested = True
                break
            parent = owner
        if not nested:
            found.append(widget)
    return found


def _silent_prompts() -> Any:
    """Prompts that answer every question with “cancel” and remember every message, so the
    self-test never waits for a click."""
    from guilin_union.ui.prompts import Prompts

    class SilentPrompts(Prompts):
        def __init__(self) -> None:
            self.messages: list[tuple[str, str, str]] = []

        def confirm(self, parent: Any, title: str, text: str, *, ok_text: str = "确定") -> bool:
            self.messages.append(("confirm", title, text))
            return False

        def info(self, parent: Any, title: str, text: str) -> None:
            self.messages.append(("info", title, text))

        def warning(self, parent: Any, title: str, text: str) -> None:
            self.messages.append(("warning", title, text))

        def error(self, parent: Any, title: str, text: str) -> None:
            self.messages.append(("error", title, text))

        def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
            return None

        def ask_item(self, parent: Any, title: str, label: str, items: list[str]) -> str | None:
            return None

        def pick_members(self, ctx: Any, parent: Any, **kwargs: Any) -> list[int]:
            return []

        def save_file(self, parent: Any, title: str, start: Path, filters: str) -> Path | None:
            return None

        def open_file(self, parent: Any, title: str, start: Path, filters: str) -> Path | None:
            return None

    return SilentPrompts()


# --------------------------------------------------------------------------- entry point


@contextlib.contextmanager
def _work_folder() -> Iterator[Path]:
    keep = os.environ.get(ENV_KEEP_DIR, "").strip()
    if keep:
        folder = Path(keep).expanduser()
        if folder.exists():
            shutil.rmtree(folder / "reports", ignore_errors=True)
            for name in ("selftest.db", "selftest.db-wal", "selftest.db-shm"):
                (folder / name).unlink(missing_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    # ignore_cleanup_errors: on Windows a virus scanner may still hold a PDF for a moment.
    with tempfile.TemporaryDirectory(
        prefix="guilin-union-selftest-", ignore_cleanup_errors=True
    ) as name:
        yield Path(name)


def run_self_test(*, out: TextIO | None = None) -> int:
    """Run every check; print one line each; 0 if all passed, 1 otherwise."""
    # The self-test must not need (or flash) a screen; a developer who wants to watch it can
    # set QT_QPA_PLATFORM himself.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GUILIN_UNION_NO_OPEN"] = "1"  # never open the PDFs in a viewer
    from guilin_union import __version__

    printer = _Printer(out if out is not None else _console_stream())
    frozen = "安装版" if getattr(sys, "frozen", False) else "源代码"
    printer(
        f"桂林学院工会工作管理系统 自检：版本 {__version__}（{frozen}，Python {sys.version.split()[0]}，{sys.platform}）"
    )
    with _work_folder() as folder:
        test = SelfTest(folder, printer)
        try:
            test.run_all()
        except Exception as exc:  # noqa: BLE001 — a bug in the self-test itself still ends with a verdict
            test.record("自检程序", False, _describe(exc))
        failed = sum(not r.ok for r in test.results)
        printer(
            f"自检完成：{len(test.results) - failed} 项通过，{failed} 项失败。"
            + (f" 输出文件保留在 {folder}" if os.environ.get(ENV_KEEP_DIR) else "")
        )
    return 0 if test.passed else 1
