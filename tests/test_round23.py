"""Round 23 (invented fixtures in the shape of real releases; each failed before its rule): a
roster of names in capitals with the age labelled on the next line, counts of the arrested in the
same sentence as the charge ('and three of them were arrested') or as 'the other seven defendants',
a term after an alias whose comma went inside the quotes, and 'is scheduled for trial'."""
from __future__ import annotations

from test_doj_round16 import rows


def test_a_roster_of_names_with_the_age_on_the_next_line():
    body = ("<p>An indictment was unsealed today charging four members of a drug crew with conspiring to distribute"
            " fentanyl. Three of the defendants were arrested this morning. The fourth defendant, Omar Lee Vance,"
            " remains at large.</p><p>The Defendants:</p>"
            "<p>DARIUS KEMP WALLER (also known as “Dee”)<br>Age: 34<br>Staten Island, New York</p>"
            "<p>TYRELL ANSON BOOKER<br>Age: 27<br>Staten Island, New York</p>"
            "<p>MONICA RAE PIERCE<br>Age: 31<br>Brooklyn, New York</p>"
            "<p>OMAR LEE VANCE<br>Age: 25<br>Staten Island, New York</p>")
    got = rows(body, "Four Members of Drug Crew Charged")
    assert got == {"DARIUS KEMP WALLER": ("arrested", None, 34), "TYRELL ANSON BOOKER": ("arrested", None, 27),
                   "MONICA RAE PIERCE": ("arrested", None, 31), "Omar Lee Vance": ("charged", None, 25)}


LIST = ("<p>The indictment charges the following defendants with conspiracy: Ann Lee Roe, 31, of Southeast"
        " Washington; Bo Ray Tate, 34, of Temple Hills, Maryland; Cy Dale Moss, 26, of Southeast Washington; Dee Ann"
        " Vick, 23, of Southeast Washington; and Ed Lon Park, 29, of Oxon Hill, Maryland.</p>")


def test_the_arrested_counted_in_the_charges_sentence_or_as_the_other_ones():
    want = {"Ann Lee Roe": ("arrested", None, 31), "Bo Ray Tate": ("arrested", None, 34),
            "Cy Dale Moss": ("arrested", None, 26), "Dee Ann Vick": ("charged", None, 23),
            "Ed Lon Park": ("charged", None, 29)}
    got = rows("<p>WASHINGTON – Five people have been charged in a federal indictment with conspiring to distribute"
               " fentanyl pills, and three of them were arrested Tuesday during a coordinated operation.</p>" + LIST +
               "<p>Vick and Park were not located during Tuesday’s operation and remain at large.</p>", "Five Charged")
    assert got == want
    got = rows("<p>CHICAGO — A federal grand jury has returned an indictment charging five people with selling"
               " fentanyl.</p>" + LIST + "<p>Vick and Park remain at large. The other three defendants were arrested"
               " Wednesday and made initial appearances.</p>", "Five Charged")
    assert got == want


def test_a_term_after_an_alias_whose_comma_is_inside_the_quotes():
    got = rows("<p>Judge Hale sentenced Ann Roe to 292 months in federal prison. Also sentenced were Bo Tate, a/k/a"
               " “Lalo,” 29, of Tyler, to 20 years; Cy Moss, 33, of Longview, to 188 months; and Dee Vick, a/k/a"
               " “Flaco,” 27, of Jacksonville, to 135 months.</p>", "Four Sentenced")
    assert got == {"Ann Roe": ("sentenced", 292.0, None), "Bo Tate": ("sentenced", 240.0, 29),
                   "Cy Moss": ("sentenced", 188.0, 33), "Dee Vick": ("sentenced", 135.0, 27)}


def test_scheduled_for_trial_is_charged():
    got = rows("<p>Ann Roe, 44, was sentenced to 200 months. Four co-defendants were charged in the same indictment."
               " Bo Tate, 35, previously pleaded guilty and is awaiting sentencing. Cy Moss, 36, of Kingsport,"
               " Tennessee, is scheduled for trial in September.</p>", "Bristol Man Sentenced")
    assert got == {"Ann Roe": ("sentenced", 200.0, 44), "Bo Tate": ("pleaded_guilty", None, 35),
                   "Cy Moss": ("charged", None, 36)}


def test_people_named_with_an_age_who_are_no_defendants():
    lead = "<p>Wade Kimbrough, 34, of Dayton, was sentenced to 120 months in prison for distributing fentanyl. "
    for tail in ("A passenger in the car, Celia Marsh, 31, was not charged.",
                 "Celia Marsh, 19, was found unresponsive in her dorm room after taking a pill Kimbrough sold her.",
                 "The fentanyl was later found in the system of Ned Ortlieb, 45, who survived.",
                 "Kimbrough's girlfriend, Celia Marsh, 31, testified at trial.",
                 "Celia Marsh, 31, the mother of the victim, addressed the court.",
                 "The overdose of Ned Ortlieb, 45, led investigators to Kimbrough.",
                 "An unindicted co-conspirator, Celia Marsh, 31, arranged the sales."):
        assert rows(lead + tail + "</p>", "Dayton Man Sentenced") == {"Wade Kimbrough": ("sentenced", 120.0, 34)}, tail
    # a case verb of their own still makes them defendants
    got = rows(lead + "His co-defendant, Ned Ortlieb, 45, who testified against him, pleaded guilty and was sentenced"
               " to 60 months.</p>", "Dayton Man Sentenced")
    assert got["Ned Ortlieb"] == ("sentenced", 60.0, 45)


def test_a_heading_names_the_stage_of_the_blocks_under_it():
    body = ("<p>An indictment was unsealed today charging two officials with racketeering and conspiring to distribute"
            " fentanyl. Two others previously pleaded guilty.</p><p><strong>The Indicted Defendants:</strong></p>"
            "<p>ARTURO BELL RIVAS</p><p>Age: 50</p><p>Nationality: Mexico</p>"
            "<p>CARLA MENDES</p><p>Age: 44</p><p>Nationality: Brazil</p>"
            "<p><strong>The Convicted Defendants:</strong></p>"
            "<p>DARIO FELL</p><p>Age: 61</p><p>Nationality: USA</p>"
            "<p>EMIL GROTE</p><p>Age: 39</p><p>Nationality: Germany</p>")
    assert rows(body, "Officials Indicted") == {
        "ARTURO BELL RIVAS": ("charged", None, 50), "CARLA MENDES": ("charged", None, 44),
        "DARIO FELL": ("convicted", None, 61), "EMIL GROTE": ("convicted", None, 39)}
