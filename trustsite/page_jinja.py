"""What a page under docs/ may ask of mkdocs-macros: a macro call, nothing more.

mkdocs-macros renders every page as a Jinja template while the site builds, so
a page could loop a billion times, build a string of gigabytes or walk from an
attribute into Python's internals. The team's rule is that a page only calls
macros, such as `{{ data_table("methods") }}`: this module checks a page
against it, before mkdocs-macros renders it.
"""

from collections.abc import Collection

import jinja2
from jinja2 import nodes

from trustsite.data import DataError

# The largest page read; today's largest is under 3 KB.
LARGEST_PAGE = 2**20

ONLY_MACRO_CALLS = 'a page may only call a macro, such as {{ data_table("methods") }}'


def _is_macro_call(node: nodes.Node, forbidden: Collection[str]) -> bool:
    """Whether `node` is `name(literal, …)` with `name` not among `forbidden`."""
    return (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
            and node.node.name not in forbidden
            and all(isinstance(arg, nodes.Const) for arg in node.args)
            and all(isinstance(keyword.value, nodes.Const) for keyword in node.kwargs)
            and node.dyn_args is None and node.dyn_kwargs is None)


def check_macro_calls(source: str, environment: jinja2.Environment, macros: Collection[str],
                      shown: str) -> None:
    """Raise a DataError naming the first line of `source` whose Jinja does more
    than call a macro with literal arguments.

    `macros` are the names a page may call. Jinja's own functions, such as
    `lipsum` or `range`, are refused; a name Jinja does not know is let through,
    so that mkdocs-macros says "'data_tabel' is undefined" as it always has, and
    so is a Jinja syntax error, for mkdocs-macros to report in its own words.
    """
    try:
        template = environment.parse(source)
    except jinja2.TemplateSyntaxError:
        return
    except RecursionError:  # brackets nested too deep for Jinja's parser to say where
        raise DataError(shown, ONLY_MACRO_CALLS) from None
    forbidden = environment.globals.keys() - set(macros)
    for output in template.body:
        parts = output.nodes if isinstance(output, nodes.Output) else [output]
        for part in parts:
            if not (isinstance(part, nodes.TemplateData) or _is_macro_call(part, forbidden)):
                raise DataError(shown, ONLY_MACRO_CALLS, line=part.lineno)
