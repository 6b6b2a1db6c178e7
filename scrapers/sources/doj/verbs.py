"""The case verbs of DOJ prose, as searched for: each stem ('sentenced', 'pleaded … guilty', 'taken
into custody'), the stage it tells and the kind of context that decides whose it is
(events._events_in reads the context)."""
from __future__ import annotations

import re

_STEMS = [
    ("sentenced", "sentenced", "be"),
    ("resentenced", "sentenced", "be"),
    ("convicted", "convicted", "be"),
    ("convicted", "convicted", "court"),
    ("found guilty", "convicted", "be"),
    ("found", "convicted", "court"),
    ("finding", "convicted", "court"),   # 'the jury deliberated … before finding A, B and C guilty'
    # 'X was acquitted', 'the jury acquitted X', 'X was found not guilty' (a verdict of the release's:
    # the person is no longer charged with it; a conviction on another count ranks above it)
    ("acquitted", "acquitted", "be"),
    ("acquitted", "acquitted", "court"),
    ("found not guilty", "acquitted", "be"),
    ("guilty", "pleaded_guilty", "guilty"),
    ("extradited", "extradited", "be"),
    ("extradition of", "extradited", "right"),
    ("extradition", "extradited", "after"),         # 'X was arraigned today following his extradition from Poland'
    ("arrested", "arrested", "be"),
    ("apprehended", "arrested", "be"),
    ("detained", "arrested", "be"),
    ("arrest of", "arrested", "right"),
    ("arrest", "arrested", "possessive"),
    ("arrests", "arrested", "possessive"),
    ("sentence on", "sentenced", "right"),
    ("sentences on", "sentenced", "right"),
    ("against", "charged", "against"),
    ("taken into", "arrested", "custody"),
    ("surrendered", "arrested", "surrender"),
    ("turned himself", "arrested", "surrender"),     # 'turned himself in (to the FBI)'
    ("turned herself", "arrested", "surrender"),
    ("charged", "charged", "be"),
    ("indicted", "charged", "be"),
    ("charges", "charged", "right"),
    ("charging", "charged", "right"),
    ("convicting", "convicted", "right"),
    ("ordered", "sentenced", "order"),
    ("received", "sentenced", "received"),
    ("handed", "sentenced", "received"),            # 'X was handed a 10-year sentence'
    ("handed down", "sentenced", "down"),           # 'a sentence of 97 months was handed down ... to X'
    ("took", "arrested", "took"),                   # 'agents took both men into custody'
    ("will serve", "sentenced", "received"),        # 'X will serve 46 months' (not 'if convicted, X will serve')
    ("will spend", "sentenced", "received"),        # 'X will spend a decade in federal prison'
    ("arraigned", "charged", "be"),
    # 'X is scheduled for trial in September', 'A and B are awaiting trial': charged, not yet tried
    *((stem, "charged", "be") for stem in ("scheduled for trial", "set for trial", "awaiting trial",
                                            "scheduled to stand trial", "set to stand trial", "expected to stand trial")),
    # 'X and Y are awaiting sentencing', 'X is scheduled to be sentenced in May': found guilty, most by a plea (a
    # verdict the release tells is further and wins)
    *((stem, "pleaded_guilty", "be") for stem in ("awaiting sentencing", "scheduled to be sentenced", "set to be sentenced")),
    ("receives", "sentenced", "received"),
    ("imposed", "sentenced", "judge"),             # 'Judge X imposed 240 months on … and a consecutive 60 months'
    ("transferred", "extradited", "transfer"),      # 'were transferred today from Mexico to the United States'
    ("expelled", "extradited", "transfer"),
    ("mistrial", "charged", "mistrial"),            # 'declared a mistrial as to X': the charges stand
    # 'the charges against X were dismissed', 'dismissed the indictment against X' (all of them: never 'the
    # remaining counts will be dismissed', a plea agreement's)
    ("dismissed", "dismissed", "dismissed"),
    ("placed on", "sentenced", "probation"),
    # 'X LLC and its owner, Y, entered their pleas before Judge Z to conspiracy …' (a plea to a charge: guilty)
    *((f"entered {obj}", "pleaded_guilty", "entered") for obj in ("their pleas", "his plea", "her plea", "its plea", "a plea")),
    ("names", "charged", "names"),                  # 'The 28-count indictment names X; its owner, Y; and …'
    ("admitted", "pleaded_guilty", "admit"),         # 'X admitted to one count of …' (ADMIT_COUNT)        # 'X, Inc. … was placed on three years of probation'
    # 'A and B remain detained pending trial', 'X remains in federal custody' (held: arrested)
    *((f"{verb} {where}", "arrested", "held") for verb in ("remain", "remains")
      for where in ("detained", "in custody", "in federal custody")),
    # 'Eleven of the defendants are in custody', 'X is in federal custody', 'Two others, A and B, were already in custody'
    *((f"{verb} {already}{where}", "arrested", "held") for verb in ("is", "are", "was", "were")
      for already in ("", "already ") for where in ("in custody", "in federal custody", "in state custody")),
    # 'X has been held in the custody of the Davidson County Sheriff’s Office since October on pending state charges',
    # 'X is being held in state custody' (in custody on other charges: arrested; never 'held in contempt')
    ("held in", "arrested", "held_in"),
    # 'A, B and C were named in a four-count indictment returned in September' (charged)
    ("named in", "charged", "named_in"),
]

