"""The exceptions Coach raises for problems a user can act on.

Every expected failure is a :class:`CoachError` whose message is one sentence that says what went
wrong and, where it helps, what to do. The CLI prints that sentence and exits 2; the app shows it in
a dialog. Anything that is not a ``CoachError`` is a bug and keeps its traceback.
"""

from __future__ import annotations


class CoachError(Exception):
    """Root of every error Coach expects and explains to the user."""


class InputError(CoachError):
    """A file given to Coach is missing, empty, binary or not readable text."""


class AudioInputError(CoachError):
    """An audio file cannot be read, decoded or holds no usable sound."""


class TranscriptionError(CoachError):
    """A speech engine is missing, failed, or its model is damaged."""


class ProfileError(CoachError):
    """A style profile is unknown or malformed (the message names file, key and expectation)."""


class StoreError(CoachError):
    """The session store cannot read or write a session."""


class ExportError(CoachError):
    """A report could not be written."""


class VoiceError(CoachError):
    """Text-to-speech is unavailable or failed."""
