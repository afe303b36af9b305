"""Which date phrases may date an event at all, and which clause a date belongs to.

A date in a sentence is not always the date of an event in it: "their first meeting since
2019" does not put a meeting in 2019, "the 2020 USMCA" is a name, "$500 billion by 2030" is a
goal. These are background, comparison or naming dates: they stay in the text's TIMEX layer but
never date an event. Tariffs told only as a comparison, a reference, a topic or a condition are
read here too. Meeting words are read in meeting_reading.py; days counted from a date or an
event, in offsets.py.
"""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Span, Token

from .candidate import DatedMention
from .grammar import CONDITION_WORDS, governing_verb, left_context, per_span
from .meeting_reading import MEETING_NOUNS
from .patterns import DEAL_VERBS, TARIFF, TARIFF_ACTIONS

COARSE = frozenset({"year", "quarter", "decade", "month"})
COMPARISON_WORDS = frozenset(
    {
        "below",
        "above",
        "near",
        "than",
        "matches",
        "match",
        "matching",
        "bests",
        "beats",
        "par",
        "compared",
        "versus",
        "vs",
        "like",
        "similar",
        "unlike",
    }
)


def is_background_date(dated: DatedMention, *, published_year: int) -> bool:
    """A date that says when something else was, not when this sentence's event happens."""
    resolved = dated.mention.resolved
    if resolved is None:
        return False
    before = [t.lower_ for t in left_context(dated.span, 2)]
    coarse = resolved.precision in COARSE or (resolved.end - resolved.start).days > 40
    if before[-1:] == ["since"] and coarse:
        return True  # "their first meeting since 2019", "the highest since the 1930s"
    far_year = resolved.precision == "year" and resolved.start.year > published_year + 1
    if before[-1:] in (["by"], ["through"]) and far_year:
        return True  # "trade of $500 billion by 2030", "a truce running through 2028"
    return is_name_modifier(dated.span)


LAW_WORDS = frozenset({"act", "law", "statute", "agreement", "treaty", "convention", "code"})


def is_name_modifier(span: Span) -> bool:
    """A bare year naming a thing: "the 2020 USMCA", "its 2019 trade deal"."""
    text = span.text.strip()
    if not (len(text) == 4 and text.isdigit()):
        return False
    before = left_context(span, 2)
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lemma_.lower() in LAW_WORDS:
        return True  # "the Trade Expansion Act of 1962": the law's name, not an event's date
    root = span.root
    return root.dep_ in {"compound", "nummod", "amod", "nmod"} and root.head.pos_ in {
        "NOUN",
        "PROPN",
    }


def is_comparison(trigger: Span) -> bool:
    """A tariff named to compare with another: "a little under the 30% once threatened",
    "the same 18% rate that Ruritania got", "on par with its neighbour's 22%"."""
    phrase_start = min(t.left_edge.i for t in trigger)
    start = max(phrase_start - 3, trigger.sent.start)
    before = [t.lower_ for t in trigger.doc[start:phrase_start]]
    if any(word in COMPARISON_WORDS for word in before):
        return True
    if before[-2:] == ["top", "of"]:
        return True  # "added on top of the 25% levies announced earlier": the base, not news
    for ancestor in list(trigger.root.ancestors)[:2]:
        if ancestor.lower_ in COMPARISON_WORDS or ancestor.lemma_ in {"match", "best", "compare"}:
            return True
        if ancestor.lower_ in {"including", "includes", "include"} and not names_a_member(ancestor):
            return True  # "now 27.5 percent, including a standard 2.5 percent duty"
    return False


def names_a_member(including: Token) -> bool:
    """ "duties hitting 60 countries, including a 24% tariff on Lisbon's goods": one of
    a set of partners hit, not a part of a total rate."""
    head = including.head
    return (
        including.lower_ == "including"
        and head.tag_ == "NNS"
        and head.lemma_.lower() in {"country", "partner", "nation", "economy", "measure"}
    )


def in_since_clause(trigger: Span) -> bool:
    """ "Since taking office he has raised duties to ...", "their first trip since Ottawa
    put a 30% levy on steel": what happened since then is background, not news."""
    for token in [trigger.root, *list(trigger.root.ancestors)[:3]]:
        if any(c.dep_ in {"prep", "mark"} and c.lower_ == "since" for c in token.children):
            return True
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"advcl", "conj", "xcomp"}:
            break
    return False


