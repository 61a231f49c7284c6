"""Printouts of the 经费 area: dues collection and arrears, budget execution, final accounts."""
