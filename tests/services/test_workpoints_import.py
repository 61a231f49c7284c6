"""services.workpoints_import: reading, guessing year and kind, saving beside or instead of."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ConflictError, ValidationError
from guilin_union.services import workpoints as wp
from guilin_union.services.workpoints import importer as wi
from tests.workpoints_fixtures import REGION_2025, SCHOOL_2024


def test_docstring_examples() -> None:
    import doctest

    result = doctest.testmod(wi)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    "sample, year, kind", [(SCHOOL_2024, 2024, "school"), (REGION_2025, 2025, "upper")]
)
def test_preview_file_guesses_year_and_kind(db, sample, year, kind) -> None:
    preview = wi.preview_file(sample)
    assert preview.source_name == sample.name
    assert preview.guessed_year == year
    assert wi.guess_kind(db, preview.parsed) == kind
    assert preview.warnings == []


def test_guess_kind_follows_the_institution_setting(db) -> None:
    from guilin_union.services import settings

    preview = wi.preview_file(REGION_2025)
    settings.set_many(
        db,
        {"institution_name": "广西壮族自治区", "union_name": "区工会", "document_prefix": "桂教工"},
    )
    assert wi.guess_kind(db, preview.parsed) == "school"


def test_preview_rejects_other_files(tmp_path) -> None:
    path = tmp_path / "要点.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=".docx"):
        wi.preview_file(path)
    with pytest.raises(ValidationError, match="过长"):
        wi.preview_text("一" * (wi.MAX_SOURCE_CHARS + 1))


def test_import_keeps_both_or_replaces(db) -> None:
    preview = wi.preview_file(SCHOOL_2024)
    first = wi.import_document(
        db, preview.parsed, year=2024, source_name=preview.source_name, source_text=preview.text
    ).row_id
    assert wp.get_plan(db, first)["source_text"] == preview.text
    second = wi.import_document(db, preview.parsed, year=2024).row_id
    plans = wi.existing_plans(db, 2024, "school")
    assert {p["id"] for p in plans} == {first, second} and not any(p["has_tracking"] for p in plans)
    with pytest.raises(ConflictError, match="请指定"):
        wi.import_document(db, preview.parsed, year=2024, on_conflict="replace")
    result = wi.import_document(
        db, preview.parsed, year=2024, on_conflict="replace", replace_plan_id=second
    )
    assert result.undo["replaced_plan_id"] == second
    assert {p["id"] for p in wi.existing_plans(db, 2024, "school")} == {first, result.row_id}
    with pytest.raises(ValidationError):
        wi.import_document(
            db, preview.parsed, year=2024, on_conflict="replace", replace_plan_id=9999
        )


def test_replace_refused_when_tracked(db) -> None:
    preview = wi.preview_file(SCHOOL_2024)
    plan_id = wi.import_document(db, preview.parsed, year=2024).row_id
    item = next(n for n in wp.plan_items(db, plan_id) if n["is_leaf"])
    wp.update_item(db, item["id"], {"owner": "王宁"})
    assert wi.existing_plans(db, 2024, "school")[0]["has_tracking"]
    with pytest.raises(ConflictError, match="不能替换"):
        wi.import_document(db, preview.parsed, year=2024, on_conflict="replace")
    assert [p["id"] for p in wp.list_plans(db)] == [plan_id]
