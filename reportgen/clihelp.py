"""Help texts of the command line, kept apart so `cli.py` stays about arguments and exit codes."""

EPILOG_BUILD = """examples:
  reportgen build                              Regioplan GGZ: 11 regions, PPTX and PDF, example data
  reportgen build --document all               every document kind (Regioplan GGZ, Regioanalyse GZ)
  reportgen build --document regioanalyse-gz   the Regioanalyse GZ of the 11 regions
  reportgen build --region zwolle --format pdf one region, PDF only
  reportgen build --data exports/2023 --out /tmp/decks
  reportgen build --draft                      build despite content errors, marked CONCEPT

Output: <out>/<edition>/regioplan-ggz-<edition>-<edition+1>-<region>.pptx and .pdf (the
Regioanalyse: regioanalyse-gz-<edition>-<region>.*), each with ...-audit.csv listing every
value the document prints. A region's files are replaced
only when the whole region built; a failure leaves its earlier files as they were.
The example data is cached in $XDG_CACHE_HOME/reportgen (default ~/.cache/reportgen)."""
