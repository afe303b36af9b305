"""Narrative time: dating the sentences of a story that carry no date of their own.

News anchors most sentences to the event of the story: "London and Ottawa settled their
dispute on Wednesday. The agreement sets a 12% duty on lumber." The duty is part of Wednesday's
deal. We track a reference time through the article, the date of the last event told with a
date of its own that belongs to the story's present (not background history), and give it to
undated events that follow; before any such event, a report in the present tense or perfect
("India and the US are holding talks", "has agreed") is dated on the publication day, and a
past-tense lead takes the story's first dated event. Every date given this way is marked, so
that confidence and editors can tell it from a date the sentence states.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from spacy.tokens import Span

from .attachment import is_reference, time_clause_of
from .candidate import Candidate, DatedMention
from .dates import ResolvedDate, resolve_date
from .event_dating import (
    is_end_bound,
    is_start_bound,
    resolve_for_status,
    shift,
)
from .grammar import (
    FUTURE_AUX,
    attached_date,
    dates_another_act,
    governing_verb,
    has_perfect_aux,
    is_state_clause,
    reporting_head,
    unique,
)
from .legal import OTHER
from .offsets import ClauseOffset, lasting_before, narrative_step, offset_of_clause
from .patterns import AGREEMENT, MEETING, REPORTING_VERBS, STATE_LEMMAS, TARIFF
from .statements import announcing_verb
from .tariff_dating import is_notice_told_as_done

STORY_TYPES = frozenset({TARIFF, AGREEMENT, MEETING, OTHER})
PRECISE = frozenset({"day", "range", "week"})
STORY_WINDOW_DAYS = 31  # a dated event this close to publication is the story, not background


def is_story_anchor(candidate: Candidate, published_at: datetime.date) -> bool:
    """An event that sets the story's time: told with its own, precise, recent date."""
    date = candidate.date
    return (
        date is not None
        and candidate.date_source == "own"
        and candidate.status == "happened"
        and date.precision in PRECISE
        and (date.end - date.start).days <= 7
        and published_at - datetime.timedelta(days=STORY_WINDOW_DAYS) <= date.end
        and date.start <= published_at  # a trip under way as the story is written included
    )


