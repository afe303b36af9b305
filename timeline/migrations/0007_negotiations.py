"""Negotiation threads: events filed by their parties, rounds stated in the text; editors may
add, rename, merge (delete) and split threads."""

from __future__ import annotations

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

NEGOTIATION_PERMISSIONS = ["view", "add", "change", "delete"]


def let_editors_manage_threads(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="timeline",
            codename__in=[f"{action}_negotiation" for action in NEGOTIATION_PERMISSIONS],
        )
    )


def take_back_thread_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="timeline", codename__endswith="_negotiation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0006_timeline_indexes"),
        ("timeline", "0004_editors_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="round_number",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text='For meetings: the round the text states ("the third round of talks"). Leave empty to number rounds by date within the thread.',
                null=True,
            ),
        ),
        migrations.CreateModel(
            name="Negotiation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text='What readers call it: "Japan–United States tariff talks".',
                        max_length=200,
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text='Used in URLs: "japan-united-states". Changing it breaks links people shared.',
                        max_length=200,
                        unique=True,
                    ),
                ),
                (
                    "subject",
                    models.CharField(
                        blank=True,
                        default="Trade and tariffs",
                        help_text="What is being negotiated, in a few words.",
                        max_length=200,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "parties",
                    models.ManyToManyField(
                        help_text="The countries or blocs at the table. New events between exactly these parties are filed here automatically.",
                        related_name="negotiations",
                        to="timeline.jurisdiction",
                    ),
                ),
            ],
            options={
                "ordering": ["title"],
            },
        ),
        migrations.AddField(
            model_name="event",
            name="negotiation",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="The thread this event belongs to; filled in from its parties, and yours to change (the pipeline then leaves it alone).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="events",
                to="timeline.negotiation",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["negotiation", "date_start", "id"], name="event_negotiation_date_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("round_number__isnull", True), ("round_number__gte", 1), _connector="OR"
                ),
                name="event_round_number_positive",
            ),
        ),
        migrations.RunPython(let_editors_manage_threads, take_back_thread_permissions),
    ]
