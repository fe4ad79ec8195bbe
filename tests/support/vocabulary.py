"""schema.org's vocabulary, pinned (tests/fixtures/schemaorg-30.0-terms.jsonld,
whose rdfs:comment says which release and where from), and what in a JSON-LD
document it does not allow: an unknown type or property, or a property on a
type it does not belong to, even through the type's supertypes."""

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

PINNED = Path(__file__).resolve().parent.parent / "fixtures" / "schemaorg-30.0-terms.jsonld"


def _ids(value) -> set[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return {item["@id"].removeprefix("schema:") for item in values}


@dataclass(frozen=True)
class Vocabulary:
    graph: tuple[dict, ...]

    @classmethod
    def pinned(cls) -> "Vocabulary":
        return cls(tuple(json.loads(PINNED.read_text(encoding="utf-8"))["@graph"]))

    @cached_property
    def supertypes(self) -> dict[str, set[str]]:
        return {node["@id"].removeprefix("schema:"): _ids(node.get("rdfs:subClassOf"))
                for node in self.graph if node["@type"] == "rdfs:Class"}

    @cached_property
    def domains(self) -> dict[str, set[str]]:
        return {node["@id"].removeprefix("schema:"): _ids(node.get("schema:domainIncludes"))
                for node in self.graph if node["@type"] == "rdf:Property"}

    def members(self, enumeration: str) -> set[str]:
        return {node["@id"].removeprefix("schema:") for node in self.graph
                if node["@type"] == f"schema:{enumeration}"}

    def lineage(self, kind: str) -> set[str]:
        """`kind` and every type it descends from."""
        found, waiting = set(), [kind]
        while waiting:
            if (current := waiting.pop()) not in found:
                found.add(current)
                waiting += self.supertypes.get(current, ())
        return found

    def faults(self, node, where: str = "") -> list[str]:
        """Every term of `node` (JSON-LD, as parsed) that schema.org does not allow where it is."""
        if isinstance(node, list):
            return [fault for number, item in enumerate(node) for fault in self.faults(item, f"{where}[{number}]")]
        if not isinstance(node, dict):
            return []
        kind = node.get("@type")
        if kind not in self.supertypes:
            return [f"{where or 'top'}: {kind!r} is not a schema.org type"]
        found = []
        for name, value in node.items():
            if name.startswith("@"):
                continue
            if name not in self.domains:
                found.append(f"{where}.{name}: not a schema.org property")
            elif not self.domains[name] & self.lineage(kind):
                found.append(f"{where}.{name}: not a property of {kind}")
            found += self.faults(value, f"{where}.{name}")
        return found
