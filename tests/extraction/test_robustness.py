"""Odd input never crashes extraction, and every outcome is a clear status."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import DEFAULT_MAX_CHARS, DEFAULT_MAX_CLAIMS, Status, extract
from claims.extraction.cleaning import clean_text

from .conftest import SEED_004, seed_text

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_result(result):
    assert result.status in (Status.DONE, Status.UNSUPPORTED, Status.EMPTY)
    if result.status != Status.DONE:
        assert result.message and not result.claims
    for claim in result.claims:
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert claim.text.strip()
        assert 0 <= claim.start <= claim.end <= len(result.cleaned.text)
        assert result.cleaned.text[claim.start : claim.end] == claim.sentence
        claim.as_json()


@SLOW
@given(st.text(max_size=2000))
def test_arbitrary_unicode_never_crashes(text):
    check_result(extract(text))


@SLOW
@given(
    st.lists(
        st.sampled_from(
            [
                "North Korea recognised the Donetsk People's Republic on 13 July 2022.",
                "See also  Something else",
                "Total Views |",
                "\u00a0",
                "It, although, is yet to respond.",
                "\u201cquoted\u201d",
                "DPR",
                "\n\n",
                "He said so.",
                "Ukraine cut ties with Pyongyang.",
                "<p>",
                "&amp;",
                "\u202e",
                "\ud7ff",
                "77 years ago",
                "?",
                "(",
                ")",
            ]
        ),
        max_size=40,
    ).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))),
)
def test_news_like_fragments_in_any_order_never_crash(text, published):
    check_result(extract(text, published=published))


@SLOW
@given(st.text(alphabet=st.sampled_from("<>/=\"' abcdiv p&;!-\n"), max_size=3000))
def test_html_soup_never_crashes(html):
    check_result(extract(html, is_html=True))


def test_cleaning_is_idempotent_on_the_seeds():
    once = clean_text(seed_text(SEED_004))
    assert clean_text(once.text).text == once.text


def test_empty_text_is_empty_not_an_error():
    result = extract("")
    assert result.status == Status.EMPTY
    assert result.claims == []


def test_non_english_text_is_unsupported_with_its_language():
    result = extract(
        "Северная Корея признала Донецкую Народную Республику в среду, сообщило агентство ТАСС. "
        "Украина разорвала дипломатические отношения с Пхеньяном."
    )
    assert (result.status, result.language) == (Status.UNSUPPORTED, "ru")
    assert "English" in result.message


def test_a_two_megabyte_article_is_extracted_up_to_the_bound_and_says_so():
    paragraphs = [
        f"In {1000 + i}, delegation number {i} from North Korea visited Donetsk and signed {i % 97 + 2} agreements "
        f"with the Donetsk People's Republic, the agency KCNA reported. Officials said {i * 3} workers were sent to Luhansk."
        for i in range(12000)
    ]
    text = "\n\n".join(paragraphs)
    assert len(text.encode()) > 2_000_000
    result = extract(text, published=dt.date(2022, 8, 17))
    assert result.status == Status.DONE
    assert "Only the first" in result.message and "characters were extracted" in result.message
    assert len(result.claims) == DEFAULT_MAX_CLAIMS  # the claim bound stops it well before the character bound
    assert "Only the first 200 claims were kept" in result.message
    assert max(c.end for c in result.claims) <= DEFAULT_MAX_CHARS
    check_result(result)


def test_one_giant_paragraph_without_breaks_is_cut_at_spaces():
    sentence = "Ukraine severed diplomatic ties with Syria in June 2022. "
    result = extract(sentence * 4000)  # about 230,000 characters, no paragraph break
    assert result.status == Status.DONE
    check_result(result)
