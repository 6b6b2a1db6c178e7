"""Country names as the sources write them -> one canonical English name + ISO 3166-1 alpha-2.

OFAC writes country names its own way ("Burma", "Korea, North", "Congo, Democratic
Republic of the", "Cote d Ivoire", "Region: Crimea"), press releases write adjectives
("Mexico-based", "Indian nationals"). Everything goes through `normalize_country`, which
uses pycountry for the ISO code and a short, familiar English name for display (journalists
facet on "Russia", not "Russian Federation").

No fuzzy matching: a wrong country is worse than none ("Kosovo" must not become Serbia).
Unknown strings return None and the caller keeps the text as written.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

import pycountry


class Country(NamedTuple):
    name: str
    code: str


# Display names preferred over pycountry's formal names, keyed by alpha-2.
_DISPLAY = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Cote d'Ivoire", "CZ": "Czech Republic",
    "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MO": "Macau", "PS": "Palestine",
    "RU": "Russia", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania", "TR": "Turkey",
    "US": "United States", "VA": "Holy See", "VE": "Venezuela", "VN": "Vietnam",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "SX": "Sint Maarten",
    "MF": "Saint Martin", "CW": "Curacao", "BQ": "Bonaire, Sint Eustatius and Saba",
    "KN": "Saint Kitts and Nevis", "XK": "Kosovo", "AN": "Netherlands Antilles",
    "MK": "North Macedonia", "BS": "Bahamas", "GM": "Gambia", "CV": "Cabo Verde",
    "SZ": "Eswatini", "IM": "Isle of Man", "HK": "Hong Kong", "FK": "Falkland Islands",
    "SH": "Saint Helena", "PN": "Pitcairn Islands", "KY": "Cayman Islands",
    "YU": "Yugoslavia", "SU": "Soviet Union", "CS": "Serbia and Montenegro",
}

# Spellings pycountry does not know (lower-cased, accents folded) -> alpha-2.
_ALIASES = {
    "burma": "MM", "korea, north": "KP", "north korea": "KP", "korea, south": "KR",
    "south korea": "KR", "korea": "KR", "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD", "drc": "CD", "congo, republic of the": "CG",
    "republic of the congo": "CG", "congo": "CG", "cote d ivoire": "CI", "cote d'ivoire": "CI",
    "ivory coast": "CI", "bahamas, the": "BS", "the bahamas": "BS", "gambia, the": "GM",
    "the gambia": "GM", "man, isle of": "IM", "isle of man": "IM", "macau": "MO", "macao": "MO",
    "turkey": "TR", "turkiye": "TR", "russia": "RU", "russian federation": "RU",
    "west bank": "PS", "gaza": "PS", "gaza strip": "PS", "palestinian territories": "PS",
    "palestinian territory": "PS", "kosovo": "XK", "netherlands antilles": "AN",
    "cape verde": "CV", "swaziland": "SZ", "brunei": "BN", "holy see": "VA",
    "vatican city": "VA", "sint maarten": "SX", "curacao": "CW", "saint martin": "MF",
    "st. kitts and nevis": "KN", "st kitts and nevis": "KN", "saint kitts and nevis": "KN",
    "saint vincent and the grenadines": "VC", "st. vincent and the grenadines": "VC",
    "saint lucia": "LC", "st. lucia": "LC", "micronesia": "FM",
    "micronesia, federated states of": "FM", "united states": "US",
    "united states of america": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US",
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "virgin islands, british": "VG",
    "british virgin islands": "VG", "virgin islands, u.s.": "VI", "u.s. virgin islands": "VI",
    "macedonia": "MK", "the former yugoslav republic of macedonia": "MK",
    "north macedonia": "MK", "east timor": "TL", "timor-leste": "TL", "laos": "LA",
    "vietnam": "VN", "syria": "SY", "iran": "IR", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "taiwan": "TW", "czech republic": "CZ",
    "czechia": "CZ", "slovak republic": "SK", "kyrgyz republic": "KG", "falkland islands": "FK",
    "st. helena": "SH", "saint helena": "SH", "pitcairn islands": "PN", "cayman islands": "KY",
    "hong kong": "HK", "palestine": "PS", "svalbard": "SJ", "reunion": "RE",
    "heard island and mcdonald islands": "HM", "wallis and futuna": "WF",
    "french southern and antarctic lands": "TF", "south georgia and the south sandwich islands": "GS",
    "palestinian": "PS", "palestinian authority": "PS", "bosnia-herzegovina": "BA",
    "bosnia": "BA", "bosnia and herzegovina": "BA", "u.k.": "GB", "philippines": "PH",
    "phillipines": "PH", "comoros islands": "KM", "yugoslavia": "YU",
    "serbia and montenegro": "CS", "soviet union": "SU", "ussr": "SU", "burma (myanmar)": "MM",
    "dprk": "KP", "prc": "CN", "people's republic of china": "CN", "uae": "AE",
}

# OFAC "Region: X" values and other non-country places that still imply a country.
_REGIONS = {
    "crimea": "UA", "northern mali": "ML", "north gaza": "PS", "northern gaza": "PS",
    "gaza": "PS", "west bank": "PS", "russia": "RU", "china": "CN",
}

# Adjectives used in press releases ("Mexico-based", "Indian nationals", "Chinese company").
_DEMONYMS = {
    "mexican": "MX", "chinese": "CN", "indian": "IN", "colombian": "CO", "guatemalan": "GT",
    "honduran": "HN", "salvadoran": "SV", "venezuelan": "VE", "ecuadorian": "EC",
    "peruvian": "PE", "brazilian": "BR", "argentine": "AR", "argentinian": "AR",
    "dominican": "DO", "canadian": "CA", "american": "US", "hong kong": "HK",
    "taiwanese": "TW", "vietnamese": "VN", "thai": "TH", "burmese": "MM", "lebanese": "LB",
    "turkish": "TR", "russian": "RU", "iranian": "IR", "syrian": "SY", "afghan": "AF",
    "pakistani": "PK", "bolivian": "BO", "paraguayan": "PY", "panamanian": "PA",
    "costa rican": "CR", "nicaraguan": "NI", "cuban": "CU", "jamaican": "JM",
    "haitian": "HT", "spanish": "ES", "italian": "IT", "dutch": "NL", "german": "DE",
    "british": "GB", "irish": "IE", "australian": "AU", "emirati": "AE", "nigerian": "NG",
    "south african": "ZA", "singaporean": "SG", "malaysian": "MY", "indonesian": "ID",
    "filipino": "PH", "korean": "KR", "north korean": "KP", "japanese": "JP",
    "uruguayan": "UY", "chilean": "CL", "belizean": "BZ", "french": "FR", "portuguese": "PT",
    "israeli": "IL", "albanian": "AL", "serbian": "RS", "kosovar": "XK", "georgian": "GE",
    "armenian": "AM", "ukrainian": "UA", "belarusian": "BY", "kazakh": "KZ", "polish": "PL",
    "romanian": "RO", "bulgarian": "BG", "greek": "GR", "cypriot": "CY", "maltese": "MT",
    "swiss": "CH", "belgian": "BE", "austrian": "AT", "swedish": "SE", "norwegian": "NO",
    "danish": "DK", "finnish": "FI", "laotian": "LA", "cambodian": "KH", "bangladeshi": "BD",
    "sri lankan": "LK", "nepalese": "NP", "saudi": "SA", "qatari": "QA", "kuwaiti": "KW",
    "iraqi": "IQ", "jordanian": "JO", "egyptian": "EG", "moroccan": "MA", "ghanaian": "GH",
    "kenyan": "KE", "ethiopian": "ET", "somali": "SO", "sudanese": "SD", "libyan": "LY",
    "yemeni": "YE", "omani": "OM", "bahraini": "BH", "uzbek": "UZ", "tajik": "TJ",
}

# Sub-national places that appear as the last part of a place of birth and name a country
# without saying it (OFAC writes "POB Poza Rica de Hidalgo, Veracruz").
_SUBDIVISION_HINTS = {
    "sinaloa": "MX", "sonora": "MX", "jalisco": "MX", "michoacan": "MX",
    "michoacan de ocampo": "MX", "tamaulipas": "MX", "chihuahua": "MX", "durango": "MX",
    "baja california": "MX", "baja california sur": "MX", "veracruz": "MX",
    "guerrero": "MX", "nayarit": "MX", "coahuila": "MX", "nuevo leon": "MX", "zacatecas": "MX",
    "distrito federal": "MX", "mexico city": "MX", "ciudad de mexico": "MX", "puebla": "MX",
    "oaxaca": "MX", "chiapas": "MX", "quintana roo": "MX", "yucatan": "MX", "colima": "MX",
    "aguascalientes": "MX", "guanajuato": "MX", "queretaro": "MX", "hidalgo": "MX",
    "morelos": "MX", "tabasco": "MX", "campeche": "MX", "tlaxcala": "MX", "san luis potosi": "MX",
    "valle del cauca": "CO", "antioquia": "CO", "cundinamarca": "CO", "narino": "CO",
    "bogota": "CO", "cauca": "CO",
    "british columbia": "CA", "ontario": "CA", "quebec": "CA", "alberta": "CA", "manitoba": "CA",
    "saskatchewan": "CA", "nova scotia": "CA", "new brunswick": "CA", "newfoundland and labrador": "CA",
    "prince edward island": "CA", "yukon": "CA", "northwest territories": "CA", "nunavut": "CA",
}


def subdivision_code(name: str) -> str | None:
    """'British Columbia' -> 'CA', 'Baja California' -> 'MX': a province or state of another
    country, written alone (None: not one we know)."""
    return _SUBDIVISION_HINTS.get(fold(name))


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces (shared by the lookups here)."""
    if text.isascii():   # (no accents to strip: NFKD leaves ASCII as it is)
        return _SPACES.sub(" ", text).strip().lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().lower()


