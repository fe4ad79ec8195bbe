"""`python -m trustsite COMMAND`: the commands are in trustsite/cli.py."""

import sys

from trustsite.cli import main

sys.exit(main())
