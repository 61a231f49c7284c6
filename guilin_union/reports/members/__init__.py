"""The members area."""
