"""Names in DOJ prose: the capitalised runs of a text, cut down to a person's name (titles,
institutions, places and abbreviations dropped), company names by their legal form, and the
Mention record (pure functions)."""
from __future__ import annotations

import functools
import re

from ...countries import normalize_country
from ...names import normalize_name, strip_legal_form, surname_first
from .districts import geo
from .textscan import _ABBREV, _US_STATE_ABBR, ascii_bytes

# -- names -----------------------------------------------------------------------------------
U = "A-ZÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇŠŽ"
L = "a-záàâäãåéèêëíìîïóòôöõúùûüñçšžß"
WORD = rf"(?:[{U}][’'][{U}][{L}]+|[{U}][{L}]*(?:[{U}][{L}]+)?[{L}])(?:[-’'][{U}{L}][{L}]*[{L}])*"
INITIAL = rf"[{U}]\."
PARTICLE = r"(?:viuda[ \t]+de|de[ \t]+la|de[ \t]+las|de[ \t]+los|del|de|da|das|dos|do|la|las|los|y|van[ \t]+der|van[ \t]+den|van|von|der|den|bin|ibn|al|el|le|du|di)"
NICK = r"[“\"][^”\"\n]{1,30}[”\"]"
NAME_RX = re.compile(
    rf"(?:{INITIAL}[ \t]+)?{WORD}(?:[ \t]+(?:{INITIAL}|{WORD}|{NICK}|{PARTICLE}(?=[ \t]+[{U}])))+"
    rf"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV)(?![\w]))?")
TOKEN_RX = re.compile(rf"{NICK}|{INITIAL}|{WORD}|Jr\.|Sr\.|II|III|IV|\S+")
# A run of capitalised words (names, titles, places); cut into a name by _clean_tokens.
# (possessive *+: giving back word characters can never let [ \t]+ match, so the engine need not try)
# ('Ahmed bin Tariq al-Qadhi': an Arabic article joined to the word it opens, in lower case)
ARTICLE_WORD = rf"(?:al|el|ad|ar|as|at|az|an|ash|ud)-[{U}][\w’'.-]*+"
NAME_RUN_RX = re.compile(rf"[{U}][\w’'.-]*+(?:[ \t]+(?:[{U}][\w’'.-]*+|{ARTICLE_WORD}|{NICK}|{PARTICLE}(?=[ \t]+[{U}])))+")
INITIAL_RX = re.compile(INITIAL)
PARTICLE_RX = re.compile(PARTICLE)

LEGAL = (r"(?:Co\.,?\s*Ltd\.?|Co\.\s*\([^()]{1,40}\),?\s*Ltd\.?|Co\.,?\s*Limited|Company,?\s+Limited|Company,?\s+Ltd\.?|Pvt\.?\s*Ltd\.?|"
         r"Private\s+Limited|Limited|Ltd\.?|Inc\.|Inc\b|LLC|L\.L\.C\.|LLP|L\.L\.P\.|PLLC|P\.L\.L\.C\.|P\.C\.|L\.P\.|Corp\.|Corp\b|Corporation|"
         r"S\.A\.\s+de\s+C\.V\.|SA\s+de\s+CV|S\.\s*de\s+R\.L\.(?:\s+de\s+C\.V\.)?|S\.R\.L\.(?:\s+de\s+C\.V\.)?|S\.A\.S\.|S\.A\.(?=[\s,;)]|$)|GmbH|Pharmacy|Pharmaceuticals|Co\.(?=[\s,;)])|"
         # a company written in capitals, as some offices write defendants: 'ACME BIOCHEM CO., LTD.'
         r"CO\.,?\s*LTD\.?|CO\.,?\s*LIMITED|PVT\.?\s*LTD\.?|PRIVATE\s+LIMITED|LIMITED|LTD\.|INC\.|CORP\.|CORPORATION|CO\.(?=[\s,;)]|$))")
COMPANY_RX = re.compile(rf"(?<![\w])((?:(?:[{U}0-9][\w&’'.()-]*|&|and|of)\s+){{1,8}}{LEGAL})")
# a company noun in apposition after a name: 'X Ltd. (X), a chemical manufacturer', 'Y Group, a China-based company'
COMPANY_APPOSITIVE = re.compile(
    r"\s*(?:\([^()]{1,60}\))?,\s+an?\s+(?:[\w-]+\s+){0,4}?"
    r"(?:company|manufacturer|supplier|firm|business|corporation|distributor|vendor|exporter)\b")

