"""Prosecutions and defendants from the text of a DOJ press release (pure functions).

What a release looks like, and what we take from it:

- one case ("Rochester Man Indicted ...") or a round-up of several ("three separate drug
  distribution cases", each under a bold numbered heading, or paragraphs opening "In one
  case," / "In a separate case,"). Each case gets its own rows;
- defendants are introduced as `Name, 29, of City, State,` (age and residence), `Mexican
  national Name`, `Name, an immigrant from El Salvador`, `Hubei X Co., Ltd. (X), a
  China-based chemical company`; later sentences use the surname ("Abdullahi made his
  initial appearance") or a pronoun;
- the stage of the case is in verbs: "was indicted" / "the indictment charges X" (charged),
  "was arrested", "was extradited", "pleaded guilty", "was convicted" / "found guilty"
  (convicted at trial), "was sentenced ... to 120 months" (sentenced). Histories ("pleaded
  guilty in April", "was indicted in 2022") are in the same releases: a defendant's stage
  is the furthest one the release reports for that person. Prior convictions ("has prior
  felony convictions") and future steps ("is scheduled to be sentenced", "faces up to 20
  years") are not stages. A charge is an allegation: it is never labelled 'convicted';
- officials are never defendants: anyone introduced by a title (U.S. Attorney, Judge,
  Special Agent in Charge, Sheriff, Police Chief, prosecutors ...), followed by one
  ("Name, Special Agent in Charge"), listed with one ("Assistant U.S. Attorneys A and B"),
  or quoted ("said Name"); nor are victims and witnesses. A name needs positive evidence
  to become a defendant: an age or nationality appositive, a case verb attached to it, or
  (companies) a "China-based company" description.

Everything here is regular expressions over the plain text built by doj/htmltext.py; the
tables (district names, titles, vocabularies) come from doj.yml. The layers: textscan.py
(sentences, fast search), mentions.py (names), people.py (who is who), events.py (case verbs),
stages.py (events -> each person's stage, prison terms), charges.py (statutes, offences),
districts.py; this module splits a release into cases and makes the rows.
"""
from __future__ import annotations

import dataclasses
import re
from json.encoder import encode_basestring_ascii

from .charges import HINT_WORDS, find_case_numbers, find_charges, find_statutes
from .classify import _drugs_from, _fentanyl_family, lexicon, tokens
from .districts import districts_in_text, release_districts
from .htmltext import Block
from .leads import CO_DEFENDANT_BEFORE
from .mentions import _NON_NAME
from .people import Candidate, _Scanner
from .refs import ALSO_WORDS
from .stages import _attribute
from .surnames import add_surnames, merge_short_forms, plural_dead
from .terms import sentence_months
from .textscan import _TokenWords, ascii_bytes, sentence_spans
from .titles import _any_title_stage, others_stage, title_appositive_name, title_stage
from .verbs import VERB_WORDS

_CASE_OPENER = re.compile(r"^(?:In\s+(?:one|a\s+separate|another|a\s+second|a\s+third|a\s+related|the\s+(?:first|second|third|fourth|final|last))\s+case\b)", re.I)
_CASE_OPENER_FIRST = ("I", "i", "\u0130", "\u0131")   # (what re.I matches to 'I': a paragraph can open it only so)


# the words looked for in a case's text by its charges, case verbs and 'also charged' (textscan._TokenWords)
_TEXT_WORDS = _TokenWords(sorted(HINT_WORDS | set(VERB_WORDS) | set(ALSO_WORDS)))


@dataclasses.dataclass
class Case:
    index: int
    heading: str | None
    text: str


@dataclasses.dataclass
class Extraction:
    district: str | None
    districts: list[str]
    prosecutions: list[dict]
    defendants: list[dict]


_DISTRICT_HEADING = re.compile(r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District\s+of\s+"
                               r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}:?")


def split_cases(blocks: list[Block], title: str) -> list[Case]:
    """Round-ups: bold/heading blocks that announce a case stage, or paragraphs opening
    'In one case,' / 'In a separate case,', start a new case. Otherwise one case."""
    starts = []
    for i, b in enumerate(blocks):
        if b.heading and len(b.text) < 300 and (_any_title_stage(b.text) or _DISTRICT_HEADING.fullmatch(b.text.strip())):
            starts.append((i, b.text))   # (a Main Justice round-up's section per district: 'Western District of Texas')
        elif not b.heading and b.text[:1] in _CASE_OPENER_FIRST and _CASE_OPENER.match(b.text) and not (i > 0 and blocks[i - 1].heading and starts and starts[-1][0] == i - 1):
            starts.append((i, None))
    if len(starts) < 2:
        return [Case(1, None, "\n".join(b.text for b in blocks))]
    cases = []
    preamble = "\n".join(b.text for b in blocks[:starts[0][0]])
    for n, (i, heading) in enumerate(starts):
        j = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        text = "\n".join(b.text for b in blocks[i:j])
        cases.append(Case(n + 1, heading, text))
    if preamble.strip():
        cases.insert(0, Case(0, None, preamble))
    return cases


