"""The real-news corpus: gold events for real articles whose text is never committed.

The repository keeps, per article, its URL, publication date, the sha256 of the text as used
and the gold events with character offsets (``tests/data/realnews/gold/<id>.json``); the
texts live in the git-ignored ``tests/data/realnews/private/`` folder (see the README there for
how to restore them). An article whose text does not hash to the recorded value is refused:
offsets into another text would score nonsense.

Annotators write a *draft* that quotes the text (evidence sentences, date phrases), kept in the
private folder; ``build_gold`` turns it into offsets.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from articles.evaluation import Evaluation, evaluate_article
from articles.extraction.pipeline import extract
from articles.extraction.serialize import event_to_json
from articles.extraction.types import ExtractedEvent, Gazetteer
from articles.services import read_input
from articles.services.ingest import Overrides

SPLITS = ("check", "tune")
GOLD_FIELDS = ("type", "status", "participants", "countries", "location", "tariff")


class CorpusError(ValueError):
    """A gold file, draft or text that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class CorpusArticle:
    id: str
    url: str
    published: str
    split: str
    text: str
    events: list[dict]  # in the development set's shape: evidence and date text filled in


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def span_of(text: str, quoted: str, *, within: tuple[int, int] | None = None) -> list[int]:
    """Offsets of ``quoted`` in ``text``: inside ``within`` when it occurs there, else the first."""
    if within is not None:
        found = text.find(quoted, within[0], within[1])
        if found >= 0:
            return [found, found + len(quoted)]
    found = text.find(quoted)
    if found < 0:
        raise CorpusError(f"not found in the text: {quoted[:60]!r}")
    return [found, found + len(quoted)]


def build_gold(draft: dict, text: str) -> dict:
    """A committed gold record from a draft: quotations become offsets."""
    if draft.get("split") not in SPLITS:
        raise CorpusError(f"{draft.get('id')}: split must be one of {SPLITS}")
    events = []
    for number, event in enumerate(draft["events"], 1):
        try:
            evidence = span_of(text, event["evidence"])
            date = event.get("date")
            if date:
                date = {
                    "start": date["start"],
                    "end": date["end"],
                    "precision": date["precision"],
                    "span": span_of(text, date["text"], within=tuple(evidence)),
                }
        except CorpusError as error:
            raise CorpusError(f"{draft['id']} event {number}: {error}") from error
        gold = {name: event.get(name) for name in GOLD_FIELDS}
        gold["participants"] = gold["participants"] or []
        gold["countries"] = gold["countries"] or []
        events.append({**gold, "date": date, "evidence_span": evidence})
    return {
        "id": draft["id"],
        "url": draft["url"],
        "published": draft["published"],
        "outlet": draft.get("outlet", ""),
        "split": draft["split"],
        "sha256": text_digest(text),
        "chars": len(text),
        "events": events,
    }


def expand_event(event: dict, text: str) -> dict:
    """A gold event with its quotations read back from the text (never stored)."""
    start, end = event["evidence_span"]
    expanded = {name: event.get(name) for name in GOLD_FIELDS}
    expanded["evidence"] = text[start:end]
    expanded["evidence_span"] = [start, end]
    date = event.get("date")
    if date:
        s, e = date["span"]
        expanded["date"] = {
            "start": date["start"],
            "end": date["end"],
            "precision": date["precision"],
            "text": text[s:e],
        }
    else:
        expanded["date"] = None
    return expanded


def load_article(gold_path: Path, private_dir: Path) -> CorpusArticle:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = private_dir / f"{gold['id']}.txt"
    if not text_path.exists():
        raise CorpusError(
            f"{gold['id']}: text missing ({text_path}); restore it as the corpus README says"
        )
    text = text_path.read_text(encoding="utf-8")
    if text_digest(text) != gold["sha256"]:
        raise CorpusError(
            f"{gold['id']}: the text does not match its sha256: it is not the text the gold "
            "offsets were made on"
        )
    return CorpusArticle(
        id=gold["id"],
        url=gold["url"],
        published=gold["published"],
        split=gold["split"],
        text=text,
        events=[expand_event(e, text) for e in gold["events"]],
    )