# Capitalised words that are never part of a person's name in this prose (lower-cased).
_NON_NAME = set("""
the a an in on at as by for from of to with and but or if when while after before during since because although
though according also additionally further furthermore moreover however then today yesterday earlier later both
each all some this that these those his her their its he she they we it our my mr mrs ms dr defendant defendants
co-defendant codefendant co-defendants following under upon between among without within through throughout over
until once here there where what who which why how agents investigators officers police law federal state states
county counties city court courts district circuit division department office offices bureau administration agency service
services task force unit team group network association center centre program project operation initiative strike
enforcement investigations investigation homeland security immigration customs border patrol national international
brothers sisters siblings united u.s. american street streets avenue avenues road roads highway highways boulevard boulevards parkway expressway freeway turnpike interstate river lake park mountain valley beach county's cartel
cartels organization organizations company companies inc ltd llc corporation university college school hospital
church bank market marketplace republic kingdom federation government ministry gang crips bloods mafia sheriff's
attorney's attorneys attorney general judge judges justice magistrate senior chief special agent agents assistant
acting deputy director administrator commissioner sheriff undersheriff captain lieutenant sergeant detective trooper
officer secretary senator representative congressman congresswoman governor mayor president ambassador counsel
prosecutor prosecutors inspector inspectors marshal marshals warden coroner examiner commander colonel major
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday fentanyl methamphetamine heroin cocaine drug drugs narcotics trafficking dea fbi atf
hsi irs usao ocdetf hidta doj usps cbp ice dhs opa according pursuant count counts indictment indictments complaint
information superseding plea trial jury grand sentencing sentence prison north south east west northern southern
eastern western central middle new san santa los las el la st st. saint fort port lake mount ciudad
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
nineteen twenty thirty forty fifty hundred first second third fourth fifth sixth seventh eighth ninth tenth
case cases regional sales director directors manager managers executive executives vice owner owners founder
co-founder ceo cfo coo chairman chairwoman employee employees pharmacist pharmacists physician physicians nurse nurses
practitioner practitioners paramedic paramedics surgeon surgeons anesthesiologist psychiatrist chiropractor therapist
doctor doctors coalition foundation alliance council committee institute academy clinic prison penitentiary
correctional facility institution jail club crew crips gangsters kings disciples brotherhood family families familia
nation nations operations lords outlaws motorcycle manufacturer manufacturers distributor distributors supplier
suppliers dealer dealers trafficker traffickers leader leaders member members target targets engineer engineers
pilot pilots broker brokers accountant lawyer lawyers consultant contractor dentist chemist trader banker courier
driver mechanic guard teacher coach reverend professor student operator supervisor technician analyst clerk
associate associates americans hispanics residents citizens nationals former including another additional
co-conspirator co-conspirators coconspirator unindicted alleged reputed act acts section sections divisions offices
departments justices civil rights criminal narcotic trustee fraud sham sale unlawful investigative jurisdiction place
springs heights falls harbor island islands township village borough parish tribe reservation news gazette
community communities neighborhood neighbourhood project enforcer enforcers runner runners seller sellers lookout
lookouts sicario sicarios hitman hitmen gunman gunmen bodyguard bodyguards recruiter recruiters
aiding abetting laundering conspiracy conspiring possession distribution concealment bankruptcy smuggling extortion
racketeering kidnapping robbery murder manslaughter boulevard parkway expressway turnpike freeway
northeast northwest southeast southwest midwest control prevention""".split())
_TITLE_WORDS = set("""
attorney attorneys general judge judges justice magistrate chief agent agents special assistant acting deputy director
administrator commissioner sheriff undersheriff captain lieutenant sergeant detective trooper officer officers
secretary senator representative congressman congresswoman governor mayor president ambassador counsel prosecutor
prosecutors inspector inspectors marshal warden coroner examiner commander colonel major ausa ausas sac
sgt lt capt det cpl ofc insp supt gov sen rep cmdr maj col dep
""".split())
_NON_NAME |= _TITLE_WORDS


# -- mentions ----------------------------------------------------------------------------------
# 'Tokyo-based', 'Tribune Company-owned', 'Chicago-area': descriptions, never part of a name
_DESCRIPTIVE_SUFFIXES = ("-based", "-owned", "-run", "-led", "-area", "-born", "-year-old")
_PARTICLES = frozenset("de del la las los y da das dos do van von der den bin ibn al el le du di viuda".split())
_ROMAN = frozenset(("II", "III", "IV"))
_SUFFIX_WORDS = frozenset(("Jr", "Sr", "JR", "SR", "II", "III", "IV"))   # (after a name, without their full stop)
_MONTH_NAMES = frozenset(("april", "may", "june", "august"))   # months that are also given names