def is_present_report(candidate: Candidate) -> bool:
    """ "are holding talks", "has agreed", "says", "will be reduced", "has notified Seoul of
    plans to impose": told as of today."""
    notice = announcing_verb(candidate.trigger, candidate.sentence)
    if notice is not None and is_notice_told_as_done(notice):
        return True
    verb = governing_verb(candidate.trigger.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & {"has", "have", "'s", "'ve", "is", "are", "am", "will", "would", "'ll"}:
        return True
    return verb.tag_ in {"VBZ", "VBP"}


def is_state(candidate: Candidate) -> bool:
    """ "continues to be hit by a 10% tariff", "goods face a 25% duty": how things stand, not
    something that happened in the story."""
    verb = governing_verb(candidate.trigger.root)
    chain = [verb, *list(verb.ancestors)[:2]]
    present = any(t.tag_ in {"VBZ", "VBP", "VBG"} for t in chain)
    if present and any(t.lemma_ in STATE_LEMMAS for t in chain):
        return True
    return any(is_state_clause(c) for c in candidate.trigger.root.children)


def is_perfect(candidate: Candidate) -> bool:
    """ "Chile has cut its duties on copper": done, but not said to be today; in a story whose
    first dated event comes later ("signed a deal yesterday"), the lead tells that event."""
    verb = governing_verb(candidate.trigger.root)
    return verb.tag_ == "VBN" and has_perfect_aux(verb)


def wants_story_date(candidate: Candidate) -> bool:
    """Undated events that belong to the story: concrete measures (a rate, or a change), and
    meetings and deals told as facts of the story ("the meeting", "Thursday's agreement").
    Generic talks, deals in general, plans and statements stay undated (a remark without a
    date is not dated by the story: tried on the tune split, it added more wrong statements
    than right ones)."""
    if candidate.date is not None or candidate.type not in STORY_TYPES:
        return False
    if candidate.status == "speculative" or is_state(candidate):
        return False
    verb = governing_verb(candidate.trigger.root)
    if is_perfect(candidate) and any(c.lower_ == "already" for c in verb.children):
        return False  # "has already placed a 20% tax on China": done before, undated
    if time_clause_of(candidate.trigger, phrases_only=True) is not None:
        # "After meetings in Geneva, they agreed on Monday": before Monday; but a call just
        # before the act is dated by it
        return candidate.status == "happened" and (
            is_call(candidate.trigger) or told_right_after(candidate.trigger)
        )
    if is_told_as_before_the_story(candidate):
        return False  # "Trump's recent visit to Abu Dhabi": before the story, undated
    if candidate.type == TARIFF:  # a measure: a rate, or a change ("cut", "paused")
        tariff = candidate.tariff
        if tariff is None or is_reference(candidate.trigger):
            return False
        return tariff.rate_percent is not None or tariff.action not in {"imposed", "announced"}
    if candidate.type == OTHER:  # "Costco filed a lawsuit": a legal act told as done
        return candidate.status == "happened" and governing_verb(candidate.trigger.root).tag_ in {
            "VBD",
            "VBN",
        }
    return candidate.status == "happened" and (
        candidate.definite or is_told_act(candidate) or is_agreed_extension(candidate)
    )


RESPITE_NOUNS = frozenset(
    {"truce", "pause", "deadline", "ceasefire", "reprieve", "suspension", "moratorium"}
)


EXTENDING_VERBS = frozenset({"extend", "prolong", "renew"})


def is_agreed_extension(candidate: Candidate) -> bool:
    """ "both governments agreed to extend the truce": a concrete accord, the day's
    news, unlike agreeing "on the need to" talk more."""
    verb = candidate.trigger.root
    if candidate.type != AGREEMENT or verb.lemma_.lower() != "agree":
        return False
    return any(
        x.dep_ == "xcomp"
        and x.lemma_.lower() in EXTENDING_VERBS
        and any(o.dep_ == "dobj" and o.lemma_.lower() in RESPITE_NOUNS for o in x.children)
        for x in verb.children
    )


def is_told_as_before_the_story(candidate: Candidate) -> bool:
    """ "Trump's recent visit to Abu Dhabi", "the offer followed talks with the USTR":
    an event told as earlier than the story, at a time the article does not give."""
    root = candidate.trigger.root
    verb = governing_verb(root)
    nouns = [root]
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN":
        nouns.append(root.head.head)  # "the recent cut in tariffs"
    return (
        any(
            c.dep_ == "amod" and c.lower_ in {"recent", "previous", "earlier", "past", "last"}
            for noun in nouns
            for c in noun.children
        )
        or any(  # "Tau, who recently met Greer in Washington"
            c.dep_ == "advmod" and c.lower_ in {"recently", "previously"} for c in verb.children
        )
        or is_what_the_story_follows(candidate.trigger)
    )


def is_what_the_story_follows(trigger: Span) -> bool:
    """ "her journey follows a visit by her deputy, who met Lutnick there", "the offer
    followed talks with the USTR": what the story's event follows came before it, at a
    time the sentence does not give."""
    for token in [trigger.root, *trigger.root.ancestors][:6]:
        if token.dep_ == "dobj" and token.head.lemma_.lower() == "follow":
            return True
        if token.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


CALL_WORDS = frozenset({"call", "conversation", "phone", "telephone"})


def is_call(trigger: Span) -> bool:
    """ "agreed on Sunday to an extension after a call from her", "following a phone
    conversation": a call is over in minutes, so the act it led to dates it (meetings and
    rounds before an act stay background)."""
    return trigger.root.lemma_.lower() in CALL_WORDS and trigger.root.pos_ == "NOUN"


def told_right_after(trigger: Span) -> bool:
    """ "X, following a meeting with Y in Ottawa, told reporters on Wednesday": one
    meeting, and its participant speaking of it as it ends; the telling dates it."""
    root = trigger.root
    if root.lemma_.lower() != "meeting" or root.tag_ != "NN" or root.dep_ != "pobj":
        return False
    return governing_verb(root.head.head).lemma_.lower() in {"say", "tell"}


SEVERAL = frozenset({"several", "many", "multiple", "numerous", "countless", "repeated"})


def is_told_act(candidate: Candidate) -> bool:
    """ "the two signed an agreement", "they have reached a deal": a meeting or deal told as
    done, in the simple past or the present perfect, by the verb that governs it."""
    root = candidate.trigger.root
    verb = governing_verb(root)
    if candidate.type not in {MEETING, AGREEMENT} or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return root.dep_ in {"dobj", "nsubj", "nsubjpass"} or (
            candidate.type == MEETING
            and root.dep_ == "pobj"
            and root.head.lower_ in {"in", "during", "at"}
            and root.head.head.i == verb.i
        )  # "secured a pause in a call with Trump": the call was held
    if any(t.lower_ in SEVERAL for t in verb.subtree if t.i < root.i):
        return False  # "have held several rounds of negotiations": a history, not one event
    # "have reached a deal", "a deal has been reached"; not "talks have focused on ..."
    # "announced that they had reached deals": a reported pluperfect is done by the report
    reported_done = (
        verb.dep_ == "ccomp"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)
    )
    return (is_perfect(candidate) or reported_done) and root.dep_ in {"dobj", "nsubjpass"}


