"""Who a Treasury release designates, on our own fixtures imitating how real E.O. 14059
releases write it (names invented): several names in one bold run, names first met in plain
text and designated by a later sentence, "previously designated" attached to one name only,
plain-text designation sentences, the past tense of today's action, bold labels over plain
names, and the founding order named only by its title."""
from __future__ import annotations

from bs4 import BeautifulSoup

from scrapers.sources.treasury.classify import classify_eo14059, sentences_of
from scrapers.sources.treasury.designees import extract_designees
from scrapers.sources.treasury.html import text_blocks


def roles(html: str) -> dict[str, str]:
    return {c.name: c.role for c in extract_designees(html)}


def classify(html: str) -> bool:
    soup = BeautifulSoup(html, "lxml")
    return classify_eo14059(sentences_of(text_blocks(soup.body), "xx0001"))[0]


def test_the_founding_order_named_only_by_its_title_counts():
    html = ("<p>Today, the President signed a new Executive Order (E.O.) to modernize sanctions.</p>"
            "<p>Under the new E.O., “Imposing Sanctions on Foreign Persons Involved in the Global Illicit Drug "
            "Trade,” OFAC today designated 12 actors for having engaged in the proliferation of illicit drugs.</p>")
    assert classify(html)
    # the title in a sentence about signing the order, or about history, is no designation
    assert not classify("<p>Today, the President signed “Imposing Sanctions on Foreign Persons Involved in the "
                        "Global Illicit Drug Trade.”</p>")
    assert not classify("<p>In 2022, OFAC designated Rigo Inventado under “Imposing Sanctions on Foreign Persons "
                        "Involved in the Global Illicit Drug Trade.”</p>")
    # a release about another program telling of an earlier E.O. 14059 designation, undated
    assert not classify("<p>Today, OFAC sanctioned three arms brokers pursuant to E.O. 13224. Their financier, Ivo "
                        "Ficticio, who was designated pursuant to E.O. 14059, moved the money.</p>")


def test_several_designees_in_one_bold_run_are_split():
    html = ("<p>Today, OFAC designated the following pursuant to E.O. 14059.</p>"
            "<p><strong>Jiangxi Falsa Biotech Co., Ltd. and Jiangxi Ficta Trading Co., Ltd.</strong>: "
            "Jiangxi Falsa Biotech Co., Ltd. sells precursors.</p>"
            "<p><strong>Mateo Irreal Vargas and Lucia Irreal Vargas</strong> run the shipments.</p>"
            "<p><strong>Hermes Trading and Investment Co., Ltd.</strong> moves the money.</p>")
    got = roles(html)
    assert {"Jiangxi Falsa Biotech Co., Ltd.", "Jiangxi Ficta Trading Co., Ltd.", "Mateo Irreal Vargas",
            "Lucia Irreal Vargas", "Hermes Trading and Investment Co., Ltd."} <= set(got)
    assert "Jiangxi Falsa Biotech Co., Ltd. and Jiangxi Ficta Trading Co., Ltd." not in got


def test_a_company_written_whole_is_not_folded_into_a_longer_one():
    html = ("<p>OFAC designated the following companies pursuant to E.O. 14059 for being owned by Ruiz: "
            "<strong>Grupo Ficticio T Norte Inc, S.A. de C.V.</strong> (real estate) and "
            "<strong>T Norte Inc, S.A. de C.V.</strong> (business support).</p>")
    assert set(roles(html)) == {"Grupo Ficticio T Norte Inc, S.A. de C.V.", "T Norte Inc, S.A. de C.V."}


