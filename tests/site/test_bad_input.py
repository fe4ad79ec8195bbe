"""A bad data file or page stops the build with one clear message and no traceback,
and leaves the last good site exactly as it was."""

import re

import pytest

from tests.support.project import ROOT, build_project, copy_project, run_build, use_test_project
from tests.support.refusal import (FAILED, GOOD_ROW, HEADING, HOSTILE_DATA, MEGABYTE, MEGABYTES, SECONDS, TEST_PAGE,
                                   assert_refused, broken_copy, config_line, delete, first_line_of, linked_folder,
                                   links_to, on_line_3, replace_in, run_build_measured, tree_digest, write)
from trustsite.builders import BUILDERS
from trustsite.data import load_rows
from trustsite.link_check import EXTENSIONS
from trustsite.schema import SCHEMAS
from trustsite.settings import read_config

LONG_LINK = "a" * 5000 + ".md"
REFERENCE_SCHEMA = SCHEMAS["references.yml"]
# The line that opens mkdocs.yml's extra: settings.
EXTRA = "\nextra:\n"
# The nav entry of the test page.
NAV_ENTRY = ": conclusion.md\n"
# id: (change to a good project, the one message the build must print)
CASES = {
    "yaml-syntax-error": (
        replace_in("data/methods.yml", "- name: Method D", "- name: [Method D"),
        "data/methods.yml, line 12: did not find expected ',' or ']'"),
    # libyaml gives up at the end of the file; the quote opened on line 2.
    "unclosed-quote": (write("data/methods.yml", '- name: A\n  description: "What it is\n  importance: Why\n'),
                       "data/methods.yml, line 2: a quote that is never closed; end the value with the same quote mark"),
    "colon-in-value": (write("data/methods.yml", "- name: A\n  description: What: it is\n  importance: Why\n"),
                       'data/methods.yml, line 2: a colon and a space inside a value; put the value in "quotes"'),
    "empty-file": (write("data/components.yml", "# nothing yet\n"),
                   "data/components.yml: is empty; it must hold a list of rows"),
    "empty-list": (write("data/components.yml", "[]\n"),
                   "data/components.yml: is empty; it must hold a list of rows"),
    "missing-file": (delete("data/methods.yml"), "data/methods.yml: file not found"),
    "data-not-utf8": (replace_in("data/methods.yml", "- name: Method D", "- name: M\udce9thod D"),
                      "data/methods.yml, line 11: is not UTF-8 text (invalid continuation byte); save it as UTF-8"),
    "top-level-not-a-list": (write("data/methods.yml", GOOD_ROW.replace("- name", "name").replace("\n  ", "\n")),
                             "data/methods.yml: must be a list of rows, each starting with '- '"),
    "row-not-a-mapping": (write("data/methods.yml", GOOD_ROW + "- Method B\n"),
                          "data/methods.yml, row 2 (line 4): must be a set of 'field: value' lines "
                          "(name, description, importance), not 'Method B'"),
    # Row 4 of the methods: its fields on lines 11 to 13.
    "missing-field": (replace_in("data/methods.yml", "  importance: Why method D matters\n", ""),
                      "data/methods.yml, row 4 (line 11), field 'importance': is missing"),
    "unknown-field": (replace_in("data/methods.yml", "  importance: Why method D", "  importanse: Why method D"),
                      "data/methods.yml, row 4 (line 13), field 'importanse': is not a known field; "
                      "use only: name, description, importance"),
    "empty-field": (replace_in("data/methods.yml", "  description: Describes method D", "  description:"),
                    "data/methods.yml, row 4 (line 12), field 'description': is empty"),
    "blank-field": (replace_in("data/methods.yml", "  description: Describes method D", '  description: "   "'),
                    "data/methods.yml, row 4 (line 12), field 'description': is empty"),
    "wrong-type": (replace_in("data/methods.yml", "- name: Method D", "- name: 42"),
                   "data/methods.yml, row 4 (line 11), field 'name': must be text, but YAML read 42 "
                   "as a number; put the value in quotes"),
    "duplicate-row-name": (replace_in("data/methods.yml", "- name: Method D", "- name: Method A"),
                           "data/methods.yml, row 4 (line 11), field 'name': 'Method A' is already used by row 1"),
    "duplicate-key-in-row": (replace_in("data/methods.yml", "  importance: Why method D matters\n",
                                        "  importance: Why method D matters\n  name: Again\n"),
                             "data/methods.yml, line 14: field 'name' is given twice"),
    "python-tag": (replace_in("data/methods.yml", "- name: Method D", "- name: !!python/object:os.system ls"),
                   "data/methods.yml, line 11: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed; "
                   "write plain text"),
    # The same field problems in the other table, row 5 (line 14): its fields on lines 14 to 16.
    "components-missing-field": (
        replace_in("data/components.yml", "  importance: Why part E matters\n", ""),
        "data/components.yml, row 5 (line 14), field 'importance': is missing"),
    "components-unknown-field": (
        replace_in("data/components.yml", "  description: Describes part E", "  descripton: Describes part E"),
        "data/components.yml, row 5 (line 15), field 'descripton': is not a known field; "
        "use only: name, description, importance"),
    "components-empty-field": (
        replace_in("data/components.yml", "  description: Describes part E", "  description:"),
        "data/components.yml, row 5 (line 15), field 'description': is empty"),
    "components-wrong-type": (
        replace_in("data/components.yml", "  importance: Why part E matters", "  importance: yes"),
        "data/components.yml, row 5 (line 16), field 'importance': must be text, but YAML read True "
        "as true/false; put the value in quotes"),
    "components-duplicate-row-name": (
        replace_in("data/components.yml", "- name: Part E", "- name: Part A"),
        "data/components.yml, row 5 (line 14), field 'name': 'Part A' is already used by row 1"),
    "components-duplicate-key-in-row": (
        replace_in("data/components.yml", "  description: Describes part E\n",
                   "  description: Describes part E\n  description: Again\n"),
        "data/components.yml, line 16: field 'description' is given twice"),
    # The reference list: row 1 starts on line 2, row 2 on line 12, row 3 on line 22; a message
    # names the line of its field.
    "reference-doi-as-address": (
        replace_in("data/references.yml", '  doi: "10.5555/test-a"', '  doi: "https://doi.org/10.5555/test-a"'),
        "data/references.yml, row 1 (line 10), field 'doi': must be a bare DOI such as 10.1037/a0022186, "
        "without https://doi.org/"),
    "reference-year-in-quotes": (
        replace_in("data/references.yml", "  year: 2002", '  year: "2002"'),
        "data/references.yml, row 2 (line 14), field 'year': must be a whole number, not '2002'; remove the quotes"),
    "reference-null-field-left-out": (
        replace_in("data/references.yml", "  container: null\n", ""),
        "data/references.yml, row 3 (line 22), field 'container': is missing"),
    "reference-script-address": (
        replace_in("data/references.yml", '  url: "https://example.org/work-c"', '  url: "javascript:alert(1)"'),
        "data/references.yml, row 3 (line 31), field 'url': must be a web address starting with https://"),
    "reference-duplicate-id": (
        replace_in("data/references.yml", "- id: author-b-2002", "- id: author-a-2001"),
        "data/references.yml, row 2 (line 12), field 'id': 'author-a-2001' is already used by row 1"),
    "reference-id-with-spaces": (
        replace_in("data/references.yml", "- id: author-b-2002", "- id: Author B 2002"),
        "data/references.yml, row 2 (line 12), field 'id': must be lower-case letters, digits and hyphens, "
        "such as smith-2020"),
    "reference-unknown-field": (
        replace_in("data/references.yml", '  supports: "Claim B', '  support: "Claim B'),
        "data/references.yml, row 2 (line 21), field 'support': is not a known field; use only: id, authors, "
        "year, title, container, volume, issue, pages, doi, url, supports"),
    "macro-references-with-argument": (
        replace_in("docs/references.md", "{{ references() }}", '{{ references("apa") }}'),
        "docs/references.md, line 5: references() takes 0 positional arguments but 1 was given"),
    "undefined-macro": (on_line_3('{{ data_tabel("methods") }}'),
                        "docs/conclusion.md, line 3: 'data_tabel' is not one of this site's macros; "
                        "did you mean data_table()?"),
    "macro-wrong-arguments": (on_line_3('{{ data_table("methods", "components") }}'),
                              "docs/conclusion.md, line 3: data_table() takes 1 positional argument but 2 were given"),
    "macro-unknown-table": (on_line_3('{{ data_table("method") }}'),
                            "docs/conclusion.md, line 3: there is no table 'method'; use one of: methods, components"),
    "link-to-missing-page": (on_line_3("[More](missing-page.md)"),
                             "docs/conclusion.md, line 3: the link 'missing-page.md' goes to no page of the site"),
    "link-to-a-misspelt-page": (on_line_3("[More](conclusoin.md)"),
                                "docs/conclusion.md, line 3: the link 'conclusoin.md' goes to no page of the site; "
                                "did you mean 'conclusion.md'?"),
    "link-to-missing-anchor": (on_line_3("[More](references.md#no-such-heading)"),
                               "docs/conclusion.md, line 3: the link 'references.md#no-such-heading' "
                               "goes to no heading of 'references.md'"),
    # Joined into one page, elements this deep would run Python out of stack.
    "page-nested-too-deep": (on_line_3("<div>" * 150 + "x" + "</div>" * 150),
                             "docs/conclusion.md: its elements nest 150 deep, more than the 100 "
                             "a page can have to join the one-page view; simplify it"),
    "page-not-utf8": (write(TEST_PAGE, f"{HEADING}\nCaf\xe9\n".encode("latin-1")),
                      "docs/conclusion.md, line 3: is not UTF-8 text (invalid continuation byte); save it as UTF-8"),
    # MkDocs reads any of its Markdown endings as a page, so the check does too.
    "page-not-utf8-markdown-ending": (
        write("docs/extra.markdown", f"{HEADING}\nCaf\xe9\n".encode("latin-1")),
        "docs/extra.markdown, line 3: is not UTF-8 text (invalid continuation byte); save it as UTF-8"),
    # And it reads a folder linked into docs/.
    "page-not-utf8-in-linked-folder": (
        linked_folder("docs/shared", "page.md", f"{HEADING}\nCaf\xe9\n".encode("latin-1")),
        "docs/shared/page.md, line 3: is not UTF-8 text (invalid continuation byte); save it as UTF-8"),
    # Two links of a folder to itself: a walk that follows links, as MkDocs' does,
    # would read 2 ** 40 folders before the system's limit on links stopped it.
    "page-folder-linked-into-itself": (
        links_to(".", "docs/again", "docs/and-again"),
        "docs/again: links to a folder that docs/ already holds, so its pages would be read again "
        "(or without end); link each folder once"),
    # A data file cannot make the build hang or fill the memory, nor quote itself at length.
    "data-huge-number": (
        replace_in("data/methods.yml", "- name: Method D", "- name: " + "1" * MEGABYTE),
        f"data/methods.yml, line 11: YAML reads '{'1' * 58}… as a number 1,048,576 characters long; "
        "put the value in quotes"),
    "data-deep-nesting": (
        replace_in("data/methods.yml", "- name: Method D", "- name: " + "[" * 500 + "]" * 500),
        "data/methods.yml, line 11: lists or mappings are nested more than 10 deep; "
        "a row is one list item of 'field: value' lines"),
    "data-too-many-values": (
        replace_in("data/methods.yml", "- name: Method D", "- name: [" + "1, " * 20_000 + "]"),
        "data/methods.yml: holds more than 10,000 values, far more than a page can show"),
    "data-file-too-large": (
        replace_in("data/methods.yml", "- name: Method D", "# " + "x" * (2 * MEGABYTE) + "\n- name: Method D"),
        "data/methods.yml: is larger than 2 MB; no page needs that much"),
    "data-date-that-does-not-exist": (
        replace_in("data/methods.yml", "- name: Method D", "- name: 2025-02-30"),
        "data/methods.yml, line 11: YAML cannot read this value (day is out of range for month); put it in quotes"),
    "data-control-character": (
        replace_in("data/methods.yml", "- name: Method D", "- name: Meth\x00od D"),
        "data/methods.yml, line 11: holds the character #x0000, which YAML does not allow; delete it"),
    "data-list-as-field-name": (
        replace_in("data/methods.yml", "  importance: Why method D", "  [importance]: Why method D"),
        "data/methods.yml, line 13: a field name must be plain text, not a list or mapping"),
    "data-binary-tag": (
        replace_in("data/methods.yml", "- name: Method D", "- name: !!binary TWV0aG9kIEQ="),
        "data/methods.yml, line 11: tag 'tag:yaml.org,2002:binary' is not allowed; write plain text"),
    "data-very-long-field-name": (
        replace_in("data/methods.yml", "  importance: Why method D", "  ? " + "i" * 10_000 + "\n  : Why method D"),
        f"data/methods.yml, row 4 (line 13), field '{'i' * 58}…: is not a known field; "
        "use only: name, description, importance"),
    # A page may only call macros: nothing else in it reaches mkdocs-macros.
    "page-jinja-loop": (
        on_line_3("{% for i in range(10**9) %}x{% endfor %}"),
        'docs/conclusion.md, line 3: a page may only call a macro, such as {{ data_table("methods") }}'),
    "page-jinja-arithmetic": (
        on_line_3('{{ "x" * 10**10 }}'),
        'docs/conclusion.md, line 3: a page may only call a macro, such as {{ data_table("methods") }}'),
    "page-jinja-function-not-a-macro": (
        on_line_3("{{ lipsum(1000000000) }}"),
        "docs/conclusion.md, line 3: 'lipsum' is not one of this site's macros; "
        "use one of: data_table(), publication_date(), references()"),
    # mkdocs-macros' own macros publish the build's settings, folders and last committer.
    "page-calls-macros-info": (
        on_line_3("{{ macros_info() }}"),
        "docs/conclusion.md, line 3: 'macros_info' is not one of this site's macros; "
        "use one of: data_table(), publication_date(), references()"),
    "page-calls-context": (
        on_line_3("{{ context() }}"),
        "docs/conclusion.md, line 3: 'context' is not one of this site's macros; "
        "use one of: data_table(), publication_date(), references()"),
    # mkdocs-macros renders a front-matter title too; it goes on line 2.
    "page-jinja-in-title": (
        replace_in(TEST_PAGE, HEADING, f'---\ntitle: "{{{{ 7 * 7 }}}}"\n---\n\n{HEADING}'),
        'docs/conclusion.md, line 2: a page may only call a macro, such as {{ data_table("methods") }}'),
    "page-jinja-syntax-error": (on_line_3('{{ data_table("methods" }}'),
                                "docs/conclusion.md, line 3: unexpected '}', expected ')'"),
    "page-too-large": (write(TEST_PAGE, HEADING + "x" * MEGABYTE),
                       "docs/conclusion.md: is larger than 1 MB; no page needs that much"),
    # mkdocs.yml's mistakes are said as a data file's are, before MkDocs reads it.
    "config-colon-in-site-name": (
        first_line_of("mkdocs.yml", "site_name:", "site_name: Trust: a guide"),
        f'mkdocs.yml, line {config_line("site_name:")}: a colon and a space inside a value; '
        'put the value in "quotes"'),
    "nav-names-a-misspelt-page": (
        replace_in("mkdocs.yml", NAV_ENTRY, ": conclusoin.md\n"),
        f"mkdocs.yml, line {config_line(NAV_ENTRY.strip())}: the menu (nav) names 'conclusoin.md', "
        "which is not a page in docs/; did you mean 'conclusion.md'?"),
    "nav-names-a-missing-page": (
        replace_in("mkdocs.yml", NAV_ENTRY, ": farewell.md\n"),
        f"mkdocs.yml, line {config_line(NAV_ENTRY.strip())}: the menu (nav) names 'farewell.md', "
        "which is not a page in docs/"),
    "nav-names-a-very-long-page": (
        replace_in("mkdocs.yml", NAV_ENTRY, f": {LONG_LINK}\n"),
        f"mkdocs.yml, line {config_line(NAV_ENTRY.strip())}: the menu (nav) names '{'a' * 58}…, "
        "which is not a page in docs/"),
    "config-nested-thousands-deep": (
        replace_in("mkdocs.yml", NAV_ENTRY, ": " + "[" * 5000 + "]" * 5000 + "\n"),
        "mkdocs.yml: nests lists or mappings thousands deep; no setting needs that"),
    # Who stands behind the article (mkdocs.yml's extra:), named by setting and item.
    "author-without-a-name": (
        replace_in("mkdocs.yml", EXTRA, EXTRA + "  authors:\n    - name: Jane Smith\n    - role: Therapist\n"),
        "mkdocs.yml, extra.authors, item 2: give the author's name"),
    "reviewer-link-not-https": (
        replace_in("mkdocs.yml", EXTRA, EXTRA + "  reviewers:\n    - {name: Sam Lee, url: 'javascript:alert(1)'}\n"),
        "mkdocs.yml, extra.reviewers, item 1, url: must be a web address starting with https://"),
    "publisher-misspelt-field": (
        replace_in("mkdocs.yml", EXTRA, EXTRA + "  publisher:\n    name: A Clinic\n    adress: 1 High Street\n"),
        "mkdocs.yml, extra.publisher: 'adress' is not a known field; use only: name, address, contact, url"),
    # A message quotes a line's worth of a link's target, whatever its length.
    "link-target-very-long": (
        on_line_3(f"[More]({LONG_LINK})"),
        f"docs/conclusion.md, line 3: the link '{'a' * 58}… goes to no page of the site"),
}

