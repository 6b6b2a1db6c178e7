"""Who a Treasury release names: bold / `** Name**` / plain-text names with short forms and
aliases folded in, officials, datelines and figure labels dropped, and each name's role from
the wording around it (designated today, or mentioned as designated before)."""
from __future__ import annotations

import dataclasses
import re

from ...countries import country_of_demonym, country_of_place, normalize_country
from ...names import normalize_name, similarity
from .classify import CURRENT_RE, GOVERNING_VERB, HIST_NAME_RE, WEAK_CURRENT_RE
from .html import Block, html_blocks, sentence_spans, squash
from .places import describes, place_mentions

CONNECTORS = {"de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "du", "van", "von", "der",
              "den", "bin", "bint", "al", "el", "le", "di", "of", "the", "and", "&", "ibn", "abu", "zu", "ter",
              "di", "della", "degli", "des", "lo", "et", "i"}
LEGAL_PIECES = re.compile(
    r"^(?:S\.?\s?A\.?(?:\s?S\.?)?(?:\s+de\s+C\.?\s?V\.?)?|S\.?\s?de\s+R\.?\s?L\.?(?:\s+de\s+C\.?\s?V\.?)?"
    r"|S\.?\s?A\.?\s?P\.?\s?I\.?\s+de\s+C\.?\s?V\.?|S\.?\s?A\.?\s?B\.?\s+de\s+C\.?\s?V\.?|S\.?\s?P\.?\s?R\.?\s+de\s+R\.?\s?L\.?"
    r"|S\.?\s?R\.?\s?L\.?|S\.?\s?A\.?\s?C\.?|S\.?\s?C\.?|A\.?\s?C\.?|L\.?\s?L\.?\s?C\.?|Inc\.?|Ltd\.?|Limited|Co\.?,?\s*Ltd\.?"
    r"|Co\.?|Corp\.?|Corporation|GmbH|Ltda\.?|PLC|Pvt\.?\s+Ltd\.?|FZE|FZCO|JSC|LLP|S\.?\s?L\.?|S\.?\s?p\.?\s?A\.?"
    r"|B\.?\s?V\.?|N\.?\s?V\.?|C\.?\s?A\.?|E\.?\s?I\.?\s?R\.?\s?L\.?)$", re.I)
_LEGAL_ANYWHERE = re.compile(r"\b(?:S\.?\s?A\.?|S\.?\s?de\s+R\.?\s?L\.?|C\.?\s?V\.?|LLC|Inc|Ltd|Limited|Co\.|Corp|GmbH|Ltda|S\.?R\.?L\.?|S\.?A\.?S\.?)\b", re.I)
OFFICIAL_WORDS = {"secretary", "director", "administrator", "attorney", "commissioner", "ambassador",
                  "president", "minister", "spokesperson", "spokesman", "treasurer", "chairman",
                  "chairwoman", "senator", "congressman", "congresswoman", "mayor", "prosecutor", "judge",
                  "governor", "undersecretary", "deputy", "assistant", "acting", "counselor", "adviser",
                  "advisor", "sheriff", "chief"}
NOT_NAME_WORDS = {"figure", "source", "note", "photo", "image", "chart", "related", "click", "view", "washington",
                  "department", "treasury", "ofac", "today", "press", "release", "caption", "graphic", "map",
                  "table", "background", "implications", "fact", "sheet"}
HEADING_WORDS = {"sanctions", "implications", "background", "overview", "designations", "designation",
                 "network", "networks", "scheme", "schemes", "role", "action", "actions", "targeting",
                 "sanctioning", "the", "of", "in", "for", "to", "and", "on", "with", "against", "a",
                 "suppliers", "traffickers", "brokers", "operators", "leaders", "leadership", "members",
                 "associates", "facilitators", "launderers", "laundering", "companies", "businesses",
                 "entities", "individuals", "persons", "operations", "activities", "trafficking", "supply",
                 "chain", "rise", "enduring", "legacy", "expanding", "targets", "sanctioned", "designated"}


