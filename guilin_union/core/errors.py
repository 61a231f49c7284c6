"""Exceptions shared by every layer. Messages are Simplified Chinese: they reach the user.

Every error meant for the user derives from :class:`UserError`: the CLI prints it (exit 1)
and the GUI's operation runner (``ui/ops.py``) shows it through the prompt seam, instead of
each caller spelling out a tuple of classes. Programming errors stay plain exceptions.
"""

from __future__ import annotations


class UserError(Exception):
    """An error whose ``str()`` is a Chinese message for the user; nothing was written.

    Subclasses keep their older standard bases too (``ValueError``, ``OSError`` …) so code
    that catches those keeps working.

    >>> issubclass(ValidationError, UserError) and issubclass(ValidationError, ValueError)
    True
    """


class ValidationError(UserError, ValueError):
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


class NotFoundError(UserError, LookupError):
    """A record the caller named does not exist (message in Chinese)."""


class ConflictError(UserError, RuntimeError):
    """An action is refused because of the state of other records (message in Chinese)."""
