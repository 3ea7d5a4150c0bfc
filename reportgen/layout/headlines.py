"""A subject's headlines: computed by its kind's rules, with an editor's overrides, and
warnings where an override contradicts the data."""

from __future__ import annotations

from reportgen.content import RegionContent
from reportgen.errors import Problem
from reportgen.headlines.overrides import contradiction
from reportgen.headlines.rules import Verdict
from reportgen.kinds.spec import HeadlineRequest, Subject
from reportgen.layout.spec import Layout
from reportgen.values import Values


def headlines_with_overrides(computed: dict[str, Verdict], content: RegionContent) -> dict[str, Verdict]:
    """Computed headlines, with an editor's override text where one is given."""
    result = dict(computed)
    for override in content.headlines:
        if override.id in result:
            result[override.id] = Verdict(override.text, result[override.id].direction)
    return result


def subject_headlines(layout: Layout, values: Values, subject: Subject, edition: int) -> dict[str, Verdict]:
    """The kind's headlines for one subject, by its rules and the thresholds of settings.yaml."""
    return layout.kind.headlines(HeadlineRequest(values, subject, edition, layout.settings.thresholds))


def headline_problems(
    layout: Layout, values: Values, subject: Subject, content: RegionContent, edition: int
) -> list[Problem]:
    """Warnings for headline overrides that contradict the data."""
    if not content.headlines:
        return []
    computed = subject_headlines(layout, values, subject, edition)
    problems = []
    for override in content.headlines:
        if override.id not in computed:
            continue
        why = contradiction(override.text, computed[override.id])
        if why:
            problems.append(
                Problem(
                    f"headline '{override.id}' contradicts the data: {why}; correct the text or remove the override",
                    source=override.source,
                    line=override.line,
                    severity="warning",
                )
            )
    return problems
