"""The app's pages: each a QWidget built as ``Page(store, settings, parent=None)``."""
