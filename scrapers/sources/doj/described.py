"""What a DOJ release says right after a name (and just before it): aliases, age, residence,
nationality, a company's short form and where it is based. Read for each mention by the scanner
(people._Scanner._context), which first decides who is an official, victim or speaker."""
from __future__ import annotations

import bisect
import functools
import re

from ...countries import country_of_demonym, country_of_place
from .districts import geo
from .terms import _number
from .textscan import _DOTTED, _US_STATE_ABBR

_AGE = re.compile(r"^\s*,\s*(?:(?:age:?|aged)\s+(\d{1,2})(?![\d%-])(?=\s*[.,;:)]|\s+\w)|(\d{1,2})(?![\d%-])[ \t]*(?=[,;)]|\.(?:\s|$)|\n|$|[A-Z][a-z]+\.?(?:[ \t][A-Z][a-z]+)?,[ \t]*[A-Z]|\s+(?:and|of|from|was|were|is|are|pleaded|pled|has|had|who|both|all)\b))")
_AKA = re.compile(r"^\s*,?\s*\(?\s*(?:(?:who\s+(?:was|is)\s+)?(?:also\s+)?known\s+as|formerly\s+known\s+as|a/k/a|f/k/a|aka|a\.k\.a\.|(?:who\s+)?goes\s+by(?:\s+the\s+(?:nickname|name|moniker))?)"
                  r"\s*[“\"]([^”\"]{1,40})[”\"]\)?", re.I)   # ('who goes by the nickname "Smoke"')
_PAREN = re.compile(r"^\s*\(([^)]{1,60})\)")
PLACE = r"(?:(?:St|Ft|Mt)\.[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+|la[ \t]+|los[ \t]+)?[A-Z][\w’'.-]*)*(?:,[ \t]+(?:(?:St|Ft|Mt)\.[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-Z][\w’'.-]*)*)*"
_PLACE_OF = re.compile(rf"^\s*,?\s*(?:both\s+|all\s+|each\s+)?(?:of|from)\s+(?:the\s+)?({PLACE})")
_RESIDENT = re.compile(rf"^\s*,?\s*(?:and\s+)?(?:a|an)\s+(?:\d{{1,2}}-year-old\s+)?(?:legal\s+permanent\s+)?resident\s+of\s+({PLACE})")
_LIVING = re.compile(rf"^[^.;]{{0,80}}?\bwho\s+(?:was\s+living|lived|lives|resides|resided|was\s+residing)\s+in\s+({PLACE})")

# (a degree between the name and the age: 'Miriam Castellanos-Ruhl, M.D., 58,')
_DEGREES = r"(?:M\.D\.|D\.O\.|R\.N\.|N\.P\.|Ph\.D\.|Pharm\.D\.|D\.D\.S\.|Esq\.)"
_SHARED = re.compile(r"\s*,?\s*(?:both|all|each)\b")
_NAT_LEFT = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:nationals?|citizens?|man|woman|men|women)\s*(?:named\s+)?,?\s*$")
_SUFFIX_AFTER = re.compile(rf"^,?[ \t]+(?:Jr\.|Sr\.|JR\.|SR\.|II|III|IV|{_DEGREES})(?![\w])")
_AKA_MORE = re.compile(r"^\s*(?:,\s*)?(?:and|or)?\s*[“\"]([^”\"]{1,60})[”\"]")
_AKA_BARE = re.compile(r"^\s*,?\s*\(?\s*(?:also\s+known\s+as|formerly\s+known\s+as|a/k/a|f/k/a|aka|a\.k\.a\.),?\s+(?=[A-Z])", re.I)   # ('aka, Tuff')
_BARE_MORE = re.compile(r"^(?:(?:\s*,\s*[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})+,|(?:\s*,\s*[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})*)"
                        r"[ \t]+(?:and|or)[ \t]+[A-Z][\w’'.-]*"   # ('aka JR, Big Pusha, and Kutthroat, 26': never 'aka Flaco, and John Doe, 32')
                        r"(?:[ \t]+[A-Z][\w’'.-]*){0,2}(?=\s*,\s*(?:age\s+)?\d{1,2}\b)")
