"""Articles, the claims they make, where each claim appears, and the verdicts editors give.

Rows are written by `claims.services`; nothing here has behaviour beyond
derived properties, so every write goes through one validated path.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from factcheck.validators import WEB_URL


class Outlet(models.Model):
    """A publisher: a news site, an agency, a broadcaster."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, unique=True, null=True, blank=True, help_text="e.g. tass.com")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Article(models.Model):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        UNSUPPORTED = "unsupported", "Unsupported language"

    url = models.URLField(
        max_length=2000, unique=True, null=True, blank=True, validators=[WEB_URL], help_text="Canonical URL."
    )
    title = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    byline = models.CharField(max_length=300, blank=True)
    raw_text = models.TextField(help_text="The text or HTML as received.")
    cleaned_text = models.TextField()
    text_sha256 = models.CharField(max_length=64, unique=True, help_text="sha256 of the cleaned text.")
    language = models.CharField(max_length=16, blank=True)
    ingested_at = models.DateTimeField(auto_now_add=True, db_index=True)
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING, db_index=True
    )
    extraction_error = models.TextField(blank=True)
    extraction_status_at = models.DateTimeField(
        null=True, blank=True, default=timezone.now,
        help_text="When the extraction status last changed: the sweeper restarts what a crash left pending or running.",
    )  # fmt: skip

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return self.title or self.url or f"Article {self.pk}"


