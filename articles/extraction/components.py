"""spaCy components: they find and label spans, nothing more. Interpretation is in rules.py."""

from __future__ import annotations

import itertools
import unicodedata

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .parties import TITLE_WORDS
from .patterns import all_patterns
from .types import Gazetteer

GAZETTEER_PIPE = "timeline_gazetteer"
NAMESAKES_PIPE = "timeline_namesakes"
TRIGGERS_PIPE = "timeline_triggers"
TRIGGERS_KEY = "timeline_triggers"


def gazetteer_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Entity-ruler patterns: known people as PERSON, country names and aliases as GPE, each
    with the canonical name as its id ("Akazawa" -> "Ryosei Akazawa", "U.S." -> "United States")."""
    patterns = [
        {"label": "PERSON", "pattern": alias, "id": person.full_name}
        for alias, person in gazetteer.people.items()
    ]
    for alias, name in gazetteer.countries.items():
        if len(alias) < 2 or alias.islower():
            continue  # "us" and "the bloc" are words, not names
        patterns.append({"label": "GPE", "pattern": alias, "id": name})
    return patterns


def add_gazetteer(nlp: Language, gazetteer: Gazetteer) -> None:
    """Known names override the statistical NER: "Trump" is always a person."""
    if GAZETTEER_PIPE in nlp.pipe_names:
        nlp.remove_pipe(GAZETTEER_PIPE)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=GAZETTEER_PIPE,
        after="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(gazetteer_patterns(gazetteer))
    if NAMESAKES_PIPE in nlp.pipe_names:
        nlp.remove_pipe(NAMESAKES_PIPE)
    nlp.add_pipe(NAMESAKES_PIPE, after=GAZETTEER_PIPE)


@Language.component(NAMESAKES_PIPE)
def separate_namesakes(doc: Doc) -> Doc:
    """A known one-word alias inside a longer name names someone else: "Lee Kinyanjui" is not
    Lee Jae-myung, "Kim Yong-beom" not Kim Jung-kwan, "Eric Trump" not Donald Trump. The whole
    name becomes an unknown person; and where the article never names the known person in
    full, bare mentions of a family name written first ("Kim said", after "Kim Yong-beom")
    are that namesake too."""
    entities = list(doc.ents)
    lower_words = {t.text for t in doc if t.is_lower}  # "Talks" in a headline is a word
    namesakes: dict[str, str] = {}
    named_in_full = {e.ent_id_ for e in entities if e.label_ == "PERSON" and len(e) > 1}
    changed = False
    for ent in list(entities):
        if ent.label_ != "PERSON" or not ent.ent_id_:
            continue
        if len(ent) > 1:  # the model's longer name kept the alias's id: "Eric Trump"
            alias = longer_name_alias(ent, lower_words)
            if alias is not None:
                whole = Span(doc, ent.start, ent.end, label="PERSON")
                entities[entities.index(ent)] = whole
                namesakes.setdefault(alias, whole.text)
                changed = True
            continue
        start, end = namesake_bounds(ent, lower_words)
        if (start, end) == (ent.start, ent.end):
            continue
        overlapping = [e for e in entities if e is not ent and e.start < end and start < e.end]
        if any(e.label_ != "PERSON" or e.ent_id_ for e in overlapping):
            continue
        entities = [e for e in entities if e not in overlapping]  # "Eric": the name's piece
        whole = Span(doc, start, end, label="PERSON")
        entities[entities.index(ent)] = whole
        namesakes.setdefault(ent.text, whole.text)
        changed = True
    for index, ent in enumerate(entities):
        if (
            ent.label_ == "PERSON"
            and len(ent) == 1
            and ent.text in namesakes
            and namesakes[ent.text].startswith(ent.text + " ")  # "Kim Yong-beom", not "Eric Trump"
            and ent.ent_id_
            and ent.ent_id_ not in named_in_full
        ):
            entities[index] = Span(
                doc, ent.start, ent.end, label="PERSON", span_id=namesakes[ent.text]
            )
            changed = True
    changed = name_short_mentions(doc, entities) or changed
    if changed:
        doc.ents = entities
        for ent in entities:  # the ruler's id stays on the tokens unless reset
            if ent.label_ == "PERSON":
                for token in ent:
                    token.ent_id_ = ent.id_
    return doc


def name_short_mentions(doc: Doc, entities: list[Span]) -> bool:
    """ "Lula said", "said Airlangga": a one-word mention of someone the article has named in
    full before ("Luiz Inacio Lula da Silva", "Airlangga Hartarto") is that person, whom the
    gazetteer may not know. In place; True when an entity changed."""
    full_names: dict[str, str] = {}  # name word -> the full name it is part of
    ambiguous: set[str] = set()
    changed = False
    for index, ent in enumerate(entities):
        if ent.label_ != "PERSON":
            continue
        if len(ent) > 1:
            name = ent.id_ or ent.text
            for token in ent:
                if token.is_alpha and token.is_title and token.lower_ not in HONORIFICS:
                    if full_names.get(token.text, name) != name:
                        ambiguous.add(token.text)  # two Kims: say nothing
                    full_names[token.text] = name
            continue
        word = ent.text
        if not ent.id_ and word in full_names and word not in ambiguous:
            entities[index] = Span(
                doc, ent.start, ent.end, label="PERSON", span_id=full_names[word]
            )
            changed = True
    return changed


def folded(word: str) -> str:
    """ "Maroš" and "Maros", "Geun" and "geun" are one word."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def longer_name_alias(ent: Span, lower_words: set[str]) -> str | None:
    """The alias inside a multi-word name that is not the known person's ("Trump" in "Eric
    Trump"), or None when every name word is the person's own (or a title, an initial)."""
    own = {folded(w) for w in ent.ent_id_.replace("-", " ").split()}
    words = [t for t in ent if t.is_alpha]
    if any(folded(t.text) in own for t in words) and any(
        folded(t.text) not in own and is_name_word(t, lower_words) for t in words
    ):
        return next(t.text for t in words if folded(t.text) in own)
    return None


