"""Headlines and KPI verdicts written in Dutch from computed values, by documented rules."""

from reportgen.headlines.verdict import Verdict

__all__ = ["Verdict"]
