"""The event-country and event-person links become models of their own (`EventCountry`,
`EventParticipant`) on the same tables, and each records the article that told it, so a past
view (`as_of`) leaves out the countries and people a later article added.

The tables, their columns, the unique pairs and the (country, event) / (person, event) indexes
of 0006 stay as they are: the first step only tells Django's state what the database already
has. Links made before this migration get the earliest article among their event's evidence
(the article that made the event could have named them; no later one can be known to have);
links of events without evidence, entered by hand, get none, like an editor's. Editors, who
edited the links as fields of the event, now edit them as rows (the admin's inlines).
"""

from __future__ import annotations

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def earliest_articles(apps, schema_editor) -> None:
    Evidence = apps.get_model("timeline", "Evidence")
    for name in ("EventCountry", "EventParticipant"):
        links = apps.get_model("timeline", name)
        first = (
            Evidence.objects.filter(event=OuterRef("event"))
            .order_by("article__published", "article_id")
            .values("article_id")[:1]
        )
        links.objects.update(article=Subquery(first))


LINK_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("eventcountry", "eventparticipant")
    for action in ("view", "add", "change", "delete")
]


def let_editors_edit_links(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="timeline", codename__in=LINK_PERMISSIONS
            )
        )


def link_model(name: str, *, column: str, target: str, label: str, options: dict):
    """The state of a link model as the implicit table already is (`column` to `target`)."""
    return migrations.CreateModel(
        name=name,
        fields=[
            (
                "id",
                models.BigAutoField(
                    auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                ),
            ),
            (
                "event",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name=f"{label}_links",
                    to="timeline.event",
                ),
            ),
            (
                column,
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="event_links",
                    to=target,
                    verbose_name=options.pop("column_name"),
                ),
            ),
        ],
        options={"unique_together": {("event", column)}, **options},
    )


def article_field():
    return models.ForeignKey(
        blank=True,
        help_text="The earliest article that named it on this event; empty when an editor "
        "added it. A past view of the timeline shows it from that article's day on.",
        null=True,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="articles.article",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_article_extraction_started_at"),
        ("timeline", "0014_event_state_kind_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                link_model(
                    "EventCountry",
                    column="jurisdiction",
                    target="timeline.jurisdiction",
                    label="country",
                    options={
                        "column_name": "country",
                        "db_table": "timeline_event_jurisdictions",
                        "indexes": [
                            models.Index(
                                fields=["jurisdiction", "event"], name="event_country_event_idx"
                            )
                        ],
                        "verbose_name": "country on an event",
                        "verbose_name_plural": "countries on events",
                    },
                ),
                link_model(
                    "EventParticipant",
                    column="official",
                    target="timeline.official",
                    label="participant",
                    options={
                        "column_name": "person",
                        "db_table": "timeline_event_participants",
                        "indexes": [
                            models.Index(
                                fields=["official", "event"], name="event_official_event_idx"
                            )
                        ],
                        "verbose_name": "participant in an event",
                        "verbose_name_plural": "participants in events",
                    },
                ),
                migrations.AlterField(
                    model_name="event",
                    name="jurisdictions",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="events",
                        through="timeline.EventCountry",
                        to="timeline.jurisdiction",
                        verbose_name="countries",
                    ),
                ),
                migrations.AlterField(
                    model_name="event",
                    name="participants",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="events",
                        through="timeline.EventParticipant",
                        to="timeline.official",
                    ),
                ),
            ],
        ),
        migrations.AddField(model_name="eventcountry", name="article", field=article_field()),
        migrations.AddField(model_name="eventparticipant", name="article", field=article_field()),
        migrations.RunPython(earliest_articles, migrations.RunPython.noop),
        migrations.RunPython(let_editors_edit_links, migrations.RunPython.noop),
    ]