_BARE_ALIAS_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|[ \t]+(?:and|or)[ \t]+")
_PLURAL_AFTER = re.compile(r"\s*,\s*(?:age\s+)?\d{1,2}\s*,?(?:\s+(?:of|from)\s+[^,.;]{1,40},?)?\s+(?:were|are|have|both|all)\b")
_BARE_WORDS = re.compile(r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}")
_AGE_BEFORE = re.compile(r"\b(\d{1,2})-year-old\s+(?:[A-Z][\w.-]*\s+){0,3}(?:(?:man|woman|resident|national)\s*)?,?\s*$")
_AGE_PAREN = re.compile(r"^\s*\((?:age:?\s*)?(\d{1,2})(?:,\s*[A-Z][^)]{0,40})?\)")
# a roster line of columns: 'Héctor Ruvalcaba Ibarra    Age: 58    Tijuana, Baja California'
_AGE_LABEL = re.compile(r"(?:[ \t]+|[ \t]*\n)Age:[ \t]*(\d{1,2})\b")   # (or on the next line: 'NAME<br>Age: 34<br>Town')
_AGE_YEAR_OLD = re.compile(r"^\s*,\s*(?:(?:a|an)\s+(\d{1,2})-year[- ]old\b|(\d{1,2})\s+years?\s+(?:old|of\s+age)\b)")   # (', 30 years old, of Gary')
# ages in words ('Twenty-eight-year-old Jane Roe', 'Jane Roe, age thirty-one,'): 14 to 99
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_AGE_WORD = (rf"(?i:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)})")   # (only the number: any case)
_AGE_WORD_BEFORE = re.compile(rf"\b({_AGE_WORD})-(?i:year-old)\s+(?:[A-Z][\w.-]*\s+){{0,3}},?\s*$")
_AGE_WORD_AFTER = re.compile(rf"^\s*,\s*(?i:age:?|aged)\s+({_AGE_WORD})\b(?=\s*[.,;:)])")   # (read by terms._number)


def _add_aka(cand, alias: str) -> None:
    """Adds an alias to a people.Candidate's aka (once)."""
    if not alias or alias == cand.name:
        return
    known = cand.aka.split("; ") if cand.aka else []
    if alias not in known:
        cand.aka = "; ".join(known + [alias])


def _place(raw: str, stop_at: list[int], base: int) -> str | None:
    """Cut a greedy PLACE where a name mention starts (', John Doe, 33,')."""
    text = raw
    k = bisect.bisect_right(stop_at, base)   # (stop_at is sorted: the first mention start after base)
    if k < len(stop_at) and stop_at[k] < base + len(raw):
        text = raw[:stop_at[k] - base]
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


@functools.lru_cache(maxsize=4096)
def _place_country(place: str | None) -> str | None:
    if not place:
        return None
    last = place.split(",")[-1].strip()
    if last in _US_STATE_ABBR or last in geo()["state_names"] or last.rstrip(".") + "." in _US_STATE_ABBR:
        return "United States"
    c = country_of_place(place)
    return c.name if c else None


