"""Names written again in a DOJ release: a shorter form of a name read in full ('Ruelas Montalvo'
for 'Abelardo Ruelas Montalvo', 'Del Valle' for 'José Luis del Valle Osuna') is the same person, and
later references by surname ('Abdullahi made his initial appearance') or, in one family, by given
name ('Darnell received 140 months') are mentions of that person (the scanner's last passes)."""
from __future__ import annotations

import bisect
import re

from ...names import surname_first
from .mentions import _NON_NAME, _PARTICLES, _SUFFIXES, _SURNAME_WORDS, SURNAME_WORDS_IN_FULL_ONLY
from .officials import BYSTANDER_RIGHT
from .people import _AGED, Candidate, Mention, _Scanner
from .textscan import ascii_bytes

_SUFFIX_KEYS = frozenset(s.lower().rstrip(".") for s in _SUFFIXES)


def _suffix(key: str) -> str | None:
    return next((t for t in key.split() if t in _SUFFIX_KEYS), None)


def merge_short_forms(scanner: _Scanner) -> None:
    """'Ruelas Montalvo' after 'Abelardo Ruelas Montalvo' is the same person, and so is 'Joaquin
    Guzman Loera' (the middle name left out) after 'Joaquin Archivaldo Guzman Loera': only where
    one person named in full has that form."""
    people = [c for c in scanner.cands.values() if not c.is_company]
    if len(people) < 2:
        return   # (one person: nothing to join)
    # (without a suffix: 'Wendell Ray Cromartie Sr.' ends in 'cromartie', as 'Wendell Cromartie' does)
    toks = {c.key: [t for t in c.key.split() if t not in _SUFFIX_KEYS] or c.key.split() for c in people}
    by_last: dict[str, list[Candidate]] = {}
    for c in people:
        if toks[c.key]:
            by_last.setdefault(toks[c.key][-1], []).append(c)
    long_by_first: dict[str, list[Candidate]] = {}   # names of four words or more, by their first
    for c in people:
        if len(toks[c.key]) > 3:
            long_by_first.setdefault(toks[c.key][0], []).append(c)
    by_head: dict[tuple, list[Candidate]] = {}   # names of three words or more, by all but their last
    for c in people:
        if len(toks[c.key]) >= 3:
            by_head.setdefault(tuple(toks[c.key][:-1]), []).append(c)
    inner: dict[tuple, list[Candidate]] = {}   # a surname opened by a particle, inside a longer name
    for c in people:
        t = toks[c.key]
        for i in range(1, len(t) - 1):
            if t[i] in _PARTICLES:
                for n in (2, 3):
                    if i + n < len(t):   # (inside the name: a tail is found by its last word)
                        inner.setdefault(tuple(t[i:i + n]), []).append(c)
    for a in sorted(people, key=lambda c: -len(toks[c.key])):   # the longer forms first: 'Joaquin Guzman
        ta = toks[a.key]                                           # Loera' folded in, 'Guzman Loera' has one owner
        if len(ta) < 2:
            continue
        owners = [b for b in by_last.get(ta[-1], ()) if b is not a and b.key in scanner.cands
                  and len(toks[b.key]) > len(ta) and (toks[b.key][-len(ta):] == ta or
                                                      (toks[b.key][0] == ta[0] and toks[b.key][1 - len(ta):] == ta[1:]))]
        if not owners and ta[0] in _PARTICLES:   # 'Del Valle' for 'José Luis del Valle Osuna'
            owners = [b for b in inner.get(tuple(ta), ()) if b is not a and b.key in scanner.cands]
        if not owners and len(ta) == 2:   # 'Elmer Zelaya' for 'Elmer Josué Zelaya Chinchilla': the first surname
            owners = [b for b in long_by_first.get(ta[0], ()) if b is not a and b.key in scanner.cands
                      and ta[1] in toks[b.key][2:-1]]
        if not owners and len(ta) == 2:   # 'Adrián Benavídez' for 'Adrián Benavídez Ocampo' (given name, two surnames)
            owners = [b for b in by_head.get(tuple(ta), ()) if b is not a and b.key in scanner.cands and len(toks[b.key]) == 3
                      and b.first < a.first and (b.age is not None or b.residence)]   # (introduced in full, before)
        mark = _suffix(a.key)   # ('Vernon Kaspar Jr.' is never 'Vernon Lee Kaspar Sr.')
        owners = [b for b in owners if not mark or _suffix(b.key) in (None, mark)]
        shared = owners
        if len(owners) > 1:   # 'Wendell Cromartie': the father named Wendell, not the son whose middle name it is
            owners = [b for b in owners if toks[b.key][0] == ta[0]]
        if not owners and len(shared) > 1:
            _fold_by_mention(scanner, a, shared)   # 'Tovar Quiñones' of two brothers: the one named yet
            continue
        if len(owners) != 1 or len(ta) < 2:
            continue
        _fold(scanner, a, owners[0], full=False)
    # a surname written once for two people ('arrested Sergio Humberto and Marco Antonio Lujan'): the
    # first is the one named in full with that surname ('Sergio Humberto Lujan'), when one is
    shorts = {id(c) for c in people if c.key in scanner.cands and tuple(toks[c.key]) in by_head}
    for i, m in enumerate(scanner.mentions[:-1] if shorts else ()):
        if id(m.candidate) not in shorts:
            continue
        a, nxt = m.candidate, scanner.mentions[i + 1]
        owners = [b for b in by_head.get(tuple(toks.get(a.key, ())), ()) if b.key in scanner.cands]
        if len(owners) == 1 and a.key in scanner.cands and owners[0] is not a and nxt.candidate is not a and \
                scanner.text[m.end:nxt.start] == " and " and (toks.get(nxt.candidate.key) or [""])[-1] == toks[owners[0].key][-1]:
            _fold(scanner, a, owners[0], full=False)
    # the same name with the family name moved to the other end ('Haotian Qiu, who is named in the
    # indictment as Qiu Haotian'): one person, by the form written first
    by_words: dict[tuple, list[Candidate]] = {}
    for c in people:
        if c.key in scanner.cands and 2 <= len(toks[c.key]) <= 3:
            by_words.setdefault(tuple(sorted(toks[c.key])), []).append(c)
    for same in by_words.values():
        if len(same) == 2:
            b, a = sorted(same, key=lambda c: c.first)
            ta, tb = toks[a.key], toks[b.key]
            if ta == tb[1:] + tb[:1] or ta == tb[-1:] + tb[:-1]:
                _fold(scanner, a, b, full=True)


