"""Validation against the data contract: every message exactly as the user reads it."""

from __future__ import annotations

from pathlib import Path

from data_helpers import messages

from reportgen.data.contract_examples import EXAMPLE_ROWS, example_raw
from reportgen.data.schema import TABLES
from reportgen.data.validate import validated_tables

DECL_HEADER = "klant_id,maand,agb_code,postcode,prestatiecode,leveringsvorm,bedrag\n"
DECL_OK = "K0000001,2023-01,01234567,8011AB,Z310,intramuraal,6012.48\n"


def put(directory: Path, name: str, text: str) -> None:
    """Replace one file of the data set with `text` (UTF-8)."""
    (directory / name).write_text(text, encoding="utf-8")


def test_missing_columns_named_with_found_columns(data_dir: Path) -> None:
    """One problem names every missing column and the columns that were found."""
    put(data_dir, "declaraties.csv", "klant_id,maand,bedrag,opmerking\nK0000001,2023-01,12.00,x\n")
    assert messages(data_dir) == [
        "declaraties.csv:1: missing columns agb_code, postcode, prestatiecode, leveringsvorm "
        "(found: klant_id, maand, bedrag, opmerking)"
    ]


def test_wrong_separator_hint(data_dir: Path) -> None:
    """A header read as a single column hints at the separator."""
    put(data_dir, "aanbieders.csv", "agb_code\tnaam\tcontractsegment\n01234567\tZorg\tGGZ\n")
    assert messages(data_dir) == [
        "aanbieders.csv:1: missing columns agb_code, naam, contractsegment "
        "(found: agb_code\tnaam\tcontractsegment) (is the separator ',' or ';'?)"
    ]


def test_wrong_type_in_int_column(data_dir: Path) -> None:
    """A year that is not a whole number."""
    put(data_dir, "klanten.csv", "klant_id,geboortejaar,gemeentecode\nK0000001,1961,0193\nK0000002,19x5,0402\n")
    assert messages(data_dir) == ["klanten.csv:3: column 'geboortejaar': '19x5' is not a whole number"]


def test_unparseable_dates(data_dir: Path) -> None:
    """A date in the wrong form, one that does not exist, and one past the supported years."""
    put(
        data_dir,
        "indicaties.csv",
        "indicatie_id,klant_id,zorgprofiel,sector,geldig_van,geldig_tot\n"
        "I00000001,K0000001,GGZ-W3,GGZ,15-03-2021,\n"
        "I00000002,K0000002,GGZ-B4,GGZ,2022-02-29,9999-12-31\n",
    )
    assert messages(data_dir) == [
        "indicaties.csv:2: column 'geldig_van': '15-03-2021' is not a date (expected YYYY-MM-DD)",
        "indicaties.csv:3: column 'geldig_van': '2022-02-29' is not an existing date",
        "indicaties.csv:3: column 'geldig_tot': '9999-12-31' is outside the years 1678-2261; "
        "leave the cell empty for no end date",
    ]


def test_month_out_of_range(data_dir: Path) -> None:
    """Month 13 is not a month."""
    put(data_dir, "declaraties.csv", DECL_HEADER + DECL_OK.replace("2023-01", "2023-13"))
    assert messages(data_dir) == ["declaraties.csv:2: column 'maand': '2023-13' is not a month (expected YYYY-MM)"]


def test_indication_ending_before_it_starts(data_dir: Path) -> None:
    """geldig_tot before geldig_van names both dates."""
    put(
        data_dir,
        "indicaties.csv",
        "indicatie_id,klant_id,zorgprofiel,sector,geldig_van,geldig_tot\nI00000001,K0000001,GGZ-W3,GGZ,2021-03-15,2021-03-14\n",
    )
    assert messages(data_dir) == [
        "indicaties.csv:2: column 'geldig_tot': '2021-03-14' is before geldig_van '2021-03-15'"
    ]


def test_unknown_municipality(data_dir: Path) -> None:
    """A client living in a municipality that gemeenten does not list."""
    put(data_dir, "klanten.csv", "klant_id,geboortejaar,gemeentecode\nK0000001,1961,0193\nK0000002,1975,9999\n")
    assert messages(data_dir) == [
        "klanten.csv:3: column 'gemeentecode': unknown municipality '9999' (not in gemeenten.csv)"
    ]


