"""Pathological text is tamed or refused before the model (issue 13, fault 3)."""

from __future__ import annotations

import pytest

from articles.extraction.bounds import NotExtractable, check, tame
from articles.extraction.model import load_model


def test_tame_cuts_long_punctuation_runs_and_keeps_offsets():
    text = "Talks ended" + ",!?" * 1000 + " on Friday."
    tamed = tame(text)
    assert len(tamed) == len(text)
    assert tamed.startswith("Talks ended,!? ")
    assert tamed.endswith(" on Friday.")
    assert tamed.index("Friday") == text.index("Friday")


@pytest.mark.parametrize("text", ["Wait... what?!", 'He said: "no.")', "(--)", "a --- b"])
def test_tame_leaves_ordinary_punctuation_alone(text):
    assert tame(text) == text


def test_check_refuses_text_over_the_limit():
    with pytest.raises(NotExtractable) as refusal:
        check("Talks. " * 10, max_chars=50)
    assert refusal.value.reason == "too_long"


def test_check_refuses_text_that_is_not_prose():
    with pytest.raises(NotExtractable) as refusal:
        check("12,345.67; 89,012.34; " * 100)
    assert refusal.value.reason == "unusual"


def test_check_accepts_news():
    check("Japan and the United States held a third round of tariff talks on Friday. " * 50)


@pytest.mark.slow
def test_model_tokenizer_does_not_split_a_comma_run_into_thousands_of_tokens():
    doc = load_model().tokenizer("Talks ended" + "," * 3000 + " on Friday.")
    assert len(doc) < 10
    assert doc.text.endswith(" on Friday.")


def test_time_budget_interrupts_a_long_extraction():
    import time

    from articles.extraction.bounds import time_budget

    with pytest.raises(NotExtractable) as refusal, time_budget(0.05):
        time.sleep(5)
    assert refusal.value.reason == "unusual"


def test_time_budget_lets_a_quick_block_finish():
    from articles.extraction.bounds import time_budget

    with time_budget(5):
        total = sum(range(1000))
    assert total == 499500


def test_a_headline_in_capitals_is_read_in_ordinary_case_at_the_same_offsets():
    text = "CHILE CUTS TARIFFS ON PERUVIAN WINE AND US COPPER TO 9%\nChile said so on Monday."
    tamed = tame(text)
    assert tamed.splitlines()[0] == "Chile Cuts Tariffs ON Peruvian Wine AND US Copper TO 9%"
    assert len(tamed) == len(text)
    assert tamed.splitlines()[1] == text.splitlines()[1]  # ordinary lines are left alone


def test_a_title_case_headline_is_lowered_where_the_article_writes_its_words_in_lower_case():
    text = (
        "US Reduces Salmon Tariff on Norway to 10 Percent After Talks\n"
        "The US cut the salmon tariff to 10 percent after talks in Oslo, and reduces it again "
        "in June."
    )
    tamed = tame(text)
    assert tamed.splitlines()[0] == "US reduces salmon tariff on Norway to 10 percent after talks"
    assert len(tamed) == len(text)
    assert tamed.splitlines()[1] == text.splitlines()[1]  # prose is left as it is
