"""Issue 20 on the 教代会 tab: sittings with their own sign-in, an election counted through the
form, a suggestion handed on from the 提案 page, the 补选 to-do on the 会议 page."""

from __future__ import annotations

from pathlib import Path

import pytest

from guilin_union.services import proposals
from guilin_union.services.congress import elections
from guilin_union.services.members import status as member_status
from guilin_union.services.proposals import handling
from guilin_union.storage import open_database
from guilin_union.ui import ops
from guilin_union.ui.widgets.list_helpers import selected_ids
from tests.congress_fixtures import make_congress, submit
from tests.ui.helpers import make_window


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "congress.db"
    db = open_database(path)
    c = make_congress(db)
    pid = submit(c, "关于开放周末图书馆的建议")
    proposals.to_suggestion(db, pid, on="2024-03-20")
    member_status.record_status_change(
        db, c.members["钱二"], "退休", on="2024-03-01", reason="到龄"
    )
    db.conn.close()
    return path


@pytest.fixture(autouse=True)
def synchronous(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)


def _tab(window):
    tab = window.tab_widgets["教代会"]
    window.tabs.setCurrentWidget(tab)
    return tab


def test_sittings_signin_and_election(qtbot, qtmodeltester, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.sittings_view
    tab.pages.setCurrentWidget(view)
    dialog = view.open_sitting(None)
    qtbot.addWidget(dialog)
    dialog.half_combo.setCurrentText("上午")
    dialog.title_edit.setText("第一次全体会议")
    assert dialog.save()
    assert view.sitting_model.rowCount() == 1
    row = view.sitting_model.row_data(0)
    assert (row["title"], row["应到"], row["实到"]) == ("第一次全体会议", 5, 0)  # 钱二 retired
    view.sittings_table.selectRow(0)
    view.signin_table.selectAll()
    view.mark_selected("已签到")
    row = view.sitting_model.row_data(0)
    assert row["实到"] == 5 and row["quorum_text"] == "达到"
    assert "实到 5 人" in view.signin_label.text()
    # The lists are the house model over a ListSource (ids are positions); the selection
    # still gives the database ids.
    assert view.current_sitting() == row["id"]
    view.signin_table.selectRow(1)
    assert selected_ids(view.signin_table) == [view.signin_model.row_data(1)["id"]]
    qtmodeltester.check(view.sitting_model)
    qtmodeltester.check(view.signin_model)

    election = view.add_election()
    qtbot.addWidget(election)
    election.title_edit.setText("增补委员")
    election.method_combo.setCurrentText("差额")
    election.candidates_edit.setPlainText("赵一\n孙三")
    assert election.save()
    assert view.election_model.rowCount() == 1
    view.elections_table.selectRow(0)
    count = view.count_selected()
    qtbot.addWidget(count)
    for key, value in (("issued", 5), ("returned", 5), ("valid", 5), ("invalid", 0)):
        count.ballot_spins[key].setValue(value)
    count.vote_spins[0][0].setValue(4)
    count.vote_spins[1][0].setValue(1)
    assert count.save()
    assert view.election_model.row_data(0)["elected_text"] == "赵一"
    qtmodeltester.check(view.election_model)
    eid = elections.list_elections(window.ctx.db, tab.session_id)[0]
    view.elections_table.selectRow(0)
    assert view.current_election() == eid
    assert elections.election_result(window.ctx.db, eid).valid is True


def test_count_form_keeps_input_on_error(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.sittings_view
    eid = elections.add_election(
        window.ctx.db,
        tab.session_id,
        {"title": "增补委员", "method": "等额", "seats": 1, "candidates": ["赵一"]},
    ).row_id
    view.reload()
    view.elections_table.selectRow(0)
    count = view.count_selected()
    qtbot.addWidget(count)
    count.ballot_spins["returned"].setValue(5)
    assert not count.save()  # valid + invalid ≠ returned
    assert "之和" in count.message_label.text()
    assert count.ballot_spins["returned"].value() == 5 and count.isVisible()
    assert elections.election_result(window.ctx.db, eid).returned is None


def test_suggestion_is_assigned_from_the_proposals_page(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.proposals_view
    tab.pages.setCurrentWidget(view)
    view.proposals_table.selectRow(0)
    assert view.assign_button.isEnabled() and not view.reply_button.isEnabled()
    dialog = view.assign_selected()
    qtbot.addWidget(dialog)
    dialog.ui.lead_combo.setCurrentIndex(1)
    assert dialog.save()
    pid = view.model.row_data(0)["id"]
    assert handling.state_of(window.ctx.db, pid) == "办理中"
    assert view.reply_button.isEnabled()
    overview = tab.session_view.overview_label.text()
    assert "补选/递补 1 名正式代表" in overview and "钱二" in overview


def test_retired_delegate_is_invited_to_attend(qtbot, db_path):
    from guilin_union.services.congress import delegates

    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.delegates_view
    tab.pages.setCurrentWidget(view)
    view.ended_check.setChecked(True)
    view.reload()
    rows = [view.model.row_data(i) for i in range(view.model.rowCount())]
    [index] = [i for i, r in enumerate(rows) if r["name"] == "钱二" and r["end_date"]]
    view.delegates_table.selectRow(index)
    prompts.confirms.append(True)
    view.continue_selected()
    listed = delegates.session_delegates(window.ctx.db, tab.session_id)
    [row] = [r for r in listed if r["name"] == "钱二"]
    assert row["delegate_type"] == "列席代表" and row["continues_id"]


def test_supervisor_excellent_and_word_draft_from_the_proposals_page(qtbot, db_path, tmp_path):
    from docx import Document

    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.proposals_view
    tab.pages.setCurrentWidget(view)
    view.proposals_table.selectRow(0)
    pid = view.model.row_data(0)["id"]
    prompts.items.append("赵一（文学院代表团）")
    view.choose_supervisor()
    assert proposals.get_proposal(window.ctx.db, pid).supervisor_name == "赵一"
    assert "督办委员" in view.detail_browser.toPlainText()
    view.toggle_excellent()
    assert proposals.get_proposal(window.ctx.db, pid).excellent_on
    out = tmp_path / "报告.docx"
    prompts.save_paths.append(out)
    view.print_work_report()
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "提案工作报告" in text and "（二）转为意见建议" in text


def test_presidium_from_the_sittings_page(qtbot, db_path):
    from guilin_union.services.congress import sittings

    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.sittings_view
    db = window.ctx.db
    ids = [db_id for name, db_id in _members(db, ("赵一", "孙三"))]
    prompts.picks.append(ids)
    prompts.texts.append("赵一")
    view.add_presidium()
    assert sittings.presidium_text(db, tab.session_id) == "常务主席：赵一；成员：孙三"
    assert "常务主席：赵一" in view.presidium_label.text()
    prompts.confirms.append(True)
    view.clear_presidium()
    assert sittings.list_presidium(db, tab.session_id) == []


def _members(db, names):
    from guilin_union.services.congress import delegates

    rows = {r["name"]: r["member_id"] for r in delegates.list_term_delegates(db, 1)}
    return [(n, rows[n]) for n in names]


def test_outcome_settings_in_the_proposal_rules_dialog(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.proposals_view
    view.edit_rules()
    dialog = view._last_dialog
    qtbot.addWidget(dialog)
    dialog.suggestion_days_spin.setValue(45)
    dialog.series_check.setChecked(True)
    dialog.length_spins["reasons"][0].setValue(50)
    dialog.length_spins["reasons"][1].setValue(300)
    assert dialog.save()
    rule = proposals.rules(window.ctx.db)
    assert (rule.suggestion_reply_days, rule.suggestion_series) == (45, True)
    assert ("reasons", 50, 300) in rule.lengths
    view.edit_rules()
    again = view._last_dialog
    qtbot.addWidget(again)
    again.length_spins["reasons"][0].setValue(400)  # more than the maximum: refused
    assert not again.save()
    assert "最少字数不能大于最多字数" in again.ui.message_label.text()


def test_new_joint_term_from_the_tab(qtbot, db_path):
    from guilin_union.services import congress

    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    tab.new_term()
    dialog = tab._last_dialog
    qtbot.addWidget(dialog)
    dialog.ui.start_year_spin.setValue(2027)
    dialog.union_spin.setValue(16)
    assert dialog.save()
    term = congress.list_terms(window.ctx.db)[-1]
    assert congress.union_number(window.ctx.db, term.id) == 16
    assert congress.joint_title(window.ctx.db, term.id, 1) == (
        "第二届教职工代表大会暨第十六届工会会员代表大会第一次会议"
    )
