"""Secrets out of anything people read: errors stored on rows, log lines, start-up messages.

Provider keys travel in query strings (Google's `?key=`), so an error that quotes the URL it failed on
would hand the key to every reviewer who reads the fetch status, and to the logs. `redact` blanks the
values of credential-like query parameters, the password of a URL, and the configured keys themselves.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings

_SECRET_PARAMETER = re.compile(
    r"(?i)([?&;](?:key|api_?key|access_?token|token|secret|client_secret|password|passwd|sig|signature)=)[^&#\s'\"]+"
)
# user:password@host, also in a URL mistyped badly enough that its scheme does not parse
_URL_PASSWORD = re.compile(r"(:)[^:@/\s'\"]+(@)")
_CONFIGURED_SECRETS = ("FACTCHECK_GOOGLE_API_KEY", "FACTCHECK_LLM_API_KEY")
MASK = "[redacted]"


def redact(text: str) -> str:
    if not text:
        return text
    text = _SECRET_PARAMETER.sub(lambda m: m.group(1) + MASK, text)
    text = _URL_PASSWORD.sub(lambda m: m.group(1) + MASK + m.group(2), text)
    for name in _CONFIGURED_SECRETS:
        secret = getattr(settings, name, "") if settings.configured else ""
        if secret and len(secret) >= 6:
            text = text.replace(secret, MASK)
    return text


class RedactSecretsFilter(logging.Filter):
    """On a handler: every record it writes, traceback included, goes through `redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
