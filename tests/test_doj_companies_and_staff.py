"""A company charged together with its staff (invented names): one row for the company whichever way
the release writes it (with or without its legal form, LLP included) and one row per employee or
officer, who is no official; 'and two of its employees, A and B'; 'X is charged, as is Y'; plural
subjects of 'have been charged'."""
from __future__ import annotations

from dojfix import defendants

from scrapers.sources.doj.mentions import company_key


def run(body: str, title: str = "Company and Employees Charged"):
    return defendants(body, title, "usao-nj", "USAO - New Jersey", ("action", "age"))


def test_one_key_for_every_way_a_company_is_written():
    keys = {company_key(n) for n in ("Orchid Valley Chemical Co. (Orchid), Ltd.", "Orchid Valley Chemical Co., Ltd.",
                                     "Orchid Valley Chemical Pvt. Ltd.", "Orchid Valley Chemical LLC",
                                     "Orchid Valley Chemical LLP", "Orchid Valley Chemical")}
    assert len(keys) == 1
    assert company_key("Orchid Valley Chemical LLC") != company_key("Orchid Hill Chemical LLC")


def test_a_company_and_two_of_its_employees():
    got = run("<p>A China-based chemical company and two of its employees, Tian Haoran and Gu Meixin, have been charged"
              " with conspiring to import fentanyl precursor chemicals. Jiangxi Ruibang Biotech Co., Ltd. and its"
              " employees were charged in an indictment unsealed today.</p>")
    assert got == {"Tian Haoran": ("charged", None), "Gu Meixin": ("charged", None),
                   "Jiangxi Ruibang Biotech Co., Ltd.": ("charged", None)}


def test_plural_subjects_of_have_been_charged_are_all_charged():
    got = run("<p>Odell Brandt and Corin Maddox have been charged with distributing fentanyl.</p>", "Two Charged")
    assert got == {"Odell Brandt": ("charged", None), "Corin Maddox": ("charged", None)}


def test_a_second_company_charged_as_is_an_llp():
    got = run("<p>Suresh Anand Kulkarni, 52, of Nagpur, India, was arrested on May 2. Godavari Intermediates Pvt. Ltd."
              " was charged in the same complaint, as was the trading firm Kulkarni owns, Wardha Export House LLP.</p>")
    assert got == {"Suresh Anand Kulkarni": ("arrested", 52), "Godavari Intermediates Pvt. Ltd.": ("charged", None),
                   "Wardha Export House LLP": ("charged", None)}


def test_an_llc_written_with_and_without_its_legal_form_is_one_row():
    got = run("<p>Bluestem Pharmacy and its owner, Lorna Whitcomb, 58, of Tulsa, were charged with distributing"
              " fentanyl. Bluestem Pharmacy LLC filled thousands of prescriptions. Whitcomb was arrested Tuesday.</p>")
    assert got == {"Bluestem Pharmacy LLC": ("charged", None), "Lorna Whitcomb": ("arrested", 58)}


def test_company_officers_are_defendants_not_officials():
    got = run("<p>Crestline Freight Inc. and its president, Matteo Dellarosa, 44, were indicted for conspiracy to"
              " distribute fentanyl. The company’s chief executive officer, Priya Oyelaran, 39, was also charged."
              " The investigation was led by DEA Special Agent in Charge, Harold Quist.</p>")
    assert got == {"Crestline Freight Inc.": ("charged", None), "Matteo Dellarosa": ("charged", 44),
                   "Priya Oyelaran": ("charged", 39)}


def test_a_comma_before_the_legal_form_and_the_owner_shares_the_plea():
    got = run("<p>Bluestem Pharmacy, LLC, and its owner, Lorna Whitcomb, 58, of Tulsa, pleaded guilty to distributing"
              " fentanyl.</p>", "Pharmacy and Owner Plead Guilty")
    assert got == {"Bluestem Pharmacy, LLC": ("pleaded_guilty", None), "Lorna Whitcomb": ("pleaded_guilty", 58)}


def test_the_company_a_defendant_owns_is_not_sentenced_with_the_defendant():
    got = run("<p>Lorna Whitcomb, 58, owner of Bluestem Pharmacy LLC, was sentenced to 60 months in prison. Dale"
              " Frost, 61, the husband of Mona Frost, was sentenced to 30 months.</p>", "Owners Sentenced")
    assert got == {"Lorna Whitcomb": ("sentenced", 58), "Dale Frost": ("sentenced", 61)}


def test_two_companies_along_with_their_employees():
    got = run("<p>The indictment charges Hubei Ruiyuan Chemical Co., Ltd. and Wuhan Tianli Trading Co., Ltd., along with"
              " their employees Zhou Meilan and Fang Jiahao, with conspiring to import fentanyl precursors.</p>")
    assert got == {"Hubei Ruiyuan Chemical Co., Ltd.": ("charged", None), "Wuhan Tianli Trading Co., Ltd.": ("charged", None),
                   "Zhou Meilan": ("charged", None), "Fang Jiahao": ("charged", None)}


def test_a_company_first_written_without_its_legal_form_is_one_company_row():
    got = run("<p>Redline Logistics and its owner, Marco Delacroix, 44, were indicted for conspiracy to distribute"
              " fentanyl. According to the indictment, Redline Logistics LLC hid fentanyl in freight.</p>")
    assert got == {"Redline Logistics LLC": ("charged", None), "Marco Delacroix": ("charged", 44)}


