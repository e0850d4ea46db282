"""The page cache (dossier.render.cache): pages are reused only while their view is unchanged, and
a build with the cache gives the same bytes as one without it."""

from __future__ import annotations

import pytest

from dossier.render import render_site
from dossier.render.cache import PageCache, templates_fingerprint
from dossier.stages import Project, build

from support import ROOT


def test_unchanged_pages_come_from_the_cache_changed_ones_are_rendered(project, tmp_path):
    cache_file = tmp_path / "pages.pickle"
    templates = project / "templates"
    first = render_site(build(Project.at(project)), templates, cache_file=cache_file)
    assert cache_file.exists()
    again = render_site(build(Project.at(project)), templates, cache_file=cache_file)
    assert again == first

    actors = project / "content" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    assert "    description: " in text
    actors.write_text(text.replace("    description: ", "    description: Geänderte Beschreibung. ", 1), encoding="utf-8")
    result = build(Project.at(project))
    cached = render_site(result, templates, cache_file=cache_file)
    uncached = render_site(result, templates)
    assert cached == uncached
    changed = sorted(p for p in cached if cached[p] != first.get(p))
    assert changed and any(p.startswith("akteure/") for p in changed)
    assert any("Geänderte Beschreibung." in cached[p] for p in changed)


def test_cache_hits_and_template_changes(real, tmp_path):
    fingerprint = templates_fingerprint(ROOT / "templates")
    cache = PageCache(tmp_path / "c.pickle", fingerprint)
    key = cache.key("x.md.j2", ("Titel", {"a": 1}))
    assert cache.get("x.md", key) is None
    cache.put("x.md", key, "Text\n")
    cache.save()
    again = PageCache(tmp_path / "c.pickle", fingerprint)
    assert again.get("x.md", again.key("x.md.j2", ("Titel", {"a": 1}))) == "Text\n"
    assert again.get("x.md", again.key("x.md.j2", ("Titel", {"a": 2}))) is None
    other_templates = PageCache(tmp_path / "c.pickle", fingerprint + "x")
    assert other_templates.get("x.md", other_templates.key("x.md.j2", ("Titel", {"a": 1}))) is None


def test_unreadable_cache_file_is_ignored(real, tmp_path):
    cache_file = tmp_path / "pages.pickle"
    cache_file.write_bytes(b"not a pickle")
    pages = render_site(real, ROOT / "templates", cache_file=cache_file)
    assert pages == render_site(real, ROOT / "templates")


def test_a_second_build_in_the_same_process_renders_nothing(project, tmp_path):
    """`mkdocs serve` rebuilds in one process: warm caches there must not change the keys."""
    from dossier.render.site import generate

    templates = project / "templates"
    counts = []
    for _ in range(2):
        cache = PageCache(tmp_path / "pages.index", templates_fingerprint(templates))
        paths = generate(build(Project.at(project)), templates, cache)
        counts.append((cache.hits, cache.misses))
        assert all(cache.file(p).is_file() for p in paths)
    assert counts[0][0] == 0 and counts[1] == (counts[0][1], 0), counts


def test_pages_rendered_in_worker_processes_are_the_same(real, tmp_path, monkeypatch):
    from dossier.render import site

    monkeypatch.setattr(site, "PARALLEL_MIN_PAGES", 1)
    templates = ROOT / "templates"
    caches = {}
    for workers in (1, 3):
        cache = PageCache(tmp_path / str(workers) / "pages.index", templates_fingerprint(templates))
        paths = site.generate(real, templates, cache, workers=workers)
        caches[workers] = (paths, {p: cache.file(p).read_bytes() for p in paths}, dict(cache.fresh), cache.misses)
    assert caches[3] == caches[1]
    again = PageCache(tmp_path / "3" / "pages.index", templates_fingerprint(templates))
    site.generate(real, templates, again, workers=3)
    assert again.misses == 0 and again.hits == len(caches[1][2])


def test_a_render_stopped_half_way_leaves_no_index_and_the_next_renders_everything(project, tmp_path, monkeypatch):
    """Page files are written in place, not renamed: an index left by the last complete build
    must not outlive a render that stopped after changing one of them."""
    from dossier.render.site import generate

    templates, cache_file = project / "templates", tmp_path / "pages.index"
    first = render_site(build(Project.at(project)), templates, cache_file=cache_file)
    actors = project / "content" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(text.replace("    description: ", "    description: Halb geschrieben. ", 1), encoding="utf-8")
    put = PageCache.put

    def put_then_stop(self, page, key, text):
        put(self, page, key, text)
        raise KeyboardInterrupt

    monkeypatch.setattr(PageCache, "put", put_then_stop)
    with pytest.raises(KeyboardInterrupt):
        render_site(build(Project.at(project)), templates, cache_file=cache_file)
    monkeypatch.undo()
    assert not cache_file.exists()
    changed = [p.relative_to(tmp_path / "pages").as_posix() for p in (tmp_path / "pages").rglob("*.md")
               if "Halb geschrieben." in p.read_text(encoding="utf-8")]
    assert len(changed) == 1

    actors.write_text(text, encoding="utf-8")  # back as the index of the first build knew it
    cache = PageCache(cache_file, templates_fingerprint(templates))
    paths = generate(build(Project.at(project)), templates, cache)
    scratch = PageCache(tmp_path / "scratch" / "pages.index", templates_fingerprint(templates))
    generate(build(Project.at(project)), templates, scratch)
    assert cache.hits == 0 and cache.misses == scratch.misses
    assert {p: cache.text(p) for p in paths} == first
    assert cache_file.exists()
