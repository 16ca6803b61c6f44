"""Filters for the public pages."""

from django import template
from django.utils.html import Urlizer
from django.utils.safestring import mark_safe

register = template.Library()


class _WebLinks(Urlizer):
    """Django's urlize (escapes the text, links http(s) and www. addresses), minus e-mail addresses: only
    web links become clickable; anything else, `javascript:` included, stays escaped text."""

    @staticmethod
    def is_email_simple(value):
        return False


_web_links = _WebLinks()


@register.filter(is_safe=True, needs_autoescape=True)
def web_links(text, autoescape=True):
    """The text, escaped, with its http(s) links clickable (rel="nofollow")."""
    return mark_safe(_web_links(text, nofollow=True, autoescape=autoescape))