def _fold_by_mention(scanner: _Scanner, a: Candidate, owners: list[Candidate]) -> None:
    """A short form several people named in full share ('Rigoberto Anselmo Tovar Quiñones …
    Tovar Quiñones was arrested … his brother, Ismael Gerardo Tovar Quiñones'): each of its
    mentions is the one person of them named before it, if only one is; the others stay as
    they are (which one, the text does not say)."""
    left = False
    for m in scanner.mentions:
        if m.candidate is a:
            named_yet = [b for b in owners if b.first < m.start]
            if len(named_yet) == 1:
                m.candidate, m.full = named_yet[0], False
            else:
                left = True
    if not left:
        owners_named = [b for b in owners if b.first < a.first]
        if len(owners_named) == 1:
            _fold(scanner, a, owners_named[0], full=False)


def _fold(scanner: _Scanner, a: Candidate, b: Candidate, full: bool) -> None:
    """Candidate `a` is `b` written another way: what is known of it goes to `b`."""
    b.evidence |= a.evidence
    for attr in ("age", "residence", "residence_country", "nationality", "country_code", "aka"):
        if getattr(b, attr) is None and getattr(a, attr) is not None:
            setattr(b, attr, getattr(a, attr))
    b.official = b.official or a.official
    for m in scanner.mentions:
        if m.candidate is a:
            m.candidate, m.full = b, full and m.full
    del scanner.cands[a.key]


_NICK_GIVEN = re.compile(r"(?:a/k/a|aka|a\.k\.a\.|known\s+as|goes\s+by|nicknamed?|moniker)[\s,]*[“\"]$", re.I)


