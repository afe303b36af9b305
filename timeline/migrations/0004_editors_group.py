"""The Editors group: review and enter events, ingest articles; nothing more."""

from __future__ import annotations

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "timeline": {
        "event": ["view", "add", "change"],
        "proposedevent": ["view", "add", "change"],
        "meeting": ["view", "add", "change", "delete"],
        "tariffmeasure": ["view", "add", "change", "delete"],
        "evidence": ["view", "add", "change", "delete"],
        "official": ["view", "add", "change"],
        "officialrole": ["view", "add", "change", "delete"],
        "jurisdiction": ["view"],
    },
    "articles": {
        "article": ["view", "add", "change"],
    },
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [
        (app, f"{action}_{model}")
        for app, models in EDITOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in codenames
    ]
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0003_load_officials"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
