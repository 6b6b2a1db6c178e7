"""The tracker's site, as a Datasette plugin (`tracker serve` registers it with the others in
scrapers/publish/serve.register_plugins): pages a journalist, a compliance analyst and a
researcher came for, on top of Datasette's own table pages.

- Profiles: /entry/<uid>, /release/<id>, /defendant/<id>, /case/<id> (profiles.py), each
  also as .json; row pages of designations, press_releases, defendants and prosecutions link
  to them, and table cells of names/titles do too.
- /search?q= : one search across entries, aliases, defendants and releases that forgives
  typos, accents, word order and transliterations, with a score and "did you mean"
  (search.py). The box is on every page (templates/base.html).
- /changes : the SDN list's changes on a day or between two dates, with old and new values,
  filters by program/country/event, as CSV and Atom (changes.py).
- Freshness on every page (freshness.py); the home page answers the three journeys.
- Errors: `?_sort=` on a column that cannot be sorted is a 400 saying which can; a search
  Datasette cannot parse is a 400 pointing to the forgiving search; in Datasette's plain
  search mode, double quotes are dropped from `_search` (they cannot mean anything there).
- Exports: CSV downloads are named after the table, the filter and the data's date;
  `.json?_shape=array&_stream=on` streams every row of a table or filtered view as one array.
"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlencode

from datasette import Response, hookimpl
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound
from datasette.views.base import DatasetteError
from markupsafe import Markup, escape

from . import changes as digest
from . import profiles
from .evidence import evidence_items
from .freshness import freshness
from .search import search, threshold_of

PROFILE_TABLES = {"designations": ("entry", "uid"), "press_releases": ("release", "id"),
                  "defendants": ("defendant", "id"), "prosecutions": ("case", "id")}
ATOM_ENTRIES = 1000  # newest changes in a feed
SHOWN_CHANGES = 300  # rows of a digest page (the CSV and Atom have them all)
LIST_COLUMNS = {"programs", "countries", "country_codes", "drugs", "statutes", "topics", "components",
                "designation_countries"}


def _db(datasette):
    return datasette.get_database()


def profile_url(kind: str, key) -> str:
    """/entry/90001, /release/treasury~3Asb9001 (ids tilde-encoded, as Datasette's own URLs:
    it redirects paths holding %-escapes, and DOJ ids hold '#')."""
    return f"/{kind}/{tilde_encode(str(key))}"


def release_label(title: str | None, release_id: str | None) -> str:
    """A release's title, or, when the page gave none, what it is: "Treasury press release
    jy2605" (never a bare "treasury:jy2605")."""
    if title and title.strip():
        return title
    source, _, key = (release_id or "").partition(":")
    agency = {"treasury": "Treasury", "doj": "Justice Department"}.get(source)
    return f"{agency} press release {key}" if agency and key else (release_id or "untitled press release")


