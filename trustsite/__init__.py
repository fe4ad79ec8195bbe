"""Plain-Python core of the site: data schemas, loading and HTML rendering.

Nothing here depends on MkDocs, so a move to another builder keeps it whole;
`macros.py` and `hooks/` are the thin adapters.
"""
