"""Command-line commands of the welfare area (registered by guilin_union.cli)."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, report_sub: argparse._SubParsersAction) -> None:
    """Add this area's commands and report names. The area's issue fills this in."""
