"""Class mode: score a folder of recorded talks the same way, locally or on a Dask cluster.

``files`` finds the talks, ``work`` scores one talk (in a worker process), ``cache`` remembers
finished talks by content and settings, ``run`` drives a local process pool or a Dask client,
``table`` turns results into the class table (CSV, JSON, terminal). See ``docs/design/batch.md``.
"""
