"""A verb tagged past after a passive with its agent, in the participle's form, continues the passive and borrows
its auxiliary (rule passive_participle_conjunct); without an agent, or with an object, it is a verb of its own."""

from __future__ import annotations

from claims.extraction import extract, rules
from claims.extraction.decomposition.verbs import _passive_continued
from claims.extraction.parsing import load_nlp

from .conftest import claims_text

CAUGHT = "Ana Ruiz tried to board the Lanzo ferry on 16 May but was caught by the crew and sent back to Varnes."


def test_a_look_alike_participle_after_a_passive_with_its_agent_borrows_the_passive_auxiliary():
    texts = claims_text(extract(CAUGHT))
    assert "Ana Ruiz was sent back to Varnes." in texts
    assert "Ana Ruiz was caught by the crew." in texts
    with rules.disabled({"passive_participle_conjunct"}):  # split off bare, it read as if she sent something
        assert "Ana Ruiz sent back to Varnes." in claims_text(extract(CAUGHT))


def test_a_past_of_its_own_after_a_passive_without_agent_is_left_active():
    texts = claims_text(extract("Ana Ruiz was born in Varnes in 1950 and served on the Lanzo council from 1990."))
    assert "Ana Ruiz served on the Lanzo council from 1990." in texts
    texts = claims_text(extract("Ana Ruiz was stopped by the crew and took a bus to Varnes."))
    assert "Ana Ruiz took a bus to Varnes." in texts


def test_the_check_needs_the_agent_and_the_participle_form():
    sent = load_nlp()("The Lanzo ferry was caught by a storm and sent back to Varnes.")
    assert (sent[4].text, sent[9].text, sent[9].tag_) == ("caught", "sent", "VBD")
    assert _passive_continued(sent[4], sent[9])
    took = load_nlp()("Ana Ruiz was stopped by the crew and took a bus.")
    assert took[8].text == "took"
    assert not _passive_continued(took[3], took[8])