@dataclasses.dataclass
class Candidate:
    name: str                       # as written (first full mention)
    lookup: str                     # the name to match (nicknames in quotes removed)
    markup: str                     # strong | asterisks | text
    role: str                       # designated | mentioned (from the text alone)
    reason: str
    sentence: str
    short_forms: list[str] = dataclasses.field(default_factory=list)
    aliases: list[str] = dataclasses.field(default_factory=list)
    variants: list[str] = dataclasses.field(default_factory=list)
    pieces: list[str] = dataclasses.field(default_factory=list)
    countries: list[str] = dataclasses.field(default_factory=list)
    position: int = 0
    mentions: list[tuple[int, int, int]] = dataclasses.field(default_factory=list)
    heading_only: bool = False      # only ever a whole bold paragraph (may be a sub-heading)
    authorities: list[str] = dataclasses.field(default_factory=list)   # "E.O. 14059", "E.O. 13224"…

    def forms(self) -> list[str]:
        return [self.lookup] + [v for v in self.variants if v != self.lookup]


def _strip_quotes(name: str) -> str:
    """'Hector “El Guero” Beltrán Peña' -> 'Hector Beltrán Peña'."""
    out = re.sub(r"\s*[“\"‘'][^”\"’']{1,40}[”\"’']\s*", " ", name)
    return squash(out) or squash(name)


def looks_like_name(name: str, *, whole_block: bool = False) -> bool:
    name = squash(name)
    if len(name) < 2 or len(name) > 160 or not re.search(r"[A-Za-zÀ-ÿ]", name):
        return False
    if re.search(r"[:;!?]|\s[—–]\s", name):
        return False
    tokens = [t for t in re.split(r"\s+", _strip_quotes(name)) if t.strip(",.()“”\"'’-")]
    if not tokens or len(tokens) > 14:
        return False
    lows = [t.strip(",.()“”\"'’").lower() for t in tokens]
    if any(w in OFFICIAL_WORDS for w in lows) or any(w in NOT_NAME_WORDS for w in lows):
        return False
    if re.fullmatch(r"figure\s*\d+.*", name, re.I):
        return False
    legal = bool(_LEGAL_ANYWHERE.search(name))
    bad = 0
    for tok, low in zip(tokens, lows):
        core = tok.strip(",.()“”\"'’")
        if not core:
            continue
        if low in CONNECTORS or core[0].isupper() or core[0].isdigit() or not core[0].isalpha():
            continue
        if LEGAL_PIECES.match(core) or re.match(r"(?:al|el|as|ash|ad|ar|at|az|an|bin|ibn|abu|bint|ul|ud|d|l)[-’'][A-Za-zÀ-ÿ]", core):
            continue
        bad += 1
    if bad > (1 if legal else 0):
        return False
    if lows[0] in CONNECTORS - {"de", "del", "la", "las", "los", "el", "al", "the", "da", "do", "dos", "van", "von", "le", "di"}:
        return False
    if whole_block:
        if any(w in HEADING_WORDS for w in lows if len(tokens) > 1) and not legal:
            return False
        if name.isupper() and len(tokens) > 1 and not legal:
            return False
    return True


@dataclasses.dataclass
class _Span:
    block: int
    start: int
    end: int
    markup: str


def _asterisk_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"\*\*\s*([^*\n]{2,150}?)\s*\*\*", text):
        s, e = m.span(1)
        out.append((s, e))
    return out


def _paren_groups(text: str, pos: int) -> list[tuple[int, int]]:
    """Consecutive parenthetical groups starting at `pos` (after optional spaces)."""
    groups = []
    while True:
        m = re.match(r"[\s*]*\(", text[pos:])
        if not m:
            break
        open_at = pos + m.end() - 1
        close = text.find(")", open_at)
        if close < 0 or close - open_at > 160:
            break
        groups.append((open_at, close + 1))
        pos = close + 1
    return groups


