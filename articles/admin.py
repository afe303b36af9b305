"""Articles in the admin: the record that every event points back to, and ingesting more."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .forms import IngestForm
from .models import Article
from .services import IngestOutcome, Overrides, ingest_inputs
from .tasks import enqueue_extraction, latest_job_state, runs_in_process


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "outlet",
        "published",
        "language",
        "extraction_status",
        "event_count",
        "ingested_at",
    )
    list_filter = ("extraction_status", "language", "outlet")
    search_fields = ("title", "outlet", "url", "body")
    date_hierarchy = "published"
    readonly_fields = (
        "content_hash",
        "ingested_at",
        "extraction_job",
        "extracted_at",
        "original",
        "discarded_text",
    )
    actions = ("extract_again",)
    change_list_template = "admin/articles/article/change_list.html"

    @admin.display(description="events")
    def event_count(self, obj: Article) -> int:
        return obj.evidence.values("event").distinct().count()

    @admin.display(description="extraction job")
    def extraction_job(self, obj: Article) -> str:
        return latest_job_state(obj) or "-"

    def get_urls(self):
        return [
            path(
                "ingest/",
                self.admin_site.admin_view(self.ingest_view),
                name="articles_article_ingest",
            ),
            *super().get_urls(),
        ]

    def ingest_view(self, request: HttpRequest) -> HttpResponse:
        """Paste or upload articles; each is stored with its events in one transaction."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST, request.FILES) if request.method == "POST" else IngestForm()
        if request.method == "POST" and form.is_valid():
            for outcome in ingest_from_form(form.cleaned_data):
                self.report(request, outcome)
            return HttpResponseRedirect(reverse("admin:articles_article_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest articles",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/ingest.html", context)

    def report(self, request: HttpRequest, outcome: IngestOutcome) -> None:
        if outcome.status == "failed":
            self.message_user(request, f"{outcome.name}: {outcome.message}", messages.ERROR)
        elif outcome.status == "skipped":
            self.message_user(request, f"{outcome.name}: {outcome.message}", messages.WARNING)
        else:
            detail = outcome.message or (
                f"{outcome.events_created} new events, {outcome.events_merged} merged "
                "into known ones; they wait in the review queue"
            )
            self.message_user(request, f"{outcome.name}: ingested ({detail}).", messages.SUCCESS)

    @admin.action(description="Extract events again", permissions=["change"])
    def extract_again(self, request: HttpRequest, queryset) -> None:
        articles = list(queryset.filter(language="en"))
        for article in articles:
            enqueue_extraction(article)
        self.message_user(
            request, f"Extraction queued for {len(articles)} articles.", messages.SUCCESS
        )


def ingest_from_form(data: dict) -> list[IngestOutcome]:
    overrides = Overrides(
        published=data.get("published"),
        title=data.get("title") or None,
        outlet=data.get("outlet") or None,
        url=data.get("url") or None,
    )
    inputs = []
    if data.get("text", "").strip():
        inputs.append(("pasted text", data["text"].encode("utf-8")))
    inputs.extend((upload.name, upload.read()) for upload in data.get("files") or [])
    # With a task queue the web process never loads the model: the worker extracts.
    return ingest_inputs(inputs, overrides=overrides, defer=not runs_in_process()).outcomes
