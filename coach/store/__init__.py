"""Stage 4: every reviewed rehearsal kept in SQLite with its audio, for history and compare."""
