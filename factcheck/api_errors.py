"""One error shape for every 4xx the API answers:

    {"error": {"status": 400, "code": "invalid_input", "message": "...", "fields": {...}}}

`fields` appears only for validation errors and maps a field name to its messages.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from factcheck.exceptions import DomainError
from factcheck.middleware import DATABASE_BUSY_RETRY_AFTER, database_busy


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for key, value in detail.items():
            message = _first_message(value)
            return message if key == "non_field_errors" else f"{key}: {message}"
        return "Invalid input."
    if isinstance(detail, list):
        return _first_message(detail[0]) if detail else "Invalid input."
    return str(detail)


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "request_too_large"

    def __init__(self):
        from django.conf import settings

        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(f"The request body is larger than the {limit:,} bytes accepted.")


def exception_handler(exc, context):
    if database_busy(exc):
        body = {"status": 503, "code": "database_busy",
                "message": "The database is busy with another write; try again in a few seconds."}  # fmt: skip
        return Response({"error": body}, status=503, headers={"Retry-After": str(DATABASE_BUSY_RETRY_AFTER)})
    if isinstance(exc, DomainError):
        body = {"status": exc.status_code, "code": exc.code, "message": exc.message}
        return Response({"error": body}, status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": getattr(exc, "default_code", "error")}
    if isinstance(exc, exceptions.ValidationError):
        body["code"] = "invalid_input"
        body["message"] = _first_message(exc.detail)
        body["fields"] = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    else:
        detail = getattr(exc, "detail", "")
        body["message"] = _first_message(detail) if detail else response.status_text
        if hasattr(detail, "code"):
            body["code"] = detail.code
    response.data = {"error": body}
    return response


# --- The error shape in the OpenAPI schema -------------------------------------------------------


class ErrorBodySerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status, repeated.")
    code = serializers.CharField(help_text="Stable machine-readable code, e.g. invalid_input, not_authenticated.")
    message = serializers.CharField(help_text="What went wrong, for a person.")
    fields = serializers.DictField(
        child=serializers.JSONField(), required=False, help_text="Validation errors by field name."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()


_ERRORS_EVERYWHERE = {
    400: "Invalid input: a body or query parameter that does not validate",
    401: "Not signed in (send `Authorization: Token <key>` or use a session)",
    403: "Signed in, but not allowed",
    404: "No such object, or not published",
    405: "Method not allowed",
    406: "Cannot answer in the media type asked for",
    429: "Too many requests: slow down (see Retry-After)",
}
_ERRORS_ON_WRITES = {
    413: "The request body is larger than the server accepts (DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE)",
    409: "The review workflow does not allow this now (e.g. publishing a verdict that is not ready)",
    415: "Unsupported media type: send JSON",
}


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's AutoSchema, with the one error shape documented for every status the API can answer."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = dict(_ERRORS_EVERYWHERE)
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            codes |= _ERRORS_ON_WRITES
        for code, description in codes.items():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=description), str(code), direction=direction
                )
        return responses
