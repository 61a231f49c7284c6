"""The one report registry (reports/registry.py): the CLI, ``report list``, the self-test and
the tests read it; each entry declares the signature its printout carries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from guilin_union.reports import house, registry


def test_available_reports_finds_the_member_roster() -> None:
    reports = registry.available_reports()
    assert "member-roster" in reports
    assert "花名册" in reports["member-roster"]
    assert list(reports) == sorted(reports)


def test_the_catalog_is_well_formed() -> None:
    assert registry.check_catalog() == []
    assert set(registry.SIGNATURES) == set(registry.REPORTS) == set(registry.CATALOG)


@pytest.mark.parametrize(
    ("name", "entry", "problem"),
    [
        ("Member Roster", ("说明", house.signed("table")), "小写字母"),
        ("ok-name", (" ", house.signed("table")), "缺少中文说明"),
        ("ok-name", ("说明", house.Signature("none")), "没有写明原因"),
        ("ok-name", ("说明", house.Signature("own")), "没有签字项"),
    ],
)
def test_a_bad_entry_is_named(monkeypatch: pytest.MonkeyPatch, name, entry, problem) -> None:
    monkeypatch.setitem(registry.CATALOG, name, entry)
    assert any(problem in p for p in registry.check_catalog())


def test_unsigned_needs_a_reason_and_presets_exist() -> None:
    with pytest.raises(ValueError):
        house.unsigned(" ")
    with pytest.raises(ValueError):
        house.signed("no-such-preset")


def test_the_registry_does_not_load_reportlab() -> None:
    """The CLI builds its parser from the registry: listing reports must stay fast."""
    code = (
        "import sys; from guilin_union import cli; cli.build_parser();"
        "import guilin_union.reports.registry;"
        "print('reportlab' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
