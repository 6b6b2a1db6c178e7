"""Officials told apart from defendants by the words before a name: titles ('Special Agent in
Charge A', 'Lieutenant B'), but not a title held in a company or under a person ('its
director, C'; 'the pharmacy’s president, D'; 'Roe’s top lieutenant, E': roles, not offices);
or after it (', Special Agent in Charge'). And the words that hint at a victim, or at someone named with
an age who is no defendant unless a case verb of their own says so (a witness, a survivor, a relative)."""
from __future__ import annotations

import functools
import re

from .classify import tables
from .mentions import _sentence_end


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
def _titles_by_ending() -> tuple[int, dict[str, tuple[str, ...]]]:
    """(n, the titles by their last n characters, longest first as in _official_titles), n the
    shortest title's length: a text can only end with the titles of its own last n characters
    (a few, not the 160 of them)."""
    titles = _official_titles()
    n = min(map(len, titles))
    by_end: dict[str, list[str]] = {}
    for t in titles:
        by_end.setdefault(t[-n:], []).append(t)
    return n, {k: tuple(v) for k, v in by_end.items()}


def former_left(left: str) -> bool:
    """'Former Officer ' before a name: an office no longer held ('former Chief X was sentenced')."""
    return ("ormer" in left or "etired" in left) and bool(_FORMER_TITLE.search(left[-60:]))


# ('former Sheriff’s Deputy A', 'former Cape Coral Fire Department Lieutenant B')
_FORMER_TITLE = re.compile(r"\b(?:[Ff]ormer|[Rr]etired)\s+(?:[A-Z][\w.’'-]*\s+){1,6}$")


def titled_defendant(right: str, titled: bool, kind: str | None) -> bool:
    """A capitalised title before a name with an age after it ('Charged are Attorney A, 64, of Towson',
    'PCPD Officer B, 37;'): an officer named as a defendant as often as one hurt or testifying
    ('Detective C, 45, was injured'): no official, and a defendant only by a case verb of their own."""
    return kind != "held" and (titled or kind == "title") and bool(_AGED_LISTED.match(right))


_AGED_LISTED = re.compile(r"(?:,?[ \t]+(?:Jr\.|Sr\.|JR\.|SR\.|II|III|IV))?,[ \t]*(?:age[ \t]+|aged[ \t]+)?\d{1,2}[ \t]*[,.);]")


def company_left(left: str) -> bool:
    """'company President A': a company's officer, no office."""
    return bool(_COMPANY_TITLE.search(left[-60:]))


_COMPANY_TITLE = re.compile(r"\b(?:[Cc]ompany|firm|business|pharmacy|clinic|corporation)(?:[’']s)?\s+(?:[A-Z][\w.-]*\s+){1,3}$")


def official_left(left: str) -> bool:
    """Whether the words before a name make it an official's ('Assistant U.S. Attorney A')."""
    return official_left_kind(left) is not None


def official_left_kind(left: str) -> str | None:
    """official_left, saying how: 'title' (a title alone: 'Special Agent A'), 'role' (a title
    alone in lower case: 'export director B', a company's as often as an office's), 'held' (an
    office's or an agency's: 'the FBI and its Director, C', 'the Sheriff’s Lieutenant D'), or None
    (no official)."""
    w = left[-70:].replace("\n", " ").rstrip(" ,")
    if w.endswith(" the"):
        w = w[:-4].rstrip(" ,")
    if w.endswith(("Dr.", "Dr")) and (h := _HONORIFIC_END.search(w)):
        w = w[:h.start()]   # 'Summit County Medical Examiner Dr. A': the title before the honorific
    if w.endswith("."):
        if _sentence_end(w[w.rfind(" ") + 1:]):
            return None   # '..., said X, of the Department of Justice. Acme Inc. has pled': another sentence
        w = w[:-1]
    n, by_end = _titles_by_ending()
    for t in by_end.get(w[-n:], ()):
        if w.endswith(t) and (len(w) == len(t) or not w[-len(t) - 1].isalnum()):
            # a company's officer is no official: 'its director, A', 'the pharmacy’s president, B' (but an
            # agency's is: 'the FBI and its Director, C')
            before = w[:len(w) - len(t)]
            if t[:1].islower() and before.endswith(" ") and _INDEFINITE_BEFORE.search(before[-40:]):
                return None   # 'and a sales representative, A': a role, no office ('Representative A' is one)
            if ("ormer" in before or "etired" in before) and _FORMER.search(before):
                return None   # 'former Waterbury police officer A was sentenced': no office held now
            # (every match holds an apostrophe or 'its'; re.I matches a few non-ASCII letters too)
            role = _COMPANY_ROLE_BEFORE.search(before) if "’" in before or "'" in before or \
                "its" in before.lower() or not before.isascii() else None
            if role:
                return "held" if _AGENCY_BEFORE.search(w, 0, role.start()) else None
            # a person's: 'Roe’s top lieutenant, E', 'his lieutenant' (an office's or an agency's is
            # an office: 'the Sheriff’s Lieutenant F', 'the DEA’s Special Agent in Charge G')
            held = _HELD_BY.search(before) if "’" in before or "'" in before or "his" in before or \
                "her" in before or "their" in before else None   # (what every match holds)
            if not held:
                return "role" if t[:1].islower() else "title"
            return "held" if _is_office(held.group(1)) else None
    return None


