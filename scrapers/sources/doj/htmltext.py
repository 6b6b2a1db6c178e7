"""HTML -> text: paragraph-level blocks of a release body, and inline (title-like) text.

Pure functions. A block is a paragraph, list item, table cell row or heading; `heading`
marks a block that is entirely bold or an <h2>-like heading (round-up releases title each
case that way). Blog entries send plain text with blank lines, read the same way.
"""
from __future__ import annotations

import dataclasses
import html as htmllib
import re

from ...text import repair_mojibake

# -- HTML -> text ---------------------------------------------------------------------------
_WS = re.compile(r"[ \t\r\f\v\n\u2028\u2029]+")
_TAG = re.compile(r"<[^>]*>")
_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_DROP_HINT = re.compile(r"<(?:script|style|!--|SCRIPT)")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>")
_BLOCK_TAGS = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 br tr td th table tbody thead blockquote section article "
                        "header footer hr dl dt dd figure figcaption".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_BOLD_TAGS = frozenset(("b", "strong"))
_TAG_NAMES = {n: n for n in _BLOCK_TAGS | _BOLD_TAGS | {"a", "i", "em", "span", "u", "sup", "sub", "img", "td"}}


# a table row: 'Name | Age | Hometown', 'Jane Roe | 34 | Dayton, Ohio | Sentenced to 60 months'
CELL = " | "
CELL_MARK = "\x1f"
_CELLS = frozenset(("td", "th"))
_ROW_ENDS = frozenset(("tr", "table", "tbody", "thead"))


@dataclasses.dataclass(frozen=True)
class Block:
    text: str
    heading: bool = False


def _collapse_ws(s: str) -> str:
    """_WS.sub(" ", s), without the regular expression when there is nothing to collapse (the
    usual paragraph: single spaces only; the substitution costs ~40 ns a character)."""
    if "  " in s or "\n" in s or "\t" in s or "\r" in s or "\f" in s or "\v" in s or "\u2028" in s or "\u2029" in s:
        return _WS.sub(" ", s)
    return s


def _sub_tags(s: str, repl: str) -> str:
    """_TAG.sub(repl, s) in linear time: a `<` with no `>` after it can never start a tag,
    and the regular expression would rescan the rest of the text for each of them (a field
    of 180,000 `<` took minutes). Only the text up to the last `>` is given to it."""
    last = s.rfind(">")
    if last < 0:
        return s
    return _TAG.sub(repl, s[:last + 1]) + s[last + 1:]


def _inline_text(chunk: str) -> str:
    if "<" in chunk:
        chunk = _sub_tags(chunk, "")
    if "&" in chunk:
        chunk = htmllib.unescape(chunk)
    return _unglue(_collapse_ws(chunk.replace("\xa0", " ")).strip())


# Sentences some copies run together ('… announced U.S. Attorney Jane Roe.Charged are A, B …',
# 'of Greensboro.Batts, McCorkle and Gaines-Whitley were arrested'): a space after the full stop.
# Only after two lower-case letters (or a digit, a closing quote or bracket), before a capital and a
# lower-case letter: never 'U.S.Attorney', 'a.m.', 'St.Louis' or 'Ph.D.'.
_GLUED = re.compile(r"(?<=[a-zà-ÿ][a-zà-ÿ]|[a-zà-ÿ\d][”\"’)]|\d\d)\.(?=[A-ZÀ-Þ][a-zà-ÿ]|A\s[a-z])")   # (… 'States.A co-defendant')


_GLUED_QUOTE = re.compile(r"(?<=[a-zà-ÿ]\.[”\"’])(?=[A-ZÀ-Þ][a-zà-ÿ])")   # 'said “no.”The man'


_GLUED_HINT = re.compile(r"\.[”\"’]?(?:[A-ZÀ-Þ][a-zà-ÿ]|A\s[a-z])")   # (the cheap test: most paragraphs have none)


def _unglue(text: str) -> str:
    if "." not in text or _GLUED_HINT.search(text) is None:
        return text
    text = _GLUED.sub(". ", text)
    return _GLUED_QUOTE.sub(" ", text) if ".”" in text or '."' in text or ".’" in text else text


def clean_inline(value) -> str:
    """Title-like field: entities decoded, tags dropped, spaces collapsed."""
    if value is None:
        return ""
    s = str(value)
    if "<" in s:
        s = _sub_tags(s, " ")
    if "&" in s:
        s = htmllib.unescape(s)
    return _collapse_ws(repair_mojibake(s).replace("\xa0", " ")).strip()


def _drop_hidden(html: str) -> str:
    """_DROP.sub(" ", html), the same result in linear time: script/style/noscript/template
    elements and comments replaced by a space. The regular expression rescanned the rest of
    the text for every element never closed; here a kind found unclosed once is not looked
    for again (nothing after can close it either)."""
    low = html.lower()
    out, i, pos = [], 0, 0
    unclosed: set[str] = set()
    while True:
        m = _DROP_OPEN.search(low, pos)
        if m is None:
            out.append(html[i:])
            return "".join(out)
        name = m.group(1) or m.group(2)
        end = -1 if name in unclosed else _drop_end(low, name, m.end())
        if end < 0:
            unclosed.add(name)
            pos = m.start() + 1
            continue
        out.append(html[i:m.start()])
        out.append(" ")
        i = pos = end