ACTION_NOUNS = frozenset(
    {
        "pause",
        "suspension",
        "cut",
        "hike",
        "increase",
        "reduction",
        "exemption",
        "removal",
        "rollback",
        "delay",
        "extension",
        "halving",
        "doubling",
    }
)


def is_reference(trigger: Span) -> bool:
    """A tariff named as a topic or as a known measure, not as something done: "ways round
    the 40% duties levied on Chile", "talks about the duties" (but "a pause on tariffs" and
    "the duties levied on Peru will be halved" are acts on them)."""
    root = trigger.root
    acted_on = governing_verb(root).lemma_.lower() in TARIFF_ACTIONS
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in root.children) and not acted_on:
        return True  # "the duties levied on Chile": an existing measure, described
    return (
        root.dep_ == "pobj"
        and root.head.head.pos_ == "NOUN"
        and root.head.head.lemma_.lower() not in ACTION_NOUNS
    )


EFFECT_VERBS = frozenset(
    {
        "take",
        "come",
        "go",
        "kick",
        "enter",
        "expire",
        "begin",
        "announce",
        "unveil",
        "threaten",
        "order",
        "sign",
        "approve",
        "keep",
        "extend",
        "propose",
        "plan",
        "consider",
        "double",
        "halve",
        "triple",
        "add",
        "stack",
        "exempt",
        "waive",
        "restore",
        "reinstate",
        "resume",
    }
)


def is_topic(trigger: Span) -> bool:
    """A known measure as the object of a verb that does nothing to it: "to justify his
    sweeping tariffs", "a bid to use the duties as leverage", "challenged the
    duties in court". The tariffs are the topic, not news; a rate or an act makes them news."""
    root = trigger.root
    if root.dep_ not in {"dobj", "pobj"}:
        return False
    if not any(
        (c.dep_ == "poss") or (c.dep_ == "det" and c.lower_ in {"the", "these", "those"})
        for c in root.children
    ):
        return False
    if any(t.like_num or t.text == "%" for t in root.subtree):
        return False
    if root.dep_ == "pobj" and any(
        t.lemma_.lower() in ACTION_NOUNS for t in list(root.head.ancestors)[:3] if t.pos_ == "NOUN"
    ):
        return False  # "the rise in May of the duty" (however "of" is attached): an act on it
    if any(
        t.pos_ == "VERB"
        and (t.lemma_.lower() in TARIFF_ACTIONS or t.lemma_.lower() in EFFECT_VERBS)
        for t in root.subtree
        if t.dep_ in {"relcl", "acl"}
    ):
        return False  # "the tariffs, which Trump announced earlier this month"
    verb = governing_verb(root)
    lemma = verb.lemma_.lower()
    return lemma not in TARIFF_ACTIONS and lemma not in EFFECT_VERBS and lemma != "be"


def is_backdrop(trigger: Span) -> bool:
    """ "pledged support for exporters amid the 32% US tariff": the measure is the scene of
    the news, told as standing, not an act of the story (unless a clause of its own tells the
    act: "amid tariffs imposed on Thursday")."""
    root = trigger.root
    if root.dep_ != "pobj" or root.head.lower_ != "amid":
        return False
    return not any(
        t.pos_ == "VERB"
        and (t.lemma_.lower() in TARIFF_ACTIONS or t.lemma_.lower() in EFFECT_VERBS)
        for t in root.subtree
        if t.dep_ in {"relcl", "acl"}
    )


MANY_PARTIES = frozenset({"country", "nation", "partner", "economy", "government"})


def deals_of_many(trigger: Span) -> bool:
    """ "no country that has struck deals with the US", "the nations that signed
    agreements last year": deals told of a set of partners, not one deal made here."""
    verb = governing_verb(trigger.root)
    described = verb.head
    return (
        verb.dep_ == "relcl"
        and described.tag_ == "NNS"
        and described.lemma_.lower() in MANY_PARTIES
    )


