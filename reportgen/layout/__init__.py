"""Layouts (where everything goes), themes (how it looks) and assembly into a Document."""