def namesake_bounds(ent: Span, lower_words: set[str]) -> tuple[int, int]:
    """Where the longer name around a one-word alias runs, if the words beside it are a name
    and not the known person's own: (ent.start, ent.end) when they are not."""
    doc = ent.doc
    own_words = set(ent.ent_id_.replace("-", " ").split())
    start, end = ent.start, ent.end
    while end < len(doc) and is_name_word(doc[end], lower_words) and doc[end].text not in own_words:
        end += 1
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2  # "Yong-beom": the tokenizer splits at the hyphen
    if end == ent.end and start >= 2 and not doc[start].is_sent_start:
        before = doc[start - 1]
        if (
            is_name_word(before, lower_words)
            and before.text not in own_words
            and not before.is_sent_start  # a capital that opens a sentence says nothing
            and not doc[start - 2].is_space
        ):
            start -= 1
    return start, end


HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "chairman",
        "chair",
        "senator",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "chief",
        "director",
        "deputy",
        "leader",
        "vice",
    }
)


NOT_NAMES = frozenset(
    {"talks", "talk", "summit", "meeting", "deal", "tariff", "tariffs", "trade", "call", "visit"}
)


def is_name_word(token: Token, lower_words: set[str]) -> bool:
    return (
        token.lower_ not in lower_words
        and token.lower_ not in NOT_NAMES  # "after Trump-Xi Talks" in a title-case headline
        and token.is_alpha
        and token.is_title
        and token.pos_ == "PROPN"
        and token.ent_type_ in {"", "PERSON"}
        and token.lower_ not in TITLE_WORDS
        and token.lower_ not in HONORIFICS
    )


def expand_sets(patterns: list[dict]) -> list[dict]:
    """Spell out {"IN": [...]} alternatives as separate exact-value patterns.

    The Matcher tests set membership in Python for every token, exact values in C: the same
    rules, expanded, run several times faster.
    """
    expanded = []
    for pattern in patterns:
        token_options = []
        for token in pattern["pattern"]:
            choices = [{}]
            for attr, value in token.items():
                values = (
                    value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
                )
                choices = [{**choice, attr: v} for choice in choices for v in values]
            token_options.append(choices)
        for tokens in itertools.product(*token_options):
            expanded.append({**pattern, "pattern": list(tokens)})
    return expanded


