"""The welfare area."""
