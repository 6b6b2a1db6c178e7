"""DOJ API parsing on hostile input (issue 16): time linear in the input, the same answers as
the regular expressions it replaced on ordinary input, and nothing but ParseError escaping.

A 180 kB field of unclosed `<a`, `<time` or `<` made one update take 99 s and every rebuild
50 s: `re.finditer(r"<a\\b[^>]*>(.*?)</a>")` and friends rescan the rest of the text from
each unclosed tag. Speed is measured as a ratio within one run (this machine is shared):
four times the input must cost about four times the time, not sixteen."""
from __future__ import annotations

import json
import random
import re
import time

import pytest
from faultmatrix import record_fault

from scrapers.sources.doj import api, htmltext, walk

OLD_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
OLD_TIME_TAG = re.compile(r"<time\b[^>]*?datetime\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</time>", re.I | re.S)

BASE = {"uuid": "0000002a-5a1e-4c0d-9e2f-00000000002a", "title": "Invented Courier Sentenced for Fentanyl Pills",
        "date": "1720000000", "changed": '<time datetime="2024-07-03T09:46:40+00:00">1720000000</time>\n',
        "body": "<p>PHOENIX – An invented courier was sentenced today for distributing fentanyl pills.</p>",
        "url": "https://www.justice.gov/usao-az/pr/invented-courier", "component": [], "topic": []}

# field -> a hostile value of about n characters
ATTACKS = {
    "component: unclosed <a": ("component", lambda n: "<a " * (n // 3)),
    "topic: <a> never closed": ("topic", lambda n: "<a>" * (n // 3)),
    "changed: unclosed <time": ("changed", lambda n: "<time datetime='1'>" + "<time " * (n // 6)),
    "changed: datetime= without quotes": ("changed", lambda n: "<time datetime=" * (n // 15)),
    "changed: < inside <time>": ("changed", lambda n: "<time datetime='x'>" + "<" * n + "</time>"),
    "title: unclosed <a": ("title", lambda n: "<a " * (n // 3)),
    "number: <": ("number", lambda n: "<" * n),
    "body: < after a paragraph": ("body", lambda n: "<p>fentanyl</p>" + "<" * n),
    "body: unclosed comments": ("body", lambda n: "<p>fentanyl</p>" + "<!--" * (n // 4)),
    "body: unclosed scripts": ("body", lambda n: "<p>fentanyl</p>" + "<script>" * (n // 8)),
}


def _read(field: str, value: str) -> None:
    item = dict(BASE, **{field: value})
    page = json.dumps({"metadata": {"resultset": {"count": "1", "pagesize": "50"}}, "results": [item]})
    try:
        walk.summarize(page.encode(), "page", 0)
    except api.ParseError:
        pass
    try:
        rel = api.parse_item(item, "page", 0)
    except api.ParseError:
        return
    htmltext.html_to_blocks(rel.body_html)


def _seconds(field: str, value: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        _read(field, value)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("kind", ATTACKS)
def test_hostile_field_is_read_in_linear_time(kind):
    field, make = ATTACKS[kind]
    small, large = _seconds(field, make(45_000)), _seconds(field, make(180_000))
    ratio = large / max(small, 1e-4)
    record_fault(f"180 kB hostile field ({kind})", f"one release whose {field} is ~180,000 characters of unclosed tags",
                 f"read in {large:.3f} s (4x the input: {ratio:.1f}x the time); was minutes: the 99 s update and"
                 " 50 s rebuilds are gone", 0, 0, None,
                 f"test_faults_doj_parsing.py::test_hostile_field_is_read_in_linear_time[{kind}]", source="doj")
    assert large < 3.0, f"{kind}: {large:.2f} s for 180 kB"
    # quadratic would be 16x; below 50 ms the timer and the machine's load are all one measures
    assert large < 0.05 or ratio < 10, f"{kind}: 4x the input cost {ratio:.0f}x the time"


def test_anchor_and_time_scanners_agree_with_the_regular_expressions():
    rng = random.Random(16)
    parts = ["<a href='x'>", "<a>", "</a>", "<A HREF=y>", "<abbr>", "</abbr>", "<time datetime='2024-01-02'>",
             '<time class=a datetime="1700000000">', "</time>", "<time>", "datetime=", "'", '"', ">", "<", "x", " ",
             "Civil Rights", "<span>", "</span>", "<timex datetime='1'>", "\n"]
    for _ in range(20_000):
        s = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        assert api.anchor_texts(s) == [m.group(1) for m in OLD_ANCHOR.finditer(s)], s
        m = OLD_TIME_TAG.search(s)
        want = (m.group(1), m.group(2)) if m and ">" not in m.group(1) else None
        got = api.time_tag(s)
        if m is None or ">" not in m.group(1):
            assert got == want, s


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 10 ** 40, "9" * 5000, "1e999", [1], {"a": 1}, True,
                                   "<time datetime='x'>" + "9" * 400 + "</time>", "\u00b2", "－５"])
def test_hostile_values_become_none_or_parse_errors(value):
    assert api.time_field(value) == (None, None) or api.time_field(value)[0] is None or \
        abs(api.time_field(value)[0]) < 10 ** 19
    item = dict(BASE, date=value, changed=value)
    try:
        api.parse_item(item, "page", 0)
    except api.ParseError:
        pass
    assert api.parse_item_light(item, "page", 0) is None or api.parse_item_light(item, "page", 0).uuid


@pytest.mark.parametrize("text,why", [
    ('{"results": [{"date": Infinity}]}', "Infinity"),
    ('{"results": [{"date": NaN}]}', "NaN"),
    ('{"results": [{"date": 1e400}]}', "out of range"),
    ('{"results": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ('{"results": [' + "9" * 5000 + "]}", "digits"),
])
def test_strict_json(text, why):
    with pytest.raises(api.ParseError, match=why):
        api.parse_api_response(text, "page")
    with pytest.raises(api.ParseError):
        walk.summarize(text.encode(), "page", 0)
