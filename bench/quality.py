"""Precision and recall of the extraction against the hand-made gold annotation in tests/gold/.

    .venv/bin/python bench/quality.py                  # table + every false positive / false negative
    .venv/bin/python bench/quality.py --synthetic 100  # rough actor P/R on bench/corpus.py articles
    .venv/bin/python bench/quality.py --unseen         # the articles of tests/unseen/ (not the dossier's)
    .venv/bin/python bench/quality.py --unseen DIR     # DIR/sources/*.md scored against DIR/gold/*.yml

tests/test_quality.py imports `scores` from here and asserts floors.

Gold conventions (tests/gold/<source id>.yml, one file per article of content/sources/):

- Only the article body counts: headline and text as cleaned by the project; page furniture
  (date lines, share prompts, ads, job lists, comment rules, PREV/NEXT links, copyright) does not.
- actors: the set of actor ids (person, organization, country, place) that the body names. A
  curated actor (content/actors.yml) has its id; any other the slug of its full name in base form
  ("Juri Uschakow" -> juri-uschakow, "im Nahen Osten" -> naher-osten); states have babel's German
  name slug (china, russland, vereinigte-staaten, suedkorea, ...). An actor counts when it is named
  (any form: genitive, alias, "Kremlchef") or referred to by a description that identifies exactly
  one actor ("die staatliche nordkoreanische Nachrichtenagentur" = kcna). Nationality adjectives
  ("der russische Präsident") and prefixes ("US-Außenminister") alone do not make the state an
  actor; unnamed people ("seinen südkoreanischen Amtskollegen"), groups and blocs ("der Westen",
  "der Globale Süden", "Beobachter") and the publishing outlet itself are not actors.
- dates: every temporal expression as written, with its ISO date (YYYY, YYYY-MM or YYYY-MM-DD;
  weeks and ranges as start + date_end) and precision; vague ones ("seit langem") have date null
  and are listed for completeness only. Scored as (source, expression, date) for resolved dates.
- quotes: every direct quote (full or partial) as speaker id + its first words; quoted names and
  terms without a speaker of their own ("Tag des Sieges") are not quotes. Scored as
  (source, speaker, first three words).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
# Articles on other subjects with their gold: how the rules do away from the dossier's own corpus,
# all written in the fourth session. Rounds: (1) EU summit, earthquake, election in Japan, written
# while general rules for organisations, name particles and event words were added; (2) federal
# budget, Gaza ceasefire, scored blind after round 1 (actors P 0.87 R 0.77, quotes 0.25 / 0.20);
# (3) US-China tariffs, the front at Pokrowsk, scored blind after round 2 (actors 0.91 / 0.86,
# dates and quotes 1.00 / 1.00 once two speakers in the gold were corrected); (4) Elbe flood, rail
# strike, German domestic news, scored blind after round 3 (actors 0.82 / 0.53, dates 0.75 / 0.86,
# quotes 0.00 / 0.00: surnames that are German nouns, "Kretschmer", "Seiler", were not names).
# (5) ECB rates, a terror trial in Hamburg, scored blind after round 4 (actors 1.00 / 0.68, dates
# and quotes 1.00 / 1.00, once a prefix-only actor was taken out of the gold: German institutions
# written as one compound, "Landeskriminalamt", and courts, "Oberlandesgericht Hamburg", were missed).
# (6) the climate conference in Belém, scored blind after round 5: actors, dates and quotes all
# 1.00 / 1.00 (one article). (7) seventh session, five articles written blind by another engineer
# who had not read the rules (a copied tagesschau page about UN sanctions on Iran, a dpa wire on the
# PKK laying down arms, a Tagesspiegel report on the electricity tax, a WirtschaftsWoche report on
# Volkswagen, an NZZ report on the EU treaties with Switzerland): actors 0.93 / 0.81, dates
# 0.98 / 0.94 (after two gold fixes), quotes 0.71 / 0.66 (surnames that are nouns after a role and a
# first name, cities outside a place context, organisations before bracketed acronyms, Swiss «…»
# quotes, "warf … vor", quarters of a year). (8) five more by another engineer (a copied spiegel.de
# page on Sudan, an AFP wire on the G20, a regional report on a fire in Regensburg, the WHO on
# antibiotics, Der Standard on Austria's messenger surveillance): actors 0.90 / 0.76, dates
# 0.96 / 1.00 (after one gold fix), quotes 0.61 / 0.57 (first names that are words, titles before
# first names, captions and bylines of the page, parties in brackets after a speaker, reported
# speech in the subjunctive). (9) five more by a third engineer (an n-tv page on the National Guard in
# Chicago, a dpa wire on a Russian drone attack, a Karlsruhe ruling, the Women's Euro 2029 from
# DER SPIEGEL, an NZZ report on manoeuvres around Taiwan): actors 0.93 / 0.82, dates 0.94 / 0.88,
# quotes 0.51 / 0.48 (after two gold fixes of quote starts; months and initials as first names, US
# institutions, parts of periods in future sentences, halves, speakers in appositions). (10) tenth
# session: five more, scored blind (actors 0.86 / 0.66), kept outside the repository. (11)–(13)
# eleventh session: fifteen articles on the dossier's own subject (the Beijing parade, the SCO summit,
# Kursk, Putin in Pyongyang, Lawrow in Wonsan, the Alaska summit, trade, a portrait of Choe Son
# Hui, prisoners of war, the party parade, Wonsan-Kalma, an interview, a commentary) in the styles
# of tagesschau, dpa, NZZ, ZEIT, a live blog, SPIEGEL, ORF, an aggregator, Handelsblatt, SZ,
# Südkurier, Deutschlandfunk, SRF, Tagesspiegel, FR, each written by a helper who had not read the
# rules and scored before any fix: round 11 actors 0.97 / 0.94, dates 0.98 / 1.00, quotes
# 0.83 / 0.75; round 12 (after round 11's fixes) 0.95 / 0.93, 0.97 / 0.97, 0.69 / 0.61; round 13
# (after round 12's) 0.99 / 0.98, 0.98 / 0.98, 0.57 / 0.53. All three are in tests/unseen/ now.
# The rounds before were used to fix the rules, so the set is a development set now.
UNSEEN_DIR = ROOT / "tests" / "unseen"
KINDS = ("actors", "dates", "quotes")


@dataclass
class Score:
    kind: str
    true_positives: set = field(default_factory=set)
    false_positives: set = field(default_factory=set)
    false_negatives: set = field(default_factory=set)

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def first_words(text: str, n: int = 3) -> str:
    return " ".join(re.findall(r"\w[\w\-’']*", text)[:n])


def load_gold(gold_dir: Path = GOLD_DIR) -> dict[str, dict]:
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("source") != path.stem:
            raise ValueError(f"{path}: 'source' must be the file name ({path.stem})")
        gold[path.stem] = data
    return gold


def gold_items(gold: dict[str, dict]) -> dict[str, set]:
    items: dict[str, set] = {kind: set() for kind in KINDS}
    for source, data in gold.items():
        items["actors"] |= {(source, actor) for actor in data.get("actors") or []}
        items["dates"] |= {(source, str(d["expression"]), str(d["date"])) for d in data.get("dates") or [] if d.get("date") is not None}
        items["quotes"] |= {(source, q["speaker"], first_words(q["start"])) for q in data.get("quotes") or []}
    return items


def predicted_items(result, sources: set[str]) -> dict[str, set]:
    """What the dossier shows: the actors of each source as assembled (editorial merges and
    rejects applied, a source's own outlet left out), dates and quotes as extracted."""
    items: dict[str, set] = {kind: set() for kind in KINDS}
    items["actors"] = {(source, a.id) for a in result.dossier.actors for source in a.sources if source in sources}
    for ex in result.run.extractions:
        if ex.source not in sources:
            continue
        items["dates"] |= {(ex.source, d.text, d.date) for d in ex.dates if d.date is not None}
        items["quotes"] |= {(ex.source, q.speaker, first_words(q.text)) for q in ex.quotes}
    return items


def scores(result, gold_dir: Path = GOLD_DIR) -> dict[str, Score]:
    """P/R per kind for a dossier.stages.BuildResult, over the sources that have a gold file."""
    gold = load_gold(gold_dir)
    have = {s.meta.id for s in result.sources}
    missing = sorted(set(gold) - have)
    if missing:
        raise ValueError(f"gold files without a source: {', '.join(missing)}")
    truth = gold_items(gold)
    found = predicted_items(result, set(gold))
    out = {}
    for kind in KINDS:
        out[kind] = Score(kind, truth[kind] & found[kind], found[kind] - truth[kind], truth[kind] - found[kind])
    return out


def date_details(result, gold_dir: Path = GOLD_DIR) -> tuple[int, list[str]]:
    """Among matched dates: how many also agree on precision and date_end (and which do not)."""
    gold = load_gold(gold_dir)
    wanted = {(s, str(d["expression"]), str(d["date"])): (d["precision"], d.get("date_end"))
              for s, data in gold.items() for d in data.get("dates") or [] if d.get("date") is not None}
    agree, differ = 0, []
    for ex in result.run.extractions:
        for d in ex.dates:
            key = (ex.source, d.text, d.date)
            if key in wanted:
                if (d.precision, d.date_end) == wanted[key]:
                    agree += 1
                else:
                    differ.append(f"{key}: extracted {d.precision}/{d.date_end}, gold {wanted[key]}")
    return agree, differ


def table(result_scores: dict[str, Score]) -> str:
    lines = ["| kind   | gold | found | correct | precision | recall | F1   |",
             "| ------ | ---- | ----- | ------- | --------- | ------ | ---- |"]
    for kind, s in result_scores.items():
        gold = len(s.true_positives) + len(s.false_negatives)
        found = len(s.true_positives) + len(s.false_positives)
        lines.append(f"| {kind:6} | {gold:4} | {found:5} | {len(s.true_positives):7} | {s.precision:9.3f} | {s.recall:6.3f} | {s.f1:.2f} |")
    return "\n".join(lines)


def errors(result_scores: dict[str, Score]) -> str:
    lines = []
    for kind, s in result_scores.items():
        for label, items in (("false positive", s.false_positives), ("false negative", s.false_negatives)):
            for item in sorted(items, key=str):
                lines.append(f"{kind} {label}: {item}")
    return "\n".join(lines) or "no errors"


def synthetic_actors(n: int, seed: int = 0) -> None:
    """Actors on the synthetic corpus, whose truth the generator knows: every pool person whose full
    name, and every country, city and agency whose name occurs in an article. Rough (string
    matching), but it shows what the five real articles cannot: recall on unseen names."""
    import collections
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    import corpus
    from common import make_project

    from dossier.extraction.lexicon import slugify
    from dossier.stages import Project, build

    persons = corpus.people(seed)
    kinds = {slugify(p.name): "person" for p in persons}
    names = {p.name: slugify(p.name) for p in persons}
    for country, capital in corpus.COUNTRIES:
        kinds[slugify(country)], kinds[slugify(capital)] = "country", "place"
        names[country], names[capital] = slugify(country), slugify(capital)
    for city in corpus.OTHER_CITIES:
        kinds[slugify(city)] = "place"
        names[city] = slugify(city)
    for agency in corpus.AGENCIES:
        name = agency.split(" ", 1)[1]
        kinds[slugify(name)] = "organization"
        names[agency] = slugify(name)
    with tempfile.TemporaryDirectory() as tmp:
        result = build(Project.at(make_project(Path(tmp) / "p", n, seed)), write_extractions=False)
    score = Score("actors")
    wrong_type: collections.Counter = collections.Counter()
    for source, ex in zip(result.sources, result.run.extractions):
        truth = {(ex.source, actor) for name, actor in names.items() if re.search(rf"(?<!\w){re.escape(name)}", source.body)}
        found = {(ex.source, m.actor) for m in ex.mentions}
        score.true_positives |= truth & found
        score.false_positives |= found - truth
        score.false_negatives |= truth - found
        wrong_type.update((m.actor, m.type) for m in ex.mentions if m.actor in kinds and kinds[m.actor] != m.type)
    print(table({"actors": score}))
    for label, items in (("false positives", score.false_positives), ("false negatives", score.false_negatives)):
        common = collections.Counter(actor for _, actor in items).most_common(20)
        print(f"{label} (actor, articles): {common}")
    print(f"wrong type (actor, type, mentions): {[(a, t, c) for (a, t), c in wrong_type.most_common(10)]}")
    quotes = [q for ex in result.run.extractions for q in ex.quotes]
    print(f"quotes without a resolved speaker: {sum(q.speaker is None for q in quotes)} of {len(quotes)}")


def build_unseen(folder: Path, unseen_dir: Path = UNSEEN_DIR):
    """The project's content/ (lexicon, known names) with the sources of `unseen_dir`/sources/
    (tests/unseen/ by default) instead of its own, built in `folder` without writing extractions:
    a BuildResult."""
    import shutil

    sys.path.insert(0, str(ROOT / "bench"))
    from common import make_project

    from dossier.stages import Project, build

    project = make_project(Path(folder) / "unseen", 0)
    for path in sorted((Path(unseen_dir) / "sources").glob("*.md")):
        shutil.copy(path, project / "content" / "sources" / path.name)
    return build(Project.at(project), write_extractions=False)


def main() -> None:
    import tempfile

    sys.path.insert(0, str(ROOT))
    if len(sys.argv) > 2 and sys.argv[1] == "--synthetic":
        synthetic_actors(int(sys.argv[2]))
        return
    from dossier.stages import Project, build

    # "--unseen [DIR]": DIR holds sources/ and gold/ like tests/unseen/ (a blind round kept outside
    # the repository until it has been scored)
    unseen = len(sys.argv) > 1 and sys.argv[1] == "--unseen"
    unseen_dir = Path(sys.argv[2]) if unseen and len(sys.argv) > 2 else UNSEEN_DIR
    with tempfile.TemporaryDirectory() as tmp:
        result = build_unseen(Path(tmp), unseen_dir) if unseen else build(Project.at(ROOT), write_extractions=False)
    gold_dir = unseen_dir / "gold" if unseen else GOLD_DIR
    result_scores = scores(result, gold_dir)
    print(table(result_scores))
    agree, differ = date_details(result, gold_dir)
    print(f"\nmatched dates that also agree on precision and end date: {agree}")
    for line in differ:
        print(f"  {line}")
    print()
    print(errors(result_scores))


if __name__ == "__main__":
    main()
