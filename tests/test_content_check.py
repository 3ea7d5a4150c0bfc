"""The content check on faulty content: each problem with its exact message, file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.content import load_subject_content, read_subject_content
from reportgen.content.slots import SectionSlot
from reportgen.errors import ContentError, Problem
from reportgen.model import TextStyle

STYLE = TextStyle(size=11, leading=13.5, space_after=4, indent=12)
TERUGBLIK = SectionSlot("terugblik", "Terugblik regionale projecten (bereikt)", 430, 390, STYLE, 9)
ONTWIKKELINGEN = SectionSlot("ontwikkelingen", "Ontwikkelingen", 280, 390, STYLE, 9, shared=True)
SLOTS = {"terugblik": TERUGBLIK}
VARIABLES = {"regio": "zwolle", "regio_naam": "Zwolle", "ggz_klanten": "1.234"}
FRONT = "---\nregio: zwolle\neditie: 2023\nstatus: definitief\nlaatst_beoordeeld: 2023-05-01\n---\n"
FILE = "content/2023/zwolle/terugblik.md"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each test in an empty directory, so paths in messages are relative."""
    monkeypatch.chdir(tmp_path)


def write(relative: str, text: str) -> None:
    """Write a content file under the current directory."""
    path = Path(relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def check(slots: dict[str, SectionSlot] = SLOTS, headline_ids: set[str] | None = None) -> list[str]:
    """The problems for zwolle 2023, as printed."""
    problems = read_subject_content(Path("content"), 2023, "zwolle", slots, VARIABLES, headline_ids or set())[1]
    return [str(p) for p in problems]


def test_clean_file_has_no_problems() -> None:
    """Valid front matter and a short text give no problems at all."""
    write(FILE, FRONT + "Een korte tekst over {{ regio_naam }}.\n")
    assert check() == []


def test_missing_region_folder() -> None:
    """A region without a folder gets one error naming the folder."""
    assert check() == [
        "content/2023/zwolle: no content for region 'zwolle' in edition 2023: create this folder with "
        "one .md file per section (see docs/editors.md), or start the edition from last year's"
    ]


def test_missing_section_file() -> None:
    """A required section without a file is an error naming the file to create."""
    write("content/2023/zwolle/regio.yaml", "variabelen: {}\n")
    assert check() == [
        "content/2023/zwolle/terugblik.md: section 'terugblik' ('Terugblik regionale projecten "
        "(bereikt)') has no text: create this file with front matter and text (see docs/editors.md)"
    ]


def test_missing_shared_section_names_national_file() -> None:
    """For a shared section the message also offers the national file."""
    write(FILE, FRONT + "Tekst.\n")
    assert check({"terugblik": TERUGBLIK, "ontwikkelingen": ONTWIKKELINGEN}) == [
        "content/2023/zwolle/ontwikkelingen.md: section 'ontwikkelingen' ('Ontwikkelingen') has no "
        "text: create this file (or the national content/2023/landelijk/ontwikkelingen.md) with front "
        "matter and text (see docs/editors.md)"
    ]


def test_empty_section() -> None:
    """A file with only front matter and whitespace is an error."""
    write(FILE, FRONT + "\n   \n")
    assert check() == [f"{FILE}:1: section 'terugblik' is empty: write its text below the front matter"]


def test_unknown_variable_with_suggestion() -> None:
    """An unknown variable names its line, the closest known name and all known names."""
    write(FILE, FRONT + "Eerste regel.\nIn {{ regoi }} wonen veel mensen.\n")
    assert check() == [
        f"{FILE}:8: unknown variable {{{{ regoi }}}} (did you mean {{{{ regio }}}}?); use one of: "
        "ggz_klanten, regio, regio_naam, or define it under 'variabelen:' in content/2023/zwolle/regio.yaml"
    ]


def test_unclosed_variable() -> None:
    """A '{{' without '}}' on its line is an error."""
    write(FILE, FRONT + "In {{ regio wonen veel mensen.\n")
    assert check() == [
        f"{FILE}:7: '{{{{' without a closing '}}}}' on the same line: write a variable as {{{{ naam }}}}"
    ]


def test_unknown_front_matter_key() -> None:
    """An unknown key lists the allowed keys and suggests the closest."""
    write(FILE, FRONT.replace("status: definitief\n", "status: definitief\nstaus: klaar\n") + "Tekst.\n")
    assert check() == [
        f"{FILE}:5: unknown front-matter key 'staus' (did you mean 'status'?); allowed keys: auteur, "
        "editie, laatst_beoordeeld, regio, status, voorbeeldtekst, vorige_editie"
    ]


def test_bad_front_matter_values() -> None:
    """Wrong status, edition, region and date each get an error on their own line."""
    front = "---\nregio: drenthe\neditie: 2022\nstatus: klaar\nlaatst_beoordeeld: 1-5-2023\n---\n"
    write(FILE, front + "Tekst.\n")
    assert check() == [
        f"{FILE}:2: regio 'drenthe' does not match the folder 'zwolle': set 'regio: zwolle'",
        f"{FILE}:3: editie 2022 does not match the folder 2023: set 'editie: 2023' (or move the file "
        "to the folder of edition 2022)",
        f"{FILE}:4: status 'klaar' is not allowed: use 'concept' or 'definitief'",
        f"{FILE}:5: laatst_beoordeeld '1-5-2023' is not a date in the form YYYY-MM-DD: write e.g. "
        "'laatst_beoordeeld: 2023-05-01'",
    ]


def test_impossible_date() -> None:
    """A date in the right form that does not exist is rejected too."""
    write(FILE, FRONT.replace("2023-05-01", "2023-02-30") + "Tekst.\n")
    assert check() == [
        f"{FILE}:5: laatst_beoordeeld '2023-02-30' is not a date in the form YYYY-MM-DD: write e.g. "
        "'laatst_beoordeeld: 2023-05-01'"
    ]


def test_missing_front_matter_keys() -> None:
    """Required keys that are missing are reported at the opening line."""
    write(FILE, "---\nregio: zwolle\neditie: 2023\n---\nTekst.\n")
    assert check() == [
        f"{FILE}:1: front matter lacks 'status': add a line 'status: concept' between the '---' lines",
        f"{FILE}:1: front matter lacks 'laatst_beoordeeld': add a line 'laatst_beoordeeld: YYYY-MM-DD' "
        "between the '---' lines",
    ]


def test_no_front_matter() -> None:
    """A file without front matter says how to start one."""
    write(FILE, "Alleen tekst.\n")
    assert check() == [
        f"{FILE}:1: the file has no front matter: start it with a line '---', then the lines regio, "
        "editie, status and laatst_beoordeeld, then a line '---'"
    ]


def test_yaml_syntax_error_names_the_line() -> None:
    """A YAML syntax error in the front matter points at the offending line."""
    write(FILE, "---\nregio: zwolle\neditie: 2023\nstatus: [concept\nlaatst_beoordeeld: 2023-05-01\n---\nTekst.\n")
    problems = read_subject_content(Path("content"), 2023, "zwolle", SLOTS, VARIABLES, set())[1]
    assert [(p.source, p.line) for p in problems] == [(FILE, 5)]
    assert problems[0].message.startswith("front matter is not valid YAML (")
    assert problems[0].message.endswith(
        "): check the colon after the key, and put text with a ':' or '#' between quotes"
    )


def test_unknown_headline_id() -> None:
    """A koppen entry with an unknown id lists the known ids."""
    write(FILE, FRONT + "Tekst.\n")
    write("content/2023/zwolle/regio.yaml", "koppen:\n  klanten: Meer klanten\n  wachtlijts: Korter\n")
    assert check(headline_ids={"klanten", "wachtlijst"}) == [
        "content/2023/zwolle/regio.yaml:3: unknown headline id 'wachtlijts' in koppen (did you mean "
        "'wachtlijst'?); known ids: klanten, wachtlijst"
    ]


def test_concept_status_warns() -> None:
    """A concept text gets a warning on its status line, and is no error."""
    write(FILE, FRONT.replace("definitief", "concept") + "Tekst.\n")
    problems = read_subject_content(Path("content"), 2023, "zwolle", SLOTS, VARIABLES, set())[1]
    assert problems == [
        Problem("still concept: review the text and set status: definitief", FILE, 4, severity="warning")
    ]


def test_unsupported_markdown_warns_with_file_and_line() -> None:
    """Unsupported Markdown is a warning that names the file and line."""
    write(FILE, FRONT + "Tekst.\n\n> citaat\n")
    assert check() == [f"{FILE}:9: warning: block quotes ('>') are not supported: shown as plain text; remove the '>'"]


def test_missing_glyph_and_control_characters() -> None:
    """A character the font lacks warns with its code point; control characters vanish silently."""
    write(FILE, FRONT + "Sneeuw\x07pop \u2603.\n")
    problems = read_subject_content(Path("content"), 2023, "zwolle", SLOTS, VARIABLES, set())[1]
    assert [str(p) for p in problems] == [
        f"{FILE}:7: warning: character '\u2603' (U+2603) cannot be drawn by the house font and would "
        "print as an empty box: replace it with a plain character or a word"
    ]
    content = load_subject_content(Path("content"), 2023, "zwolle", SLOTS, VARIABLES, set())
    assert content.sections[0].paragraphs[0].text == "Sneeuwpop \u2603."


def test_stray_file_in_region_folder() -> None:
    """A misspelt section file is a warning with a suggestion."""
    write(FILE, FRONT + "Tekst.\n")
    write("content/2023/zwolle/terugblk.md", FRONT + "Tekst.\n")
    assert check() == [
        "content/2023/zwolle/terugblk.md: warning: 'terugblk.md' is not read (did you mean "
        "'terugblik.md'?); files here are: regio.yaml, terugblik.md; rename or remove it"
    ]


def test_problems_sorted_by_file_then_line() -> None:
    """Problems from several files come out by file name, then line."""
    write(FILE, FRONT.replace("definitief", "concept") + "{{ x }}\n")
    write("content/2023/zwolle/regio.yaml", "variabelen:\n  ok: ja\n  'niet goed': x\n")
    problems = read_subject_content(Path("content"), 2023, "zwolle", SLOTS, VARIABLES, set())[1]
    assert [(p.source, p.line, p.severity) for p in problems] == [
        ("content/2023/zwolle/regio.yaml", 3, "error"),
        (FILE, 4, "warning"),
        (FILE, 7, "error"),
    ]


def test_load_raises_content_error_with_all_errors() -> None:
    """Loading content with errors raises ContentError listing each of them."""
    write(FILE, FRONT.replace("2023-05-01", "mei") + "{{ onbekend }}\n")
    with pytest.raises(ContentError) as caught:
        load_subject_content(Path("content"), 2023, "zwolle", SLOTS, VARIABLES, set())
    assert [(p.source, p.line) for p in caught.value.problems] == [(FILE, 5), (FILE, 7)]


def test_region_settings_errors() -> None:
    """regio.yaml: an unknown key, a bad variable name and a list value, each on its line."""
    write(FILE, FRONT + "Tekst.\n")
    write(
        "content/2023/zwolle/regio.yaml",
        "variabele: {}\nvariabelen:\n  'ggz klanten': '12'\n  datums: [1, 2]\n",
    )
    assert check() == [
        "content/2023/zwolle/regio.yaml:1: unknown key 'variabele' (did you mean 'variabelen'?); "
        "allowed keys: koppen, variabelen",
        "content/2023/zwolle/regio.yaml:3: variable name 'ggz klanten' is not allowed: use letters, digits "
        "and '_' only, starting with a letter (e.g. ggz_klanten)",
        "content/2023/zwolle/regio.yaml:4: variable 'datums' must be a single text, e.g. 'datums: tekst'",
    ]


def test_national_text_with_wrong_region() -> None:
    """A national text must not name a region other than 'landelijk'."""
    write(FILE, FRONT + "Tekst.\n")
    write("content/2023/landelijk/ontwikkelingen.md", FRONT + "Landelijk.\n")
    assert check({"terugblik": TERUGBLIK, "ontwikkelingen": ONTWIKKELINGEN}) == [
        "content/2023/landelijk/ontwikkelingen.md:2: regio 'zwolle' does not match the folder "
        "'landelijk': set 'regio: landelijk'"
    ]
