"""Exact counts for the example data: apportioning totals and labelling clients by quota.

The example data must reproduce the published figures exactly (a rounded rate, a count of
2.386 clients), whatever the random draws. So the generator does not sample labels with
probabilities; it decides how many clients get each label and then only chooses *which*
clients, at random. Labels are sticky from one year to the next: a client keeps last year's
profile or type of care unless the quota forces a change, as in real care careers.
"""

from __future__ import annotations

import numpy as np


def largest_remainder(total: int, weights: np.ndarray) -> np.ndarray:
    """Integer counts proportional to `weights` that sum to exactly `total` (Hamilton's method)."""
    w = np.asarray(weights, dtype=np.float64)
    if total <= 0 or w.sum() <= 0:
        return np.zeros(len(w), dtype=np.int64)
    exact = w / w.sum() * total
    counts = np.floor(exact).astype(np.int64)
    short = int(total - counts.sum())
    if short > 0:
        order = np.lexsort((np.arange(len(w)), -(exact - counts)))
        counts[order[:short]] += 1
    return counts


def capped_apportionment(total: int, weights: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Counts proportional to `weights`, none above its cap, summing to min(total, sum of caps).

    Used to spread a number of qualifying locations over providers that can only fill as many
    as their clients allow.
    """
    caps = np.asarray(caps, dtype=np.int64)
    w = np.where(caps > 0, np.asarray(weights, dtype=np.float64), 0.0)
    counts = np.zeros(len(caps), dtype=np.int64)
    remaining = int(min(total, caps.sum()))
    while remaining > 0:
        room = caps - counts
        share = largest_remainder(remaining, np.where(room > 0, w, 0.0))
        if share.sum() == 0:
            share = largest_remainder(remaining, (room > 0).astype(np.float64))
        add = np.minimum(share, room)
        counts += add
        remaining -= int(add.sum())
    return counts


def sticky_labels(
    previous: np.ndarray,
    counts: np.ndarray,
    rng: np.random.Generator,
    fill_weights: np.ndarray | None = None,
) -> np.ndarray:
    """Labels 0..k-1 with exactly `counts[c]` of label c, changing as few previous labels as needed.

    `previous` holds last year's label per client or -1 for a client without one. Clients whose
    label is over quota lose it at random; open places are then filled at random, or with
    `fill_weights` (clients x labels) making some clients likelier to get some labels.
    """
    counts = np.asarray(counts, dtype=np.int64)
    labels = np.asarray(previous, dtype=np.int64).copy()
    if counts.sum() != len(labels):
        raise ValueError(f"quota sums to {counts.sum()}, not to the {len(labels)} clients")
    for label in range(len(counts)):
        holders = np.flatnonzero(labels == label)
        excess = len(holders) - counts[label]
        if excess > 0:
            labels[rng.choice(holders, size=excess, replace=False)] = -1
    kept = np.bincount(labels[labels >= 0], minlength=len(counts))
    free = counts - kept
    if fill_weights is None:
        pool = np.repeat(np.arange(len(counts)), free)
        rng.shuffle(pool)
        labels[labels < 0] = pool
        return labels
    for label in range(len(counts) - 1):
        open_idx = np.flatnonzero(labels < 0)
        if free[label] == 0 or len(open_idx) == 0:
            continue
        w = fill_weights[open_idx, label].astype(np.float64) + 1e-9
        labels[rng.choice(open_idx, size=free[label], replace=False, p=w / w.sum())] = label
    labels[labels < 0] = len(counts) - 1
    return labels


def shares_to_counts(shares: tuple[float, ...] | np.ndarray, n: int) -> np.ndarray:
    """Exact counts for `n` clients from label shares (shares need not sum to one)."""
    return largest_remainder(n, np.asarray(shares, dtype=np.float64))


def unset_fraction(labels: np.ndarray, fraction: float, rng: np.random.Generator) -> np.ndarray:
    """A copy of `labels` with a random `fraction` of the set labels reset to -1 (a reassessment)."""
    out = np.asarray(labels, dtype=np.int64).copy()
    set_idx = np.flatnonzero(out >= 0)
    n = int(round(fraction * len(set_idx)))
    if n:
        out[rng.choice(set_idx, size=n, replace=False)] = -1
    return out
