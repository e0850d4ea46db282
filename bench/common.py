"""Helpers shared by the benchmark scripts: throw-away projects with a synthetic corpus,
timing (wall and CPU), peak memory and Markdown tables."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402

EMPTY_CORRECTIONS = "# benchmark project: no corrections (they name events of the real corpus)\nevents: []\nadd_events: []\nclaims: []\nquotes: []\n"


def make_project(target: Path, n: int | None, seed: int = 0) -> Path:
    """A copy of the project (mkdocs.yml, templates/, content/ without its sources, schemas/)
    with n synthetic sources; n=None keeps the five real articles instead."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("templates", "schemas"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copytree(ROOT / "content", target / "content", ignore=None if n is None else _ignore_sources)
    if n is not None:
        # content/corrections.yml corrects events of the real articles; with other sources
        # those targets do not exist and the build would (rightly) stop.
        (target / "content" / "corrections.yml").write_text(EMPTY_CORRECTIONS, encoding="utf-8")
        corpus.write(target / "content" / "sources", n, seed)
    return target


def _ignore_sources(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if Path(folder).name == "sources" and name.endswith((".md", ".txt"))]


@dataclass
class Timing:
    wall: float = 0.0
    cpu: float = 0.0


def _cpu() -> float:
    """User+system seconds of this process and of its finished children (render workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def timed():
    """with timed() as t: ...  -> t.wall, t.cpu (user+system seconds, this process and the
    children it waited for)."""
    t = Timing()
    w0, c0 = time.perf_counter(), _cpu()
    try:
        yield t
    finally:
        t.wall = time.perf_counter() - w0
        t.cpu = _cpu() - c0


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Run:
    returncode: int
    wall: float
    cpu: float
    max_rss_mib: float
    stdout: str
    stderr: str
    timed_out: bool = False


def run_measured(args: list[str], cwd: Path, env: dict[str, str] | None = None, *,
                 timeout: float | None = None, preexec_fn=None) -> Run:
    """Run a command; wall time, CPU time (user+sys) and peak RSS via /usr/bin/time -v when
    present, else from getrusage(RUSAGE_CHILDREN) (then the peak is the largest child so far).
    After `timeout` seconds the command and its children are killed (timed_out=True; the output
    so far is kept)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    gnu_time = Path("/usr/bin/time").exists()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cmd = (["/usr/bin/time", "-v", *args] if gnu_time else args)
    # Own process group, so that on a timeout the command *and* its children are stopped.
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=preexec_fn, start_new_session=True)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        timed_out = True
    proc = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stderr = proc.stderr
    rss = after.ru_maxrss / 1024
    if gnu_time:
        lines = stderr.splitlines()
        for line in lines:
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1]) / 1024
        cut = next((i for i, line in enumerate(lines) if line.strip().startswith("Command being timed")), len(lines))
        stderr = "\n".join(lines[:cut])
    return Run(proc.returncode, wall, cpu, rss, proc.stdout, stderr, timed_out)


def words(text: str) -> int:
    return len(text.split())


def table(header: list[str], rows: list[list[object]]) -> str:
    """A Markdown table (pasted as is into bench/README.md)."""
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in cells]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        if value >= 1000:
            return f"{value:,.0f}".replace(",", " ")
        if value >= 100:
            return f"{value:.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    return str(value)


def machine() -> str:
    load = os.getloadavg()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {mem:.0f} GiB RAM, Python {platform.python_version()}, "
            f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}")
