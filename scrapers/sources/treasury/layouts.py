"""Designees a release lists outside its prose: records of identifying information ("OSPINA
FICTICIO, Juan (a.k.a. …)<br>DOB: …<br>Nationality: …", "<b>Individual:</b> Juan Ficticio<br>DOB: …",
"<b>Entity:</b> Ficticia Trading LLC, Pune, India"), the rows of a table under "the individuals
and entities sanctioned today are listed below" (its "Name" column), and one heading per designee
followed by a paragraph about it ("<h4>Juan Ficticio Paz</h4><p>Ficticio Paz is a …</p>"), and
plain paragraphs after an introduction, each opening with one designee's name ("OFAC is designating
the following:</p><p>JUAN FICTICIO PAZ (alias “El Ficticio”), a Peruvian national who …</p>").

A listed name is designated only when the release's own wording says the list is today's: the
paragraph that introduces it ("… are listed below", "… designated today:"), else its heading
("Identifying information", "Individuals designated today"), else (records and per-designee
headings, not tables) the release's lead ("Today, OFAC sanctioned two traffickers, a company and
a vessel"). A heading or an introduction that speaks of the past ("Previously designated
persons") makes its list mentioned; a list no wording claims (officials, a table of figures)
gives no names at all.
"""
from __future__ import annotations

import itertools
import re

from ...countries import normalize_country
from .candidates import (
    HEADING_WORDS,
    LEGAL_PIECES,
    RECORD_LABELS,
    Candidate,
    classify_paren,
    clean_sentence,
    looks_like_name,
)
from .classify import CURRENT_RE, GOVERNING_VERB, HIST_NAME_RE, WEAK_CURRENT_RE
from .html import EO14059_TAG as EO_TAG
from .html import Block, squash
from .recent_actions import parse_entry

# a line of a record after the name that identifies it ("DOB: 03 Mar 1972", "Nationality: Mexico",
# "NIT # 900123456-1"; not "Phone:" or "Title:" alone, which a press contact has too)
_FIELD = re.compile(r"^\s*(?:(?:DOB|D\.O\.B\.|POB|Date\s+of\s+Birth|Place\s+of\s+Birth|Nationality|Citizen(?:ship)?|Gender"
                    r"|Passport(?:\s+No\.?)?|National\s+ID(?:\s+No\.?)?|Address|Organization\s+(?:Type|Established\s+Date)"
                    r"|Registration(?:\s+(?:ID|Number|No\.?))?|Tax\s+ID(?:\s+No\.?)?|Identification\s+Number"
                    r"|Linked\s+To|Vessel\s+(?:Type|Flag)|IMO|MMSI|Call\s+Sign|Alt\.\s+Address"
                    r"|Additional\s+Sanctions\s+Information|Designated\s+(?:for|pursuant\s+to))\s*:"
                    r"|(?:NIT|RUC|R\.F\.C\.|RFC|C\.U\.R\.P\.|CURP|Cedula)\s*(?:#|No\.?|:)|Passport\s+[A-Z0-9]{5,})", re.I)
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,30}?)\s*:\s*")
_ALIAS_TAIL = re.compile(r"\s*\(([^()]{1,120})\)\s*$")
_PARENS = re.compile(r"\([^()]*\)")
_PAST = re.compile(r"\b(?:previous(?:ly)?|prior|earlier|past|former(?:ly)?|already|historical)\b", re.I)
_CLAIM = re.compile(r"\bidentifying\s+information\b|\bdesignat|\bsanction|\btoday\b|\bnew\b|\btargets?\b", re.I)
_INTRO = re.compile(r":\s*$|\b(?:below|following|as\s+follows|listed)\b", re.I)
_NAME_HEADER = re.compile(r"\bname\b|^(?:individuals?|entity|entities|designees?|targets?|persons?|company|companies|"
                          r"businesses|business)$", re.I)
_ALIAS_HEADER = re.compile(r"\balias|\ba\.k\.a\b|\bnickname", re.I)


