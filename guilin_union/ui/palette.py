"""The UI's colours for meaning (one place; issue 19). Qt's window palette is ui/theme.py.

Screens colour text and cells by what it says, never by a hex code typed in the screen:

>>> MUTED, WARNING, OK
('#666666', '#b00020', '#1b5e20')

All colours are dark enough to read on the fixed light palette (ui/theme.py) and keep their
meaning for colour-blind users only together with the text itself (红 never stands alone).
"""

from __future__ import annotations

# Text
MUTED = "#666666"  # secondary text, hints, "not set"
WARNING = "#b00020"  # overdue, refused, over a limit: needs attention
OK = "#1b5e20"  # done, passed, attended
CAUTION = "#8a4b00"  # soft warning: check before going on
INFO = "#1565c0"  # in progress, open for sign-up
CANCELLED = "#888888"  # cancelled, withdrawn: greyed out
PENDING = "#b26a00"  # waiting list, awaiting a decision
SECTION = "#0d3c61"  # headings inside a list

# Backgrounds
ERROR_BACKGROUND = "#ffd6d6"  # a cell with an error (import previews)
MARK_BACKGROUND = "#dde8f6"  # a row marked for information (e.g. non-voting delegates)

# Style sheets
ERROR_BORDER_STYLE = "border: 1px solid #d32f2f;"  # a form field with an error
ERROR_TEXT_STYLE = f"color: {WARNING};"  # a label that states an error
CAUTION_TEXT_STYLE = f"color: {CAUTION};"
MUTED_TEXT_STYLE = f"color: {MUTED};"
