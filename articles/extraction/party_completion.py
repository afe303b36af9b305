"""Parties a sentence leaves unsaid, completed from the article; one event per target or
partner when a sentence names several."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from . import grammar, parties, tariff_details, tariff_rates
from .candidate import Candidate
from .grammar import span_text
from .patterns import AGREEMENT, MEETING
from .types import Gazetteer


def fill_imposing_country(candidates: list[Candidate]) -> None:
    """A tariff whose imposer goes unsaid is the article's usual imposer's ("a universal tariff")."""
    imposers = [
        c.tariff.imposing_country for c in candidates if c.tariff and c.tariff.imposing_country
    ]
    if not imposers:
        return
    usual = Counter(imposers).most_common(1)[0][0]  # ties: the first named, deterministically
    for candidate in candidates:
        tariff = candidate.tariff
        if (
            tariff is not None
            and tariff.imposing_country is None
            and tariff.target_country != usual
        ):
            candidate.tariff = replace(tariff, imposing_country=usual)
            candidate.countries = grammar.unique([usual, *candidate.countries])


TWO_SIDES = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|countries|governments|nations|delegations|leaders)\b"
    r"|\bbilateral\b",
    re.I,
)


def complete_parties(candidates: list[Candidate], gazetteer: Gazetteer) -> None:
    """A meeting or deal needs two parties. When its sentence names fewer ("the two sides
    agreed", "McClay met his counterpart"), the missing one is the article's other main
    country: the two countries most of its events concern. A meeting of people the gazetteer
    cannot place ("Trade Minister Todd McClay met his counterpart") is between those two."""
    counts = Counter(c for candidate in candidates for c in dict.fromkeys(candidate.countries))
    pair = [name for name, n in counts.most_common(2) if n >= 2]
    if len(pair) < 2 and candidates:
        pair = main_countries(candidates[0].sentence.doc, gazetteer)
    if len(pair) < 2:
        return
    for candidate in candidates:
        if candidate.type not in {MEETING, AGREEMENT} or len(candidate.countries) >= 2:
            continue
        if set(candidate.countries) <= set(pair) and (
            candidate.countries
            or TWO_SIDES.search(span_text(candidate.sentence))
            or (candidate.type == MEETING and candidate.participants)
            or candidate.definite
        ):
            candidate.countries = grammar.unique([*candidate.countries, *pair])


def main_countries(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    """The two countries the article's sentences name most (each at least twice): the story's
    parties when too few of its events name them."""
    lower_countries = gazetteer.countries_by_lower_alias
    counts = Counter(
        name
        for sentence in doc.sents
        for name in parties.countries_in(sentence, gazetteer, lower_countries)
    )
    return [name for name, n in counts.most_common(2) if n >= 2]


def split_by_target(
    candidate: Candidate, lower_countries: dict[str, str], gazetteer: Gazetteer
) -> list[Candidate]:
    """One measure per target country: each has its own rate history. One deal per partner
    when several deals are told at once ("trade frameworks with Peru, Chile and Bolivia"): each is its own agreement."""
    if candidate.type == AGREEMENT:
        return split_by_partner(candidate, lower_countries, gazetteer)
    if candidate.tariff is None:
        return [candidate]
    listed = tariff_rates.rates_by_country(span_text(candidate.sentence), lower_countries)
    target = candidate.tariff.target_country
    if len(listed) >= 2 and (
        target in {c for c, _ in listed}
        or (target is None and candidate.tariff.rate_percent == listed[0][1])  # the first's
    ):
        # "letters went to Malaysia (25%), Laos (40%) and Japan (25%)": a rate for each
        return [
            replace(
                candidate,
                tariff=replace(candidate.tariff, target_country=target, rate_percent=rate),
                countries=grammar.unique([candidate.tariff.imposing_country, target]),
            )
            for target, rate in listed
        ]
    targets = tariff_details.conjoined_targets(
        candidate.tariff, candidate.sentence, lower_countries
    ) or tariff_details.listed_targets(
        candidate.tariff, candidate.countries, candidate.sentence, lower_countries
    )
    if len(targets) < 2:
        return [candidate]
    return [
        replace(
            candidate,
            tariff=replace(candidate.tariff, target_country=target),
            countries=grammar.unique([candidate.tariff.imposing_country, target]),
        )
        for target in targets
    ]


def split_by_partner(
    candidate: Candidate, lower_countries: dict[str, str], gazetteer: Gazetteer
) -> list[Candidate]:
    root = candidate.trigger.root
    if root.tag_ != "NNS":
        return [candidate]  # "a deal with Japan and Korea" stays one deal
    with_phrase = next(
        (c for c in root.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}), None
    )
    if with_phrase is None:
        return [candidate]
    doc = root.doc
    partners = parties.countries_in(
        doc[with_phrase.left_edge.i : with_phrase.right_edge.i + 1], gazetteer, lower_countries
    )
    if len(partners) < 2:
        return [candidate]
    others = [c for c in candidate.countries if c not in partners]
    return [
        replace(candidate, countries=grammar.unique([*others, partner])) for partner in partners
    ]