def layout_names(blocks: list[Block], sentences: dict) -> list[Candidate]:
    """The names listed by the release's records, tables and per-designee headings, with
    the role their list's wording gives (see the module's docstring)."""
    lead = _lead(blocks, sentences)
    out = (_records(blocks, sentences, lead) + _table_rows(blocks, sentences) + _name_headings(blocks, sentences, lead)
           + _intro_lists(blocks, sentences))
    out.sort(key=lambda c: c.mentions[0])
    return out


def lead_sentences(blocks: list[Block], sentences: dict):
    """(block, start, end, sentence with its parentheses blanked) of each sentence of the release's
    lead (its first two paragraphs, a deck before the dateline one) that announces today's
    designations and tells no history."""
    paragraphs = (bi for bi, block in enumerate(blocks) if not block.is_heading and len(squash(block.text)) > 40)
    for bi in itertools.islice(paragraphs, 2):
        text = blocks[bi].text
        for a, b in sentences[bi]:
            # (history in parentheses is the name's before it: 'used by Los Lobos (sanctioned June 2024)')
            told = _PARENS.sub(lambda m: " " * len(m.group(0)), text[a:b])
            if CURRENT_RE.search(told) and GOVERNING_VERB.search(told) and not HIST_NAME_RE.search(told):
                yield bi, a, b, told


def _lead(blocks: list[Block], sentences: dict) -> str | None:
    """'current' when the release's lead announces today's designations (lead_sentences)."""
    return "current" if next(lead_sentences(blocks, sentences), None) else None


def _is_label_block(block: Block) -> bool:
    """A paragraph set in bold that is short: a sub-heading ("Individuals", "PREVIOUS DESIGNATIONS")."""
    text = block.text.strip()
    return bool(block.bold) and len(text) <= 120 and sum(e - s for s, e in block.bold) >= len(text.replace("*", "")) - 2


def _heading_says(text: str) -> str | None:
    if _PAST.search(text) or HIST_NAME_RE.search(text):
        return "hist"
    if squash(text).strip(" :").lower() in RECORD_LABELS:
        return None         # "Individuals" over a list: look further up
    return "current" if _CLAIM.search(text) else None


def _intro_says(block: Block, spans: list[tuple[int, int]]) -> str | None:
    """What a paragraph right before a list says of it when it introduces it ("… are listed
    below", "… designated today:"): 'hist', 'current' or '' (introduced by other wording: "The
    officials who took part are listed below"); None when it introduces nothing."""
    last = block.text[spans[-1][0]:spans[-1][1]] if spans else block.text
    if not _INTRO.search(last):
        return None
    if HIST_NAME_RE.search(last) or _PAST.search(last):
        return "hist"
    return "current" if CURRENT_RE.search(last) or WEAK_CURRENT_RE.search(last) else ""


def _section_sayings(blocks: list[Block], sentences: dict, skip, lead: str | None) -> list[str | None]:
    """For each block, what the wording in charge of a list starting there says of it: the
    paragraph right before it when that introduces it, else the last heading before it that
    says something, else the release's lead (`lead`, None for tables). Blocks of lists
    (`skip`) are passed over. One pass over the release, however long its lists."""
    out: list[str | None] = []
    heading = intro = None
    for bi, block in enumerate(blocks):
        out.append((intro or None) if intro is not None else heading or lead)
        if skip(bi):
            continue
        if block.is_heading or _is_label_block(block):
            heading, intro = _heading_says(block.text) or heading, None
        else:
            intro = _intro_says(block, sentences[bi])
    return out


def _candidate(name: str, aliases: list[str], said: str, why: str, bi: int, s: int, sentence: str) -> Candidate:
    role = "designated" if said == "current" else "mentioned"
    return Candidate(name=name, lookup=name, markup="layout", role=role, decided=said,
                     reason=f"{why}; {'listed as designated today' if role == 'designated' else 'listed as designated before'}",
                     sentence=clean_sentence(sentence)[:300], aliases=aliases, mentions=[(bi, s, s + len(name))])


