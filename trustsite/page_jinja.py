"""What a page under docs/ may ask of mkdocs-macros: a macro call, nothing more.

mkdocs-macros renders every page as a Jinja template while the site builds, so
a page could loop a billion times, build a string of gigabytes or walk from an
attribute into Python's internals, and mkdocs-macros' own macros would
publish the build's settings. The team's rule is that a page only calls the
site's macros, such as `{{ data_table("methods") }}`: this module checks a
page against it, before mkdocs-macros renders it.
"""

import difflib
from collections.abc import Collection

import jinja2
from jinja2 import nodes

from trustsite.data import DataError, quoted

# The largest page read; today's largest is under 3 KB.
LARGEST_PAGE = 2**20

ONLY_MACRO_CALLS = 'a page may only call a macro, such as {{ data_table("methods") }}'


def _is_call_with_literals(node: nodes.Node) -> bool:
    """Whether `node` is `name(literal, …)`."""
    return (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
            and all(isinstance(arg, nodes.Const) for arg in node.args)
            and all(isinstance(keyword.value, nodes.Const) for keyword in node.kwargs)
            and node.dyn_args is None and node.dyn_kwargs is None)


def not_a_macro(name: str, macros: Collection[str]) -> str:
    """The problem with calling `name`, which is none of `macros`: the nearest one suggested."""
    nearest = difflib.get_close_matches(name, macros, n=1)
    known = f"did you mean {nearest[0]}()?" if nearest else "use one of: " + ", ".join(f"{m}()" for m in sorted(macros))
    return f"{quoted(name)} is not one of this site's macros; {known}"


def check_macro_calls(source: str, environment: jinja2.Environment, macros: Collection[str],
                      shown: str) -> None:
    """Raise a DataError naming the first line of `source` whose Jinja does more
    than call one of `macros` with literal arguments.

    Any other name is refused, Jinja's own functions (`lipsum`, `range`) and
    mkdocs-macros' (`macros_info`, `context`) included, and so is a misspelt
    macro, with the nearest one suggested. A Jinja syntax error is let
    through, for mkdocs-macros to report in its own words.
    """
    try:
        template = environment.parse(source)
    except jinja2.TemplateSyntaxError:
        return
    except RecursionError:  # brackets nested too deep for Jinja's parser to say where
        raise DataError(shown, ONLY_MACRO_CALLS) from None
    for output in template.body:
        parts = output.nodes if isinstance(output, nodes.Output) else [output]
        for part in parts:
            if isinstance(part, nodes.TemplateData):
                continue
            if not _is_call_with_literals(part):
                raise DataError(shown, ONLY_MACRO_CALLS, line=part.lineno)
            if part.node.name not in macros:
                raise DataError(shown, not_a_macro(part.node.name, macros), line=part.lineno)
