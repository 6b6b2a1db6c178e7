"""Designees a release describes in plain prose, for a release that puts no name forward in
bold, lists or layouts: the lead announces today's action and counts it ("Today, OFAC
designated two Ficticia nationals and three companies …"), then each designee is the subject of
a sentence ("Juan Ficticio Paz, a Lima-based chemist, founded Ficta Trading Co., Ltd. …",
"His partner, Ana Irreal Vega, …"). Only when the names found match the lead's counts
exactly (persons: a name opening a sentence, not quoted, not an official, no history;
companies: a name with a legal form, not a former name, no history) are they designated;
otherwise nothing is."""
from __future__ import annotations

import re

from ...countries import country_of_place, normalize_country
from ...names import normalize_name
from .candidates import (
    LEGAL_ANYWHERE,
    OFFICIAL_WORDS,
    SENTENCE_OPENERS,
    Candidate,
    clean_sentence,
    is_attribution,
    looks_like_name,
)
from .classify import EO_RE, OTHER_AUTHORITY
from .html import Block, squash
from .layouts import lead_sentences
from .plaintext import _LEGAL_TAIL, _NAME_WORD, _ORG_WORDS, _PARTICLE, _demonym, prose_sentences
from .wording import Wording

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_SINGLE = {"its", "his", "her"}
_PERSON_NOUNS = {"individual", "national", "person", "man", "woman", "pilot", "chemist", "trafficker",
                 "launderer", "leader", "member", "associate", "businessman", "businesswoman", "financier",
                 "accountant", "lawyer", "courier", "operative", "lieutenant", "brother", "sister", "son",
                 "daughter", "relative", "facilitator"}
_PERSON_PLURALS = {"individuals", "nationals", "people", "men", "women", "pilots", "chemists", "traffickers",
                   "launderers", "leaders", "members", "associates", "businessmen", "businesswomen", "financiers",
                   "accountants", "lawyers", "couriers", "operatives", "lieutenants", "brothers", "sisters", "sons",
                   "daughters", "relatives", "facilitators"}
_ENTITY_NOUNS = {"company", "entity", "firm", "business", "corporation"}
_ENTITY_PLURALS = {"companies", "entities", "firms", "businesses", "corporations"}
_VESSEL_NOUNS, _VESSEL_PLURALS = {"vessel", "ship"}, {"vessels", "ships"}
_OTHER_NOUNS = {"boat", "aircraft", "plane"}
_OTHER_PLURALS = {"boats", "aircraft", "planes"}

_VERB = re.compile(r"\b(?:(?:re-?)?designat(?:ed|es|ing)|sanction(?:ed|s|ing))\s+(?:today\s+)?", re.I)
_STOP = re.compile(r"[.;:—–]|(?<![\w-])(?:pursuant|for|that|who|which|whose|under|in|based|as|linked|tied|involved"
                   r"|connected|responsible|to|with|across|operating|from|identif\w*|today|on|at|over|along)\b", re.I)
_ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+")
_ITEM = re.compile(r"(\w+)\s+(?:[\w’'.-]+\s+){0,8}?([a-z]+)")


def _counts(text: str) -> dict | None:
    """'designated two Ficticia nationals, a shipping company and its vessel pursuant to …' ->
    {'person': 2, 'entity': 1, 'other': 1}; None unless every item of the object is a counted
    person, company, vessel or aircraft."""
    m = _VERB.search(text)
    if not m:
        return None
    stop = _STOP.search(text, m.end())
    phrase = text[m.end():stop.start() if stop else len(text)].strip(" ,")
    phrase = re.sub(r"(?:,\s*|\s+)and$", "", phrase).strip(" ,")
    if not phrase:
        return None
    out = {"person": 0, "entity": 0, "vessel": 0, "other": 0, "said": phrase}
    for item in _ITEM_SEP.split(phrase):
        im = _ITEM.fullmatch(item.strip())
        if not im:
            return None
        qty, head = im.group(1).lower(), im.group(2)
        n = 1 if qty in _SINGLE else _NUMBERS.get(qty) or (int(qty) if qty.isdigit() and len(qty) <= 2 else 0)
        if not n:
            return None
        for kind, one, many in (("person", _PERSON_NOUNS, _PERSON_PLURALS), ("entity", _ENTITY_NOUNS, _ENTITY_PLURALS),
                                ("vessel", _VESSEL_NOUNS, _VESSEL_PLURALS), ("other", _OTHER_NOUNS, _OTHER_PLURALS)):
            if head in (one if n == 1 else many) and not (qty in _SINGLE and n == 1 and head not in one):
                out[kind] += n
                break
        else:
            return None
    return out if out["person"] or out["entity"] else None


