"""Dating one event: which date phrase of its sentence is its own, read with the tense of its
verb, and the dates of deadlines, announced and scheduled measures."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from . import (
    attachment,
    grammar,
    modality,
    statements,
    tariff_rates,
)
from .candidate import Candidate, DatedMention
from .dates import (
    ResolvedDate,
    add_duration,
    find_dates,
    resolve_date,
    widened,
)
from .meeting_reading import CONCLUDING_VERBS
from .offsets import is_narrative_step
from .patterns import LETTER_SENDING_VERBS

ANCHORED = re.compile(
    r"\b(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
    r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>after|before|earlier|later)\b",
    re.I,
)


UNTIL = re.compile(
    r"\b(?:until|till|through|to last until|runs? out (?:in|on)|expires? (?:in|on))\s*$", re.I
)


def preceded_by(mention: DatedMention, words: set[str]) -> bool:
    span = mention.span
    before = grammar.left_context(span, 1)
    return len(before) == 1 and before[0].lower_ in words


def dated_mentions(sentence: Span, published_at: datetime.date) -> list[DatedMention]:
    doc = sentence.doc
    mentions = []
    covered_until = 0
    for found in find_dates(sentence.text, published_at=published_at):
        if found.start_char < covered_until:
            continue  # "next year" of "June 30 next year", read with the day
        mention = widened(found, sentence.text, published_at)
        covered_until = mention.end_char
        span = doc.char_span(
            sentence.start_char + mention.start_char,
            sentence.start_char + mention.end_char,
            alignment_mode="expand",
        )
        if span is None:
            continue
        dated = DatedMention(mention, span)
        if is_narrative_step(mention.text) or is_narrative_step(
            f"{mention.text} {doc[span.end : span.end + 1].text}"
        ):
            continue  # "A day later", "Two days later": from the story's last event (narrative)
        if not attachment.is_background_date(dated, published_year=published_at.year):
            mentions.append(dated)
    return without_times_of_dated_days(mentions, sentence.text)


TIME_TO_DAY = re.compile(r"^[\s,]*(?:on|of|at)?[\s,]*$", re.I)


def without_times_of_dated_days(mentions: list[DatedMention], text: str) -> list[DatedMention]:
    """ "at 12:01 a.m. on March 12", "midnight, March 12", "March 12 at noon": the hour is on
    the day written next to it, not today; the day alone dates the event."""
    days = [m.mention for m in mentions if m.mention.type == "DATE"]

    def next_to_a_day(time) -> bool:
        for day in days:
            first, second = sorted((time, day), key=lambda m: m.start_char)
            gap = text[first.end_char : second.start_char]
            if len(gap) <= 6 and TIME_TO_DAY.match(gap):
                return True
        return False

    return [m for m in mentions if m.mention.type != "TIME" or not next_to_a_day(m.mention)]


def names_date(trigger: Span, dated: DatedMention) -> bool:
    """The date is part of the trigger's own phrase ("the March 1 deadline")."""
    return dated.span.root.head.i == trigger.root.i or trigger.root.i in {t.i for t in dated.span}


def date_deadline(
    candidate: Candidate, *, until: DatedMention | None, published_at: datetime.date
) -> Candidate | None:
    """Deadlines look forward unless the verb says they passed ("the reprieve expired")."""
    mention = candidate.date_mention or until
    if mention is None:
        return None
    tense = grammar.tense_at(mention.span)
    if tense == "past" and candidate.trigger.root.lemma_ != "deadline":
        return None
    resolved = resolve_date(mention.mention.text, published_at=published_at, tense="future")
    if tense is None and modality.told_in_past(candidate.sentence):
        # "following a call two days before the March 1 deadline": a deadline of the story's
        # past, read in the past when that is the nearer reading
        past = resolve_date(mention.mention.text, published_at=published_at, tense="past")
        nearer = (
            past is not None
            and resolved is not None
            and (published_at - past.end).days < (resolved.start - published_at).days
        )
        if nearer:
            resolved = past
    candidate.date = resolved or mention.mention.resolved
    candidate.date_mention = mention
    if (
        candidate.date is not None
        and candidate.date.start > published_at
        and candidate.status != "cancelled"  # "the earlier deadline of 4 March" was moved
    ):
        candidate.status = "planned"
    return candidate


