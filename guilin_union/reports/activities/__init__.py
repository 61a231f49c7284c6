"""The activities area."""
