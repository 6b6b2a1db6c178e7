"""SYNTHETIC DOJ press releases, for benchmarks and tests only.

Everything here is invented: names are drawn from short lists of common first names and
surnames, places and numbers are random, texts come from templates written for this project
in the style of DOJ releases (sentencings, indictments, round-ups with several cases, a
China-based precursor supplier, a cartel extradition, a dark-web vendor, a trial verdict) and
of everything else DOJ publishes (fraud, civil rights, tax...). Every generated release says
"SYNTHETIC TEST DATA" in its body. Nothing here is, or may be put into, tracker.db: the
benchmarks build throw-away databases in temporary folders.

    gen = SyntheticReleases(n=250_000, seed=1, fentanyl_share=0.12)
    item = gen.item(0)            # the newest release, as the API's JSON item (a dict)
"""
from __future__ import annotations

import datetime as dt
import random
import uuid as uuidlib

FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Carlos", "Ana",
         "Jose", "Luis", "Daniel", "Sarah", "Kevin", "Angela", "Brandon", "Tiffany", "Marcus", "Andre",
         "Wei", "Jun", "Ravi", "Priya", "Omar", "Fatima", "Dmitri", "Elena", "Tyrone", "Keisha", "Hector",
         "Guadalupe", "Miguel", "Rosa", "Anthony", "Jessica", "Juan", "Teresa", "Ricardo", "Lucia"]
MIDDLE = ["A.", "B.", "C.", "D.", "J.", "L.", "M.", "R.", "T.", "Lee", "Ann", "Ray", "Marie", "Jose", ""]
LAST = ["Thornbury", "Castellano", "Whitfield", "Okonkwo", "Delacroix", "Marrero", "Hollister", "Vasquez-Ruiz",
        "Brennan", "Quintanilla", "Ashworth", "Montoya", "Pemberton", "Zavala", "Greer", "Lindqvist", "Oduya",
        "Carrizales", "Whitcomb", "Benavides", "Sorensen", "Villareal", "Mabry", "Esparza", "Kowalczyk",
        "Fairbanks", "Trujillo", "Haverford", "Ybarra", "Nakamura", "Castaneda", "Rutherford", "Solano",
        "Blackwood", "Arellano", "Delgado-Pena", "Mercado", "Stanfield", "Cervantes", "Holloway"]
CN_FIRST = ["Wei", "Jun", "Hao", "Lei", "Xiaoming", "Yan", "Qiang", "Ling"]
CN_LAST = ["Zhao", "Qian", "Sun", "Zhou", "Wu", "Zheng", "Feng", "Chen"]
CITIES = [("Springdale", "Arkansas"), ("Riverton", "Wyoming"), ("Lakewood", "Colorado"), ("Fairview", "Oregon"),
          ("Georgetown", "Kentucky"), ("Salem", "Massachusetts"), ("Franklin", "Tennessee"), ("Madison", "Wisconsin"),
          ("Clinton", "Iowa"), ("Greenville", "South Carolina"), ("Auburn", "Maine"), ("Dover", "Delaware"),
          ("Bristol", "Connecticut"), ("Oxford", "Mississippi"), ("Jackson", "Michigan"), ("Marion", "Ohio")]
MX_PLACES = ["Culiacan, Sinaloa, Mexico", "Guadalajara, Jalisco, Mexico", "Tijuana, Baja California, Mexico",
             "Hermosillo, Sonora, Mexico"]
USAO = [("USAO - Minnesota", "usao-mn", "ST. PAUL, Minn."), ("USAO - Idaho", "usao-id", "BOISE"),
        ("USAO - Louisiana, Eastern", "usao-edla", "NEW ORLEANS"), ("USAO - New York, Southern", "usao-sdny", "NEW YORK"),
        ("USAO - California, Central", "usao-cdca", "LOS ANGELES"), ("USAO - Arizona", "usao-az", "PHOENIX"),
        ("USAO - Texas, Western", "usao-wdtx", "SAN ANTONIO"), ("USAO - Ohio, Northern", "usao-ndoh", "CLEVELAND"),
        ("USAO - Florida, Middle", "usao-mdfl", "TAMPA"), ("USAO - Washington, Eastern", "usao-edwa", "SPOKANE")]