def test_unknown_client_and_provider(data_dir: Path) -> None:
    """Claims of an unknown client and at an unknown provider name the file they are missing from."""
    put(data_dir, "declaraties.csv", DECL_HEADER + "K0000009,2023-01,07654321,8011AB,Z310,intramuraal,1.00\n")
    assert messages(data_dir) == [
        "declaraties.csv:2: column 'klant_id': unknown client 'K0000009' (not in klanten.csv)",
        "declaraties.csv:2: column 'agb_code': unknown provider '07654321' (not in aanbieders.csv)",
    ]


def test_unknown_region(data_dir: Path) -> None:
    """A region id that is not one of the eleven."""
    put(
        data_dir,
        "gemeenten.csv",
        "gemeentecode,gemeente,regio,regio_naam\n0193,Zwolle,zwolle,Zwolle\n0402,Hilversum,gooi,Gooi\n",
    )
    assert messages(data_dir) == [
        "gemeenten.csv:3: column 'regio': unknown region 'gooi' (expected one of amsterdam, apeldoorn-zutphen, "
        "drenthe, flevoland, friesland, t-gooi, kennemerland, rotterdam, utrecht, zaanstreek-waterland, zwolle)"
    ]


def test_duplicate_key_names_both_lines(data_dir: Path) -> None:
    """The second and third copy of a key both point at the first."""
    put(
        data_dir,
        "klanten.csv",
        "klant_id,geboortejaar,gemeentecode\nK0000001,1961,0193\nK0000002,1975,0402\nK0000001,1962,0193\nK0000001,1963,0193\n",
    )
    assert messages(data_dir) == [
        "klanten.csv:4: duplicate key (klant_id=K0000001) also on line 2",
        "klanten.csv:5: duplicate key (klant_id=K0000001) also on line 2",
    ]


def test_duplicate_composite_key(data_dir: Path) -> None:
    """A composite key is shown column by column, an empty AGB code as empty."""
    pgb = "K0000002,2023-01,,,Z900,PGB,850.00\n"
    put(data_dir, "declaraties.csv", DECL_HEADER + pgb + DECL_OK + pgb)
    assert messages(data_dir) == [
        "declaraties.csv:4: duplicate key (klant_id=K0000002, maand=2023-01, agb_code=, prestatiecode=Z900) "
        "also on line 2"
    ]


def test_negative_amount(data_dir: Path) -> None:
    """Amounts may not be below their minimum of 0."""
    put(data_dir, "declaraties.csv", DECL_HEADER + DECL_OK.replace("6012.48", "-12.50"))
    assert messages(data_dir) == ["declaraties.csv:2: column 'bedrag': '-12.50' is negative (expected 0 or more)"]


def test_amount_with_decimal_point_in_semicolon_file(data_dir: Path) -> None:
    """In a ';' file a '.' only separates thousands, so '12.50' is refused, not misread."""
    put(data_dir, "declaraties.csv", (DECL_HEADER + DECL_OK.replace("6012.48", "12.50")).replace(",", ";"))
    assert messages(data_dir) == [
        "declaraties.csv:2: column 'bedrag': '12.50' is not an amount "
        "(expected a number with a decimal comma, e.g. 1234,56 or 1.234,56)"
    ]


def test_below_minimum_year(data_dir: Path) -> None:
    """A minimum other than zero is named."""
    put(data_dir, "klanten.csv", "klant_id,geboortejaar,gemeentecode\nK0000001,1850,0193\nK0000002,1975,0402\n")
    assert messages(data_dir) == [
        "klanten.csv:2: column 'geboortejaar': '1850' is below the minimum (expected 1900 or more)"
    ]


