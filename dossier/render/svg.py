"""Build-time SVG figures for dossier pages (pure standard library).

Two pictures are produced as inline ``<svg>`` strings that are embedded into
the generated Markdown pages:

* :func:`network_svg` -- co-occurrence network of actors.
* :func:`timestrip_svg` -- compact horizontal time strip of events.

Design rules shared by both:

* **Deterministic.** No randomness, no clock, no dict-order dependence on
  anything but the input; all coordinates are rounded to one decimal.  The
  same input always yields byte-identical output.
* **Markdown-safe.** One element per line, no indentation, no blank lines,
  no newlines inside text.  Text nodes additionally encode the characters
  Markdown treats as inline markup (``* _ ` [ ] \\``) as numeric character
  references, so a figure survives even when someone pastes it into a
  paragraph.  Note that Python-Markdown does *not* treat ``<svg>`` as a
  block-level tag: wrap the figure in a block element (``<figure>`` or
  ``<div>``) -- :func:`figure_html` does that -- so its contents are left alone.
* **Escaped.** Every piece of caller text goes through XML escaping; links
  are restricted to relative URLs / fragments (see :func:`safe_href`).
  Labels containing right-to-left or bidi-control characters are wrapped in
  Unicode isolates (FSI ... PDI) so they cannot reorder surrounding text.
* **Themeable.** No colours are hard-coded: everything is styled through CSS
  classes (``templates/assets/dossier-svg.css``) that use MkDocs Material's
  custom properties, so the pictures work in the light ("default") and dark
  ("slate") schemes.  Presentation-attribute fallbacks use ``currentColor``.
* **Accessible.** ``role="img"`` with ``aria-labelledby`` pointing to a
  ``<title>`` and a ``<desc>`` that summarises the data in German.  IDs are
  prefixed with a short hash of title and data, so several figures can live
  on one page.

Layout choices
--------------

Network
    With ``center``: the centre actor sits exactly in the middle of the plot
    area; the others sit on one ring (up to 10 actors) or two rings (inner
    ring = the strongest links to the centre), ordered clockwise from 12
    o'clock by edge weight to the centre, then label.  Without ``center``: a
    Fruchterman-Reingold force layout with a fixed iteration count, started
    from a circle ordered by (-weight, id).  In both cases the unit layout is
    scaled into the view box taking the (estimated) label extents into
    account, then a fixed number of overlap-removal passes nudges node+label
    boxes apart.  A legend of the actor kinds present sits at the bottom.

Time strip
    A monotone, piecewise-linear *compressed* axis: every distinct start/end
    date of an item becomes a breakpoint and the gap between two consecutive
    breakpoints gets a width of ``1.5 + ln(1 + days)``.  Thus 2000 and 2025
    are both on the strip, a year of nothing costs barely more than a month,
    and one-day differences (2025-09-02 vs 2025-09-03) stay distinguishable.
    Gaps longer than two years are marked with an axis break (//).  The
    domain is padded to whole years (1 Jan of the first year .. 1 Jan after
    the last year).  Markers: day precision = dot, month = short bar spanning
    the month, year = thinner bar spanning the year, explicit ranges =
    rounded bar; announced events are hollow.  Overlapping markers are
    stacked in lanes above the axis.  Tick labels: years (row 2) and German
    month abbreviations / day dates (row 1) wherever they fit.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import functools
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

__all__ = [
    "Node",
    "Edge",
    "StripItem",
    "network_svg",
    "timestrip_svg",
    "figure_html",
    "safe_href",
]


# --------------------------------------------------------------------------
# data classes
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str  # person | organization | country | place
    weight: int
    href: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int


@dataclass(frozen=True)
class StripItem:
    id: str
    label: str
    start: str  # 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'
    end: str | None
    precision: str  # 'day' | 'month' | 'year'
    announced: bool
    href: str | None = None


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MD_SPECIAL = {"*": "&#42;", "_": "&#95;", "`": "&#96;", "[": "&#91;", "]": "&#93;", "\\": "&#92;"}
_MD_SPECIAL_TABLE = str.maketrans(_MD_SPECIAL)
_BIDI_CLASSES = frozenset(
    {"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}
)

GERMAN_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
GERMAN_MONTHS_SHORT = (
    "Jan", "Feb", "Mär", "Apr", "Mai", "Jun",
    "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
)

KIND_LABELS = {
    "person": "Person",
    "organization": "Organisation",
    "country": "Land",
    "place": "Ort",
    "other": "Sonstige",
}
_KIND_ORDER = ("person", "organization", "country", "place", "other")


def _clean(value: object) -> str:
    """Drop XML-invalid characters and collapse all whitespace to single spaces."""
    text = _INVALID_XML.sub("", str(value if value is not None else ""))
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 16)  # labels recur on many profiles
def _isolate(text: str) -> str:
    """Wrap text in FSI/PDI if it contains RTL or bidi-control characters."""
    if any(unicodedata.bidirectional(c) in _BIDI_CLASSES for c in text):
        return "\u2068" + text + "\u2069"
    return text


def _esc_text(text: str) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.translate(_MD_SPECIAL_TABLE)


def _esc_attr(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _num(value: float) -> str:
    """Coordinate formatting: one decimal, no '-0', no trailing '.0'."""
    s = f"{value:.1f}"
    if s == "-0.0":
        s = "0.0"
    if s.endswith(".0"):
        s = s[:-2]
    return s


def _de_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _plural(n: int, one: str, many: str) -> str:
    return f"{_de_int(n)} {one if n == 1 else many}"


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


@functools.lru_cache(maxsize=1 << 16)
def _text_width(text: str, size: float) -> float:
    """Rough advance width of ``text`` in a sans-serif font at ``size``."""
    w = 0.0
    for c in text:
        if unicodedata.combining(c) or c in "\u2068\u2069":
            continue
        if unicodedata.east_asian_width(c) in ("W", "F"):
            w += 1.0
        elif c in "iljfrtI.,:;|!'()[] ":
            w += 0.32
        elif c in "mwMW":
            w += 0.85
        elif c.isupper() or c.isdigit():
            w += 0.64
        else:
            w += 0.55
    return w * size


_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_CTRL_RE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def safe_href(href: str | None) -> str | None:
    """Return ``href`` if it is a relative URL or a fragment, else ``None``.

    Anything with a scheme (``javascript:``, ``data:``, ``https:`` ...) and
    protocol-relative URLs (``//host``, ``\\\\host``) are rejected.  Browsers
    ignore ASCII whitespace/control characters inside a scheme, so the check
    runs on a copy with those removed.
    """
    if href is None:
        return None
    text = _INVALID_XML.sub("", str(href)).strip()
    if not text:
        return None
    probe = _CTRL_RE.sub("", text)
    if not probe or _SCHEME_RE.match(probe):
        return None
    if re.match(r"^[/\\]{2}", probe) or probe.startswith("\\"):
        return None
    head = re.split(r"[/?#]", probe, maxsplit=1)[0]
    if ":" in head:
        return None
    return re.sub(r"[\x00-\x1f\x7f]", "", text)


def _prefix(kind: str, title: str, payload: str) -> str:
    digest = hashlib.blake2s(f"{kind}\0{title}\0{payload}".encode("utf-8"), digest_size=4)
    return f"dsv{kind[0]}-{digest.hexdigest()}"


def _svg_open(prefix: str, css: str, width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dossier-svg {css}" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" style="max-width:100%;height:auto" '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc">'
    )


def _head(prefix: str, title: str, desc: str) -> list[str]:
    return [
        f'<title id="{prefix}-title">{_esc_text(title)}</title>',
        f'<desc id="{prefix}-desc">{_esc_text(desc)}</desc>',
    ]


def _finish(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line.strip())


def _empty_svg(kind: str, css: str, title: str, width: int) -> str:
    height = 48
    prefix = _prefix(kind, title, "empty")
    lines = [_svg_open(prefix, css + " dossier-svg--empty", width, height)]
    lines += _head(prefix, title, "Keine Daten")
    lines.append(
        f'<text class="dossier-empty" x="{_num(width / 2)}" y="29" text-anchor="middle" '
        f'font-size="14" fill="currentColor">Keine Daten</text>'
    )
    lines.append("</svg>")
    return _finish(lines)


def figure_html(svg: str, caption: str | None = None, *, css_class: str = "dossier-figure") -> str:
    """Wrap an SVG in a ``<figure>`` so Python-Markdown treats it as a raw HTML block."""
    lines = [f'<figure class="{_esc_attr(_clean(css_class))}">', svg]
    cap = _clean(caption) if caption else ""
    if cap:
        lines.append(f"<figcaption>{_esc_text(_isolate(cap))}</figcaption>")
    lines.append("</figure>")
    return _finish(lines)


def _int(value: object) -> int:
    try:
        return max(0, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


# --------------------------------------------------------------------------
# network
# --------------------------------------------------------------------------

_NET_FONT = 14.0
_NET_LABEL_CHARS = 24
_NET_PAD = 8.0
_LEGEND_H = 26.0
_R_MIN = 5.0
_R_MAX = 22.0


def _kind_slug(kind: str) -> str:
    k = re.sub(r"[^a-z0-9-]", "", str(kind or "").lower())
    return k if k in KIND_LABELS else "other"


def _label_box(mode: str, r: float, tw: float, f: float) -> tuple[str, float, float, float, float, float, float]:
    """(anchor, dx, dy, left, right, top, bottom) of node circle + label around the node centre."""
    if mode == "below":
        half = max(r, tw / 2)
        return "middle", 0.0, r + 2 + 0.8 * f, half, half, r, r + 2 + 1.05 * f
    if mode == "above":
        half = max(r, tw / 2)
        return "middle", 0.0, -(r + 3 + 0.25 * f), half, half, r + 3 + 1.05 * f, r
    if mode == "right":
        return "start", r + 4, 0.35 * f, r, r + 4 + tw, max(r, 0.65 * f), max(r, 0.45 * f)
    # left
    return "end", -(r + 4), 0.35 * f, r + 4 + tw, r, max(r, 0.65 * f), max(r, 0.45 * f)


def _ring_mode(angle: float) -> str:
    dx, dy = math.cos(angle), math.sin(angle)
    if abs(dx) < 0.4:
        return "below" if dy > 0 else "above"
    return "right" if dx > 0 else "left"


def _force_layout(n: int, links: list[tuple[int, int, float]], iterations: int = 240) -> list[tuple[float, float]]:
    """Fruchterman-Reingold in the unit square, deterministic."""
    if n == 1:
        return [(0.0, 0.0)]
    xs = [math.cos(2 * math.pi * i / n - math.pi / 2) for i in range(n)]
    ys = [math.sin(2 * math.pi * i / n - math.pi / 2) for i in range(n)]
    k = math.sqrt(4.0 / n)
    t0 = 0.25
    for it in range(iterations):
        fx = [0.0] * n
        fy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                dx = xi - xs[j]
                dy = yi - ys[j]
                d2 = dx * dx + dy * dy
                if d2 < 1e-12:
                    ang = (i * 7 + j * 13) % 360 * math.pi / 180
                    dx, dy, d2 = 1e-3 * math.cos(ang), 1e-3 * math.sin(ang), 1e-6
                d = math.sqrt(d2)
                f = k * k / d
                ux, uy = dx / d * f, dy / d * f
                fx[i] += ux
                fy[i] += uy
                fx[j] -= ux
                fy[j] -= uy
        for i, j, w in links:
            dx = xs[i] - xs[j]
            dy = ys[i] - ys[j]
            d = math.sqrt(dx * dx + dy * dy)
            if d < 1e-9:
                continue
            f = d * d / k * w
            ux, uy = dx / d * f, dy / d * f
            fx[i] -= ux
            fy[i] -= uy
            fx[j] += ux
            fy[j] += uy
        # gravity keeps disconnected parts on screen
        for i in range(n):
            fx[i] -= 0.6 * k * xs[i]
            fy[i] -= 0.6 * k * ys[i]
        t = t0 * (1 - it / iterations) + 0.002
        for i in range(n):
            m = math.sqrt(fx[i] * fx[i] + fy[i] * fy[i])
            if m > 1e-12:
                s = min(m, t) / m
                xs[i] += fx[i] * s
                ys[i] += fy[i] * s
    cx = sum(xs) / n
    cy = sum(ys) / n
    return [(x - cx, y - cy) for x, y in zip(xs, ys)]


def _fit_axis(
    us: list[float],
    lo_ext: list[float],
    hi_ext: list[float],
    lo: float,
    hi: float,
    origin: float | None,
) -> float:
    """Largest scale s so that u*s+o-lo_ext >= lo and u*s+o+hi_ext <= hi for all nodes."""
    avail = hi - lo
    if origin is not None:
        s = math.inf
        for u, a, b in zip(us, lo_ext, hi_ext):
            if u > 1e-9:
                s = min(s, (hi - b - origin) / u)
            elif u < -1e-9:
                s = min(s, (origin - a - lo) / (-u))
        if s == math.inf:
            return 1.0
        return max(s, avail * 0.08)
    umin, umax = min(us), max(us)
    if umax - umin < 1e-9:
        return 1.0

    def spread(s: float) -> float:
        return max(u * s + b for u, b in zip(us, hi_ext)) - min(u * s - a for u, a in zip(us, lo_ext))

    top = avail / (umax - umin)
    if spread(top) <= avail:
        return top
    low, high = 0.0, top
    for _ in range(50):
        mid = (low + high) / 2
        if spread(mid) <= avail:
            low = mid
        else:
            high = mid
    return max(low, top * 0.08)


def _offset(us: list[float], lo_ext: list[float], hi_ext: list[float], s: float, lo: float, hi: float) -> float:
    left = min(u * s - a for u, a in zip(us, lo_ext))
    right = max(u * s + b for u, b in zip(us, hi_ext))
    return lo + ((hi - lo) - (right - left)) / 2 - left


def _separate(
    xs: list[float],
    ys: list[float],
    boxes: list[tuple[float, float, float, float]],
    fixed: set[int],
    bounds: tuple[float, float, float, float],
    passes: int = 150,
    gap: float = 3.0,
) -> None:
    """Push overlapping node+label boxes apart (in place, deterministic)."""
    n = len(xs)
    x0, y0, x1, y1 = bounds

    def clamp(i: int) -> None:
        if i in fixed:
            return
        left, right, top, bottom = boxes[i]
        lo_x, hi_x = x0 + left, x1 - right
        xs[i] = (lo_x + hi_x) / 2 if lo_x > hi_x else min(max(xs[i], lo_x), hi_x)
        lo_y, hi_y = y0 + top, y1 - bottom
        ys[i] = (lo_y + hi_y) / 2 if lo_y > hi_y else min(max(ys[i], lo_y), hi_y)

    for i in range(n):
        clamp(i)
    for _ in range(passes):
        moved = False
        for i in range(n):
            li, ri, ti, bi = boxes[i]
            for j in range(i + 1, n):
                lj, rj, tj, bj = boxes[j]
                ox = min(xs[i] + ri, xs[j] + rj) - max(xs[i] - li, xs[j] - lj) + gap
                if ox <= 0:
                    continue
                oy = min(ys[i] + bi, ys[j] + bj) - max(ys[i] - ti, ys[j] - tj) + gap
                if oy <= 0:
                    continue
                fi, fj = i in fixed, j in fixed
                if fi and fj:
                    continue
                wi, wj = (0.0, 1.0) if fi else (1.0, 0.0) if fj else (0.5, 0.5)
                moved = True
                if ox < oy:
                    sgn = 1.0 if xs[i] <= xs[j] else -1.0
                    xs[i] -= sgn * ox * wi
                    xs[j] += sgn * ox * wj
                else:
                    sgn = 1.0 if ys[i] <= ys[j] else -1.0
                    ys[i] -= sgn * oy * wi
                    ys[j] += sgn * oy * wj
                clamp(i)
                clamp(j)
        if not moved:
            break


def network_svg(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    center: str | None = None,
    title: str,
    width: int = 720,
    height: int = 480,
    max_nodes: int = 40,
) -> str:
    """Co-occurrence network of actors as an inline SVG string.

    Only the ``max_nodes`` heaviest nodes are kept (ties by id); the
    ``center`` node is always kept when present (it replaces the lightest
    kept node).  Duplicate node ids: first occurrence wins.  Edges are
    undirected; duplicates/reversed duplicates are merged keeping the larger
    weight; self-loops, non-positive weights and edges to dropped nodes are
    ignored.
    """
    width = max(int(width), 160)
    height = max(int(height), 160)
    title_text = _clean(title) or "Netzwerk"

    unique: dict[str, Node] = {}
    for node in nodes:
        nid = str(node.id)
        if nid not in unique:
            unique[nid] = node
    ranked = sorted(unique.values(), key=lambda n: (-_int(n.weight), str(n.id)))
    keep = ranked[: max(0, int(max_nodes))]
    if keep and center is not None and center in unique and all(n.id != center for n in keep):
        keep = keep[:-1] + [unique[center]]
    if not keep:
        return _empty_svg("network", "dossier-network", title_text, width)
    ids = [str(n.id) for n in keep]
    index = {nid: i for i, nid in enumerate(ids)}
    center_idx = index.get(center) if center is not None else None

    merged: dict[tuple[str, str], int] = {}
    for e in edges:
        a, b = str(e.source), str(e.target)
        if a == b or a not in index or b not in index:
            continue
        w = _int(e.weight)
        if w <= 0:
            continue
        key = (a, b) if a < b else (b, a)
        merged[key] = max(merged.get(key, 0), w)
    edge_list = sorted(merged.items(), key=lambda kv: (kv[1], kv[0]))

    n = len(keep)
    labels = [_clean(nd.label) or str(nd.id) for nd in keep]
    weights = [_int(nd.weight) for nd in keep]
    kinds = [_kind_slug(nd.kind) for nd in keep]
    wmax = max(weights) or 1
    radii = [_R_MIN + (_R_MAX - _R_MIN) * math.sqrt(w / wmax) for w in weights]
    if n > 24:
        radii = [r * 0.8 for r in radii]
    f = _NET_FONT if n <= 24 else _NET_FONT - 2
    shown = [_isolate(_truncate(lb, _NET_LABEL_CHARS)) for lb in labels]
    tws = [_text_width(s, f) for s in shown]

    # ---- unit layout -----------------------------------------------------
    us = [0.0] * n
    vs = [0.0] * n
    modes = ["below"] * n
    if center_idx is not None:
        to_center = {}
        for (a, b), w in merged.items():
            if a == center:
                to_center[b] = w
            elif b == center:
                to_center[a] = w
        others = [i for i in range(n) if i != center_idx]
        others.sort(key=lambda i: (-to_center.get(ids[i], 0), labels[i].casefold(), ids[i]))
        m = len(others)
        if m <= 10:
            rings = [(others, 1.0)]
        else:
            inner = min(12, max(5, round(m * 0.35)))
            rings = [(others[:inner], 0.52), (others[inner:], 1.0)]
        for ring_no, (members, rad) in enumerate(rings):
            cnt = len(members)
            start = -math.pi / 2 if cnt >= 3 else 0.0
            step = 2 * math.pi / cnt if cnt else 0.0
            if ring_no == 1:
                start += step / 2
            for pos, i in enumerate(members):
                ang = start + pos * step
                us[i] = rad * math.cos(ang)
                vs[i] = rad * math.sin(ang)
                modes[i] = _ring_mode(ang)
    else:
        links = []
        emax = max((w for _, w in edge_list), default=1)
        for (a, b), w in edge_list:
            links.append((index[a], index[b], 0.3 + 0.7 * w / emax))
        # initial circle ordered by (-weight, id) == order of ``keep`` (ranked)
        pts = _force_layout(n, links)
        us = [p[0] for p in pts]
        vs = [p[1] for p in pts]

    boxes_full = [_label_box(modes[i], radii[i], tws[i], f) for i in range(n)]
    boxes = [(b[3], b[4], b[5], b[6]) for b in boxes_full]

    # ---- fit into the view box --------------------------------------------
    kinds_present = [k for k in _KIND_ORDER if k in kinds]
    plot_x0, plot_x1 = _NET_PAD, width - _NET_PAD
    plot_y0, plot_y1 = _NET_PAD, height - _NET_PAD - _LEGEND_H
    origin_x = origin_y = None
    if center_idx is not None:
        origin_x = (plot_x0 + plot_x1) / 2
        origin_y = (plot_y0 + plot_y1) / 2
    sx = _fit_axis(us, [b[0] for b in boxes], [b[1] for b in boxes], plot_x0, plot_x1, origin_x)
    sy = _fit_axis(vs, [b[2] for b in boxes], [b[3] for b in boxes], plot_y0, plot_y1, origin_y)
    sx = min(sx, sy * 1.8)
    sy = min(sy, sx * 1.1)
    ox = origin_x if origin_x is not None else _offset(us, [b[0] for b in boxes], [b[1] for b in boxes], sx, plot_x0, plot_x1)
    oy = origin_y if origin_y is not None else _offset(vs, [b[2] for b in boxes], [b[3] for b in boxes], sy, plot_y0, plot_y1)
    xs = [ox + u * sx for u in us]
    ys = [oy + v * sy for v in vs]
    fixed = {center_idx} if center_idx is not None else set()
    _separate(xs, ys, boxes, fixed, (plot_x0, plot_y0, plot_x1, plot_y1))
    xs = [round(x, 1) for x in xs]
    ys = [round(y, 1) for y in ys]

    # ---- description -----------------------------------------------------
    desc = f"Netzwerk: {_plural(n, 'Akteur', 'Akteure')}, {_plural(len(edge_list), 'Verbindung', 'Verbindungen')}."
    if center_idx is not None:
        desc += f" Im Zentrum: {_isolate(labels[center_idx])}."
    strongest = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    if strongest:
        parts = [
            f"{_isolate(labels[index[a]])} – {_isolate(labels[index[b]])} ({_de_int(w)})"
            for (a, b), w in strongest
        ]
        desc += " Stärkste Verbindungen: " + "; ".join(parts) + "."

    payload = repr((ids, weights, sorted(merged.items()), center, width, height))
    prefix = _prefix("network", title_text, payload)
    lines = [_svg_open(prefix, "dossier-network", width, height)]
    lines += _head(prefix, title_text, desc)

    # ---- edges -----------------------------------------------------------
    emax = max((w for _, w in edge_list), default=1)
    lines.append('<g class="dossier-edges">')
    for (a, b), w in edge_list:
        i, j = index[a], index[b]
        sw = 1.0 + 5.0 * w / emax
        cls = "dossier-edge"
        if center_idx is not None and center_idx in (i, j):
            cls += " dossier-edge--center"
        tip = f"{_isolate(labels[i])} – {_isolate(labels[j])}: {_plural(w, 'gemeinsame Erwähnung', 'gemeinsame Erwähnungen')}"
        lines.append(
            f'<line class="{cls}" x1="{_num(xs[i])}" y1="{_num(ys[i])}" x2="{_num(xs[j])}" y2="{_num(ys[j])}" '
            f'stroke="currentColor" stroke-opacity="0.35" stroke-width="{_num(sw)}">'
            f"<title>{_esc_text(tip)}</title></line>"
        )
    lines.append("</g>")

    # ---- nodes -----------------------------------------------------------
    order = sorted(range(n), key=lambda i: (i == center_idx, weights[i], ids[i]))
    lines.append('<g class="dossier-nodes">')
    for i in order:
        node = keep[i]
        anchor, dx, dy = boxes_full[i][0], boxes_full[i][1], boxes_full[i][2]
        href = safe_href(node.href)
        cls = f"dossier-node dossier-node--{kinds[i]}"
        if i == center_idx:
            cls += " dossier-node--center"
        if href is not None:
            lines.append(f'<a href="{_esc_attr(href)}">')
        lines.append(f'<g class="{cls}" data-id="{_esc_attr(_clean(ids[i]))}">')
        tip = f"{_isolate(labels[i])} — {_plural(weights[i], 'Erwähnung', 'Erwähnungen')}"
        lines.append(f"<title>{_esc_text(tip)}</title>")
        lines.append(
            f'<circle class="dossier-node__dot" cx="{_num(xs[i])}" cy="{_num(ys[i])}" r="{_num(radii[i])}" fill="currentColor"/>'
        )
        lines.append(
            f'<text class="dossier-label" x="{_num(xs[i] + dx)}" y="{_num(ys[i] + dy)}" '
            f'text-anchor="{anchor}" font-size="{_num(f)}" fill="currentColor">{_esc_text(shown[i])}</text>'
        )
        lines.append("</g>")
        if href is not None:
            lines.append("</a>")
    lines.append("</g>")

    # ---- legend ----------------------------------------------------------
    ly = height - _NET_PAD - _LEGEND_H / 2
    lx = _NET_PAD + 6
    lines.append('<g class="dossier-legend" aria-hidden="true">')
    for k in kinds_present:
        name = KIND_LABELS[k]
        lines.append(f'<g class="dossier-legend__item dossier-node--{k}">')
        lines.append(f'<circle class="dossier-node__dot" cx="{_num(lx)}" cy="{_num(ly)}" r="5.5" fill="currentColor"/>')
        lines.append(
            f'<text class="dossier-legend__label" x="{_num(lx + 10)}" y="{_num(ly + 4.2)}" font-size="12" fill="currentColor">{name}</text>'
        )
        lines.append("</g>")
        lx += 10 + _text_width(name, 12) + 20
    note = "Kreis: Erwähnungen · Linie: gemeinsame Erwähnungen"
    lines.append(
        f'<text class="dossier-legend__note" x="{_num(width - _NET_PAD - 2)}" y="{_num(ly + 4.2)}" '
        f'text-anchor="end" font-size="11" fill="currentColor">{note}</text>'
    )
    lines.append("</g>")
    lines.append("</svg>")
    return _finish(lines)


# --------------------------------------------------------------------------
# time strip
# --------------------------------------------------------------------------

_PREC = {"year": 0, "month": 1, "day": 2}
_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

_STRIP_PAD = 14.0
_LANE_H = 17.0
_MAX_LANES = 12
_DOT_R = 6.0
_BAR_H = {"month": 11.0, "year": 7.0, "range": 11.0}
_MIN_BAR = 9.0
_STRIP_FONT = 13.0
_FINE_FONT = 12.0


@dataclass(frozen=True)
class _Period:
    start: int  # proleptic ordinal of first day
    end: int  # ordinal of the day after the last day
    prec: int  # 0 year, 1 month, 2 day
    year: int
    month: int
    day: int


def _year_start(y: int) -> int:
    return _dt.date(y, 1, 1).toordinal()


def _year_end(y: int) -> int:
    return _dt.date(y, 12, 31).toordinal() + 1


def _parse_period(text: str | None, precision: str | None) -> _Period | None:
    if text is None:
        return None
    m = _DATE_RE.match(str(text))
    if not m:
        return None
    y = int(m.group(1))
    if y < 1:
        return None
    prec = 0
    mo = d = 1
    if m.group(2) is not None:
        mo = int(m.group(2))
        if 1 <= mo <= 12:
            prec = 1
            if m.group(3) is not None:
                d = int(m.group(3))
                if d >= 1:
                    d = min(d, calendar.monthrange(y, mo)[1])
                    prec = 2
                else:
                    d = 1
        else:
            mo = 1
    wanted = _PREC.get(str(precision or "").lower())
    if wanted is not None:
        prec = min(prec, wanted)
    if prec == 0:
        return _Period(_year_start(y), _year_end(y), 0, y, 1, 1)
    if prec == 1:
        first = _dt.date(y, mo, 1).toordinal()
        return _Period(first, first + calendar.monthrange(y, mo)[1], 1, y, mo, 1)
    o = _dt.date(y, mo, d).toordinal()
    return _Period(o, o + 1, 2, y, mo, d)


def _de_period(p: _Period) -> str:
    if p.prec == 0:
        return str(p.year)
    if p.prec == 1:
        return f"{GERMAN_MONTHS[p.month - 1]} {p.year}"
    return f"{p.day}. {GERMAN_MONTHS[p.month - 1]} {p.year}"


def _de_range(a: _Period, b: _Period | None) -> str:
    if b is None:
        return _de_period(a)
    if a.prec == 2 and b.prec == 2:
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}.–{b.day}. {GERMAN_MONTHS[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day}. {GERMAN_MONTHS[a.month - 1]} – {b.day}. {GERMAN_MONTHS[b.month - 1]} {a.year}"
    if a.prec == 1 and b.prec == 1 and a.year == b.year:
        return f"{GERMAN_MONTHS[a.month - 1]} – {GERMAN_MONTHS[b.month - 1]} {a.year}"
    return f"{_de_period(a)} – {_de_period(b)}"


def _iso_of(p: _Period) -> str:
    if p.prec == 0:
        return f"{p.year:04d}"
    if p.prec == 1:
        return f"{p.year:04d}-{p.month:02d}"
    return f"{p.year:04d}-{p.month:02d}-{p.day:02d}"


_BREAK_DAYS = 730


def _gap_units(days: int) -> float:
    """Axis width (in abstract units) of a gap between two breakpoints."""
    return 1.5 + math.log1p(min(days, _BREAK_DAYS))


def timestrip_svg(items: Sequence[StripItem], *, title: str, width: int = 720) -> str:
    """Compact horizontal time strip as an inline SVG string.

    Items whose ``start`` cannot be parsed are skipped.  ``precision`` is
    clamped to what the date string provides (``'2025-09'`` can't be a day).
    An ``end`` that is not after ``start`` is ignored.  See the module
    docstring for the compressed axis.
    """
    width = max(int(width), 200)
    title_text = _clean(title) or "Zeitleiste"

    parsed = []
    for it in items:
        start = _parse_period(it.start, it.precision)
        if start is None:
            continue
        end = _parse_period(it.end, it.precision) if it.end else None
        if end is not None and end.end <= start.end:
            end = None
        s = start.start
        e = end.end if end is not None else start.end
        label = _clean(it.label) or str(it.id)
        parsed.append((s, e, str(it.id), it, start, end, label))
    if not parsed:
        return _empty_svg("strip", "dossier-strip", title_text, width)
    parsed.sort(key=lambda p: (p[0], p[1], p[2]))

    dom0 = min(p[0] for p in parsed)
    dom1 = max(p[1] for p in parsed)
    first_year = _dt.date.fromordinal(dom0).year
    last_year = _dt.date.fromordinal(dom1 - 1).year

    # ---- compressed axis -------------------------------------------------
    bps = sorted({p[0] for p in parsed} | {p[1] for p in parsed})
    units = [0.0]
    for a, b in zip(bps, bps[1:]):
        units.append(units[-1] + _gap_units(b - a))
    x0, x1 = _STRIP_PAD, width - _STRIP_PAD
    scale = (x1 - x0) / units[-1]

    def xpos(ordinal: float) -> float:
        if ordinal <= bps[0]:
            return x0
        if ordinal >= bps[-1]:
            return x1
        k = bisect.bisect_right(bps, ordinal) - 1
        a, b = bps[k], bps[k + 1]
        u = units[k] + (units[k + 1] - units[k]) * (ordinal - a) / (b - a)
        return x0 + u * scale

    # ---- markers & lanes -------------------------------------------------
    markers = []
    lane_end: list[float] = []
    for s, e, iid, it, start, end, label in parsed:
        xa, xb = xpos(s), xpos(e)
        if end is not None:
            shape = "range"
        else:
            shape = ("year", "month", "day")[start.prec]
        if shape == "day":
            cx = (xa + xb) / 2
            ext = (cx - _DOT_R, cx + _DOT_R)
        else:
            if xb - xa < _MIN_BAR:
                mid = (xa + xb) / 2
                xa, xb = mid - _MIN_BAR / 2, mid + _MIN_BAR / 2
            cx = (xa + xb) / 2
            ext = (xa, xb)
        lane = None
        for k, last in enumerate(lane_end):
            if ext[0] >= last + 2:
                lane = k
                break
        if lane is None:
            if len(lane_end) < _MAX_LANES:
                lane_end.append(-math.inf)
                lane = len(lane_end) - 1
            else:
                lane = min(range(len(lane_end)), key=lambda k: (lane_end[k], k))
        lane_end[lane] = max(lane_end[lane], ext[1])
        markers.append((shape, xa, xb, cx, lane, it, start, end, label, s))
    lanes = max(1, len(lane_end))

    # ---- tick labels -----------------------------------------------------
    def fits(taken: list[tuple[float, float]], a: float, b: float) -> bool:
        if a < 1 or b > width - 1:
            return False
        return all(b + 6 <= ta or a >= tb + 6 for ta, tb in taken)

    # years: those with items first, then round years, then the rest
    item_years = set()
    for p in parsed:
        for y in range(_dt.date.fromordinal(p[0]).year, _dt.date.fromordinal(p[1] - 1).year + 1):
            item_years.add(y)
    broken = [(a, b) for a, b in zip(bps, bps[1:]) if b - a > _BREAK_DAYS]
    cands = []
    for y in range(first_year, last_year + 1):
        if y in item_years:
            cands.append((0, y))
        elif not any(a <= _year_start(y) <= b for a, b in broken):
            cands.append((1, y))  # an empty year on an uncompressed stretch
    cands.sort()
    year_taken: list[tuple[float, float]] = []
    year_labels: list[tuple[float, int]] = []
    for _, y in cands:
        x = xpos(_year_start(y))
        w = _text_width(str(y), _STRIP_FONT)
        a, b = x + 2, x + 2 + w
        if b > x1 + _STRIP_PAD - 1:
            a, b = x - 2 - w, x - 2
            if not fits(year_taken, a, b):
                continue
            year_labels.append((x, -y))
            year_taken.append((a, b))
        elif fits(year_taken, a, b):
            year_labels.append((x, y))
            year_taken.append((a, b))
    year_labels.sort()

    fine_cands = []
    seen_months = set()
    for shape, xa, xb, cx, lane, it, start, end, label, s in markers:
        for p in (start, end):
            if p is None or p.prec == 0:
                continue
            key = (p.year, p.month)
            if key not in seen_months:
                seen_months.add(key)
                fine_cands.append((0, p.year, p.month, 0, GERMAN_MONTHS_SHORT[p.month - 1], xpos(_dt.date(p.year, p.month, 1).toordinal()), "start"))
            if p.prec == 2:
                o = _dt.date(p.year, p.month, p.day).toordinal()
                fine_cands.append((1 if shape == "day" else 2, p.year, p.month, p.day, f"{p.day}.{p.month}.", (xpos(o) + xpos(o + 1)) / 2, "middle"))
    fine_cands = sorted(set(fine_cands))
    fine_taken: list[tuple[float, float]] = []
    fine_labels: list[tuple[float, str, str]] = []
    for _, y, mo, d, text, x, anchor in fine_cands:
        w = _text_width(text, _FINE_FONT)
        a, b = (x + 1, x + 1 + w) if anchor == "start" else (x - w / 2, x + w / 2)
        if fits(fine_taken, a, b):
            fine_taken.append((a, b))
            fine_labels.append((x, text, anchor))
    fine_labels.sort()

    # ---- vertical geometry ------------------------------------------------
    top = 6.0
    axis_y = top + lanes * _LANE_H + 6
    row1 = axis_y + 4 + _FINE_FONT
    row2 = (row1 + 4 + _STRIP_FONT) if fine_labels else row1 + 1
    height = int(math.ceil(row2 + 6))

    def lane_y(lane: int) -> float:
        return axis_y - 6 - _LANE_H / 2 - lane * _LANE_H + 2

    # ---- description -----------------------------------------------------
    n = len(parsed)
    announced = sum(1 for p in parsed if p[3].announced)
    earliest = min(parsed, key=lambda p: (p[0], p[2]))
    latest = max(parsed, key=lambda p: (p[1], p[2]))
    latest_period = latest[5] if latest[5] is not None else latest[4]
    desc = f"Zeitleiste: {_plural(n, 'Ereignis', 'Ereignisse')}"
    if earliest[0] == latest[0] and earliest[1] == latest[1]:
        desc += f" ({_de_range(earliest[4], earliest[5])})"
    else:
        desc += f" von {_de_period(earliest[4])} bis {_de_period(latest_period)}"
    if announced:
        desc += f", davon {_de_int(announced)} angekündigt"
    desc += ". Zeitachse nicht maßstäblich: Zeiträume ohne Ereignisse sind verkürzt."

    payload = repr([(p[0], p[1], p[2], p[6], p[3].announced) for p in parsed])
    prefix = _prefix("strip", title_text, payload)
    lines = [_svg_open(prefix, "dossier-strip", width, height)]
    lines += _head(prefix, title_text, desc)

    # ---- axis ------------------------------------------------------------
    breaks = []
    for k, (a, b) in enumerate(zip(bps, bps[1:])):
        if b - a > _BREAK_DAYS:
            breaks.append((x0 + (units[k] + units[k + 1]) / 2 * scale, a, b))
    lines.append('<g class="dossier-strip__axis-group" aria-hidden="true">')
    seg_start = x0
    for bx, _, _ in breaks:
        lines.append(
            f'<line class="dossier-strip__axis" x1="{_num(seg_start)}" y1="{_num(axis_y)}" x2="{_num(bx - 4)}" y2="{_num(axis_y)}" stroke="currentColor"/>'
        )
        seg_start = bx + 4
    lines.append(
        f'<line class="dossier-strip__axis" x1="{_num(seg_start)}" y1="{_num(axis_y)}" x2="{_num(x1)}" y2="{_num(axis_y)}" stroke="currentColor"/>'
    )
    for bx, _, _ in breaks:
        d = (
            f"M{_num(bx - 6)} {_num(axis_y + 4)}L{_num(bx - 2)} {_num(axis_y - 4)}"
            f"M{_num(bx + 2)} {_num(axis_y + 4)}L{_num(bx + 6)} {_num(axis_y - 4)}"
        )
        lines.append(f'<path class="dossier-strip__break" d="{d}" fill="none" stroke="currentColor"/>')
    labelled_years = {abs(y) for _, y in year_labels}
    for y in range(first_year, last_year + 1):
        o = _year_start(y)
        if o <= dom0 or o >= dom1:
            continue  # the axis starts/ends there anyway
        x = xpos(o)
        if y not in labelled_years and any(a < o < b for _, a, b in breaks):
            continue  # keep compressed stretches quiet
        major = y in labelled_years
        tick = 7 if major else 4
        cls = "dossier-strip__tick dossier-strip__tick--year" + (" dossier-strip__tick--major" if major else "")
        lines.append(
            f'<line class="{cls}" x1="{_num(x)}" y1="{_num(axis_y - tick)}" x2="{_num(x)}" y2="{_num(axis_y + tick)}" stroke="currentColor"/>'
        )
    for x, text, anchor in fine_labels:
        if anchor == "start":
            lines.append(
                f'<line class="dossier-strip__tick dossier-strip__tick--month" x1="{_num(x)}" y1="{_num(axis_y)}" x2="{_num(x)}" y2="{_num(axis_y + 4)}" stroke="currentColor"/>'
            )
        tx = x + 1 if anchor == "start" else x
        lines.append(
            f'<text class="dossier-strip__label dossier-strip__label--fine" x="{_num(tx)}" y="{_num(row1)}" '
            f'text-anchor="{anchor}" font-size="{_num(_FINE_FONT)}" fill="currentColor">{_esc_text(text)}</text>'
        )
    for x, y in year_labels:
        if y > 0:
            attrs = f'x="{_num(x + 2)}" text-anchor="start"'
        else:
            attrs = f'x="{_num(x - 2)}" text-anchor="end"'
        lines.append(
            f'<text class="dossier-strip__label dossier-strip__label--year" {attrs} y="{_num(row2)}" '
            f'font-size="{_num(_STRIP_FONT)}" fill="currentColor">{abs(y)}</text>'
        )
    lines.append("</g>")

    # ---- markers ---------------------------------------------------------
    lines.append('<g class="dossier-strip__markers">')
    for shape, xa, xb, cx, lane, it, start, end, label, s in markers:
        cy = lane_y(lane)
        cls = f"dossier-strip__marker dossier-strip__marker--{shape}"
        if shape == "range":
            cls += f" dossier-strip__marker--range-{('year', 'month', 'day')[start.prec]}"
        fill = "currentColor"
        if it.announced:
            cls += " dossier-strip--announced"
            fill = "none"
        href = safe_href(it.href)
        if href is not None:
            lines.append(f'<a href="{_esc_attr(href)}">')
        date_attr = _iso_of(start) + (f"/{_iso_of(end)}" if end is not None else "")
        lines.append(f'<g class="dossier-strip__item" data-date="{date_attr}" data-id="{_esc_attr(_clean(it.id))}">')
        tip = f"{_isolate(label)} — {_de_range(start, end)}"
        if it.announced:
            tip += " (angekündigt)"
        lines.append(f"<title>{_esc_text(tip)}</title>")
        if shape == "day":
            lines.append(
                f'<line class="dossier-strip__stem" x1="{_num(cx)}" y1="{_num(cy + _DOT_R)}" x2="{_num(cx)}" y2="{_num(axis_y)}" stroke="currentColor"/>'
            )
            lines.append(
                f'<circle class="{cls}" cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(_DOT_R)}" fill="{fill}" stroke="currentColor"/>'
            )
        else:
            h = _BAR_H[shape]
            rx = h / 2 if shape == "range" else 1.5
            lines.append(
                f'<rect class="{cls}" x="{_num(xa)}" y="{_num(cy - h / 2)}" width="{_num(xb - xa)}" height="{_num(h)}" '
                f'rx="{_num(rx)}" fill="{fill}" stroke="currentColor"/>'
            )
        lines.append("</g>")
        if href is not None:
            lines.append("</a>")
    lines.append("</g>")
    lines.append("</svg>")
    return _finish(lines)