def extract_designees(body_html: str, blocks: list[Block] | None = None) -> list[Candidate]:
    """Names a release puts forward (bold or `** Name**`), with short forms and aliases folded
    in, officials / datelines / figure labels dropped, and a role from the text alone:
    'mentioned' when every mention says the name was designated before, else 'designated'.
    Falls back to capitalised names in designation sentences when nothing is bold."""
    blocks = blocks if blocks is not None else html_blocks(body_html)
    sentences = {bi: sentence_spans(b.text) for bi, b in enumerate(blocks)}
    spans: list[_Span] = []
    for bi, block in enumerate(blocks):
        if block.is_heading:
            continue
        spans += [_Span(bi, s, e, "strong") for s, e in block.bold]
        spans += [_Span(bi, s, e, "asterisks") for s, e in _asterisk_spans(block.text)]
    spans.sort(key=lambda x: (x.block, x.start))
    groups = _group_spans(spans, blocks)
    cands: list[Candidate] = []
    first_para = next((bi for bi, b in enumerate(blocks) if not b.is_heading and len(squash(b.text)) > 40), None)
    for g in groups:
        block = blocks[g["block"]]
        text = block.text
        s, e = g["start"], g["end"]
        raw = text[s:e]
        written = squash(raw.replace("**", ""))
        written = re.sub(r"(?:[’']s)?[\s,;:]*$", "", written)       # "Smart Depot’s", "Juan Perez,"
        short_forms, aliases = [], []
        inner = re.match(r"^(.*?)\s*\(([^()]{1,80})\)\s*$", written)
        if inner and looks_like_name(inner.group(1)):
            written = squash(inner.group(1))
            _classify_paren(inner.group(2), short_forms, aliases)
        for ps, pe in g["parens"]:
            _classify_paren(text[ps + 1:pe - 1], short_forms, aliases)
        whole = not text[:s].strip(" *") and not text[e:].strip(" *.:")
        if not looks_like_name(written, whole_block=whole):
            cut = re.match(r"^(.{3,}?)(?:,\s+(?=[a-z])|\s+[—–-]\s+|\s+\()", written)
            if not (cut and looks_like_name(cut.group(1))):
                continue
            written = squash(cut.group(1))
        if _is_dateline(text, s, e, g["block"], first_para) or _is_attribution(text, s, e):
            continue
        sent = _sentence_at(sentences[g["block"]], text, s)
        others = [(ps, pe) for o in groups if o is not g and o["block"] == g["block"] for ps, pe in o["parens"]]
        role_here = _mention_role(text, sentences[g["block"]], s, e, others)
        cand = Candidate(name=written, lookup=_strip_quotes(written), markup=g["markup"],
                         role=role_here[0], reason=role_here[1], sentence=_clean_sentence(sent),
                         short_forms=short_forms, aliases=aliases, pieces=g["pieces"],
                         position=len(cands), mentions=[(g["block"], s, e)], heading_only=whole)
        _merge_candidate(cands, cand)
    if not cands:
        cands = _plain_text_designees(blocks, sentences)
    _assign_countries(cands, blocks, sentences)
    _assign_authorities(cands, blocks, sentences)
    return cands


_AUTHORITY = re.compile(r"(?:\bE\.?\s?O\.?|\bExecutive\s+Order)\s*(?:\(E\.?O\.?\)\s*)?(?:No\.?\s*)?(\d{5})\b"
                        r"|\b(Kingpin\s+Act|Foreign\s+Narcotics\s+Kingpin\s+Designation\s+Act|Caesar\s+Act|section\s+219)\b", re.I)


