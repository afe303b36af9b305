"""Editors see the state of background extraction jobs (read-only)."""

from __future__ import annotations

from django.contrib.auth.management import create_permissions
from django.db import migrations


def allow_viewing_jobs(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            Permission.objects.get(
                content_type__app_label="django_tasks_database", codename="view_dbtaskresult"
            )
        )


def disallow_viewing_jobs(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="django_tasks_database", codename="view_dbtaskresult"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("timeline", "0004_editors_group"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]
    operations = [migrations.RunPython(allow_viewing_jobs, disallow_viewing_jobs)]
