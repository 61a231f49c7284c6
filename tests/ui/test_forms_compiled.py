"""The committed Python forms must be exactly what pyside6-uic makes of forms/*.ui."""

from __future__ import annotations

import pytest

from guilin_union.ui.compile_forms import FORMS_DIR, compile_form, output_path

FORMS = sorted(FORMS_DIR.glob("*.ui"))


def test_there_are_forms():
    assert any(f.name == "member_dialog.ui" for f in FORMS)


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.name)
def test_compiled_form_matches_source(ui_file):
    generated = output_path(ui_file)
    assert generated.exists(), (
        f"{generated.name} missing: run python -m guilin_union.ui.compile_forms"
    )
    assert generated.read_text(encoding="utf-8") == compile_form(ui_file), (
        f"{generated.name} is stale: run python -m guilin_union.ui.compile_forms"
    )
