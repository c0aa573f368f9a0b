"""Turn a transcript source into a saved session: review it and store it (on a worker thread).

Used for live recordings (the transcript comes from :class:`ui.live.LiveTranscriber`), imported
files and recovered recordings alike, so every session is judged and saved the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from coach.types import Transcript


def analyse_and_save(
    store: Any,
    *,
    transcript_fn: Callable[[], Transcript],
    profile_name: str | None,
    audio: Path | None,
    talk: str,
    title: str,
    script: str | None,
    delete_audio: bool,
) -> int:
    """Transcript → review → saved session (runs on a worker thread); returns the session id.

    Raises
    ------
    AudioInputError
        Nothing was heard, or the recording is too quiet (the audio stays where it is).
    """
    from coach.coaching.review import review
    from coach.errors import AudioInputError
    from coach.profile import LANGUAGE_NAMES, default_profile_id, load_profile

    profile = load_profile(profile_name or None)
    transcript = transcript_fn()
    if transcript.duration_s is not None and not transcript.words:
        raise AudioInputError(
            f"No speech was heard in the {transcript.duration_s:.0f} s recording; check that the "
            "right microphone is chosen and speak towards it."
        )
    if transcript.language in LANGUAGE_NAMES and profile.language != transcript.language:
        # the default profile is for the other language: use the Lei Jun style of this one
        profile = load_profile(default_profile_id(transcript.language))
    rv = review(transcript, profile)
    session = store.save(rv, title=title, talk=talk, audio=audio, script=script)
    if delete_audio and audio is not None:
        audio.unlink(missing_ok=True)  # the store keeps its own copy
    return int(session.id)
