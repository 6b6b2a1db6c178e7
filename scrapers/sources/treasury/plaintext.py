"""Names a release puts forward in plain text (no bold).

- Names a designation sentence governs, whether or not they were bold elsewhere: the objects
  of "OFAC designated / is sanctioning A, B, and C …", the subjects of "A and B were designated
  for being owned …" / "Wang Ficticio was designated today …". A single word ("Gacanin") counts
  when the release introduced it as the short form of a full name ("Edin Gacanin (Gacanin)").
- Names a paragraph introduces under a bold label that is not itself a name
  ("<b>Leaders of a Faction of the X Cartel</b>: Brothers A (a.k.a. "…") and B (a.k.a. "…") …").
- The fallback for a designation release that puts no name in bold at all.
"""
from __future__ import annotations

import functools
import re

from ...countries import country_of_demonym, country_of_place, normalize_country
from ...names import looks_like_company, normalize_name
from .candidates import (
    EUROPEAN_FORMS,
    Candidate,
    CandidateSet,
    clean_sentence,
    looks_like_name,
    paren_groups,
    strip_quotes,
)
from .classify import CURRENT_RE, EO_RE, HIST_NAME_RE, WEAK_CURRENT_RE
from .html import Block, squash
from .wording import CAP_SPAN, WINDOW, Wording

# Plain-text fallback, for a designation release that puts no name in bold.
_ORG_WORDS = {"department", "office", "treasury", "ofac", "government", "executive", "order", "e.o.", "dea",
              "fbi", "hsi", "united", "states", "u.s.", "administration", "bureau", "agency", "force",
              "attorney", "court", "district", "today", "today’s", "the", "this", "these", "financial",
              "crimes", "enforcement", "network", "fincen", "control", "foreign", "assets", "act",
              "president", "secretary", "congress", "state", "homeland", "security", "investigations",
              "justice", "cartel", "cartels", "organization",
              # words of the documents' own vocabulary ("Specially Designated Nationals and Blocked
              # Persons List", the order's title), never of a designee's name
              "sanctions", "sanction", "list", "blocked", "specially", "designated", "nationals", "persons",
              "imposing", "illicit"}


def _introduces_list(text: str) -> bool:
    text = text.strip()
    if text.endswith(":") and _TODAYS_ACTION.search(text):
        return True   # 'Today’s action targets the following individuals and entities:'
    return text.endswith(":") and bool(re.search(r"\b(?:designat|sanction)\w*", text, re.I)) and bool(
        CURRENT_RE.search(text) or WEAK_CURRENT_RE.search(text)) and not HIST_NAME_RE.search(text)


_STATE_WORD = re.compile(r"\b(?:Republic|Kingdom|Emirates|States|Federation|Islands)$")
_OBJECT_OF = re.compile(r"\b(?:for|of|by|with|from|to|against|behalf\s+of|led\s+by|run\s+by|tied\s+to|linked\s+to)\s+(?:the\s+)?$")


# 'Lidia Fuentes Arce, Ortega's associate, is being designated': a possessive after a comma opens
# an appositive (never part of the name before it)
_POSSESSIVE_APPOSITIVE = re.compile(r",\s+[A-ZÀ-Þ][\w.-]*[’']s\b")


def listed_designees(blocks: list[Block]) -> list[Candidate]:
    """The items of a list under a sentence announcing today's designations ('OFAC is also
    designating the following companies pursuant to E.O. 14059 …:'), bold or not."""
    out: list[Candidate] = []
    intro = False
    for bi, block in enumerate(blocks):
        if block.is_heading:
            intro = False
            continue
        if block.tag != "li":
            intro = _introduces_list(block.text)
            continue
        if not intro:
            continue
        stripped = block.text.strip()
        lead = len(block.text) - len(block.text.lstrip())
        # the whole item when it is a name ('Acme Technology (HK) Co., Limited', 'Bliri S.A. de C.V.
        # (Mexico)': its country left out), else the name it starts with
        item = _ITEM_END.sub("", stripped)
        country = _PAREN_END.search(item)
        if country and normalize_country(country.group(1)):
            item = item[:country.start()]
        m = None if looks_like_name(item, whole_block=True) else (_NUMBERED_RX.match(stripped) or CAP_SPAN.match(stripped))
        name = item if m is None else re.sub(r"[\s,;:]+$", "", m.group(0))
        at = lead + (m.start() if m is not None else 0)
        if looks_like_name(name) and not normalize_country(name):
            out.append(Candidate(name=name, lookup=name, markup="list-item", role="designated",
                                 reason="listed under a sentence announcing today's designations",
                                 sentence=clean_sentence(block.text), position=len(out),
                                 mentions=[(bi, at, at + len(name))]))
    return out


