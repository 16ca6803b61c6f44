"""Rule contracted_has_perfect: "'s" before a participle is "has" when only a perfect fits what follows it."""

import pytest

from claims.extraction import extract, rules


def _texts(text: str, off: frozenset = frozenset()) -> list[str]:
    with rules.disabled(off):
        return [c.text for c in extract(text).claims]


@pytest.mark.parametrize(
    ("text", "perfect"),
    [
        ("The ferry captain said she's never worked on a night ferry in Varnes.", "has never worked on a night ferry"),
        ("Tom Cole called Sarah Miller someone he's learned a lot from.", "has learned a lot"),
        ("Sarah Miller said she's already gone back to the Lanzo harbour twice in 2021.", "has already gone back"),
    ],
)
def test_a_perfect_is_written_has(text, perfect):
    assert any(perfect in c for c in _texts(text))
    assert not any(perfect in c for c in _texts(text, {"contracted_has_perfect"}))


def test_a_passive_stays_is():
    claims = _texts("The Varnes ferry office said it's run by the harbour council and it's closed on Sundays.")
    assert any("is run by the harbour council" in c for c in claims)
    assert any("is closed on Sundays" in c for c in claims)
