"""Who a DOJ release names and what it says of each: age, residence, nationality, company
descriptions; officials, speakers and victims told apart from defendants (the scanner)."""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from ...countries import demonym_pattern, subdivision_code
from ...names import normalize_name
from .classify import tables
from .companies import company_names
from .described import _AGE_LABEL, _DEGREES, PLACE, _add_aka, read_described
from .districts import geo
from .headers import inverted_names
from .mentions import (
    _LEGAL_RX,
    LEGAL,
    NAME_RUN_RX,
    _article_before,
    _attributive,
    caps_name,
    caps_names,
    company_key,
    run_names,
)
from .officials import (
    BYSTANDER_RIGHT,
    NOT_THE_VICTIM,
    TOWN_AFTER,
    _may_name_office,
    _victim_hint,
    _victim_hint_lower,
    bystander,
    company_left,
    former_left,
    in_victim_list,
    official_left_kind,
    titled_defendant,
)
from .textscan import _ascii_view

# a person described by age before the name and its comma ('a 24-year-old Staten Island woman, ')
_AGED_PERSON = (r"(?:an?\s+)?\d{1,2}-year-old\s+(?:[\w.’'-]+\s+){0,3}?"
                r"(?:man|woman|boy|girl|teen|teenager|student|mother|father|resident),\s*")


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    t = tables()
    demonyms = demonym_pattern()
    suffix_alt = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(t["official_suffixes"], key=len, reverse=True))
    victims = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(t["victim_words"], key=len, reverse=True))
    return {
        "official_right": re.compile(rf"^\s*,\s*(?:the\s+|an?\s+)?(?:[A-Z][\w.&’'-]*\s+){{0,5}}(?:{suffix_alt})\b"),
        "speaker_right": re.compile(r"^\s*,?\s*(?:said|says|stated|added|explained|noted|commented)\b"),
        # ('the death of a 24-year-old Staten Island woman, A': a longer way to the name, through her description)
        "victim_left": re.compile(rf"\b(?:{victims})\b(?:[^.;]{{0,35}}|\s+(?:of\s+)?{_AGED_PERSON})$"
                                  # ('the overdose death in January 2025 of a 22-year-old Antioch man, A')
                                  rf"|\bdeaths?\b[^.;]{{0,30}}?\bof\s+{_AGED_PERSON}$", re.I),
        # ('X, 31, of St. Paul, died after …', 'X, a 19-year-old Shiprock man, was found dead')
        # ('X, 19, a Kennesaw college student, died', 'a Billings man, X, died', 'X was pronounced dead')
        "victim_right": re.compile(rf"^(?:\s*,\s*\d{{1,2}}\s*,)?{TOWN_AFTER}?"
                                   r"(?:\s*,?\s*(?:a|an)\s+[^,;.]{1,60}?(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,|(?=\s+who\s)))?"   # ('a 19-year-old from Tacoma, Washington,'; '… in Tucson who died')
                                   # (never a defendant who died: 'A third defendant, X, died in custody')
                                   r",?\s*(?:who\s+)?(?:later\s+)?(?:died(?!\s+(?:in\s+(?:custody|jail|prison)|before|while|awaiting|pending))|"
                                   r"overdosed|passed\s+away|was\s+(?:found|pronounced)\s+dead|"
                                   r"was\s+killed|suffered\s+a\s+(?:fatal|non-fatal))"),
        "nat_right": re.compile(rf"^\s*,?\s*(?:and\s+)?(?:both\s+|all\s+)?(?:(?:a|an)\s+)?(?:\d{{1,2}}-year-old\s+)?({demonyms})\s+(?:nationals?|citizens?|man|woman|national)\b", re.I),
        "citizen_of": re.compile(rf"^\s*,?\s*(?:and\s+)?(?:(?:a|an)\s+)?(?:\d{{1,2}}-year-old\s+)?(?:citizen|national|native|immigrant)s?\s+(?:of|from)\s+(?:the\s+)?({PLACE})"),
        "based_right": re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?([A-Z][\w .’'-]*?)-based\b"),
        "based_left": re.compile(r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)(?:-based)?\s+(?:chemical\s+|pharmaceutical\s+|biotech(?:nology)?\s+|trading\s+|shell\s+|front\s+|pharmacy\s+|logistics\s+)*(?:company|companies|firm|firms|business|businesses|supplier|suppliers|manufacturer|manufacturers|vendor)\s*,?\s*$"),
        "pronoun": re.compile(r"(?:^|[^\w])(?:he|she|they|the\s+defendants?|both\s+(?:men|women|defendants)|each\s+defendant|all\s+(?:\w+\s+)?defendants)\s*(?:,[^,]{0,60},\s*)?(?:\w+\s+){0,3}$", re.I),
        "group_sep": re.compile(r"^\s*(?:,|;|,?\s+and|,?\s+&)\s*(?:and\s+)?$"),
    }


# -- data -------------------------------------------------------------------------------------
@dataclasses.dataclass
class Mention:
    start: int
    end: int
    name: str
    key: str
    is_company: bool = False
    full: bool = True
    candidate: "Candidate | None" = None
    title_before: bool = False
    aka: str | None = None
    alias_of: "Candidate | None" = None


@dataclasses.dataclass
class Candidate:
    name: str
    key: str
    is_company: bool
    first: int
    age: int | None = None
    residence: str | None = None
    residence_country: str | None = None
    nationality: str | None = None
    country_code: str | None = None
    aka: str | None = None
    official: bool = False
    victim: bool = False
    buyer: bool = False     # sold to ('sold pills to X, 19,'): a defendant only by a case verb of their own
    bystander: bool = False  # 'X, 31, was not charged', 'X testified', 'X, 19, who survived': the same
    speaker: bool = False
    evidence: set = dataclasses.field(default_factory=set)
    stage: str | None = None
    sentence_months: float | None = None
    sentence_text: str | None = None
    term_when: str = ""   # 'recent' ('sentenced today to 30 months'), 'dated' (a year in its clause) or '' (stages._record)
    surnames: list = dataclasses.field(default_factory=list)
    nat_from_left: bool = False
    shared_residence: bool = False

    @property
    def is_defendant(self) -> bool:
        """Positive evidence, no sign of an official, victim or speaker; a company only when a case verb is about it."""
        if (self.is_company or self.buyer or self.bystander) and "event" not in self.evidence:
            return False
        return bool(self.evidence) and not (self.official or self.victim or self.speaker)


_SPEAKER_LEFT = ("said", "says", "stated", "added", "according to", "thanked", "commended", "praised")


_AGED = re.compile(rf",[ \t]*(?:{_DEGREES},[ \t]*)?"
                   r"(?:age[ \t]+|aged[ \t]+)?\d{1,2}[ \t]*[,.);]")
_RESIDENCE_BEFORE = re.compile(r"\d{1,2}\)?,?\s+(?:of|from)\s+$")   # 'O'Shields, 31, of Van Buren,': a town
_SOLD_TO = r"\b(?:sold|sell|selling|supplied|distributed|provided|delivered|gave|furnished)\b[^.;]{0,80}?\bto\s+"
_BUYER_BEFORE = re.compile(_SOLD_TO + r"(?:the\s+)?\d{1,2}-year-old\s+$")
_BUYER_BEFORE_NAME = re.compile(_SOLD_TO + r"(?:[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3},[ \t]*\d{1,2},[ \t]*and[ \t]+"
                                r"(?:(?:his|her|their)[ \t]+(?:friend|boyfriend|girlfriend|roommate|cousin|brother|sister),?[ \t]+)?)?$")   # ('to A, 24, and her friend B, 26')
_MINOR_BEFORE = re.compile(r"\b(?:[1-9]|1[0-7])-year-old\s+(?:(?:boy|girl|student|teen|teenager|son|daughter)\s+)?$")
# a title after a name's comma that opens the next clause's subject ('In sentencing A, Judge B noted …': B's title)
_TITLED_SUBJECT_NEXT = re.compile(r"\s+[A-Z][\w’'-]+\s+(?:noted|said|stated|found|ordered|imposed|told|added|wrote|called|cited)\b")
# a company's short form of one word in parentheses after its name: 'Acme Chemical Co., Ltd. (Acme)'
_SHORT_FORM = re.compile(r" \(([A-Z][\w&-]{2,})\)")
_NOT_SHORT_FORMS = frozenset(("company", "companies", "defendant", "defendants", "firm", "the", "corporation", "group"))
# a state or province after a name and its comma: the name is a town ('San Luis Río Colorado, Sonora,')
_REGION_AFTER = re.compile(r", ([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2})(?=[,.;:])")


def _region_after(text: str, at: int, state_names) -> bool:
    m = _REGION_AFTER.match(text, at)
    return m is not None and (m.group(1) in state_names or subdivision_code(m.group(1)) is not None)


_AGED_PAREN = re.compile(r" \((?:age[ \t]+)?\d{1,2}\)")
_JOINED = re.compile(r"(?:\s*,\s*\d{1,2})?\s*(?:,|;)?\s*(?:and\s+|&\s+)?$")


_LEGAL_NEXT = re.compile(rf",?\s*(?:{LEGAL})")   # (a legal form right after a company's name)
_PLURAL_AFTER = re.compile(r"(?:\s*,\s*(?:age\s+)?\d{1,2})?\s*,?\s*(?:all\s+|both\s+)?(?:were|have\s+been|had\s+been)\b")
_COMMA_ONLY = re.compile(r"^\s*,\s*$")
_RELATION = (r"(?:boyfriend|girlfriend|wife|husband|friend|son|daughter|brother|sister|mother|father|cousin|partner|"
             r"child|niece|nephew|grandson|granddaughter|roommate|neighbor|neighbour)")
# 'Jane Roe, 43, her boyfriend John Doe, 40, and friend Jim Poe': an age and a relation between the names
_VICTIM_JOIN = re.compile(rf"\s*,\s*\d{{1,2}}\s*[,;]?\s*(?:and\s+)?(?:(?:his|her|their)\s+)?{_RELATION}\s+$")
# 'caused the deaths of A, 22, of Shepherdsville, on November 3, 2019, and B, 31,': the second of the dead
_DEATHS_OF = re.compile(r"\b(?:deaths|overdoses)\s+of\s+$")
_DEAD_JOIN = re.compile(r"(?:\s*,\s*\d{1,2})?(?:\s*,\s*of\s+[A-Z][^,;.]{1,30}(?:,\s*[A-Z][\w.]*)?)?"
                        r"(?:\s*,?\s*(?:on|in)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?,?\s+\d{4})?(?:\s*,?\s+and\s+|\s*;\s*(?:and\s+)?)$")


def _listed_on(text: str, sep: re.Pattern, ms: list, k: int) -> bool:
    """ms[k] is followed by another name of the same list ('A, B and C'); a comma alone
    before it could end an appositive ('Judge A, B was detained')."""
    return k + 1 < len(ms) and bool(sep.match(text[ms[k].end:ms[k + 1].start]))


class _Scanner:
    """Finds the people and companies named in one case's text, and what the text says
    about each (age, residence, nationality; official, victim, speaker)."""

    def __init__(self, text: str):
        self.text = text
        self.p = _patterns()
        self.victim_hint = _victim_hint()
        self._low_view: bytes | None | bool = False   # (_ascii_view's second part, once needed)
        self.cands: dict[str, Candidate] = {}
        self.mentions: list[Mention] = []

    def scan(self) -> None:
        text = self.text
        company_spans = []
        for start, end, name in company_names(text):
            company_spans.append((start, end))
            self.mentions.append(Mention(start, end, name, company_key(name), is_company=True))
        for m in caps_names(text):
            got = caps_name(m.group(1))
            if got and not any(a <= m.start() < b for a, b in company_spans):
                self.mentions.append(Mention(m.start(), m.end(1), got[0], got[1]))
        state_names = geo()["state_names"]
        places: set[str] = set()
        for m in NAME_RUN_RX.finditer(text):
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] in "’'-"):
                continue
            if company_spans and any(a <= s < b for a, b in company_spans):
                continue
            aged = (text[m.end():m.end() + 1] == "," and _AGED.match(text, m.end()) is not None) or \
                (text[m.end():m.end() + 2] == " (" and _AGED_PAREN.match(text, m.end()) is not None)   # 'Eun-ji Park (31)'
            run = m.group(0)
            if run.endswith(" Age") and text.startswith(":", m.end()) and _AGE_LABEL.match(text, m.end() - 4):
                run, aged = run[:-4], True   # 'Name    Age: 58': the label is no part of the name
            for start, end, name, key, title, aka in run_names(run, aged):
                if name in state_names or (" " in name and subdivision_code(name)):
                    continue  # 'Puerto Rico', 'New York', 'British Columbia', 'Baja California': places
                if text[s + end:s + end + 1] == "/" or (s + start and text[s + start - 1] == "/"):
                    continue  # 'Brighton Place/Northview Heights Crips': an organisation's name
                if _attributive(text, s + start, s + end) or \
                        (start and ". " not in m.group(0)[:start] and _article_before(text, s)) or \
                        (not start and _RESIDENCE_BEFORE.search(text, max(0, s - 16), s)) or \
                        (not aged and text.startswith(", ", s + end) and _region_after(text, s + end, state_names)):
                    places.add(key)
                    continue  # 'A Van Nuys man', 'the Crow Indian Reservation', 'a Controlled Substance', 'X, 31, of Van Buren,'
                self.mentions.append(Mention(s + start, s + end, name, key, title_before=title, aka=aka))
        inverted = inverted_names(text)
        if inverted:
            # 'GRIMSLEY, Antwan Lamar' in a table's name column: one name, in the usual order (what
            # the scan read inside it, 'Antwan Lamar', is no name of its own)
            companies = [(mm.start, mm.end) for mm in self.mentions if mm.is_company]
            inverted = [i for i in inverted if not any(a < i[1] and i[0] < b for a, b in companies)]   # (a company stays one)
            covered = bytearray(len(text))
            for a, b, _ in inverted:
                covered[a:b] = b"\x01" * (b - a)
            self.mentions = [mm for mm in self.mentions if not covered[mm.start]]
            self.mentions += [Mention(a, b, name, normalize_name(name)) for a, b, name in inverted]
        if places:
            # a name written once as a place or a thing is one everywhere ('in Des Moines')
            self.mentions = [mm for mm in self.mentions if mm.is_company or mm.key not in places]
        self.mentions.sort(key=lambda x: x.start)
        self._starts_cache = [mm.start for mm in self.mentions]
        self.aliases: dict[str, Candidate] = {}
        for k, mention in enumerate(self.mentions):
            if mention.alias_of is not None:
                # 'Jane Roe, aka Janet Roe, 58': the same person
                mention.candidate = mention.alias_of
                continue
            before = self.mentions[k - 1] if k else None
            if before is not None and before.is_company and \
                    text[before.end:mention.start] in (" (", "(", " (“", ' ("') and text.startswith((")", "”)", '")'), mention.end):
                # 'Acme Chemical Co., Ltd. (Acme Chemical)': the company's short form, here and later
                mention.candidate = self.aliases[mention.key] = before.candidate
                continue
            cand = self.cands.get(mention.key) or self.aliases.get(mention.key)
            if cand is None:
                cand = Candidate(mention.name, mention.key, mention.is_company, mention.start)
                self.cands[mention.key] = cand
            elif mention.is_company and len(mention.name) > len(cand.name) and normalize_name(cand.name) == cand.key \
                    and (cand.is_company or not (cand.evidence or cand.official or cand.victim)):
                # 'Acme Pharmacy' (or 'Redline Logistics', read as a name) first, 'Acme Pharmacy LLC' later: the
                # company, by its legal name (not a person known by age or title: 'John Roe' and 'John Roe LLC')
                cand.name, cand.is_company = mention.name, True
            mention.candidate = cand
            if mention.aka:
                _add_aka(cand, mention.aka)
            self._context(mention, cand)
        for c in self.cands.values():
            if c.age is not None and c.age < 18 and not c.is_company:
                c.victim = True   # ('Abigail Rose Thornbury, a 16-year-old sophomore': a minor named is no defendant here)
        if company_spans and ")" in text:
            self._company_short_forms()
        if company_spans:
            self._company_prefixes()
            self._company_bare_names()
        self._propagate_officials()
        # then, by the caller: surnames.merge_short_forms, then propagate_groups

    def _company_short_forms(self) -> None:
        """'Hebei Ruiyuan Chemical Trade Co., Ltd. (Ruiyuan), … Ruiyuan was convicted': a company's short
        form of one word, defined in parentheses after its name, names it wherever it stands alone later
        (a word the scan reads as no name; a possessive, 'Ruiyuan’s manager', is left out; where it is
        defined it is no mention of its own: 'A former executive of X Inc. (X) was sentenced' is no sentence of X's)."""
        text = self.text
        found: list[Mention] = []
        for m in self.mentions:
            sf = _SHORT_FORM.match(text, m.end) if m.is_company and text.startswith(" (", m.end) else None
            if sf is None or sf.group(1).lower() in _NOT_SHORT_FORMS:
                continue
            word = sf.group(1)
            for w in re.compile(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])(?![’']s\b)").finditer(text, sf.end()):
                found.append(Mention(w.start(), w.end(), word, normalize_name(word), is_company=True, full=False,
                                     candidate=m.candidate))
        if found:
            taken = {(x.start, x.end) for x in self.mentions}
            spans = sorted((x.start, x.end) for x in self.mentions)
            starts = [a for a, _ in spans]
            for f in found:
                k = bisect.bisect_right(starts, f.start) - 1
                if (f.start, f.end) not in taken and not (k >= 0 and spans[k][0] <= f.start < spans[k][1]):
                    self.mentions.append(f)
                    taken.add((f.start, f.end))
            self.mentions.sort(key=lambda x: x.start)
            self._starts_cache = [x.start for x in self.mentions]

    def _company_bare_names(self) -> None:
        """'Ocampo Family Freight, LLC' first, 'Ocampo Family Freight, acting through a corporate representative, pleaded
        guilty' later: a company's name of two words or more without its legal form names it wherever it stands whole
        (not where the scan already reads a name, not in a possessive)."""
        text = self.text
        found: list[Mention] = []
        seen: set[str] = set()
        for m in self.mentions:
            legal = list(_LEGAL_RX.finditer(m.name)) if m.is_company and m.full else []
            base = m.name[:legal[-1].start()].rstrip(" ,") if legal else ""
            if len(base.split()) < 2 or base in seen or base.lower().startswith("the "):
                continue
            seen.add(base)
            for w in re.compile(rf"(?<![\w’'-]){re.escape(base)}(?![\w-])(?![’']s\b)").finditer(text, m.end):
                if _LEGAL_NEXT.match(text, w.end()) is None:   # (the full name again is a mention already)
                    found.append(Mention(w.start(), w.end(), base, normalize_name(base), is_company=True, full=False,
                                         candidate=m.candidate))
        if found:
            spans = sorted((x.start, x.end) for x in self.mentions)
            starts = [a for a, _ in spans]
            added = False
            for f in found:
                k = bisect.bisect_right(starts, f.end - 1) - 1
                if k >= 0 and spans[k][1] > f.start:
                    continue   # (the scan read a name there: it stays)
                self.mentions.append(f)
                added = True
            if added:
                self.mentions.sort(key=lambda x: x.start)
                self._starts_cache = [x.start for x in self.mentions]

    def _company_prefixes(self) -> None:
        """'Sonoran Crossline Freight LLC, a trucking company … Sonoran Crossline is charged': a name of two words or
        more, read as a person's, that opens exactly one company's name introduced before it (and nothing in the text
        describes it as a person: no age) is that company."""
        companies = [c for c in self.cands.values() if c.is_company]
        for key, cand in list(self.cands.items()):
            words = key.split()
            if cand.is_company or len(words) < 2 or cand.age is not None or cand.evidence or cand.official or \
                    cand.residence or cand.nationality or cand.aka:   # (anything said of a person: a person)
                continue
            owners = [co for co in companies if co.first < cand.first and len(co.key.split()) > len(words)
                      and co.key.split()[:len(words)] == words]
            if len(owners) == 1:
                for m in self.mentions:
                    if m.candidate is cand:
                        m.candidate, m.is_company = owners[0], True
                del self.cands[key]

    def propagate_groups(self) -> None:
        """'Chinese nationals A and B', 'A, 29, and B, 41, both of Dunmore': what is said
        of the group holds for each member."""
        ms = [m for m in self.mentions if m.full and not m.candidate.is_company]
        i = 0
        while i < len(ms):
            group = [ms[i]]
            while i + 1 < len(ms) and _JOINED.match(self.text, group[-1].end, ms[i + 1].start):
                group.append(ms[i + 1])
                i += 1
            i += 1
            if len(group) < 2:
                continue
            first, last = group[0].candidate, group[-1].candidate
            # 'Three of them, A, 54, B, 31, and C, 47, were hospitalized; all survived': what the plural verb after
            # the last name says of it (no defendant, or a victim) holds for each one
            end = group[-1].end
            after = _PLURAL_AFTER.match(self.text, end) is not None
            hurt = after and self.p["victim_right"].match(self.text[end:end + 220]) is not None
            spared = after and not hurt and BYSTANDER_RIGHT.match(self.text, end, end + 160) is not None
            for m in group:
                c = m.candidate
                if (hurt or spared) and not (c.official or c.is_company):
                    c.victim = c.victim or hurt
                    c.bystander = c.bystander or spared
                if first.nat_from_left and c.nationality is None:
                    c.nationality, c.country_code = first.nationality, first.country_code
                    c.evidence.add("nationality")
                if last.shared_residence and c.residence is None:
                    c.residence, c.residence_country = last.residence, last.residence_country

    def _context(self, mention: Mention, cand: Candidate) -> None:
        text, p = self.text, self.p
        left = text[max(0, mention.start - 90):mention.start]
        right = text[mention.end:mention.end + 220]
        # (each flag, once set by a mention, stays: the later mentions need not be read for it)
        # (a title before a name with an age after it: in lower case a job, 'and export director Peter
        # Jones, 44,'; capitalised, an officer who is a defendant only by a case verb of their own,
        # 'Charged are Attorney A, 64,' but not 'Detective Sgt. C, 45, was injured': titled_defendant)
        if cand.official and not cand.speaker and left[-1:] == "\n" and _AGE_LABEL.match(right):
            cand.official, cand.bystander = False, True   # 'Officer A' in the prose, 'A<br>Age: 34' in a roster
        kind = None if cand.official else official_left_kind(left)
        titled = (mention.title_before and not former_left(left) or kind) and not company_left(left)
        if not cand.official and ((titled and not (kind == "role" and _AGED.match(right))) or (
                right[:1] == "," and _may_name_office(right) and (om := p["official_right"].match(right)) and
                not _TITLED_SUBJECT_NEXT.match(right, om.end()))):
            if titled_defendant(right, mention.title_before, kind):
                cand.bystander = True   # 'Charged are Attorney A, 64,': a case verb of their own decides
            else:
                cand.official = True
        # ('"…," said Jane Roe': a speaker; 'Roe said John Doe, 27, was sentenced': an age says a defendant)
        if not cand.speaker and ((left.rstrip(" ,").endswith(_SPEAKER_LEFT) and not _AGED.match(right)) or
                                 p["speaker_right"].match(right)):
            cand.speaker = True
        if cand.official:
            return
        line_left = left.rsplit("\n", 1)[-1]
        if not cand.victim and (((self._victim_hint_in(mention.start - len(line_left), mention.start) or "death" in line_left) and
                                 (m := p["victim_left"].search(line_left)) and not NOT_THE_VICTIM.search(m.group(0)))
                                or p["victim_right"].match(right) or
                                ("year-old" in line_left[-30:] and _MINOR_BEFORE.search(line_left[-40:]))):
            # (a child named: 'sold pills to 16-year-old X' is a victim, never a defendant)
            cand.victim = True
        if not cand.buyer and ((("to " in line_left[-4:] or "and " in line_left[-30:]) and
                                _BUYER_BEFORE_NAME.search(line_left[-140:]) and _AGED.match(right)) or
                               ("year-old" in line_left[-30:] and _BUYER_BEFORE.search(line_left[-140:]))):
            # 'sold a counterfeit pill to X, 19, on Nov. 2', 'sold "percs" to 19-year-old X': a buyer, a defendant only
            # by a case verb of their own ('sold them to 24-year-old X … X pleaded guilty')
            cand.buyer = True
        if not cand.victim and line_left.endswith(("; ", "; and ")):
            cand.victim = in_victim_list(text, mention.start)
        if not cand.bystander and bystander(right, line_left):
            cand.bystander = True   # 'A passenger, X, 31, was not charged', 'X, 19, who survived', 'an unindicted co-conspirator, X'

        read_described(self, mention, cand, left, right)

    def _victim_hint_in(self, start: int, end: int) -> bool:
        """self.victim_hint.search(self.text[start:end]) (in the lower-cased ASCII view when there is one)."""
        if self._low_view is False:
            self._low_view = _ascii_view(self.text)[1]
        if self._low_view is None:
            return self.victim_hint.search(self.text, start, end) is not None
        return _victim_hint_lower().search(self._low_view, start, end) is not None

    def _propagate_officials(self) -> None:
        """'Assistant U.S. Attorneys Jane Roe and John Doe': officials listed together; 'murdered
        Jane Roe, 43, her boyfriend John Doe, 40, and friend Jim Poe, 54': victims too."""
        ms = self.mentions
        sep = self.p["group_sep"]
        dead_list = False   # (a list of the dead goes on: 'the deaths of A, 22, …; B, 47, …; and C')
        for k in range(len(ms) - 1):
            a, b = ms[k], ms[k + 1]
            joined = a.candidate.victim and (dead_list or _DEATHS_OF.search(self.text, max(0, a.start - 12), a.start)) \
                and _DEAD_JOIN.fullmatch(self.text, a.end, b.start) is not None
            if a.candidate.victim and not b.candidate.victim and (_VICTIM_JOIN.match(self.text, a.end, b.start) or joined):
                b.candidate.victim = True
            dead_list = bool(joined)
            if a.candidate.official and not b.candidate.official:
                between = self.text[a.end:b.start]
                if sep.match(between) and (not _COMMA_ONLY.match(between) or _listed_on(self.text, sep, ms, k + 1)):
                    b.candidate.official = True

    def mark_officials(self, keys: set[str]) -> None:
        for c in self.cands.values():
            if c.key in keys:
                c.official = True
