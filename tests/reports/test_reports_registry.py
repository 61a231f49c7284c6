"""The report registry the CLI lists."""

from __future__ import annotations

import pytest

from guilin_union.reports import registry


def test_available_reports_finds_the_member_roster() -> None:
    reports = registry.available_reports()
    assert "member-roster" in reports
    assert "花名册" in reports["member-roster"]
    assert list(reports) == sorted(reports)


def test_register_and_reregister() -> None:
    try:
        registry.register("test-only", "测试报表")
        registry.register("test-only", "测试报表")  # importing a module twice is harmless
        assert registry.REPORTS["test-only"] == "测试报表"
        with pytest.raises(ValueError, match="已被"):
            registry.register("test-only", "另一份报表")
    finally:
        registry.unregister("test-only")
    assert "test-only" not in registry.REPORTS


@pytest.mark.parametrize(
    ("name", "description"), [("Member Roster", "说明"), ("花名册", "说明"), ("ok-name", " ")]
)
def test_register_rejects_bad_names(name: str, description: str) -> None:
    with pytest.raises(ValueError):
        registry.register(name, description)
    assert name not in registry.REPORTS
