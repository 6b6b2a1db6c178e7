"""Prosecutions and defendants from the text of a DOJ press release (pure functions).

What a release looks like, and what we take from it:

- one case ("Rochester Man Indicted ...") or a round-up of several ("three separate drug
  distribution cases", each under a bold numbered heading, or paragraphs opening "In one
  case," / "In a separate case,"). Each case gets its own rows;
- defendants are introduced as `Name, 29, of City, State,` (age and residence), `Mexican
  national Name`, `Name, an immigrant from El Salvador`, `Hubei X Co., Ltd. (X), a
  China-based chemical company`; later sentences use the surname ("Abdullahi made his
  initial appearance") or a pronoun;
- the stage of the case is in verbs: "was indicted" / "the indictment charges X" (charged),
  "was arrested", "was extradited", "pleaded guilty", "was convicted" / "found guilty"
  (convicted at trial), "was sentenced ... to 120 months" (sentenced). Histories ("pleaded
  guilty in April", "was indicted in 2022") are in the same releases: a defendant's stage
  is the furthest one the release reports for that person. Prior convictions ("has prior
  felony convictions") and future steps ("is scheduled to be sentenced", "faces up to 20
  years") are not stages. A charge is an allegation: it is never labelled 'convicted';
- officials are never defendants: anyone introduced by a title (U.S. Attorney, Judge,
  Special Agent in Charge, Sheriff, Police Chief, prosecutors ...), followed by one
  ("Name, Special Agent in Charge"), listed with one ("Assistant U.S. Attorneys A and B"),
  or quoted ("said Name"); nor are victims and witnesses. A name needs positive evidence
  to become a defendant: an age or nationality appositive, a case verb attached to it, or
  (companies) a "China-based company" description.

Everything here is regular expressions over the plain text built by doj/parse.py; the tables
(district names, titles, vocabularies) come from doj.yml.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import re

from ...countries import country_of_demonym, country_of_place, demonym_pattern
from ...names import normalize_name
from .parse import Block, _fentanyl_family, _drugs_from, lexicon, tables, tokens

STAGES = ["other", "charged", "arrested", "extradited", "pleaded_guilty", "convicted", "sentenced"]
RANK = {s: i for i, s in enumerate(STAGES)}


# -- fast substring search ---------------------------------------------------------------------
# Release text is mostly ASCII with a few curly quotes and dashes, which makes Python store it two
# bytes a character: `in` / `find` on it, and regular expressions that begin with \b or are
# case-insensitive (no literal prefix for the engine to skip ahead with), scan it slowly. The
# same text as ASCII bytes -- every other character a '?', so positions are unchanged -- answers
# "where is this ASCII word" many times faster; the regular expression then runs only there.
def _ascii_view(text: str) -> tuple[bytes, bytes | None]:
    """(text as ASCII bytes, the same with ASCII letters lower-cased); the second is None when
    the text holds one of the four non-ASCII letters that re.I matches to ASCII ones ('İ', 'ı',
    'ſ', Kelvin 'K'), which neither bytes view can stand for."""
    b = text.encode("ascii", "replace")
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        return b, None
    return b, b.lower()


def _matches_at(rx: re.Pattern, text: str, low_b: bytes, prefixes: tuple[bytes, ...]) -> bool:
    """bool(rx.search(text)) for a case-insensitive pattern whose every match begins with one of
    `prefixes` (lower-case ASCII): the pattern is tried only where a prefix occurs."""
    for p in prefixes:
        i = low_b.find(p)
        while i >= 0:
            if rx.match(text, i):
                return True
            i = low_b.find(p, i + 1)
    return False

# -- names -----------------------------------------------------------------------------------
U = "A-ZÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇŠŽ"
L = "a-záàâäãåéèêëíìîïóòôöõúùûüñçšžß"
WORD = rf"(?:[{U}][’'][{U}][{L}]+|[{U}][{L}]*(?:[{U}][{L}]+)?[{L}])(?:[-’'][{U}{L}][{L}]*[{L}])*"
INITIAL = rf"[{U}]\."
PARTICLE = r"(?:de[ \t]+la|de[ \t]+las|de[ \t]+los|del|de|da|das|dos|do|la|las|los|y|van[ \t]+der|van[ \t]+den|van|von|der|den|bin|ibn|al|el|le|du|di)"
NICK = r"[“\"][^”\"\n]{1,30}[”\"]"
NAME_RX = re.compile(
    rf"(?:{INITIAL}[ \t]+)?{WORD}(?:[ \t]+(?:{INITIAL}|{WORD}|{NICK}|{PARTICLE}(?=[ \t]+[{U}])))+"
    rf"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV)(?![\w]))?")
TOKEN_RX = re.compile(rf"{NICK}|{INITIAL}|{WORD}|Jr\.|Sr\.|II|III|IV|\S+")
# A run of capitalised words (names, titles, places); cut into a name by _clean_tokens.
# (possessive *+: giving back word characters can never let [ \t]+ match, so the engine need not try)
NAME_RUN_RX = re.compile(rf"[{U}][\w’'.-]*+(?:[ \t]+(?:[{U}][\w’'.-]*+|{NICK}|{PARTICLE}(?=[ \t]+[{U}])))+")
INITIAL_RX = re.compile(INITIAL)
PARTICLE_RX = re.compile(PARTICLE)

LEGAL = (r"(?:Co\.,?\s*Ltd\.?|Co\.,?\s*Limited|Company,?\s+Limited|Company,?\s+Ltd\.?|Pvt\.?\s*Ltd\.?|"
         r"Private\s+Limited|Limited|Ltd\.?|Inc\.|Inc\b|LLC|L\.L\.C\.|Corp\.|Corp\b|Corporation|"
         r"S\.A\.\s+de\s+C\.V\.|SA\s+de\s+CV|S\.\s*de\s+R\.L\.(?:\s+de\s+C\.V\.)?|GmbH|Pharmacy|Pharmaceuticals)")
COMPANY_RX = re.compile(rf"(?<![\w])((?:(?:[{U}0-9][\w&’'.()-]*|&|and|of)\s+){{1,8}}{LEGAL})")

# Capitalised words that are never part of a person's name in this prose (lower-cased).
_NON_NAME = set("""
the a an in on at as by for from of to with and but or if when while after before during since because although
though according also additionally further furthermore moreover however then today yesterday earlier later both
each all some this that these those his her their its he she they we it our my mr mrs ms dr defendant defendants
co-defendant codefendant co-defendants following under upon between among without within through throughout over
until once here there where what who which why how agents investigators officers police law federal state states
county city court courts district circuit division department office offices bureau administration agency service
services task force unit team group network association center centre program project operation initiative strike
enforcement investigations investigation homeland security immigration customs border patrol national international
united u.s. american street avenue road highway interstate river lake park mountain valley beach county's cartel
cartels organization organizations company companies inc ltd llc corporation university college school hospital
church bank market marketplace republic kingdom federation government ministry gang crips bloods mafia sheriff's
attorney's attorneys attorney general judge judges justice magistrate senior chief special agent agents assistant
acting deputy director administrator commissioner sheriff undersheriff captain lieutenant sergeant detective trooper
officer secretary senator representative congressman congresswoman governor mayor president ambassador counsel
prosecutor prosecutors inspector inspectors marshal marshals warden coroner examiner commander colonel major
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday fentanyl methamphetamine heroin cocaine drug drugs narcotics trafficking dea fbi atf
hsi irs usao ocdetf hidta doj usps cbp ice dhs opa according pursuant count counts indictment indictments complaint
information superseding plea trial jury grand sentencing sentence prison north south east west northern southern
eastern western central middle new san santa los las el la st st. saint fort port lake mount
""".split())
_TITLE_WORDS = set("""
attorney attorneys general judge judges justice magistrate chief agent agents special assistant acting deputy director
administrator commissioner sheriff undersheriff captain lieutenant sergeant detective trooper officer officers
secretary senator representative congressman congresswoman governor mayor president ambassador counsel prosecutor
prosecutors inspector inspectors marshal warden coroner examiner commander colonel major ausa ausas sac
sgt lt capt det cpl ofc insp supt gov sen rep cmdr maj col dep
""".split())
_NON_NAME |= _TITLE_WORDS

# Number words for sentences ("five years").
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "a": 1, "an": 1, "hundred": 100})
NUM = r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"


def _number(text: str) -> float | None:
    t = text.lower().strip()
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[-\s]+", t)
    total = 0
    for p in parts:
        if p not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[p]
    return float(total)


# -- events ----------------------------------------------------------------------------------
# A stage is read from a verb. The verbs are found with plain substring search (fast), then
# their context decides: 'left' voice = the subject precedes ("X was sentenced"), 'right' =
# the object follows ("the indictment charges X with", "sentenced X to").
_ADV = r"(?:(?:each|also|both|all|jointly|later|subsequently|recently|today|yesterday|formally|federally|separately|criminally|unanimously|ultimately|successfully|this\s+week|last\s+week)\s+)*"
_LEFT_BE = re.compile(rf"\b(?:was|were|is|are|been)\s+{_ADV}(?:re-?)?$")
_LEFT_PLEAD = re.compile(r"\b(?:pleaded|pled|pleads|plead)\s+$")
_LEFT_ENTERED = re.compile(r"\b(?:entered|enters|enter)\s+(?:a\s+|their\s+|his\s+|her\s+)?(?:pleas?\s+of\s+)?$")
_LEFT_COURT = re.compile(r"\b(?:jury|judge|court)\s+(?:\w+\s+){0,3}?$")
_RIGHT_PLEA = re.compile(r"\s+pleas?\b")
_RIGHT_CUSTODY = re.compile(r"\s+(?:federal\s+)?custody\b")


def _be_start(left: str) -> int | None:
    m = _LEFT_BE.search(left)
    return m.start() if m else None


_WHO_BEFORE = re.compile(r"\b(?:who|which)\s*$")
_YEAR_AFTER = re.compile(r"\s*(?:[\w,]+\s+){0,4}?in\s+((?:19|20)\d\d)\b")
_HISTORY_STAGES = ("convicted", "sentenced", "pleaded_guilty")


def _history(text: str, base: int, k: int, j: int, stage: str, year: int | None) -> bool:
    """Background, not what the release announces: a relative clause ('X, who was convicted
    in 2015 of burglary, was charged today') or an event dated years before the release."""
    if _WHO_BEFORE.search(text, max(0, base + k - 12), base + k):
        return True
    if stage in _HISTORY_STAGES and year:
        m = _YEAR_AFTER.match(text, j, min(len(text), j + 50))
        if m and int(m.group(1)) <= year - 2:
            return True
    return False


def _verbs_in(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, stem, stage, kind) of every case verb (_STEMS) standing as a word."""
    hits = []
    for key, stems in _STEM_SEARCHES:
        at = text.find(key)
        while at >= 0:
            for stem, offset, stage, kind in stems:
                i = at - offset
                if i < 0 or not text.startswith(stem, i):
                    continue
                j = i + len(stem)
                if (i == 0 or not text[i - 1].isalpha()) and (j >= len(text) or not text[j].isalpha()):
                    hits.append((i, j, stem, stage, kind))
            at = text.find(key, at + 1)
    return hits


def _events_in(text: str, spans: list[tuple[int, int]], year: int | None = None,
               verbs: list[tuple[int, int, str, str, str]] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, stage, voice) of every case verb in the text (context never crosses the
    sentence the verb is in); background events (see _history) are left out. `spans`: the
    sentences (at least those holding a verb); `verbs`: _verbs_in(text), when known."""
    out = []
    starts = [s for s, _ in spans]
    for i, j, stem, stage, kind in (_verbs_in(text) if verbs is None else verbs):
        k = bisect.bisect_right(starts, i) - 1
        s_start, s_end = spans[k] if k >= 0 else (0, len(text))
        base = max(s_start, i - 80)
        left = text[base:i]
        seg_end = s_end
        if kind == "be":
            k = _be_start(left)
            if k is not None:
                if not _history(text, base, k, j, stage, year):
                    out.append((base + k, j, stage, "left"))
            elif stem not in ("found guilty", "convicted"):
                # "sentenced X to", "charged X with" ("if convicted, X faces" is not a verdict)
                out.append((i, j, stage, "right"))
        elif kind == "right":
            out.append((i, j, stage, "right"))
        elif kind == "court":
            if _LEFT_COURT.search(left):
                out.append((i, j, stage, "right"))
        elif kind == "guilty":
            m = _LEFT_PLEAD.search(left)
            if m:
                if not _history(text, base, m.start(), j, "pleaded_guilty", year):
                    out.append((base + m.start(), j, "pleaded_guilty", "left"))
            else:
                m = _LEFT_ENTERED.search(left)
                if m and (left.rstrip().endswith(("of", "Of")) or _RIGHT_PLEA.match(text, j, seg_end)):
                    out.append((base + m.start(), j, "pleaded_guilty", "left"))
        elif kind == "custody":
            k = _be_start(left)
            if k is not None and _RIGHT_CUSTODY.match(text, j, seg_end):
                out.append((base + k, j + 8, "arrested", "left"))
    out.sort()
    return out


_STEMS = [
    ("sentenced", "sentenced", "be"),
    ("resentenced", "sentenced", "be"),
    ("convicted", "convicted", "be"),
    ("convicted", "convicted", "court"),
    ("found guilty", "convicted", "be"),
    ("found", "convicted", "court"),
    ("guilty", "pleaded_guilty", "guilty"),
    ("extradited", "extradited", "be"),
    ("extradition of", "extradited", "right"),
    ("arrested", "arrested", "be"),
    ("apprehended", "arrested", "be"),
    ("arrest of", "arrested", "right"),
    ("taken into", "arrested", "custody"),
    ("charged", "charged", "be"),
    ("indicted", "charged", "be"),
    ("charges", "charged", "right"),
    ("charging", "charged", "right"),
]

# _STEMS by the word searched for ('sentenced' also finds 'resentenced', 'charg' all of
# 'charged', 'charges', 'charging'): (word, [(stem, where the word is in it, stage, kind)])
_SEARCH_WORDS = ("sentenced", "convicted", "found", "guilty", "extradit", "arrest", "apprehended", "taken into",
                 "charg", "indicted")


def _stem_searches() -> list[tuple[str, list[tuple[str, int, str, str]]]]:
    groups: dict[str, list] = {w: [] for w in _SEARCH_WORDS}
    for stem, stage, kind in _STEMS:
        word = next(w for w in _SEARCH_WORDS if w in stem)
        groups[word].append((stem, stem.index(word), stage, kind))
    return [(w, g) for w, g in groups.items() if g]


_STEM_SEARCHES = _stem_searches()

_TITLE_STAGES = [
    ("sentenced", re.compile(r"\bSentenced\b|\bSentences?\b(?!\s+Reduction)|\bSentencing\b", re.I)),
    ("convicted", re.compile(r"\bConvicted\b|\bFound Guilty\b|\bGuilty Verdict\b|\bJury Convicts\b|\bConvicts\b", re.I)),
    ("pleaded_guilty", re.compile(r"\bPleads? Guilty\b|\bPleaded Guilty\b|\bPled Guilty\b|\bGuilty Pleas?\b|\bAdmits\b", re.I)),
    ("extradited", re.compile(r"\bExtradited\b|\bExtradition\b", re.I)),
    ("arrested", re.compile(r"\bArrested\b|\bArrests?\b|\bApprehended\b", re.I)),
    ("charged", re.compile(r"\bIndicted\b|\bCharged\b|\bCharges?\b|\bIndictments?\b|\bIndicts\b|\bComplaint\b", re.I)),
]

_SENTENCE_LEN = re.compile(
    rf"^.{{0,220}}?\bto\s+(?:serve\s+)?(?:a\s+(?:total\s+)?(?:prison\s+)?(?:term|sentence)\s+of\s+|a\s+total\s+of\s+)?"
    rf"(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|approximately\s+|about\s+|just\s+over\s+)?"
    rf"(?P<n1>{NUM})\s+(?P<u1>years?|months?)(?:[’']?\s*|\s+)(?:and\s+(?P<n2>{NUM})\s+(?P<u2>months?|days?)\s*)?"
    rf"(?:and\s+(?:one|a|\d+)\s+days?\s*)?(?P<tail>.{{0,45}})", re.I | re.S)
_SENTENCE_LIFE = re.compile(r"^.{0,220}?\bto\s+(?:serve\s+)?(?:a\s+(?:mandatory\s+)?(?:term\s+of\s+|sentence\s+of\s+)?)?(?:(?:\w+\s+)?consecutive\s+)?life\b", re.I | re.S)
_TIME_SERVED = re.compile(r"^.{0,120}?\bto\s+time\s+served\b", re.I | re.S)
_NOT_PRISON = re.compile(r"^(?:[’']|of\s+)?\s*(?:of\s+)?(?:probation|supervised\s+release|home\s+(?:confinement|detention)|community\s+service)", re.I)

_STATUTE = re.compile(
    r"\b(\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:\s*A\.?)?\s*(?:§§?|[Ss]ections?|[Ss]ecs?\.)?\s*"
    r"(\d{1,5}(?!\d)[a-z]?(?:\([\w]+\))*(?:\s*(?:,|and|&|or|/|through)\s*(?:§\s*)?\d{1,5}(?!\d)[a-z]?(?:\([\w]+\))*(?!\s*U\.?\s?S\.?\s?C))*)")
_STATUTE_LONG = re.compile(
    r"\bTitle\s+(\d{1,2}),?\s+United\s+States\s+Code,?\s+Sections?\s+(\d{1,5}[a-z]?(?:\([\w]+\))*(?:\s*(?:,|and|&|or)\s*\d{1,5}[a-z]?(?:\([\w]+\))*)*)", re.I)

_CHARGES = [
    ("drug conspiracy", r"\bconspir(?:acy|ing|ed)\s+to\s+(?:possess|distribute|manufacture|import|traffic)"),
    ("possession with intent to distribute", r"\bpossess(?:ion|ing|ed)?\s+(?:\w+\s+){0,3}?with\s+(?:the\s+)?intent\s+to\s+distribute"),
    ("distribution", r"\bdistribut(?:ion|ing|ed)\s+(?:of\s+)?(?:\w+\s+){0,4}?(?:fentanyl|methamphetamine|heroin|cocaine|controlled\s+substances?|pills|drugs|oxycodone|carfentanil)"),
    ("distribution resulting in death", r"\bresulting\s+in\s+(?:the\s+)?(?:death|overdose\s+death)"),
    ("distribution resulting in serious bodily injury", r"\bresulting\s+in\s+serious\s+bodily\s+injury"),
    ("manufacturing", r"\bmanufactur(?:e|ed|ing)\s+(?:\w+\s+){0,3}?(?:fentanyl|methamphetamine|controlled\s+substances?|counterfeit|pills)"),
    ("importation", r"\bimport(?:ation|ing|ed)?\s+(?:of\s+)?(?:\w+\s+){0,4}?(?:fentanyl|controlled\s+substances?|precursors?|chemicals|into\s+the\s+United\s+States)"),
    ("international drug trafficking", r"\binternational\s+(?:drug|narcotics)\s+trafficking|\bfor\s+(?:unlawful\s+)?importation\s+into\s+the\s+United\s+States"),
    ("money laundering", r"\bmoney\s+laundering|\blaunder(?:ing|ed)?\s+(?:drug\s+)?proceeds"),
    ("firearm in furtherance of drug trafficking", r"\bin\s+furtherance\s+of\s+a\s+drug\s+trafficking\s+crime"),
    ("felon in possession of a firearm", r"\bfelon\s+in\s+possession|\bpossess(?:ion|ing)\s+(?:of\s+)?a\s+firearm\s+(?:as\s+a|by\s+a)\s+(?:convicted\s+)?felon"),
    ("continuing criminal enterprise", r"\bcontinuing\s+criminal\s+enterprise"),
    ("narco-terrorism", r"\bnarco-?terrorism"),
    ("maintaining drug-involved premises", r"\bmaintain(?:ing|ed)?\s+a\s+drug[- ]involved\s+premises"),
    ("use of a communication facility", r"\bcommunication\s+facility"),
    ("unlicensed money transmitting", r"\bunlicensed\s+money\s+transmitting"),
    ("smuggling", r"\bsmuggl(?:ing|ed|e)\b"),
    ("misbranding", r"\bmisbrand(?:ing|ed)\b"),
    ("RICO", r"\bracketeering|\bRICO\b"),
]
CHARGES_RX = [(name, re.compile(rx, re.I)) for name, rx in _CHARGES]

_CASE_OPENER = re.compile(r"^(?:In\s+(?:one|a\s+separate|another|a\s+second|a\s+third|a\s+related|the\s+(?:first|second|third|fourth|final|last))\s+case\b)", re.I)
_AGE = re.compile(r"^\s*,\s*(?:age\s+|aged\s+)?(\d{1,2})(?![\d%-])\s*(?=[,;)]|\s+(?:and|of|from|was|were|is|are|pleaded|pled|has|had|who|both|all)\b)")
_AKA = re.compile(r"^\s*,?\s*\(?\s*(?:also\s+known\s+as|a/k/a|aka|a\.k\.a\.|known\s+as)\s*[“\"]([^”\"]{1,40})[”\"]\)?", re.I)
_PAREN = re.compile(r"^\s*\(([^)]{1,60})\)")
_US_STATE_ABBR = set("""Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn.
Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va.
Wis. Wyo. D.C.""".split())
PLACE = r"(?:(?:St|Ft|Mt)\.[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+|la[ \t]+|los[ \t]+)?[A-Z][\w’'.-]*)*(?:,[ \t]+(?:(?:St|Ft|Mt)\.[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-Z][\w’'.-]*)*)*"
_PLACE_OF = re.compile(rf"^\s*,?\s*(?:both\s+|all\s+|each\s+)?(?:of|from)\s+(?:the\s+)?({PLACE})")
_RESIDENT = re.compile(rf"^\s*,?\s*(?:and\s+)?(?:a|an)\s+(?:\d{{1,2}}-year-old\s+)?(?:legal\s+permanent\s+)?resident\s+of\s+({PLACE})")
_LIVING = re.compile(rf"^[^.;]{{0,80}}?\bwho\s+(?:was\s+living|lived|lives|resides|resided|was\s+residing)\s+in\s+({PLACE})")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    t = tables()
    demonyms = demonym_pattern()
    suffix_alt = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(t["official_suffixes"], key=len, reverse=True))
    victims = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(t["victim_words"], key=len, reverse=True))
    states = t["states"]
    parts = t["district_parts"]
    state_names = sorted(states.values(), key=len, reverse=True)
    state_alt = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in state_names)
    return {
        "official_right": re.compile(rf"^\s*,\s*(?:the\s+|an?\s+)?(?:[A-Z][\w.&’'-]*\s+){{0,5}}(?:{suffix_alt})\b"),
        "speaker_right": re.compile(r"^\s*,?\s*(?:said|says|stated|added|explained|noted|commented)\b"),
        "victim_left": re.compile(rf"\b(?:{victims})\b[^.;]{{0,35}}$", re.I),
        "victim_right": re.compile(r"^(?:\s*,\s*\d{1,2}\s*,)?\s*(?:who\s+)?(?:later\s+)?(?:died|overdosed|passed\s+away|was\s+found\s+dead|was\s+killed|suffered\s+a\s+(?:fatal|non-fatal))"),
        "nat_right": re.compile(rf"^\s*,?\s*(?:and\s+)?(?:both\s+|all\s+)?(?:(?:a|an)\s+)?(?:\d{{1,2}}-year-old\s+)?({demonyms})\s+(?:nationals?|citizens?|man|woman|national)\b", re.I),
        "citizen_of": re.compile(rf"^\s*,?\s*(?:and\s+)?(?:(?:a|an)\s+)?(?:\d{{1,2}}-year-old\s+)?(?:citizen|national|native|immigrant)s?\s+(?:of|from)\s+(?:the\s+)?({PLACE})"),
        "based_right": re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?([A-Z][\w .’'-]*?)-based\b"),
        "based_left": re.compile(r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)(?:-based)?\s+(?:chemical\s+|pharmaceutical\s+|biotech(?:nology)?\s+|trading\s+|shell\s+|front\s+|pharmacy\s+|logistics\s+)*(?:company|companies|firm|firms|business|businesses|supplier|suppliers|manufacturer|manufacturers|vendor)\s*,?\s*$"),
        "pronoun": re.compile(r"(?:^|[^\w])(?:he|she|they|the\s+defendants?|both\s+(?:men|women|defendants)|each\s+defendant|all\s+(?:\w+\s+)?defendants)\s*(?:,[^,]{0,60},\s*)?(?:\w+\s+){0,3}$", re.I),
        "group_sep": re.compile(r"^\s*(?:,|;|,?\s+and|,?\s+&)\s*(?:and\s+)?$"),
        "state_after": re.compile(rf"(?:the\s+)?({state_alt}|Columbia)\b"),
        "states": states,
        "parts": parts,
        "state_names": set(states.values()),
    }


# -- data -------------------------------------------------------------------------------------
@dataclasses.dataclass
class Mention:
    start: int
    end: int
    name: str
    key: str
    is_company: bool = False
    full: bool = True
    candidate: "Candidate | None" = None
    title_before: bool = False
    aka: str | None = None


@dataclasses.dataclass
class Candidate:
    name: str
    key: str
    is_company: bool
    first: int
    age: int | None = None
    residence: str | None = None
    residence_country: str | None = None
    nationality: str | None = None
    country_code: str | None = None
    aka: str | None = None
    official: bool = False
    victim: bool = False
    speaker: bool = False
    evidence: set = dataclasses.field(default_factory=set)
    stage: str | None = None
    sentence_months: float | None = None
    sentence_text: str | None = None
    surnames: list = dataclasses.field(default_factory=list)
    nat_from_left: bool = False
    shared_residence: bool = False

    @property
    def is_defendant(self) -> bool:
        return bool(self.evidence) and not (self.official or self.victim or self.speaker)


@dataclasses.dataclass
class Case:
    index: int
    heading: str | None
    text: str


@dataclasses.dataclass
class Extraction:
    district: str | None
    districts: list[str]
    prosecutions: list[dict]
    defendants: list[dict]


# -- districts ---------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def district_from_component(component: str) -> str | None:
    """'USAO - Minnesota' -> 'District of Minnesota'; 'USAO - Louisiana, Eastern' ->
    'Eastern District of Louisiana'; anything that is not a U.S. Attorney's Office -> None.
    (Cached: a few hundred components name every release.)"""
    t = tables()
    comp = re.sub(r"\s+", " ", component or "").strip()
    exc = t["district_exceptions"]
    if comp in exc:
        return exc[comp]
    m = re.match(r"^USAO\s*[-–]\s*(.+)$", comp)
    if not m:
        return None
    rest = m.group(1).strip()
    p = _patterns()
    if "," in rest:
        state, part = (x.strip() for x in rest.rsplit(",", 1))
        if state in p["parts"] and part in p["parts"][state]:
            return f"{part} District of {state}"
        return None
    if rest.startswith("District of "):
        rest = rest[len("District of "):]
    if rest in p["state_names"] and rest not in p["parts"]:
        return "District of Columbia" if rest == "District of Columbia" else f"District of {rest}"
    return None


_SLUG = re.compile(r"^https?://[^/]+/(usao-[a-z]+)(?:/|$)")


def district_from_url(url: str | None) -> str | None:
    """'https://www.justice.gov/usao-edla/pr/...' -> 'Eastern District of Louisiana'."""
    if not url:
        return None
    m = _SLUG.match(url)
    if not m:
        return None
    slug = m.group(1)
    t = tables()
    if slug in t["district_exceptions"]:
        return t["district_exceptions"][slug]
    p = _patterns()
    code = slug[5:]
    parts_names = {"n": "Northern", "s": "Southern", "e": "Eastern", "w": "Western", "m": "Middle", "c": "Central"}
    if len(code) == 2:
        state = p["states"].get(code.upper())
        if state and state not in p["parts"]:
            return f"District of {state}"
    if len(code) == 4 and code[1] == "d":
        state = p["states"].get(code[2:].upper())
        part = parts_names.get(code[0])
        if state and part and part in p["parts"].get(state, []):
            return f"{part} District of {state}"
    return None


def districts_in_text(text: str) -> list[str]:
    """Valid district names written in the text ('the Southern District of New York'), in
    order of first mention; impossible ones ('Southern District of Minnesota') are skipped."""
    p = _patterns()
    out: list[str] = []
    i = text.find("District of ")
    while i >= 0:
        m = p["state_after"].match(text, i + 12)
        if m:
            state = re.sub(r"\s+", " ", m.group(1))
            pm = _PART_BEFORE.search(text, max(0, i - 10), i)
            if state == "Columbia":
                name = "District of Columbia"
            elif pm:
                part = pm.group(1)
                name = f"{part} District of {state}" if part in p["parts"].get(state, []) else None
            elif state in p["parts"]:
                name = None
            elif state == "Virgin Islands":
                name = "District of the Virgin Islands"
            elif state == "Northern Mariana Islands":
                name = "District of the Northern Mariana Islands"
            else:
                name = f"District of {state}"
            if name and name not in out:
                out.append(name)
        i = text.find("District of ", i + 12)
    return out


_PART_BEFORE = re.compile(r"(Northern|Southern|Eastern|Western|Middle|Central)\s+$")


def release_districts(components: list[str], url: str | None, text: str) -> list[str]:
    """USAO components first; else the office in the URL; else districts named in the text
    (OPA / Criminal Division releases)."""
    out = [d for d in (district_from_component(c) for c in components) if d]
    out = list(dict.fromkeys(out))
    if not out:
        d = district_from_url(url)
        if d:
            out = [d]
    if not out:
        out = districts_in_text(text)[:3]
    return out


# -- sentences & cases -------------------------------------------------------------------------
_ABBREV = set("""u.s. mr. mrs. ms. dr. jr. sr. st. ft. mt. no. nos. co. corp. inc. ltd. vs. v. e.g. i.e. approx.
a.m. p.m. jan. feb. mar. apr. aug. sept. sep. oct. nov. dec. gen. sen. rep. gov. lt. sgt. capt. det. col. dist.
ct. u.s.c. pvt. l.l.c. s.a. c.v. a.k.a. a/k/a""".split()) | {a.lower() for a in _US_STATE_ABBR}
_SENT_END = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"(]?[A-Z0-9])")


# _SENT_END over a whole text: its white space never crosses a line end, as if run line by line
_SENT_END_TEXT = re.compile(r"[.!?][”\"’)]*+[^\S\n]++(?=[“\"(]?[A-Z0-9])")


def _abbreviation_ends_at(text: str, line_start: int, j: int) -> bool:
    """The period at text[j] closes an abbreviation ('U.S.', 'Minn.', 'B. Lynn'), not a sentence."""
    k = text.rfind(" ", line_start, j)
    word = text[k + 1 if k >= 0 else line_start:j + 1].lower().lstrip("(“\"")
    return word in _ABBREV or (len(word) == 2 and word[0].isalpha()) or \
        (word.count(".") >= 2 and _DOTTED.fullmatch(word) is not None)


def _has_text(text: str, start: int, end: int) -> bool:
    return start < end and (not text[start].isspace() or bool(text[start:end].strip()))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; lines are never joined; abbreviations ('U.S.',
    'Minn.', 'B. Lynn') do not end a sentence."""
    spans = []
    append = spans.append
    n = len(text)
    start = line_start = 0                 # the current sentence, the current line
    line_end = text.find("\n")
    if line_end < 0:
        line_end = n
    for m in _SENT_END_TEXT.finditer(text):
        j, end = m.span()
        while line_end < j:                # lines before this match: their last sentence
            if _has_text(text, start, line_end):
                append((start, line_end))
            start = line_start = line_end + 1
            line_end = text.find("\n", line_start)
            if line_end < 0:
                line_end = n
        if text[j] == "." and _abbreviation_ends_at(text, line_start, j):
            continue
        append((start, end))
        start = end
    while True:
        if _has_text(text, start, line_end):
            append((start, line_end))
        if line_end >= n:
            return spans
        start = line_start = line_end + 1
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = n


_DOTTED = re.compile(r"(?:[a-z]\.){2,}")


def _sentence_spans_at(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """The sentence_spans of the lines holding `positions` (sentences never cross a line, so
    each line splits the same on its own)."""
    spans: list[tuple[int, int]] = []
    append = spans.append
    n = len(text)
    done = -1
    for i in sorted(positions):
        if i <= done:
            continue
        line_start = text.rfind("\n", 0, i) + 1
        line_end = text.find("\n", i)
        if line_end < 0:
            line_end = n
        done = line_end
        start = line_start
        for m in _SENT_END_TEXT.finditer(text, line_start, line_end):
            j, end = m.span()
            if text[j] == "." and _abbreviation_ends_at(text, line_start, j):
                continue
            append((start, end))
            start = end
        if _has_text(text, start, line_end):
            append((start, line_end))
    return spans


def split_cases(blocks: list[Block], title: str) -> list[Case]:
    """Round-ups: bold/heading blocks that announce a case stage, or paragraphs opening
    'In one case,' / 'In a separate case,', start a new case. Otherwise one case."""
    starts = []
    for i, b in enumerate(blocks):
        if b.heading and len(b.text) < 300 and _any_title_stage(b.text):
            starts.append((i, b.text))
        elif not b.heading and _CASE_OPENER.match(b.text) and not (i > 0 and blocks[i - 1].heading and starts and starts[-1][0] == i - 1):
            starts.append((i, None))
    if len(starts) < 2:
        return [Case(1, None, "\n".join(b.text for b in blocks))]
    cases = []
    preamble = "\n".join(b.text for b in blocks[:starts[0][0]])
    for n, (i, heading) in enumerate(starts):
        j = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        text = "\n".join(b.text for b in blocks[i:j])
        cases.append(Case(n + 1, heading, text))
    if preamble.strip():
        cases.insert(0, Case(0, None, preamble))
    return cases


def title_stage(text: str | None) -> str | None:
    if not text:
        return None
    low = _lower_for_stages(text)
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


def _lower_for_stages(text: str) -> str | None:
    """text.lower(), or None when the text holds one of the four non-ASCII letters re.I matches
    to ASCII ones (the words above would not stand for the patterns)."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):
        return None
    return text.lower()


def _any_title_stage(text: str) -> bool:
    """any(rx.search(text) for _, rx in _TITLE_STAGES)"""
    return title_stage(text) is not None


# -- mentions ----------------------------------------------------------------------------------
_PARTICLES = frozenset("de del la las los y da das dos do van von der den bin ibn al el le du di".split())
_ROMAN = frozenset(("II", "III", "IV"))


def _run_tokens(run: str, start: int) -> list[tuple[str, int]]:
    """Whitespace tokens of a capitalised run with their positions; a quoted nickname
    ('“El Mayo”') is one token."""
    out: list[tuple[str, int]] = []
    pos = 0
    nick = None
    for tok in run.split():
        i = run.find(tok, pos)
        pos = i + len(tok)
        if nick is not None:
            nick = (nick[0] + " " + tok, nick[1])
            if tok[-1] in "”\"":
                out.append(nick)
                nick = None
            continue
        if tok[0] in "“\"" and tok[-1] not in "”\"":
            nick = (tok, start + i)
            continue
        out.append((tok, start + i))
    return out


def _clean_tokens(run: str, start: int) -> tuple[list[tuple[str, int]], bool]:
    """Tokens of a capitalised run, minus everything up to its last word that cannot be
    part of a name (titles, institutions, abbreviations, all-caps words); `title` says the
    word right before the name was a title ('Judge', 'Attorney', 'Chief')."""
    toks = _run_tokens(run, start)
    cut, title = -1, False
    for i, (tok, _) in enumerate(toks):
        if tok[0] in "“\"":
            continue
        if len(tok) == 2 and tok[1] == "." and tok[0].isupper():
            continue                          # a middle initial ('A.' is not the article 'a')
        low = tok.lower()
        bare = low.rstrip(".,")
        if bare in _PARTICLES and tok[0].islower():
            continue
        if low in _NON_NAME or bare in _NON_NAME:
            cut, title = i, bare in _TITLE_WORDS
        elif tok.isupper() and tok not in _ROMAN and not (len(tok) == 2 and tok[1] == "."):
            cut, title = i, False            # DEA, ST., PAUL, M30
        elif tok[-1] == "." and len(tok) > 2 and tok not in ("Jr.", "Sr."):
            cut, title = i, False            # Minn., Ga., Co.
    kept = toks[cut + 1:]
    # possessive on the last word: "Quennell’s apartment"
    if kept and kept[-1][0].endswith(("’s", "'s")):
        kept[-1] = (kept[-1][0][:-2], kept[-1][1])
    while kept and (kept[-1][0] in _PARTICLES or kept[-1][0][0] in "“\"" or
                    (len(kept[-1][0]) == 2 and kept[-1][0][1] == ".")):
        kept.pop()
    while kept and kept[0][0] in _PARTICLES:
        kept.pop(0)
    return kept, bool(kept) and title


@functools.lru_cache(maxsize=65536)
def _run_name(run: str) -> tuple[int, int, str, str, bool, str | None] | None:
    """The name in a capitalised run (see _clean_tokens), positions relative to the run: (start,
    end, name, key, title before it, nickname); None when fewer than two real words remain. The
    same runs ('Assistant U.S. Attorney Jane Roe', 'Special Agent in Charge') recur from release
    to release, hence the cache."""
    kept, title = _clean_tokens(run, 0)
    words = [w for w, _ in kept if w[0] not in "“\""]
    real = [w for w in words if not (len(w) == 2 and w[1] == ".") and w not in _SUFFIXES]
    if len(real) < 2:
        return None
    start = kept[0][1]
    end = kept[-1][1] + len(kept[-1][0])
    aka = next((w.strip("“”\"") for w, _ in kept if w[0] in "“\""), None)
    name = " ".join(words)
    return start, end, name, normalize_name(name), title, aka


def _place(raw: str, stop_at: list[int], base: int) -> str | None:
    """Cut a greedy PLACE where a name mention starts (', John Doe, 33,')."""
    text = raw
    for pos in stop_at:
        if base < pos < base + len(raw):
            text = raw[:pos - base]
            break
    text = text.rstrip(" ,\n\t")
    if text.endswith(".") and text.rsplit(None, 1)[-1] not in _US_STATE_ABBR and not _DOTTED.search(text[-5:]):
        text = text[:-1]  # the sentence's full stop, not an abbreviation ('Minn.', 'D.C.')
    segs = [s.strip() for s in text.split(",")]
    out = []
    for s in segs:
        if not s:
            break
        first = s.split()[0].lower()
        if first in ("the", "and", "who", "a", "an"):
            break
        out.append(s)
        if len(out) >= 4:
            break
    return ", ".join(out) or None


def _place_country(place: str | None) -> str | None:
    if not place:
        return None
    p = _patterns()
    last = place.split(",")[-1].strip()
    if last in _US_STATE_ABBR or last in p["state_names"] or last.rstrip(".") + "." in _US_STATE_ABBR:
        return "United States"
    c = country_of_place(place)
    return c.name if c else None


_LEGAL_HINTS = ("Co.", "Co ", "Ltd", "Limited", "Inc", "LLC", "L.L.C", "Corp", "S.A.", "SA de", "S. de R.L",
                "GmbH", "Pharmacy", "Pharmaceuticals")
_LEGAL_HINT_RX = re.compile("|".join(map(re.escape, _LEGAL_HINTS)))
_LEGAL_RX = re.compile(LEGAL)
_COMPANY_WORDS = re.compile(r"((?:(?:[A-Z0-9][\w&’'.()-]*|&|and|of|de)[ \t]+){1,8})$")
_COMPANY_LEAD = frozenset(("the", "in", "on", "and", "of", "a", "an", "by", "from", "with", "to", "that", "its",
                           "de", "&", "according", "defendant", "defendants"))
_SPEAKER_LEFT = ("said", "says", "stated", "added", "according to", "thanked", "commended", "praised")
_SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")


@functools.lru_cache(maxsize=1)
def _official_titles() -> tuple[str, ...]:
    titles = set()
    for x in tables()["official_titles"]:
        titles.add(x)
        titles.add(x[0].upper() + x[1:])
        titles.add(x.lower())
    titles |= {"prosecuted by", "prosecuting", "handled by", "presided over by"}
    return tuple(sorted(titles, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _victim_words() -> tuple[str, ...]:
    return tuple(tables()["victim_words"])


@functools.lru_cache(maxsize=1)
def _victim_hint() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in _victim_words()), re.I)


def _official_left(left: str) -> bool:
    w = left[-70:].replace("\n", " ").rstrip(" ,")
    if w.endswith(" the"):
        w = w[:-4].rstrip(" ,")
    if w.endswith("."):
        w = w[:-1]
    titles = _official_titles()
    if not w.endswith(titles):
        return False
    for t in titles:
        if w.endswith(t) and (len(w) == len(t) or not w[-len(t) - 1].isalnum()):
            return True
    return False


_WS_RX = re.compile(r"\s+")
_SHARED = re.compile(r"\s*,?\s*(?:both|all|each)\b")
_JOINED = re.compile(r"(?:\s*,\s*\d{1,2})?\s*(?:,|;)?\s*(?:and\s+|&\s+)?$")
_NAT_LEFT = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:nationals?|citizens?|man|woman|men|women)\s*(?:named\s+)?,?\s*$")