def sentence_date_for(trigger: Span, dated: list[DatedMention]) -> DatedMention | None:
    """The sentence's date for a measure that has none of its own ("... will fall to 30
    percent, with the cuts taking effect by May 14"), unless it dates a verb above the
    measure ("agreed on Thursday to ...": that is when they agreed)."""
    above = {a.i for a in grammar.governing_verb(trigger.root).ancestors}
    usable = [
        d
        for d in dated
        if d.mention.resolved is not None and grammar.governing_verb(d.span.root).i not in above
    ]
    return grammar.closest_date(trigger, usable, status="happened", max_distance=12)


# A cut announced or agreed on a day is a plan dated that day: it takes effect later
# ("said on Friday that duties will be cut to 15%"); a new or higher duty announced on a day
# is the announcement, which happened.
AGREED_CHANGES = frozenset({"lowered"})


def date_announced_tariff(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """A future measure announced on a day is an announcement that happened that day:
    "Trump said on Monday he would impose 25 percent tariffs" -> announced, Monday."""
    if candidate.tariff is None:
        return candidate
    if candidate.status == "happened":
        return dated_by_its_announcement(candidate, dated, published_at=published_at)
    if candidate.status not in {"planned", "speculative"}:
        return candidate
    verb = statements.announcing_verb(candidate.trigger, candidate.sentence)
    if verb is None and candidate.status == "planned":
        agreed = agreed_with_effective_day(candidate, dated, published_at=published_at)
        if agreed is not None:
            return agreed
        return dated_by_announcement_noun(candidate, dated, published_at=published_at)
    if verb is None or verb.morph.get("Tense") != ["Past"]:
        return candidate
    if is_undated_notice(candidate, verb, dated):
        candidate.status = "happened"  # the notice is the news; the story dates it
        if candidate.tariff.action in {"imposed", "raised"}:
            candidate.tariff = replace(candidate.tariff, action="announced")
        return candidate
    conditional = grammar.has_condition(grammar.governing_verb(candidate.trigger.root))
    threat = verb.lemma_.lower() in THREAT_VERBS
    if candidate.status == "speculative" and not (conditional or threat):
        return candidate  # "said it was prepared to take countermeasures": a stance, not a step
    when = dated_act_in_between(candidate.trigger, verb, dated) or grammar.attached_date(
        verb, dated
    )
    if when is None and grammar.is_when_clause(verb):
        when = grammar.attached_date(
            verb.head, dated
        )  # "relief came on July 30, when he announced"
    if when is None:
        return candidate
    others = [d for d in dated if d is not when]
    own = grammar.closest_date(candidate.trigger, others, status="planned") or effective_from(
        others
    )
    effective = (
        resolve_date(own.mention.text, published_at=published_at, tense="future") if own else None
    )
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    candidate = as_announced(
        candidate,
        when,
        day or when.mention.resolved,
        in_force=effective,
        effective=own,
        threat=threat,
    )
    if conditional:
        return candidate  # a conditional step stays a threat, dated by its telling
    if candidate.tariff.action not in AGREED_CHANGES:
        candidate.status = "happened"
    elif candidate.takes_effect is not None:
        # "agreed on Monday to cut duties to 15%, effective August 1": the cut is told on
        # the day it applies (taking_effect); Monday's event is its announcement
        candidate.status = "happened"
        candidate.tariff = replace(candidate.tariff, action="announced")
    return candidate


def agreed_with_effective_day(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate | None:
    """ "The US agreed on Monday to lower tariffs to 15 percent, effective August 1": Monday
    is when the cut was agreed and told (an announcement, done), August 1 when it applies
    (taking_effect); None when the sentence names no later day it applies from."""
    effective = effective_from(dated)
    if effective is None or candidate.date_mention not in (None, effective):
        return None
    others = [d for d in dated if d is not effective]
    verb = grammar.governing_verb(candidate.trigger.root)
    when = None
    for told in [verb, *list(verb.ancestors)[:2]]:
        if (when := grammar.attached_date(told, others)) is not None:
            break
    if when is None:
        return None
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    in_force = resolve_date(effective.mention.text, published_at=published_at, tense="future")
    if day is None or in_force is None or day.end > published_at:
        return None
    candidate = as_announced(candidate, when, day, in_force=in_force, effective=effective)
    if candidate.takes_effect is None:
        return None
    candidate.status = "happened"
    candidate.tariff = replace(candidate.tariff, action="announced")
    return candidate


EFFECTIVE_FROM = re.compile(
    r"\b(?:effective|with\s+effect|starting|beginning)(?:\s+(?:from|on|as\s+of))?\s*$", re.I
)


def effective_from(dated: list[DatedMention]) -> DatedMention | None:
    """A day named as when a measure applies: "..., effective August 1"."""
    for each in dated:
        before = grammar.left_context(each.span, 3).text
        if each.mention.resolved is not None and EFFECTIVE_FROM.search(before):
            return each
    return None


UNVEILING_VERBS = frozenset({"announce", "unveil"})


def is_unveiling(verb: Token) -> bool:
    """ "announced", and "sent a letter": the 2025 letters told each partner its new rate."""
    lemma = verb.lemma_.lower()
    return lemma in UNVEILING_VERBS or (
        lemma in LETTER_SENDING_VERBS
        and any(c.lemma_.lower() == "letter" for c in verb.children if c.dep_ in {"dobj", "dative"})
    )


ANNOUNCEMENT_NOUNS = frozenset({"announcement", "unveiling"})


def dated_by_announcement_noun(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """ "The announcement of the duties on Wednesday was part of a plan to impose 10% from
    April 5", "Wednesday's announcement of a 20% levy": a dated announcement in the sentence
    dates the measures it tells, announced that day (their own day is when they apply)."""
    for noun in candidate.sentence:
        if noun.lemma_.lower() not in ANNOUNCEMENT_NOUNS or noun.pos_ != "NOUN":
            continue
        told = {t.i for t in noun.subtree}
        when = next(
            (
                d
                for d in dated
                if d.mention.resolved is not None
                and (d.span.root.i in told and d.span.root.head.i != candidate.trigger.root.i)
            ),
            None,
        )
        if when is None:
            continue
        day = resolve_date(when.mention.text, published_at=published_at, tense="past")
        if day is None or day.start > published_at:
            return candidate
        candidate = as_announced(
            candidate, when, day, in_force=candidate.date, effective=candidate.date_mention
        )
        candidate.status = "happened"
        return candidate
    return candidate


THREAT_VERBS = frozenset({"threaten", "warn"})
# acts that apply from a day; a pause runs from its announcement until the day it names
APPLIED_ACTIONS = frozenset({"imposed", "raised", "lowered", "removed", "exempted"})


def as_announced(
    candidate: Candidate,
    when: DatedMention,
    day: ResolvedDate,
    *,
    in_force: ResolvedDate | None,
    effective: DatedMention | None = None,
    threat: bool = False,
) -> Candidate:
    """The measure dated on the day it was announced, its own day kept as when it applies
    (and, when the sentence names that later day, as the step ``taking_effect`` reads: a
    threat's step stays a threat, "threatened on Friday to impose 50% from June 1")."""
    action = candidate.tariff.action
    if (
        effective is not None
        and in_force is not None
        and in_force.precision == "day"  # a day it applies from, not "about a month later"
        and in_force.start > day.end
        and (action in APPLIED_ACTIONS or action == "announced")
    ):
        applied = "imposed" if action == "announced" else action  # "announced tariffs"
        speculative = threat or candidate.status == "speculative"
        candidate.takes_effect = (effective, in_force, applied, speculative)
    candidate.date_mention = when
    candidate.date = day
    candidate.tariff = replace(
        candidate.tariff,
        action="announced" if action in {"imposed", "raised"} else action,
        in_force_from=in_force.start.isoformat() if in_force else candidate.tariff.in_force_from,
    )
    return candidate


def taking_effect(candidate: Candidate, *, published_at: datetime.date) -> Candidate | None:
    """The measure on the day it applies, besides its announcement: "Y said Thursday she would
    raise duties to 40% from June 1" is an announcement on Thursday and a rise from June 1,
    planned while that day is ahead (a threat stays one); None when the sentence names no
    later day."""
    if candidate.takes_effect is None or candidate.tariff is None:
        return None
    current = {
        value
        for value, _, former in tariff_rates.percent_mentions(candidate.sentence)
        if not former
    }
    if len(current) > 1:
        return None  # "a 10% floor from May 3 and steeper rates for some": whose day is it?
    mention, day, action, speculative = candidate.takes_effect
    ahead = day.start > published_at
    return replace(
        candidate,
        status="speculative" if speculative else "planned" if ahead else "happened",
        date=day,
        date_mention=mention,
        date_source="own",
        pause_days=None,
        takes_effect=None,
        tariff=replace(candidate.tariff, action=action, in_force_from=day.start.isoformat()),
    )


NOTIFYING_VERBS = frozenset({"notify", "inform", "announce", "unveil"})


def is_undated_notice(candidate: Candidate, verb: Token, dated: list[DatedMention]) -> bool:
    """ "Trump has notified South Korea of plans to impose 25% tariffs": a planned measure
    whose notice is told as done (the present perfect), with no day of its own: the notice
    happened, on the story's day."""
    return (
        candidate.status == "planned"
        and candidate.date is None
        and is_notice_told_as_done(verb)
        and grammar.attached_date(verb, dated) is None
    )


def is_notice_told_as_done(verb: Token) -> bool:
    """ "has notified", "have announced": a notice in the present perfect."""
    return verb.lemma_.lower() in NOTIFYING_VERBS and grammar.has_perfect_aux(verb)


def dated_act_in_between(
    trigger: Span, announcing: Token, dated: list[DatedMention]
) -> DatedMention | None:
    """ "She said on Monday that she spoke with him on Saturday to secure the extension, which
    will delay the increase": the measure was won in the dated act the report tells (Saturday),
    not on the day of the report."""
    for verb in grammar.ancestors_within(trigger.root, trigger.sent):
        if verb == announcing:
            return None
        if verb.pos_ == "VERB" and verb.tag_ == "VBD":
            when = grammar.attached_date(verb, dated)
            if when is not None:
                return when
    return None


def dated_by_its_announcement(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """ "Trump on April 2 announced a 24% tariff, effective April 9": both days are given, so
    the measure is dated on the announcement (the effective day is kept as when it is in force),
    not on whichever date the parser hangs nearer the noun."""
    verb = statements.announcing_verb(candidate.trigger, candidate.sentence)
    effective = candidate.date_mention
    if verb is None or not is_unveiling(verb) or effective is None:
        return candidate
    when = grammar.attached_date(verb, dated)
    if when is not None and when is effective:
        effective = applying_date(verb, dated)  # "announced on Tuesday ..., to apply from"
    if when is None or effective is None or when is effective:
        return candidate
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    if day is None:
        return candidate
    in_force = resolve_date(effective.mention.text, published_at=published_at, tense="future")
    return as_announced(candidate, when, day, in_force=in_force, effective=effective)


APPLYING_VERBS = frozenset({"apply", "start", "begin", "kick", "take"})


def applying_date(verb: Token, dated: list[DatedMention]) -> DatedMention | None:
    """The day a clause of the announcing verb says the measure applies from ("announced
    tariffs on Tuesday, to apply from Feb. 10", "..., taking effect on March 4")."""
    for each in dated:
        clause = grammar.governing_verb(each.span.root)
        if (
            clause.lemma_.lower() in APPLYING_VERBS
            and clause.dep_ in {"advcl", "xcomp", "conj", "acl"}
            and clause.head in {verb, *verb.children}
        ):
            return each
    return None


def described_step(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate | None:
    """The earlier act a clause describing the measure tells with its own date ("The 20% levy
    that Oslo imposed on March 3 was cut on Tuesday": imposed on March 3, besides Tuesday's
    cut), as a measure of its own; None when the sentence tells none."""
    if candidate.tariff is None:
        return None
    step = attachment.scheduled_step(candidate.trigger, dated)
    if step is not None:
        return stepped_rate(candidate, *step, published_at=published_at)
    found = attachment.described_act(candidate.trigger, dated)
    if found is None:
        return None
    action, when = found
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    if (
        day is None
        or day.start > published_at
        or (candidate.date is not None and day.start == candidate.date.start)
    ):
        return None
    rate = own_rate(candidate.trigger)
    return replace(
        candidate,
        status="happened",
        date=day,
        date_mention=when,
        date_source="own",
        pause_days=None,
        tariff=replace(candidate.tariff, action=action, rate_percent=rate, in_force_from=None),
    )


def stepped_rate(
    candidate: Candidate, verb: Token, when: DatedMention, *, published_at: datetime.date
) -> Candidate | None:
    """The later change a describing clause schedules ("which will rise to 45% on July 1"):
    a measure of its own, at the rate it goes to, on its day."""
    future = any(c.dep_ == "aux" and c.lower_ in grammar.FUTURE_AUX for c in verb.children)
    day = resolve_date(
        when.mention.text, published_at=published_at, tense="future" if future else "past"
    )
    if day is None:
        return None
    rate = rate_within(
        {
            t.i
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "to"
            for t in prep.subtree
        },
        candidate.sentence,
    )
    return replace(
        candidate,
        status="planned" if day.start > published_at else "happened",
        date=day,
        date_mention=when,
        date_source="own",
        pause_days=None,
        tariff=replace(
            candidate.tariff,
            action=attachment.STEP_VERBS[verb.lemma_.lower()],
            rate_percent=rate,
            in_force_from=None,
        ),
    )


def own_rate(trigger: Span) -> float | None:
    """The rate written on the measure's noun ("the 20% levy"), not the one it changes to."""
    return rate_within(
        {
            t.i
            for child in trigger.root.children
            if child.dep_ in {"nmod", "compound", "amod", "nummod"}
            for t in child.subtree
        },
        trigger.sent,
    )


def rate_within(tokens: set[int], sentence: Span) -> float | None:
    """The first rate the sentence writes within these tokens, read as tariffs reads rates
    ("20%", "ten percent", "15pc", "a 10-percent")."""
    return next(
        (
            value
            for value, span, _former in tariff_rates.percent_mentions(sentence)
            if span.root.i in tokens
        ),
        None,
    )


def is_end_bound(dated: DatedMention) -> bool:
    before = grammar.left_context(dated.span, 4).text
    return bool(UNTIL.search(before)) or dated.mention.text.lower().startswith(("until", "through"))


def is_start_bound(dated: DatedMention) -> bool:
    """ "has led the talks since April", "their first meeting since 2019": when something
    began or was last seen, not when this meeting took place."""
    root = dated.span.root
    return any(
        token.lower_ == "since" and token.dep_ == "prep"
        for token in [root, *list(root.ancestors)[:3]]
    ) or dated.mention.text.lower().startswith("since")


def resolve_for_status(
    dated: DatedMention, status: str, published_at: datetime.date
) -> ResolvedDate | None:
    """Resolve with the tense of the verb the date hangs on ("said on Monday" looks back, "will
    meet on Monday" forward); failing that, unrealised events look forward."""
    if preceded_by(dated, {"since"}):
        tense = "past"  # "in force since Saturday"
    elif status == "cancelled":
        tense = "future"  # a plan called off: "the meeting scheduled for Thursday"
        if dated.mention.resolved is not None and dated.mention.resolved.precision == "month":
            return nearest_month(dated, published_at)  # "initially planned for August"
    else:
        tense = grammar.tense_at(dated.span) or (
            "future" if status in {"planned", "speculative"} else "past"
        )
    if tense not in dated.by_tense:  # several triggers often share one date phrase
        context = grammar.left_context(dated.span, 3)
        dated.by_tense[tense] = resolve_date(
            dated.mention.text, published_at=published_at, tense=tense, context=context.text
        )
    return dated.by_tense[tense] or dated.mention.resolved


def nearest_month(dated: DatedMention, published_at: datetime.date) -> ResolvedDate | None:
    """A plan called off for a month ("the summit, initially planned for August, has been
    postponed"): the nearer of the month just past and the month to come."""
    readings = [
        resolve_date(dated.mention.text, published_at=published_at, tense=tense)
        for tense in ("past", "future")
    ]
    readings = [r for r in readings if r is not None]
    if not readings:
        return dated.mention.resolved
    return min(
        readings,
        key=lambda r: min(abs((r.start - published_at).days), abs((r.end - published_at).days)),
    )


def date_tariff(
    candidate: Candidate, *, until: DatedMention | None, published_at: datetime.date
) -> Candidate:
    """Pauses run to an end. "Paused until early July under a 90-day reprieve" covers the 90
    days before early July; "put on hold on Monday for 30 days" ends 30 days after Monday."""
    tariff = candidate.tariff
    if tariff is None:
        return candidate
    if until is not None and until.mention.resolved is not None:
        end = (
            resolve_date(until.mention.text, published_at=published_at, tense="future")
            or until.mention.resolved
        )
        tariff = replace(tariff, in_force_to=end.end.isoformat())
        if candidate.date is None and candidate.pause_days:
            start = end.start - datetime.timedelta(days=candidate.pause_days)
            candidate.date = ResolvedDate(
                start=start,
                end=end.end,
                precision="range",
                text=until.mention.text,
                timex=end.timex,
                computed=True,
                explanation=f"a {candidate.pause_days}-day pause ending '{until.mention.text}' "
                f"({end.start.isoformat()}..{end.end.isoformat()}): from about {start.isoformat()}",
            )
            tariff = replace(tariff, in_force_from=start.isoformat())
    elif candidate.date is not None and candidate.pause_days and tariff.action == "paused":
        end = add_duration(
            candidate.date, candidate.pause_days, text=f"{candidate.pause_days}-day pause"
        )
        tariff = replace(
            tariff,
            in_force_from=candidate.date.start.isoformat(),
            in_force_to=end.end.isoformat(),
        )
    candidate.tariff = tariff
    return candidate


def shift(resolved: ResolvedDate, days: int, *, text: str, reach: int = 0) -> ResolvedDate | None:
    """The interval moved by a number of days, its start ``reach`` days earlier still ("a few
    days after": two to six days before); None when that leaves the calendar ("99999999
    months after")."""
    try:
        delta = datetime.timedelta(days=days)
        start = resolved.start + delta - datetime.timedelta(days=reach)
        end = resolved.end + delta
    except (OverflowError, ValueError):
        return None
    if start == end:
        timex = start.isoformat()
    elif reach:
        timex = f"{start.isoformat()}/{end.isoformat()}"
    else:
        timex = resolved.timex
    return ResolvedDate(
        start=start,
        end=end,
        precision="day" if start == end else "range",
        text=text,
        timex=timex,
        computed=True,
        explanation=f"'{text}' -> {start.isoformat()}"
        + ("" if start == end else f"..{end.isoformat()}"),
    )


START_WORDS = frozenset({"starting", "beginning", "from"})


ENDING_VERBS = CONCLUDING_VERBS | {"end", "finish", "wind"}  # "wrapped up two days of talks"


def spanning_its_days(candidate: Candidate, durations: list[DatedMention]) -> ResolvedDate | None:
    """ "a three-day visit starting Tuesday": the visit runs Tuesday to Thursday (its day is
    where it starts only when the sentence says so)."""
    date, mention = candidate.date, candidate.date_mention
    if date is None or mention is None or date.precision != "day":
        return date
    root = candidate.trigger.root
    spell = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    days = next(
        (
            d.mention.duration_days
            for d in durations
            if d.mention.duration_days
            and (d.span.root.head.i == root.i or (spell is not None and d.span.root.i == spell.i))
        ),
        None,
    )
    if not days or not 2 <= days <= 14:
        return date
    if spell is not None and grammar.governing_verb(spell).lemma_.lower() in ENDING_VERBS:
        # "wrapped up two days of talks in Madrid on Monday": Sunday and Monday
        return replace(
            date,
            start=date.end - datetime.timedelta(days=days - 1),
            precision="range",
            computed=True,
            explanation=f"the {days} days that ended {date.text!r}",
        )
    head = mention.span.root.head
    starts_there = head.lower_ in START_WORDS or (
        head.dep_ == "prep" and head.head.lower_ in START_WORDS
    )
    if not starts_there:
        return date
    end = date.start + datetime.timedelta(days=days - 1)
    return replace(
        date,
        end=end,
        precision="range",
        computed=True,
        explanation=f"{date.text!r} and the {days} days it lasts",
    )


def through_joined_day(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> ResolvedDate | None:
    """ "talks held in Madrid on Sunday and Monday": a meeting dated by two joined days runs
    from the first to the last."""
    date, mention = candidate.date, candidate.date_mention
    if date is None or mention is None or date.precision != "day":
        return date
    joined = {t.i for t in mention.span.root.conjuncts}
    for other in dated:
        if other is mention or other.span.root.i not in joined:
            continue
        day = resolve_for_status(other, candidate.status, published_at)
        if day is None or day.precision != "day" or not 0 < (day.start - date.end).days <= 6:
            continue
        return replace(
            date,
            end=day.end,
            precision="range",
            computed=True,
            explanation=f"{date.text!r} to {day.text!r}",
        )
    return date


def dated_by_its_end(
    candidate: Candidate, until: DatedMention, *, published_at: datetime.date
) -> Candidate:
    """ "is to hold talks with Bessent through Friday": talks under way or about to start that
    run until a day to come are held from the publication day to that day (and the day is
    when they end, not a deadline)."""
    end = resolve_for_status(until, candidate.status, published_at)
    if (
        end is None
        or candidate.status not in {"planned", "happened"}
        or end.end < published_at
        or (end.end - published_at).days > 14
        or grammar.governing_verb(until.span.root) != grammar.governing_verb(candidate.trigger.root)
    ):
        return candidate
    candidate.date_mention = until
    candidate.date = ResolvedDate(
        start=published_at,
        end=end.end,
        precision="range",
        text=until.mention.text,
        timex=end.timex,
        computed=True,
        explanation=f"from publication to the end of '{until.mention.text}'",
    )
    return candidate


WINDOW_NUMBER = r"(?P<num>" + grammar.COUNT + r")"
GRANTED_WINDOW = re.compile(
    r"\b(?:gave|give|gives|giving|granted|grants?|allowed|allows?)\b[^.;:]{0,60}?\b"
    + WINDOW_NUMBER
    + r"[\s-](?P<unit>days?|weeks?)\s+to\b",
    re.I,
)
WINDOW_PERIOD = re.compile(
    r"\b"
    + WINDOW_NUMBER
    + r"[\s-](?P<unit>days?|weeks?)\s+(?:period|window|grace\s+period)\s+to\b",
    re.I,
)


def granted_window(text: str) -> tuple[int, int, int] | None:
    """ "gave the ministry 10 days to lift the duties", "a 60-day window to negotiate": a
    deadline that many days after the act granting it. (days, start, end) of the
    phrase, or None."""
    match = GRANTED_WINDOW.search(text) or WINDOW_PERIOD.search(text)
    if match is None:
        return None
    days = int(grammar.count_of(match.group("num")) or 0) * grammar.unit_days(match.group("unit"))
    return (days, match.start("num"), match.end("unit")) if days else None
