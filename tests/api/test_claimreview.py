"""ClaimReview JSON-LD: the fields Google and aggregators read, valid JSON-LD, and the shapes of real records."""

import datetime as dt
import json

import pytest
from pyld import jsonld

from claims.claimreview import Appearance, VerdictData, claimreview, data_feed, speaker_type
from claims.models import Verdict
from tests.factories import ArticleFactory, ClaimMentionFactory

from .claimreview_consumer import appearances, numeric_rating, real_records
from .conftest import make_claim, publish

# schema.org's context maps every term into https://schema.org/; inlined so nothing is fetched.
SCHEMA_ORG_CONTEXT = {"@context": {"@vocab": "https://schema.org/", "schema": "https://schema.org/"}}
SCHEMA = "https://schema.org/"


def offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": SCHEMA_ORG_CONTEXT}  # fmt: skip
    raise AssertionError(f"JSON-LD processing tried to fetch {url}")


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": offline_loader})


def value(node: dict, term: str):
    entries = node.get(SCHEMA + term, [])
    assert entries, f"{term} missing from {node}"
    entry = entries[0]
    return entry.get("@value", entry.get("@id", entry))


def _data(**overrides) -> VerdictData:
    base = dict(
        claim_text="North Korea recognised the Donetsk People's Republic.",
        rating_name="True", rating_value=5, best_rating=5, worst_rating=1,
        page_url="https://factcheck.example/claims/7/", organization_name="Example Checks",
        organization_url="https://factcheck.example/", first_published_at=dt.datetime(2022, 7, 14, 10, tzinfo=dt.UTC),
        speaker="Denis Pushilin",
        appearances=[
            Appearance(url="https://tass.com/b", headline="B", outlet="TASS", published_at=dt.datetime(2022, 7, 13, 12, tzinfo=dt.UTC)),
            Appearance(url="https://kcna.kp/a", headline="A", outlet="KCNA", published_at=dt.datetime(2022, 7, 13, 8, tzinfo=dt.UTC)),
        ],
    )  # fmt: skip
    return VerdictData(**{**base, **overrides})


# --- the pure builder -----------------------------------------------------------------------------


