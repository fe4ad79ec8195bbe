"""trustsite.page_jinja: a page's Jinja may call a macro with literal arguments, nothing more."""

from types import SimpleNamespace

import jinja2
import pytest

from trustsite.data import DataError
from trustsite.page_jinja import ONLY_MACRO_CALLS, check_macro_calls
from trustsite.plugin.site_plugin import TrustsitePlugin

MACROS = {"data_table": lambda name: name, "references": lambda: ""}
# Some of mkdocs-macros' own: its environment holds them beside the site's.
BUILT_IN_MACROS = {"macros_info": lambda: "", "context": lambda obj=None: [], "now": lambda: "",
                   "fix_url": lambda url: url}


def environment() -> jinja2.Environment:
    """An environment as mkdocs-macros makes one: Jinja's own globals, its
    built-in macros and the site's beside them."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals.update(BUILT_IN_MACROS, **MACROS)
    return env


def check(source: str) -> None:
    check_macro_calls(source, environment(), MACROS, shown="docs/page.md")


ALLOWED = {
    "plain text": "# Title\n\nA paragraph with { braces } and a } alone.\n",
    "a macro call": 'Text\n\n{{ data_table("methods") }}\n',
    "a call with no arguments": "{{ references() }}",
    "literal arguments of each kind": '{{ data_table("a", 1, 2.5, true, none, name="b") }}',
    "whitespace control": '{{- data_table("methods") -}}',
    "a comment": "{# a note for editors #}",
    "raw text": "{% raw %}{{ shown as it is }}{% endraw %}",
    # mkdocs-macros reports it itself, in its own words.
    "a syntax error": '{{ data_table("methods" }}',
}


@pytest.mark.parametrize("case", ALLOWED)
def test_a_macro_call_and_plain_text_are_allowed(case):
    check(ALLOWED[case])


REFUSED = {
    "a loop": "{% for i in range(10**9) %}x{% endfor %}",
    "a condition": "{% if true %}x{% endif %}",
    "a variable set": "{% set x = 1 %}",
    "an include": '{% include "other.md" %}',
    "a macro definition": "{% macro m() %}x{% endmacro %}",
    "a variable": "{{ page }}",
    "arithmetic": '{{ "x" * 10**10 }}',
    "a filter": '{{ data_table("methods") | upper }}',
    "an attribute": "{{ data_table.__globals__ }}",
    "a call on an attribute": '{{ "".__class__() }}',
    "an item": '{{ data_table["x"]("methods") }}',
    "arithmetic in an argument": '{{ data_table("x" * 10**10) }}',
    "a list as an argument": '{{ data_table(["methods"]) }}',
    "a variable as an argument": "{{ data_table(page) }}",
    "a computed keyword argument": "{{ data_table(name=page.title) }}",
    "spread arguments": "{{ data_table(*names) }}",
    "spread keyword arguments": "{{ data_table(**names) }}",
}


@pytest.mark.parametrize("case", REFUSED)
def test_anything_else_is_refused_at_its_line(case):
    source = 'Intro\n\n{{ data_table("methods") }}\n\n' + REFUSED[case] + "\n"
    with pytest.raises(DataError) as refused:
        check(source)
    assert str(refused.value) == f"docs/page.md, line 5: {ONLY_MACRO_CALLS}"


THE_SITES_MACROS = "use one of: data_table(), references()"
NOT_OURS = {
    "mkdocs-macros' macros_info()": ("{{ macros_info() }}", "'macros_info' is not one of this site's macros; "
                                     + THE_SITES_MACROS),
    "mkdocs-macros' context()": ("{{ context() }}", f"'context' is not one of this site's macros; {THE_SITES_MACROS}"),
    "mkdocs-macros' now()": ("{{ now() }}", f"'now' is not one of this site's macros; {THE_SITES_MACROS}"),
    "mkdocs-macros' fix_url()": ('{{ fix_url("x") }}',
                                 f"'fix_url' is not one of this site's macros; {THE_SITES_MACROS}"),
    "Jinja's lorem ipsum": ("{{ lipsum(1000000000) }}",
                            f"'lipsum' is not one of this site's macros; {THE_SITES_MACROS}"),
    "Jinja's range": ("{{ range(10) }}", f"'range' is not one of this site's macros; {THE_SITES_MACROS}"),
    "a misspelt macro": ('{{ data_tabel("methods") }}',
                         "'data_tabel' is not one of this site's macros; did you mean data_table()?"),
    "a name no one defines": ("{{ reference() }}", "'reference' is not one of this site's macros; "
                              "did you mean references()?"),
}


@pytest.mark.parametrize("case", NOT_OURS)
def test_only_the_sites_own_macros_may_be_called_and_any_other_name_is_refused_at_its_line(case):
    call, problem = NOT_OURS[case]
    with pytest.raises(DataError) as refused:
        check('Intro\n\n{{ data_table("methods") }}\n\n' + call + "\n")
    assert str(refused.value) == f"docs/page.md, line 5: {problem}"


def test_a_macro_named_like_a_jinja_function_may_be_called():
    env = environment()
    env.globals["range"] = lambda: ""
    check_macro_calls("{{ range() }}", env, {**MACROS, "range": env.globals["range"]}, shown="docs/page.md")


def test_the_line_counts_from_the_top_of_the_file():
    with pytest.raises(DataError) as refused:
        check('---\ntitle: "{{ 7 * 7 }}"\n---\n\n# Page\n')
    assert str(refused.value) == f"docs/page.md, line 2: {ONLY_MACRO_CALLS}"


def test_brackets_too_deep_for_jinja_are_refused_without_a_line():
    with pytest.raises(DataError) as refused:
        check("{{ data_table(" + "(" * 5000 + '"x"' + ")" * 5000 + ") }}")
    assert str(refused.value) == f"docs/page.md: {ONLY_MACRO_CALLS}"


def test_a_preview_keeps_running_and_shows_a_refused_page_unrun(caplog):
    plugin = TrustsitePlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_shutdown()
    config = SimpleNamespace(docs_dir="/project/docs",
                             plugins={"macros": SimpleNamespace(env=environment(), site_macros=MACROS)})
    markdown = "# Page\n\n{% for i in range(10**9) %}x{% endfor %}\n"
    page = SimpleNamespace(file=SimpleNamespace(content_string=markdown, src_uri="page.md"), meta={})

    returned = plugin.on_page_markdown(markdown, page=page, config=config, files=None)

    assert returned == markdown
    # mkdocs-macros leaves a page with render_macros: false as it is.
    assert page.meta["render_macros"] is False
    assert caplog.messages == [f"docs/page.md, line 3: {ONLY_MACRO_CALLS}"]
