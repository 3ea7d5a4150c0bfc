"""Disclosure control across everything an edition publishes.

The published values of all documents impose linear relations on the hidden ones (totals,
municipality, region and all-regions sums, shares, rates). `relations` sets those up,
`intervals` reduces them to the unknowns in independent groups, `protection` decides by
linear programming whether a hidden count can be pinned down to less than the threshold,
`findings` lists those that can; `published`, `gate` and `command` apply that to the files
of an edition.
"""
