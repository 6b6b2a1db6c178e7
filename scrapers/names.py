"""Person and company names: normalisation and comparison, shared by every source.

The SDN list writes "GUZMAN LOPEZ, Joaquin" (surnames upper-case, then given names);
Treasury writes "Joaquin Guzman Lopez", sometimes with accents ("César"); DOJ writes
"Liban Abdikadar Abdullahi, 29,". Companies carry legal-form suffixes in many spellings
("S.A. DE C.V.", "S.A. de C.V.", "SA DE CV", "Co., Ltd.", "Company Limited").

`normalize_name` gives the comparison form (accents folded, lower case, punctuation
dropped, "&" -> "and"); `name_forms` gives every form a list entry may be written in.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Legal forms, longest first, written in the normalised alphabet (no punctuation).
_LEGAL_FORMS = [
    "s de rl de cv", "s de r l de c v", "sapi de cv", "sab de cv", "sa de cv", "s a de c v",
    "sas de cv", "s en c", "sa de cv sofom enr", "sociedad anonima de capital variable",
    "sociedad anonima", "sociedad de responsabilidad limitada", "co ltd", "company limited",
    "co limited", "limited liability company", "limited", "ltd", "llc", "l l c", "llp", "l l p", "inc",
    "incorporated", "corp", "corporation", "company", "co", "gmbh", "sarl", "srl", "sa",
    "s a", "sas", "sac", "spa", "bv", "nv", "ag", "plc", "pte ltd", "pvt ltd",
    "private limited", "fze", "fzco", "fzc", "jsc", "ojsc", "ooo", "eirl", "ltda", "cia ltda",
    "s de rl", "s de r l", "s r l", "s a s", "sc", "ac", "se",
    # Mexican rural and civil partnerships, Colombian limited partnerships (counter-narcotics
    # designations: "S.P.R. DE R.L. DE C.V.", "S. DE P.R. DE R.L.", "S.C. DE R.L. DE C.V.",
    # "S.R.L. DE C.V.", "S.A.DE C.V.", "Y CIA. S.C.S.", "S. EN C.S.")
    "s de pr de rl de cv", "s de pr de rl", "spr de rl de cv", "spr de r l de cv", "spr de rl",
    "sc de rl de cv", "srl de cv", "sade cv", "y cia scs", "y cia s en cs", "s en cs", "y cia",
    # Malaysian, Turkish and German forms written in full ("SDN. BHD.", "LIMITED SIRKETI", "GMBH & CO. KG")
    "sdn bhd", "bhd", "limited sirketi", "anonim sirketi", "ltd sti", "gmbh and co kg", "and co kg",
    # "d.o.o.", "Sp. z o.o.", "A.Ş.", "SpA", "s.r.o.", "PJSC"
    "doo", "dooel", "sp z oo", "spzoo", "as", "sro", "pjsc", "cjsc", "llp",
]
_LEGAL_RE = re.compile(r"(?:\s+(?:" + "|".join(re.escape(f) for f in sorted(_LEGAL_FORMS, key=len, reverse=True)) + r"))+$")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


# letters NFKD leaves whole, as OFAC's list writes them in ASCII ('Đorđe Stanišić' is 'STANISIC, Dordje')
_UNDECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Ħ": "H", "ħ": "h",
                               "ı": "i", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "TH", "þ": "th"})


@functools.lru_cache(maxsize=65536)
def fold_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str | None) -> str:
    """Comparison form: 'Sumilab, S.A. de C.V.' -> 'sumilab sa de cv';
    'D’Artagnan' -> 'dartagnan'; 'César' -> 'cesar'."""
    if not text:
        return ""
    t = text if text.isascii() else fold_accents(text.translate(_APOSTROPHES))
    t = t.lower().replace("&", " and ")
    t = _INNER_PUNCT.sub("", t)  # D'Artagnan, S.A -> dartagnan, sa
    t = _OTHER_PUNCT.sub(" ", t)
    return " ".join(t.split())


_INNER_PUNCT = re.compile(r"(?<=\w)['.](?=\w)")
_OTHER_PUNCT = re.compile(r"[^\w\s]|_")


@functools.lru_cache(maxsize=65536)
def strip_legal_form(normalized: str) -> str:
    """'sumilab sa de cv' -> 'sumilab'; leaves the name alone if nothing would remain."""
    out = _LEGAL_RE.sub("", normalized).strip()
    return out or normalized


# Surnames written before the given name (Chinese, Korean, Vietnamese names: 'ZHANG Wei',
# named again as 'Zhang'). Only surnames that are not also English words, places or common
# Western given names ('Lee', 'Kim', 'Park', 'Long', 'Song', 'He' are left out).
_SURNAME_FIRST = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao zheng liang xie tang
han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng su lu ding ren shen yao
zhong cui tan qian qiu dai xia zou xiong meng qin yan mao hao gong shao duan lei yin hou bai kong
choi jung kang cho yoon jang lim shin kwon hwang ahn jeon
nguyen tran pham hoang huynh phan vu vo bui ngo duong
""".split())