_ITEM_END = re.compile(r"(?:[\s,;]+and)?[\s,;]+$")
_PAREN_END = re.compile(r"\s*\(([^()]{2,40})\)$")


def plain_text_designees(blocks: list[Block], sentences: dict, wordings: list[Wording]) -> CandidateSet:
    cands = CandidateSet()
    for cand in listed_designees(blocks):
        cand.position = len(cands)
        cands.add(cand)
    for bi, block in enumerate(blocks):
        if block.is_heading or block.tag == "li":
            continue
        for s, e in sentences[bi]:
            sent = block.text[s:e]
            if not (CURRENT_RE.search(sent) or WEAK_CURRENT_RE.search(sent)) or HIST_NAME_RE.search(sent):
                continue
            verb = re.search(r"\b(?:designat|sanction)\w*", sent, re.I)
            if not verb:
                continue
            numbered = list(_NUMBERED_RX.finditer(sent)) if any(ch.isdigit() for ch in sent) else []
            spans = [(m.start(), m.group(0)) for m in numbered] + \
                [piece for m in CAP_SPAN.finditer(sent) if not any(n.start() <= m.start() < n.end() for n in numbered)
                 for piece in _comma_pieces(m.start(), m.group(0))]
            for m_start, span in spans:
                name = _POSSESSIVE_APPOSITIVE.split(span, 1)[0].strip(" ,")
                name = re.sub(r"^(?:Today|Additionally|Also|In addition|Furthermore),?\s+", "", name)
                tokens = name.split()
                lows = {t.lower().strip(",.") for t in tokens}
                if len(tokens) < 2 or lows & _ORG_WORDS or "-based" in name:
                    continue
                if any(country_of_demonym(t.strip(",.")) for t in tokens[:1]) and len(tokens) < 3:
                    continue
                if normalize_country(name) or country_of_place(name) or not looks_like_name(name) or \
                        _STATE_WORD.search(name):
                    continue   # (a country cut short: 'People’s Republic' of China)
                start = s + m_start
                if _OBJECT_OF.search(block.text, max(s, start - 40), start):
                    continue   # '... two companies that ship cocaine for Clan del Golfo': whom they work for
                role = wordings[bi].judge(start, start + len(name))
                cand = Candidate(name=name, lookup=name, markup="text", role=role[0],
                                 reason="plain text in a designation sentence (no bold names in this release); " + role[1],
                                 decided=role[2], sentence=clean_sentence(sent), position=len(cands),
                                 mentions=[(bi, start, start + len(name))])
                cands.add(cand)
    return cands


def _comma_pieces(at: int, span: str) -> list[tuple[int, str]]:
    """A run of capitalised words cut at its commas where each side is a name of two words or more ('Marvin
    Gerardo Araya Solano, Keilor Andrés Vindas Araya'), never before a legal form ('Caribe Sur, S.A.') nor after a
    surname in capitals ('ARAYA SOLANO, Marvin Gerardo': one name, the list's order)."""
    parts = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+", span)]
    if len(parts) < 2:
        return [(at, span)]
    pieces = [parts[0]]
    for off, part in parts[1:]:
        prev = pieces[-1][1]
        if _LEGAL_AFTER_COMMA.match(span, off - 1) or len(part.split()) < 2 or len(prev.split()) < 2 or prev.strip().isupper():
            pieces[-1] = (pieces[-1][0], span[pieces[-1][0]:off + len(part)])
        else:
            pieces.append((off, part))
    return [(at + off + len(piece) - len(piece.lstrip()), piece.strip()) for off, piece in pieces]


