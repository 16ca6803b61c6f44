"""Word search over a large text column that does not read every row: on PostgreSQL a stored, generated tsvector
column of the text's words with a GIN index (added by a migration, not a model field: the database computes it and
Django never writes it); elsewhere (SQLite, the bare development machine) LIKE patterns over the text.

Rows are found by the words they share with a query: `sharing_words` keeps the rows having two of the words (the
one word when there is only one) and annotates how many (`shared`). A word matches as a prefix of a word of the text
("recogniz" finds "recognized"), as the LIKE patterns found it inside the text.

Only the first SEARCH_CHARS characters are indexed: beyond that a text is not what a claim is searched in (the
extraction reads no further by default), and the words of a 2 MB page would make one row's vector megabytes.
"""

from __future__ import annotations

import re
from itertools import combinations

from django.db import connection, migrations
from django.db.models import BooleanField, Case, IntegerField, QuerySet, Value, When
from django.db.models.expressions import RawSQL

SEARCH_COLUMN = "search_words"
SEARCH_CHARS = 100_000
_NOT_A_WORD = re.compile(r"[\W_]+")


def add_search_column(schema_editor, table: str, text_column: str) -> None:
    """The generated word column and its GIN index, on PostgreSQL (a no-op elsewhere). Positions are stripped:
    the search needs which words a text has, not where."""
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"ALTER TABLE {quote(table)} ADD COLUMN IF NOT EXISTS {quote(SEARCH_COLUMN)} tsvector GENERATED ALWAYS AS "
        f"(strip(to_tsvector('simple'::regconfig, left({quote(text_column)}, {SEARCH_CHARS})))) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {quote(table + '_search_words')} ON {quote(table)} USING gin "
        f"({quote(SEARCH_COLUMN)})"
    )


def drop_search_column(schema_editor, table: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} DROP COLUMN IF EXISTS {SEARCH_COLUMN}")


def search_column_operation(table: str, text_column: str) -> migrations.RunPython:
    """The migration operation that adds (and, reversed, drops) the word column of `table`'s `text_column`."""
    return migrations.RunPython(
        lambda apps, schema_editor: add_search_column(schema_editor, table, text_column),
        lambda apps, schema_editor: drop_search_column(schema_editor, table),
        elidable=False,
    )


def query_words(terms: list[str]) -> list[str]:
    """The terms as words a tsquery can hold: letters and digits only, no empty one, no repeat."""
    return list(dict.fromkeys(w for w in (_NOT_A_WORD.sub("", t.lower()) for t in terms) if w))


def sharing_words(queryset: QuerySet, text_field: str, terms: list[str], *, indexed: bool) -> QuerySet:
    """Rows of `queryset` whose text shares two of `terms` (the one term when there is only one), annotated with
    how many (`shared`). `indexed`: the queryset's table has the word column (add_search_column); then on
    PostgreSQL the search goes through it, and otherwise (or on SQLite) through LIKE patterns on `text_field`, which
    read every row: only for few rows."""
    if not indexed or connection.vendor != "postgresql":
        shared_like = sum(
            (Case(When(**{f"{text_field}__icontains": term}, then=Value(1)), default=Value(0)) for term in terms),
            start=Value(0),
        )
        return queryset.alias(shared=shared_like).filter(shared__gte=min(2, len(terms)))
    words = query_words(terms)
    if not words:
        return queryset.none()
    column = f'"{queryset.model._meta.db_table}"."{SEARCH_COLUMN}"'
    prefixes = [f"{w}:*" for w in words]
    wanted = " | ".join(f"({a} & {b})" for a, b in combinations(prefixes, 2)) if len(prefixes) > 1 else prefixes[0]
    matches = RawSQL(f"{column} @@ to_tsquery('simple'::regconfig, %s)", (wanted,), output_field=BooleanField())
    shared = RawSQL(
        " + ".join(f"({column} @@ to_tsquery('simple'::regconfig, %s))::int" for _ in prefixes),
        tuple(prefixes),
        output_field=IntegerField(),
    )
    return queryset.alias(shared=shared).filter(matches)
