"""`python -m ingest` is the `mag-plan` command."""

import sys

from ingest.cli import main

sys.exit(main())