class ArticleFetch(models.Model):
    """An article asked for by URL alone: a worker fetches the page (never the web request) and ingests it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    url = models.URLField(max_length=2000, validators=[WEB_URL])
    title = models.CharField(max_length=500, blank=True)
    outlet_name = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.CharField(max_length=300, blank=True, help_text="What went wrong, in words safe to show.")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.url


class Claim(models.Model):
    """One canonical atomic claim, however many articles make it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        VERDICT_READY = "verdict_ready", "Verdict ready"
        PUBLISHED = "published", "Published"
        DISMISSED = "dismissed", "Dismissed (not check-worthy)"

    class Type(models.TextChoices):
        EVENT = "event", "Event or action"
        STATISTIC = "statistic", "Number or statistic"
        QUOTE = "quote", "Reported statement"
        ATTRIBUTE = "attribute", "Fact about an entity"
        PREDICTION = "prediction", "Prediction or plan"
        OTHER = "other", "Other"

    text = models.TextField()
    extracted_text = models.TextField(
        blank=True, help_text="The text as the machine extracted it, kept when an editor rewrites the claim."
    )
    normalized_text = models.TextField(
        db_index=True, help_text="Lower-cased, punctuation-free form for exact matching."
    )
    checkworthiness = models.FloatField(default=0.0, db_index=True)
    checkworthiness_signals = models.JSONField(
        default=list, blank=True, help_text="The strongest reasons for the check-worthiness score: [words, push] pairs."
    )
    claim_type = models.CharField(max_length=16, choices=Type.choices, default=Type.OTHER)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    about_date = models.DateField(null=True, blank=True, help_text="The date the claim is about, if any.")
    needs_context = models.TextField(
        blank=True,
        help_text='What the claim does not say by itself (an unresolved pronoun, "the <noun>" never introduced, a '
        "relative date), as found by extraction; empty when it reads alone.",
    )
    decomposed = models.BooleanField(
        default=True,
        help_text="False: the whole sentence, which no decomposition rule understood (check it is one fact).",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-checkworthiness", "-created_at"]
        indexes = [models.Index(fields=["status", "-checkworthiness", "-created_at"], name="claim_queue_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0.0) & Q(checkworthiness__lte=1.0), name="claim_checkworthiness_0_1"
            ),
        ]
        permissions = [
            ("publish_verdict", "Can approve, publish, unpublish and correct verdicts"),
        ]

    def __str__(self):
        return self.text[:120]


class ClaimMention(models.Model):
    """One appearance of a claim in an article."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Character offset of the sentence in the article's cleaned text.")
    end = models.PositiveIntegerField()
    speaker = models.CharField(max_length=300, blank=True, help_text="Who made the claim.")
    cited_source = models.CharField(max_length=300, blank=True, help_text='As written: "Tass", "Telegram", "KCNA".')
    is_direct_quote = models.BooleanField(default=False)
    extracted_by = models.CharField(max_length=32, blank=True, help_text="Extraction backend: spacy, llm or editor.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who recorded this mention by hand (empty when the machine found it).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "article", "start", "end"], name="mention_unique_span"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="mention_span_ordered"),
        ]

    def __str__(self):
        return f"{self.claim_id} in {self.article_id} [{self.start}:{self.end}]"


class Rating(models.Model):
    """One step of the rating scale. The scale is data: admins may rename, add or retire steps."""

    name = models.CharField(max_length=64, unique=True)
    value = models.IntegerField(
        null=True, blank=True, unique=True, help_text="ClaimReview ratingValue; empty for ratings off the scale."
    )
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = [models.F("value").desc(nulls_last=True)]

    def __str__(self):
        return self.name


class Verdict(models.Model):
    """The editors' verdict on a claim. Corrections edit it; its history keeps every earlier version."""

    claim = models.OneToOneField(Claim, on_delete=models.PROTECT, related_name="verdict")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    explanation = models.TextField()
    claim_reviewed = models.TextField(
        blank=True,
        help_text="ClaimReview's claimReviewed: the editors' short statement of the claim (empty: the claim's text).",
    )
    sources = models.ManyToManyField("sources.Source", blank=True, related_name="verdicts")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="verdicts_written"
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True, help_text="Empty while unpublished.")
    first_published_at = models.DateTimeField(null=True, blank=True)
    corrected_at = models.DateTimeField(null=True, blank=True)
    correction_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[sources])

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return f"{self.rating}: {self.claim}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class VerdictCorrection(models.Model):
    """A correction being drafted for a published verdict.

    The verdict row stays the published record, serving the page, the API, ClaimReview and the feeds,
    until the correction is published: then this draft's rating, explanation and sources replace the
    verdict's and the row is deleted. Keeping the draft apart means no read path can show readers a
    half-edited verdict, and every public read keeps reading the one Verdict row it always did.
    """

    verdict = models.OneToOneField(Verdict, on_delete=models.CASCADE, related_name="correction")
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="+")
    claim_reviewed = models.TextField(blank=True, help_text="The corrected claimReviewed (empty: the claim's text).")
    explanation = models.TextField()
    sources = models.ManyToManyField("sources.Source", blank=True, related_name="+")
    reason = models.TextField(help_text="What is being corrected; published with the correction.")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Who last drafted the correction.",
    )  # fmt: skip
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Correction of verdict {self.verdict_id}: {self.reason[:80]}"


