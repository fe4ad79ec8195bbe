"""What a build tells GitHub Actions: errors on the lines they are about, and a summary.

A workflow command such as `::error file=data/methods.yml,line=18::…` makes
GitHub show the message on that line of a pull request's changed files
(https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
"""

import os
import re
from collections.abc import Sequence
from pathlib import Path

from trustsite.messages import where


# GitHub's own variables as Actions sets them: "https://github.com" (or an
# Enterprise server's address) and "owner/name".
_SERVER = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?/?")
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


def repository_url(server_url: str | None, repository: str | None) -> str | None:
    """The address of the repository a build on GitHub Actions runs in, from
    GITHUB_SERVER_URL and GITHUB_REPOSITORY; None unless both are set as GitHub sets them."""
    if not (server_url and repository and _SERVER.fullmatch(server_url) and _REPOSITORY.fullmatch(repository)):
        return None
    return f"{server_url.rstrip('/')}/{repository}"


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


def summary(figures: list[tuple[str, str]], notices: Sequence[str] = ()) -> str:
    """A good build's figures as the Markdown of a job summary, after what the
    publisher should act on though the site was built (`notices`, one line each)."""
    rows = "".join(f"| {label} | {value} |\n" for label, value in figures)
    said = "".join(f"> {notice}\n\n" for notice in notices)
    return f"### The site was built\n\n{said}| | |\n| --- | --- |\n{rows}\n"


def add_to_summary(figures: list[tuple[str, str]], notices: Sequence[str] = ()) -> None:
    """Append the summary to the file GITHUB_STEP_SUMMARY names, if it names one."""
    if path := os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(path).open("a", encoding="utf-8") as file:
            file.write(summary(figures, notices))
