"""One error shape for every 4xx the API answers:

    {"error": {"status": 400, "code": "invalid_input", "message": "...", "fields": {...}}}

`fields` appears only for validation errors and maps a field name to its messages.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from factcheck.exceptions import DomainError


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for key, value in detail.items():
            message = _first_message(value)
            return message if key == "non_field_errors" else f"{key}: {message}"
        return "Invalid input."
    if isinstance(detail, list):
        return _first_message(detail[0]) if detail else "Invalid input."
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        body = {"status": exc.status_code, "code": exc.code, "message": exc.message}
        return Response({"error": body}, status=exc.status_code)
    if isinstance(exc, Http404):
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