def _split_name(line: str) -> tuple[str, list[str]]:
    """A record's first line -> (name, aliases): '(a.k.a. “EL X”)' taken off, and an address
    after a company ('Ficticia LLC, Pune, Maharashtra, India')."""
    aliases: list[str] = []
    while m := _ALIAS_TAIL.search(line):
        shorts: list[str] = []
        classify_paren(m.group(1), shorts, aliases)
        line = line[:m.start()]
    line = line.strip(" ,;.") if not re.search(r"\b[A-Z]\.$|\b(?:Inc|Ltd|Co|Corp|LTDA|Ltda)\.$", line.strip()) else line.strip(" ,;")
    pieces = [p.strip() for p in line.split(",")]
    if len(pieces) > 2 and normalize_country(pieces[-1]):
        legal = [i for i, p in enumerate(pieces) if i and LEGAL_PIECES.match(p)]
        ends = [i for i, p in enumerate(pieces) if re.search(r"\b(?:LLC|Inc\.?|Ltd\.?|Limited|Corp\.?|GmbH|S\.A\.S?\.?|Ltda\.?)$", p, re.I)]
        cut = max(legal + ends, default=0)
        line = ", ".join(pieces[:cut + 1])
    return squash(line), aliases


def _is_record(block: Block) -> bool:
    lines = [ln for ln in block.text.split("\n") if ln.strip()]
    return len(lines) >= 2 and any(_FIELD.match(ln) for ln in lines[1:]) and not _FIELD.match(lines[0])


def _labelled_record(block: Block) -> re.Match | None:
    """'<b>Entity:</b> Ficticia LLC, …': a bold record label opening the block."""
    m = _LABEL.match(block.text)
    if not m or m.group(1).strip().lower() not in RECORD_LABELS:
        return None
    lead = len(block.text) - len(block.text.lstrip())
    return m if block.bold and block.bold[0][0] == lead else None


# an entry written as on the SDN list, its program tags in brackets: 'CANTU GARZA, Rodolfo (a.k.a. "EL
# RODO"), Reynosa, Mexico; DOB 21 Nov 1977; … (individual) [SDGT] [ILLICIT-DRUGS-EO14059] (Linked To: …).'
_LIST_TAG = re.compile(r"\[[A-Z0-9][A-Z0-9 .&/-]{1,40}\]")


def _list_entry(block: Block) -> dict | None:
    text = block.text.strip()
    if "\n" in text or ";" not in text or not _LIST_TAG.search(text):
        return None
    entry = parse_entry(text)   # (the list's own entry format: read as Recent Actions read it)
    return entry if entry["programs"] and entry["name"] and text.startswith(entry["name"].split(",")[0]) else None


def _records(blocks: list[Block], sentences: dict, lead: str | None) -> list[Candidate]:
    out = []
    entries = {bi: e for bi, b in enumerate(blocks) if not b.is_heading and b.cell is None and (e := _list_entry(b))}
    records = {bi for bi, b in enumerate(blocks) if not b.is_heading and b.cell is None
               and (bi in entries or _is_record(b) or _labelled_record(b))}
    sayings = _section_sayings(blocks, sentences, records.__contains__, lead) if records else []
    for bi in sorted(records):
        block = blocks[bi]
        if bi in entries:
            entry, said = entries[bi], sayings[bi]
            if said == "current" and EO_TAG not in entry["programs"]:
                said = "hist"    # listed today under other programs only: not an E.O. 14059 designation
            if said and looks_like_name(entry["name"]):
                start = len(block.text) - len(block.text.lstrip())
                out.append(_candidate(entry["name"], entry["aliases"], said, "an entry of the list's own format"
                                      f" ({' '.join(entry['programs'])})", bi, start, block.text))
            continue
        label = _labelled_record(block)
        start = label.end() if label else len(block.text) - len(block.text.lstrip())
        line = block.text[start:].split("\n", 1)[0]
        name, aliases = _split_name(line)
        if not looks_like_name(name) or HIST_NAME_RE.search(block.text):
            continue
        said = sayings[bi]
        if said:
            out.append(_candidate(name, aliases, said, "a record of identifying information", bi, start, block.text))
    return out


