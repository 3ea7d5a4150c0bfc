"""Shared set-ups of tests that assemble or build documents: a region's Regioplan assembled
from the example data, build options for one region, and a stand-in that fails when called."""

from __future__ import annotations

from pathlib import Path

from reportgen import pipeline

ROOT = Path(__file__).resolve().parents[1]


def example_document(region: str, layout=None, registry=None, values=None, example_data: bool = False):
    """The Regioplan of `region` assembled (not rendered) from the built-in example data and
    content; layout, registry and values are the built-in ones unless given."""
    from reportgen.data.regions import REGION_NAMES
    from reportgen.indicators.registry import load_registry
    from reportgen.kinds import Subject
    from reportgen.layout.assemble import assemble_document
    from reportgen.layout.load import default_layout_path, load_layout

    layout = layout if layout is not None else load_layout(default_layout_path())
    if values is None:
        values = pipeline.compute_values(pipeline.load_data(pipeline.Options()), 2023, layout.settings.min_count)
    return assemble_document(
        layout=layout,
        registry=registry if registry is not None else load_registry(),
        values=values,
        subject=Subject(region, REGION_NAMES[region], (region,)),
        edition=2023,
        content=pipeline.read_contents(pipeline.Options(regions=(region,)), layout, values)[0][region],
        example_data=example_data,
    )


def one_region_options(out: Path, region: str, formats: tuple[str, ...] = ("pdf",), **changes) -> pipeline.Options:
    """Build options for one region of the example data, its content and one worker."""
    return pipeline.Options(
        regions=(region,),
        formats=formats,
        content_dir=ROOT / "content",
        out_dir=out,
        jobs=1,
        all_regions=False,
        **changes,
    )


def folder_options(root: Path, default_regions: tuple[str, ...], /, **changes) -> pipeline.Options:
    """Build options for `default_regions` with the content and output folders under `root` (a
    copied checkout a test may edit), PDF only and one worker, unless `changes` say otherwise."""
    fields = {
        "regions": default_regions,
        "formats": ("pdf",),
        "content_dir": root / "content",
        "out_dir": root / "out",
        "jobs": 1,
        "all_regions": False,
        **changes,
    }
    return pipeline.Options(**fields)


def refusing(name: str):
    """A function that fails the test when called: proof that a step was not taken."""

    def refused(*args, **kwargs):
        raise AssertionError(f"{name} was called")

    return refused


def without_kept_documents(monkeypatch) -> None:
    """Make every document afresh in this test: no build renders a Document kept by an earlier one
    (reportgen/cache/models.py), so what assembly does is what the test sees."""
    monkeypatch.setattr(pipeline, "_kept_models", lambda *args: {})