class _Scanner:
    """Finds the people and companies named in one case's text, and what the text says
    about each (age, residence, nationality; official, victim, speaker)."""

    def __init__(self, text: str):
        self.text = text
        self.p = _patterns()
        self.victim_hint = _victim_hint()
        self.cands: dict[str, Candidate] = {}
        self.mentions: list[Mention] = []

    def scan(self) -> None:
        text = self.text
        company_spans = []
        if _LEGAL_HINT_RX.search(text):  # == any(h in text for h in _LEGAL_HINTS), twice as fast
            for m in _LEGAL_RX.finditer(text):
                if m.start() and text[m.start() - 1] not in " \t":
                    continue
                window = text[max(0, m.start() - 160):m.start()]
                wm = _COMPANY_WORDS.search(window)
                if not wm:
                    continue
                toks = wm.group(1).split()
                i = 0
                while i < len(toks) - 1 and toks[i].lower() in _COMPANY_LEAD:
                    i += 1
                toks = toks[i:]
                if not toks or toks[0].lower() in _COMPANY_LEAD:
                    continue
                name = " ".join(toks + [m.group(0)]).rstrip(",")
                start = m.start() - len(window) + wm.start(1) + wm.group(1).find(toks[0])
                company_spans.append((start, m.end()))
                self.mentions.append(Mention(start, m.end(), name, normalize_name(name), is_company=True))
        for m in NAME_RUN_RX.finditer(text):
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] in "’'-"):
                continue
            if company_spans and any(a <= s < b for a, b in company_spans):
                continue
            run = _run_name(m.group(0))
            if run is None:
                continue
            start, end, name, key, title, aka = run
            self.mentions.append(Mention(s + start, s + end, name, key, title_before=title, aka=aka))
        self.mentions.sort(key=lambda x: x.start)
        self._starts_cache = [mm.start for mm in self.mentions]
        for mention in self.mentions:
            cand = self.cands.get(mention.key)
            if cand is None:
                cand = Candidate(mention.name, mention.key, mention.is_company, mention.start)
                self.cands[mention.key] = cand
            mention.candidate = cand
            if mention.aka and not cand.aka:
                cand.aka = mention.aka
            self._context(mention, cand)
        self._propagate_officials()
        self._merge_short_forms()
        self._propagate_groups()

    def _merge_short_forms(self) -> None:
        """'Ruelas Montalvo' after 'Abelardo Ruelas Montalvo' is the same person."""
        people = [c for c in self.cands.values() if not c.is_company]
        toks = {c.key: c.key.split() for c in people}
        for a in people:
            ta = toks[a.key]
            owners = [b for b in people if b is not a and b.key in self.cands and len(toks[b.key]) > len(ta)
                      and toks[b.key][-len(ta):] == ta]
            if len(owners) != 1 or len(ta) < 2:
                continue
            b = owners[0]
            b.evidence |= a.evidence
            for attr in ("age", "residence", "residence_country", "nationality", "country_code", "aka"):
                if getattr(b, attr) is None and getattr(a, attr) is not None:
                    setattr(b, attr, getattr(a, attr))
            b.official = b.official or a.official
            for m in self.mentions:
                if m.candidate is a:
                    m.candidate, m.full = b, False
            del self.cands[a.key]

    def _propagate_groups(self) -> None:
        """'Chinese nationals A and B', 'A, 29, and B, 41, both of Dunmore': what is said
        of the group holds for each member."""
        ms = [m for m in self.mentions if m.full and not m.candidate.is_company]
        i = 0
        while i < len(ms):
            group = [ms[i]]
            while i + 1 < len(ms) and _JOINED.match(self.text, group[-1].end, ms[i + 1].start):
                group.append(ms[i + 1])
                i += 1
            i += 1
            if len(group) < 2:
                continue
            first, last = group[0].candidate, group[-1].candidate
            for m in group:
                c = m.candidate
                if first.nat_from_left and c.nationality is None:
                    c.nationality, c.country_code = first.nationality, first.country_code
                    c.evidence.add("nationality")
                if last.shared_residence and c.residence is None:
                    c.residence, c.residence_country = last.residence, last.residence_country

    def _context(self, mention: Mention, cand: Candidate) -> None:
        text, p = self.text, self.p
        left = text[max(0, mention.start - 90):mention.start]
        right = text[mention.end:mention.end + 220]
        if mention.title_before or _official_left(left) or (right[:1] == "," and p["official_right"].match(right)):
            cand.official = True
        lstrip = left.rstrip(" ,")
        if lstrip.endswith(_SPEAKER_LEFT) or p["speaker_right"].match(right):
            cand.speaker = True
        if cand.official:
            return
        line_left = left.rsplit("\n", 1)[-1]
        if (self.victim_hint.search(line_left) and p["victim_left"].search(line_left)) or p["victim_right"].match(right):
            cand.victim = True
        rest = right
        m = _AKA.match(rest)
        if m:
            cand.aka = cand.aka or m.group(1).strip(" ,;")
            rest = rest[m.end():]
            if rest[:1] != ",":
                rest = "," + rest  # 'a/k/a “El Guero,” 45, of Cicero': the comma went inside the quotes
        if cand.is_company:
            paren = _PAREN.match(rest)
            if paren:
                rest = rest[paren.end():]
        else:
            m = _AGE.match(rest)
            if m:
                age = int(m.group(1))
                if 14 <= age <= 99:
                    cand.age = cand.age or age
                    cand.evidence.add("age")
                rest = rest[m.end():]
        pos = mention.end + (len(right) - len(rest))
        m = _PLACE_OF.match(rest) or _RESIDENT.match(rest)
        if m and (cand.age is not None or "," in rest[:m.start(1)] or cand.is_company):
            place = _place(m.group(1), self._starts_cache, pos + m.start(1))
            if place and not cand.residence:
                cand.residence = place
                cand.residence_country = _place_country(place)
                cand.shared_residence = bool(_SHARED.match(rest))
            # ", of Culiacan, Sinaloa, Mexico, a Mexican national,": read on after the place
            if place:
                rest = rest[m.start(1) + len(place):] if len(place) < len(m.group(1)) else rest[m.end():]
                pos = mention.end + (len(right) - len(rest))
        if "citizen" in rest[:60] or "national" in rest[:60] or "native" in rest[:60] or "immigrant" in rest[:60]:
            m = p["citizen_of"].match(rest)
            if m:
                c = country_of_place(_place(m.group(1), self._starts_cache, pos + m.start(1)) or "")
                if c:
                    cand.nationality, cand.country_code = c.name, c.code
                    cand.evidence.add("nationality")
            if not cand.is_company:
                m = p["nat_right"].match(rest)
                if m:
                    c = country_of_demonym(m.group(1))
                    if c:
                        cand.nationality, cand.country_code = c.name, c.code
                        cand.evidence.add("nationality")
        if not cand.is_company:
            near = left[-60:]
            # (every match holds 'man' / 'men' / 'national' / 'citizen': most lefts hold none)
            m = _NAT_LEFT.search(near) if ("man" in near or "men" in near or "national" in near or
                                           "citizen" in near) else None
            if m:
                c = country_of_demonym(m.group(1).split()[-1]) or country_of_demonym(m.group(1))
                if c:
                    cand.nationality, cand.country_code = cand.nationality or c.name, cand.country_code or c.code
                    cand.evidence.add("nationality")
                    cand.nat_from_left = True
        if "who" in rest[:90]:
            m = _LIVING.match(rest)
            if m and not cand.residence:
                place = _place(m.group(1), self._starts_cache, pos + m.start(1))
                if place:
                    cand.residence = place
                    cand.residence_country = _place_country(place)
        if cand.is_company:
            m = p["based_right"].match(right) or p["based_left"].search(left[-80:])
            if m:
                c = country_of_place(m.group(1)) or country_of_demonym(m.group(1))
                if c:
                    cand.residence_country = c.name
                    cand.country_code = cand.country_code or c.code
                cand.evidence.add("company")

    def _propagate_officials(self) -> None:
        """'Assistant U.S. Attorneys Jane Roe and John Doe': officials listed together."""
        ms = self.mentions
        for a, b in zip(ms, ms[1:]):
            if a.candidate.official and not b.candidate.official:
                if self.p["group_sep"].match(self.text[a.end:b.start]):
                    b.candidate.official = True

    def mark_officials(self, keys: set[str]) -> None:
        for c in self.cands.values():
            if c.key in keys:
                c.official = True

    def add_surnames(self) -> None:
        """Later references by surname ('Abdullahi made his initial appearance')."""
        people = [c for c in self.cands.values() if not c.is_company and not (c.official or c.victim or c.speaker)]
        variants: dict[str, list[Candidate]] = {}
        for c in people:
            toks = [w for w in c.name.split() if not (len(w) == 2 and w[1] == ".") and w not in _SUFFIXES]
            forms = {toks[-1]}
            if len(toks) >= 3:
                forms.add(" ".join(toks[-2:]))
            for f in forms:
                if f.lower() in _NON_NAME or len(f) < 3:
                    continue
                variants.setdefault(f, []).append(c)
            c.surnames = sorted(forms)
        official_words = {w for c in self.cands.values() if c.official for w in c.name.split()}
        usable = {f: cs[0] for f, cs in variants.items() if len(cs) == 1 and f not in official_words}
        if not usable:
            return
        covered = sorted((m.start, m.end) for m in self.mentions)
        starts = [s for s, _ in covered]
        text = self.text
        found: dict[int, Mention] = {}
        for form in sorted(usable, key=len, reverse=True):
            cand = usable[form]
            i = text.find(form)
            while i >= 0:
                j = i + len(form)
                ok = (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "’'-")) and \
                     (j >= len(text) or not (text[j].isalnum() or text[j] in "’'-"))
                if ok:
                    k = bisect.bisect_right(starts, i) - 1
                    inside = k >= 0 and covered[k][0] <= i < covered[k][1]
                    if not inside and not any(a <= i < b for a, b in ((m.start, m.end) for m in found.values())):
                        found[i] = Mention(i, j, cand.name, cand.key, full=False, candidate=cand)
                i = text.find(form, j)
        self.mentions.extend(found.values())
        self.mentions.sort(key=lambda x: x.start)


