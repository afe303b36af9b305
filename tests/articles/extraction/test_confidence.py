"""Calibrated confidence: a logistic model over how an event was read."""

from __future__ import annotations

import pytest

from articles.extraction import confidence


def test_fit_learns_which_feature_predicts_being_right():
    rows = [({"date_own": 1.0}, True)] * 40 + [({"date_own": 0.0}, False)] * 40
    rows += [({"date_own": 1.0}, False)] * 5 + [({"date_own": 0.0}, True)] * 5
    weights = confidence.fit(rows, l2=0.01)
    assert confidence.probability({"date_own": 1.0}, weights) > 0.8
    assert confidence.probability({"date_own": 0.0}, weights) < 0.2


def test_probability_is_bounded_for_extreme_weights():
    assert confidence.probability({"mentions": 1.0}, {"mentions": 1e6}) == pytest.approx(1.0)
    assert confidence.probability({"mentions": 1.0}, {"mentions": -1e6}) == pytest.approx(0.0)


def test_committed_model_was_fitted_on_the_tune_split_only():
    model = confidence.MODEL_PATH.read_text(encoding="utf-8")
    assert "tune split" in model
    assert set(confidence.load_model()) <= {"bias", *confidence.FEATURE_NAMES}
