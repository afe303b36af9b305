from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from timeline.models import Jurisdiction, Official, OfficialRole

        from .services.events import forget_gazetteer

        # An editor's new alias or official is recognised by the next extraction in this
        # process; other processes rebuild theirs within GAZETTEER_MAX_AGE.
        for model in (Jurisdiction, Official, OfficialRole):
            post_save.connect(forget_gazetteer, sender=model, dispatch_uid=f"gazetteer-{model}")
            post_delete.connect(forget_gazetteer, sender=model, dispatch_uid=f"gazetteer-{model}-d")
