"""Ranking tokenizes a passage once per process: the same corpus passages are ranked for claim after claim."""

from sources.evidence.ranking import passage_tokens, rank_passages
from sources.evidence.text import content_tokens

PASSAGE = "The Orvik ferry carried 41,000 passengers in 2021, the harbour authority said."


def test_passage_tokens_are_the_content_tokens_of_the_passage():
    assert passage_tokens(PASSAGE) == tuple(content_tokens(PASSAGE))


def test_ranking_the_same_passage_again_tokenizes_it_from_memory():
    passage_tokens.cache_clear()
    rank_passages("The Orvik ferry carried 41,000 passengers.", [PASSAGE, "Weather was mild."])
    first = passage_tokens.cache_info()

    ranked = rank_passages("The Orvik ferry carried 41,000 passengers.", [PASSAGE, "Weather was mild."])

    assert passage_tokens.cache_info().hits == first.hits + 2
    assert [r.text for r in ranked] == [PASSAGE]
