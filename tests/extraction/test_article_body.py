"""The page's article, whole: headings, lists, tables and short lines stay; navigation and furniture do not;
headings and table rows are marked so that no claim comes from them."""

import datetime as dt

from claims.extraction import extract
from claims.extraction.cleaning import HEADING_MARK, clean_text, is_marked, marked_spans
from claims.extraction.html import html_to_text

PARAGRAPH = "<p>{}</p>"
PAGE = """<html><head><title>Harbour fees rise | The Coastal Courier</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour fees rise for the first time in a decade</h1>
{body}
</article>
<footer><p>Copyright 2024 The Coastal Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""
PROSE = [
    "The port authority of Lindhaven raised its mooring fees by 12 percent on Monday, the first rise since 2014.",
    "Fishing crews said the increase would cost a typical trawler about 3,000 euros a year in extra charges.",
    "The authority said the money would pay for dredging the northern channel, which has silted up since the storms.",
]


def page(*parts: str) -> str:
    return PAGE.format(body="\n".join(parts))


def cleaned_page(html: str):
    found = html_to_text(html)
    return clean_text(found.text, title=found.title, headings=found.headings)


def test_a_subhead_between_paragraphs_stays_in_the_text_marked_as_a_heading():
    cleaned = cleaned_page(page(PARAGRAPH.format(PROSE[0]), "<h2>What the crews say</h2>", PARAGRAPH.format(PROSE[1])))
    assert HEADING_MARK + "What the crews say" in cleaned.text.split("\n\n")
    assert PROSE[0] in cleaned.text and PROSE[1] in cleaned.text


def test_the_headline_before_the_body_is_the_title_not_body_text():
    cleaned = cleaned_page(page(*(PARAGRAPH.format(p) for p in PROSE)))
    assert "Harbour fees rise for the first time" not in cleaned.text
    assert cleaned.text.startswith(PROSE[0])


def test_short_list_items_dated_lines_and_scores_are_kept_as_body_text():
    cleaned = cleaned_page(
        page(
            PARAGRAPH.format(PROSE[0]),
            "<p>Fees since the harbour reopened:</p>",
            "<ul><li>March 2014 - mooring fee set at 40 euros</li><li>June 2019 - berths extended</li></ul>",
            PARAGRAPH.format("Lindhaven Rovers 3 Portmere Athletic 1"),
            PARAGRAPH.format(PROSE[1]),
        )
    )
    for line in (
        "March 2014 - mooring fee set at 40 euros",
        "June 2019 - berths extended",
        "Lindhaven Rovers 3 Portmere Athletic 1",
    ):
        assert line in cleaned.text
    assert not any(line in cleaned.text for line in ("Home", "Privacy policy", "All rights reserved"))


def test_a_table_is_kept_one_row_a_line_and_its_rows_are_marked():
    cleaned = cleaned_page(
        page(
            PARAGRAPH.format(PROSE[0]),
            "<table><tr><th>Vessel</th><th>Old fee</th><th>New fee</th></tr><tr><td>Trawler</td><td>250</td><td>280</td></tr></table>",
            PARAGRAPH.format(PROSE[1]),
        )
    )
    rows = [p for p in cleaned.text.split("\n\n") if "Trawler" in p]
    assert rows and all(is_marked(row) for row in rows)
    assert "280" in rows[0]


def test_no_claim_comes_from_a_heading_though_it_reads_like_a_sentence():
    html = page(
        PARAGRAPH.format(PROSE[0]), "<h2>The mayor approved the new fees in May 2024</h2>", PARAGRAPH.format(PROSE[2])
    )
    result = extract(html, is_html=True, published=dt.date(2024, 6, 3))
    assert any("dredging" in c.text for c in result.claims)
    assert not any("mayor" in c.sentence for c in result.claims)
    spans = marked_spans(result.cleaned.text)
    assert len(spans) == 1 and result.cleaned.text[spans[0][0] : spans[0][1]].startswith(HEADING_MARK)


def test_a_short_line_with_a_year_inside_a_phrase_is_not_taken_for_a_dateline():
    cleaned = cleaned_page(
        page(PARAGRAPH.format("The harbour master, who in 2019 first warned"), PARAGRAPH.format(PROSE[2]))
    )
    assert "The harbour master, who in 2019 first warned" in cleaned.text.split("\n\n")[0]
    assert cleaned.published is None


def test_a_dateline_is_still_taken_for_the_outlet_and_date():
    cleaned = cleaned_page(page(PARAGRAPH.format("Coastal Courier | 3 June 2024"), PARAGRAPH.format(PROSE[2])))
    assert (cleaned.outlet, cleaned.published) == ("Coastal Courier", dt.date(2024, 6, 3))
    assert cleaned.text == PROSE[2]


def test_repeated_short_lines_of_a_structured_page_are_all_kept():
    step = "Rinse the nets in fresh water"
    html = page(
        PARAGRAPH.format(PROSE[0]), *(f"<h3>Day {n}</h3><p>{step}</p>" for n in (1, 2, 3)), PARAGRAPH.format(PROSE[1])
    )
    assert cleaned_page(html).text.count(step) == 3


def test_a_japanese_paragraph_ending_in_an_ideographic_full_stop_is_body_text():
    text = "港の使用料が十年ぶりに上がった。\n\n漁業者は負担が増えると話した。"
    cleaned = clean_text(text)
    assert cleaned.text == "港の使用料が十年ぶりに上がった。\n\n漁業者は負担が増えると話した。"


def test_a_hard_wrapped_plain_text_paragraph_is_joined_not_taken_for_headings():
    text = (
        "The port authority of Lindhaven raised its mooring fees\n"
        "by 12 percent on Monday, the first rise since 2014, and\n"
        "fishing crews said the increase would hurt.\n\n"
        "The authority said the money would pay for dredging."
    )
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n")[0] == (
        "The port authority of Lindhaven raised its mooring fees by 12 percent on Monday, the first rise since 2014, "
        "and fishing crews said the increase would hurt."
    )


def test_a_subhead_of_plain_text_after_the_body_starts_is_kept_marked():
    cleaned = clean_text(f"{PROSE[0]}\n\nWhat the crews say\n\n{PROSE[1]}")
    assert cleaned.text.split("\n\n") == [PROSE[0], HEADING_MARK + "What the crews say", PROSE[1]]


def test_compatibility_characters_are_the_pages_own_text():
    cleaned = clean_text("Each crate holds ½ tonne of fish,\u00a0the harbour master said.")
    assert cleaned.text == "Each crate holds ½ tonne of fish, the harbour master said."


def test_a_heading_element_holding_several_sentences_is_prose():
    cleaned = cleaned_page(page(PARAGRAPH.format(PROSE[0]), f"<h2>{PROSE[1]} {PROSE[2]}</h2>"))
    assert f"{PROSE[1]} {PROSE[2]}" in cleaned.text.split("\n\n")
    assert not any(is_marked(p) and "dredging" in p for p in cleaned.text.split("\n\n"))


def test_the_extraction_sees_marked_paragraphs_blanked_out_with_offsets_unchanged():
    from claims.extraction.cleaning import prose_only

    text = f"{PROSE[0]}\n\n# Fees\n\n| Trawler | 280 |\n\n{PROSE[1]}"
    blank = prose_only(text)
    assert len(blank) == len(text) and blank.index(PROSE[1]) == text.index(PROSE[1])
    assert "Fees" not in blank and "Trawler" not in blank


def test_a_paragraph_cut_by_a_line_break_after_the_is_joined_into_one_sentence():
    cleaned = cleaned_page(
        page(
            PARAGRAPH.format(PROSE[0]),
            "<p>The harbour master, who in 2019 won the<br>Coastal Safety Award, retired on Friday.</p>",
        )
    )
    assert "The harbour master, who in 2019 won the Coastal Safety Award, retired on Friday." in cleaned.text.split(
        "\n\n"
    )