# -- events -> stages ----------------------------------------------------------------------------
def _attribute(scanner: _Scanner, default_subjects: list[Candidate], year: int | None = None) -> None:
    text = scanner.text
    p = scanner.p
    mentions = [m for m in scanner.mentions if not (m.candidate.official or m.candidate.victim or m.candidate.speaker)]
    starts = [m.start for m in mentions]
    # only the sentences holding a verb matter: only their lines are split into sentences
    verbs = _verbs_in(text)
    spans = _sentence_spans_at(text, [v[0] for v in verbs])
    all_events = _events_in(text, spans, year, verbs)
    if not all_events:
        return
    ev_starts = [e[0] for e in all_events]
    span_starts = [s for s, _ in spans]
    n_events = len(all_events)
    b = 0
    while b < n_events:
        # the sentence of the next event, and all its events (sentences without any are skipped)
        a = b
        k = bisect.bisect_right(span_starts, ev_starts[a]) - 1
        if k < 0 or ev_starts[a] >= spans[k][1]:
            b = a + 1  # (between sentences: in none)
            continue
        s_start, s_end = spans[k]
        b = bisect.bisect_left(ev_starts, s_end, a)
        events = all_events[a:b]
        lo = bisect.bisect_left(starts, s_start)
        hi = bisect.bisect_left(starts, s_end)
        in_sentence = mentions[lo:hi]
        prev_subjects: list[Candidate] = []
        prev_end = s_start
        for (e_start, e_end, stage, voice) in events:
            subjects: list[Candidate] = []
            if voice == "right":
                obj = [m for m in in_sentence if e_end <= m.start <= e_end + 3 and not text[e_end:m.start].strip()]
                if obj:
                    subjects = _group(scanner, in_sentence, obj[0], forward=True)
            else:
                clause = [m for m in in_sentence if prev_end <= m.start < e_start]
                if clause:
                    plural = bool(_PLURAL.match(text, e_start, e_end))
                    first = clause[0]
                    grp = _group(scanner, clause, first, forward=True)
                    if plural or (len(grp) > 1 and _PLED.match(text, e_start, e_end)):
                        subjects = grp
                    else:
                        subjects = [first.candidate]
                else:
                    before = text[prev_end:e_start]
                    if p["pronoun"].search(before):
                        subjects = default_subjects
                    elif prev_subjects:
                        subjects = prev_subjects
                    elif len(default_subjects) == 1 and not _OTHERS.search(before):
                        subjects = default_subjects
            for cand in subjects:
                _record(cand, stage, text, e_end, events, e_start, s_end)
            if subjects:
                prev_subjects = subjects
            if voice == "left" or subjects:
                prev_end = e_end