_HONORIFIC_END = re.compile(r"\s+Dr\.?$")
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+(?:[a-z-]+\s+){0,2}$")
_HELD_BY = re.compile(r"(?:\b(?:his|her|their)|\b([A-Z][\w-]*)[’']s)\s+(?:[\w-]+\s+){0,3}$")
_OFFICE_WORDS = frozenset("""department office bureau administration agency service division police force patrol marshal
marshals commission government sheriff county city state court attorney district nation country army navy""".split())


def _is_office(possessor: str | None) -> bool:
    if possessor is None:
        return False
    return possessor.lower() in _OFFICE_WORDS or possessor.lower() in _official_titles() or \
        (possessor.isupper() and len(possessor) <= 5)     # 'FBI’s', 'DEA’s', 'USPIS’s'


_AGENCY_BEFORE = re.compile(r"\b(?:(?!LLC|LLP|LTD|INC|PLC)[A-Z]{2,}|Department|Office|Bureau|Administration|Agency|Service|Division|Police|"
                            r"Force|Patrol|Marshals?|Commission|Government)\s*(?:,\s*)?(?:and\s+)?$")
_COMPANY_ROLE_BEFORE = re.compile(r"(?:\b(?:its|the\s+(?:company|firm|business|pharmacy|clinic|corporation)[’']s)|"
                                  r"(?:company|firm|business|pharmacy|clinic|corporation)[’']s)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _may_name_office(right: str) -> bool:
    """Whether _patterns()["official_right"] can match ', Special Agent in Charge': after the
    comma, 'the', 'a(n)' or a capital (', 25, of' cannot)."""
    head = right[1:8].lstrip()[:1]
    return not head or head in ("t", "a") or "A" <= head <= "Z"


@functools.lru_cache(maxsize=1)
def _victim_words() -> tuple[str, ...]:
    return tuple(tables()["victim_words"])


@functools.lru_cache(maxsize=1)
def _victim_hint() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in _victim_words()), re.I)


@functools.lru_cache(maxsize=1)
def _victim_hint_lower() -> re.Pattern:
    """_victim_hint for the lower-cased ASCII view of a text (textscan._ascii_view): the same
    places, found several times faster than by a case-insensitive pattern."""
    return re.compile(b"|".join(re.escape(w.lower().encode("ascii")) for w in _victim_words()))


# ('former Waterbury police officer', 'Former Tallassee, Alabama, Assistant Police Chief': a town and its state)
_FORMER = re.compile(r"\b(?:[Ff]ormer|[Rr]etired)\b(?:[^,;.]{1,30},\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)?,)?[^,;.]{0,60}$")


# between a victim's word and a name, what makes the name someone else's: a case verb or a supplier
# ('After a customer died, agents arrested X', 'overdosed on pills bought from X')
NOT_THE_VICTIM = re.compile(r"\b(?:arrested|charged|indicted|sentenced|convicted|apprehended|extradited|detained)\b"
                             r"|\b(?:from|by)\s+$")
# what is said right after a name that makes the person no defendant unless a case verb of their own
# says otherwise: not charged, a witness, a survivor, a victim's relative
_KIN = "(?:mother|father|parent|sister|brother|son|daughter|wife|husband|widow|aunt|uncle|grandmother|grandfather|cousin|friend)"
# a person's town after the name and its age: ', of Van Buren,', ', of St. Paul,', ', from Tulsa, Oklahoma,'
TOWN_AFTER = r"(?:\s*(?:of|from)\s+(?:(?:St|Ft|Mt)\.\s+)?[A-Z][^,;.]{1,30},(?:\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,)?)"
BYSTANDER_RIGHT = re.compile(
    # (the age and the town taken whole when there, never tried again without them: no branch below opens
    # with a comma or 'of', so that never changes what matches, and it halves the cost of a miss)
    rf"(?>(?:\s*,\s*(?:age\s+)?\d{{1,2}}\s*,?)?)(?>{TOWN_AFTER}?)"
    r"(?:\s*,?\s*who\s+[^,;.]{1,140},|\s*(?:a|an)\s+[^,;.]{1,60},)?\s*(?:"   # ('X, 29, who drove her to the meeting, testified', 'X, 44, a doctor, also was killed')
    r"(?:also\s+)?(?:was|were|had\s+been|has\s+been)\s+(?:also\s+)?(?:killed|wounded|injured|shot|stabbed|murdered)\b|"
    r"(?:who\s+)?(?:[^,;.]{1,60}?\s+and\s+)?(?:was|were|is|are|has|have)\s+(?:also\s+)?(?:not\s+(?:been\s+)?|never\s+(?:been\s+)?)(?:charged|arrested|indicted|prosecuted)\b"
    r"|(?:who\s+)?(?:later\s+)?(?:testified|survived|(?:had\s+)?overdosed)\b|(?:who\s+)?addressed\s+the\s+court\b|told\s+the\s+(?:court|judge|jury)\b|told\s+(?:investigators|agents|officers|police|detectives)\b"
    r"|spoke\s+(?:at|during)\s+the\s+(?:sentencing|hearing)\b|unresponsive\b|unconscious\b"
    r"|(?:found|discovered)\s+(?:[A-Z][\w’'-]+\s+){1,3}(?:unresponsive|unconscious|dead)\b"
    r"|(?:who\s+)?(?:was|were)\s+(?:found\s+)?(?:unresponsive|unconscious|hospitalized|revived|resuscitated)\b"
    rf"|(?:the\s+)?(?:victim|decedent)[’']s\s+{_KIN}\b"
    rf"|(?:the\s+)?{_KIN}\s+of\s+(?:the\s+|a\s+)?(?:victim|decedent)\b)")
