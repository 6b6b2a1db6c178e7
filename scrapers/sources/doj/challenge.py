"""Bot-challenge pages: what justice.gov may send a script instead of the page asked for.

Observed (corpus doj/pages/): an Akamai "bm-verify" interstitial served with HTTP 200,
`Server: AkamaiGHost`, about 3 KB, `<title>&nbsp;</title>`, a meta refresh to
`?bm-verify=...` and a POST to `/_sec/verify?provider=interstitial`; also after a redirect
to `/archives/...`. It is neither a release nor an API page: never parsed as one nor stored
as one; the fetch is retried later with backoff. Other CDNs' interstitials (Cloudflare's
"Just a moment...", `/cdn-cgi/challenge-platform/`) are recognised the same way.
"""
from __future__ import annotations

# (marker in the first bytes of the body, lower-cased; what the page is)
_MARKERS = (
    (b"bm-verify", "an Akamai bot challenge (bm-verify)"),
    (b"/_sec/verify", "an Akamai bot challenge (/_sec/verify)"),
    (b"/cdn-cgi/challenge-platform/", "a Cloudflare bot challenge"),
    (b"<title>just a moment...</title>", "a Cloudflare bot challenge"),
)
_HEAD = 16_384   # the markers sit in the first few KB; a real release page is 100 KB of markup


def bot_challenge(content: bytes | str | None, headers: dict | None = None) -> str | None:
    """What kind of bot challenge `content` is, or None for anything else (an API page, a
    release, an error page). Pure: looks at the body's first bytes (and the Server header)."""
    if not content:
        return None
    head = (content[:_HEAD].encode("utf-8", "replace") if isinstance(content, str) else content[:_HEAD]).lower()
    if head.lstrip()[:1] != b"<":
        return None  # JSON, CSV...: not a page at all
    for marker, what in _MARKERS:
        if marker in head:
            return what
    server = str((headers or {}).get("server", "")).lower()
    if "akamai" in server and b"<title>&nbsp;</title>" in head and len(content) < 10_000:
        return "an Akamai bot challenge (empty page)"
    return None


def challenge_reason(what: str) -> str:
    """The one line said about a challenge instead of the page asked for."""
    return f"justice.gov answered with {what} (HTTP 200) instead of the page"
