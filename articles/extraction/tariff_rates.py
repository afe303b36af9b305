"""Tariff rates: the percentages a sentence writes, and which one is a measure's rate.

A sentence about duties often writes several: the new rate and the one it replaces ("to 30
percent from 145 percent"), the rate of another duty beside it, a share of goods rather than a
rate, or a list of partners each with a rate of its own. Telling them apart is a concern of its
own, and its functions serve more than the tariff details: the dating of measures reads the
percentages too, and the completion of parties splits a list into one measure per partner.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .grammar import count_of, left_context, per_span, span_text, tree_distance

RATE_WORDS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|one hundred|hundred)"
)
PERCENT = re.compile(
    r"(\d+(?:\.\d+)?|\b" + RATE_WORDS + r")(?:\s*|-)"
    r"(?:%|percent\b|per(?:\s|-)cent\b|pct\b|pc\b|percentage points?\b)",
    re.I,
)  # "10 percent", "10%", "a 10-percent tariff", "a 25-per-cent levy", "15pc", "ten percent"


def percent_mentions(sentence: Span) -> tuple[tuple[float, Span, bool], ...]:
    """Every percentage in the sentence: (value, its tokens, whether it is a former rate:
    "from 145 percent", "down from 25 percent", "instead of the 25 percent"). Read once per
    sentence: each tariff trigger asks for its rate and its former rate."""
    return per_span(sentence, "percents", lambda s: tuple(read_percent_mentions(s)))


def read_percent_mentions(sentence: Span) -> list[tuple[float, Span, bool]]:
    found = []
    offset = sentence.start_char
    for match in PERCENT.finditer(span_text(sentence)):
        span = sentence.doc.char_span(
            offset + match.start(), offset + match.end(), alignment_mode="expand"
        )
        if span is None:
            continue
        before = " ".join(t.lower_ for t in left_context(span, 3))
        after = sentence.doc[span.end : min(span.end + 4, sentence.end)]
        if (
            after
            and after[0].lower_ == "of"
            and not any(t.lemma_.lower() in {"tariff", "duty", "levy"} for t in after[1:])
        ):
            continue  # "60 percent of Chilean goods": a share, not a rate ("24 percent of its tariffs" is)
        former = before.endswith(
            ("from", "from the", "instead of the", "instead of", "than", "now", "currently")
        )  # "now 27.5 percent, will be cut to 15 percent": 27.5 is the rate being replaced
        if former and before.endswith(("from", "from the")) and is_relief_from(span):
            former = False  # "relief from the 50 percent tariff": the duty's own rate
        found.append((count_of(match.group(1)) or 0.0, span, former))
    return found


RELIEF_NOUNS = frozenset({"relief", "exemption", "reprieve", "exception", "respite", "shield"})


def is_relief_from(percent: Span) -> bool:
    """ "relief from the 50 percent tariff", "an exemption from the 25% duty": what "from" hangs on
    is the relief, so the percentage is the duty's rate, not one it is lowered from."""
    preposition = next(
        (t for t in reversed(list(left_context(percent, 3))) if t.lower_ == "from"), None
    )
    if preposition is None:
        return False
    head = preposition.head
    return head.lemma_.lower() in RELIEF_NOUNS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in RELIEF_NOUNS for c in head.children
    )  # "seek relief from the 40% tariff": the parser may hang "from" on the verb


CHANGE_VERBS = frozenset(
    {
        "cut",
        "lower",
        "reduce",
        "raise",
        "increase",
        "lift",
        "fall",
        "rise",
        "drop",
        "hike",
        "bring",
        "slash",
        "jump",
        "double",
    }
)


def rate_near(trigger: Span, sentence: Span) -> float | None:
    """The new rate nearest the trigger in the parse ("to 30 percent from 145 percent": 30)."""
    best: tuple[tuple[int, int], float] | None = None
    trigger_mid = (trigger.start_char + trigger.end_char) // 2
    for value, span, former in percent_mentions(sentence):
        if former or rate_of_another_duty(span, trigger):
            continue
        distance = tree_distance(trigger.root, span.root)
        if span.root.head.lower_ == "to" and span.root.head.head.lemma_ in CHANGE_VERBS:
            distance = min(distance, 1)  # "will also be cut to 15 percent"
            if span.root.head.head == trigger.root.head:
                distance = 0  # "the 20% levy was cut to 5%": the rate it now has
        if distance > 8:
            continue
        key = (distance, abs(span.start_char - trigger_mid))
        if best is None or key < best[0]:
            best = (key, value)
    return best[1] if best else None


DUTY_NOUNS = frozenset({"tariff", "duty", "levy", "rate", "tax"})


def rate_of_another_duty(percent: Span, trigger: Span) -> bool:
    """ "The tariffs take effect in three weeks, on top of the 25 percent levies": 25 is the
    levies' own rate, not the tariffs'."""
    noun = percent.root
    while noun.dep_ in {"nummod", "compound", "amod", "quantmod", "npadvmod"} and noun.head != noun:
        noun = noun.head
    return (
        noun.lemma_.lower() in DUTY_NOUNS
        and noun.i != trigger.root.i
        and noun not in trigger
        and noun not in trigger.root.subtree  # "its tariffs, including the 25 percent duty"
    )


def former_rate(rate: float | None, sentence: Span) -> float | None:
    """The rate a measure replaces, when the sentence gives one ("down from 25 percent")."""
    if rate is None:
        return None
    former = [value for value, _span, is_former in percent_mentions(sentence) if is_former]
    return next((value for value in former if value != rate), None)


RATED_NAME = re.compile(
    r"(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s*\(\s*(?P<rate>\d+(?:\.\d+)?)\s*"
    r"(?:%|per\s*cent|percent)[^)]{0,20}\)"
)


def rates_by_country(text: str, lower_countries: dict[str, str]) -> list[tuple[str, float]]:
    """Countries listed each with a rate in brackets: "Malaysia (25% tariff), Laos (40%)"."""
    found = []
    for match in RATED_NAME.finditer(text):
        words = match["name"].split()
        # the longest tail of the capitalised run that names a country ("leaders of South Africa")
        name = next(
            (
                lower_countries[" ".join(words[i:]).lower()]
                for i in range(len(words))
                if " ".join(words[i:]).lower() in lower_countries
            ),
            None,
        )
        if name is not None and name not in {n for n, _ in found}:
            found.append((name, float(match["rate"])))
    if not found:
        found = rates_on_lists(text, lower_countries)
    return found


RATE_ON_LIST = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+(?:(?:tariffs?|duties|levy)\s+)?on\s+"
    r"(?P<names>(?:the\s+)?[A-Z][\w.'-]*(?:(?:\s+|,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w.'-]*)*)"
)


def rates_on_lists(text: str, lower_countries: dict[str, str]) -> list[tuple[str, float]]:
    """Rates each told with the countries they hit ("the new rates are 40% on Chad and Niger,
    15% on Peru"): at least two rates, or it is one measure on several targets, split by
    conjoined_targets."""
    found: list[tuple[str, float]] = []
    rates = set()
    for match in RATE_ON_LIST.finditer(text):
        for part in re.split(r",\s*|\s+and\s+", match["names"].rstrip(".")):
            name = lower_countries.get(part.strip().lower()) or lower_countries.get(
                re.sub(r"^the\s+", "", part.strip()).lower()
            )
            if name is not None and name not in {n for n, _ in found}:
                found.append((name, float(match["rate"])))
                rates.add(float(match["rate"]))
    return found if len(rates) >= 2 else []
