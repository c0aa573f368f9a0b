"""Stage 3: an analysis is scored against a profile and turned into feedback and tips.

Also compares sessions (progress) and builds new profiles from reference talks.
"""