@pytest.fixture(scope="module")
def good_project(tmp_path_factory):
    """The test project, built; each case copies it, breaks it and rebuilds."""
    return build_project(use_test_project(copy_project(tmp_path_factory.mktemp("good")))).project



@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_clearly(good_project, tmp_path, case):
    mutate, message = CASES[case]
    project, before = broken_copy(good_project, tmp_path, mutate)
    assert_refused(project, before, run_build_measured(project).result, message)


def test_a_page_is_checked_before_mkdocs_macros_runs_it(good_project, tmp_path):
    # An attribute walk from a macro to Python's open(), which would write into the project.
    attack = '{{ data_table.__globals__.__builtins__.open("ran.txt", "w").write("ran") }}'
    project, before = broken_copy(good_project, tmp_path, on_line_3(attack))

    result = run_build_measured(project).result

    assert_refused(project, before, result,
                   'docs/conclusion.md, line 3: a page may only call a macro, such as {{ data_table("methods") }}')
    assert not (project / "ran.txt").exists()


@pytest.mark.parametrize("case", HOSTILE_DATA)
def test_hostile_data_is_refused_fast_in_little_memory(good_project, tmp_path, case):
    mutate, message = HOSTILE_DATA[case]
    project, before = broken_copy(good_project, tmp_path, mutate)

    build = run_build_measured(project)

    assert_refused(project, before, build.result, message)
    assert build.seconds < SECONDS
    assert build.peak_megabytes < MEGABYTES


