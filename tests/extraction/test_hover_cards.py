"""Rule hover_card: a person's hover card written inside the paragraph (photo, full name, other stories, "MORE")
is left out of the page's text, so the sentence keeps the name that opens it and no card text glued to it."""

from claims.extraction import extract, rules
from claims.extraction.html import html_to_text

CARD = (
    '<span class="profile-rollover"><a class="profile-rollover-link" href="/people/ana-ruiz">Ana Ruiz</a>'
    '<span class="profile-rollover-card"><span class="rollover-box"><img src="/img/ruiz.jpg" alt="">'
    '<a class="name" href="/people/ana-ruiz">Ana Maria Ruiz</a>'
    '<a href="/news/1">Varnes governor signs ferry bill</a> <a href="/news/2">Harbour fees rise again</a>'
    '<a class="more" href="/people/ana-ruiz">MORE</a></span></span></span>'
)
PAGE = """<html><head><title>Varnes ferry fares | The Coastal Courier</title></head><body><article>
<h1>Varnes ferry fares to rise</h1>
<p>Varnes Governor {name} (D) signed a bill on 3 March 2021 that raises ferry fares by 15 percent from June.</p>
<p>The Varnes ferry company carried 41,000 passengers in 2019, the port authority said in its annual report.</p>
<p>Fares on the island routes have not risen since 2014, when the company added two boats to its fleet.</p>
</article></body></html>"""
CLEAN = "Varnes Governor Ana Ruiz (D) signed a bill on 3 March 2021 that raises ferry fares by 15 percent from June."


def test_the_card_is_left_out_and_the_name_that_opens_it_stays():
    text = html_to_text(PAGE.format(name=CARD)).text
    assert CLEAN in text
    assert "Ana Maria Ruiz" not in text and "MORE" not in text


def test_the_claim_reads_as_the_sentence_without_the_card():
    claims = [c.text for c in extract(PAGE.format(name=CARD), is_html=True).claims]
    assert any(c.startswith("Varnes Governor Ana Ruiz (D) signed a bill on 3 March 2021") for c in claims)
    assert not any("Ana Maria Ruiz" in c or "Harbour fees rise again" in c for c in claims)


def test_with_the_rule_off_the_card_is_glued_to_the_name():
    with rules.disabled({"hover_card"}):
        text = html_to_text(PAGE.format(name=CARD)).text
    assert "Ana Maria Ruiz" in text and CLEAN not in text


def test_a_tooltip_on_a_single_word_keeps_the_word():
    """A tooltip that explains a word (no picture, fewer than two links) is the word itself: it stays."""
    tooltip = '<abbr class="tooltip" title="Varnes Ferry Authority">VFA</abbr>'
    page = PAGE.replace("the port authority said", f"the {tooltip} said")
    text = html_to_text(page.format(name="Ana Ruiz")).text
    assert "the VFA said in its annual report" in text
    assert CLEAN in text


def test_a_dateline_naming_a_city_a_district_and_a_country_is_not_part_of_the_claim():
    text = "Lanzo, VR, Norland: The Varnes ferry company carried 41,000 passengers in 2019."
    claims = [c.text for c in extract(text).claims]
    assert "The Varnes ferry company carried 41,000 passengers in 2019." in claims
    assert not any("Norland" in c for c in claims)
