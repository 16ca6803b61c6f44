"""Guessing passwords stops working: after FACTCHECK_LOGIN_FAILURE_LIMIT wrong passwords an account is locked, and so
is the address they came from, on the admin login and on the browsable API's login alike; the right password then
does not get in until the cool-off has passed."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"  # tests.factories.UserFactory's password
ADMIN_LOGIN, API_LOGIN = "/admin/login/?next=/admin/", "/api-auth/login/?next=/api/v1/"


@pytest.fixture(autouse=True)
def limit_of_three(settings):
    settings.AXES_FAILURE_LIMIT = 3


def _log_in(client: Client, url: str, username: str, password: str):
    client.get(url)  # the form, and its CSRF cookie, as a browser has them
    return client.post(url, {"username": username, "password": password, "next": url.split("next=")[1]})


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", [ADMIN_LOGIN, API_LOGIN])
def test_after_three_wrong_passwords_the_right_one_is_refused(editor, url):
    client = Client(REMOTE_ADDR="198.51.100.4")
    statuses = [_log_in(client, url, editor.username, "guess").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]  # the form again with an error, until the third locks

    locked = _log_in(client, url, editor.username, RIGHT)

    assert locked.status_code == 429
    assert "too many failed sign-in attempts" in locked.content.decode().lower()
    assert not _signed_in(client)


@pytest.mark.parametrize("url", [ADMIN_LOGIN, API_LOGIN])
def test_fewer_wrong_passwords_than_the_limit_then_the_right_one_signs_in(editor, url):
    client = Client(REMOTE_ADDR="198.51.100.5")
    for _ in range(2):
        _log_in(client, url, editor.username, "guess")

    response = _log_in(client, url, editor.username, RIGHT)

    assert response.status_code == 302 and _signed_in(client)


def test_the_account_stays_locked_from_another_address(editor):
    for n in range(3):
        _log_in(Client(REMOTE_ADDR=f"198.51.100.{10 + n}"), ADMIN_LOGIN, editor.username, "guess")

    elsewhere = Client(REMOTE_ADDR="203.0.113.99")
    assert _log_in(elsewhere, ADMIN_LOGIN, editor.username, RIGHT).status_code == 429
    assert not _signed_in(elsewhere)


def test_the_address_is_locked_for_other_accounts_too(editor, reviewer):
    client = Client(REMOTE_ADDR="198.51.100.20")
    for name in ("alice", "bob", "carol"):
        _log_in(client, ADMIN_LOGIN, name, "guess")

    assert _log_in(client, ADMIN_LOGIN, reviewer.username, RIGHT).status_code == 429
    other = Client(REMOTE_ADDR="198.51.100.21")
    assert _log_in(other, ADMIN_LOGIN, reviewer.username, RIGHT).status_code == 302  # another address is not


def test_a_forged_forwarded_address_does_not_escape_the_lockout(editor):
    client = Client(REMOTE_ADDR="198.51.100.30")
    for n in range(3):
        client.get(ADMIN_LOGIN)
        client.post(ADMIN_LOGIN, {"username": f"user{n}", "password": "guess"}, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}")

    response = client.post(
        ADMIN_LOGIN, {"username": editor.username, "password": RIGHT}, HTTP_X_FORWARDED_FOR="10.9.9.77"
    )
    assert response.status_code == 429


def test_the_lock_lifts_after_the_cool_off(editor, settings):
    import datetime as dt

    from axes.models import AccessAttempt

    client = Client(REMOTE_ADDR="198.51.100.40")
    for _ in range(3):
        _log_in(client, ADMIN_LOGIN, editor.username, "guess")
    assert _log_in(client, ADMIN_LOGIN, editor.username, RIGHT).status_code == 429

    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - dt.timedelta(hours=2))

    assert _log_in(client, ADMIN_LOGIN, editor.username, RIGHT).status_code == 302 and _signed_in(client)
