"""Sending the finished PDFs to the care providers (aanbieders), one message per provider.

plan (what each provider gets, with file hashes: `plan`) -> cover letters (`letter`) ->
messages (`message`, optionally with encrypted PDFs: `encrypt`) -> an outbox of .eml files
or SMTP (`smtp`), with a ledger (`ledger`) so that nothing is ever sent twice. The command
line lives in `command`.
"""
