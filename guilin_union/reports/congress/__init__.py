"""The congress area."""