def _run_tokens(run: str, start: int) -> list[tuple[str, int]]:
    """Whitespace tokens of a capitalised run with their positions; a quoted nickname
    ('“El Mayo”') is one token."""
    out: list[tuple[str, int]] = []
    pos = 0
    nick = None
    for tok in run.split():
        i = run.find(tok, pos)
        pos = i + len(tok)
        if nick is not None:
            nick = (nick[0] + " " + tok, nick[1])
            if tok[-1] in "”\"":
                out.append(nick)
                nick = None
            continue
        if tok[0] in "“\"" and tok[-1] not in "”\"":
            nick = (tok, start + i)
            continue
        out.append((tok, start + i))
    return out


# Words that are places or numbers elsewhere but surnames inside a name: 'Sofia Lyn Park, 29,',
# 'Shayla Marie Two Bulls' (a number word between names), 'Raymond Little Plume'
_SURNAME_WORDS = frozenset("""park lake valley beach church bank banks river rivers island hill hills king kings judge marshal
bishop friday sunday may major west north south east driver coach mayor pilot her counts runner""".split())
# ... of which these are never read alone as the surname ('Her attorney said', 'Counts one and two'):
# 'Vang Lee Her, 33,', 'Ricky Dale Counts, 44,' only in full
SURNAME_WORDS_IN_FULL_ONLY = frozenset(("her", "counts"))
_NAME_PREPOSITIONS = frozenset(("In", "On", "Through", "Above", "Over", "Under", "Behind", "Across", "Around", "After"))
_NUMBER_NAME_WORDS = frozenset("one two three four five six seven eight nine ten".split())
# ... and a saint's word that opens a place elsewhere ('San Diego', 'St. Paul') but a surname after a
# given name ('José Luis San Román', 'Mark St. Clair', 'LUIS SANTA CRUZ')
_SAINT_WORDS = frozenset("san santa santo st ste saint sainte".split())


_DATE_WORDS = frozenset("""Jan. Feb. Mar. Apr. Aug. Sep. Sept. Oct. Nov. Dec. January February March April July August
September October November December""".split())


