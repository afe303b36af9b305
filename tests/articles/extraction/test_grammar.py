"""The parse helpers shared by the interpretation modules."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from articles.extraction.grammar import span_text

TEXT = "Akazawa met Bessent  on Friday.\n\nThe talks went well ,  he said. \u201cGood.\u201d \n"


def test_span_text_every_span_as_spacy_writes_it():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(TEXT)
    spans = [doc[i:j] for i in range(len(doc) + 1) for j in range(i, len(doc) + 1)]
    assert [span_text(s) for s in spans] == [s.text for s in spans]
    assert [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]


def test_span_text_joined_doc():
    nlp = spacy.blank("en")
    doc = Doc.from_docs([nlp(TEXT), nlp("Talks resume in May.")], ensure_whitespace=False)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, len(doc) + 1)]
    assert [span_text(s) for s in spans] == [s.text for s in spans]
