"""What a build tells GitHub Actions: errors on the lines they are about, and a summary.

A workflow command such as `::error file=data/methods.yml,line=18::…` makes
GitHub show the message on that line of a pull request's changed files
(https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
"""

import os
from pathlib import Path

from trustsite.messages import where


def on_github() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def error_command(message: str) -> str:
    """`message` as an ::error workflow command, on its file and line when it names them."""
    place = where(message)
    properties = []
    if place:
        file, line = place
        properties.append(f"file={_escape_property(file)}")
        if line:
            properties.append(f"line={line}")
    head = "::error " + ",".join(properties) if properties else "::error"
    return f"{head}::{_escape_data(message)}"


def summary(figures: list[tuple[str, str]]) -> str:
    """A good build's figures as the Markdown of a job summary."""
    rows = "".join(f"| {label} | {value} |\n" for label, value in figures)
    return f"### The site was built\n\n| | |\n| --- | --- |\n{rows}\n"


def add_to_summary(figures: list[tuple[str, str]]) -> None:
    """Append the summary to the file GITHUB_STEP_SUMMARY names, if it names one."""
    if path := os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(path).open("a", encoding="utf-8") as file:
            file.write(summary(figures))
