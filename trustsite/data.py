"""Load and validate the YAML files under data/.

Every problem becomes one `DataError` whose message names the file and, where
it applies, the row, its line and the field, in words a publisher can act on.

A data file is input from anyone who opens a pull request, so reading one is
bounded: its size, how many values it holds and how deep they nest are capped,
anchors and aliases (which let a few bytes stand for millions of values) are
refused before anything is expanded, and a message quotes at most a line's
worth of what the file says.
"""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import TypeAdapter, ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from trustsite.schema import SCHEMAS, Row


# The longest quotation of input a message makes, ellipsis included.
QUOTE_LIMIT = 60


def quoted(value: Any) -> str:
    """`value` as Python writes it, cut to QUOTE_LIMIT characters: a cell may be megabytes."""
    text = repr(value)
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT - 1] + "…"


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
            where.append(f"field {quoted(field)}")
        super().__init__(f"{', '.join(where)}: {problem}")


def decode_utf8(raw: bytes, shown: str) -> str:
    """`raw` as text; if it is not UTF-8, a DataError naming the first bad line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DataError(shown, f"is not UTF-8 text ({error.reason}); save it as UTF-8",
                        line=line) from None


def read_capped(path: Path, shown: str, limit: int) -> bytes:
    """The bytes of `path`; a DataError if it holds more than `limit` bytes.

    Reads at most one byte past the limit, so no file can fill the memory.
    """
    with path.open("rb") as file:
        raw = file.read(limit + 1)
    if len(raw) > limit:
        raise DataError(shown, f"is larger than {limit / 2**20:g} MB; no page needs that much")
    return raw


# The largest data file read: room for a 1 MB cell of the wrong type to get its
# own message, and libyaml parses it in milliseconds. Today's largest is 3 KB.
LARGEST_DATA_FILE = 2 * 2**20
# Every table and the reference list nest three deep: list, row, value.
_DEEPEST = 10
# Each value costs the loader time and memory; 10,000 is 400 references or
# 1,400 table rows, far beyond any page.
_MOST_VALUES = 10_000
# A longer "number" is text without quotes. Python refuses to read or print a
# decimal one past 4,300 digits, and reading a 1:2:3… one takes quadratic time.
_LONGEST_NUMBER = 100

# libyaml parses a megabyte in milliseconds, PyYAML's pure-Python parser in seconds.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(yaml.MarkedYAMLError):
    """Something a data file may not hold, at the mark where it starts."""

    def __init__(self, problem: str, mark: yaml.Mark | None = None) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _StrictLoader(Composer, SafeConstructor, Resolver):
    """PyYAML's safe loading of the events `_PARSER` reads, stricter and bounded.

    Composing nodes here in Python, rather than in libyaml, lets it refuse an
    anchor, an alias, a tag, a deep nest or one value too many before it is built.
    It also refuses a key given twice in one mapping: PyYAML silently keeps the
    last, so a row with two `description:` lines would lose one without a word.
    """

    def __init__(self, text: str) -> None:
        parser = _PARSER(text)
        self.check_event, self.peek_event, self.get_event = parser.check_event, parser.peek_event, parser.get_event
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.values = self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        # An alias's event names its anchor too.
        if event.anchor is not None:
            raise _Refused("anchors and aliases (&name, *name) are not allowed; write each value out",
                           event.start_mark)
        # Tags such as !!binary or !!python/object build values no table shows.
        if event.tag is not None:
            raise _Refused(f"tag {quoted(event.tag)} is not allowed; write plain text", event.start_mark)
        if self.depth == _DEEPEST:
            raise _Refused(f"lists or mappings are nested more than {_DEEPEST} deep; "
                           "a row is one list item of 'field: value' lines", event.start_mark)
        self.values += 1
        if self.values > _MOST_VALUES:
            raise _Refused(f"holds more than {_MOST_VALUES:,} values, far more than a page can show")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as error:  # such as a date that does not exist, 2025-02-30
            raise _Refused(f"YAML cannot read this value ({error}); put it in quotes",
                           node.start_mark) from None

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise _Refused("a field name must be plain text, not a list or mapping", key_node.start_mark)
            if key in seen:
                raise _Refused(f"field {quoted(key)} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_bounded_int(self, node):
        if len(node.value) > _LONGEST_NUMBER:
            raise _Refused(f"YAML reads {quoted(node.value)} as a number {len(node.value):,} characters long; "
                           "put the value in quotes", node.start_mark)
        return self.construct_yaml_int(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_bounded_int)


def _plain_yaml_problem(error: yaml.MarkedYAMLError) -> tuple[str, yaml.Mark | None]:
    """What a YAML syntax error means to a publisher, and where it starts."""
    if error.context == "while scanning a quoted scalar":
        # libyaml reports where it gave up, often the end of the file.
        return "a quote that is never closed; end the value with the same quote mark", error.context_mark
    # libyaml's words, then PyYAML's own parser's (which reads mkdocs.yml, for its !ENV).
    if error.problem in ("mapping values are not allowed in this context", "mapping values are not allowed here"):
        return 'a colon and a space inside a value; put the value in "quotes"', error.problem_mark
    return error.problem or str(error), error.problem_mark or error.context_mark


def yaml_error(error: yaml.YAMLError, text: str, shown: str) -> DataError:
    """What went wrong reading `text`, the YAML file `shown`, as a DataError naming the line."""
    if isinstance(error, yaml.MarkedYAMLError):
        problem, mark = _plain_yaml_problem(error)
        return DataError(shown, problem, line=mark.line + 1 if mark else None)
    if isinstance(error, yaml.reader.ReaderError):
        # The first place the character occurs is where the reader stopped.
        line = text.count("\n", 0, text.find(chr(error.character))) + 1
        return DataError(shown, f"holds the character #x{error.character:04X}, which YAML does not allow; "
                         "delete it", line=line)
    return DataError(shown, f"is not valid YAML ({error})")


@dataclass(frozen=True)
class Lines:
    """Where one row of a data file is: its first line, and the line of each of its fields."""
    start: int
    fields: dict[Any, int]

    @classmethod
    def of_node(cls, node: yaml.Node) -> "Lines":
        fields = {}
        if isinstance(node, yaml.MappingNode):
            fields = {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
        return cls(node.start_mark.line + 1, fields)

    def of(self, field: str | None) -> int:
        """The line of `field` if the row has it, or else the row's first line."""
        return self.fields.get(field, self.start)


