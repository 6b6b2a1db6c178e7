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

ABBREVIATIONS = frozenset("""
mr mrs ms dr jr sr gen lt col capt sgt gov
st ft mt no nos vs approx a.m p.m e.g i.e u.s a.k.a
jan feb mar apr aug sep sept oct nov dec
""".split())
