"""Pack a built folder as a zip that has the same bytes for the same files.

Entries are sorted, every entry carries the same timestamp and permissions, and
nothing about the machine (owner, modification time, directory order) gets in.
"""

import hashlib
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

# The zip format cannot store dates before 1980.
_ZIP_EPOCH = 315532800
_FILE_MODE = 0o100644  # a regular file, readable by all


def archive_members(folder: Path, include: Callable[[str], bool]) -> list[str]:
    """The files under `folder` that `include` accepts, as sorted POSIX paths."""
    return sorted(relative for path in folder.rglob("*") if path.is_file()
                  if include(relative := path.relative_to(folder).as_posix()))


def pack(folder: Path, archive: Path, *, top: str, epoch: int,
         include: Callable[[str], bool] = lambda relative: True) -> None:
    """Write the files of `folder` that `include` accepts to `archive`, inside the folder `top`/.

    `epoch` (seconds, as SOURCE_DATE_EPOCH) is the timestamp of every entry.
    """
    stamp = time.gmtime(max(epoch, _ZIP_EPOCH))[:6]
    with zipfile.ZipFile(archive, "w") as zipped:
        for relative in archive_members(folder, include):
            entry = zipfile.ZipInfo(f"{top}/{relative}", date_time=stamp)
            entry.create_system = 3  # Unix, so that the permissions below are read
            entry.external_attr = _FILE_MODE << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(entry, (folder / relative).read_bytes(), compresslevel=9)


def write_checksum(archive: Path) -> Path:
    """Write `<archive>.sha256` in the format `sha256sum --check` reads."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return checksum
