"""Cheap tense guessing for date resolution, without a parser.

"Friday" in "officials met Friday" is last Friday; in "talks will resume Friday" it is the
next one. We look for the verb group nearest the date, first backwards in the sentence, then
forwards, and read its tense from auxiliaries and verb forms. Good enough for news prose;
a POS tagger would do better on long sentences but costs far more than the tagging itself.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as one string, for readability."""
    return frozenset(text.split())


FUTURE_WORDS = words(
    "will 'll shall wo won't would 'd gonna upcoming forthcoming tomorrow scheduled slated expected"
)
# "<word> to <verb>" reads as the future: "plans to vote Friday", "agreed to meet Monday".
TO_FUTURE_WORDS = words(
    "going plan plans planned planning expected expect expects scheduled slated set due "
    "agreed agree agrees promised promise promises vowed vow vows threatened threaten "
    "threatens decided decide decides hopes hope hoped hoping intend intends intended "
    "aims aim aimed wants want wanted likely poised ready prepared able seeks seek sought "
    "begin begins need needs is are agreement plan deal offer bid proposal"
)
PAST_WORDS = words("was were had did said told ago yesterday earlier last previously recently")
# past forms that may be participles, whose auxiliary decides ("is held", "will be met")
PAST_FORMS = words(
    "met made took gave came went began fell rose left sent won lost held saw got paid sold "
    "bought spent found brought thought became ran led struck hit shot fled broke spoke wrote "
    "drove flew knew grew threw drew chose froze stood sat kept felt meant heard hid quit "
    "built caught dealt fought fed forgot hung laid lit sought sank swore swept taught tore "
    "understood woke wore withdrew arose bore burst slid sprang stole stuck swung told "
    "became overtook undertook"
)
PRESENT_WORDS = words("is are am says say has have does do 're 've now currently")
# -ed words that are not past events when they head the verb group
NOT_PAST_ED = words(
    "expected scheduled slated planned proposed intended related based need needed "
    "red bed shed hundred indeed speed seed feed weed bred led united limited"
)
AUX_FUTURE = words("will 'll shall would wo to")
AUX_PRESENT = words("is are am 's 're")
AUX_PAST = words("was were had has have 've")  # the present perfect reports the past

_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'[a-z]+")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9])|\n\s*\n")
WINDOW = 16


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence around [start, end), looking at most 400 chars."""
    lo = max(0, start - 400)
    begin = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return begin, (m.start() + 1 if m else min(len(text), end + 400))


def _classify(tokens: list[str], i: int, backwards: bool) -> str | None:
    """Tense signalled by tokens[i], looking at its neighbours for auxiliaries."""
    tok = tokens[i].lower()
    prev = [
        t.lower() for t in (tokens[i + 1 : i + 4] if backwards else tokens[max(0, i - 3) : i][::-1])
    ]
    if tok == "to":
        if not (backwards and i <= 10 and prev and prev[0] in TO_FUTURE_WORDS):
            return None
        return "past" if "had" in prev[1:3] else "future"  # "had been due to expire Friday"
    if tok in FUTURE_WORDS:
        return "future"
    if tok in PAST_WORDS:
        return "past"
    if tok in PRESENT_WORDS:
        return "present"
    if tok in PAST_FORMS or (tok.endswith("ed") and len(tok) > 4 and tok not in NOT_PAST_ED):
        # participle: the auxiliary decides ("will be held", "is held", "was held")
        for aux in prev:
            if aux in AUX_FUTURE:
                return "future"
            if aux in AUX_PAST:
                return "past"
            if aux in AUX_PRESENT:
                return "present"
        return "past"
    if tok.endswith("ing") and prev and prev[0] in ("is", "are", "am", "'s", "'re"):
        return "future"  # "is meeting Friday": the present progressive is a plan
    return None


def infer_tense(text: str, start: int, end: int) -> str | None:
    """'past' | 'present' | 'future' | None for the clause around text[start:end]."""
    begin, finish = sentence_bounds(text, start, end)
    before = _TOKEN.findall(text, begin, start)[::-1][:WINDOW]
    for i in range(len(before)):
        tense = _classify(before, i, backwards=True)
        if tense:
            return tense
    after = _TOKEN.findall(text, end, finish)[:WINDOW]
    for i in range(len(after)):
        tense = _classify(after, i, backwards=False)
        if tense:
            return tense
    return None
