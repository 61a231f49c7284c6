"""The workpoints area."""