def surname_first(word: str) -> bool:
    """Is this word (the first of a name) a surname of a people who write the surname first?"""
    return normalize_name(word) in _SURNAME_FIRST


def list_name_to_natural(name: str) -> str:
    """'GUZMAN LOPEZ, Joaquin' -> 'Joaquin GUZMAN LOPEZ' (individuals only)."""
    if "," not in name:
        return name
    surname, given = name.split(",", 1)
    given = given.strip()
    return f"{given} {surname.strip()}" if given else surname.strip()


def name_forms(name: str, is_person: bool) -> set[str]:
    """Every normalised form a list name may appear as in prose."""
    forms = {normalize_name(name)}
    if is_person and "," in name:
        surname, given = (p.strip() for p in name.split(",", 1))
        n_given, n_sur = normalize_name(given), normalize_name(surname)
        if n_given and n_sur:
            forms.add(f"{n_given} {n_sur}")
            forms.add(f"{n_sur} {n_given}")
    elif not is_person:
        for f in list(forms):
            forms.add(strip_legal_form(f))
    forms |= {joined for f in forms if (joined := join_initials(f)) != f}
    return {f for f in forms if f}


_SPACED_LETTERS = re.compile(r"\b[a-z](?:\s[a-z]\b)+")


def join_initials(normalized: str) -> str:
    """Initials written apart, joined as 'R.K.' normalises: 'r k malhotra' -> 'rk malhotra'."""
    return _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), normalized) if " " in normalized else normalized


def token_key(normalized: str) -> str:
    """Order-insensitive key: 'lopez guzman joaquin' == 'joaquin guzman lopez'."""
    return " ".join(sorted(normalized.split()))


