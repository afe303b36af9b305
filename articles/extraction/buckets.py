"""Finding the earlier events a new one may be the same as, without comparing it with them all.

Merging mentions and absorbing duplicates compare every event with the ones kept before it,
which is quadratic in a long article with many events. Two events can be the same only if
they share a key (their type and status and a sentence, a person, a country or a rate: the
caller says which) and, when dated, their dates overlap. `Buckets` files each kept event under
its keys and the months its date covers, and returns for a new event the positions of the
events filed under one of its keys in a month it covers: every event it can match, and few
others, in the order they were kept. The caller then applies its own test to those in order,
so the first match is the one a scan of every kept event would find.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from .dates import ResolvedDate

WIDE_MONTHS = 24  # a date covering more months than this is filed once, as wide
UNDATED, WIDE, EVERY = "undated", "wide", "every"


def months_of(date: ResolvedDate) -> range | None:
    """The months a date covers, as year * 12 + month; None when it covers too many."""
    first = date.start.year * 12 + date.start.month
    last = date.end.year * 12 + date.end.month
    return range(first, last + 1) if last - first < WIDE_MONTHS else None


class Buckets:
    """Positions filed by key and month; `near()` gives every position that may match."""

    def __init__(self) -> None:
        self.filed: dict[tuple[Hashable, object], list[int]] = defaultdict(list)

    def add(self, position: int, keys: Iterable[Hashable], date: ResolvedDate | None) -> None:
        for key in keys:
            if date is None:
                self.filed[key, UNDATED].append(position)
                continue
            self.filed[key, EVERY].append(position)
            months = months_of(date)
            for month in months if months is not None else [WIDE]:
                self.filed[key, month].append(position)

    def near(self, keys: Iterable[Hashable], date: ResolvedDate | None) -> list[int]:
        """The positions filed under one of the keys whose date may overlap ``date`` (undated
        ones for None), in the order they were filed."""
        found: set[int] = set()
        for key in keys:
            if date is None:
                slots = [(key, UNDATED)]
            elif (months := months_of(date)) is None:
                slots = [(key, EVERY)]
            else:
                slots = [(key, WIDE), *((key, month) for month in months)]
            for slot in slots:
                found.update(self.filed.get(slot, ()))
        return sorted(found)