def add_triggers(nlp: Language) -> None:
    """Event triggers (meet, talks, tariffs, deal, deadline...) into doc.spans["timeline_triggers"]."""
    if TRIGGERS_PIPE in nlp.pipe_names:
        return
    ruler = nlp.add_pipe(
        "span_ruler",
        name=TRIGGERS_PIPE,
        config={"spans_key": TRIGGERS_KEY, "overwrite": True, "validate": True},
    )
    ruler.add_patterns(expand_sets(all_patterns()))


@Language.component("timeline_unstick_sentences")
def unstick_sentences(doc: Doc) -> Doc:
    """Break sentences at newlines: in pasted articles every paragraph starts a sentence."""
    spaces = doc.to_array([IS_SPACE])  # one C pass; newlines are whitespace tokens
    for index in spaces.nonzero()[0]:
        following = int(index) + 1
        if following < len(doc) and "\n" in doc[int(index)].text:
            doc[following].is_sent_start = True
    orths = doc.to_array([ORTH])
    for index in numpy.isin(orths, GLUED_OPENER_KEYS).nonzero()[0]:  # in C, as above
        token = doc[int(index)]
        if is_glued_sentence_start(token):
            token.is_sent_start = True
    for index in (orths == CLOSING_KEY).nonzero()[0]:  # the ")" only, in C
        token = doc[int(index)]
        if is_acronym_close(token) and token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = False
    return doc


# Words that open a sentence; capitalised after a lower-case word and before another, they
# start one run on without its stop ("Greer praises Lisbon's patience During their talks,",
# a subheading glued to the paragraph; "... from May 10 After taking office,")
GLUED_OPENERS = frozenset(
    {
        "During",
        "After",
        "Before",
        "Following",
        "While",
        "Meanwhile",
        "However",
        "The",
        "In",
        "It",
        "This",
        "These",
        "He",
        "She",
        "They",
        "But",
        "Separately",
        "Earlier",
        "Later",
    }
)
NOT_BEFORE_A_SENTENCE = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "for",
        "with",
        "by",
        "from",
        "in",
        "on",
        "at",
        "as",
        "that",
        "than",
        "said",
        "says",
        "told",
        "called",
        "named",
        "titled",
        "dubbed",
    }
)


# the words' ORTH keys (the same in every vocab), computed once
GLUED_OPENER_KEYS = [hash_string(word) for word in sorted(GLUED_OPENERS)]
CLOSING_KEY = hash_string(")")

# sentence adverbs set off by a comma: capitalised mid-line, they open a sentence whatever
# precedes ("... meets Jamieson Greer Separately, the commerce minister met ...")
COMMA_OPENERS = frozenset({"Separately", "Meanwhile", "However", "Earlier", "Later"})


def is_glued_sentence_start(token: Token) -> bool:
    if token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if token.text in COMMA_OPENERS and after.text == ",":
        return before.is_alpha and before.lower_ not in NOT_BEFORE_A_SENTENCE
    return (
        ((before.is_lower and before.is_alpha) or before.like_num)
        and before.lower_ not in NOT_BEFORE_A_SENTENCE
        and (after.is_lower or after.like_num)
    )


def is_acronym_close(token: Token) -> bool:
    """The ")" of a title's acronym, "Chief Trade Negotiator (CTN) Ana Rojas": the name
    that follows goes on the same sentence (the parser would otherwise start one there)."""
    if token.text != ")" or token.i < 3:
        return False
    doc = token.doc
    inner, opening, before = doc[token.i - 1], doc[token.i - 2], doc[token.i - 3]
    return (
        opening.text == "("
        and inner.text.isupper()
        and inner.is_alpha
        and len(inner.text) <= 6
        and before.is_title
    )
