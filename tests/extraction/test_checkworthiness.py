import json
import re

import numpy as np
import pytest

from claims import bands
from claims.extraction import checkworthiness, extract
from claims.extraction.parsing import load_nlp
from claims.matching.decide import matching_text
from claims.matching.embeddings import embed_texts


def hand_score(text: str) -> float:
    return checkworthiness.score(list(load_nlp()(text)))


def claim_of(text: str):
    claims = extract(text, language="en").claims
    assert claims, text
    return max(claims, key=lambda c: c.checkworthiness)


def test_the_hand_set_score_still_separates_a_dated_fact_from_an_opinion():
    assert hand_score("Ukraine severed diplomatic ties with Syria in June 2022.") > hand_score(
        "I think Ukraine was wrong about Syria."
    )


def test_hand_set_scores_stay_between_zero_and_one():
    for text in ("", "?", "a " * 500, "1 2 3 4 5 6 7 8 9 10 2022 2023 Russia Ukraine NATO UN EU"):
        assert 0.0 <= hand_score(text) <= 1.0


def test_a_claim_with_a_figure_a_date_and_a_name_outranks_a_plain_generic_one():
    figure = claim_of("The city council spent $4 million on the Elm Street bridge in 2019, twice its approved budget.")
    generic = claim_of("Bridges are built from steel and concrete.")
    assert figure.checkworthiness > generic.checkworthiness
    assert 0.0 <= generic.checkworthiness < figure.checkworthiness <= 1.0


def test_a_claim_carries_the_embedding_claim_matching_would_compute_for_it():
    claim = claim_of("According to the port authority, the harbour handled 12 million tonnes of grain in 2021.")
    expected = embed_texts([matching_text(claim.text)])[0]
    assert claim.embedding is not None and claim.embedding.shape == expected.shape
    assert float(np.dot(claim.embedding, expected)) > 0.9999


def test_the_score_is_the_calibrated_probability_of_its_features_and_embedding():
    claim = claim_of("The regional hospital treated 3,200 patients for heatstroke in August 2023.")
    model = checkworthiness.model()
    standard = (np.asarray(claim.features) - model.mean) / model.scale
    z = model.intercept + model.feature_weights @ standard + model.embedding_weights @ claim.embedding
    assert claim.checkworthiness == pytest.approx(1 / (1 + np.exp(-(model.slope * z + model.offset))), abs=1e-4)


def test_signals_name_the_strongest_reasons_in_words_with_their_direction():
    claim = claim_of("The quarry exported 40,000 tonnes of granite to Chile in 2020.")
    assert 1 <= len(claim.signals) <= 3
    words = [w for w, _ in claim.signals]
    known = {w for pair in checkworthiness.SIGNAL_WORDS.values() for w in pair} | set(checkworthiness.EMBEDDING_WORDS)
    assert set(words) <= known
    pushes = [abs(p) for _, p in claim.signals]
    assert pushes == sorted(pushes, reverse=True) and pushes[0] > 0


def test_the_shipped_model_states_the_sha256_of_its_data_and_its_cross_validated_figures():
    shipped = json.loads(checkworthiness.MODEL_FILE.read_text(encoding="utf-8"))
    hashes = shipped["trained_on"]["data_sha256"]
    assert set(hashes) == {
        "claimbuster/train.jsonl",
        "clef2018_checkworthiness/clef2018_debate1_lines1-300.jsonl",
        "clef2018_checkworthiness/clef2018_normalized_claims_all3debates.jsonl",
    }
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes.values())
    chosen = shipped["cross_validation"]["candidates"][shipped["model"]]
    assert chosen["chosen"] and 0.5 < chosen["roc_auc"] <= 1.0 and len(chosen["ap_folds"]) == 5
    assert len(shipped["embedding_weights"]) == 384 and len(shipped["feature_weights"]) == len(checkworthiness.FEATURES)


def test_a_model_file_trained_on_other_features_is_refused():
    shipped = json.loads(checkworthiness.MODEL_FILE.read_text(encoding="utf-8"))
    shipped["features"] = shipped["features"][:-1]
    with pytest.raises(RuntimeError, match="other features"):
        checkworthiness.Model.from_dict(shipped)


def test_the_bands_cover_every_score_once_and_meet_at_the_thresholds():
    assert bands.band_of(0.0).key == "low"
    assert bands.band_of(bands.NOT_CHECKWORTHY).key == "medium"
    assert bands.band_of(bands.HIGH - 1e-9).key == "medium"
    assert bands.band_of(bands.HIGH).key == "high" and bands.band_of(1.0).key == "high"
    assert checkworthiness.THRESHOLD == bands.NOT_CHECKWORTHY
