"""Load figures: wrk against gunicorn on PostgreSQL with 100k synthetic events.

Run `.venv/bin/python bench/load_bench.py` (or `make bench-load`); not a test. It needs a
PostgreSQL server on 127.0.0.1:5432 with trust auth for `postgres`, and wrk
(`apt-get install wrk`). It

1. drops and recreates the database `parley_load`, migrates it and runs
   `manage.py generate_demo --events 100000` (`--reuse` keeps a database already filled);
2. collects static files into a temporary directory;
3. counts the SQL queries of each case with Django's test client and `CaptureQueriesContext`,
   against the same database and with the same production settings;
4. starts gunicorn on 127.0.0.1 only (production settings: DEBUG off, persistent connections,
   whitenoise), runs `wrk --latency` for each case, and stops gunicorn, also on error.

It prints a Markdown table: requests per second, latency p50 / p95 / p99 (from wrk's own
histogram, through a small Lua `done` hook), non-2xx responses and queries per response. The
raw wrk output goes to bench/results/ (ignored by git).

Pages are served from the page cache after a worker's first request (timeline/caching.py):
each gunicorn worker has its own local-memory cache, or with `--redis` all share Redis
(LOAD_REDIS_URL, database 11 by default, emptied first). The query column gives the queries of
a freshly rendered response and of a cached one.

Environment: LOAD_EVENTS (100000), LOAD_WORKERS (gunicorn sync workers, 2 x cores + 1),
LOAD_THREADS / LOAD_CONNECTIONS / LOAD_DURATION (wrk: 2 / 16 / 20s), LOAD_DATABASE (parley_load), LOAD_PG
(postgres://postgres@127.0.0.1:5432), LOAD_REDIS_URL.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PG = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("LOAD_DATABASE", "parley_load")
EVENTS = int(os.environ.get("LOAD_EVENTS", "100000"))
WORKERS = int(os.environ.get("LOAD_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
WRK_THREADS = os.environ.get("LOAD_THREADS", "2")
WRK_CONNECTIONS = os.environ.get("LOAD_CONNECTIONS", "16")
WRK_DURATION = os.environ.get("LOAD_DURATION", "20s")
HOST = "127.0.0.1"
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/11")
HX = {"HX-Request": "true"}

# (name, path, headers); {event} is a real event id, chosen after the data is generated.
CASES = [
    ("timeline page `/`", "/", {}),
    (
        "filtered partial `/?country=JP&type=tariff_measure` (HX)",
        "/?country=JP&type=tariff_measure",
        HX,
    ),
    ("event page `/events/{event}/`", "/events/{event}/", {}),
    ("country page `/countries/jp/`", "/countries/jp/", {}),
    ("baseline: API `/api/countries/jp`", "/api/countries/jp", {}),
    ("baseline: static `/static/css/site.css`", "/static/css/site.css", {}),
]

# wrk's --latency prints 50/75/90/99 only; this hook prints the percentiles we report.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("PARLEY requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d "
    .. "non2xx=%d socket_errors=%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "load-bench-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "DJANGO_STATIC_ROOT": tempfile.mkdtemp(prefix="parley-load-static-"),
    }
)
sys.path.insert(0, str(ROOT))


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")


def database_exists() -> bool:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=5) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
    return row is not None


def prepare(reuse: bool) -> None:
    if not (reuse and database_exists()):
        print(f"Recreating database {DATABASE}", flush=True)
        recreate_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("generate_demo", events=EVENTS, verbosity=1)
    print(f"generate_demo: {time.perf_counter() - started:.0f} s", flush=True)
    call_command("collectstatic", interactive=False, verbosity=0)


def pick_event() -> int:
    """An approved synthetic event from the middle of the timeline, with its evidence."""
    from timeline.models import Event

    events = Event.objects.filter(
        review_state=Event.ReviewState.APPROVED, merge_key__startswith="synthetic:"
    ).order_by("date_start", "id")
    return events.values_list("pk", flat=True)[events.count() // 2]


def count_queries(cases: list[tuple[str, str, dict]]) -> dict[str, tuple[int, int, int]]:
    """Queries of a response rendered afresh and served from the page cache, and its bytes,
    through the test client with the production settings."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME=HOST)
    counts = {}
    for name, path, headers in cases:
        extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
        client.get(path, **extra)  # warm caches (ContentTypes, templates)
        cache.clear()
        with CaptureQueriesContext(connection) as fresh:
            response = client.get(path, **extra)
        assert response.status_code == 200, (path, response.status_code)
        with CaptureQueriesContext(connection) as cached:
            client.get(path, **extra)
        body = b"".join(response) if response.streaming else response.content
        counts[name] = (len(fresh), len(cached), len(body))
    cache.clear()  # gunicorn's workers start cold (Redis is shared with this process)
    connection.close()
    return counts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),  # the venv running this script
        "timeline.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(WORKERS),
        "--access-logfile",
        "/dev/null",
        "--error-logfile",
        str(RESULTS / "gunicorn.log"),
    ]
    print(" ".join(command[1:]), flush=True)
    return subprocess.Popen(command, cwd=ROOT, start_new_session=True)


