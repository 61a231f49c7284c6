"""The 教代会 tab's widgets: the session page with its sub-pages (会议、代表、议程、签到、表决、提案)."""