def _clean_tokens(run: str, start: int, aged: bool = False) -> tuple[list[tuple[str, int]], bool]:
    """Tokens of a capitalised run, minus everything up to its last word that cannot be
    part of a name (titles, institutions, abbreviations, all-caps words); `title` says the
    word right before the name was a title ('Judge', 'Attorney', 'Chief'). `aged`: an age follows
    the run (a place is never aged: 'Sofia Park, 29,' is a person)."""
    toks = _run_tokens(run, start)
    while toks and toks[-1][0].rstrip(",") in _DATE_WORDS:
        toks.pop()                            # a date after the name ('convicting Jane Roe Oct. 12')
    cut, title = -1, False
    last = len(toks) - 1
    named_last = last   # (the name's last word before a suffix: 'Raymond Lake Sr., 58,' is 'Sofia Lyn Park, 29,')
    while named_last > 0 and toks[named_last][0].rstrip(",.") in _SUFFIX_WORDS:
        named_last -= 1
    for i, (tok, _) in enumerate(toks):
        if tok[0] in "“\"":
            continue
        if len(tok) == 2 and tok[1] == "." and tok[0].isupper():
            continue                          # a middle initial ('A.' is not the article 'a')
        if i == cut + 1 and i < last and _DOTTED_INITIALS.fullmatch(tok) and tok not in _NOT_INITIALS:
            continue                          # initials for a given name: 'T.J. Vole' (not 'U.S.')
        if i == cut + 1 and i < last and len(tok) <= 7 and not tok.isupper() and \
                _ROMANISED_GIVEN.fullmatch(toks[i + 1][0].rstrip(",")):
            continue                          # a surname first, a romanised given name after it: 'Park Seo-yeon'
        low = tok.lower() if "’" not in tok else tok.lower().replace("’", "'")   # ('Sheriff’s' as 'Sheriff's')
        bare = low.rstrip(".,")
        if bare in _PARTICLES and (tok[0].islower() or (cut + 1 < i < last and toks[i + 1][0][:1].isupper() and
                                                        tok.isalpha())):
            continue                          # ('Maricela De La O': capitals inside the name)
        if aged and tok.rstrip(",") in _NAME_PREPOSITIONS and cut + 1 < i and \
                (i == last or toks[i + 1][0][:1].isupper()) and \
                toks[i - 1][0].isalpha() and toks[i - 1][0].lower() not in _NON_NAME:
            continue                          # a name of words, an age after it: 'Lorenzo Kills In Water, age 30', 'Dakota Runs Through (41)'
        if len(bare) == 1 and i > cut + 2 and toks[i - 1][0].lower() in _PARTICLES and tok.rstrip(",").isalpha():
            continue                          # a one-letter surname after its particle: 'Maricela De La O'
        if i > cut + 1 and ((i == named_last and aged and bare in _SURNAME_WORDS) or
                            ((bare in _NUMBER_NAME_WORDS or bare in _SAINT_WORDS) and i < last and
                             toks[i + 1][0][:1].isupper() and toks[i + 1][0].lower().rstrip(".,") not in _NON_NAME)):
            continue                          # 'Sofia Lyn Park, 29', 'Shayla Marie Two Bulls', 'Ana San Román'
        if bare in _MONTH_NAMES and i < last and toks[i + 1][0][:1].isupper() and \
                (i > cut + 1 or aged) and toks[i + 1][0].lower().rstrip(".,") not in _NON_NAME:
            continue                          # a month that is a given name: 'Paisley June Rutter, 28', 'June Rutter, 28'
        if low in _NON_NAME or bare in _NON_NAME or bare.endswith(_DESCRIPTIVE_SUFFIXES):
            cut, title = i, bare in _TITLE_WORDS
        elif tok.isupper() and tok not in _ROMAN and not (len(tok) == 2 and tok[1] == ".") and \
                not _caps_surname_first(toks, i, cut):
            cut, title = i, False            # DEA, ST., PAUL, M30
        elif tok[-1] == "." and len(tok) > 2 and tok not in ("Jr.", "Sr."):
            cut, title = i, False            # Minn., Ga., Co.
        elif i + 1 < len(toks) and tok.endswith(("’s", "'s")):
            cut, title = len(toks) - 1, False  # "Montana’s Indian reservations": what follows is owned
            break
    kept = toks[cut + 1:]
    # possessive on the last word: "Quennell’s apartment"
    if kept and kept[-1][0].endswith(("’s", "'s")):
        kept[-1] = (kept[-1][0][:-2], kept[-1][1])
    while kept and (kept[-1][0] in _PARTICLES or kept[-1][0][0] in "“\"" or
                    (len(kept[-1][0]) == 2 and kept[-1][0][1] == ".")):
        kept.pop()
    while kept and kept[0][0] in _PARTICLES:
        kept.pop(0)
    return kept, bool(kept) and title


def _caps_surname_first(toks: list[tuple[str, int]], i: int, cut: int) -> bool:
    """'LIN Wei', 'NGUYEN Van Thanh': a surname written first in capitals, a given name after it in
    lower case, opening the name (a surname of a people who write it first: never 'DEA Agent')."""
    tok = toks[i][0]
    return i == cut + 1 and i + 1 < len(toks) and tok.isalpha() and surname_first(tok) and \
        not toks[i + 1][0].isupper() and toks[i + 1][0][:1].isupper()


def _sentence_end(tok: str) -> bool:
    """A capitalised token ending with a full stop that ends a sentence ('Marte.' in 'Alberto
    Marte. Marte had'), not an abbreviation ('Minn.', 'Jr.', 'U.S.', 'A.')."""
    return tok[-1] == "." and len(tok) > 2 and tok.count(".") == 1 and \
        (tok[:-1].isalpha() or (tok[0].isalpha() and tok[:-1].replace("-", "").replace("’", "").isalpha())) and \
        tok.lower() not in _ABBREV and tok not in _US_STATE_ABBR


_AKA_IN_RUN = re.compile(r"[ \t,]+(?:Aka|AKA)[ \t]")


