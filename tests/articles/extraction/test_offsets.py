"""Narrative steps: days counted from the event the story told before (offsets.narrative_step)."""

from __future__ import annotations

import pytest

from articles.extraction.offsets import is_narrative_step, narrative_step


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The following day, the envoys met again.", 1),
        ("They spoke again the next day.", 1),
        ("Three days later, the levy was paused.", 3),
        ("A week later, the ministers met in Lima.", 7),
        ("Two days earlier, Quito had raised its duty.", -2),
        ("The previous day, the envoys had met in Bogota.", -1),
        ("On the same day, Lima answered with duties of its own.", 0),
        ("Hours later, the president reversed course.", 0),
    ],
)
def test_a_step_is_counted_in_signed_days(text, days):
    assert narrative_step(text)[0] == days


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed the day before the deadline.",  # measured from a named date, not a step
        "The levy will take effect in two days.",
        "Officials met on Monday.",
    ],
)
def test_no_step_without_one(text):
    assert narrative_step(text) is None


def test_a_whole_step_phrase_is_told_from_the_story_not_the_publication():
    assert is_narrative_step("A day later")
    assert not is_narrative_step("a day later than planned")
    assert not is_narrative_step("Monday")
