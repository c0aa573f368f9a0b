"""Property: any text survives the whole text path (read → analyse → review → JSON → store → PDF).

Hypothesis writes scripts mixing ordinary words with giant numbers, unicode digits, control
characters, ANSI escapes and markup, in UTF-8, UTF-8 with BOM or UTF-16. For every one, either
the reader refuses it with an ``InputError`` (no words), or every stage works: strict RFC 8259
JSON with the schema key, a session stored and read back with the same score and words, a PDF
that pdftotext reads, and terminal text with no raw control character.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli.core import format_review
from coach.cli.output import json_text, visible
from coach.coaching.review import review, review_to_dict
from coach.errors import InputError
from coach.profile import DEFAULT_PROFILES, load_profile
from coach.report.pdf import export_pdf
from coach.store.sessions import SessionStore
from coach.text import transcript_from_text
from coach.transcript.load import read_text_file

PROFILES = {lang: load_profile(name) for lang, name in DEFAULT_PROFILES.items()}

WORDS = st.sampled_from(
    [
        "we",
        "sold",
        "phones",
        "in",
        "the",
        "first",
        "week",
        "why",
        "did",
        "it",
        "work",
        "three",
        "years",
        "ago",
        "our",
        "team",
        "was",
        "six",
        "people",
        "million",
        "billion",
        "trillion",
        "percent",
        "thousand",
        "dollars",
        "yuan",
    ]
)
GIANT = st.integers(min_value=300, max_value=1500).map(lambda n: "9" * n)
BIG_SPOKEN = st.integers(min_value=10, max_value=40).map(lambda n: "7" * n + " trillion")
UNICODE_DIGITS = st.text(
    alphabet="٠١٢٣٤٥٦٧٨٩۰۱۲۳０１２３４５６７８９①②③²³¹߀߁०१२३", min_size=1, max_size=30
)
CONTROL = st.sampled_from(
    ["\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x07", "\r", "\x00", "\x08", "\x9b2J", "\x7f",
     "\u202e", "\x0c", "\x1b[2J\x1b[H"]
)  # fmt: skip
MARKUP = st.sampled_from(
    ["<b>", "</b>", "<draft>", "&amp;", "&", "<para>", "]]>", "<font color=red>", "<br/>",
     "%PDF-1.4", "{\"json\": NaN}", "Infinity", "NaN", "\\u0000"]
)  # fmt: skip
NUMBERS = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:,}"),
    st.sampled_from(["1e308", "1e309", "-0", "0.000001", "3.2 billion", "$10,000", "101%"]),
)
PIECE = st.one_of(WORDS, WORDS, WORDS, GIANT, BIG_SPOKEN, UNICODE_DIGITS, CONTROL, MARKUP, NUMBERS,
                  st.sampled_from([".", "?", ",", "\n\n", "\n"]), st.text(max_size=8))  # fmt: skip
SCRIPT = st.lists(PIECE, min_size=1, max_size=60).map(" ".join)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])


def _strict(text: str) -> object:
    def refuse(name: str) -> object:
        raise ValueError(f"not RFC 8259 JSON: {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=SCRIPT, encoding=ENCODING)
def test_any_script_survives_the_text_path(script: str, encoding: str) -> None:
    """Read, analyse, review, JSON, store and PDF never crash and never emit invalid output."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "talk.txt"
        path.write_bytes(script.encode(encoding, errors="surrogatepass"))
        try:
            text = read_text_file(path)
        except InputError:
            return  # refused with a sentence (no words, or unreadable): the expected outcome
        transcript = transcript_from_text(text)
        # as `coach analyze` without --profile: the bundled profile of the text's language
        rv = review(transcript, PROFILES.get(transcript.language, PROFILES["en"]))

        data = review_to_dict(rv)
        data.pop("_review")
        parsed = _strict(json_text(data))
        assert isinstance(parsed, dict) and parsed["schema"] == 1
        assert parsed["word_count"] == rv.analysis.word_count

        shown = visible(format_review(rv, source=path.name))
        assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in shown)

        with SessionStore(folder / "sessions.db") as store:
            saved = store.save(rv, title=script[:80], talk=script[:20], script=text)
            back = store.get(saved.id)
        assert back.review.analysis.word_count == rv.analysis.word_count
        assert back.score == rv.feedback.score
        assert [w.text for w in back.review.transcript.words] == [
            w.text for w in rv.transcript.words
        ]

        pdf = export_pdf(back.review, folder / "report.pdf", title=script[:80], session=back)
        assert pdf.read_bytes()[:5] == b"%PDF-"
        read = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60
        )
        assert read.returncode == 0 and "match" in read.stdout.lower(), read.stderr