def test_it_carries_every_field_google_requires_and_recommends():
    review = claimreview(_data())

    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://factcheck.example/claims/7/"
    assert review["claimReviewed"] == "North Korea recognised the Donetsk People's Republic."
    assert review["datePublished"] == "2022-07-14T10:00:00+00:00"
    assert review["author"] == {"@type": "Organization", "name": "Example Checks", "url": "https://factcheck.example/"}
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "True", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
    }  # fmt: skip
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Denis Pushilin"}
    assert item["datePublished"] == "2022-07-13T08:00:00+00:00"
    assert [a["url"] for a in item["appearance"]] == ["https://tass.com/b", "https://kcna.kp/a"]
    assert item["firstAppearance"]["url"] == "https://kcna.kp/a"
    assert item["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "KCNA"}
    assert "dateModified" not in review


def test_a_rating_off_the_scale_publishes_its_name_alone():
    rating = claimreview(_data(rating_name="Unverifiable", rating_value=None))["reviewRating"]

    assert rating == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_a_value_outside_best_and_worst_is_not_published_as_a_number():
    rating = claimreview(_data(rating_value=9))["reviewRating"]

    assert "ratingValue" not in rating and rating["alternateName"] == "True"


def test_a_correction_sets_date_modified():
    review = claimreview(_data(corrected_at=dt.datetime(2022, 8, 1, 9, 30, tzinfo=dt.UTC)))

    assert review["dateModified"] == "2022-08-01T09:30:00+00:00"
    assert review["datePublished"] == "2022-07-14T10:00:00+00:00"


def test_a_claim_without_speaker_or_appearances_has_a_bare_claim_item():
    review = claimreview(_data(speaker="", appearances=[]))

    assert review["itemReviewed"] == {"@type": "Claim"}


@pytest.mark.parametrize(
    "speaker, kind",
    [
        ("Denis Pushilin", "Person"),
        ("Kim Jong Un", "Person"),
        ("KCNA", "Organization"),
        ("the Russian Defence Ministry", "Organization"),
        ("Ministry of Foreign Affairs of the DPRK", "Organization"),
        ("Korean Central News Agency", "Organization"),
        ("the White House", "Organization"),
    ],
)
def test_the_speaker_is_a_person_or_an_organization_by_the_shape_of_the_name(speaker, kind):
    assert speaker_type(speaker) == kind


def test_claim_reviewed_is_the_editors_summary_and_never_cut():
    long_summary = "A regional governor claimed bread prices in the capital rose 40 percent over the last year alone."

    review = claimreview(_data(claim_reviewed=long_summary))

    assert len(long_summary) > 75 and review["claimReviewed"] == long_summary


def test_without_a_summary_claim_reviewed_is_the_whole_claim_text():
    text = "The city's new tram line carried more passengers in its first month than the bus network did all year."

    assert claimreview(_data(claim_text=text))["claimReviewed"] == text


def test_an_article_without_a_url_still_appears_by_headline_outlet_and_date():
    when = dt.datetime(2022, 7, 13, 8, tzinfo=dt.UTC)
    review = claimreview(
        _data(speaker="", appearances=[Appearance(url="", headline="Wire copy", outlet="Agency X", published_at=when)])
    )

    item = review["itemReviewed"]
    assert item["datePublished"] == "2022-07-13T08:00:00+00:00"
    assert item["firstAppearance"] == {"@type": "CreativeWork", "headline": "Wire copy",
                                       "datePublished": "2022-07-13T08:00:00+00:00",
                                       "publisher": {"@type": "Organization", "name": "Agency X"}}  # fmt: skip
    assert item["appearance"] == [item["firstAppearance"]]


def test_the_organisation_carries_its_logo_and_same_as_profiles():
    review = claimreview(_data(organization_logo="https://checks.example/logo.png",
                               organization_same_as=("https://social.example/checks", "https://www.wikidata.org/wiki/Q1")))  # fmt: skip

    assert review["author"]["logo"] == {"@type": "ImageObject", "url": "https://checks.example/logo.png"}
    assert review["author"]["sameAs"] == ["https://social.example/checks", "https://www.wikidata.org/wiki/Q1"]
    (node,) = expand(review)
    (author,) = node[SCHEMA + "author"]
    assert {entry["@value"] if "@value" in entry else entry.get("@id") for entry in author[SCHEMA + "sameAs"]} == {
        "https://social.example/checks", "https://www.wikidata.org/wiki/Q1"
    }  # fmt: skip


# --- JSON-LD validity ----------------------------------------------------------------------------


def test_it_expands_as_json_ld_to_the_schema_org_claimreview_graph():
    (node,) = expand(claimreview(_data(corrected_at=dt.datetime(2022, 8, 1, tzinfo=dt.UTC))))

    assert node["@type"] == [SCHEMA + "ClaimReview"]
    assert value(node, "claimReviewed").startswith("North Korea")
    assert value(node, "url") == "https://factcheck.example/claims/7/"
    (rating,) = node[SCHEMA + "reviewRating"]
    assert rating["@type"] == [SCHEMA + "Rating"]
    assert value(rating, "ratingValue") == 5 and value(rating, "alternateName") == "True"
    (item,) = node[SCHEMA + "itemReviewed"]
    assert item["@type"] == [SCHEMA + "Claim"]
    assert len(item[SCHEMA + "appearance"]) == 2
    (author,) = node[SCHEMA + "author"]
    assert author["@type"] == [SCHEMA + "Organization"]
    nquads = jsonld.to_rdf(claimreview(_data()), {"documentLoader": offline_loader, "format": "application/n-quads"})
    assert "<https://schema.org/ClaimReview>" in nquads


def test_the_data_feed_expands_to_data_feed_items_wrapping_claimreviews():
    feed = data_feed([claimreview(_data(), with_context=False)], url="https://x.example/feed", date_modified=None)

    (node,) = expand(feed)

    assert node["@type"] == [SCHEMA + "DataFeed"]
    (element,) = node[SCHEMA + "dataFeedElement"]
    assert element["@type"] == [SCHEMA + "DataFeedItem"]
    assert element[SCHEMA + "item"][0]["@type"] == [SCHEMA + "ClaimReview"]


# --- shapes real consumers read ------------------------------------------------------------------


@pytest.mark.parametrize("row", real_records(), ids=lambda row: row["fixture_name"])
def test_the_consumer_reads_the_real_records_as_the_upstream_collector_does(row):
    expected = row["expected_by_upstream_tests"]
    review = row["claimreview"]

    if "numeric_rating" in expected:
        assert numeric_rating(review) == expected["numeric_rating"]
    if "appearances" in expected:
        assert appearances(review) == expected["appearances"]
    if "n_appearances" in expected:
        assert len(appearances(review)) == expected["n_appearances"]
    expand({"@context": "https://schema.org", **{k: v for k, v in review.items() if k != "@context"}})


def test_real_records_exist_for_the_shape_comparison():
    assert len(real_records()) == 6


def test_our_output_reads_like_the_real_records_for_that_consumer():
    ours = claimreview(_data())
    real = [row["claimreview"] for row in real_records()]

    assert numeric_rating(ours) == 1.0
    assert numeric_rating(claimreview(_data(rating_value=1))) == 0.0
    assert numeric_rating(claimreview(_data(rating_name="Unverifiable", rating_value=None))) is None
    assert appearances(ours) == ["https://tass.com/b", "https://kcna.kp/a"]
    # Every top-level key real publishers use for the review itself is in ours, with the same JSON type.
    common = {"@type", "url", "claimReviewed", "author", "reviewRating", "itemReviewed", "datePublished"}
    for record in real:
        for key in common & record.keys():
            assert isinstance(ours[key], type(record[key])), key
    for key in ("@type", "alternateName"):
        assert all(key in record["reviewRating"] for record in real)
        assert key in ours["reviewRating"]


# --- the endpoint ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_endpoint_serves_json_ld_built_from_the_database(anon_client, reviewer, editor, settings):
    settings.FACTCHECK_PUBLIC_BASE_URL = "https://checks.example"
    settings.FACTCHECK_ORGANIZATION_NAME = "Checks Example"
    settings.FACTCHECK_ORGANIZATION_URL = "https://checks.example/about"
    claim = make_claim(
        "The Russian Defence Ministry said 300 drones were downed overnight.", speaker="Russian Defence Ministry"
    )
    later = ArticleFactory(url="https://later.example/x", published_at=dt.datetime(2022, 7, 20, tzinfo=dt.UTC))
    ClaimMentionFactory(claim=claim, article=later, speaker="")
    verdict = publish(claim, reviewer=reviewer, editor=editor, rating_name="Unverifiable")

    response = anon_client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    review = response.json()
    assert review["url"] == f"https://checks.example/claims/{claim.pk}/"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Checks Example",
        "url": "https://checks.example/about",
    }
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Russian Defence Ministry"}
    assert review["itemReviewed"]["datePublished"] == "2022-07-13T09:00:00+00:00"
    assert len(review["itemReviewed"]["appearance"]) == 2
    assert review["datePublished"] == verdict.first_published_at.isoformat(timespec="seconds")
    assert expand(review)[0]["@type"] == [SCHEMA + "ClaimReview"]


