from claims.extraction import extract

from .conftest import claims_text, find_claim


def test_coordinated_clauses_become_one_claim_each_with_the_subject_repeated():
    result = extract(
        "Judge Helena M. Varga was born on March 3, 1921, and sat on the Lanzo High Court from 1960 until 1988."
    )
    assert claims_text(result) == [
        "Judge Helena M. Varga was born on March 3, 1921.",
        "Judge Helena M. Varga sat on the Lanzo High Court from 1960 until 1988.",
    ]


def test_an_appositive_becomes_its_own_claim_and_the_main_claim_keeps_the_name():
    result = extract(
        "Last month, the Russian ambassador to Pyongyang, Alexander Matsegora, said 20,000 North Korean workers "
        "could be sent to Donetsk.",
    )
    texts = claims_text(result)
    assert "Alexander Matsegora is the Russian ambassador to Pyongyang." in texts
    assert any(t.startswith("20,000 North Korean workers") for t in texts)
    identity = next(c for c in result.claims if c.text.startswith("Alexander Matsegora is"))
    assert (identity.speaker, identity.date, identity.is_direct_quote) == ("", None, False)  # not what he said


def test_a_non_restrictive_relative_clause_on_a_name_becomes_its_own_claim():
    result = extract("The agreement was signed by Syria, which recognised the Donetsk People's Republic in June 2022.")
    texts = claims_text(result)
    assert "Syria recognised the Donetsk People's Republic in June 2022." in texts
    assert "The agreement was signed by Syria." in texts


def test_a_focus_adverb_before_the_name_stays_out_of_its_relative_clause_claim():
    text = (
        "The slump is weighing on the Lanzo economy, particularly farming, which has shrunk over the past six months."
    )
    claims = claims_text(extract(text))
    assert "Farming has shrunk over the past six months." in claims
    assert not any(claim.startswith("Particularly") for claim in claims)


def test_a_relative_clause_hung_on_a_noun_past_its_appositive_stays_in_the_statement():
    text = "The drought is hurting the Lanzo economy, particularly farming, which has shrunk by 9 percent since 2019."
    assert claims_text(extract(text)) == [
        "The drought is hurting the Lanzo economy, particularly farming, which has shrunk by 9 percent since 2019."
    ]


def test_a_causal_clause_is_a_second_fact():
    result = extract("Jupiter rotates faster than Earth because Jupiter has far more angular momentum than Earth.")
    texts = claims_text(result)
    assert "Jupiter rotates faster than Earth." in texts
    assert "Jupiter has far more angular momentum than Earth." in texts


def test_a_list_of_recognised_states_splits_but_a_relation_between_them_does_not():
    listed = claims_text(
        extract("In July 2022, North Korea recognised the Donetsk People's Republic and the Luhansk People's Republic.")
    )
    assert len(listed) == 2
    relation = claims_text(extract("In 2019, trade between Russia and North Korea grew by 40 percent."))
    assert len(relation) == 1


def test_the_seed_sentence_about_the_third_country_is_kept_whole(seed_004_result):
    assert any("North Korea only the third country, after Russia and Syria" in t for t in claims_text(seed_004_result))


def test_examples_given_for_an_object_become_one_claim_each():
    texts = claims_text(
        extract(
            "Professor Lena Okafor has studied a range of diseases in Nigeria, such as malaria, cholera and measles."
        )
    )
    assert "Professor Lena Okafor has studied malaria." in texts
    assert "Professor Lena Okafor has studied cholera." in texts
    assert "Professor Lena Okafor has studied measles." in texts
    assert "Professor Lena Okafor has studied a range of diseases in Nigeria." in texts


def test_examples_given_for_a_subject_become_members_of_the_group_and_the_statement_loses_them():
    texts = claims_text(
        extract("Nordic countries, such as Norway and Finland, spent more on public broadcasting in 2020 than Italy.")
    )
    assert "Norway and Finland are Nordic countries." in texts
    assert "Nordic countries spent more on public broadcasting in 2020 than Italy." in texts
    assert not any("such as" in t for t in texts)


def test_a_relative_clause_on_the_predicate_noun_is_a_second_fact_about_the_subject():
    texts = claims_text(extract("Tomas Berger is a Swiss chemist who won the Lorenz Prize in 2011."))
    assert "Tomas Berger is a Swiss chemist." in texts
    assert "Tomas Berger won the Lorenz Prize in 2011." in texts


def test_each_fact_of_a_check_worthy_sentence_is_offered_even_when_it_names_nobody_alone():
    texts = claims_text(extract("Mount Halla erupted in 1007, and the volcano is now dormant."))
    assert "Mount Halla erupted in 1007." in texts
    assert "The volcano is now dormant." in texts  # alone it scores below the threshold: no name, no figure


