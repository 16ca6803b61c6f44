"""A claim's fetch embeds each text once: copies of one story share passages, and the stance suggestion reuses the
ranking's vectors instead of embedding the best passages a second time."""

import numpy as np
import pytest

from claims.matching import embeddings
from sources.fetchers.base import FoundDocument
from sources.services import evidence_plan

STORY = (
    "The harbour authority said on Monday that 4,200 containers passed through the port in March.\n\n"
    "That is 12 percent more than in March last year, the authority said in its monthly report.\n\n"
    "A spokesperson added that a second crane would open in the autumn."
)
CLAIM = "4,200 containers passed through the port in March."


def test_two_copies_of_a_story_and_the_stance_step_embed_each_text_once(model_inputs):
    documents = [
        FoundDocument(url="https://one.example/port", text=STORY),
        FoundDocument(url="https://two.example/port-copy", text=STORY),
    ]
    plan = evidence_plan(claim_text=CLAIM, documents=documents)

    assert [len(item.passages) for item in plan] == [len(plan[0].passages)] * 2 and plan[0].passages
    assert plan[0].passages[0].text.startswith("The harbour authority said on Monday")
    assert len(plan[0].suggestions) == len(plan[0].passages)
    assert CLAIM in model_inputs and len(model_inputs) == len(set(model_inputs))


def test_remembered_returns_the_models_rows_and_asks_the_model_only_for_new_texts(model_inputs):
    remembered = embeddings.Remembered()
    first = remembered(["Rain fell in Oslo.", "Prices rose in May."])
    second = remembered(["Prices rose in May.", "The bridge opened in 2004.", "Rain fell in Oslo."])

    assert model_inputs == ["Rain fell in Oslo.", "Prices rose in May.", "The bridge opened in 2004."]
    assert np.array_equal(second[0], first[1]) and np.array_equal(second[2], first[0])
    assert np.allclose(second[1], embeddings.embed_texts(["The bridge opened in 2004."])[0], atol=1e-3)


def test_a_second_claims_fetch_meets_the_same_passages_and_embeds_only_its_own_claim(model_inputs):
    documents = [FoundDocument(url="https://one.example/port", text=STORY)]
    first = evidence_plan(claim_text=CLAIM, documents=documents)
    embedded_by_the_first = list(model_inputs)
    other_claim = "The authority's monthly report counted 12 percent more containers than a year before."
    second = evidence_plan(claim_text=other_claim, documents=documents)

    assert first[0].passages and second[0].passages
    assert len(embedded_by_the_first) > 1  # the claim and the passages' sentences
    assert model_inputs[len(embedded_by_the_first) :] == [other_claim]


def test_the_process_memory_forgets_the_least_recently_asked_texts_beyond_its_limit(model_inputs):
    memory = embeddings.Remembered(limit=2)
    memory(["Rain fell in Oslo.", "Prices rose in May."])
    memory(["Rain fell in Oslo."])  # asked again: now the most recent
    memory(["The bridge opened in 2004."])  # over the limit: "Prices rose in May." is forgotten
    memory(["Rain fell in Oslo.", "Prices rose in May."])

    assert model_inputs == [
        "Rain fell in Oslo.",
        "Prices rose in May.",
        "The bridge opened in 2004.",
        "Prices rose in May.",
    ]


def test_passages_sharing_no_word_with_the_claim_are_not_embedded(model_inputs):
    page = (
        "Tickets for the summer festival go on sale on Friday.\n\n"
        "The harbour authority counted 4,200 containers in March.\n\n"
        "Local bakeries report strong demand for rye bread."
    )
    plan = evidence_plan(claim_text=CLAIM, documents=[FoundDocument(url="https://three.example/news", text=page)])

    assert plan[0].passages[0].text == "The harbour authority counted 4,200 containers in March."
    assert "The harbour authority counted 4,200 containers in March." in model_inputs
    assert not any("festival" in text or "bakeries" in text for text in model_inputs)


def test_ranking_scores_a_passage_by_its_closest_sentence_without_embedding_the_whole_passage(model_inputs):
    from sources.evidence.similarity import best_sentence_similarities, similarities

    passages = [
        "The port was busy in spring. 4,200 containers passed through it in March.",
        "Bakeries sold more rye bread. Festival tickets sold out.",
    ]
    scores = best_sentence_similarities(CLAIM, passages)
    ranking_inputs = list(model_inputs)
    reference = similarities(CLAIM, passages)

    # the same sentences embedded in another batch (other padding): equal to a few thousandths, CPU-dependent
    assert scores == pytest.approx([max(r.sentences) for r in reference], abs=5e-3)
    assert scores[0] > scores[1]
    assert "4,200 containers passed through it in March." in ranking_inputs
    assert not set(passages) & set(ranking_inputs)


def test_a_claim_whose_embedding_is_stored_is_not_embedded_again(model_inputs):
    stored = embeddings.embed_texts([CLAIM])[0]
    model_inputs.clear()
    documents = [FoundDocument(url="https://one.example/port", text=STORY)]
    with_stored = evidence_plan(claim_text=CLAIM, documents=documents, claim_vector=stored)
    embedded = list(model_inputs)
    from sources.services import passage_embeddings

    passage_embeddings.forget()
    model_inputs.clear()
    without = evidence_plan(claim_text=CLAIM, documents=documents)

    assert CLAIM not in embedded and embedded  # the passages' sentences were embedded, the claim was not
    assert CLAIM in model_inputs
    assert [p.text for p in with_stored[0].passages] == [p.text for p in without[0].passages]
    assert [s.stance for s in with_stored[0].suggestions] == [s.stance for s in without[0].suggestions]
