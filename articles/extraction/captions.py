"""Photo captions and credits: text around the story that reports no event of its own.

A caption restates, in the present tense and with the day printed, what the story tells; read
as news it gives a second meeting beside the story's, or a meeting on the day of the photo
("Kim (L), Yeo (C) and Lutnick met in Washington", "arrives to meet the secretary, April 7,
2025."). Its dates stay usable: a story may be dated only by its photo.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .grammar import doc_text, span_text

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
CAPTION = re.compile(
    r"\((?:L|R|C|left|right|center|centre|2nd [LR]|3rd [LR])\)"  # who stands where
    rf"|,\s+{MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*$"  # "..., April 7, 2025." printed under a photo
    r"|^\s*FILE\s+[-–—]"  # an archive photo
    r"|\b(?:REUTERS|AFP|AP Photo|Getty Images)\s*/\s*[A-Z]"  # a photographer's credit
    r"|^\s*Photo(?:graph)?\s*(?:by\b|:)"
)


# a credit closing the caption's line: "... before flying out on March 3 (Yonhap)", "... at
# the summit. NAME/AFP via Getty Images"
LINE_CREDIT = re.compile(
    r"(?:\((?:Yonhap|Reuters|AP|AFP|Xinhua|Kyodo|Bloomberg|EPA|Anadolu|PTI|ANI|Bernama|"
    r"Getty Images|[A-Z][\w.]*\s+Photo)\)"
    r"|\b(?:via\s+|/)Getty\s+Images(?:/Getty\s+Images)?)\s*$"
)


CAPTION_LINE_MAX = 400


def is_caption(text: str) -> bool:
    """A sentence that is a photo's caption or credit, not the story."""
    return bool(CAPTION.search(text))


def in_caption(sentence: Span) -> bool:
    """The sentence is a caption, or lies on a line that ends with a photo credit."""
    if is_caption(span_text(sentence)):
        return True
    text = doc_text(sentence.doc)
    line_end = text.find("\n", sentence.end_char - 1)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    # a caption is a line of its own, a sentence or two; a story run into one line is not one
    return len(line) <= CAPTION_LINE_MAX and bool(LINE_CREDIT.search(line))
