"""Events another event implies: the target answering in kind, the calling-off of a meeting."""

from __future__ import annotations

import datetime
from dataclasses import replace

from . import grammar, modality, statements
from .candidate import Candidate, DatedMention
from .dates import resolve_date
from .patterns import AGREEMENT, ANNOUNCEMENT, MEETING, RETALIATING_VERBS, TARIFF
from .types import Gazetteer


def answered_in_kind(
    candidate: Candidate, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> list[Candidate]:
    """ "Delhi raised its levies on US almonds, and Washington answered in kind": the
    target's counter-duties on the imposer are a measure of their own, of the same time."""
    tariff = candidate.tariff
    if (
        candidate.type != TARIFF
        or tariff is None
        or not (tariff.imposing_country and tariff.target_country)
        or tariff.action not in {"imposed", "raised"}
        or candidate.status != "happened"
    ):
        return []
    for verb in candidate.sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RETALIATING_VERBS:
            continue
        in_kind = any(
            c.lower_ == "in" and any(g.lower_ == "kind" for g in c.children) for c in verb.children
        ) or any(c.lower_ == "back" for c in verb.children)
        if not (in_kind or verb.lemma_.lower() == "retaliate"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.head.lemma_.lower() in {"prompt", "lead", "push", "force"}:
            # "leading Lima to answer in kind": Lima answers
            subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        responder = statements.country_of_actor(
            subject, candidate.sentence, gazetteer, lower_countries
        )
        if responder != tariff.target_country:
            continue
        return [
            replace(
                candidate,
                trigger=candidate.sentence[
                    verb.i - candidate.sentence.start : verb.i - candidate.sentence.start + 1
                ],
                participants=[],
                tariff=replace(
                    tariff,
                    imposing_country=tariff.target_country,
                    target_country=tariff.imposing_country,
                    rate_percent=None,
                    sector="",
                ),
                title="",
            )
        ]
    return []


def calling_off(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> list[Candidate]:
    """A called-off meeting keeps the date it was planned for; the calling-off is an event of its
    own, dated when the sentence says ("were called off on Tuesday")."""
    if candidate.status != "cancelled" or candidate.type not in {MEETING, AGREEMENT}:
        return []
    verb = modality.cancelling_verb_over(candidate.trigger, candidate.sentence)
    when = None
    for told in [verb, *list(verb.ancestors)[:2]] if verb is not None else []:
        if (when := grammar.attached_date(told, dated)) is not None:
            break  # "said on Thursday that the talks were terminated": Thursday
    if when is None or when is candidate.date_mention:
        return []
    date = resolve_date(when.mention.text, published_at=published_at, tense="past")
    if candidate.date is None:
        # talks under way, not planned for a day, are ended on the day they are called off
        candidate.date = date or when.mention.resolved
        candidate.date_mention = when
        return []
    what = "talks" if candidate.type == MEETING else "deal"
    return [
        Candidate(
            type=ANNOUNCEMENT,
            trigger=candidate.sentence[
                verb.i - candidate.sentence.start : verb.i - candidate.sentence.start + 1
            ],
            sentence=candidate.sentence,
            status="happened",
            date=date or when.mention.resolved,
            date_mention=when,
            participants=list(candidate.participants),
            countries=list(candidate.countries),
            title=f"{' and '.join(candidate.countries[:2]) or 'Planned'} {what} called off",
        )
    ]
