"""Extraction throughput, against a bare spaCy baseline, plus the extraction cache.

    .venv/bin/python bench/extraction.py            # real articles x20 and N=1000 synthetic
    .venv/bin/python bench/extraction.py --n 300    # smaller synthetic corpus
    .venv/bin/python bench/extraction.py --hanta    # also HanTa POS tagging on the real articles
    .venv/bin/python bench/extraction.py --repeat 9 # best of 9 runs per measurement (default 5)

Each measurement runs in its own subprocess, so "peak RSS" is that measurement's own peak
(ru_maxrss), not the maximum over everything before it. Inside it, the full pipeline and the
baseline each run over their corpus --repeat times (default 5) and the best run counts (the
lowest wall and the lowest CPU time, each on its own): one short run (0.6 s for the real
articles) is too noisy, and both sides get the same warm-up (spaCy's tokenizer cache included).

full      = dossier's pipeline (build_nlp + extract: sentences, actors, dates, quantities, quotes,
            and turning the Doc into a SourceExtraction record; lemmas come from the lookup
            lemmatizer's table, read only for the words that need one)
baseline  = spacy.blank("de") + sentencizer + lemmatizer (lookup, initialized), nlp.pipe
ratio     = full speed / baseline speed
cache     = dossier.store.update_extractions on a temporary project: run 1 extracts everything,
            run 2 must reuse everything, run 3 after changing one source must extract exactly 1.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Timing, make_project, machine, peak_rss_mib, table, timed, words  # noqa: E402

REAL_REPEAT = 20  # 5 real articles x 20 = 100 documents


# --- measurements (each runs in a fresh process) ------------------------------------------------

def _sources(corpus_name: str, n: int, seed: int, tmp: Path):
    from dossier.stages import Project, load_inputs

    if corpus_name == "real":
        sources, editorial = load_inputs(Project.at(ROOT))
        return sources * REAL_REPEAT, editorial, Project.at(ROOT)
    project = Project.at(make_project(tmp / "p", n, seed))
    sources, editorial = load_inputs(project)
    return sources, editorial, project


def best_of(repeat: int, run: Callable[[], object]) -> tuple[Timing, object]:
    """Run ``run`` ``repeat`` times: the lowest wall and the lowest CPU time, and the last result."""
    best = Timing(float("inf"), float("inf"))
    result = None
    for _ in range(max(1, repeat)):
        result = None  # free the last run's output first (peak RSS: one run's worth)
        with timed() as t:
            result = run()
        best = Timing(min(best.wall, t.wall), min(best.cpu, t.cpu))
    return best, result


def measure_full(corpus_name: str, n: int, seed: int, repeat: int) -> dict:
    from dossier.extraction.lexicon import build_lexicon, load_events
    from dossier.extraction.pipeline import build_nlp, extract, pipeline_version

    with tempfile.TemporaryDirectory() as tmp:
        sources, editorial, project = _sources(corpus_name, n, seed, Path(tmp))
        with timed() as setup:
            lexicon = build_lexicon(editorial, load_events(project.content_dir))
            nlp = build_nlp(lexicon, editorial.settings.pipeline)
            version = pipeline_version(lexicon, editorial.settings.pipeline)
        run, out = best_of(repeat, lambda: list(extract(sources, nlp, version, lexicon)))
        counts = {
            "mentions": sum(len(x.mentions) for x in out), "dates": sum(len(x.dates) for x in out),
            "quantities": sum(len(x.quantities) for x in out), "quotes": sum(len(x.quotes) for x in out),
            "events": sum(len(x.events) for x in out), "actors": len({m.actor for x in out for m in x.mentions}),
        }
    return {"docs": len(sources), "words": sum(words(s.body) for s in sources), "setup": setup.wall,
            "wall": run.wall, "cpu": run.cpu, "rss": peak_rss_mib(), **counts}


def measure_baseline(corpus_name: str, n: int, seed: int, repeat: int) -> dict:
    import spacy

    with tempfile.TemporaryDirectory() as tmp:
        sources, _, _ = _sources(corpus_name, n, seed, Path(tmp))
        texts = [s.body for s in sources]
        with timed() as setup:
            nlp = spacy.blank("de")
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
            nlp.initialize()
        run, tokens = best_of(repeat, lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=32)))
    return {"docs": len(texts), "words": sum(words(t) for t in texts), "tokens": tokens, "setup": setup.wall,
            "wall": run.wall, "cpu": run.cpu, "rss": peak_rss_mib()}


def measure_cache(corpus_name: str, n: int, seed: int, repeat: int) -> dict:
    from dossier.stages import Project, load_inputs
    from dossier.store import update_extractions

    with tempfile.TemporaryDirectory() as tmp:
        project = Project.at(make_project(Path(tmp) / "p", n, seed))
        runs = []
        for step in ("first", "second", "one changed"):
            if step == "one changed":
                path = sorted((project.content_dir / "sources").glob("*.md"))[n // 2]
                path.write_text(path.read_text(encoding="utf-8") + "\nEin zusätzlicher Satz am Ende.\n", encoding="utf-8")
            with timed() as t:
                sources, editorial = load_inputs(project)
                run = update_extractions(sources, editorial, project.content_dir, project.extracted_dir,
                                         write=True, progress=lambda done, total: None)
            runs.append({"step": step, "total": len(sources), "reused": run.reused, "extracted": run.extracted,
                         "wall": t.wall, "cpu": t.cpu})
    return {"runs": runs, "rss": peak_rss_mib()}


def measure_hanta(corpus_name: str, n: int, seed: int, repeat: int) -> dict:
    try:
        from HanTa import HanoverTagger as ht
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "HanTa"], check=True)
        from HanTa import HanoverTagger as ht
    import spacy

    from dossier.stages import Project, load_inputs

    sources, _ = load_inputs(Project.at(ROOT))
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    sentences = [[t.text for t in sent if not t.is_space] for doc in nlp.pipe(s.body for s in sources) for sent in doc.sents]
    with timed() as setup:
        tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    with timed() as run:
        for tokens in sentences:
            tagger.tag_sent(tokens, taglevel=1)
    return {"docs": len(sources), "words": sum(words(s.body) for s in sources), "setup": setup.wall,
            "wall": run.wall, "cpu": run.cpu, "rss": peak_rss_mib()}


MEASURES = {"full": measure_full, "baseline": measure_baseline, "cache": measure_cache, "hanta": measure_hanta}


def subprocess_measure(name: str, corpus_name: str, n: int, seed: int, repeat: int = 1) -> dict:
    args = [sys.executable, __file__, "--measure", name, "--corpus", corpus_name, "--n", str(n), "--seed", str(seed),
            "--repeat", str(repeat)]
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        sys.exit(f"{name}/{corpus_name} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- report --------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hanta", action="store_true", help="also measure HanTa POS tagging on the five real articles")
    parser.add_argument("--repeat", type=int, default=5, help="runs per full/baseline measurement, the best counts (default 5)")
    parser.add_argument("--measure", choices=sorted(MEASURES), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default="real", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(MEASURES[args.measure](args.corpus, args.n, args.seed, args.repeat)))
        return

    print(f"machine: {machine()}")
    print(f"full and baseline: best of {args.repeat} runs each (wall and CPU separately)")
    rows = []
    results = {}
    for corpus_name, label in (("real", f"real articles x{REAL_REPEAT}"), ("synth", f"synthetic N={args.n}")):
        full = subprocess_measure("full", corpus_name, args.n, args.seed, args.repeat)
        base = subprocess_measure("baseline", corpus_name, args.n, args.seed, args.repeat)
        results[corpus_name] = (full, base)
        full_speed, base_speed = full["words"] / full["wall"], base["words"] / base["wall"]
        full_cpu_speed, base_cpu_speed = full["words"] / full["cpu"], base["words"] / base["cpu"]
        rows.append([label, full["docs"], full["words"], full_speed, full_cpu_speed, base_speed, base_cpu_speed,
                     f"{full_cpu_speed / base_cpu_speed:.2f}", f"{full['wall']:.2f} s", full["setup"],
                     f"{full['rss']:.0f} / {base['rss']:.0f}"])
    print()
    print(table(["corpus", "docs", "words", "full w/s", "full w/s (CPU)", "baseline w/s", "baseline w/s (CPU)",
                 "ratio (CPU)", "full time (best)", "setup s", "peak RSS MiB full / base"], rows))
    full, _ = results["synth"]
    per_1000 = full["wall"] / full["docs"] * 1000
    print(f"\nfull pipeline, 1000 articles: {per_1000:.1f} s wall ({full['cpu'] / full['docs'] * 1000:.1f} s CPU)"
          f" + {full['setup']:.1f} s setup; found {full['actors']} distinct actors, {full['mentions']} mentions, "
          f"{full['dates']} dates, {full['quantities']} numbers, {full['quotes']} quotes, {full['events']} event candidates")

    cache = subprocess_measure("cache", "synth", args.n, args.seed)
    print()
    crow = []
    for r in cache["runs"]:
        crow.append([r["step"], r["total"], r["extracted"], r["reused"], f"{r['reused'] / r['total']:.1%}",
                     r["wall"], r["cpu"]])
    print(table(["update_extractions run", "sources", "extracted", "reused", "hit rate", "wall s", "CPU s"], crow))
    second, third = cache["runs"][1], cache["runs"][2]
    ok = second["reused"] == second["total"] and third["extracted"] == 1
    print(f"cache: second run reused {second['reused']}/{second['total']}, after changing one source "
          f"{third['extracted']} extracted -> {'OK' if ok else 'FAIL'}; peak RSS {cache['rss']:.0f} MiB")

    if args.hanta:
        hanta = subprocess_measure("hanta", "real", args.n, args.seed)
        real_full, _ = results["real"]
        print()
        print(table(["five real articles", "words", "w/s (wall)", "w/s (CPU)", "load s", "peak RSS MiB"], [
            ["HanTa tag_sent (POS only)", hanta["words"], hanta["words"] / hanta["wall"], hanta["words"] / hanta["cpu"],
             hanta["setup"], hanta["rss"]],
            ["dossier full pipeline", real_full["words"], real_full["words"] / real_full["wall"],
             real_full["words"] / real_full["cpu"], real_full["setup"], real_full["rss"]],
        ]))
        print(f"HanTa alone is {real_full['words'] / real_full['cpu'] / (hanta['words'] / hanta['cpu']):.0f}x slower "
              "(CPU) than the whole dossier pipeline")
    print(f"\nmachine at the end: {machine()}")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
