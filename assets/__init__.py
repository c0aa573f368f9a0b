"""Data shipped with Coach: bundled profiles, samples and icons (read with importlib.resources)."""