_PLURAL = re.compile(r"\s*(?:were|are|have)\b")
_PLED = re.compile(r"\s*(?:pleaded|pled)\b")
_APPOSITIVE = re.compile(r"^\s*,\s*(?:\d{1,2}\s*,)?(?:\s*(?:of|from)\s+[^,;]{1,60},)?(?:\s*(?:a|an)\s+[^,;]{1,60}national,)?")
_CONJ = re.compile(r"\s*(?:,|;)?\s*(?:and|&)?\s*")
_OTHERS = re.compile(r"\b(?:others?|individuals|people|persons|men|women|co-?conspirators|members|co-?defendants|suspects)\b", re.I)


def _group(scanner: _Scanner, pool: list[Mention], first: Mention, forward: bool) -> list[Candidate]:
    """A mention and the ones conjoined with it ('A, 29, of X, and B, 31,')."""
    out = [first.candidate]
    i = pool.index(first)
    last_end = first.end
    for m in pool[i + 1:]:
        between = scanner.text[last_end:m.start]
        # allow the appositive of the previous name (", 29, of Nampa,") before "and"
        stripped = _APPOSITIVE.sub("", between)
        if _CONJ.fullmatch(stripped) and len(between) < 120:
            if m.candidate not in out:
                out.append(m.candidate)
            last_end = m.end
        else:
            break
    return out


