"""Treasury parsers (pure functions) on our own fixtures imitating both markup generations,
the listing pages, and OFAC's Recent Actions pages."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scrapers.errors import SourceError
from scrapers.sources.treasury.classify import classify_eo14059, sentences_of
from scrapers.sources.treasury.designees import extract_designees
from scrapers.sources.treasury.html import sentence_spans, text_blocks
from scrapers.sources.treasury.listing import parse_listing
from scrapers.sources.treasury.places import place_mentions
from scrapers.sources.treasury.recent_actions import parse_recent_actions
from scrapers.sources.treasury.release import parse_release


@pytest.fixture
def tdir(fixtures):
    return fixtures / "treasury"


def release(tdir, name):
    path = tdir / "releases" / f"{name}.html"
    return parse_release(path.read_bytes(), str(path), fallback_id=name)


def designees(rel):
    return {c.name: c for c in extract_designees(rel.body_html)}


# -- release pages --------------------------------------------------------------------------

def test_full_page_of_the_older_markup(tdir):
    rel = release(tdir, "tf1001")
    assert rel.id == "tf1001"                                   # from the canonical link
    assert rel.url == "https://home.treasury.gov/news/press-releases/tf1001"
    assert rel.title == "Treasury Sanctions Precursor Chemical Network Supplying Cartel Laboratories"
    # 02:30 UTC on March 1 is still February 29 in Washington
    assert rel.published == "2024-02-29"
    assert rel.published_at == "2024-03-01T02:30:00Z"
    assert rel.recent_actions_url == "https://ofac.treasury.gov/recent-actions/20240229"
    assert rel.is_eo14059 and rel.mentions_fentanyl
    assert rel.countries == ["Mexico"]
    assert rel.summary.startswith("Today, the U.S. Department of the Treasury")
    kinds = {link.url: link.kind for link in rel.links}
    assert kinds["https://www.justice.gov/usao-sdca/pr/chemical-broker-charged-fentanyl-precursors"] == "doj-release"
    # /index.php/ dropped from links
    assert kinds["https://home.treasury.gov/news/press-releases/tf0950"] == "treasury-release"
    assert kinds["https://ofac.treasury.gov/recent-actions/20240229"] == "recent-actions"
    # the site's header/footer links are not the release's
    assert not any("tf0998" in u or "tf0999" in u for u in kinds)


def test_body_html_is_sanitised(tdir):
    rel = release(tdir, "tf1001")
    soup = BeautifulSoup(rel.body_html, "lxml")
    assert not soup.find_all(["script", "style", "img", "article", "div", "iframe"])
    for tag in soup.find_all(True):
        # the shared sanitiser (scrapers/sanitize.py) keeps href/title on links and adds rel
        allowed = {"href", "title", "rel"} if tag.name == "a" else set()
        assert set(tag.attrs) <= allowed, tag
        if tag.name == "a":
            assert tag["href"].startswith(("http://", "https://")) and "nofollow" in tag["rel"]
    assert soup.find("a", href="https://ofac.treasury.gov/recent-actions/20240229")
    assert "onclick" not in rel.body_html and "Not A Name" not in rel.body_html
    assert "<strong>Aurelio Bastida Nieves</strong>" in rel.body_html
    assert "Use featured image" not in rel.body_text


def test_fragment_of_the_newer_markup(tdir):
    rel = release(tdir, "tf1002")
    assert rel.id == "tf1002"                                   # about="/news/press-releases/tf1002/"
    assert rel.published == "2024-06-05"                        # local offset, -04:00
    assert rel.title == "Importers Bring Pill Presses Into Mexico for Cartel Laboratories"   # the deck
    assert rel.is_eo14059
    assert "A pill press seized at the border" in rel.body_text
    assert "media" not in rel.body_html


def test_release_id_falls_back_to_the_file_name(tdir):
    html = (tdir / "releases" / "tf1005.html").read_text().replace('about="/news/press-releases/tf1005"', "")
    rel = parse_release(html, "saved/jy9999.html", fallback_id="jy9999")
    assert rel.id == "jy9999"
    with pytest.raises(SourceError) as err:
        parse_release(html, "saved/page.html", fallback_id="page")
    assert "saved/page.html" in str(err.value) and "release id" in str(err.value)


@pytest.mark.parametrize("name, reason", [("broken_no_date", "no publication date"), ("broken_no_body", "no release body")])
def test_page_without_date_or_body_is_an_error_naming_the_file(tdir, name, reason):
    path = tdir / "releases" / f"{name}.html"
    with pytest.raises(SourceError) as err:
        parse_release(path.read_bytes(), str(path), fallback_id=name)
    assert str(path) in str(err.value) and reason in str(err.value)


# -- classification -------------------------------------------------------------------------

@pytest.mark.parametrize("name, eo, fentanyl", [
    ("tf1001", True, True),
    ("tf1002", True, True),
    ("tf1003", False, False),    # Iran release; E.O. 14059 only as someone's history
    ("tf1004", False, True),     # transnational criminal organisation (E.O. 13581) with fentanyl words
    ("tf1005", False, True),     # Kingpin Act
    ("tf1006", False, False),
])
def test_release_flags(tdir, name, eo, fentanyl):
    rel = release(tdir, name)
    assert (rel.is_eo14059, rel.mentions_fentanyl) == (eo, fentanyl)
    assert rel.eo14059_evidence     # the deciding (or rejected) sentences are kept for audit


def classify(*paragraphs):
    soup = BeautifulSoup("".join(f"<p>{p}</p>" for p in paragraphs), "lxml")
    return classify_eo14059(sentences_of(text_blocks(soup.body), "xx0001"))[0]


@pytest.mark.parametrize("expected, text", [
    (True, "Today, OFAC sanctioned Juan Perez, who has led the cartel since 2019, pursuant to E.O. 14059."),
    (True, "Today, OFAC sanctioned Juan Perez, indicted in 2023 in New York, pursuant to E.O. 14059."),
    (True, "Today’s action was taken pursuant to Executive Order (E.O.) 14059, which targets the proliferation of illicit drugs."),
    (True, "OFAC designated 15 members—several of whom are fugitives—and six businesses pursuant to Executive Order (E.O.) 14059."),
    (True, "The following persons are designated pursuant to E.O. 14059 for having engaged in such activities."),
    (True, "Today, OFAC is designating Juan Perez pursuant to E.O. 13224 and E.O. 14059."),
    (True, "Today, President Biden signed E.O. 14059. Concurrently, OFAC designated 10 people pursuant to E.O. 14059."),
    (True, "Today, OFAC sanctioned ten people. U.S. persons may face civil or criminal penalties for violations of E.O. 14059."),
    (False, "In 2023, OFAC designated Juan Perez pursuant to E.O. 14059."),
    (False, "On April 14, 2023, OFAC sanctioned Juan Perez pursuant to E.O. 14059."),
    (False, "OFAC previously designated the Perez brothers in 2012 pursuant to the Kingpin Act and again in 2021 pursuant to E.O. 14059."),
    (False, 'In February, OFAC <a href="https://home.treasury.gov/news/press-releases/jy0001">designated the Lopez brothers</a> pursuant to E.O. 14059.'),
    (False, "Today’s action builds on OFAC’s March 2023 designation of Juan Perez pursuant to E.O. 14059."),
    (False, "Since December 2021, Treasury has sanctioned more than 300 individuals and entities pursuant to E.O. 14059."),
    (False, "Today, OFAC removed five individuals from the SDN List who had been designated pursuant to E.O. 14059."),
    (False, "Today, OFAC designated Ali Invented pursuant to E.O. 13224. His partner, whom OFAC designated pursuant to E.O. 14059, ran the route."),
    (False, "Today, OFAC sanctioned ten people pursuant to E.O. 13581. U.S. persons may face penalties for violations of E.O. 14059."),
    (False, "Today, OFAC announced a settlement with a shipper for apparent violations of E.O. 14059."),
    (False, "E.O. 14059 targets the proliferation of illicit drugs."),
    (False, "Today, OFAC sanctioned Captagon traffickers pursuant to E.O. 13894; drug networks were previously designated pursuant to E.O. 14059."),
])
def test_classification_rules(expected, text):
    assert classify(*text.split("|")) is expected


# -- designees ------------------------------------------------------------------------------

def test_designees_in_strong_with_short_forms_and_split_tags(tdir):
    got = designees(release(tdir, "tf1001"))
    assert set(got) == {"Aurelio Bastida Nieves", "Quimica, Reactivos y Solventes del Valle, S.A. de C.V.",
                        "Lorena Icaza Prado", "Nodo Logistico Norte"}
    assert got["Aurelio Bastida Nieves"].short_forms == ["Aurelio Bastida"]     # not a new designee
    assert got["Quimica, Reactivos y Solventes del Valle, S.A. de C.V."].pieces == [
        "Quimica", "Reactivos y Solventes del Valle", "S.A. de C.V."]
    assert all(c.role == "designated" for c in got.values())
    assert got["Aurelio Bastida Nieves"].countries == ["Mexico"]                # "Guadalajara, Jalisco-based"


def test_designees_written_as_asterisks(tdir):
    got = designees(release(tdir, "tf1002"))
    assert set(got) == {"Teodora Villaseñor Kuri", "Cristal Azul Importaciones, S.A. de C.V.", "Ignacio Ruelas Tapia"}
    assert {c.markup for c in got.values()} == {"asterisks"}
    assert got["Teodora Villaseñor Kuri"].short_forms == ["Villaseñor Kuri"]


def test_officials_datelines_and_figures_are_not_designees(tdir):
    names = " ".join(designees(release(tdir, "tf1002"))) + " ".join(designees(release(tdir, "tf1001")))
    for word in ("WASHINGTON", "Gloria Ferrand", "Under Secretary", "Figure", "Imelda Varga", "Source"):
        assert word not in names


def test_short_forms_aliases_variants_and_repeats_fold_into_one_designee():
    html = """
    <p>Today, OFAC sanctioned <strong>Hector “El Invento” Gallardo Rey</strong> and his company,
    <strong>Ferreteria Inventada Las Palmas, S.A. de C.V.</strong> (<strong>Ferreteria Las Palmas</strong>),
    and his deputy <strong>Rosendo Mohammad Quiroz</strong> (a.k.a. “El Flaco”) (<strong>Quiroz</strong>),
    pursuant to E.O. 14059.</p>
    <p><strong>Ferreteria Las Palmas</strong> imports presses. <strong>Servicios Rocamar Inventados, S.A. de C.V. (Rocamar)</strong>
    launders money for <strong>Hector Gallardo Rey</strong> and <strong>Rosendo Mohammed Quiroz</strong>.</p>
    <p><strong>Quiroz</strong> runs the presses. <strong>Hector Gallardo Rey’s</strong> cousin is not named.</p>"""
    got = {c.name: c for c in extract_designees(html)}
    assert set(got) == {"Hector “El Invento” Gallardo Rey", "Ferreteria Inventada Las Palmas, S.A. de C.V.",
                        "Rosendo Mohammad Quiroz", "Servicios Rocamar Inventados, S.A. de C.V."}
    assert got["Hector “El Invento” Gallardo Rey"].lookup == "Hector Gallardo Rey"
    assert got["Rosendo Mohammad Quiroz"].aliases == ["El Flaco"]
    assert got["Rosendo Mohammad Quiroz"].variants == ["Rosendo Mohammed Quiroz"]
    assert got["Servicios Rocamar Inventados, S.A. de C.V."].short_forms == ["Rocamar"]


def test_a_list_of_people_separated_by_commas_is_not_joined():
    html = ("<p>Today, OFAC sanctioned three dock workers: <strong>Luis Felipe Arango</strong>, "
            "<strong>Diego Armando Beltran</strong>, and <strong>Camilo Andres Prieto</strong>, pursuant to E.O. 14059.</p>")
    assert [c.name for c in extract_designees(html)] == ["Luis Felipe Arango", "Diego Armando Beltran", "Camilo Andres Prieto"]


def test_previously_designated_bold_name_is_mentioned():
    html = ("<p>Today, OFAC sanctioned <strong>Bernardo Invented Salas</strong> pursuant to E.O. 14059. He works for "
            "<strong>Eusebio Invented Leal</strong>, whom OFAC previously designated pursuant to E.O. 14059 in March 2022.</p>")
    roles = {c.name: c.role for c in extract_designees(html)}
    assert roles == {"Bernardo Invented Salas": "designated", "Eusebio Invented Leal": "mentioned"}


def test_plain_text_fallback_when_nothing_is_bold():
    html = ("<p>WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) "
            "sanctioned Honduran national Kevin Alexis Inventado Reyes and two Honduras-based companies he controls, "
            "Transportes Inventados Reyes S. de R.L. and Agroexport Valle Ficticio S.A., pursuant to Executive Order 14059.</p>"
            "<p>He took over the route from Marvin Omar Ficticio Paz, whom OFAC designated in 2022.</p>")
    got = {c.name: c for c in extract_designees(html)}
    assert set(got) == {"Kevin Alexis Inventado Reyes", "Transportes Inventados Reyes S. de R.L.", "Agroexport Valle Ficticio S.A."}
    assert got["Kevin Alexis Inventado Reyes"].countries == ["Honduras"]


def test_sentences_survive_abbreviations():
    text = "OFAC designated Acme, S.A. de C.V. pursuant to E.O. 14059 on behalf of the U.S. Government. The end."
    spans = sentence_spans(text)
    assert [text[s:e].strip() for s, e in spans] == [
        "OFAC designated Acme, S.A. de C.V. pursuant to E.O. 14059 on behalf of the U.S. Government.", "The end."]


@pytest.mark.parametrize("text, countries", [
    ("a Culiacan, Sinaloa-based company", ["Mexico"]),
    ("two Indian nationals", ["India"]),
    ("a Colombia- and Ecuador-based network", ["Colombia", "Ecuador"]),
    ("Based in Las Trancas, Tamazula, Durango, the trafficker", ["Mexico"]),
    ("a Wuhan, PRC-based supplier", ["China"]),
    ("a Florida-based shell company", ["United States"]),
])
def test_place_mentions(text, countries):
    assert [c for _, _, c in place_mentions(text)] == countries


# -- listings and recent actions ------------------------------------------------------------

def test_ofac_listing_table_with_index_php_links_and_next_page(tdir):
    url = "https://ofac.treasury.gov/press-releases?page=0"
    page = parse_listing((tdir / "listings" / "ofac_page0.html").read_bytes(), url)
    assert [i.id for i in page.items] == ["tf1006", "tf1002", "tf1004"]      # nav/footer links ignored
    assert [i.date for i in page.items] == ["2024-06-20", "2024-06-05", "2024-05-15"]
    assert page.items[0].url == "https://home.treasury.gov/news/press-releases/tf1006"
    assert page.items[0].title == "Treasury Publishes Exchange Rate Report"
    assert page.next_url == "https://ofac.treasury.gov/press-releases?page=1"
    last = parse_listing((tdir / "listings" / "ofac_page1.html").read_bytes(), "https://ofac.treasury.gov/press-releases?page=1")
    assert [i.id for i in last.items] == ["tf1003", "tf1001", "tf1005"]
    assert last.next_url is None


def test_home_listing_rows_and_pager(tdir):
    url = "https://home.treasury.gov/news/press-releases?page=0"
    page = parse_listing((tdir / "listings" / "home_page0.html").read_bytes(), url)
    assert [(i.id, i.date) for i in page.items] == [("tf1006", "2024-06-20"), ("tf1007", "2024-06-12"), ("tf1002", "2024-06-05")]
    assert page.next_url == "https://home.treasury.gov/news/press-releases?page=1"


def test_listing_without_release_links_fails_naming_the_url(tdir):
    url = "https://home.treasury.gov/news/press-releases?page=3"
    with pytest.raises(SourceError) as err:
        parse_listing((tdir / "listings" / "empty.html").read_bytes(), url)
    assert url in str(err.value) and "no press-release links" in str(err.value)


def test_recent_actions_page(tdir):
    url = "https://ofac.treasury.gov/recent-actions/20240229"
    page = parse_recent_actions((tdir / "recent_actions" / "20240229.html").read_bytes(), url)
    assert page.date == "2024-02-29"
    assert page.release_ids == ["tf1001"]
    added = [(e.name, e.entity_type, e.programs) for e in page.entries if e.section == "added"]
    assert added == [("BASTIDA NIEVES, Aurelio", "individual", ["ILLICIT-DRUGS-EO14059"]),
                     ("ICAZA PRADO, Lorena", "individual", ["ILLICIT-DRUGS-EO14059"]),
                     ("QUIMICA, REACTIVOS Y SOLVENTES DEL VALLE, S.A. DE C.V.", "entity", ["ILLICIT-DRUGS-EO14059"]),
                     ("NODO LOGISTICO NORTE", "entity", ["ILLICIT-DRUGS-EO14059"])]   # two entries in one <p>
    updated = [e for e in page.entries if e.section == "updated"]
    assert [(e.name, e.programs, e.gains_eo14059) for e in updated] == [
        ("INVENTED CHARITY FOUNDATION", ["SDGT"], False),
        # an existing entry put under E.O. 14059 that day: designated that day (see linking)
        ("CARTEL INVENTADO DEL NORTE", ["SDGT", "ILLICIT-DRUGS-EO14059"], True)]
    assert updated[0].aliases == ["INVENTED RELIEF"]                  # the new version's
    assert updated[0].old_programs == ["SDGT"] and " -to- " in updated[0].text


def test_bold_paragraph_headings_and_descriptors():
    html = """
    <p><strong>Fentanyl Suppliers and Their Brokers</strong></p>
    <p><strong>Jacinto Inventado Mora</strong></p>
    <p>Today, OFAC sanctioned <strong>Jacinto Inventado Mora, a Mexican national</strong> pursuant to E.O. 14059.
    In 2021, OFAC designated <strong>Remedios Ficticia Luna</strong> pursuant to E.O. 14059.</p>"""
    got = {c.name: c for c in extract_designees(html)}
    assert set(got) == {"Jacinto Inventado Mora", "Remedios Ficticia Luna"}
    assert not got["Jacinto Inventado Mora"].heading_only      # also named in a sentence
    assert got["Jacinto Inventado Mora"].role == "designated"
    assert got["Remedios Ficticia Luna"].role == "mentioned"
    lone = extract_designees("<p><strong>Inventado Network Leaders</strong></p><p><strong>Casimiro Ficticio Paz</strong></p>"
                             "<p>Today, OFAC sanctioned him pursuant to E.O. 14059.</p>")
    assert [(c.name, c.heading_only) for c in lone] == [("Casimiro Ficticio Paz", True)]


def test_plain_list_items_under_a_designation_sentence():
    html = ("<p>Today, OFAC designated the following persons pursuant to E.O. 14059:</p>"
            "<ul><li>Casimiro Ficticio Paz, a Sinaloa-based broker;</li><li>Transportes Inventados del Norte, S.A. de C.V., "
            "his trucking company.</li></ul><p>They supply cartel laboratories.</p>")
    got = {c.name: c for c in extract_designees(html)}
    assert set(got) == {"Casimiro Ficticio Paz", "Transportes Inventados del Norte, S.A. de C.V."}
    assert got["Casimiro Ficticio Paz"].countries == ["Mexico"]


def test_authorities_named_for_each_designee():
    html = ("<p>Today, OFAC sanctioned <strong>Ernesto Inventado Rey</strong> pursuant to E.O. 14059 and "
            "<strong>Hassan Ficticio Nasr</strong>, a financier, pursuant to E.O. 13224.</p>"
            "<p>Inventado Rey is being designated pursuant to E.O. 14059 for having engaged in drug trafficking. "
            "<strong>Hassan Ficticio Nasr</strong> is being designated pursuant to E.O. 13224 for having assisted Hizballah.</p>")
    got = {c.name: c.authorities for c in extract_designees(html)}
    assert got["Hassan Ficticio Nasr"] == ["E.O. 14059", "E.O. 13224"]    # the first sentence names both
    assert got["Ernesto Inventado Rey"] == ["E.O. 14059", "E.O. 13224"]
    html2 = html.replace("pursuant to E.O. 14059 and <strong>Hassan", "pursuant to E.O. 14059. It also sanctioned <strong>Hassan")
    got = {c.name: c.authorities for c in extract_designees(html2)}
    assert got["Hassan Ficticio Nasr"] == ["E.O. 13224"]
    assert got["Ernesto Inventado Rey"] == ["E.O. 14059"]
