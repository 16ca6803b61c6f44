import json

import pytest

from claims.extraction import checkworthiness
from claims.extraction.pipeline import load_nlp


def score(text: str) -> float:
    return checkworthiness.score(list(load_nlp()(text)))


def test_a_verifiable_statement_with_names_numbers_and_dates_scores_high():
    assert score("North Korea recognised the Donetsk People's Republic on 13 July 2022, the third state to do so.") > 0.8


def test_opinions_wishes_and_questions_score_below_the_threshold():
    for text in (
        "I look forward to active and fruitful cooperation.",
        "What do you think about that?",
        "We hope it will be great.",
    ):
        assert score(text) < checkworthiness.THRESHOLD, text


def test_a_fact_outranks_an_opinion_about_the_same_thing():
    assert score("Ukraine severed diplomatic ties with Syria in June 2022.") > score("I think Ukraine was wrong about Syria.")


def test_scores_stay_between_zero_and_one():
    for text in ("", "?", "a " * 500, "1 2 3 4 5 6 7 8 9 10 2022 2023 Russia Ukraine NATO UN EU"):
        value = score(text)
        assert 0.0 <= value <= 1.0


def ranking(text: str) -> float:
    return checkworthiness.ranking_score(list(load_nlp()(text)))


def test_the_learned_ranking_puts_a_sourced_figure_above_a_courtesy():
    fact = ranking("The city council spent $4 million on the new bridge in 2019, twice the budget it approved.")
    assert fact > ranking("Thank you very much, it is good to be here.")
    assert 0.0 <= fact <= 1.0


def test_the_learned_ranking_refuses_a_model_file_trained_on_other_features(tmp_path):
    model = json.loads(checkworthiness.MODEL_FILE.read_text(encoding="utf-8"))
    model["features"] = model["features"][:-1]
    checkworthiness._model.cache_clear()
    original = checkworthiness.MODEL_FILE
    try:
        checkworthiness.MODEL_FILE = tmp_path / "model.json"
        checkworthiness.MODEL_FILE.write_text(json.dumps(model), encoding="utf-8")
        with pytest.raises(RuntimeError, match="other features"):
            ranking("The bridge cost $4 million.")
    finally:
        checkworthiness.MODEL_FILE = original
        checkworthiness._model.cache_clear()
