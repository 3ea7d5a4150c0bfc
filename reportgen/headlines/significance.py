"""When a difference in the data is clear enough for a headline to name it.

A headline may only say that something rose, fell or differs when the difference is
larger than chance would easily make it. Two simple tests, each with its threshold in
`layouts/settings.yaml` under `koppen:`:

- a count that changed (people waiting, a year apart): the change must be at least
  `wachtlijst_min_verschil` people *and* pass a Poisson test, |b - a| / sqrt(a + b)
  >= `toets_z`;
- a share that differs from a reference share (a region against all regions, or a
  region against itself two years earlier): a z-test for proportions,
  |p - q| / sqrt(q (1 - q) / n) >= `toets_z` (or the pooled two-sample form when both
  shares come from samples of known size).

`toets_z` 1,96 is the usual 95% level. Below it the headline says there is no clear change.
"""

from __future__ import annotations

import math


def count_change_z(before: float, after: float) -> float:
    """The Poisson z-score of a change between two counts (0 when both are 0)."""
    total = before + after
    return 0.0 if total <= 0 else abs(after - before) / math.sqrt(total)


def clear_count_change(before: float, after: float, min_change: float, z: float) -> bool:
    """Whether a count changed clearly: by at least `min_change` and with z-score >= `z`."""
    return abs(after - before) >= min_change - 1e-9 and count_change_z(before, after) >= z - 1e-9


def share_difference_z(share: float, reference: float, n: float, reference_n: float | None = None) -> float:
    """The z-score of a share against a reference share.

    `n` clients stand behind `share`. With `reference_n` the reference is a second sample
    (pooled two-proportion test); without it the reference counts as known (one-sample test).
    """
    if n <= 0:
        return 0.0
    if reference_n:
        pooled = (share * n + reference * reference_n) / (n + reference_n)
        variance = pooled * (1 - pooled) * (1 / n + 1 / reference_n)
    else:
        variance = reference * (1 - reference) / n
    if variance <= 0:
        return math.inf if abs(share - reference) > 1e-12 else 0.0
    return abs(share - reference) / math.sqrt(variance)


def clear_share_difference(
    share: float, reference: float, n: float | None, z: float | None, reference_n: float | None = None
) -> bool:
    """Whether a share differs clearly from the reference; always true when no test is asked
    (`n` or `z` is None), so the point thresholds alone decide."""
    if n is None or z is None:
        return True
    return share_difference_z(share, reference, n, reference_n) >= z - 1e-9
