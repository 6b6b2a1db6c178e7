"""Dates as the sources write them -> ISO 8601 strings.

OFAC: "31 Jan 1939", "Jan 1970", "1948", "circa 1965", "1960 to 1962" (partial dates keep
their precision: "1970-01", "1948"). Treasury: `<time datetime="2023-05-09T14:30:00Z">` or
local offsets ("2025-09-24T10:30:00-04:00"); the release date is the *Eastern* calendar date.
DOJ: unix seconds in a string ("1723032000"), HTML `<time datetime=...>unix</time>`.

Every date the tracker stores for an action is a U.S. Eastern calendar date (OFAC and DOJ act
in Washington): a list version fetched, or named by a git-scrape, at 01:30 UTC belongs to the
previous Eastern day (`version_date`, `eastern_today`).
"""
from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

EASTERN = ZoneInfo("America/New_York")

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MONTH_WORD = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

_DMY = re.compile(rf"^(\d{{1,2}}) ({_MONTH_WORD}) (\d{{4}})$", re.I)
_MDY = re.compile(rf"^({_MONTH_WORD}) (\d{{1,2}}),? (\d{{4}})$", re.I)
_MY = re.compile(rf"^({_MONTH_WORD}) (\d{{4}})$", re.I)
_Y = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _month(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def parse_loose_date(text: str | None) -> str | None:
    """Parse one date with its precision kept: '31 Jan 1939' -> '1939-01-31', 'Jan 1970'
    -> '1970-01', '1948' -> '1948', 'circa 1965' -> '1965'. None when not a date."""
    if not text:
        return None
    t = text.strip().rstrip(".").strip()
    parts = t.split(" ")
    if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit() and len(parts[2]) == 4:
        month = _MONTHS.get(parts[1][:3].lower())
        if month and len(parts[1]) == 3:  # the common "12 Feb 1970"
            return _safe(int(parts[2]), month, int(parts[0]))
    if len(t) == 4 and t.isdigit():
        return t
    if t[:1].isalpha() and t[:1].lower() in "cab":
        t = re.sub(r"^(?:circa|approximately|about|c\.)\s+", "", t, flags=re.I)
    if m := _DMY.match(t):
        return _safe(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    if m := _MDY.match(t):
        return _safe(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    if m := _MY.match(t):
        return f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}"
    if m := _Y.match(t):
        return m.group(1)
    if m := _ISO.match(t):
        if m.group(3):
            return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return f"{m.group(1)}-{m.group(2)}"
    if m := _SLASH.match(t):
        return _safe(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    return None


def _safe(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date_range(text: str) -> list[str]:
    """'1960 to 1962' -> ['1960', '1962']; a single date -> [date]; [] when unparseable."""
    if " to " not in text:
        single = parse_loose_date(text)
        return [single] if single else []
    parts = re.split(r"\s+to\s+", text.strip(), maxsplit=1)
    out = [parse_loose_date(p) for p in parts]
    return [d for d in out if d] if all(out) else []


def eastern_date(datetime_attr: str) -> str | None:
    """ISO datetime (UTC 'Z' or with offset) -> the calendar date in Washington."""
    if not datetime_attr:
        return None
    s = datetime_attr.strip().replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(s)
    except ValueError:
        return parse_loose_date(s[:10])
    if value.tzinfo is None:
        return value.date().isoformat()
    return value.astimezone(EASTERN).date().isoformat()


def unix_to_eastern_date(seconds: str | int | float) -> str | None:
    try:
        value = dt.datetime.fromtimestamp(int(float(seconds)), tz=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return value.astimezone(EASTERN).date().isoformat()


def unix_to_iso(seconds: str | int | float) -> str | None:
    try:
        value = dt.datetime.fromtimestamp(int(float(seconds)), tz=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return value.isoformat().replace("+00:00", "Z")


def parse_human_date(text: str) -> str | None:
    """'May 9, 2023' / 'March 22, 2024' / '05/09/2023' -> ISO date."""
    return parse_loose_date(re.sub(r"\s+", " ", text or "").strip())


def today() -> str:
    return dt.date.today().isoformat()


def utcnow() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def days_between(a: str, b: str) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def eastern_today() -> str:
    """Today's calendar date in Washington (what a fetch made now is dated)."""
    return dt.datetime.now(dt.timezone.utc).astimezone(EASTERN).date().isoformat()


# "2024-03-29T184333", "2024-03-29T1843", "2024-03-29 18:43:33", "2024-03-29_18-43", "...Z"
_VERSION_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T _](\d{2})[:-]?(\d{2})(?:[:-]?(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?")


def version_date(name: str, zone: str = "UTC") -> str | None:
    """The Eastern calendar date of a list version named by its time: '2021-12-16T014252'
    read as UTC (`zone`, an IANA name; an explicit 'Z' or offset in the name wins) is
    2021-12-15 20:42 in Washington -> '2021-12-15'. A name with a date only keeps its date.
    None when the name does not start with a valid date."""
    day = leading_date(name)
    if day is None:
        return None
    m = _VERSION_TIME.match(name)
    if not m:
        return day
    hh, mm, ss = int(m.group(2)), int(m.group(3)), int(m.group(4) or 0)
    if hh > 23 or mm > 59 or ss > 59:
        return day
    tail = m.group(5)
    if tail == "Z":
        tz: dt.tzinfo = dt.timezone.utc
    elif tail:
        sign = -1 if tail[0] == "-" else 1
        digits = tail[1:].replace(":", "")
        tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    else:
        tz = dt.timezone.utc if zone.upper() in ("UTC", "Z", "GMT") else ZoneInfo(zone)
    moment = dt.datetime.fromisoformat(day).replace(hour=hh, minute=mm, second=ss, tzinfo=tz)
    return moment.astimezone(EASTERN).date().isoformat()


def leading_date(name: str) -> str | None:
    """A directory name that starts with a date: '2024-03-22T184333' -> '2024-03-22'."""
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", name)
    if not m:
        return None
    return _safe(*map(int, m.group(1).split("-")))


def share_walked(since: str | None, reached: str | None, newest: str | None = None) -> float | None:
    """How far a walk back in time, newest first, from `newest` (default: today) to `since`
    has come once it reached the date `reached`: 0.0 .. 1.0 (None when it cannot be told)."""
    try:
        start = dt.date.fromisoformat((newest or today())[:10])
        goal = dt.date.fromisoformat(since[:10]) if since else None
        at = dt.date.fromisoformat(reached[:10]) if reached else None
    except (TypeError, ValueError):
        return None
    if goal is None:
        return None
    if at is None:
        return 0.0
    span = (start - goal).days
    if span <= 0:
        return 1.0
    return min(1.0, max(0.0, (start - at).days / span))


def duration_text(seconds: float) -> str:
    """45s, 12m05s, 3h20m."""
    seconds = int(round(max(0.0, seconds)))
    if seconds < 90:
        return f"{seconds}s"
    if seconds < 5400:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{(seconds % 3600) // 60:02d}m"
