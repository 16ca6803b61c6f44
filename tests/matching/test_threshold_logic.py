"""The pure rule: join at or above `same`, suggest from `suggest`, and editors' decisions outrank scores."""

import numpy as np
import pytest

from claims.matching.decide import (
    CONFIRMED,
    PENDING,
    REJECTED,
    Hit,
    cluster_online,
    labels_if_all_confirmed,
    match_plan,
    ordered_pair,
    pairwise_scores,
)


def test_it_joins_the_best_neighbour_at_or_above_the_same_threshold():
    plan = match_plan([Hit(1, 0.90), Hit(2, 0.95), Hit(3, 0.75)], same=0.88, suggest=0.70)
    assert plan.join == Hit(2, 0.95)
    assert plan.suggest == (Hit(3, 0.75),)


def test_a_score_exactly_at_the_threshold_counts_as_the_same_claim():
    assert match_plan([Hit(1, 0.88)], same=0.88, suggest=0.70).join == Hit(1, 0.88)


def test_it_suggests_neighbours_between_the_thresholds_best_first_and_ignores_the_rest():
    plan = match_plan([Hit(1, 0.71), Hit(2, 0.69), Hit(3, 0.80)], same=0.88, suggest=0.70)
    assert plan.join is None
    assert plan.suggest == (Hit(3, 0.80), Hit(1, 0.71))


def test_a_rejected_pair_is_neither_joined_nor_suggested_again():
    plan = match_plan([Hit(1, 0.99), Hit(2, 0.75)], same=0.88, suggest=0.70, decisions={1: REJECTED, 2: REJECTED})
    assert plan == match_plan([], same=0.88, suggest=0.70)


def test_after_a_rejection_the_next_best_neighbour_above_the_threshold_is_joined():
    plan = match_plan([Hit(1, 0.99), Hit(2, 0.90)], same=0.88, suggest=0.70, decisions={1: REJECTED})
    assert plan.join == Hit(2, 0.90)


def test_a_confirmed_pair_is_joined_whatever_its_score():
    plan = match_plan([Hit(1, 0.95), Hit(2, 0.72)], same=0.88, suggest=0.70, decisions={2: CONFIRMED})
    assert plan.join == Hit(2, 0.72)
    assert plan.suggest == ()  # the other one scores above `same`, so it is not a mere suggestion either


def test_a_pending_pair_is_still_listed_so_the_caller_can_keep_it():
    plan = match_plan([Hit(1, 0.75)], same=0.88, suggest=0.70, decisions={1: PENDING})
    assert plan.suggest == (Hit(1, 0.75),)


def test_thresholds_in_the_wrong_order_are_refused():
    with pytest.raises(ValueError):
        match_plan([], same=0.7, suggest=0.9)


def test_pairs_are_stored_smaller_id_first_and_never_with_themselves():
    assert ordered_pair(9, 4) == (4, 9) == ordered_pair(4, 9)
    with pytest.raises(ValueError):
        ordered_pair(3, 3)


def _unit(*values):
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_online_clustering_joins_items_to_the_claim_they_match_and_founds_new_ones_otherwise():
    vectors = np.stack([_unit(1, 0, 0), _unit(1, 0.1, 0), _unit(0, 1, 0), _unit(0.6, 0.8, 0), _unit(0, 0, 1)])
    clustering = cluster_online(vectors, same=0.95, suggest=0.5)
    assert clustering.labels == [0, 0, 1, 2, 3]
    # item 3 is close to claim 1 (0.8) and to claim 0 (0.6): both suggested
    assert clustering.suggestions == {(3, 0), (3, 1)}
    assert labels_if_all_confirmed(clustering) == [0, 0, 0, 0, 3]


def test_pairwise_precision_and_recall_count_pairs_of_items_sharing_a_cluster():
    scores = pairwise_scores(["a", "a", "b", "b", "c"], [1, 1, 1, 2, 2])
    # predicted pairs: (0,1) (2,3); gold pairs: (0,1) (0,2) (1,2) (3,4)
    assert (scores.true_positives, scores.predicted, scores.gold) == (1, 2, 4)
    assert scores.precision == 0.5 and scores.recall == 0.25
    assert scores.f1 == pytest.approx(1 / 3)


# --- What the embedding cannot see: guards on automatic joins -------------------------------------------


