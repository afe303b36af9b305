"""Small questions asked of the parse: distances in the tree, governing verbs, tense, the date a
verb carries. Shared by every interpretation module."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .candidate import DatedMention
from .patterns import (
    ANNOUNCING_VERBS,
    IMPOSING_VERBS,
    REPORTING_VERBS,
    STATE_LEMMAS,
)
from .timex_lexicon import NUMBERS

NUMBER_WORDS = NUMBERS  # one table of number words for the tagger and the rules

# a small count as news writes it before a unit ("two days", "a week", "90 days"); each rule's
# regex wraps it in its own named group
COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|thirty|sixty|ninety"


DOC_TEXT_KEY = "timeline_text"


def doc_text(doc: Doc) -> str:
    """The article's text, built once per document: `Doc.text` joins every token on each
    call, and the readers that look at a sentence's line or quotation marks ask for it often."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def per_span[T](span: Span, question: str, answer: Callable[[Span], T]) -> T:
    """``answer(span)``, worked out once per document and span: the readers ask the same
    question of one sentence for each of its triggers (the Doc is not changed while read)."""
    memo = span.doc.user_data.setdefault(f"timeline_{question}", {})
    key = (span.start, span.end)
    if key not in memo:
        memo[key] = answer(span)
    return memo[key]


def span_text(span: Span) -> str:
    """`span.text`, cut from the text built once per document: `Span.text` joins the span's
    tokens on each call (some 30 µs for a sentence), and a sentence's text is read by a dozen
    rules for each of its triggers. The same string: a span's text runs from its first
    token's offset to its last token's end."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def unit_days(unit: str) -> int:
    """Days in "hour(s)" (none: the same day), "day(s)" or "week(s)"."""
    return {"hour": 0, "day": 1, "week": 7}[unit.lower().rstrip("s")]


def count_of(written: str) -> float | None:
    """ "3" -> 3.0, "three" -> 3.0, "a" -> 1.0, "twenty-five" -> 25.0, "one hundred" -> 100.0;
    None for what is not a number."""
    text = written.strip().lower()
    try:
        return float(text)
    except ValueError:
        pass
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    words = re.split(r"[\s-]+", text)
    if words[-1] == "hundred":
        return 100.0 * (count_of(" ".join(words[:-1])) or 1.0) if len(words) > 1 else 100.0
    values = [NUMBER_WORDS.get(word) for word in words]
    return float(sum(values)) if values and None not in values else None


def ancestors_within(token: Token, sentence: Span) -> list[Token]:
    return [a for a in token.ancestors if sentence.start <= a.i < sentence.end]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of the same sentence."""
    if a == b:
        return 0
    path_a = {a.i: 0}
    for depth, ancestor in enumerate(a.ancestors, start=1):
        path_a[ancestor.i] = depth
    if b.i in path_a:
        return path_a[b.i]
    for depth, ancestor in enumerate(b.ancestors, start=1):
        if ancestor.i in path_a:
            return depth + path_a[ancestor.i]
    return 99


def has_own_clause(token: Token) -> Token | None:
    """A noun that is the subject of its own relative or participial clause ("talks that kicked
    off"), not a noun whose clause only describes its content ("a deal under which ...")."""
    for child in token.children:
        if child.dep_ not in {"relcl", "acl"} or child.pos_ not in {"VERB", "AUX"}:
            continue
        if is_state_clause(child):
            continue  # "tariffs that stand at 55%": how they are, not what they did
        if child.dep_ == "acl" or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"that", "which", "who"}
            for c in child.children
        ):
            return child
        if child.lemma_.lower() in IMPOSING_VERBS and not any(
            c.dep_ in {"aux", "auxpass"} for c in child.children
        ):
            return child  # "the 50% tariff that Trump slapped on Brazil": its own act
    for prep in token.children:  # "duties on steel imposed by Washington": parsed on "steel"
        if prep.dep_ == "prep" and prep.lower_ == "on":
            for goods in [g for c in prep.children for g in (c, *c.conjuncts)]:
                for child in goods.children:
                    if child.dep_ == "acl" and child.lemma_.lower() in IMPOSING_VERBS:
                        return child
    return None


