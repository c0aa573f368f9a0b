"""Stage 2: a transcript becomes an :class:`~coach.types.Analysis` (metrics and marks).

Figures, hype and jargon, fillers, plain words, questions and stories, pace and pauses.
"""
