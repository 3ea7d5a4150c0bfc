"""The preparation `check`, `build` and `values` share: layout (checked against its kind),
registry, data, the kind's values, the subjects and their content, with every problem found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from reportgen.data.regions import REGION_IDS
from reportgen.errors import DataError, Problem, UsageError
from reportgen.kinds import DEFAULT_KIND, get_kind
from reportgen.options import Options

if TYPE_CHECKING:  # the kinds (and with them pandas and matplotlib) load only when a document is made
    from reportgen.kinds.spec import Subject


def layout_of(options: Options):
    """The layout of the options' document kind (its built-in one unless --layout), checked."""
    from reportgen.layout.load import default_layout_path, load_layout

    return load_layout(options.layout_path or default_layout_path(options.document), options.document)


def load_data(options: Options, warnings: list[Problem] | None = None):
    """The dataset: the given folder, validated, or the built-in example data.

    Warnings about the data (e.g. ignored extra columns) are appended to `warnings`.
    """
    if options.data_dir is not None:
        from reportgen.cache.cached import cached_dataset

        return cached_dataset(options.data_dir, warnings if warnings is not None else [], options.use_cache)
    return example_dataset()


def values_of(layout, dataset, options: Options, warnings: list[Problem] | None = None):
    """The kind's values for the options' edition: from the cache when nothing they depend on changed."""
    from reportgen.cache.cached import cached_values

    found = warnings if warnings is not None else []
    return cached_values(layout, dataset, options.data_dir, options.edition, found, options.use_cache)


@cache
def example_dataset():
    """The built-in example data, made once per process (indicators never modify it)."""
    from reportgen.data.example_cache import cached_example_dataset

    return cached_example_dataset()


def example_on_demand():
    """The built-in example data, its tables read only when used (see `reportgen.data.on_demand`)."""
    from reportgen.data.example_cache import cached_example_table, example_source
    from reportgen.data.on_demand import DatasetOnDemand

    return DatasetOnDemand(example_dataset, lambda: cached_example_table("gemeenten"), example_source())


def narrowed_to_data(options: Options, dataset) -> tuple[Options, list[Problem]]:
    """The options narrowed to the regions the data has municipalities for.

    A region named on the command line without data is an error; when all regions were
    asked for by default, those without data are skipped with a warning.
    """
    present = set(dataset.gemeenten["regio"].astype(str))
    missing = [r for r in options.regions if r not in present]
    if not missing:
        return options, []
    source = dataset.source or "the data"
    covered = [r for r in REGION_IDS if r in present]
    if not options.all_regions or not covered:
        listed = ", ".join(covered) or "none"
        raise DataError(
            [
                Problem(
                    f"region {', '.join(repr(r) for r in missing)} has no municipalities in gemeenten "
                    f"of {source}; the regions in the data are: {listed}"
                )
            ]
        )
    note = Problem(f"no data for {', '.join(missing)} in {source}: these regions are skipped", severity="warning")
    return replace(options, regions=tuple(r for r in options.regions if r in present)), [note]


def compute_values(dataset, edition: int, min_count: int, document: str = DEFAULT_KIND):
    """The tidy indicator frame of a document kind for an edition, small counts suppressed."""
    kind = get_kind(document)
    if kind is None:
        raise UsageError(f"unknown document kind {document!r}")
    return kind.values(dataset, edition, min_count)


def subjects_of(layout, options: Options, dataset=None) -> tuple[Subject, ...]:
    """The documents to make: the kind's subjects for the selected regions."""
    return tuple(layout.kind.subjects(dataset, options.regions))


def read_contents(
    options: Options, layout, values, subjects: tuple[Subject, ...] | None = None
) -> tuple[dict[str, object], list[Problem]]:
    """Every subject's content, read once, and all problems found in it.

    The same reading serves the check and the assembly, so what was checked is what is printed.
    """
    contents, found = contents_by_subject(options, layout, values, subjects)
    return contents, list(dict.fromkeys(p for each in found.values() for p in each))


