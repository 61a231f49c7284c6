"""The member form's pages come from one explicit list (ui/members/form_pages.py, issue 19),
whichever tab modules were imported before."""

from __future__ import annotations

from pathlib import Path

from guilin_union.ui.members.form_pages import member_form_pages
from tests.fresh_process import run_script_json

EXPECTED = ["会籍变更", "登记表信息", "会费", "负责的工作要点", "教代会", "参加活动", "慰问记录"]

# Builds a member's form pages in a fresh interpreter that has imported no tab module.
SCRIPT = """
import json, sys
from pathlib import Path
from guilin_union.ui.members import history
from tests.ui.test_member_form_pages import open_with_member

ctx, member = open_with_member(Path(sys.argv[1]))
titles = [title for title, _page in history.pages_for(ctx, member)]
tabs = sorted(m for m in sys.modules if m.startswith("guilin_union.ui.tabs."))
print(json.dumps({"titles": titles, "tabs": tabs}))
"""


def test_the_list_names_every_page_once_in_order():
    titles = [page.title for page in member_form_pages()]
    assert titles == EXPECTED
    # A page that may have nothing to show (None) must not be built lazily.
    assert {p.title for p in member_form_pages() if not p.always} == {"负责的工作要点", "教代会"}


def test_a_lazy_page_whose_records_cannot_be_read_says_so(qtbot):
    """参加活动 is built when first shown (the form opens faster); its factory raises
    RecordsUnreadable when the query fails, and the page then says so instead of failing."""
    from PySide6.QtWidgets import QLabel

    from guilin_union.ui.members.form_pages import RecordsUnreadable
    from guilin_union.ui.members.history import LazyPage

    def unreadable():
        raise RecordsUnreadable

    page = LazyPage(unreadable)
    qtbot.addWidget(page)
    page.show()
    assert isinstance(page.page(), QLabel) and page.page().text() == "暂时无法读取这些记录。"


def test_none_means_nothing_to_show_and_unreadable_is_said(qtbot, monkeypatch):
    """None leaves an optional page out; RecordsUnreadable shows the sentence, whether the
    page is built now or when first shown; an always page never answers None."""
    import pytest
    from PySide6.QtWidgets import QLabel, QWidget

    from guilin_union.ui.members import history
    from guilin_union.ui.members.form_pages import MemberPage, RecordsUnreadable

    def unreadable(_ctx, _member):
        raise RecordsUnreadable

    built: list[QWidget] = []

    def page(_ctx, _member):
        built.append(QWidget())
        return built[-1]

    specs = [
        MemberPage("首页", unreadable, always=True),  # the first: built now
        MemberPage("可选", lambda _c, _m: None),
        MemberPage("可选但读不出", unreadable),
        MemberPage("总有", unreadable, always=True),  # behind the first: lazy
        MemberPage("正常", page, always=True),
        MemberPage("坏的", lambda _c, _m: None, always=True),
    ]
    monkeypatch.setattr(history, "member_form_pages", lambda: specs)
    pages = dict(history.pages_for(object(), 1))
    assert list(pages) == ["首页", "可选但读不出", "总有", "正常", "坏的"]
    for title in ("首页", "可选但读不出"):
        assert isinstance(pages[title], QLabel)
        assert pages[title].text() == "暂时无法读取这些记录。"
    lazy = pages["总有"]
    qtbot.addWidget(lazy)
    assert isinstance(lazy, history.LazyPage) and lazy.page().text() == "暂时无法读取这些记录。"
    assert pages["正常"].page() is built[0]
    with pytest.raises(TypeError, match="always page"):
        pages["坏的"].page()


def test_pages_without_any_tab_module_imported(tmp_path):
    result = run_script_json(
        SCRIPT, str(tmp_path / "union.db"), env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result["tabs"] == []  # no tab module was needed
    # A new member: no work points, no congress record; the others always show.
    assert result["titles"] == [t for t in EXPECTED if t not in ("负责的工作要点", "教代会")]


def test_pages_after_every_tab_module_was_imported(qtbot, tmp_path):
    import importlib

    from guilin_union.ui.members import history
    from guilin_union.ui.tabs import TABS

    for _title, module in reversed(TABS):  # the order of imports does not matter
        importlib.import_module(module)
    ctx, member = open_with_member(tmp_path / "union.db")
    pages = history.pages_for(ctx, member)
    for _title, page in pages:
        qtbot.addWidget(page)
    assert [t for t, _p in pages] == [t for t in EXPECTED if t not in ("负责的工作要点", "教代会")]
    ctx.db.conn.close()


def open_with_member(path: Path):
    """A context on a new database with one branch and one member: (ctx, member id)."""
    from guilin_union.services import members
    from guilin_union.services.members import branches
    from guilin_union.storage import open_database
    from guilin_union.ui.application import ensure_application, open_context
    from tests.ui.helpers import ScriptedPrompts

    db = open_database(path)
    branches.add_branch(db, "文学院分工会")
    member = members.add_member(db, {"name": "张晓明", "branch": "文学院分工会"}).row_id
    db.conn.close()
    ensure_application()
    return open_context(path, prompts=ScriptedPrompts()), member


def test_activities_page_reports_a_failed_query_as_unreadable(monkeypatch):
    """参加活动's factory: a failed query is RecordsUnreadable, never None."""
    import sqlite3

    import pytest

    from guilin_union.ui.activities import history as activities_history
    from guilin_union.ui.members.form_pages import RecordsUnreadable

    def broken(_db, _member):
        raise sqlite3.OperationalError("no such table")

    monkeypatch.setattr(activities_history, "member_history", broken)
    with pytest.raises(RecordsUnreadable):
        activities_history.member_activities_page(type("Ctx", (), {"db": None})(), 1)
