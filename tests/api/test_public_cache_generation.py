"""The publication generation is read in one statement per request, which is also the connection's health check."""

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.public_cache.generation import current_generation, public_output_changed
from tests.conftest import _database_url

pytestmark = [pytest.mark.integration]


def test_the_read_is_the_health_check_so_no_select_1_goes_before_it(integration_services, db, monkeypatch):
    public_output_changed()
    connection.ensure_connection()
    connection.health_check_done = False  # as at the start of every request (CONN_HEALTH_CHECKS)
    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(1) or True)

    with CaptureQueriesContext(connection) as queries:
        number, _ = current_generation()

    assert number == 1
    assert checks == []
    assert len(queries) == 1


def test_a_connection_the_server_dropped_is_replaced_and_the_read_made_again(integration_services, transactional_db):
    public_output_changed()
    public_output_changed()
    connection.ensure_connection()
    dropped = connection.connection.info.backend_pid
    url = _database_url(integration_services).replace("postgres://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [dropped])

    number, _ = current_generation()

    assert number == 2
    assert connection.connection.info.backend_pid != dropped