def add_surnames(scanner: _Scanner) -> None:
    """Later references by surname ('Abdullahi made his initial appearance')."""
    named = {id(m.candidate) for m in scanner.mentions if scanner.text[m.start - 1:m.start] not in ('"', "“")}
    people = [c for c in scanner.cands.values() if not c.is_company and not (c.official or c.victim or c.speaker)
              and id(c) in named]   # (a name only ever written in quotes is a nickname, no namesake)
    variants: dict[str, list[Candidate]] = {}
    for c in people:
        toks = [w for w in c.name.split() if not (len(w) == 2 and w[1] == ".") and w not in _SUFFIXES]
        forms = {toks[-1]} | ({toks[0]} if len(toks) >= 2 and surname_first(toks[0]) else set())  # 'ZHANG Wei'
        if len(toks) >= 3:
            forms.add(" ".join(toks[-2:]))
        forms |= _paternal(toks) if not c.name.isupper() else _paternal([t.title() for t in toks])   # ('PADILLA' of 'CÉSAR OMAR PADILLA LUNA', as 'Padilla')
        if c.name.isupper():
            # introduced in capitals ('DORIAN WESTFALL'), named later either way ('Westfall')
            forms |= {f.title() for f in forms}
        for f in forms:
            if f.lower() in _NON_NAME and not (f.lower() in _SURNAME_WORDS and c.age is not None) or \
                    f.lower() in SURNAME_WORDS_IN_FULL_ONLY:
                continue   # ('Park' of 'Eun-ji Park (31)': a surname, found alone only between other words)
            if len(f) < 3 and not surname_first(f):
                continue
            variants.setdefault(f, []).append(c)
        c.surnames = sorted(forms)
    # a nickname the release gave in quotes ('X, 26, who was known as “Pooh”'), a reference in quotes
    # only ('“Pooh” pleaded guilty')
    with_aka = [c for c in people if c.aka]
    nicks = {a for c in with_aka for a in c.aka.split("; ") if a[:1].isupper() and len(a) >= 3
             and len(a.split()) <= 2 and a.lower() not in _NON_NAME and a not in variants}   # ('Tyrone Price, aka Price')
    for c in with_aka if nicks else ():
        for a in c.aka.split("; "):
            if a in nicks:
                variants.setdefault(a, []).append(c)
    for f, cs in list(variants.items()):
        if len(cs) > 1 and " " not in f:   # one family ('Darnell Bowden' and 'Shonda Bowden'): by given name
            for c in list(cs):
                given = c.name.split()[0]
                if len(given) >= 3 and given != f and given.lower() not in _NON_NAME and not given.isupper() and \
                        c not in variants.get(given, ()):   # (once: 'Ortega-Ruiz' and 'Ortega' are one family's)
                    variants.setdefault(given, []).append(c)
    official_words = {w for c in scanner.cands.values() if c.official for w in c.name.split()}
    # a surname shared with relatives introduced as such ('Dorsey’s father, Gerald Dorsey, told the court'):
    # the one person of that name who is not one of them
    usable = {f: own[0] for f, cs in variants.items() if f not in official_words
              and len(own := cs if len(cs) == 1 else [c for c in cs if not c.bystander]) == 1}
    for f, cs in variants.items():
        # 'Ledesma' of 'Brianna Sofía Ledesma', not the first half of 'Marco Antonio Ledesma-Rocha' (a surname written
        # as a person's last word beats a form made from another's two surnames)
        if len(cs) > 1 and f not in usable and f not in official_words and " " not in f and \
                len(own := [c for c in cs if c.name.split()[-1] == f and not c.bystander]) == 1 and \
                all("-" in c.name.split()[-1] or len(c.name.split()) >= 4 for c in cs if c is not own[0]):
            usable[f] = own[0]
    # a surname two people share ('Rashawn Tippins … Tippins was sentenced … his brother, Devonte Tippins'):
    # before the second is named, the first one's
    shared = {f: sorted(own, key=lambda c: c.first) for f, cs in variants.items() if f not in official_words and " " not in f and f not in usable
              and len(own := [c for c in cs if not c.bystander]) > 1}
    if not usable and not shared:
        return
    covered = sorted((m.start, m.end) for m in scanner.mentions)
    starts = [s for s, _ in covered]
    text = scanner.text
    found: dict[int, Mention] = {}
    taken = bytearray(len(text))   # positions inside a surname mention found already
    places = _places_of(text, [*usable, *shared])
    victim_right = scanner.p["victim_right"]

    def take(i: int, j: int, cand: Candidate) -> None:
        k = bisect.bisect_right(starts, i) - 1
        if (k >= 0 and covered[k][0] <= i < covered[k][1]) or taken[i]:
            return
        a = _particles_before(text, i, cand.name, text[i:j])   # ('de los Santos-Almonte': its particles too)
        found[i] = Mention(a, j, cand.name, cand.key, full=False, candidate=cand)
        taken[i:j] = b"\x01" * (j - i)
        # (never the object of a preposition: 'A 17-year-old who bought pills from Haskins overdosed')
        subject = _PREPOSITION_BEFORE.search(text, max(0, i - 6), i) is None
        if subject and not cand.victim and victim_right.match(text[j:j + 120]):
            cand.victim = True   # 'Whitmore was found dead the next morning' (named in full as a buyer)
        if subject and not cand.bystander and BYSTANDER_RIGHT.match(text, j, j + 160):
            cand.bystander = True   # 'Pruitt survived after …', 'Ferrante found Kessler unconscious
        if cand.age is None and text.startswith(",", j) and (age := _AGED.match(text, j)):
            cand.age = int("".join(ch for ch in age.group(0) if ch.isdigit()))  # 'Pruitt, 27, was'
            cand.evidence.add("age")

    for form in sorted([*usable, *shared], key=len, reverse=True):
        only = usable.get(form)
        j = 0
        for i in places.get(form, ()):
            cand = only
            if cand is None:   # (a shared surname: only where exactly one of its people is named yet, never
                named_yet = [c for c in shared[form] if c.first < i]   # a possessive: 'Ellis Sr.’s son, …')
                if len(named_yet) != 1 or _POSSESSIVE_AFTER.match(text, i + len(form)):
                    continue
                cand = named_yet[0]
            if i < j or (form in nicks and (text[i - 1:i] not in ("“", '"') or _NICK_GIVEN.search(text, max(0, i - 40), i))):
                continue   # (overlapping the last one: 'Roe Roe Roe' holds 'Roe Roe' once; a nickname unquoted, or
                # where it is given: 'a/k/a “Tito”')
            j = i + len(form)
            if form.lower() not in _NON_NAME or not _in_place_name(text, i, j):
                take(i, j, cand)
    # 'Ezequiel Tarango Holguín, 22, … Tarango was arrested': a name of three words never shortened to its last
    # one is shortened to its middle one, the first of two surnames (only a word no one else is known by, and
    # never inside a place's name: 'Lee County' is no 'Brandon Lee Church')
    referred = {id(m.candidate) for m in found.values()}
    middles: dict[str, list[Candidate]] = {}
    for c in people:
        if id(c) not in referred and _middle_surname(c.name):
            middles.setdefault(c.name.split()[1], []).append(c)
    for form, cs in middles.items():
        cand = cs[0]
        if len(cs) > 1 or form in official_words or form in variants or \
                any(form in x.name.split() for x in scanner.cands.values() if x is not cand):
            continue
        for i in _places_of(text, [form]).get(form, ()):
            if not _in_place_name(text, i, i + len(form)):
                take(i, i + len(form), cand)
    scanner.mentions.extend(found.values())
    scanner.mentions.sort(key=lambda x: x.start)


