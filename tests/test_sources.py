"""Stage 1: source files, front matter and the furniture cleaner, on the five real articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cleaner import clean
from dossier.errors import DossierError
from dossier.sources import load_furniture_rules, load_sources

from support import ROOT, write_source

RULES = load_furniture_rules(ROOT / "content" / "lexicon" / "furniture.yml")


@pytest.fixture(scope="module")
def sources():
    return {s.meta.id: s for s in load_sources(ROOT / "content")}


def test_five_sources_with_researched_metadata(sources):
    assert len(sources) == 5
    dpa = sources["dpa-afx-kim-auf-dem-weg-nach-peking"]
    assert dpa.meta.outlet == "dpa-AFX"
    assert dpa.meta.published.isoformat() == "2025-09-02T05:24:00"
    assert sources["putin-besucht-nordkorea-juni-2024"].meta.published.isoformat() == "2024-06-17"
    for source in sources.values():
        assert source.meta.language == "de"
        if source.meta.outlet is None or source.meta.id != "dpa-afx-kim-auf-dem-weg-nach-peking":
            assert source.meta.note, f"{source.meta.id}: inferred metadata needs a note"


@pytest.mark.parametrize("furniture_text", [
    "Teilen Sie dies:", "Today", "© ALLE RECHTE VORBEHALTEN", "Joe Biden", "Stellenangebote", "(m/w/d)",
    "Es werden alle Kommentare moderiert!", "Foto von AP news", "Emilio Fede", "Google News", "/fkr/DP/zb",
    "02.09.25 05:24 Uhr", "Patreon",
])
def test_furniture_never_reaches_the_body(sources, furniture_text):
    for source in sources.values():
        assert furniture_text not in source.body, source.meta.id


def test_furniture_is_kept_for_editors_with_line_and_reason(sources):
    boltwise = sources["it-boltwise-kim-besucht-china"]
    assert len(boltwise.furniture) >= 15
    assert all(f.line > 8 and f.reason for f in boltwise.furniture)
    next_link = [f for f in sources["putin-besucht-nordkorea-juni-2024"].furniture if "Biden" in f.text]
    assert next_link and next_link[0].reason.startswith("Verweis")


def test_article_text_survives_cleaning(sources):
    nume = sources["nume-putin-lobt-kim-in-peking"].body
    assert nume.startswith("Russlands Präsident Wladimir Putin hat am Mittwoch")
    assert nume.endswith("entbehrt jeder Grundlage.“")
    assert "Nordkorea intensivierte Beziehungen zu Russland" in sources["dpa-afx-kim-auf-dem-weg-nach-peking"].body


def test_cleaner_rules_are_general():
    text = "Ein Satz über Kim.\n\nEin Satz über Kim.\nZweiter Absatz mit Inhalt.\nShare\n© 2025 Verlag\nNoch ein Satz."
    cleaned = clean(text, RULES)
    assert cleaned.body == "Ein Satz über Kim.\nZweiter Absatz mit Inhalt."
    reasons = {f.text: f.reason for f in cleaned.furniture}
    assert reasons["Share"] == "Teilen-Aufforderung"
    assert "Copyright" in reasons["© 2025 Verlag"]
    assert "Artikelende" in reasons["Noch ein Satz."]


def test_web_page_furniture_around_an_article():
    page = "\n".join([
        "Stand: 14.03.2025 18:42 Uhr",
        "Von Katrin Brand, ARD-Hauptstadtstudio",
        "Bundeskanzler Olaf Scholz ist am Freitag nach Warschau gereist.",
        "Mehr zum Thema",
        "Merz kritisiert Scholz für Zögern bei Taurus-Lieferung",
        "Von Moskau nach Peking",
        "Tusk sagte: „Wir stehen Seite an Seite.“",
        "Zum Kommentarbereich",
        "Schlagworte",
        "Olaf Scholz",
        "Donald Tusk",
    ])
    cleaned = clean(page, RULES)
    reasons = {f.text: f.reason for f in cleaned.furniture}
    assert reasons["Stand: 14.03.2025 18:42 Uhr"] == "Datumszeile"
    assert reasons["Von Katrin Brand, ARD-Hauptstadtstudio"] == "Autorenzeile"
    # a list heading takes the teaser lines after it, up to the next sentence
    assert reasons["Merz kritisiert Scholz für Zögern bei Taurus-Lieferung"] == "Liste nach „Mehr zum Thema“"
    assert reasons["Donald Tusk"] == "Liste nach „Schlagworte“"
    assert "Kommentar" in reasons["Zum Kommentarbereich"]
    assert cleaned.body == "Bundeskanzler Olaf Scholz ist am Freitag nach Warschau gereist.\nTusk sagte: „Wir stehen Seite an Seite.“"


@pytest.mark.parametrize("line, reason", [
    ("Zur Startseite", "Navigation"),
    ("Hier geht's zum Liveblog", "Navigation"),
    ("Eine Analyse von Peter Beck", "Autorenzeile"),
    ("Hören Sie diesen Artikel", "Audio-/Bild-Bedienelement"),
    ("Palästinenser in Chan Junis (Archivbild)", "Bildunterschrift"),
    ("Mit Material von dpa und AFP", "Quellenangabe der Redaktion"),
    ("Transparenzhinweis: In einer früheren Version hieß es, die Feuerpause gelte ab Montag.", "Hinweis der Redaktion"),
    ("aktualisiert am 3. September 2025, 14:10 Uhr", "Datumszeile"),
    ("28.10.2025, 17.42 Uhr • aus DER SPIEGEL", "Datumszeile"),
    ("Artikel hören • 6 Min", "Audio-/Bild-Bedienelement"),
    ("Zur Merkliste hinzufügen", "Audio-/Bild-Bedienelement"),
    ("(Sandra Schieder, Fabian Schmid, 9.7.2025)", "Kürzel und Datum am Artikelende"),
    ("Matthias Müller, Peking", "Autorenzeile mit Ort"),
    ("Helfer in Tawila verteilen Wasser Foto: Mohammed Jamal / AFP", "Bildunterschrift mit Bildnachweis"),
    ("Legende: Helfer verteilen Wasser in Tawila. Keystone/Mohammed Jamal", "Bildunterschrift"),
    ("SRF 4 News, 11.06.2025, 17:00 Uhr", "Sendungshinweis"),
    ("Aktualisiert am 19.06.2024 – 21:30 Uhr", "Datumszeile"),
    ("Online seit heute, 9.48 Uhr", "Datumszeile"),
    ("Die Fragen stellte Thomas Berger.", "Autorenzeile"),
    ("Diese Nachricht wurde am 10.10.2025 im Programm Deutschlandfunk gesendet.", "Sendungshinweis"),
    ("Xi Jinping (Mitte) mit Wladimir Putin auf der Tribüne am Tiananmen-Tor. Bild: AP", "Bildunterschrift mit Bildnachweis"),
])
def test_furniture_line_kinds(line, reason):
    cleaned = clean(f"Israel und die Hamas haben sich auf eine Feuerpause geeinigt.\n{line}\nDas teilte Katar mit.", RULES)
    assert [(f.text, f.reason) for f in cleaned.furniture] == [(line, reason)]


def test_a_picture_credit_takes_the_caption_above_it():
    text = "\n".join([
        "Flüchtlinge aus El Faschir in einem Lager bei Tawila: Tausende kamen zu Fuß",
        "Foto: Mohammed Jamal / AFP",
        "",
        "Nach mehr als 500 Tagen Belagerung ist El Faschir gefallen.",
        "Foto: Ebrahim Hamid / AFP",
    ])
    cleaned = clean(text, RULES)
    assert [(f.line, f.reason) for f in cleaned.furniture] == [
        (1, "Bildunterschrift"), (2, "Foto-/Bildnachweis"), (5, "Foto-/Bildnachweis")]
    assert cleaned.body == "Nach mehr als 500 Tagen Belagerung ist El Faschir gefallen."  # a sentence is no caption


def test_article_lines_that_look_like_furniture_stay():
    text = "\n".join([
        "Von Moskau nach Peking",  # a subheading: "nach" is no name
        "Von Katrin Brand stammt der Bericht, den die Zeitung druckte.",  # a sentence, no byline
        "Mehr zum Thema",
        "Die Regierung kündigte am Montag neue Gespräche an.",  # article text ends the list
        "Weitere Gespräche folgen",
        "Stand der Verhandlungen ist offen.",
        "Das Bild: eine Stadt in Trümmern, die Menschen auf der Flucht.",  # a sentence, no credit
    ])
    cleaned = clean(text, RULES)
    assert [f.text for f in cleaned.furniture] == ["Mehr zum Thema"]


@pytest.mark.parametrize("line, reason", [
    ("red, ORF.at/Agenturen", "Schlusszeile der Redaktion"),
    ("(Bericht von Anna Weber, redigiert von Jan Roth. Bei Rückfragen wenden Sie sich an die Redaktion.)",
     "Schlusszeile der Redaktion"),
    ("Weiter: Die Lage in Rafah", "Verweis auf andere Artikel (PREV/NEXT)"),
])
def test_closing_lines_end_the_article(line, reason):
    cleaned = clean(f"Israel und die Hamas haben sich geeinigt.\nDas teilte Katar mit.\n{line}\nLinks:\nKatar", RULES)
    assert cleaned.body == "Israel und die Hamas haben sich geeinigt.\nDas teilte Katar mit."
    assert [f.reason for f in cleaned.furniture][0] == reason


def test_sentences_that_start_like_navigation_links_do_not_end_the_article():
    # "Weiter" and "Zurück" are links only alone or before a separator; as the first word of a
    # sentence in the second half of an article they must not cut off the rest.
    text = "\n\n".join([
        "Die Lufthansa hat im zweiten Quartal mehr verdient.",
        "Die Piloten drohen mit einem Streik.",
        "Weiter hakt es bei der Auslieferung neuer Flugzeuge.",
        "Zurück bleibt ein Konzern unter Druck.",
        "Der Vorstand will im Herbst neue Ziele vorlegen.",
        "Weiter",
        "Ein Teaser zu einem anderen Artikel",
    ])
    cleaned = clean(text, RULES)
    assert cleaned.body.split("\n\n") == [
        "Die Lufthansa hat im zweiten Quartal mehr verdient.",
        "Die Piloten drohen mit einem Streik.",
        "Weiter hakt es bei der Auslieferung neuer Flugzeuge.",
        "Zurück bleibt ein Konzern unter Druck.",
        "Der Vorstand will im Herbst neue Ziele vorlegen.",
    ]
    assert [f.reason for f in cleaned.furniture] == [
        "Verweis auf andere Artikel (PREV/NEXT)", "nach dem Artikelende (Seitenfuß)"]


def test_editor_can_keep_and_drop_lines():
    text = "Erster Satz des Artikels.\nToday\nWerbung für etwas ganz anderes."
    cleaned = clean(text, RULES, keep=["Today"], drop=["Werbung für etwas ganz anderes."])
    assert cleaned.body == "Erster Satz des Artikels.\nToday"
    assert cleaned.furniture[0].reason.startswith("redaktionell")


FRONT = "id: test-quelle\ntitle: Test\noutlet: null\nurl: null\npublished: 2025-09-01\nlanguage: de"


def _error(tmp_path: Path, name: str, front: str | None, body: str = "Ein Satz.") -> str:
    (tmp_path / "content" / "sources").mkdir(parents=True, exist_ok=True)
    if front is None:
        (tmp_path / "content" / "sources" / name).write_text(body, encoding="utf-8")
    else:
        write_source(tmp_path, name, front, body)
    with pytest.raises(DossierError) as exc:
        load_sources(tmp_path / "content")
    return str(exc.value)


def test_missing_front_matter(tmp_path):
    assert "a.md:1: missing front matter" in _error(tmp_path, "a.md", None)


def test_unknown_field_names_its_line(tmp_path):
    message = _error(tmp_path, "a.md", FRONT + "\noutlett: dpa")
    assert "a.md:8: unknown field 'outlett'" in message


def test_wrong_type_and_bad_date(tmp_path):
    message = _error(tmp_path, "a.md", FRONT.replace("2025-09-01", "gestern"))
    assert "a.md:6:" in message and "published" in message


def test_bad_yaml_syntax_gives_line(tmp_path):
    message = _error(tmp_path, "a.md", FRONT.replace("title: Test", "title: [Test"))
    assert "a.md:" in message and "invalid YAML" in message


def test_path_traversal_id_is_refused(tmp_path):
    message = _error(tmp_path, "a.md", FRONT.replace("test-quelle", "../../etc"))
    assert "a.md:2:" in message and "not a valid id" in message


def test_duplicate_source_ids(tmp_path):
    (tmp_path / "content" / "sources").mkdir(parents=True)
    write_source(tmp_path, "a.md", FRONT, "Satz eins.")
    message = _error(tmp_path, "b.md", FRONT, "Satz zwei.")
    assert "b.md:2: duplicate source id 'test-quelle'" in message


def test_future_date_empty_body_and_encoding(tmp_path):
    assert "in the future" in _error(tmp_path, "a.md", FRONT.replace("2025-09-01", "2999-01-01"))
    assert "body is empty" in _error(tmp_path / "x", "b.md", FRONT, "\n\nToday\n")
    (tmp_path / "y" / "content" / "sources").mkdir(parents=True)
    (tmp_path / "y" / "content" / "sources" / "c.md").write_bytes(b"---\n" + FRONT.encode() + b"\n---\nZeile\n\xff\xfe kaputt")
    with pytest.raises(DossierError, match=r"c\.md:10: not valid UTF-8"):
        load_sources(tmp_path / "y" / "content")


def test_read_cache_gives_the_same_sources_and_sees_every_change(tmp_path):
    import os
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "sources", content / "sources")
    shutil.copytree(ROOT / "content" / "lexicon", content / "lexicon")
    cache = tmp_path / ".cache" / "sources.pickle"
    fresh = load_sources(content)
    assert load_sources(content, cache_file=cache) == fresh and cache.exists()
    assert load_sources(content, cache_file=cache) == fresh  # from the cache

    path = sorted((content / "sources").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    # an edit of the same size and mtime would fool any stat cache; a real edit changes either
    assert "Treffen mit Kim" in text
    path.write_text(text.replace("Treffen mit Kim", "Treffen mit Kym"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed = {s.meta.id: s for s in load_sources(content, cache_file=cache)}
    assert changed == {s.meta.id: s for s in load_sources(content)}
    assert "Treffen mit Kym" in changed[next(s.meta.id for s in fresh if s.path == path.as_posix())].body

    path.write_text(text.replace("published: ", "published: 2999-01-01\nx_old_published: ", 1), encoding="utf-8")
    with pytest.raises(DossierError):
        load_sources(content, cache_file=cache)
    path.write_text(text, encoding="utf-8")
    (content / "lexicon" / "furniture.yml").write_text("rules: []\n", encoding="utf-8")
    assert load_sources(content, cache_file=cache) == load_sources(content)  # other rules: read again


def test_a_name_alone_above_a_date_line_is_the_byline():
    text = "\n".join(["Granaten gegen Öl: Die Bilanz einer Partnerschaft", "", "Carola Wendt", "12.11.2024 - 16:00 Uhr", "",
                     "Russland und Nordkorea", "Stand: 12.11.2024", "Der Schulterschluss ist besiegelt."])
    cleaned = clean(text, RULES)
    assert [(f.text, f.reason) for f in cleaned.furniture] == [
        ("Carola Wendt", "Autorenzeile"), ("12.11.2024 - 16:00 Uhr", "Datumszeile"), ("Stand: 12.11.2024", "Datumszeile")]
    assert "Russland und Nordkorea" in cleaned.body  # a heading, no name: "und" second
