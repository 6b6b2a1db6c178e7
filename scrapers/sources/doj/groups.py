"""Who is grouped with whom in a DOJ sentence: names conjoined with their appositives ('A, 29,
of X, and B, 31,'), a company and its staff ('Acme Co., Ltd. (Acme), a chemical company based
in X, and two of its employees, A and B'), the words that only describe an object ('charging
India-based companies X'), plural descriptions of the defendants ('Four Syracuse men')."""
from __future__ import annotations

import functools
import re

from ...countries import country_of_demonym
from .cues import EMPLOYEE_ROLES
from .districts import geo
from .people import Candidate, Mention, _Scanner
from .terms import _number
from .textscan import _US_STATE_ABBR


# the appositive of a name before 'and': ', 29, of Nampa, Idaho,', ', 33, all of Providence;' (a town and maybe its state, named: a
# second name in a list is not a state), ', a Mexican national,'
@functools.lru_cache(maxsize=1)
def _appositive() -> re.Pattern:
    states = sorted(geo()["state_names"] | _US_STATE_ABBR, key=len, reverse=True)
    state = "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in states) + ")"
    return re.compile(r"^\s*(?:\([^()]{1,60}\)(?=\s*(?:,|and\b|&)))?\s*,?\s*(?:(?:age\s+|aged\s+)?\d{1,2}\s*[,;])?(?:\s*(?:(?:all|both|each)\s+)?(?:of|from)\s+[^,;]{1,60}[,;](?:\s*(?:" + state + r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*[,;]){0,2})?(?:\s*(?:a|an|both|all|each)\s+[^,;]{1,60}(?:nationals?|company|firm|business|manufacturer|supplier|residents?|citizens?|store|shop|pharmacy|clinic|dealership|exporter|distributor|wholesaler|retailer)(?:\s+who\s+(?:lives|lived|resides|resided)\s+in\s+[^,;]{1,40})?(?:\s+(?:based|headquartered|located)\s+in\s+[^,;]{1,40})?[,;]|"
                      # a role and the person's town: ', 38, a nurse practitioner from Maryville;'
                      r"\s*(?:a|an)\s+[a-z][a-z’'\s-]{0,40}?\s+(?:of|from|in)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s*[,;]|"
                      # a role in lower case: ', the company's owner,', ', a sales manager,'
                      # (or someone's: ', Efraín’s sister,')
                      # (or with an age, before the next name too: ', a 62-year old physician assistant, B,')
                      r"\s*(?:a|an|the|his|her|its|their|both|all|each|[A-Z][\w-]*[’']s)\s+[a-z][a-z’'\s-]{0,40},(?=\s*(?:and|&)\s)|"
                      # (a longer description opened by an article, before ', and' and the next name: ', a 56-year-old
                      # naturalized U.S. citizen holding both Iranian and U.S. passports, and B')
                      r"\s*(?:a|an|the)\s+[^,;()]{1,100},(?=\s*(?:and|&)\s)|"
                      r"\s*an?\s+\d{1,2}-year[- ]old\s+[a-z][a-z’'\s-]{0,40},(?=\s*(?:(?:and|&)\s|$)))?")
# an item of a list split by semicolons: its appositive, with no clause of its own, then ';' ('It charges A Co., Ltd.
# (A), a chemical company based in Wuhan, China; B, also known as “C,” 34, a sales representative; D LLC, a freight
# forwarder in Edison, New Jersey; and E, 49')
_SEMICOLON_ITEM = re.compile(r"(?!.*\b(?:who|whom|whose|which|that|was|were|is|are|has|have|had|to|months?|years?|served)\b)"
                             r"\s*(?:\([^()]{1,60}\))?\s*,[^;()]{1,120};\s*(?:and\s+)?")