@functools.lru_cache(maxsize=65536)
def run_names(run: str, aged: bool = False) -> tuple[tuple[int, int, str, str, bool, str | None], ...]:
    """The names in a capitalised run: the run cut at every sentence end inside it, each piece
    read by _run_name (positions relative to the run). `aged`: an age follows the run."""
    if "Aka " in run or "AKA " in run:
        cut = _AKA_IN_RUN.search(run)   # 'Ivan Bazan Aka Dreamer' (a table's cell): the alias is no part of the name
        run = run[:cut.start()] if cut else run
    if ". " not in run and ".\t" not in run and ".\n" not in run:
        if run.endswith(".") and _sentence_end(run[run.rfind(" ") + 1:]):
            run = run[:-1]    # the name ends the paragraph: 'were A and Efrain Lucero.'
        one = _run_name(run, aged)
        return (one,) if one is not None else ()
    out = []
    pieces, begin, pos = [], 0, 0
    for tok in run.split():
        i = run.find(tok, pos)
        pos = i + len(tok)
        if _sentence_end(tok):
            pieces.append((begin, run[begin:pos - 1]))
            begin = pos
    pieces.append((begin, run[begin:]))
    for off, piece in pieces:
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        one = _run_name(piece, aged and off + len(piece) + lead >= len(run.rstrip()))
        if one is not None:
            a, b, name, key, title, aka = one
            out.append((off + lead + a, off + lead + b, name, key, title, aka))
    return tuple(out)


def _run_name(run: str, aged: bool = False) -> tuple[int, int, str, str, bool, str | None] | None:
    """The name in a capitalised run (see _clean_tokens), positions relative to the run: (start,
    end, name, key, title before it, nickname); None when fewer than two real words remain. The
    same runs ('Assistant U.S. Attorney Jane Roe', 'Special Agent in Charge') recur from release
    to release, hence the cache."""
    kept, title = _clean_tokens(run, 0, aged)
    words = [w for w, _ in kept if w[0] not in "“\""]
    real = [w for w in words if not (len(w) == 2 and w[1] == ".") and w not in _SUFFIXES]
    if len(real) == 1 and (_initials_first(run, kept) or (aged and len(kept) == 2 and kept[0][0] == words[0] and
                                                          len(words[0]) == 2 and words[0][1] == "." and
                                                          words[0][:1] not in ("U", "P", "N"))):
        # 'J. R. Mabry': the initials are the given name ('T.J.' is a word); one initial only with an age
        # after the name ('A third defendant, T. Haskins, 36,'), never 'D. Whitley' named again alone
        real.insert(0, kept[0][0])
    if len(real) < 2:
        return None
    start = kept[0][1]
    end = kept[-1][1] + len(kept[-1][0])
    aka = next((w.strip("“”\"") for w, _ in kept if w[0] in "“\""), None)
    name = " ".join(words)
    return start, end, name, normalize_name(name), title, aka


_SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")


def _initials_first(run: str, kept: list[tuple[str, int]]) -> bool:
    """The name opens with two or three initials ('T.J. Vole', 'J. R. Mabry'), not an abbreviation
    ('U.S.', 'P.O.', 'N.C.')."""
    n = 0
    while n < len(kept) and len(kept[n][0]) == 2 and kept[n][0][1] == ".":
        n += 1
    if not 2 <= n <= 3 or n == len(kept):
        return False
    first = run[kept[0][1]:kept[n - 1][1] + 2]
    return first.replace(" ", "") not in _NOT_INITIALS


_ROMANISED_GIVEN = re.compile(r"(?!(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-)[A-Z][a-z]{1,5}-[a-z]{1,5}")   # 'Seo-yeon'
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")   # 'T.J.' (as one token)
_NOT_INITIALS = frozenset({"U.S.", "P.O.", "U.K.", "U.N.", "A.M.", "P.M.", "L.A.", "D.A.", "U.S.A."} | _US_STATE_ABBR)
_PARENS = re.compile(r"\([^()]*\)")


def company_key(name: str) -> str:
    """One key for every way a release writes a company: with or without its legal form or the
    short name it defines ('Acme Chemical Co. (Acme), Ltd.', 'Acme Chemical Co., Ltd.', 'Acme
    Chemical Pvt. Ltd.', 'Acme Chemical Private Limited', 'Acme Chemical LLC', 'Acme Chemical')."""
    return strip_legal_form(normalize_name(_PARENS.sub(" ", name) if "(" in name else name))
_LEGAL_HINTS = ("Co.", "Co ", "Ltd", "Limited", "Inc", "LLC", "L.L.C", "LLP", "L.L.P", "PLLC", "P.C.", "L.P.", "Corp", "S.A.", "SA de", "S. de R.L", "S.R.L",
                "GmbH", "Pharmacy", "Pharmaceuticals", "CO.", "LTD", "LIMITED", "INC.", "CORP")
_LEGAL_HINT_RX = re.compile("|".join(map(re.escape, _LEGAL_HINTS)))
_LEGAL_RX = re.compile(LEGAL)