def contents_by_subject(
    options: Options, layout, values, subjects: tuple[Subject, ...] | None = None
) -> tuple[dict[str, object], dict[str, list[Problem]]]:
    """Every subject's content and, per subject, the problems found in it (see `read_contents`)."""
    from reportgen.content import read_subject_content
    from reportgen.kinds.spec import base_variables
    from reportgen.layout.assemble import headline_problems
    from reportgen.layout.load import section_slots
    from reportgen.values import Values

    slots = section_slots(layout)
    indexed = values if isinstance(values, Values) else Values(values)  # one index for every subject
    contents: dict[str, object] = {}
    problems: dict[str, list[Problem]] = {}
    for subject in subjects if subjects is not None else subjects_of(layout, options):
        variables = {
            **base_variables(subject, options.edition),
            **layout.kind.variables(indexed, subject, options.edition),
        }
        content, found = read_subject_content(
            options.content_dir,
            options.edition,
            subject.id,
            slots,
            variables,
            layout.kind.headline_ids,
            layout.kind.content_folder,
        )
        contents[subject.id] = content
        found = [*found, *headline_problems(layout, indexed, subject, content, options.edition)]
        problems[subject.id] = list(dict.fromkeys(found))
    return contents, problems  # national files are read per subject: one problem may be each subject's


@dataclass
class Prepared:
    """What check and build share: the layout, registry, values, subjects, their content and problems."""

    options: Options
    layout: object
    registry: dict
    values: object
    subjects: tuple[Subject, ...]
    contents: dict[str, object]
    problems: list[Problem]
    gemeenten: object = None  # the data's municipalities: which areas make up which region
    dataset: object = None  # the data, for what the edition's other document kinds print
    own_problems: dict | None = None  # per subject id: the problems of its own content (also in `problems`)

    def refuse_disclosing(self) -> None:
        """Stop with a DisclosureError when what the edition's documents, of this kind and of the
        edition's other kinds, may print together lets a hidden count be worked out."""
        from reportgen.disclosure.edition import edition_publication
        from reportgen.disclosure.gate import refuse_disclosing

        o, min_count = self.options, self.layout.settings.min_count
        published = edition_publication(
            self.layout.kind, self.values, self.dataset, o.data_dir, o.edition, min_count, o.use_cache
        )
        refuse_disclosing(published, min_count, self.gemeenten, o.use_cache)

    def jobs(self, kept_as: dict[str, str] | None = None):
        """One job per subject, for assembly (and rendering) alone; a subject in `kept_as`
        has its Document kept under that key, with the problems that concern it."""
        from reportgen.jobs import DocumentJob, source_date

        created = source_date()
        o = self.options
        own = self.own_problems or {}
        subjects = {s.id for s in self.subjects}
        shared = tuple(p for p in self.problems if not any(p in own.get(s, ()) for s in subjects))
        kept_as = kept_as or {}
        return [
            DocumentJob(
                layout=self.layout,
                registry=self.registry,
                values=self.values,
                content=self.contents[s.id],
                subject=s,
                edition=o.edition,
                formats=o.formats,
                target=o.out_dir / str(o.edition),
                draft=o.draft,
                example_data=o.data_dir is None,
                created=created,
                use_cache=o.use_cache,
                kept_as=kept_as.get(s.id),
                problems=tuple(dict.fromkeys((*shared, *own.get(s.id, ())))),
            )
            for s in self.subjects
        ]


def prepare(options: Options, report: Callable[[str], None] = lambda step: None) -> Prepared:
    """Layout (checked against its kind), registry, data, values and content, with every problem found."""
    from reportgen.indicators.registry import load_registry

    layout = layout_of(options)
    registry = load_registry()
    report("loading data")
    warnings: list[Problem] = []
    dataset = load_data(options, warnings) if options.data_dir is not None else example_on_demand()
    options, skipped = narrowed_to_data(options, dataset)
    report("computing indicators")
    values = values_of(layout, dataset, options, warnings)
    report("checking content")
    subjects = subjects_of(layout, options, dataset)
    contents, own = contents_by_subject(options, layout, values, subjects)
    found = list(dict.fromkeys(p for each in own.values() for p in each))
    problems = warnings + skipped + found
    return Prepared(options, layout, registry, values, subjects, contents, problems, dataset.gemeenten, dataset, own)