def is_state_clause(verb: Token) -> bool:
    """A relative clause in the present that tells how its noun stands ("that stand at 55%",
    "which remain in force")."""
    return (
        verb.dep_ in {"relcl", "acl"}
        and verb.tag_ in {"VBZ", "VBP"}
        and verb.lemma_.lower() in STATE_LEMMAS
    )


WHEN_WORDS = frozenset({"when", "once", "whenever"})


def is_when_clause(verb: Token) -> bool:
    """A clause opened by "when" (or "once"): its event is at the time of the clause it hangs
    on, and shares its modality."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in WHEN_WORDS for c in verb.children
    )


CONDITION_WORDS = frozenset({"if", "unless"})


def has_condition(verb: Token, words: frozenset[str] = CONDITION_WORDS) -> bool:
    """ "would put a 100% tax on Canada if it went ahead": the step hangs on a condition."""
    return any(
        child.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in words for c in child.children)
        for child in verb.children
    )


def governing_verb(token: Token) -> Token:
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in {"VERB", "AUX"}:
            return candidate
    return token.sent.root


FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "could", "may", "might", "to", "can"})


PAST_AUX = frozenset({"had", "did", "was", "were", "has", "have"})
PERFECT_AUX = frozenset({"has", "have", "'s", "'ve"})


def has_perfect_aux(verb: Token) -> bool:
    """ "has cut", "have notified": the verb in the present perfect."""
    return any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for c in verb.children)


def left_context(span: Span, size: int) -> Span:
    """Up to ``size`` tokens before a span, not crossing into the previous sentence
    (``span.sent`` walks the whole sentence; this stays cheap on hot paths)."""
    doc = span.doc
    start = span.start
    if start == 0 or doc[start].is_sent_start:
        return doc[start:start]
    while start > 0 and span.start - start < size:
        start -= 1
        if doc[start].is_sent_start:
            break
    return doc[start : span.start]


PRESENT_BE = frozenset({"is", "are", "'s", "'re", "am"})
SCHEDULING_PARTICIPLES = frozenset({"plan", "schedule", "set", "slate", "expect"})


TELLING_VERBS = REPORTING_VERBS | ANNOUNCING_VERBS


def tense_at(span: Span) -> str | None:
    """The tense of the verb a date phrase hangs on: past, future, or None when unclear."""
    verb = governing_verb(span.root)
    before = left_context(span, 4)
    reporting = [t for t in before if t.lemma_ in TELLING_VERBS]
    if reporting and right_after(reporting[-1], span) and reporting[-1].tag_ == "VBD":
        return "past"  # "said on Monday he would ..."
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if dates_a_time_clause_noun(span.root, verb):
        return None  # "agreed to extend the truce after a call on Wednesday": the call's day
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & FUTURE_AUX:
        return "future"
    if verb.tag_ == "VBN" and auxiliaries & PRESENT_BE and not auxiliaries & PAST_AUX:
        # "talks are planned for mid-October": a present passive, whose participle is no past
        return "future" if verb.lemma_.lower() in SCHEDULING_PARTICIPLES else None
    if auxiliaries & PAST_AUX or verb.morph.get("Tense") == ["Past"]:
        return "past"
    if verb.tag_ == "VBG" and any(c.lower_ in PRESENT_BE for c in verb.children):
        return "future"  # "is meeting on Thursday"
    return None


TIME_CLAUSE_HEADS = frozenset({"after", "following", "before"})


def dates_a_time_clause_noun(date_root: Token, verb: Token) -> bool:
    """The date hangs on a noun in "after ..."/"following ..." under an infinitive: "to"
    says when the verb's act may come, not when the noun's event did ("agreed to extend the
    truce after a call on Wednesday")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    for token in [date_root, *date_root.ancestors]:
        if token == verb:
            return False
        if (
            token.dep_ == "pobj"
            and token.pos_ in {"NOUN", "PROPN"}
            and token.head.lower_ in TIME_CLAUSE_HEADS
            and token is not date_root
        ):
            return True
    return False


# nouns of a speech act or decision of their own: a date hung on one dates it, not the event
# told beside it ("the envoy's trip comes after the president's threat on Jan. 26")
ACT_NOUNS = frozenset(
    {
        "warning",
        "threat",
        "announcement",
        "decision",
        "statement",
        "remark",
        "comment",
        "speech",
        "letter",
        "post",
        "ruling",
        "vote",
        "election",
        "pledge",
        "demand",
        "proposal",
        "request",
        "complaint",
        "interview",
    }
)


# "two days before the March 1 deadline": a count of days from a date (read by offsets.py)
OFFSET = re.compile(
    r"\b(?P<num>" + COUNT + r")[\s-]+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>before|after|ahead of)(?:\s+the)?\s*$",
    re.I,
)


def dates_another_act(trigger: Span, date: Span) -> bool:
    """The date hangs on an act noun that is not the trigger nor about it ("the trip follows
    the warning on Jan. 26"; but "the warning on Jan. 26 that he could raise tariffs" dates
    the threatened tariffs), or names a deadline ("talks before a July 9 deadline")."""
    root = date.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        noun, nouns = root.head.head, ACT_NOUNS
    elif root.dep_ in {"compound", "nmod", "amod"}:
        noun, nouns = root.head, ACT_NOUNS | {"deadline"}
        if OFFSET.search(left_context(date, 6).text):
            return False  # "two days before the March 1 deadline": counted from that day
    else:
        return False
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in nouns
        and noun not in trigger
        and noun not in trigger.root.ancestors  # "the threat of a 100% tariff from Nov. 1"
    )


