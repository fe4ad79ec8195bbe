"""The locks pin exactly what the hand-written requirements ask for, with hashes.

requirements.in -> requirements.txt and requirements-zensical.in ->
requirements-zensical.txt (pip-compile, each for its own venv) and
package.json -> package-lock.json (npm) must agree: every direct requirement is pinned at a
version it accepts, every pin carries a hash, and nothing is pinned that no
requirement pulls in.
"""

import importlib.metadata
import json
import re
import sys

import pytest

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support.project import ROOT

EXACT_NPM_VERSION = re.compile(r"\d+\.\d+\.\d+")
# Each Python lock: its source, and the venv `make` installs it into.
LOCKS = {"requirements": ".venv", "requirements-zensical": ".venv-zensical"}
locks = pytest.mark.parametrize("lock_name", LOCKS)


def direct_requirements(lock_name: str) -> list[Requirement]:
    lines = (line.split("#", 1)[0].strip() for line in (ROOT / f"{lock_name}.in").read_text().splitlines())
    return [Requirement(line) for line in lines if line]


def installed(lock_name: str) -> dict[str, importlib.metadata.Distribution]:
    """The distributions installed in the lock's venv, by name."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site_packages = ROOT / LOCKS[lock_name] / "lib" / version / "site-packages"
    assert site_packages.is_dir(), f"{site_packages} is missing: run `make test`, which installs it"
    return {canonicalize_name(d.metadata["Name"]): d for d in importlib.metadata.distributions(path=[str(site_packages)])}


def python_lock(lock_name: str) -> dict[str, tuple[str, list[str]]]:
    """requirements.txt (or another lock) as {name: (pinned version, hashes)}."""
    text = re.sub(r"\\\n", " ", (ROOT / f"{lock_name}.txt").read_text())
    lock = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("--"):  # a comment or an index option
            continue
        requirement, *options = line.split()
        name, separator, version = requirement.partition("==")
        assert separator and version, f"requirements.txt: {requirement!r} is not pinned with =="
        lock[canonicalize_name(name)] = (version, [o.removeprefix("--hash=") for o in options
                                                 if o.startswith("--hash=sha256:")])
    return lock


def requirement_closure(requirements: list[Requirement], distributions: dict) -> set[str]:
    """Every distribution the requirements pull in, read from the installed metadata."""
    environment = default_environment()
    needed, queue = set(), [(r, "") for r in requirements]
    while queue:
        requirement, extra = queue.pop()
        if requirement.marker and not requirement.marker.evaluate({**environment, "extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        # One entry per (name, extra), so a package's extras are followed as well.
        for wanted_extra in [""] + sorted(requirement.extras):
            if (name, wanted_extra) in needed:
                continue
            needed.add((name, wanted_extra))
            if name not in distributions:
                raise AssertionError(f"{name} is not installed; run "
                                     "`.venv/bin/pip install --require-hashes --no-deps -r requirements.txt`")
            requires = distributions[name].requires or []
            queue += [(Requirement(r), wanted_extra) for r in requires]
    return {name for name, _ in needed}


@locks
def test_every_direct_python_requirement_is_pinned_at_a_version_it_accepts(lock_name):
    lock = python_lock(lock_name)
    for requirement in direct_requirements(lock_name):
        name = canonicalize_name(requirement.name)
        assert name in lock, f"{requirement} is in requirements.in but not in requirements.txt: run `make lock`"
        assert requirement.specifier.contains(Version(lock[name][0]), prereleases=True), (
            f"requirements.txt pins {name}=={lock[name][0]}, which requirements.in ({requirement}) refuses: "
            "run `make lock`")


@locks
def test_every_python_pin_has_a_hash(lock_name):
    unhashed = [name for name, (_, hashes) in python_lock(lock_name).items() if not hashes]
    assert unhashed == []


@locks
def test_the_python_lock_holds_what_the_requirements_pull_in_and_nothing_else(lock_name):
    lock = python_lock(lock_name)
    distributions = installed(lock_name)
    for name, (version, _) in lock.items():
        version_installed = distributions[name].version if name in distributions else None
        assert version_installed == version, (
            f"{name} {version_installed} is installed but the lock pins {version}; run "
            f"`{LOCKS[lock_name]}/bin/pip install --require-hashes --no-deps -r {lock_name}.txt`")
    needed = requirement_closure(direct_requirements(lock_name), distributions)
    assert sorted(needed - set(lock)) == [], "pulled in but not pinned: run `make lock`"
    assert sorted(set(lock) - needed) == [], "pinned but required by nothing: run `make lock`"


def npm_files() -> tuple[dict, dict]:
    manifest = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    return manifest, lock["packages"]


def test_npm_tools_are_pinned_to_exact_versions_that_the_lock_installs():
    manifest, packages = npm_files()
    wanted = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    assert wanted
    for name, version in wanted.items():
        assert EXACT_NPM_VERSION.fullmatch(version), f"package.json: {name} {version!r} is not an exact version"
        assert packages.get(f"node_modules/{name}", {}).get("version") == version, (
            f"package-lock.json does not install {name} {version}: run `npm install --ignore-scripts`")
    root = packages[""]
    assert {**root.get("dependencies", {}), **root.get("devDependencies", {})} == wanted, (
        "package-lock.json was written for another package.json: run `npm install --ignore-scripts`")


def test_every_npm_package_has_an_integrity_hash():
    _, packages = npm_files()
    assert [path for path, entry in packages.items() if path and not entry.get("integrity")] == []


def resolve_npm(packages: dict, requester: str, name: str) -> str | None:
    """Where Node finds `name` from the package at `requester`: the nearest node_modules up the tree."""
    base = requester
    while True:
        candidate = f"{base}/node_modules/{name}" if base else f"node_modules/{name}"
        if candidate in packages:
            return candidate
        if not base:
            return None
        base = base.rsplit("/node_modules/", 1)[0] if "/node_modules/" in base else ""


def test_the_npm_lock_holds_nothing_that_no_tool_needs():
    _, packages = npm_files()
    reached, queue = {""}, [""]
    while queue:
        path = queue.pop()
        entry = packages[path]
        names = {**entry.get("dependencies", {}), **entry.get("optionalDependencies", {}),
                 **entry.get("peerDependencies", {})}
        if path == "":
            names.update(entry.get("devDependencies", {}))
        for name in names:
            found = resolve_npm(packages, path, name)
            if found and found not in reached:
                reached.add(found)
                queue.append(found)
    assert sorted(set(packages) - reached) == []
