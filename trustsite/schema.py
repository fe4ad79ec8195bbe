"""The one schema for every data file under data/.

Each model declares its columns once. `strict` refuses YAML's guesses (a bare
`yes` read as a boolean, `12` as a number) and `extra="forbid"` refuses fields
that no page would show, such as a misspelt key.
"""

import re
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

# A line of text with at least one visible character.
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


def _matching(pattern: str, problem: str):
    """A validator that refuses text not matching `pattern`, saying `problem`."""
    def check(value: str) -> str:
        if not re.fullmatch(pattern, value):
            raise ValueError(problem)
        return value
    return AfterValidator(check)


# Becomes the entry's anchor on the page, as in references/#bordin-1979.
Slug = Annotated[Text, _matching(r"[a-z0-9]+(-[a-z0-9]+)*",
                                 "must be lower-case letters, digits and hyphens, such as smith-2020")]
# The link is built from it; a full address would give https://doi.org/https://…
Doi = Annotated[Text, _matching(r"10\.\d{4,9}/\S+",
                                "must be a bare DOI such as 10.1037/a0022186, without https://doi.org/")]
# Only secure web addresses: a javascript: or file: link must never reach a
# page, and the one-file edition links only within itself or to https://.
WebAddress = Annotated[Text, _matching(r"https://\S+", "must be a web address starting with https://")]


class Row(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    # The field whose value must be unique across the rows of one file.
    unique_field: ClassVar[str]


class TableRow(Row):
    """One row of a three-column article table."""

    unique_field: ClassVar[str] = "name"

    name: Text
    description: Text
    importance: Text


class Reference(Row):
    """One source in the reference list, with the APA fields it needs.

    A journal article has every field; a stand-alone work, such as a code of
    ethics, has no container, volume, issue, pages or DOI, and may give a `url`.
    """

    unique_field: ClassVar[str] = "id"

    id: Slug
    authors: Text
    year: int
    title: Text
    container: Text | None
    volume: int | None
    issue: int | None
    pages: Text | None
    doi: Doi | None
    url: WebAddress | None = None
    # Which of the article's claims the source backs; shown under the entry.
    supports: Text


# Which schema each data file follows.
SCHEMAS: dict[str, type[Row]] = {
    "methods.yml": TableRow,
    "components.yml": TableRow,
    "references.yml": Reference,
}
