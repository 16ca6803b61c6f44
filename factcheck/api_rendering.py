"""JSON out of the API, encoded by orjson.

DRF's JSONRenderer spends about as long in `json.dumps` as the database spends on the page (a
50-row ClaimReview feed page: ~1.4 ms of 8). orjson writes the same compact UTF-8 JSON in a
fraction of that. Whatever orjson does not encode itself goes to DRF's own encoder, datetimes
included, so every value is written exactly as before ("…Z" for UTC, lazy strings, decimals,
querysets). Indented output (the browsable API) is left to DRF's renderer.
"""

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

_drf_default = JSONEncoder().default


class JSONRenderer(renderers.JSONRenderer):
    options = orjson.OPT_PASSTHROUGH_DATETIME  # datetimes through DRF's encoder: the same text as before

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        return orjson.dumps(data, default=_drf_default, option=self.options)


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable API without its inline <style> block of Pygments classes, which the Content-Security-Policy
    refuses (no 'unsafe-inline' for styles): it colours code in Markdown descriptions, and Markdown is not
    installed, so nothing on the page uses it."""

    def get_context(self, data, accepted_media_type, renderer_context):
        context = super().get_context(data, accepted_media_type, renderer_context)
        context["code_style"] = None
        return context
