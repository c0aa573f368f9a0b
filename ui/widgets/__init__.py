"""Reusable widgets: level meter, transcript view with highlights, chart canvas."""