def _lead(blocks: list[Block], sentences: dict) -> tuple[int, int, dict, str] | None:
    """(block, end of the sentence, counts, sentence) of the lead sentence that announces
    today's designations and counts them (first two paragraphs, no history, no other
    authority only)."""
    for bi, a, b, told in lead_sentences(blocks, sentences):
        if OTHER_AUTHORITY.search(told) and not EO_RE.search(told):
            return None
        counts = _counts(told)
        return (bi, b, counts, blocks[bi].text[a:b]) if counts else None
    return None


_COMPANY = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*(?:{_NAME_WORD}|\([A-Z]{{2,4}}\)))*{_LEGAL_TAIL}")
_FORMER = re.compile(r"(?:formerly(?:\s+(?:known\s+as|called|named))?|previously\s+known\s+as|f/k/a|f\.k\.a\.?|fka"
                     r"|a\.k\.a\.?|also\s+known\s+as|d/b/a|doing\s+business\s+as)[\s,:“\"]*$", re.I)
_ROLE_OPEN = re.compile(r"(?:His|Her|Its|Their|The)\s+(?:[\w-]+[’']s\s+)?(?:(?:[a-z][\w-]*|[A-Z][\w]*-based)\s+){0,3}[a-z][\w-]*,\s+")
# a person opening a clause inside a sentence, an appositive after the name: '…, and Lam Quoc Bao, a
# Vietnamese national, brokers the shipments'
_CLAUSE_OPEN = re.compile(r"(?:,\s+and|;)\s+")
_APPOSITIVE_AFTER = re.compile(r",\s+(?:a|an)\s+[^,;.]{3,80},\s+[a-z]")
_PERSON_WORD = r"[A-ZÀ-Þ][a-zà-ÿ’'-]+"
_PERSON = re.compile(rf"{_PERSON_WORD}(?:\s+(?:(?:de|del|la|las|los|y|da|dos|van|von|al|el|bin|ibn|abu)\s+)*{_PERSON_WORD})+")
_AFTER_PERSON = re.compile(r"\s*(?:,|\(|\s[a-z])")
_NOT_OPENING = SENTENCE_OPENERS | {
    "april", "august", "click", "december", "during", "el", "february", "financial", "friday",
    "january", "july", "june", "la", "las", "last", "los", "march", "may", "monday", "november",
    "october", "saturday", "september", "sunday", "thursday", "tuesday", "unless", "wednesday",
}
_SPEECH = re.compile(r"\b(?:said|says|stated|added|noted|remarked)\b")


