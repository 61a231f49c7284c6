"""The proposals area."""
