"""Legal acts on tariffs: court rulings and hearings, lawsuits and trade-dispute filings.

They are events of type "other" on the timeline ("the appeals court upheld the ruling in
August", "the justices heard arguments on Nov. 5", "the company sued for refunds on Friday",
"Brazil asked the WTO for consultations"). They are found here, not by the trigger ruler:
their verbs ("rule", "hear", "issue", "file") are common words that name a legal act only with
a court, a suit or a trade body beside them, and a loose trigger would take the people of the
sentence's real events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .candidate import DatedMention
from .grammar import hangs_by, per_span, span_text
from .titles import tidy, upper_first

OTHER = "other"

COURT_WORDS = frozenset({"court", "justice", "judge", "circuit", "tribunal", "panel"})

# what a court does, said with the court as subject
RULING_VERBS = frozenset(
    {
        "rule",
        "strike",
        "uphold",
        "affirm",
        "overturn",
        "block",
        "halt",
        "stay",
        "declare",
        "find",
        "hear",
        "issue",
        "remove",
        "lift",
        "grant",
        "deny",
        "reject",
        "order",
        "consider",
        "invalidate",
        "reinstate",
        "vacate",
        "dismiss",
        "side",
        "allow",
        "pause",
        "suspend",
        "agree",
        "schedule",  # "the judge has set a status conference for a day": scheduled
        "designate",
    }
)

# "filed a lawsuit", "brought a case", "lodged a complaint"
FILING_VERBS = frozenset({"file", "bring", "lodge", "launch", "submit"})
FILED_THINGS = frozenset(
    {"lawsuit", "suit", "complaint", "petition", "challenge", "case", "appeal", "dispute"}
)
TRADE_BODIES = frozenset({"wto"})

# a hearing named as a noun, dated of its own: "during oral arguments on Nov. 5"
HEARING_NOUNS = frozenset({"argument", "hearing"})
HABITUAL_WORDS = frozenset({"usually", "typically", "normally", "often", "generally"})

TARIFF_WORDS = frozenset(
    {"tariff", "duty", "levy", "ieepa", "import", "refund", "trade", "section", "customs"}
)


ACT_POS = frozenset({"VERB", "NOUN"})


def acts_in(sentence: Span, previous: Span | None) -> list[Span]:
    """Spans (labelled "other") naming a legal act on tariffs in the sentence: the verb of a
    court's ruling or hearing, of a suit or a trade-dispute filing, or a hearing noun. The
    sentence, or the one before it, must speak of tariffs: courts rule on much else."""
    on_tariffs = about_tariffs(sentence) or (previous is not None and about_tariffs(previous))
    if not on_tariffs and "export" not in span_text(sentence).lower():
        return []  # no legal act on tariffs, and no export control, can be told here
    found = []
    for token in sentence:
        if token.pos_ not in ACT_POS:
            continue  # each test below first asks for a verb (a hearing: a noun)
        if changes_export_controls(token) or (
            on_tariffs
            and (
                court_acts(token)
                or files_suit(token)
                or asks_trade_body(token, sentence)
                or names_hearing(token, sentence)
                or approves_agreement(token)
                or submits_proposal(token)
                or opens_investigation(token)
            )
        ):
            found.append(Span(sentence.doc, token.i, token.i + 1, label=OTHER))
    verbs = {span.root.i for span in found if span.root.pos_ == "VERB"}
    return [  # "the justices heard oral arguments": the hearing noun is the verb's act
        span
        for span in found
        if span.root.i in verbs or not any(a.i in verbs for a in span.root.ancestors)
    ]


APPROVING_VERBS = frozenset(
    {
        "approve",
        "ratify",
        "endorse",
        "pass",
        "adopt",
        "authorize",
        "authorise",
        "introduce",
        "table",
    }
)
APPROVING_BODIES = frozenset(
    {
        "cabinet",
        "council",
        "parliament",
        "senate",
        "congress",
        "assembly",
        "legislature",
        "lawmaker",
        "party",
        "house",
        "diet",
        "state",  # "a majority of EU member states"
    }
)
APPROVED_THINGS = frozenset(
    {"agreement", "deal", "fta", "pact", "treaty", "accord", "bill", "law", "legislation"}
)
PROPOSAL_NOUNS = frozenset({"proposal", "offer", "counterproposal", "counteroffer"})
PROPOSING_VERBS = frozenset({"submit", "present", "table", "deliver", "send", "revise"})
EXPORT_CONTROLS = frozenset({"ban", "control", "restriction", "licence", "license", "curb"})
CONTROL_VERBS = frozenset(
    {"impose", "suspend", "lift", "extend", "tighten", "ease", "introduce", "require", "pause"}
)


def approves_agreement(token: Token) -> bool:
    """ "the Union Cabinet approved the proposed FTA", "the Senate passed the bill",
    "a governing party tabled a bill": a cabinet's or a legislature's step on a
    trade accord or law (the accord itself was made, or is made, elsewhere)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in APPROVING_VERBS:
        return False
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    things = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if token.dep_ == "acl":  # "the FTA, approved by the council on Monday"
        things.append(token.head)
    by_body = any(
        t.lemma_.lower() in APPROVING_BODIES and t.pos_ in {"NOUN", "PROPN"}
        for s in subjects
        for t in s.subtree
    )
    return by_body and any(t.lemma_.lower() in APPROVED_THINGS for t in things)