# -- the release ---------------------------------------------------------------------------------
def extract(release_id: str, title: str, blocks: list[Block], components: list[str], url: str | None,
            published: str | None, toks: list[str] | None = None) -> Extraction:
    """Prosecution and defendant rows for one fentanyl-related release. `toks`: the
    tokens of title + text, when classification already computed them."""
    body_text = "\n".join(b.text for b in blocks)
    districts = release_districts(components, url, f"{title}\n{body_text}")
    cases = split_cases(blocks, title) if blocks else [Case(1, None, "")]
    year = int(published[:4]) if published and published[:4].isdigit() else None
    fam = _fentanyl_family()
    single = len([c for c in cases if c.index > 0]) <= 1
    release_stage = title_stage(title)
    others = others_stage(title) if single else None   # ('…; Nine Others Charged': those the text gives no stage)
    # 1. everyone named, case by case; officials anywhere in the release are officials everywhere
    scanned = []
    officials: set[str] = set()
    for case in cases:
        # a one-case release: the title belongs to the case (it may name the defendant)
        scan_text = f"{title}\n{case.text}" if single else (f"{case.heading}\n{case.text}" if case.heading and not case.text.startswith(case.heading) else case.text)
        sc = _Scanner(_with_title_name(title, case.text) if single else case.text)
        sc.scan()
        merge_short_forms(sc)   # ('Ruelas Montalvo', 'Del Valle': the person named in full)
        sc.propagate_groups()
        officials |= {c.key for c in sc.cands.values() if c.official}
        scanned.append((case, sc, scan_text))
    # which of the words looked for in the text its tokens hold (a one-case release whose tokens
    # are known): those they do not hold are not looked for
    words = _TEXT_WORDS.present(toks) if single and toks is not None else None
    prosecutions, defendants = [], []
    n_pros = n_def = 0
    lex = lexicon()
    for case, sc, scan_text in scanned:
        sc.mark_officials(officials)
        add_surnames(sc)
        plural_dead(sc)   # ('… each took a pill. Both were found dead')
        stage_default = title_stage(case.heading) if case.heading else \
            (release_stage if single else title_stage(_first_sentence(case.text)))
        people = [c for c in sc.cands.values() if not (c.official or c.victim or c.speaker)]
        strong = [c for c in people if c.evidence]
        # ('An additional individual, X, was also charged': X is someone else than the release's subject)
        default_subjects = [c for c in strong if not CO_DEFENDANT_BEFORE.search(sc.text, max(0, c.first - 40), c.first)] \
            if len(strong) == 1 else strong
        _attribute(sc, default_subjects, year, words)
        by_cand: dict[int, list] = {}
        for m in sc.mentions:
            by_cand.setdefault(id(m.candidate), []).append(m)
        found = sorted((c for c in sc.cands.values() if c.is_defendant and not _words_of_the_text(c, sc.text)
                        and not _nickname_only(c, by_cand.get(id(c), []), sc.text)), key=lambda c: c.first)
        if case.index == 0 and not found:
            continue  # a round-up's preamble: officials and praise
        for c in found:
            if c.stage == "detained":   # held in custody: arrested, or extradited if the title says so
                c.stage = "extradited" if stage_default == "extradited" else "arrested"
            if c.stage is None:
                if len(found) == 1 and stage_default:
                    c.stage = stage_default
                elif stage_default in ("charged", "arrested", "extradited"):
                    c.stage = others or stage_default
                else:
                    c.stage = "other"
        if single and release_stage == "sentenced":
            _term_from_title(found, title)
        if found:
            groups: dict[str, list[Candidate]] = {}
            for c in found:
                groups.setdefault(c.stage, []).append(c)
        elif stage_default and (case.heading or single):
            groups = {stage_default: []}
        else:
            continue
        case_toks = toks if (single and toks is not None) else tokens(scan_text)
        found_terms = lex.find(case_toks)
        case_drugs = _drugs_from(found_terms)
        organizations = sorted({c for _, v, c in found_terms if v == "cartel"})
        in_text = districts_in_text(case.text)
        case_districts = [d for d in in_text if d in districts] or districts or in_text
        district = case_districts[0] if case_districts else None
        statutes = _json_strings(find_statutes(case.text))
        numbers = find_case_numbers(case.text)
        case_number = numbers[0][0] if len(numbers) == 1 else None  # several: whose is whose?
        charges = _json_strings(find_charges(scan_text, case_toks, words))
        drugs_json = _json_strings(case_drugs)
        orgs_json = _json_strings(organizations)
        fentanyl_case = int(any(d in fam for d in case_drugs))
        for stage, members in groups.items():
            n_pros += 1
            pid = f"{release_id}#{n_pros}"
            months = [c.sentence_months for c in members if c.sentence_months is not None]
            prosecutions.append({
                "id": pid, "press_release_id": release_id, "case_index": case.index, "action": stage,
                "district": district, "statutes": statutes, "drugs": drugs_json, "charges": charges,
                "case_title": case.heading or title, "mentions_fentanyl": fentanyl_case,
                "sentence_months": max(months) if months and stage == "sentenced" else None,
                "published": published, "year": year, "defendant_count": len(members),
            })
            for c in members:
                n_def += 1
                defendants.append({
                    "id": f"{release_id}/d{n_def}", "press_release_id": release_id, "prosecution_id": pid,
                    "name": c.name, "aka": c.aka, "age": c.age, "residence": c.residence,
                    "residence_country": c.residence_country, "nationality": c.nationality,
                    "country_code": c.country_code, "is_company": int(c.is_company), "action": stage,
                    "sentence_months": c.sentence_months if stage == "sentenced" else None,
                    "sentence_text": c.sentence_text if stage == "sentenced" else None,
                    "district": district, "published": published, "organizations": orgs_json,
                    "case_number": case_number,
                    "text_evidence": _json_strings(sorted(c.evidence)),
                })
    return Extraction(districts[0] if districts else None, districts, prosecutions, defendants)


