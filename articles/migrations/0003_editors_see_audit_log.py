"""Editors can read the audit log (who changed what, when), but never change it."""

from __future__ import annotations

from django.contrib.auth.management import create_permissions
from django.db import migrations


def allow(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.add(
            Permission.objects.get(content_type__app_label="auditlog", codename="view_logentry")
        )


def disallow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="auditlog", codename="view_logentry")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_editors_see_jobs"),
        ("auditlog", "0017_add_actor_email"),
    ]
    operations = [migrations.RunPython(allow, disallow)]
