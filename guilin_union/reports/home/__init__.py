"""Printouts of 首页: the year-end summary of every area."""