def looks_like_company(name: str) -> bool:
    n = normalize_name(name)
    return bool(_LEGAL_RE.search(n)) or bool(re.search(
        r"\b(?:company|trading|chemical|chemicals|pharmaceutical|pharma|technology|biotech|"
        r"biotechnology|industrial|industries|group|holdings?|enterprises?|imports?|exports?|"
        r"logistics|laboratories|laboratory|labs?|store|shop|pharmacy|services|traders?|"
        r"international|investments?|bank|exchange|organization|cartel|club|resorts?|hotel|restaurant|travel|"
        r"tours|realty|inmobiliaria|comercializadora|constructora|distribuidora|importadora|exportadora|servicios|"
        r"transportes|farmacia|casino)\b", n))


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two normalised names, insensitive to token order."""
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(a, b) / 100.0


def title_case_person(name: str) -> str:
    """'GUZMAN LOPEZ, Joaquin' -> 'Joaquin Guzman Lopez' for display."""
    natural = list_name_to_natural(name)
    return " ".join(w.capitalize() if w.isupper() else w for w in natural.split())


# -- forgiving search: one phonetic key per word --------------------------------------------
# Spellings that sound alike map to one key: accents and case fold (normalize_name), then
# letters English, Spanish and common transliterations (Arabic, Chinese, Cyrillic) write
# differently for one sound are merged, vowels after the first letter dropped and doubled
# letters collapsed: Guzmán, Gusman, Guzmann -> gsmn; Pérez, Peres -> prs; Aleksandr,
# Alexander -> alksndr; Mohammed, Muhammad -> mmd.
# In order; a plain string is replaced with str.replace (the same as a regex of that literal,
# and several times faster), a compiled pattern with its sub. Each step runs only when the word
# holds its trigger (or one of them).
_PHONETIC_STEPS = [
    ("h", "ph", "f"), ("h", re.compile(r"sch|sh"), "s"), ("h", "zh", "j"),
    ("h", re.compile(r"kh|gh"), "h"), (("q", "ck"), re.compile(r"ck|qu|q"), "k"),
    ("x", "x", "ks"), ("l", "ll", "y"), ("gu", re.compile(r"gu(?=[ei])"), "g"), ("c", re.compile(r"c(?=[eiy])"), "s"),
    ("c", "ch", "c"), ("c", "c", "k"), ("z", "z", "s"), ("v", "v", "b"),
    ("w", "w", "u"), ("y", "y", "i"), ("h", re.compile(r"(?<=.)h"), ""),
]
_VOWELS = re.compile(r"(?<=.)[aeiou]")
_DOUBLES = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    """Key of one word of a name as typed (see above); digits are kept as they are."""
    return _phonetic(normalize_name(word).replace(" ", ""))


def _first_of_run(m: re.Match) -> str:   # (a function: faster than the template r"\1")
    return m.group(1)


@functools.lru_cache(maxsize=65536)
def _phonetic(w: str) -> str:
    """phonetic_key of a word already in normalize_name's form."""
    if not w or w.isdigit():
        return w
    for trigger, pattern, repl in _PHONETIC_STEPS:
        if trigger in w if isinstance(trigger, str) else any(t in w for t in trigger):
            w = w.replace(pattern, repl) if isinstance(pattern, str) else pattern.sub(repl, w)
    if w.startswith("h") and len(w) > 1:
        w = w[1:]
    w = _DOUBLES.sub(_first_of_run, w)
    first, rest = w[:1], _VOWELS.sub("", w)[1:]
    return _DOUBLES.sub(_first_of_run, first + rest)


def phonetic_keys(name: str) -> list[str]:
    """One key per word of two or more letters, in order, without repeats."""
    return list(dict.fromkeys(filter(None, map(_phonetic, [w for w in normalize_name(name).split() if len(w) >= 2]))))


def name_score(query: str, name: str) -> float:
    """0..100: how well a typed query matches a name, forgiving typos, accents and word order.
    Each query word is compared (Jaro-Winkler) with the name's closest word, sounding alike
    counts as a near match, and the mean is taken; 100 = every word found as typed."""
    return name_scorer(query)(name)


def name_scorer(query: str):
    """`name_score` with the query read once: a function scoring one name after another, each
    distinct word of the names compared with the query's words only once (a search scores
    hundreds of names sharing a handful of words)."""
    from rapidfuzz.distance import JaroWinkler

    q_words = normalize_name(query).split()
    q_keys = [phonetic_key(q) if len(q) >= 3 else None for q in q_words]
    closeness: dict[str, tuple[float, ...]] = {}

    def word(n: str) -> tuple[float, ...]:
        got = closeness.get(n)
        if got is None:
            out = []
            for q, qk in zip(q_words, q_keys):
                s = 1.0 if q == n else JaroWinkler.similarity(q, n)
                if s < 0.95 and qk is not None and qk == phonetic_key(n):
                    s = 0.95
                out.append(s)
            got = closeness[n] = tuple(out)
        return got

    scores: dict[str, float] = {}

    def score(name: str) -> float:
        normal = normalize_name(name)
        got = scores.get(normal)
        if got is None:
            n_words = normal.split()
            if not q_words or not n_words:
                return 0.0
            # for each query word, its best closeness over the name's words; their mean
            got = scores[normal] = round(100 * sum(map(max, zip(*map(word, n_words)))) / len(q_words), 1)
        return got

    return score
