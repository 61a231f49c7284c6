"""The examples in the benchmark's docstrings run."""

from __future__ import annotations

import doctest

import pytest

import bench.datasets
import bench.machine
import bench.startup
import bench.stats
import bench.timing


@pytest.mark.parametrize(
    "module",
    [bench.stats, bench.timing, bench.startup, bench.datasets, bench.machine],
    ids=lambda m: m.__name__,
)
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
