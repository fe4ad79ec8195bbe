"""One build's facts, read once by the driver (trustsite.build) and passed to
each stage as an argument: no stage reads them from the environment."""

from dataclasses import dataclass
from pathlib import Path

from trustsite.history import History
from trustsite.settings import Settings


@dataclass(frozen=True)
class BuildContext:
    project: Path  # the folder holding mkdocs.yml, where the builders run
    settings: Settings  # mkdocs.yml's, read once (trustsite.settings)
    builder: str  # one of trustsite.builders.BUILDERS
    epoch: int  # the build's date, in seconds since 1970: the same commit gives the same bytes
    history: History  # the corrections since first publication, from the repository's history
    offline: bool = False  # the offline copy rather than the online site
    pdf: bool = False  # the site links the PDF printed after it
    # The GitHub repository's address when the build runs on GitHub Actions,
    # where readers' replies may go (trustsite.feedback); None elsewhere.
    repository: str | None = None

    @property
    def config_file(self) -> Path:
        return self.project / "mkdocs.yml"
