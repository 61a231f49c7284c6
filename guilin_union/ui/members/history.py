"""Pages shown under a member's form (status history, activities, payments …).

Each area registers a provider when its tab module is imported; the member dialog asks every
provider for a page. Keeps the member form ignorant of the areas that hang off a member.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

# (title, factory(ctx, member_id) -> QWidget | None)
MemberPageFactory = Callable[[object, int], QWidget | None]
PROVIDERS: list[tuple[str, MemberPageFactory]] = []


def register(title: str, factory: MemberPageFactory) -> None:
    if all(t != title for t, _ in PROVIDERS):
        PROVIDERS.append((title, factory))


def load_providers() -> list[tuple[str, MemberPageFactory]]:
    """Every area's pages. Areas register when their tab module is imported, and the main
    window builds tabs only when needed (issue 11), so the form imports them all first
    (already imported after start-up, when the tabs have been prepared)."""
    import importlib

    from guilin_union.ui.tabs import TABS

    for _title, module_name in TABS:
        importlib.import_module(module_name)
    return list(PROVIDERS)
