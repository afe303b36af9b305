"""Turning raw input (a text file, pasted text, an HTML page) into an article's parts.

Pure functions: no database. What is not news (reader comments, copyright lines, site
boilerplate) is split off here, so it can never become an event.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import py3langid


class ArticleInputError(ValueError):
    """The input cannot become an article; the message says why, for the person who sent it.

    ``kind`` tells the form which field the problem concerns: "no_date", "bad_date",
    "too_large" or "input" (anything else about the text itself).
    """

    def __init__(self, message: str, *, kind: str = "input") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class ParsedArticle:
    body: str
    discarded: str = ""
    title: str = ""
    published: datetime.date | None = None
    outlet: str = ""
    url: str = ""
    language: str = "en"


DATE_HEADER = re.compile(r"^\s*date[ \t]*:?[ \t]+(?P<value>\S+)[ \t]*(?P<rest>.*)$", re.IGNORECASE)

# A line that opens the reader-comment section: everything from it on is not news.
COMMENT_SECTION = re.compile(
    r"^\s*(?:\d+\s+comments?|comments?|login to comment|log in to comment|sign in to comment|"
    r"leave a (?:comment|reply)|reader comments|join the (?:conversation|discussion)|"
    r"show comments|view comments|comments are closed|add a comment|\d+\s+responses?)\s*:?\s*$",
    re.IGNORECASE,
)
# Copyright marks, inline or on their own line: "© KYODO", "(c) 2025 Reuters", "Copyright 2025 AP".
COPYRIGHT = re.compile(
    r"(?:©|(?<!\w)\(c\)|^\s*copyright\b)\s*(?:\d{4}\s*)?[A-Z][\w.&' -]{0,60}\.?\s*$", re.IGNORECASE
)
# Whole lines of site furniture that carry no news.
BOILERPLATE_LINE = re.compile(
    r"^\s*(?:advertisement|advertising|share this(?: article)?|share on \w+|read more:?.*|"
    r"related(?: articles| stories| coverage)?:.*|subscribe(?: now| to our newsletter)?.*|"
    r"follow us on .*|click here.*|sign up for .*|all rights reserved\.?|"
    r"this article was (?:first )?published .*|photo: .*|image: .*|getty images)\s*$",
    re.IGNORECASE,
)
OUTLETS_BY_MARK = {"KYODO": "Kyodo News", "REUTERS": "Reuters", "AP": "Associated Press"}


def parse_date_value(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError as error:
        raise ArticleInputError(
            f"the date header {value!r} is not a date (expected YYYY-MM-DD)", kind="bad_date"
        ) from error


def split_off_non_news(text: str) -> tuple[str, str, str]:
    """Return (news body, discarded text, outlet named by a copyright mark)."""
    lines = text.splitlines()
    body_lines: list[str] = []
    discarded: list[str] = []
    outlet = ""
    for index, line in enumerate(lines):
        if COMMENT_SECTION.match(line):
            if not has_news_yet(body_lines):
                discarded.append(line)  # "Comments" under a headline: a link, the story follows
                continue
            discarded.extend(lines[index:])
            break
        mark = COPYRIGHT.search(line)
        if mark and not has_news_yet(body_lines) and not line[: mark.start()].strip():
            discarded.append(line)  # a photo or wire credit under the headline
            continue
        if mark:
            outlet = outlet or outlet_from_mark(mark.group(0))
            before = line[: mark.start()].rstrip()
            if before:
                body_lines.append(before)
            # A copyright mark closes the article: what follows is site furniture or comments.
            discarded.append(mark.group(0).strip())
            discarded.extend(lines[index + 1 :])
            break
        if BOILERPLATE_LINE.match(line):
            discarded.append(line)
            continue
        body_lines.append(line)
    body = "\n".join(body_lines).strip()
    return body, "\n".join(discarded).strip(), outlet


PROSE_LINE = re.compile(r"\w\s+\S+.*[.!?][\"”’')]?\s*$")


def has_news_yet(body_lines: list[str]) -> bool:
    """Whether a sentence of prose has come yet: a "Comments" link or a copyright credit under
    the headline (which ends without a full stop) does not close an article not yet begun."""
    return any(PROSE_LINE.search(line) for line in body_lines)


def outlet_from_mark(mark: str) -> str:
    name = re.sub(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?", "", mark, flags=re.IGNORECASE)
    name = name.strip(" .")
    return OUTLETS_BY_MARK.get(name.upper(), name.title() if name.isupper() else name)


SENTENCE_END = re.compile(r"[.!][\"”’']?$")
INNER_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[A-Z]")


def looks_like_title(line: str, following: list[str]) -> bool:
    """A short line followed by more text is a headline unless it ends a sentence: headlines
    may end in a quotation mark ('Trump: "deal is done"'), a question mark or a colon, but not
    in a full stop, and hold one sentence only."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= 200
        and len(stripped.split()) <= 25
        and not SENTENCE_END.search(stripped)
        and not stripped.endswith((";", ","))
        and not INNER_SENTENCE_BREAK.search(stripped)
        and any(rest.strip() for rest in following)
    )


def parse_text(text: str) -> ParsedArticle:
    """The plain-text format: optional `date YYYY-MM-DD` line (the body may continue on it),
    optional short title line, then the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    published = None
    if lines and (header := DATE_HEADER.match(lines[0])):
        published = parse_date_value(header.group("value"))
        rest = header.group("rest").strip()
        lines = ([rest] if rest else []) + lines[1:]
        while lines and not lines[0].strip():
            lines.pop(0)
    title = ""
    if lines and looks_like_title(lines[0], lines[1:]):
        title = lines.pop(0).strip()
    body, discarded, outlet = split_off_non_news("\n".join(lines))
    return ParsedArticle(
        body=body,
        discarded=discarded,
        title=title,
        published=published,
        outlet=outlet,
        language=detect_language(body),
    )


def parse_html(html: str) -> ParsedArticle:
    """An HTML page: main text, title, date and site name through trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise ArticleInputError("no article text could be found in this HTML page")
    body, discarded, outlet = split_off_non_news(document.text)
    published = None
    if document.date:
        try:
            published = datetime.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return ParsedArticle(
        body=body,
        discarded=discarded,
        title=(document.title or "").strip(),
        published=published,
        outlet=(document.sitename or outlet or "").strip(),
        url=(document.url or "").strip(),
        language=detect_language(body),
    )


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def detect_language(text: str) -> str:
    if len(text.strip()) < 20:
        return "en"
    language, _score = py3langid.classify(text[:5000])
    return language


def decode_input(raw: bytes, *, max_bytes: int) -> str:
    """Bytes to text, refusing what is not an article: empty, oversized, binary, undecodable."""
    if len(raw) > max_bytes:
        raise ArticleInputError(
            f"the file is {len(raw):,} bytes, over the limit of {max_bytes:,} bytes",
            kind="too_large",
        )
    if not raw.strip():
        raise ArticleInputError("the file is empty")
    if b"\x00" in raw[:8192]:
        raise ArticleInputError("the file is binary, not text")
    if (nul := raw.find(b"\x00")) >= 0:  # PostgreSQL text cannot hold it
        raise ArticleInputError(f"the file holds a NUL byte at offset {nul:,}: it is not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleInputError(
            f"the file is not valid UTF-8 (undecodable byte at offset {error.start})"
        ) from error


def parse_article(text: str) -> ParsedArticle:
    parsed = parse_html(text) if looks_like_html(text) else parse_text(text)
    if not parsed.body.strip():
        raise ArticleInputError("the article has no body text")
    return parsed
