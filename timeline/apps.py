from __future__ import annotations

from django.apps import AppConfig, apps
from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


def restore_search_triggers(sender, using: str = "default", **kwargs) -> None:
    """SQLite drops a table's triggers when a migration rebuilds it: make them again."""
    from .fts import ensure_sqlite_fts

    ensure_sqlite_fts(connections[using])


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Timeline"

    def ready(self) -> None:
        from .caching import WATCHED, note_change
        from .models import EventCountry, EventParticipant

        links = {EventCountry, EventParticipant}  # saved as models, or added with add()

        # Every change readers can see bumps the data version of the cached pages. Receivers
        # are connected per model (proxies too): a receiver for all models would keep Django
        # from fast-deleting rows of any model.
        for model in apps.get_models(include_auto_created=True):
            if model._meta.concrete_model._meta.label_lower not in WATCHED:
                continue
            uid = f"data-version-{model._meta.label_lower}"
            if model in links or model._meta.auto_created:
                m2m_changed.connect(note_change, sender=model, dispatch_uid=uid)
            if not model._meta.auto_created:
                post_save.connect(note_change, sender=model, dispatch_uid=uid)
                post_delete.connect(note_change, sender=model, dispatch_uid=uid)
        from .parties import connect

        connect()  # countries on events: parties or places, kept in step
        from .summaries import connect as connect_summaries

        connect_summaries()  # what a country's page shows of its history, after the parties
        post_migrate.connect(restore_search_triggers, sender=self, dispatch_uid="search-fts")
