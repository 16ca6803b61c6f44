"""Public HTML: one page per published claim, carrying its ClaimReview for search engines."""

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
        "sources": [{"title": s.title, "url": public_source_url(s.url)} for s in verdict.sources.all()],
    }
    return render(request, "claims/claim_public.html", context)
