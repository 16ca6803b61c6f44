"""A verb after a passive that may be the passive continued or a past of its own stays with it, in the article's
words; a conjunct that is plainly active is still split (rule passive_participle_conjunct)."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.verbs import _participle_or_past
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

CAUGHT = "Ana Ruiz tried to board the Lanzo ferry on 16 May but was caught by the crew and sent back to Varnes."


def test_a_look_alike_participle_after_a_passive_stays_in_the_passive_claim():
    texts = claims_text(extract(CAUGHT))
    assert "Ana Ruiz was caught by the crew and sent back to Varnes." in texts
    assert "Ana Ruiz tried to board the Lanzo ferry on 16 May." in texts
    with rules.disabled({"passive_participle_conjunct"}):  # split off bare, it read as if she sent something
        assert "Ana Ruiz sent back to Varnes." in claims_text(extract(CAUGHT))


def test_an_active_conjunct_with_an_object_or_its_own_past_form_is_still_split():
    texts = claims_text(extract("Ana Ruiz was elected mayor of Varnes in 2019 and served two terms."))
    assert texts == ["Ana Ruiz was elected mayor of Varnes in 2019.", "Ana Ruiz served two terms."]
    texts = claims_text(extract("Ana Ruiz was stopped by the crew and took a bus to Varnes."))
    assert "Ana Ruiz took a bus to Varnes." in texts


def test_the_check_takes_a_past_tagged_participle_form_and_leaves_a_distinct_past():
    sent = load_nlp()("The Lanzo ferry was caught in a storm and sent back to Varnes.")
    assert (sent[4].text, sent[9].text, sent[9].tag_) == ("caught", "sent", "VBD")
    assert _participle_or_past(sent[4], sent[9])
    took = load_nlp()("Ana Ruiz was stopped by the crew and took a bus.")
    assert took[8].text == "took"
    assert not _participle_or_past(took[3], took[8])
