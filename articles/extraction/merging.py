"""From candidates to events: mentions of one happening merged, duplicates absorbed, and each
group turned into one event with its evidence, date, title and confidence."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from spacy.tokens import Span

from . import (
    confidence,
    grammar,
    narrative_reading,
    parties,
    titles,
)
from .buckets import Buckets
from .candidate import Candidate
from .dates import (
    ResolvedDate,
)
from .grammar import span_text
from .patterns import (
    AGREEMENT,
    DEADLINE,
    MEETING,
    STATEMENT,
    TARIFF,
)
from .types import EvidenceSpan, ExtractedEvent, ExtractedTariff, Gazetteer


def merge(
    candidates: list[Candidate], *, published_at: datetime.date, gazetteer: Gazetteer
) -> list[ExtractedEvent]:
    """One event per happening: same type, same date interval, same status, and for tariffs the
    same rate and action; the evidence sentences add up."""
    placeable = [
        c
        for c in candidates
        if (c.date is not None or undated_but_worth_keeping(c))  # else not on a timeline
        and not (
            c.type == TARIFF
            and (
                c.tariff is None
                or (
                    not c.tariff.rate_percent
                    and c.tariff.action in {"imposed", "announced"}
                    and not c.date_mention
                )
            )
        )
    ]
    return [
        to_event(group, published_at=published_at, gazetteer=gazetteer)
        for group in absorb_duplicates(group_mentions(placeable))
    ]


def group_mentions(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Each mention joins the first group whose first mention tells the same happening
    (`same_happening`), else starts one. It is compared only with the groups it may join
    (`happening_keys`, buckets.py), so a long article costs no more per mention than a short."""
    groups: list[list[Candidate]] = []
    kept = Buckets()
    for candidate in candidates:
        keys = happening_keys(candidate)
        for position in kept.near(keys, candidate.date):
            if same_happening(groups[position][0], candidate):
                groups[position].append(candidate)
                break
        else:
            kept.add(len(groups), keys, candidate.date)
            groups.append([candidate])
    return groups


