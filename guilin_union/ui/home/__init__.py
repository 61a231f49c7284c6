"""The 首页 tab: what needs doing now, this year's figures, the state of the backups."""
