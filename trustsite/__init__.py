"""The site's package, in three stages and a report: the check stage and the
features with their publishing steps (plain Python, no builder); the build
that runs them around a builder (build.py, builders.py, `python -m trustsite`
in cli.py); and the MkDocs plugin (plugin/), the one part that runs inside
MkDocs. `macros.py` is the thin adapter for mkdocs-macros.
"""
