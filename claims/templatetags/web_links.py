"""`{{ url|web_url }}`: the URL when it may be a link (http or https with a host), else ''.

Stored rows predate the check on what is stored, so templates check again before writing an href.
"""

from django import template

from factcheck.validators import is_web_url

register = template.Library()


@register.filter
def web_url(url) -> str:
    return url if isinstance(url, str) and is_web_url(url) else ""