def is_negated(trigger: Span) -> bool:
    """ "no tariff on these products", "gave no sign of easing the duties", "will not
    impose the duties": nothing is done."""
    root = trigger.root
    if any(c.dep_ == "det" and c.lower_ == "no" for c in root.children):
        return True
    verb = governing_verb(root)
    if verb.lemma_.lower() in TARIFF_ACTIONS and any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(
        any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
        for t in list(verb.ancestors)[:3]
        if t.pos_ == "NOUN"  # "showed no sign of easing", "no sign of dropping or cutting",
    )  # "no sign the minister will budge on the 20% duty"


TIME_CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "following", "upon"})


def time_clause_of(trigger: Span, *, phrases_only: bool = False) -> set[int] | None:
    """The token indices of the "after/before/since ..." clause or phrase the event is told in
    ("After imposing tariffs, ...", "After meetings in Geneva, ..."), or None. With
    ``phrases_only``, noun phrases only: "after speaking with X" tells a call just before the
    main clause, which the story's time may date; "after meetings in Geneva" is background."""
    root = trigger.root
    if root.dep_ == "pobj" and root.head.lower_ in TIME_CLAUSE_PREPOSITIONS:
        return {t.i for t in root.head.subtree}
    edge = root.left_edge.i
    if edge > 0 and root.doc[edge - 1].lower_ in TIME_CLAUSE_PREPOSITIONS and root.pos_ == "NOUN":
        return {t.i for t in root.subtree}  # the same, parsed as "After" + a subject
    verb = governing_verb(root)
    if not phrases_only and verb.dep_ == "pcomp" and verb.head.lower_ in TIME_CLAUSE_PREPOSITIONS:
        return {t.i for t in verb.subtree}
    return None


def dates_of_own_clause(trigger: Span, dated: list[DatedMention]) -> list[DatedMention]:
    """An event told in an "after ..." clause happened before the main clause's date, not on
    it: "After raising duties, the government changed course last month" says nothing of
    when the duties came. Such an event keeps only the dates of its own
    clause."""
    dated = [d for d in dated if not names_another(d, trigger) and not dates_a_deadline(d, trigger)]
    counted = counted_as(trigger)
    if counted is not None:  # "His visit will be the fourth meeting this year": the count's year
        dated = [d for d in dated if d.span.root.i not in counted]
    dated = without_its_description(trigger, dated)
    later = follow_on_verb(trigger)
    if later is not None:  # "a 20% duty, cut to 12% in October": October is the cut's month
        step = {t.i for t in later[0].subtree}
        dated = [d for d in dated if d.span.root.i not in step]
    clause = time_clause_of(trigger)
    if clause is None:
        return dated
    return [d for d in dated if d.span.root.i in clause]


DESCRIBING_CLAUSES = frozenset({"acl", "relcl"})

# How a later clause of the same sentence changes the measure it goes on telling: the verbs of
# change that read a measure's action, less those of its making or pausing
FOLLOW_ON_ACTIONS = {
    verb: action
    for verb, action in TARIFF_ACTIONS.items()
    if action in {"lowered", "raised", "removed"}
}

# what that clause calls the measure it goes on with: "cut them", "raising the rate"
BACK_REFERENCES = frozenset({"it", "they", "tariff", "duty", "levy", "rate"})  # lemmas


def follow_on_verb(trigger: Span) -> tuple[Token, str] | None:
    """ "raised duties to 20% in May, then cut them to 12% in October": the verb of a
    later clause that goes on with the same measure (it names it back as "it", "them", "the
    rate"), with the action it tells; None when the sentence tells no further step. Asked
    when the measure is dated and again when its step is read: answered once per trigger."""
    if trigger.label_ != TARIFF:
        return None
    return per_span(trigger, "follow_on_verb", find_follow_on_verb)


def find_follow_on_verb(trigger: Span) -> tuple[Token, str] | None:
    root = trigger.root
    governing = governing_verb(root)
    for verb in trigger.sent:
        action = FOLLOW_ON_ACTIONS.get(verb.lemma_.lower())
        if action is None or verb.pos_ != "VERB" or verb.i <= root.i:
            continue
        if verb.dep_ not in {"conj", "advcl", "pcomp", "dep"}:  # "dep": ", then cut them"
            continue
        if not {a.i for a in list(verb.ancestors)[:4]} & {governing.i, root.i}:
            continue  # a clause of another event of the sentence
        if any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in BACK_REFERENCES
            for c in verb.children
        ):
            return verb, action
    return None