class VerdictPublication(models.Model):
    """One publication of a verdict, exactly as readers got it; written once, never changed.

    The first publication is number 1; each published correction adds the next. The history page
    shows these in full (the model history's diffs are cut short).
    """

    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="publications")
    number = models.PositiveIntegerField()
    claim_text = models.TextField()
    claim_reviewed = models.TextField(blank=True)
    rating_name = models.CharField(max_length=64)
    rating_value = models.IntegerField(null=True, blank=True)
    explanation = models.TextField()
    sources = models.JSONField(default=list, help_text="[{id, url, title}] as cited at publication.")
    correction_reason = models.TextField(blank=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["verdict_id", "-number"]
        constraints = [models.UniqueConstraint(fields=["verdict", "number"], name="verdict_publication_unique_number")]

    def __str__(self):
        return f"Verdict {self.verdict_id}, publication {self.number}"


class ClaimNote(models.Model):
    """An editors' internal note on a claim: who wrote it and when. Never public."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Note on claim {self.claim_id} by {self.author}"


class ClaimMatchSuggestion(models.Model):
    """Two claims that may be the same, awaiting (or carrying) an editor's decision.

    The pair is stored with claim_id < candidate_id so that one pair has one row;
    a rejected pair is never suggested again.
    """

    class Decision(models.TextChoices):
        PENDING = "pending", "Pending"
        CONFIRMED = "confirmed", "Same claim"
        REJECTED = "rejected", "Different claims"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="match_suggestions")
    candidate = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    conflict = models.CharField(
        max_length=64,
        blank=True,
        help_text="Why these near-twins may contradict each other (different numbers, one is negated): "
        "non-empty means a possible contradiction, shown on both claims.",
    )
    decision = models.CharField(max_length=16, choices=Decision.choices, default=Decision.PENDING, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "candidate"], name="match_suggestion_unique_pair"),
            models.CheckConstraint(condition=Q(claim__lt=models.F("candidate")), name="match_suggestion_ordered_pair"),
        ]

    def __str__(self):
        return f"{self.claim_id} ~ {self.candidate_id} ({self.score:.2f}, {self.decision})"


class WebhookSubscription(models.Model):
    """A URL that receives an HMAC-signed POST when a verdict is published or corrected."""

    url = models.URLField(max_length=2000, validators=[WEB_URL])
    secret = models.CharField(max_length=128, help_text="Shared secret for the X-Factcheck-Signature HMAC.")
    is_active = models.BooleanField(default=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="webhook_deliveries")
    event = models.CharField(max_length=32, help_text="verdict.published or verdict.corrected")
    event_id = models.CharField(max_length=64, help_text="Idempotency key sent to the receiver.")
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.UniqueConstraint(fields=["subscription", "event_id"], name="webhook_delivery_unique_event"),
        ]


class ClaimEmbedding(models.Model):
    """A claim's sentence embedding, for semantic matching (see claims.matching).

    `vector` is the portable form (little-endian float32, L2-normalised) on every database.
    Where PostgreSQL has pgvector, the table also carries a `vector(384)` column with an HNSW
    index, added by claims.matching.pgvector_schema outside Django's model state.
    """

    claim = models.OneToOneField(Claim, primary_key=True, on_delete=models.CASCADE, related_name="embedding")
    vector = models.BinaryField()
    model_name = models.CharField(max_length=200, help_text="The embedding model that made the vector.")
    text_sha256 = models.CharField(max_length=64, help_text="sha256 of the text embedded: re-embed when it changes.")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self):
        return f"Embedding of claim {self.claim_id} ({self.model_name})"


class GoogleFactCheckPage(models.Model):
    """A verdict's ClaimReview markup page in Google's Fact Check Tools API, as last synced.

    One row per verdict that has ever been queued for sync. `name` and `version_id` are what Google
    returned (pages/{id}, and the version an update must quote); `body_sha256` is the body last sent,
    so a redelivered task that finds nothing changed sends nothing.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SYNCED = "synced", "Synced"
        DELETED = "deleted", "Deleted"
        FAILED = "failed", "Failed"

    verdict = models.OneToOneField(Verdict, on_delete=models.CASCADE, related_name="google_page")
    name = models.CharField(max_length=200, blank=True, help_text="Google's resource name: pages/{page_id}.")
    version_id = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    body_sha256 = models.CharField(max_length=64, blank=True, help_text="sha256 of the markup page last sent.")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    synced_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Google Fact Check page"

    def __str__(self):
        return f"{self.name or 'no page'} for verdict {self.verdict_id} ({self.status})"


class PublicationGeneration(models.Model):
    """One row whose number goes up in the same transaction as every change to what the public reads.

    Public responses are cached and validated (ETag, 304) under the current number, so a publication,
    unpublication or correction makes every cached page and every reader's ETag stale the moment it commits,
    in every process: the number is read from the database, not from a per-process cache.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "publication generation"

    def __str__(self):
        return f"public output generation {self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
