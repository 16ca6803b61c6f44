"""Rule embedded_post: the paragraph right before an embedded post's signature is the post's author's statement."""

import datetime as dt

import pytest

from claims.extraction import extract, rules
from claims.extraction.cleaning import clean_text, is_marked
from claims.extraction.embedded_posts import post_authors, signature_author

PUBLISHED = dt.date(2021, 3, 5)
BEFORE = "The Varnes council met on 2 March 2021 to discuss the ferry budget."
AFTER = "The council approved the ferry budget in April 2021."
POST = "Ferry fares on the island routes rose by 15 percent in March 2021."


def _article(post: str, signature: str) -> str:
    return "\n\n".join((BEFORE, post, signature, AFTER))


def _claims(text: str):
    return {c.text: c for c in extract(text, published=PUBLISHED).claims}


@pytest.mark.parametrize(
    ("signature", "author"),
    [
        ("\u2014 Ana Ruiz (@anaruiz) March 3, 2021", "Ana Ruiz"),
        ("- Varnes Ferry Company (@varnes_ferries) Mar. 3, 2021", "Varnes Ferry Company"),
        ("A post shared by Ana Ruiz (@ana.ruiz) on Mar 3, 2021 at 9:14am PST", "Ana Ruiz"),
    ],
)
def test_a_signature_names_the_posts_author(signature, author):
    assert signature_author(signature) == author
    assert signature_author("# " + signature) == author  # marked as a heading by cleaning


@pytest.mark.parametrize(
    "line",
    [
        "\u2014 Ana Ruiz, Varnes harbour master",  # a byline, no handle
        "Ana Ruiz (@anaruiz) said fares rose in March 2021.",  # a sentence naming a handle
        "Follow the Courier on Twitter (@courier).",
    ],
)
def test_other_lines_are_no_signature(line):
    assert signature_author(line) == ""


def test_the_post_is_the_paragraph_right_before_its_signature_only():
    text = clean_text(_article(POST, "\u2014 Ana Ruiz (@anaruiz) March 3, 2021"), published=PUBLISHED).text
    ((start, end, author),) = post_authors(text, is_marked)
    assert text[start:end] == POST and author == "Ana Ruiz"


def test_the_posts_claim_names_its_author_and_the_articles_claims_do_not():
    claims = _claims(_article(POST + " pic.twitter.com/Ab12Cd34", "\u2014 Ana Ruiz (@anaruiz) March 3, 2021"))
    assert claims[POST].speaker == "Ana Ruiz" and claims[POST].is_direct_quote
    assert claims[AFTER.replace("The council", "The Varnes council")].speaker == ""
    assert not any("pic.twitter" in text or "@anaruiz" in text for text in claims)


def test_with_the_rule_off_the_post_reads_as_the_articles_own_claim():
    text = _article(POST, "\u2014 Ana Ruiz (@anaruiz) March 3, 2021")
    with rules.disabled({"embedded_post"}):
        claims = _claims(text)
    assert POST in claims and claims[POST].speaker == ""


def test_a_post_that_names_who_it_quotes_keeps_that_speaker():
    post = "Ferry fares rose by 15 percent in March 2021, the Varnes port authority said."
    claims = _claims(_article(post, "\u2014 Ana Ruiz (@anaruiz) March 3, 2021"))
    fare = next(c for text, c in claims.items() if text.startswith("Ferry fares rose by 15 percent"))
    assert fare.cited_source or fare.speaker
    assert fare.speaker != "Ana Ruiz"


ROUNDUP = (
    "Reviewers tried the new Varnes ferry app in March 2021. Here is what they say:\n\n"
    "The Varnes ferry app sold 40,000 tickets in its first week.\n\n[ Lanzo Daily ]\n\n"
    "The Varnes ferry app crashed twice during the Easter rush. It cost 2 million euros to build.\n\n[ Orvik Times ]"
    "\n\n## What comes next\n\nThe Varnes council approved a second app in 2022."
)


@pytest.mark.parametrize(("line", "source"), [("[ Lanzo Daily ]", "Lanzo Daily"), ("[Orvik Times]", "Orvik Times")])
def test_a_source_tag_names_its_source(line, source):
    from claims.extraction.embedded_posts import source_tag

    assert source_tag(line) == source


@pytest.mark.parametrize("line", ["[ Advertisement ]", "[ photo ]", "[see the full timetable here]", "Lanzo Daily"])
def test_other_bracketed_lines_are_no_source_tag(line):
    from claims.extraction.embedded_posts import source_tag

    assert source_tag(line) == ""


def test_each_excerpt_is_its_sources_words_and_the_article_after_a_heading_is_its_own():
    claims = _claims(ROUNDUP)
    assert claims["The Varnes ferry app sold 40,000 tickets in its first week."].speaker == "Lanzo Daily"
    assert claims["The Varnes ferry app crashed twice during the Easter rush."].speaker == "Orvik Times"
    assert claims["Reviewers tried the new Varnes ferry app in March 2021."].speaker == ""
    assert claims["The Varnes council approved a second app in 2022."].speaker == ""
    assert not any("Lanzo Daily" in text for text in claims)


def test_with_the_rule_off_the_excerpts_read_as_the_articles_own_claims():
    with rules.disabled({"excerpt_source_tag"}):
        claims = _claims(ROUNDUP)
    assert claims["The Varnes ferry app sold 40,000 tickets in its first week."].speaker == ""
