"""The money dialogs refuse a bad amount or a missing 摘要 in their error line and stay
open (no result); a good form gives its dataclass."""

from __future__ import annotations

from guilin_union.ui.money.dialogs import EntryDialog, PaymentDialog


def test_payment_dialog_refuses_a_zero_amount_then_accepts(qtbot):
    dialog = PaymentDialog({"name": "张三", "branch": "机关", "month": "2025-03", "due_fen": 1000})
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("0")
    dialog.accept()
    assert dialog.error_label.text() == "缴纳金额应大于 0" and dialog.result_value is None
    dialog.amount_edit.setText("12.5")
    dialog.accept()
    assert dialog.result_value is not None and dialog.result_value.amount_fen == 1250


def test_entry_dialog_wants_a_description_and_a_positive_amount(qtbot):
    dialog = EntryDialog([("c1", "科目一")], 2000)
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("5")
    dialog.accept()
    assert "摘要" in dialog.error_label.text() and dialog.result_value is None
    dialog.description_edit.setText("购买纸张")
    dialog.amount_edit.setText("0")
    dialog.accept()
    assert dialog.error_label.text() == "金额应大于 0" and dialog.result_value is None
    dialog.amount_edit.setText("5")
    dialog.accept()
    assert dialog.result_value is not None
    assert (dialog.result_value.amount_fen, dialog.result_value.entry_date) == (500, "2000-12-31")
