"""SYNTHETIC OFAC SDN list files (legacy CSV format), for benchmarks only.

Everything is invented: names are drawn from short lists of invented or common name parts,
numbers are random, and every entry's remarks say "SYNTHETIC TEST DATA". The files imitate
the published format and its quirks: Windows-1252, no header row, `-0- ` for empty fields,
CRLF line ends, a trailing 0x1A byte, program tags joined `TAG1] [TAG2`, remarks cut short in
sdn.csv and continued in sdn_comments.csv, aliases in alt.csv, addresses in add.csv.

    sdn = SyntheticSdn(20_000, seed=3)
    sdn.files()            # {"sdn.csv": bytes, "add.csv": ..., "alt.csv": ..., "sdn_comments.csv": ...}
    sdn.entries[0]         # Entry(uid, name, kind, programs, remarks, ...)
    sdn.write(directory)   # the four files

Nothing generated here may go into tracker.db: benchmarks build throw-away databases in
temporary folders or under benchmarks/out/.
"""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

DRUGS = "ILLICIT-DRUGS-EO14059"
LABEL = "SYNTHETIC TEST DATA"
FIRST_M = ["Ernesto", "Aurelio", "Baltazar", "Ignacio", "Julian", "Hector", "Ramiro", "Adan", "Teodoro", "Leoncio",
           "Evaristo", "Wenceslao", "Crisanto", "Fidencio", "Gumaro", "Heriberto", "Isidro", "Jacinto", "Lamberto",
           "Nazario", "Wei", "Jun", "Hao", "Ravi", "Arjun", "Dmitri", "Omar", "Anselmo", "Benigno", "Cirilo"]
FIRST_F = ["Marisol", "Lorena", "Teodora", "Rosa Elena", "Irma", "Griselda", "Abigail", "Dolores", "Esperanza",
           "Fabiola", "Herminia", "Leticia", "Macrina", "Noemi", "Ofelia", "Fang", "Ling", "Priya", "Yan", "Zulema"]
LAST = ["GUZMAN", "BASTIDA", "NIEVES", "ICAZA", "PRADO", "FUENTES", "OROPEZA", "VILLASENOR", "KURI", "RUELAS",
        "TAPIA", "ONTIVEROS", "LUNA", "ROJAS", "BELTRAN", "VALDEZ", "SOTO", "ALDANA", "CARRANZA", "MENDEZ",
        "TORRES", "BALDERAS", "QUINTERO", "ZAMBADA", "ESPARRAGOZA", "ARREOLA", "CISNEROS", "DELGADILLO",
        "ECHEVARRIA", "FIGUEROA", "GALINDO", "HINOJOSA", "IBARRA", "JASSO", "LEDEZMA", "MALDONADO", "NAVA",
        "OLIVAS", "PALACIOS", "QUEZADA", "RENTERIA", "SANDOVAL", "TREVINO", "URIBE", "VELASCO", "YANEZ",
        "ZEPEDA", "ACOSTA", "BERMUDEZ", "CORONA"]
CN_LAST = ["ZHAO", "QIAN", "SUN", "ZHOU", "WU", "ZHENG", "FENG", "CHEN", "LIU", "YANG"]
IN_LAST = ["SHARMA", "PATEL", "REDDY", "IYER", "NAIR", "GUPTA"]
ENTITY_WORDS = ["QUIMICOS", "FARMACIA", "TRANSPORTES", "LABORATORIO", "COMERCIALIZADORA", "IMPORTADORA",
                "DISTRIBUIDORA", "GRUPO", "SERVICIOS", "INMOBILIARIA", "CASA DE CAMBIO", "CONSTRUCTORA"]
ENTITY_NAMES = ["DEL PACIFICO", "DEL NORTE", "LA ESPERANZA", "CELESTE", "AZUL", "SANTA FE", "EL DORADO",
                "LOS ALAMOS", "PUERTO NUEVO", "SIERRA MADRE", "RIO BRAVO", "VALLE ALTO", "CRISTAL", "TRES RIOS",
                "LAS PALMAS", "NUEVO AMANECER"]