def _table_rows(blocks: list[Block], sentences: dict) -> list[Candidate]:
    """The "Name" column of a table whose header row names it."""
    tables: dict[int, dict[int, dict[int, int]]] = {}        # table -> row -> column -> block
    for bi, block in enumerate(blocks):
        if block.cell is not None:
            table, row, column, _ = block.cell
            tables.setdefault(table, {}).setdefault(row, {})[column] = bi
    out: list[Candidate] = []
    sayings = _section_sayings(blocks, sentences, lambda j: blocks[j].cell is not None, None) if tables else []
    for rows in tables.values():
        header_row = min(rows)
        header = {c: squash(blocks[bi].text) for c, bi in rows[header_row].items()}
        name_col = next((c for c, t in sorted(header.items()) if _NAME_HEADER.search(t)), None)
        said = sayings[min(rows[header_row].values())] if name_col is not None else None
        if not said:
            continue
        alias_cols = [c for c, t in header.items() if _ALIAS_HEADER.search(t)]
        for r, row in sorted(rows.items()):
            if r == header_row or name_col not in row:
                continue
            bi = row[name_col]
            name, aliases = _split_name(blocks[bi].text.split("\n", 1)[0])
            for ac in alias_cols:
                if ac in row:
                    classify_paren(f"a.k.a. {blocks[row[ac]].text}", [], aliases)
            if not looks_like_name(name) or normalize_country(name):
                continue
            row_text = " | ".join(squash(blocks[row[c]].text) for c in sorted(row))
            # a row of its own saying the entry is an earlier one ('previously designated on September 19,
            # 2023 | SDN List entry updated') under a table of today's designees
            row_said = "hist" if said == "current" and HIST_NAME_RE.search(row_text) else said
            out.append(_candidate(name, aliases, row_said, f"the {header[name_col]!r} column of a table", bi,
                                  max(blocks[bi].text.find(name), 0), row_text))
    return out


def _about(heading: str, text: str) -> bool:
    """The paragraph after a heading names it: two words of it in a row ("Ficticio Arana is …"),
    or one of its words written as a name inside a sentence ("owned by Ficticio"; not
    "Presses" opening a sentence about presses)."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", heading) if w.lower() not in HEADING_WORDS]
    forms = {w for w in words if len(w) > 3} | {w.title() for w in words if len(w) > 3 and w.isupper()}
    alts = [f"(?:{re.escape(w)}|{re.escape(w.title())})" if w.isupper() else re.escape(w) for w in words]
    for i in range(len(words) - 1):
        if re.search(rf"(?<!\w){alts[i]}\s+{alts[i + 1]}(?!\w)", text):
            return True
    for form in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            before = text[:m.start()].rstrip(" “\"(")
            if before and before[-1] not in ".!?:":
                return True
    return False


def _name_headings(blocks: list[Block], sentences: dict, lead: str | None) -> list[Candidate]:
    """Headings that are each a designee's name, each followed by a paragraph about it: two
    such headings or more make the release's sections one per designee."""
    found = []
    for bi, block in enumerate(blocks[:-1]):
        nxt = blocks[bi + 1]
        if not block.is_heading or nxt.is_heading:
            continue
        name = squash(block.text)
        upper_ok = name.isupper() and name in nxt.text       # "<h4>NAVE FICTICIA II</h4> … the vessel NAVE FICTICIA II"
        if not looks_like_name(name, whole_block=not upper_ok) or not _about(name, nxt.text):
            continue
        found.append((bi, name))
    if len(found) < 2:
        return []
    heads = {bi for bi, _ in found}
    top = found[0][0]
    # between the first such heading and the others, only other headings count
    sayings = _section_sayings(blocks, sentences, lambda j: j in heads or (j > top and not blocks[j].is_heading), lead)
    out = []
    for bi, name in found:
        spans = sentences[bi + 1]
        first_sentence = blocks[bi + 1].text[spans[0][0]:spans[0][1]] if spans else blocks[bi + 1].text
        said = sayings[bi]
        # a word of history in the heading's paragraphs (of this name, or of another one): no claim
        section = itertools.takewhile(lambda b: not b.is_heading, (blocks[j] for j in range(bi + 1, len(blocks))))
        if said and not any(HIST_NAME_RE.search(b.text) for b in section):
            out.append(_candidate(name, [], said, "a heading of its own, followed by a paragraph about it", bi, 0,
                                  first_sentence))
    return out


