"""Tariff measures: whether a tariff phrase tells a measure taken at all.

Most tariff words in the news are no measure: a modifier ("tariff talks"), a rate only described
or kept as it is, a duty averted, sought, negotiated over or named in an agreement's title, a
quota with no change told. These predicates drop such triggers before anything is read from
them, and tell the status the phrase alone decides (averted when scheduled, in force at once).
They are kept apart from the reading of a measure's details so that "is this a measure" can be
read, and changed, in one place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .grammar import ancestors_within, governing_verb, has_own_clause, span_text
from .modality import ATTEMPT_NOUNS, SCHEDULE_WORDS
from .patterns import IMPOSING_VERBS, STATE_LEMMAS, TARIFF_ACTIONS
from .tariff_rates import DUTY_NOUNS

RESPONSE_NOUNS = frozenset(
    {"countermeasure", "retaliation", "response", "reprisal", "counter-tariff", "retaliatory"}
)


def modifies_other_noun(trigger: Span) -> bool:
    """ "tariff talks", "tariff deal", "tariff war": the tariff word is only a modifier; and in
    "countermeasures against U.S. tariffs" the tariffs are what the countermeasures answer,
    not a measure of their own."""
    root = trigger.root
    if root.dep_ == "pobj" and root.head.lower_ in {"to", "against", "for", "on"}:
        owner = root.head.head  # "countermeasures to ..." or "suspend countermeasures to ..."
        answering = [owner, *(c for c in owner.children if c.dep_ == "dobj")]
        own = has_own_clause(root)
        if any(t.lemma_.lower() in RESPONSE_NOUNS for t in answering) and not (
            own is not None and own.lemma_.lower() in IMPOSING_VERBS
        ):
            return True  # but "its response to the duties imposed by Washington in March"
    if root.dep_ == "conj" and root.head.dep_ in {"compound", "amod", "nmod"}:
        root = root.head  # "a trade and tariff deal": joined to the modifier "trade"
    if is_acted_on_plan(root):
        return False  # "a three-month suspension of the tariff scheme": the tariffs paused
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and (root.head.lemma_.lower() not in {"tariff", "duty", "levy", "rate"})
    )


PLAN_NOUNS = frozenset({"plan", "regime", "scheme", "programme", "program", "package"})


def is_acted_on_plan(modifier: Token) -> bool:
    """ "suspended the tariff plan", "the suspension of the tariff scheme": a plan of tariffs that
    is paused, cut or scrapped is those tariffs acted on (not "talks on the tariff plan")."""
    plan = modifier.head
    if modifier.dep_ != "compound" or plan.lemma_.lower() not in PLAN_NOUNS:
        return False
    if plan.dep_ == "dobj":
        return plan.head.lemma_.lower() in TARIFF_ACTIONS and plan.head.pos_ == "VERB"
    if plan.dep_ == "pobj" and plan.head.lower_ == "of":
        acted = plan.head.head
        return acted.pos_ == "NOUN" and TARIFF_ACTIONS.get(acted.lemma_.lower()) in {
            "paused",
            "removed",
            "lowered",
        }
    return False


STATE_VERBS = frozenset({"keep", "maintain", "extend", "leave", "retain", "preserve"})


IN_FORCE_WORDS = frozenset({"effective", "applicable", "operative"})

# "the average duty", "taking the total levy to 50%": a sum or mean of duties, not a measure
STATISTIC_WORDS = frozenset(
    {"average", "weighted", "mean", "median", "total", "combined", "cumulative", "overall"}
)


AVERTING_VERBS = frozenset({"avert", "avoid", "prevent", "forestall", "stave", "dodge"})


COUNTERFACTUAL = ("instead of", "rather than")
LEVYING = frozenset({"impose", "levy", "charge", "apply"})  # in the present: how things stand
PURPOSE_PARTICIPLES = frozenset({"aim", "design", "intend", "mean"})  # what a thing is for


def is_tariff_measure(trigger: Span, sentence: Span) -> bool:
    """Not a measure: a tariff only described ("the 15 percent rate was the lowest"), kept as it
    is ("keeps the tariff at 30 percent"), averted ("heading off a 30 percent rate") or not
    happening ("instead of the 25 percent rate")."""
    if is_quota(trigger) and quota_change(trigger) is None:
        return False  # "the steel quota system", "is seeking import quotas": no change told
    root = trigger.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "keeps the tariff at 30% and China's levy at 10%"
    verb = governing_verb(root)
    described = verb.lemma_ == "be" and not any(
        c.dep_ == "xcomp" or (c.dep_ == "acomp" and c.lower_ in IN_FORCE_WORDS)
        for c in verb.children
    )  # "the tariff is 25%" describes; "will be effective from April 9" schedules
    if root.dep_ in {"nsubj", "nsubjpass"} and described:
        return False
    if any(c.dep_ == "amod" and c.lower_ in STATISTIC_WORDS for c in root.children):
        return False  # "the average duty on goods entering Chile": a statistic, not a measure
    if (
        root.dep_ == "nsubj"
        and verb.lemma_.lower() not in TARIFF_ACTIONS
        and any(c.dep_ == "neg" for c in verb.children)
    ):
        return False  # "the 20% duty does not match the trade figures": described
    if root.dep_ == "nsubj" and verb.lemma_ == "do" and verb.dep_ == "advcl":
        verb = verb.head  # "a 50% tariff remains in effect, as does a 17% one": remains
    if (
        verb.tag_ in {"VBZ", "VBP"}
        and verb.lemma_.lower() in STATE_LEMMAS
        and (
            root.dep_ == "nsubj"
            or (
                root.dep_ == "dobj"
                and verb.dep_ == "relcl"
                and not any(c.lower_ == "now" for c in verb.children)
            )
        )
    ):
        # "the duty stands at 6 percent", "the 30% tariff remains", "trucks, which face a
        # 25% tariff": how things stand (but "cars, which now face 25%, will pay 15%")
        return False
    if verb.lemma_.lower() in STATE_VERBS and root.dep_ == "dobj":
        return False
    ancestors = [root, *root.ancestors][:5]
    if any(t.lemma_.lower() in AVERTING_VERBS for t in ancestors[1:]) and not has_schedule(root):
        return False  # "to avert a 30 percent rate" (a duty due on a day is still set)
    if any(t.lemma_ == "head" and any(c.lower_ == "off" for c in t.children) for t in ancestors):
        return False
    if any(t.lemma_.lower() in {"fail", "refuse"} for t in ancestors[1:]):
        return False  # "failed to win relief from the 25 percent levy"
    if any(
        t.lemma_.lower() in ATTEMPT_NOUNS and t.pos_ == "NOUN" for t in list(root.ancestors)[:8]
    ):
        return False  # "in an effort to move talks on to lower tariffs": a purpose
    if any(
        t.lemma_.lower() in PURPOSE_PARTICIPLES and (t.dep_ == "acl" or t.tag_ == "VBN")
        for t in ancestors[1:5]
    ):
        return False  # "a pact aimed at cutting duties", "which is meant to lower the rate"
    if any(c.dep_ == "advmod" and c.lower_ in {"previously", "formerly"} for c in verb.children):
        return False  # "Peru had previously faced a 30% rate": what was, before the news
    if verb.tag_ in {"VBZ", "VBP"} and verb.dep_ == "ccomp" and verb.lemma_.lower() in LEVYING:
        return False  # "noting that Nigeria imposes a 27% tariff on US goods": a claimed state
    if verb.tag_ == "VBG" and verb.dep_ == "csubj":
        return False  # "Bringing the copper duty down to 10% is part of ...": a goal, not an act
    if in_title_of_agreement(trigger):
        return False  # "talks on a draft Agreement on Reciprocal Tariffs": a name, not a measure
    if is_means_of_change(ancestors):
        return False  # "cut to 47% by halving the duty tied to fentanyl": how, not a second cut
    if any(c.lower_ == "whether" for t in ancestors for c in t.children):
        return False  # "to determine whether imposing a duty is warranted": a question
    for token in ancestors[1:4]:
        if token.lower_ in {"of", "than"} and any(
            c.lower_ in {"instead", "rather"} for c in [*token.children, token.head]
        ):
            return False
    path = " ".join(t.lower_ for t in ancestors)
    return not any(f"{phrase.split()[1]} {phrase.split()[0]}" in path for phrase in COUNTERFACTUAL)


def has_schedule(root: Token) -> bool:
    """ "a 31% duty, due to start on Sept. 2", "levies scheduled to begin on Monday": the
    measure has a day of its own, whoever hopes to avert it."""
    after = [c for c in root.head.children if 0 < c.i - root.i <= 3]  # "a 31% duty, due..."
    for child in [*root.children, *after]:
        if child.dep_ not in {"amod", "acl", "relcl", "appos", "prep", "advcl"}:
            continue
        words = {t.lemma_.lower() for t in child.subtree}
        if words & SCHEDULE_WORDS and any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree):
            return True
    return False


def averted_schedule(trigger: Span) -> str | None:
    """The status of a scheduled measure someone averts: "the accord averts the levies due to
    begin on Monday" (cancelled), "tries to avert a 31% duty, due on Sept. 2" (still
    planned); None when no one averts a scheduled measure."""
    root = trigger.root
    averting = next(
        (t for t in list(root.ancestors)[:4] if t.lemma_.lower() in AVERTING_VERBS), None
    )
    if averting is None or not has_schedule(root):
        return None  # the cheap test first: most measures have no averting verb above them
    return "planned" if averting.dep_ == "xcomp" or averting.tag_ == "VB" else "cancelled"


TITLE_HEADS = frozenset({"agreement", "act", "framework", "deal", "pact", "treaty", "accord"})


def in_title_of_agreement(trigger: Span) -> bool:
    """The tariff word is part of a capitalised name of an agreement or law ("Agreement on
    Reciprocal Tariffs", "the Reciprocal Tariff Act")."""
    root = trigger.root
    if not root.text[:1].isupper() or root.i == root.sent.start:
        return False
    for token in [root, *list(root.ancestors)[:3]]:
        if token.lemma_.lower() in TITLE_HEADS and token.text[:1].isupper():
            return True
    return False


def is_means_of_change(ancestors: list[Token]) -> bool:
    """The tariff is named inside a "by ...ing" phrase of a change to duties: the means of that
    change, told with it."""
    for token in ancestors[1:6]:
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "by":
            changed = token.head.head
            return changed.lemma_.lower() in TARIFF_ACTIONS and any(
                c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in DUTY_NOUNS
                for c in changed.children
            )
    return False


GOAL_NOUNS = ATTEMPT_NOUNS | {
    "deal",
    "agreement",
    "talks",
    "negotiations",
    "efforts",
    "commitment",
    "aim",
    "goal",
    "hope",
    "hopes",
    "plan",
    "plans",
    "way",
    "ways",
    "proposal",
}  # nouns whose infinitive says what is sought ("a deal to reduce tariffs")


def is_sought_change(trigger: Span, sentence: Span) -> bool:
    """ "talks focused on lowering tariffs", "a commitment to reducing tariff barriers", "a deal
    with Washington to reduce tariffs": the change is what the talks are about, not a step
    anyone took (a rate or a date of its own makes it one)."""
    for token in [trigger.root, *ancestors_within(trigger.root, sentence)][:4]:
        if token.lemma_.lower() not in TARIFF_ACTIONS or token.pos_ != "VERB":
            continue
        while token.dep_ == "conj" and token.head.pos_ == "VERB":
            token = token.head  # "for cutting or eliminating tariffs"
        if token.dep_ == "pcomp" and token.tag_ == "VBG":
            return token.head.head.pos_ in {"NOUN", "VERB", "ADJ"} and token.head.lower_ in {
                "on",
                "to",
                "toward",
                "towards",
                "at",
                "of",
                "about",
                "for",  # "make the case for cutting threatened tariffs"
            }
        if token.dep_ in {"acl", "relcl"} and token.head.lower_ in GOAL_NOUNS:
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        return False
    return False


NEGOTIATING_VERBS = frozenset({"negotiate", "renegotiate"})


def is_negotiated_over(trigger: Span, sentence: Span) -> bool:
    """ "an envoy sent to negotiate new duties", "keen to negotiate an end to the 30% levy":
    what is to be negotiated is no measure taken (unless the sentence tells it taken: "to
    negotiate the levy Lima imposed")."""
    if any(
        c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in TARIFF_ACTIONS
        for c in trigger.root.children
    ):
        return False
    for token in ancestors_within(trigger.root, sentence)[:4]:
        if token.pos_ == "VERB":
            return token.lemma_.lower() in NEGOTIATING_VERBS
    return False


AT_ONCE = re.compile(
    r"\b(?:effective|in\s+effect|in\s+force)\s+immediately\b|\bwith\s+immediate\s+effect\b|"
    r"\b(?:takes?|taking|took)\s+effect\s+immediately\b",
    re.I,
)


def in_force_at_once(sentence: Span) -> bool:
    """ "will reduce tariffs to 18 per cent, effective immediately": the measure is done as it
    is announced, not planned."""
    return AT_ONCE.search(span_text(sentence)) is not None


TIGHTENING_VERBS = frozenset(
    {"reduce", "cut", "tighten", "lower", "slash", "halve", "limit", "impose", "introduce"}
)
LOOSENING_VERBS = frozenset({"raise", "increase", "expand", "lift", "relax", "ease"})


def is_quota(trigger: Span) -> bool:
    return trigger.root.lemma_.lower() in {"quota", "quotas"}


def quota_change(trigger: Span) -> str | None:
    """The action of a safeguard quota changed by a verb ("reduce steel import quotas by
    nearly half": less may enter, so protection is raised; "goods will be subject to a quota":
    imposed); None for a quota only named ("the steel quota system", "seeking quotas")."""
    root = trigger.root
    verb = governing_verb(root)
    lemma = verb.lemma_.lower()
    if root.dep_ in {"dobj", "nsubjpass"} and lemma in TIGHTENING_VERBS:
        return "raised" if lemma not in {"impose", "introduce"} else "imposed"
    if root.dep_ in {"dobj", "nsubjpass"} and lemma in LOOSENING_VERBS:
        return "lowered"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "subject":
        return "imposed"  # "imports will be subject to a quota from May"
    return None
