"""A build after a text-only editorial change (dossier.render.rebuild) makes only what prints the
text and gives byte for byte what a full build gives; any other change takes the full build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.render import rebuild
from dossier.render.cache import PageCache, templates_fingerprint
from dossier.render.rebuild import build_site
from dossier.stages import Project

PUTIN = "    description: Präsident Russlands.\n"


def _build(project: Path, cache_dir: str = "pages", *, reuse: bool = True, **options) -> tuple[rebuild.SiteBuild, dict[str, bytes]]:
    cache = PageCache(project / ".cache" / cache_dir / "pages.index", templates_fingerprint(project / "templates"), reuse=reuse)
    made = build_site(Project.at(project), cache, **options)
    return made, {path: cache.file(path).read_bytes() for path in made.paths}


def _full(project: Path, **options) -> dict[str, bytes]:
    """The same inputs built from scratch, without any cache."""
    made, files = _build(project, "scratch", reuse=False, **options)
    assert made.full
    return files


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_description_rebuilds_only_what_prints_it_and_equals_a_full_build(project):
    first, before = _build(project)
    assert first.full and first.rendered > 50
    hostile = "Präsident Russlands <script>alert(1)</script> & **fett** {{ 7*7 }} \u202egespiegelt"
    _edit(project / "content" / "actors.yml", PUTIN, f"    description: {json.dumps(hostile, ensure_ascii=False)}\n")
    again, after = _build(project)
    assert not again.full and again.sources == first.sources == 5 and again.extracted == 0
    assert after == _full(project)
    changed = sorted(path for path in after if after[path] != before[path])
    assert changed == ["akteure/index.md", "akteure/wladimir-putin.md", "data/actors.csv", "data/dossier.json"]
    assert again.rendered == 2 and again.unchanged == len(again.paths) - 4  # two pages, two exports made
    page = after["akteure/wladimir-putin.md"].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; **fett** {{ 7*7 }}" in page and "<script>" not in page
    actor = next(a for a in json.loads(after["data/dossier.json"])["actors"] if a["id"] == "wladimir-putin")
    assert actor["description"] == hostile


def test_descriptions_removed_added_and_emptied_equal_a_full_build(project):
    _build(project)
    actors = project / "content" / "actors.yml"
    _edit(actors, PUTIN, "")  # no description any more
    _edit(actors, "    description: Staats- und Parteichef der Volksrepublik China.\n", '    description: ""\n')
    _edit(actors, "    description: Präsident der USA 2017–2021 und erneut seit dem 20. Januar 2025.\n",
          '    description: "Zwei\\nZeilen, \\"zitiert\\"; mit Komma"\n')
    made, after = _build(project)
    assert not made.full
    assert after == _full(project)
    _edit(actors, '    description: ""\n', "    description: Wieder da.\n")
    made, after = _build(project)
    assert not made.full and after == _full(project)


@pytest.mark.parametrize("change", ["alias", "name", "source", "template", "roles", "options"])
def test_any_other_change_takes_the_full_build(project, change):
    _build(project)
    options: dict = {}
    if change == "alias":
        _edit(project / "content" / "actors.yml", "aliases: [Xi]", "aliases: [Xi, Genosse Xi]")
    elif change == "name":
        _edit(project / "content" / "actors.yml", "name: Wladimir Putin", "name: Wladimir W. Putin")
    elif change == "source":
        source = sorted((project / "content" / "sources").glob("*.md"))[0]
        source.write_text(source.read_text(encoding="utf-8") + "\nEin neuer Satz über Putin.\n", encoding="utf-8")
    elif change == "template":
        template = project / "templates" / "akteur.md.j2"
        template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "roles":
        roles = project / "content" / "lexicon" / "roles.yml"
        roles.write_text(roles.read_text(encoding="utf-8") + "\n# nur ein Kommentar\n", encoding="utf-8")
    else:
        options = {"directory_urls": False}
    made, after = _build(project, **options)
    assert made.full
    assert after == _full(project, **options)


def test_the_change_log_compares_the_new_texts_with_the_previous_edition(project):
    _, published = _build(project)
    previous = ("2025-09-03", json.loads(published["data/dossier.json"]))
    _build(project, previous=previous, current_version="2025-09-04")
    _edit(project / "content" / "actors.yml", PUTIN, "    description: Präsident der Russischen Föderation.\n")
    made, after = _build(project, previous=previous, current_version="2025-09-04")
    assert not made.full
    assert after == _full(project, previous=previous, current_version="2025-09-04")
    assert "Präsident der Russischen Föderation." in after["aenderungen.md"].decode()


def test_a_build_stopped_half_way_is_followed_by_a_full_one(project, monkeypatch):
    _build(project)
    _edit(project / "content" / "actors.yml", PUTIN, "    description: Erste Änderung.\n")

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(rebuild, "render_page", stop)
    with pytest.raises(KeyboardInterrupt):
        _build(project)
    monkeypatch.undo()
    _edit(project / "content" / "actors.yml", "Erste Änderung.", "Präsident Russlands.")  # back as it was
    made, after = _build(project)
    assert made.full
    assert after == _full(project)


def test_a_missing_page_file_takes_the_full_build(project):
    first, _ = _build(project)
    (project / ".cache" / "pages" / "pages" / "chronik.md").unlink()
    _edit(project / "content" / "actors.yml", PUTIN, "    description: Neu.\n")
    made, after = _build(project)
    assert made.full and after == _full(project)


def test_invalid_editorial_yaml_is_reported_before_anything_is_reused(project):
    from dossier.errors import DossierError

    _build(project)
    _edit(project / "content" / "actors.yml", PUTIN, "    description: [nicht, ein, text]\n")
    with pytest.raises(DossierError, match="actors.yml"):
        _build(project)


def test_bad_editorial_yaml_and_a_bad_source_are_reported_together(project):
    from dossier.errors import DossierError

    _build(project)
    _edit(project / "content" / "actors.yml", PUTIN, "    description: [nicht, ein, text]\n")
    source = sorted((project / "content" / "sources").glob("*.md"))[0]
    source.write_bytes(b"\xff\xfe kein UTF-8\n")
    with pytest.raises(DossierError) as caught:
        _build(project)
    assert "actors.yml" in str(caught.value) and source.name in str(caught.value)
