"""Who may call what, for every app's API. Reads are open (the querysets decide what each reader sees); writes
need a role.

The services check the same permissions again: this layer answers early, before a request body
is validated against rows the caller may not see (a 400 naming a hidden claim would leak it).
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class ActionPermission(BasePermission):
    """Safe methods for everyone; any other action needs the Django permission the view maps it to.

    A view sets `action_permissions = {"create": "claims.change_claim", ...}`; an unsafe action
    it does not list is refused, so a new endpoint is closed until someone opens it on purpose.
    """

    message = "You do not have permission to do this."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        if not hasattr(view, request.method.lower()):
            return True  # no handler for this method: let the view answer 405
        needed = getattr(view, "action_permissions", {}).get(getattr(view, "action", None), False)
        if needed is False:
            return False
        if needed is None:  # any signed-in account
            return True
        if not user.has_perm(needed):
            self.message = "You do not have permission to do this: it needs %s." % needed.split(".")[1].replace(
                "_", " "
            )
            return False
        return True