INVESTIGATIONS = frozenset({"investigation", "probe", "inquiry", "review"})
OPENING_VERBS = frozenset({"launch", "open", "initiate", "start", "begin"})


def opens_investigation(token: Token) -> bool:
    """ "the Commission initiated an anti-dumping investigation in December 2024", "the
    investigation initiated by the Commission", "is launching a Section 301 investigation": a
    trade inquiry opened is a step of its own (its duties come later, as measures)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in OPENING_VERBS:
        return False
    opened = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if token.dep_ == "acl":
        opened.append(token.head)
    return any(o.lemma_.lower() in INVESTIGATIONS and o.lemma_.lower() != "review" for o in opened)


def submits_proposal(token: Token) -> bool:
    """ "submitted a proposed trade deal in May and revised it in June", "presented an
    enhanced offer": a proposal handed over is a step of its own (not yet a deal)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in PROPOSING_VERBS:
        return False
    for thing in (c for c in token.children if c.dep_ == "dobj"):
        if thing.pos_ == "PRON" and token.dep_ == "conj":
            return submits_proposal(token.head)  # "submitted a proposal ... and revised it"
        if thing.lemma_.lower() in PROPOSAL_NOUNS:
            return True
        if thing.lemma_.lower() in APPROVED_THINGS and any(
            c.lower_ in {"proposed", "draft"} for c in thing.subtree if c.i < thing.i
        ):
            return True
    return False


def changes_export_controls(token: Token) -> bool:
    """ "China suspended an export ban on gallium", "began requiring export licences": export
    controls and their changes are trade measures of their own (not tariffs)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in CONTROL_VERBS:
        return False
    return any(
        c.dep_ in {"dobj", "nsubjpass"}
        and c.lemma_.lower() in EXPORT_CONTROLS
        and any(m.lower_ in {"export", "exports"} for m in c.children)
        for c in token.children
    )


def about_tariffs(sentence: Span) -> bool:
    """Computed once per sentence: asked of each sentence and again of the one after it."""
    return per_span(
        sentence, "about_tariffs", lambda s: any(t.lemma_.lower() in TARIFF_WORDS for t in s)
    )


def is_court(phrase: Token) -> bool:
    """ "the Supreme Court", "the justices", "Judge Richard Eaton", "the Federal Circuit"."""
    return any(
        t.lemma_.lower() in COURT_WORDS and t.i <= phrase.i and t.pos_ in {"NOUN", "PROPN"}
        for t in phrase.subtree
    )


def court_acts(token: Token) -> bool:
    if token.pos_ != "VERB" or token.lemma_.lower() not in RULING_VERBS:
        return False
    for child in token.children:
        if child.dep_ == "nsubj" and is_court(child):
            return True
        if child.dep_ == "agent" and any(is_court(g) for g in child.children):
            return True  # "the duties were struck down by the trade court"
    return False


def files_suit(token: Token) -> bool:
    """ "Costco sued the administration", "filed a lawsuit", "brought a challenge"."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_.lower() == "sue":
        return True
    return token.lemma_.lower() in FILING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in FILED_THINGS for c in token.children
    )