_BARE_NICKNAME = re.compile(r"\s*,?\s*[A-Z][\w-]*(?=\s*,)")
_TOWN_BEFORE = re.compile(r"\s*,\s*(?:(?:age\s+|aged\s+)?\d{1,2}\s*,\s*)?(?:(?:all|both)\s+)?(?:of|from)\s+")
_SUFFIX_AFTER = re.compile(r"^\s*,?\s*(?:Jr\.|Sr\.|II|III|IV)(?=\s*,)")
_CONJ = re.compile(r"\s*(?:,|;)?\s*(?:and|&|as\s+well\s+as|along\s+with|together\s+with)?\s*")
_AKA_PHRASE = re.compile(r"\s*,?\s*\(?\b(?:(?:who\s+(?:was|is)\s+)?(?:also\s+)?known\s+as|a/k/a|aka|a\.k\.a\.),?\s*(?:(?:[“\"][^”\"]{1,60}[”\"]\s*(?:,|and|or)?\s*)+|"
                         r"(?-i:[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2}))\)?", re.I)   # (or one alias bare: ', aka Flaco,')
_GENERIC = re.compile(r"\b(?:man|woman|men|women|national|nationals|resident|residents|teen|teens|teenager|teenagers|individuals|people|persons|defendants|brothers|sisters|couple|pair|duo|citizens?"
                      r"|leaders|members|associates|traffickers)\b", re.I)
_FORMER_OFFICER = re.compile(r"\s+(?:a\s+|the\s+)?former\s+(?:[A-Z][\w.’'-]*\s+){0,6}(?:police\s+|correctional\s+|corrections\s+)?"
                             r"(?:detective|officer|deputy|trooper|sergeant|agent|guard|nurse|employee|paramedic|pharmacist)\s+")
PART_OF_PARENT = re.compile(r"\b(?:subsidiary|affiliate|division|unit|branch)\s+of\s+(?:the\s+)?$")
_BOTH = re.compile(r"\b[Bb]oth\b")
_AND_PERSON = re.compile(r" and (?:(?:an?|the|his|her|their|another)\s+(?:[\w.,’'-]+\s+){0,4}?)?(?:man|woman|national|resident|teen|teenager|"
                         r"citizen|son|daughter|father|mother|husband|wife|brother|sister|boyfriend|girlfriend|partner|"
                         r"cousin|nephew|niece|uncle|aunt|co-?defendants?|[A-Z][\w’'-]*)\b")
_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b", re.I)


_DESCRIPTOR_WORDS = frozenset("""company companies firm firms entity entities defendant defendants co-defendant
co-defendants codefendant codefendants national nationals citizen citizens man men woman women brothers sisters former
alleged reputed accused leader leaders member members chemical pharmaceutical manufacturing trading drug gang cartel
executive executives employee employees his her their its girlfriend boyfriend wife husband brother sister son
daughter father mother cousin nephew niece uncle aunt partner fiancee fiance associate co-conspirator a an the
manufacturer manufacturers supplier suppliers distributor distributors vendor vendors exporter exporters pharmacy
pharmacies clinic clinics laboratory laboratories biotechnology biotech second third fourth fifth sixth another
person dr. dr physician doctor pharmacist nurse president vice ceo cfo coo owner co-owner founder co-founder chairman
chairwoman practitioner assistant technician manager receptionist secretary bookkeeper accountant worker driver
courier practitioners physicians doctors pharmacists nurses technicians managers drivers couriers owners assistants
workers officer officers deputy deputies detective detectives sergeant sgt. trooper troopers corporal guard guards jailer
paramedic sales logistics marketing shipping export import purchasing operations general senior account accounts
finance financial legal technical production plant""".split())   # ('convicted Dr. X', '; and company President X', 'and nurse practitioner X', 'and nurse practitioners A and B',
#                         'Charged are Officer X, age 32, …': an officer named right after a case verb is its object;
#                         'charges X Co., Ltd. (X), sales manager A and logistics employee B': a job before a name)
# 'and two of its employees, A and B', 'its executives A, B and C', 'the company's owner, A', 'its owner and pharmacist, A'
_ROLE_PHRASE = re.compile(
    r"(?:and\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2})\s+of\s+)?"
    r"(?:its|their|his|her|an?|the\s+(?:company|firm|business|pharmacy|clinic|corporation)[’']s|[A-Z][\w-]+[’']s)\s+"
    r"(?:[a-z-]+\s+){0,2}?"   # ('a sales representative', 'Tengrui’s sales manager')
    r"(?:employees?|executives?|officers?|owners?|co-owners?|directors?|managers?|(?:vice\s+)?president|ceo|cfo|coo|"
    r"affiliates?|subsidiary|subsidiaries|"
    r"chief\s+executive(?:\s+officer)?|founders?|co-founders?|chairman|chairwoman|representatives?|principals?|"
    r"operators?|pharmacists?|partners?|salesm[ae]n|supervisors?|agents?|"
    r"leaders?|lieutenants?|associates?|couriers?|co-conspirators?|suppliers?|distributors?|enforcers?)(?:\s+and\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)?\s*,?", re.I)


