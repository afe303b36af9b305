"""Long texts parsed in pieces and joined: the same text, offsets, entities, sentences, spans."""

from __future__ import annotations

import itertools

import pytest
import spacy

from articles.extraction import chunks
from articles.extraction.components import TRIGGERS_KEY, add_gazetteer
from articles.extraction.pipeline import events_from_doc, extract, get_nlp
from articles.extraction.types import Gazetteer, Person

GAZETTEER = Gazetteer(
    countries={"Japan": "Japan", "U.S.": "United States"},
    people={"Akazawa": Person("Ryosei Akazawa", "Japan")},
)
PARAGRAPH = (
    "Akazawa met Bessent in Washington on Friday.  The U.S. and Japan held talks on tariffs. "
    "Akazawa said the talks went well!\n\n"
)


def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_gazetteer(nlp, GAZETTEER)
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": TRIGGERS_KEY})
    ruler.add_patterns(
        [{"label": "MEETING", "pattern": [{"LOWER": word}]} for word in ("met", "talks")]
    )
    return nlp


def annotations(doc):
    return (
        doc.text,
        [(t.idx, t.text, t.whitespace_, t.tag_, t.dep_, t.head.i) for t in doc],
        [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents],
        [(s.start_char, s.end_char, s.label_) for s in doc.spans[TRIGGERS_KEY]],
    )


def sentence_starts(doc):
    return {s.start_char for s in doc.sents}


def test_piece_bounds_cover_the_text_in_order():
    text = PARAGRAPH * 40
    bounds = chunks.piece_bounds(text, size=500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(bounds))
    assert all(0 < end - start <= 500 for start, end in bounds)


def test_piece_bounds_cut_after_a_paragraph_break():
    text = PARAGRAPH * 40
    for _start, end in chunks.piece_bounds(text, size=500)[:-1]:
        assert text[end - 2 : end] == "\n\n" and not text[end].isspace()


def test_piece_bounds_cut_after_a_sentence_without_paragraphs():
    text = "Akazawa met Bessent on Friday. " * 100
    for _start, end in chunks.piece_bounds(text, size=500)[:-1]:
        assert text[end - 2 : end] == ". " and text[end] == "A"


def test_piece_bounds_cut_a_text_without_spaces_where_they_must():
    assert chunks.piece_bounds("x" * 1200, size=500) == [(0, 500), (500, 1000), (1000, 1200)]


def test_short_text_is_one_piece():
    assert chunks.piece_bounds(PARAGRAPH, size=500) == [(0, len(PARAGRAPH))]


@pytest.mark.parametrize("text", [PARAGRAPH * 30, PARAGRAPH.replace("\n\n", " ") * 30])
def test_joined_pieces_keep_offsets_entities_sentences_and_spans(text):
    nlp = blank_nlp()
    pieces = [text[start:end] for start, end in chunks.piece_bounds(text, size=600)]
    assert len(pieces) > 5
    joined = chunks.join(list(nlp.pipe(pieces)))
    whole = nlp(text)
    assert annotations(joined) == annotations(whole)
    assert {e.ent_id_ for e in joined.ents} == {"Ryosei Akazawa", "United States", "Japan"}
    cuts = {start for start, _ in chunks.piece_bounds(text, size=600)}
    assert sentence_starts(joined) == sentence_starts(whole) | cuts  # a piece starts a sentence


def test_parse_yields_one_doc_per_text_in_order(monkeypatch):
    monkeypatch.setattr(chunks, "WHOLE_UP_TO", 1000)
    nlp = blank_nlp()
    texts = [PARAGRAPH, PARAGRAPH * 40, "Trade talks.", PARAGRAPH * 25]
    parsed = list(chunks.parse(nlp, [(text, index) for index, text in enumerate(texts)]))
    assert [context for _, context in parsed] == [0, 1, 2, 3]
    assert [doc.text for doc, _ in parsed] == texts
    assert annotations(parsed[1][0]) == annotations(nlp(texts[1]))
    assert annotations(parsed[0][0]) == annotations(nlp(texts[0]))


@pytest.mark.django_db
@pytest.mark.slow
def test_long_article_through_the_model_in_pieces_as_whole(seed_bytes, seed_published):
    """The real pipeline: the seed article repeated past the threshold reads the same in pieces
    as whole, and gives the same events."""
    from articles.services import build_gazetteer, read_input

    body = read_input(seed_bytes, source_name="seed.txt").body
    text = (body + "\n\n") * (chunks.WHOLE_UP_TO // len(body) + 1)
    gazetteer = build_gazetteer()
    nlp = get_nlp(gazetteer)
    pieced = chunks.parse_text(nlp, text)
    whole = nlp(text)
    assert len(chunks.piece_bounds(text)) > 1
    assert annotations(pieced) == annotations(whole)
    assert sentence_starts(pieced) == sentence_starts(whole)  # the parser breaks at paragraphs
    events = extract(text, published_at=seed_published, gazetteer=gazetteer)
    assert events
    assert events == events_from_doc(whole, published_at=seed_published, gazetteer=gazetteer)
    assert all(text[s.start_char : s.end_char] == s.sentence for e in events for s in e.evidence)