CN_ENTITY = ["BRIGHTCHEM", "LIANYOU", "HUAXIN", "JINGYE", "KANGDA", "RUIXIANG", "TIANLONG", "YUANCHENG"]
PLACES = {  # country: [(city, state), ...]
    "Mexico": [("Culiacan", "Sinaloa"), ("Guadalajara", "Jalisco"), ("Tijuana", "Baja California"),
               ("Hermosillo", "Sonora"), ("Mazatlan", "Sinaloa"), ("Mexicali", "Baja California"),
               ("Zapopan", "Jalisco"), ("Cancun", "Quintana Roo")],
    "China": [("Wuhan", "Hubei"), ("Shenzhen", "Guangdong"), ("Shanghai", None), ("Hefei", "Anhui")],
    "India": [("Hyderabad", "Telangana"), ("Mumbai", "Maharashtra")],
    "Colombia": [("Medellin", "Antioquia"), ("Cali", "Valle del Cauca")],
    "Guatemala": [("Huehuetenango", None)],
    "Honduras": [("San Pedro Sula", None)],
    "Canada": [("Vancouver", "British Columbia")],
    "Dominican Republic": [("Santo Domingo", None)],
}
COUNTRY_WEIGHTS = [("Mexico", 60), ("China", 12), ("India", 5), ("Colombia", 8), ("Guatemala", 5),
                   ("Honduras", 4), ("Canada", 3), ("Dominican Republic", 3)]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
REMARKS_CUT = 1000   # sdn.csv cuts long remarks here; the rest goes to sdn_comments.csv


@dataclasses.dataclass
class Entry:
    uid: int
    name: str
    kind: str | None            # "individual" or None (entity)
    programs: str
    remarks: str
    country: str
    city: str
    state: str | None
    addresses: list             # [(add_num, address, city/state/postal, country)]
    aliases: list               # [(alt_num, type, name)]

    @property
    def display_name(self) -> str:
        """The name as a press release writes it ("Ernesto Guzman Rivera")."""
        if self.kind == "individual" and ", " in self.name:
            last, first = self.name.split(", ", 1)
            return f"{first} {last.title()}"
        return self.name.title().replace("S.A. De C.V.", "S.A. de C.V.").replace("Co., Ltd.", "Co., Ltd.")