def _quoted(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _body(blocks: list[Block], sentences: dict, lead_block: int, lead_end: int):
    for bi in range(lead_block, len(blocks)):
        if blocks[bi].is_heading:
            continue
        for a, b in sentences[bi]:
            if bi > lead_block or a >= lead_end:
                yield bi, a, b


def _companies(blocks, spans, wordings, limit: int) -> list[tuple[int, int, int, str]] | None:
    """The companies named with a legal form (former names and aliases aside), None past `limit`."""
    found: list[tuple[int, int, int, str]] = []
    seen: set[str] = set()
    for bi, a, b in spans:
        text = blocks[bi].text
        for m in _COMPANY.finditer(text, a, b):
            name = squash(m.group(0))
            if _FORMER.search(text, max(0, m.start() - 40), m.start()) or _quoted(text, m.start()):
                continue
            if not looks_like_name(name) or {w.lower() for w in name.split()} & _ORG_WORDS:
                return None     # an office or a document written with a legal form: no claim
            if wordings[bi].judge(m.start(), m.end())[2] == "hist" or normalize_name(name) in seen:
                continue
            seen.add(normalize_name(name))
            found.append((bi, m.start(), m.end(), name))
            if len(found) > limit:
                return None
    return found


# "the vessel Nave Ficticia (IMO 9123456)": a vessel named with its IMO number
_VESSEL = re.compile(r"\b(?:vessel|ship)\s+((?:[A-ZÀ-Þ][\w’'-]*|de|del|la|el|los|las|y)(?:\s+(?:[A-ZÀ-Þ][\w’'-]*|de|del|la|el|los|las|y)){0,5})"
                     r"\s*\(IMO(?:\s+(?:No\.|number))?\s*\d{7}\)")


def _vessels(blocks, spans, wordings) -> list[tuple[int, int, int, str]]:
    found, seen = [], set()
    for bi, a, b in spans:
        text = blocks[bi].text
        for m in _VESSEL.finditer(text, a, b):
            name = squash(m.group(1))
            if not name[0].isupper() or name in seen or wordings[bi].judge(m.start(1), m.end(1))[2] == "hist":
                continue
            seen.add(name)
            found.append((bi, m.start(1), m.end(1), name))
    return found


def _persons(blocks, spans, wordings, companies, limit: int) -> list[tuple[int, int, int, str, str]] | None:
    """The persons opening sentences (with the kind of wording that decided their role), None
    when there are far more than `limit` (each name is compared with the ones before it)."""
    found: list[tuple[int, int, int, str, str]] = []
    words_of: list[set[str]] = []
    inside = {(bi, s) for bi, s, _, _ in companies}
    company_words = [set(normalize_name(n).split()) for *_, n in companies]
    for bi, a, b in spans:
        text = blocks[bi].text
        p = a + len(text[a:b]) - len(text[a:b].lstrip())
        if (bi, p) in inside or _SPEECH.search(text, a, b):
            continue
        for at, clause in [(p, False)] + [(c.end(), True) for c in _CLAUSE_OPEN.finditer(text, p, b)]:
            got = _person_at(text, at, clause)
            if got is None:
                continue
            m, name = got
            tokens = name.split()
            lows = {t.lower() for t in tokens}
            if (tokens[0].lower() in _NOT_OPENING or lows & (_ORG_WORDS | OFFICIAL_WORDS) or not looks_like_name(name)
                    or normalize_country(name) or country_of_place(name) or _demonym(tokens[0])
                    or _quoted(text, m.start()) or is_attribution(text, m.start(), m.end())):
                continue
            norm = set(normalize_name(name).split())
            if any(norm <= cw for cw in company_words) or any(norm <= w for w in words_of):
                continue    # a company's short form, or a further mention of a person met before
            words_of.append(norm)
            found.append((bi, m.start(), m.end(), name, wordings[bi].judge(m.start(), m.end())[2] or ""))
            if len(found) > 2 * limit + 10:
                return None
    return found


def _person_at(text: str, p: int, clause: bool) -> tuple[re.Match, str] | None:
    """The person a sentence (or, `clause`, a clause inside one) opens with, maybe after a role
    ('His partner, Ana Irreal Vega, …'); a clause's person only with an appositive after the name."""
    role = _ROLE_OPEN.match(text, p)
    if role:
        p = role.end()
    m = _PERSON.match(text, p)
    if not m or not _AFTER_PERSON.match(text, m.end()) or text.startswith(("’s", "'s"), m.end()):
        return None
    if role and not re.match(r"\s*(?:,|\()", text[m.end():]):
        return None    # "His partner, Ana Irreal Vega, …": the name closes the apposition
    if clause and not role and not _APPOSITIVE_AFTER.match(text, m.end()):
        return None
    return m, squash(m.group(0))


def prose_designees(blocks: list[Block], sentences: dict, wordings: list[Wording]) -> list[Candidate]:
    """The persons and companies described in plain prose whose number matches the lead's
    counts exactly (see the module's docstring); none otherwise."""
    lead = _lead(blocks, sentences)
    if lead is None:
        return []
    lead_block, lead_end, counts, lead_sentence = lead
    spans = list(_body(blocks, sentences, lead_block, lead_end))
    companies = _companies(blocks, spans, wordings, counts["entity"])
    if companies is None or len(companies) != counts["entity"]:
        return []
    everyone = _persons(blocks, spans, wordings, companies, counts["person"])
    if everyone is None:
        return []
    persons = [p for p in everyone if p[4] != "hist"]
    if len(persons) != counts["person"]:
        return []
    said = squash(counts["said"])[:100]
    vessels = _vessels(blocks, spans, wordings) if counts["vessel"] else []
    if len(vessels) != counts["vessel"]:
        vessels = []        # the persons and companies still count; the vessels are left out
    out = [Candidate(name=name, lookup=name, markup="text", role="designated", decided=None,
                     reason=f"a vessel named with its IMO number, one of the {counts['vessel']} the lead counts ({said!r})",
                     sentence=clean_sentence(blocks[bi].text[slice(*wordings[bi].sentence_of(s))]), mentions=[(bi, s, e)])
           for bi, s, e, name in vessels]
    for bi, s, e, name, kind in everyone:
        if kind == "hist":
            a, b = wordings[bi].sentence_of(s)
            out.append(Candidate(name=name, lookup=name, markup="text", role="mentioned", decided="hist",
                                 reason="described in plain prose with wording of history; " + wordings[bi].judge(s, e)[1],
                                 sentence=clean_sentence(blocks[bi].text[a:b]), mentions=[(bi, s, e)]))
    for bi, s, e, name, *_ in sorted(persons + [(*c, "") for c in companies]):
        a, b = wordings[bi].sentence_of(s)
        kind = "persons" if any(p[:3] == (bi, s, e) for p in persons) else "companies"
        out.append(Candidate(name=name, lookup=name, markup="text", role="designated", decided=None,
                             reason=f"described in plain prose, one of the {counts['person' if kind == 'persons' else 'entity']}"
                                    f" {kind} the lead counts ({said!r}) (no name in bold, lists or layouts)",
                             sentence=clean_sentence(blocks[bi].text[a:b]), mentions=[(bi, s, e)]))
    return sorted(out, key=lambda c: c.mentions[0])


# 'OFAC is also identifying the … vessel MARÍA CAMILA (IMO 8712345) as property in which X has an
# interest': a vessel identified today as blocked property goes on the list too
_IDENTIFYING_TODAY = re.compile(r"\b(?:is|are)\s+(?:also\s+|additionally\s+)?identifying\b|\bidentif(?:y|ied|ying)\b[^.;]*\btoday\b"
                                r"|\btoday\b[^.;]*\bidentif(?:y|ied|ying)\b", re.I)


_IDENTIFYING_COMPANY = re.compile(r"\bidentifying\s+(?:the\s+)?([A-ZÁÉÍÓÚÑ][^;:()]{2,100}?)(?=,\s+(?:a|an|the|which)\b|\s+as\s+"
                                  r"(?:blocked\s+)?property\b)")


def identified_property(blocks: list[Block], sentences: dict, wordings: list[Wording], known: set[str]) -> list[Candidate]:
    """Vessels named with their IMO number, aircraft named by their tail number and companies with their
    legal form in a sentence identifying them today as blocked property (not `known` names, which it
    extends)."""
    out: list[Candidate] = []
    named = {bi for bi, block in enumerate(blocks) if "IMO" in block.text or "number" in block.text}
    for bi, text, a, b in prose_sentences(blocks, sentences):
        seg = text[a:b]
        if "identif" not in seg or not _IDENTIFYING_TODAY.search(seg):
            continue
        # 'OFAC is also identifying Acme Bodegas, S.A. de C.V., a warehouse company …, as property in which X
        # has an interest': a company with its legal form, identified today
        found = [(m, "a company identified today as blocked property") for m in _IDENTIFYING_COMPANY.finditer(text, a, b)
                 if LEGAL_ANYWHERE.search(name := squash(m.group(1))) and looks_like_name(name)]
        if bi in named:
            found += [(m, "a vessel identified today as blocked property, named with its IMO number")
                      for m in _VESSEL.finditer(text, a, b)] + \
                     [(m, "an aircraft identified today as blocked property, named by its tail number")
                      for m in _AIRCRAFT.finditer(text, a, b)]
        for m, what in found:
            name = squash(m.group(1))
            role, why, decided = wordings[bi].judge(m.start(1), m.end(1))
            if role != "designated" or name in known:
                continue
            known.add(name)
            out.append(Candidate(name=name, lookup=name, markup="text", role="designated", decided=decided,
                                 reason=f"{what}; {why}", sentence=clean_sentence(seg), mentions=[(bi, m.start(1), m.end(1))]))
    return out


# 'a Cessna Citation CJ1 bearing tail number XA-GRV' (the list names an aircraft by its registration)
_AIRCRAFT = re.compile(r"\b(?:tail|registration)\s+(?:number|no\.)\s+([A-Z0-9]{1,3}-?[A-Z0-9]{2,6})\b")