# a paragraph of a list opening with its designee's name: the name up to the first comma or
# parenthesis (a legal form after a comma kept: "Ficticia Trading Co., Ltd., a company …")
_OPENING = re.compile(r"([^\W\d_][^,(;:]{1,150}?)\s*(?=,|\()")
_ALIAS_PAREN = re.compile(r"\s*\(\s*(?:alias(?:es)?|a\.k\.a\.?|also\s+known\s+as)\s+([^()]{1,120})\)", re.I)
_NAME_WORD = re.compile(r"[^\W\d_][\w.’'&-]*")


def _opening_name(text: str) -> tuple[str, list[str]] | None:
    """'JUAN FICTICIO PAZ (alias “El Ficticio”), a …' -> ('JUAN FICTICIO PAZ', ['El Ficticio']):
    the name a paragraph opens with, written in capitals or title case, or None."""
    lead = len(text) - len(text.lstrip())
    m = _OPENING.match(text, lead)
    if not m:
        return None
    name, end = m.group(1), m.end()
    while (nxt := re.match(r",\s*([^,()]{1,40}?)(?=\s*(?:,|\(|$))", text[end:])) and LEGAL_PIECES.match(nxt.group(1).strip()):
        name, end = text[lead:end + nxt.end()], end + nxt.end()
    name = squash(name)
    words = _NAME_WORD.findall(name)
    capitals = [w for w in words if w[0].isupper()]
    if (len(words) < 2 or len(capitals) < 2 or not words[0][0].isupper() or not looks_like_name(name)
            or HIST_NAME_RE.search(name) or normalize_country(name)):
        return None
    aliases: list[str] = []
    if alias := _ALIAS_PAREN.match(text, end):
        classify_paren(f"a.k.a. {alias.group(1)}", [], aliases)
        quoted = bool(aliases)
        if not quoted:
            aliases.extend(a.strip(" ,") for a in re.split(r";|,\s*(?:a\.k\.a\.|alias)\s*|\s+or\s+", alias.group(1)) if a.strip(" ,"))
    return name, aliases


def _intro_lists(blocks: list[Block], sentences: dict) -> list[Candidate]:
    """Plain paragraphs right after a paragraph introducing them ("OFAC is designating the
    following individuals and entities:"), each opening with one designee's name: designated when
    the introduction's wording is today's, mentioned when it tells history ("The following were
    previously designated:"); the first paragraph that opens with no name ends the list. Each
    block is read once, whatever the lists' length."""
    out: list[Candidate] = []
    bi = 0
    while bi < len(blocks):
        block = blocks[bi]
        bi += 1
        if block.is_heading or block.cell is not None or block.tag != "p" or _is_label_block(block):
            continue
        spans = sentences[bi - 1]
        last = block.text[spans[-1][0]:spans[-1][1]] if spans else block.text
        said = _intro_says(block, spans) if last.rstrip().endswith(":") else None
        if not said:
            continue
        while bi < len(blocks) and blocks[bi].tag == "p" and blocks[bi].cell is None and not _is_record(blocks[bi]):
            text = blocks[bi].text
            found = _opening_name(text)
            if found is None:
                break
            name, aliases = found
            spans = sentences[bi]
            first = text[spans[0][0]:spans[0][1]] if spans else text
            out.append(_candidate(name, aliases, said, "a paragraph of a list it opens", bi,
                                  len(text) - len(text.lstrip()), first))
            bi += 1
    return out
