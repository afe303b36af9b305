"""Writes that span models: ingesting articles and storing the events extracted from them.

The `ingest` command, the admin and the demo loader all call these functions. Each article is
one transaction: it is stored with all its events, or not at all.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from ..extraction.bounds import NotExtractable, check, time_budget
from ..models import Article, ExtractionStatus, content_hash
from ..parsing import ArticleInputError, ParsedArticle, decode_input, parse_article
from . import events

logger = logging.getLogger(__name__)


@dataclass
class IngestOutcome:
    """What happened to one input: created, skipped (already there) or failed (and why)."""

    name: str
    status: str
    message: str = ""
    article: Article | None = None
    events_created: int = 0
    events_merged: int = 0
    problem: str = ""  # for a failed or skipped input: "no_date", "bad_date", "too_large",
    # "input" (see ArticleInputError.kind), "duplicate" or "internal"

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


@dataclass(frozen=True)
class Overrides:
    """What the person ingesting says, which wins over what is found in the input."""

    published: datetime.date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


def read_input(
    raw: bytes, *, source_name: str, overrides: Overrides = Overrides()
) -> ParsedArticle:
    """Decode and parse one input, applying overrides; raises ArticleInputError."""
    text = decode_input(raw, max_bytes=settings.PARLEY_MAX_ARTICLE_BYTES)
    parsed = parse_article(text)
    published = overrides.published or parsed.published
    if published is None:
        raise ArticleInputError(
            "no publication date found: add a first line `date YYYY-MM-DD` or give the date",
            kind="no_date",
        )
    return ParsedArticle(
        body=parsed.body,
        discarded=parsed.discarded,
        title=overrides.title if overrides.title is not None else parsed.title,
        published=published,
        outlet=overrides.outlet if overrides.outlet is not None else parsed.outlet,
        url=overrides.url if overrides.url is not None else parsed.url,
        language=parsed.language,
    )


Extraction = list | Exception  # the events, or why there are none (see extract_safely)


def ingest_bytes(
    raw: bytes,
    *,
    source_name: str,
    overrides: Overrides = Overrides(),
    extract: bool = True,
    defer: bool = False,
    extracted: Extraction | None = None,
) -> IngestOutcome:
    """Store one article and, for English text, its events, in one transaction. Idempotent.

    The NLP runs before the transaction opens. With ``defer`` the extraction is enqueued as a
    background task instead (in the same transaction, so no article is left without its job).
    An article the pipeline refuses (too long, not prose) or fails on is still stored, with
    that extraction state and message.
    """
    try:
        parsed = read_input(raw, source_name=source_name, overrides=overrides)
    except ArticleInputError as error:
        return IngestOutcome(source_name, "failed", str(error), problem=error.kind)

    existing = find_existing(parsed)
    if existing is not None:
        return skipped(source_name, existing)
    english = parsed.language == "en"
    if not (english and extract and not defer):
        extracted = None
    elif extracted is None:
        extracted = extract_safely(parsed)
    try:
        with transaction.atomic():
            article = new_article(parsed, original=raw.decode("utf-8-sig", errors="replace"))
            outcome = IngestOutcome(source_name, "created", "", article)
            if not english:
                outcome.message = f"stored but not extracted: the language is {parsed.language!r}"
            elif isinstance(extracted, Exception):
                outcome.message = mark_not_extracted(article, extracted)
            elif extracted is not None:
                result = events.store_extraction(article, extracted)
                outcome.events_created, outcome.events_merged = result.created, result.merged
            elif extract and defer:
                from ..tasks import enqueue_extraction

                enqueue_extraction(article)
                outcome.message = "extraction queued"
            return outcome
    except IntegrityError:
        # Another process stored the same article between our check and our insert.
        existing = find_existing(parsed)
        if existing is None:
            raise
        return skipped(source_name, existing)
    except (ArticleInputError, ValidationError) as error:  # rolled back; report and go on
        return IngestOutcome(source_name, "failed", str(error), problem="input")


def extract_safely(parsed: ParsedArticle) -> Extraction:
    """The events of one article, or the reason there are none: refused by the bounds
    (NotExtractable) or an error of the pipeline, which must not cost the other articles."""
    try:
        check(parsed.body, max_chars=settings.PARLEY_MAX_EXTRACT_CHARS)
        with time_budget(settings.PARLEY_EXTRACTION_SECONDS):
            return events.run_pipeline(parsed.body, parsed.published)
    except NotExtractable as refusal:
        return refusal
    except Exception as error:  # logged in full; the article is stored as failed
        logger.exception("extraction failed")
        return error


def mark_not_extracted(article: Article, reason: Exception) -> str:
    """Record why an article has no events; returns the message for the person ingesting."""
    if isinstance(reason, NotExtractable):
        article.extraction_status = events.REFUSED_STATUS[reason.reason]
        article.extraction_error = str(reason)
    else:
        article.extraction_status = ExtractionStatus.FAILED
        article.extraction_error = f"extraction failed: {reason!r}"
    article.save(update_fields=["extraction_status", "extraction_error"])
    return f"stored, {article.extraction_error}"


def new_article(parsed: ParsedArticle, *, original: str) -> Article:
    article = Article(
        outlet=parsed.outlet[:200],
        url=parsed.url,
        title=parsed.title[:500],
        published=parsed.published,
        body=parsed.body,
        discarded_text=parsed.discarded,
        original=original,
        language=parsed.language,
    )
    if parsed.language != "en":
        article.extraction_status = ExtractionStatus.SKIPPED
    article.full_clean()
    article.save()
    return article


def skipped(source_name: str, existing: Article) -> IngestOutcome:
    return IngestOutcome(
        source_name,
        "skipped",
        f"already ingested as article #{existing.pk}",
        existing,
        problem="duplicate",
    )


def find_existing(parsed: ParsedArticle) -> Article | None:
    query = Q(content_hash=content_hash(parsed.body))
    if parsed.url:
        query |= Q(url=parsed.url)
    return Article.objects.filter(query).first()


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files as given, directories walked for .txt/.html/.htm files, `-` for stdin."""
    for name in paths:
        if name == "-":
            yield "-"
            continue
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in {".txt", ".html", ".htm"}
            )
        else:
            yield path