def _with_title_name(title: str, text: str) -> str:
    """A one-case release whose title names its defendant in apposition ('Tulsa Man, Devonte
    Harjo, Sentenced …') and whose text has that surname but never the full name: the name, as
    a line of its own before the text, so the surname and the lead find their person."""
    name = title_appositive_name(title)
    if not name or name in text or any(w.lower() in _NON_NAME for w in name.split()):
        return text   # ('Leader Of Imperial Gangsters Convicted', 'National Guard Member Charged': no name)
    surname = name.split()[-1]
    if not re.search(rf"\b{re.escape(surname)}\b", text):
        return text
    return f"{name}\n{text}"


def _json_strings(items: list[str]) -> str:
    """json.dumps(items) for a list of strings: the same text (the C function json.dumps uses for
    each string), without json.dumps' set-up of an encoder each call (three times the cost)."""
    return "[" + ", ".join(map(encode_basestring_ascii, items)) + "]"


def _words_of_the_text(cand: Candidate, text: str) -> bool:
    """Every word of a person's 'name' is a word the same text writes in lower case
    ('Controlled Substance', 'Money Laundering', 'Bankruptcy Trustee'): a term, not a person."""
    if cand.is_company:
        return False
    words = [w for w in cand.name.split() if len(w) > 2 and w.isalpha()]
    if len(words) < 2 or len(words) != len(cand.name.split()):
        return False
    b = ascii_bytes(text)
    for w in words:
        low = w.lower().encode("ascii", "replace")
        i = b.find(low)
        while i >= 0:
            j = i + len(low)
            if (i == 0 or not chr(b[i - 1]).isalnum()) and (j >= len(b) or not chr(b[j]).isalnum()):
                break
            i = b.find(low, i + 1)
        if i < 0:
            return False
    return True


def _term_from_title(found: list[Candidate], title: str) -> None:
    """'Paterson Man Sentenced to 87 Months in Prison ...': the term the title gives the one person
    sentenced, when the text gives none (or only the supervision after it: 'sentenced X to four
    years of supervised release')."""
    sentenced = [c for c in found if c.stage == "sentenced"]
    if len(sentenced) != 1:
        return
    c = sentenced[0]
    if c.sentence_months is not None or (c.sentence_text and "supervised release" not in c.sentence_text):
        return
    months, label = sentence_months(title)
    if label and (months is not None or c.sentence_text is None):
        c.sentence_months, c.sentence_text = months, label


# what introduces a nickname: 'A Colombian national known as “Tío Beto,”', 'referred to him only as Tío Beto'
_NICKNAMED = re.compile(r"(?:\bknown\s+as|\b(?:referred\s+to|identified)\b[^.;]{0,20}?\bas|\bcalled|\bnicknamed|\bdubbed)"
                        r"\s*[“\"]?$")


def _nickname_only(cand: Candidate, mentions: list, text: str) -> bool:
    """Every mention of the name (`mentions`) is in quotes or introduced as a nickname: a person's
    nickname (whose owner the release names, or describes), never a defendant of its own."""
    return bool(mentions) and not cand.is_company and all(
        text[m.start - 1:m.start] in ('"', "“") or _NICKNAMED.search(text, max(0, m.start - 40), m.start)
        for m in mentions)


def _first_sentence(text: str) -> str:
    spans = sentence_spans(text)
    return text[spans[0][0]:spans[0][1]] if spans else text