def asks_trade_body(token: Token, sentence: Span) -> bool:
    """ "petitioned the WTO over the duties", "asked the WTO for dispute consultations"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"petition", "request", "ask"}:
        return False
    if not (
        any(t.lower_ in TRADE_BODIES for t in sentence)
        or "World Trade Organization" in span_text(sentence)
    ):
        return False
    return token.lemma_.lower() == "petition" or any(
        c.lemma_.lower() == "consultation" for c in token.subtree
    )


def names_hearing(token: Token, sentence: Span) -> bool:
    """ "at the oral argument before the justices on Monday": a hearing noun, a court by it."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in HEARING_NOUNS:
        return False
    if any(t.lemma_.lower() in HABITUAL_WORDS for t in sentence):
        return False  # "such cases are usually set for argument early next year"
    if token.lemma_.lower() == "argument" and not any(c.lower_ == "oral" for c in token.children):
        return False
    return any(t.lemma_.lower() in COURT_WORDS for t in sentence)


def told_by_act(trigger: Span, acts: list[Span], dated: list[DatedMention]) -> bool:
    """A measure or meeting inside what a legal act says ("found the law gave no power to levy
    the duties", "asked the WTO for consultations") is its subject matter, not news, unless it
    is dated of its own ("lifted the block on the levies unveiled in March")."""
    if trigger.label_ not in {"tariff_measure", "meeting", "agreement"}:
        return False
    if trigger.label_ == "agreement" and any(
        act.root.dep_ == "acl" and act.root.head == trigger.root for act in acts
    ):
        return True  # "the agreement, approved by the council on Thursday": the approval's
    ancestors = {a.i for a in trigger.root.ancestors}
    if not any(act.root.i in ancestors for act in acts):
        return False
    own = {t.i for t in trigger.root.subtree}
    return not any(d.span.root.i in own for d in dated)


def people_of_act(act: Span, people: list[str]) -> list[str]:
    """Only a judge named as the court acts takes part in its act ("Judge Eaton issued an
    order"); the president whose tariffs are at stake does not."""
    root = act.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    names = {t.text for s in subjects for t in s.subtree}
    return [p for p in people if any(part in names for part in p.split())]


def act_title(act: Span, limit: int = 10) -> str:
    """A short headline from the act's own words: "U.S. appeals court upheld trade court's
    judgment", "Supreme Court will hear levy case", "Chile asked WTO for dispute consultations"."""
    root = act.root
    if root.pos_ != "VERB":  # a hearing noun: "Supreme Court oral arguments"
        words = [t.text for t in root.subtree if t.i <= root.i and t.dep_ not in {"det", "case"}]
        return upper_first(tidy(" ".join(words[-6:])))
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    parts = phrase(subject, 5) if subject is not None else []
    parts += [c.text for c in root.children if c.dep_ in {"aux", "auxpass", "neg"}]
    parts.append(root.text)
    parts += [c.text for c in root.children if c.dep_ == "prt"]
    for child in root.children:
        if child.dep_ in {"dobj", "attr"}:
            parts += phrase(child, 4)
        elif child.dep_ == "prep" and child.lower_ in {"for", "against"} and len(parts) < limit:
            parts.append(child.text)
            parts += [w for g in child.children if g.dep_ == "pobj" for w in phrase(g, 3)]
    return upper_first(tidy(" ".join(parts[:limit])))


CLAUSE_DEPS = frozenset({"relcl", "acl", "prep", "appos", "advcl"})


def phrase(head: Token, size: int) -> list[str]:
    """A noun phrase's words up to its head (and an 's possessive), without determiners or the
    clauses and phrases hanging on it."""
    words = [
        t
        for t in head.subtree
        if t.i <= head.i and t.dep_ not in {"det", "punct"} and not hangs_by(t, head, CLAUSE_DEPS)
    ]
    return [t.text for t in words][-size:]
