"""Exceptions shared by every layer. Messages are Simplified Chinese: they reach the user."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value the user entered (or a file contained) is not acceptable.

    ``field`` names the offending field key (e.g. ``"id_number"``) when known, so a form can
    show the message next to that field.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFoundError(LookupError):
    """A record the caller named does not exist (message in Chinese)."""


class ConflictError(RuntimeError):
    """An action is refused because of the state of other records (message in Chinese)."""
