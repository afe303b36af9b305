"""Articles in the admin: the record that every event points back to."""

from __future__ import annotations

from django.contrib import admin

from .models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "outlet",
        "published",
        "language",
        "extraction_status",
        "ingested_at",
    )
    list_filter = ("extraction_status", "language", "outlet")
    search_fields = ("title", "outlet", "url", "body")
    date_hierarchy = "published"
    readonly_fields = ("content_hash", "ingested_at", "extracted_at", "original")