def dates_embedded_clause(trigger: Span, date: Span) -> bool:
    """The date sits in a that-clause with its own subject below the trigger's clause: the
    clause's event, not the trigger's ("the cut was granted in the hope that talks would be
    concluded by March": March is when the talks end, not when the cut was made)."""
    scope = governing_verb(trigger.root)
    verb = governing_verb(date.root)
    if verb == scope or trigger.root in [date.root, *date.root.ancestors]:
        return False
    if verb.dep_ not in {"ccomp", "acl"} or scope not in verb.ancestors:  # acl: "the hope that"
        return False
    return any(
        c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in verb.children
    ) and any(c.dep_ in {"nsubj", "nsubjpass"} and c not in trigger for c in verb.children)


def refers_back(trigger: Span) -> bool:
    """ "officials said on Wednesday the call had been constructive": "the call", the subject of
    what is said of it, is one told before; the report's day is not its day."""
    root = trigger.root
    return (
        root.pos_ == "NOUN"
        and root.dep_ in {"nsubj", "nsubjpass"}
        and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in root.children)
    )


def closest_date(
    trigger: Span, dates: list[DatedMention], *, status: str = "happened", max_distance: int = 7
) -> DatedMention | None:
    """The date mention nearest the trigger in the dependency tree (ties: nearest in text).

    For planned and speculative events the date must sit under the event's own verb: in
    "agreed Thursday to hold talks in May", Thursday dates the agreeing, not the talks.
    """
    best: tuple[int, int, DatedMention] | None = None
    own = has_own_clause(trigger.root) if trigger.label_ != "agreement" else None
    scope = governing_verb(trigger.root)
    same_clause_only = trigger.label_ in {"meeting", "agreement"}
    for dated in dates:
        if (
            dated.mention.resolved is None
            or dates_another_act(trigger, dated.span)
            or dates_embedded_clause(trigger, dated.span)
        ):
            continue
        date_path = [dated.span.root, *dated.span.root.ancestors]
        in_own_clause = own is not None and own in date_path
        date_verb = governing_verb(dated.span.root)
        be_control = date_verb.lemma_ == "be" and same_predicate(scope, date_verb)
        starting = date_verb.lower_ in {"starting", "beginning"} and date_verb.head in {
            scope,
            trigger.root,
        }  # "a three-day visit starting Tuesday", "impose a 25% tariff starting July 14"
        if status in {"planned", "speculative"} and not (
            same_predicate(date_verb, scope)
            or be_control  # "On Monday the envoy was to meet his counterpart"
            or starting
            or trigger.root in date_path
            or in_own_clause
        ):
            continue
        reporter = (
            reporting_head(scope) if status == "happened" and not refers_back(trigger) else None
        )
        if same_clause_only and not (
            be_control
            or starting
            or governing_verb(dated.span.root) in {scope, own}
            or (
                scope.pos_ in {"VERB", "AUX"} and same_predicate(date_verb, scope)
            )  # "is planned to be
            # signed on October 26", "are expected to meet on Friday": the controlled verb's date
            or trigger.root in date_path
            or right_after(scope, dated.span)
            or (
                reporter is not None
                and (
                    governing_verb(dated.span.root) == reporter or right_after(reporter, dated.span)
                )
            )
        ):
            continue
        distance = tree_distance(trigger.root, dated.span.root)
        if own is not None and own in [dated.span.root, *dated.span.root.ancestors]:
            distance = min(distance, 1)
        linear = min(abs(trigger.start - dated.span.end), abs(dated.span.start - trigger.end))
        key = (distance, linear, dated)
        if distance <= max_distance and (best is None or key[:2] < best[:2]):
            best = key
    return best[2] if best else None