def _drop_end(low: str, name: str, start: int) -> int:
    """Where the element or comment opened before `start` ends (after its closing tag), -1
    if it is never closed."""
    if name == "!--":
        end = low.find("-->", start)
        return -1 if end < 0 else end + 3
    closer = "</" + name
    at = start
    while True:
        at = low.find(closer, at)
        if at < 0:
            return -1
        k = at + len(closer)
        while k < len(low) and low[k].isspace():
            k += 1
        if k < len(low) and low[k] == ">":
            return k + 1
        at += 1


_DROP_OPEN = re.compile(r"<(script|style|noscript|template)\b|<(!--)")


# two names set in bold side by side, nothing but a space between them ('<strong>Ana Ruiz Vela</strong>
# <strong>Luis Soto Paz</strong> and …'): two people, read with a comma between them
_BOLD_SEAM = re.compile(r"</(?:strong|b)>(?:\s|&nbsp;)+<(?:strong|b)\b[^>]*>")
_BOLD_OPEN = re.compile(r"<(?:strong|b)\b[^>]*>")
_LAST_TEXT = re.compile(r"([^\s>])((?:\s*<[^>]*>)*\s*)$")
_BOLD_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ’'-]+(?:\s+(?:[A-ZÀ-Þ][a-zà-ÿ’'-]+|de|del|la|los|y))+")


def _separate_bold_names(html: str) -> str:
    out, pos = [], 0
    for m in _BOLD_SEAM.finditer(html):
        opened = max(html.rfind("<strong", pos, m.start()), html.rfind("<b", pos, m.start()))
        end = min((i for i in (html.find("</strong>", m.end()), html.find("</b>", m.end())) if i >= 0), default=-1)
        head = _BOLD_OPEN.match(html, opened) if opened >= 0 else None
        if head is None or end < 0 or end - m.end() > 120 or m.start() - head.end() > 120:
            continue
        before = _collapse_ws(_sub_tags(html[head.end():m.start()], "").replace("&nbsp;", " ")).strip()
        after = _collapse_ws(_sub_tags(html[m.end():end], "").replace("&nbsp;", " ")).strip()
        if _BOLD_NAME.fullmatch(before) and _BOLD_NAME.fullmatch(after):
            last = _LAST_TEXT.search(html, head.end(), m.start())   # (the comma after the name's last letter)
            out += [html[pos:last.start(2)], ",", html[last.start(2):m.end()]]
            pos = m.end()
    return "".join(out) + html[pos:] if out else html


def html_to_blocks(html: str) -> list[Block]:
    """Paragraph-level text blocks; `heading` marks a block that is entirely bold or an
    <h2>-like heading (round-up releases title each case that way). Not Treasury's
    text_blocks (sources/treasury/html.py, a BeautifulSoup tree with bold and link spans):
    DOJ needs the text only, of 250,000 releases a backfill, so this reads the HTML in one
    linear pass; a <br> ends a block here."""
    if not html or not html.strip():
        return []
    html = repair_mojibake(html)   # ('JosÃ© MontaÃ±o' in some saved copies: 'José Montaño')
    if "<" not in html:  # plain text with blank lines
        return [Block(x) for x in (_inline_text(p) for p in re.split(r"\n\s*\n", html)) if x]
    if _DROP_HINT.search(html):  # == "<script" in html or "<style" in html or ..., one pass
        html = _drop_hidden(html)
    if "> <strong" in html or "> <b>" in html:
        html = _separate_bold_names(html)
    blocks: list[Block] = []
    pieces: list[str] = []      # text of the current block, bold parts marked
    bold_depth = 0
    has_plain = False
    has_bold = False
    in_heading = False
    in_row = False    # a table row is one block, its cells joined by CELL

    def flush():
        nonlocal pieces, has_plain, has_bold
        if pieces:
            raw = "".join(pieces)
            if not raw.isspace() and raw:  # whitespace alone (between blocks) is no block
                text = _inline_text(raw)
                if in_row and CELL_MARK in text:
                    text = CELL.join(c.strip() for c in text.split(CELL_MARK) if c.strip())
                if text:   # (a row is never a case heading)
                    blocks.append(Block(text, not in_row and (in_heading or (has_bold and not has_plain))))
        pieces, has_plain, has_bold = [], False, False

    pos = 0
    # a `<` with no `>` after it starts no tag: stop where the last `>` is (linear time, see _sub_tags)
    for m in _ANY_TAG.finditer(html, 0, html.rfind(">") + 1):
        start = m.start()
        if start > pos:
            chunk = html[pos:start]
            pieces.append(chunk)
            bare = chunk.strip()
            if bare and bare not in ("&nbsp;", "-", "–", ":"):
                if bold_depth:
                    has_bold = True
                else:
                    has_plain = True
        pos = m.end()
        slash, name = m.group(1, 2)
        name = _TAG_NAMES.get(name) or name.lower()
        closing = slash == "/"
        if in_row and name not in _ROW_ENDS:
            if name in _CELLS:
                pieces.append(CELL_MARK)
            elif name in _BLOCK_TAGS:
                pieces.append(" ")
            elif name in _BOLD_TAGS:
                bold_depth = max(0, bold_depth + (-1 if closing else 1))
            continue
        if name in _BLOCK_TAGS:
            flush()
            in_row = name == "tr" and not closing
            if name in _HEADINGS:
                in_heading = not closing
        elif name in _BOLD_TAGS:
            bold_depth = max(0, bold_depth + (-1 if closing else 1))
        else:
            pieces.append(" " if name in ("td", "span") else "")
    if pos < len(html):
        chunk = html[pos:]
        pieces.append(chunk)
        if chunk.strip():
            if bold_depth:
                has_bold = True
            else:
                has_plain = True
    flush()
    return blocks


def blocks_text(blocks: list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)
