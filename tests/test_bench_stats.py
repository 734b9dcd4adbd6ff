"""The one percentile every benchmark reports: linear interpolation between ranks (R type 7)."""

from __future__ import annotations

import statistics

import pytest

from bench.stats import percentile


def test_it_is_the_inclusive_quantile_of_the_statistics_module() -> None:
    sample = [12.0, 3.5, 7.25, 40.0, 1.0, 9.0, 22.5]
    cuts = statistics.quantiles(sample, n=100, method="inclusive")
    assert percentile(sample, 95) == pytest.approx(cuts[94])
    assert percentile(sample, 50) == statistics.median(sample)


def test_ends_and_small_samples() -> None:
    assert percentile([1, 2, 3, 4], 0) == 1
    assert percentile([1, 2, 3, 4], 100) == 4
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5], 95) == 5
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)