def test_a_page_too_complex_to_finish_is_stopped_at_the_time_limit(good_project, tmp_path):
    # Python-Markdown takes minutes over 20,000 "[" in a row; the limit stops it and names the page.
    project, before = broken_copy(good_project, tmp_path, on_line_3("[" * 20_000))

    build = run_build_measured(project, "--time-limit", "3")

    assert_refused(project, before, build.result,
                   "docs/conclusion.md: the build took more than 3 s and was stopped: "
                   "something it was reading is too complex to finish")
    assert build.seconds < 3 + SECONDS


# Runs the build (python -m trustsite build) with signal.alarm replaced: it says the limit the build
# would set, and stops before building anything.
SHOW_TIME_LIMIT = """
import runpy, signal, sys
def alarm(seconds):
    print(f"time limit: {seconds} s")
    raise SystemExit(0)
signal.alarm = alarm
sys.argv = ["trustsite", "build"]
runpy.run_module("trustsite", run_name="__main__")
"""


def test_a_build_has_a_time_limit_by_default_and_its_help_says_which(tmp_path):
    project = copy_project(tmp_path / "project")
    stated = re.search(r"--time-limit SECONDS\s+stop a build .*\(default\s+(\d+);", run_build(project, "--help").output,
                       re.DOTALL)
    limit = run_build(project, program=("-c", SHOW_TIME_LIMIT))
    assert stated and limit.returncode == 0, limit.output
    set_limit = re.fullmatch(r"time limit: (\d+) s", limit.output.strip())
    assert set_limit, limit.output
    assert int(set_limit.group(1)) == int(stated.group(1)) > 0


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_broken_link_is_named_alike_whichever_builder_follows(good_project, tmp_path, builder):
    """Zensical names no page for a broken link: the check stage does, in MkDocs' words.
    An anchor the page's macros render, or an attr_list id (written `{ #id }`: "{#"
    opens a Jinja comment), is found; a link in code is no link."""
    first_reference = load_rows(good_project / "data" / "references.yml", REFERENCE_SCHEMA)[0].id
    links = [
        "## A heading of its own { #own-heading }",
        f"[Kept](references.md#{first_reference}) and [mine](#own-heading).",
        "[Misspelt](referenses.md) and `[in code](gone-in-code.md)`.",
        f"[Not a reference](references.md#{first_reference}-typo)",
        "~~~\n[Fenced](gone-in-a-fence.md)\n~~~",
        "[No heading](#no-heading)",
    ]
    project, before = broken_copy(good_project, tmp_path, on_line_3("\n\n".join(links)))

    result = run_build(project, "--builder", builder)

    assert result.returncode != 0
    said = [line.split(" -  ", 1)[-1] for line in result.output.splitlines() if line.strip()]
    # Line 3 holds the heading; each link is two lines below the one before.
    assert sorted(said[:-1]) == sorted([
        "docs/conclusion.md, line 7: the link 'referenses.md' goes to no page of the site; "
        "did you mean 'references.md'?",
        f"docs/conclusion.md, line 9: the link 'references.md#{first_reference}-typo' "
        "goes to no heading of 'references.md'",
        "docs/conclusion.md, line 15: the link '#no-heading' goes to no heading of this page",
    ]), result.output
    assert said[-1] == FAILED
    assert (tree_digest(project / "site"), tree_digest(project / "dist")) == before