# -- names governed by a designation sentence -------------------------------------------------

# a capitalised word: inner dots ("A.A.M"), an initial's dot ("J."), no sentence's full stop,
# no "-based" / "-linked"
_NAME_WORD = (r"(?:(?:al|el|ad|ar|as|an|ash|at|az)-)?[A-ZÀ-Þ][\w’'&]*(?:\.[\w’'&]+)*(?:-[A-ZÀ-Þ0-9][\w’'&]*)*"
              # a romanised given name's second syllable ('Pang Chi-keung', 'Park Seo-yeon'), never '-based'
              r"(?:-(?!(?:based|linked|owned|affiliated|run|controlled|led|born|registered|flagged|made|related)\b)[a-z]{2,6}\b)?"
              r"(?:(?<=\b[A-Z])\.|(?<=\bJr)\.|(?<=\bSr)\.)?")
_PARTICLE = r"(?:de|del|la|las|los|y|e|da|do|dos|van|von|bin|al|el|of)"
_LEGAL_TAIL = (r"(?i:,?\s+(?:S\.?\s?A\.?(?:\s?P\.?\s?I\.?|\s?B\.?|\s?S\.?)?(?:\s+de\s+C\.?\s?V\.?)?"
               r"|S\.?\s?de\s+R\.?\s?L\.?(?:\s+de\s+C\.?\s?V\.?)?|Co\.?,?\s+Ltd\.?|Co\.?,?\s+Limited|Company,?\s+Limited|C[ií]a\.?,?\s+Ltda\.?|Ltd\.?|Inc\.?|LLC|Limited"
               r"|Corp\.?|GmbH|Ltda\.?|B\.\s?V\.|S\.A\.S\.?|S\.\s?R\.\s?L\.|C\.\s?A\.|JSC|" + EUROPEAN_FORMS + r")(?!\w))")
# a company whose name holds a number, which only its legal form makes a name: 'Inversiones KYM
# 2024, C.A.', a numbered company '1184532 B.C. Ltd.'
_NUMBERED = rf"(?:{_NAME_WORD}\s+){{0,5}}\d{{1,9}}(?:\s+{_NAME_WORD}){{0,4}}{_LEGAL_TAIL}"
_NUMBERED_RX = re.compile(_NUMBERED)
# ... and a compound left open before 'and' ('Rijnmond Koel- en Vrieshuis B.V.', 'Kühl- und Lagerhaus GmbH')
_SUSPENDED = rf"(?:-\s+(?:en|und|and|et)\s+{_NAME_WORD})?"
# ('… Trading Co., Ltd.', '… Co., Limited': 'Co' is left to the legal form, not taken as one more word of the name)
_NOT_CO_LTD = r"(?!(?i:co)\.?,?\s+(?i:ltd|limited)(?!\w))"
_LEGAL_AFTER_COMMA = re.compile(_LEGAL_TAIL)   # (a legal form opening what follows a comma: 'Caribe Sur, S.A.')
NAME_RX = re.compile(rf"{_NUMBERED}|{_NAME_WORD}{_SUSPENDED}(?:\s+(?:{_PARTICLE}\s+)*{_NOT_CO_LTD}{_NAME_WORD}{_SUSPENDED})*(?:{_LEGAL_TAIL})?")
# a name ending in a legal form that has lower-case letters or dots inside ("Sp. z o.o.", "d.o.o.")
_NAME_EU = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})*?,?\s+(?:{EUROPEAN_FORMS})(?!\w)")
_ACTOR = r"(?:OFAC|Treasury|(?:U\.S\.\s+)?Department\s+of\s+the\s+Treasury)(?:\s*\(OFAC\))?"
_ADVERB = r"(?:(?:also|today|further|additionally|concurrently|separately|simultaneously)\s+)*"
_ACTIVE = re.compile(rf"\b{_ACTOR}\s+{_ADVERB}(?:is\s+|are\s+)?{_ADVERB}"
                     r"(?:(?:re-?)?designat(?:ed|es|ing)|sanction(?:ed|s|ing))\s+(?:today\s+)?"
                     r"(?:the\s+following(?:\s+[\w-]+){0,3}?\s*:\s*|the\s+)?")