_COMPANY_NOUNS = frozenset("companies firms entities businesses manufacturers suppliers".split())
_COMPANY_ENDINGS = frozenset("""chemical chemicals pharmaceutical pharmaceuticals pharma technology technologies trading
industries industry group biotech laboratories labs international enterprises holdings logistics supply imports
exports""".split())


def company_list_cut(toks: list[str], before: str) -> int | None:
    """Where 'and' joins two companies in the words before a legal form ('Acme Chemicals and
    Zenith Labs Pvt.'): when the words before 'and' end like a company's name, or the text
    calls them companies."""
    if "and" not in toks:
        return None
    k = len(toks) - 1 - toks[::-1].index("and")
    if k == 0 or k == len(toks) - 1 or not toks[k + 1][:1].isupper():
        return None
    word_before = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
    if toks[k - 1].lower().strip(",") in _COMPANY_ENDINGS or word_before in _COMPANY_NOUNS or \
            _LEGAL_RX.search(toks[k - 1]):
        return k
    return None


# A name written in capitals ('JANE Q. ROE, JR., 49, was sentenced'; 'against JOHN ROE ("ROE"),
# age 29'): read only where what follows says a person is introduced (age, suffix, a short
# name in quotes, an alias), since headings and agencies are written in capitals too.
# (capitals with accents and Ñ: 'RAFAEL NUÑEZ-PEÑA', 'ANA PAULA DE LEÓN'; up to six words: 'RAMÓN
# ANTONIO DE LOS SANTOS ENCARNACIÓN'; an age at a line's end, the town on the next line: a roster)
_UC = "A-ZÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇŠŽ"
_CAPS_WORD_RX = rf"(?:M[Aa]?c)?[{_UC}][{_UC}’'-]+(?:-[{U}][{L}]+)?"
CAPS_NAME_RX = re.compile(
    rf"(?<![\w’'.-])((?:M[Aa]?c)?[{_UC}][{_UC}’'-]+(?:[ \t]+(?:[{_UC}]\.|STE?\.|{_CAPS_WORD_RX}|[“\"][{_UC}][^”\"\n]{{0,24}}[”\"])){{1,5}})"
    r"(?=(?:,?[ \t]+(?:JR|SR|Jr|Sr)\.|,?[ \t]+(?:II|III|IV)\b)?"
    r"(?:,[ \t]*(?:age:?[ \t]+|aged[ \t]+)?\d{1,2}(?:[ \t]*[,;)]|[ \t]*(?:\n|$)|\.(?=\s|$)|[ \t]+[A-Z][a-z]+\.?(?:[ \t][A-Z][a-z]+)?,[ \t]*[A-Z])|"
    r"[ \t]*\([“\"][A-Z]|,?[ \t]+(?:a/k/a|aka|a\.k\.a\.|also known as)[ \t]|[ \t]\|[ \t]|"   # (| a table cell's end)
    r"[ \t]*\((?:age[ \t]+)?\d{1,2}\)[,;]|"   # ('CARLOS NIEVES-ACEVEDO (31), seller;': Puerto Rico's lists)
    # a roster's name on a line of its own, its age labelled on the next ('JOHN ROE<br>Age: 34<br>Town')
    r"(?:[ \t]*\((?:also[ \t]+known[ \t]+as|a/k/a|aka|a\.k\.a\.)[^)\n]{1,60}\))?[ \t]*\n[ \t]*Age:[ \t]*\d|"
    # the subject of a verb ('JOHN ROE was sentenced', 'JANE ROE remains at large'), or one of several
    # ('JOHN ROE and MARY DOE were', 'JOHN ROE and DOE-LEE were': the other by the surname)
    rf"(?:,?[ \t]+(?:and|&)[ \t]+(?:M[Aa]?c)?[{_UC}][{_UC}’'-]+(?:[ \t]+[{_UC}][{_UC}’'.-]*){{0,5}})?"
    r"[ \t]+(?:was|were|has|have|had|pleaded|pled|each|both|is|are|remains?)[ \t]|"
    # one of a list of names in capitals ('charging JOHN ROE, MARY DOE, and RAY LEE with'): another
    # such name next, or 'with' and the charge after the last one
    rf",?[ \t]+(?:and[ \t]+)?(?:M[Aa]?c)?[{_UC}][{_UC}’'-]+(?:[ \t]+(?:[{_UC}]\.|{_CAPS_WORD_RX})){{1,5}}(?:,|[ \t]+(?:and|with)[ \t])|"
    r",?[ \t]+with[ \t]+[a-z]|"
    # an appositive name in a clause: 'and his co-defendant, WILFREDO SANTANA, operated'
    # ('Their co-defendant, ROBERTO ABREU, was convicted')
    r",[ \t]+(?:who|which|operated|ran|managed|owned|sold|supplied|distributed|used|led|directed|was|were|"
    r"has|had|pleaded|pled|is|remains)\b|"
    # a description after it ('ANDREI VOLKOV, a broker who allegedly arranged …, was arrested')
    r",[ \t]+(?:a|an)[ \t]+[a-z][a-z’'\t -]{1,40}?(?:,|[ \t]+who\b)|"
    # the subject with its town and no age ('BRANDON ROE, of Joliet, pleaded guilty')
    r",[ \t]+(?:of|from)[ \t]+[A-Z][^,\n]{1,40},(?:[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?,)?[ \t]+"
    r"(?:was|were|has|have|had|pleaded|pled|is|are|remains?)\b))")


