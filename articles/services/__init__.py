"""Writes that span models: ingesting articles and storing the events extracted from them.

The `ingest` command, the admin, the background task and the demo loader all call these.
"""

from __future__ import annotations

from .events import (
    ExtractionResult,
    build_gazetteer,
    extract_events,
    run_pipeline,
    store_extraction,
)
from .ingest import (
    IngestOutcome,
    IngestReport,
    Overrides,
    expand_paths,
    ingest_bytes,
    ingest_inputs,
    ingest_paths,
    read_input,
)

__all__ = [
    "ExtractionResult",
    "IngestOutcome",
    "IngestReport",
    "Overrides",
    "build_gazetteer",
    "expand_paths",
    "extract_events",
    "ingest_bytes",
    "ingest_inputs",
    "ingest_paths",
    "read_input",
    "run_pipeline",
    "store_extraction",
]
