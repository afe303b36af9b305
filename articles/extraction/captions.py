"""Photo captions and credits: text around the story that reports no event of its own.

A caption restates, in the present tense and with the day printed, what the story tells; read
as news it gives a second meeting beside the story's, or a meeting on the day of the photo
("Kim (L), Yeo (C) and Lutnick met in Washington", "arrives to meet the secretary, April 7,
2025."). Its dates stay usable: a story may be dated only by its photo.
"""

from __future__ import annotations

import re

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
CAPTION = re.compile(
    r"\((?:L|R|C|left|right|center|centre|2nd [LR]|3rd [LR])\)"  # who stands where
    rf"|,\s+{MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*$"  # "..., April 7, 2025." printed under a photo
    r"|^\s*FILE\s+[-–—]"  # an archive photo
    r"|\b(?:REUTERS|AFP|AP Photo|Getty Images)\s*/\s*[A-Z]"  # a photographer's credit
    r"|^\s*Photo(?:graph)?\s*(?:by\b|:)"
)


def is_caption(text: str) -> bool:
    """A sentence that is a photo's caption or credit, not the story."""
    return bool(CAPTION.search(text))
