"""Writes: every change to articles, claims and verdicts goes through a function here, one module per workflow.

    permissions   who may do what; the input every write refuses
    workflow      a claim's status (the transition table, row-locked) and assignment
    verdicts      drafting, publishing, corrections that keep the published version up, unpublishing
    ratings       the rating scale
    ingestion     articles in (by URL through a worker, or as text/HTML), stored once
    extraction    an article's claims stored idempotently; re-extraction keeps editors' work
    matching      one claim, many appearances: embeddings, same-claim merges, suggestions
    editing       editors repair claims: rewrite, split, add from the article, merge with confirmation
    notes         internal notes on a claim
    webhooks      signed POSTs to subscribers when a verdict is published
    google        Google Fact Check Tools sync

Every task is enqueued after commit through factcheck.enqueue. The names below are re-exported so that
callers write `services.verdict_publish(...)`; a module of this package imports its siblings directly.
"""

from .editing import (  # noqa: F401
    EDITABLE_STATUSES,
    MAX_CLAIM_CHARS,
    MergePlan,
    SplitPart,
    claim_add_from_article,
    claim_edit_text,
    claim_merge_confirm,
    claim_merge_plan,
    claim_split,
    names_only_in,
)
from .extraction import (  # noqa: F401
    NEAR_DUPLICATE_RATIO,
    article_extract,
    article_extraction_claim,
    article_request_extraction,
    articles_restart_stuck_extraction,
)
from .google import (  # noqa: F401
    google_factcheck_enabled,
    verdict_google_sync,
    verdict_google_sync_queue,
)
from .ingestion import (  # noqa: F401
    HTML_TYPES,
    article_fetch_request,
    article_fetch_run,
    article_ingest,
    fetch_error_public,
    outlet_get_or_create,
    text_sha256,
)
from .matching import (  # noqa: F401
    MATCH_NEIGHBOURS,
    claim_embed,
    claim_match,
    claim_match_decide,
    claim_merge,
    claims_embed_missing,
    merge_order,
)
from .notes import (  # noqa: F401
    MAX_NOTE_CHARS,
    assignable_users,
    claim_note_add,
    claim_notes,
)
from .permissions import (  # noqa: F401
    MATCH_PERMISSION,
    PUBLISH_PERMISSION,
    REVIEW_PERMISSION,
    refuse_control_characters,
    require,
)
from .ratings import (  # noqa: F401
    DEFAULT_RATING_SCALE,
    rating_scale_ensure_default,
)
from .verdicts import (  # noqa: F401
    claim_reopen_for_correction,
    verdict_drafted_by,
    verdict_four_eyes_blocks,
    verdict_publish,
    verdict_save,
    verdict_unpublish,
    verdict_version,
)
from .webhooks import (  # noqa: F401
    WEBHOOK_MAX_RESPONSE_BYTES,
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMEOUT_SECONDS,
    WebhookDeliveryError,
    verdict_announce,
    webhook_deliver,
    webhook_signature,
    webhook_signature_valid,
    webhook_subscription_save,
)
from .workflow import (  # noqa: F401
    CLAIM_EDITABLE_FIELDS,
    STEPS,
    TRANSITIONS,
    UNDECIDED,
    Step,
    allowed_transitions,
    claim_assign,
    claim_dismiss,
    claim_edit,
    claim_mark_verdict_ready,
    claim_restore,
    claim_send_back,
    claim_start_review,
    claim_steps_open,
    claim_untouched,
    published_verdict,
    transition,
)