class SyntheticSdn:
    """N invented entries, uids from `first_uid`, deterministic for a seed."""

    def __init__(self, n: int, *, seed: int = 3, first_uid: int = 50_000, sdntk_share: float = 0.2):
        self.n = n
        rng = random.Random(seed)
        countries = [c for c, w in COUNTRY_WEIGHTS for _ in range(w)]
        self.entries: list[Entry] = []
        used: set[str] = set()
        alt_num, add_num = 200_000, 300_000
        individuals: list[Entry] = []
        for k in range(n):
            uid = first_uid + k
            country = rng.choice(countries)
            city, state = rng.choice(PLACES[country])
            is_person = rng.random() < 0.62
            programs = f"SDNTK] [{DRUGS}" if rng.random() < sdntk_share else DRUGS
            if is_person:
                for attempt in range(50):
                    female = rng.random() < 0.3
                    first = rng.choice(FIRST_F if female else FIRST_M)
                    if country == "China":
                        last = rng.choice(CN_LAST)
                    elif country == "India":
                        last = rng.choice(IN_LAST)
                    else:
                        last = f"{rng.choice(LAST)} {rng.choice(LAST)}"
                    name = f"{last}, {first}"
                    if attempt > 20:
                        name += f" {rng.choice('ABCDEFGHJKLMNPRSTVW')}."
                    if name not in used:
                        break
                dob = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(1955, 2001)}"
                parts = [f"DOB {dob}", f"POB {city}, {state + ', ' if state else ''}{country}",
                         f"nationality {country}", f"Gender {'Female' if female else 'Male'}"]
                if country == "Mexico" and rng.random() < 0.6:
                    parts.append(f"C.U.R.P. {last[:2]}{first[:1].upper()}{rng.randint(100000, 999999)}"
                                 f"H{state[:2].upper() if state else 'DF'}XXX{rng.randint(0, 9)} (Mexico)")
                if rng.random() < 0.3:
                    parts.append(f"Passport {rng.choice('GNPE')}{rng.randint(10_000_000, 99_999_999)} ({country})")
                if rng.random() < 0.25:
                    parts.append(f"a.k.a. 'EL {rng.choice(['TIO', 'GUERO', 'FLACO', 'CHAPO', 'PRIMO', 'NEGRO'])}'")
                kind = "individual"
            else:
                for attempt in range(50):
                    if country == "China":
                        name = f"{city.upper()} {rng.choice(CN_ENTITY)} {rng.choice(['BIOTECH', 'TRADING', 'CHEMICAL'])} CO., LTD."
                    elif country == "India":
                        name = f"{rng.choice(['NOVACHEM', 'SAIPHARMA', 'VEDA'])} {rng.choice(['LABS', 'EXPORTS'])} PRIVATE LIMITED"
                    else:
                        name = f"{rng.choice(ENTITY_WORDS)} {rng.choice(ENTITY_NAMES)} S.A. DE C.V."
                    if attempt > 3:
                        name = name.replace(" S.A. DE C.V.", f" {rng.randint(1, 9999)} S.A. DE C.V.") \
                            if "S.A." in name else name.replace(" CO.,", f" {rng.randint(1, 9999)} CO.,") \
                            if " CO.," in name else f"{name} {rng.randint(1, 9999)}"
                    if name not in used:
                        break
                parts = []
                if country == "Mexico":
                    parts.append(f"R.F.C. {name[:3].replace(' ', 'X')}{rng.randint(100000, 999999)}"
                                 f"{rng.choice('ABC')}{rng.randint(1, 9)} (Mexico)")
                if rng.random() < 0.4:
                    parts.append(f"Website www.{name.split()[0].lower()}-{uid}-example.com")
                if rng.random() < 0.2:
                    parts.append(f"Organization Established Date {rng.randint(1990, 2022)}")
                if individuals and rng.random() < 0.7:
                    parts.append(f"Linked To: {rng.choice(individuals[-200:]).name}")
                kind = None
            used.add(name)
            if rng.random() < 0.04:  # a long remark: cut in sdn.csv, continued in sdn_comments.csv
                parts += [f"Digital Currency Address - XBT bc1q{rng.getrandbits(160):040x}" for _ in range(12)]
            parts.append(LABEL)
            remarks = "; ".join(parts) + "."
            addresses = [(add_num, f"Calle Inventada {rng.randint(1, 999)}" if rng.random() < 0.5 else None,
                          f"{city}, {state}" if state else city, country)]
            add_num += 1
            aliases = []
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                alias = (name.split(",")[0] + " " + rng.choice(["JR.", "II", "EL VIEJO"])) if kind else \
                    name.replace("S.A. DE C.V.", "").strip() + " " + rng.choice(["GROUP", "SA", "CORP"])
                aliases.append((alt_num, "aka", alias))
                alt_num += 1
            e = Entry(uid, name, kind, programs, remarks, country, city, state, addresses, aliases)
            self.entries.append(e)
            if kind == "individual":
                individuals.append(e)

    # -- files ------------------------------------------------------------------------------------
    def files(self, entries: list[Entry] | None = None) -> dict[str, bytes]:
        entries = self.entries if entries is None else entries
        sdn, add, alt, comments = [], [], [], []
        for e in entries:
            remarks = e.remarks
            if len(remarks) > REMARKS_CUT:
                comments.append(",".join([str(e.uid), _field(remarks[REMARKS_CUT:])]))
                remarks = remarks[:REMARKS_CUT]
            sdn.append(",".join([str(e.uid), _field(e.name), _field(e.kind), _field(e.programs)]
                                + ["-0- "] * 7 + [_field(remarks)]))
            for num, address, csp, country in e.addresses:
                add.append(",".join([str(e.uid), str(num), _field(address), _field(csp), _field(country), "-0- "]))
            for num, typ, alias in e.aliases:
                alt.append(",".join([str(e.uid), str(num), _field(typ), _field(alias), "-0- "]))
        return {name: _csv(lines) for name, lines in
                (("sdn.csv", sdn), ("add.csv", add), ("alt.csv", alt), ("sdn_comments.csv", comments))}

    def write(self, directory: Path, entries: list[Entry] | None = None) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, data in self.files(entries).items():
            (directory / name).write_bytes(data)
        return directory


def _field(value) -> str:
    return "-0- " if value is None else '"' + str(value).replace('"', '""') + '"'


def _csv(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("cp1252") + b"\x1a"
