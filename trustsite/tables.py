"""The article's two tables, rendered as accessible HTML from their rows."""

from dataclasses import dataclass
from html import escape

from trustsite.data import quoted
from trustsite.schema import TableRow


@dataclass(frozen=True)
class TableSpec:
    data_file: str
    caption: str
    # Column headings, in the order of TableRow's fields.
    headings: tuple[str, str, str]

    @property
    def anchor(self) -> str:
        return self.data_file.removesuffix(".yml") + "-table"


TABLES = {
    "methods": TableSpec("methods.yml", "Trust-building methods",
                         ("Method", "Description", "Importance")),
    "components": TableSpec("components.yml", "Components of the therapeutic alliance",
                            ("Element", "Description", "Importance")),
}


def render_table(spec: TableSpec, rows: list[TableRow]) -> str:
    """A captioned table whose first cell heads each row.

    The wrapper scrolls a wide table on its own on a narrow screen; it is
    focusable so keyboard users can scroll it, and named by the caption.
    Cells are separated by a line break: search indexes the table as text,
    and without one a row's words would run together ("EmpathyUnderstanding").
    """
    caption_id = f"{spec.anchor}-caption"
    head = "\n".join(f'<th scope="col">{escape(heading)}</th>' for heading in spec.headings)
    body = "\n".join(
        f'<tr><th scope="row">{escape(row.name)}</th>\n'
        f"<td>{escape(row.description)}</td>\n<td>{escape(row.importance)}</td></tr>"
        for row in rows
    )
    return (
        f'<div class="data-table" id="{spec.anchor}" role="region" tabindex="0" '
        f'aria-labelledby="{caption_id}">'
        f'<table><caption id="{caption_id}">{escape(spec.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def table_html(name: str, data: dict[str, list[TableRow]]) -> str:
    """The HTML of the table called `name` in a page's macro call."""
    if name not in TABLES:
        raise ValueError(f"there is no table {quoted(name)}; use one of: {', '.join(TABLES)}")
    spec = TABLES[name]
    return render_table(spec, data[spec.data_file])