def test_previously_designated_describes_only_the_name_it_is_attached_to():
    html = ("<p>Today, OFAC sanctioned <strong>Tomas Ejemplo Rivas</strong> pursuant to E.O. 14059.</p>"
            "<p>In addition to working with another Nogales-based plaza boss who was previously designated by OFAC, "
            '<a href="https://home.treasury.gov/news/press-releases/jy0001">Rafael Supuesto Luna</a>, Ejemplo Rivas '
            "collaborates with other cartel traffickers in Sonora, including <strong>Ana Maria Prueba Sol</strong> "
            "(a.k.a. “La Guera”) and <strong>Bruno Muestra Paz</strong>, both Mexican nationals.</p>"
            "<p>He also works for <strong>Eliseo Modelo Tur</strong>, whom OFAC designated in 2019.</p>"
            "<p><strong>Dario Ficcion Leal</strong>, <strong>Ivo Ficcion Leal</strong>, and "
            "<strong>Noe Ficcion Leal</strong> were previously designated pursuant to the Kingpin Act.</p>")
    got = roles(html)
    assert got["Ana Maria Prueba Sol"] == got["Bruno Muestra Paz"] == "designated"
    assert got["Eliseo Modelo Tur"] == "mentioned"
    assert got["Dario Ficcion Leal"] == got["Ivo Ficcion Leal"] == got["Noe Ficcion Leal"] == "mentioned"


def test_an_appositive_does_not_take_the_marker_from_its_subject():
    html = ("<p>Today, OFAC sanctioned <strong>Hugo Falso Mar</strong> pursuant to E.O. 14059. "
            "<strong>Rosa Inventada Cruz</strong>, a member of the <strong>Cartel Ficticio del Norte</strong>, "
            "was previously designated by OFAC.</p>")
    got = roles(html)
    assert got["Rosa Inventada Cruz"] == "mentioned"


def test_today_told_in_the_past_tense_is_not_history():
    html = ("<p>In addition, OFAC designated four entities owned by members of the Los Ficticios DTO. "
            "<strong>Importadora Irreal</strong>, a car dealership, and <strong>Ferreteria Supuesta</strong>, a "
            "hardware store, were designated for being owned, controlled, or directed by Perez Inventado.</p>"
            "<p><strong>Cartel Imaginario</strong> has been identified as one of the major DTOs in the region.</p>"
            "<p><strong>Grupo Quimera</strong> was designated by OFAC in 2018 pursuant to the Kingpin Act.</p>")
    got = roles(html)
    assert got["Importadora Irreal"] == got["Ferreteria Supuesta"] == "designated"
    assert got["Cartel Imaginario"] == "designated"
    assert got["Grupo Quimera"] == "mentioned"


def test_a_name_first_in_plain_text_is_designated_by_the_later_sentence():
    html = ("<p>Bojan Inventic (Inventic) is one of the most prolific traffickers in the region. "
            "He works with <strong>Goran Ficticic</strong>, designated today pursuant to E.O. 14033.</p>"
            "<p>OFAC today is designating Inventic pursuant to E.O. 14059 for having engaged in activities "
            "that contributed to the proliferation of illicit drugs.</p>"
            "<p>Today’s sanctions against Inventic were coordinated with Europol.</p>")
    got = {c.name: c for c in extract_designees(html)}
    assert got["Bojan Inventic"].role == "designated" and got["Bojan Inventic"].markup == "text"


def test_a_designation_sentence_upgrades_a_name_first_named_as_someone_s_partner():
    html = ("<p>Morales Inventado works with <strong>Saul Ficticio Mena</strong> and "
            "<strong>Alba Ficticia Rios</strong>, whose brother was previously designated by OFAC.</p>"
            "<p>OFAC designated Pedro Morales Inventado, Saul Ficticio Mena, and Alba Ficticia Rios pursuant to "
            "Executive Order (E.O.) 14059 for having engaged in the international proliferation of illicit drugs.</p>")
    got = roles(html)
    assert got["Saul Ficticio Mena"] == got["Alba Ficticia Rios"] == "designated"
    assert got["Pedro Morales Inventado"] == "designated"


