"""Cursor pagination for every list in the API.

Cursors stay stable while rows are added (new claims arrive all the time) and cost one
indexed range scan per page however deep the reader goes; page numbers would need a
COUNT(*) on every request and drift as rows arrive.
"""

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200
