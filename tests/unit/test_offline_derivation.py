"""The offline copy derived from the online rendering (trustsite/offline_copy/derive.py),
on a rendered site made by hand: every kind of address a page may hold. That the
derived copy equals each builder's own offline mode is checked against the
builders themselves in tests/contracts/test_theme_markup.py."""

import json

from selectolax.lexbor import LexborHTMLParser

from trustsite.offline_copy.derive import derive_offline_copy

PAGE = """<!doctype html><html><head>
<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.6.0">
<link rel="stylesheet" href="{root}assets/stylesheets/main.abc.min.css">
<script>__md_scope=new URL("{scope}",location),__md_get=()=>0</script>
</head><body>
<a id="home" href="{home}">Home</a>
<a id="part" href="{root}part/#a-heading">Part</a>
<a id="place" href="#here">Here</a>
<a id="self" href="{self}">This page</a>
<a id="elsewhere" href="https://example.org/page/">Elsewhere</a>
<a id="host-root" href="/trust/">From the host's root</a>
<a id="mail" href="mailto:someone@example.org">Mail</a>
<img id="picture" src="{root}photo.jpg" srcset="{root}photo.jpg 1x, {root}photo@2x.jpg 2x" alt="">
<form id="search" action="{root}search/"></form>
<script id="__config" type="application/json">{{"base": "{base}", "features": ["navigation.instant",
 "navigation.instant.progress", "toc.follow"], "search": "{root}assets/javascripts/workers/search.js"}}</script>
</body></html>"""


def rendered_site(tmp_path):
    docs = tmp_path / "docs"
    (docs / "part").mkdir(parents=True)
    for page in ("index.md", "conclusion.md", "part/index.md"):
        (docs / page).write_text("# A page\n", encoding="utf-8")
    site = tmp_path / "site"
    for path, root, home, own, base in (("index.html", "", "", "", "."),
                                        ("conclusion/index.html", "../", "..", "./", ".."),
                                        ("part/index.html", "../", "..", "./", "..")):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(PAGE.format(root=root, home=home, self=own, base=base, scope=base or "."),
                                 encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": [
        {"location": "", "text": "Clients’ trust"}, {"location": "#introduction", "text": ""},
        {"location": "conclusion/#in-short", "text": ""}, {"location": "part/", "text": ""}]}), encoding="utf-8")
    return docs, site


def addresses(path):
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    found = {element.id: element.attributes.get("href", element.attributes.get("action"))
             for element in tree.css("a, form")}
    picture = tree.css_first("#picture")
    config = json.loads(tree.css_first("#__config").text())
    scope = tree.css_first("head > script:not([src])").text()
    return found, picture.attributes, config, scope


def test_pages_move_to_their_own_file_and_every_address_follows(tmp_path):
    docs, site = rendered_site(tmp_path)
    copy = tmp_path / "offline"
    derive_offline_copy(site, copy, docs)
    assert sorted(path.relative_to(copy).as_posix() for path in copy.rglob("*.html")) == [
        "conclusion.html", "index.html", "part/index.html"]
    assert not (copy / "conclusion").exists()
    links, picture, config, scope = addresses(copy / "conclusion.html")
    assert links == {"home": "index.html", "part": "part/index.html#a-heading", "place": "#here",
                     "self": "conclusion.html", "elsewhere": "https://example.org/page/",
                     "host-root": "/trust/", "mail": "mailto:someone@example.org", "search": "search/index.html"}
    assert picture["src"] == "photo.jpg" and picture["srcset"] == "photo.jpg 1x, photo@2x.jpg 2x"
    assert config == {"base": ".", "features": ["toc.follow"], "search": "assets/javascripts/workers/search.js"}
    assert scope.startswith('__md_scope=new URL(".",location),')
    links, picture, config, scope = addresses(copy / "part" / "index.html")
    assert links["home"] == "../index.html" and links["part"] == "index.html#a-heading"
    assert picture["src"] == "../photo.jpg" and config["base"] == ".."
    assert scope.startswith('__md_scope=new URL("..",location),')


def test_the_search_index_is_also_written_as_a_script(tmp_path):
    docs, site = rendered_site(tmp_path)
    derive_offline_copy(site, tmp_path / "offline", docs)
    script = (tmp_path / "offline" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    index = json.loads(script.removeprefix("var __index = "))
    assert [entry["location"] for entry in index["docs"]] == [
        "index.html", "index.html#introduction", "conclusion.html#in-short", "part/index.html"]
    assert "\\u2019" in script  # as Material writes its index: ASCII only