OFFICIALS = ["Harriet Vandermeer", "Colin Ashby", "Renata Oyelaran", "Theodore Kilbride", "Mei-Ling Hartwell",
             "Gustavo Ferreira", "Nadia Whitlock", "Preston Albright", "Imogen Castro", "Wendell Pryor"]
DRUG_PAIRS = [("fentanyl", "methamphetamine"), ("fentanyl", "heroin"), ("fentanyl", "cocaine"),
              ("fentanyl", "counterfeit oxycodone pills"), ("fentanyl", "xylazine")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
LABEL = "<p><i>SYNTHETIC TEST DATA: this release was generated for benchmarks and tests; it is not a real DOJ release.</i></p>\n"
SECONDS_PER_DAY = 86400


def _time_html(ts: int) -> str:
    iso = dt.datetime.fromtimestamp(ts, tz=dt.timezone.utc).isoformat()
    return f'<time datetime="{iso}">{ts}</time>\n'


class SyntheticReleases:
    """A deterministic list of N synthetic releases, newest first (position 0)."""

    def __init__(self, n: int, *, seed: int = 1, fentanyl_share: float = 0.12, per_day: int = 60,
                 newest: str = "2025-06-30", short: bool = False, body_chars: int = 0):
        """body_chars: pad each body with background paragraphs (no names, no drugs) until it is
        about that long (0: no padding; the templates alone give ~0.7 KB bodies, DOJ's own run
        to several KB -- 3,500 gives archive sizes and parse costs of that order)."""
        self.n = n
        self.body_chars = body_chars
        self.seed = seed
        self.fentanyl_share = fentanyl_share
        self.per_day = per_day
        self.short = short
        start = dt.datetime.fromisoformat(newest).replace(hour=12, tzinfo=dt.timezone.utc)
        self.newest_ts = int(start.timestamp())

    def uuid(self, i: int) -> str:
        return str(uuidlib.UUID(int=(self.seed * 0x9E3779B97F4A7C15 + i * 0x100000001B3 + 12345) % (1 << 128), version=4))

    def date_of(self, i: int) -> int:
        return self.newest_ts - (i // self.per_day) * SECONDS_PER_DAY

    def published_of(self, i: int) -> str:
        ts = self.date_of(i)
        return (dt.datetime.fromtimestamp(ts, tz=dt.timezone.utc) - dt.timedelta(hours=4)).date().isoformat()

    def index_of_day(self, day: str) -> int:
        """Position of the first (newest) release dated `day` or earlier."""
        d = dt.date.fromisoformat(day)
        newest = dt.datetime.fromtimestamp(self.newest_ts, tz=dt.timezone.utc).date()
        days = (newest - d).days
        return max(0, days * self.per_day)

    def is_fentanyl(self, i: int) -> bool:
        return random.Random(self.seed * 1_000_003 + i).random() < self.fentanyl_share

    def item(self, i: int, *, version: int = 0) -> dict:
        rng = random.Random(self.seed * 1_000_003 + i)
        fent = rng.random() < self.fentanyl_share
        date = self.date_of(i)
        created = date + 3600 * 9 + rng.randrange(3600 * 8)
        changed = created + rng.randrange(3600) + version * 7200
        comp, slug, dateline = USAO[rng.randrange(len(USAO))]
        if fent:
            kind = rng.choice(["sentenced", "sentenced", "indicted", "pleaded", "roundup", "precursor",
                               "extradited", "darkweb", "convicted"])
            title, body, comps, topics, slug = _FENT[kind](rng, comp, slug, dateline, self.short)
        else:
            title, body, comps, topics = _other(rng, comp, dateline, self.short)
        if self.body_chars and len(body) < self.body_chars:
            body += _background(rng, self.body_chars - len(body))
        if version:
            body += f"<p>Updated (version {version}).</p>\n"
        host = "https://www.justice.gov" if i % 3 else "https://justice.gov"
        words = "-".join("".join(ch for ch in w if ch.isalnum()) for w in title.lower().split()[:6])
        url = f"{host}/{slug}/pr/synthetic-{i}-{words}"
        topic_value = topics if i % 4 else ", ".join(
            f'<a href="/taxonomy/term/{9000 + k}" hreflang="en">{t["name"]}</a>' for k, t in enumerate(topics)) or " "
        return {
            "attachment": "" if i % 5 else " ", "body": body + LABEL,
            "changed": _time_html(changed), "component": comps, "created": _time_html(created),
            "date": str(date), "image": "", "number": "" if i % 7 else f"{date % 100:02d}-{i % 1000:03d}",
            "teaser": "" if i % 2 else f"<p>{title}.</p>\n", "title": title, "topic": topic_value,
            "url": url, "uuid": self.uuid(i),
        }


def _c(name: str) -> dict:
    return {"uuid": str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, name)), "name": name}