def _record(cand: Candidate, stage: str, text: str, e_end: int, events, e_start: int, s_end: int) -> None:
    cand.evidence.add("event")
    if cand.stage is None or RANK[stage] > RANK[cand.stage]:
        cand.stage = stage
    if stage != "sentenced":
        return
    nxt = [s for s, _, _, _ in events if s > e_start]
    limit = min(nxt) if nxt else s_end  # the length is in this clause of this sentence
    seg = text[e_end:min(limit, e_end + 320)]
    months, label = _sentence_months(seg)
    if label and (cand.sentence_months is None or (months or 0) > cand.sentence_months):
        cand.sentence_months, cand.sentence_text = months, label


def _sentence_months(seg: str) -> tuple[float | None, str | None]:
    if _SENTENCE_LIFE.match(seg):
        return None, "life in prison"
    m = _SENTENCE_LEN.match(seg)
    if m:
        if _NOT_PRISON.match(m.group("tail") or ""):
            n = _number(m.group("n1"))
            unit = m.group("u1").lower()
            return None, f"{m.group('n1')} {unit} of probation" if n is not None else "probation"
        n1 = _number(m.group("n1"))
        if n1 is None:
            return None, None
        months = n1 * 12 if m.group("u1").lower().startswith("year") else n1
        if m.group("n2"):
            n2 = _number(m.group("n2")) or 0
            months += n2 if m.group("u2").lower().startswith("month") else n2 / 30.0
        text = m.group(0)[m.start("n1"):m.end("u2") if m.group("u2") else m.end("u1")]
        return round(months, 2), _WS_RX.sub(" ", text) + " in prison"
    if _TIME_SERVED.match(seg):
        return 0.0, "time served"
    return None, None