def test_the_link_check_renders_with_the_extensions_mkdocs_yml_lists():
    """The ids and links the check finds are the builders' only if it renders as they do."""
    listed = read_config(ROOT / "mkdocs.yml")["markdown_extensions"]
    names = {next(iter(item)) if isinstance(item, dict) else item for item in listed}
    settings = {name: value for item in listed if isinstance(item, dict) for name, value in item.items()}
    # Snippets adds the abbreviations' definitions: no link, no heading.
    assert names - {"pymdownx.snippets"} <= set(EXTENSIONS)
    # A heading's id is toc's slug unless mkdocs.yml changes how it is made.
    assert set(settings.get("toc") or {}) <= {"permalink", "permalink_title"}


def test_a_megabyte_of_broken_links_is_checked_fast(good_project, tmp_path):
    """70,000 links on one page: each one's line is found reading on from the last."""
    links = "".join(f"[Link](missing-{n}.md)\n" for n in range(70_000))
    project, before = broken_copy(good_project, tmp_path, write(TEST_PAGE, (HEADING + links)[:MEGABYTE - 1]))

    build = run_build_measured(project)

    lines = build.result.output.splitlines()
    assert build.result.returncode != 0 and len(lines) < 15, build.result.output
    assert lines[0] == "WARNING -  docs/conclusion.md, line 2: the link 'missing-0.md' goes to no page of the site"
    assert build.seconds < SECONDS
