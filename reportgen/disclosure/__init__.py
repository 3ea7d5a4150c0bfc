"""Disclosure control across everything an edition publishes.

The published values of all documents impose linear relations on the hidden ones (totals,
all-regions sums, shares, rates). `relations` sets those up, `intervals` computes how far a
hidden count can be pinned down by linear programming, `findings` says which hidden counts
are not protected; `published`, `gate` and `command` apply that to the files of an edition.
"""
