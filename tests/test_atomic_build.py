"""site/ and dist/ change only when a whole build succeeds."""

import zipfile
from pathlib import Path

from conftest import build_project, copy_project, run_build

ADDED = "A sentence added by this test."


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by relative path."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_failed_build_leaves_the_last_good_site_and_a_good_build_replaces_it(tmp_path):
    built = build_project(copy_project(tmp_path / "project"))
    page = built.project / "docs" / "conclusion.md"
    good_text = page.read_text(encoding="utf-8")
    before = snapshot(built.site), snapshot(built.dist)
    assert before[0] and before[1]

    page.write_text(good_text.replace("# Conclusion\n", "# Conclusion\n\n{{ data_tabel() }}\n"), encoding="utf-8")
    failed = run_build(built.project)
    assert failed.returncode != 0
    assert (snapshot(built.site), snapshot(built.dist)) == before
    assert list(built.project.glob(".build-*")) == [], "a failed build left its staging folder"

    page.write_text(good_text.replace("# Conclusion\n", f"# Conclusion\n\n{ADDED}\n"), encoding="utf-8")
    build_project(built.project)
    assert ADDED in (built.site / "conclusion" / "index.html").read_text(encoding="utf-8")
    archives = list(built.dist.glob("*.zip"))
    assert archives, "the good build left no offline archive in dist/"
    with zipfile.ZipFile(archives[0]) as archive:
        assert any(ADDED in archive.read(name).decode("utf-8", "replace")
                   for name in archive.namelist() if name.endswith("conclusion.html"))
    assert list(built.project.glob(".build-*")) == [], "a good build left its staging folder"
