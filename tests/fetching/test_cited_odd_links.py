"""A link the cited fetcher cannot use (an IPv6 literal, a malformed bracket, a private address) is recorded or
skipped on its own; the article's other links and named outlets are still fetched for every claim."""

import pytest

from sources.fetchers.cited import linked_urls
from sources.models import ClaimFetch, Evidence, Source
from tests.factories import ArticleFactory, ClaimFactory, ClaimMentionFactory

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>Port reopens</title></head><body><article>"
    "<p>The port of Varna reopened on 4 April 2023 after repairs, the harbour authority said.</p></article></body></html>"
)


def test_ipv6_literal_links_are_read_whole():
    text = 'See http://[2001:db8::7]/report, <a href="https://[2001:db8::8]:8443/a?b=1">this</a> and http://[oops/x.'

    assert linked_urls(text)[:2] == ["http://[2001:db8::7]/report", "https://[2001:db8::8]:8443/a?b=1"]


@pytest.mark.parametrize("odd", ["http://[2001:db8::7]/report", "http://[::1]/admin", "http://[not-an-address]/x",
                                 "http://[2001:db8::7/unclosed"])  # fmt: skip
def test_an_odd_link_does_not_fail_the_fetch_for_the_claim(httpserver, fetch_now, odd):
    httpserver.expect_request("/port").respond_with_data(PAGE, content_type="text/html")
    good = httpserver.url_for("/port")
    article = ArticleFactory(raw_text=f'<p>Details at {odd} and <a href="{good}">as Reuters reported</a>.</p>')
    claim = ClaimFactory(text="The port of Varna reopened on 4 April 2023.")
    ClaimMentionFactory(
        claim=claim, article=article, sentence="The port reopened, as Reuters reported.", cited_source="Reuters"
    )

    fetch_now(claim, "cited")

    fetch = ClaimFetch.objects.get(claim=claim, fetcher="cited")
    assert fetch.status == "done", fetch.error
    assert Evidence.objects.filter(claim=claim, source__url=good).exists()
    assert Source.objects.filter(url="https://reuters.com/", kind=Source.Kind.CITED).exists()
