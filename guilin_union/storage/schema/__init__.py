"""All schema migrations, in the order they are applied.

Each area keeps its own list in its own module so areas grow independently. Never reorder or
rename an entry that has shipped: the names are recorded in every user's database.
"""

from guilin_union.storage.migrations import Migration
from guilin_union.storage.schema import (
    activities,
    congress,
    foundation,
    intake,
    member_record,
    money,
    performance,
    proposals,
    safety,
    welfare,
    workpoints,
)

ALL_MIGRATIONS: list[Migration] = [
    *foundation.MIGRATIONS,
    *intake.MIGRATIONS,
    *congress.MIGRATIONS,
    *proposals.MIGRATIONS,
    *workpoints.MIGRATIONS,
    *activities.MIGRATIONS,
    *welfare.MIGRATIONS,
    *safety.MIGRATIONS,
    *money.MIGRATIONS,  # issue 21: dues ledger and union funds
    *member_record.MIGRATIONS,  # issue 24: the member record as the real forms keep it
    *performance.MIGRATIONS,  # issue 11: must stay last (it builds on every area's tables)
]
