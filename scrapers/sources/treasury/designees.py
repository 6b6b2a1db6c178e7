"""Who a Treasury release names: bold / `** Name**` / plain-text names with short forms and
aliases folded in, officials, datelines and figure labels dropped, and each name's role from
the wording around it (designated today, or mentioned as designated before)."""
from __future__ import annotations

import bisect
import dataclasses
import re

from ...names import normalize_name
from .candidates import (
    CONNECTORS,
    LEGAL_PIECES,
    SENTENCE_OPENERS,
    Candidate,
    CandidateSet,
    classify_paren,
    clean_sentence,
    is_attribution,
    looks_like_name,
    paren_groups,
    settle_role,
    split_several,
    strip_quotes,
)
from .classify import CURRENT_RE, EO_RE, GOVERNING_VERB, HIST_NAME_RE, OTHER_AUTHORITY
from .html import Block, html_blocks, sentence_spans, squash
from .layouts import layout_names
from .places import describes, place_mentions
from .plaintext import (
    collective_names,
    governed_names,
    labelled_names,
    listed_designees,
    plain_text_designees,
    short_forms_in_text,
)
from .prose import identified_property, prose_designees
from .wording import WINDOW, Wording


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


def extract_designees(body_html: str, blocks: list[Block] | None = None) -> list[Candidate]:
    """Names a release puts forward (bold or `** Name**`), with short forms and aliases folded
    in, officials / datelines / figure labels dropped, and a role from the text alone:
    'mentioned' when every mention says the name was designated before, else 'designated'.
    Falls back to capitalised names in designation sentences when nothing is bold, and to the
    persons and companies described in prose when they match the counts of the lead (prose.py)."""
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
    parens: dict[int, list[tuple[int, int]]] = {}
    for g in groups:
        parens.setdefault(g["block"], []).extend(g["parens"])
    wordings = [Wording(b.text, sentences[bi], b.release_links, parens.get(bi, ())) for bi, b in enumerate(blocks)]
    cands = CandidateSet()
    cleaned: dict[tuple[int, int], str] = {}
    runs: dict[int, list[tuple[int, int]]] = {}       # the bold runs of each block, sorted
    for g in groups:
        runs.setdefault(g["block"], []).append((g["start"], g["end"]))
    run_starts = {bi: [r[0] for r in rs] for bi, rs in runs.items()}
    first_para = next((bi for bi, b in enumerate(blocks) if not b.is_heading and len(squash(b.text)) > 40), None)
    for g in groups:
        if g["prose"]:
            continue
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
            classify_paren(inner.group(2), short_forms, aliases)
        for ps, pe in g["parens"]:
            classify_paren(text[ps + 1:pe - 1], short_forms, aliases)
        whole = not text[:s].strip(" *") and not text[e:].strip(" *.:")
        if not looks_like_name(written, whole_block=whole):
            cut = re.match(r"^(.{3,}?)(?:,\s+(?=[a-z])|\s+[—–-]\s+|\s+\()", written)
            if not (cut and looks_like_name(cut.group(1))):
                continue
            written = squash(cut.group(1))
        if _is_dateline(text, s, e, g["block"], first_para) or is_attribution(text, s, e):
            continue
        a, b = wordings[g["block"]].sentence_of(s)
        if (g["block"], a) not in cleaned:
            cleaned[(g["block"], a)] = clean_sentence(text[a:b])
        written = _TITLE_BEFORE.sub("", written)   # ('<b>Engineer Radhamés Almánzar Peña</b>', '<b>Dr. Kadir Yıldırım</b>')
        several = split_several(written)
        for part in several:
            ps = text.find(part, s, e) if len(several) > 1 else -1
            ms, me = (ps, ps + len(part)) if ps >= 0 else (s, e)
            near = runs[g["block"]][bisect.bisect_left(run_starts[g["block"]], ms - WINDOW):
                                    bisect.bisect_right(run_starts[g["block"]], me + 2 * WINDOW)]
            role_here = wordings[g["block"]].judge(ms, me, own=g["parens"], names=near)
            cand = Candidate(name=part, lookup=strip_quotes(part), markup=g["markup"],
                             role=role_here[0], reason=role_here[1], decided=role_here[2], sentence=cleaned[(g["block"], a)],
                             short_forms=short_forms if len(several) == 1 else [],
                             aliases=aliases if len(several) == 1 else [], pieces=g["pieces"],
                             position=len(cands), mentions=[(g["block"], ms, me)], heading_only=whole)
            if len(several) > 1:
                cand.reason += f"; one of {len(several)} names in one bold run"
            cands.add(cand)
    for cand in layout_names(blocks, sentences):
        cand.position = len(cands)
        cands.add(cand)
    if len(cands):
        for cand in listed_designees(blocks):   # ('the following companies …:' and a list, beside bold names)
            cand.position = len(cands)
            cands.add(cand)
    else:
        cands = plain_text_designees(blocks, sentences, wordings)
        if not any(c.markup == "list-item" for c in cands):
            for cand in prose_designees(blocks, sentences, wordings):
                cand.position = len(cands)
                cands.add(cand)
    shorts = {normalize_name(sf): cand.lookup for cand in reversed(cands.items) for sf in cand.short_forms}
    introduced, surnames = short_forms_in_text(blocks)
    for short, full in [*introduced.items(), *surnames.items()]:   # ('Anaya' of 'Rigoberto Anaya Quezada', in a quote)
        shorts.setdefault(short, full)
    designated = {c.name for c in cands if c.role == "designated"}
    named = {c.name for c in cands}
    # (a name the release already put forward, bold, is read as itself in a governed sentence, an organisation's
    # too: 'OFAC redesignated Ochoa Velarde and the Ochoa Velarde Drug Trafficking Organization pursuant to E.O. 14059')
    known = {**{normalize_name(c.lookup): c.lookup for c in cands.items}, **shorts}
    for cand in (governed_names(blocks, sentences, known, wordings, designated) + labelled_names(blocks, sentences, wordings)
                 + collective_names(blocks, sentences, wordings) + identified_property(blocks, sentences, wordings, named)):
        cand.position = len(cands)
        cands.add(cand)
    out = cands.items
    _full_names(out, shorts)
    for i, cand in enumerate(out):
        cand.position = i
    _acronyms(out, blocks)
    _history_in_other_mentions(out, blocks, sentences, wordings)
    _assign_countries(out, blocks, wordings)
    _assign_authorities(out, blocks, sentences)
    return out