# _STEMS by the word searched for ('sentence' also finds 'sentenced', 'resentenced' and 'sentences
# on', 'charg' all of 'charged', 'charges', 'charging'): (word, [(stem, where the word is in it,
# stage, kind)]). One search a word: the fewer words, the fewer passes over the text.
_SEARCH_WORDS = ("sentence", "convict", "found", "acquit", "guilty", "extradit", "arrest", "apprehended", "handed", "arraigned", "will serve", "will spend", "took",
                 "detained", "taken into", "surrender", "turned", "charg", "indicted", "against", "ordered", "receive",
                 "transferred", "expelled", "mistrial", "dismissed", "placed on", "remain", "in custody", "admitted", "finding",
                 "in federal custody", "in state custody", "trial", "awaiting sentencing", "entered", "names", "imposed",
                 "held in", "named in")


def _stem_searches() -> list[tuple[bytes, str, list[tuple[bytes, int, str, str]]]]:
    groups: dict[str, list] = {w: [] for w in _SEARCH_WORDS}
    for stem, stage, kind in _STEMS:
        word = next(w for w in _SEARCH_WORDS if w in stem)
        groups[word].append((stem.encode(), stem.index(word), stage, kind))
    return [(w.encode(), w.split()[0], g) for w, g in groups.items() if g]


_STEM_SEARCHES = _stem_searches()
VERB_WORDS = tuple(word for _, word, _ in _STEM_SEARCHES)   # (letters: as inside a token)


# -- contexts read with some stems (events._events_in) --------------------------------------------
# what was dismissed: a person's whole case ('the charges against X were', 'X’s indictment was', 'dismissed
# all charges against X'), never some counts
_WHOLE_CASE = (r"(?:(?:all\s+)?(?:the\s+)?(?:federal\s+|criminal\s+|pending\s+)?(?<![Ss]tate\s)(?<![Ll]ocal\s)(?<![Cc]ounty\s)"
               r"(?<![Tt]ribal\s)(?<![Pp]revious\s)(?<![Pp]rior\s)(?<![Ee]arlier\s)(?:charges|indictment|complaint|case))")   # (a state case dropped for a federal one: no)
DISMISSED_LEFT = re.compile(rf"\b(?:{_WHOLE_CASE}\s+against\s+[^.;:]{{1,60}}?|[’']s?\s+{_WHOLE_CASE})\s+$", re.I)
DISMISSED_RIGHT = re.compile(rf"\s+{_WHOLE_CASE}\s+against\s+(?=[A-Z])")
# the charging document before 'names' ('The 28-count indictment names X', 'the complaint also names')
DOCUMENT_NAMES = re.compile(r"\b(?:indictment|complaint|information)(?:,\s+(?:returned|filed|unsealed)\b[^,;.]{0,60},)?\s+(?:also\s+)?$",
                            re.I)   # ('The indictment, returned on August 11 and unsealed Tuesday, names')
# a plea entered to a charge ('entered their pleas before U.S. District Judge A. B to conspiracy'; never 'of not guilty')
ENTERED_TO = re.compile(r"(?:\s+(?:today|yesterday|on\s+\w+(?:\s+\d{1,2})?))?(?:\s+before\s+[^;:]{1,90}?)?\s+to\s+(?!be\b|a\s+trial\b)")
# 'changed her plea to guilty', 'changed his plea from not guilty to guilty'
LEFT_CHANGED = re.compile(r"\b(?:changed|changes|change|changing)\s+(?:his\s+|her\s+|their\s+|the\s+)?pleas?\s+"
                          r"(?:from\s+not\s+guilty\s+)?to\s+$")
