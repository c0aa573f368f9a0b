"""Slides: decks (PDF, PowerPoint), their pictures, slide times and feedback per slide."""