_TITLE_BEFORE = re.compile(r"^(?:Engineer|Ingeniero|Ingeniera|Ing\.|Dr\.|Doctor|Lic\.|Licenciado|Licenciada)\s+(?=\S+\s+\S)")
_CLAUSE_OPENERS = frozenset("although though because however meanwhile whereas despite during following yesterday".split())


def _full_names(cands: list[Candidate], shorts: dict[str, str]) -> None:
    """A designee put forward by a short form the release gives a full name for elsewhere ('Ocampo
    Nava and Bustos are being designated' after 'his lieutenant, Baltazar Ocampo Nava (a.k.a. …)'):
    named in full, the short form kept as its short form (never when the full name is a designee
    of its own)."""
    have = {normalize_name(c.name) for c in cands}
    for cand in cands:
        full = shorts.get(normalize_name(cand.name))
        if not full or normalize_name(full) in have or len(full.split()) <= len(cand.name.split()) or \
                not normalize_name(full).endswith(normalize_name(cand.name)) and \
                normalize_name(cand.name) not in normalize_name(full):
            continue
        extra = normalize_name(full)[:-len(normalize_name(cand.name))].split() if \
            normalize_name(full).endswith(normalize_name(cand.name)) else []
        if any(w in SENTENCE_OPENERS or w in _CLAUSE_OPENERS for w in extra):
            continue   # 'As Smart Depot', 'Although Sergio …': a sentence's first word read with the name
        have.add(normalize_name(full))
        cand.short_forms = [cand.name, *cand.short_forms]
        cand.name, cand.lookup = full, strip_quotes(full)


