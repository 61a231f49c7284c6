"""Schema of the congress area. Append new migrations at the end; never edit a shipped one."""
from guilin_union.storage.migrations import Migration

MIGRATIONS: list[Migration] = []
