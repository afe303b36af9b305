"""Articles in the admin: the record that every event points back to, and ingesting more."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

from timeline.models import Event, Evidence

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
    def event_count(self, obj: Article) -> str:
        count = obj.evidence.values("event").distinct().count()
        url = reverse("admin:articles_article_review", args=[obj.pk])
        return format_html('<a href="{}">{} to review</a>', url, count)

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
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="articles_article_review",
            ),
            path(
                "<path:object_id>/review/<int:event_id>/",
                self.admin_site.admin_view(self.edit_event_view),
                name="articles_article_edit_event",
            ),
            *super().get_urls(),
        ]

    def ingest_view(self, request: HttpRequest) -> HttpResponse:
        """Paste or upload articles; each is stored with its events in one transaction.

        On success the editor lands on the new article (or the list of new ones) to review its
        events; on any error the form comes back with the text, the file names and the error
        next to the field it concerns.
        """
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST, request.FILES) if request.method == "POST" else IngestForm()
        outcomes: list[IngestOutcome] = []
        if request.method == "POST" and form.is_valid():
            outcomes = ingest_from_form(form.cleaned_data)
            stored = [o.article for o in outcomes if o.status == "created"]
            if all(o.status == "created" for o in outcomes):
                for outcome in outcomes:
                    self.report(request, outcome)
                return HttpResponseRedirect(landing_url(stored))
            report_on_form(form, outcomes)
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest articles",
            "form": form,
            "outcomes": outcomes,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/articles/article/ingest.html", context)

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """One article with its extraction state and its events, to approve, reject or edit."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=object_id)
        template = "admin/articles/article/review.html"
        if getattr(request, "htmx", False):
            template += "#article-events"
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review: {article}",
            "article": article,
            "job_state": latest_job_state(article),
            "events": events_of(article),
            "can_review": request.user.has_perm("timeline.change_event"),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, template, context)

    def edit_event_view(self, request: HttpRequest, object_id: str, event_id: str) -> HttpResponse:
        """Save the quick edit of one event of the article (title, kind, status, dates)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("timeline.change_event"):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=object_id)
        event = get_object_or_404(Event, pk=event_id, evidence__article=article)
        form = QuickEventForm(request.POST, instance=event, prefix=f"event-{event.pk}")
        saved = form.is_valid()
        if saved and form.has_changed():
            event = form.save(commit=False)
            event.edited_by_editor = True
            event.save()
        if saved:
            event.here = list(event.evidence.filter(article=article))
            form = QuickEventForm(instance=event, prefix=f"event-{event.pk}")
        if not getattr(request, "htmx", False) and saved:
            return HttpResponseRedirect(reverse("admin:articles_article_review", args=[article.pk]))
        context = {"article": article, "item": {"event": event, "form": form}, "saved": saved}
        context["can_review"] = True
        return TemplateResponse(
            request,
            "admin/articles/article/review.html#event-row",
            context,
            status=200 if saved else 400,
        )

    def report(self, request: HttpRequest, outcome: IngestOutcome) -> None:
        if outcome.status == "failed":
            self.message_user(request, f"{outcome.name}: {outcome.message}", messages.ERROR)
        elif outcome.status == "skipped":
            self.message_user(request, f"{outcome.name}: {outcome.message}", messages.WARNING)
        else:
            detail = outcome.message or (
                f"{outcome.events_created} new events, {outcome.events_merged} merged "
                "into known ones; review them below"
            )
            self.message_user(request, f"{outcome.name}: ingested ({detail}).", messages.SUCCESS)

    @admin.action(description="Extract events again", permissions=["change"])
    def extract_again(self, request: HttpRequest, queryset) -> None:
        articles = list(queryset.filter(language="en"))
        for article in articles:
            enqueue_extraction(article)
        message = ngettext(
            "Extraction queued for %(count)d article.",
            "Extraction queued for %(count)d articles.",
            len(articles),
        )
        self.message_user(request, message % {"count": len(articles)}, messages.SUCCESS)


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


# Which field of the ingest form an input problem concerns (the pasted text, or the files).
PROBLEM_FIELD = {"no_date": "published", "bad_date": "text", "too_large": "text"}
PROBLEM_MESSAGE = {
    "no_date": "no publication date found: start the text with a line `date YYYY-MM-DD` "
    "or fill in the publication date below",
}


def report_on_form(form: IngestForm, outcomes: list[IngestOutcome]) -> None:
    """Put each failed or duplicate input's message next to the field it concerns."""
    for outcome in outcomes:
        if outcome.status == "created":
            continue
        message = PROBLEM_MESSAGE.get(outcome.problem, outcome.message)
        if outcome.problem == "duplicate" and outcome.article is not None:
            url = reverse("admin:articles_article_review", args=[outcome.article.pk])
            message = format_html(
                'already ingested as <a href="{}">article #{} “{}”</a>',
                url,
                outcome.article.pk,
                outcome.article,
            )
        if outcome.name == "pasted text":
            field = PROBLEM_FIELD.get(outcome.problem, "text")
            form.add_error(field, message)
        else:
            field = "published" if outcome.problem == "no_date" else "files"
            form.add_error(field, format_html("{}: {}", outcome.name, message))


def landing_url(articles: list[Article]) -> str:
    """The new article's review page, or the list of the new ones."""
    if len(articles) == 1:
        return reverse("admin:articles_article_review", args=[articles[0].pk])
    ids = ",".join(str(article.pk) for article in articles)
    return f"{reverse('admin:articles_article_changelist')}?id__in={ids}"


def events_of(article: Article) -> list[dict]:
    """The article's events, each with its evidence from this article and a quick-edit form."""
    events = (
        Event.objects.filter(evidence__article=article)
        .distinct()
        .order_by("date_start", "pk")
        .prefetch_related(
            "jurisdictions",
            "participants",
            Prefetch("evidence", queryset=Evidence.objects.filter(article=article), to_attr="here"),
        )
    )
    return [
        {"event": event, "form": QuickEventForm(instance=event, prefix=f"event-{event.pk}")}
        for event in events
    ]


class QuickEventForm(forms.ModelForm):
    """The fields an editor corrects most often, editable beside the evidence."""

    class Meta:
        model = Event
        fields = ("title", "kind", "status", "date_start", "date_end")
        widgets = {
            "title": forms.TextInput(attrs={"size": 60}),
            "date_start": forms.DateInput(attrs={"type": "date"}),
            "date_end": forms.DateInput(attrs={"type": "date"}),
        }
