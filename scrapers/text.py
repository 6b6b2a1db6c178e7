"""What every source's prose shares: the abbreviations after which a full stop does not end a
sentence ("Mr.", "U.S.", "Jan.", "a.k.a."), lower case, without their final period.

Each source adds the abbreviations of its own prose, beside its sentence splitter:
- sources/doj/textscan.py: court and legal forms ("Dist.", "Ct.", "U.S.C.", "v."), officials'
  titles ("Sen.", "Det."), the U.S. states ("Minn.", "D.C."), and company forms ("Inc.",
  "S.A.") that never end a sentence there;
- sources/treasury/html.py: "E.O.", "U.N.", "f.k.a.", address forms ("Ave.", "Blvd."), and
  company forms that end a sentence only when the next word starts one.

Why two sentence splitters and two HTML readers rather than one (merging them changes what
they find, so each says so in its docstring):
- DOJ release text is one paragraph a line (sources/doj/htmltext.py reads the HTML in one
  linear pass, 250,000 releases a backfill): a sentence never crosses a line, and only a
  capital or a digit after the space starts the next one.
- Treasury blocks keep the spans of their bold runs and links (designees are bold), so they
  are read from the parsed tree (sources/treasury/html.py, BeautifulSoup), with <br> kept as
  a line break inside the block; a sentence may cross it, may end the text, and may begin
  with "¿", "¡" or "*" (a "** Name**" conversion artefact).
"""
from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
mr mrs ms dr jr sr gen lt col capt sgt gov
st ft mt no nos vs approx a.m p.m e.g i.e u.s a.k.a
jan feb mar apr aug sep sept oct nov dec
""".split())


# -- UTF-8 read as Windows-1252 ("JosÃ© MontaÃ±o", "Albuquerqueâ€™s") -----------------------------
# Some saved copies of releases carry text whose UTF-8 bytes were once decoded as Windows-1252.
# A run of such characters is a lead (Â-ô: the first byte of a 2-4 byte UTF-8 sequence) followed by
# continuation characters (0x80-0xBF, as Windows-1252 or Latin-1 shows them). Each run is turned back
# into its bytes and decoded as UTF-8; a run that is not valid UTF-8 is left as written (accented text
# that merely looks like it: 'é»' is no UTF-8 sequence).
_CONT = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019" \
        "\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"   # (0x80-0xBF, and as Windows-1252 shows them)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONT}]{{1,3}}(?:[\u00c2-\u00f4][{_CONT}]{{1,3}})*")
_MOJIBAKE_HINTS = ("Ã", "Â", "â€", "Ä", "Å", "Ð", "Ñ", "Ø", "Ù", "à¤")


def repair_mojibake(text: str) -> str:
    """text with every run of UTF-8-read-as-Windows-1252 decoded back (see above); text unchanged when
    it holds none (a few substring tests for the common case)."""
    if not text or not any(h in text for h in _MOJIBAKE_HINTS):
        return text
    return _MOJIBAKE.sub(_unmangle, text)


def _unmangle(m) -> str:
    run = m.group(0)
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in run)
        return raw.decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError, ValueError):
        return run
