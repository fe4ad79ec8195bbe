"""A bad data file or page stops the build with one clear message and no traceback,
and leaves the last good site exactly as it was."""

import hashlib
from pathlib import Path

import pytest

from conftest import build_project, copy_project, run_build

GOOD_ROW = "- name: Empathy\n  description: Understanding client's perspectives\n  importance: Fosters a supportive connection\n"


def replace_in(relative: str, old: str, new: str):
    def mutate(project: Path):
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def write(relative: str, content: str | bytes):
    def mutate(project: Path):
        path = project / relative
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return mutate


def delete(relative: str):
    return lambda project: (project / relative).unlink()


# id: (change to a good project, what the one message must say)
CASES = {
    "yaml-syntax-error": (
        replace_in("data/methods.yml", "- name: Validation", "- name: [Validation"),
        "data/methods.yml, line 17: expected ',' or ']', but got ':'"),
    "empty-file": (write("data/components.yml", "# nothing yet\n"),
                   "data/components.yml: is empty; it must hold a list of rows"),
    "missing-file": (delete("data/methods.yml"), "data/methods.yml: file not found"),
    "top-level-not-a-list": (write("data/methods.yml", GOOD_ROW.replace("- name", "name").replace("\n  ", "\n")),
                             "data/methods.yml: must be a list of rows, each starting with '- '"),
    "row-not-a-mapping": (write("data/methods.yml", GOOD_ROW + "- Active Listening\n"),
                          "data/methods.yml, row 2 (line 4): must be a set of 'field: value' lines"),
    "missing-field": (replace_in("data/methods.yml", "  importance: Reduces anxiety and builds rapport\n", ""),
                      "data/methods.yml, row 4 (line 16), field 'importance': is missing"),
    "unknown-field": (replace_in("data/methods.yml", "  importance: Reduces", "  importanse: Reduces"),
                      "data/methods.yml, row 4 (line 16), field 'importanse': is not a known field; "
                      "use only: name, description, importance"),
    "empty-field": (replace_in("data/components.yml", "  description: Consensus on therapeutic objectives",
                               "  description:"),
                    "data/components.yml, row 5 (line 20), field 'description': is empty"),
    "blank-field": (replace_in("data/components.yml", "  description: Consensus on therapeutic objectives",
                               '  description: "   "'),
                    "data/components.yml, row 5 (line 20), field 'description': is empty"),
    "wrong-type": (replace_in("data/methods.yml", "- name: Validation", "- name: 42"),
                   "data/methods.yml, row 4 (line 16), field 'name': must be text, but YAML read 42 as a number"),
    "duplicate-row-name": (replace_in("data/methods.yml", "- name: Validation", "- name: Empathy"),
                           "data/methods.yml, row 4 (line 16), field 'name': 'Empathy' is already used by row 1"),
    "duplicate-key-in-row": (replace_in("data/methods.yml", "  importance: Reduces anxiety and builds rapport\n",
                                        "  importance: Reduces anxiety and builds rapport\n  name: Again\n"),
                             "data/methods.yml, line 19: field 'name' is given twice"),
    "python-tag": (replace_in("data/methods.yml", "- name: Validation", "- name: !!python/object:os.system ls"),
                   "data/methods.yml, line 16: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
    "undefined-macro": (replace_in("docs/conclusion.md", "# Conclusion\n", "# Conclusion\n\n{{ data_tabel(\"methods\") }}\n"),
                        "docs/conclusion.md, line 3: 'data_tabel' is undefined"),
    "macro-wrong-arguments": (replace_in("docs/conclusion.md", "# Conclusion\n",
                                         "# Conclusion\n\n{{ data_table(\"methods\", \"components\") }}\n"),
                              "docs/conclusion.md, line 3: data_table() takes 1 positional argument but 2 were given"),
    "macro-unknown-table": (replace_in("docs/conclusion.md", "# Conclusion\n", "# Conclusion\n\n{{ data_table(\"method\") }}\n"),
                            "docs/conclusion.md, line 3: there is no table 'method'; use one of: methods, components"),
    "link-to-missing-page": (replace_in("docs/conclusion.md", "# Conclusion\n", "# Conclusion\n\n[More](missing-page.md)\n"),
                             "Doc file 'conclusion.md' contains a link 'missing-page.md', but the target is not found"),
    "link-to-missing-anchor": (replace_in("docs/conclusion.md", "# Conclusion\n",
                                          "# Conclusion\n\n[More](confidentiality.md#no-such-heading)\n"),
                               "Doc file 'conclusion.md' contains a link 'confidentiality.md#no-such-heading', "
                               "but the doc 'confidentiality.md' does not contain an anchor '#no-such-heading'"),
    "page-not-utf8": (write("docs/conclusion.md", "# Conclusion\n\nCaf\xe9\n".encode("latin-1")),
                      "Error reading page 'conclusion.md': 'utf-8' codec can't decode byte 0xe9"),
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
    import shutil
    project = tmp_path / "project"
    shutil.copytree(good_project, project)
    before = tree_digest(project / "site"), tree_digest(project / "dist")
    mutate, message = CASES[case]
    mutate(project)

    result = run_build(project)

    assert result.returncode != 0
    assert message in result.output, result.output
    assert "Traceback" not in result.output
    assert (tree_digest(project / "site"), tree_digest(project / "dist")) == before