PLEA_TO_COME_CHANGE = re.compile(r"\b(?:(?:agreed|agrees|expected|expects|intends|plans|scheduled|set|going|motion)\s+to|will|would|"
                                 r"could|may)\s+$", re.I)   # 'is expected to change his plea to guilty'
# held as a prisoner of another case: 'who is in federal custody serving a sentence imposed in an
# earlier case' (no arrest in this one; held on another warrant is custody all the same: arrested)
HELD_OTHERWISE = re.compile(r"\s+serving\b")
# 'admitted to one count of …', 'admitted to two felony counts', 'admitted guilt': a plea (not 'admitted that he sold')
ADMIT_COUNT = re.compile(r"\s+(?:to\s+)?(?:(?:one|a|two|three|four|five|six|\d+)\s+(?:felony\s+|misdemeanor\s+)?counts?|"
                         r"(?:his\s+|her\s+|their\s+)?guilt)\b")
# a relative clause holding an earlier name ('A man who was with X during a sale, Y, 29, has been charged': Y)
IN_RELATIVE = re.compile(r"\b[Aa]n?\s+(?:[\w-]+\s+){0,3}?(?:who|that)\s+[^,;.]{1,60}$")
# an extradition told by its noun, done: 'following (his) extradition from Poland' (not 'fighting his extradition')
LEFT_AFTER = re.compile(r"\b(?:[Ff]ollowing|after|[Aa]fter|upon|[Uu]pon)\s+(?:his\s+|her\s+|their\s+)?$")
FROM_PLACE = re.compile(r"\s+from\s+(?:the\s+)?[A-Z]")
# said of the release's own day or week ('and was sentenced today', '… on Tuesday'): never history
RECENT = re.compile(r"\b(?:today|yesterday|this\s+week|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
_APPROX = re.compile(r"\b(?:nearly|almost|more\s+than|over|approximately|about|roughly|just\s+under)\s+$")


_RESENTENCED = re.compile(r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?resentenced\b")


def term_when(text: str, e_start: int, e_end: int, s_end: int, year: int | None = None) -> str:
    """'recent' when a sentencing verb is said of the release's day or week (or of a date in the
    release's `year`: 'was sentenced on January 17, 2024'), 'dated' when another year stands in its
    clause ('was convicted in 2016 … and was sentenced to 100 months'), else ''."""
    lo, hi = max(0, e_start - 160), min(s_end, e_end + 80)
    lo = max(lo, text.rfind(". ", lo, e_start) + 1, text.rfind("\n", lo, e_start) + 1)   # (its own sentence)
    digit = _DIGIT.search(text, e_end, hi)   # (the term's number: '~' when it is said to be about that)
    approx = "~" if digit and _APPROX.search(text, max(e_end, digit.start() - 20), digit.start()) else ""
    if RECENT.search(text, max(lo, e_start - 40), hi) or _RESENTENCED.match(text, e_start, e_end + 1):
        return "recent" + approx   # (a resentencing replaces the term: 'was resentenced to 188 months')
    years = [int(y) for y in _YEAR.findall(text, lo, hi)]
    if years and year is not None and max(years) >= year:
        return "recent" + approx
    return ("dated" if years else "") + approx


def term_wins(when: str, months: float | None, label: str, cand) -> bool:
    """Whether a term replaces the one `cand` has: today's over one dated years back ('sentenced
    today to 30 months' / 'was convicted in 2016 … and was sentenced to 100 months'), an exact one
    over one said roughly ('nearly 22 years' / '262 months'), else the longer."""
    new, old = when.rstrip("~"), cand.term_when.rstrip("~")
    if {new, old} == {"recent", "dated"}:
        return new == "recent"
    if cand.sentence_months is not None and when.endswith("~") != cand.term_when.endswith("~"):
        return cand.term_when.endswith("~")
    return cand.sentence_months is None or (months or 0) > cand.sentence_months or label == "life in prison"
ORIGINALLY = re.compile(r"\b(?:originally|initially)\s+$")   # 'was originally sentenced to 300 months'
# a record, not this case's verdict: 'after having been convicted of a felony', 'Jones, having previously been
# convicted', 'Mack had previously been convicted of felony offenses'
HAVING_BEEN = re.compile(r"\b(?:having\s+(?:previously\s+|already\s+)?|(?:had|has)\s+(?:previously|already)\s+)been\s+$")
