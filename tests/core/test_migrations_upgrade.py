"""Migrations apply to a database that already holds data: what was stored survives, and data migrations
change what they should."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("claims", "0016_merge_20261129_1949")]
AFTER = [("claims", "0017_contradictions_without_names")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_suggestions_stored_as_different_names_stop_being_contradictions_and_the_rest_are_kept():
    old = _migrate(BEFORE)
    Claim = old.get_model("claims", "Claim")
    Suggestion = old.get_model("claims", "ClaimMatchSuggestion")
    a, b, c = (Claim.objects.create(text=t, normalized_text=t.lower()) for t in ("One.", "Two.", "Three."))
    by_names = Suggestion.objects.create(claim=a, candidate=b, score=0.7, conflict="different names")
    by_numbers = Suggestion.objects.create(claim=a, candidate=c, score=0.7, conflict="different numbers")
    try:
        new = _migrate(AFTER)
        Suggestion = new.get_model("claims", "ClaimMatchSuggestion")
        assert Suggestion.objects.get(pk=by_names.pk).conflict == ""
        assert Suggestion.objects.get(pk=by_numbers.pk).conflict == "different numbers"
        assert Suggestion.objects.count() == 2
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # the rest of the suite needs the latest