def is_meeting_told_in_story(candidate: Candidate) -> bool:
    """ "Separately, the two finance ministers met over lunch in Rome": an
    undated meeting told by its own verb in the simple past continues the story's dated event
    (only the story's own anchor dates it, not another date of its sentence)."""
    root = candidate.trigger.root
    return (
        candidate.type == MEETING
        and candidate.date is None
        and candidate.status == "happened"
        and root.pos_ == "VERB"
        and root.tag_ == "VBD"
        and not any(c.dep_ == "neg" for c in root.children)
        and time_clause_of(candidate.trigger, phrases_only=True) is None
        and not is_told_as_before_the_story(candidate)
    )


def dated_by_sentence(candidates: list[Candidate]) -> dict[int, list[Candidate]]:
    """The events each sentence tells with a date of its own (happened), by sentence start."""
    found: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if (
            candidate.date is not None
            and candidate.date_source == "own"
            and candidate.status == "happened"
        ):
            found.setdefault(candidate.sentence.start, []).append(candidate)
    return found


def same_sentence_date(candidate: Candidate, dated: list[Candidate]) -> Candidate | None:
    """An event of the same sentence told with its own date (from `dated_by_sentence`): the
    same event or the event whose content this is ("agreed on Monday to cut tariffs to 30%":
    the cut is Monday's)."""
    others = [
        other
        for other in dated
        if other is not candidate
        and other.date_source == "own"  # not since dated by offset
        and not (
            candidate.type == TARIFF and other.type == MEETING and not told_within(candidate, other)
        )
    ]
    same_type = [other for other in others if other.type == candidate.type]
    return (same_type or others or [None])[0]


def told_within(candidate: Candidate, meeting: Candidate) -> bool:
    """ "At Thursday's talks they agreed to cut duties": the measure hangs on the verb that
    tells the talks (or below it), so the talks' day is its telling's. Not "while they had
    agreed to cut duties, the envoys prepared Monday's summit"."""
    verb = governing_verb(meeting.trigger.root)
    return verb.i in {a.i for a in candidate.trigger.root.ancestors}


