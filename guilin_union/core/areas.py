"""The program's areas (one package each in services/, reports/, cli/ and ui/), in the order
in which one builds on another: members first (every other area refers to them), 经费 last
(its budgets count the activities' and welfare's records, issue 21).

>>> AREAS[0], AREAS[-1]
('members', 'money')
"""

from __future__ import annotations

AREAS: tuple[str, ...] = (
    "members",
    "intake",
    "congress",
    "proposals",
    "workpoints",
    "activities",
    "welfare",
    "money",
)
