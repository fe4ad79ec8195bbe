"""Load and validate the YAML files under data/.

Every problem becomes one `DataError` whose message names the file and, where
it applies, the row, its line and the field, in words a publisher can act on.
"""

from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from trustsite.schema import SCHEMAS, Row


class DataError(ValueError):
    """A data file that cannot be published, described for its editor."""

    def __init__(self, file: str, problem: str, *, row: int | None = None,
                 line: int | None = None, field: str | None = None) -> None:
        where = [file]
        if row is not None:
            where.append(f"row {row}" + (f" (line {line})" if line else ""))
        elif line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")


def decode_utf8(raw: bytes, shown: str) -> str:
    """`raw` as text; if it is not UTF-8, a DataError naming the first bad line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DataError(shown, f"is not UTF-8 text ({error.reason}); save it as UTF-8",
                        line=line) from None


class _DuplicateKey(yaml.constructor.ConstructorError):
    pass


class _StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader that also refuses a key given twice in one mapping.

    PyYAML silently keeps the last of two equal keys, so a row with two
    `description:` lines would lose one without a word.
    """

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKey(None, None, f"field '{key}' is given twice",
                                    key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path, shown: str) -> tuple[Any, list[int]]:
    """The document in `path`, and the line where each top-level item starts."""
    try:
        text = decode_utf8(path.read_bytes(), shown)
    except FileNotFoundError:
        raise DataError(shown, "file not found") from None
    loader = _StrictSafeLoader(text)
    try:
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or str(error)
        if "could not determine a constructor" in problem:
            problem = f"tag {error.problem.split()[-1]} is not allowed; write plain text"
        raise DataError(shown, problem, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise DataError(shown, f"is not valid YAML ({error})") from None
    finally:
        loader.dispose()
    lines = [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    return document, lines


_YAML_TYPES = {int: "a number", float: "a number", bool: "true/false"}


def _describe(error: dict, fields: list[str]) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return f"is not a known field; use only: {', '.join(fields)}"
    if kind in ("string_too_short", "string_pattern_mismatch") or (kind == "string_type" and value is None):
        return "is empty"
    if kind == "string_type":
        return f"must be text, but YAML read {value!r} as {_YAML_TYPES.get(type(value), 'a list or mapping')}; put the value in quotes"
    if kind in ("model_type", "dict_type"):
        return f"must be a set of 'field: value' lines ({', '.join(fields)}), not {value!r}"
    if kind == "list_type":
        return "must be a list of rows, each starting with '- '"
    if kind == "int_type":
        quoted = isinstance(value, str) and value.strip().isdigit()
        return f"must be a whole number, not {value!r}" + ("; remove the quotes" if quoted else "")
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return error["msg"]


def load_rows(path: Path, schema: type[Row], shown: str | None = None) -> list[Row]:
    """Validated rows of one data file; `shown` is the name used in messages."""
    shown = shown or path.name
    document, lines = _read_yaml(path, shown)
    if document is None or document == []:
        raise DataError(shown, "is empty; it must hold a list of rows")
    fields = list(schema.model_fields)
    try:
        rows = TypeAdapter(list[schema]).validate_python(document)
    except ValidationError as errors:
        # A misspelt field is also a missing one; naming the misspelling helps more.
        first = min(errors.errors(), key=lambda error: error["type"] != "extra_forbidden")
        loc = first["loc"]
        row = loc[0] + 1 if loc and isinstance(loc[0], int) else None
        field = next((str(part) for part in loc[1:] if isinstance(part, str)), None)
        line = lines[row - 1] if row and row <= len(lines) else None
        raise DataError(shown, _describe(first, fields), row=row, line=line, field=field) from None
    first_row_with: dict[Any, int] = {}
    for number, row in enumerate(rows, start=1):
        key = getattr(row, schema.unique_field)
        if key in first_row_with:
            raise DataError(shown, f"{key!r} is already used by row {first_row_with[key]}",
                            row=number, line=lines[number - 1], field=schema.unique_field)
        first_row_with[key] = number
    return rows


def load_data(data_dir: Path) -> dict[str, list[Row]]:
    """Every data file that has a schema, validated, keyed by file name."""
    return {
        name: load_rows(data_dir / name, schema, shown=f"{data_dir.name}/{name}")
        for name, schema in SCHEMAS.items()
    }