def frame_date(candidate: Candidate, dated: list[DatedMention]) -> DatedMention | None:
    """The date of the frame around an undated event: "agreed on Monday to roll back tariffs",
    "said on Tuesday that the two governments had settled": the date hangs on a verb above the
    event, so it is when the event was agreed, announced or reported done."""
    above = {a.i for a in candidate.trigger.root.ancestors}
    for mention in dated:
        if mention.mention.resolved is None or mention.mention.type not in {"DATE", "TIME"}:
            continue
        if dates_another_act(candidate.trigger, mention.span):
            continue  # "the trip follows the warning on Jan. 26": the warning's day
        if is_end_bound(mention) or is_start_bound(mention):
            continue  # "extended their truce until Nov. 10": when it ends, not when it was made;
            # "the first talks since those of June 27": when the last ones were
        if governing_verb(mention.span.root).i in above:
            return mention
    return None


def attach_reference_times(
    candidates: list[Candidate],
    *,
    published_at: datetime.date,
    sentence_dates: dict[int, list[DatedMention]] | None = None,
) -> None:
    """Give undated events of the story the story's reference time (in place)."""
    sentence_dates = sentence_dates or {}
    ordered = sorted(candidates, key=lambda c: c.trigger.start)
    anchors = [c for c in ordered if is_story_anchor(c, published_at)]
    # only a story without an anchor of its own needs the day it is reported from
    reported_on = None if anchors else reporting_day(sentence_dates, published_at)
    dated = dated_by_sentence(ordered)
    reference: Candidate | None = None
    for index, candidate in enumerate(ordered):
        step = narrative_step(candidate.sentence.text) if candidate.date is None else None
        told_before = last_told_before(ordered, index) if step is not None else None
        if told_before is not None:
            stepped = shift(told_before.date, step[0], text=step[1])
            if stepped is not None:
                inherit(
                    candidate,
                    stepped,
                    source="story",
                    why=f"{step[1]!r} from the event told before ({told_before.date.text!r})",
                )
                continue
        if candidate.window_days and candidate.date is None:
            granted = window_anchor(candidate, reference, sentence_dates, published_at)
            date_window(candidate, granted, published_at)
            continue
        offset = (
            None
            if candidate.date_source == "anchored"
            else offset_of_clause(candidate.trigger) or lasting_before(candidate.trigger)
        )
        if offset is not None and not dated_in_clause(candidate, offset):
            # references.sentence_anchors dated it from an event of its own sentence; this
            # measures from the main clause's date, its event, the story or the publication
            measured_from = offset_anchor(
                candidate,
                offset,
                ordered,
                anchors[0] if anchors else reference,
                sentence_dates,
                published_at,
            )
            if measured_from is not None:
                date_by_offset(candidate, offset, measured_from)
                continue
        if is_story_anchor(candidate, published_at):
            reference = candidate
            continue
        if (likened := likened_to_measure_before(ordered, index)) is not None:
            inherit(
                candidate,
                likened.date,
                source="story",
                why=f"like the measure told before ({likened.date.text!r})",
            )
            candidate.status = likened.status
            continue
        if is_ongoing_talks(candidate):
            candidate.date = publication_date(published_at)
            candidate.date_source = "publication"
            continue
        if is_meeting_on_trip(candidate, reference):
            inherit(
                candidate,
                reference.date,
                source="story",
                why=f"the trip it is part of ({reference.date.text!r})",
            )
            # "He is expected to meet Lutnick": the traveller is one of the parties
            candidate.participants = unique([*reference.participants, *candidate.participants])
            continue
        if reference is not None and is_meeting_told_in_story(candidate):
            inherit(
                candidate,
                reference.date,
                source="story",
                why=f"the story's last dated event ({reference.date.text!r})",
            )
            continue
        if not wants_story_date(candidate):
            continue
        frame = frame_date(candidate, sentence_dates.get(candidate.sentence.start, []))
        if frame is not None:
            resolved = resolve_date(frame.mention.text, published_at=published_at, tense="past")
            inherit(
                candidate,
                resolved or frame.mention.resolved,
                source="frame",
                why=f"the date of the clause it hangs on ({frame.mention.text!r})",
            )
        elif (
            sibling := same_sentence_date(candidate, dated.get(candidate.sentence.start, []))
        ) is not None:
            candidate.date = sibling.date
            candidate.date_source = "referent"
        elif is_background_pluperfect(candidate):
            pass  # undated: told as earlier than the story, at a time the article does not give
        elif reference is not None:
            inherit(
                candidate,
                reference.date,
                source="story",
                why=f"the story's last dated event ({reference.date.text!r})",
            )
        elif not anchors and reported_on is not None and is_perfect(candidate):
            inherit(
                candidate,
                reported_on,
                source="story",
                why=f"the day the story is reported from ({reported_on.text!r})",
            )
        elif is_present_report(candidate) and not (
            (anchors and (is_perfect(candidate) or candidate.status == "planned"))
            or (reported_on is not None and candidate.status == "planned")
        ):  # "the deal will reduce tariffs", told before the deal's day: dated with the deal;
            # announced in a story reported from a day: dated on that day (below)
            candidate.date = publication_date(published_at)
            candidate.date_source = "publication"
        elif (kin := same_kind_told_before(ordered, index, published_at)) is not None:
            inherit(
                candidate,
                kin.date,
                source="story",
                why=f"the {kin.type.replace('_', ' ')} told just before ({kin.date.text!r})",
            )
        elif anchors:
            first = anchors[0]
            inherit(
                candidate,
                first.date,
                source="story",
                why=f"the story's first dated event ({first.date.text!r})",
            )
        elif reported_on is not None and candidate.status == "planned":
            # "statements released with Thursday's deals said the US will remove tariffs":
            # announced on the day the story is reported from, not on the publication day
            inherit(
                candidate,
                reported_on,
                source="story",
                why=f"the day the story is reported from, when it was announced ({reported_on.text!r})",
            )
        elif is_told_act(candidate):
            # a story with no recent day of its own: "signed the trade agreement" is the day's
            # news, even beside background dated by month ("the tariffs imposed last month")
            candidate.date = publication_date(published_at)
            candidate.date_source = "publication"


