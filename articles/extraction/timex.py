"""The TIMEX3 tagger contract: ``tag(text, dct)`` for the TempEval-3 style scorer.

A thin adapter over ``dates.find_dates`` so the scorer measures exactly the rules the event
pipeline uses. Run ``python /work/shared/timex/score.py --tagger articles.extraction.timex:tag``.
"""

from __future__ import annotations

import datetime as dt

from articles.extraction.dates import find_dates


def tag(text: str, dct: dt.date) -> list[tuple[int, int, str, str]]:
    """(start, end, TIMEX3 value, TIMEX3 type) for every temporal expression in ``text``."""
    return [(m.start_char, m.end_char, m.value, m.type) for m in find_dates(text, published_at=dct)]
