"""The editors' workplace: data entry, review of extracted events, reference data."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from .models import (
    Event,
    Evidence,
    Jurisdiction,
    Meeting,
    Official,
    OfficialRole,
    ProposedEvent,
    TariffMeasure,
)


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_bloc", "aliases_short")
    list_filter = ("is_bloc",)
    search_fields = ("name", "code", "official_name", "aliases")
    ordering = ("name",)

    @admin.display(description="aliases")
    def aliases_short(self, obj: Jurisdiction) -> str:
        return ", ".join(obj.alias_list[:6])


class OfficialRoleInline(admin.TabularInline):
    model = OfficialRole
    extra = 1


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ("full_name", "jurisdiction", "current_role", "is_reviewed", "event_count")
    list_filter = ("is_reviewed", "jurisdiction")
    search_fields = ("full_name", "aliases", "roles__title")
    autocomplete_fields = ("jurisdiction",)
    prepopulated_fields = {"slug": ("full_name",)}
    inlines = (OfficialRoleInline,)
    actions = ("mark_reviewed",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Official]:
        return (
            super()
            .get_queryset(request)
            .select_related("jurisdiction")
            .prefetch_related("roles")
            .annotate(num_events=Count("events", distinct=True))
        )

    @admin.display(description="current role")
    def current_role(self, obj: Official) -> str:
        roles = [role for role in obj.roles.all() if role.end is None]
        return roles[-1].title if roles else "—"

    @admin.display(description="events", ordering="num_events")
    def event_count(self, obj: Official) -> int:
        return obj.num_events

    @admin.action(description="Mark selected people as reviewed")
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Official]) -> None:
        people = list(queryset)
        for official in people:  # saved one by one, so the audit log records it
            official.is_reviewed = True
            official.save(update_fields=["is_reviewed"])
        self.message_user(request, f"{len(people)} people marked as reviewed.", messages.SUCCESS)


class MeetingInline(admin.StackedInline):
    model = Meeting
    extra = 0
    max_num = 1
    verbose_name = "meeting details"


class TariffMeasureInline(admin.StackedInline):
    model = TariffMeasure
    fk_name = "event"
    extra = 0
    max_num = 1
    autocomplete_fields = ("imposing", "target", "modifies")
    verbose_name = "tariff details"


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    raw_id_fields = ("article",)
    fields = ("article", "sentence", "start_char", "end_char", "awaits_review")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "kind",
        "date_display",
        "status",
        "review_state",
        "confidence_display",
        "country_list",
    )
    list_filter = (
        "review_state",
        ("evidence__awaits_review", admin.BooleanFieldListFilter),
        "kind",
        "status",
        "date_precision",
        "jurisdictions",
    )
    search_fields = ("title", "summary", "date_text", "participants__full_name")
    date_hierarchy = "date_start"
    autocomplete_fields = ("jurisdictions", "participants")
    inlines = (MeetingInline, TariffMeasureInline, EvidenceInline)
    actions = ("approve", "reject")
    readonly_fields = ("merge_key", "edited_by_editor", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("kind", "title", "summary", "status", "review_state")}),
        (
            "When",
            {
                "fields": (
                    ("date_start", "date_end"),
                    "date_precision",
                    "date_text",
                    "date_explanation",
                    "date_computed",
                )
            },
        ),
        ("Who", {"fields": ("jurisdictions", "participants")}),
        (
            "Pipeline",
            {
                "classes": ("collapse",),
                "fields": (
                    "confidence",
                    "merge_key",
                    "edited_by_editor",
                    "created_at",
                    "updated_at",
                ),
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).prefetch_related("jurisdictions")

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if change and form.has_changed():
            obj.edited_by_editor = True
        super().save_model(request, obj, form, change)

    @admin.display(description="date", ordering="date_start")
    def date_display(self, obj: Event) -> str:
        if obj.date_start is None:
            return "undated"
        if obj.date_start == obj.date_end:
            return obj.date_start.isoformat()
        return f"{obj.date_start.isoformat()} – {obj.date_end.isoformat()}"

    @admin.display(description="confidence", ordering="confidence")
    def confidence_display(self, obj: Event) -> str:
        return f"{obj.confidence:.0%}"

    @admin.display(description="countries")
    def country_list(self, obj: Event) -> str:
        return ", ".join(j.name for j in obj.jurisdictions.all())

    @admin.action(description="Approve selected events", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(Event.objects.filter(pk__in=queryset.values("pk")))  # not the proxy
        for event in events:  # one save each, so the audit log records every decision
            event.approve()
        self.message_user(request, f"{len(events)} events approved.", messages.SUCCESS)

    @admin.action(description="Reject selected events", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(Event.objects.filter(pk__in=queryset.values("pk")))
        for event in events:
            event.reject()
        self.message_user(request, f"{len(events)} events rejected.", messages.SUCCESS)


class ArticleListFilter(admin.SimpleListFilter):
    """The events of one article (?article=ID); offers the latest articles with events to review."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        from articles.models import Article

        chosen = self.value()
        latest = (
            Article.objects.filter(evidence__event__review_state=Event.ReviewState.PROPOSED)
            .distinct()
            .order_by("-ingested_at")[:10]
        )
        articles = list(latest)
        if chosen and chosen.isdigit() and all(str(a.pk) != chosen for a in articles):
            articles += list(Article.objects.filter(pk=int(chosen)))
        return [(str(article.pk), str(article)[:60]) for article in articles]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(
            pk__in=Evidence.objects.filter(article_id=int(value)).values("event")
        )


@admin.register(ProposedEvent)
class ProposedEventAdmin(EventAdmin):
    """Only what waits for review, with the evidence beside each event."""

    list_display = (
        "title",
        "kind",
        "date_display",
        "status",
        "confidence_display",
        "evidence_list",
    )
    list_filter = (ArticleListFilter, "kind", "status", "jurisdictions")
    search_fields = (
        "title",
        "summary",
        "date_text",
        "evidence__sentence",
        "participants__full_name",
        "jurisdictions__name",
        "jurisdictions__code",
    )
    ordering = ("-confidence", "date_start")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return (
            super()
            .get_queryset(request)
            .filter(review_state=Event.ReviewState.PROPOSED)
            .prefetch_related("evidence__article")
        )

    @admin.display(description="evidence")
    def evidence_list(self, obj: Event):
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>“{}” <small>({})</small></li>",
                ((ev.sentence, ev.article) for ev in obj.evidence.all()),
            ),
        )


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("sentence_short", "event", "article", "awaits_review")
    list_filter = ("awaits_review",)
    search_fields = ("sentence", "event__title", "article__title")
    raw_id_fields = ("article",)
    autocomplete_fields = ("event",)
    list_select_related = ("event", "article")

    @admin.display(description="sentence")
    def sentence_short(self, obj: Evidence) -> str:
        return obj.sentence[:120]
