"""Public HTML: the index of published fact-checks, and one page per published claim carrying its ClaimReview
for search engines and OpenGraph / Twitter card tags for link previews."""

import json

from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe

from . import selectors
from .links import public_source_url

# The characters that could end a <script> element or open a comment, escaped as JSON allows.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element whose content cannot break out of the element."""
    payload = json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">\n{payload}\n</script>')


def claim_public_detail(request, claim_id: int):
    verdict = selectors.verdict_list_published().filter(claim_id=claim_id).first()
    if verdict is None:
        raise Http404("No published verdict for this claim.")
    (review,) = selectors.claimreviews_for_verdicts([verdict])
    mentions = list(verdict.claim.mentions.select_related("article__outlet").order_by("article__published_at", "start"))
    context = {
        "verdict": verdict,
        "claim": verdict.claim,
        "claimreview": review,
        "claimreview_script": jsonld_script(review),
        "appearances": mentions,
        # Readers get a source's own http(s) URL or none: never an admin page (claims.links.public_source_url).
        "sources": [
            {
                "title": s.title,
                "url": public_source_url(s.url),
                "published_at": s.published_at,
                "archive_url": public_source_url(s.archive_url),
            }
            for s in verdict.sources.all()
        ],  # fmt: skip
    }
    return render(request, "claims/claim_public.html", context)


PUBLIC_INDEX_PAGE_SIZE = 20
MAX_SEARCH_CHARS = 200


def public_index(request):
    """Published fact-checks, newest first, searchable by the claim's words; two queries a page, however many rows."""
    from django.conf import settings
    from django.core.paginator import Paginator

    query = " ".join(request.GET.get("q", "").split())[:MAX_SEARCH_CHARS]
    rows = selectors.public_index_rows(search=query)
    page = Paginator(rows, PUBLIC_INDEX_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "query": query, "organization_name": settings.FACTCHECK_ORGANIZATION_NAME}
    return render(request, "claims/public_index.html", context)
