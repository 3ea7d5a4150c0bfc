"""The example data's GZ adjustments: homes of GZ clients stay off the location register."""

from __future__ import annotations

import numpy as np

from reportgen.data.synth.gz_careers import homes_off_the_register
from reportgen.data.synth.ids import PC6_PER_PC4


def test_a_gz_home_on_the_register_moves_to_the_next_free_letter_pair() -> None:
    """Register: pairs 0 and 1 of area 1211. A GZ client at pair 0 skips pair 1 (also on the
    register) and lands on pair 2; a GGZ client at pair 0 and a GZ client elsewhere stay; a GZ
    client on the last pair of area 1400 wraps to pair 0 of the same area."""
    area, last = 1211 * PC6_PER_PC4, 1400 * PC6_PER_PC4 + PC6_PER_PC4 - 1
    register = np.array([area, area + 1, last])
    home = np.array([area, area, area + 5, last])
    gz = np.array([True, False, True, True])
    moved = homes_off_the_register(home, gz, register)
    assert moved.tolist() == [area + 2, area, area + 5, 1400 * PC6_PER_PC4]
