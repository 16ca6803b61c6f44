"""The editors' workbench in Django's admin, one module per page.

    queue          the review queue (ClaimAdmin's changelist): filters, columns, saved views
    claim          the claim page (ClaimAdmin), with claim_form (the verdict form) and
                   claim_actions (workflow buttons, bulk actions, the publish confirmation)
    editing        pages where editors repair claims: rewrite, split, add, merge; notes and assignment
    article        the article page
    tables         outlets, ratings, verdicts, match suggestions
    accounts       people and roles (the Admin role manages people, not power)
    webhooks       each editor's webhook subscriptions

Every state change goes through `claims.services`; a DomainError they raise becomes an admin error message,
never a 500. Importing this package registers every page.
"""

from . import accounts, article, claim, tables, webhooks  # noqa: F401
from .claim import ClaimAdmin  # noqa: F401
from .queue import QueuePaginator  # noqa: F401
