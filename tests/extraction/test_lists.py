from claims.extraction import extract
from claims.extraction.cleaning import clean_text
from claims.extraction.lists import find_blocks, intro_group

from .conftest import claims_text


def test_unpunctuated_lines_after_a_colon_are_kept_as_list_items_not_dropped_as_headings():
    cleaned = clean_text(
        "Harbour Labs is a robotics firm based in Gdansk. Products sold by Harbour Labs include:\n"
        "Seagrip: a gripper for handling wet fish on trawlers\n"
        "Netwatch: a camera system that counts fish in nets\n"
    )
    assert "Seagrip: a gripper for handling wet fish on trawlers" in cleaned.text
    assert "Netwatch: a camera system that counts fish in nets" in cleaned.text
    assert cleaned.removed == []


def test_a_numbered_list_with_years_is_not_taken_for_bylines():
    cleaned = clean_text("The three mayors of Lindenfeld were:\n1.Anna Weber (1990-1998)\n2.Karl Brandt (1998-2006)\n")
    assert "Anna Weber (1990-1998)" in cleaned.text and "Karl Brandt (1998-2006)" in cleaned.text
    assert cleaned.published is None


def test_a_heading_that_announces_nothing_is_still_removed():
    cleaned = clean_text("Local news\nThe council of Lindenfeld approved a new budget of 4 million euros on Monday.")
    assert "Local news" not in cleaned.text


def test_each_labelled_item_says_what_it_is_and_what_it_belongs_to():
    texts = claims_text(
        extract(
            "Harbour Labs is a robotics firm based in Gdansk. Products sold by Harbour Labs include:\n"
            "Seagrip: a gripper for handling wet fish on trawlers\n"
            "Netwatch: a camera system that counts fish in nets\n"
        )
    )
    assert "Seagrip is one of the products sold by Harbour Labs." in texts
    assert "Seagrip is a gripper for handling wet fish on trawlers." in texts
    assert "Netwatch is one of the products sold by Harbour Labs." in texts
    assert not any(t.endswith("include.") for t in texts)  # the intro is not a claim of its own


def test_items_of_a_numbered_list_on_one_line_are_claims_in_article_order_with_their_own_spans():
    text = (
        "The city has had three mayors since 1990: 1. Anna Weber - elected in 1990 with 61 percent of the vote. "
        "2. Karl Brandt - elected in 1998 after a recount. 3. Eva Lang: She was the first Green mayor of Lindenfeld. "
        "The city council has 40 members."
    )
    result = extract(text)
    texts = claims_text(result)
    assert "Anna Weber was elected in 1990 with 61 percent of the vote." in texts
    assert "Karl Brandt was elected in 1998 after a recount." in texts
    assert "Eva Lang was the first Green mayor of Lindenfeld." in texts
    assert "The city council has 40 members." in texts
    brandt = next(c for c in result.claims if c.text.startswith("Karl Brandt was elected"))
    assert text[brandt.start : brandt.end] == brandt.sentence == "Karl Brandt - elected in 1998 after a recount."
    assert [c.start for c in result.claims] == sorted(c.start for c in result.claims)


def test_an_item_described_as_this_is_takes_the_item_name():
    texts = claims_text(
        extract(
            'Here is a list of albums by the Lindenfeld Quartet: 1. "Harbour Songs" (2011) - This is the debut album of the '
            'Lindenfeld Quartet. 2. "Night Ferry" (2015) - This is the second album of the Lindenfeld Quartet.'
        )
    )
    assert "Harbour Songs is the debut album of the Lindenfeld Quartet." in texts
    assert "Night Ferry is the second album of the Lindenfeld Quartet." in texts
    assert "Harbour Songs (2011) is one of the albums by the Lindenfeld Quartet." in texts


def test_a_pronoun_intro_gives_no_membership_claim_and_prose_with_numbers_is_no_list():
    assert intro_group("They are") == ("", False)
    assert intro_group("The four founders were") == ("the four founders", True)
    assert intro_group("Sure, here are some other scholars who won the prize") == (
        "the scholars who won the prize",
        False,
    )
    assert find_blocks("The ratio was 2:1 in 2019. Turnout rose to 4.5 percent: 1 in 20 voters stayed home.") == []


def test_a_quoted_title_with_one_year_in_brackets_says_when_it_came_out():
    texts = claims_text(
        extract(
            "The Lindenfeld Quartet has recorded two albums. Below are the quartet's albums: "
            "1. \u201cNorthern Light\" (2011) - This is the quartet's first album of string pieces. "
            "2. \u201cHarbour Songs\" (2015) - This is the quartet's second album of folk songs."
        )
    )
    assert "Northern Light was released in 2011." in texts
    assert "Harbour Songs was released in 2015." in texts


def test_a_name_with_a_year_in_brackets_is_not_said_to_be_released():
    texts = claims_text(
        extract(
            "The three mayors of Lindenfeld were:\n1. Anna Weber (1990) - elected by the council.\n"
            "2. Karl Brandt (1998) - elected by the voters.\n3. Eva Roth (2006) - elected by the voters.\n"
        )
    )
    assert not any("released" in t for t in texts)
    assert any(t.startswith("Anna Weber") for t in texts)