def load_corpus(
    directory: Path, *, split: str | None = None, skip_missing: bool = False
) -> tuple[list[CorpusArticle], list[str]]:
    """Every article of the corpus (or of one split), texts verified against their hashes.

    With ``skip_missing`` an article whose text is absent (its page left the corpus it was
    restored from) is left out and its id returned, so the caller can say what was not scored;
    a text that is present but differs is always refused.
    """
    articles, missing = [], []
    for gold_path in sorted((directory / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if split is not None and gold["split"] != split:
            continue
        if skip_missing and not (directory / "private" / f"{gold['id']}.txt").exists():
            missing.append(gold["id"])
            continue
        articles.append(load_article(gold_path, directory / "private"))
    return articles, missing


def score_corpus(corpus: list[CorpusArticle], *, gazetteer: Gazetteer) -> Evaluation:
    """Run the pipeline on every article as ingest would read it, and score it."""
    result = Evaluation()
    for article in corpus:
        published = datetime.date.fromisoformat(article.published)
        parsed = read_input(
            article.text.encode("utf-8"),
            source_name=article.id,
            overrides=Overrides(published=published),
        )
        events = extract(parsed.body, published_at=published, gazetteer=gazetteer)
        predicted = [
            predicted_with_spans(event, article.text, body=parsed.body) for event in events
        ]
        evaluate_article(article.id, predicted, article.events, result)
    return result


def predicted_with_spans(event: ExtractedEvent, text: str, *, body: str | None = None) -> dict:
    """The event's JSON, with where its evidence sentences lie in the article's text and the
    features its confidence was estimated from. The sentence is read back from the body the
    pipeline was given (the model sees headlines in capitals softened, same offsets)."""
    data = event_to_json(event)
    spans = []
    for evidence in event.evidence:
        sentence = evidence.sentence
        if body is not None and len(body[evidence.start_char : evidence.end_char]) == len(sentence):
            sentence = body[evidence.start_char : evidence.end_char]
        found = text.find(sentence)
        if found >= 0:
            spans.append([found, found + len(sentence)])
    data["evidence_spans"] = spans
    data["features"] = dict(event.features)
    return data


def restore_text(directory: Path, ident: str, excerpt_literal: str) -> str:
    """Write ``private/<ident>.txt`` from the search tool's ``excerpt`` copied as the JSON
    string literal it is shown as (escapes kept, so that no line break, non-breaking space or
    quotation mark is lost in the copy), when it is the text the gold file was made on.
    Returns what was done, for the person restoring; raises CorpusError on a mismatch."""
    gold = json.loads((directory / "gold" / f"{ident}.json").read_text(encoding="utf-8"))
    try:
        text = json.loads(excerpt_literal.strip())
    except json.JSONDecodeError as error:
        raise CorpusError(f"{ident}: not a JSON string literal ({error})") from error
    if not isinstance(text, str):
        raise CorpusError(f"{ident}: not a JSON string literal")
    if text_digest(text) != gold["sha256"]:
        raise CorpusError(
            f"{ident}: sha256 differs ({len(text)} characters, the gold text has "
            f"{gold['chars']}); another stored version of the page, or a slip in the copy"
        )
    (directory / "private").mkdir(exist_ok=True)
    (directory / "private" / f"{ident}.txt").write_text(text, encoding="utf-8")
    return f"{ident}: restored ({len(text)} characters)"


def build_all(directory: Path) -> list[str]:
    """Rebuild gold files from the drafts found in the private folder; returns the ids."""
    built = []
    (directory / "gold").mkdir(exist_ok=True)
    for draft_path in sorted((directory / "private").glob("*.draft.json")):
        draft = json.loads(draft_path.read_text(encoding="utf-8"))
        text = (directory / "private" / f"{draft['id']}.txt").read_text(encoding="utf-8")
        gold = build_gold(draft, text)
        (directory / "gold" / f"{draft['id']}.json").write_text(
            json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        built.append(draft["id"])
    return built