def absorb_duplicates(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """No two events of one article with the same type, date, parties and rate: a measure told
    as announced in one sentence and as "will be cut to 15%" in the next is one measure. The
    mention with a date of its own leads (its status and action are the event's). A group is
    compared only with the kept ones it may duplicate (`duplicate_keys`, buckets.py)."""
    kept: list[list[Candidate]] = []
    index = Buckets()
    for group in sorted(groups, key=lambda g: (g[0].date_source != "own", g[0].trigger.start)):
        keys = duplicate_keys(group[0])
        for position in index.near(keys, group[0].date):
            if is_duplicate(kept[position][0], group[0]):
                kept[position].extend(group)
                break
        else:
            index.add(len(kept), keys, group[0].date)
            kept.append(group)
    for group in kept:  # "this week's meeting" absorbed "met on Tuesday": Tuesday leads
        precise = next((c for c in group[1:] if is_vaguer_reference(group[0], c)), None)
        if precise is not None:
            group.remove(precise)
            group.insert(0, precise)
        held = next((c for c in group[1:] if held_as_planned(group[0], c)), None)
        if held is not None and held.status == "happened":
            group.remove(held)  # the plan was carried out: the meeting held leads
            group.insert(0, held)
    return sorted(kept, key=lambda g: g[0].trigger.start)


def duplicate_keys(candidate: Candidate) -> list[tuple]:
    """What two duplicates (`is_duplicate`) share: type and countries for a meeting or a deal,
    whether it applies to all and the sector for a tariff; no key, no duplicate."""
    if candidate.date is None:
        return []
    if candidate.type in {MEETING, AGREEMENT} and candidate.countries:
        return [(candidate.type, frozenset(candidate.countries))]
    tariff = candidate.tariff
    if candidate.type == TARIFF and tariff is not None:
        return [(TARIFF, tariff.applies_to_all, tariff.sector or "")]
    return []


def held_as_planned(a: Candidate, b: Candidate) -> bool:
    """ "said on Wednesday he had held useful talks with Greer" and "a meeting of the two had
    been scheduled for Wednesday": the plan and the meeting held, the same single day (a
    meeting still planned for today, "meets his counterpart on Tuesday", stays planned)."""
    planned = a if a.status == "planned" else b
    return (
        {a.status, b.status} == {"planned", "happened"}
        and a.type in {MEETING, AGREEMENT}
        and a.date is not None
        and b.date is not None
        and a.date.start == a.date.end == b.date.start == b.date.end
        and planned.trigger.doc.has_annotation("DEP")
        and narrative_reading.is_pluperfect(planned)  # told as a plan of the past, now carried out
    )


def is_duplicate(a: Candidate, b: Candidate) -> bool:
    if a.type != b.type or a.date is None or b.date is None:
        return False
    if not (a.date.start <= b.date.end and b.date.start <= a.date.end) and not (
        same_measure_restated(a, b)
    ):
        return False
    if a.type != TARIFF:
        return (
            a.type in {MEETING, AGREEMENT}
            and (
                {a.status, b.status} != {"planned", "happened"}  # the trip, and talks to come
                or held_as_planned(a, b)
            )
            and bool(a.countries)
            and set(a.countries) == set(b.countries)
            and same_people(a, b)
            and not told_apart(a, b)
        )
    ta, tb = a.tariff, b.tariff
    if ta is None or tb is None or ta.applies_to_all != tb.applies_to_all:
        return False
    if ta.target_country != tb.target_country and not (
        # "Chilean-made wine will have a reduced duty of 9%": the same cut, its target
        # unnamed as such
        (ta.action == tb.action or {ta.action, tb.action} & {"imposed", "announced"})
        and (
            (ta.target_country is None and tb.target_country in a.countries)
            or (tb.target_country is None and ta.target_country in b.countries)
            or unnamed_target_same_rate(ta, tb)
        )
    ):
        return False
    if ta.imposing_country and tb.imposing_country and ta.imposing_country != tb.imposing_country:
        return False
    if (ta.sector or "") != (tb.sector or "") or kinds_differ(a, b):
        return False
    if ta.rate_percent is not None and tb.rate_percent is not None:
        return ta.rate_percent == tb.rate_percent
    return ta.action == tb.action


def unnamed_target_same_rate(ta: ExtractedTariff, tb: ExtractedTariff) -> bool:
    """ "an extra 25% tariff on India" and, told again, "an additional 25% tariff on its South
    Asian partner": one of the two names no target (nor all partners), the rate is the same."""
    return (
        (ta.target_country is None) != (tb.target_country is None)
        and not ta.applies_to_all
        and ta.rate_percent is not None
        and ta.rate_percent == tb.rate_percent
    )


def same_measure_restated(a: Candidate, b: Candidate) -> bool:
    """A headline or a later line that restates a measure the article dates ("US cuts its
    duty on X to 10%" over "on Nov. 4 Trump cut the duty on X to 10%"): the same rate, act
    and parties, one of the two dated only by the article, is one measure."""
    ta, tb = a.tariff, b.tariff
    return (
        a.type == TARIFF
        and b.type == TARIFF
        and ta is not None
        and tb is not None
        and ta.rate_percent is not None
        and ta.rate_percent == tb.rate_percent
        and ta.action == tb.action
        and ta.target_country is not None
        and ta.target_country == tb.target_country
        and (a.date_source == "publication") != (b.date_source == "publication")
    )


TARIFF_KINDS = frozenset(
    {"reciprocal", "fentanyl", "retaliatory", "baseline", "secondary", "safeguard", "penalty"}
)


def tariff_kind(candidate: Candidate) -> str:
    """ "the reciprocal tariff", "the fentanyl-related tariff": which of a country's duties."""
    root = candidate.trigger.root
    for child in root.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            for word in child.subtree:  # "fentanyl-related": fentanyl hangs on "related"
                if word.lower_ in TARIFF_KINDS:
                    return word.lower_
    return ""


def kinds_differ(a: Candidate, b: Candidate) -> bool:
    """Two duties of one day, rate and parties are still two when named as different kinds
    (the fentanyl tariff and the reciprocal tariff both cut to 10%)."""
    left, right = tariff_kind(a), tariff_kind(b)
    return bool(left and right and left != right)


def same_people(a: Candidate, b: Candidate) -> bool:
    """The same participants; or, when one of the two is dated only by the story, one set
    within the other (the story's meeting, told again with more names)."""
    left, right = set(a.participants), set(b.participants)
    if left == right:
        return True
    only_one_own = a.date_source != b.date_source or a.date_source != "own"
    if only_one_own or is_vaguer_reference(a, b) or is_vaguer_reference(b, a):
        return left <= right or right <= left
    return False


def is_vaguer_reference(vague: Candidate, precise: Candidate) -> bool:
    """ "This week's meeting" after "met on Tuesday": a reference to the meeting by a wider
    date that holds the precise one (a meeting told with its own date is its own event)."""
    return (
        any(
            c.dep_ == "poss" and c.ent_type_ == "DATE" for c in vague.trigger.root.children
        )  # dated by a possessive: "this week's meeting", not "the talks two weeks ago"
        and not vague.participants
        and vague.date is not None
        and precise.date is not None
        and vague.date.precision in {"week", "month", "range"}
        and precise.date.precision == "day"
        and vague.date.start <= precise.date.start <= vague.date.end
    )


def undated_but_worth_keeping(candidate: Candidate) -> bool:
    """A tariff with a rate is a fact worth listing even when the article gives no date; so is
    a meeting or deal told as held before the story ("an earlier visit by Kim, who held talks
    with Lutnick"): it happened, the article just does not say when."""
    tariff = candidate.tariff
    if candidate.type in {MEETING, AGREEMENT}:
        return candidate.status == "happened" and narrative_reading.is_told_as_before_the_story(
            candidate
        )
    return (
        candidate.type == TARIFF
        and tariff is not None
        and tariff.rate_percent is not None
        and candidate.status != "speculative"
    )


def same_happening(a: Candidate, b: Candidate) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if a.date is None or b.date is None:
        if a.date is not None or b.date is not None or a.sentence != b.sentence:
            return False
        if a.type in {MEETING, AGREEMENT}:
            return True  # "a visit by the minister, who met Lutnick": one visit
        return (
            a.tariff is not None
            and b.tariff is not None
            and a.tariff.rate_percent == b.tariff.rate_percent
            and not (  # "Japan (25%) and Korea (25%)": two measures of one rate
                a.tariff.target_country
                and b.tariff.target_country
                and a.tariff.target_country != b.tariff.target_country
            )
        )
    if not (a.date.start <= b.date.end and b.date.start <= a.date.end):
        return False
    if a.type == TARIFF:
        ta, tb = a.tariff, b.tariff
        if ta is None or tb is None:
            return False
        if (
            ta.rate_percent is not None
            and tb.rate_percent is not None
            and ta.rate_percent != tb.rate_percent
        ):
            return False
        if ta.action != tb.action or ta.applies_to_all != tb.applies_to_all:
            return False
        if kinds_differ(a, b):
            return False
        for left, right in (
            (ta.imposing_country, tb.imposing_country),
            (ta.target_country, tb.target_country),
        ):
            if left and right and left != right:
                return False
        return a.sentence == b.sentence or (
            ta.rate_percent is not None
            and ta.rate_percent == tb.rate_percent
            and (ta.sector or "") == (tb.sector or "")  # most goods at 15%, and cars at 15%
        )
    if a.trigger.start == b.trigger.start and set(a.countries) != set(b.countries):
        return False  # one trigger split by partner ("deals with Ecuador and Guatemala")
    if a.sentence == b.sentence:
        return True
    if a.type == AGREEMENT and other_partners(a, b):
        return False
    if a.type == MEETING:
        if meetings_apart(a, b) or told_apart(a, b):
            return False
        if a.date == b.date:
            return True
        if (a.inherited or b.inherited) and (a.date.start, a.date.end) == (
            b.date.start,
            b.date.end,
        ):
            return True  # "He held talks separately with X and Y": the story's round again
        shared_people = set(a.participants) & set(b.participants)
        return bool(shared_people) and a.date.precision == b.date.precision
    if a.type == DEADLINE and a.date == b.date and not (a.countries and b.countries):
        return True  # "the deadline on Friday", told again with no party named
    if a.type == STATEMENT and (a.participants or b.participants):
        # one statement per speaker and day: the remarks a speaker made that day are one
        return bool(set(a.participants) & set(b.participants))
    return bool(set(a.countries) & set(b.countries))


def meetings_apart(a: Candidate, b: Candidate) -> bool:
    """Two meetings of one day told in two sentences are still two when their parties have no
    country in common (talks in Washington with Mexico, a round in Brussels with India), unless
    they were held in the same place ("talks in Rome", "his visit to Rome")."""
    if a.location and a.location == b.location:
        return False
    return bool(a.countries) and bool(b.countries) and not set(a.countries) & set(b.countries)


SEPARATE_OPENINGS = ("separately", "in a separate", "in separate")


def told_apart(a: Candidate, b: Candidate) -> bool:
    """ "Separately, the two finance ministers met over lunch": the writer says this
    meeting is another one, however close in date and parties, unless the same people meet."""
    opens_apart = any(
        span_text(c.sentence).lstrip().lower().startswith(SEPARATE_OPENINGS) for c in (a, b)
    )
    return opens_apart and set(a.participants) != set(b.participants)


def other_partners(a: Candidate, b: Candidate) -> bool:
    """Korea's deal with Washington and Japan's deal with Washington, told in one article in
    the same month, are two deals: two pairs of partners that differ. (A deal told with fewer
    or more countries may be the same one, told briefly or with a venue read as a party.)"""
    left, right = set(a.countries), set(b.countries)
    return len(left) == len(right) == 2 and left != right


def happening_keys(candidate: Candidate) -> list[tuple]:
    """What two mentions of one happening (`same_happening`) share besides type and status:
    their sentence, or else a rate (tariffs), the date or a person (meetings), a country."""
    base = (candidate.type, candidate.status)
    keys: list[tuple] = [(*base, "sentence", candidate.sentence.start)]
    if candidate.date is None:
        return keys
    if candidate.type == TARIFF:
        if candidate.tariff is not None and candidate.tariff.rate_percent is not None:
            keys.append((*base, "rate", candidate.tariff.rate_percent))
    elif candidate.type == MEETING:
        keys.append((*base, "date", candidate.date.start, candidate.date.end))
        keys.extend((*base, "person", person) for person in candidate.participants)
    else:
        keys.extend((*base, "country", country) for country in candidate.countries)
        if candidate.type == DEADLINE:
            keys.append((*base, "date", candidate.date.start, candidate.date.end))
        if candidate.type == STATEMENT:
            keys.extend((*base, "person", person) for person in candidate.participants)
    return keys


def to_event(
    group: list[Candidate], *, published_at: datetime.date, gazetteer: Gazetteer
) -> ExtractedEvent:
    first = group[0]
    best_date = min((c.date for c in group if c.date is not None), key=date_rank, default=None)
    participants = grammar.unique(p for c in group for p in c.participants)
    countries = grammar.unique(c for cand in group for c in cand.countries)
    location = next((c.location for c in group if c.location), "")
    duration = next((c.duration_minutes for c in group if c.duration_minutes), None)
    tariff = next(
        (c.tariff for c in group if c.tariff is not None and c.tariff.rate_percent is not None),
        first.tariff,
    )
    merged = replace(
        first,
        participants=participants,
        countries=countries,
        location=location,
        duration_minutes=duration,
        tariff=tariff,
        date=best_date,
    )
    evidence = grammar.unique(evidence_of(c.sentence) for c in group)
    features = confidence.features_of(merged, group, published_at=published_at)
    return ExtractedEvent(
        type=first.type,
        title=titles.title_for(merged),
        date=best_date,
        status=first.status,
        participants=tuple(participants),
        countries=tuple(countries),
        location=location,
        duration_minutes=duration,
        meeting_format=meeting_format(group),
        tariff=tariff,
        evidence=tuple(evidence),
        confidence=round(confidence.probability(features), 2),
        date_source=date_source_of(group, best_date),
        new_people=tuple(
            parties.titled_people(participants, [c.sentence for c in group], gazetteer)
        ),
        features=tuple(features.items()),
        merge_key=merge_key(merged),
    )


def evidence_of(sentence: Span) -> EvidenceSpan:
    """The sentence as evidence, without surrounding whitespace, with exact offsets."""
    text = span_text(sentence)
    stripped = text.strip()
    start = sentence.start_char + len(text) - len(text.lstrip())
    return EvidenceSpan(stripped, start, start + len(stripped))


PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "quarter": 4, "year": 5}


def date_rank(resolved: ResolvedDate) -> tuple[int, int]:
    return (PRECISION_RANK.get(resolved.precision, 6), int(resolved.computed))


def meeting_format(group: list[Candidate]) -> str:
    if group[0].type != MEETING:
        return ""
    text = " ".join(span_text(c.sentence).lower() for c in group)
    if "video" in text or "virtual" in text or "videoconference" in text:
        return "virtual"
    if (
        re.search(
            r"\b(?:phone|telephone)\b|\bcalls?\b", " ".join(c.trigger.text.lower() for c in group)
        )
        or "phone" in text
    ):
        return "call"
    return "in_person"


def date_source_of(group: list[Candidate], date: ResolvedDate | None) -> str:
    """Where the event's date came from: the mention whose date it is."""
    if date is None:
        return "none"
    return next((c.date_source for c in group if c.date == date), "own")


def merge_key(candidate: Candidate) -> str:
    date = candidate.date.start.isoformat() if candidate.date else "undated"
    countries = ",".join(sorted(candidate.countries))
    extra = ""
    if candidate.tariff is not None:
        extra = f"|{candidate.tariff.action}|{candidate.tariff.rate_percent}"
    return f"{candidate.type}|{date}|{countries}{extra}"[:200]