def test_a_resolved_pronoun_counts_as_the_name_it_stands_for():
    texts = claims_text(
        extract("Lucia Ferraz is a Chilean geologist. She is an authority on the volcanoes of the Andes.")
    )
    assert "Lucia Ferraz is an authority on the volcanoes of the Andes." in texts


def test_an_opinion_inside_a_check_worthy_sentence_is_still_left_out():
    texts = claims_text(extract("The museum reopened in March 2021, and I think the new wing is a disaster."))
    assert "The museum reopened in March 2021." in texts
    assert not any("disaster" in t for t in texts)


def test_a_clause_before_so_is_a_fact_of_its_own_and_the_result_is_another():
    texts = claims_text(
        extract("Norway exported more gas than Denmark in 2022, so Norway earned more from gas exports than Denmark.")
    )
    assert "Norway exported more gas than Denmark in 2022." in texts
    assert "Norway earned more from gas exports than Denmark." in texts


def test_a_clause_before_a_reporting_verb_stays_what_the_speaker_said():
    result = extract("The Lindenfeld bridge will reopen in March 2024, the mayor Anna Weber claims.")
    claim = find_claim(result, "The Lindenfeld bridge will reopen")
    assert claim.speaker.endswith("Anna Weber")
    assert claim.text == "The Lindenfeld bridge will reopen in March 2024."


def test_the_coordinator_before_a_second_clause_is_not_left_dangling():
    texts = claims_text(
        extract("Anna Weber is a professor at Lindenfeld University and her research focuses on river ecology.")
    )
    assert "Anna Weber is a professor at Lindenfeld University." in texts
    assert not any(t.endswith(" and.") for t in texts)


def test_a_passive_belief_verb_reports_a_fact_not_the_speakers_opinion():
    texts = claims_text(
        extract(
            "Pulsars are among the densest objects in the Milky Way and are thought to be the remnants of massive stars."
        )
    )
    assert "Pulsars are thought to be the remnants of massive stars." in texts


def test_a_where_clause_stays_in_its_sentence():
    # the rule that split it off was dropped: bench --ablate showed it paid on no dev set
    texts = claims_text(
        extract(
            "Anna Weber is a senior researcher at the Lindenfeld Institute, where she leads a team of 12 hydrologists."
        )
    )
    assert any(t.startswith("Anna Weber is a senior researcher at the Lindenfeld Institute, where") for t in texts), (
        texts
    )
    assert "Anna Weber is a senior researcher at the Lindenfeld Institute." not in texts


def test_coordinated_phrases_with_their_own_modifiers_give_one_claim_per_conjunct():
    texts = claims_text(extract("Maria Lopez was born in Lima to a teacher from Cusco and a doctor from Arequipa."))
    assert "Maria Lopez was born in Lima to a teacher from Cusco." in texts
    assert "Maria Lopez was born in Lima to a doctor from Arequipa." in texts
    assert not any("Cusco" in t and "Arequipa" in t for t in texts)


def test_coordinated_places_split_per_place_and_the_negated_one_keeps_its_negation():
    texts = claims_text(extract("Methane lakes can be found on Titan, Triton and Pluto but not on Venus."))
    assert texts == [
        "Methane lakes can be found on Titan.",
        "Methane lakes can be found on Triton.",
        "Methane lakes can be found on Pluto.",
        "Methane lakes cannot be found on Venus.",
    ]


def test_a_participle_clause_after_a_reported_holding_is_a_second_fact_of_the_same_subject():
    texts = claims_text(
        extract(
            "The Ohio Supreme Court held that the zoning law was valid, finding that the city council had followed "
            "the state procedure."
        )
    )
    assert "The Ohio Supreme Court held that the zoning law was valid." in texts
    assert "The Ohio Supreme Court found that the city council had followed the state procedure." in texts


def test_a_relative_clause_with_two_verbs_on_a_name_gives_one_claim_per_verb():
    texts = claims_text(
        extract(
            "The oldest bakery in Lyon is Maison Pernet, which has won two national prizes and is listed as a "
            "historic monument."
        )
    )
    assert "Maison Pernet has won two national prizes." in texts
    assert "Maison Pernet is listed as a historic monument." in texts


def test_a_generic_you_can_statement_becomes_a_passive_claim_per_place():
    texts = claims_text(extract('Today you can find "copper ore" in Chile, Peru and Zambia, but not in Iceland.'))
    assert texts == [
        "Copper ore can be found in Chile.",
        "Copper ore can be found in Peru.",
        "Copper ore can be found in Zambia.",
        "Copper ore cannot be found in Iceland.",
    ]
    texts = claims_text(extract("You can see the comet from Spain and Portugal but not from Norway."))
    assert "The comet cannot be seen from Norway." in texts


