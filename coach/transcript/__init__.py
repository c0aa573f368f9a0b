"""Stage 1: a recording or a script becomes a :class:`~coach.types.Transcript`.

Decode (any file to 16 kHz mono), find speech and pauses (VAD), measure pitch, transcribe with
an offline engine, and :func:`coach.transcript.load.load_transcript` for any input path.
"""
