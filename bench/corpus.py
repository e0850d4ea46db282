"""Synthetic German news corpus for the benchmarks.

`generate(n, seed)` returns n source files `(file name, text)` in the format of
content/sources/*.md (YAML front matter, then the article).  Articles are assembled from
sentence templates (visits, meetings, parades, troop numbers with "rund/über/mehr als",
quotes with „…“ and speech verbs, role + name, absolute and relative dates) filled from pools
of invented people, real countries and capitals, invented outlets and agencies.  People are
drawn with a skewed distribution, so some recur across many articles (shared events and
claims) while the long tail keeps adding new actors as n grows.

Deterministic: the same (n, seed) gives the same bytes; generate(n) is a prefix of
generate(m) for n < m with the same seed.

    python bench/corpus.py 3 --seed 1          # print three articles
    python bench/corpus.py 1000 --out DIR      # write DIR/<id>.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# --- pools -------------------------------------------------------------------------------------

FEMALE = (
    "Lena Mira Ilka Greta Annika Birte Carla Dana Edda Frieda Hanna Ines Jana Kira Liv Maren Nele Olga "
    "Petra Ronja Sanna Tilda Ulla Vera Wiebke Yara Zoe Agnieszka Beatriz Chiara"
).split()
MALE = (
    "Jonas Tomasz Henrik Anton Bruno Cem Dario Emil Fabian Gustav Hugo Igor Jannik Kasimir Lasse Matteo "
    "Nils Oskar Pavel Rasmus Sven Timo Ugo Viktor Wenzel Xaver Yannis Zoran Arvid Bogdan"
).split()
SURNAMES = (
    "Varnholt Kessling Obradovic Morander Talvik Brennecke Oskarsson Rautenberg Lindqvist Zaremba "
    "Haverkamp Eskildsen Pellegrini Ambrosi Kowalczyk Tiedemann Markovic Vasquez Hallström Dragomir "
    "Petrescu Kallio Virtanen Novotny Jablonski Castellano Ferreira Okonkwo Adeyemi Nakamura Takeda "
    "Ishikawa Haddad Rahimi Karimov Tulegenov Baramidze Sargsjan Lukic Dimitrov Georgiou Papadakis "
    "Fonseca Gallagher Sorensen Raudsepp Ozols Kazlauskas Horvath Lehtonen Brandauer Wettstein "
    "Holmqvist Aurelius Quist Falkenrath Lindholm Marquardt Olofsson Wieczorek"
).split()

# (country, capital); genitive is country + "s" for all of these (no article needed).
COUNTRIES = (
    ("Deutschland", "Berlin"), ("Frankreich", "Paris"), ("Polen", "Warschau"), ("Italien", "Rom"),
    ("Spanien", "Madrid"), ("Japan", "Tokio"), ("Indien", "Neu-Delhi"), ("Brasilien", "Brasília"),
    ("Kanada", "Ottawa"), ("Australien", "Canberra"), ("Norwegen", "Oslo"), ("Schweden", "Stockholm"),
    ("Finnland", "Helsinki"), ("Ungarn", "Budapest"), ("Österreich", "Wien"), ("Ägypten", "Kairo"),
    ("Kenia", "Nairobi"), ("Chile", "Santiago"), ("Argentinien", "Buenos Aires"), ("Mexiko", "Mexiko-Stadt"),
    ("Vietnam", "Hanoi"), ("Indonesien", "Jakarta"), ("Südafrika", "Pretoria"), ("Nigeria", "Abuja"),
    ("Kasachstan", "Astana"), ("Georgien", "Tiflis"), ("Armenien", "Eriwan"), ("Rumänien", "Bukarest"),
    ("Bulgarien", "Sofia"), ("Griechenland", "Athen"), ("Portugal", "Lissabon"), ("Irland", "Dublin"),
    ("Dänemark", "Kopenhagen"), ("Estland", "Tallinn"), ("Lettland", "Riga"), ("Litauen", "Vilnius"),
    ("Tschechien", "Prag"), ("Kroatien", "Zagreb"), ("Serbien", "Belgrad"), ("Marokko", "Rabat"),
    ("Russland", "Moskau"), ("China", "Peking"), ("Nordkorea", "Pjöngjang"), ("Südkorea", "Seoul"),
)
OTHER_CITIES = (
    "Genf Wladiwostok Hamburg Danzig Mailand Barcelona Osaka Mumbai Lyon Göteborg Tampere Graz Alexandria "
    "Mombasa Valparaíso Córdoba Monterrey Surabaya Durban Almaty Batumi Konstanza Thessaloniki Porto Cork "
    "Aarhus Tartu Kaunas Brünn Split Casablanca Shanghai Busan Kaliningrad"
).split()

# (masculine, feminine) role words; all end in a role word of content/lexicon/roles.yml.
ROLES = (
    ("Außenminister", "Außenministerin"), ("Verteidigungsminister", "Verteidigungsministerin"),
    ("Präsident", "Präsidentin"), ("Premierminister", "Premierministerin"),
    ("Regierungssprecher", "Regierungssprecherin"), ("Botschafter", "Botschafterin"),
    ("Handelsminister", "Handelsministerin"), ("Regierungschef", "Regierungschefin"),
    ("Sicherheitsberater", "Sicherheitsberaterin"), ("Generalsekretär", "Generalsekretärin"),
)
# A few real, curated actors (content/actors.yml), so that curated aliases occur too.
# (first, last, gender, country, role, short name used after the first mention)
REAL_PEOPLE = (
    ("Wladimir", "Putin", "m", "Russland", "Präsident", "Putin"),
    ("Xi", "Jinping", "m", "China", "Staatschef", "Xi"),
    ("Kim", "Jong Un", "m", "Nordkorea", "Machthaber", "Kim"),
)
AGENCIES = (
    "Nachrichtenagentur Nordpress", "Nachrichtenagentur Baltinfo", "Nachrichtenagentur KNX",
    "Nachrichtenagentur ZNA", "Nachrichtenagentur Orbis", "Zeitung Morgenkurier", "Zeitung Abendpost",
    "Nachrichtenagentur Telamon", "Nachrichtenagentur Kestrel", "Zeitung Freie Stimme",
)
OUTLETS = (
    "Rheinische Abendpost", "Nordkurier Online", "Tagesblick", "Weltspiegel Digital", "Ostsee-Zeitung",
    "Mitteldeutscher Anzeiger", "Alpenpost", "Hanse-Rundschau", "Der Morgen", "Kurier am Sonntag",
)

QUOTES = (
    "Wir werden unsere Zusammenarbeit in allen Bereichen vertiefen.",
    "Die Lage an der Grenze ist ernst, aber unter Kontrolle.",
    "Niemand hat ein Interesse an einer weiteren Eskalation.",
    "Dieses Treffen ist ein wichtiges Signal an unsere Partner.",
    "Wir stehen zu unseren Verpflichtungen.",
    "Die Gespräche waren offen und konstruktiv.",
    "Es gibt keine Alternative zum Dialog.",
    "Wir erwarten klare Zusagen bis zum Ende des Jahres.",
    "Unsere Soldaten leisten hervorragende Arbeit.",
    "Das Abkommen wird beiden Ländern nutzen.",
    "Wir lassen uns nicht unter Druck setzen.",
    "Die Sanktionen treffen vor allem die Bevölkerung.",
    "Wir haben viel erreicht, aber es bleibt noch viel zu tun.",
    "Die Tür für Verhandlungen bleibt offen.",
    "Wir werden die Entwicklung genau beobachten.",
    "Das ist ein historischer Tag für unsere beiden Völker.",
    "Die Vorwürfe entbehren jeder Grundlage.",
    "Wir brauchen mehr Vertrauen und weniger Rhetorik.",
    "Die Parade zeigt die Stärke unserer Streitkräfte.",
    "Wir wollen Frieden, aber wir sind auf alles vorbereitet.",
    "Der Handel zwischen unseren Ländern wächst jedes Jahr.",
    "Die Zusammenarbeit bei der Energie hat Vorrang.",
    "Wir werden keine Truppen in die Region schicken.",
    "Diese Entscheidung war längst überfällig.",
    "Ich bin zuversichtlich, dass wir eine Lösung finden.",
    "Die Sicherheit unserer Bürger steht an erster Stelle.",
    "Wir respektieren die Souveränität aller Staaten.",
    "Die Region braucht Stabilität, keine neuen Waffen.",
    "Es war ein langes, aber gutes Gespräch.",
    "Wir verurteilen diesen Schritt auf das Schärfste.",
)
PARTIAL_QUOTES = (
    "einem „historischen Wendepunkt“", "einer „engen und vertrauensvollen Freundschaft“",
    "einer „inakzeptablen Provokation“", "einem „neuen Kapitel der Beziehungen“",
    "einem „gefährlichen Spiel mit dem Feuer“", "einer „Partnerschaft ohne Grenzen“",
    "einer „ernsthaften Bedrohung für die Region“", "einem „Schritt in die richtige Richtung“",
)
SPEECH_VERBS = ("sagte", "erklärte", "betonte", "warnte", "sagte", "erklärte")

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
NUMBER_WORDS = ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn")

# --- sentence templates ------------------------------------------------------------------------
# Fields: A/B/C = people (A_intro "Polens Außenministerin Lena Varnholt", A full name, A_last
# surname, A_poss "seiner"/"ihrer"), X/Y/Z countries (X_gen genitive), CX/CY capitals, CITY,
# ORG an agency, dates D_rel ("am Mittwoch"), D_week, D_abs, D_month, D_year, D_ago,
# TROOPS ("rund 12.000"), NUM, SMALL, YEARS (number word), Q (full quote without its final
# period, for „…“, sagte X), QF (with it, for X sagte: „…“), QP (partial quote),
# VERB (speech verb).  QP carries its article and „marks“.

TEMPLATES = (
    "{A_intro} ist {D_rel} zu einem offiziellen Besuch in {Y} eingetroffen.",
    "{A_intro} wird {D_week} nach {CY} reisen, um dort {B_intro} zu treffen.",
    "{A} besuchte {D_month} {CY} und traf dort {B_intro}.",
    "Das Treffen zwischen {A} und {B} fand {D_abs} in {CITY} statt.",
    "Nach Angaben der {ORG} nahmen an der Militärparade in {CX} {TROOPS} Soldaten teil.",
    "{X} hat nach eigenen Angaben {TROOPS} Soldaten an die Grenze zu {Y} verlegt.",
    "Die Regierung {X_gen} kündigte an, {TROOPS} Soldaten in die Region zu entsenden.",
    "„{Q}“, sagte {A_last} nach dem Treffen.",
    "{B} {VERB}: „{QF}“",
    "{A_last} sprach von {QP}.",
    "„{Q}“, betonte {B_intro} {D_rel} in {CY}.",
    "Bereits {D_ago} hatten {X} und {Y} ein Abkommen über militärische Zusammenarbeit unterzeichnet.",
    "Die Militärparade in {CX} soll {D_abs} stattfinden.",
    "Zu der Parade in {CX} werden mehr als {SMALL} Staats- und Regierungschefs erwartet.",
    "Zuletzt war {A_last} {D_year} in {Y}.",
    "{A_last} warnte vor einer weiteren Eskalation: „{QF}“",
    "Laut der {ORG} sollen {D_rel} Gespräche über ein neues Handelsabkommen beginnen.",
    "Der Gipfel in {CITY} soll {D_week} stattfinden.",
    "{X} und {Y} wollen ihre Beziehungen in den kommenden Jahren weiter ausbauen.",
    "Beobachter sehen in dem Besuch auch ein Signal an {Z}.",
    "Das Handelsvolumen zwischen {X} und {Y} lag {D_year} bei rund {NUM} Milliarden Euro.",
    "{B_intro} traf {D_abs} in {CX} mit {A} zusammen.",
    "Im Anschluss an die Gespräche unterzeichneten {A_last} und {B_last} eine gemeinsame Erklärung.",
    "Nach Schätzungen von Experten sind derzeit {TROOPS} Soldaten aus {X} in {Y} stationiert.",
    "{A_intro} hatte {D_month} angekündigt, die Zahl der Soldaten auf {NUM}.000 zu erhöhen.",
    "Die Staatsmedien beider Länder berichteten ausführlich über die Reise.",
    "{A_last} reiste {D_rel} mit dem Zug nach {CY} weiter.",
    "Es ist der erste Besuch eines Regierungschefs aus {X} in {Y} seit {YEARS} Jahren.",
    "„{Q}“, schrieb {A_last} in einer Mitteilung.",
    "Der {ORG} zufolge wurden bei dem Manöver {TROOPS} Soldaten eingesetzt.",
    "Die Regierung in {CX} bestätigte die Angaben zunächst nicht.",
    "Am Rande des Treffens sprach {A_last} auch mit {C_intro}.",
    "{C_intro} wies die Vorwürfe zurück: „{QF}“",
    "Die Verteidigungsminister beider Länder wollen sich {D_week} in {CITY} treffen.",
    "{X} liefert {Y} nach Angaben der {ORG} seit {YEAR} Waffen und Munition.",
    "Die Parade {D_rel} war nach offiziellen Angaben die größte seit {YEAR}.",
    "Insgesamt sollen über {NUM} Panzer und {SMALL} Flugzeuge gezeigt worden sein.",
    "{A_last} kündigte an, im kommenden Jahr erneut nach {Y} zu reisen.",
    "Mehr als {NUM}.000 Menschen verfolgten die Zeremonie im Zentrum von {CX}.",
    "{X_gen} Regierung hatte {D_ago} rund {TROOPS_BARE} Soldaten nach {Y} entsandt.",
    "„{Q}“, {VERB} {C}.",
    "{A_intro} und {B_intro} trafen sich {D_abs} zu Gesprächen in {CITY}.",
)
SUBHEADINGS = (
    "Beziehungen zwischen {X} und {Y}", "Vorbereitungen in {CX}", "Reaktionen aus {Z}",
    "Militärische Zusammenarbeit", "Handel und Energie", "Die Parade in {CX}",
)
HEADLINES = (
    "{A_last} besucht {Y}", "Treffen in {CY}: {A_last} und {B_last} vereinbaren engere Zusammenarbeit",
    "Militärparade in {CX} mit Gästen aus {Y}", "{X} schickt Soldaten nach {Y}",
    "{A_last} reist nach {CY}", "{X} und {Y} rücken näher zusammen",
)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    gender: str
    country: str
    role: str
    short: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def surname(self) -> str:
        return self.short or self.last


def _slug(text: str) -> str:
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def people(seed: int) -> list[Person]:
    """Every first name x every surname (3,600 people), each with a fixed country and role,
    shuffled; position in the list decides how often a person is drawn (skewed)."""
    rng = random.Random(f"people-{seed}")
    pool = []
    for gender, firsts in (("f", FEMALE), ("m", MALE)):
        for first in firsts:
            for last in SURNAMES:
                country = rng.choice(COUNTRIES)[0]
                masc, fem = rng.choice(ROLES)
                pool.append(Person(first, last, gender, country, fem if gender == "f" else masc))
    rng.shuffle(pool)
    real = [Person(*fields) for fields in REAL_PEOPLE]
    return real + pool


class _Article:
    def __init__(self, rng: random.Random, persons: list[Person], weights: list[float], published: dt.date):
        self.rng = rng
        self.published = published
        drawn: list[Person] = []
        while len(drawn) < 3:
            p = rng.choices(persons, weights=weights)[0]
            if p not in drawn:
                drawn.append(p)
        self.a, self.b, self.c = drawn
        capitals = dict(COUNTRIES)
        self.x, self.y = self.a.country, self.b.country
        if self.x == self.y:
            self.y = rng.choice([c for c, _ in COUNTRIES if c != self.x])
        self.z = rng.choice([c for c, _ in COUNTRIES if c not in (self.x, self.y)])
        self.cx, self.cy = capitals[self.x], capitals[self.y]
        self.city = rng.choice(OTHER_CITIES)
        self.org = rng.choice(AGENCIES)
        self.introduced: set[str] = set()

    # -- slot values ---------------------------------------------------------------------------
    def intro(self, p: Person) -> str:
        """Role + full name the first time, the full name later (like an editor would)."""
        if p.name in self.introduced:
            return p.name
        self.introduced.add(p.name)
        return f"{p.country}s {p.role} {p.name}"

    def date_abs(self) -> str:
        day = self.published + dt.timedelta(days=self.rng.randint(-40, 40))
        text = f"am {day.day}. {MONTHS[day.month - 1]}"
        return text + (f" {day.year}" if self.rng.random() < 0.6 else "")

    def date_rel(self) -> str:
        return self.rng.choice((
            f"am {self.rng.choice(WEEKDAYS)}", f"am {self.rng.choice(WEEKDAYS)}", "morgen", "gestern", "heute",
            f"am {self.rng.choice(WEEKDAYS)}morgen", f"am {self.rng.choice(WEEKDAYS)}abend",
        ))

    def date_week(self) -> str:
        return self.rng.choice(("nächste Woche", "in der kommenden Woche", "Ende der Woche", "übernächste Woche",
                                "in dieser Woche"))

    def date_month(self) -> str:
        year = self.rng.randint(2000, self.published.year)
        month = MONTHS[self.rng.randrange(12)] if year < self.published.year else MONTHS[self.rng.randrange(self.published.month)]
        return self.rng.choice((f"im {month} {year}", f"im {month} {year}", f"Ende {month} {year}",
                                f"Anfang {month} {year}", f"Mitte {month}"))

    def date_year(self) -> str:
        year = self.rng.randint(1995, self.published.year)
        return self.rng.choice((str(year), f"im Jahr {year}"))

    def date_ago(self) -> str:
        return self.rng.choice(("vor zwei Jahren", "vor drei Jahren", "vor einem Jahr", "vor drei Monaten",
                                "vor einer Woche", "vor rund zehn Jahren", "vor fünf Jahren"))

    def troops(self, bare: bool = False) -> str:
        n = self.rng.choice((self.rng.randint(2, 95) * 100, self.rng.randint(1, 40) * 1000, self.rng.randint(3, 30) * 500))
        number = f"{n:,}".replace(",", ".") if n >= 10000 or n % 3 else str(n)
        if self.rng.random() < 0.08:
            number = self.rng.choice(("zehntausend", "tausend", "mehrere tausend"))
        if bare:
            return number
        qualifier = self.rng.choice(("rund", "über", "mehr als", "etwa", "knapp", "mindestens", "bis zu", ""))
        return f"{qualifier} {number}".strip()

    def values(self) -> dict[str, str]:
        rng = self.rng
        a, b, c = self.a, self.b, self.c
        return {
            "A": a.name, "B": b.name, "C": c.name, "A_last": a.surname, "B_last": b.surname, "C_last": c.surname,
            "X": self.x, "Y": self.y, "Z": self.z, "X_gen": self.x + "s", "Y_gen": self.y + "s",
            "CX": self.cx, "CY": self.cy, "CITY": self.city, "ORG": self.org,
            "D_rel": self.date_rel(), "D_week": self.date_week(), "D_abs": self.date_abs(),
            "D_month": self.date_month(), "D_year": self.date_year(), "D_ago": self.date_ago(),
            "TROOPS": self.troops(), "TROOPS_BARE": self.troops(bare=True),
            "NUM": str(rng.randint(2, 90)), "SMALL": str(rng.randint(3, 40)),
            "YEAR": str(rng.randint(1990, self.published.year - 1)), "YEARS": rng.choice(NUMBER_WORDS),
            "Q": (quote := rng.choice(QUOTES)).rstrip("."), "QF": quote, "QP": rng.choice(PARTIAL_QUOTES), "VERB": rng.choice(SPEECH_VERBS),
        }

    def fill(self, template: str) -> str:
        values = self.values()
        # Introductions in text order: only the people this template names with a role.
        for key, person in (("A_intro", self.a), ("B_intro", self.b), ("C_intro", self.c)):
            if "{" + key + "}" in template:
                values[key] = self.intro(person)
        return template.format_map(values)


def _published(rng: random.Random) -> dt.date:
    start, end = dt.date(2019, 1, 1), dt.date(2026, 6, 30)
    return start + dt.timedelta(days=rng.randrange((end - start).days))


def article(index: int, seed: int, persons: list[Person], weights: list[float]) -> tuple[str, str]:
    rng = random.Random(f"article-{seed}-{index}")
    published = _published(rng)
    art = _Article(rng, persons, weights, published)
    headline = art.fill(rng.choice(HEADLINES))
    target = rng.randint(170, 540)
    paragraphs: list[str] = []
    words = len(headline.split())
    # the first sentence always introduces A with a role
    first = art.fill(rng.choice(TEMPLATES[:3]))
    current = [first]
    words += len(first.split())
    deck: list[str] = []
    while words < target:
        if not deck:  # every template once before any repeats
            deck = list(TEMPLATES)
            rng.shuffle(deck)
        if len(current) >= rng.randint(2, 5):
            paragraphs.append(" ".join(current))
            current = []
            if rng.random() < 0.25:
                sub = art.fill(rng.choice(SUBHEADINGS))
                paragraphs.append(sub)
                words += len(sub.split())
        sentence = art.fill(deck.pop())
        sentence = re.sub(r"\s{2,}", " ", sentence)
        if words + len(sentence.split()) > 590:
            break
        current.append(sentence)
        words += len(sentence.split())
    if current:
        paragraphs.append(" ".join(current))
    body = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"

    source_id = f"synth-{index:05d}-{_slug(headline)[:60].rstrip('-')}"
    outlet = rng.choice(OUTLETS) if rng.random() < 0.85 else None
    when = (f"{published.isoformat()}T{rng.randint(5, 22):02d}:{rng.randrange(60):02d}:00"
            if rng.random() < 0.5 else published.isoformat())
    url = f"https://example.org/{_slug(outlet or 'news')}/{source_id}" if rng.random() < 0.5 else None
    note = "Synthetischer Text für Benchmarks (bench/corpus.py)."
    front = "\n".join((
        "---",
        f"id: {source_id}",
        f"title: {_yaml_str(headline)}",
        f"outlet: {_yaml_str(outlet) if outlet else 'null'}",
        f"url: {url or 'null'}",
        f"published: {when}",
        "language: de",
        f"note: {_yaml_str(note)}",
        "---",
    ))
    return f"{source_id}.md", front + "\n" + body


def _yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def generate(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n articles as (file name, file text); deterministic for (n, seed)."""
    persons = people(seed)
    # Zipf-like: the first people in the (shuffled) list recur in many articles.
    weights = [1.0 / (rank + 3) ** 0.9 for rank in range(len(persons))]
    return [article(i, seed, persons, weights) for i in range(n)]


def write(target: Path, n: int, seed: int = 0) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        path = target / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write the files here instead of printing them")
    args = parser.parse_args()
    if args.out:
        paths = write(args.out, args.n, args.seed)
        print(f"wrote {len(paths)} sources to {args.out}")
    else:
        for name, text in generate(args.n, args.seed):
            print(f"===== {name}\n{text}")


if __name__ == "__main__":
    main()
