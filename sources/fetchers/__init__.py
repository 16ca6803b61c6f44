"""Source fetchers: one module per provider, all behind the interface in `base`.

Enabled for new claims by name in settings.FACTCHECK_FETCHERS; `registry()` knows every name.
"""

from .base import (
    ClaimQuery,
    FetcherNotConfigured,
    FoundDocument,
    MentionContext,
    enabled_fetchers,
    get_fetcher,
    registry,
)

__all__ = [
    "ClaimQuery", "FoundDocument", "MentionContext", "FetcherNotConfigured", "registry", "get_fetcher", "enabled_fetchers",
]  # fmt: skip
