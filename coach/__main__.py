"""``python -m coach`` runs the command line."""

import sys

from coach.cli.core import main

sys.exit(main())
