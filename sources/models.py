"""Documents that may corroborate or refute a claim, the passages that matter, and fetch bookkeeping.

Written by `sources.services`; fetchers in `sources/fetchers/` return plain data.
"""

from django.conf import settings
from django.db import models

from factcheck.validators import WEB_URL


class Source(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", "News article"
        REFERENCE = "reference", "Reference work"
        FACT_CHECK = "fact_check", "Earlier fact-check"
        ARTICLE = "article", "Ingested article"
        CITED = "cited", "Cited outlet or agency"
        OTHER = "other", "Other"

    url = models.URLField(
        max_length=2000, unique=True, validators=[WEB_URL], help_text="Canonical URL: a page is stored once."
    )
    title = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    outlet = models.ForeignKey("claims.Outlet", null=True, blank=True, on_delete=models.PROTECT, related_name="sources")
    published_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True, db_index=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    text = models.TextField(blank=True, help_text="Text snapshot at fetch time.")
    text_sha256 = models.CharField(max_length=64, blank=True)
    fetch_error = models.TextField(blank=True)
    archive_url = models.URLField(
        max_length=2000,
        blank=True,
        help_text="An archived copy (e.g. web.archive.org), given by the editor who cited it.",
    )
    metadata = models.JSONField(
        default=dict, blank=True, help_text="Provider extras, e.g. a fact-check's publisher and textual rating."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-fetched_at", "-id"]

    def __str__(self):
        return self.title or self.url


class Evidence(models.Model):
    """A passage of a source, ranked against a claim, with a machine stance suggestion."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        MENTIONS = "mentions", "Mentions"
        UNCLEAR = "unclear", "Unclear"

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    passage = models.TextField()
    passage_sha256 = models.CharField(max_length=64, help_text="Identifies the passage for uniqueness.")
    relevance = models.FloatField(default=0.0)
    stance = models.CharField(max_length=16, choices=Stance.choices, default=Stance.UNCLEAR)
    stance_reason = models.CharField(max_length=500, blank=True, help_text="The signals behind the suggestion.")
    fetcher = models.CharField(max_length=32, help_text="Which fetcher found it.")
    published_after_claim = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["claim_id", "-relevance"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "source", "passage_sha256"], name="evidence_unique_passage"),
        ]

    def __str__(self):
        return f"{self.get_stance_display()} ({self.relevance:.2f}): {self.passage[:80]}"


class Lead(models.Model):
    """A place to look that no fetcher could read for a claim, shown to editors as a to-do rather than as
    evidence: e.g. the outlet an article attributes the claim to ("Find TASS's own report")."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="leads")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="leads")
    todo = models.CharField(max_length=300, help_text="What an editor should look for.")
    context = models.TextField(blank=True, help_text="Why: the sentences that point there.")
    fetcher = models.CharField(max_length=32, help_text="Which fetcher suggested it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim_id", "id"]
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="lead_unique_source")]

    def __str__(self):
        return self.todo


class ClaimFetch(models.Model):
    """Where one fetcher stands for one claim."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="fetches")
    fetcher = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    sources_found = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["claim_id", "fetcher"]
        constraints = [models.UniqueConstraint(fields=["claim", "fetcher"], name="claimfetch_unique_fetcher")]

    def __str__(self):
        return f"{self.fetcher} for claim {self.claim_id}: {self.status}"


class SourceRequest(models.Model):
    """A URL an editor asked to be fetched for a claim (the `url` fetcher reads these)."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="source_requests")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="sourcerequest_unique_source")]

    def __str__(self):
        return f"{self.source.url} for claim {self.claim_id}"
