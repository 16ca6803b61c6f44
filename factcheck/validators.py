"""Validators shared by both apps' models."""

from urllib.parse import urlsplit

from django.core.validators import URLValidator

# URLs stored as links (sources, articles, webhook targets): http(s) only. Django's URLField also admits
# ftp and ftps; a `javascript:` URL it refuses already, but only when a form validates the field.
WEB_URL = URLValidator(schemes=["http", "https"], message="Enter an http or https URL.")


def is_web_url(url: str) -> bool:
    """Whether `url` is http(s) with a host and nothing a browser would silently drop (spaces, tabs,
    control characters): the only URLs stored as sources or rendered as links. Provider data has
    carried `javascript:` review URLs, which a link would run in the reader's session."""
    if not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False
