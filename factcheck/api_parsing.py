"""JSON into the API: DRF's parser, with nesting too deep for Python's decoder answered as a 400.

`json.loads` of ten thousand `[` raises RecursionError, which is not the ValueError DRF turns
into a ParseError, so it used to surface as a 500.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the body is nested too deeply.") from None