def _forms_by_word(cands: list[Candidate], min_len: int = 3) -> dict[str, dict[int, dict[tuple, list]]]:
    """Each name's forms (as written, variants, short forms) indexed by their first word, then
    by their number of words and their words: finding the names a text holds takes one look-up
    per word and form length, however many names share a first word ("Wang …", "Hebei …")."""
    index: dict[str, dict[int, dict[tuple, list]]] = {}
    for cand in cands:
        for form in {squash(f) for f in [cand.lookup, *cand.variants, *cand.short_forms] if len(squash(f)) >= min_len}:
            words = tuple(_WORD.findall(form))
            if words and form.startswith(words[0]):
                index.setdefault(words[0], {}).setdefault(len(words), {}).setdefault(words, []).append((form, cand))
    return index


_WORD = re.compile(r"(?<!\w)\w+")
# a given name right before a form: it is part of another name ('Peña Ordóñez' in 'Rigoberto Peña Ordóñez')
_NOT_GIVEN = "|".join(sorted(w.title() for w in SENTENCE_OPENERS | {"against", "like", "treasury", "unlike", "via"}))
_LONGER_NAME = re.compile(rf"(?<![\w’'-])(?!(?:{_NOT_GIVEN})\s)(?![\w’'-]*-(?:based|born|linked|owned|flagged|registered)\s)"
                          r"[A-ZÀ-Þ][a-zà-ÿ][\w’'-]*\s+$")   # (never a description: 'the Colombia-based X')


def _forms_in(text: str, a: int, b: int, index: dict) -> list[tuple[int, int, Candidate]]:
    """(start, end, name) of every form of a name written in text[a:b]."""
    found = []
    spans = [m.span() for m in _WORD.finditer(text, a, b)]
    words = [text[s:e] for s, e in spans]
    for i, w in enumerate(words):
        by_len = index.get(w)
        if not by_len:
            continue
        at = spans[i][0]
        for n, table in by_len.items():
            for form, cand in table.get(tuple(words[i:i + n]), ()):
                end = at + len(form)
                if end <= b and text.startswith(form, at) and not text[end:end + 1].isalnum() and \
                        not _LONGER_NAME.search(text, max(a, at - 30), at):
                    found.append((at, end, cand))
    return found


def _history_in_other_mentions(cands: list[Candidate], blocks: list[Block], sentences: dict,
                               wordings: list[Wording]) -> None:
    """A name put forward with no wording of its own ("The cell is led by **X** (Acosta).") is
    one designated before when another sentence says so of it, by any of its forms ("OFAC
    designated Acosta on March 31, 2025."). Only wording attached to that name counts, and
    wording that says a name is designated today is never overruled -- in any sentence ("On June
    10, 2025, the Department of State designated X as an FTO. Today, OFAC is designating X
    pursuant to E.O. 14059": designated)."""
    undecided = {id(c) for c in cands if c.decided is None}   # (by their own mentions: all the others' wording counts)
    # (said to be designated before by their own mentions, by another authority: only today's wording of E.O. 14059
    # counts, 'On March 5, 2025, the Department of State designated X as an FTO … Today, OFAC is additionally
    # designating X' (or its acronym) 'pursuant to E.O. 14059')
    earlier = {id(c) for c in cands if c.decided == "hist"}
    if not undecided and not earlier:
        return
    by_word = _forms_by_word(cands)
    for bi, block in enumerate(blocks):
        if block.is_heading:
            continue
        text = block.text
        for a, b in sentences[bi]:
            hist = HIST_NAME_RE.search(text, a, b) is not None
            if not (hist or CURRENT_RE.search(text, a, b)) or \
                    (hist and OTHER_AUTHORITY.search(text, a, b) and not EO_RE.search(text, a, b)):
                continue    # "In 2015, OFAC designated X pursuant to the Kingpin Act": no word on E.O. 14059
            found = _forms_in(text, a, b, by_word)
            spans = [(s, e) for s, e, _ in found]
            for s, e, cand in found:
                if id(cand) in earlier and not hist and "14059" in text[a:b] and \
                        (_DESIGNATING_BEFORE.search(text, max(a, s - 40), s) or _DESIGNATED_AFTER.match(text, e, b)):
                    role, why, decided = wordings[bi].judge(s, e, names=spans)
                    if decided == "current":
                        settle_role(cand, role, f"{why}, of {text[s:e]!r}", decided, clean_sentence(text[a:b]))
                    continue
                if id(cand) not in undecided or any(mb == bi and ms <= s < me for mb, ms, me in cand.mentions):
                    continue
                role, why, decided = wordings[bi].judge(s, e, names=spans)
                if decided == "hist" or (decided == "current" and (_DESIGNATING_BEFORE.search(text, max(a, s - 40), s)
                                                                   or _DESIGNATED_AFTER.match(text, e, b))):
                    settle_role(cand, role, f"{why}, of {text[s:e]!r}", decided, clean_sentence(text[a:b]))


