"""The 首页 area: what needs doing now (reminders), retirements, birthdays and the year's figures.

Nothing here writes: every function reads the other areas' records and answers a question the
secretary asks at the start of a week.
"""
