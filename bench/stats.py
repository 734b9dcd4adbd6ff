"""The one percentile every benchmark reports, so figures compare with each other.

Definition: linear interpolation between the two closest ranks of the sorted
sample (rank `p/100 * (n-1)`, counting from 0) — numpy's default, R's type 7,
`statistics.quantiles(..., method="inclusive")`. p50 is the median.
"""

from __future__ import annotations

from collections.abc import Iterable


def percentile(values: Iterable[float], p: float) -> float:
    """The `p`-th percentile (0-100) of `values`; ValueError for an empty sample."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError("p must be between 0 and 100")
    rank = p / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