def neighbourhood(token: Token, depth: int) -> list[Token]:
    """Tokens within ``depth`` dependency arcs of a token (breadth-first, both directions)."""
    seen = {token.i: token}
    frontier = [token]
    for _ in range(depth):
        following = []
        for current in frontier:
            for other in [*current.children, current.head]:
                if other.i not in seen:
                    seen[other.i] = other
                    following.append(other)
        frontier = following
    return list(seen.values())


def own_subtree(token: Token) -> list[Token]:
    """A phrase without its conjuncts: "a tariff of 10% [and the levies on cars]"."""
    tokens = [token]
    for child in token.children:
        if child.dep_ not in {"conj", "cc"}:
            tokens.extend(own_subtree(child))
    return tokens


def unique(items) -> list:
    seen: dict = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def attached_date(verb: Token, dates: list[DatedMention]) -> DatedMention | None:
    """A date phrase hanging directly on this verb (not inside its complement clause), or
    standing right after it ("said on Monday he would...", which parsers often misattach)."""
    for dated in dates:
        if dated.mention.resolved is None:
            continue
        if (
            governing_verb(dated.span.root) == verb
            or right_after(verb, dated.span)
            or right_before(verb, dated.span)
        ):
            return dated
    return None


def right_before(verb: Token, span: Span) -> bool:
    """ "Trump on Saturday said": a day between the subject and its verb, which the parser
    often hangs on the subject."""
    doc = span.doc
    return (
        span.end == verb.i
        and span.start >= 2
        and doc[span.start - 1].lower_ == "on"
        and doc[span.start - 2].dep_ in {"nsubj", "nsubjpass"}
        and doc[span.start - 2].head in {verb, *verb.ancestors}
    )


def right_after(verb: Token, span: Span) -> bool:
    between = span.doc[verb.i + 1 : span.start]
    return 0 <= span.start - verb.i - 1 <= 3 and all(
        t.lower_ in {"on", "late", "early", "in", "last", "this", "reporters", "told"}
        for t in between
    )


def reporting_head(verb: Token) -> Token | None:
    """ "said late on Tuesday they had agreed on a framework": the reporting verb above a
    clause, whose date also dates what it reports as done."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return verb.head
    return None


# Adjectives that control an infinitive after "be": "talks are due to resume next month",
# "the pact is likely to be signed next week".
CONTROL_ADJECTIVES = frozenset(
    {"due", "likely", "expected", "poised", "ready", "slated", "scheduled"}
)


def same_predicate(verb: Token, scope: Token) -> bool:
    """The verb is the scope, or hangs on it through control ("is due to kick in", "plans to
    meet", "set to take effect", "are due to resume")."""
    token = verb
    for _ in range(4):
        if token == scope:
            return True
        controlled = token.dep_ == "acomp" and token.lower_ in CONTROL_ADJECTIVES
        if (token.dep_ not in {"xcomp", "prt", "aux"} and not controlled) or token.head == token:
            return False
        token = token.head
    return token == scope


def ents_in(span: Span) -> list[Span]:
    """The entities inside a span, found by bisection over the document's entities (computed
    once per Doc). `Span.ents` walks every entity of the document on each call, which made
    the rules quadratic in the number of sentences."""
    doc = span.doc
    cached = doc.user_data.get("timeline_ents")
    if cached is None:
        ents = list(doc.ents)
        cached = ([e.start for e in ents], ents)
        doc.user_data["timeline_ents"] = cached
    starts, ents = cached
    found = []
    for index in range(bisect.bisect_left(starts, span.start), len(ents)):
        ent = ents[index]
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def hangs_by(token: Token, head: Token, deps: frozenset[str] | set[str]) -> bool:
    """Whether the path from a token up to one of its ancestors passes through one of these
    relations: "to meet Trump" hangs by acl on "the first leader to meet Trump"."""
    while token.i != head.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False
