"""Coach: an offline presentation coach (engine; never imports Qt)."""

__version__ = "0.1.0"
