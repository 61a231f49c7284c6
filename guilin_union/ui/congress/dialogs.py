"""Record dialogs of the congress pages (Designer forms in ``forms/congress_*.ui``).

Each dialog holds its generated form, collects a plain dict and hands it to ``submit``
(supplied by the page, which calls the service). ``submit`` returns ``None`` on success or a
Chinese message, which the dialog shows under the form; the dialog never writes itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from guilin_union.ui.congress.common import from_qdate, to_qdate
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date

Submit = Callable[[dict[str, Any]], str | None]


class _FormDialog(QDialog):
    """Common behaviour: the Designer form ``ui`` set up, Chinese buttons, submit on save,
    message on failure."""

    def __init__(self, ui: Any, submit: Submit, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = ui
        ui.setupUi(self)
        self._setup_buttons(submit)

    def _setup_buttons(self, submit: Submit) -> None:
        self._submit = submit
        self.result_data: dict[str, Any] | None = None
        box = self.ui.button_box  # type: ignore[attr-defined]
        for button, text in (
            (QDialogButtonBox.StandardButton.Save, "保存"),
            (QDialogButtonBox.StandardButton.Cancel, "取消"),
        ):
            if box.button(button) is not None:
                box.button(button).setText(text)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def save(self) -> bool:
        data = self.values()
        message = self._submit(data)
        if message:
            self.ui.message_label.setText(message)  # type: ignore[attr-defined]
            return False
        self.result_data = data
        self.accept()
        return True


def _text(widget: Any) -> str:
    return widget.toPlainText().strip() if hasattr(widget, "toPlainText") else widget.text().strip()


class TermDialog(_FormDialog):
    def __init__(
        self,
        submit: Submit,
        *,
        data: dict[str, Any] | None = None,
        default_years: int = 5,
        next_number: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_congress_term import Ui_CongressTermDialog

        super().__init__(Ui_CongressTermDialog(), submit, parent)
        import datetime as _dt

        data = data or {
            "number": next_number,
            "start_year": _dt.date.today().year,
            "length_years": default_years,
            "end_year": _dt.date.today().year + default_years,
        }
        self.setWindowTitle("编辑届次" if data.get("id") else "新建届次")
        self.ui.number_spin.setValue(int(data["number"]))
        self.ui.start_year_spin.setValue(int(data["start_year"]))
        self.ui.length_combo.setCurrentText(str(data["length_years"]))
        self.ui.end_year_spin.setValue(int(data["end_year"]))
        self.ui.notes_edit.setText(data.get("notes") or "")
        self.ui.start_year_spin.valueChanged.connect(self._follow)
        self.ui.length_combo.currentTextChanged.connect(self._follow)
        # issue 20: a joint congress (教代会暨工代会) has a second number
        from PySide6.QtWidgets import QSpinBox

        self.union_spin = QSpinBox()
        self.union_spin.setObjectName("union_number_spin")
        self.union_spin.setRange(0, 99)
        self.union_spin.setSpecialValueText("（不是联合召开）")
        self.union_spin.setValue(int(data.get("union_number") or 0))
        self.union_spin.setToolTip("教代会暨工代会联合召开时，工代会的届次（如第十六届填 16）")
        self.ui.form_layout.addRow("工代会届次", self.union_spin)

    def _follow(self, *_args: object) -> None:
        self.ui.end_year_spin.setValue(
            self.ui.start_year_spin.value() + int(self.ui.length_combo.currentText())
        )

    def values(self) -> dict[str, Any]:
        return {
            "number": self.ui.number_spin.value(),
            "start_year": self.ui.start_year_spin.value(),
            "length_years": int(self.ui.length_combo.currentText()),
            "end_year": self.ui.end_year_spin.value(),
            "notes": self.ui.notes_edit.text().strip(),
            "union_number": self.union_spin.value() or None,
        }


class SessionDialog(_FormDialog):
    """New or edited session. ``terms`` are (id, label, next meeting number)."""

    def __init__(
        self,
        submit: Submit,
        terms: Sequence[tuple[int, str, int]],
        *,
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_congress_session import Ui_CongressSessionDialog

        super().__init__(Ui_CongressSessionDialog(), submit, parent)
        self._terms = list(terms)
        for term_id, label, _next in self._terms:
            self.ui.term_combo.addItem(label, term_id)
        self.editing = bool(data and data.get("id"))
        self.setWindowTitle("修改会议" if self.editing else "新建会议")
        # Every date of the form is picked the same way (docs/STYLE.md); 未设定 = empty.
        for edit in (
            self.ui.end_date_edit,
            self.ui.proposal_deadline_edit,
            self.ui.reply_deadline_edit,
        ):
            optional_date_edit(edit)
        self.ui.term_combo.currentIndexChanged.connect(self._term_changed)
        if data:
            index = self.ui.term_combo.findData(data.get("term_id"))
            self.ui.term_combo.setCurrentIndex(max(index, 0))
            self.ui.meeting_no_spin.setValue(int(data.get("meeting_no") or 1))
            self.ui.title_edit.setText(data.get("title") or "")
            self.ui.start_date_edit.setDate(to_qdate(data.get("start_date")))
            for key in ("venue", "proposal_prefix"):
                getattr(self.ui, f"{key}_edit").setText(data.get(key) or "")
            for key in ("end_date", "proposal_deadline", "reply_deadline"):
                set_optional_date(getattr(self.ui, f"{key}_edit"), data.get(key))
            self.ui.notes_edit.setPlainText(data.get("notes") or "")
        else:
            self.ui.start_date_edit.setDate(to_qdate(None))
            if self._terms:
                self.ui.term_combo.setCurrentIndex(len(self._terms) - 1)
                self._term_changed()
        # The term of an existing session does not change (its delegates belong to the term).
        self.ui.term_combo.setEnabled(not self.editing)

    def _term_changed(self, *_args: object) -> None:
        if self.editing:
            return
        term_id = self.ui.term_combo.currentData()
        for tid, _label, next_no in self._terms:
            if tid == term_id:
                self.ui.meeting_no_spin.setValue(next_no)

    def values(self) -> dict[str, Any]:
        return {
            "term_id": self.ui.term_combo.currentData(),
            "meeting_no": self.ui.meeting_no_spin.value(),
            "title": self.ui.title_edit.text().strip(),
            "start_date": from_qdate(self.ui.start_date_edit.date()),
            "end_date": optional_date(self.ui.end_date_edit),
            "venue": self.ui.venue_edit.text().strip(),
            "proposal_deadline": optional_date(self.ui.proposal_deadline_edit),
            "reply_deadline": optional_date(self.ui.reply_deadline_edit),
            "proposal_prefix": self.ui.proposal_prefix_edit.text().strip(),
            "notes": _text(self.ui.notes_edit),
        }


AUTO_CATEGORY = "（按职称、部门自动判断）"


class DelegateDialog(_FormDialog):
    """Type, category, delegation and start date of one or more delegates."""

    def __init__(
        self,
        submit: Submit,
        *,
        member_text: str,
        categories: Sequence[str],
        delegations: Sequence[tuple[int, str]],
        data: dict[str, Any] | None = None,
        allow_auto: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_congress_delegate import Ui_CongressDelegateDialog

        super().__init__(Ui_CongressDelegateDialog(), submit, parent)
        self.ui.member_value_label.setText(member_text)
        if allow_auto:
            self.ui.category_combo.addItem(AUTO_CATEGORY, None)
        for c in categories:
            self.ui.category_combo.addItem(c, c)
        self.ui.delegation_combo.addItem("（按所在分工会）" if allow_auto else "（未分团）", None)
        for delegation_id, name in delegations:
            self.ui.delegation_combo.addItem(name, delegation_id)
        data = data or {}
        self.setWindowTitle("修改代表" if data.get("id") else "添加代表")
        self.ui.delegate_type_combo.setCurrentText(data.get("delegate_type") or "正式代表")
        if data.get("category"):
            self.ui.category_combo.setCurrentIndex(
                max(self.ui.category_combo.findData(data["category"]), 0)
            )
        if data.get("delegation_id") is not None:
            self.ui.delegation_combo.setCurrentIndex(
                max(self.ui.delegation_combo.findData(data["delegation_id"]), 0)
            )
        self.ui.start_date_edit.setDate(to_qdate(data.get("start_date")))
        self.ui.start_reason_combo.setCurrentText(data.get("start_reason") or "当选")
        self.ui.notes_edit.setText(data.get("notes") or "")

    def values(self) -> dict[str, Any]:
        return {
            "delegate_type": self.ui.delegate_type_combo.currentText(),
            "category": self.ui.category_combo.currentData(),
            "delegation_id": self.ui.delegation_combo.currentData(),
            "start_date": from_qdate(self.ui.start_date_edit.date()),
            "start_reason": self.ui.start_reason_combo.currentText(),
            "notes": self.ui.notes_edit.text().strip(),
        }


class ReplaceDialog(_FormDialog):
    """更换/补选: choose the successor, the date and the reason."""

    def __init__(
        self,
        submit: Submit,
        *,
        old_text: str,
        pick: Callable[[], tuple[int, str] | None],
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_congress_replace import Ui_CongressReplaceDialog

        super().__init__(Ui_CongressReplaceDialog(), submit, parent)
        self._pick = pick
        self.new_member_id: int | None = None
        self.ui.old_value_label.setText(old_text)
        self.ui.on_date_edit.setDate(to_qdate(None))
        self.ui.reason_combo.setCurrentIndex(0)
        self.ui.choose_button.clicked.connect(self.choose)

    def choose(self) -> None:
        picked = self._pick()
        if picked:
            self.set_member(*picked)

    def set_member(self, member_id: int, text: str) -> None:
        self.new_member_id = member_id
        self.ui.new_value_label.setText(text)

    def values(self) -> dict[str, Any]:
        return {
            "new_member_id": self.new_member_id,
            "on_date": from_qdate(self.ui.on_date_edit.date()),
            "start_reason": self.ui.start_reason_combo.currentText(),
            "reason": self.ui.reason_combo.currentText().strip(),
        }


#: The agenda item's one-line fields, each shown in ``<key>_edit``.
AGENDA_TEXT_FIELDS = ("start_time", "end_time", "presider", "reporter", "place", "notes")


class AgendaItemDialog(_FormDialog):
    def __init__(
        self, submit: Submit, *, data: dict[str, Any] | None = None, parent: QWidget | None = None
    ) -> None:
        from guilin_union.ui.forms.ui_congress_agenda_item import Ui_CongressAgendaItemDialog

        super().__init__(Ui_CongressAgendaItemDialog(), submit, parent)
        data = data or {}
        self.setWindowTitle("修改议程项" if data.get("id") else "添加议程项")
        self.ui.part_combo.setCurrentText(data.get("part") or "正式会议")
        optional_date_edit(self.ui.item_date_edit)  # 未设定: the session's opening day
        set_optional_date(self.ui.item_date_edit, data.get("item_date"))
        for key in AGENDA_TEXT_FIELDS:
            getattr(self.ui, f"{key}_edit").setText(data.get(key) or "")
        self.ui.content_edit.setPlainText(data.get("content") or "")

    def values(self) -> dict[str, Any]:
        out = {
            "part": self.ui.part_combo.currentText(),
            "content": _text(self.ui.content_edit),
            "item_date": optional_date(self.ui.item_date_edit),
        }
        for key in AGENDA_TEXT_FIELDS:
            out[key] = getattr(self.ui, f"{key}_edit").text().strip()
        return out


class MotionDialog(_FormDialog):
    """A motion and (once voted) its counts; the result is computed as the counts are typed."""

    def __init__(
        self,
        submit: Submit,
        *,
        evaluate: Callable[[int, int, int], str],
        default_date: str,
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from guilin_union.ui.forms.ui_congress_motion import Ui_CongressMotionDialog

        super().__init__(Ui_CongressMotionDialog(), submit, parent)
        self._evaluate = evaluate
        data = data or {}
        self.setWindowTitle("修改表决事项" if data.get("id") else "添加表决事项")
        self.ui.title_edit.setText(data.get("title") or "")
        self.ui.kind_combo.setCurrentText(data.get("kind") or "决议")
        voted = data.get("votes_yes") is not None
        self.ui.voted_check.setChecked(voted)
        self.ui.yes_spin.setValue(int(data.get("votes_yes") or 0))
        self.ui.no_spin.setValue(int(data.get("votes_no") or 0))
        self.ui.abstain_spin.setValue(int(data.get("votes_abstain") or 0))
        self.ui.voted_on_edit.setDate(to_qdate(data.get("voted_on") or default_date))
        self.ui.notes_edit.setText(data.get("notes") or "")
        for spin in (self.ui.yes_spin, self.ui.no_spin, self.ui.abstain_spin):
            spin.valueChanged.connect(self.update_result)
        self.ui.voted_check.toggled.connect(self.update_result)
        self.update_result()

    def update_result(self, *_args: object) -> None:
        voted = self.ui.voted_check.isChecked()
        for widget in (
            self.ui.yes_spin,
            self.ui.no_spin,
            self.ui.abstain_spin,
            self.ui.voted_on_edit,
        ):
            widget.setEnabled(voted)
        if not voted:
            self.ui.result_value_label.setText("待表决")
            return
        self.ui.result_value_label.setText(
            self._evaluate(
                self.ui.yes_spin.value(), self.ui.no_spin.value(), self.ui.abstain_spin.value()
            )
        )

    def values(self) -> dict[str, Any]:
        voted = self.ui.voted_check.isChecked()
        return {
            "title": self.ui.title_edit.text().strip(),
            "kind": self.ui.kind_combo.currentText(),
            "notes": self.ui.notes_edit.text().strip(),
            "voted": voted,
            "yes": self.ui.yes_spin.value(),
            "no": self.ui.no_spin.value(),
            "abstain": self.ui.abstain_spin.value(),
            "voted_on": from_qdate(self.ui.voted_on_edit.date()),
        }


def _split_list(text: str) -> list[str]:
    import re

    return [p for p in (x.strip() for x in re.split(r"[、，,；;\s]+", text)) if p]


class RulesDialog(_FormDialog):
    """The congress settings: fractions typed as ``2/3``, lists separated by 、."""

    def __init__(
        self, submit: Submit, *, values: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        from guilin_union.ui.forms.ui_congress_rules import Ui_CongressRulesDialog

        super().__init__(Ui_CongressRulesDialog(), submit, parent)
        self.ui.congress_name_edit.setText(values["congress_name"])
        self.ui.term_years_combo.setCurrentText(str(values["congress_term_years"]))
        self.ui.quorum_edit.setText(
            f"{values['congress_quorum_numerator']}/{values['congress_quorum_denominator']}"
        )
        self.ui.pass_edit.setText(
            f"{values['congress_pass_numerator']}/{values['congress_pass_denominator']}"
        )
        self.ui.pass_base_combo.setCurrentText(values["congress_pass_base"])
        self.ui.teacher_spin.setValue(int(values["congress_teacher_share_min_percent"]))
        self.ui.categories_edit.setText("、".join(values["congress_delegate_categories"]))
        self.ui.age_bands_edit.setText("、".join(str(b) for b in values["congress_age_bands"]))
        self.ui.deadline_days_spin.setValue(int(values["congress_proposal_deadline_days"]))
        self.ui.reply_days_spin.setValue(int(values["congress_reply_deadline_days"]))

    @staticmethod
    def _fraction(text: str) -> tuple[str, str]:
        import re

        from guilin_union.core.text import to_halfwidth

        match = re.match(r"^\s*(\d+)\s*[/／]\s*(\d+)\s*$", to_halfwidth(text))
        return (match[1], match[2]) if match else (text, "1")

    def values(self) -> dict[str, Any]:
        qn, qd = self._fraction(self.ui.quorum_edit.text())
        pn, pd = self._fraction(self.ui.pass_edit.text())
        return {
            "congress_name": self.ui.congress_name_edit.text().strip(),
            "congress_term_years": int(self.ui.term_years_combo.currentText()),
            "congress_quorum_numerator": qn,
            "congress_quorum_denominator": qd,
            "congress_pass_numerator": pn,
            "congress_pass_denominator": pd,
            "congress_pass_base": self.ui.pass_base_combo.currentText(),
            "congress_teacher_share_min_percent": self.ui.teacher_spin.value(),
            "congress_delegate_categories": _split_list(self.ui.categories_edit.text()),
            "congress_age_bands": _split_list(self.ui.age_bands_edit.text()),
            "congress_proposal_deadline_days": self.ui.deadline_days_spin.value(),
            "congress_reply_deadline_days": self.ui.reply_days_spin.value(),
        }