def without_its_description(trigger: Span, dated: list[DatedMention]) -> list[DatedMention]:
    """ "Steel duties, imposed in March, were cut to 10% on Tuesday": a clause describing the
    measure tells an earlier act of its own; when the verb the measure hangs on has a date, that
    date is the step this sentence reports, and the description's date is not. "A 25% tariff,
    which will rise to 45% on July 1": a later step, whose day is never the measure's."""
    described = description_of(trigger, dated)
    step = scheduled_step(trigger, dated)
    if step is not None:
        described = (described or set()) | {t.i for t in step[0].subtree}
    if described is None:
        return dated
    return [d for d in dated if d.span.root.i not in described]


STEP_VERBS = {
    "increase": "raised",
    "rise": "raised",
    "climb": "raised",
    "jump": "raised",
    "double": "raised",
    "fall": "lowered",
    "drop": "lowered",
    "decline": "lowered",
    "decrease": "lowered",
}


def scheduled_step(trigger: Span, dated: list[DatedMention]) -> tuple[Token, DatedMention] | None:
    """ "a 20% duty on sofas, which will rise to 45% on July 1": a clause describing
    the measure that tells a later change of its rate on a day of its own, as (its verb, its
    date); None when there is none."""
    if trigger.label_ != TARIFF:
        return None
    for (
        child
    ) in trigger.root.subtree:  # also on a conjoined rate's goods ("and 25% on sofas, which")
        if child.dep_ not in DESCRIBING_CLAUSES or child.lemma_.lower() not in STEP_VERBS:
            continue
        for when in dated:
            if governing_verb(when.span.root) == child:
                return child, when
    return None


