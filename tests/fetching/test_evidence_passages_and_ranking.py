"""Pure evidence logic: passages and their ranking against a claim (plain strings, no database)."""

from __future__ import annotations

from sources.evidence import rank_passages, split_passages

CLAIM = "North Korea recognised the Donetsk People's Republic on 13 July 2022."


def test_passages_are_runs_of_whole_sentences_under_the_limit():
    text = " ".join(f"Sentence number {i} says something about the recognition of the republic." for i in range(30))

    passages = split_passages(text, max_chars=300)

    assert len(passages) > 5
    assert all(len(p) <= 300 for p in passages)
    assert all(p.endswith(".") for p in passages)
    assert " ".join(passages) == text


def test_paragraphs_start_new_passages_and_repeats_are_dropped():
    paragraph = "North Korea on Wednesday became the second Russian ally to recognise the republic."
    text = f"{paragraph}\n\nTalks had been underway for a long time, the foreign minister said.\n\n{paragraph}"

    assert split_passages(text) == [paragraph, "Talks had been underway for a long time, the foreign minister said."]


def test_the_passage_about_the_claim_ranks_first():
    passages = [
        "The region's economy relies on coal mining and heavy industry, much of it damaged by the war.",
        "North Korea recognised the Donetsk People's Republic on 13 July 2022, the third state to do so.",
        "Ukraine cut diplomatic ties with North Korea in response to the decision.",
    ]

    ranked = rank_passages(CLAIM, passages)

    assert ranked[0].text == passages[1]
    assert ranked[0].relevance > 0.8
    assert {"north", "korea", "donetsk", "republic"} <= set(ranked[0].matched_terms)
    assert passages[0] not in [r.text for r in ranked]  # below the relevance threshold


def test_relevance_is_comparable_across_sources_of_different_sizes():
    alone = rank_passages(CLAIM, ["North Korea recognised the Donetsk People's Republic on 13 July 2022."])
    among_many = rank_passages(
        CLAIM,
        ["North Korea recognised the Donetsk People's Republic on 13 July 2022."]
        + [f"Filler paragraph {i} about the weather and the markets." for i in range(20)],
    )
    assert alone[0].relevance == among_many[0].relevance == 1.0


def test_inflections_match():
    ranked = rank_passages("Russia recognises the republics", ["Moscow recognized the breakaway republic in February."])
    assert ranked and "recognize" in ranked[0].matched_terms and "republic" in ranked[0].matched_terms


def test_nothing_is_returned_for_an_empty_source_or_claim():
    assert rank_passages(CLAIM, []) == []
    assert rank_passages("", ["North Korea recognised the republic."]) == []
