"""The JSON shape of an extracted event: the `extract --format json` contract."""

from __future__ import annotations

from .types import ExtractedEvent


def event_to_json(event: ExtractedEvent) -> dict:
    date = None
    if event.date is not None:
        date = {
            "start": event.date.start.isoformat(),
            "end": event.date.end.isoformat(),
            "precision": event.date.precision,
            "text": event.date.text,
        }
    tariff = None
    if event.tariff is not None:
        tariff = {
            "rate_percent": event.tariff.rate_percent,
            "imposing_country": event.tariff.imposing_country,
            "target_country": event.tariff.target_country,
            "sector": event.tariff.sector or None,
            "action": event.tariff.action,
        }
    return {
        "type": event.type,
        "title": event.title,
        "date": date,
        "status": event.status,
        "participants": list(event.participants),
        "countries": list(event.countries),
        "location": event.location or None,
        "tariff": tariff,
        "evidence": event.evidence[0].sentence if event.evidence else "",
        "confidence": event.confidence,
        "date_source": event.date_source,
    }