def same_kind_told_before(
    ordered: list[Candidate], index: int, published_at: datetime.date
) -> Candidate | None:
    """The nearest earlier event of the same kind, told with a date and done: "Earlier this
    month the White House put duties on its partners. Lisbon got 20%." The second sentence
    goes on with the first's story, not with an anchor told later in the article."""
    candidate = ordered[index]
    if candidate.status != "happened" or is_pluperfect(candidate) or is_hedged(candidate):
        return None  # "had initially announced": before the story's time, not in it
    for earlier in reversed(ordered[:index]):
        if earlier.sentence.start >= candidate.sentence.start or earlier.type != candidate.type:
            continue
        if (
            earlier.date is not None
            and earlier.status == "happened"
            and earlier.date_source in {"own", "story"}
            and earlier.date.start <= published_at
        ):
            return earlier
        return None
    return None


# the auxiliaries of what may or will be (grammar.FUTURE_AUX, the infinitive's "to" aside)
MODALS = (FUTURE_AUX - {"to"}) | {"should"}


def is_pluperfect(candidate: Candidate) -> bool:
    verb = governing_verb(candidate.trigger.root)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


LIKENING = frozenset({"similar", "same", "identical"})


def likened_to_measure_before(ordered: list[Candidate], index: int) -> Candidate | None:
    """ "Similar letters went to Peru (25%) and Chile (40%)": undated measures told as like the
    one before ("a 25% tariff on Portugal from August 1") share its day and status."""
    candidate = ordered[index]
    if candidate.type != TARIFF or candidate.date is not None:
        return None
    verb = governing_verb(candidate.trigger.root)
    likened = any(
        token.dep_ == "amod"
        and token.lower_ in LIKENING
        and token.head.pos_ == "NOUN"
        and governing_verb(token.head) == verb
        for token in candidate.sentence
    )
    if not likened:
        return None
    for earlier in reversed(ordered[:index]):
        if (
            earlier.type == TARIFF
            and earlier.date is not None
            and earlier.date_source == "own"
            and earlier.sentence != candidate.sentence
        ):
            return earlier
    return None