# ASCII letters by case ('A' / 'a'), digits '9', everything else itself: in this shape of a
# text, b"AA A" (capitals, a space, a capital) marks every place a name in capitals can be, and
# bytes.find gets there far faster than a pattern tried at every position.
_SHAPE = bytes(65 if 65 <= c <= 90 or c == 63 else 97 if 97 <= c <= 122 else 57 if 48 <= c <= 57 else c for c in range(256))
# ('?' stands for every non-ASCII letter in the ASCII view: it may be a capital, 'NÚÑEZ')


def caps_names(text: str):
    """CAPS_NAME_RX.finditer(text), looked for only where two capitals are followed by a space
    and a capital (tried from the first of the words in capitals before it, at most a name's
    length back: 'RAMÓN ANTONIO DE LOS ...')."""
    shape = ascii_bytes(text).translate(_SHAPE)   # one byte a character: same positions
    n = len(shape)
    # (each key's next place, found going forward only: linear; 'AA "A' for 'STEVEN "SMOKE" ROE')
    nexts = {key: shape.find(key) for key in (b"AA A", b"AA\tA", b'AA "A')}
    i = min((v for v in nexts.values() if v >= 0), default=-1)
    done = 0
    while i >= 0:
        floor = max(done, i - 64)
        start = _caps_run_start(shape, floor, i)
        while start < i and shape[start] == 32:
            start += 1
        m = CAPS_NAME_RX.match(text, start)
        if m is None and start < i:
            # the words before were no part of it ('COLUMBUS – JANE ROE, 49,'): from this word on
            word = i
            while word > floor and shape[word - 1] in _CAPS_WORD:
                word -= 1
            if word > start:
                m = CAPS_NAME_RX.match(text, word)
        if m:
            yield m
            done = m.end()
        nxt = max(i + 1, done)
        for key, at in nexts.items():
            if 0 <= at < nxt:
                nexts[key] = shape.find(key, nxt) if nxt < n else -1
        i = min((v for v in nexts.values() if v >= 0), default=-1)


# the words in capitals (and the spaces between them) that end where a name in capitals may start
_CAPS_BACK = re.compile(rb"(?<![A'?\-])[A'?\- ]*\Z")
_CAPS_WORD = frozenset(b"A'-?")


def _caps_run_start(shape: bytes, floor: int, i: int) -> int:
    """_CAPS_BACK.search(shape, floor, i).start(), i when there is none (the same position,
    without trying the pattern at every one of the 64 before i): where the run of capitals,
    spaces, apostrophes and hyphens that ends at i starts, not inside a word."""
    q = floor + len(shape[floor:i].rstrip(b"A'?- "))
    if q == 0 or shape[q - 1] not in _CAPS_WORD:
        return q
    # the run goes on before floor, inside a word: it can only start after one of its spaces
    k = shape.find(b" ", q, i)
    return k + 1 if k >= 0 else i


def caps_name(words: str) -> tuple[str, str] | None:
    """(name as written, key) of a CAPS_NAME_RX match, or None when a word cannot be part of a
    name (DEFENDANTS, MEDIA, DEA)."""
    if "“" in words or '"' in words:
        words = _QUOTED.sub("", words)   # 'STEVEN “SMOKE” VANTERPOOL': the nickname is no part of the name
    toks = words.split()
    if len(toks) < 2:
        return None
    if any(t.lower().rstrip(".") in _NON_NAME and t.lower() not in _PARTICLES and not (len(t) == 2 and t[1] == ".") and
           not (0 < i < len(toks) - 1 and t.lower().rstrip(".") in _SAINT_WORDS) for i, t in enumerate(toks)):
        return None   # (particles pass: 'JUAN DE LA CRUZ'; a saint's word inside: 'JOSÉ SAN ROMÁN'; an initial: 'TERRANCE A. ROE')
    if sum(1 for t in toks if len(t) >= 3) < 1 or not (len(toks[-1]) > 2 or surname_first(toks[-1])):
        return None   # (a two-letter last word only as a surname: 'JIANHONG XU', never 'PHOENIX AZ')
    if any(len(t) >= 3 and t.isascii() and t.isalpha() and not _VOWEL.search(t) for t in toks) or "USA" in toks:
        return None   # an abbreviation, not a name ('BNPP USA'; 'NG' stays a surname)
    return words, normalize_name(words)


