"""A build's messages as trustsite/messages.py and trustsite/github.py word them:
short, at the page's path, safe for GitHub's annotations."""

from trustsite.github import error_command
from trustsite.messages import ShortReport, page_problem, where


def test_problems_in_many_files_stay_short():
    # One problem in each of 40 files: 20 shown, 9 files counted one by one, 11 together.
    report = ShortReport(per_kind=10, most=20)
    messages = [f"docs/page-{page}.md, line 1: a problem" for page in range(40)]
    shown = [message for message in messages if report.admit(message)]
    assert shown == messages[:20]
    assert report.rest() == ([f"… and 1 more problem in docs/page-{page}.md" for page in range(20, 29)]
                             + ["… and 11 more problems in other files"])


def test_mkdocs_page_errors_name_the_page_by_its_path():
    assert page_problem("Error reading page 'guide/a.md': too deep", "docs") == "docs/guide/a.md: too deep"
    # MkDocs prints a BuildError's own message on the next line: this one says nothing.
    assert page_problem("Error building page 'a.md':", "docs") == ""
    assert page_problem("Documentation built", "docs") is None


def test_a_workflow_command_escapes_what_github_reads_as_syntax():
    assert error_command("data/a,b:c.yml, line 4: 100% sure\r\nnext") == (
        "::error file=data/a%2Cb%3Ac.yml,line=4::data/a,b:c.yml, line 4: 100%25 sure%0D%0Anext")
    assert where("data/methods.yml, row 2 (line 9), field 'x': is empty") == ("data/methods.yml", 9)
    assert where("Build failed") is None