def read_described(scanner, mention, cand, left: str, right: str) -> None:
    """Aliases, age, residence and nationality from the text around one mention (see the module doc): a
    people.Mention of scanner (a people._Scanner) for its people.Candidate cand; left and right are the
    text just before and after the mention. (The types are not imported: people imports this module.)"""
    p = scanner.p
    rest = right
    m = _SUFFIX_AFTER.match(rest) if rest[:8].lstrip(", \t")[:1] in ("J", "S", "I", "M", "D", "R", "N", "P", "E") else None
    if m:
        rest = rest[m.end():]  # 'Jane Roe, Jr., 41,': the age is after the suffix
    had_aka = False
    while had_aka or "k" in rest[:24].lower():   # (every alias form holds a 'k': aka, a/k/a, known as)
        m = _AKA.match(rest) or (_AKA_MORE.match(rest) if had_aka else None)
        if m:
            _add_aka(cand, m.group(1).strip(" ,;"))
            had_aka = True
            rest = rest[m.end():]
            if rest[:1] == ")":
                rest = rest[1:]   # '(also known as “A” and “B”), 47': the parenthesis closes
            if rest[:1] != "," and not _AKA_MORE.match(rest) and not _AGE_LABEL.match(rest) and \
                    not _AGE_PAREN.match(rest):   # ('a/k/a “Kevo,” (29), enforcer': the age in parentheses)
                rest = "," + rest  # 'a/k/a “El Guero,” 45, of Cicero': the comma went inside the quotes
            continue
        m = _AKA_BARE.match(rest)
        if not m:
            break
        # 'Jane Roe, aka Janet Q. Roe, 58' / ', a/k/a Flaco, 32,': an alias written without quotes
        had_aka = True
        at = mention.end + (len(right) - len(rest)) + m.end()
        k = bisect.bisect_left(scanner._starts_cache, at)
        alias = scanner.mentions[k] if k < len(scanner.mentions) and scanner.mentions[k].start == at else None
        if alias is not None and not alias.is_company and alias.end - mention.end < len(right):
            alias.alias_of = cand
            scanner.aliases[alias.key] = cand
            _add_aka(cand, alias.name)
            rest = right[alias.end - mention.end:]
        else:
            w = _BARE_WORDS.match(rest, m.end())
            if not w:
                break
            _add_aka(cand, w.group(0))
            rest = rest[w.end():]
        if rest[:1] == ")":
            rest = rest[1:]   # 'JOHN ROE (also known as John Doe)<br>Age: 42': the parenthesis closes
        more = _BARE_MORE.match(rest)
        if more and not _PLURAL_AFTER.match(rest, more.end()):   # ('aka Flaco, Jose Diaz and Pedro Ruiz, 30, were': people)   # 'aka Nu, NuNu and King Nu, 28,' / 'aka Spito and Thick Neck, 44': more aliases, then the age
            for alias in _BARE_ALIAS_SPLIT.split(more.group(0).strip(" ,")):
                _add_aka(cand, alias)
            rest = rest[more.end():]
            break
    if had_aka:
        # names inside the aliases read ('"Acme Trading Co. Ltd."') are the same one
        until = mention.end + len(right) - len(rest)
        k = bisect.bisect_right(scanner._starts_cache, mention.start)
        while k < len(scanner.mentions) and scanner.mentions[k].start < until:
            if scanner.mentions[k].alias_of is None:
                scanner.mentions[k].alias_of = cand
                scanner.aliases[scanner.mentions[k].key] = cand
            k += 1
    m = _AGE_BEFORE.search(left[-40:]) if "year-old" in left[-40:] else None
    if m and not cand.is_company and cand.age is None:
        cand.age = int(m.group(1))
        cand.evidence.add("age")
    elif m is None and "year-old" in left[-50:] and not cand.is_company and cand.age is None:
        m = _AGE_WORD_BEFORE.search(left[-50:])
        if m:
            cand.age = int(_number(m.group(1)))
            cand.evidence.add("age")
    if cand.is_company:
        paren = _PAREN.match(rest)
        if paren:
            short = paren.group(1).strip(" “”\"")
            if short[:1].isupper() and short.lower() != cand.name.lower():
                _add_aka(cand, short)  # 'Acme Chemicals Pvt. Ltd. (Acme Chemicals)'
            rest = rest[paren.end():]
    else:
        head = rest[:3].lstrip()[:1]
        m = _PAREN.match(rest) if head == "(" else None
        if m and m.group(1)[:1] in "“\"":
            rest = rest[m.end():]  # 'against JOHN ROE ("ROE"), age 29': the short name defined
            head = rest[:3].lstrip()[:1]
        m = _AGE.match(rest) if head == "," else (_AGE_PAREN.match(rest) if head == "(" else
                                                  _AGE_LABEL.match(rest) if head == "A" else None)
        if m is None and head == "," and "year" in rest[:24]:
            m = _AGE_YEAR_OLD.match(rest)
        if m is None and head == "," and "age" in rest[:8].lower():
            m = _AGE_WORD_AFTER.match(rest)
        if m:
            age = int(_number(m.group(1))) if m.re is _AGE_WORD_AFTER else int(m.group(1) or m.group(2))
            if 14 <= age <= 99:
                cand.age = cand.age or age
                cand.evidence.add("age")
            rest = rest[m.end():]
            if "k" in rest[:30] and (m := _AKA.match(rest)):   # 'X, 26, who was known as “Pooh”'
                _add_aka(cand, m.group(1).strip(" ,;"))
                rest = rest[m.end():]
    pos = mention.end + (len(right) - len(rest))
    m = _PLACE_OF.match(rest) or _RESIDENT.match(rest)
    if m and (cand.age is not None or "," in rest[:m.start(1)] or cand.is_company):
        place = _place(m.group(1), scanner._starts_cache, pos + m.start(1))
        if place and not cand.residence:
            cand.residence = place
            cand.residence_country = _place_country(place)
            cand.shared_residence = bool(_SHARED.match(rest))
        # ", of Culiacan, Sinaloa, Mexico, a Mexican national,": read on after the place
        if place:
            rest = rest[m.start(1) + len(place):] if len(place) < len(m.group(1)) else rest[m.end():]
            pos = mention.end + (len(right) - len(rest))
    ahead = rest[:60]
    if "citizen" in ahead or "national" in ahead or "native" in ahead or "immigrant" in ahead:
        m = p["citizen_of"].match(rest)
        if m:
            c = country_of_place(_place(m.group(1), scanner._starts_cache, pos + m.start(1)) or "")
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
            place = _place(m.group(1), scanner._starts_cache, pos + m.start(1))
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