_PLACE_PEOPLE = frozenset("resident residents man men woman women native natives".split())


_COUNT_INCLUDING = re.compile(r"\s+(?:\w+\s+){0,2}?(?:defendants|individuals|people|persons|men|women|others)"
                              r"(?:\s+in\s+addition\s+to\s+[^,;]{1,60})?\s*,?\s+"   # ('nine defendants in addition to X, including')
                              r"including\s+(?:(?:the|his|her|their)\s+[^,;]{1,60},\s+)?")


_OWNED_BUSINESS = re.compile(r"\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?(?:company|pharmacy|clinic|business|firm|"
                             r"store|shop|corporation)\s+(?:(?:that|which)\s+)?(?:he|she|they)\s+(?:co-)?own(?:s|ed)?\s*,\s+")


_A_BUSINESS = re.compile(r"\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:individuals|people|persons|"
                         r"defendants|men|women)\s+and\s+)?"   # ('charging five individuals and an Ogden-based trucking company, X LLC')
                         r"(?:a|an)\s+(?:[\w&-]+\s+){0,3}?(?:company|pharmacy|clinic|business|firm|store|shop|"
                         r"corporation|dealership|exporter|manufacturer|distributor|wholesaler)\s*,\s+")


def describes(between: str) -> bool:
    """The words between a verb and its object only describe it: '' (charges X), 'India-based
    companies' (charging India-based companies X), 'Chinese nationals', 'co-defendant'."""
    if not between.strip():
        return True
    if not between[:1].isspace() or not between[-1:].isspace():
        return False
    if "including" in between and len(between) <= 120 and _COUNT_INCLUDING.fullmatch(between):
        return True   # 'charges seven defendants, including X, Y and Z' (some of the seven: refs.Part;
        # a role before the first: 'including the alleged leader of the Dallas cell, X')
    if len(between) > 60:
        return False
    if ("its" in between or "their" in between or "’s" in between or "'s" in between or "his" in between or
            "her" in between or " a " in between or " an " in between) and _ROLE_PHRASE.fullmatch(between.strip()):
        return True
    if "former" in between and _FORMER_OFFICER.fullmatch(between):
        return True   # 'sentenced former Baltimore County Police Department detective X'
    if " own" in between and _OWNED_BUSINESS.fullmatch(between):
        return True   # 'A, 61, and the pharmacy he owns, B LLC, pleaded guilty'
    if "," in between and _A_BUSINESS.fullmatch(between):
        return True   # 'convicted a Denver smoke shop, X LLC, and its owner'
    words = between.split()
    if words[-1].lower() in _PLACE_PEOPLE and all(w[:1].isupper() or w.lower() in _DESCRIPTOR_WORDS for w in words[:-1]):
        return True   # 'convicted Staten Island residents A and B', 'sentenced Cleveland man C'
    for w in words:
        low = w.lower().strip(",")
        if low in _DESCRIPTOR_WORDS or low.endswith(("-based", "-year-old")):
            continue
        if w[:1].isupper() and country_of_demonym(w) is not None:
            continue
        return False
    return True


# a counted plural description: 'Two Savannah men', 'three Bronx residents'
_COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w.'’-]+\s+){0,2}?(?:men|women|nationals|"
                      r"residents|teens|teenagers|individuals|people|persons|defendants|brothers|sisters|citizens|"
                      r"leaders|members|associates|traffickers)\b", re.I)


