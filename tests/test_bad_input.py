"""A bad data file or page stops the build with one clear message and no traceback,
and leaves the last good site exactly as it was."""

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import build_project, copy_project, run_build

GOOD_ROW = "- name: Empathy\n  description: Understanding client's perspectives\n  importance: Fosters a supportive connection\n"


def replace_in(relative: str, old: str, new: str):
    def mutate(project: Path):
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        # surrogateescape writes "\udce9" as the lone byte 0xE9, as a Latin-1 editor would.
        path.write_text(text.replace(old, new, 1), encoding="utf-8", errors="surrogateescape")
    return mutate


def write(relative: str, content: str | bytes):
    def mutate(project: Path):
        path = project / relative
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return mutate


def delete(relative: str):
    return lambda project: (project / relative).unlink()


FAILED = "Build failed; site/ and dist/ were left as they were."

# id: (change to a good project, the one message the build must print)
CASES = {
    "yaml-syntax-error": (
        replace_in("data/methods.yml", "- name: Validation", "- name: [Validation"),
        "data/methods.yml, line 17: expected ',' or ']', but got ':'"),
    "empty-file": (write("data/components.yml", "# nothing yet\n"),
                   "data/components.yml: is empty; it must hold a list of rows"),
    "empty-list": (write("data/components.yml", "[]\n"),
                   "data/components.yml: is empty; it must hold a list of rows"),
    "missing-file": (delete("data/methods.yml"), "data/methods.yml: file not found"),
    "data-not-utf8": (replace_in("data/methods.yml", "- name: Validation", "- name: Validaci\udce9n"),
                      "data/methods.yml, line 16: is not UTF-8 text (invalid continuation byte); save it as UTF-8"),
    "top-level-not-a-list": (write("data/methods.yml", GOOD_ROW.replace("- name", "name").replace("\n  ", "\n")),
                             "data/methods.yml: must be a list of rows, each starting with '- '"),
    "row-not-a-mapping": (write("data/methods.yml", GOOD_ROW + "- Active Listening\n"),
                          "data/methods.yml, row 2 (line 4): must be a set of 'field: value' lines "
                          "(name, description, importance), not 'Active Listening'"),
    "missing-field": (replace_in("data/methods.yml", "  importance: Reduces anxiety and builds rapport\n", ""),
                      "data/methods.yml, row 4 (line 16), field 'importance': is missing"),
    "unknown-field": (replace_in("data/methods.yml", "  importance: Reduces", "  importanse: Reduces"),
                      "data/methods.yml, row 4 (line 16), field 'importanse': is not a known field; "
                      "use only: name, description, importance"),
    "empty-field": (replace_in("data/methods.yml", "  description: Acknowledging client feelings",
                               "  description:"),
                    "data/methods.yml, row 4 (line 16), field 'description': is empty"),
    "blank-field": (replace_in("data/methods.yml", "  description: Acknowledging client feelings",
                               '  description: "   "'),
                    "data/methods.yml, row 4 (line 16), field 'description': is empty"),
    "wrong-type": (replace_in("data/methods.yml", "- name: Validation", "- name: 42"),
                   "data/methods.yml, row 4 (line 16), field 'name': must be text, but YAML read 42 "
                   "as a number; put the value in quotes"),
    "duplicate-row-name": (replace_in("data/methods.yml", "- name: Validation", "- name: Empathy"),
                           "data/methods.yml, row 4 (line 16), field 'name': 'Empathy' is already used by row 1"),
    "duplicate-key-in-row": (replace_in("data/methods.yml", "  importance: Reduces anxiety and builds rapport\n",
                                        "  importance: Reduces anxiety and builds rapport\n  name: Again\n"),
                             "data/methods.yml, line 19: field 'name' is given twice"),
    "python-tag": (replace_in("data/methods.yml", "- name: Validation", "- name: !!python/object:os.system ls"),
                   "data/methods.yml, line 16: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed; "
                   "write plain text"),
    # The same field problems in the other table, row 5 (line 20).
    "components-missing-field": (
        replace_in("data/components.yml", "  importance: Aligns focus and efforts for better outcomes\n", ""),
        "data/components.yml, row 5 (line 20), field 'importance': is missing"),
    "components-unknown-field": (
        replace_in("data/components.yml", "  description: Consensus", "  descripton: Consensus"),
        "data/components.yml, row 5 (line 20), field 'descripton': is not a known field; "
        "use only: name, description, importance"),
    "components-empty-field": (
        replace_in("data/components.yml", "  description: Consensus on therapeutic objectives", "  description:"),
        "data/components.yml, row 5 (line 20), field 'description': is empty"),
    "components-wrong-type": (
        replace_in("data/components.yml", "  importance: Aligns focus and efforts for better outcomes",
                   "  importance: yes"),
        "data/components.yml, row 5 (line 20), field 'importance': must be text, but YAML read True "
        "as true/false; put the value in quotes"),
    "components-duplicate-row-name": (
        replace_in("data/components.yml", "- name: Agreement on Goals", "- name: Trust"),
        "data/components.yml, row 5 (line 20), field 'name': 'Trust' is already used by row 1"),
    "components-duplicate-key-in-row": (
        replace_in("data/components.yml", "  description: Consensus on therapeutic objectives\n",
                   "  description: Consensus on therapeutic objectives\n  description: Shared goals\n"),
        "data/components.yml, line 22: field 'description' is given twice"),
    # The reference list: row 1 starts on line 5, row 2 on line 15, row 6 on line 55.
    "reference-doi-as-address": (
        replace_in("data/references.yml", '  doi: "10.1037/h0085885"', '  doi: "https://doi.org/10.1037/h0085885"'),
        "data/references.yml, row 1 (line 5), field 'doi': must be a bare DOI such as 10.1037/a0022186, "
        "without https://doi.org/"),
    "reference-year-in-quotes": (
        replace_in("data/references.yml", "  year: 1957", '  year: "1957"'),
        "data/references.yml, row 2 (line 15), field 'year': must be a whole number, not '1957'; remove the quotes"),
    "reference-null-field-left-out": (
        replace_in("data/references.yml", "  container: null\n", ""),
        "data/references.yml, row 6 (line 55), field 'container': is missing"),
    "reference-script-address": (
        replace_in("data/references.yml", '  url: "https://www.apa.org/ethics/code"', '  url: "javascript:alert(1)"'),
        "data/references.yml, row 6 (line 55), field 'url': must be a web address starting with https://"),
    "reference-duplicate-id": (
        replace_in("data/references.yml", "- id: rogers-1957", "- id: bordin-1979"),
        "data/references.yml, row 2 (line 15), field 'id': 'bordin-1979' is already used by row 1"),
    "reference-id-with-spaces": (
        replace_in("data/references.yml", "- id: rogers-1957", "- id: Rogers 1957"),
        "data/references.yml, row 2 (line 15), field 'id': must be lower-case letters, digits and hyphens, "
        "such as smith-2020"),
    "reference-unknown-field": (
        replace_in("data/references.yml", '  supports: "Empathy and', '  support: "Empathy and'),
        "data/references.yml, row 2 (line 15), field 'support': is not a known field; use only: id, authors, "
        "year, title, container, volume, issue, pages, doi, url, supports"),
    "macro-references-with-argument": (
        replace_in("docs/references.md", "{{ references() }}", '{{ references("apa") }}'),
        "docs/references.md, line 6: references() takes 0 positional arguments but 1 was given"),
    # conclusion.md's heading is on line 6, after its front matter, so a call
    # inserted below it is on line 8 of the file.
    "undefined-macro": (replace_in("docs/conclusion.md", "# Conclusion\n", "# Conclusion\n\n{{ data_tabel(\"methods\") }}\n"),
                        "docs/conclusion.md, line 8: 'data_tabel' is undefined"),
    "macro-wrong-arguments": (replace_in("docs/conclusion.md", "# Conclusion\n",
                                         "# Conclusion\n\n{{ data_table(\"methods\", \"components\") }}\n"),
                              "docs/conclusion.md, line 8: data_table() takes 1 positional argument but 2 were given"),
    "macro-unknown-table": (replace_in("docs/conclusion.md", "# Conclusion\n", "# Conclusion\n\n{{ data_table(\"method\") }}\n"),
                            "docs/conclusion.md, line 8: there is no table 'method'; use one of: methods, components"),
    "link-to-missing-page": (replace_in("docs/conclusion.md", "# Conclusion\n", "# Conclusion\n\n[More](missing-page.md)\n"),
                             "Doc file 'conclusion.md' contains a link 'missing-page.md', but the target is not "
                             "found among documentation files."),
    "link-to-missing-anchor": (replace_in("docs/conclusion.md", "# Conclusion\n",
                                          "# Conclusion\n\n[More](confidentiality.md#no-such-heading)\n"),
                               "Doc file 'conclusion.md' contains a link 'confidentiality.md#no-such-heading', "
                               "but the doc 'confidentiality.md' does not contain an anchor '#no-such-heading'."),
    "page-not-utf8": (write("docs/conclusion.md", "# Conclusion\n\nCaf\xe9\n".encode("latin-1")),
                      "docs/conclusion.md, line 3: is not UTF-8 text (invalid continuation byte); save it as UTF-8"),
}


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_project(tmp_path_factory):
    """A built project; each case copies it, breaks it and rebuilds."""
    return build_project(copy_project(tmp_path_factory.mktemp("good"))).project


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_clearly(good_project, tmp_path, case):
    project = tmp_path / "project"
    shutil.copytree(good_project, project)
    before = tree_digest(project / "site"), tree_digest(project / "dist")
    mutate, message = CASES[case]
    mutate(project)

    result = run_build(project)

    assert result.returncode != 0
    # Each line reads "LEVEL   -  text": one problem, then the closing verdict.
    said = [line.split(" -  ", 1)[-1] for line in result.output.splitlines() if line.strip()]
    assert said == [message, FAILED], result.output
    assert "Traceback" not in result.output
    assert (tree_digest(project / "site"), tree_digest(project / "dist")) == before
    assert not list(project.glob(".build-*")), "staging folder left behind"
