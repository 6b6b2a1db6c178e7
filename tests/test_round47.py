"""Round 47 (invented fixtures in the shape of real Main Justice releases; each failed before its rule, or
guards what a rule must not do): a company's one-word short form in parentheses names it wherever it stands alone
later ('Hebei … Co., Ltd. (Ruiyuan) … Ruiyuan, which appeared through counsel, was convicted'); 'His employer, a
China-based chemical trading company, was sentenced' is the one company named; where the short form is defined it
is no subject ('A former executive of X Inc. (XPS) was sentenced'); a company is no antecedent of 'who'; 'a
subsidiary of PHC, Z Inc., has agreed to plead guilty' (Z, never the parent)."""
from __future__ import annotations

from test_doj_round16 import rows

EMPLOYER = ("<p>A Chinese national who sold fentanyl precursor chemicals was sentenced today to 25 years in prison. His"
            " employer, a China-based chemical trading company, was sentenced to pay a $3 million fine and to five years"
            " of probation.</p><p>Shen Guoliang, 43, a sales director for Hebei Ruiyuan Chemical Trade Co., Ltd."
            " (Ruiyuan), was convicted by a federal jury in August 2025 of conspiracy to import fentanyl precursor"
            " chemicals. Ruiyuan, which appeared through counsel, was convicted in the same trial.</p>")


def test_a_one_word_short_form_and_the_employer_described():
    got = rows(EMPLOYER, "Chinese National Sentenced to 25 Years; Employer Fined $3 Million")
    assert got == {"Shen Guoliang": ("sentenced", 300, 43),
                   "Hebei Ruiyuan Chemical Trade Co., Ltd.": ("sentenced", None, None)}


def test_the_employer_of_a_person_is_no_defendant_by_its_short_form_where_defined():
    got = rows("<p>A former executive of Harbor Lending Services Inc. (HLS), a company based in Tampa, was sentenced"
               " today to five years in prison for her part in a scheme to sell fentanyl pills.</p><p>Lorraine Brown,"
               " 56, of Alpharetta, was sentenced by Senior U.S. District Judge Henry Adams. HLS cooperated with the"
               " investigation.</p>", "Former Executive Sentenced")
    assert got == {"Lorraine Brown": ("sentenced", 60, 56)}


def test_a_company_is_no_antecedent_of_who():
    got = rows("<p>Two companies agreed to pay $6 million to resolve claims that Harbor Bank and Wilmer Finance Inc. (WFI)"
               " charged higher fees. Under the agreement, Harbor Bank and WFI will pay customers who were charged higher"
               " fees for fentanyl test kits.</p>", "Lenders Settle Claims")
    assert "Wilmer Finance Inc." not in got


def test_a_subsidiary_named_after_its_parent_short_form():
    got = rows("<p>Pacific Care Corporation (PCC) agreed to pay $16 million to resolve claims. Also as part of the"
               " resolution, a subsidiary of PCC, Bayside Doctors Hospital Inc., has agreed to plead guilty to a"
               " conspiracy to distribute fentanyl.</p>", "Hospital Company Agrees to Plead Guilty")
    assert "Pacific Care Corporation" not in got
    assert got["Bayside Doctors Hospital Inc."][0] == "charged"
