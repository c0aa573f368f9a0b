"""``python -m coach`` runs the command line."""

import sys

from coach.cli import main

sys.exit(main())