def _assign_authorities(cands: list[Candidate], blocks: list[Block], sentences: dict) -> None:
    """The authorities named in the designation sentences that name each designee (by its
    name, a variant or a short form): "X is being designated pursuant to E.O. 13224"."""
    for cand in cands:
        forms = {squash(f) for f in [cand.lookup, *cand.variants, *cand.short_forms] if len(squash(f)) > 3}
        patterns = [re.compile(r"(?<!\w)" + re.escape(f) + r"(?!\w)") for f in forms]
        found: list[str] = []
        for bi, block in enumerate(blocks):
            if block.is_heading:
                continue
            for a, b in sentences[bi]:
                sent = block.text[a:b].replace("**", "")
                if not GOVERNING_VERB.search(sent) or not any(p.search(sent) for p in patterns):
                    continue
                if HIST_NAME_RE.search(sent) and not CURRENT_RE.search(sent):
                    continue
                for m in _AUTHORITY.finditer(sent):
                    label = f"E.O. {m.group(1)}" if m.group(1) else ("Kingpin Act" if "ingpin" in m.group(2) else squash(m.group(2)))
                    if label not in found:
                        found.append(label)
        cand.authorities = found


def _classify_paren(content: str, short_forms: list[str], aliases: list[str]) -> None:
    content = squash(content.replace("**", ""))
    quoted = re.findall(r"[“\"]([^”\"]{1,60})[”\"]", content)
    if re.match(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.|also known as)", content, re.I) or (quoted and len(" ".join(quoted)) >= len(content) - 12):
        aliases.extend(squash(q).strip(",") for q in quoted)
        return
    if looks_like_name(content) and len(content.split()) <= 8:
        short_forms.append(content)


def _group_spans(spans: list[_Span], blocks: list[Block]) -> list[dict]:
    """Join runs that are one name split over several tags; attach parenthetical runs that
    follow a name (short forms) to it."""
    groups: list[dict] = []
    i = 0
    while i < len(spans):
        sp = spans[i]
        text = blocks[sp.block].text
        chain = [sp]
        j = i + 1
        while j < len(spans) and spans[j].block == sp.block and spans[j].markup == sp.markup:
            between = text[chain[-1].end:spans[j].start]
            if not re.fullmatch(r"[\s,*]*", between):
                break
            chain.append(spans[j])
            j += 1
        # split the chain into names: whitespace-only gaps always join; a comma gap joins when
        # the next run is only a legal form or the run before is a single word and the chain
        # ends in a legal form ("Urbanizacion", "Inmobiliaria y …", "S.A. de C.V.").
        pieces = [text[c.start:c.end] for c in chain]
        gaps = [text[chain[k].end:chain[k + 1].start] for k in range(len(chain) - 1)]
        ends_legal = bool(LEGAL_PIECES.match(squash(pieces[-1]).strip(" ,*"))) if pieces else False
        names: list[list[int]] = [[0]]
        for k, gap in enumerate(gaps):
            nxt = squash(pieces[k + 1]).strip(" ,*")
            prev = squash(pieces[k]).strip(" ,*")
            join = "," not in gap or bool(LEGAL_PIECES.match(nxt)) or (ends_legal and len(prev.split()) == 1)
            if join:
                names[-1].append(k + 1)
            else:
                names.append([k + 1])
        for idx in names:
            first, last = chain[idx[0]], chain[idx[-1]]
            groups.append({"block": sp.block, "start": first.start, "end": last.end, "markup": sp.markup,
                           "pieces": [squash(pieces[k]) for k in idx] if len(idx) > 1 else [], "parens": []})
        i = j
    # parenthetical groups right after a name: any bold run inside is a short form
    out: list[dict] = []
    for g in groups:
        text = blocks[g["block"]].text
        if out and out[-1]["block"] == g["block"]:
            if any(ps <= g["start"] and g["end"] <= pe for ps, pe in out[-1]["parens"]):
                continue
        g["parens"] = _paren_groups(text, g["end"])
        out.append(g)
    return out


def _is_dateline(text: str, s: int, e: int, block: int, first_para: int | None) -> bool:
    if s > 3 or not re.match(r"\s*[—–-]", text[e:]):
        return False
    written = text[s:e].strip(" *")
    return block == first_para or written.isupper() or len(written.split()) <= 3


def _is_attribution(text: str, s: int, e: int) -> bool:
    return bool(re.search(r"\bsaid\s*[*]*\s*$", text[:s]) or re.match(r"\s*[*]*,?\s*said\b", text[e:]))