def other_count(before: str, n: int) -> bool:
    """The sentence counts a described group other than the release's `n` defendants ('Two Savannah
    men face decades in prison after a jury convicted them', three defendants named later)."""
    m = _COUNTED.search(before)
    return m is not None and int(_number(m.group(1)) or 0) != n


def generic_group(before: str, n: int) -> bool:
    """The subject is a plural description of the release's defendants: 'Four Syracuse men',
    'A Dominican national and a Lawrence man' -- as many as the release names."""
    if not _GENERIC.search(before):
        return False
    m = _COUNT.search(before)
    if m:
        return int(_number(m.group(1)) or 0) == n
    # ('A Dominican national and a Lawrence man': two descriptions; never 'A Mexican national who directed
    # shipments of heroin and fentanyl' -- one person, an 'and' inside the description)
    return n == 2 and ((before.count(" and ") == 1 and _AND_PERSON.search(before) is not None) or
                       _BOTH.search(before) is not None)   # ('Both defendants appeared … and were ordered detained')


_ROLE_AT = re.compile(rf"\s*(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{EMPLOYEE_ROLES}|ceo)\s+(?:of|at|for)\s+")


def conjoined(scanner: _Scanner, pool: list[Mention], first: Mention, forward: bool) -> list[Candidate]:
    """A mention and the ones conjoined with it ('A, 29, of X, and B, 31,')."""
    out = [first.candidate]
    i = pool.index(first)
    last_end = first.end
    for m in pool[i + 1:]:
        between = scanner.text[last_end:m.start]
        if m.candidate in out and between.strip() in ("(", "(“", "(\"") and \
                (close := next((len(c) for c in (")", "”)", "\")") if scanner.text.startswith(c, m.end)), 0)):
            last_end = m.end + close   # 'Acme Chemical Co., Ltd. (Acme Chemical)', '… (“Acme”)': its short form
            continue
        if m.candidate in out and m.candidate.is_company and ";" not in between and \
                scanner.text.endswith((" a ", " an ", " the "), 0, m.start):
            continue   # a company of the list named again inside the next one's appositive ('B, 34, a Qiyuan sales representative;')
        if between.startswith(" (") and out[-1].is_company and (close := between.find(")", 2, 44)) > 0:
            between = between[close + 1:]   # 'A Co., Ltd. (Lutai); B Co., Ltd.': A's short form, one word (no name)
        if "of" in between and PART_OF_PARENT.search(between):
            break   # 'BNP Paribas USA, Inc. (BNPP USA), a subsidiary of BNP Paribas S.A., pleaded guilty': the parent is no one of them
        if _TOWN_BEFORE.fullmatch(between):
            continue   # 'A, 22, of Chula Vista, and B': the town of the name before (read as a name), not a person
        # allow the appositive of the previous name (", 29, of Nampa,") before "and"; its suffix (", Sr.,")
        stripped = _appositive().sub("", _AKA_PHRASE.sub("", between) if "k" in between else between)
        stripped = _SUFFIX_AFTER.sub("", stripped) if "r." in stripped or "I" in stripped else stripped
        nick = _BARE_NICKNAME.match(stripped)
        if nick and any(c.aka for c in out):
            stripped = stripped[nick.end():]   # 'A, aka Magic, B, Spyro, C': B's alias, its 'aka' left out
        if m.candidate.is_company and len(between) < 120 and _ROLE_AT.fullmatch(stripped):
            last_end = m.end   # 'C, 61, the owner of Acme LLC, and D': the company C's role names, no one of the list
            continue
        if stripped.endswith(("Dr. ", "Dr.")):
            stripped = stripped[:stripped.rfind("Dr.")]   # ('X LLC; its medical director, Dr. Y, 63;': the title)
        conj = _CONJ.match(stripped)
        if (len(between) < 120 and (conj.end() == len(stripped) or describes(" " + stripped[conj.end():]))) or \
                (";" in between and len(between) < 160 and _SEMICOLON_ITEM.fullmatch(between)):
            if m.candidate not in out:
                out.append(m.candidate)
            last_end = m.end
        else:
            break
    return out