# -- statutes, charges ---------------------------------------------------------------------------
def _statute_starts(text: str) -> list[int]:
    """Every position where a _STATUTE match can begin: one or two digits, then white space up
    to a 'U' (str.isspace is exactly what \\s matches)."""
    out = []
    u = text.find("U")
    while u >= 0:
        w = u
        while w > 0 and text[w - 1].isspace():
            w -= 1
        if w >= 2:
            out.append(w - 2)
        if w >= 1:
            out.append(w - 1)
        u = text.find("U", u + 1)
    return sorted(set(out))


def _finditer_at(rx: re.Pattern, text: str, starts: list[int]):
    """rx.finditer(text) for a pattern that never matches the empty string and can only begin at
    `starts` (sorted): the leftmost match at or after the previous match's end, each time."""
    pos = 0
    for i in starts:
        if i < pos:
            continue
        m = rx.match(text, i)
        if m:
            yield m
            pos = m.end()


_STATUTE_HINT = re.compile(r"U(?:\.S\.C|SC|\. S\. C|nited States Code)")
_SECTION_NUM = re.compile(r"(?<![\w(])(\d{1,5}[a-z]?)(?![\w)])")
_SUBSECTION = re.compile(r"\([\w]+\)")


def find_statutes(text: str) -> list[str]:
    """'21 U.S.C. §§ 841(a)(1), 846 and 18 U.S.C. § 924(c)' -> ['21 U.S.C. § 841',
    '21 U.S.C. § 846', '18 U.S.C. § 924'] (only what the release cites)."""
    if not _STATUTE_HINT.search(text):  # == "U.S.C" in text or "USC" in text or ..., one pass
        return []
    out: list[str] = []
    for rx in (_STATUTE, _STATUTE_LONG):
        if rx is _STATUTE:
            found = _finditer_at(rx, text, _statute_starts(text))
        else:
            low_b = _ascii_view(text)[1]
            found = rx.finditer(text) if low_b is None else _finditer_at(rx, text, _occurrences(low_b, b"title"))
        for m in found:
            title = int(m.group(1))
            for num in _SECTION_NUM.findall(_SUBSECTION.sub("", m.group(2))):
                cite = f"{title} U.S.C. § {num}"
                if cite not in out:
                    out.append(cite)
    return out


