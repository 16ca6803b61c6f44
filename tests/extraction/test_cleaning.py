import datetime as dt

from claims.extraction.cleaning import clean_text, normalise_unicode, parse_byline

from .conftest import SEED_000, SEED_004, seed_text


def test_it_turns_the_byline_into_outlet_and_publication_date():
    cleaned = clean_text(seed_text(SEED_000))
    assert cleaned.outlet == "NewsBharati"
    assert cleaned.published == dt.date(2022, 7, 14)
    assert "NewsBharati" not in cleaned.text
    assert "14-Jul-2022" not in cleaned.text


def test_it_parses_a_dateline_with_dateparser_not_a_fixed_format():
    assert parse_byline("By Reuters | 3 March 2021") == ("Reuters", dt.date(2021, 3, 3))
    assert parse_byline("The Hindu  2023-11-05 08:10") == ("The Hindu", dt.date(2023, 11, 5))
    assert parse_byline("North Korea recognised the DPR on 13 July 2022.") is None  # a sentence, not a byline
    assert parse_byline("Solid State Lighting Design") is None


def test_it_removes_related_links_view_counters_and_site_slogans():
    cleaned = clean_text(seed_text(SEED_004))
    for furniture in (
        "See also",
        "Total Views",
        "Find latest world news",
        "Solid State Lighting Design",
        "Reuters contributed",
    ):
        assert furniture not in cleaned.text
    assert "Matsegora said there is likely" in cleaned.text


def test_it_keeps_a_paragraph_repeated_verbatim_once():
    raw = seed_text(SEED_000)
    assert raw.count("Moscow had declared the independence") == 2
    cleaned = clean_text(raw)
    assert cleaned.text.count("Moscow had declared the independence") == 1
    assert cleaned.text.count("It, although, is yet to issue a response") == 1
    # the standfirst repeated as the start of a paragraph is kept once, in its longer copy
    assert cleaned.text.count("thanked the communist nation") == 1


def test_it_normalises_non_breaking_spaces_curly_quotes_and_quote_apostrophes():
    text = normalise_unicode('Donetsk\u00a0People\u2019s Republic \u201crecognised\u201d DPRK"s regime\u200b')
    assert text == "Donetsk People's Republic \"recognised\" DPRK's regime"


def test_given_metadata_wins_over_what_the_text_says():
    cleaned = clean_text(seed_text(SEED_004), title="Given", outlet="Reuters", published=dt.date(2022, 8, 17))
    assert (cleaned.title, cleaned.outlet, cleaned.published) == ("Given", "Reuters", dt.date(2022, 8, 17))


def test_the_headline_before_the_body_becomes_the_title_not_the_site_name():
    cleaned = clean_text(seed_text(SEED_004))
    assert cleaned.title.startswith("Self-proclaimed Donetsk leader pledges")


def test_empty_and_whitespace_only_text_clean_to_nothing():
    assert clean_text("").text == ""
    assert clean_text(" \n\u00a0\t\n").text == ""


GLUED = (
    "The Varnes council cut the ferry budget by 20 percent in 2021.\n\n"
    "A Lanzo man admitted he threatened the ferry office of Ana RuizAna RuizVarnes Weekly: Council votes on fares | "
    "Harbour chief resigns | Storm closes two routes\n\n"
    "Ana Ruiz | Varnes reporter wrote the ferry story in 2021."
)


def test_a_paragraph_with_links_glued_to_it_is_kept_but_marked():
    from claims.extraction.cleaning import is_marked

    paragraphs = clean_text(GLUED, headings=()).text.split("\n")
    glued = next(p for p in paragraphs if "Harbour chief resigns" in p)
    assert is_marked(glued)
    assert not is_marked(next(p for p in paragraphs if p.startswith("The Varnes council cut")))
    assert not is_marked(next(p for p in paragraphs if "Varnes reporter" in p))  # one separator: not a link list