def group_before_verb(scanner: _Scanner, clause: list[Mention]) -> tuple[Mention, list[Candidate]] | None:
    """The names conjoined right before a plural verb, when the clause's first name is not one of
    them ('... sent by A to the Trustee.A and B were arrested': A and B). (The last few only.)"""
    for m in clause[-8:]:
        if _ALIAS_BEFORE.search(scanner.text, max(0, m.start - 12), m.start):
            continue   # 'Roe, 42, aka Baby Huey; and Doe were': an alias opens no group
        grp = conjoined(scanner, clause, m, forward=True)
        if clause[-1].candidate in grp and len(grp) > 1:
            return m, grp
    return None


_ALIAS_BEFORE = re.compile(r"\b(?:aka|a/k/a|a\.k\.a\.|known\s+as)\s+$", re.I)


# 'The nurse practitioner was sentenced in October' after 'The physician's nurse practitioner, Bradley
# Kent Ostrander,': the one person the release named with that role right before or after the name
_THE_ROLE = re.compile(r"(?:^|[^\w’'])[Tt]he\s+((?:former\s+)?[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s*$")
_KIN_ROLE = re.compile(r"(?:(?:^|[.;]\s+|\n)\s*(?:His|Her|Their)|\s(?:and|while)\s+(?:his|her|their))\s+(son|daughter|father|mother|brother|sister|wife|husband|nephew|niece|"
                       r"cousin|uncle|aunt|stepson|stepfather|girlfriend|boyfriend)\s*$")
_NOT_ROLES = frozenset("""defendant defendants court jury government judge indictment complaint information case cases
investigation agency office department prosecution prosecutors sentence plea trial charges same other two three both""".split())


def role_reference(text: str, mentions: list[Mention], before: str) -> list[Candidate] | None:
    """The person a role names as a clause's subject ('The nurse practitioner'), when exactly one
    person was introduced with that role ('nurse practitioner, X' / 'X, a nurse practitioner')."""
    m = _THE_ROLE.search(before[-80:]) if "he " in before[-80:] else None
    if m is None:
        m = _KIN_ROLE.search(before[-40:])   # 'His son pleaded guilty' ('Villaseñor and his son, X, 29,')
    if not m or _NOT_ROLES.intersection(m.group(1).split()):
        return None
    role = re.escape(m.group(1))
    before_name = re.compile(rf"\b{role}[’']?,?\s+$")
    after_name = re.compile(rf",\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+)?{role}\b")
    found: dict[int, Candidate] = {}
    for x in mentions:
        if x.candidate.is_company:
            continue
        if before_name.search(text[max(0, x.start - len(role) - 6):x.start]) or \
                after_name.match(text[x.end:x.end + len(role) + 30]):
            found[id(x.candidate)] = x.candidate
    return list(found.values()) if len(found) == 1 else None


# -- a company named as someone's employer: 'A former executive at Acme Inc. was sentenced', 'A former
# Acme Inc. employee has been arrested' (the person is the subject, never the company)
_EMPLOYER_LEFT = re.compile(r"\b(?:executive|employee|manager|officer|director|engineer|worker|accountant|salesman|"
                            r"president|owner|founder|consultant|contractor|scientist|chemist)s?\s+(?:at|of|with|for)\s+(?:the\s+)?$")
_EMPLOYER_RIGHT = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:employee|executive|worker|manager|engineer|scientist|president|"
                             r"vice\s+president|chief\s+executive|ceo|cfo|owner|founder|chairman)s?\b")


def employer(text: str, m: Mention) -> bool:
    """Whether company mention `m` names someone's employer ('at Acme Inc.', 'an Acme Inc. employee')."""
    return m.is_company and bool(_EMPLOYER_LEFT.search(text, max(0, m.start - 40), m.start) or
                                 _EMPLOYER_RIGHT.match(text, m.end, m.end + 60))


# the subject is other people than the one defendant: 'others', 'individuals', 'One individual was sentenced'
OTHERS = re.compile(r"\b(?:others?|individuals|people|persons|men|women|co-?conspirators|members|co-?defendants|suspects|"
                    r"(?:one|another|an\s+additional)\s+(?:individual|person))\b", re.I)   # ('One individual was sentenced': who?)