async def _render(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    html = await datasette.render_template(template, {**context, "profile_url": profile_url,
                                                      "evidence_items": evidence_items,
                                                      "release_label": release_label}, request=request)
    return Response.html(html, status=status)


def _json(data, status: int = 200) -> Response:
    return Response.json(data, status=status, default=str)


# -- pages ---------------------------------------------------------------------------------
async def _profile_page(datasette, request, load, key, missing: str, template: str, short: str, json_without=()):
    """A profile page, or its JSON: `load`(db, `key`) the profile (None: a 404 saying `missing`),
    rendered with `template`, the profile as `p` and its main row as `short` too."""
    p = await load(_db(datasette), key)
    if p is None:
        raise NotFound(missing)
    if request.url_vars.get("format") == "json":
        return _json({k: v for k, v in p.items() if k not in json_without})
    return await _render(datasette, request, template, {"p": p, short: p[short]})


async def entry_page(datasette, request):
    uid = request.url_vars["uid"]
    return await _profile_page(datasette, request, profiles.entry, int(uid), f"No SDN entry with OFAC ID {uid} in this database",
                               "tracker_entry.html", "d")


async def release_page(datasette, request):
    rid = tilde_decode(request.url_vars["id"])
    return await _profile_page(datasette, request, profiles.release, rid, f"No press release {rid!r} in this database",
                               "tracker_release.html", "r", json_without=("paragraphs",))


async def defendant_page(datasette, request):
    did = tilde_decode(request.url_vars["id"])
    return await _profile_page(datasette, request, profiles.defendant, did, f"No defendant {did!r} in this database",
                               "tracker_defendant.html", "f")


async def case_page(datasette, request):
    cid = tilde_decode(request.url_vars["id"])
    return await _profile_page(datasette, request, profiles.case, cid, f"No case {cid!r} in this database",
                               "tracker_case.html", "c")


async def search_page(datasette, request):
    result = await search(_db(datasette), request.args.get("q"), threshold_of(request.args.get("threshold")))
    if request.url_vars.get("format") == "json":
        return _json(result)
    return await _render(datasette, request, "tracker_search.html", {"s": result})


async def changes_page(datasette, request):
    db = _db(datasette)
    params = await digest.parameters(db, request.args)
    fmt = request.url_vars.get("format")
    if params["errors"] and fmt:
        return Response.text("\n".join(params["errors"]) + "\n", status=400)
    items = await digest.digest(db, params)
    stem = digest.file_stem(params)
    if fmt == "csv":
        import csv
        import io
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(digest.CSV_COLUMNS)
        writer.writerows(digest.csv_rows(items))
        return Response(buf.getvalue(), content_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{stem}.csv"'})
    if fmt == "atom":
        xml = await datasette.render_template("tracker_changes.atom", {"items": items[:ATOM_ENTRIES], "params": params,
                                                                        "base": datasette.absolute_url(request, "/")},
                                              request=request)
        return Response(xml, content_type="application/atom+xml; charset=utf-8")
    query = {k: v for k, v in (("from", params["from"]), ("to", params["to"]), ("program", params["program"]),
                               ("country", params["country"]), ("event", params["event"])) if v}
    return await _render(datasette, request, "tracker_changes.html", {
        "items": items[:SHOWN_CHANGES], "total": len(items), "params": params, "choices": await digest.facets(db), "qs": urlencode(query),
        "counts": {e: sum(1 for i in items if i["event"] == e) for e in digest.EVENTS}, "shown": SHOWN_CHANGES},
        status=400 if params["errors"] else 200)


async def home_page(datasette, request):
    """The home page: Datasette's index template, without its per-table introspection (a
    count of every table, at 250,000 releases a tenth of a second) -- the site's own data."""
    from .home import home

    db = _db(datasette)
    return await _render(datasette, request, "index.html", {
        "home": await home(db), "metadata": datasette.metadata() or {},
        "databases": [{"name": name} for name in datasette.databases if name != "_internal"]})


@hookimpl
def register_routes(datasette):
    return [
        (r"^/$", home_page),
        (r"^/entry/(?P<uid>\d+)(\.(?P<format>json))?$", entry_page),
        (r"^/release/(?P<id>[^/]+?)(\.(?P<format>json))?$", release_page),
        (r"^/defendant/(?P<id>[^/]+?)(\.(?P<format>json))?$", defendant_page),
        (r"^/case/(?P<id>[^/]+?)(\.(?P<format>json))?$", case_page),
        (r"^/search(\.(?P<format>json))?$", search_page),
        (r"^/changes(\.(?P<format>csv|atom))?$", changes_page),
    ]


# -- every page: freshness, search box, home page data -------------------------------------
@hookimpl
def extra_template_vars(template, database, table, request, datasette, view_name):
    async def inner():
        db = _db(datasette)
        out = {"tracker_fresh": await freshness(db), "tracker_db": db.name, "profile_url": profile_url,
               "tracker_rows_html": rows_html,
               "tracker_q": (request.args.get("q") or request.args.get("_search") or "") if request else ""}
        if table in PROFILE_TABLES and view_name == "row":
            out["tracker_profile"] = PROFILE_TABLES[table]
        return out
    return inner


def rows_html(display_rows) -> Markup:
    """The <tr> rows of Datasette's _table.html, as its template writes them (cells escaped
    unless already markup), built in one pass."""
    from datasette.utils import to_css_class

    classes: dict = {}
    out = []
    for row in display_rows:
        out.append("<tr>")
        for cell in row:
            column = cell["column"]
            css = classes.get(column)
            if css is None:
                css = classes[column] = str(escape(to_css_class(column)))
            out.append(f'<td class="col-{css} type-{escape(cell["value_type"])}">{escape(cell["value"])}</td>')
        out.append("</tr>\n")
    return Markup("".join(out))


# Datasette 0.65's table page has form fields without labels and a scrollable glossary that
# keyboards cannot reach; named here once the page has loaded (screen readers read the result).
A11Y_SCRIPT = """
(function () {
  var names = {_filter_column: 'Filter: column', _filter_op: 'Filter: operation', _filter_value: 'Filter: value',
               _sort: 'Sort by column', _sort_by_desc: 'Sort descending', _search: 'Search this table'};
  document.querySelectorAll('select, input:not([type=hidden]):not([type=submit]):not([type=button])').forEach(function (el) {
    if ((el.labels && el.labels.length) || el.getAttribute('aria-label')) { return; }
    var key = (el.name || '').replace(/_\\d+$/, '');
    el.setAttribute('aria-label', names[key] || el.name || el.type || 'field');
  });
  document.querySelectorAll('dl.column-descriptions').forEach(function (dl) {
    dl.setAttribute('tabindex', '0');
  });
})();
"""


@hookimpl
def extra_body_script(template, database, table, columns, view_name, request, datasette):
    return A11Y_SCRIPT if view_name in ("table", "database", "query", "row") else None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Names and titles link to their profile; JSON lists read as lists."""
    if table in PROFILE_TABLES and row is not None:
        kind, key = PROFILE_TABLES[table]
        label_col = {"designations": "name", "press_releases": "title", "defendants": "name", "prosecutions": "id"}[table]
        if column == label_col and value is not None:
            try:
                ref = row[key]
            except (KeyError, IndexError):
                ref = None
            if ref is not None:
                return Markup(f'<a href="{escape(profile_url(kind, ref))}">{escape(str(value))}</a>')
    if column in LIST_COLUMNS and isinstance(value, str) and value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return None
        if isinstance(items, list) and all(isinstance(i, (str, int, float)) for i in items):
            return ", ".join(str(i) for i in items) if items else Markup('<span class="unknown">none</span>')
    return None


@hookimpl
def handle_exception(datasette, request, exception):
    """Bad parameters are the caller's mistake (400) with a message saying what to do; error
    pages below 500 are rendered with the site's header (search box, freshness)."""
    from datasette.utils.asgi import Base400

    if isinstance(exception, DatasetteError):
        message = str(getattr(exception, "message", "") or "")
        if message.startswith("Cannot sort table by") or message.startswith("Cannot use _sort and _sort_desc"):
            exception.status = 400
            exception.message = (f"{message}: sort by a column shown in the table (click its heading), or remove"
                                 " _sort / _sort_desc from the address.")
        elif getattr(exception, "title", None) == "Invalid SQL" and request is not None and request.args.get("_search"):
            exception.status = 400
            exception.title = "Search not understood"
            exception.message = (f"This search could not be read: {request.args.get('_search')!r}. Remove"
                                 " _searchmode=raw to search the words as typed, or use the site search at /search?q=...")
        status, title = exception.status, exception.title
        message = Markup(exception.message) if exception.message_is_html else exception.message
    elif isinstance(exception, Base400):
        status, title, message = exception.status, None, exception.args[0] if exception.args else ""
    else:
        return None
    if request is None or status >= 500 or request.path.split("?")[0].endswith(".json"):
        return None  # Datasette's own handler: JSON errors, tracebacks of real failures

    async def inner():
        html = await datasette.render_template(["error.html"], {"ok": False, "error": message, "status": status,
                                                                "title": title}, request=request)
        return Response.html(html, status=status)
    return inner


# -- exports: download names, streamed JSON, quotes in plain searches ---------------------------
_SAFE = re.compile(r"[^A-Za-z0-9]+")


def _download_name(path: str, query: list[tuple[str, str]], date: str | None) -> str:
    table = path.rstrip("/").split("/")[-1].rsplit(".", 1)[0]
    bits = [table]
    for k, v in query:
        if k == "_search" or not k.startswith("_"):
            name = k.replace("__arraycontains", "").replace("__exact", "").lstrip("_")
            bits.append(_SAFE.sub("-", f"{name}-{v}".lower()).strip("-"))
    if date:
        bits.append(date)
    return "-".join(b for b in bits if b)[:150] + ".csv"


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            query = parse_qsl((scope.get("query_string") or b"").decode("utf-8", "replace"), keep_blank_values=True)
            names = {k for k, _ in query}
            path = scope.get("path") or ""
            if "_search" in names and ("_searchmode", "raw") not in query:
                cleaned = [(k, " ".join(v.replace('"', " ").split()) if k == "_search" else v) for k, v in query]
                cleaned = [(k, v) for k, v in cleaned if k != "_search" or v]
                if cleaned != query:
                    scope = dict(scope, query_string=urlencode(cleaned).encode())
                    query = cleaned
            if path.endswith(".json") and ("_stream", "on") in query and ("_shape", "array") in query:
                await _stream_json(datasette, path, query, send)
                return
            if path.endswith(".csv") and "_dl" in names and not path.startswith("/changes"):
                date = (await freshness(_db(datasette))).get("sdn") or ""
                filename = _download_name(path, query, date)

                async def named(message):
                    if message["type"] == "http.response.start":
                        headers = [(k, v) for k, v in message.get("headers") or [] if k.lower() != b"content-disposition"]
                        headers.append((b"content-disposition", f'attachment; filename="{filename}"'.encode()))
                        message = dict(message, headers=headers)
                    await send(message)
                await app(scope, receive, named)
                return
            await app(scope, receive, send)
        return wrapped
    return wrap


async def _stream_json(datasette, path: str, query: list, send) -> None:
    """Every row of a table or filtered view as one JSON array, page after page of Datasette's
    own JSON (so filters, search and sort mean the same as on the page)."""
    keep = [(k, v) for k, v in query if k not in ("_stream", "_shape", "_size", "_next", "_dl", "_nl", "_nocount",
                                                  "_nofacet")] + [("_nocount", "1"), ("_nofacet", "1")]
    keep.append(("_stream", "on"))  # never kept by the page cache (publish/cache.py); ignored by Datasette's JSON
    first = await datasette.client.get(path + "?" + urlencode(keep + [("_shape", "objects"), ("_size", "max")]))
    if first.status_code != 200:
        body = first.content
        await send({"type": "http.response.start", "status": first.status_code,
                    "headers": [(b"content-type", b"application/json; charset=utf-8")]})
        await send({"type": "http.response.body", "body": body})
        return
    headers = [(b"content-type", b"application/json; charset=utf-8")]
    if any(k == "_dl" for k, _ in query):
        headers.append((b"content-disposition", f'attachment; filename="{_download_name(path, query, None)[:-4]}.json"'.encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    data, sep = first.json(), b"["
    while True:
        for row in data.get("rows") or []:
            await send({"type": "http.response.body", "body": sep + json.dumps(row, default=str).encode(), "more_body": True})
            sep = b",\n"
        nxt = data.get("next")
        if not nxt:
            break
        page = await datasette.client.get(path + "?" + urlencode(keep + [("_shape", "objects"), ("_size", "max"),
                                                                          ("_next", nxt)]))
        if page.status_code != 200:
            break
        data = page.json()
    await send({"type": "http.response.body", "body": (b"[" if sep == b"[" else b"") + b"]\n"})
