"""Articles are the record: every event on the timeline points back to one of them."""

from __future__ import annotations

import hashlib

from django.db import models
from django.db.models import Exists, OuterRef, Q


def content_hash(body: str) -> str:
    """Identity of an article's text, insensitive to whitespace and case changes."""
    normalized = " ".join(body.split()).casefold()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def pending_extraction(self) -> ArticleQuerySet:
        return self.filter(extraction_status=Article.ExtractionStatus.PENDING)

    def published_since(self, day) -> ArticleQuerySet:
        return self.filter(published__gte=day)

    def known_on(self, day) -> ArticleQuerySet:
        """Articles published on or before `day` (all for None), for a past view."""
        return self if day is None else self.filter(published__lte=day)

    def public(self) -> ArticleQuerySet:
        """What the public may see: articles cited by at least one approved event (in public
        evidence: a sentence waiting for review does not count)."""
        from timeline.models import Event, Evidence

        cited = Evidence.objects.public().filter(
            article=OuterRef("pk"), event__review_state=Event.ReviewState.APPROVED
        )
        return self.filter(Exists(cited))


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for extraction"
    RUNNING = "running", "Extracting"
    DONE = "done", "Extracted"
    FAILED = "failed", "Extraction failed"
    SKIPPED = "skipped", "Not extracted (not English)"
    TOO_LONG = "too_long", "Not extracted: too long"
    UNUSUAL = "unusual", "Not extracted: too unusual"


class Article(models.Model):
    """A news article as ingested, with its original input kept verbatim."""

    ExtractionStatus = ExtractionStatus

    outlet = models.CharField(max_length=200, blank=True, help_text='"Kyodo News", "Reuters".')
    url = models.URLField(max_length=1000, blank=True, help_text="Where the article was found.")
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(
        help_text="Publication date: relative dates in the text are resolved against it."
    )
    body = models.TextField(
        help_text="The news text that events are extracted from (comments and boilerplate removed)."
    )
    discarded_text = models.TextField(
        blank=True,
        help_text="What was separated from the body: reader comments, copyright lines, site "
        "boilerplate. Never used for extraction.",
    )
    original = models.TextField(help_text="The input exactly as it was received.")
    language = models.CharField(max_length=10, default="en", help_text="ISO 639-1 code.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True)
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.TextField(blank=True)
    extraction_started_at = models.DateTimeField(
        null=True, blank=True, help_text="When the last extraction attempt started."
    )
    extracted_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"
            ),
            models.CheckConstraint(
                condition=Q(extraction_status__in=ExtractionStatus.values),
                name="article_extraction_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["published"], name="article_published_idx")]

    def __str__(self) -> str:
        return self.title or f"{self.outlet or 'Article'} of {self.published}"

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.body)
        super().save(*args, **kwargs)