_WORD = re.compile(r"[\w’'-]+")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|by|to|with|for)\s+$")
_POSSESSIVE_AFTER = re.compile(r"(?:,?\s+(?:Sr|Jr|II|III|IV)\.?)?[’'](?:s\b|\s)")


def _places_of(text: str, forms) -> dict[str, list[int]]:
    """Where each form stands as whole words in the text (not inside a longer word, nor next to
    an apostrophe or a hyphen): form -> its start offsets, in order. When there are many, forms
    of plain words one space apart are found in one pass over the text's words (a form looked for
    by itself over the whole text made a release naming thousands of people quadratic); a few,
    and forms of other words ('St. Clair'), are looked for one by one."""
    plain = {f for f in forms if all(_WORD.fullmatch(w) for w in f.split(" "))} if len(forms) > _ONE_BY_ONE else set()
    lengths = {f.count(" ") + 1 for f in plain}
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)] if plain else []
    out: dict[str, list[int]] = {}
    for k in sorted(lengths):
        for n in range(len(words) - k + 1):
            start, end = words[n][0], words[n + k - 1][1]
            if k > 1 and any(words[n + d + 1][0] != words[n + d][1] + 1 or text[words[n + d][1]] != " "
                             for d in range(k - 1)):
                continue
            got = text[start:end]
            if got in plain:
                out.setdefault(got, []).append(start)
    b = ascii_bytes(text)
    for form in forms:
        if form in plain:
            continue
        # (an ASCII form is looked for in the ASCII bytes: the same positions, faster)
        hay, needle = (b, form.encode()) if form.isascii() else (text, form)
        i = hay.find(needle)
        while i >= 0:
            j = i + len(form)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "’'-")) and \
                    (j >= len(text) or not (text[j].isalnum() or text[j] in "’'-")):
                out.setdefault(form, []).append(i)
            i = hay.find(needle, j)
    return out