def test_pattern_enum_and_required(data_dir: Path) -> None:
    """A malformed code, a value outside the enum and an empty required cell."""
    put(
        data_dir,
        "wachtlijst.csv",
        "peilmaand,klant_id,zorgprofiel,status,wachtweken\n2023-02,K0000002,GGZ-W9,wachtend,\n",
    )
    assert messages(data_dir) == [
        "wachtlijst.csv:2: column 'zorgprofiel': 'GGZ-W9' does not match the pattern "
        "^(GGZ-W[1-5]|GGZ-B[3-7]|VG[1-8]|LVG[1-5]|SGLVG|LG[1-7]|ZGaud[1-4]|ZGvis[1-5]|VV[1-9]|VV10)$",
        "wachtlijst.csv:2: column 'status': 'wachtend' is not one of the allowed values: "
        "urgent, actief, wacht op voorkeur, niet-actief",
        "wachtlijst.csv:2: column 'wachtweken': is empty (a value is required)",
    ]


def test_provider_and_postcode_required_unless_pgb(data_dir: Path) -> None:
    """Only a PGB claim may leave agb_code and postcode empty."""
    put(
        data_dir,
        "declaraties.csv",
        DECL_HEADER + "K0000001,2023-01,,,Z310,MPT,10.00\nK0000002,2023-01,,,Z900,PGB,5.00\n",
    )
    assert messages(data_dir) == [
        "declaraties.csv:2: column 'agb_code': is empty (required unless leveringsvorm is PGB; here 'MPT')",
        "declaraties.csv:2: column 'postcode': is empty (required unless leveringsvorm is PGB; here 'MPT')",
    ]


def test_empty_file(data_dir: Path) -> None:
    """A file without a header names the header it should have."""
    put(data_dir, "aanbieders.csv", "")
    assert messages(data_dir) == [
        "aanbieders.csv: file is empty (expected a header row with columns agb_code, naam, contractsegment)"
    ]


def test_header_without_rows(data_dir: Path) -> None:
    """A header without records is refused too."""
    put(data_dir, "wachtlijst.csv", "peilmaand,klant_id,zorgprofiel,status,wachtweken\n\n")
    assert messages(data_dir) == [
        "wachtlijst.csv:1: file has a header but no data rows (expected at least one row below the header)"
    ]


def test_wrong_encoding_names_line_and_offset(data_dir: Path) -> None:
    """A byte that is neither UTF-8 nor Windows-1252 is located by line and offset (39 + 26 + 9)."""
    (data_dir / "gemeenten.csv").write_bytes(
        b"gemeentecode,gemeente,regio,regio_naam\n0193,Zwolle,zwolle,Zwolle\n0402,Hilv\x81rsum,t-gooi,'t Gooi\n"
    )
    assert messages(data_dir) == [
        "gemeenten.csv:3: cannot read the file as text: byte 0x81 at offset 74 is neither UTF-8 nor Windows-1252; "
        "save the file as UTF-8 (in Excel: 'CSV UTF-8')"
    ]


def test_mixed_encoding_is_refused(data_dir: Path) -> None:
    """UTF-8 text with one Windows-1252 byte would garble names if read as 1252 (offset 30 + 24 + 12)."""
    (data_dir / "aanbieders.csv").write_bytes(
        "agb_code,naam,contractsegment\n01234567,Zorg Één,GGZ\n01234568,Caf\xe9,GGZ\n".encode().replace(
            b"Caf\xc3\xa9", b"Caf\xe9"
        )
    )
    assert messages(data_dir) == [
        "aanbieders.csv:3: cannot read the file as text: byte 0xe9 at offset 66 is not valid UTF-8, "
        "although the rest of the file is UTF-8; save the file as UTF-8 (in Excel: 'CSV UTF-8')"
    ]


def test_utf16_file_is_refused(data_dir: Path) -> None:
    """A UTF-16 export is recognised by its NUL bytes."""
    (data_dir / "klanten.csv").write_bytes("klant_id\n".encode("utf-16-le"))
    assert messages(data_dir) == [
        "klanten.csv:1: cannot read the file as text: byte 0x00 at offset 1 is a NUL byte "
        "(is this a UTF-16 or binary file?); save the file as UTF-8 (in Excel: 'CSV UTF-8')"
    ]


