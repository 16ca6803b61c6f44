"""Cursor pagination for every list in the API.

Cursors stay stable while rows are added (new claims arrive all the time) and cost one
indexed range scan per page however deep the reader goes; page numbers would need a
COUNT(*) on every request and drift as rows arrive.

A cursor is opaque to readers but not to someone who decodes and edits it: DRF passes the
position straight to the database (`id < 'abc'` is a 500 on PostgreSQL and SQLite alike). A
cursor is accepted only as this class writes it: strict base64 of `o`, `r` and `p`, the offset
within DRF's cutoff, the position an id in the bigint range. Anything else is DRF's
404 "Invalid cursor", in the one error shape.
"""

import binascii
from base64 import b64decode
from urllib.parse import parse_qs

from rest_framework.exceptions import NotFound
from rest_framework.pagination import Cursor, CursorPagination

MAX_ID = 2**63 - 1  # a bigint primary key


class IdCursorPagination(CursorPagination):
    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200

    def decode_cursor(self, request):
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            tokens = parse_qs(b64decode(encoded.encode("ascii"), validate=True).decode("ascii"), strict_parsing=True)
        except (UnicodeError, binascii.Error, ValueError):
            raise NotFound(self.invalid_cursor_message) from None
        if set(tokens) - {"o", "r", "p"} or any(len(values) != 1 for values in tokens.values()):
            raise NotFound(self.invalid_cursor_message)
        offset = _bounded_int(tokens.get("o", ["0"])[0], low=0, high=self.offset_cutoff)
        reverse = _bounded_int(tokens.get("r", ["0"])[0], low=0, high=1)
        position = tokens.get("p", [None])[0]
        if None in (offset, reverse) or (position is not None and _bounded_int(position, low=0, high=MAX_ID) is None):
            raise NotFound(self.invalid_cursor_message)
        return Cursor(offset=offset, reverse=bool(reverse), position=position)


def _bounded_int(text: str, *, low: int, high: int) -> int | None:
    if not (text.isascii() and text.isdigit()) or len(text) > 20:
        return None
    value = int(text)
    return value if low <= value <= high else None
