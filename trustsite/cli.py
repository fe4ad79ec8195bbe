"""List every way the article's sources differ from its first publication.

    python scripts/check_original.py     (make check-original)

Compares every sentence, heading and table row of the pages under docs/ and
the tables under data/ with tests/fixtures/article.txt, and prints one line
per difference: where the sources hold it, and what it was. Exits 1 if there
is any, so that a change to the article's words in this repository is always
deliberate; a publisher's own corrections are theirs, and `make test` and the
Pages workflow never run this.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trustsite.original import ORIGINAL, check_original  # noqa: E402


def main() -> int:
    found = check_original(ROOT)
    if not found:
        print(f"The sources match the first publication ({ORIGINAL}).")
        return 0
    for difference in found:
        print(difference)
    print(f"{len(found)} difference{'s' * (len(found) != 1)} from the first publication ({ORIGINAL}).")
    return 1


if __name__ == "__main__":
    sys.exit(main())
