"""The `trustsite` MkDocs plugin (site_plugin.py), registered in pyproject.toml's
entry points and listed last in mkdocs.yml's plugins: what must run inside
MkDocs. Zensical ignores it; everything the site needs from either builder is
a publishing step (trustsite.publish)."""