_PASSIVE = re.compile(r"\s*,?\s+(?:is|are|was|were)\s+(?:(?:also|each|both|all|additionally|today)\s+)*(?:being\s+)?"
                      r"(?:designated|sanctioned)\b(?!\s+(?:as|a|an)\b)")
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|;\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
                  r"(?:the\s+(?=[A-Z]))?")   # ('redesignated Ochoa Velarde and the Ochoa Velarde Drug Trafficking Organization')
_APPOS = re.compile(r",\s+(?:a|an|the|his|her|its|their)\b[^,;()]{1,80}(?=,)")
# (in a list split by semicolons, an item's description runs to its semicolon: 'A, a Honduran national and the
# younger son of B, who coordinates …; C, …')
_APPOS_TO_SEMICOLON = re.compile(r",\s+(?:a|an|the|his|her|its|their)\b[^;()]{1,240}(?=;)")
# 'Today’s action targets the following individuals and entities: A, …; B, …; and C, …' (the list is today's designees)
_TODAYS_ACTION = re.compile(r"\b(?:[Tt]oday[’']s|[Tt]his)\s+action\s+(?:targets|designates|sanctions|includes)\s+"
                            r"the\s+following(?:\s+[\w-]+){0,4}?\s*:\s*")
_END_OF_LIST = re.compile(r"\s*(?:[.;:)—–,]|$|(?:pursuant|for|under|as|today|on|in|who|which|because|to|and|with"
                          r"|each|both|all|is|are|was|were)\b)")
_LEADING_NOUNS = {"brothers", "brother", "sisters", "sister", "siblings", "cousins", "cousin", "spouses", "father",
                  "mother", "son", "sons", "daughter", "daughters", "wife", "husband", "partners", "associates",
                  "leaders", "leader", "members", "member", "businessman", "businesswoman", "nationals", "national",
                  "fugitive", "trafficker", "traffickers", "kingpin", "brokers", "broker",
                  # a title before a name ('Engineer Radhamés Almánzar Peña', 'Ing. X', 'Dr. X')
                  "engineer", "ingeniero", "ingeniera", "ing.", "doctor", "dr.", "dr", "lic.", "licenciado", "licenciada"}
_PAREN_AFTER = re.compile(r"\s*\(([^()]{2,80})\)")


def _name_list(text: str, pos: int, limit: int) -> tuple[list[tuple[int, int]], int]:
    """Names listed from `pos`: "A, B (Short), C, a car dealership, and D", and where the list
    ends; the last name is dropped when a noun follows it (it qualifies a word: "the X Cartel
    leader")."""
    items, end = [], pos
    p = pos
    while p < limit:
        m = _name_at(text, p, limit)
        if m is None:
            break
        q = m.end()
        for _, pe in paren_groups(text, q):
            q = pe
        q0 = q
        ap = _APPOS.match(text, q)
        if ap:
            q = ap.end()
        if ";" in text[q:q + 250] and not _named_next(text, q, limit) and (semi := _APPOS_TO_SEMICOLON.match(text, q0)):
            q = semi.end()
        items.append((m.start(), m.end()))
        end = q
        sep = _SEP.match(text, q)
        if not sep:
            break
        p = sep.end()
    if items and not _END_OF_LIST.match(text, end):
        items.pop()
    return items, end


def _name_at(text: str, p: int, limit: int) -> re.Match | None:
    """The name starting at p and ending by limit (a European form first), or None."""
    m = _NAME_EU.match(text, p)
    if not m or m.end() > limit:
        m = NAME_RX.match(text, p)
    return m if m and m.end() <= limit else None


def _named_next(text: str, q: int, limit: int) -> bool:
    """Whether a separator and a name follow at q (as _name_list reads them)."""
    sep = _SEP.match(text, q)
    return sep is not None and _name_at(text, sep.end(), limit) is not None


