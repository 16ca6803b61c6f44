from claims.extraction import extract, rules

from .conftest import SEED_ENTITIES, find_claim


def test_speaker_and_cited_source_come_out_of_the_claim(seed_000_result):
    claim = find_claim(seed_000_result, "second Russian ally")
    assert claim.speaker == "Denis Pushilin"
    assert claim.cited_source == "Tass"
    assert "quoted as saying" not in claim.text


def test_who_said_it_is_a_field_of_the_claim_not_a_prefix_of_its_text(seed_000_result):
    claim = find_claim(seed_000_result, "second Russian ally")
    assert claim.text.startswith("North Korea ")
    assert claim.speaker == "Denis Pushilin"


def test_said_according_to_gives_speaker_and_source(settings):
    settings.FACTCHECK_GAZETTEER_EXTRA = SEED_ENTITIES  # the seed story's people load with the seeds
    result = extract('"North Korea will send 1,000 workers to Donetsk," Pushilin said, according to the Tass agency.')
    claim = result.claims[0]
    assert (claim.speaker, claim.cited_source) == (
        "Denis Pushilin",
        "Tass",
    )  # the article names Donetsk: context supports it
    assert claim.is_direct_quote
    assert claim.text == "North Korea will send 1,000 workers to Donetsk."


def test_a_passive_notified_by_names_the_agent_as_speaker(seed_000_result):
    claim = find_claim(seed_000_result, "Talks with North Korea")
    assert claim.speaker == "Natalya Nikonorova"
    assert claim.text.startswith("Talks with North Korea")


def test_a_leading_speaker_with_a_medium_gives_the_medium_as_cited_source():
    result = extract(
        "Alexander Matsegora told the Russian newspaper Izvestia that 2,000 North Korean builders would arrive in May 2023."
    )
    claim = result.claims[0]
    assert claim.speaker == "Alexander Matsegora"
    assert claim.cited_source == "Izvestia"


def test_an_unattributed_statement_has_no_speaker():
    result = extract("Ukraine cut diplomatic ties with Syria in June 2022.")
    assert [(c.speaker, c.cited_source) for c in result.claims] == [("", "")]


def test_a_possessive_in_the_speaker_phrase_is_resolved_like_any_other_pronoun():
    result = extract(
        "Acme Corporation reported record sales in 2021. Profits rose by 12 percent, its chief executive said."
    )
    claim = find_claim(result, "Profits rose by 12 percent")
    assert claim.speaker == "Acme Corporation's chief executive"
    assert claim.text == "Profits rose by 12 percent."


def test_a_possessive_speaker_phrase_takes_the_titles_fuller_description_of_the_same_role():
    result = extract(
        "Ruritania and the breakaway Elbonia region will open a new railway, its self-appointed governor said on Monday.",
        title="Self-appointed Elbonia governor announces railway",
    )
    claim = find_claim(result, "new railway")
    assert claim.speaker == "the self-appointed Elbonia governor"


def test_a_title_naming_another_role_does_not_describe_the_speaker():
    result = extract(
        "Ruritania and the breakaway Elbonia region will open a new railway, its self-appointed governor said on Monday.",
        title="Elbonia mayor announces railway",
    )
    claim = find_claim(result, "new railway")
    assert "mayor" not in claim.speaker
    assert "its" not in claim.text.split()


def test_testimony_and_recollection_are_reported_speech_with_their_speaker():
    quoted = extract('"My crew had 300 cars loaded by noon," Captain Ana Ruiz recounted at a council meeting.').claims
    assert [(c.text, c.speaker) for c in quoted] == [("Ana Ruiz's crew had 300 cars loaded by noon.", "Ana Ruiz")]
    testified = extract("Ivo Brandt testified that the Lanzo ferry carried 300 cars a day in 2019.").claims
    assert [(c.text, c.speaker) for c in testified] == [
        ("The Lanzo ferry carried 300 cars a day in 2019.", "Ivo Brandt")
    ]


FOUNDER = "The founder of Lanzo Ferries, Ana Ruiz, said ferry fares rose by 12 percent in 2021."


def test_a_name_speaks_not_the_firm_in_the_description_set_off_beside_it():
    after = extract('"The Lanzo ferry carried 300 cars a day in 2019," said Ana Ruiz, the founder of Lanzo Ferries.')
    assert [c.speaker for c in after.claims] == ["Ana Ruiz"]
    before = extract(FOUNDER)
    assert [(c.text, c.speaker) for c in before.claims] == [("Ferry fares rose by 12 percent in 2021.", "Ana Ruiz")]
    with rules.disabled({"speaker_name_first"}):  # the small model does not know the name: the firm was taken
        assert [c.speaker for c in extract(FOUNDER).claims] == ["Lanzo Ferries"]


def test_a_name_that_only_says_which_office_does_not_stand_for_the_speaker():
    claims = extract("A spokesman for the Norland ministry said ferry fares rose by 12 percent in 2021.").claims
    assert [c.speaker for c in claims] == ["a spokesman for the Norland ministry"]
    assert [c.speaker for c in extract("The Norland ministry said ferry fares rose by 12 percent in 2021.").claims] == [
        "the Norland ministry"
    ]


def test_what_was_told_is_the_that_clause_not_a_participle_before_it():
    # the parse takes "cheering" for an open complement of "told"; the reported clause is the that-clause
    texts = [
        c.text
        for c in extract(
            "Miller, who has split from many fellow Democrats on taxes, told cheering nurses that the ferry lost 2 "
            "million euros in 2020."
        ).claims
    ]
    assert "The ferry lost 2 million euros in 2020." in texts
    assert not any(t.startswith("Cheering") for t in texts)


def test_a_that_taken_for_an_object_does_not_open_what_was_told():
    texts = [
        c.text
        for c in extract(
            'Tom Cole told cheering nurses that they weren\'t "asking for a miracle" when they demanded a 5 percent '
            "raise in 2019."
        ).claims
    ]
    assert any(t.startswith('They weren\'t "asking for a miracle"') for t in texts)
    assert not any(t.startswith("That") for t in texts)