def is_background_pluperfect(candidate: Candidate) -> bool:
    """ "the president had at first unveiled a 30% levy": a measure the narrator tells in the
    pluperfect is earlier than the story's time, not on it. Reported ("the premier said the US
    had levied a 10% duty on her country"), it is what the report is about, dated with it."""
    verb = governing_verb(candidate.trigger.root)
    return candidate.type == TARIFF and is_pluperfect(candidate) and reporting_head(verb) is None


def is_hedged(candidate: Candidate) -> bool:
    """A modal over the event's verb: "a pact might let Lisbon trim a few duties"."""
    chain = [candidate.trigger.root, *list(candidate.trigger.root.ancestors)[:4]]
    return any(c.dep_ == "aux" and c.lower_ in MODALS for t in chain for c in t.children)


def last_told_before(ordered: list[Candidate], index: int) -> Candidate | None:
    """The event the story told last before this one's sentence with a day of its own (not
    the publication day): what "the following day" or "two days later" counts from."""
    sentence_start = ordered[index].sentence.start
    for earlier in reversed(ordered[:index]):
        date = earlier.date
        if earlier.sentence.start >= sentence_start or date is None:
            continue
        if earlier.date_source == "publication" or (date.end - date.start).days > 2:
            continue
        return earlier
    return None


def window_anchor(
    candidate: Candidate,
    reference: Candidate | None,
    sentence_dates: dict[int, list[DatedMention]],
    published_at: datetime.date,
) -> ResolvedDate:
    """When the window was granted: the sentence's own day, else the story's, else the
    publication day ("secured a 90-day period to work on a deal in a call with Trump")."""
    for mention in sentence_dates.get(candidate.sentence.start, []):
        if mention.mention.type == "DATE" and mention.mention.resolved is not None:
            resolved = resolve_date(mention.mention.text, published_at=published_at, tense="past")
            if resolved is not None and resolved.precision == "day":
                return resolved
    if reference is not None and reference.date is not None:
        return reference.date
    return publication_date(published_at)


def date_window(candidate: Candidate, granted: ResolvedDate, published_at: datetime.date) -> None:
    last_day = replace(granted, start=granted.end)
    shifted = shift(last_day, candidate.window_days or 0, text=candidate.trigger.text)
    candidate.date = shifted and replace(
        shifted, explanation=f"{candidate.trigger.text!r} from {granted.end.isoformat()}"
    )
    candidate.date_source = "anchored"
    if candidate.date is not None:
        candidate.status = "planned" if candidate.date.start > published_at else "happened"


def dated_in_clause(candidate: Candidate, offset: ClauseOffset) -> bool:
    """ "two days after the letter of July 7": the clause's own date stands (not a date of
    another verb inside it: "after the court ruled that the tariffs imposed last year...")."""
    mention = candidate.date_mention
    if candidate.date_source != "own" or mention is None:
        return False
    root = candidate.trigger.root
    verb = governing_verb(mention.span.root)
    return mention.span.root.i in offset.clause and (
        verb in {root, governing_verb(root)}
        or (verb.dep_ in {"acl", "relcl"} and verb.head == root)  # "tariffs announced in April"
    )


def offset_anchor(
    candidate: Candidate,
    offset: ClauseOffset,
    ordered: list[Candidate],
    reference: Candidate | None,
    sentence_dates: dict[int, list[DatedMention]],
    published_at: datetime.date,
) -> ResolvedDate | None:
    """The date of the main clause's event the offset is measured from: a date on its verb;
    else the event the main clause tells ("the move comes a day after ...") when it has a date
    of its own; else the story's first dated event (its lead, not background told later);
    else the publication day."""
    verb = offset.main_verb
    own = attached_date(verb, sentence_dates.get(candidate.sentence.start, []))
    if own is not None and own.span.root.i not in offset.clause:
        return resolve_date(own.mention.text, published_at=published_at, tense="past") or (
            own.mention.resolved
        )
    told = {verb.i, *(c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})}
    for other in ordered:
        if (
            other is not candidate
            and other.sentence.start == candidate.sentence.start
            and other.trigger.root.i in told
            and other.date is not None
            and other.date_source == "own"  # not "the talks" dated by an older round
        ):
            return other.date
    if reference is not None:
        return reference.date
    return publication_date(published_at)


