"""设置 ▸ 单位信息 carries the printouts' binding margin (issue 16 house style)."""

from __future__ import annotations

from guilin_union.ui.dialogs.institution_dialog import InstitutionDialog


def test_binding_margin_is_edited_with_the_institution(qtbot) -> None:
    values = {"institution_name": "桂林学院", "union_name": "桂林学院工会委员会"}
    dialog = InstitutionDialog({**values, "print_binding_margin_mm": 30})
    qtbot.addWidget(dialog)
    assert dialog.binding_spin.value() == 30
    dialog.binding_spin.setValue(99)  # clamped to the allowed range
    dialog.save()
    assert dialog.values["print_binding_margin_mm"] == 40
    fresh = InstitutionDialog(values)  # no setting yet: the default
    qtbot.addWidget(fresh)
    assert fresh.binding_spin.value() == 28
