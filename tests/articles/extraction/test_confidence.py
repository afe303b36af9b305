"""Calibrated confidence: a logistic model over how an event was read."""

from __future__ import annotations

import pytest

from articles.extraction import confidence


def test_fit_learns_which_feature_predicts_being_right():
    rows = [({"date_own": 1.0}, True)] * 40 + [({"date_own": 0.0}, False)] * 40
    rows += [({"date_own": 1.0}, False)] * 5 + [({"date_own": 0.0}, True)] * 5
    weights = confidence.fit(rows, l2=0.01, names=("date_own",))
    assert confidence.probability({"date_own": 1.0}, weights) > 0.8
    assert confidence.probability({"date_own": 0.0}, weights) < 0.2


def test_probability_is_bounded_for_extreme_weights():
    assert confidence.probability({"mentions": 1.0}, {"mentions": 1e6}) == pytest.approx(1.0)
    assert confidence.probability({"mentions": 1.0}, {"mentions": -1e6}) == pytest.approx(0.0)


def test_committed_model_was_fitted_on_the_tune_split_only():
    model = confidence.MODEL_PATH.read_text(encoding="utf-8")
    assert "tune split" in model
    assert set(confidence.load_model()) <= {"bias", *confidence.MODEL_FEATURES}
    assert set(confidence.MODEL_FEATURES) <= set(confidence.FEATURE_NAMES)


def held_out_rows(predictive: bool) -> list[tuple[str, dict[str, float], bool]]:
    """Ten articles of sixteen events; `date_own` decides being right, or is noise."""
    rows = []
    for article in range(10):
        for event in range(16):
            own = float(event % 2)
            right = bool(own) if predictive else event % 4 in {0, 1}
            if predictive and event == 15:
                right = not right  # one exception per article: a probability, not a rule
            rows.append((f"a{article}", {"date_own": own}, right))
    return rows


def test_cross_validation_credits_a_feature_that_predicts_on_unseen_articles():
    held_out = confidence.cross_validate(held_out_rows(True), names=("date_own",), l2=0.01)
    assert held_out.log_loss < held_out.constant_log_loss - 0.2
    right, high = held_out.high
    assert (right, high) == (70, 80)  # each article's eight likely events, seven right


def test_cross_validation_shows_no_gain_from_a_feature_that_is_noise():
    held_out = confidence.cross_validate(held_out_rows(False), names=("date_own",), l2=0.01)
    assert held_out.log_loss >= held_out.constant_log_loss - 0.01
    assert held_out.high == (0, 0)


def test_recalibration_lowers_scores_that_overrate_new_articles():
    # the model says 0.8 (score ~1.39) for every event; on new articles half are right
    scores = [(1.386, True)] * 20 + [(1.386, False)] * 20
    scale, shift = confidence.recalibrate(scores, l2=0.01)
    assert 0.4 < confidence.sigmoid(scale * 1.386 + shift) < 0.6


def test_recalibration_of_a_model_that_is_already_right_stays_near_the_identity():
    scores = [(2.0, True)] * 88 + [(2.0, False)] * 12 + [(-2.0, False)] * 88
    scores += [(-2.0, True)] * 12
    scale, shift = confidence.recalibrate(scores)
    assert scale == pytest.approx(1.0, abs=0.1)
    assert shift == pytest.approx(0.0, abs=0.1)


def test_the_committed_calibration_is_read_with_the_model():
    scale, shift = confidence.load_calibration()
    features = {"date_own": 1.0, "mentions": 1.0}
    score = confidence.score_of(features, confidence.load_model())
    assert confidence.probability(features) == pytest.approx(
        confidence.sigmoid(scale * score + shift)
    )