_SPACES = re.compile(r"\s+")


def _make(code: str) -> Country | None:
    if code in _DISPLAY:
        return Country(_DISPLAY[code], code)
    rec = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
    if rec is None:
        return None
    name = getattr(rec, "common_name", None) or rec.name
    return Country(name, code)


@functools.lru_cache(maxsize=4096)
def normalize_country(text: str | None) -> Country | None:
    """Map a country as written to (canonical name, alpha-2), or None when unknown."""
    if not text:
        return None
    raw = text.strip().strip(".").strip()
    if not raw or raw == "-0-":
        return None
    key = fold(raw)
    if key.startswith("the "):
        key = key[4:]
    if key.startswith("region:"):
        region = key.split(":", 1)[1].strip()
        code = _REGIONS.get(region)
        if code is None:
            found = normalize_country(region)
            return found
        return _make(code)
    if key in ("undetermined", "unknown", "stateless", "none"):
        return None
    code = _ALIASES.get(key)
    if code:
        return _make(code)
    for finder in (pycountry.countries, pycountry.historic_countries):
        try:
            rec = finder.lookup(raw)
        except LookupError:
            continue
        return _make(rec.alpha_2)
    # Accent-folded comparison against names ("Curaçao" vs "Curacao").
    hit = _FOLDED_NAMES.get(key)
    if hit:
        return _make(hit)
    return None


def _folded_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for rec in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(rec, attr, None)
            if value:
                out.setdefault(fold(value), rec.alpha_2)
    return out


_FOLDED_NAMES = _folded_names()


@functools.lru_cache(maxsize=4096)
def country_of_place(place: str | None) -> Country | None:
    """The country named by a place as OFAC writes it: "Culiacan, Sinaloa, Mexico" -> Mexico."""
    if not place:
        return None
    parts = [p.strip() for p in place.split(",") if p.strip()]
    for part in reversed(parts):
        found = normalize_country(part)
        if found:
            return found
        code = _SUBDIVISION_HINTS.get(fold(part))
        if code:
            return _make(code)
    return None


@functools.lru_cache(maxsize=1024)
def country_of_demonym(word: str) -> Country | None:
    """'Mexican' -> Mexico, 'Mexico' -> Mexico, 'Indian' -> India."""
    key = fold(word)
    code = _DEMONYMS.get(key)
    if code:
        return _make(code)
    return normalize_country(word)


def demonym_pattern() -> str:
    """Regex alternation of demonyms, longest first (for press-release text)."""
    return "|".join(sorted((re.escape(k) for k in _DEMONYMS), key=len, reverse=True))