_CHARGE_HINTS = {
    "drug conspiracy": ("conspir",), "possession with intent to distribute": ("intent to distribute",),
    "distribution": ("distribut",), "distribution resulting in death": ("resulting in",),
    "distribution resulting in serious bodily injury": ("serious bodily",), "manufacturing": ("manufactur",),
    "importation": ("import",), "international drug trafficking": ("international", "importation into"),
    "money laundering": ("launder",), "firearm in furtherance of drug trafficking": ("furtherance",),
    "felon in possession of a firearm": ("felon",), "continuing criminal enterprise": ("continuing criminal",),
    "narco-terrorism": ("narco",), "maintaining drug-involved premises": ("premises",),
    "use of a communication facility": ("communication facility",),
    "unlicensed money transmitting": ("unlicensed",), "smuggling": ("smuggl",), "misbranding": ("misbrand",),
    "RICO": ("racketeer", "rico"),
}


# How every match of each charge pattern begins (each alternative is \b + these letters, any
# case); None: an alternative begins with a common word ('in', 'for'), searched the usual way.
_CHARGE_STARTS = {
    "drug conspiracy": ("conspir",), "possession with intent to distribute": ("possess",),
    "distribution": ("distribut",), "distribution resulting in death": ("resulting",),
    "distribution resulting in serious bodily injury": ("resulting",), "manufacturing": ("manufactur",),
    "importation": ("import",), "international drug trafficking": None, "money laundering": ("money", "launder"),
    "firearm in furtherance of drug trafficking": None, "felon in possession of a firearm": ("felon", "possess"),
    "continuing criminal enterprise": ("continuing",), "narco-terrorism": ("narco",),
    "maintaining drug-involved premises": ("maintain",), "use of a communication facility": ("communication",),
    "unlicensed money transmitting": ("unlicensed",), "smuggling": ("smuggl",), "misbranding": ("misbrand",),
    "RICO": ("racketeering", "rico"),
}


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, cur, i = [], 0, "", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur += pattern[i:i + 2]
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
            i += 1
            continue
        cur += ch
        i += 1
    return out + [cur]


