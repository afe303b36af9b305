"""The real-news corpus: offsets instead of quotations, texts checked against their hashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.evaluation import Evaluation, evaluate_article
from articles.realnews import CorpusError, build_all, build_gold, load_corpus, text_digest

# Our own words, standing in for an article.
TEXT = (
    "Ottawa and London settled their lumber dispute on Wednesday. "
    "The agreement sets a 12% duty on Canadian lumber."
)
DRAFT = {
    "id": "t99_own_words",
    "url": "https://example.org/own-words",
    "published": "2025-06-06",
    "split": "tune",
    "events": [
        {
            "type": "agreement",
            "date": {
                "start": "2025-06-04",
                "end": "2025-06-04",
                "precision": "day",
                "text": "on Wednesday",
            },
            "status": "happened",
            "participants": [],
            "countries": ["Canada", "United Kingdom"],
            "location": None,
            "tariff": None,
            "evidence": "Ottawa and London settled their lumber dispute on Wednesday.",
        }
    ],
}


def write_corpus(root: Path, text: str = TEXT) -> Path:
    private = root / "private"
    private.mkdir(parents=True)
    (private / "t99_own_words.txt").write_text(text, encoding="utf-8")
    (private / "t99_own_words.draft.json").write_text(json.dumps(DRAFT), encoding="utf-8")
    build_all(root)
    return root


def test_build_gold_keeps_offsets_not_quotations():
    gold = build_gold(DRAFT, TEXT)
    event = gold["events"][0]
    assert "evidence" not in event
    assert event["evidence_span"] == [0, 60]
    assert TEXT[slice(*event["date"]["span"])] == "on Wednesday"
    assert gold["sha256"] == text_digest(TEXT)
    assert "settled" not in json.dumps(gold)


def test_build_gold_rejects_a_quotation_not_in_the_text():
    draft = json.loads(json.dumps(DRAFT))
    draft["events"][0]["evidence"] = "A sentence the article does not have."
    with pytest.raises(CorpusError, match="not found"):
        build_gold(draft, TEXT)


def test_load_corpus_reads_quotations_back(tmp_path):
    (article,), missing = load_corpus(write_corpus(tmp_path))
    assert missing == []
    assert article.events[0]["evidence"].startswith("Ottawa and London settled")
    assert article.events[0]["date"]["text"] == "on Wednesday"


def test_load_corpus_refuses_a_text_that_does_not_match_its_hash(tmp_path):
    root = write_corpus(tmp_path)
    (root / "private" / "t99_own_words.txt").write_text(TEXT + " Changed.", encoding="utf-8")
    with pytest.raises(CorpusError, match="sha256"):
        load_corpus(root)


def test_load_corpus_refuses_a_missing_text_unless_asked_to_skip_it(tmp_path):
    root = write_corpus(tmp_path)
    (root / "private" / "t99_own_words.txt").unlink()
    with pytest.raises(CorpusError, match="text missing"):
        load_corpus(root)
    articles, missing = load_corpus(root, skip_missing=True)
    assert articles == [] and missing == ["t99_own_words"]


@pytest.mark.django_db
def test_evaluate_refuses_errors_of_the_check_split(tmp_path):
    with pytest.raises(CommandError, match="frozen"):
        call_command("evaluate", "--data", str(write_corpus(tmp_path)), "--errors")


def test_real_news_match_needs_same_evidence_or_a_dated_overlap():
    expected = [
        {
            "type": "agreement",
            "date": {"start": "2025-06-04", "end": "2025-06-04"},
            "status": "happened",
            "countries": ["Canada"],
            "participants": [],
            "evidence": "x",
            "evidence_span": [0, 60],
        }
    ]
    undated = {
        "type": "agreement",
        "date": None,
        "status": "happened",
        "countries": ["Canada"],
        "participants": [],
        "evidence": "x",
        "evidence_spans": [[10, 40]],
        "confidence": 0.9,
    }
    result = Evaluation()
    evaluate_article("a", [undated], expected, result)
    assert result.overall.true_positives == 1  # matched through the evidence...
    assert result.attributes["date_ok"] == 0  # ...but its date is wrong
    assert result.right_at(0.8) == (0, 1)
    # listed with what was expected, for `evaluate --errors`
    assert [(name, e["date"]) for name, _, e in result.misread] == [
        ("a", {"start": "2025-06-04", "end": "2025-06-04"})
    ]


def gold_event(kind: str, start: int) -> dict:
    return {
        "type": kind,
        "date": None,
        "status": "happened",
        "countries": ["Canada"],
        "participants": [],
        "evidence": "x",
        "evidence_span": [start, start + 10],
    }


def found_event(kind: str, start: int) -> dict:
    return {**gold_event(kind, start), "evidence_spans": [[start, start + 10]], "confidence": 0.5}


def test_per_article_mean_counts_each_article_once():
    """A long article that is all right cannot hide a short one that is all wrong: pooled F1
    is 0.9, the per-article mean 0.5."""
    result = Evaluation()
    long_article = [gold_event("meeting", 100 * i) for i in range(9)]
    evaluate_article(
        "long", [found_event("meeting", 100 * i) for i in range(9)], long_article, result
    )
    evaluate_article("short", [], [gold_event("tariff_measure", 0)], result)
    evaluate_article(
        "statements", [found_event("statement", 0)], [gold_event("statement", 50)], result
    )
    assert round(result.core.f1, 3) == round(2 * 9 / (2 * 9 + 1), 3)
    assert result.macro_f1(core=True) == (0.5, 2)  # no core gold in "statements"
    assert result.macro_f1(core=False) == (pytest.approx(1 / 3), 3)
    core, overall = result.per_article["statements"]
    assert (overall.false_positives, overall.false_negatives, core.false_positives) == (1, 1, 0)


def test_restore_writes_a_text_copied_as_a_json_literal_only_if_it_matches(tmp_path, capsys):
    root = write_corpus(tmp_path)
    (root / "private" / "t99_own_words.txt").unlink()
    right = tmp_path / "t99_own_words.json"
    right.write_text(json.dumps(TEXT), encoding="utf-8")  # escapes as the search tool shows them
    slipped = tmp_path / "slip" / "t99_own_words.json"
    slipped.parent.mkdir()
    slipped.write_text(json.dumps(TEXT.replace("12%", "12 %")), encoding="utf-8")

    with pytest.raises(CommandError, match="1 of 1 not restored"):
        call_command("realnews", "restore", str(slipped), "--data", str(root))
    assert "sha256 differs" in capsys.readouterr().err
    assert not (root / "private" / "t99_own_words.txt").exists()

    call_command("realnews", "restore", str(right), "--data", str(root))
    assert (root / "private" / "t99_own_words.txt").read_text(encoding="utf-8") == TEXT
    assert load_corpus(root)[0][0].text == TEXT


def test_committed_gold_files_quote_nothing():
    gold_dir = Path(settings.BASE_DIR) / "tests" / "data" / "realnews" / "gold"
    for path in gold_dir.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for event in gold["events"]:
            assert "evidence" not in event, path.name
            assert 0 <= event["evidence_span"][0] < event["evidence_span"][1] <= gold["chars"]
            assert event["date"] is None or "text" not in event["date"], path.name


def two_article_corpus(tmp_path):
    """The corpus of `write_corpus` (t99) and a second tune article, t98, built to gold."""
    root = write_corpus(tmp_path)
    other = {**DRAFT, "id": "t98_own_words", "url": "https://example.org/own-words-2"}
    (root / "private" / "t98_own_words.txt").write_text(TEXT, encoding="utf-8")
    (root / "private" / "t98_own_words.draft.json").write_text(json.dumps(other), encoding="utf-8")
    build_all(root)
    return root


@pytest.mark.django_db
def test_fit_confidence_leaves_out_the_articles_still_scored_blind(tmp_path, capsys):
    """A set kept blind is scored, never fitted on: --leave-out drops it from the fit."""
    root = two_article_corpus(tmp_path)
    call_command("fit_confidence", "--data", str(root), "--dry-run", "--leave-out", "t99")
    out, err = capsys.readouterr()
    assert "Left out of the fit: t99_own_words" in err
    model = json.loads(out)
    assert model["fitted_on"].startswith("real-news tune split: 1 articles")
    assert "left out: 1 articles" in model["fitted_on"]


@pytest.mark.django_db
def test_fit_confidence_recalibrates_on_a_set_kept_out_of_the_fit(tmp_path, capsys):
    """--calibrate-on keeps its articles out of the weights and fits the scale and shift
    that turn scores into probabilities on them."""
    root = two_article_corpus(tmp_path)
    call_command("fit_confidence", "--data", str(root), "--dry-run", "--calibrate-on", "t98")
    out, _err = capsys.readouterr()
    model = json.loads(out)
    assert model["fitted_on"].startswith("real-news tune split: 1 articles")
    assert model["calibration"]["fitted_on"].startswith("1 tune articles")
    assert "t98" in model["calibration"]["fitted_on"]
    assert {"scale", "shift"} <= set(model["calibration"])
