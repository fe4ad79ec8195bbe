"""The one schema for every data file under data/.

Each model declares its columns once. `strict` refuses YAML's guesses (a bare
`yes` read as a boolean, `12` as a number) and `extra="forbid"` refuses fields
that no page would show, such as a misspelt key.
"""

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints

# A line of text with at least one visible character.
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


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


# Which schema each data file follows.
SCHEMAS: dict[str, type[Row]] = {
    "methods.yml": TableRow,
    "components.yml": TableRow,
}
