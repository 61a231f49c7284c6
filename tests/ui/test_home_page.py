"""首页: reminders grouped and opening their records, the year's figures, the year report."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.helpers import make_window


@pytest.fixture
def demo_path(tmp_path):
    from guilin_union.services.demo import populate_demo
    from guilin_union.storage import open_database

    path = tmp_path / "demo.db"
    db = open_database(path)
    populate_demo(db, seed=7)
    db.conn.close()
    return path


def _home(qtbot, window):
    page = window.tab_widgets["首页"]
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=20000)
    return page


def test_home_is_the_first_tab_and_fills_in_the_background(qtbot, demo_path):
    window, _prompts = make_window(qtbot, demo_path)
    assert window.tabs.tabText(0) == "首页"
    page = _home(qtbot, window)
    groups = [
        page.todo_tree.topLevelItem(i).text(0) for i in range(page.todo_tree.topLevelItemCount())
    ]
    assert any(g.startswith("提案") for g in groups) and any(g.startswith("会员") for g in groups)
    lines = sum(page.todo_tree.topLevelItem(i).childCount() for i in range(len(groups)))
    assert lines == len(page.data.reminders) > 0
    figures = " ".join(label.text() for label in page.figures_host.findChildren(QLabel))
    welfare = page.data.summary.area("welfare").figure("慰问金额").text
    assert welfare in figures
    assert "最近一次备份" in page.safety_label.text() or "还没有备份" in page.safety_label.text()


def test_a_reminder_opens_its_record(qtbot, demo_path):
    window, _prompts = make_window(qtbot, demo_path)
    page = _home(qtbot, window)
    proposal = next(r for r in page.data.reminders if r.target_type == "proposal")
    assert page.open_target(proposal.target_type, proposal.target_id)
    assert window.tabs.currentWidget() is window.tab_widgets["教代会"]
    plan_line = next(r for r in page.data.reminders if r.target_type.startswith("workpoint"))
    assert page.open_target(plan_line.target_type, plan_line.target_id)
    assert window.tabs.currentWidget() is window.tab_widgets["工作要点"]
    assert not page.open_target("nothing", 1)


def test_year_summary_from_the_home_page(qtbot, demo_path, tmp_path):
    window, prompts = make_window(qtbot, demo_path)
    page = _home(qtbot, window)
    out = tmp_path / "总结.docx"
    prompts.save_paths.append(out)
    page.write_summary("docx")
    qtbot.waitUntil(out.exists, timeout=20000)
    from docx import Document

    assert "工会工作总结" in Document(str(out)).paragraphs[0].text


def test_birthday_batch_from_the_home_page(qtbot, demo_path):
    from guilin_union.ui.home.birthdays import BirthdaysDialog

    window, prompts = make_window(qtbot, demo_path)
    dialog = BirthdaysDialog(window.ctx, 3, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() > 0 and dialog.batch_button.isEnabled()
    before = window.ctx.db.execute("SELECT count(*) FROM welfare_payments").fetchone()[0]
    prompts.texts.append("200")
    prompts.confirms.append(True)
    dialog.birthday_batch()
    after = window.ctx.db.execute("SELECT count(*) FROM welfare_payments").fetchone()[0]
    shown = next(text for kind, _title, text in prompts.messages if kind == "confirm")
    eligible = int(shown.split("可发放 ")[1].split(" 人")[0])
    assert after - before == eligible > 0


def test_reminder_settings_dialog_saves_every_horizon(qtbot, demo_path):
    from guilin_union.services import settings
    from guilin_union.ui.home.settings_dialog import HomeSettingsDialog

    window, _prompts = make_window(qtbot, demo_path)
    dialog = HomeSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.spins["home_retirement_months"].setValue(9)
    dialog.female_age.setCurrentIndex(1)
    dialog.female_50.setText("工人，工勤")
    dialog.save()
    db = window.ctx.db
    assert settings.get(db, "home_retirement_months") == 9
    assert settings.get(db, "retirement_female_original_age") == 50
    assert settings.get(db, "retirement_female_50_values") == ["工人", "工勤"]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_retirement_line_offers_the_status_change_and_the_payment(qtbot, demo_path):
    window, _prompts = make_window(qtbot, demo_path)
    page = _home(qtbot, window)
    retirement = next(r for r in page.data.reminders if r.kind == "retirement")
    dialog = page.retire(retirement.target_id)
    qtbot.addWidget(dialog)
    tabs = dialog.ui.history_tabs
    assert tabs.tabText(tabs.currentIndex()) == "会籍变更"
    payment = page.retirement_payment(retirement.target_id)
    qtbot.addWidget(payment)
    assert payment.member_id == retirement.target_id
    assert payment.ui.type_combo.currentText() == "退休"