def test_a_generic_you_statement_keeps_the_objects_of_phrase_and_a_misparsed_one_stays_out():
    texts = claims_text(extract("You can watch a huge number of Lanzo films on the Varnes service."))
    assert texts == ["A huge number of Lanzo films on the Varnes service can be watched."]
    misparsed = (
        "The Varnes service is now live and you can watch a huge number of Lanzo films and shows from a single "
        "subscription."
    )
    texts = claims_text(extract(misparsed))
    assert "The Varnes service is now live." in texts
    assert not any("can be watched" in t for t in texts)


def test_you_addressed_with_a_condition_or_advice_stays_out():
    assert claims_text(extract("If you heat the copper wire, you can bend it into a ring.")) == []
    assert claims_text(extract("You should buy the copper wire at the hardware store.")) == []


def test_a_description_after_the_name_ending_a_subject_is_a_fact_about_that_name():
    texts = [
        c.text
        for c in extract(
            "The general chair of ACME 2019, the 12th International Workshop on Graph Theory, was Maria Rossi."
        ).claims
    ]
    assert "The general chair of ACME 2019 was Maria Rossi." in texts, texts
    assert "ACME 2019 is the 12th International Workshop on Graph Theory." in texts, texts


def test_a_description_after_a_common_noun_object_is_not_moved_to_it():
    texts = [
        c.text
        for c in extract("The head of the committee, the oldest member of parliament, resigned in March 2021.").claims
    ]
    assert not any(t.startswith(("The committee is", "Committee is")) for t in texts), texts


def test_a_definite_class_including_names_stays_as_written():
    texts = [c.text for c in extract("The tools include Protege and Jena.").claims]
    assert texts == ["The tools include Protege.", "The tools include Jena."], texts


def test_a_participle_set_off_by_commas_is_a_fact_of_the_noun_it_follows():
    texts = [
        c.text
        for c in extract(
            "Backward inheritance, also known as reverse inheritance, refers to the transfer of traits to parents."
        ).claims
    ]
    assert "Backward inheritance refers to the transfer of traits to parents." in texts, texts
    assert any(
        t.startswith("Backward inheritance is") and t.endswith("known as reverse inheritance.") for t in texts
    ), texts


def test_a_dated_participle_in_brackets_is_a_past_fact_of_the_noun():
    texts = [
        c.text
        for c in extract(
            "Since the 2018 Lanzo Sailing Cup (held in 2019 because of a storm season), Norland has won nine races."
        ).claims
    ]
    assert "The 2018 Lanzo Sailing Cup was held in 2019 because of a storm season." in texts, texts
    assert not any("(held" in t for t in texts), texts


def test_a_participle_closed_on_one_side_only_stays_in_its_sentence():
    texts = [c.text for c in extract("Sales fell sharply in the year ended in March 2021.").claims]
    assert texts == ["Sales fell sharply in the year ended in March 2021."], texts


def test_a_ranked_first_or_second_to_do_something_also_says_it_was_done():
    texts = claims_text(extract("Norway became the first country to ban the sale of new petrol cars in 2025."))
    assert "Norway became the first country to ban the sale of new petrol cars in 2025." in texts
    assert "Norway banned the sale of new petrol cars in 2025." in texts
    texts = claims_text(extract("The brothers became the first people to fly a powered aircraft."))
    assert "The brothers flew a powered aircraft." in texts


def test_becoming_an_unranked_member_says_nothing_more():
    texts = claims_text(extract("Finland became a member of the alliance to strengthen its defence."))
    assert not any(t.startswith("Finland strengthened") for t in texts)


def test_a_borrowed_subjects_verb_is_inflected_with_irregular_forms():
    from claims.extraction.decomposition.clause import inflect, participle

    assert inflect("cut", past=True, plural=False) == "cut"
    assert inflect("make", past=False, plural=False) == "makes"
    assert inflect("ban", past=True, plural=False) == "banned"
    assert inflect("be", past=True, plural=True) == "were"
    assert participle("find") == "found"


def test_the_rules_that_paid_only_on_their_own_dev_set_are_gone_and_their_sentences_stay_whole():
    # with-absolutes, ", capable of / known for" and "<class> include <name>" were written from one dev set and
    # paid on no other (bench --ablate): the sentence is one claim in the article's words
    texts = claims_text(
        extract(
            "The Lindenfeld reservoir was nearly full in May 2021, with 40 million cubic metres in the upper basin."
        )
    )
    assert texts == [
        "The Lindenfeld reservoir was nearly full in May 2021, with 40 million cubic metres in the upper basin."
    ]
    texts = claims_text(extract("The Ferrel kite is a glider, capable of staying aloft for nine hours."))
    assert texts == ["The Ferrel kite is a glider, capable of staying aloft for nine hours."]
