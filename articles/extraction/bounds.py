"""Bounds on what the model is given: hostile text is tamed or refused, never left to hang a worker.

spaCy's tokenizer strips prefix and suffix punctuation one character at a time, which is
quadratic in a run of such characters: 8,000 commas take half a minute, 24,000 over a minute
and a half. No news text has a run of more than a few punctuation marks, so `tame()` keeps the
first three of a longer run and blanks the rest. It keeps the length, so every offset into the
tamed text (evidence spans) is an offset into the stored body too.

What is too long for the model (spaCy's own limit is 1,000,000 characters) or is not prose at
all is refused with `NotExtractable`, which the services store as the article's extraction state;
so is an article whose extraction outruns its time budget (`time_budget()`), whatever the cause.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Iterator

MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length
MIN_LETTER_SHARE = 0.5  # of the non-space characters: below it, the text is not prose
PUNCTUATION_RUN = re.compile(r"[^\w\s]{9,}")
KEEP = 3  # characters of a long run that are kept ("...", "?!!")


class NotExtractable(ValueError):
    """The text is refused before the model; ``reason`` is "too_long" or "unusual"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def tame(text: str) -> str:
    """The text with long punctuation runs cut to their first three characters, padded with
    spaces to the same length, and lines in capitals ("NORWAY CUTS ITS DUTY ON CHILEAN
    COPPER") in ordinary case: the same length, so offsets are unchanged."""
    text = PUNCTUATION_RUN.sub(lambda m: m[0][:KEEP] + " " * (len(m[0]) - KEEP), text)
    return sentence_case_titles(SHOUTED_LINE.sub(soften, text))


WORD = re.compile(r"[A-Za-z][a-z'’]+")


def sentence_case_titles(text: str) -> str:
    """Headlines in title case ("US Reduces Tariff on Salmon to 10 Percent After Talks") read to
    the model as names ("Reduces Tariff" a person); their words that the article itself writes
    in lower case elsewhere are lowered, the first kept: the same length, so offsets hold."""
    lower_words = {w for w in WORD.findall(text) if w.islower()}
    if not lower_words:
        return text

    def lower_known(match: re.Match) -> str:
        line = match[0]
        words = list(WORD.finditer(line))
        capitalised = [w for w in words if w[0][0].isupper()]
        if len(words) < 4 or len(capitalised) < 0.7 * len(words) or len(line) > 200:
            return line
        first = next((i for i, c in enumerate(line) if c.isalpha()), 0)
        chars = list(line)
        for word in capitalised:
            if word.start() != first and word[0].lower() in lower_words:
                chars[word.start()] = chars[word.start()].lower()
        return "".join(chars)

    return TITLE_LINE.sub(lower_known, text)


TITLE_LINE = re.compile(r"^[^\n]{20,}$", re.M)


SHOUTED_LINE = re.compile(r"^[^\n\S]*(?=[^\n]*[A-Z]{4})[^a-z\n]{20,}$", re.M)


def soften(match: re.Match) -> str:
    """A headline in capitals, in title case; words of up to three letters ("US", "EU", "UK")
    stay as they are, since they are mostly acronyms."""
    line = match[0]
    if sum(c.isalpha() for c in line) < 12:
        return line
    softened = re.sub(r"[A-Z][A-Z'’]{3,}", lambda w: w[0][0] + w[0][1:].lower(), line)
    return softened if len(softened) == len(line) else line


def check(text: str, *, max_chars: int | None = None) -> None:
    """Raise NotExtractable when the text is too long for the model or is not prose."""
    max_chars = max_chars or MAX_CHARS
    if len(text) > max_chars:
        raise NotExtractable(
            "too_long",
            f"not extracted: too long ({len(text):,} characters, the limit is {max_chars:,})",
        )
    visible = len(text) - sum(map(str.isspace, text))
    if visible >= 1000:
        letters = sum(map(str.isalpha, text))
        if letters < MIN_LETTER_SHARE * visible:
            raise NotExtractable(
                "unusual",
                f"not extracted: too unusual (only {letters / visible:.0%} of the characters "
                "are letters; this is not running text)",
            )


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise NotExtractable ("unusual") in the block once it has run ``seconds``.

    A SIGALRM timer, so only in the main thread (a db_worker, a gunicorn worker, a command);
    elsewhere, or with no budget, the block runs unbounded. A timer already set (by a test
    runner, say) is put back with what is left of it.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame) -> None:
        raise NotExtractable(
            "unusual", f"not extracted: too unusual (extraction took more than {seconds:g} s)"
        )

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, previous_interval)


class TamingTokenizer:
    """Wraps a spaCy tokenizer so that every text it is given is tamed first."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, text: str):
        return self.inner(tame(text))

    def pipe(self, texts, batch_size: int = 1000):
        return self.inner.pipe((tame(text) for text in texts), batch_size=batch_size)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)
