"""article_ingest and article_extract: stored once, extracted idempotently, one claim across articles."""

import datetime as dt

import pytest

from claims.models import Article, Claim, ClaimMention, Verdict
from claims.services import article_extract, article_ingest
from factcheck.exceptions import InvalidInput

from .conftest import SEED_000, seed_text

pytestmark = pytest.mark.django_db

TEXT = (
    "North Korea on Wednesday became the second state to recognise the Donetsk People's Republic, "
    "Denis Pushilin said, according to Tass.\n\n"
    "Ukraine severed diplomatic ties with Syria in June 2022 over the recognition."
)
OTHER_TEXT = (
    "Kyiv reacted within hours.\n\nUkraine severed diplomatic ties with Syria in June 2022 over the recognition."
)


@pytest.fixture(autouse=True)
def no_source_fetchers(settings):
    settings.FACTCHECK_FETCHERS = []  # the fetching pipeline has its own tests; one test below turns it on


@pytest.fixture
def ingest(django_capture_on_commit_callbacks):
    """article_ingest, with the after-commit extraction run (tasks are eager in tests)."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return article_ingest(**kwargs)

    return run


def test_ingesting_text_stores_the_article_once_and_extracts_its_claims(ingest):
    article, created = ingest(text=TEXT, title="Recognition", outlet_name="Tass", published_at=dt.date(2022, 7, 14))
    again, created_again = ingest(text=TEXT + "\n\n\n")
    assert (created, created_again) == (True, False)
    assert again.pk == article.pk
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE  # tasks run eagerly in tests, after commit
    assert article.language == "en"
    assert article.outlet.name == "Tass"
    assert ClaimMention.objects.filter(article=article).count() >= 2


def test_the_stored_text_is_the_cleaned_text_and_mentions_point_into_it(ingest):
    article, _ = ingest(text=seed_text(SEED_000))
    article.refresh_from_db()
    assert "Total Views" not in article.cleaned_text
    assert article.outlet.name == "NewsBharati"
    assert article.published_at.date() == dt.date(2022, 7, 14)
    for mention in article.mentions.all():
        assert article.cleaned_text[mention.start : mention.end] == mention.sentence


def test_re_extracting_adds_no_duplicates(ingest):
    article, _ = ingest(text=TEXT)
    claims_before = set(Claim.objects.values_list("pk", flat=True))
    mentions_before = ClaimMention.objects.count()
    again = article_extract(article_id=article.pk)
    assert {c.pk for c in again} == claims_before
    assert ClaimMention.objects.count() == mentions_before


def test_re_extracting_keeps_claims_an_editor_worked_on(reviewer, ingest):
    article, _ = ingest(text=TEXT)
    worked = Claim.objects.first()
    worked.status = Claim.Status.IN_REVIEW
    worked.save()
    untouched = Claim.objects.exclude(pk=worked.pk).first()
    # the article's text now yields other claims (as after an extractor upgrade)
    Article.objects.filter(pk=article.pk).update(
        cleaned_text="Russia and Belarus signed a gas treaty in Minsk in March 2021."
    )
    article_extract(article_id=article.pk)
    assert Claim.objects.filter(pk=worked.pk).exists()
    assert ClaimMention.objects.filter(claim=worked, article=article).exists()
    assert not Claim.objects.filter(pk=untouched.pk).exists()
    assert Claim.objects.filter(text__contains="gas treaty").exists()


def test_a_claim_with_a_verdict_survives_re_extraction(reviewer, ingest):
    from claims.models import Rating

    article, _ = ingest(text=TEXT)
    claim = Claim.objects.first()
    Verdict.objects.create(claim=claim, rating=Rating.objects.first(), explanation="Checked.", reviewer=reviewer)
    Article.objects.filter(pk=article.pk).update(
        cleaned_text="Russia and Belarus signed a gas treaty in Minsk in March 2021."
    )
    article_extract(article_id=article.pk)
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_the_same_claim_in_two_articles_is_one_claim_with_two_mentions(ingest):
    first, _ = ingest(text=TEXT)
    second, _ = ingest(text=OTHER_TEXT)
    claim = Claim.objects.get(text="Ukraine severed diplomatic ties with Syria in June 2022 over the recognition.")
    assert set(claim.mentions.values_list("article_id", flat=True)) == {first.pk, second.pk}


def test_a_near_exact_duplicate_joins_the_existing_claim(ingest):
    first, _ = ingest(text="Ukraine severed diplomatic ties with Syria in June 2022 over the recognition.")
    second, _ = ingest(text="Ukraine severed diplomatic ties with Syria in June 2022, over the recognition!")
    assert Claim.objects.filter(text__startswith="Ukraine severed").count() == 1
    claim = Claim.objects.get(text__startswith="Ukraine severed")
    assert claim.mentions.count() == 2


def test_non_english_text_is_stored_with_its_language_and_marked_unsupported(ingest):
    german = (
        "Nordkorea hat am Mittwoch die selbsternannte Volksrepublik Donezk als unabhängigen Staat anerkannt. "
        "Die Ukraine brach daraufhin die diplomatischen Beziehungen zu Pjöngjang ab."
    )
    article, created = ingest(text=german)
    article.refresh_from_db()
    assert created
    assert article.language == "de"
    assert article.extraction_status == Article.ExtractionStatus.UNSUPPORTED
    assert "English" in article.extraction_error
    assert not article.mentions.exists()


def test_ingesting_html_keeps_the_article_and_drops_the_page_furniture(ingest):
    html = (
        "<html><head><title>Recognition | World</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta property="article:published_time" content="2022-07-14T09:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Recognition</h1>"
        f"<p>{TEXT.splitlines()[0]}</p><p>{TEXT.splitlines()[-1]}</p></article>"
        "<footer>Share on Facebook | Share on Twitter</footer></body></html>"
    )
    article, created = ingest(html=html, url="https://planet.example/world/recognition")
    assert created
    article.refresh_from_db()
    assert "Home" not in article.cleaned_text and "Share on" not in article.cleaned_text
    assert article.outlet.name == "Daily Planet"
    assert article.published_at.date() == dt.date(2022, 7, 14)
    assert article.url == "https://planet.example/world/recognition"
    assert article.mentions.exists()


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({}, "text, its HTML or its URL"),
        ({"text": "   \n "}, "no text"),
        ({"text": "x", "html": "<p>x</p>"}, "not both"),
        ({"html": "<html><body><nav>Home | World</nav></body></html>"}, "No article text"),
        ({"text": "Fine text about Ukraine and Russia in 2022.", "published_at": "yesterday"}, "published_at"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(kwargs, message, ingest):
    with pytest.raises(InvalidInput) as error:
        ingest(**kwargs)
    assert message.lower() in error.value.message.lower()


def test_new_claims_are_sent_for_matching_and_for_sources(settings, ingest):
    from sources.models import ClaimFetch

    settings.FACTCHECK_FETCHERS = ["internal"]
    article, _ = ingest(text="Ukraine severed diplomatic ties with Syria in June 2022 over the recognition.")
    claim = Claim.objects.get()
    assert ClaimFetch.objects.filter(claim=claim, fetcher="internal").exists()
    from claims.models import ClaimEmbedding

    assert ClaimEmbedding.objects.filter(claim=claim).exists()  # claim_match embedded it


def test_published_at_may_be_an_iso_string(ingest):
    article, _ = ingest(
        text="Ukraine severed diplomatic ties with Syria on Wednesday, officials said.", published_at="2022-07-14"
    )
    assert article.published_at.date() == dt.date(2022, 7, 14)
    article.refresh_from_db()
    assert article.mentions.get().claim.about_date == dt.date(2022, 7, 13)


def test_extracting_a_missing_article_is_quiet():
    assert article_extract(article_id=987654) == []


def test_an_article_longer_than_the_bound_is_extracted_in_part_and_the_article_says_so(settings, ingest):
    settings.FACTCHECK_EXTRACTION_MAX_CHARS = 1_000
    long_text = "\n\n".join(f"{TEXT} Report {n} came from {n + 2} officials." for n in range(20))
    article, _ = ingest(text=long_text, title="Long")
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert "Only the first" in article.extraction_error
    assert article.mentions.exists()
    assert max(article.mentions.values_list("end", flat=True)) <= 1_000
