"""Whole-build benchmark: extraction, MkDocs build, the plain-MkDocs floor, editorial rebuild.

    .venv/bin/python bench/build.py                  # N = 100 and 1000
    .venv/bin/python bench/build.py --n 100          # one size
    .venv/bin/python bench/build.py --big            # also N = 10000
    .venv/bin/python bench/build.py --profile 100    # cProfile one dossier build at N=100 (top 15)

For each N a temporary project is made (mkdocs.yml, templates/, schemas/, content/ with N
synthetic sources from bench/corpus.py instead of content/sources/*, no corrections) and:

1. extract   `python -m dossier.cli --root DIR extract` (fresh: everything is extracted)
2. build     `mkdocs build` of the dossier (extraction cached by step 1)
3. stages    in a fresh process: the stages of dossier.stages.build + render_site, timed one by
             one; the rendered pages are written to a plain docs folder for step 4
4. floor     plain `mkdocs build` of those same Markdown pages: same theme, extensions and nav,
             no dossier plugin
5. stages-edit  one actor description in content/actors.yml is changed (an editorial fix), then
             what `mkdocs build` runs of the dossier (render.rebuild.build_site, with the page
             cache and memo step 2 left) is timed in a fresh process; the re-extraction count
             must be 0. Then an alias is added and it is timed again (that takes the full build)
6. rebuild   `mkdocs build` of the dossier after one more description change (whole build)

Every subprocess runs under a time limit (--timeout, default 600 s; --stages-timeout for the two
stages steps) and an address-space limit
(--mem-limit-gib, default 14), so a build that scales badly is reported, not waited for.
Wall times depend on the machine's load (other work runs on it); CPU times (user+sys) less so.

Targets checked: 10x sources <= 11x time (extraction and build); dossier build <= 1.25x the floor
at N=1000; stages after an editorial fix < 2 s at N=1000; everything for N <= 1000 < 10 min.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Run, machine, make_project, peak_rss_mib, run_measured, table, timed  # noqa: E402

FLOOR_CONFIG = "mkdocs-floor.yml"
FLOOR_DOCS = "floor-docs"


# --- step 3: the dossier stages in-process (run as a subprocess of this script) -----------------

def stage_times(project_dir: Path, phase: str) -> dict:
    """phase "cold": time the stages one by one, write the floor docs.  phase "edit": change one
    actor description, then time the whole of what `mkdocs build` runs of the dossier
    (render.rebuild.build_site, a fresh process); then change an alias and time it again."""
    import dossier.extraction.pipeline  # noqa: F401  (import cost is not a stage)
    from dossier.assemble import assemble
    from dossier.render.cache import PageCache, templates_fingerprint
    from dossier.render.rebuild import build_site
    from dossier.render.site import generate
    from dossier.stages import BuildResult, Project, load_inputs
    from dossier.store import update_extractions

    project = Project.at(project_dir)
    workers = len(os.sched_getaffinity(0))
    if phase == "edit":
        # As the plugin does, with the page cache and memo the preceding `mkdocs build` left.
        out = {}
        for change, edit in (("description", change_editorial), ("alias", change_alias)):
            edit(project_dir)
            cache = PageCache(project_dir / ".cache" / "dossier" / "pages.index", templates_fingerprint(project.templates_dir))
            with timed() as t:
                made = build_site(project, cache, workers=workers)
            out[change] = {"times": {"site": {"wall": t.wall, "cpu": t.cpu}}, "full": made.full,
                           "extracted": made.extracted, "rendered": made.rendered, "pages": len(made.paths)}
        out["rss"] = peak_rss_mib()
        print(json.dumps(out), flush=True)
        return out
    times = {}
    with timed() as t:
        sources, editorial = load_inputs(project)
    times["load"] = t
    with timed() as t:
        run = update_extractions(sources, editorial, project.content_dir, project.extracted_dir, write=True)
    times["extraction cache"] = t
    with timed() as t:
        dossier = assemble(sources, run.extractions, editorial)
    times["assemble"] = t
    result = BuildResult(sources, editorial, run, dossier)
    # As the plugin does: pages written to a cache folder, rendered in one process per core,
    # here into a folder of its own (everything is rendered).
    cache = PageCache(project_dir / ".cache" / "dossier" / "bench-cold/pages.index", templates_fingerprint(project.templates_dir),
                      reuse=False)
    with timed() as t:
        paths = generate(result, project.templates_dir, cache, workers=workers)
    times["render"] = t
    pages = {path: cache.text(path) for path in paths}
    out = {"times": {k: {"wall": v.wall, "cpu": v.cpu} for k, v in times.items()},
           "extracted": run.extracted, "reused": run.reused, "rss": peak_rss_mib(),
           "actors": len(dossier.actors), "events": len(dossier.events), "claims": len(dossier.claims),
           "quotes": len(dossier.quotes), "pages": len(pages), "rendered": cache.misses,
           "page_mb": sum(len(v.encode()) for v in pages.values()) / 2**20,
           "largest": max(((k, len(v.encode()) / 2**20) for k, v in pages.items()), key=lambda kv: kv[1])}
    print(json.dumps(out), flush=True)  # before the floor is written: survives a timeout there
    write_floor(project_dir, pages)
    return out


def edit_actors(project_dir: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in content/actors.yml, as an editor would."""
    path = project_dir / "content" / "actors.yml"
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"bench/build.py: cannot find {old.strip()!r} in {path}")
    path.write_text(text.replace(old, new), encoding="utf-8")


