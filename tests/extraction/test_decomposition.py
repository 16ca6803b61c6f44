from claims.extraction import extract

from .conftest import claims_text


def test_coordinated_clauses_become_one_claim_each_with_the_subject_repeated():
    result = extract("Justice William O. Douglas was born on October 16, 1898, and served on the Supreme Court from 1939 until 1975.")
    assert claims_text(result) == [
        "Justice William O. Douglas was born on October 16, 1898.",
        "Justice William O. Douglas served on the Supreme Court from 1939 until 1975.",
    ]


def test_an_appositive_becomes_its_own_claim_and_the_main_claim_keeps_the_name():
    result = extract(
        "Last month, the Russian ambassador to Pyongyang, Alexander Matsegora, said 20,000 North Korean workers "
        "could be sent to Donetsk.",
    )
    texts = claims_text(result)
    assert "Alexander Matsegora is the Russian ambassador to Pyongyang." in texts
    assert any(t.startswith("According to Alexander Matsegora, 20,000 North Korean workers") for t in texts)
    identity = next(c for c in result.claims if c.text.startswith("Alexander Matsegora is"))
    assert (identity.speaker, identity.date, identity.is_direct_quote) == ("", None, False)  # not what he said


def test_a_non_restrictive_relative_clause_on_a_name_becomes_its_own_claim():
    result = extract("The agreement was signed by Syria, which recognised the Donetsk People's Republic in June 2022.")
    texts = claims_text(result)
    assert "Syria recognised the Donetsk People's Republic in June 2022." in texts
    assert "The agreement was signed by Syria." in texts


def test_a_causal_clause_is_a_second_fact():
    result = extract("Jupiter rotates faster than Earth because Jupiter has far more angular momentum than Earth.")
    texts = claims_text(result)
    assert "Jupiter rotates faster than Earth." in texts
    assert "Jupiter has far more angular momentum than Earth." in texts


def test_a_list_of_recognised_states_splits_but_a_relation_between_them_does_not():
    listed = claims_text(extract("In July 2022, North Korea recognised the Donetsk People's Republic and the Luhansk People's Republic."))
    assert len(listed) == 2
    relation = claims_text(extract("In 2019, trade between Russia and North Korea grew by 40 percent."))
    assert len(relation) == 1


def test_the_seed_sentence_about_the_third_country_is_kept_whole(seed_004_result):
    assert any("North Korea only the third country, after Russia and Syria" in t for t in claims_text(seed_004_result))
