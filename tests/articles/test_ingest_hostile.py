"""One bad article never costs the others (issue 13, fault 2)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, ExtractionStatus
from articles.services import events, ingest_bytes, ingest_paths

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

GOOD = b"date 2025-05-01\nAkazawa met Bessent in Washington on Thursday for tariff talks.\n"
HOSTILE = {
    "years_ago.txt": b"date 2025-05-01\nJapan and the United States met 99999999 years ago.\n",
    "in_years.txt": b"date 2025-05-01\nJapan will impose tariffs on the United States in 10000 years.\n",
    "days.txt": b"date 2025-05-01\nThe United States paused its 25% tariff on Japan for 3000000 days.\n",
    "weeks.txt": b"date 2025-05-01\nJapan and the United States will hold talks in 900000000 weeks.\n",
    "last_day.txt": b"date 9999-12-31\nJapan and the United States will hold talks next year.\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_ingest_stores_article_with_dates_off_the_calendar(name):
    outcome = ingest_bytes(HOSTILE[name], source_name=name)
    assert outcome.status == "created"
    assert outcome.article.extraction_status == ExtractionStatus.DONE


def test_ingest_paths_stores_every_good_file_beside_hostile_ones(tmp_path):
    for name, raw in HOSTILE.items():
        (tmp_path / name).write_bytes(raw)
    (tmp_path / "z_good.txt").write_bytes(GOOD)
    report = ingest_paths([str(tmp_path)])
    assert [o.status for o in report.outcomes] == ["created"] * 6
    assert Article.objects.count() == 6


def test_a_pipeline_error_stays_with_its_article(tmp_path, monkeypatch):
    real = events.run_pipeline_many
    real_one = events.run_pipeline

    def explode_on_bomb(items, gazetteer=None):
        if any("BOMB" in body for body, _ in items):
            raise RuntimeError("model exploded")
        return real(items, gazetteer)

    def explode_once(body, published, gazetteer=None):
        if "BOMB" in body:
            raise RuntimeError("model exploded")
        return real_one(body, published, gazetteer)

    monkeypatch.setattr(events, "run_pipeline_many", explode_on_bomb)
    monkeypatch.setattr(events, "run_pipeline", explode_once)
    (tmp_path / "a_bomb.txt").write_bytes(b"date 2025-05-01\nBOMB talks were held in Tokyo.\n")
    (tmp_path / "b_good.txt").write_bytes(GOOD)
    report = ingest_paths([str(tmp_path)])
    bomb, good = report.outcomes
    assert bomb.status == "created"
    assert bomb.article.extraction_status == ExtractionStatus.FAILED
    assert "model exploded" in bomb.message
    assert good.article.extraction_status == ExtractionStatus.DONE
    assert good.events_created >= 1


def test_ingest_command_stores_good_files_beside_hostile_ones(tmp_path):
    (tmp_path / "a.txt").write_bytes(HOSTILE["weeks.txt"])
    (tmp_path / "b.txt").write_bytes(GOOD)
    call_command("ingest", str(tmp_path), verbosity=0)
    assert Article.objects.count() == 2


def test_body_over_the_model_limit_is_stored_as_too_long(settings):
    settings.PARLEY_MAX_EXTRACT_CHARS = 2_000
    raw = b"date 2025-05-01\n" + b"Akazawa met Bessent in Washington on Thursday. " * 60
    outcome = ingest_bytes(raw, source_name="long.txt")
    assert outcome.status == "created"
    assert outcome.article.extraction_status == ExtractionStatus.TOO_LONG
    assert "too long" in outcome.message


def test_body_over_spacy_max_length_does_not_raise():
    sentence = b"Akazawa met Bessent in Washington on Thursday. "
    raw = b"date 2025-05-01\n" + sentence * (1_000_001 // len(sentence) + 1)
    outcome = ingest_bytes(raw, source_name="long.txt")
    assert outcome.article.extraction_status == ExtractionStatus.TOO_LONG


def test_extract_events_of_a_too_long_article_records_the_state(settings):
    article = ingest_bytes(GOOD, source_name="good.txt", extract=False).article
    settings.PARLEY_MAX_EXTRACT_CHARS = 20
    events.extract_events(article)
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.TOO_LONG


def test_nul_byte_after_the_first_8_kib_is_refused():
    raw = b"date 2025-05-01\n" + b"Talks went on. " * 700 + b"\x00 and more talks."
    outcome = ingest_bytes(raw, source_name="nul.txt")
    assert outcome.status == "failed"
    assert "NUL byte" in outcome.message
    assert Article.objects.count() == 0


def test_admin_ingest_reports_each_file_and_stores_the_good_ones(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [
        SimpleUploadedFile("weeks.txt", HOSTILE["weeks.txt"]),
        SimpleUploadedFile("nul.txt", b"date 2025-05-01\n" + b"Talks. " * 1300 + b"\x00"),
        SimpleUploadedFile("good.txt", GOOD),
    ]
    response = admin_client.post(reverse("admin:articles_article_ingest"), {"files": files})
    assert response.status_code in (200, 302)
    assert Article.objects.count() == 2


def test_ingest_command_reports_a_nul_file_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"date 2025-05-01\n" + b"Talks. " * 1300 + b"\x00")
    (tmp_path / "b.txt").write_bytes(GOOD)
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), verbosity=0)
    assert Article.objects.count() == 1


def test_worker_stores_a_too_long_article_as_too_long_without_retrying(settings):
    from articles.tasks import extract_article

    article = ingest_bytes(GOOD, source_name="good.txt", extract=False).article
    settings.PARLEY_MAX_EXTRACT_CHARS = 20
    extract_article.call(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.TOO_LONG
    assert "too long" in article.extraction_error


def test_evidence_of_a_sentence_with_a_punctuation_run_is_the_stored_text():
    raw = (
        b"date 2025-05-01\nAkazawa met Bessent in Washington on Thursday"
        + b"," * 40
        + b" and they held tariff talks.\n"
    )
    article = ingest_bytes(raw, source_name="shout.txt").article
    evidence = article.evidence.get()
    assert evidence.sentence == article.body[evidence.start_char : evidence.end_char]
    assert "," * 40 in evidence.sentence


def test_text_that_is_not_prose_is_stored_as_too_unusual():
    raw = b"date 2025-05-01\nTariff rates of the United States on Japan and China: " + (
        b"tariff 25.5%, 30.25%, 145.75%, 10.5%; " * 100
    )
    outcome = ingest_bytes(raw, source_name="table.txt")
    assert outcome.article.extraction_status == ExtractionStatus.UNUSUAL
    assert "too unusual" in outcome.message


def test_an_extraction_over_its_time_budget_is_stored_as_too_unusual(settings, monkeypatch):
    import time

    def forever(*args, **kwargs):
        time.sleep(30)

    settings.PARLEY_EXTRACTION_SECONDS = 0.2
    monkeypatch.setattr(events, "run_pipeline", forever)
    monkeypatch.setattr(events, "run_pipeline_many", forever)
    report = ingest_paths_from({"slow.txt": GOOD})
    (outcome,) = report.outcomes
    assert outcome.article.extraction_status == ExtractionStatus.UNUSUAL
    assert "took more than 0.2 s" in outcome.message


def ingest_paths_from(files: dict[str, bytes]):
    from articles.services import ingest_inputs

    return ingest_inputs(list(files.items()))


def test_extract_command_goes_on_after_a_file_it_cannot_extract(tmp_path, settings, capsys):
    settings.PARLEY_MAX_EXTRACT_CHARS = 200
    (tmp_path / "a_long.txt").write_bytes(b"date 2025-05-01\n" + b"Talks went on. " * 30)
    (tmp_path / "b_good.txt").write_bytes(GOOD)
    with pytest.raises(CommandError):
        call_command("extract", str(tmp_path))
    captured = capsys.readouterr()
    assert "a_long.txt: not extracted: too long" in captured.err
    assert '"path": "' in captured.out and "b_good.txt" in captured.out
