"""Round 51 (invented fixtures in the shape of real releases about pills sold to teenagers and about insiders;
each failed before its rule): 'Judge X imposed the following prison terms:' then one line per defendant
('A, 25, of Everett – 15 years in prison;'); a minor named with her age ('a 16-year-old sophomore') is no
defendant, whatever pronoun follows; 'In sentencing A, Judge B noted …' (the title is B's, not A's); 'sentenced
former Baltimore County Police Department detective X, age 46, … to 9 years'."""
from __future__ import annotations

from test_doj_round16 import rows


def test_the_following_prison_terms_in_dashed_lines():
    got = rows("<p>Seattle – Three members of a ring that sold fentanyl pills to teenagers were sentenced this week.</p>"
               "<p>U.S. District Judge Cordelia M. Haverkamp imposed the following prison terms:</p>"
               "<p>Dakota Lane Yarrow, 25, of Everett – 15 years in prison;<br>Mason Reid Abernathy, 21, of Lynnwood – 108"
               " months in prison;<br>Skylar Jade Nguyen-Holt, 20, of Marysville – 4 years in prison.</p>",
               "Three Sentenced to Prison")
    assert got == {"Dakota Lane Yarrow": ("sentenced", 180, 25), "Mason Reid Abernathy": ("sentenced", 108, 21),
                   "Skylar Jade Nguyen-Holt": ("sentenced", 48, 20)}


def test_a_minor_named_is_no_defendant():
    got = rows("<p>Devontae Marcel Spurlock, 24, was sentenced today to 22 years in federal prison for selling a fentanyl"
               " pill that killed a 16-year-old.</p><p>According to his plea agreement, Spurlock exchanged messages with"
               " Abigail Rose Thornbury, a 16-year-old sophomore, and agreed to sell her two pills. Her parents found her"
               " unresponsive the next morning. He pleaded guilty in September 2025.</p>", "Man Sentenced")
    assert got == {"Devontae Marcel Spurlock": ("sentenced", 264, 24)}


def test_in_sentencing_a_judge_b_noted():
    got = rows("<p>Terrell Jamar Ousley, 35, was sentenced Tuesday to 188 months in federal prison. His girlfriend,"
               " Shanice Lorraine Pickett, 29, of Dallas, received 46 months.</p><p>In sentencing Shanice Pickett, Judge"
               " Castiglione noted that she had no prior criminal record.</p>", "Inmate and Girlfriend Sentenced")
    assert got == {"Terrell Jamar Ousley": ("sentenced", 188, 35), "Shanice Lorraine Pickett": ("sentenced", 46, 29)}


def test_a_former_detective_sentenced_by_a_judge():
    got = rows("<p>Baltimore, Maryland – U.S. District Judge Winslow F. Garroway sentenced former Baltimore County Police"
               " Department detective Russell Dean Okonski, age 46, of Parkville, Maryland, today to 9 years in federal"
               " prison for distributing fentanyl.</p><p>According to his plea agreement, Okonski took fentanyl from an"
               " evidence room. He pleaded guilty in May.</p>", "Former Detective Sentenced to 9 Years")
    assert got == {"Russell Dean Okonski": ("sentenced", 108, 46)}