_ONE_BY_ONE = 64   # up to this many forms, each is looked for by itself (cheaper than reading every word)


def _in_place_name(text: str, i: int, j: int) -> bool:
    """A word that may be a place's ('Park', 'Lake') next to another capitalised word, with only
    a space between: part of a place's name ('Highland Park', 'Park Avenue'), not a surname."""
    before = text[max(0, i - 30):i]
    after = text[j:j + 30]
    prev = before.rstrip(" ").rsplit(None, 1)[-1] if before.strip() else ""
    nxt = after.lstrip(" ").split(None, 1)[0] if after.strip() else ""
    return (before.endswith(" ") and prev[:1].isupper() and prev[-1:].isalpha()) or \
        (after.startswith(" ") and nxt[:1].isupper())


def _particles_before(text: str, i: int, name: str, form: str) -> int:
    """Where a surname found at i starts with the particles its full name writes before it ('Francisco Javier de
    los Santos-Almonte' … 'and de los Santos-Almonte were arrested': 'de los' is part of the mention)."""
    toks = name.split()
    k = toks.index(form.split()[0]) if form.split()[0] in toks else 0
    while k > 0 and toks[k - 1].lower() in _PARTICLES and text[i - 1:i] == " " and \
            text[i - 1 - len(toks[k - 1]):i - 1].lower() == toks[k - 1].lower():
        i -= len(toks[k - 1]) + 1
        k -= 1
    return i


def _middle_surname(name: str) -> bool:
    """A name of three plain capitalised words ('Ezequiel Tarango Holguín'), its middle one not a particle (see
    add_surnames)."""
    toks = name.split()
    return len(toks) == 3 and all(t[:1].isupper() and not t.isupper() and t.replace("-", "").isalpha() for t in toks) \
        and len(toks[1]) >= 3 and toks[1].lower() not in _PARTICLES and toks[1].lower() not in _NON_NAME


def _paternal(toks: list[str]) -> set[str]:
    """The first of two surnames, as Spanish-language releases shorten a name on later mentions:
    'Quintanilla' for 'José Guadalupe Quintanilla de León', 'Ochoa' for 'María Fernanda Ochoa
    Landeros' (two given names and two surnames: four words at least), 'Garza' for
    'Jesús Abraham Garza-Cavazos', 'Lopez' for 'Pedro Lopez-Torres'."""
    out = set()
    last = toks[-1] if toks else ""
    if len(toks) >= 2 and "-" in last and not last.isupper():   # ('Lopez' for 'Pedro Lopez-Torres' too)
        first, _, rest = last.partition("-")
        if len(first) >= 3 and len(rest) >= 3 and first[:1].isupper() and rest[:1].isupper():
            out.add(first)
    if len(toks) >= 4 and not any(t.isupper() and len(t) > 1 for t in toks):
        k = len(toks) - 2
        while k > 1 and toks[k].lower() in _PARTICLES:
            k -= 1   # 'Quintanilla de León': the word before the particle
        if k >= 2 and toks[k][:1].isupper() and toks[k].lower() not in _PARTICLES:
            out.add(toks[k])
    return out


# 'A, 19, and her friend B, 22, each took a pill … Both were found dead': the two named just before
_PLURAL_DEAD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Both(?:\s+of\s+them)?|The\s+two)\s+(?:were\s+(?:later\s+)?"
                          r"(?:found\s+dead|pronounced\s+dead)|died)\b")


def plural_dead(scanner: _Scanner) -> None:
    """'Both were found dead': the two people named in full in the sentence before are victims, as
    one named dead is (only when that sentence names exactly two)."""
    text = scanner.text
    if ("dead" not in text and "died" not in text) or ("Both" not in text and "The two" not in text):
        return   # (the pattern's own words: most texts hold none, and it is tried at every position)
    for m in _PLURAL_DEAD.finditer(text):
        lo = max(text.rfind(". ", 0, m.start() - 2), text.rfind("\n", 0, m.start() - 1)) + 1
        named = {id(x.candidate): x.candidate for x in scanner.mentions if lo <= x.start < m.start() and x.full
                 and not (x.candidate.is_company or x.candidate.official)}
        if len(named) == 2:
            for c in named.values():
                c.victim = True
