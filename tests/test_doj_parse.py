"""DOJ news API parsing: envelope and item quirks, release pages, classification.

Fixtures in tests/fixtures/doj are invented releases written in the API's shape (see
../shared/corpus/doj for the real thing)."""
from __future__ import annotations

import json

import pytest

from scrapers.sources.doj.api import (
    ParseError,
    merge_records,
    normalize_url,
    parse_api_response,
    parse_item,
    terms_from,
    time_field,
)
from scrapers.sources.doj.classify import classify, find_countries
from scrapers.sources.doj.htmltext import html_to_blocks
from scrapers.sources.doj.page import parse_release_page


def _load(fixtures, name):
    return (fixtures / "doj" / name).read_bytes()


# -- envelope ------------------------------------------------------------------------------------
def test_count_is_a_string_and_pagesize_a_string_or_a_number(fixtures):
    p0 = parse_api_response(_load(fixtures, "list_page0_pagesize3.json"), "p0")
    p7 = parse_api_response(_load(fixtures, "list_page7_pagesize3.json"), "p7")
    assert (p0.count, p0.pagesize, p0.page) == (58214, 3, 0)
    assert (p7.count, p7.pagesize, p7.page) == (58214, 3, 7)
    assert len(p0.results) == 3


def test_single_item_response_with_four_fields(fixtures):
    page = parse_api_response(_load(fixtures, "item_3f1c9a52_fields4.json"), "item")
    rel = parse_item(page.results[0], "item", 0)
    assert rel.uuid == "3f1c9a52-6b7d-4e8a-9c0f-1a2b3c4d5e03"
    assert rel.body_html == "" and rel.changed is None and rel.components == []
    assert rel.published == "2024-07-02"
    assert rel.fields == frozenset({"date", "title", "url", "uuid"})


@pytest.mark.parametrize("content,reason", [
    (b"<html>not json", "not valid JSON"),
    (b'{"hello": "world"}', "no `results`"),
    (b'{"metadata": {"responseInfo": {"status": 500}}, "results": []}', "status 500"),
    (b'{"results": "oops"}', "expected a list"),
])
def test_unreadable_responses_fail_naming_the_file(content, reason):
    with pytest.raises(ParseError) as err:
        parse_api_response(content, "saved/page.json")
    assert "saved/page.json" in str(err.value)
    assert reason.split()[0] in str(err.value)


def test_item_without_uuid_is_an_error_naming_the_item(fixtures):
    page = parse_api_response(_load(fixtures, "list_item_without_uuid.json"), "f.json")
    with pytest.raises(ParseError) as err:
        parse_item(page.results[0], "f.json", 0)
    assert "item 0" in str(err.value) and "uuid" in str(err.value)


# -- item quirks ------------------------------------------------------------------------------------
def test_item_quirks(fixtures):
    page = parse_api_response(_load(fixtures, "list_page0_pagesize3.json"), "p0")
    roundup, other, precursor = (parse_item(r, "p0", i) for i, r in enumerate(page.results))
    # date: unix seconds in a string -> the Eastern calendar date
    assert roundup.date_unix == 1720008000 and roundup.published == "2024-07-03"
    # changed/created: HTML <time> strings
    assert roundup.changed_unix == 1720051200 and roundup.changed == "2024-07-04T00:00:00Z"
    assert roundup.created == "2024-07-03T21:00:00Z"
    # title entities decoded; url without www. normalised
    assert roundup.title == "U.S. Attorney's Office Announces Results in Two Fentanyl Cases"
    assert roundup.url == "https://www.justice.gov/usao-ndoh/pr/us-attorneys-office-announces-results-two-fentanyl-cases"
    # empty number -> None; a number kept
    assert roundup.number is None and precursor.number == "24-811"
    # topic as a list of {uuid, name} or as an HTML string of anchors
    assert roundup.topics == ["Drug Trafficking"]
    assert other.topics == ["Tax"]
    assert precursor.topics == ["Drug Trafficking", "Money Laundering"]
    assert precursor.components == ["Office of the Attorney General", "Criminal Division"]
    # trailing slash dropped
    assert precursor.url.endswith("importing-fentanyl-precursors")
    # " " is empty
    assert other.teaser_html == ""


@pytest.mark.parametrize("value,expected", [
    ('<time datetime="2024-08-07T22:45:53+00:00">1723070753</time>\n', (1723070753, "2024-08-07T22:45:53Z")),
    ("1723070753", (1723070753, "2024-08-07T22:45:53Z")),
    (1723070753, (1723070753, "2024-08-07T22:45:53Z")),
    ('<time datetime="2024-08-07T22:45:53+00:00"></time>', (1723070753, "2024-08-07T22:45:53Z")),
    ("2024-08-07T18:45:53-04:00", (1723070753, "2024-08-07T22:45:53Z")),
    ("", (None, None)), (None, (None, None)), ("soon", (None, None)),
])
def test_time_fields(value, expected):
    assert time_field(value) == expected


