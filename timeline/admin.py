"""The editors' workplace: data entry, review of extracted events, reference data."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from .caching import one_bump
from .claims import describe_claim, follow_claims
from .models import (
    Event,
    EventCountry,
    EventParticipant,
    Evidence,
    Jurisdiction,
    Meeting,
    Negotiation,
    Official,
    OfficialRole,
    ProposedEvent,
    TariffMeasure,
)
from .templatetags.timeline_tags import format_event_date

admin.site.site_header = "Parley editors"
admin.site.site_title = "Parley editors"
admin.site.index_title = "Editors' desk"
# The review queue needs the width more than a second list of models (the breadcrumbs and the
# index lead everywhere).
admin.site.enable_nav_sidebar = False


class JobAdmin(DBTaskResultAdmin):
    """Background jobs are plumbing: kept off the editors' index and sidebar (an article's
    extraction status tells them what they need); direct links still work for those who may
    view them, and administrators see the table as before."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, JobAdmin)


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
    list_filter = ("is_reviewed", ("jurisdiction", admin.RelatedOnlyFieldListFilter))
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
        count = len(people)
        message = ngettext(
            "%(count)d person marked as reviewed.", "%(count)d people marked as reviewed.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


class LinkInline(admin.TabularInline):
    """Countries or people on an event, each with the article that first named it there (a
    past view shows it from that article's day on); those an editor adds have none."""

    extra = 0
    fields = ("told_by",)
    readonly_fields = ("told_by",)
    linked = ""  # the link's other end, read with it for the row's label

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("article", self.linked)

    @admin.display(description="first named by")
    def told_by(self, obj: EventCountry | EventParticipant) -> str:
        if obj.article_id is None:
            return "an editor" if obj.pk else "—"
        article = obj.article
        title = Truncator(str(article)).chars(60)
        return (
            f"{title} ({article.outlet or 'article'}, {article.published:%d %b %Y}, #{article.pk})"
        )


class EventCountryInline(LinkInline):
    model = EventCountry
    linked = "jurisdiction"
    fields = ("jurisdiction", "is_party", *LinkInline.fields)
    readonly_fields = ("is_party", *LinkInline.readonly_fields)
    autocomplete_fields = ("jurisdiction",)
    verbose_name = "country"
    verbose_name_plural = "countries"


class EventParticipantInline(LinkInline):
    model = EventParticipant
    linked = "official"
    fields = ("official", *LinkInline.fields)
    autocomplete_fields = ("official",)
    verbose_name = "participant"
    verbose_name_plural = "participants"


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
    fields = ("article", "sentence", "start_char", "end_char", "claim", "awaits_review")
    readonly_fields = ("claim",)

    @admin.display(description="what the article said")
    def claim(self, obj: Evidence) -> str:
        if not obj.pk or not obj.claimed_status:
            return "—"
        return describe_claim(obj, None, kind=obj.event.kind)


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
        ("jurisdictions", admin.RelatedOnlyFieldListFilter),
        "negotiation",
    )
    search_fields = ("title", "summary", "date_text", "participants__full_name")
    date_hierarchy = "date_start"
    autocomplete_fields = ("negotiation",)
    inlines = (
        EventCountryInline,
        EventParticipantInline,
        MeetingInline,
        TariffMeasureInline,
        EvidenceInline,
    )
    actions = ("approve", "reject", "split_off")
    readonly_fields = ("merge_key", "edited_by_editor", "created_at", "updated_at")
    fieldsets = (
        (
            None,
            {"fields": ("kind", ("title", "title_by_editor"), "summary", "status", "review_state")},
        ),
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
        ("Thread", {"fields": ("negotiation", "round_number")}),
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

    TITLED_BY = frozenset({"kind", "status"})
    LINKS = (EventCountry, EventParticipant)

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if change and form.has_changed():
            obj.edited_by_editor = True
        if not change or "title" in form.changed_data:
            obj.title_by_editor = True  # an editor's words: edits no longer rewrite them
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        """A machine title follows the editor's changes of type, status, parties, participants
        and the meeting or tariff details, unless the editor wrote the title; an untouched
        event whose new evidence an editor reviewed takes that evidence's claim."""
        super().save_related(request, form, formsets, change)
        event = form.instance
        links = any(f.has_changed() for f in formsets if f.model in self.LINKS)
        if links:  # countries or people edited: the ones the change page read are stale
            event._prefetched_objects_cache = {}
        if change and links and not event.edited_by_editor:
            event.edited_by_editor = True
            event.save(update_fields=["edited_by_editor", "updated_at"])
        details = any(f.has_changed() for f in formsets if f.model is not Evidence)
        evidence = any(f.has_changed() for f in formsets if f.model is Evidence)
        if change and evidence and follow_claims(form.instance):  # evidence reviewed: its claim
            form.instance.refresh_from_db()
        if change and (self.TITLED_BY.intersection(form.changed_data) or details):
            form.instance.retitle()

    @admin.display(description="date", ordering="date_start")
    def date_display(self, obj: Event) -> str:
        return format_event_date(obj.date_start, obj.date_end, obj.date_precision)

    @admin.display(description="confidence", ordering="confidence")
    def confidence_display(self, obj: Event) -> str:
        return f"{obj.confidence:.0%}"

    @admin.display(description="countries")
    def country_list(self, obj: Event) -> str:
        return ", ".join(j.name for j in obj.jurisdictions.all())

    @admin.action(description="Approve selected events", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(Event.objects.filter(pk__in=queryset.values("pk")))  # not the proxy
        with one_bump():  # one change: one data version, the summaries worked out once
            for event in events:  # one save each, so the audit log records every decision
                event.approve()
        count = len(events)
        message = ngettext("%(count)d event approved.", "%(count)d events approved.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description="Reject selected events", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(Event.objects.filter(pk__in=queryset.values("pk")))
        with one_bump():  # one change: one data version, the summaries worked out once
            for event in events:
                event.reject()
        count = len(events)
        message = ngettext("%(count)d event rejected.", "%(count)d events rejected.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description="Split off into a new negotiation thread", permissions=["change"])
    def split_off(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        """Ask for the new thread's title, then move the chosen events into it."""
        from articles.services.negotiations import split_negotiation

        events = list(Event.objects.filter(pk__in=queryset.values("pk")).order_by("pk"))
        form = SplitForm(request.POST if "title" in request.POST else None)
        if form.is_valid():
            try:
                thread = split_negotiation(events, title=form.cleaned_data["title"])
            except ValueError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(
                request, f"{len(events)} events moved to “{thread}”.", messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Split off into a new thread",
            "events": events,
            "form": form,
            "action": "split_off",
            "checkbox_name": ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/timeline/split_thread.html", context)


class SplitForm(forms.Form):
    title = forms.CharField(
        max_length=200, help_text='The new thread\'s title: "Japan–United States: shipbuilding".'
    )


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


FAR_FROM_SOURCE = datetime.timedelta(days=366)


def far_from_source() -> Exists:
    """Dated more than a year away from an article it comes from: likely a misread date."""
    return Exists(
        Evidence.objects.filter(event=OuterRef("pk")).filter(
            Q(article__published__gt=OuterRef("date_start") + FAR_FROM_SOURCE)
            | Q(article__published__lt=OuterRef("date_start") - FAR_FROM_SOURCE)
        )
    )


class EventMonthFilter(admin.SimpleListFilter):
    """The months the queue's events fall in, so one misread date does not stretch the
    choices to 2019 or 2028: those events are grouped apart, to be checked."""

    title = "date"
    parameter_name = "month"
    UNDATED = "undated"
    FAR = "far"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        queryset = model_admin.get_queryset(request)
        plausible = queryset.exclude(far_from_source()).exclude(date_start=None)
        choices = [
            (month.strftime("%Y-%m"), month.strftime("%b %Y"))
            for month in plausible.dates("date_start", "month")
        ]
        if queryset.filter(date_start=None).exists():
            choices.append((self.UNDATED, "Undated"))
        if queryset.filter(far_from_source()).exists():
            choices.append((self.FAR, "Over a year from its article (check)"))
        return choices

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        value = self.value()
        if value == self.UNDATED:
            return queryset.filter(date_start=None)
        if value == self.FAR:
            return queryset.filter(far_from_source())
        if value:
            try:
                month = datetime.datetime.strptime(value, "%Y-%m").date()
            except ValueError:
                return queryset.none()
            return queryset.filter(date_start__year=month.year, date_start__month=month.month)
        return queryset


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
    list_filter = (
        ArticleListFilter,
        "kind",
        "status",
        EventMonthFilter,
        ("jurisdictions", admin.RelatedOnlyFieldListFilter),
    )
    date_hierarchy = None  # the month filter offers the dates the queue holds
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

    class Media:
        css = {"all": ("css/admin.css",)}

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


@admin.register(Negotiation)
class NegotiationAdmin(admin.ModelAdmin):
    """Threads: rename them, change their parties, merge several into one."""

    list_display = ("title", "slug", "party_list", "event_count", "updated_at")
    list_filter = ("parties",)
    search_fields = ("title", "slug", "subject", "parties__name")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("parties",)
    actions = ("merge",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Negotiation]:
        return (
            super()
            .get_queryset(request)
            .prefetch_related("parties")
            .annotate(num_events=Count("events", distinct=True))
        )

    @admin.display(description="parties")
    def party_list(self, obj: Negotiation) -> str:
        return ", ".join(party.name for party in obj.parties.all())

    @admin.display(description="events", ordering="num_events")
    def event_count(self, obj: Negotiation) -> int:
        return obj.num_events

    @admin.action(
        description="Merge selected threads into the oldest one", permissions=["change", "delete"]
    )
    def merge(self, request: HttpRequest, queryset: QuerySet[Negotiation]) -> None:
        from articles.services.negotiations import merge_negotiations

        threads = list(queryset.order_by("created_at", "pk"))
        if len(threads) < 2:
            self.message_user(request, "Choose two or more threads to merge.", messages.WARNING)
            return
        moved = merge_negotiations(threads[0], threads[1:])
        self.message_user(
            request,
            f"{len(threads) - 1} threads merged into “{threads[0]}” ({moved} events moved).",
            messages.SUCCESS,
        )
