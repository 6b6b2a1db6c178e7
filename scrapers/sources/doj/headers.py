"""Tables and lists of defendants: the roles of a table's columns by its header row, and names
written surname first ('GRIMSLEY, Antwan Lamar') in a name column or opening a line (pure)."""
from __future__ import annotations

import re

from .districts import geo
from .htmltext import CELL

_ROLES = {
    "name": ("name", "names", "defendant", "defendants", "defendant name", "defendant's name", "defendant’s name",
             "full name", "individual"),
    "age": ("age", "age at arrest", "age at indictment", "yob"),
    "residence": ("city", "hometown", "home town", "residence", "city of residence", "town", "location", "from",
                  "city/state", "city, state", "address"),
    "charge": ("charge", "charges", "offense", "offenses", "offence", "charged offense", "charge(s)", "counts",
               "statute", "statutes", "crime", "conviction"),
    "status": ("status", "case status", "disposition", "outcome", "result", "stage"),
    "sentence": ("sentence", "sentenced", "sentence imposed", "prison term", "term of imprisonment", "prison sentence"),
    "pleaded_guilty": ("date of plea", "plea date", "date of guilty plea", "pleaded guilty"),
    "arrested": ("date of arrest", "arrest date", "arrested"),
}
_ROLE_OF = {label: role for role, labels in _ROLES.items() for label in labels}
BULLET = re.compile(r"[\s•·*–-]*")
_WS = re.compile(r"\s+")


def header_roles(cells: list[str]) -> list[str | None] | None:
    roles = [_ROLE_OF.get(_WS.sub(" ", c.strip(" :*").lower())) for c in cells]
    # (a column the vocabulary lacks, 'Maximum Penalty', stays unnamed)
    known = sum(1 for r in roles if r)
    return roles if "name" in roles and known >= 2 and not any(ch.isdigit() for c in cells for ch in c) else None


# -- names written surname first ('GRIMSLEY, Antwan Lamar'): in a table's name column, or opening a
# line with the surname in capitals and an age after ('OKAFOR, Chukwuemeka, 33, of Atlanta')
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_SUR_WORD = rf"(?:Mc|Mac|O['’])?[{_UP}][{_UP}{_LO}'’-]*[{_UP}{_LO}]"
_INVERTED = re.compile(
    rf"(?P<sur>(?:(?:de|del|de la|van|von|da|di|le)\s+)?{_SUR_WORD}(?:\s+{_SUR_WORD}){{0,2}}),\s+"
    rf"(?P<given>[{_UP}][{_LO}'’-]*[{_LO}](?:[ \t]+(?:[{_UP}][{_LO}'’-]*[{_LO}]|[{_UP}]\.)){{0,3}})"
    r"(?:,?[ \t]+(?P<suffix>Jr\.|Sr\.|Jr|Sr|II|III|IV))?")
_INVERTED_LEAD = re.compile(rf"(?m)^[ \t•·*–-]*(?:Mc|Mac|O['’])?[{_UP}]{{2}}[^\n,]{{0,40}},[ \t]+[{_UP}][{_LO}]")
# the same at a line's start, looked for from each line break (a literal first: the engine skips to
# each '\n' instead of trying the pattern at every position of the text)
_INVERTED_LEAD_NL = re.compile("\n" + _INVERTED_LEAD.pattern[len("(?m)^"):])
_AGE_NEXT = re.compile(r",\s+(?:age\s+)?\d{1,2}\s*[,;)]")
_NOT_A_PERSON = frozenset("inc incorporated ltd limited llc corp corporation co company plc gmbh sa".split())
_NOT_GIVEN = frozenset("jr sr ii iii iv aka".split())   # ('Javier Castrellon, Aka Javi': an alias)


def _capitals(surname: str) -> bool:
    letters = re.sub(r"\b(?:Mc|Mac)", "", surname.replace("’", "'"))
    return letters.isupper()


def table_lines(text: str):
    """(start, end, cells, roles) of each line of `text` that is not blank: `cells` the cells of a
    table row (None for a line of no table, which ends the table), `roles` its columns' roles by
    the header row above it (None without one). Header rows themselves are not given."""
    roles = None
    pos, n = 0, len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end]
        if CELL in line:
            cells = line.split(CELL)
            header = header_roles(cells)
            if header:
                roles = header
            else:
                yield pos, end, cells, roles
        elif line.strip():
            roles = None
            yield pos, end, None, None
        pos = end + 1


def inverted_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name in the usual order) of each name written surname first: the whole cell
    of a table's name column (by its header: 'Defendant', 'Name'), or, with the surname in
    capitals, a headerless table's first cell or a line's opening before an age."""
    if CELL not in text and not (_INVERTED_LEAD.match(text) or _INVERTED_LEAD_NL.search(text)):
        return []
    out = []
    for pos, end, cells, roles in table_lines(text):
        if cells is not None:
            first = next((i for i, c in enumerate(cells) if c.strip()), None)
            column = roles.index("name") if roles else first
            if column is None or column >= len(cells) or (roles and len(cells) != len(roles)):
                continue   # (a row shorter than its header: an empty cell dropped, its columns shifted)
            at = pos + sum(len(c) + len(CELL) for c in cells[:column])
            cell = cells[column]
            m = _INVERTED.fullmatch(cell.strip())
            if m and (roles or _capitals(m.group("sur"))):
                out.append(_natural(m, at + len(cell) - len(cell.lstrip())))
        else:
            at = BULLET.match(text, pos, end).end()
            m = _INVERTED.match(text, at, end)
            if m and _capitals(m.group("sur")) and _AGE_NEXT.match(text, m.end()):
                out.append(_natural(m, 0))
    return [o for o in out if o is not None]


def _natural(m: re.Match, base: int) -> tuple[int, int, str] | None:
    given = {w.lower().rstrip(".") for w in m.group("given").split()}
    if m.group("given").split()[0].lower() in _NOT_GIVEN or given & _NOT_A_PERSON or \
            m.group("given") in geo()["state_names"]:
        return None   # ('Acme Pharmacy, Inc', 'Wuhan Chemical, Limited', 'Dayton, Ohio': no person)
    name = f"{m.group('given')} {m.group('sur')}" + (f" {m.group('suffix')}" if m.group("suffix") else "")
    return base + m.start(), base + m.end(), name