@pytest.mark.parametrize("value,expected", [
    ([{"uuid": "x", "name": "USAO - Minnesota"}], ["USAO - Minnesota"]),
    ('<a href="/taxonomy/term/1" hreflang="en">Civil Rights</a>, <a href="/t/2">Disability &amp; Access</a>',
     ["Civil Rights", "Disability & Access"]),
    (" ", []), ("", []), (None, []), ("Drug Trafficking, Opioids", ["Drug Trafficking", "Opioids"]),
])
def test_component_and_topic_shapes(value, expected):
    assert terms_from(value) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://justice.gov/usao-mn/pr/x", "https://www.justice.gov/usao-mn/pr/x"),
    ("http://www.justice.gov/usao-mn/pr/x/", "https://www.justice.gov/usao-mn/pr/x"),
    ("//www.justice.gov/opa/pr/y?utm=1#top", "https://www.justice.gov/opa/pr/y"),
    ("/usao-edla/pr/z", "https://www.justice.gov/usao-edla/pr/z"),
    ("www.justice.gov/opa/pr/w", "https://www.justice.gov/opa/pr/w"),
    ("", None), (None, None),
])
def test_urls_normalised(url, expected):
    assert normalize_url(url) == expected


def test_the_same_release_in_several_responses_keeps_the_newest_richest_copy(fixtures):
    p0 = parse_api_response(_load(fixtures, "list_page0_pagesize3.json"), "p0")
    p7 = parse_api_response(_load(fixtures, "list_page7_pagesize3.json"), "p7")
    single = parse_api_response(_load(fixtures, "item_3f1c9a52_fields4.json"), "one")
    newer = parse_item(p0.results[0], "p0", 0)
    older = parse_item(p7.results[0], "p7", 0)
    assert newer.uuid == older.uuid
    assert merge_records([older, newer]).changed == newer.changed
    assert merge_records([newer, older]).changed == newer.changed
    assert "Quennell, 34" in merge_records([older, newer]).body_html
    full = parse_item(p0.results[2], "p0", 2)
    partial = parse_item(single.results[0], "one", 0)
    merged = merge_records([full, partial])
    assert merged.body_html == full.body_html and merged.components == full.components
    assert merge_records([partial, full]).body_html == full.body_html


# -- HTML ------------------------------------------------------------------------------------------
def test_blocks_mark_bold_headings():
    blocks = html_to_blocks("<p>Intro &amp; more.</p>\n<p><b>1. Man Sentenced</b></p>\n<p>Text with <b>bold</b> word.</p>"
                            "<h2>Second</h2><ul><li>One</li><li>Two</li></ul>")
    assert [(b.text, b.heading) for b in blocks] == [
        ("Intro & more.", False), ("1. Man Sentenced", True), ("Text with bold word.", False),
        ("Second", True), ("One", False), ("Two", False)]


def test_plain_text_bodies_split_on_blank_lines():
    assert [b.text for b in html_to_blocks("First para.\n\nSecond\npara.")] == ["First para.", "Second para."]


def test_release_page_current_theme(fixtures):
    rel = parse_release_page(_load(fixtures, "release_page_2024_theme.html"), "page.html")
    assert rel.title == "Westland Pharmacist Indicted for Diverting Fentanyl Patches"
    assert rel.published == "2024-03-12"
    assert rel.url == "https://www.justice.gov/usao-sdga/pr/westland-pharmacist-indicted-diverting-fentanyl-patches"
    assert rel.components == ["USAO - Georgia, Southern"] and rel.topics == ["Drug Trafficking"]
    assert rel.number == "24-031"
    assert "Conrad Ellery Whitmore" in rel.body_html and "usa-footer" not in rel.body_html
    assert rel.kind == "page" and rel.uuid is None


def test_release_page_2020_theme(fixtures):
    rel = parse_release_page(_load(fixtures, "release_page_2020_theme.html"), "old.html")
    assert rel.title == "Two Arrested in Counterfeit Pill Press Operation"
    assert rel.published == "2020-10-27"
    assert rel.components == ["Office of Public Affairs"] and rel.number == "20-1187"
    assert "Marisol Quintero Baeza" in rel.body_html