def _person(rng) -> str:
    middle = rng.choice(MIDDLE)
    return " ".join(x for x in (rng.choice(FIRST), middle, rng.choice(LAST)) if x)


def _official(rng) -> str:
    return rng.choice(OFFICIALS)


def _closing(rng, short: bool) -> str:
    if short:
        return ""
    return (f"<p>“Fentanyl is killing our neighbors, and this office will keep bringing these cases,” said U.S. Attorney"
            f" {_official(rng)}.</p>\n"
            f"<p>“Our agents and partners worked this case from the street to the supplier,” said {_official(rng)},"
            f" Special Agent in Charge of the DEA field division.</p>\n"
            f"<p>The case was investigated by the DEA and local police. Assistant U.S. Attorney {_official(rng)}"
            f" prosecuted the case.</p>\n")


def _sentenced(rng, comp, slug, dateline, short):
    name, age = _person(rng), rng.randrange(19, 64)
    city, state = rng.choice(CITIES)
    years = rng.randrange(3, 25)
    d1, d2 = rng.choice(DRUG_PAIRS)
    title = f"{city} Man Sentenced to {years} Years for Trafficking {d1.title()}"
    body = (f"<p>{dateline} – {name}, {age}, of {city}, {state}, was sentenced today to {years * 12} months in federal"
            f" prison for possession with intent to distribute {d1} and {d2}, announced U.S. Attorney {_official(rng)}.</p>\n"
            f"<p>According to court documents, in {rng.choice(MONTHS)} {rng.randrange(2019, 2024)}, investigators seized"
            f" {rng.randrange(2, 900)} grams of {d1} from a vehicle {name.split()[-1]} was driving.</p>\n"
            f"<p>{name.split()[-1]} pleaded guilty in {rng.choice(MONTHS)} {rng.randrange(2021, 2025)}. U.S. District Judge"
            f" {_official(rng)} also ordered five years of supervised release.</p>\n" + _closing(rng, short))
    return title, body, [_c(comp)], [_c("Drug Trafficking")], slug


def _indicted(rng, comp, slug, dateline, short):
    k = rng.randrange(2, 6)
    people = [(_person(rng), rng.randrange(19, 60), rng.choice(CITIES)) for _ in range(k)]
    title = f"{k} Charged in Fentanyl Distribution Conspiracy"
    items = "".join(f"<li>{n}, {a}, of {c}, {s};</li>\n" for n, a, (c, s) in people)
    body = (f"<p>{dateline} – A federal grand jury returned an indictment charging {k} people with conspiracy to"
            f" distribute fentanyl, announced U.S. Attorney {_official(rng)}.</p>\n"
            f"<p>The following defendants were charged:</p>\n<ul>\n{items}</ul>\n"
            f"<p>The defendants are charged with conspiracy to distribute 400 grams or more of fentanyl, in violation"
            f" of 21 U.S.C. §§ 841(a)(1) and 846.</p>\n"
            f"<p><i>An indictment is merely an allegation, and all defendants are presumed innocent until proven guilty"
            f" beyond a reasonable doubt in a court of law.</i></p>\n" + _closing(rng, short))
    return title, body, [_c(comp)], [_c("Drug Trafficking")], slug


def _pleaded(rng, comp, slug, dateline, short):
    a, b = _person(rng), _person(rng)
    title = "Two Men Plead Guilty to Selling Counterfeit M30 Pills Containing Fentanyl"
    body = (f"<p>{dateline} – {a}, {rng.randrange(20, 50)}, and {b}, {rng.randrange(20, 50)}, both of"
            f" {rng.choice(CITIES)[0]}, pleaded guilty today to distributing counterfeit M30 pills that contained"
            f" fentanyl.</p>\n<p>Each faces up to 20 years in prison and is scheduled to be sentenced in"
            f" {rng.choice(MONTHS)}.</p>\n" + _closing(rng, short))
    return title, body, [_c(comp)], [_c("Drug Trafficking")], slug


