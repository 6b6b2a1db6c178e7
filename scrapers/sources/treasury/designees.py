"""Who a Treasury release names: bold / `** Name**` / plain-text names with short forms and
aliases folded in, officials, datelines and figure labels dropped, and each name's role from
the wording around it (designated today, or mentioned as designated before)."""
from __future__ import annotations

import dataclasses
import re

from ...names import normalize_name
from .candidates import (LEGAL_PIECES, Candidate, classify_paren, clean_sentence, looks_like_name, merge_candidate,
                         paren_groups, sentence_at, split_several, strip_quotes)
from .classify import CURRENT_RE, GOVERNING_VERB, HIST_NAME_RE
from .html import Block, html_blocks, sentence_spans, squash
from .places import describes, place_mentions
from .plaintext import governed_names, labelled_names, plain_text_designees, short_forms_in_text
from .wording import mention_role

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
            classify_paren(inner.group(2), short_forms, aliases)
        for ps, pe in g["parens"]:
            classify_paren(text[ps + 1:pe - 1], short_forms, aliases)
        whole = not text[:s].strip(" *") and not text[e:].strip(" *.:")
        if not looks_like_name(written, whole_block=whole):
            cut = re.match(r"^(.{3,}?)(?:,\s+(?=[a-z])|\s+[—–-]\s+|\s+\()", written)
            if not (cut and looks_like_name(cut.group(1))):
                continue
            written = squash(cut.group(1))
        if _is_dateline(text, s, e, g["block"], first_para) or _is_attribution(text, s, e):
            continue
        sent = sentence_at(sentences[g["block"]], text, s)
        others = [(ps, pe) for o in groups if o is not g and o["block"] == g["block"] for ps, pe in o["parens"]]
        several = split_several(written)
        for part in several:
            ps = text.find(part, s, e) if len(several) > 1 else -1
            ms, me = (ps, ps + len(part)) if ps >= 0 else (s, e)
            role_here = mention_role(text, sentences[g["block"]], ms, me, others, history=block.release_links)
            cand = Candidate(name=part, lookup=strip_quotes(part), markup=g["markup"],
                             role=role_here[0], reason=role_here[1], sentence=clean_sentence(sent),
                             short_forms=short_forms if len(several) == 1 else [],
                             aliases=aliases if len(several) == 1 else [], pieces=g["pieces"],
                             position=len(cands), mentions=[(g["block"], ms, me)], heading_only=whole)
            if len(several) > 1:
                cand.reason += f"; one of {len(several)} names in one bold run"
            merge_candidate(cands, cand)
    in_bold = bool(cands)
    if not in_bold:
        cands = plain_text_designees(blocks, sentences)
    shorts = {normalize_name(sf): cand.lookup for cand in reversed(cands) for sf in cand.short_forms}
    for short, full in short_forms_in_text(blocks).items():
        shorts.setdefault(short, full)
    for cand in governed_names(blocks, sentences, shorts) + labelled_names(blocks, sentences):
        cand.position = len(cands)
        merge_candidate(cands, cand)
    for i, cand in enumerate(cands):
        cand.position = i
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
        g["parens"] = paren_groups(text, g["end"])
        out.append(g)
    return out


def _is_dateline(text: str, s: int, e: int, block: int, first_para: int | None) -> bool:
    if s > 3 or not re.match(r"\s*[—–-]", text[e:]):
        return False
    written = text[s:e].strip(" *")
    return block == first_para or written.isupper() or len(written.split()) <= 3


def _is_attribution(text: str, s: int, e: int) -> bool:
    return bool(re.search(r"\bsaid\s*[*]*\s*$", text[:s]) or re.match(r"\s*[*]*,?\s*said\b", text[e:]))


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
