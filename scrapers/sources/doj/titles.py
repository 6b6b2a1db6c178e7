"""The stage a release's title or a round-up's heading announces ("Rochester Man Sentenced ...",
"Three Indicted ..."): the default stage of the defendants the text gives no verb of their own."""
from __future__ import annotations

import re

from .textscan import lower_for_ci

_TITLE_STAGES = [
    ("sentenced", re.compile(r"\bSentenced\b|\bSentences?\b(?!\s+Reduction)|\bSentencing\b", re.I)),
    ("convicted", re.compile(r"\bConvicted\b|\bFound Guilty\b|\bGuilty Verdict\b|\bJury Convicts\b|\bConvicts\b", re.I)),
    ("pleaded_guilty", re.compile(r"\bPleads? Guilty\b|\bPleaded Guilty\b|\bPled Guilty\b|\bGuilty Pleas?\b|\bAdmits\b", re.I)),
    ("extradited", re.compile(r"\bExtradited\b|\bExtradition\b", re.I)),
    ("arrested", re.compile(r"\bArrested\b|\bArrests?\b|\bApprehended\b", re.I)),
    ("charged", re.compile(r"\bIndicted\b|\bCharged\b|\bCharges?\b|\bIndictments?\b|\bIndicts\b|\bComplaint\b", re.I)),
]

def title_stage(text: str | None) -> str | None:
    if not text:
        return None
    low = lower_for_ci(text)   # (None: the words would not stand for the patterns)
    for stage, rx, words in _TITLE_STAGE_WORDS:
        if (low is None or any(w in low for w in words)) and rx.search(text):
            return stage
    return None


# Each _TITLE_STAGES pattern (case-insensitive) matches only where one of these occurs in the
# lower-cased text: the patterns then run on few titles (they cost ~1.5 us each otherwise).
_TITLE_STAGE_WORDS = [(stage, rx, {"sentenced": ("sentenc",), "convicted": ("convict", "found guilty", "guilty verdict"),
                                   "pleaded_guilty": ("guilty", "admits"), "extradited": ("extradit",),
                                   "arrested": ("arrest", "apprehended"),
                                   "charged": ("indict", "charge", "complaint")}[stage]) for stage, rx in _TITLE_STAGES]


_OTHERS_CHARGED = re.compile(r"\b(?:others?|co-?defendants?)\b[^;:.]{0,40}?\b(?:charged|indicted)\b", re.I)


def others_stage(title: str | None) -> str | None:
    """'Trafficker Extradited From Mexico; Nine Others Charged …': the stage of the people the title
    counts apart from its subject (charged), for those the text gives no stage of their own."""
    return "charged" if title and ("ther" in title or "efendant" in title) and _OTHERS_CHARGED.search(title) else None


def _any_title_stage(text: str) -> bool:
    """any(rx.search(text) for _, rx in _TITLE_STAGES)"""
    return title_stage(text) is not None


# -- events -> stages ----------------------------------------------------------------------------


# A title naming its defendant in apposition to a description: 'Tulsa Man, Devonte Harjo, Sentenced
# to 25 Years' (a body that goes on to call him 'A Tulsa man' and 'Harjo, 28,')
_TITLE_NOUN = (r"\b(?:Man|Woman|Resident|National|Citizen|Teen|Doctor|Physician|Pharmacist|Nurse|Dealer|"
               r"Trafficker|Leader|Member|Felon|Native|Businessman|Businesswoman|Owner|Chemist)")
_TITLE_NAME = r"((?:[A-Z][\w’'-]+\.?\s+){1,3}[A-Z][\w’'-]+)"
_TITLE_APPOSITIVE = re.compile(_TITLE_NOUN + r",\s+" + _TITLE_NAME + r",\s")
# ... or without commas, the verb right after the name: 'Nashua Man Dustin Guilmette Sentenced to 57 Months'
_TITLE_NAMED = re.compile(_TITLE_NOUN + r"\s+" + _TITLE_NAME + r"\s+"
                          r"(?=(?:Sentenced|Pleads|Pleaded|Convicted|Charged|Indicted|Arrested|Extradited|Found)\b)")


def title_appositive_name(title: str | None) -> str | None:
    """The name a title sets in apposition to its description (see _TITLE_APPOSITIVE), if any."""
    if not title:
        return None
    m = _TITLE_APPOSITIVE.search(title) if "," in title else None
    m = m or _TITLE_NAMED.search(title)
    return m.group(1) if m else None
