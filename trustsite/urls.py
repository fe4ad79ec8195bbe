"""Where a page of docs/ is published: the file a builder writes for it, and its URL.

MkDocs' rule (mkdocs.structure.files.File), which Zensical follows. Online,
with directory URLs: conclusion.md is conclusion/index.html at "conclusion/",
a/index.md is a/index.html at "a/", README.md stands for index.md. The offline
copy (no directory URLs, opened from file://) links each file by its name:
conclusion.html, a/index.html. The build, the service worker and the tests
all ask here.
"""

import posixpath

_INDEX = "index.html"


def output_path(source: str, *, offline: bool) -> str:
    """The file, from the site's root, that docs/`source` ("conclusion.md") becomes:
    "conclusion/index.html" online, "conclusion.html" offline."""
    parent, name = posixpath.split(source)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if offline or stem == "index":
        return posixpath.join(parent, f"{stem}.html")
    return posixpath.join(parent, stem, _INDEX)


def file_url(path: str, *, offline: bool) -> str:
    """The URL, from the site's root, of the rendered file `path`: online a folder's
    index.html is the folder ("conclusion/", and "" for the root's own); offline
    the file itself, as a browser reading file:// needs it."""
    if offline or posixpath.basename(path) != _INDEX:
        return path
    return path.removesuffix(_INDEX)


def page_url(source: str, *, offline: bool) -> str:
    """The URL of docs/`source` from the site's root: "" for index.md and
    "conclusion/" online, "index.html" and "conclusion.html" offline."""
    return file_url(output_path(source, offline=offline), offline=offline)
