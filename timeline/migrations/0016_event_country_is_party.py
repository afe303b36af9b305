"""Each event-country link stores whether it names a party (`is_party`): a meeting's venue is
not one. Partners and "between" filters read it instead of evaluating the rule per link at
every request (issue 11: the country page), through two covering indexes. timeline/parties.py keeps it in step; here it is
worked out once for the links there are, with the rule as `models.not_a_party` states it.
"""

from __future__ import annotations

from django.db import migrations, models
from django.db.models import Exists, F, Max, Min, OuterRef, Q


def mark_places(apps, schema_editor) -> None:
    links = apps.get_model("timeline", "EventCountry").objects
    people = apps.get_model("timeline", "EventParticipant").objects.filter(
        event_id=OuterRef("event_id")
    )
    meetings = apps.get_model("timeline", "Meeting").objects
    venue_named = Exists(
        meetings.filter(event_id=OuterRef("event_id"), location__iexact=OuterRef("jurisdiction__name"))
    )
    two_sides = Exists(
        people.values("event_id")
        .annotate(lowest=Min("official__jurisdiction"), highest=Max("official__jurisdiction"))
        .filter(lowest__lt=F("highest"))
    )
    unrepresented = ~Exists(people.filter(official__jurisdiction_id=OuterRef("jurisdiction_id")))
    place = Q(event__kind="meeting") & (venue_named | (unrepresented & two_sides))
    links.filter(place).update(is_party=False)


def analyze_links(apps, schema_editor) -> None:
    # SQLite rebuilt the table for the new column, and its planner statistics went with it.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE timeline_event_jurisdictions")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0015_event_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventcountry",
            name="is_party",
            field=models.BooleanField(
                default=True,
                editable=False,
                help_text="Worked out from the event, never edited: a meeting's venue is not a "
                "party.",
                verbose_name="a party",
            ),
        ),
        migrations.AddIndex(
            model_name="eventcountry",
            index=models.Index(
                fields=["jurisdiction", "is_party", "event"], name="event_country_party_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="eventcountry",
            index=models.Index(
                fields=["event", "is_party", "jurisdiction"], name="event_party_country_idx"
            ),
        ),
        migrations.RunPython(mark_places, migrations.RunPython.noop),
        migrations.RunPython(analyze_links, migrations.RunPython.noop, elidable=True),
    ]
