"""Scripts kept with their talk in the data folder."""

from __future__ import annotations

import pytest

from coach.errors import InputError
from coach.script.talk_scripts import load_script, save_script, script_path, scripted_talks


def test_save_load_and_list() -> None:
    """A script saved for a talk reads back exactly; talks are listed newest first."""
    save_script("Launch keynote", "We sold 300 bikes.\n")
    save_script("Launch: keynote?", "Another talk.\n")
    assert load_script("Launch keynote") == "We sold 300 bikes.\n"
    assert load_script("Launch: keynote?") == "Another talk.\n"
    assert script_path("Launch keynote") != script_path("Launch: keynote?")
    assert set(scripted_talks()) == {"Launch keynote", "Launch: keynote?"}
    assert load_script("Never written") is None
    with pytest.raises(InputError, match="name"):
        save_script("  ", "text")