def _clean_item(text: str) -> str:
    """'Brothers Ivan Ficticio Soto' -> 'Ivan Ficticio Soto'; 'Mexico.Rodolfo Inventado' (a
    sentence glued to the next) -> 'Rodolfo Inventado'."""
    text = re.split(r"(?<=[a-z])\.(?=[A-Z][a-z])", text)[-1]
    words = text.split()
    while len(words) > 1 and (words[0].lower() in _LEADING_NOUNS or len(words) > 2 and _demonym(words[0])):
        words.pop(0)
    return " ".join(words)


@functools.lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    return len(word) > 4 and bool(country_of_demonym(word))


def short_forms_in_text(blocks: list[Block]) -> tuple[dict[str, str], dict[str, str]]:
    """Two maps of the forms a release may later use for a full name, from one reading of its
    plain-text names:

    - the short forms it introduces: 'Edin Gacanin (Gacanin)' -> {'gacanin': 'Edin Gacanin'} (the
      words of the short form are words of the full name);
    - the surnames of people: {'anaya': 'Rigoberto Anaya Quezada', 'anaya quezada': …}, a word (or the
      words to its end) after the first of a
      person's full name written anywhere in the release (an official's quote included), which a
      designation sentence may use alone ('Anaya and Olvera are being designated'); never words of a
      company's name, a country, an office or an acronym ('CJNG').

    A form given for two different names maps to nothing."""
    shorts: dict[str, str] = {}
    surnames: dict[str, str] = {}
    for block in blocks:
        if block.is_heading:
            continue
        text = block.text
        for m in NAME_RX.finditer(text):
            full = _clean_item(m.group(0))
            sm = _PAREN_AFTER.match(text, m.end())
            if sm:
                short = sm.group(1).strip(" “”\"")
                ns, nf = normalize_name(short).split(), normalize_name(full).split()
                if ns and len(ns) < len(nf) and all(w in nf for w in ns):
                    _one_owner(shorts, " ".join(ns), full)
            if _a_persons_name(full):
                words = normalize_name(full).split()
                for i, word in enumerate(words[1:], 1):
                    if len(word) >= 3 and word not in _PARTICLES:
                        _one_owner(surnames, word, full)
                    if word in _PARTICLES and i + 1 < len(words):
                        _one_owner(surnames, f"{word} {words[i + 1]}", full)   # 'al-Mansouri', 'Abu Samra'
                    if i + 1 < len(words) and word not in _PARTICLES:
                        _one_owner(surnames, " ".join(words[i:]), full)   # both surnames: 'Ocampo Nava'
    return ({k: v for k, v in shorts.items() if v}, {k: v for k, v in surnames.items() if v})


def _one_owner(forms: dict[str, str], form: str, full: str) -> None:
    """forms[form] = full, or '' once two names claim it."""
    forms[form] = full if forms.get(form, full) == full else ""


def _a_persons_name(full: str) -> bool:
    tokens = full.split()
    return 2 <= len(tokens) <= 5 and not any(len(t) > 1 and t.isupper() for t in tokens) and \
        not {t.lower().strip(",.") for t in tokens} & _ORG_WORDS and not looks_like_company(full) and \
        looks_like_name(full) and not normalize_country(full) and not country_of_place(full)


_PARTICLES = frozenset("de del la las los y e da do dos van von bin al el abu ibn".split())


def _resolve(item: str, shorts: dict[str, str]) -> str | None:
    """The full name a listed item stands for, or None when it is not a person's or company's
    name (one word that is no known short form, an office, a country)."""
    item = _clean_item(strip_quotes(item))
    full = shorts.get(normalize_name(item))
    if full:
        return full
    tokens = item.split()
    lows = {w.lower().strip(",.") for w in tokens}
    if len(tokens) < 2 or lows & _ORG_WORDS or not looks_like_name(item):
        return None
    if len(tokens) <= 3 and (normalize_country(item) or country_of_place(item)):   # "Costa Rica", "Baja California"
        return None
    return item


def prose_sentences(blocks: list[Block], sentences: dict):
    """(block index, block text, start, end) of every sentence outside headings."""
    for bi, block in enumerate(blocks):
        if not block.is_heading:
            for s, e in sentences[bi]:
                yield bi, block.text, s, e


