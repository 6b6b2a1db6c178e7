"""Sanitised HTML for anything rendered as HTML in Datasette (press-release bodies).

    from scrapers.sanitize import sanitize_html
    row["body_html"] = sanitize_html(article_html, base_url=release_url)

The output is rebuilt from the parse tree, never copied from the input: only the tags in
`ALLOWED_TAGS` are written (others are unwrapped: their text stays; `DROPPED` ones go with
their content), only the attributes in `ALLOWED_ATTRS`, every text and attribute value is
escaped, links keep only http(s)/mailto targets (relative ones are made absolute against
`base_url`; `javascript:`, `data:`, `vbscript:` and tricks like `java&#9;script:` are
dropped) and get rel="nofollow noopener noreferrer". No scripts, styles, event handlers,
images, iframes, forms or comments survive. Sanitising is idempotent.

`html_text(html)` gives the readable text (for body_text / full-text search).
"""
from __future__ import annotations

import html as htmlmod
import re
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

ALLOWED_TAGS = {
    "p", "br", "hr", "a", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "abbr", "cite", "q",
    "blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "h4", "h5", "h6",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
# Headings one level up are demoted (the page has its own h1).
RENAMED = {"h1": "h2", "strike": "s", "del": "s"}
# Removed with everything inside them.
DROPPED = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "template", "svg", "math", "form", "input", "button", "select", "option", "textarea", "head",
    "title", "meta", "link", "base", "img", "picture", "source", "video", "audio", "canvas", "map",
    "area", "param", "track", "dialog", "portal", "xml", "noembed", "noframes",
}
VOID = {"br", "hr"}
ALLOWED_ATTRS = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
SAFE_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_DIGITS = re.compile(r"^\d{1,4}$")
_SCOPE = {"row", "col", "rowgroup", "colgroup"}


def safe_url(value: str | None, base_url: str | None = None) -> str | None:
    """An http(s)/mailto URL (relative ones made absolute against `base_url`), or None."""
    if not value:
        return None
    value = _CONTROL.sub(" ", value).strip()
    # browsers ignore tabs, newlines and spaces inside a scheme ("java\tscript:")
    compact = _CONTROL.sub("", value.replace(" ", ""))
    head = re.split(r"[/?#]", compact, maxsplit=1)[0]
    if ":" in head:                                  # has a scheme (or looks like one)
        scheme = head.split(":", 1)[0].lower()
        if scheme not in SAFE_SCHEMES:
            return None
        try:
            if scheme != "mailto" and not urlsplit(value).netloc:
                return None
        except ValueError:      # a host Python cannot read ("home.treasury.gov\uff0fx"): no link
            return None
        return value
    if not compact:
        return None
    if base_url is None:
        return value
    try:
        absolute = urljoin(base_url, value)
        return absolute if urlsplit(absolute).scheme.lower() in ("http", "https") else None
    except ValueError:
        return None


def _attr(name: str, value: str) -> str:
    return f' {name}="{htmlmod.escape(value, quote=True)}"'


def _clean_attrs(tag: str, el, base_url: str | None) -> str | None:
    """The attribute string for `tag`, or None when the element should be unwrapped
    (a link without a safe target)."""
    out = []
    allowed = ALLOWED_ATTRS.get(tag, set())
    if tag == "a":
        href = safe_url(el.get("href"), base_url)
        if not href:
            return None
        out.append(_attr("href", href))
        if el.get("title"):
            out.append(_attr("title", el.get("title")))
        out.append(_attr("rel", LINK_REL))
        return "".join(out)
    for name in sorted(allowed):
        value = el.get(name)
        if value is None:
            continue
        value = value.strip()
        if name in ("colspan", "rowspan", "start") and not _DIGITS.match(value):
            continue
        if name == "scope" and value.lower() not in _SCOPE:
            continue
        out.append(_attr(name, value))
    return "".join(out)


def _text(value: str | None) -> str:
    return htmlmod.escape(value, quote=False) if value else ""


def _walk(el, base_url: str | None, out: list[str]) -> None:
    """Write `el` (its tag if allowed, its children, not its tail) to `out`."""
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None:       # comment, processing instruction, entity
        return
    tag = tag.lower().rsplit("}", 1)[-1]
    tag = RENAMED.get(tag, tag)
    if tag in DROPPED:
        return
    attrs = _clean_attrs(tag, el, base_url) if tag in ALLOWED_TAGS else None
    keep = tag in ALLOWED_TAGS and attrs is not None
    if keep:
        out.append(f"<{tag}{attrs}>")
        if tag in VOID:
            return
    out.append(_text(el.text))
    for child in el:
        _walk(child, base_url, out)
        out.append(_text(child.tail))
    if keep:
        out.append(f"</{tag}>")


def sanitize_html(markup: str | bytes | None, base_url: str | None = None) -> str:
    """Markup (a fragment or a whole page) -> safe HTML (see the module doc). '' for nothing."""
    if markup is None:
        return ""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    markup = markup.replace("\x00", "")
    if not markup.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return ""
    out: list[str] = []
    _walk(root, base_url, out)
    return "".join(out).strip()


def html_text(markup: str | bytes | None) -> str:
    """The readable text of some HTML: block elements on their own lines, scripts and
    styles dropped, whitespace collapsed."""
    if not markup:
        return ""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    try:
        root = lxml.html.document_fromstring(markup.replace("\x00", ""))
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//tr|//h1|//h2|//h3|//h4|//h5|//h6|//blockquote|//table"):
        block.tail = "\n" + (block.tail or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
