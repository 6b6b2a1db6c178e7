"""The shortcuts of DOJ extraction give what the slower forms they stand for give."""
import json
import random
import re

from scrapers.sources.doj.extract import _json_strings
from scrapers.sources.doj.mentions import _CAPS_BACK, _caps_run_start
from scrapers.sources.doj.officials import (
    _may_name_office,
    _official_titles,
    _titles_by_ending,
    _victim_hint,
    _victim_hint_lower,
    _victim_words,
    official_left,
)
from scrapers.sources.doj.people import _patterns
from scrapers.sources.doj.textscan import _ascii_view, lower_for_ci


def test_caps_run_start_is_the_pattern_search():
    rnd = random.Random(5)
    for _ in range(20_000):
        shape = bytes(rnd.choice(b"AA'?- a.9,") for _ in range(rnd.randint(0, 20)))
        i = rnd.randint(0, len(shape))
        floor = rnd.randint(0, i)
        m = _CAPS_BACK.search(shape, floor, i)
        assert _caps_run_start(shape, floor, i) == (m.start() if m else i), (shape, floor, i)


def test_json_strings_is_json_dumps():
    for items in ([], ["age"], ["age", "event"], ["21 U.S.C. § 841", 'a "quoted" \\ name', "Nuñez\u2028x", "\x00"]):
        assert _json_strings(items) == json.dumps(items)


def _first_title(w: str, titles) -> str | None:
    return next((t for t in titles if w.endswith(t) and (len(w) == len(t) or not w[-len(t) - 1].isalnum())), None)


def test_titles_by_ending_find_the_title_all_titles_in_turn_find():
    n, by_end = _titles_by_ending()
    titles = _official_titles()
    rnd = random.Random(11)
    lefts = [t for t in titles] + ["x" + t for t in titles] + [f"the {t}" for t in titles] + ["said", "", "Roe"]
    lefts += [" ".join(rnd.choice(titles).split()[rnd.randint(0, 1):]) for _ in range(2000)]
    for w in lefts:
        assert _first_title(w, by_end.get(w[-n:], ())) == _first_title(w, titles), w
    assert all(official_left(t) for t in titles if t not in ("prosecuted by", "handled by", "prosecuting", "presided over by"))


def test_official_right_needs_what_may_name_office_allows():
    rx = _patterns()["official_right"]
    rnd = random.Random(3)
    heads = [", ", ",  ", ",\t", ", the ", ", a ", ", an ", ", 25, ", ", of ", ", who ", ",", ", Special ", ", (", ", “"]
    tails = ["Special Agent in Charge", "U.S. Attorney", "the judge", "25, of Dayton", "of Dayton", "who was", "Judge", ""]
    for _ in range(2000):
        right = rnd.choice(heads) + rnd.choice(tails)
        if rx.match(right):
            assert _may_name_office(right), right


def test_victim_hint_in_the_lower_case_view_is_the_case_insensitive_search():
    rnd = random.Random(7)
    words = list(_victim_words())
    pieces = words + ["VICTIM", "Died", "was", " ", "the", "Kıdnapped", "ſhot", "\u212ailled", "İnformant", "’", "é"]
    for _ in range(3000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        low = _ascii_view(text)[1]
        if low is None:
            continue   # (those texts keep the case-insensitive search)
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        assert bool(_victim_hint_lower().search(low, start, end)) == bool(_victim_hint().search(text[start:end])), text


def test_lower_for_ci_words_stand_for_case_insensitive_patterns():
    for text in ("Sentenced to LIFE", "ſentenced", "İn one case", "Kelvin \u212a", "plain", "dotless ı"):
        low = lower_for_ci(text)
        for word in ("life", "sentenced", "in one", "k", "dotless i"):
            if re.search(re.escape(word), text, re.I):
                assert low is None or word in low, (text, word)