@pytest.mark.parametrize(
    "a, b, reason",
    [
        (
            "The unemployment rate in Ohio fell to 4 percent in 2016.",
            "The unemployment rate in Ohio fell to 5 percent in 2016.",
            "different numbers",
        ),
        (
            "Ivo Brandt started his firm with $9 million.",
            "Ivo Brandt started his firm with $1,000,000.",
            "different numbers",
        ),
        (
            "North Korea recognised the Donetsk People's Republic.",
            "North Korea did not recognise the Donetsk People's Republic.",
            "one is negated",
        ),
        (
            "Russia and Syria recognised the Donetsk People's Republic.",
            "Russia and North Korea recognised the Donetsk People's Republic.",
            "different names",
        ),
        (
            "Ford is moving its small car division to Mexico.",
            "General Motors is moving its small car division to Mexico.",
            "different names",
        ),
    ],
)
def test_a_twin_with_another_number_name_or_a_negation_is_never_joined_automatically(a, b, reason):
    from claims.matching.decide import join_conflict

    assert join_conflict(a, b) == reason == join_conflict(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "North Korea recognised the Donetsk People's Republic.",
            "North Korea has recognized the Donetsk People's Republic.",
        ),
        ("Last year, we ran almost a $600 billion budget gap.", "We ran a $600 billion budget gap."),
        ("I voted against the dam on the Tamsin.", "I voted against -- I voted against the dam on the Tamsin."),
        ("North Korea recognised the DPR.", "According to Denis Pushilin, North Korea recognised the DPR."),
        (
            "North Korea recognised the DPR.",
            "North Korea recognised the DPR, Denis Pushilin said.",
        ),  # one side adds a name
    ],
)
def test_rewordings_that_keep_numbers_names_and_polarity_may_be_joined(a, b):
    from claims.matching.decide import join_conflict

    assert join_conflict(a, b) is None


@pytest.mark.parametrize(
    "a, b",
    [
        ("The DPRK recognised the Donetsk People's Republic.", "North Korea recognised the DPR."),
        (
            "The Democratic People's Republic of Korea recognized the Donetsk People's Republic today.",
            "In July, North Korea recognized the Donetsk People’s Republics (DPR) in the Donbass region of eastern Ukraine.",
        ),
        ("Kim Jong Un met Sergey Lavrov in Pyongyang.", "Kim Jong-un met Sergei Lavrov in Pyongyang."),
        (  # a place and its people's adjective name one place
            "North Korea recognized the breakaway Ukrainian territory of the Donetsk People's Republic.",
            "In July, North Korea recognized the Donetsk People's Republic in the Donbass region of eastern Ukraine.",
        ),
        ("Chinese officials met Iraqi envoys in Baghdad.", "Officials of China met envoys of Iraq in Baghdad."),
    ],
)
def test_two_names_of_one_known_entity_are_not_different_names(a, b):
    """Aliases from the extraction's gazetteer (claims/extraction/gazetteer.py) count as one name."""
    from claims.matching.decide import join_conflict

    assert join_conflict(a, b) is None
    assert join_conflict(b, a) is None


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The Republic of Korea recognised the Donetsk People's Republic.",
            "The DPRK recognised the Donetsk People's Republic.",
        ),
        ("South Korea recognised the DPR.", "North Korea recognised the DPR."),
        ("Syria recognised the Donetsk People's Republic.", "The DPRK recognised the Donetsk People's Republic."),
        (
            "North Korea recognised the Luhansk People's Republic.",
            "North Korea recognised the Donetsk People's Republic.",
        ),
        ("Russian troops entered Kherson.", "Ukrainian troops entered Kherson."),  # two demonyms, two places
        ("Syrian forces shelled the town.", "Iranian forces shelled the town."),
    ],
)
def test_different_known_entities_are_still_different_names_after_canonicalisation(a, b):
    from claims.matching.decide import join_conflict

    assert join_conflict(a, b) == "different names" == join_conflict(b, a)


def test_a_conflicting_neighbour_above_the_threshold_is_suggested_and_the_next_one_joined():
    plan = match_plan([Hit(1, 0.95), Hit(2, 0.90)], same=0.88, suggest=0.70, conflicts={1: "different numbers"})
    assert plan.join == Hit(2, 0.90)
    assert plan.suggest == (Hit(1, 0.95),)


def test_the_matching_form_drops_a_leading_attribution_only():
    from claims.matching.decide import matching_text

    assert matching_text("According to Denis Pushilin, the DPRK recognised the DPR.") == "The DPRK recognised the DPR."
    assert (
        matching_text("The DPRK recognised the DPR, according to Tass.")
        == "The DPRK recognised the DPR, according to Tass."
    )