def governed_names(blocks: list[Block], sentences: dict, shorts: dict[str, str], wordings: list[Wording],
                   designated: set[str] = frozenset()) -> list[Candidate]:
    """Plain-text names that a sentence announcing today's designations governs (see the
    module's docstring), each with the role its own wording gives. `designated`: names already
    known as designated (bold), not read again."""
    out: list[Candidate] = []
    for bi, text, s, e in prose_sentences(blocks, sentences):
        listed = _TODAYS_ACTION.search(text, s, e)
        if listed is not None:
            out += _todays_action_items(text, listed, e, shorts, bi, clean_sentence(text[s:e]))
            continue
        if not _DESIGNATION_WORD.search(text, s, e):
            continue
        found: list[tuple[int, int]] = []
        for m in _ACTIVE.finditer(text, s, e):
            found += _name_list(text, m.end(), e)[0]
        for m in _IN_ADDITION.finditer(text, s, e):
            # 'In addition to Sharanya Biochem and Kulkarni, OFAC designated …': those two are today's too
            then = _THEN_DESIGNATED.search(text, m.end(), min(e, m.end() + 300))
            items, end = _name_list(text, m.end(), then.start()) if then else ([], 0)
            if items and end == then.start():
                found += items
        for m in _PASSIVE.finditer(text, s, e):
            for start in NAME_RX.finditer(text, max(s, m.start() - 600), m.start()):
                items, end = _name_list(text, start.start(), m.start())
                if items and end == m.start():
                    found += items
                    break
        if not found:
            continue
        sent = text[s:e]
        names_eo, cleaned = bool(EO_RE.search(sent)), clean_sentence(sent)
        for a, b in found:
            if text[a:b] in designated:
                continue
            name = _resolve(text[a:b], shorts)
            if not name:
                continue
            role, why, decided = wordings[bi].judge(a, b)
            if role != "designated" or (decided is None and not names_eo):
                continue
            written = _clean_item(strip_quotes(text[a:b]))
            out.append(Candidate(name=name, lookup=strip_quotes(name), markup="text", role="designated",
                                 decided=decided,
                                 reason="plain text governed by a sentence announcing today's designations; " + why,
                                 sentence=cleaned, mentions=[(bi, a, b)],
                                 # ('Salas Inzunza' for 'Rigoberto Salas Inzunza': its authorities are read by it)
                                 short_forms=[written] if written != name and written in name else []))
    return out


def _todays_action_items(text: str, listed: re.Match, e: int, shorts: dict[str, str], bi: int,
                         sentence: str) -> list[Candidate]:
    """The names listed after 'Today’s action targets the following individuals and entities:' (designated today)."""
    out = []
    for a, b in _name_list(text, listed.end(), e)[0]:
        name = _resolve(text[a:b], shorts)
        if name:
            out.append(Candidate(name=name, lookup=strip_quotes(name), markup="text", role="designated",
                                 decided="current", reason="listed under 'Today’s action targets the following …:'",
                                 sentence=sentence, mentions=[(bi, a, b)]))
    return out


_DESIGNATION_WORD = re.compile(r"designat|sanction", re.I)
_IN_ADDITION = re.compile(r"\bIn\s+addition\s+to\s+")
_THEN_DESIGNATED = re.compile(rf",\s+{_ACTOR}\s+{_ADVERB}(?:is\s+|are\s+)?{_ADVERB}(?:(?:re-?)?designat(?:ed|es|ing)|sanction(?:ed|s|ing))\b")


# a label naming a group of people ("Leaders of a Faction of …", "Associates", "The Ficticio Brothers")
_GROUP_LABEL = re.compile(r"\b(?:leaders?|members|associates|brothers|sisters|sons|daughters|family|relatives|operators"
                          r"|lieutenants|facilitators|brokers|suppliers|traffickers|launderers|financiers|partners"
                          r"|heads|founders|commanders|bosses|siblings|cousins|officials|network)\b", re.I)


