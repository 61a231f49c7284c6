"""The 提案 page: one proposal taken from submission to 满意 through the dialogs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from guilin_union.services import proposals
from guilin_union.storage import open_database
from guilin_union.ui import ops
from guilin_union.ui.congress.proposal_dialogs import checked_ids, set_checked
from tests.congress_fixtures import department, make_congress, submit
from tests.ui.helpers import make_window


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "proposals.db"
    db = open_database(path)
    make_congress(db)
    db.conn.close()
    return path


@pytest.fixture(autouse=True)
def synchronous_printing(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)


def _view(window):
    tab = window.tab_widgets["教代会"]
    window.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(tab.proposals_view)
    return tab.proposals_view


def _member(window, name):
    return window.ctx.db.execute("SELECT id FROM members WHERE name = ?", [name]).fetchone()[0]


def _qdate(iso: str) -> QDate:
    d = dt.date.fromisoformat(iso)
    return QDate(d.year, d.month, d.day)


def test_one_proposal_from_submission_to_satisfied(qtbot, db_path, tmp_path):
    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    assert view.model.rowCount() == 0

    # 1. 提交: one seconder is refused, two are accepted; the number is given.
    dialog = view.new_proposal()
    qtbot.addWidget(dialog)
    dialog.ui.title_edit.setText("关于增设教工子女寒暑假托管班的建议")
    dialog.ui.category_combo.setCurrentText("民生福利")
    dialog.set_proposer(_member(window, "赵一"))
    set_checked(dialog.ui.seconders_list, [_member(window, "钱二")])
    dialog.ui.submitted_on_edit.setDate(_qdate("2024-02-20"))
    dialog.ui.reasons_edit.setPlainText("假期教职工子女无人照看。")
    dialog.ui.suggestions_edit.setPlainText("由工会牵头开设托管班。")
    assert not dialog.save()
    assert "至少需要 2 名" in dialog.ui.message_label.text()
    set_checked(dialog.ui.seconders_list, [_member(window, "钱二"), _member(window, "孙三")])
    assert sorted(checked_ids(dialog.ui.seconders_list)) == sorted(
        [_member(window, "钱二"), _member(window, "孙三")]
    )
    assert dialog.save()
    assert view.model.rowCount() == 1
    row = view.model.row_data(0)
    assert (row["number"], row["status"]) == ("2024-001", "待审查")
    view.proposals_table.selectRow(0)
    pid = row["id"]

    # 2. 审查: 立案（重点）.
    review = view.review_selected()
    qtbot.addWidget(review)
    review.ui.result_combo.setCurrentText("立案（重点）")
    review.ui.date_edit.setDate(_qdate("2024-03-20"))
    assert review.save()
    assert proposals.get_proposal(window.ctx.db, pid).review_text == "立案（重点）"

    # 3. 交办 to 后勤保障处 with 人事处.
    assert view.assign_button.isEnabled()
    assign = view.assign_selected()
    qtbot.addWidget(assign)
    assign.ui.lead_combo.setCurrentIndex(
        assign.ui.lead_combo.findData(department(window.ctx.db, "后勤保障处"))
    )
    set_checked(assign.ui.co_list, [department(window.ctx.db, "人事处")])
    assign.ui.assigned_on_edit.setDate(_qdate("2024-03-25"))
    assign.ui.reply_deadline_edit.setDate(_qdate("2024-06-30"))
    assert assign.save()
    assert view.model.row_data(0)["status"] == "办理中"

    # 4. 答复.
    reply = view.reply_selected()
    qtbot.addWidget(reply)
    reply.ui.reply_date_edit.setDate(_qdate("2024-05-10"))
    reply.ui.outcome_combo.setCurrentText("已落实")
    reply.ui.reply_text_edit.setPlainText("暑假已开设托管班两期，共 60 名子女参加。")
    assert reply.save()
    assert view.rate_button.isEnabled()

    # 5. 评价: 满意 → 已办结.
    rate = view.rate_selected()
    qtbot.addWidget(rate)
    rate.ui.rating_combo.setCurrentText("满意")
    rate.ui.rating_date_edit.setDate(_qdate("2024-05-20"))
    assert rate.save()
    row = view.model.row_data(0)
    assert (row["status"], row["rating"], row["lead_department"]) == (
        "已办结",
        "满意",
        "后勤保障处",
    )
    detail = view.detail_browser.toPlainText()
    for text in (
        "2024-001",
        "提交",
        "立案（重点）",
        "交办",
        "答复",
        "评价：满意",
        "后勤保障处",
        "人事处",
    ):
        assert text in detail, text

    # The proposal form prints what was recorded.
    out = tmp_path / "提案表.pdf"
    prompts.save_paths.append(out)
    view.print_forms(selected_only=True)
    from pypdf import PdfReader

    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "关于增设教工子女寒暑假托管班的建议" in text and "满意" in text


def test_duplicate_title_is_confirmed_through_prompts(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    db = window.ctx.db
    from tests.congress_fixtures import Congress

    dialog = view.new_proposal()
    qtbot.addWidget(dialog)
    c = Congress(db, 1, 1, [])
    c.members = {n: _member(window, n) for n in ("赵一", "钱二", "孙三", "李四", "周五", "吴六")}
    submit(c, "关于改善教工食堂伙食质量的建议")
    view.apply_filters()
    dialog.ui.title_edit.setText("改善教工食堂伙食质量")
    dialog.set_proposer(_member(window, "李四"))
    set_checked(dialog.ui.seconders_list, [_member(window, "周五"), _member(window, "吴六")])
    dialog.ui.submitted_on_edit.setDate(_qdate("2024-02-21"))
    prompts.confirms.append(False)
    assert not dialog.save()
    assert "已取消" in dialog.ui.message_label.text()
    prompts.confirms.append(True)
    assert dialog.save()
    assert view.model.rowCount() == 2
    assert "可能重复" in prompts.messages[0][1]


def test_merge_and_undo_from_the_page(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    db = window.ctx.db
    from tests.congress_fixtures import Congress

    c = Congress(db, 1, 1, [])
    c.members = {n: _member(window, n) for n in ("赵一", "钱二", "孙三", "李四", "周五", "吴六")}
    target = submit(c, "关于改善教工食堂的建议")
    source = submit(c, "关于食堂增设夜宵窗口的建议", proposer="李四", seconders=("周五", "吴六"))
    view.apply_filters()
    view.select(source)
    review = view.review_selected()
    qtbot.addWidget(review)
    review.ui.result_combo.setCurrentText("并案")
    review.ui.target_combo.setCurrentIndex(review.ui.target_combo.findData(target))
    review.ui.date_edit.setDate(_qdate("2024-03-20"))
    assert review.save()
    assert proposals.get_proposal(db, source).status == "已并案"
    assert [p.name for p in proposals.get_proposal(db, target).co_proposers] == ["李四"]
    view.select(source)
    prompts.confirms.append(True)
    view.undo_review()
    assert proposals.get_proposal(db, source).status == "待审查"
    assert not proposals.get_proposal(db, target).co_proposers


def test_filters_overdue_and_search(qtbot, db_path):
    from guilin_union.services.proposals import handling
    from tests.congress_fixtures import Congress

    db = open_database(db_path)
    c = Congress(db, 1, 1, [])
    c.members = {r[1]: r[0] for r in db.execute("SELECT id, name FROM members")}
    late = submit(c, "关于改善夜间照明的建议", reasons="西区路灯不足")
    submit(c, "关于增设停车位的建议", proposer="李四", seconders=("周五", "吴六"))
    proposals.accept(db, late, on="2024-03-20")
    handling.assign(
        db,
        late,
        lead_department_id=department(db, "后勤保障处"),
        on="2024-03-25",
        reply_deadline="2024-04-30",
    )
    db.conn.close()
    window, _prompts = make_window(qtbot, db_path)
    view = _view(window)
    assert "逾期 1 件" in view.count_label.text()
    view.overdue_check.setChecked(True)
    assert view.model.rowCount() == 1
    index = view.model.index(0, 0)
    assert view.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None  # highlighted
    view.overdue_check.setChecked(False)
    view.search_edit.setText("路灯")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert view.model.row_data(0)["title"] == "关于改善夜间照明的建议"


def test_attachment_is_added_and_opened(qtbot, db_path, tmp_path, monkeypatch):
    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    from tests.congress_fixtures import Congress

    c = Congress(window.ctx.db, 1, 1, [])
    c.members = {n: _member(window, n) for n in ("赵一", "钱二", "孙三")}
    pid = submit(c, "关于改善食堂伙食的建议")
    view.apply_filters()
    view.select(pid)
    prompts.messages.clear()
    view.open_attachment()
    assert prompts.messages[-1][0] == "info" and "没有附件" in prompts.messages[-1][2]
    evidence = tmp_path / "调研报告.pdf"
    evidence.write_bytes(b"%PDF-1.4 test")
    prompts.open_paths.append(evidence)
    view.add_attachment()
    opened = []
    monkeypatch.setattr(
        "guilin_union.ui.open_file.open_document", lambda path: opened.append(path) or True
    )
    view.open_attachment()
    assert (
        len(opened) == 1
        and opened[0].name == "调研报告.pdf"
        and opened[0].read_bytes() == b"%PDF-1.4 test"
    )
