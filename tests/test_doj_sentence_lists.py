"""Sentences of several defendants in one sentence, and a pronoun for the one named earlier (invented
names): 'A was sentenced to 120 months, B to 87 months and C to time served'; 'Both were sentenced
today: A to 240 months and B to 100 months' (each their own term, never the first one's); 'He was
sentenced ...' two paragraphs after the name; a supervised-release order changes no prison term."""
from __future__ import annotations

from dojfix import defendants


def run(body: str, title: str = "Three Sentenced for Fentanyl Conspiracy"):
    return defendants(body, title, "usao-ndoh", "USAO - Northern District of Ohio", ("action", "sentence_months"))


def test_a_list_of_terms_ending_with_time_served():
    got = run("<p>Aurelio Banfield, 30, Corwin Haskett, 27, and Dario Pemberton, 45, pleaded guilty to conspiracy to"
              " distribute fentanyl. Banfield was sentenced to 120 months, Haskett to 87 months and Pemberton to time"
              " served.</p>")
    assert got == {"Aurelio Banfield": ("sentenced", 120.0), "Corwin Haskett": ("sentenced", 87.0),
                   "Dario Pemberton": ("sentenced", 0.0)}


def test_both_sentenced_then_each_term_after_a_colon():
    got = run("<p>Aurelio Banfield, 30, and Corwin Haskett, 27, were charged in March. Banfield was convicted at trial"
              " in May, and Haskett pleaded guilty. Both were sentenced today: Banfield to 240 months and Haskett to"
              " 100 months.</p>", "Two Sentenced")
    assert got == {"Aurelio Banfield": ("sentenced", 240.0), "Corwin Haskett": ("sentenced", 100.0)}


def test_a_pronoun_two_paragraphs_after_the_name():
    got = run("<p>Aurelio Banfield, 30, of Akron, pleaded guilty in March to distributing fentanyl.</p>"
              "<p>According to court documents, Banfield sold fentanyl pills to an informant on four occasions.</p>"
              "<p>He was sentenced to 120 months in federal prison.</p>", "Akron Man Sentenced")
    assert got == {"Aurelio Banfield": ("sentenced", 120.0)}


def test_supervised_release_ordered_after_the_term_changes_nothing():
    got = run("<p>Aurelio Banfield, 37, of Lorain, was sentenced to 12 ½ years in federal prison for distributing"
              " fentanyl. The judge also ordered Banfield to serve four years of supervised release.</p>",
              "Lorain Man Sentenced")
    assert got == {"Aurelio Banfield": ("sentenced", 150.0)}


def test_one_unit_for_a_list_of_numbers_respectively():
    got = run("<p>Aurelio Banfield, 34, Corwin Haskett, 29, and Dario Pemberton, 41, were sentenced Tuesday to 97, 60"
              " and 46 months in prison, respectively.</p>")
    assert got == {"Aurelio Banfield": ("sentenced", 97.0), "Corwin Haskett": ("sentenced", 60.0),
                   "Dario Pemberton": ("sentenced", 46.0)}


def test_received_then_bare_terms_for_the_others():
    got = run("<p>Aurelio Banfield, 30, Corwin Haskett, 27, and Dario Pemberton, 45, were sentenced this week for"
              " conspiracy to distribute fentanyl. Banfield received 120 months, Haskett 87 months and Pemberton 46"
              " months.</p>")
    assert got == {"Aurelio Banfield": ("sentenced", 120.0), "Corwin Haskett": ("sentenced", 87.0),
                   "Dario Pemberton": ("sentenced", 46.0)}


def test_a_name_closing_a_sentencing_sentence_with_nothing_after_it():
    got = run("<p>Aurelio Banfield, 30, received 120 months in prison, the same term as Corwin Haskett.</p>",
              "Man Sentenced")
    assert got["Aurelio Banfield"] == ("sentenced", 120.0)


def test_he_received_a_term_after_a_quote_paragraph():
    got = run("<p>Aurelio Banfield, 36, of Toledo, pleaded guilty in March to distributing fentanyl that caused a"
              " death.</p><p>“Fentanyl kills,” said U.S. Attorney Helena Farrow.</p><p>Banfield was sentenced Tuesday."
              " He received 240 months in federal prison.</p>", "Toledo Man Sentenced")
    assert got == {"Aurelio Banfield": ("sentenced", 240.0)}
