"""Safe parsing, HTML half: what is rendered as HTML in Datasette is sanitised (only safe
tags, no scripts/handlers/javascript: links), whatever the page sent."""
from __future__ import annotations

import random

import lxml.html
import pytest

from scrapers.sanitize import ALLOWED_ATTRS, ALLOWED_TAGS, html_text, safe_url, sanitize_html

BASE = "https://home.treasury.gov/news/press-releases/zz0001"

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "<a href='javascript:alert(1)'>j1</a>",
    "<a href='JaVaScRiPt:alert(1)'>j2</a>",
    "<a href='java&#x09;script:alert(1)'>j3</a>",
    "<a href='  javascript:alert(1)'>j4</a>",
    "<a href='jav&#x0A;ascript:alert(1)'>j5</a>",
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>d</a>",
    "<a href='vbscript:msgbox(1)'>v</a>",
    "<a href='javascript&colon;alert(1)'>c</a>",
    "<p style='background:url(javascript:alert(1))' onclick='alert(1)'>styled</p>",
    "<iframe src='https://evil.example'></iframe>",
    "<object data='x.swf'></object><embed src='x.swf'>",
    "<form action='https://evil.example'><input name=q><button>go</button></form>",
    "<!-- <script>alert(1)</script> -->",
    "<scr<script>ipt>alert(1)</script>",
    "<style>body{display:none}</style>",
    "<base href='https://evil.example/'>",
    "<meta http-equiv='refresh' content='0;url=https://evil.example'>",
    "<table><tr><td colspan='2' onmouseover='alert(1)'>cell</td></tr></table>",
    "<div onmouseover=alert(1)>div</div>",
    "<a href='https://www.justice.gov/x' onclick='alert(1)' target=_blank>ok link</a>",
    "<p>5 &lt;script&gt;alert(1)&lt;/script&gt; escaped</p>",
    "<noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>",
    "<template><script>alert(1)</script></template>",
    "<a href=\"/news/x\" title='\" onmouseover=alert(1) x=\"'>quoted</a>",
    "</p>stray<p>",
    "<h1>Title</h1>",
    "<details open ontoggle=alert(1)>t</details>",
]


def assert_safe(out: str) -> None:
    lowered = out.lower()
    assert "<script" not in lowered and "javascript:" not in lowered.replace(" ", "")
    assert "onerror" not in lowered or "onerror=" not in lowered.replace(" ", "")
    doc = lxml.html.document_fromstring(f"<div>{out}</div>") if out.strip() else None
    if doc is None:
        return
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or el is doc.body[0]:
            continue
        assert el.tag in ALLOWED_TAGS, el.tag
        for name, value in el.attrib.items():
            assert name in ALLOWED_ATTRS.get(el.tag, set()) | ({"rel"} if el.tag == "a" else set()), (el.tag, name)
            assert not name.startswith("on")
            if name == "href":
                assert value.startswith(("https://", "http://", "mailto:")), value


@pytest.mark.parametrize("attack", ATTACKS)
def test_attacks_are_neutralised(attack):
    out = sanitize_html(attack, base_url=BASE)
    assert_safe(out)
    assert sanitize_html(out, base_url=BASE) == out, "sanitising is not idempotent"


def test_random_mixtures_stay_safe():
    rng = random.Random(14059)
    pool = ATTACKS + ["<p>", "</p>", "<strong>", "</a>", "<a href='", "'>", "<ul><li>", "text & more", "<td>"]
    for _ in range(300):
        markup = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        out = sanitize_html(markup, base_url=BASE)
        assert_safe(out)


def test_ordinary_release_markup_survives():
    markup = ("<div class='field--name-field-news-body'><p>WASHINGTON — Today, the Department of the "
              "Treasury’s Office of Foreign Assets Control (OFAC) sanctioned <strong>GRUPO EJEMPLO</strong>"
              " &amp; two <em>associates</em>.</p><ul><li>one</li><li>two</li></ul>"
              "<p><a href='https://ofac.treasury.gov/recent-actions/20250314'>View more information</a></p>"
              "<h1>Heading</h1></div>")
    out = sanitize_html(markup, base_url=BASE)
    assert out == ("<p>WASHINGTON — Today, the Department of the Treasury’s Office of Foreign Assets Control"
                   " (OFAC) sanctioned <strong>GRUPO EJEMPLO</strong> &amp; two <em>associates</em>.</p>"
                   "<ul><li>one</li><li>two</li></ul><p><a href=\"https://ofac.treasury.gov/recent-actions/20250314\""
                   " rel=\"nofollow noopener noreferrer\">View more information</a></p><h2>Heading</h2>")


def test_relative_links_become_absolute_and_unsafe_links_lose_their_anchor_not_their_text():
    out = sanitize_html("<p><a href='/news/press-releases/zz0002'>next</a> <a href='javascript:x()'>bad</a></p>",
                        base_url=BASE)
    assert out == ('<p><a href="https://home.treasury.gov/news/press-releases/zz0002" rel="nofollow noopener'
                   ' noreferrer">next</a> bad</p>')


def test_table_attributes_are_filtered():
    out = sanitize_html("<table><tr><th scope='col' style='x'>h</th><td colspan='2' rowspan='x1'>c</td></tr></table>")
    assert out == '<table><tr><th scope="col">h</th><td colspan="2">c</td></tr></table>'


def test_whole_pages_keep_only_the_body():
    out = sanitize_html("<html><head><title>T</title><script>x()</script></head><body><p>b</p></body></html>")
    assert out == "<p>b</p>"


@pytest.mark.parametrize("value", [None, "", "   ", b"", "<!-- only a comment -->"])
def test_empty_input_gives_empty_output(value):
    assert sanitize_html(value) == ""


def test_bytes_with_bad_utf8_and_nul_do_not_crash():
    out = sanitize_html(b"<p>caf\xe9 \x00 ok</p>")
    assert out.startswith("<p>caf") and "ok" in out and "\x00" not in out


@pytest.mark.parametrize("url,expected", [
    ("https://www.justice.gov/a", "https://www.justice.gov/a"),
    ("mailto:press@example.gov", "mailto:press@example.gov"),
    ("/x", "https://home.treasury.gov/x"),
    ("#frag", BASE + "#frag"),
    ("javascript:alert(1)", None), ("JAVASCRIPT:alert(1)", None), ("java\tscript:alert(1)", None),
    ("\x01javascript:alert(1)", None), ("data:text/html,x", None), ("http:relative", None),
    ("//evil.example/x", "https://evil.example/x"),  # protocol-relative: allowed scheme, it is a plain link
])
def test_safe_url(url, expected):
    assert safe_url(url, BASE) == expected


def test_html_text_drops_scripts_and_keeps_paragraphs():
    text = html_text("<p>One <b>two</b></p><script>var x = 1;</script><p>Three</p><ul><li>a</li><li>b</li></ul>")
    assert text == "One two\nThree\na\nb"