def test_plain_text_designation_sentences_without_bold_count():
    html = ("<p>Today, OFAC sanctioned <strong>Li Weiming Falso</strong> pursuant to E.O. 14059.</p>"
            "<p>Zhao Tianyu Inventado was designated today for having engaged in the sale of precursors.</p>"
            "<p>Sun Hao Ficticio and Qian Lei Supuesto are being designated for being owned or controlled by Li.</p>"
            "<p>The Sinaloa Cartel was designated a foreign terrorist organization by the State Department.</p>"
            "<p>In 2020, OFAC designated Wu Ming Irreal pursuant to the Kingpin Act.</p>")
    got = roles(html)
    assert got["Zhao Tianyu Inventado"] == "designated"
    assert got["Sun Hao Ficticio"] == got["Qian Lei Supuesto"] == "designated"
    assert "Sinaloa Cartel" not in got and "Wu Ming Irreal" not in got


def test_a_noun_after_a_listed_name_makes_it_a_modifier_not_a_designee():
    html = ("<p>Today, OFAC sanctioned <strong>Lia Imaginaria Paz</strong> pursuant to E.O. 14059.</p>"
            "<p>Today, OFAC also sanctioned Cartel Irreal leader Nestor Ficticio Ruiz for having trafficked fentanyl.</p>")
    assert "Cartel Irreal" not in roles(html)


def test_names_under_a_bold_label_that_is_not_a_name():
    html = ("<p>Today, OFAC designated 12 actors pursuant to E.O. 14059.</p>"
            "<p><strong>Leaders of a Faction of the Cartel Inventado</strong>: Brothers Ivo Ficticio Sanz "
            "(a.k.a. “Chapo Falso”) and Leo Ficticio Sanz (a.k.a. “El Leo”), and their stepbrother, Teo Supuesto "
            "Sanz (a.k.a. “El Teo”), lead a faction of the Cartel Inventado. Their father, Joaquin Ficticio Loera "
            "(a.k.a. “El Viejo”), is imprisoned.</p>")
    got = roles(html)
    assert got == {"Ivo Ficticio Sanz": "designated", "Leo Ficticio Sanz": "designated", "Teo Supuesto Sanz": "designated"}


def test_a_link_to_an_earlier_release_marks_history():
    html = ("<p>Today, OFAC sanctioned <strong>Eva Nueva Sol</strong> pursuant to E.O. 14059. "
            'As noted above, OFAC sanctioned <a href="https://home.treasury.gov/news/press-releases/jy0002">La '
            "Familia Inventada</a> in November 2022 pursuant to E.O. 14059.</p>")
    assert roles(html) == {"Eva Nueva Sol": "designated"}


def test_a_legal_form_split_over_tags_stays_with_its_company():
    html = ("<p>OFAC also targeted businesses owned by Ruiz: <strong>Mariscos Inventados</strong>, <strong>S</strong>. "
            "<strong>De R</strong>. <strong>L</strong>.  <strong>De C</strong>. <strong>V</strong>.; "
            "<strong>Hoteles Ficticios S</strong>. <strong>A</strong>. <strong>De C</strong>. <strong>V</strong>.; and "
            "<strong>Bar Imaginario</strong>. These businesses are being designated pursuant to E.O. 14059.</p>")
    assert set(roles(html)) == {"Mariscos Inventados, S. De R. L. De C. V", "Hoteles Ficticios S. A. De C. V",
                                "Bar Imaginario"}


def test_a_sentence_set_in_bold_is_no_list_of_names():
    html = ("<p><strong>Gonzalo Inventado Paz</strong> (Inventado) leads recruitment. <strong>In March 2025</strong>, "
            "<strong>a camp in Teuchitlan</strong>, <strong>Jalisco</strong>, <strong>Mexico</strong>, <strong>was found"
            " to hold the belongings of hundreds of recruits</strong>. OFAC designated Inventado today pursuant to "
            "E.O. 14059.</p><p><strong>Sinaloa</strong> is where the network started.</p>")
    assert set(roles(html)) == {"Gonzalo Inventado Paz"}
