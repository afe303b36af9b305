"""Extraction time and memory on pathological articles, from 10 KB to 2 MiB.

    .venv/bin/python bench/pathological_bench.py                      # every kind and size
    .venv/bin/python bench/pathological_bench.py --kinds sentences --sizes 10K,100K
    .venv/bin/python bench/pathological_bench.py --raw                # without the bounds
    .venv/bin/python bench/pathological_bench.py --profile sentences:100K

Each case runs in its own process, as a worker would run it: `bounds.check()` with the
setting PARLEY_MAX_EXTRACT_CHARS (200,000 characters; too long or not prose: refused, stored
as such) and then `extract()`, whose model tokenizer tames long punctuation runs. `--raw`
skips the check and lifts spaCy's max_length, to see the bare curve. A case whose extraction passes `--timeout` seconds is interrupted (the same SIGALRM budget as
the workers' PARLEY_EXTRACTION_SECONDS) and reported as ">N s". Memory is the child's
peak resident set, and that peak minus the model's own (loaded before the clock starts).

The kinds:
- news: the development set's seed article, repeated (the baseline);
- punctuation: prose broken by long runs of commas, "!?" and quotes (a third of the text);
- commas: nothing but commas, the input that once took gunicorn down;
- sentences: thousands of short sentences, each with two people and a trigger;
- dates: sentences crowded with dates ("on 3 May 2025, 4 May 2025 and 5 May 2025");
- events: a different dated meeting in every sentence, and a tariff deal in every third: as
  many events as sentences, which is what the passes comparing events with each other (merging,
  duplicates, inherited dates) must stay linear on.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

PUBLISHED = datetime.date(2025, 5, 1)
SIZES = {
    "10K": 10_000,
    "100K": 100_000,
    "200K": 200_000,  # PARLEY_MAX_EXTRACT_CHARS: the longest article extracted
    "500K": 500_000,
    "1M": 1_000_000,
    "2M": 2 * 1024 * 1024,
}
MONTHS = ["March", "April", "May", "June", "July"]


def news_unit() -> str:
    from articles.parsing import parse_text

    seed = ROOT / "tests" / "data" / "devset" / "00_seed_kyodo_japan_us.txt"
    return parse_text(seed.read_text(encoding="utf-8")).body + "\n\n"


def punctuation_unit() -> str:
    return (
        "Japan and the United States resumed tariff talks in Washington on Friday"
        + "," * 40
        + " and Akazawa said the meeting with Bessent went well in the end"
        + '!?"' * 10
        + ".\n"
    )


def sentences_unit(index: int) -> str:
    return f"Akazawa met Bessent on day {index % 28 + 1}. "


def dates_unit(index: int) -> str:
    month = MONTHS[index % len(MONTHS)]
    days = ", ".join(f"{day} {month} 2025" for day in range(1, 9))
    return f"Japan and the United States will meet on {days} and again next week.\n"


def events_unit(index: int) -> str:
    day = datetime.date(2021, 1, 1) + datetime.timedelta(days=index)
    unit = f"Akazawa met Bessent in Washington on {day.day} {day:%B} {day.year}. "
    if index % 3 == 0:
        unit += f"Japan and the US agreed on a 15% tariff on {day:%B} {day.day}, {day.year}.\n"
    return unit


def make_text(kind: str, size: int) -> str:
    if kind == "commas":
        return "," * size
    parts: list[str] = []
    length = 0
    index = 0
    fixed = {"news": news_unit, "punctuation": punctuation_unit}.get(kind)
    unit = fixed() if fixed else None
    while length < size:
        piece = (
            unit
            if unit is not None
            else {"sentences": sentences_unit, "dates": dates_unit, "events": events_unit}[kind](
                index
            )
        )
        parts.append(piece)
        length += len(piece)
        index += 1
    return "".join(parts)[:size]


def run_case(kind: str, size: int, raw: bool, profile: bool, budget: float = 0) -> dict:
    """In the child process: extract one generated article, return the figures."""
    import resource

    import django

    django.setup()
    from django.conf import settings

    from articles.extraction import bounds
    from articles.extraction.model import load_model
    from articles.extraction.pipeline import extract, get_nlp
    from articles.services import build_gazetteer

    text = make_text(kind, size)
    gazetteer = build_gazetteer()
    nlp = get_nlp(gazetteer)
    nlp.max_length = max(nlp.max_length, len(text) + 1) if raw else nlp.max_length
    extract(
        "Akazawa met Bessent in Washington on Friday.", published_at=PUBLISHED, gazetteer=gazetteer
    )
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    status, events = "done", 0
    started = time.perf_counter()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    try:
        if not raw:
            bounds.check(text, max_chars=settings.PARLEY_MAX_EXTRACT_CHARS)
        with bounds.time_budget(budget):
            events = len(extract(text, published_at=PUBLISHED, gazetteer=gazetteer))
    except bounds.NotExtractable as refusal:
        status = refusal.reason if "took more than" not in str(refusal) else f">{budget:g}s"
    seconds = time.perf_counter() - started
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert load_model() is not None
    return {
        "kind": kind,
        "size": size,
        "status": status,
        "events": events,
        "seconds": round(seconds, 2),
        "peak_mib": round(peak / 1024, 1),
        "extra_mib": round((peak - base_rss) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="news,punctuation,commas,sentences,dates,events")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--timeout", type=float, default=300.0, help="Seconds per case.")
    parser.add_argument("--raw", action="store_true", help="No bounds, no max_length.")
    parser.add_argument("--profile", help="KIND:SIZE: print a cProfile of that one case.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, size = args.child.split(":")
        print(json.dumps(run_case(kind, int(size), args.raw, False, args.timeout)))
        return
    if args.profile:
        kind, size = args.profile.split(":")
        print(json.dumps(run_case(kind, SIZES.get(size) or int(size), args.raw, profile=True)))
        return

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print("| kind        |      size | state    | events | seconds | peak MiB | extra MiB |")
    print("|-------------|----------:|----------|-------:|--------:|---------:|----------:|")
    for kind in args.kinds.split(","):
        for label in args.sizes.split(","):
            size = SIZES[label]
            command = [sys.executable, __file__, "--child", f"{kind}:{size}"]
            command += ["--raw"] if args.raw else []
            try:
                command += ["--timeout", str(args.timeout)]
                done = subprocess.run(  # the child stops its own clock; this is for a hang
                    command, capture_output=True, text=True, timeout=args.timeout + 300, check=True
                )
                row = json.loads(done.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                row = {
                    "status": f">{args.timeout:.0f}s",
                    "events": "",
                    "seconds": "",
                    "peak_mib": "",
                    "extra_mib": "",
                }
            except subprocess.CalledProcessError as error:
                row = {
                    "status": "error",
                    "events": "",
                    "seconds": "",
                    "peak_mib": "",
                    "extra_mib": "",
                }
                print(error.stderr[-2000:], file=sys.stderr)
            print(
                f"| {kind:<11} | {size:>9,} | {row['status']:<8} | {row['events']!s:>6} | "
                f"{row['seconds']!s:>7} | {row['peak_mib']!s:>8} | {row['extra_mib']!s:>9} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