class LocatedRow(NamedTuple):
    """A validated row, and where its data file holds it."""
    row: Row
    lines: Lines


def _read_yaml(path: Path, shown: str) -> tuple[Any, list[Lines]]:
    """The document in `path`, and the lines of each top-level item."""
    try:
        text = decode_utf8(read_capped(path, shown, LARGEST_DATA_FILE), shown)
    except FileNotFoundError:
        raise DataError(shown, "file not found") from None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise yaml_error(error, text, shown) from None
    rows = node.value if isinstance(node, yaml.SequenceNode) else []
    return document, [Lines.of_node(item) for item in rows]


_YAML_TYPES = {int: "a number", float: "a number", bool: "true/false", date: "a date",
               datetime: "a date and time"}


def _describe(error: dict, fields: list[str]) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return f"is not a known field; use only: {', '.join(fields)}"
    if kind in ("string_too_short", "string_pattern_mismatch") or (kind == "string_type" and value is None):
        return "is empty"
    if kind == "string_type":
        kind_read = _YAML_TYPES.get(type(value), "a list or mapping")
        shown = value.isoformat() if isinstance(value, date) else value  # as the publisher wrote it
        return f"must be text, but YAML read {quoted(shown)} as {kind_read}; put the value in quotes"
    if kind in ("model_type", "dict_type"):
        return f"must be a set of 'field: value' lines ({', '.join(fields)}), not {quoted(value)}"
    if kind == "list_type":
        return "must be a list of rows, each starting with '- '"
    if kind == "int_type":
        in_quotes = isinstance(value, str) and value.strip().isdigit()
        return f"must be a whole number, not {quoted(value)}" + ("; remove the quotes" if in_quotes else "")
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return error["msg"]


def load_located_rows(path: Path, schema: type[Row], shown: str | None = None) -> list[LocatedRow]:
    """Validated rows of one data file, each with its lines; `shown` is the name used in messages."""
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
        line = lines[row - 1].of(field) if row and row <= len(lines) else None
        raise DataError(shown, _describe(first, fields), row=row, line=line, field=field) from None
    first_row_with: dict[Any, int] = {}
    for number, row in enumerate(rows, start=1):
        key = getattr(row, schema.unique_field)
        if key in first_row_with:
            raise DataError(shown, f"{quoted(key)} is already used by row {first_row_with[key]}",
                            row=number, line=lines[number - 1].of(schema.unique_field),
                            field=schema.unique_field)
        first_row_with[key] = number
    return [LocatedRow(row, row_lines) for row, row_lines in zip(rows, lines, strict=True)]


def load_rows(path: Path, schema: type[Row], shown: str | None = None) -> list[Row]:
    """Validated rows of one data file; `shown` is the name used in messages."""
    return [located.row for located in load_located_rows(path, schema, shown)]


def load_data(data_dir: Path) -> dict[str, list[Row]]:
    """Every data file that has a schema, validated, keyed by file name."""
    return {
        name: load_rows(data_dir / name, schema, shown=f"{data_dir.name}/{name}")
        for name, schema in SCHEMAS.items()
    }