UNCHARGED_LEFT = re.compile(r"\b[Uu]nindicted\s+co-?conspirators?\s*(?:\(\w+\)\s*)?,?\s*(?:named\s+|identified\s+as\s+)?$"
                             r"|\b(?:revived|resuscitated)\s+$"   # ('firefighters revived X, 46, who had overdosed')
                             r"|\b(?:speakers|panelists|presenters)\s+(?:was|were|included)\s+$")   # ('Among the speakers was X, 52')
# named under a label that makes no defendant: 'Two passengers, A, 19, and B, 22,', 'Two of those
# customers, A, 24, and B, 20, told agents' (a defendant only by a case verb of their own)
_LABEL_BEFORE = re.compile(r"\b(?:passengers?|customers?|buyers?|purchasers?|occupants?|bystanders?|witnesses),\s+"
                           r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3},\s*\d{1,2},\s+and\s+)?$", re.I)


def bystander(right: str, line_left: str) -> bool:
    """Whether the words after a name (or a label before it) make the person no defendant unless a
    case verb of their own says otherwise."""
    tail = line_left[-40:]
    return bool(BYSTANDER_RIGHT.match(right) or (("ndicted" in tail or "s w" in tail or "s i" in tail or tail.endswith(("revived ", "resuscitated ")))
                                                  and UNCHARGED_LEFT.search(tail)) or
                (tail.endswith(("found ", "discovered ")) and _FOUND_STATE.match(right)) or
                (tail.endswith(", ") and (k := _KIN_BEFORE.search(tail)) is not None and
                 not _co_defendant_list(line_left[:len(line_left) - len(tail) + k.start()].rstrip())) or
                (tail.endswith((", ", "and ")) and _LABEL_BEFORE.search(line_left[-90:]) is not None))


# (what a list of co-defendants has before 'her husband,': 'A, 38, and', 'A, 38,'; never an opening
# phrase: 'At today’s sentencing, Roe’s father, X, told the court')
_IN_A_LIST = re.compile(r"(?:\band|\bas\s+well\s+as|\d[^,]{0,30},)$")
_KIN_LIST = re.compile(rf"\b{_KIN},\s+[A-Z][^,]{{1,40}},\s+and$")   # ('Roe’s mother, X, and his father, Y')


def _co_defendant_list(before: str) -> bool:
    """What is written before a relative's label ('her husband, B') makes it one more name of a list
    of co-defendants ('A, 38, and her husband, B'), not of a list of kin ('Roe’s mother, X, and his father, Y')."""
    return _IN_A_LIST.search(before) is not None and _KIN_LIST.search(before) is None
# 'Her mother, X, 48,', 'by her sister, X, 23,': a relative or a friend introduced as one (of a victim,
# in the releases that name them), not in a list of co-defendants ('A, 38, and her husband, B, 41, both of')
NAME_POSSESSIVE = r"[A-Z][\w-]+(?:[’']s|(?<=s)[’'])"   # ('Roe’s', 'Hutchins’')
_KIN_BEFORE = re.compile(rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|{NAME_POSSESSIVE})\s+(?:step|grand|older\s+|younger\s+)?"
                         rf"(?:{_KIN}|girlfriend|boyfriend|fiancée?|roommate),\s+$")   # ('Roe’s grandmother, X, 74,')
# 'She found X, 27, of Y, on the restroom floor, not breathing': someone found overdosed
_FOUND_STATE = re.compile(r"[^.;]{0,100}?\b(?:not\s+breathing|unresponsive|unconscious|dead|overdosing|overdosed)\b")


# a list of the dead, item after item: 'Others who died included A, 9, …; B, 52, a businessman …; C, 47, …'
_VICTIM_LIST = re.compile(r"\b(?:died|killed|victims|dead)\s+(?:included|include|were|are)\b[^.]*;\s*(?:and\s+)?$")


def in_victim_list(text: str, at: int) -> bool:
    """Whether the name at `at`, after a semicolon, is an item of a list of the dead its sentence opened."""
    lo = max(0, at - 1500)   # (bounded: a release of thousands of items stays linear)
    start = max(text.rfind(". ", lo, at), text.rfind("\n", lo, at), lo - 1) + 1
    window = text[start:at]
    if "die" not in window and "dead" not in window and "kill" not in window and "victim" not in window:
        return False
    return _VICTIM_LIST.search(text, start, at) is not None
