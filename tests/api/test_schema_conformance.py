"""schemathesis against /api/schema/: generated requests never get a 5xx, and responses match the schema.

The app is called in-process through WSGI (no server), against the test database, with a few
published and draft rows so the generated ids sometimes hit real objects. Runs in CI like any test.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims import services
from tests.factories import rating

from .conftest import _token_client, make_claim, publish

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def _load_schema():
    # Loaded at collection (pytest-django has configured Django by then); serving the schema reads no rows.
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


schema = _load_schema()


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """Called through WSGI, Django would close the test's database connection after each request
    (its autocommit differs inside the test transaction); django.test.Client avoids that the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def rows(reviewer, editor):
    for n in range(3):
        publish(make_claim(f"Published claim {n}.", outlet_name=f"Outlet {n}"), reviewer=reviewer, editor=editor)
    draft = make_claim("Draft claim.", outlet_name="Draft")
    services.claim_start_review(claim=draft, actor=reviewer)
    services.verdict_save(claim=draft, rating=rating("False"), explanation="Draft.", actor=reviewer)


SETTINGS = settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@schema.parametrize()
@SETTINGS
@pytest.mark.django_db
def test_anonymous_generated_requests_get_no_5xx_and_answers_match_the_schema(case, rows):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@SETTINGS
@pytest.mark.django_db
def test_an_editors_generated_requests_get_no_5xx_and_answers_match_the_schema(case, rows, editor):
    headers = {"Authorization": _token_client(editor)._credentials["HTTP_AUTHORIZATION"]}
    case.call_and_validate(headers=headers, checks=CHECKS)
