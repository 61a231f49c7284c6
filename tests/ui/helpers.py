"""Shared helpers for GUI tests: a scripted prompts object and a main-window factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guilin_union.ui.prompts import Prompts


class ScriptedPrompts(Prompts):
    """Answers every question from queues instead of showing modal dialogs.

    Unanswered questions fail the test loudly rather than blocking it.
    """

    def __init__(self) -> None:
        self.confirms: list[bool] = []
        self.items: list[str | None] = []
        self.texts: list[str | None] = []
        self.save_paths: list[Path | None] = []
        self.open_paths: list[Path | None] = []
        self.picks: list[list[int]] = []
        self.messages: list[tuple[str, str, str]] = []

    def confirm(self, parent, title, text, *, ok_text="确定") -> bool:
        self.messages.append(("confirm", title, text))
        assert self.confirms, f"unexpected confirm: {title}: {text}"
        return self.confirms.pop(0)

    def info(self, parent, title, text) -> None:
        self.messages.append(("info", title, text))

    def warning(self, parent, title, text) -> None:
        self.messages.append(("warning", title, text))

    def error(self, parent, title, text) -> None:
        self.messages.append(("error", title, text))

    def ask_text(self, parent, title, label, text="") -> str | None:
        assert self.texts, f"unexpected ask_text: {title}"
        return self.texts.pop(0)

    def ask_item(self, parent, title, label, items) -> str | None:
        assert self.items, f"unexpected ask_item: {title}"
        return self.items.pop(0)

    def save_file(self, parent, title, start, filters) -> Path | None:
        assert self.save_paths, f"unexpected save_file: {title}"
        return self.save_paths.pop(0)

    def open_file(self, parent, title, start, filters) -> Path | None:
        assert self.open_paths, f"unexpected open_file: {title}"
        return self.open_paths.pop(0)

    def pick_members(self, ctx, parent, **kwargs: Any) -> list[int]:
        assert self.picks, f"unexpected pick_members: {kwargs.get('title')}"
        return self.picks.pop(0)


def make_window(qtbot, db_path: Path):
    """The real main window on ``db_path`` with scripted prompts."""
    from guilin_union.ui.application import ensure_application, open_context
    from guilin_union.ui.main_window import MainWindow

    ensure_application()
    prompts = ScriptedPrompts()
    ctx = open_context(db_path, prompts=prompts)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window, prompts