def test_row_with_wrong_number_of_fields(data_dir: Path) -> None:
    """A row with a field too many is skipped and reported; later lines keep their numbers."""
    put(
        data_dir,
        "bevolking.csv",
        "gemeentecode,jaar,leeftijdsgroep,inwoners\n0193,2023,18-64,82175,extra\n\n0402,2023,18-64,5x\n",
    )
    assert messages(data_dir) == [
        "bevolking.csv:2: has 5 fields, expected 4 (separator ',')",
        "bevolking.csv:4: column 'inwoners': '5x' is not a whole number",
    ]


def test_line_numbers_count_blank_lines(data_dir: Path) -> None:
    """Blank lines are skipped but still counted, with LF and CRLF line ends."""
    put(
        data_dir,
        "klanten.csv",
        "klant_id,geboortejaar,gemeentecode\r\n\r\nK0000001,1961,0193\n\n\nK0000002,19x5,0402\n\n",
    )
    assert messages(data_dir) == ["klanten.csv:6: column 'geboortejaar': '19x5' is not a whole number"]


def test_line_numbers_count_quoted_line_breaks(data_dir: Path) -> None:
    """A record after a cell with a line break is reported on its physical line."""
    put(data_dir, "aanbieders.csv", 'agb_code,naam,contractsegment\n01234567,"Zorg\nen Wonen",GGZ\n01234568,Zorg,XX\n')
    assert messages(data_dir) == [
        "aanbieders.csv:4: column 'contractsegment': 'XX' is not one of the allowed values: GGZ, GZ, VV"
    ]


def test_several_problems_in_several_files_all_reported(data_dir: Path) -> None:
    """Every problem of every file, in table order, then line order, then column order.

    References into klanten.klant_id are not checked while it has a bad cell ('K12' may
    be the 'K0000002' the other tables name), so no follow-on errors bury the cause."""
    put(data_dir, "klanten.csv", "klant_id,geboortejaar,gemeentecode\nK0000001,x,0193\nK12,1975,9999\n")
    put(data_dir, "declaraties.csv", DECL_HEADER + "K0000001,2023-1,01234567,8011 AB,Z310,intramuraal,abc\n")
    assert messages(data_dir) == [
        "klanten.csv:2: column 'geboortejaar': 'x' is not a whole number",
        "klanten.csv:3: column 'klant_id': 'K12' does not match the pattern ^K\\d{7}$",
        "klanten.csv:3: column 'gemeentecode': unknown municipality '9999' (not in gemeenten.csv)",
        "declaraties.csv:2: column 'maand': '2023-1' is not a month (expected YYYY-MM)",
        "declaraties.csv:2: column 'postcode': '8011 AB' does not match the pattern ^\\d{4}[A-Z]{2}$",
        "declaraties.csv:2: column 'bedrag': 'abc' is not an amount "
        "(expected a number with a decimal point, e.g. 1234.56)",
    ]


def test_problems_are_capped_per_file(data_dir: Path) -> None:
    """After 50 problems in one file the rest is counted, not listed."""
    rows = "".join(f"K{i:07d},2023-13,01234567,8011AB,Z310,intramuraal,1.00\n" for i in range(1, 61))
    put(
        data_dir,
        "klanten.csv",
        "klant_id,geboortejaar,gemeentecode\n" + "".join(f"K{i:07d},1970,0193\n" for i in range(1, 61)),
    )
    put(data_dir, "declaraties.csv", DECL_HEADER + rows)
    found = messages(data_dir)
    assert len(found) == 51
    assert found[0] == "declaraties.csv:2: column 'maand': '2023-13' is not a month (expected YYYY-MM)"
    assert found[49] == "declaraties.csv:51: column 'maand': '2023-13' is not a month (expected YYYY-MM)"
    assert found[50] == "declaraties.csv: ... and 10 more problems"


def test_example_rows_pass_every_check() -> None:
    """The documented example row of each table is valid, so the contract doc shows real values."""
    validated = validated_tables({t.name: example_raw(t.name) for t in TABLES})
    assert validated.problems == {t.name: [] for t in TABLES}
    assert validated.frames["declaraties"]["bedrag"].tolist() == [float(EXAMPLE_ROWS["declaraties"]["bedrag"])]
