"""Model delivery: a script read aloud (espeak-ng) at the profile's pace, with its pauses."""