def _sentence_at(spans: list[tuple[int, int]], text: str, pos: int) -> str:
    for s, e in spans:
        if s <= pos < e:
            return text[s:e]
    return text


def _clean_sentence(text: str) -> str:
    return squash(text.replace("**", ""))


def _mention_role(text: str, spans: list[tuple[int, int]], s: int, e: int,
                  elsewhere: list[tuple[int, int]] = ()) -> tuple[str, str]:
    """The role one mention of a name gets from the wording around it: the nearest marker in
    its sentence decides ("whom OFAC previously designated" -> mentioned). Markers inside the
    parentheses that follow *another* name ("X (designated by OFAC in 2022), whose brother Y")
    are that name's, not this one's."""
    sent_start, sent_end = next(((a, b) for a, b in spans if a <= s < b), (0, len(text)))
    sent = text[sent_start:sent_end]
    rel_s, rel_e = s - sent_start, e - sent_start
    skip = [(a - sent_start, b - sent_start) for a, b in elsewhere]

    def keep(m):
        return not any(a <= m.start() < b for a, b in skip)

    markers = [(m.start(), m.end(), "hist", m.group(0)) for m in HIST_NAME_RE.finditer(sent) if keep(m)]
    markers += [(m.start(), m.end(), "current", m.group(0)) for m in CURRENT_RE.finditer(sent) if keep(m)]
    markers += [(m.start(), m.end(), "current", m.group(0)) for m in WEAK_CURRENT_RE.finditer(sent) if keep(m)]
    if not markers:
        return "designated", "named in bold in an E.O. 14059 release"

    def dist(mk):
        ms, me = mk[0], mk[1]
        return rel_s - me if me <= rel_s else (ms - rel_e if ms >= rel_e else 0)

    best = min(markers, key=lambda mk: (dist(mk), mk[2] != "hist"))
    if best[2] == "hist":
        return "mentioned", f"said to be designated before ({best[3]!r})"
    return "designated", f"designated by this release ({best[3]!r})"


def _same_person(a: str, b: str) -> bool:
    na, nb = normalize_name(_strip_quotes(a)), normalize_name(_strip_quotes(b))
    if not na or not nb:
        return False
    if na == nb or sorted(na.split()) == sorted(nb.split()):
        return True
    ta, tb = na.split(), nb.split()
    if len(ta) == len(tb) and len(ta) >= 2 and similarity(na, nb) >= 0.9:
        return True
    return False


def _part_of(short: str, full: str) -> bool:
    """'Ortega' / 'Hubei Lantern' / 'Salas Ugalde' is a part of the full name."""
    ns, nf = normalize_name(_strip_quotes(short)).split(), normalize_name(_strip_quotes(full)).split()
    if not ns or len(ns) >= len(nf):
        return False
    return all(t in nf for t in ns) and any(len(t) > 3 for t in ns)


def _merge_candidate(cands: list[Candidate], new: Candidate) -> None:
    for c in cands:
        known = [c.lookup, *c.variants, *c.short_forms, *c.aliases]
        if any(_same_person(new.lookup, k) for k in known) or _part_of(new.lookup, c.lookup):
            if normalize_name(new.lookup) not in {normalize_name(k) for k in known} and not _part_of(new.lookup, c.lookup):
                c.variants.append(new.lookup)
            for sf in new.short_forms:
                if sf not in c.short_forms:
                    c.short_forms.append(sf)
            c.aliases += [a for a in new.aliases if a not in c.aliases]
            c.mentions += new.mentions
            c.heading_only = c.heading_only and new.heading_only
            if c.role == "mentioned" and new.role == "designated":
                c.role, c.reason, c.sentence = new.role, new.reason, new.sentence
            return
    cands.append(new)