KIM = "    description: Staats- und Parteichef Nordkoreas seit Ende 2011, Sohn von Kim Jong-il.\n"


def change_editorial(project_dir: Path) -> None:
    """An editor fixes one actor description (no extraction input changes)."""
    edit_actors(project_dir, KIM, KIM.replace("Sohn von", "ältester lebender Sohn von"))


def change_description_again(project_dir: Path) -> None:
    edit_actors(project_dir, "ältester lebender Sohn von", "ältester Sohn von")


def change_alias(project_dir: Path) -> None:
    """An editor adds an alias: actors are matched anew, so everything after extraction runs."""
    edit_actors(project_dir, "aliases: [Xi]", "aliases: [Xi, Staatschef Xi]")


def write_floor(project_dir: Path, pages: dict[str, str]) -> None:
    """The generated pages plus content/pages/ as a plain docs folder, and a mkdocs.yml with the
    same theme, extensions and nav but without the dossier plugin."""
    import shutil

    docs = project_dir / FLOOR_DOCS
    shutil.copytree(project_dir / "content" / "pages", docs)
    for rel, text in pages.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = (project_dir / "mkdocs.yml").read_text(encoding="utf-8")
    lines = []
    for line in config.splitlines():
        if line.strip() == "- dossier":
            continue
        if line.startswith("docs_dir:"):
            line = f"docs_dir: {FLOOR_DOCS}"
        if line.startswith("site_dir:"):
            line = "site_dir: site-floor"
        lines.append(line)
    (project_dir / FLOOR_CONFIG).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- orchestration ----------------------------------------------------------------------------------