def _acronyms(cands: list[Candidate], blocks: list[Block]) -> None:
    """A name's acronym, given in parentheses after it anywhere in the release ('Cartel de Santa Rosa del Rio
    (CSRR)': its capitalised words' initials), is one of its short forms."""
    for cand in cands:
        initials = "".join(w[0] for w in cand.name.split() if w[:1].isupper())
        if len(initials) < 2:
            continue
        needle = f"{cand.name} ({initials})"
        if initials not in cand.short_forms and any(needle in b.text for b in blocks):
            cand.short_forms.append(initials)


# today's wording, of this name itself ('OFAC is designating X', 'X is being designated'; never 'OFAC
# designated two leaders of X')
_DESIGNATING_BEFORE = re.compile(r"\b(?:designat|sanction)(?:ed|ing)\s+(?:today\s+)?$")
_DESIGNATED_AFTER = re.compile(r"\s+(?:is|are)\s+(?:also\s+)?(?:being\s+)?(?:designated|sanctioned)\b")


_AUTHORITY = re.compile(r"(?:\bE\.?\s?O\.?|\bExecutive\s+Order)\s*(?:\(E\.?O\.?\)\s*)?(?:No\.?\s*)?(\d{5})\b"
                        r"|\b(Kingpin\s+Act|Foreign\s+Narcotics\s+Kingpin\s+Designation\s+Act|Caesar\s+Act|section\s+219)\b", re.I)


# an authority a designation already stands under, not today's: 'his designation pursuant to E.O. 14059
# remains in effect'
_STANDING = re.compile(r"[^.;]{0,40}?\b(?:remains?|continues?|stays?)\s+in\s+(?:effect|place|force)\b", re.I)
_STANDING_BEFORE = re.compile(r"\b(?:his|her|its|their)\s+(?:existing\s+|prior\s+|earlier\s+)?designations?\s+"
                              r"(?:pursuant\s+to|under)\s+(?:the\s+)?$", re.I)


def _assign_authorities(cands: list[Candidate], blocks: list[Block], sentences: dict) -> None:
    """The authorities named in the designation sentences that name each designee (by its
    name, a variant or a short form): "X is being designated pursuant to E.O. 13224". Each
    sentence is read once; the names in it are found through their first word."""
    for cand in cands:
        cand.authorities = []
    by_word = _forms_by_word(cands, min_len=4)
    for bi, block in enumerate(blocks):
        if block.is_heading:
            continue
        for a, b in sentences[bi]:
            sent = block.text[a:b].replace("**", "")
            labels = [f"E.O. {m.group(1)}" if m.group(1) else ("Kingpin Act" if "ingpin" in m.group(2) else squash(m.group(2)))
                      for m in _AUTHORITY.finditer(sent) if not _STANDING.match(sent, m.end())
                      and not _STANDING_BEFORE.search(sent, max(0, m.start() - 60), m.start())]
            if not labels or not GOVERNING_VERB.search(sent) or (HIST_NAME_RE.search(sent) and not CURRENT_RE.search(sent)):
                continue
            for _, _, cand in _forms_in(sent, 0, len(sent), by_word):
                cand.authorities += [label for label in labels if label not in cand.authorities]


