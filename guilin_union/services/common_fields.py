"""Field names a member record shares with an application (MemberRecord / table columns).

The register, the intake applications, the Excel importer and the application form all
list these fields; they compose their own tuples from these pieces so the order each of
them uses stays what it was and a new personal field is added in one place.
"""

from __future__ import annotations

# Who the person is, in form order (after the name).
PERSON_FIELDS = (
    "gender",
    "ethnicity",
    "birth_date",
    "id_type",
    "id_number",
    "phone",
    "staff_no",
)
# Where and how the person works, in form order.
JOB_FIELDS = (
    "department",
    "position",
    "title",
    "education",
    "political_status",
    "employment_type",
    "hire_date",
)
# Free-text fields cleaned the same way (clean_cell_text) by the form and the importer.
FREE_TEXT_FIELDS = (
    "ethnicity",
    "department",
    "position",
    "title",
    "education",
    "political_status",
    "notes",
)
# The 会员登记表 fields an application may carry (issue 24), copied to the new member.
RECORD_FIELDS = (
    "native_place",
    "home_address",
    "email",
    "work_start_date",
    "major",
    "graduated_from",
)
