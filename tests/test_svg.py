"""Tests for dossier.render.svg (build-time SVG figures)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dossier.render.svg import (
    Edge,
    Node,
    StripItem,
    figure_html,
    network_svg,
    safe_href,
    timestrip_svg,
)

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[1]

NODES = [
    Node("kim", "Kim Jong-un", "person", 40, "../akteure/kim-jong-un/"),
    Node("putin", "Wladimir Putin", "person", 30, "../akteure/wladimir-putin/"),
    Node("xi", "Xi Jinping", "person", 15, None),
    Node("china", "China", "country", 25, "../laender/china/"),
    Node("ru", "Russland", "country", 20, None),
    Node("nk", "Nordkorea", "country", 30, None),
    Node("peking", "Peking", "place", 12, None),
    Node("kcna", "KCNA", "organization", 3, "javascript:alert(1)"),
    Node("kreml", "Kreml", "organization", 5, "#kreml"),
]
EDGES = [
    Edge("kim", "nk", 28), Edge("kim", "putin", 18), Edge("kim", "xi", 11),
    Edge("kim", "china", 14), Edge("kim", "ru", 12), Edge("putin", "ru", 19),
    Edge("putin", "xi", 9), Edge("putin", "kreml", 5), Edge("xi", "china", 13),
    Edge("xi", "peking", 8), Edge("china", "peking", 10), Edge("nk", "kcna", 3),
    Edge("kim", "kcna", 3), Edge("china", "ru", 7),
]
ITEMS = [
    StripItem("a", "Gipfel 2000", "2000-07", None, "month", False, "../e/a/"),
    StripItem("b", "Tod Kim Jong-ils", "2011", None, "year", False, None),
    StripItem("c", "Wladiwostok", "2019", None, "year", False, None),
    StripItem("d", "Wostotschny", "2023-09", None, "month", False, None),
    StripItem("e", "Putin in Pjöngjang", "2024-06-18", "2024-06-19", "day", False, None),
    StripItem("f", "Kursk", "2025-08", None, "month", False, None),
    StripItem("g", "Reisewoche", "2025-09-01", "2025-09-07", "day", False, None),
    StripItem("h", "Zugreise", "2025-09-02", None, "day", False, "../e/h/"),
    StripItem("i", "Parade", "2025-09-03", None, "day", False, None),
    StripItem("j", "Parade (Ankündigung)", "2025-09-03", None, "day", True, None),
]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == NS + "svg"
    return root


def node_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(NS + "g") if "dossier-node " in (g.get("class", "") + " ")
            and "dossier-legend__item" not in g.get("class", "")]


def item_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(NS + "g") if g.get("class") == "dossier-strip__item"]


def marker_of(group: ET.Element) -> ET.Element:
    for el in group:
        if "dossier-strip__marker" in el.get("class", ""):
            return el
    raise AssertionError("no marker")


def marker_center_x(el: ET.Element) -> float:
    if el.tag == NS + "circle":
        return float(el.get("cx"))
    return float(el.get("x")) + float(el.get("width")) / 2


def all_outputs() -> list[str]:
    return [
        network_svg(NODES, EDGES, center="kim", title="Netz um Kim"),
        network_svg(NODES, EDGES, title="Netz frei"),
        timestrip_svg(ITEMS, title="Zeitleiste"),
        network_svg([], [], title="leer"),
        timestrip_svg([], title="leer"),
    ]


# ---------------------------------------------------------------- structure


@pytest.mark.parametrize("index", range(5))
def test_parses_and_is_markdown_safe(index: int) -> None:
    svg = all_outputs()[index]
    root = parse(svg)
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    for line in svg.split("\n"):
        assert line.strip(), "blank line inside svg"
        assert line == line.lstrip(), "indented line inside svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox", "").startswith("0 0 ")
    ids = root.get("aria-labelledby").split()
    assert len(ids) == 2
    title = root.find(NS + "title")
    desc = root.find(NS + "desc")
    assert title is not None and desc is not None
    assert [title.get("id"), desc.get("id")] == ids


def test_determinism_same_process() -> None:
    assert all_outputs() == all_outputs()


def test_determinism_across_hash_seeds() -> None:
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from tests.test_svg import all_outputs\n"
        "sys.stdout.write('\\x00'.join(all_outputs()))\n" % str(ROOT)
    )
    outs = []
    for seed in ("1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                             capture_output=True, check=True)
        outs.append(res.stdout)
    assert outs[0] == outs[1]
    assert outs[0].decode("utf-8") == "\x00".join(all_outputs())


def test_coordinates_rounded_to_one_decimal() -> None:
    for svg in all_outputs():
        for num in re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="(-?[0-9.]+)"', svg):
            assert re.fullmatch(r"-?\d+(\.\d)?", num), num


def test_no_inline_colours() -> None:
    for svg in all_outputs():
        assert not re.search(r"#[0-9a-fA-F]{3,6}\b", svg.replace('href="#kreml"', ""))
        assert "rgb" not in svg
        for val in re.findall(r'\b(?:fill|stroke)="([^"]*)"', svg):
            assert val in ("currentColor", "none"), val
        for style in re.findall(r'style="([^"]*)"', svg):
            assert "fill" not in style and "color" not in style


def test_ids_unique_per_svg() -> None:
    a = network_svg(NODES, EDGES, title="Erstes Netz")
    b = network_svg(NODES, EDGES, title="Zweites Netz")
    c = timestrip_svg(ITEMS, title="Erstes Netz")
    ida = set(re.findall(r' id="([^"]+)"', a))
    idb = set(re.findall(r' id="([^"]+)"', b))
    idc = set(re.findall(r' id="([^"]+)"', c))
    assert ida and idb and idc
    assert not ida & idb and not ida & idc and not idb & idc


# ----------------------------------------------------------------- escaping

EVIL = "<script>alert(1)</script> & Co"


def test_label_is_escaped_network() -> None:
    nodes = [Node("x", EVIL, "organization", 9, None), Node("y", 'Zitat "A" \'B\'', "person", 3, None)]
    svg = network_svg(nodes, [Edge("x", "y", 2)], title=EVIL)
    assert "<script" not in svg and "</script" not in svg
    assert "&lt;script&gt;" in svg
    assert "& Co" not in svg and "&amp; Co" in svg
    root = parse(svg)
    titles = [t.text for t in root.iter(NS + "title")]
    assert EVIL in titles  # svg title round-trips
    assert f"{EVIL} — 9 Erwähnungen" in titles


def test_label_is_escaped_strip() -> None:
    svg = timestrip_svg([StripItem("x", EVIL, "2025-01-02", None, "day", False, None)], title=EVIL)
    assert "<script" not in svg
    root = parse(svg)
    assert any(t.text and t.text.startswith(EVIL + " — ") for t in root.iter(NS + "title"))


def test_markdown_characters_and_whitespace_neutralised() -> None:
    svg = network_svg([Node("a", "Kim_Jong *un*\n\n[x]", "person", 1, None)], [], title="t\n\nx")
    assert "\n\n" not in svg
    assert "_" not in re.sub(r"<[^>]*>", "", svg)  # only inside tags (class names)
    root = parse(svg)
    assert root.find(NS + "title").text == "t x"
    texts = [t.text for t in root.iter(NS + "text")]
    assert "Kim_Jong *un* [x]" in texts


def test_rtl_label_is_isolated_in_titles() -> None:
    svg = network_svg([Node("a", "محمد بن سلمان", "person", 4, None)], [], title="RTL")
    root = parse(svg)
    assert "\u2068محمد بن سلمان\u2069 — 4 Erwähnungen" in [t.text for t in root.iter(NS + "title")]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:x", "data:text/html,<b>", "vbscript:x",
        "https://example.org/", "//evil.example/", "\\\\evil.example", "/\\evil.example",
        "mailto:a@b.c", "", "   ", None,
    ],
)
def test_unsafe_hrefs_dropped(href: str | None) -> None:
    assert safe_href(href) is None


@pytest.mark.parametrize("href", ["../akteure/kim/", "#kreml", "kim.html", "/dossier/x/", "a/b?c=d:e#f"])
def test_relative_hrefs_kept(href: str) -> None:
    assert safe_href(href) == href


def test_javascript_href_dropped_in_output() -> None:
    svg = network_svg(NODES, EDGES, title="t")
    assert "javascript" not in svg.lower()
    root = parse(svg)
    hrefs = [a.get("href") for a in root.iter(NS + "a")]
    assert "#kreml" in hrefs and "../akteure/kim-jong-un/" in hrefs
    assert len(hrefs) == 4  # kim, putin, china, kreml -- not kcna, not the None ones
    strip = timestrip_svg(
        [StripItem("a", "x", "2020", None, "year", False, "javascript:alert(1)"),
         StripItem("b", "y", "2021", None, "year", False, '../e/"b"&<c>/')],
        title="t",
    )
    assert "javascript" not in strip.lower()
    assert [a.get("href") for a in parse(strip).iter(NS + "a")] == ['../e/"b"&<c>/']


# ------------------------------------------------------------------ network


def test_network_desc_and_titles() -> None:
    root = parse(network_svg(NODES, EDGES, center="kim", title="Netz"))
    desc = root.find(NS + "desc").text
    assert desc.startswith("Netzwerk: 9 Akteure, 14 Verbindungen.")
    assert "Im Zentrum: Kim Jong-un" in desc
    titles = [t.text for t in root.iter(NS + "title")]
    assert "Kim Jong-un — 40 Erwähnungen" in titles
    one = parse(network_svg([Node("a", "A", "place", 1, None), Node("b", "B", "place", 1, None)],
                            [Edge("a", "b", 1)], title="x"))
    assert one.find(NS + "desc").text.startswith("Netzwerk: 2 Akteure, 1 Verbindung.")


def test_network_node_classes_and_sizes() -> None:
    root = parse(network_svg(NODES, EDGES, title="Netz"))
    groups = {g.get("data-id"): g for g in node_groups(root)}
    assert len(groups) == 9
    assert groups["kim"].get("class") == "dossier-node dossier-node--person"
    assert groups["kcna"].get("class") == "dossier-node dossier-node--organization"
    assert groups["china"].get("class") == "dossier-node dossier-node--country"
    assert groups["peking"].get("class") == "dossier-node dossier-node--place"
    radius = {k: float(g.find(NS + "circle").get("r")) for k, g in groups.items()}
    assert radius["kim"] > radius["putin"] > radius["xi"] > radius["kreml"] > radius["kcna"]
    for g in groups.values():
        assert g.find(NS + "title") is not None and g.find(NS + "text") is not None
    widths = {}
    for line in root.iter(NS + "line"):
        widths[line.find(NS + "title").text] = float(line.get("stroke-width"))
    assert widths["Kim Jong-un – Nordkorea: 28 gemeinsame Erwähnungen"] > widths["KCNA – Kim Jong-un: 3 gemeinsame Erwähnungen"]


def test_network_stays_inside_viewbox() -> None:
    for svg in all_outputs()[:2]:
        root = parse(svg)
        _, _, w, h = map(float, root.get("viewBox").split())
        for c in root.iter(NS + "circle"):
            cx, cy, r = float(c.get("cx")), float(c.get("cy")), float(c.get("r"))
            assert r <= cx <= w - r and r <= cy <= h - r


def test_network_max_nodes_cut() -> None:
    nodes = [Node(f"n{i:02d}", f"Akteur {i}", "person", 100 - i, None) for i in range(50)]
    nodes.append(Node("tie-b", "Tie B", "place", 91, None))  # ties with n09 (91)
    nodes.append(Node("tie-a", "Tie A", "place", 91, None))
    edges = [Edge(nodes[i].id, nodes[i + 1].id, 1) for i in range(len(nodes) - 1)]
    root = parse(network_svg(nodes, edges, title="cut", max_nodes=10))
    kept = [g.get("data-id") for g in node_groups(root)]
    assert sorted(kept) == sorted([f"n{i:02d}" for i in range(9)] + ["n09"])  # 'n09' < 'tie-a'
    assert root.find(NS + "desc").text.startswith("Netzwerk: 10 Akteure, 9 Verbindungen.")
    # the centre node is always kept
    root = parse(network_svg(nodes, edges, title="cut", max_nodes=10, center="n40"))
    kept = [g.get("data-id") for g in node_groups(root)]
    assert len(kept) == 10 and "n40" in kept and "n09" not in kept


def test_network_center_is_centered() -> None:
    for n in (9, 30):
        nodes = [Node(f"n{i}", f"Akteur Nummer {i}", "country", 5 + i, None) for i in range(n)]
        edges = [Edge("n0", f"n{i}", i) for i in range(1, n)]
        svg = network_svg(nodes, edges, center="n0", title=f"Zentrum {n}", width=720, height=480)
        root = parse(svg)
        groups = {g.get("data-id"): g for g in node_groups(root)}
        c = groups["n0"].find(NS + "circle")
        assert float(c.get("cx")) == 360
        assert abs(float(c.get("cy")) - 240) <= 20
        assert "dossier-node--center" in groups["n0"].get("class")
        # the strongest link to the centre sits at 12 o'clock
        top = groups[f"n{n - 1}"].find(NS + "circle")
        assert abs(float(top.get("cx")) - 360) < 5 and float(top.get("cy")) < 240


def test_network_edge_hygiene() -> None:
    nodes = [Node("a", "A", "person", 3, None), Node("b", "B", "person", 2, None)]
    edges = [Edge("a", "b", 2), Edge("b", "a", 5), Edge("a", "a", 9), Edge("a", "zzz", 4), Edge("a", "b", 0)]
    root = parse(network_svg(nodes, edges, title="x"))
    lines = list(root.find(NS + "g").iter(NS + "line"))
    assert len(lines) == 1
    assert lines[0].find(NS + "title").text == "A – B: 5 gemeinsame Erwähnungen"


def test_network_unknown_kind_and_single_node() -> None:
    root = parse(network_svg([Node("a", "Solo", "ufo", 0, None)], [], title="x"))
    (g,) = node_groups(root)
    assert g.get("class") == "dossier-node dossier-node--other"


def test_network_empty() -> None:
    for svg in (network_svg([], [], title="Leer"), network_svg(NODES, EDGES, title="x", max_nodes=0)):
        root = parse(svg)
        assert root.find(NS + "desc").text == "Keine Daten"
        assert not node_groups(root)


# --------------------------------------------------------------- time strip


def test_strip_markers_sorted_by_date() -> None:
    shuffled = ITEMS[5:] + ITEMS[:5][::-1]
    svg = timestrip_svg(shuffled, title="Z")
    assert svg == timestrip_svg(ITEMS, title="Z")  # input order does not matter
    groups = item_groups(parse(svg))
    assert len(groups) == len(ITEMS)
    starts = [g.get("data-date").split("/")[0] for g in groups]
    assert starts == sorted(starts)
    # distinct start dates -> strictly increasing left edge / centre
    by_date: dict[str, float] = {}
    for g in groups:
        m = marker_of(g)
        left = float(m.get("cx")) - float(m.get("r")) if m.tag == NS + "circle" else float(m.get("x"))
        by_date.setdefault(g.get("data-date"), left)
    keys = sorted(by_date)
    lefts = [by_date[k] for k in keys]
    assert lefts == sorted(lefts)
    # 2000 and 2025 are both on the strip, and the 2025-09 cluster is not a blob
    xs = {g.get("data-date"): marker_center_x(marker_of(g)) for g in groups}
    assert xs["2025-09-03"] - xs["2025-09-02"] >= 12
    assert xs["2000-07"] < 100


def test_strip_precision_shapes() -> None:
    root = parse(timestrip_svg(ITEMS, title="Z"))
    shapes = {g.get("data-id"): marker_of(g) for g in item_groups(root)}
    assert shapes["h"].tag == NS + "circle" and "dossier-strip__marker--day" in shapes["h"].get("class")
    month, year = shapes["d"], shapes["b"]
    assert month.tag == NS + "rect" and "dossier-strip__marker--month" in month.get("class")
    assert year.tag == NS + "rect" and "dossier-strip__marker--year" in year.get("class")
    assert float(year.get("width")) > float(month.get("width"))
    week = shapes["g"]
    assert week.tag == NS + "rect" and "dossier-strip__marker--range" in week.get("class")
    # the month bar spans the month: Aug 2025 ends where the September week starts
    aug = shapes["f"]
    assert abs(float(aug.get("x")) + float(aug.get("width")) - float(week.get("x"))) < 0.2


def test_strip_announced_is_hollow() -> None:
    root = parse(timestrip_svg(ITEMS, title="Z"))
    shapes = {g.get("data-id"): marker_of(g) for g in item_groups(root)}
    assert "dossier-strip--announced" in shapes["j"].get("class")
    assert shapes["j"].get("fill") == "none"
    assert "dossier-strip--announced" not in shapes["i"].get("class")
    assert shapes["i"].get("fill") == "currentColor"


def test_strip_german_dates_and_labels() -> None:
    root = parse(timestrip_svg(ITEMS, title="Z"))
    titles = {t.text for t in root.iter(NS + "title")}
    assert "Zugreise — 2. September 2025" in titles
    assert "Reisewoche — 1.–7. September 2025" in titles
    assert "Gipfel 2000 — Juli 2000" in titles
    assert "Tod Kim Jong-ils — 2011" in titles
    assert "Parade (Ankündigung) — 3. September 2025 (angekündigt)" in titles
    texts = [t.text for t in root.iter(NS + "text")]
    for year in ("2000", "2011", "2019", "2023", "2024", "2025"):
        assert year in texts
    assert "Sep" in texts and "Jul" in texts
    desc = root.find(NS + "desc").text
    assert desc.startswith("Zeitleiste: 10 Ereignisse von Juli 2000 bis 7. September 2025, davon 1 angekündigt.")


def test_strip_precision_clamped_and_invalid_skipped() -> None:
    items = [
        StripItem("a", "A", "2025-09", None, "day", False, None),  # string has no day
        StripItem("b", "B", "2025-09-03", None, "year", False, None),  # explicit coarser precision
        StripItem("c", "C", "kaputt", None, "day", False, None),
        StripItem("d", "D", "2025-02-30", None, "day", False, None),  # clamped to 28 Feb
    ]
    root = parse(timestrip_svg(items, title="Z"))
    shapes = {g.get("data-id"): marker_of(g) for g in item_groups(root)}
    assert set(shapes) == {"a", "b", "d"}
    assert "--month" in shapes["a"].get("class")
    assert "--year" in shapes["b"].get("class")
    assert "D — 28. Februar 2025" in {t.text for t in root.iter(NS + "title")}


def test_strip_empty() -> None:
    for items in ([], [StripItem("c", "C", "kaputt", None, "day", False, None)]):
        root = parse(timestrip_svg(items, title="Leer"))
        assert root.find(NS + "desc").text == "Keine Daten"


def test_strip_single_item() -> None:
    root = parse(timestrip_svg([StripItem("a", "A", "2025-09-03", None, "day", False, None)], title="Z"))
    assert len(item_groups(root)) == 1
    assert root.find(NS + "desc").text.startswith("Zeitleiste: 1 Ereignis (3. September 2025)")


def test_figure_html_wraps_without_blank_lines() -> None:
    html = figure_html(timestrip_svg(ITEMS, title="Z"), "Bildunterschrift <b>")
    assert html.startswith('<figure class="dossier-figure">\n<svg ')
    assert html.endswith("<figcaption>Bildunterschrift &lt;b&gt;</figcaption>\n</figure>")
    assert "\n\n" not in html


def test_css_defines_kind_colours_for_both_schemes() -> None:
    css = (ROOT / "templates" / "assets" / "dossier-svg.css").read_text(encoding="utf-8")
    assert '[data-md-color-scheme="slate"]' in css and '[data-md-color-scheme="default"]' in css
    for kind in ("person", "organization", "country", "place"):
        assert css.count(f"--dossier-kind-{kind}:") == 2
        assert f".dossier-node--{kind} .dossier-node__dot" in css
    assert "var(--md-default-fg-color)" in css and "var(--md-default-bg-color)" in css
