"""The ``coach`` command line; ``main`` is its entry point."""

from coach.cli.core import main

__all__ = ["main"]
