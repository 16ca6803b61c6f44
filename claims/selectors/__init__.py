"""Reads for articles, claims and verdicts: services write, these only select. One module per reader.

    visibility   who sees what: the one definition of "public" every API queryset starts from
    verdicts     published verdicts as flat rows, ClaimReview, the public index
    queue        the review queue's rows and filters, the claim page's panels (similar, contradictions)
    matching     "has this been checked?": claims close in meaning, the verdict that already covers a claim

The names are re-exported so that callers write `selectors.claim_queue()`.
"""

from .matching import (  # noqa: F401
    ClaimMatch,
    claim_appearances,
    claim_known_verdict,
    claim_known_verdict_claim_id,
    claim_match_text,
    claim_stored_vector,
    match_kind,
)
from .queue import (  # noqa: F401
    article_mentions_with_claims,
    claim_contradictions,
    claim_filter_checkworthiness_band,
    claim_filter_checkworthy,
    claim_filter_contradiction,
    claim_filter_has_evidence,
    claim_filter_outlet,
    claim_matches_published,
    claim_queue,
    claim_queue_hints,
    claim_search,
    claim_similar,
    count_of,
)
from .verdicts import (  # noqa: F401
    CLAIMREVIEW_ROW_FIELDS,
    VERDICT_ROW_FIELDS,
    claimreview_rows,
    claimreviews_for_verdicts,
    public_index_rows,
    rating_scale_bounds,
    verdict_row,
    verdict_rows,
    verdict_rows_complete,
    verdict_rows_visible,
    verdicts_attach_sources,
)
from .visibility import (  # noqa: F401
    PUBLISHED_CLAIM,
    PUBLISHED_VERDICT,
    STAFF_READ_PERMISSION,
    article_is_public,
    article_list_visible,
    claim_list_visible,
    claim_published_q,
    claim_status_for,
    user_sees_unpublished,
    verdict_list_published,
    verdict_list_visible,
    verdicts_visible,
)