def stop_gunicorn(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # the master stops its workers
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/api/countries/jp", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer within 60 s")


def run_wrk(port: int, name: str, path: str, headers: dict, script: Path) -> dict[str, float]:
    command = ["wrk", "--latency", "-t", WRK_THREADS, "-c", WRK_CONNECTIONS, "-d", WRK_DURATION]
    command += ["--timeout", "30s", "-s", str(script)]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    command.append(f"http://{HOST}:{port}{path}")
    print(f"wrk {name}", flush=True)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    (RESULTS / f"wrk-{slug}.txt").write_text(" ".join(command) + "\n\n" + output)
    line = next(line for line in output.splitlines() if line.startswith("PARLEY "))
    figures = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", action="store_true", help="Keep a filled parley_load.")
    parser.add_argument(
        "--redis",
        action="store_true",
        help=f"Cache pages in Redis ({REDIS_URL}, emptied first) instead of each worker's memory.",
    )
    args = parser.parse_args()
    if args.redis:
        os.environ["REDIS_URL"] = REDIS_URL
    RESULTS.mkdir(parents=True, exist_ok=True)
    # A SIGTERM (Ctrl-C is already an exception) must also reach the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    prepare(args.reuse)
    event = pick_event()
    cases = [(name.format(event=event), path.format(event=event), h) for name, path, h in CASES]
    counts = count_queries(cases)

    script = RESULTS / "percentiles.lua"
    script.write_text(WRK_SCRIPT)
    port = free_port()
    server = start_gunicorn(port)
    try:
        wait_until_up(port, server)
        results = {name: run_wrk(port, name, path, h, script) for name, path, h in cases}
    finally:
        stop_gunicorn(server)
        shutil.rmtree(os.environ["DJANGO_STATIC_ROOT"], ignore_errors=True)

    cache = f"Redis ({REDIS_URL})" if args.redis else "local memory per worker"
    print()
    print(
        f"{datetime.date.today().isoformat()}, {platform.node()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end, {EVENTS} events, PostgreSQL on "
        f"{HOST}, gunicorn {WORKERS} sync workers, page cache in {cache}, "
        f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{WRK_DURATION}"
    )
    print()
    baseline = next(f["rps"] for name, f in results.items() if name.startswith("baseline: API"))
    print(
        "| case | req/s | of API | p50 ms | p95 ms | p99 ms | non-2xx | queries fresh/cached "
        "| bytes |"
    )
    print("|------|------:|-------:|-------:|-------:|-------:|--------:|------:|------:|")
    for name, figures in results.items():
        fresh, cached, size = counts[name]
        print(
            f"| {name} | {figures['rps']:.1f} | {figures['rps'] / baseline:.0%} | "
            f"{figures['p50_us'] / 1000:.1f} | {figures['p95_us'] / 1000:.1f} | "
            f"{figures['p99_us'] / 1000:.1f} | {figures['non2xx'] + figures['socket_errors']} | "
            f"{fresh}/{cached} | {size} |"
        )


if __name__ == "__main__":
    main()