@pytest.mark.django_db
def test_the_feed_pages_through_every_published_claimreview(anon_client, reviewer, editor):
    ids = {
        publish(make_claim(f"Claim {n}.", outlet_name=f"O{n}"), reviewer=reviewer, editor=editor).pk for n in range(5)
    }

    seen, url = [], "/api/v1/claimreviews/?page_size=2"
    while url:
        response = anon_client.get(url)
        feed = response.json()
        assert feed["@type"] == "DataFeed"
        seen += [element["item"]["url"] for element in feed["dataFeedElement"]]
        url = feed["next"]
        if url:
            assert f'<{url}>; rel="next"' in response["Link"]

    assert len(seen) == len(ids) == len(set(seen))
    assert json.dumps(feed)


@pytest.mark.django_db
def test_each_feed_item_equals_the_claimreview_of_its_verdict(anon_client, reviewer, editor):
    # The feed reads a page's mentions inside the page query on PostgreSQL; one verdict's endpoint
    # reads them with a query of their own. Both must give the same ClaimReview.
    for n in range(3):
        claim = make_claim(f"Claim {n} about the DPR.", outlet_name=f"Outlet {n}", speaker="" if n == 1 else "KCNA")
        ClaimMentionFactory(
            claim=claim, article=ArticleFactory(published_at=dt.datetime(2022, 7, 10 + n, 6, 5, 4, 321, tzinfo=dt.UTC))
        )
        ClaimMentionFactory(claim=claim, article=ArticleFactory(url=None, published_at=None))
        publish(claim, reviewer=reviewer, editor=editor)

    feed = anon_client.get("/api/v1/claimreviews/").json()

    assert len(feed["dataFeedElement"]) == 3
    for element, verdict in zip(feed["dataFeedElement"], Verdict.objects.order_by("-id")):
        assert element["item"] == anon_client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview").json()
        # the article ingested as text (no URL) appears too, by headline and outlet
        assert len(element["item"]["itemReviewed"]["appearance"]) == 3


