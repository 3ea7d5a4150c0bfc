"""What every headline rule returns: the sentence, its direction and the values it prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.model import Ref


@dataclass(frozen=True)
class Verdict:
    """A headline or verdict: the sentence, which way the data point, and `basis`: the
    rule that chose the sentence with the (shown) numbers behind it, for the speaker notes."""

    text: str
    direction: str  # hoger | lager | gelijk | gestegen | gedaald | onbekend | n.v.t.
    basis: str = field(default="", compare=False)
    refs: tuple[Ref, ...] = field(default=(), compare=False)
    """The values the sentence prints, so the audit file lists them (an editor's text has none)."""
