"""The admin's ingest form: paste an article or upload files."""

from __future__ import annotations

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class IngestForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        required=False,
        help_text="Paste the article. It may start with a line `date YYYY-MM-DD` and a title line; "
        "reader comments after it are kept apart and never extracted.",
    )
    files = MultipleFileField(
        required=False, help_text="Or upload text or HTML files (several at once is fine)."
    )
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Publication date, when the text does not give one.",
    )
    title = forms.CharField(required=False, max_length=500)
    outlet = forms.CharField(required=False, max_length=200, help_text='"Kyodo News".')
    url = forms.URLField(required=False, max_length=1000)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("files"):
            raise forms.ValidationError("Paste an article or choose at least one file.")
        return cleaned
