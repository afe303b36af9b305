"""Eight worker processes ingesting the same twenty articles at once (PostgreSQL only)."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from articles.models import Article, ExtractionStatus
from timeline.models import Event

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.slow,
]


def database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


def test_eight_workers_ingest_the_same_twenty_articles(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (CI runs the suite there too)")
    sources = sorted((ROOT / "tests" / "data" / "devset").glob("*.txt"))
    sources += sorted((ROOT / "articles" / "demo").glob("*.txt"))[1:]
    sources = sources[:20]
    assert len(sources) == 20
    for path in sources:
        shutil.copy(path, tmp_path / path.name)
    files = sorted(str(p) for p in tmp_path.iterdir())
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_LOG_LEVEL": "ERROR"}
    workers = []
    for seed in range(8):
        order = files[:]
        random.Random(seed).shuffle(order)  # each worker in its own order: maximal contention
        workers.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "ingest", "--verbosity", "0", *order],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for worker in workers:
        _out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err[-2000:]

    assert Article.objects.count() == 20
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {
        ExtractionStatus.DONE
    }
    signatures = Counter(
        (e.kind, e.date_start, e.date_end, e.status, e.title) for e in Event.objects.all()
    )
    duplicated = [signature for signature, count in signatures.items() if count > 1]
    assert duplicated == []
    assert Event.objects.count() > 60