def _roundup(rng, comp, slug, dateline, short):
    parts = []
    for n in range(1, 4):
        name, age = _person(rng), rng.randrange(20, 60)
        city, _ = rng.choice(CITIES)
        months = rng.randrange(24, 240)
        drug = rng.choice(["fentanyl", "methamphetamine", "heroin"])
        parts.append(f"<p><b>{n}. {city} Man Sentenced for Distributing {drug.title()}</b></p>\n"
                     f"<p>In {'one' if n == 1 else 'a separate'} case, {name}, {age}, of {city}, was sentenced to"
                     f" {months} months in federal prison for distribution of {drug}.</p>\n"
                     f"<p>{name.split()[-1]} pleaded guilty in {rng.choice(MONTHS)}.</p>\n")
    title = "U.S. Attorney’s Office Announces Results of Three Drug Cases"
    body = f"<p>{dateline} – U.S. Attorney {_official(rng)} announced the results of three separate cases today.</p>\n" + \
        "".join(parts) + _closing(rng, short)
    return title, body, [_c("U.S. Attorneys (USAO)"), _c(comp)], [_c("Drug Trafficking")], slug


def _precursor(rng, comp, slug, dateline, short):
    company = f"{rng.choice(['Hubei', 'Wuhan', 'Hebei', 'Jiangsu'])} {rng.choice(['Xinlong', 'Ruiqi', 'Tianma', 'Jinhe'])} Chemical Co., Ltd."
    p1 = f"{rng.choice(CN_FIRST)} {rng.choice(CN_LAST)}"
    p2 = f"{rng.choice(CN_FIRST)} {rng.choice(CN_LAST)}"
    title = "China-Based Chemical Company and Two Executives Indicted for Fentanyl Precursor Sales"
    body = (f"<p>An indictment unsealed today in the Southern District of New York charges {company}, a China-based"
            f" chemical company, and Chinese nationals {p1} and {p2} with conspiring to import 4-ANPP and"
            f" N-phenethyl-4-piperidone (NPP), fentanyl precursor chemicals, into the United States.</p>\n"
            f"<p>According to the indictment, the company advertised the precursors on social media and accepted"
            f" payment in cryptocurrency, which was then laundered.</p>\n"
            f"<p>The defendants are charged with violations of 21 U.S.C. §§ 959, 960 and 963 and 18 U.S.C. § 1956(h)."
            f" {p1} and {p2} remain at large.</p>\n" + _closing(rng, short))
    return title, body, [_c("Office of the Attorney General"), _c("Criminal Division")], \
        [_c("Drug Trafficking"), _c("Money Laundering")], "opa"


def _extradited(rng, comp, slug, dateline, short):
    name = f"{rng.choice(['Jesus', 'Jose', 'Ismael', 'Ramon'])} {rng.choice(LAST)} {rng.choice(['Lopez', 'Garcia', 'Rios'])}"
    place = rng.choice(MX_PLACES)
    title = "Alleged Sinaloa Cartel Fentanyl Supplier Extradited from Mexico"
    body = (f"<p>{name}, {rng.randrange(30, 60)}, of {place}, a Mexican national, was extradited from Mexico to face"
            f" charges in the Western District of Texas of conspiring to import fentanyl for the Sinaloa Cartel.</p>\n"
            f"<p>{name.split()[1]} made his initial appearance today.</p>\n" + _closing(rng, short))
    return title, body, [_c("Office of the Attorney General"), _c("Criminal Division")], [_c("Drug Trafficking")], "opa"


def _darkweb(rng, comp, slug, dateline, short):
    name, age = _person(rng), rng.randrange(20, 45)
    title = "Dark Web Vendor Pleads Guilty to Selling Fentanyl-Laced Pills"
    body = (f"<p>{dateline} – {name}, {age}, of {rng.choice(CITIES)[0]}, pleaded guilty today to selling fentanyl-laced"
            f" pills on darknet markets and to money laundering.</p>\n" + _closing(rng, short))
    return title, body, [_c(comp)], [_c("Drug Trafficking"), _c("Cybercrime")], slug


def _convicted(rng, comp, slug, dateline, short):
    name, age = _person(rng), rng.randrange(20, 60)
    title = "Jury Convicts Man of Fentanyl Distribution Resulting in Death"
    body = (f"<p>{dateline} – {name}, {age}, of {rng.choice(CITIES)[0]}, was convicted today by a federal jury of"
            f" distributing fentanyl resulting in death.</p>\n<p>Sentencing is set for {rng.choice(MONTHS)}; {name.split()[-1]}"
            f" faces a mandatory minimum of 20 years in prison.</p>\n" + _closing(rng, short))
    return title, body, [_c(comp)], [_c("Drug Trafficking")], slug


