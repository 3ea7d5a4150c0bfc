"""reportgen: regional Wlz documents (Regioplan GGZ) as PPTX and PDF from record-level data."""

__version__ = "0.1.0"