# Plain-text fallback, for a designation release that puts no name in bold.
_CAP_TOKEN = r"(?:[A-ZÀ-Þ][\w’'.-]*\.?|(?:de|del|la|las|los|y|e|da|do|dos)(?=\s+[A-ZÀ-Þ]))"
_CAP_SPAN = re.compile(rf"{_CAP_TOKEN}(?:,?\s+{_CAP_TOKEN})*")
_ORG_WORDS = {"department", "office", "treasury", "ofac", "government", "executive", "order", "e.o.", "dea",
              "fbi", "hsi", "united", "states", "u.s.", "administration", "bureau", "agency", "force",
              "attorney", "court", "district", "today", "today’s", "the", "this", "these", "financial",
              "crimes", "enforcement", "network", "fincen", "control", "foreign", "assets", "act",
              "president", "secretary", "congress", "state", "homeland", "security", "investigations",
              "justice", "cartel", "cartels", "organization"}


def _introduces_list(text: str) -> bool:
    text = text.strip()
    return text.endswith(":") and bool(re.search(r"\b(?:designat|sanction)\w*", text, re.I)) and bool(
        CURRENT_RE.search(text) or WEAK_CURRENT_RE.search(text)) and not HIST_NAME_RE.search(text)


def _plain_text_designees(blocks: list[Block], sentences: dict) -> list[Candidate]:
    cands: list[Candidate] = []
    intro = False
    for bi, block in enumerate(blocks):
        if block.is_heading:
            intro = False
            continue
        if block.tag == "li" and intro:
            m = _CAP_SPAN.match(block.text.strip())
            lead = len(block.text) - len(block.text.lstrip())
            if m:
                name = re.sub(r"[\s,;:]+$", "", m.group(0))
                if len(name.split()) >= 1 and looks_like_name(name) and not normalize_country(name):
                    cand = Candidate(name=name, lookup=name, markup="list-item", role="designated",
                                     reason="listed under a sentence announcing today's designations",
                                     sentence=_clean_sentence(block.text), position=len(cands),
                                     mentions=[(bi, lead + m.start(), lead + m.start() + len(name))])
                    _merge_candidate(cands, cand)
            continue
        intro = _introduces_list(block.text)
        for s, e in sentences[bi]:
            sent = block.text[s:e]
            if not (CURRENT_RE.search(sent) or WEAK_CURRENT_RE.search(sent)) or HIST_NAME_RE.search(sent):
                continue
            verb = re.search(r"\b(?:designat|sanction)\w*", sent, re.I)
            if not verb:
                continue
            for m in _CAP_SPAN.finditer(sent):
                name = m.group(0).strip(" ,")
                name = re.sub(r"^(?:Today|Additionally|Also|In addition|Furthermore),?\s+", "", name)
                tokens = name.split()
                lows = {t.lower().strip(",.") for t in tokens}
                if len(tokens) < 2 or lows & _ORG_WORDS or "-based" in name:
                    continue
                if any(country_of_demonym(t.strip(",.")) for t in tokens[:1]) and len(tokens) < 3:
                    continue
                if normalize_country(name) or country_of_place(name) or not looks_like_name(name):
                    continue
                start = s + m.start()
                role = _mention_role(block.text, sentences[bi], start, start + len(name))
                cand = Candidate(name=name, lookup=name, markup="text", role=role[0],
                                 reason="plain text in a designation sentence (no bold names in this release); " + role[1],
                                 sentence=_clean_sentence(sent), position=len(cands),
                                 mentions=[(bi, start, start + len(name))])
                _merge_candidate(cands, cand)
    return cands


def _assign_countries(cands: list[Candidate], blocks: list[Block], sentences: dict) -> None:
    by_sentence: dict[tuple[int, int], list[tuple[Candidate, int, int]]] = {}
    for cand in cands:
        for bi, s, e in cand.mentions:
            for a, b in sentences[bi]:
                if a <= s < b:
                    by_sentence.setdefault((bi, a), []).append((cand, s, e))
                    break
    for (bi, a), members in by_sentence.items():
        b = next(e for s, e in sentences[bi] if s == a)
        text = blocks[bi].text
        for ps, pe, country in place_mentions(text[a:b]):
            ps, pe = ps + a, pe + a
            for cand, s, e in members:
                if describes(text, s, e, ps, pe) and country not in cand.countries:
                    cand.countries.append(country)
