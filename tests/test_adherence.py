"""Script adherence: real jiwer alignment on real text."""

from __future__ import annotations

import json

import pytest

from coach.errors import InputError
from coach.paths import samples_dir
from coach.script.adherence import adherence, adherence_to_dict
from coach.text import transcript_from_text

SCRIPT = (samples_dir() / "demo.txt").read_text(encoding="utf-8")


def test_word_for_word_reading_is_perfect() -> None:
    """Saying the script exactly gives WER 0, everything said, every figure kept."""
    result = adherence(SCRIPT, transcript_from_text(SCRIPT))
    assert result.wer == 0.0
    assert result.said_share == 1.0
    assert len(result.figures_kept) == len(result.figures_planned) == 12
    assert not (result.figures_skipped or result.figures_changed or result.figures_added)
    assert not (result.added_passages or result.skipped_passages)


def test_skipped_sentence_loses_its_figure() -> None:
    """Leaving out the sentence with '1,200 people' reports that figure skipped and the passage."""
    said = SCRIPT.replace("In the first month, 1,200 people ordered. ", "")
    result = adherence(SCRIPT, transcript_from_text(said))
    assert [f.text for f in result.figures_skipped] == ["1,200"]
    assert result.skipped_passages == ("In the first month, 1,200 people ordered.",)
    assert 0.0 < result.wer < 0.1
    assert result.said_share < 1.0
    # the other 1,200 (neighbours) is still there, so only one of the two goes missing
    assert sum(f.text == "1,200" for f in result.figures_kept) == 1


def test_figure_in_words_matches_digits_and_changed_value_is_caught() -> None:
    """'three weeks' matches '3 weeks'; 'fifty percent' for '40 percent' is a change."""
    said = SCRIPT.replace("3 weeks", "three weeks").replace("40 percent", "fifty percent")
    result = adherence(SCRIPT, transcript_from_text(said))
    assert [(c.planned.text, c.said.text) for c in result.figures_changed] == [
        ("40 percent", "fifty percent")
    ]
    assert not result.figures_skipped
    assert "3" in [f.text for f in result.figures_kept]


def test_added_passage_and_added_figure() -> None:
    """An ad-libbed sentence with a new figure shows as added passage and added figure."""
    said = SCRIPT.replace(
        "So we counted", "By the way, we also sold 75 cakes that week. So we counted"
    )
    result = adherence(SCRIPT, transcript_from_text(said))
    assert any("75 cakes" in p for p in result.added_passages)
    assert [f.value for f in result.figures_added] == [75.0]
    assert any("Added figure: '75'" in line for line in result.summary())
    data = json.loads(json.dumps(adherence_to_dict(result)))
    assert data["figures_added"] == [{"text": "75", "value": 75.0, "unit": "cakes"}]
    assert data["said_share"] == round(result.said_share, 4)


def test_empty_rehearsal_and_empty_script() -> None:
    """Nothing said skips every figure; an empty script is a clear input error."""
    result = adherence(SCRIPT, transcript_from_text(""))
    assert result.wer == 1.0 and result.said_share == 0.0
    assert len(result.figures_skipped) == 12
    with pytest.raises(InputError, match="no words"):
        adherence("  \n ", transcript_from_text("hello"))


@pytest.mark.slow
def test_real_rehearsal_against_its_script() -> None:
    """espeak speech of the standard script, heard by Whisper base, keeps most planned figures;
    the same audio against a script with an extra figure reports that figure skipped."""
    from tests.speech import standard_rehearsal, transcript_of

    reh = standard_rehearsal()
    heard = transcript_of(reh, "whisper", "base")
    script = ". ".join(u.text for u in reh.utterances) + "."
    result = adherence(script, heard)
    assert [f.value for f in result.figures_planned] == [5000, 2e6, 199, 80, 3000]
    # "199 dollars" heard as "$199" and "5000" as "5,000" still count as said
    kept = [f.value for f in result.figures_kept]
    assert {5000, 199, 3000} <= set(kept) and len(kept) >= 4 and result.wer < 0.25
    longer = script + " We opened 12 new stores in Spain."
    extra = adherence(longer, heard)
    assert 12.0 in [f.value for f in extra.figures_skipped]
    assert any("12 new stores" in p for p in extra.skipped_passages)
