"""Maps: names without collisions on every region's map, suppressed municipalities never
in a class colour, labels, alt texts and vector, deterministic output."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from reportgen.charts import municipality_map, zorgkantoor_map
from reportgen.charts.choropleth import NOT_SHOWN_LABEL, class_colors, municipality_fills
from reportgen.charts.mapclasses import classified
from reportgen.charts.mapdraw import map_plot, union_bounds
from reportgen.charts.maplabels import collisions, inside_area, placed_names
from reportgen.charts.mapnames import View, area_names, name_request
from reportgen.charts.maptext import abbreviated, two_lines
from reportgen.charts.style import PALETTE
from reportgen.geo import ZORGKANTOOR_REGIONS, boundaries

GOOI = {
    "GM0034": 4, "GM0376": 0, "GM0402": 1, "GM0406": 2,
    "GM0417": 3, "GM0317": 1, "GM1942": None, "GM1696": 4,
}  # fmt: skip
"""Classes for the 't Gooi municipalities: Almere, Blaricum, Hilversum, Huizen, Laren,
Eemnes, Gooise Meren (suppressed), Wijdemeren."""
CLASSES = ["1 (laag)", "2", "3", "4", "5 (hoog)"]


def _gooi_codes() -> set[str]:
    return {m.code for m in boundaries().members("t-gooi")}


@pytest.fixture(scope="module")
def gooi_map():
    return municipality_map(
        "t-gooi", CLASSES, GOOI, width_pt=440, height_pt=400, title="SES per gemeente", locations=[(140000, 470000)]
    )


def test_fixture_covers_the_region():
    assert set(GOOI) == _gooi_codes()


@pytest.mark.parametrize("size", [(440, 400), (300, 300), (220, 250)])
@pytest.mark.parametrize("region", sorted(ZORGKANTOOR_REGIONS))
def test_names_never_collide(region, size):
    """On every region's map, at a half-slide frame and smaller, no two names overlap,
    all stay within the map, and each stands inside its municipality or has a leader."""
    width, height = size
    fig = Figure(figsize=(width / 72, height / 72), dpi=72)
    members = boundaries().members(region)
    plot = map_plot(fig, (4, 2, width - 8, height - 30), union_bounds(members))
    frame = (plot.left, plot.bottom, plot.left + plot.width, plot.bottom + plot.height)
    requests = [name_request(m.code, m.name, m, plot) for m in members]
    names = placed_names(requests, frame)
    assert collisions(names) == 0
    for request, name in zip(requests, names, strict=True):
        assert frame[0] <= name.box[0] and name.box[2] <= frame[2]
        assert frame[1] <= name.box[1] and name.box[3] <= frame[3]
        assert name.leader_from is not None or inside_area(name.box, request), request.name


def test_map_labels_and_alt_text(gooi_map):
    """Legend texts (with 'Niet getoond' and the dots), then the names in code order."""
    assert gooi_map.labels == (
        *CLASSES, NOT_SHOWN_LABEL, "Locatie",
        "Almere", "Eemnes", "Blaricum", "Hilversum", "Huizen", "Laren", "Wijdemeren", "Gooise Meren",
    )  # fmt: skip
    assert gooi_map.alt_text == (
        "SES per gemeente. Kaart van de 8 gemeenten van regio 't Gooi, ingedeeld in 5 klassen. "
        "1 (laag): Blaricum. 2: Eemnes en Hilversum. 3: Huizen. 4: Laren. 5 (hoog): Almere en Wijdemeren. "
        "Niet getoond: Gooise Meren. Locatie: 1 als stip op de kaart."
    )


def test_no_suppressed_no_hatch_entry():
    """Without suppressed values the legend has no 'Niet getoond' entry."""
    classes = {code: 0 for code in GOOI}
    chart = municipality_map("t-gooi", ["Alle"], classes, width_pt=200, height_pt=200)
    assert NOT_SHOWN_LABEL not in chart.labels
    assert chart.labels[0] == "Alle"


def test_fills_never_give_suppressed_a_class_colour():
    """A suppressed municipality gets no colour of any class."""
    colors = class_colors(5)
    fills = municipality_fills(boundaries().members("t-gooi"), GOOI, colors)
    assert fills["GM1942"] is None
    assert fills["GM0034"] == colors[4]
    assert all(fills[c] is None for c, k in GOOI.items() if k is None)


def _pixels_of(png: bytes, color: str) -> int:
    """How many opaque pixels of the PNG have this colour (within the few units the
    palette PNG may shift a colour)."""
    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)
    target = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])
    near = (np.abs(rgba[..., :3] - target) <= 3).all(axis=2)
    return int((near & (rgba[..., 3] >= 250)).sum())


def test_suppressed_municipalities_show_no_class_colour():
    """With every value suppressed, the class colours appear only in the legend swatch
    (7 pt at 200 dpi is about 19 x 19 pixels); with values, the map is full of them."""
    colors = ["#FF00FF", "#00FF00"]
    hidden = {code: None for code in GOOI}
    chart = municipality_map("t-gooi", ["laag", "hoog"], hidden, width_pt=300, height_pt=300, colors=colors)
    swatch = 20 * 20
    assert _pixels_of(chart.png, "#FF00FF") <= swatch
    assert _pixels_of(chart.png, "#00FF00") <= swatch
    shown = municipality_map(
        "t-gooi", ["laag", "hoog"], dict.fromkeys(GOOI, 0), width_pt=300, height_pt=300, colors=colors
    )
    assert _pixels_of(shown.png, "#FF00FF") > 20 * swatch


def test_map_input_errors():
    """A missing municipality, one outside the region or a bad class index is refused."""
    partial = dict(GOOI)
    del partial["GM0034"]
    with pytest.raises(ValueError, match="no class for GM0034"):
        municipality_map("t-gooi", CLASSES, partial, width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="GM0363 not in the region"):
        municipality_map("t-gooi", CLASSES, {**GOOI, "GM0363": 1}, width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match="class 7 of GM0034"):
        municipality_map("t-gooi", CLASSES, {**GOOI, "GM0034": 7}, width_pt=200, height_pt=200)
    with pytest.raises(ValueError, match=r"location 2 \(52.2, 5.2\) is not an RD New point"):
        municipality_map(
            "t-gooi", CLASSES, GOOI, width_pt=200, height_pt=200, locations=[(140000, 470000), (52.2, 5.2)]
        )


def test_class_colours_run_light_to_dark():
    """The classes take the house blues from ice to navy."""
    assert class_colors(4) == ["#" + PALETTE[c] for c in ("ice", "sky", "blue", "navy")]
    assert len(set(class_colors(7))) == 7
    with pytest.raises(ValueError):
        class_colors(0)


def test_name_helpers():
    """Long names break near the middle; the last resort shortens later words."""
    assert two_lines("Gooise Meren") == "Gooise\nMeren"
    assert two_lines("Noardeast-Fryslân") == "Noardeast-\nFryslân"
    assert two_lines("Almere") == "Almere"
    assert abbreviated("Utrechtse Heuvelrug") == "Utrechtse H."
    assert abbreviated("Schiermonnikoog") == "Schie."


def test_national_map():
    """The eleven regions coloured and named, the current one marked, in the alt text too."""
    chart = zorgkantoor_map(
        list(ZORGKANTOOR_REGIONS), width_pt=300, height_pt=380, current="t-gooi", names={"t-gooi": "'t Gooi/Almere"}
    )
    assert chart.labels[:2] == ("Regio's van het zorgkantoor", "Deze regio")
    assert sorted(chart.labels[2:]) == sorted(
        ["Amsterdam", "Apeldoorn/Zutphen", "Drenthe", "Flevoland", "Friesland", "'t Gooi/Almere", "Kennemerland",
         "Rotterdam", "Utrecht", "Zaanstreek/Waterland", "Zwolle"]
    )  # fmt: skip
    assert "de 31 zorgkantoorregio's; 11 regio's zijn gekleurd" in chart.alt_text
    assert chart.alt_text.endswith("'t Gooi/Almere is extra gemarkeerd.")
    with pytest.raises(ValueError, match="not highlighted"):
        zorgkantoor_map(["utrecht"], width_pt=200, height_pt=200, current="t-gooi")


def test_map_pdf_is_vector_and_deterministic(gooi_map):
    """No raster image in the PDF (hatching is a vector pattern), names stay text, and
    drawing again gives the same bytes."""
    assert b"/Subtype /Image" not in gooi_map.pdf
    assert b"/FontFile2" in gooi_map.pdf
    again = municipality_map(
        "t-gooi", CLASSES, GOOI, width_pt=440, height_pt=400, title="SES per gemeente", locations=[(140000, 470000)]
    )
    assert again.pdf == gooi_map.pdf
    assert again.png == gooi_map.png


def test_map_png_is_a_small_palette_image(gooi_map):
    """The map's PNG is an 8-bit palette image of the frame at 200 dpi, well under
    100 kB (a full-colour PNG of the same map is about 180 kB)."""
    image = Image.open(io.BytesIO(gooi_map.png))
    assert image.mode == "P"
    assert image.size == (int(440 * 200 / 72), int(400 * 200 / 72))
    assert len(gooi_map.png) < 100_000


def test_classified_values():
    """Values cut at the bounds: a value on a bound starts the next class; None stays None."""
    labels, classes = classified({"a": -0.02, "b": 0.0, "c": 0.049, "d": 0.12, "e": None}, [0.0, 0.05, 0.10])
    assert labels == ["< 0%", "0% tot 5%", "5% tot 10%", "10% of meer"]
    assert classes == {"a": 0, "b": 1, "c": 1, "d": 3, "e": None}
    with pytest.raises(ValueError, match="rising"):
        classified({}, [0.1, 0.0])


@pytest.mark.parametrize("size", [(440, 400), (300, 380), (200, 260)])
def test_national_map_names_never_collide(size):
    """The eleven region names on the national map overlap nothing at any of these sizes."""
    width, height = size
    data = boundaries()
    fig = Figure(figsize=(width / 72, height / 72), dpi=72)
    plot = map_plot(fig, (4, 2, width - 8, height - 20), union_bounds(list(data.regions.values())))
    areas = tuple((c, data.regions[c].name, data.regions[c]) for c in ZORGKANTOOR_REGIONS.values())
    names = area_names(areas, View.of(plot))
    assert len(names) == 11
    assert collisions(names) == 0


def test_a_name_over_location_dots_stands_on_a_light_box():
    """A name inside its filled area is drawn without a box, unless a dot lies under it."""
    from matplotlib.collections import PatchCollection

    from reportgen.charts.maplabels import PlacedName
    from reportgen.charts.mapnames import draw_names

    name = PlacedName("GM0034", "Almere", 9.0, (100.0, 100.0), (80.0, 95.0, 120.0, 105.0), None)

    def boxes(dots) -> int:
        fig = Figure(figsize=(3, 3), dpi=72)
        draw_names(fig, [name], {"GM0034": "#003A5D"}, dots)
        return sum(isinstance(a, PatchCollection) for a in fig.artists)

    assert boxes(()) == 0
    assert boxes([(10.0, 10.0, 14.0, 14.0)]) == 0  # a dot elsewhere
    assert boxes([(118.0, 98.0, 122.0, 102.0)]) == 1  # a dot under the name's end