def description_of(trigger: Span, dated: list[DatedMention]) -> set[int] | None:
    """The token indices of the clauses describing a measure ("imposed in March", "that Oslo
    imposed on March 3") when the verb the measure hangs on has a date of its own or tells a
    change of it (the description is then an earlier act); else None."""
    if trigger.label_ != TARIFF:
        return None
    described = {
        t.i
        for child in trigger.root.children
        if child.dep_ in DESCRIBING_CLAUSES
        for t in child.subtree
    }
    if not described:
        return None
    verb = trigger.root.head
    if trigger.root.dep_ not in {"nsubj", "nsubjpass", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return None  # "an injunction on tariffs announced in April": the measure is not the step
    outside = [d for d in dated if d.span.root.i not in described]
    if any(governing_verb(d.span.root) == verb for d in outside):
        return described
    if DESCRIBED_ACTS.get(verb.lemma_.lower()) in CHANGES and verb.tag_ in {"VBD", "VBN"}:
        return described  # "the 10% tariff placed in February was doubled": not February's
    return None


CHANGES = frozenset({"raised", "lowered", "removed", "paused"})


DESCRIBED_ACTS = {**TARIFF_ACTIONS, "announce": "announced", "unveil": "announced"}


def described_act(trigger: Span, dated: list[DatedMention]) -> tuple[str, DatedMention] | None:
    """The earlier act a describing clause tells with a date of its own ("duties, imposed in
    March, were cut on Tuesday": imposed, March), as (action, date); None when there is none."""
    described = description_of(trigger, dated)
    if described is None:
        return None
    for child in trigger.root.children:
        action = DESCRIBED_ACTS.get(child.lemma_.lower())
        if child.dep_ not in DESCRIBING_CLAUSES or action is None:
            continue
        if child.tag_ not in {"VBN", "VBD"}:
            continue  # "duties that apply from May": no act told
        for when in dated:
            if when.span.root.i in described and governing_verb(when.span.root) == child:
                return action, when
    return None


def dates_a_deadline(dated: DatedMention, trigger: Span) -> bool:
    """ "talks beyond the Aug. 7 deadline", "ahead of the July 9 deadline": the date names the
    deadline, not the talks or the measure told around it."""
    root = dated.span.root
    head = root.head
    return (
        root.dep_ in {"compound", "nmod", "amod", "npadvmod"}
        and head.lemma_.lower() == "deadline"
        and head.i != trigger.root.i
        # "two days before the March 1 deadline" places the event from the deadline's day
        and not (head.dep_ == "pobj" and head.head.lower_ in {"before", "after"})
    )


def names_another(dated: DatedMention, trigger: Span) -> bool:
    """ "last month's deal", "Monday's talks": a date in the possessive belongs to its noun."""
    root = dated.span.root
    return (
        root.dep_ == "poss"
        and root.head.i != trigger.root.i
        and root.head.lemma_.lower() not in {"time", "notice", "worth"}  # "in a week's time"
    )


def counted_as(trigger: Span) -> set[int] | None:
    """ "His trip to Rome will be their third meeting this year": the phrase after "be" counts
    the event among others; its date phrase is the count's span, not the event's date. The
    token indices of that phrase, or None."""
    root = trigger.root
    if root.dep_ not in {"nsubj", "nsubjpass"} or root.head.lemma_ != "be":
        return None
    for attr in root.head.children:
        if attr.dep_ == "attr" and attr.lemma_.lower() in MEETING_NOUNS:
            counted = {t.i for t in attr.subtree}
            for other in root.head.children:  # "... meeting between them this year"
                if other.dep_ == "npadvmod":
                    counted |= {t.i for t in other.subtree}
            return counted
    return None


MAKING_PARTICIPLES = frozenset({"release", "issue", "publish", "unveil", "announce", "conclude"})
RESULT_VERBS = frozenset({"lead", "result", "culminate"})


def deal_dated_in_the_past(
    trigger: Span, dated: list[DatedMention], published_at: datetime.date
) -> bool:
    """ "a landmark deal between Brussels and Washington in July", "a joint statement released
    on July 22": a deal noun with a date of its own, wholly before the article, was made then,
    though no verb says it was reached."""
    root = trigger.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    holders = {root.i} | {
        c.i
        for c in root.children
        if (
            (c.dep_ == "acl" and c.tag_ == "VBN")
            or (c.dep_ == "relcl" and c.tag_ in {"VBD", "VBN"})
        )
        and c.lemma_.lower() in MAKING_PARTICIPLES | DEAL_VERBS
    }
    if root.dep_ == "pobj" and root.head.head.lemma_.lower() in RESULT_VERBS:
        holders.add(root.head.head.i)  # "which led to a deal ... in July"
    for prep in root.children:  # "a joint statement by both capitals published on May 3"
        if prep.dep_ == "prep" and prep.lower_ in {"by", "between", "with"}:
            holders |= {
                c.i
                for party in prep.children
                for c in party.children
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in MAKING_PARTICIPLES
            }
    for mention in dated:
        resolved = mention.mention.resolved
        if resolved is None or resolved.end >= published_at:
            continue
        date_root = mention.span.root
        holder = date_root.head
        if date_root.dep_ == "pobj" and holder.dep_ == "prep":
            holder = holder.head
        if holder.i in holders and holder.i != date_root.i:
            return True
    return False


PAST_DEIXIS = re.compile(r"\b(?:last|ago|yesterday|earlier|previous)\b", re.I)


def past_date_of_its_own(trigger: Span, dated: list[DatedMention]) -> bool:
    """ "a virtual meeting late last month", "the talks two weeks ago": a date phrase hanging on
    the event's own noun that can only look back makes it a fact, whatever the modality of the
    clause it is told in ("would conclude after a meeting late last month")."""
    root = trigger.root
    if root.pos_ != "NOUN":
        return False
    for mention in dated:
        head = mention.span.root.head
        if head.dep_ == "prep":
            head = head.head
        if head.i == root.i and PAST_DEIXIS.search(mention.mention.text):
            return True
    return False


def is_condition(trigger: Span) -> bool:
    """ "would raise its duty further if Dhaka raised its own tariffs": what the threat hangs
    on is a condition, not an event of the timeline (the threat is)."""
    for token in [trigger.root, *trigger.root.ancestors]:
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_WORDS for c in token.children
        ):
            return True
        if token.dep_ in {"ROOT", "ccomp"}:
            return False
    return False