def test_an_agency_s_director_stays_an_official():
    got = run("<p>Orchid Trading LLC and its president, Suresh Kulkarni, 52, were charged with importing fentanyl"
              " precursors. The FBI and its Director, Margaret Ellsworth, 58, thanked the agents who were charged with"
              " the investigation.</p>")
    assert got == {"Orchid Trading LLC": ("charged", None), "Suresh Kulkarni": ("charged", 52)}


def test_companies_with_short_forms_in_parentheses_and_their_staff():
    """'Acme Co., Ltd. (Acme), a chemical company based in X, and two of its employees, A and B, are
    charged ...; Beta Trading Co. Ltd. (Beta Trading) and its sales manager, C, are charged': the
    short form in parentheses is the company itself, and the staff after it are charged with it."""
    got = run("<p>The indictments charge the following defendants: Fujian Lanshan Biochem Co., Ltd. (Lanshan Biochem),"
              " a chemical company based in Xiamen, and two of its employees, Pan Yuheng and Gao Shuyi, are charged in"
              " the District of New Jersey with conspiracy to import fentanyl precursor chemicals. Anhui Kexin Chemical"
              " Trading Co. Ltd. (Kexin Chemical) and its sales manager, Rao Jingwen, are charged with conspiracy to"
              " distribute ANPP. Kexin Chemical advertised the chemicals online.</p>", "Chemical Companies Charged")
    assert got == {"Fujian Lanshan Biochem Co., Ltd.": ("charged", None), "Pan Yuheng": ("charged", None),
                   "Gao Shuyi": ("charged", None), "Anhui Kexin Chemical Trading Co. Ltd.": ("charged", None),
                   "Rao Jingwen": ("charged", None)}


def test_an_owner_with_two_roles_pleads_guilty_with_the_company():
    got = run("<p>NEWARK – Harbor Crest Pharmacy LLC and its owner and pharmacist-in-charge, Odalys Pruneda, 51, of"
              " Clifton, New Jersey, pleaded guilty Tuesday to conspiring to dispense fentanyl unlawfully.</p>",
              "Pharmacy and Owner Plead Guilty")
    assert got == {"Harbor Crest Pharmacy LLC": ("pleaded_guilty", None), "Odalys Pruneda": ("pleaded_guilty", 51)}


def test_a_company_written_in_capitals_like_its_people():
    got = run("<p>The United States Attorney announced an Indictment charging ZHOU PEIRAN, 41, and QIN LANFANG, 36, both"
              " Chinese nationals, and HEBEI MINGRUI BIOCHEM CO., LTD. (“MINGRUI”), a China-based chemical company,"
              " with conspiring to import fentanyl precursor chemicals. ZHOU and QIN were arrested on May 2, 2024.</p>",
              "Two Chinese Nationals Arrested And Charged")
    assert got == {"ZHOU PEIRAN": ("arrested", 41), "QIN LANFANG": ("arrested", 36),
                   "HEBEI MINGRUI BIOCHEM CO., LTD.": ("charged", None)}


def test_a_company_charged_only_as_a_description_is_the_one_named_without_a_verb():
    # the charge names no company; the company is named later, only for what it allegedly did
    body = ("<p>NEWARK – A Thailand-based chemical supplier and its sales manager were charged in a complaint"
            " unsealed today. A second Thailand-based company was charged in a separate indictment.</p>"
            "<p>According to court documents, Chonburi Fine Reagents Co., Ltd. (Chonburi Reagents), a chemical"
            " manufacturer based in Chonburi, and its sales manager, Anan Srisuk, 41, allegedly offered"
            " fentanyl precursors to buyers in the United States. Srisuk was arrested in Newark on March 3."
            " Lampang Synthesis Co., Ltd. is charged with conspiring to import fentanyl precursors.</p>")
    assert run(body) == {"Chonburi Fine Reagents Co., Ltd.": ("charged", None), "Anan Srisuk": ("arrested", 41),
                         "Lampang Synthesis Co., Ltd.": ("charged", None)}


def test_described_companies_that_cannot_be_told_apart_take_nothing():
    # two companies named without a verb of their own, one description: which one was charged?
    body = ("<p>A Thailand-based chemical company was charged in a complaint unsealed today.</p>"
            "<p>According to court documents, Chonburi Fine Reagents Co., Ltd. bought its solvents from"
            " Rayong Solvent Traders Co., Ltd. and allegedly offered fentanyl precursors to buyers in the United"
            " States.</p>")
    assert run(body) == {}
    # a description that is not the subject: the owner of a company, a company's manager
    body = ("<p>The owner of a Thailand-based chemical company was charged today. A chemical company’s manager was"
            " arrested. According to court documents, Chonburi Fine Reagents Co., Ltd. offered precursors.</p>")
    assert "Chonburi Fine Reagents Co., Ltd." not in run(body)
    # the one company named is not the actor: a carrier the text mentions
    body = ("<p>A Thailand-based chemical company was charged today. According to court documents, the"
            " precursors were shipped through Siam Parcel Express Co., Ltd. to buyers in Mexico.</p>")
    assert run(body) == {}
