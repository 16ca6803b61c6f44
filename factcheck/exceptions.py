"""Domain errors raised by services.

Views, admin actions and commands translate them, each in one place: the API's
exception handler (factcheck.api_errors) renders them as the one error shape,
the admin shows their message, commands exit non-zero with it.
"""


class DomainError(Exception):
    """A request the domain refuses, with a message meant for the person who made it."""

    code = "invalid"
    status_code = 400

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidTransition(DomainError):
    code = "invalid_transition"
    status_code = 409


class NotAllowed(DomainError):
    code = "permission_denied"
    status_code = 403


class InvalidInput(DomainError):
    code = "invalid_input"
    status_code = 400


class StaleVersion(DomainError):
    """The thing changed since the caller last read it (HTTP 412 Precondition Failed)."""

    code = "stale_version"
    status_code = 412


class VersionRequired(DomainError):
    """A change that must name the version it was decided on did not (HTTP 428 Precondition Required)."""

    code = "version_required"
    status_code = 428