BATCH_SIZE = 16  # articles whose NLP runs together through nlp.pipe


def ingest_paths(
    paths: Iterable[str],
    *,
    overrides: Overrides = Overrides(),
    extract: bool = True,
    defer: bool = False,
    read_stdin: Callable[[], bytes] | None = None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> IngestReport:
    """Ingest files and directories; one bad file never stops the others."""
    report = IngestReport()
    inputs: list[tuple[str, bytes]] = []
    for path in expand_paths(paths):
        name = "<stdin>" if path == "-" else str(path)
        try:
            inputs.append(
                (name, read_stdin() if path == "-" and read_stdin else Path(path).read_bytes())
            )
        except OSError as error:
            report.outcomes.append(IngestOutcome(name, "failed", error.strerror or str(error)))
    report.outcomes.extend(
        ingest_inputs(
            inputs, overrides=overrides, extract=extract, defer=defer, progress=progress
        ).outcomes
    )
    return report


def ingest_inputs(
    inputs: list[tuple[str, bytes]],
    *,
    overrides: Overrides = Overrides(),
    extract: bool = True,
    defer: bool = False,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> IngestReport:
    """Ingest (name, bytes) inputs, each in its own transaction; every input gets an outcome
    and none stops the others. The NLP of a batch of inputs runs together through nlp.pipe."""
    report = IngestReport()
    extracted: dict[str, Extraction] = {}
    for index, (name, raw) in enumerate(progress(inputs)):
        if index % BATCH_SIZE == 0 and extract and not defer:
            extracted = extract_batch(inputs[index : index + BATCH_SIZE], overrides=overrides)
        try:
            outcome = ingest_bytes(
                raw,
                source_name=name,
                overrides=overrides,
                extract=extract,
                defer=defer,
                extracted=extracted.get(name),
            )
        except Exception as error:  # a bug must not cost the other files; logged in full
            logger.exception("ingesting %s failed", name)
            outcome = IngestOutcome(
                name, "failed", f"internal error: {error!r}", problem="internal"
            )
        report.outcomes.append(outcome)
    return report


def extract_batch(batch: list[tuple[str, bytes]], *, overrides: Overrides) -> dict[str, Extraction]:
    """The events of every new English article of a batch, through one nlp.pipe call.

    Articles the bounds refuse are left out of the batch; if the batch fails, each article is
    extracted alone so that the failure stays with the article that caused it.
    """
    todo: list[tuple[str, ParsedArticle]] = []
    found: dict[str, Extraction] = {}
    for name, raw in batch:
        try:
            parsed = read_input(raw, source_name=name, overrides=overrides)
            if parsed.language != "en" or find_existing(parsed) is not None:
                continue
            check(parsed.body, max_chars=settings.PARLEY_MAX_EXTRACT_CHARS)
        except ArticleInputError:
            continue  # ingest_bytes reports it
        except NotExtractable as refusal:
            found[name] = refusal
            continue
        todo.append((name, parsed))
    if not todo:
        return found
    try:
        with time_budget(settings.PARLEY_EXTRACTION_SECONDS * len(todo)):
            results = events.run_pipeline_many([(p.body, p.published) for _, p in todo])
    except Exception:  # NotExtractable included: find out which article it was
        logger.warning("a batch of %s articles failed; extracting them one by one", len(todo))
        results = [extract_safely(parsed) for _, parsed in todo]
    found.update((name, result) for (name, _), result in zip(todo, results, strict=True))
    return found