def labelled_names(blocks: list[Block], sentences: dict, wordings: list[Wording]) -> list[Candidate]:
    """Names introduced (with a parenthesis: a.k.a., short form) in the first sentence of a
    paragraph that opens with a bold label which is not a name but a group of people:
    "<b>Leaders of a Faction of the X Cartel</b>: Brothers A (a.k.a. …) and B (a.k.a. …), and
    their stepbrother, C (…), lead …"."""
    out: list[Candidate] = []
    for bi, block in enumerate(blocks):
        if block.is_heading or not block.bold:
            continue
        text = block.text
        lead = len(text) - len(text.lstrip())
        bs, be = block.bold[0]
        colon = re.match(r"\s*:", text[be:be + 3])
        if bs != lead or not colon or looks_like_name(text[bs:be]) or not _GROUP_LABEL.search(text[bs:be]):
            continue
        first = next(((a, b) for a, b in sentences[bi] if a <= be < b), None)
        if first is None:
            continue
        start, end = be + colon.end(), first[1]
        for m in NAME_RX.finditer(text, start, end):
            if not _PAREN_AFTER.match(text, m.end()):
                continue
            name = _clean_item(m.group(0))
            if len(name.split()) < 2 or not looks_like_name(name) or {w.lower() for w in name.split()} & _ORG_WORDS:
                continue
            role, why, decided = wordings[bi].judge(m.start(), m.end())
            if role != "designated":
                continue
            out.append(Candidate(name=name, lookup=strip_quotes(name), markup="text", role="designated", decided=decided,
                                 reason=f"introduced under the bold label {squash(text[bs:be])[:80]!r}; {why}",
                                 sentence=clean_sentence(text[first[0]:first[1]]), mentions=[(bi, m.start(), m.end())]))
    return out


# "Both companies are also designated today.", "The three entities were designated for being owned by X."
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COLLECTIVE = re.compile(r"\s*(?:(both)\s+(?:of\s+)?(?:the\s+|these\s+)?|(?:all\s+)?(?:the\s+|these\s+)?(two|three|four|five|six)\s+)"
                         r"(?:companies|entities|firms|businesses)\s+(?:are|were)\s+(?:also\s+|each\s+|both\s+|all\s+|additionally\s+)*"
                         r"(?:being\s+)?(?:designated|sanctioned)\b", re.I)
_COMPANY_END = re.compile(r"(?:LLC|Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|Ltda\.?|S\.\s?A\.(?:\s?S\.)?|C\.\s?V\.|R\.\s?L\.|"
                          r"S\.\s?R\.\s?L\.|JSC|PLC|FZE|FZCO|B\.\s?V\.|" + EUROPEAN_FORMS + r")$", re.I)


def collective_names(blocks: list[Block], sentences: dict, wordings: list[Wording]) -> list[Candidate]:
    """Companies named in a paragraph and designated by a later sentence of it that counts them
    ("Lavallée owns Ficticia Chemicals Inc. … Pillai owns Ficta Freight LLC … Both companies are
    also designated today."): only when the paragraph names exactly that many companies before
    it (within WINDOW characters), none said to be designated before."""
    out: list[Candidate] = []
    for bi, text, s, e in prose_sentences(blocks, sentences):
        m = _COLLECTIVE.match(text, s)
        sent = text[s:e]
        if not m or not CURRENT_RE.search(sent) or HIST_NAME_RE.search(sent):
            continue
        count = _COUNTS[(m.group(1) or m.group(2)).lower()]
        found = []
        for nm in NAME_RX.finditer(text, max(0, s - WINDOW), s):
            item = _clean_item(nm.group(0))
            if re.search(r"\b(?:Inc|Ltd|Corp|Co|Ltda)$", item) and text.startswith(".", nm.end()):
                item += "."      # "Ficticia Chemicals Inc., which …"
            if _COMPANY_END.search(item) and looks_like_name(item) and item not in [f[2] for f in found]:
                found.append((nm.start(), nm.end(), item))
        if len(found) != count:
            continue
        judged = [wordings[bi].judge(a, b) for a, b, _ in found]
        if any(decided == "hist" for _, _, decided in judged):
            continue
        for a, b, item in found:
            out.append(Candidate(name=item, lookup=strip_quotes(item), markup="text", role="designated", decided="current",
                                 reason=f"one of the {count} companies the sentence {squash(sent)[:60]!r} designates",
                                 sentence=clean_sentence(sent), mentions=[(bi, a, b)]))
    return out