def limited(args: list[str], cwd: Path, timeout: float, mem_gib: float) -> Run:
    """run_measured under a time and address-space limit."""

    def limit() -> None:
        cap = int(mem_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return run_measured(args, cwd, timeout=timeout, preexec_fn=limit)


def du_mib(folder: Path) -> float:
    if not folder.exists():
        return 0.0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


ALL_STEPS = ("extract", "build", "stages", "floor", "stages-edit", "rebuild")


def bench_size(n: int, seed: int, timeout: float, mem_gib: float, keep: Path | None,
               stages_timeout: float | None = None, steps: tuple[str, ...] = ALL_STEPS) -> dict:
    py = sys.executable
    out: dict = {"n": n}
    with tempfile.TemporaryDirectory(dir=keep) as tmp:
        project = make_project(Path(tmp) / "p", n, seed)
        out["words"] = sum(len(p.read_text(encoding="utf-8").split("---\n", 2)[2].split())
                           for p in (project / "content" / "sources").glob("*.md"))

        def step(name: str, args: list[str], cwd: Path = project, check: str | None = None,
                 limit: float = timeout) -> Run | None:
            if name not in steps:
                out[name] = "skipped"
                return None
            print(f"  N={n}: {name} ...", end="", flush=True, file=sys.stderr)
            run = limited(args, cwd, limit, mem_gib)
            if run.timed_out:
                print(f" stopped after {limit:.0f} s", file=sys.stderr)
            else:
                print(f" {run.wall:.1f} s (exit {run.returncode})", file=sys.stderr)
                if run.returncode:
                    tail = "\n".join(run.stderr.splitlines()[-8:])
                    print(f"    failed:\n{tail}", file=sys.stderr)
            out[name] = None if run.timed_out else {"wall": run.wall, "cpu": run.cpu, "rss": run.max_rss_mib,
                                                    "ok": run.returncode == 0}
            if not run.timed_out and check:
                out[name]["log"] = next((line.split("-", 1)[1].strip() for line in run.stderr.splitlines() if check in line and "-" in line), None)
            return run

        step("extract", [py, "-m", "dossier.cli", "--root", str(project), "extract"])
        build = step("build", [py, "-m", "mkdocs", "build"], check="dossier:")
        out["site_mib"] = du_mib(project / "site")
        out["site_files"] = sum(1 for p in (project / "site").rglob("*") if p.is_file()) if (project / "site").exists() else 0
        stage_limit = stages_timeout or timeout
        cold = step("stages", [py, __file__, "--stages", "cold", str(project)], limit=stage_limit)
        if (project / FLOOR_CONFIG).exists() or "floor" not in steps:
            step("floor", [py, "-m", "mkdocs", "build", "-f", FLOOR_CONFIG])
        else:
            out["floor"] = None
        edit = step("stages-edit", [py, __file__, "--stages", "edit", str(project)], limit=stage_limit)
        out["stage_detail"] = {
            "cold": _last_json(cold), "edit": _last_json(edit),
        }
        if build is None or build.timed_out or edit is None:  # the rebuild undoes the edit step's change
            out["rebuild"] = "skipped"
        else:
            change_description_again(project)  # what stages-edit built is the last build now
            step("rebuild", [py, "-m", "mkdocs", "build"], check="dossier:")
    return out


def _last_json(run: Run | None) -> dict | None:
    """The JSON line a stages step printed (also when it was stopped later, writing the floor)."""
    if run is None:
        return None
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def seconds(entry: dict | None | str, key: str = "wall") -> str:
    if entry is None:
        return "timeout"
    if isinstance(entry, str):
        return entry
    return f"{entry[key]:.1f}" + ("" if entry.get("ok", True) else " (failed)")


def report(results: list[dict], timeout: float) -> None:
    rows = []
    for r in results:
        d = r.get("stage_detail") or {}
        cold, edit = d.get("cold"), d.get("edit")
        build, floor = r.get("build"), r.get("floor")
        overhead = (f"{(build['wall'] / floor['wall'] - 1):+.0%} / {(build['cpu'] / floor['cpu'] - 1):+.0%}"
                    if isinstance(build, dict) and isinstance(floor, dict) else "n/a")
        rss = [v["rss"] for v in (r.get(k) for k in ("build", "rebuild", "extract", "floor")) if isinstance(v, dict)]
        rss += [s["rss"] for s in (cold, edit) if s]
        fix = edit["description"] if edit else None
        rows.append([
            r["n"], r["words"], f"{seconds(r['extract'])} / {seconds(r['extract'], 'cpu')}",
            f"{seconds(build)} / {seconds(build, 'cpu')}", f"{seconds(floor)} / {seconds(floor, 'cpu')}", overhead,
            stage_total(cold, r.get("stages")), stage_total(fix, r.get("stages-edit")),
            f"{fix['extracted']} / {fix['rendered']} of {fix['pages']}" if fix else "n/a",
            stage_total(edit["alias"] if edit else None, r.get("stages-edit")),
            f"{seconds(r.get('rebuild'))} / {seconds(r.get('rebuild'), 'cpu')}",
            f"{max(rss, default=0):.0f}", f"{r['site_mib']:.0f} MiB, {r['site_files']} files",
        ])
    print(table(["N", "words", "extract s wall/CPU", "mkdocs build s wall/CPU", "floor s wall/CPU",
                 "overhead wall/CPU", "stages s wall/CPU", "stages after a description fix s",
                 "after it: re-extracted / pages rendered", "stages after an alias s",
                 "rebuild s wall/CPU",
                 "peak RSS MiB", "site"], rows))
    print(f"(timeout = stopped after {timeout:.0f} s or the --stages-timeout; n/a = not measurable)")
    print()
    srows = []
    for r in results:
        d = r.get("stage_detail") or {}
        if d.get("cold"):
            times = d["cold"]["times"]
            srows.append([r["n"]] + [f"{times[k]['wall']:.2f} / {times[k]['cpu']:.2f}" for k in ("load", "extraction cache", "assemble", "render")])
    if srows:
        print(table(["N", "load", "extraction cache (read)", "assemble", "render"], srows))
        print()
    for r in results:
        d = (r.get("stage_detail") or {}).get("cold")
        if d:
            name, size = d["largest"]
            print(f"N={r['n']}: {d['actors']} actors, {d['events']} events, {d['claims']} claims, {d['quotes']} quotes;"
                  f" {d['pages']} generated files, {d['page_mb']:.0f} MiB Markdown/JSON, largest {name} {size:.1f} MiB;"
                  f" stages process peak RSS {d['rss']:.0f} MiB")
    print()


def stage_total(stage: dict | None, step: object = None) -> str:
    if not stage:
        return "skipped" if step == "skipped" else "timeout"
    t = stage["times"]
    return f"{sum(v['wall'] for v in t.values()):.1f} / {sum(v['cpu'] for v in t.values()):.1f}"


def targets(results: list[dict], total_wall: float, timeout: float) -> None:
    by_n = {r["n"]: r for r in results}
    lines = []
    if 100 in by_n and 1000 in by_n:
        for step in ("extract", "build"):
            a, b = by_n[100].get(step), by_n[1000].get(step)
            if isinstance(a, dict) and isinstance(b, dict):
                ratio_w, ratio_c = b["wall"] / a["wall"], b["cpu"] / a["cpu"]
                ok = ratio_c <= 11
                lines.append(f"10x sources <= 11x time ({step}): {ratio_w:.1f}x wall, {ratio_c:.1f}x CPU -> {'met' if ok else 'MISSED'}")
            elif isinstance(a, dict):
                lines.append(f"10x sources <= 11x time ({step}): N=1000 stopped unfinished after {timeout:.0f} s "
                             f"(> {timeout / a['wall']:.0f}x N=100's {a['wall']:.1f} s) -> MISSED")
        a = (by_n[100].get("stage_detail") or {}).get("cold")
        b = (by_n[1000].get("stage_detail") or {}).get("cold")
        if a and b:
            ta = sum(v["cpu"] for v in a["times"].values())
            tb = sum(v["cpu"] for v in b["times"].values())
            lines.append(f"10x sources <= 11x time (dossier stages): {tb / ta:.1f}x CPU -> {'met' if tb / ta <= 11 else 'MISSED'}")
    if 1000 in by_n:
        r = by_n[1000]
        build, floor = r.get("build"), r.get("floor")
        if isinstance(build, dict) and isinstance(floor, dict):
            over = build["cpu"] / floor["cpu"] - 1
            lines.append(f"dossier overhead over the floor <= 25% at N=1000: {over:+.0%} CPU "
                         f"({build['wall'] / floor['wall'] - 1:+.0%} wall) -> {'met' if over <= 0.25 else 'MISSED'}")
        else:
            lines.append(f"dossier overhead over the floor <= 25% at N=1000: build {seconds(build)}, floor {seconds(floor)}"
                         " -> MISSED (neither build finished)" if not isinstance(floor, dict) else
                         f"dossier overhead over the floor <= 25% at N=1000: build {seconds(build)}, floor {seconds(floor)} s -> MISSED")
        edit = (r.get("stage_detail") or {}).get("edit")
        if edit:
            fix = edit["description"]
            total = sum(v["wall"] for v in fix["times"].values())
            lines.append(f"stages after an editorial fix (a description) < 2 s at N=1000: {total:.1f} s "
                         f"({'full build' if fix['full'] else 'texts bound into the last build'}; re-extracted "
                         f"{fix['extracted']}, pages rendered {fix['rendered']} of {fix['pages']}) -> {'met' if total < 2 else 'MISSED'}")
        elif r.get("stages-edit") == "skipped":
            lines.append("stages after an editorial fix < 2 s at N=1000: not run (--steps)")
        else:
            lines.append("stages after an editorial fix < 2 s at N=1000: did not finish within the time limit -> MISSED")
    small = [r for r in results if r["n"] <= 1000]
    stopped = any(r.get(step) is None for r in small for step in ALL_STEPS)
    failed = any(isinstance(r.get(step), dict) and not r[step]["ok"] for r in small for step in ALL_STEPS)
    lines.append(f"everything for N <= 1000 in < 10 min: {total_wall / 60:.1f} min"
                 f"{' (with steps stopped at their time limit)' if stopped else ''}{' (with failed steps)' if failed else ''}"
                 f" -> {'met' if total_wall < 600 and not stopped and not failed else 'MISSED'}")
    print("\n".join(lines))


def profile(n: int, seed: int, timeout: float, mem_gib: float) -> None:
    """cProfile one `mkdocs build` of the dossier (extraction cached first): top 15 cumulative
    (without the runpy/click wrappers) and top 15 by own time."""
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p", n, seed)
        limited([py, "-m", "dossier.cli", "--root", str(project), "extract"], project, timeout, mem_gib)
        prof = Path(tmp) / "build.prof"
        run = limited([py, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build"], project, timeout * 3, mem_gib)
        if run.timed_out or not prof.exists():
            print(f"profiled build did not finish in {timeout * 3:.0f} s")
            return
        print(f"cProfile of `mkdocs build`, N={n}: {run.wall:.1f} s wall under the profiler")
        stats = pstats.Stats(str(prof))
        # The first ~12 cumulative entries are runpy/click/mkdocs wrappers: skip them.
        stats.sort_stats("cumulative").print_stats(r"(?<!click)/(?!click|runpy|__main__)[\w]+\.py:\d+\((?!invoke|main|__call__|run_module|_run_code|build_command|<module>)", 15)
        stats.sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="corpus size (repeatable); default 100 and 1000")
    parser.add_argument("--big", action="store_true", help="also N=10000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per subprocess (default 600)")
    parser.add_argument("--stages-timeout", type=float, help="seconds for each in-process stages step (default --timeout)")
    parser.add_argument("--mem-limit-gib", type=float, default=14, help="address-space limit per subprocess")
    parser.add_argument("--profile", type=int, metavar="N", help="only profile one dossier build with N sources")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--steps", default=",".join(ALL_STEPS),
                        help=f"comma-separated subset of {','.join(ALL_STEPS)} (e.g. extract,build for N=10000)")
    parser.add_argument("--stages", nargs=2, metavar=("PHASE", "DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--from-json", type=Path, nargs="+", help="print the report of earlier --json runs")
    args = parser.parse_args()
    if args.stages:
        stage_times(Path(args.stages[1]), args.stages[0])
        return
    if args.from_json:
        results = [r for path in args.from_json for r in json.loads(path.read_text(encoding="utf-8"))]
        results.sort(key=lambda r: r["n"])
        report(results, args.timeout)
        targets(results, sum(r["seconds"] for r in results if r["n"] <= 1000), args.timeout)
        return
    if args.profile:
        profile(args.profile, args.seed, args.timeout, args.mem_limit_gib)
        return
    sizes = args.n or [100, 1000]
    if args.big:
        sizes.append(10000)
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}; limits per subprocess: {args.timeout:.0f} s, {args.mem_limit_gib:.0f} GiB")
    results = []
    start = time.perf_counter()
    small_total = 0.0
    for n in sizes:
        t0 = time.perf_counter()
        steps = tuple(step for step in args.steps.split(",") if step)
        unknown = set(steps) - set(ALL_STEPS)
        if unknown:
            parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
        results.append(bench_size(n, args.seed, args.timeout, args.mem_limit_gib, None, args.stages_timeout, steps))
        results[-1]["seconds"] = time.perf_counter() - t0
        if n <= 1000:
            small_total += results[-1]["seconds"]
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print()
    report(results, args.timeout)
    targets(results, small_total, args.timeout)
    print(f"\nwhole benchmark: {(time.perf_counter() - start) / 60:.1f} min; machine at the end: {machine()}")


if __name__ == "__main__":
    main()
