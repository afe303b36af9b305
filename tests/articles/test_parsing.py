from __future__ import annotations

import datetime

import pytest

from articles.parsing import (
    ArticleInputError,
    decode_input,
    parse_article,
    parse_text,
    split_off_non_news,
)
from tests.conftest import SEED


def test_seed_date_header_continues_with_body():
    parsed = parse_text(SEED.read_text())
    assert parsed.published == datetime.date(2025, 5, 1)
    assert parsed.title == ""
    assert parsed.body.startswith('Japan and the United States made "progress"')


def test_seed_comments_and_copyright_are_split_off():
    parsed = parse_text(SEED.read_text())
    assert parsed.body.endswith("other sector-based tariffs.")
    assert "KYODO" not in parsed.body
    assert "sakurasuki" not in parsed.body
    assert "Iranian oil" not in parsed.body
    assert "10 Comments" in parsed.discarded
    assert "Iranian oil" in parsed.discarded
    assert parsed.outlet == "Kyodo News"


def test_title_line_is_recognised():
    parsed = parse_text("date 2025-07-23\nJapan, U.S. strike deal\n\nJapan and the U.S. agreed.\n")
    assert parsed.title == "Japan, U.S. strike deal"
    assert parsed.body == "Japan and the U.S. agreed."


def test_a_sentence_is_not_mistaken_for_a_title():
    parsed = parse_text("Japan and the U.S. agreed on a deal.\nMore talks follow.\n")
    assert parsed.title == ""
    assert parsed.published is None


@pytest.mark.parametrize("header", ["date 2025-13-45", "date May 1"])
def test_bad_date_header_is_an_error(header):
    with pytest.raises(ArticleInputError, match="is not a date"):
        parse_text(f"{header}\nBody text here.\n")


@pytest.mark.parametrize(
    "marker", ["3 Comments", "Login to comment", "Leave a comment", "Comments"]
)
def test_comment_section_markers(marker):
    body, discarded, _ = split_off_non_news(
        f"News sentence.\n{marker}\nuser1\nA comment on June 1."
    )
    assert body == "News sentence."
    assert "A comment on June 1." in discarded


def test_boilerplate_lines_dropped_but_news_kept():
    body, discarded, _ = split_off_non_news(
        "Talks resumed.\nAdvertisement\nRead more: other stories\nTariffs fell."
    )
    assert body == "Talks resumed.\nTariffs fell."
    assert "Advertisement" in discarded


def test_section_letter_is_not_a_copyright_mark():
    body, _, _ = split_off_non_news("The probe under Section 232(c) Of The Act continues.")
    assert "232(c)" in body


def test_html_page_main_text_title_and_date():
    html = """<!doctype html><html><head><title>Japan and U.S. hold talks | Wire</title>
    <meta property="og:title" content="Japan and U.S. hold tariff talks">
    <meta property="article:published_time" content="2025-05-01T10:00:00+09:00"></head>
    <body><nav>Home | World | Business</nav><article><h1>Japan and U.S. hold tariff talks</h1>
    <p>Japan's chief negotiator Ryosei Akazawa met Treasury Secretary Scott Bessent in Washington
    on Thursday for more than two hours of talks on tariffs.</p>
    <p>The two sides agreed to hold intense ministerial-level discussions in mid-May, he told
    reporters after the meeting at the Treasury Department.</p></article>
    <footer>Copyright 2025 Wire. All rights reserved.</footer></body></html>"""
    parsed = parse_article(html)
    assert parsed.title == "Japan and U.S. hold tariff talks"
    assert parsed.published == datetime.date(2025, 5, 1)
    assert "Akazawa met Treasury Secretary" in parsed.body
    assert "Home | World" not in parsed.body


def test_non_english_is_detected():
    parsed = parse_text(
        "date 2025-05-01\n日米両政府は1日、ワシントンで関税交渉の2回目の閣僚協議を行った。赤沢経済再生担当相が出席した。"
    )
    assert parsed.language == "ja"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"date 2025-05-01\nTalks \xff\xfe failed", "not valid UTF-8"),
        (b"x" * 101, "over the limit of 100 bytes"),
    ],
)
def test_decode_refuses_what_is_not_an_article(raw, message):
    with pytest.raises(ArticleInputError, match=message):
        decode_input(raw, max_bytes=100)


@pytest.mark.parametrize(
    "headline",
    [
        'Minister on tariff talks: "We are close"',
        "Will Ottawa drop its counter-tariffs?",
        "Lumber dispute settled:",
        "Trade envoy says talks 'constructive'",
    ],
)
def test_a_headline_ending_in_a_quote_question_or_colon_is_the_title(headline):
    parsed = parse_text(f"date 2025-06-06\n{headline}\n\nThe two sides met on Thursday.")
    assert parsed.title == headline
    assert parsed.body.startswith("The two sides met")


@pytest.mark.parametrize(
    "first_line",
    [
        'The minister said: "We are close."',
        "Talks resumed. Both sides said they were hopeful",
    ],
)
def test_a_first_sentence_ending_in_a_quote_is_body_not_title(first_line):
    parsed = parse_text(f"date 2025-06-06\n{first_line}\n\nThe two sides met on Thursday.")
    assert parsed.title == ""


@pytest.mark.parametrize("marker", ["Comments", "12 Comments", "© 2025 Nordic Wire"])
def test_a_comment_link_or_credit_under_the_headline_does_not_end_an_article_not_yet_begun(
    marker,
):
    body, _discarded, _ = split_off_non_news(
        f"News\nOslo Cuts Duty on Salmon\n{marker}\nOslo cut its duty on US salmon on Monday.\n"
        "The cut takes effect in June."
    )
    assert "Oslo cut its duty on US salmon on Monday." in body
    assert "The cut takes effect in June." in body
    assert marker not in body
