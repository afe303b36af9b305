"""The round number a sentence gives a meeting: "the third round of talks" -> 3.

A plain function on a string (no spaCy, no ORM), called by services on a meeting's evidence.
It answers only when the sentence names exactly one numbered round of talks: "future rounds",
"the next round", "a larger round of retaliation" or "the first round of tariffs" give None, and
so does a sentence naming two different rounds ("after the second round, a third is planned"
names one round, but "the third round ... a fourth round" names two).
"""

from __future__ import annotations

import re

from .timex_lexicon import NUMBERS

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
# "round three": the single-word cardinals of the one table of number words ("a", "dozen",
# "half a" count things, they number no round)
CARDINALS = {
    word: value
    for word, value in NUMBERS.items()
    if " " not in word and word not in {"a", "an", "dozen", "hundred"}
}
TALKS = r"talks|negotiations?|discussions?|consultations?|meetings?|dialogue|trade|ministerial"
# Rounds of something other than talks.
NOT_TALKS = (
    r"tariffs?|duties|duty|levies|levy|sanctions|retaliation|retaliatory|counter-?tariffs?|"
    r"cuts?|hikes?|increases?|layoffs?|funding|bidding|voting|elections?|golf|stimulus"
)
# What the round is of: up to three words after "of" ("of ministerial-level talks").
OF = r"(?P<of>\s+of\s+[\w-]+(?:\s+[\w-]+){0,2})?"
ORDINAL = r"\b(?P<ordinal>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
# "the third round", "a fourth round", "second-round negotiations", "3rd round"
BEFORE = re.compile(ORDINAL + r"[\s-]+round\b(?!-trip)" + OF, re.IGNORECASE)
# "round three of the talks", "Round 3"
AFTER = re.compile(
    r"\bround\s+(?P<cardinal>" + "|".join(CARDINALS) + r"|\d{1,2})\b" + OF, re.IGNORECASE
)


def about_talks(of: str | None) -> bool:
    """A round of talks, unless what it is of names something else and no talks."""
    if not of:
        return True
    if re.search(rf"\b(?:{TALKS})\b", of, re.IGNORECASE):
        return True
    return not re.search(rf"\b(?:{NOT_TALKS})\b", of, re.IGNORECASE)


def ordinal_value(word: str) -> int:
    word = word.lower()
    return ORDINALS[word] if word in ORDINALS else int(word[:-2])


def cardinal_value(word: str) -> int:
    word = word.lower()
    return CARDINALS[word] if word in CARDINALS else int(word)


def round_number(sentence: str) -> int | None:
    """The one round of talks the sentence numbers, or None if it numbers none or several."""
    found = {ordinal_value(m["ordinal"]) for m in BEFORE.finditer(sentence) if about_talks(m["of"])}
    found |= {
        cardinal_value(m["cardinal"]) for m in AFTER.finditer(sentence) if about_talks(m["of"])
    }
    found.discard(0)
    return found.pop() if len(found) == 1 else None
