"""Stage 5: charts (matplotlib, shared by screen and PDF) and the feedback PDF."""