_VOWEL = re.compile(r"[AEIOUYaeiouy]")
_QUOTED = re.compile(r"[ \t]*[“\"][^”\"\n]*[”\"]")


# -- places and things written like names -------------------------------------------------------
# Words before a capitalised run that make it a thing or a place, not a person: an article or a
# count ('A Cedar Rapids man', 'the Washington Heights neighborhood', 'two Des Moines residents');
# and nouns after it that a place qualifies ('Van Nuys man', 'Pine Ridge woman').
_ARTICLES = frozenset("a an the two three four five six seven eight nine ten several".split())
_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())
# ... or a place: after a preposition of place ('in Des Moines', 'throughout Cedar Rapids'), when no
# possessive follows ('in Jane Roe’s car'); after an institution's 'of' ('Department of Public Safety')
_LOCATIVE = frozenset("in at near throughout across outside around within inside".split())
_INSTITUTION = frozenset("""department office bureau division ministry university college school board council
commission institute academy center centre agency secretary service""".split())
_PLACE_NOUN = re.compile(r"[ \t]+(?:man|woman|men|women|girl|boy|girls|boys|child|student|students|resident|residents|native|natives|couple|teen|teens|teenager|"
                         r"teenagers|area|neighborhood|neighbourhood|community|communities|household|family|brothers|"
                         r"sisters|duo|pair|trio)\b")


_STAFF_NOUN = re.compile(r"[ \t]+(?:president|vice[ \t]+president|owner|co-owner|founder|manager|employee|executive|"
                         r"supervisor|worker|driver|pharmacist|ceo|cfo)[ \t]+[A-Z]")


def _article_before(text: str, start: int) -> bool:
    """An article or a count is the word before text[start] ('the Salt River Pima-Maricopa ...')."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    i = j
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return j < start and text[i:j].lower() in _ARTICLES


def _attributive(text: str, start: int, end: int) -> bool:
    """The words at text[start:end] qualify a noun as a place or a thing does: an article or a
    count before them, or 'man' / 'resident' / 'area' after them."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j < start:
        i = j
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        word = text[i:j].lower()
        if word in _ARTICLES:
            return True
        if word in _POSSESSIVE_PRONOUNS and text[end:end + 2] not in ("’s", "'s"):
            return True   # 'hidden in the rocker panels of her Chevrolet Malibu', 'his Dayton apartment'
        if text[i:j] in ("Operation", "Project"):
            return True   # 'part of Operation Take Back America': an operation's name
        if word in _LOCATIVE and text[end:end + 2] not in ("’s", "'s"):
            return True
        if word == "of":
            k = i - 1
            while k > 0 and text[k - 1] == " ":
                k -= 1
            h = k
            while h > 0 and text[h - 1].isalpha():
                h -= 1
            if text[h:k][:1].isupper() and text[h:k].lower() in _INSTITUTION:
                return True
    after = text[end:end + 1]   # (a place noun comes after a space or a tab, a state after a comma)
    if after in (" ", "\t") and (_PLACE_NOUN.match(text, end) or _STAFF_NOUN.match(text, end)):
        return True   # ('a Des Moines man'; 'Marianas Tradewind Cargo president X': a company's name)
    m = _STATE_AFTER.match(text, end) if after == "," else None   # 'Cedar Rapids, Iowa', 'Pine Ridge, S.D.': a town
    return bool(m) and (m.group(1) in _US_STATE_ABBR or m.group(1) in geo()["state_names"] or
                        (text[m.end():m.end() + 1] in (",", ".") and len(m.group(1)) > 3 and m.group(1)[-1] != "." and
                         normalize_country(m.group(1)) is not None))   # 'Nuevo Laredo, Mexico,'


_STATE_AFTER = re.compile(r",[ \t]+([A-Z][a-z]*\.?(?:[ \t]?[A-Z][a-z]*\.?)?)(?![\w])")