def date_by_offset(candidate: Candidate, offset: ClauseOffset, measured_from: ResolvedDate) -> None:
    shifted = shift(
        measured_from,
        -offset.nearest_days,
        text=offset.text,
        reach=offset.furthest_days - offset.nearest_days,
    )
    candidate.date = shifted and replace(
        shifted,
        explanation=f"{offset.text!r} the main clause's event ({measured_from.start.isoformat()})",
    )
    candidate.date_source = "anchored"


REPORTING_LEMMAS = REPORTING_VERBS | {"brief", "announce", "speak"}


def reporting_day(
    sentence_dates: dict[int, list[DatedMention]], published_at: datetime.date
) -> ResolvedDate | None:
    """The day the story is reported from: "an aide who briefed the press on Friday",
    "the ministry said on Friday". Wire copy leads in the perfect ("the US has announced new
    frameworks") and dates the news only in such a later line; a day within the last week."""
    for start in sorted(sentence_dates):
        for mention in sentence_dates[start]:
            if governing_verb(mention.span.root).lemma_.lower() not in REPORTING_LEMMAS:
                continue
            resolved = resolve_for_status(mention, "happened", published_at)
            if (
                resolved is not None
                and resolved.precision == "day"
                and 0 <= (published_at - resolved.start).days <= 7
            ):
                return resolved
    return None


ONGOING_WORDS = frozenset({"underway", "ongoing", "continuing", "progress"})


def is_ongoing_talks(candidate: Candidate) -> bool:
    """ "Talks with Washington are underway / ongoing / in progress": talks held as the story
    is written, dated on the publication day (not by the story's last event)."""
    if candidate.type != MEETING or candidate.date is not None or candidate.status != "happened":
        return False
    root = candidate.trigger.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    return any(
        t.lower_ in ONGOING_WORDS and t.i > verb.i for t in verb.subtree if t.i - verb.i <= 3
    )


def is_meeting_on_trip(candidate: Candidate, reference: Candidate | None) -> bool:
    """ "X flew to Washington on Friday. He is scheduled to meet Lutnick": talks planned for
    a trip or round the story has just dated, by its traveller, take place during it (other
    plans stay undated)."""
    if (
        reference is None
        or candidate.type != MEETING
        or candidate.date is not None
        or candidate.status != "planned"
        or reference.type != MEETING
        or candidate.sentence.start - reference.sentence.end > 60  # within a short paragraph
    ):
        return False
    verb = governing_verb(candidate.trigger.root)
    subject = next(
        (
            c
            for v in (verb, *verb.ancestors)
            for c in v.children
            if c.dep_ in {"nsubj", "nsubjpass"}
        ),
        None,
    )
    return (
        bool(set(candidate.participants) & set(reference.participants))
        or any(name in reference.sentence.text for name in candidate.participants)
        or (subject is not None and subject.lower_ in {"he", "she"})
    )  # the traveller is a party, named in the trip's sentence if not found as its participant


def inherit(candidate: Candidate, date: ResolvedDate, *, source: str, why: str) -> None:
    candidate.date = replace(
        date, computed=True, explanation=f"no date of its own: dated with {why}"
    )
    candidate.date_source = source


def publication_date(published_at: datetime.date) -> ResolvedDate:
    return ResolvedDate(
        start=published_at,
        end=published_at,
        precision="day",
        text="",
        timex=published_at.isoformat(),
        computed=True,
        explanation="no date of its own: a report in the present, dated on the publication day",
    )
