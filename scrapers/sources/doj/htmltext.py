"""HTML -> text: paragraph-level blocks of a release body, and inline (title-like) text.

Pure functions. A block is a paragraph, list item, table cell row or heading; `heading`
marks a block that is entirely bold or an <h2>-like heading (round-up releases title each
case that way). Blog entries send plain text with blank lines, read the same way.
"""
from __future__ import annotations

import dataclasses
import html as htmllib
import re

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


def _inline_text(chunk: str) -> str:
    if "<" in chunk:
        chunk = _TAG.sub("", chunk)
    if "&" in chunk:
        chunk = htmllib.unescape(chunk)
    return _collapse_ws(chunk.replace("\xa0", " ")).strip()


def clean_inline(value) -> str:
    """Title-like field: entities decoded, tags dropped, spaces collapsed."""
    if value is None:
        return ""
    s = str(value)
    if "<" in s:
        s = _TAG.sub(" ", s)
    if "&" in s:
        s = htmllib.unescape(s)
    return _collapse_ws(s.replace("\xa0", " ")).strip()


def html_to_blocks(html: str) -> list[Block]:
    """Paragraph-level text blocks; `heading` marks a block that is entirely bold or an
    <h2>-like heading (round-up releases title each case that way)."""
    if not html or not html.strip():
        return []
    if "<" not in html:  # plain text with blank lines
        return [Block(x) for x in (_inline_text(p) for p in re.split(r"\n\s*\n", html)) if x]
    if _DROP_HINT.search(html):  # == "<script" in html or "<style" in html or ..., one pass
        html = _DROP.sub(" ", html)
    blocks: list[Block] = []
    pieces: list[str] = []      # text of the current block, bold parts marked
    bold_depth = 0
    has_plain = False
    has_bold = False
    in_heading = False

    def flush():
        nonlocal pieces, has_plain, has_bold
        if pieces:
            raw = "".join(pieces)
            if not raw.isspace() and raw:  # whitespace alone (between blocks) is no block
                text = _inline_text(raw)
                if text:
                    blocks.append(Block(text, in_heading or (has_bold and not has_plain)))
        pieces, has_plain, has_bold = [], False, False

    pos = 0
    for m in _ANY_TAG.finditer(html):
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
        if name in _BLOCK_TAGS:
            flush()
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
