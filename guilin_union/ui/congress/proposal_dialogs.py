"""Record dialogs of the 提案 page (Designer forms in ``forms/proposal_*.ui``).

Like the other congress dialogs they collect a plain dict and hand it to ``submit``, which
calls the service and returns ``None`` or a Chinese message shown under the form.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

from guilin_union.ui.congress.common import from_qdate, to_qdate
from guilin_union.ui.congress.dialogs import Submit, _FormDialog, _split_list, _text
from guilin_union.ui.widgets.list_helpers import add_check_item

MEMBER_ROLE = Qt.ItemDataRole.UserRole


def _fill_checklist(
    widget: Any, items: Sequence[tuple[int, str]], checked: Sequence[int] = ()
) -> None:
    widget.clear()
    for item_id, label in items:
        add_check_item(widget, label, item_id, checked=item_id in checked)


def checked_ids(widget: Any) -> list[int]:
    return [
        widget.item(i).data(MEMBER_ROLE)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_checked(widget: Any, ids: Sequence[int]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(MEMBER_ROLE) in ids else Qt.CheckState.Unchecked
        )


class ProposalDialog(_FormDialog):
    """Submit or correct a proposal. ``delegates`` are (member id, "姓名（代表团）") of the
    term's 正式代表; the rules (who, how many seconders, deadline) are checked on save."""

    def __init__(
        self,
        submit: Submit,
        *,
        categories: Sequence[str],
        delegates: Sequence[tuple[int, str]],
        delegations: Sequence[tuple[int, str]],
        default_date: str | None = None,
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_proposal_edit import Ui_ProposalDialog

        super().__init__(Ui_ProposalDialog(), submit, parent)
        self.ui.button_box.button(self.ui.button_box.StandardButton.Save).setText(
            "提交" if not data else "保存"
        )
        for c in categories:
            self.ui.category_combo.addItem(c)
        self.ui.proposer_combo.addItem("", None)
        for member_id, label in delegates:
            self.ui.proposer_combo.addItem(label, member_id)
        completer = QCompleter([label for _m, label in delegates], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.ui.proposer_combo.setCompleter(completer)
        self.ui.delegation_combo.addItem("", None)
        for delegation_id, name in delegations:
            self.ui.delegation_combo.addItem(name, delegation_id)
        _fill_checklist(self.ui.seconders_list, delegates)
        self.ui.seconders_list.setMinimumHeight(120)
        self.ui.seconder_search_edit.textChanged.connect(self._filter_seconders)
        self.ui.kind_combo.currentTextChanged.connect(self._kind_changed)
        data = data or {}
        self.setWindowTitle(f"修改提案 {data['number']}" if data.get("number") else "提交提案")
        if data.get("number"):
            self.ui.number_value_label.setText(data["number"])
        self.ui.title_edit.setText(data.get("title") or "")
        if data.get("category"):
            self.ui.category_combo.setCurrentText(data["category"])
        self.ui.kind_combo.setCurrentText(data.get("kind") or "个人")
        self.set_proposer(data.get("proposer_member_id"))
        if data.get("delegation_id") is not None:
            self.ui.delegation_combo.setCurrentIndex(
                max(self.ui.delegation_combo.findData(data["delegation_id"]), 0)
            )
        set_checked(self.ui.seconders_list, data.get("seconder_ids") or [])
        self.ui.submitted_on_edit.setDate(
            to_qdate(data.get("submitted_on") or default_date or _dt.date.today())
        )
        self.ui.late_reason_edit.setText(data.get("late_reason") or "")
        self.ui.reasons_edit.setPlainText(data.get("reasons") or "")
        self.ui.suggestions_edit.setPlainText(data.get("suggestions") or "")
        self._kind_changed(self.ui.kind_combo.currentText())

    def _kind_changed(self, kind: str) -> None:
        self.ui.delegation_combo.setEnabled(kind == "集体")

    def _filter_seconders(self, text: str) -> None:
        text = text.strip()
        for i in range(self.ui.seconders_list.count()):
            item = self.ui.seconders_list.item(i)
            item.setHidden(bool(text) and text not in item.text())

    def set_proposer(self, member_id: int | None) -> None:
        index = self.ui.proposer_combo.findData(member_id) if member_id is not None else 0
        self.ui.proposer_combo.setCurrentIndex(max(index, 0))

    def proposer_id(self) -> int | None:
        combo = self.ui.proposer_combo
        index = combo.findText(combo.currentText().strip())
        if index >= 0:
            return combo.itemData(index)
        return combo.currentData()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.ui.title_edit.text().strip(),
            "category": self.ui.category_combo.currentText(),
            "kind": self.ui.kind_combo.currentText(),
            "proposer_member_id": self.proposer_id(),
            "delegation_id": self.ui.delegation_combo.currentData()
            if self.ui.kind_combo.currentText() == "集体"
            else None,
            "seconder_ids": checked_ids(self.ui.seconders_list),
            "submitted_on": from_qdate(self.ui.submitted_on_edit.date()),
            "late_reason": self.ui.late_reason_edit.text().strip(),
            "reasons": _text(self.ui.reasons_edit),
            "suggestions": _text(self.ui.suggestions_edit),
        }


class ReviewDialog(_FormDialog):
    """立案（重点/一般）、并案、转意见建议、不立案、撤案, with the date and the reason."""

    def __init__(
        self,
        submit: Submit,
        *,
        proposal_text: str,
        targets: Sequence[tuple[int, str]],
        default_date: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_proposal_review import Ui_ProposalReviewDialog

        super().__init__(Ui_ProposalReviewDialog(), submit, parent)
        self.ui.button_box.button(self.ui.button_box.StandardButton.Save).setText("确定")
        self.ui.proposal_value_label.setText(proposal_text)
        for target_id, label in targets:
            self.ui.target_combo.addItem(label, target_id)
        self.ui.date_edit.setDate(to_qdate(default_date or _dt.date.today()))
        self.ui.result_combo.currentTextChanged.connect(self._result_changed)
        self._result_changed(self.ui.result_combo.currentText())

    def _result_changed(self, result: str) -> None:
        self.ui.target_combo.setEnabled(result == "并案")

    def values(self) -> dict[str, Any]:
        return {
            "result": self.ui.result_combo.currentText(),
            "target_id": self.ui.target_combo.currentData(),
            "date": from_qdate(self.ui.date_edit.date()),
            "note": _text(self.ui.note_edit),
        }


class AssignDialog(_FormDialog):
    """交办 (or 调整交办): 主办单位, 协办单位, dates."""

    def __init__(
        self,
        submit: Submit,
        *,
        proposal_text: str,
        departments: Sequence[tuple[int, str]],
        lead_id: int | None = None,
        co_ids: Sequence[int] = (),
        assigned_on: str | None = None,
        reply_deadline: str | None = None,
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_proposal_assign import Ui_ProposalAssignDialog

        super().__init__(Ui_ProposalAssignDialog(), submit, parent)
        self.setWindowTitle("调整交办" if editing else "交办")
        self.ui.proposal_value_label.setText(proposal_text)
        for dept_id, name in departments:
            self.ui.lead_combo.addItem(name, dept_id)
        if lead_id is not None:
            self.ui.lead_combo.setCurrentIndex(max(self.ui.lead_combo.findData(lead_id), 0))
        _fill_checklist(self.ui.co_list, departments, co_ids)
        self.ui.assigned_on_edit.setDate(to_qdate(assigned_on or _dt.date.today()))
        self.ui.assigned_on_edit.setEnabled(not editing)
        self.ui.reply_deadline_edit.setDate(
            to_qdate(reply_deadline or _dt.date.today() + _dt.timedelta(days=60))
        )

    def values(self) -> dict[str, Any]:
        lead = self.ui.lead_combo.currentData()
        return {
            "lead_department_id": lead,
            "co_department_ids": [d for d in checked_ids(self.ui.co_list) if d != lead],
            "assigned_on": from_qdate(self.ui.assigned_on_edit.date()),
            "reply_deadline": from_qdate(self.ui.reply_deadline_edit.date()),
        }


class ReplyDialog(_FormDialog):
    def __init__(
        self,
        submit: Submit,
        *,
        proposal_text: str,
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_proposal_reply import Ui_ProposalReplyDialog

        super().__init__(Ui_ProposalReplyDialog(), submit, parent)
        self.ui.proposal_value_label.setText(proposal_text)
        data = data or {}
        self.setWindowTitle("更正答复" if data.get("reply_text") else "录入答复")
        self.ui.reply_date_edit.setDate(to_qdate(data.get("reply_date") or _dt.date.today()))
        if data.get("outcome"):
            self.ui.outcome_combo.setCurrentText(data["outcome"])
        self.ui.reply_text_edit.setPlainText(data.get("reply_text") or "")
        self.ui.reason_edit.setPlainText(data.get("outcome_reason") or "")
        self.ui.outcome_combo.currentTextChanged.connect(
            lambda t: self.ui.reason_edit.setEnabled(t == "未能落实")
        )
        self.ui.reason_edit.setEnabled(self.ui.outcome_combo.currentText() == "未能落实")

    def values(self) -> dict[str, Any]:
        outcome = self.ui.outcome_combo.currentText()
        return {
            "text": _text(self.ui.reply_text_edit),
            "on": from_qdate(self.ui.reply_date_edit.date()),
            "outcome": outcome,
            "reason": _text(self.ui.reason_edit) if outcome == "未能落实" else None,
        }


class RateDialog(_FormDialog):
    def __init__(
        self,
        submit: Submit,
        *,
        proposal_text: str,
        rehandle_days: int,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_proposal_rate import Ui_ProposalRateDialog

        super().__init__(Ui_ProposalRateDialog(), submit, parent)
        self.ui.proposal_value_label.setText(proposal_text)
        self._days = rehandle_days
        self.ui.rating_date_edit.setDate(to_qdate(_dt.date.today()))
        self.ui.rating_combo.currentTextChanged.connect(self._changed)
        self.ui.rating_date_edit.dateChanged.connect(self._changed)
        self._changed()

    def _changed(self, *_args: object) -> None:
        unhappy = self.ui.rating_combo.currentText() == "不满意"
        self.ui.new_deadline_edit.setEnabled(unhappy)
        self.ui.new_deadline_edit.setDate(self.ui.rating_date_edit.date().addDays(self._days))

    def values(self) -> dict[str, Any]:
        rating = self.ui.rating_combo.currentText()
        return {
            "rating": rating,
            "on": from_qdate(self.ui.rating_date_edit.date()),
            "note": _text(self.ui.note_edit),
            "reply_deadline": from_qdate(self.ui.new_deadline_edit.date())
            if rating == "不满意"
            else None,
        }


class ProposalRulesDialog(_FormDialog):
    def __init__(
        self, submit: Submit, *, values: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        from guilin_union.ui.forms.ui_proposal_rules import Ui_ProposalRulesDialog

        super().__init__(Ui_ProposalRulesDialog(), submit, parent)
        self.ui.categories_edit.setText("、".join(values["proposal_categories"]))
        self.ui.min_seconders_spin.setValue(int(values["proposal_min_seconders"]))
        self.ui.threshold_spin.setValue(int(values["proposal_duplicate_threshold_percent"]))
        self.ui.rehandle_spin.setValue(int(values["proposal_rehandle_days"]))
        self._add_outcome_rows(values)

    def _add_outcome_rows(self, values: dict[str, Any]) -> None:
        """Issue 20: answer periods per outcome, the 建议 numbering series, 字数 rules."""
        from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox

        def days(value: Any) -> QSpinBox:
            spin = QSpinBox()
            spin.setRange(1, 730)
            spin.setSuffix(" 天")
            spin.setValue(int(value))
            return spin

        form = self.ui.form_layout
        self.suggestion_days_spin = days(values.get("proposal_suggestion_reply_days", 60))
        self.rejected_days_spin = days(values.get("proposal_rejected_reply_days", 30))
        self.series_check = QCheckBox("转为意见建议时另行编号")
        self.series_check.setChecked(bool(values.get("proposal_suggestion_series", False)))
        self.prefix_edit = QLineEdit(str(values.get("proposal_suggestion_prefix") or "JY"))
        form.addRow("意见建议答复期限（交办后）", self.suggestion_days_spin)
        form.addRow("不立案答复期限（交办后）", self.rejected_days_spin)
        form.addRow("建议编号", self.series_check)
        form.addRow("建议编号前缀", self.prefix_edit)
        lengths = values.get("proposal_length_rules") or {}
        self.length_spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for key, label in (("title", "案由"), ("reasons", "理由"), ("suggestions", "建议")):
            low, high = (list(lengths.get(key) or [0, 0]) + [0, 0])[:2]
            pair = []
            for value in (low, high):
                spin = QSpinBox()
                spin.setRange(0, 100000)
                spin.setSpecialValueText("不限")
                spin.setSuffix(" 字")
                spin.setValue(int(value))
                pair.append(spin)
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(QLabel("最少"))
            box.addWidget(pair[0])
            box.addWidget(QLabel("最多"))
            box.addWidget(pair[1])
            form.addRow(f"{label}字数", row)
            self.length_spins[key] = (pair[0], pair[1])

    def values(self) -> dict[str, Any]:
        return {
            "proposal_categories": _split_list(self.ui.categories_edit.text()),
            "proposal_min_seconders": self.ui.min_seconders_spin.value(),
            "proposal_duplicate_threshold_percent": self.ui.threshold_spin.value(),
            "proposal_rehandle_days": self.ui.rehandle_spin.value(),
            "proposal_suggestion_reply_days": self.suggestion_days_spin.value(),
            "proposal_rejected_reply_days": self.rejected_days_spin.value(),
            "proposal_suggestion_series": self.series_check.isChecked(),
            "proposal_suggestion_prefix": self.prefix_edit.text().strip() or "JY",
            "proposal_length_rules": {
                key: [low.value(), high.value()] for key, (low, high) in self.length_spins.items()
            },
        }