_GAP = re.compile(r"[\s,*]*")
_DOT_GAP = re.compile(r"[\s,*]*\.[\s,.*]*")
_LEGAL_FRAGMENT = re.compile(r"^(?:[A-Z]|[Dd]e\s+[A-Z]|S\.?\s?A|S\.?\s?de\s+R|C\.?\s?V|R\.?\s?L)\.?$")


def _is_prose(piece: str) -> bool:
    """Three lower-case words or more that are not particles of names: a phrase, not a name."""
    words = re.findall(r"[^\W\d_][\w’'-]*", piece)
    return sum(1 for w in words if w.islower() and w not in CONNECTORS) >= 3


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
            # "<b>Grupo Ficticio S</b>. <b>De R</b>. <b>L</b>.": a legal form split over tags
            if not (_GAP.fullmatch(between) or _DOT_GAP.fullmatch(between)
                    and _LEGAL_FRAGMENT.match(text[spans[j].start:spans[j].end].strip())):
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
            join = ("," not in gap or bool(LEGAL_PIECES.match(nxt) or _LEGAL_FRAGMENT.match(nxt))
                    or (ends_legal and len(prev.split()) == 1))
            if join:
                names[-1].append(k + 1)
            else:
                names.append([k + 1])
        # a sentence set in bold, cut at its commas ("<b>In March 2025</b>, <b>a camp in X</b>, <b>Jalisco</b>,
        # <b>was found to …</b>"): prose, no names in it
        prose = len(chain) > 1 and any(_is_prose(piece) for piece in pieces)
        for idx in names:
            first, last = chain[idx[0]], chain[idx[-1]]
            groups.append({"block": sp.block, "start": first.start, "end": last.end, "markup": sp.markup,
                           "pieces": [squash(pieces[k]) for k in idx] if len(idx) > 1 else [], "parens": [],
                           "prose": prose})
        i = j
    # parenthetical groups right after a name: any bold run inside is a short form
    out: list[dict] = []
    for g in groups:
        text = blocks[g["block"]].text
        if out and out[-1]["block"] == g["block"]:
            if any(ps <= g["start"] and g["end"] <= pe for ps, pe in out[-1]["parens"]):
                continue
        g["parens"] = paren_groups(text, g["end"])
        out.append(g)
    return out


def _is_dateline(text: str, s: int, e: int, block: int, first_para: int | None) -> bool:
    if s > 3 or not _DASH_AFTER.match(text, e):
        return False
    written = text[s:e].strip(" *")
    return block == first_para or written.isupper() or len(written.split()) <= 3


_DASH_AFTER = re.compile(r"\s*[—–-]")


def _assign_countries(cands: list[Candidate], blocks: list[Block], wordings: list[Wording]) -> None:
    """Countries a sentence states for the names in it ("X, a Culiacan, Sinaloa-based company",
    "Mexican national X"): only places near a name can describe it."""
    by_sentence: dict[tuple[int, int, int], list[tuple[int, int, Candidate]]] = {}
    for cand in cands:
        for bi, s, e in cand.mentions:
            a, b = wordings[bi].sentence_of(s)
            by_sentence.setdefault((bi, a, b), []).append((s, e, cand))
    for (bi, a, b), members in by_sentence.items():
        members.sort(key=lambda m: (m[0], m[1], m[2].position))
        starts = [m[0] for m in members]
        text = blocks[bi].text
        for ps, pe, country in place_mentions(text[a:b]):
            ps, pe = ps + a, pe + a
            for s, e, cand in members[bisect.bisect_left(starts, ps - 300):bisect.bisect_right(starts, pe + 300)]:
                if describes(text, s, e, ps, pe) and country not in cand.countries:
                    cand.countries.append(country)
