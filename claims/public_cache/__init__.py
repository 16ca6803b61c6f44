"""Anonymous reads of published work: conditional requests and a server-side cache that never serves a takedown.

Everything the public reads (the published-verdict list and detail, ClaimReview, the DataFeed, the Atom feed, the
public claim page, published claims) changes through an editor's publication, unpublication or correction. Those go
through `public_output_changed()`, which raises one number in the database inside the same transaction. Every public
response is validated and cached under that number:

- `ETag` and `Last-Modified` come from the number (and a time bucket, below) without running the view, so an
  aggregator's repeated poll costs one primary-key read and answers `304 Not Modified`;
- a full response is kept in Django's cache under the number; the first read after a publication misses and
  renders afresh, in every process, because the number is read from the database per request. A reader therefore
  never gets an unpublished verdict from the cache: the unpublication's commit changes the number the next request
  reads. (A page rendered while the unpublication commits is stored under the number read before the render, which
  no request reads once the commit is visible.)

What changes without an editor (new evidence on a published claim, an outlet's name) is not worth a new number on
every background write; it shows within `FACTCHECK_PUBLIC_CACHE_SECONDS`, the life of a time bucket that is part of
every key and ETag.

Only anonymous GET/HEAD requests are served here: a request carrying credentials (an `Authorization` header or a
session cookie) may see unpublished rows and always reaches the view. A cached hit does not pass the API's throttle
(it costs less than the throttle's own bookkeeping).

Two ways in, one behaviour:
- `fast_path.PublicReadsFastPath` (WSGI, factcheck/wsgi.py) answers 304s and cache hits before Django's handler;
- `middleware.PublicCacheMiddleware` (settings.MIDDLEWARE) answers the rest and fills the cache.
Both take their validators and stored pages from `pages` and the number from `generation`.
"""

from .generation import public_output_changed
from .middleware import PublicCacheMiddleware

__all__ = ["PublicCacheMiddleware", "public_output_changed"]
