"""Hostile data files (issue 12's cases): each must be refused fast and in
little memory, not only clearly. The tests (tests/support/refusal.py) refuse
them within a guard; the bench (trustsite_tools/bench.py) times them.

Each case is a change to a copy of the test project (a function of its
folder) and the one line the build must say.
"""

import os
from pathlib import Path

from trustsite.check import MOST_MARKDOWN, MOST_PAGES


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


def replace_each(relative: str, *changes: tuple[str, str]):
    def mutate(project: Path):
        for old, new in changes:
            replace_in(relative, old, new)(project)
    return mutate


def alias_bomb(levels: int) -> str:
    """A methods file of a few hundred bytes whose one field stands for
    9 ** levels copies of "lol", once its aliases are expanded."""
    lists = ["&l0 [" + ", ".join(["lol"] * 9) + "]"]
    lists += [f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return f"- name: Bomb\n  description: [{', '.join(lists)}]\n  importance: Fills the memory\n"



MEGABYTE = 2**20


def grow_sparse(relative: str, size: int):
    """`relative` made `size` bytes long, its tail a hole that takes no disk."""
    return lambda project: os.truncate(project / relative, size)


def many_pages(count: int, size: int):
    """`count` pages of `size` bytes each, in a new folder docs/many/."""
    def mutate(project: Path):
        folder = project / "docs" / "many"
        folder.mkdir()
        text = ("# A page\n\n" + "Words of a section. " * size)[:size]
        for number in range(count):
            (folder / f"page-{number:05d}.md").write_text(text, encoding="utf-8")
    return mutate


# Issue 12's cases: each must be refused fast and in little memory, not only clearly.
HOSTILE_DATA = {
    "alias-bomb": (
        write("data/methods.yml", alias_bomb(levels=9)),
        "data/methods.yml, line 2: anchors and aliases (&name, *name) are not allowed; write each value out"),
    "anchor-and-alias": (
        replace_each("data/methods.yml", ("- name: Method D", "- name: &method Method D"),
                     ("- name: Method E", "- name: *method")),
        "data/methods.yml, line 11: anchors and aliases (&name, *name) are not allowed; write each value out"),
    "one-megabyte-cell-of-the-wrong-type": (
        replace_in("data/methods.yml", "- name: Method D", '- name: ["' + "x" * MEGABYTE + '"]'),
        f"data/methods.yml, row 4 (line 11), field 'name': must be text, but YAML read ['{'x' * 57}… "
        "as a list or mapping; put the value in quotes"),
    # Read whole before its size is checked, it would need 3 GB, past the tests' memory guard (tests/support/refusal.py).
    "three-gigabyte-file": (grow_sparse("data/methods.yml", 3 * 2**30),
                            "data/methods.yml: is larger than 2 MB; no page needs that much"),
    # Twenty times the pages a build may have: a stranger's pull request that
    # would otherwise take minutes and gigabytes to build, and could still pass.
    "twenty-times-the-pages": (many_pages(20 * MOST_PAGES, size=100),
                               f"docs: holds more than {MOST_PAGES} pages, the most this site builds; "
                               "join some sections into one page"),
    # Each page under the size a page may have, but more text than a whole site may hold.
    "more-text-than-a-site-holds": (many_pages(MOST_MARKDOWN // (MEGABYTE - 4096) + 1, size=MEGABYTE - 4096),
                                    f"docs: its pages hold more than {MOST_MARKDOWN // MEGABYTE} MB of text in all, "
                                    "the most this site builds; no article needs that much"),
}
# Each of them must fail within this much of the build's own processor time,
# which tells a hang (minutes) from a slow machine and is the same however busy
# the machine is; trustsite_tools/bench.py measures how fast they really are.
SECONDS = 60
MEGABYTES = 300