@pytest.mark.parametrize("html,missing", [
    (None, "date"),
    ("<html><body><main><div class='field_date'><time datetime='2024-01-02T12:00:00Z'>x</time></div>"
     "<div class='field_body'><p>Text</p></div></main></body></html>", "title"),
    ("<html><body><h1 class='page-title'>T</h1><div class='field_date'><time datetime='2024-01-02T12:00:00Z'>x</time>"
     "</div><div class='field_body'> </div></body></html>", "body"),
])
def test_release_pages_without_title_date_or_body_fail_loudly(fixtures, html, missing):
    content = _load(fixtures, "release_page_without_date.html") if html is None else html.encode()
    with pytest.raises(ParseError) as err:
        parse_release_page(content, "saved/page.html")
    assert "saved/page.html" in str(err.value) and missing in str(err.value)


# -- classification --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,fentanyl,drug", [
    ("He sold fentanyl-laced heroin.", True, "fentanyl"),
    ("Seized carfentanil and acetyl fentanyl.", True, "carfentanil"),
    ("The powder was para-fluorofentanyl.", True, "para-fluorofentanyl"),
    ("Lab results showed isotonitazene, a nitazene.", True, "nitazenes"),
    ("The company sold 4-ANPP.", True, "4-ANPP"),
    ("He ordered 1-boc-4-AP from a supplier.", True, "1-boc-4-AP"),
    ("Shipments of norfentanyl were seized.", True, "norfentanyl"),
    ("Agents seized 5,000 blue M30 pills.", True, "counterfeit M30 pills"),
    ("precursor chemicals including NPP were imported", True, "NPP"),
    ("The M30 motorway was closed.", False, None),          # M30 needs pills
    ("NPP said the plant was safe.", False, None),            # NPP needs precursor context
    ("He sold methamphetamine and heroin.", False, None),
    ("A grant to fight opioid overdoses in New Mexico.", False, None),
])
def test_mentions_fentanyl(text, fentanyl, drug):
    c = classify("Title", text)
    assert c.mentions_fentanyl is fentanyl
    if drug:
        assert drug in c.drugs


def test_supply_chain_flags():
    c = classify("China-Based Company Charged", "The China-based company sold 4-ANPP to the Sinaloa Cartel"
                 " and Los Chapitos on Telegram, and laundered the proceeds. Fentanyl was made in Mexico.")
    assert (c.precursor_case, c.cartel_case, c.money_laundering, c.online_sales) == (True, True, True, True)
    assert c.cartels == ["Los Chapitos", "Sinaloa Cartel"]
    assert {"China", "Mexico"} <= set(c.countries)
    plain = classify("Man Sentenced", "He sold fentanyl on a street corner in Fairview.")
    assert (plain.precursor_case, plain.cartel_case, plain.money_laundering, plain.online_sales) == (False,) * 4


def test_cartel_words_alone_are_not_a_cartel_case():
    c = classify("Title", "He sold fentanyl. The operation targets cartels and transnational criminal organizations.")
    assert c.mentions_fentanyl and not c.cartel_case


def test_countries_need_context_when_ambiguous():
    assert find_countries("He lived in New Mexico and Georgia, then moved to Jordan Smith's house.") == []
    assert find_countries("Chinese nationals and a Georgia-based broker shipped to India.") == ["China", "Georgia", "India"]
    assert find_countries("crimes in Indian Country") == []


def test_non_fentanyl_release_costs_no_extraction(fixtures):
    page = parse_api_response(_load(fixtures, "list_page0_pagesize3.json"), "p0")
    other = parse_item(page.results[1], "p0", 1)
    c = classify(other.title, "", raw=other.body_html)
    assert not c.mentions_fentanyl and c.drugs == []


def test_real_api_examples_parse(corpus):
    """The documented responses in ../shared/corpus/doj (skipped when absent)."""
    doj = corpus / "doj"
    page = parse_api_response((doj / "api-example-press_releases-list-page5-pagesize2.json").read_bytes(), "list")
    assert (page.count, page.pagesize, page.page) == (246868, 2, 5)
    rels = [parse_item(r, "list", i) for i, r in enumerate(page.results)]
    assert all(r.url.startswith("https://www.justice.gov/usao-") for r in rels)
    assert {r.published for r in rels} == {"2024-08-07"}
    single = parse_api_response((doj / "api-example-press_release-by-uuid-98baba74.json").read_bytes(), "one")
    one = parse_item(single.results[0], "one", 0)
    assert one.uuid in {r.uuid for r in rels}
    assert json.loads((doj / "api-example-press_release-by-uuid-98baba74.json").read_text())["results"][0]["uuid"] == one.uuid