@pytest.mark.django_db
def test_the_endpoint_publishes_the_editors_summary_and_the_claimant_of_an_article_without_url(
    anon_client, reviewer, editor, settings
):
    from claims import services
    from tests.factories import rating

    settings.FACTCHECK_ORGANIZATION_LOGO = "https://checks.example/logo.png"
    settings.FACTCHECK_ORGANIZATION_SAME_AS = ["https://social.example/checks"]
    claim = make_claim("The harbour authority said cargo volumes doubled at the eastern port between spring and autumn.",
                       speaker="Eastern Harbour Authority")  # fmt: skip
    claim.mentions.update(article=ArticleFactory(url=None, title="Wire: cargo doubles",
                                                 published_at=dt.datetime(2022, 9, 1, 7, tzinfo=dt.UTC)))  # fmt: skip
    services.claim_start_review(claim=claim, actor=reviewer)
    summary = "Cargo volumes doubled at the eastern port between spring and autumn of this year."
    services.verdict_save(claim=claim, rating=rating("False"), explanation="Port statistics show a 12% rise.",
                          claim_reviewed=summary, actor=reviewer)  # fmt: skip
    services.claim_mark_verdict_ready(claim=claim, actor=reviewer)
    verdict = services.verdict_publish(claim=claim, actor=editor)

    review = anon_client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview").json()

    assert review["claimReviewed"] == summary
    assert review["author"]["logo"]["url"] == "https://checks.example/logo.png"
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Eastern Harbour Authority"}
    assert item["datePublished"] == "2022-09-01T07:00:00+00:00"
    assert item["firstAppearance"]["headline"] == "Wire: cargo doubles" and "url" not in item["firstAppearance"]
    assert expand(review)[0]["@type"] == [SCHEMA + "ClaimReview"]


@pytest.mark.django_db
def test_the_claimant_is_who_made_the_claim_where_it_first_appeared_never_another_appearance_s_speaker(
    anon_client, reviewer, editor
):
    # The first appearance is an unattributed sentence of an agency's report; a later article quotes an official.
    claim = make_claim("Grain exports through the northern port doubled in a year.", outlet_name="Plains Agency",
                       speaker="", published=dt.datetime(2022, 3, 1, 9, tzinfo=dt.UTC))  # fmt: skip
    later = ArticleFactory(url="https://later.example/quote", published_at=dt.datetime(2022, 3, 9, tzinfo=dt.UTC))
    ClaimMentionFactory(claim=claim, article=later, speaker="Minister Ilse Varga")
    verdict = publish(claim, reviewer=reviewer, editor=editor)

    item = anon_client.get(f"/api/v1/verdicts/{verdict.pk}/claimreview").json()["itemReviewed"]

    assert item["author"] == {"@type": "Organization", "name": "Plains Agency"}
    assert item["datePublished"] == "2022-03-01T09:00:00+00:00"
