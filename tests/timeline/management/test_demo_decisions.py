from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from articles.services import ingest_paths
from articles.services.decisions import event_fingerprint, events_of
from tests.factories import EventFactory, EvidenceFactory
from timeline.management.commands import demo_decisions
from timeline.models import Event

pytestmark = pytest.mark.django_db

ARTICLE = """date 2025-06-17
Japan and U.S. ministers speak by phone

Akazawa spoke with Lutnick by phone for about 30 minutes on Saturday.
"""


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """One demo file, ingested without the pipeline, with two hand-made events citing it."""
    (tmp_path / "01_call.txt").write_text(ARTICLE)
    article = ingest_paths([str(tmp_path)], extract=False).outcomes[0].article
    for day in (14, 15):
        event = EventFactory(
            title=f"Call on June {day}",
            date_start=datetime.date(2025, 6, day),
            review_state=Event.ReviewState.PROPOSED,
        )
        EvidenceFactory(event=event, article=article, sentence=article.body[:40])
    monkeypatch.setattr(demo_decisions, "DEMO_DIR", tmp_path)
    monkeypatch.setattr(demo_decisions, "DECISIONS_FILE", tmp_path / "decisions.json")
    return tmp_path, list(events_of([article]))


def write_decisions(path, fingerprints: list[str]) -> None:
    entry = {"decision": "approve", "article": "01_call.txt", "summary": "call", "why": "test"}
    entries = [{"fingerprint": fingerprint, **entry} for fingerprint in fingerprints]
    (path / "decisions.json").write_text(json.dumps(entries))


def test_demo_decisions_list_prints_each_event_with_its_fingerprint(demo, capsys):
    path, events = demo
    write_decisions(path, [])
    call_command("demo_decisions", "--list")
    out = capsys.readouterr().out
    for event in events:
        assert f"{event_fingerprint(event)}  UNDECIDED" in out
        assert event.title in out
    assert "[01_call.txt] Akazawa spoke with Lutnick" in out


def test_demo_decisions_check_reports_stale_and_undecided(demo, capsys):
    path, events = demo
    write_decisions(path, [event_fingerprint(events[0]), "0" * 40])
    with pytest.raises(CommandError, match="1 stale, 1 undecided"):
        call_command("demo_decisions", "--check")
    out = capsys.readouterr().out
    assert f"stale {'0' * 40}" in out
    assert f"undecided {event_fingerprint(events[1])}" in out


def test_demo_decisions_check_passes_when_every_event_is_decided(demo, capsys):
    path, events = demo
    write_decisions(path, [event_fingerprint(event) for event in events])
    call_command("demo_decisions", "--check")
    assert "0 stale, 0 undecided" in capsys.readouterr().out