_FENT = {"sentenced": _sentenced, "indicted": _indicted, "pleaded": _pleaded, "roundup": _roundup,
         "precursor": _precursor, "extradited": _extradited, "darkweb": _darkweb, "convicted": _convicted}

_OTHER_TITLES = [
    ("Former Bookkeeper Sentenced for Embezzling from Local Nonprofit", "Financial Fraud"),
    ("Justice Department Settles Fair Housing Lawsuit with Property Manager", "Civil Rights"),
    ("Two Men Charged in Armed Bank Robbery", "Violent Crime"),
    ("Contractor Agrees to Pay Settlement to Resolve False Claims Act Allegations", "False Claims Act"),
    ("Tax Preparer Pleads Guilty to Filing False Returns", "Tax"),
    ("Felon Sentenced for Illegal Possession of a Firearm", "Firearms Offenses"),
    ("Man Sentenced for Illegal Reentry After Deportation", "Immigration"),
]


def _other(rng, comp, dateline, short):
    title, topic = rng.choice(_OTHER_TITLES)
    name, age = _person(rng), rng.randrange(20, 70)
    body = (f"<p>{dateline} – {name}, {age}, of {rng.choice(CITIES)[0]}, was sentenced today to"
            f" {rng.randrange(6, 120)} months in federal prison, announced U.S. Attorney {_official(rng)}.</p>\n")
    if not short:
        body += ("<p>According to court documents, the scheme ran for several years and caused losses to dozens of"
                 " victims. The defendant used the money for personal expenses.</p>\n"
                 f"<p>“We will hold accountable those who abuse the public trust,” said {_official(rng)}, Special Agent"
                 " in Charge of the FBI field office.</p>\n"
                 f"<p>Assistant U.S. Attorney {_official(rng)} prosecuted the case.</p>\n")
    return title, body, [_c(comp)], [_c(topic)]


_BG_AGENCY = ["the local police department", "state investigators", "a regional task force", "federal agents",
              "the county sheriff's office", "postal inspectors"]
_BG_NOUN = ["records", "bank statements", "text messages", "shipping receipts", "surveillance footage",
            "ledgers", "phone extractions", "wire transfers", "invoices", "rental agreements"]
_BG_VERB = ["reviewed", "traced", "compared", "summarized", "catalogued", "examined", "reconstructed"]
_BG_PLACE = ["a storage unit", "a rented apartment", "a warehouse", "a parking lot", "a motel room",
             "an office building", "a residence"]


def _background(rng, chars: int) -> str:
    """Paragraphs of case background (no person names, no drug words), about `chars` long."""
    out, size = [], 0
    while size < chars:
        sents = []
        for _ in range(rng.randrange(3, 6)):
            sents.append(rng.choice([
                f"According to court documents, {rng.choice(_BG_AGENCY)} {rng.choice(_BG_VERB)} {rng.randrange(12, 900)}"
                f" pages of {rng.choice(_BG_NOUN)} collected between {rng.choice(MONTHS)} {rng.randrange(2015, 2024)}"
                f" and {rng.choice(MONTHS)} {rng.randrange(2016, 2025)}.",
                f"Evidence presented at the hearing showed that meetings took place at {rng.choice(_BG_PLACE)} on"
                f" at least {rng.randrange(2, 40)} occasions.",
                f"Investigators {rng.choice(_BG_VERB)} {rng.choice(_BG_NOUN)} and {rng.choice(_BG_NOUN)} that showed"
                f" payments totaling ${rng.randrange(1, 999):,},{rng.randrange(0, 999):03d}.",
                f"The court also considered {rng.choice(_BG_NOUN)} describing {rng.randrange(3, 60)} trips made over"
                f" {rng.randrange(2, 30)} months.",
                f"Prosecutors said the scheme relied on {rng.choice(_BG_PLACE)} and on {rng.choice(_BG_NOUN)} kept by"
                f" associates.",
            ]))
        para = "<p>" + " ".join(sents) + "</p>\n"
        out.append(para)
        size += len(para)
    return "".join(out)