def _charge_table() -> list[tuple[str, re.Pattern, tuple[bytes, ...], tuple[tuple[str, bool], ...],
                                  tuple[bytes, ...] | None]]:
    """(name, pattern, hints, (each hint's first word, whether it is one word), starts)."""
    table = []
    for name, rx in CHARGES_RX:
        starts = _CHARGE_STARTS[name]
        if starts is not None:
            # the starts must hold for every alternative, or the shortcut would miss matches
            alts = _top_level_alternatives(rx.pattern)
            assert rx.flags & re.I and len(alts) == len(starts) and all(
                a.startswith("\\b") and a[2:].lower().startswith(p) and a[2 + len(p):][:1] not in ("?", "*", "{")
                for a, p in zip(alts, starts)), name
            starts = tuple(p.encode() for p in starts)
        hints = _CHARGE_HINTS[name]
        table.append((name, rx, tuple(h.encode() for h in hints), tuple((h.split(" ", 1)[0], " " not in h) for h in hints),
                      starts))
    return table


def find_charges(text: str, toks: list[str] | None = None) -> list[str]:
    """Offences the text describes (descriptive labels, not legal citations). `toks`: the text's
    tokens (parse.tokens), when the caller has them."""
    _, low_b = _ascii_view(text)
    if low_b is None:  # (a letter re.I folds to ASCII: the plain way)
        low = text.lower()
        return [name for name, rx in CHARGES_RX if any(h in low for h in _CHARGE_HINTS[name]) and rx.search(text)]
    # == the above: an ASCII hint occurs in text.lower() exactly where it occurs in low_b
    if toks is None:
        return [name for name, rx, hints, _, starts in _CHARGE_TABLE if any(h in low_b for h in hints) and
                (_matches_at(rx, text, low_b, starts) if starts is not None else rx.search(text))]
    # the search for a hint is skipped when its first word (letters only, so it can only occur
    # inside a token) is in none of the tokens; a one-word hint is then known to be there
    words = _HINT_WORDS.present(toks)
    out = []
    for name, rx, hints, firsts, starts in _CHARGE_TABLE:
        for h, (first, one_word) in zip(hints, firsts):
            if first in words and (one_word or h in low_b):
                if _matches_at(rx, text, low_b, starts) if starts is not None else rx.search(text):
                    out.append(name)
                break
    return out


class _TokenWords:
    """Which of some words (letters only) occur inside a text's tokens, from the tokens: each
    distinct token is looked at once, ever (a few thousand words make up most releases)."""

    def __init__(self, words):
        self.words = tuple(words)
        # (tokens looked at, token -> the words inside it for those with any), replaced together
        self.memo: tuple[set[str], dict[str, frozenset]] = (set(), {})

    def present(self, toks: list[str]) -> set[str]:
        seen, holders = self.memo
        distinct = set(toks)
        new = distinct - seen
        if new:
            if len(seen) > 500_000:
                seen, holders = set(), {}
                self.memo = (seen, holders)
                new = distinct
            for t in new:
                inside = frozenset(w for w in self.words if w in t)
                if inside:
                    holders[t] = inside
            seen |= new  # (after holders: a token seen always has its entry)
        out: set[str] = set()
        for t in distinct.intersection(holders):
            out |= holders[t]
        return out


_CHARGE_TABLE = _charge_table()
assert all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", h) for hs in _CHARGE_HINTS.values() for h in hs)
_HINT_WORDS = _TokenWords(sorted({h.split(" ", 1)[0] for hs in _CHARGE_HINTS.values() for h in hs}))


def _occurrences(b: bytes, sub: bytes) -> list[int]:
    out = []
    i = b.find(sub)
    while i >= 0:
        out.append(i)
        i = b.find(sub, i + 1)
    return out


# -- the release ---------------------------------------------------------------------------------
def extract(release_id: str, title: str, blocks: list[Block], components: list[str], url: str | None,
            published: str | None, toks: list[str] | None = None) -> Extraction:
    """Prosecution and defendant rows for one fentanyl-related release. `toks`: the
    tokens of title + text, when classification already computed them."""
    body_text = "\n".join(b.text for b in blocks)
    districts = release_districts(components, url, f"{title}\n{body_text}")
    cases = split_cases(blocks, title) if blocks else [Case(1, None, "")]
    year = int(published[:4]) if published and published[:4].isdigit() else None
    fam = _fentanyl_family()
    single = len([c for c in cases if c.index > 0]) <= 1
    release_stage = title_stage(title)
    # 1. everyone named, case by case; officials anywhere in the release are officials everywhere
    scanned = []
    officials: set[str] = set()
    for case in cases:
        # a one-case release: the title belongs to the case (it may name the defendant)
        scan_text = f"{title}\n{case.text}" if single else (f"{case.heading}\n{case.text}" if case.heading and not case.text.startswith(case.heading) else case.text)
        sc = _Scanner(case.text)
        sc.scan()
        officials |= {c.key for c in sc.cands.values() if c.official}
        scanned.append((case, sc, scan_text))
    prosecutions, defendants = [], []
    n_pros = n_def = 0
    lex = lexicon()
    for case, sc, scan_text in scanned:
        sc.mark_officials(officials)
        sc.add_surnames()
        stage_default = title_stage(case.heading) if case.heading else \
            (release_stage if single else title_stage(_first_sentence(case.text)))
        people = [c for c in sc.cands.values() if not (c.official or c.victim or c.speaker)]
        strong = [c for c in people if c.evidence]
        default_subjects = strong if strong else (people if len(people) == 1 else [])
        _attribute(sc, default_subjects, year)
        found = sorted((c for c in sc.cands.values() if c.is_defendant), key=lambda c: c.first)
        if case.index == 0 and not found:
            continue  # a round-up's preamble: officials and praise
        for c in found:
            if c.stage is None:
                if len(found) == 1 and stage_default:
                    c.stage = stage_default
                elif stage_default in ("charged", "arrested", "extradited"):
                    c.stage = stage_default
                else:
                    c.stage = "other"
        if found:
            groups: dict[str, list[Candidate]] = {}
            for c in found:
                groups.setdefault(c.stage, []).append(c)
        elif stage_default and (case.heading or single):
            groups = {stage_default: []}
        else:
            continue
        case_toks = toks if (single and toks is not None) else tokens(scan_text)
        found_terms = lex.find(case_toks)
        case_drugs = _drugs_from(found_terms)
        organizations = sorted({c for _, v, c in found_terms if v == "cartel"})
        in_text = districts_in_text(case.text)
        case_districts = [d for d in in_text if d in districts] or districts or in_text
        district = case_districts[0] if case_districts else None
        statutes = json.dumps(find_statutes(case.text))
        charges = json.dumps(find_charges(scan_text, case_toks))
        drugs_json = json.dumps(case_drugs)
        orgs_json = json.dumps(organizations)
        fentanyl_case = int(any(d in fam for d in case_drugs))
        for stage, members in groups.items():
            n_pros += 1
            pid = f"{release_id}#{n_pros}"
            months = [c.sentence_months for c in members if c.sentence_months is not None]
            prosecutions.append({
                "id": pid, "press_release_id": release_id, "case_index": case.index, "action": stage,
                "district": district, "statutes": statutes, "drugs": drugs_json, "charges": charges,
                "case_title": case.heading or title, "mentions_fentanyl": fentanyl_case,
                "sentence_months": max(months) if months and stage == "sentenced" else None,
                "published": published, "year": year, "defendant_count": len(members),
            })
            for c in members:
                n_def += 1
                defendants.append({
                    "id": f"{release_id}/d{n_def}", "press_release_id": release_id, "prosecution_id": pid,
                    "name": c.name, "aka": c.aka, "age": c.age, "residence": c.residence,
                    "residence_country": c.residence_country, "nationality": c.nationality,
                    "country_code": c.country_code, "is_company": int(c.is_company), "action": stage,
                    "sentence_months": c.sentence_months if stage == "sentenced" else None,
                    "sentence_text": c.sentence_text if stage == "sentenced" else None,
                    "district": district, "published": published, "organizations": orgs_json,
                    "text_evidence": json.dumps(sorted(c.evidence)),
                })
    return Extraction(districts[0] if districts else None, districts, prosecutions, defendants)


def _first_sentence(text: str) -> str:
    spans = sentence_spans(text)
    return text[spans[0][0]:spans[0][1]] if spans else text
