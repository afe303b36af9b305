"""Long texts go through the model in paragraph-sized pieces, joined back into one Doc.

On one long Doc several steps of spaCy cost more than linear time: the entity ruler drops the
statistical entities a known name overlaps by rebuilding the list of entities for every match
(`EntityRuler.set_annotations`), and the NER and tok2vec slow down on very large arrays. On
pieces of a few thousand characters every step is bounded, so the whole is linear.

A cut falls after a whitespace run (after a paragraph break if there is one in reach, else
after a sentence, else after any space), so the tokens of the pieces are the tokens of the
whole; `Doc.from_docs(..., ensure_whitespace=False)` concatenates their tokens, annotations
and span groups with character offsets moved by the pieces' lengths, so the joined Doc has
the text of the whole and every offset into it is an offset into the original text. What
can differ from one parse of the whole is the context near a cut (the model sees four tokens
either side of a word, and a piece's first token always starts a sentence), so texts up to
`WHOLE_UP_TO` characters, every ordinary article, are parsed whole, as before. (Measured: the
development set, the demo articles and the real-news texts parsed in pieces of at most 1,000
characters, so cut several times each, give exactly the events they give whole.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

WHOLE_UP_TO = 30_000  # characters; the longest development or real-news article has 8,041
PIECE_CHARS = 5_000  # the longest piece; a cut is looked for in its second half

PARAGRAPH_BREAK = re.compile(r"\n\s*")
SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
SPACE = re.compile(r"\s+")


def piece_bounds(text: str, *, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of pieces of at most ``size`` characters that cover the text in order.

    Each cut is at the end of a whitespace run, the last paragraph break in the second half
    of the piece, else the last sentence end there, else the last space; a text without any
    (not prose) is cut where it must be.
    """
    bounds = []
    start = 0
    while len(text) - start > size:
        end = start + size
        low = start + size // 2
        cut = None
        for boundary in (PARAGRAPH_BREAK, SENTENCE_END, SPACE):
            found = [m.end() for m in boundary.finditer(text, low, end) if m.end() < end]
            if found:
                cut = found[-1]
                break
        cut = cut or end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def parse_text(nlp: Language, text: str) -> Doc:
    """One text: parsed whole up to `WHOLE_UP_TO` characters, else in pieces."""
    if len(text) <= WHOLE_UP_TO:
        return nlp(text)
    pieces = (text[start:end] for start, end in piece_bounds(text))
    return join(list(nlp.pipe(pieces, batch_size=16)))


def parse[Context](
    nlp: Language, items: Iterable[tuple[str, Context]], *, batch_size: int = 16
) -> Iterator[tuple[Doc, Context]]:
    """`nlp.pipe(items, as_tuples=True)`, with texts over `WHOLE_UP_TO` characters parsed in
    pieces (`piece_bounds`) and joined back: one Doc per text, in order."""

    def pieces() -> Iterator[tuple[str, tuple[Context, bool]]]:
        for text, context in items:
            bounds = piece_bounds(text) if len(text) > WHOLE_UP_TO else [(0, len(text))]
            for index, (start, end) in enumerate(bounds):
                yield text[start:end], (context, index == len(bounds) - 1)

    parts: list[Doc] = []
    for doc, (context, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        parts.append(doc)
        if last:
            yield join(parts), context
            parts = []


def join(docs: list[Doc]) -> Doc:
    """One Doc from consecutive pieces of a text, with the text's own offsets."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)
