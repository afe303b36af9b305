"""Where a day word sits: inside a quotation or in the narrator's own words (speech_time)."""

from __future__ import annotations

import pytest

from articles.extraction.model import load_model
from articles.extraction.speech_time import in_quotation


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def span_of(doc, words):
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize(
    ("text", "words", "inside"),
    [
        ("“We will hold talks again tomorrow,” the envoy said.", "tomorrow", True),
        ('"We will hold talks again tomorrow," the envoy said.', "tomorrow", True),
        ("The envoy said the talks would resume tomorrow.", "tomorrow", False),
        ("“It went well,” the envoy said today.", "today", False),
        ("the second session ended today,” the envoy added.", "today", True),  # closes a quote
        ("The envoy, who “hopes for progress”, flies home today.", "today", False),
    ],
)
def test_a_day_word_inside_or_outside_a_quotation(nlp, text, words, inside):
    doc = nlp(text)
    assert in_quotation(span_of(doc, words)) is inside
