"""The main window's tabs, in the order the secretary works (DEVELOPERS.md).

Each entry names the module whose ``create_tab(ctx)`` builds the tab. A tab may define
``on_changes(changes)`` to refresh when a change it cares about happens elsewhere.
"""

TABS: list[tuple[str, str]] = [
    ("首页", "guilin_union.ui.tabs.home_tab"),  # issue 23: what needs doing now, before the areas
    ("工作要点", "guilin_union.ui.tabs.workpoints_tab"),
    ("教代会", "guilin_union.ui.tabs.congress_tab"),
    ("会员入会", "guilin_union.ui.tabs.members_tab"),
    ("活动", "guilin_union.ui.tabs.activities_tab"),
    ("慰问", "guilin_union.ui.tabs.welfare_tab"),
    ("经费", "guilin_union.ui.tabs.money_tab"),  # issue 21: dues ledger and union budget
]
