"""A subject's headlines: computed by its kind's rules, with an editor's overrides, and
warnings where an override contradicts the data."""

from __future__ import annotations

from reportgen.content import SubjectContent
from reportgen.errors import Problem
from reportgen.headlines.overrides import contradiction
from reportgen.headlines.rules import Verdict
from reportgen.kinds.spec import HeadlineRequest, Subject
from reportgen.layout.spec import Layout
from reportgen.values import Values


def headlines_with_overrides(computed: dict[str, Verdict], content: SubjectContent) -> dict[str, Verdict]:
    """Computed headlines, with an editor's override text where one is given."""
    result = dict(computed)
    for override in content.headlines:
        if override.id in result:
            rule = result[override.id]
            basis = f"Tekst van de redactie (regio.yaml); de regel gaf: '{rule.text}'. {rule.basis}".strip()
            result[override.id] = Verdict(override.text, rule.direction, basis)
    return result


def page_notes(page_title: str, headline_ids: list[str], headlines: dict[str, Verdict]) -> str:
    """The speaker notes of a page: per headline on it the rule that wrote it and the
    numbers behind it; a page without computed headlines says where its text comes from."""
    if not headline_ids:
        return f"{page_title}. Op deze pagina staat geen kop die uit de cijfers is afgeleid."
    parts = [f"{page_title}. Koppen op deze pagina, met de regel en de cijfers erachter:"]
    for hid in headline_ids:
        verdict = headlines[hid]
        parts.append(f"- {verdict.text}. {verdict.basis}".rstrip())
    return "\n".join(parts)


def subject_headlines(layout: Layout, values: Values, subject: Subject, edition: int) -> dict[str, Verdict]:
    """The kind's headlines for one subject, by its rules and the thresholds of settings.yaml."""
    return layout.kind.headlines(HeadlineRequest(values, subject, edition, layout.settings.thresholds))


def headline_problems(
    layout: Layout, values: Values, subject: Subject, content: SubjectContent, edition: int
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
