"""Tests for dossier.extraction.quotes."""

import pytest

from dossier.extraction.quotes import QuoteSpan, find_quotes


def only(sentence: str, **kw) -> QuoteSpan:
    found = find_quotes(sentence, **kw)
    assert len(found) == 1, found
    return found[0]


def check_offsets(sentence: str, quotes: list[QuoteSpan]) -> None:
    for q in quotes:
        assert sentence[q.start:q.end] == q.text
        if q.speaker_text is not None:
            assert sentence[q.speaker_start:q.speaker_end] == q.speaker_text


# --------------------------------------------------------------------------- corpus sentences

USCHAKOW_1 = (
    "Kremlberater Juri Uschakow wies die Äußerung mit ironischem Unterton zurück: "
    "„Es gibt keine Verschwörung, niemand hat auch nur daran gedacht."
)
USCHAKOW_2 = "Die Vorstellung, es würde hier etwas gegen die USA geplant, entbehrt jeder Grundlage.“"


def test_colon_quote_with_pronoun_speaker():
    s = (
        "Ohne den Ukraine-Krieg direkt zu nennen, erklärte er: „Wenn es etwas gibt, das ich für Sie und "
        "das Volk Russlands tun kann, werde ich es als brüderliche Pflicht betrachten und bereit sein, "
        "alles zu unternehmen.“"
    )
    q = only(s)
    assert q.partial is False
    assert q.speaker_text == "er"
    assert q.cue == "erklärte"
    assert q.text.startswith("Wenn es etwas gibt") and q.text.endswith("unternehmen.")
    check_offsets(s, [q])


def test_postposed_attribution_with_role_word():
    s = (
        "„Es ist unser Nachbar, es ist ein befreundetes Land, mit dem wir bilaterale Beziehungen aufbauen“, "
        "sagte Kremlsprecher Dmitri Peskow und fügte hinzu, dass sich diese Beziehungen weiter entwickeln werden."
    )
    q = only(s)
    assert "Dmitri Peskow" in q.speaker_text
    assert q.cue == "sagte"
    assert q.partial is False
    check_offsets(s, [q])


def test_separable_cue_before_colon_joined_text():
    s = USCHAKOW_1 + " " + USCHAKOW_2
    q = only(s)
    assert "Juri Uschakow" in q.speaker_text
    assert q.cue == "wies zurück"
    assert q.partial is False
    assert q.text.endswith("jeder Grundlage.")
    check_offsets(s, [q])


def test_unclosed_opening_mark_runs_to_end():
    q = only(USCHAKOW_1)
    assert "Juri Uschakow" in q.speaker_text
    assert q.text == "Es gibt keine Verschwörung, niemand hat auch nur daran gedacht."


def test_closing_mark_continues_previous_quote():
    q = only(USCHAKOW_2, previous_sentence=USCHAKOW_1)
    assert q.start == 0
    assert q.text == USCHAKOW_2[:-1]
    assert q.partial is False
    # without an open quote in the previous sentence a lone closing mark is ignored
    assert find_quotes(USCHAKOW_2, previous_sentence="Es war kalt.") == []


def test_partial_quote_in_reported_speech():
    s = (
        "Der frühere Präsident Donald Trump schrieb auf seiner Plattform, er sende Xi, Putin und Kim "
        "„die herzlichsten Grüße, während ihr gegen die Vereinigten Staaten konspiriert“."
    )
    q = only(s)
    assert q.partial is True
    assert "Donald Trump" in q.speaker_text
    assert q.cue == "schrieb"
    check_offsets(s, [q])


def test_two_short_partial_quotes_with_sentence_subject():
    s = (
        "Putin nutzte den Auftakt der Unterredung, um vor laufenden Kameras den „Mut und Heldenmut“ "
        "nordkoreanischer Soldaten hervorzuheben, die nach seinen Worten „Schulter an Schulter“ mit "
        "russischen Einheiten den ukrainischen Vorstoß zurückgeschlagen hätten."
    )
    found = find_quotes(s)
    assert [q.text for q in found] == ["Mut und Heldenmut", "Schulter an Schulter"]
    assert all(q.partial for q in found)
    assert [q.speaker_text for q in found] == ["Putin", "Putin"]
    check_offsets(s, found)


def test_partial_after_dass_clause():
    s = (
        "Kim wiederum betonte in seinen einleitenden Worten, dass die bilateralen Beziehungen seit "
        "Unterzeichnung eines umfassenden strategischen Partnerschaftsabkommens im Juni 2024 "
        "„erheblich vertieft“ worden seien."
    )
    q = only(s)
    assert q.text == "erheblich vertieft"
    assert q.partial is True
    assert q.speaker_text == "Kim"
    assert q.cue == "betonte"


def test_participle_cue_with_clause_subject():
    q = only(
        "Moskau hat bereits in der Vergangenheit erklärt, dass es Raum für „sehr tiefe Beziehungen“ "
        "zu Nordkorea gebe."
    )
    assert q.partial is True
    assert q.speaker_text == "Moskau"
    assert q.cue == "erklärt"


def test_quoted_name_is_not_a_quote():
    assert find_quotes('In Moskau war der "Tag des Sieges" im Mai gefeiert worden.') == []


def test_quoted_term_far_from_cue_is_not_a_quote():
    s = (
        "Unter Berufung auf den stellvertretenden Außenminister Hong Lei hieß es, Kim Jong-un werde am "
        '3. September bei den "chinesischen Victory-Day-Gedenkfeiern" dabei sein.'
    )
    assert find_quotes(s) == []


def test_sprach_von_makes_a_short_phrase_a_quote():
    s = "Das teilte der Kreml mit und sprach von einem „freundschaftlichen Staatsbesuch“."
    q = only(s)
    assert q.text == "freundschaftlichen Staatsbesuch"
    assert q.partial is True
    assert q.speaker_text in ("der Kreml", "Kreml")
    assert q.cue == "sprach von"
    check_offsets(s, [q])


def test_term_without_cue():
    s = (
        "Anschließend wird Putin zu einem zweitägigen Besuch nach Vietnam reisen, um die „umfassende "
        "strategische Partnerschaft“ zwischen Moskau und Hanoi voranzutreiben"
    )
    assert find_quotes(s) == []


# --------------------------------------------------------------------------- marks


@pytest.mark.parametrize(
    "sentence",
    [
        "Biden sagte: “We will stand with Ukraine as long as it takes.”",
        'Biden sagte: "We will stand with Ukraine as long as it takes."',
        "Biden sagte: »We will stand with Ukraine as long as it takes.«",
        "Biden sagte: «We will stand with Ukraine as long as it takes.»",
        "Biden sagte: „We will stand with Ukraine as long as it takes.”",
    ],
)
def test_mark_styles(sentence):
    q = only(sentence)
    assert q.text == "We will stand with Ukraine as long as it takes."
    assert q.speaker_text == "Biden"
    assert q.cue == "sagte"
    assert q.partial is False


def test_book_title_in_guillemets_is_not_a_quote():
    assert find_quotes("Sein Buch »Digitale Demenz« erschien 2012.") == []
    assert find_quotes("Er las »Der Mann, der niemals aufgab« im Urlaub.") == []


def test_single_quotes_only_with_cue():
    q = only("Er sagte ‚Nein‘ zu allem.")
    assert q.text == "Nein" and q.speaker_text == "Er"
    assert find_quotes("Die Operation ‚Wüstensturm‘ begann.") == []
    assert find_quotes("Er geht’s an, sagte sie.") == []  # apostrophe


def test_unbalanced_marks():
    q = only("Er sagte: „Wir kommen wieder")
    assert q.text == "Wir kommen wieder"
    # a lone closing mark after a digit is an inch sign, not a quote
    assert find_quotes('Der Bildschirm misst 12" und ist neu.') == []


# --------------------------------------------------------------------------- attribution rules


def test_so_attribution():
    q = only("„Wir sind bereit“, so Putin.")
    assert q.speaker_text == "Putin" and q.cue == "so"


def test_laut_attribution():
    q = only("Laut Kremlsprecher Peskow sei das Treffen „ein großer Erfolg für beide Seiten“ gewesen.")
    assert q.speaker_text == "Kremlsprecher Peskow" and q.cue.lower() == "laut"


def test_subject_after_inverted_verb():
    q = only("Am Mittwoch sagte der russische Präsident Wladimir Putin: „Wir sind Freunde.“")
    assert "Wladimir Putin" in q.speaker_text


def test_apposition():
    q = only("Der Sprecher des Kremls, Dmitri Peskow, sagte, man sei „sehr zufrieden mit den Gesprächen“.")
    assert q.speaker_text == "Dmitri Peskow"


def test_split_quote_second_part_is_not_partial():
    s = "„Das ist inakzeptabel“, sagte er, „und wir werden reagieren.“"
    found = find_quotes(s)
    assert [q.partial for q in found] == [False, False]
    assert [q.speaker_text for q in found] == ["er", "er"]
    check_offsets(s, found)


def test_whole_sentence_quote_without_cue():
    q = only("„Wir werden diesen Krieg gewinnen.“")
    assert q.partial is False and q.speaker_text is None and q.cue is None


def test_short_quote_with_postposed_cue():
    q = only("„Nein“, sagte sie.")
    assert q.text == "Nein" and q.speaker_text == "sie"


def test_no_quotes():
    assert find_quotes("Putin traf Kim in Peking.") == []


# --- the cue patterns are tried only at their first words: the same matches as finditer ----------

@pytest.mark.parametrize("sentence", [
    "Er sagte, man SAGTE es, Sagten sie? Kremlsprecher Dmitri Peskow teilte am Montag mit, es sei gut.",
    "Laut Kreml und nach Angaben von Moskau, unter Berufung auf Diplomaten, so der Sprecher, sprach er von Frieden.",
    "Dem Minister zufolge wies er die Vorwürfe zurück; nach seinen Worten hob er hervor, er fügte hinzu und stellte klar.",
    "Er kündigte an, sagte‑sagte sagtest Sagte_ ſagte ſprach von, Kelvin \u212aündigte an.",
    "Man sprach nicht von ihm, laut-los, nachher so, zufolge Zufolge.",
    "Er warf ihr vor, sprach vor den Medien von einem □ und sprach mit ihm von □, wirft vor.",
])
def test_cue_search_equals_a_full_scan(sentence):
    import dossier.extraction.quotes as quotes

    words = quotes._word_starts(sentence)
    for pattern, first_words in ((quotes._SEPARABLE_RE, quotes._SEPARABLE_WORDS), (quotes._SPRACH_VON_RE, quotes._SPRACH_WORDS),
                                 (quotes._PREP_RE, quotes._PREP_WORDS), (quotes._WORTEN_RE, quotes._NACH)):
        assert [m.span() for m in quotes._matches(pattern, sentence, words, first_words)] == [
            m.span() for m in pattern.finditer(sentence)]
    assert quotes._simple_verbs(sentence, words) == [m.span() for m in quotes._SIMPLE_RE.finditer(sentence)]


# --------------------------------------------------------------------------- guillemets (L)


def test_swiss_guillemets_pair_like_german_quotes():
    """«…» (Swiss/French: opens with «) is a quote as „…“ is; words of speech that start lower-case
    are a quote even without a cue (a title starts with a capital)."""
    s = "Die Ministerin sprach vor den Medien in Bern von einem «massgeschneiderten Paket»."
    q = only(s)
    assert (q.text, q.speaker_text, q.cue, q.partial) == ("massgeschneiderten Paket", "Die Ministerin", "sprach von", True)
    q = only("«Wir sichern den Zugang zum Markt», sagte die Ministerin.")
    assert q.text == "Wir sichern den Zugang zum Markt" and q.partial is False and q.speaker_text == "die Ministerin"
    for marks in ("«»", "„“", "»«"):
        s = f"Die Ministerin hält das für falsch: Eine solche Frage verlange {marks[0]}die Zustimmung der Kantone{marks[1]}."
        assert [q.text for q in find_quotes(s)] == ["die Zustimmung der Kantone"], marks
    check_offsets(s, find_quotes(s))


def test_guillemets_still_mark_titles_without_a_cue():
    assert find_quotes("Ihr Buch «Digitale Demenz» erschien 2012.") == []
    assert find_quotes("Er las «Der Mann, der niemals aufgab» im Urlaub.") == []
    # "sprach … von" with words between is a cue only when a quote follows "von"
    from dossier.extraction.quotes import _find_cues

    assert "sprach von" not in [c.text for c in _find_cues("Er sprach mit dem Präsidenten von Frankreich über □.")]
    assert "sprach von" in [c.text for c in _find_cues("Er sprach in Bern von einer neuen □.")]


def test_german_guillemets_keep_working():
    q = only("»Wir sichern den Zugang zum Markt«, sagte die Ministerin.")
    assert q.text == "Wir sichern den Zugang zum Markt" and q.speaker_text == "die Ministerin"


# --------------------------------------------------------------------------- speech verbs and order (G)


def test_separable_vorwerfen():
    s = 'Der russische Botschafter Iwan Petrow warf den Europäern vor, die Diplomatie "mutwillig zu zerstören".'
    q = only(s)
    assert q.cue == "warf vor" and q.speaker_text == "Der russische Botschafter Iwan Petrow" and q.partial
    q = only("Die Abgeordnete Petra Kowalski warf der Regierung vor, Fehler zu machen: „Die Koalition lässt alle im Stich.“")
    assert q.cue == "warf vor" and q.speaker_text == "Die Abgeordnete Petra Kowalski" and not q.partial
    # "vor" that is no particle of the verb: no cue, a short quoted name stays a name
    assert find_quotes("Er warf einen Blick vor das „Rote Rathaus“ und ging.") == []


@pytest.mark.parametrize("verb", ["sagte", "mahnte", "warnte", "betonte"])
def test_adverb_first_then_verb_then_subject(verb):
    s = f"Zugleich {verb} er, der Prozess müsse „ohne Verzögerung und ohne Tricks“ abgeschlossen werden."
    assert only(s).speaker_text == "er"
    s = f"Dabei {verb} Ministerin Petra Kowalski, der Prozess müsse „ohne Verzögerung“ enden."
    assert only(s).speaker_text == "Ministerin Petra Kowalski"
    # "er" after the verb is its subject whatever comes first (nominative only)
    s = f"Gleichzeitig {verb} er, der Prozess müsse „ohne Verzögerung“ enden."
    assert only(s).speaker_text == "er"


def test_name_first_is_still_the_subject():
    # a name that is also a word ("Kurz") before the verb stays the speaker when no subject follows
    assert only("Kurz sagte, der Prozess müsse „ohne Verzögerung“ enden.").speaker_text == "Kurz"
    # "sie" after the verb may be the object: the name before the verb stays the speaker
    assert only("Merz lobte sie als „verlässliche Partnerin“.").speaker_text == "Merz"
    assert only("Er sagte, der Prozess müsse „ohne Verzögerung“ enden.").speaker_text == "Er"


def test_kuendigte_an_with_its_own_speaker():
    s = "Präsident Pierre Dubois kündigte an, man werde «jeden Franken Lohn verteidigen»."
    q = only(s)
    assert q.cue == "kündigte an" and q.speaker_text == "Präsident Pierre Dubois"


# --------------------------------------------------------------------------- descriptions (H)


def test_speaker_before_a_relative_clause():
    s = 'Der 57-Jährige, der den Posten am 1. Januar an Max Muster abgibt, sprach von einem "Kraftakt", der bevorstehe.'
    q = only(s)
    assert (q.text, q.speaker_text, q.cue) == ("Kraftakt", "Der 57-Jährige", "sprach von")
    s = "Die Ministerin, die seit Mai im Amt ist, sagte, es sei „ein Kraftakt“."
    assert only(s).speaker_text == "Die Ministerin"


def test_age_noun_after_the_verb():
    q = only("„Ich glaube an die Kraft der Politik“, sagte der 76-Jährige darin.")
    assert q.speaker_text == "der 76-Jährige"


# --------------------------------------------------------------------------- titles (K)


def test_newspaper_after_the_speech_verb_is_no_quote():
    s = "„Das ist ein Wortbruch“, sagte er der „Sächsischen Zeitung“."
    assert [q.text for q in find_quotes(s)] == ["Das ist ein Wortbruch"]
    s = "„Das ist ein Wortbruch“, sagte die Ministerin dem „Spiegel“."
    assert [q.text for q in find_quotes(s)] == ["Das ist ein Wortbruch"]
    s = "Das sagte der „Tagesspiegel“ unter Berufung auf Diplomaten."
    assert find_quotes(s) == []


def test_one_word_partial_quotes_after_articles_stay_quotes():
    assert only('Der Chef sprach von einem "Kraftakt".').text == "Kraftakt"
    assert only("Er sprach von der „Zeitenwende“.").text == "Zeitenwende"
    assert only("Sie nannte das Ergebnis „enttäuschend“.").text == "enttäuschend"


# --------------------------------------------------------------------------- previous sentence (I)


def test_quote_sentence_takes_the_speaker_of_the_sentence_before():
    prev = "Nun sei Ankara am Zug, sagte die Ko-Vorsitzende Tülay Demir. "
    s = "„Jetzt braucht es Gesetze, nicht nur schöne Worte.“"
    q = only(s, previous_sentence=prev)
    assert q.speaker_in_previous and q.cue == "sagte" and q.partial is False
    assert prev[q.speaker_start:q.speaker_end] == q.speaker_text == "die Ko-Vorsitzende Tülay Demir"
    q = only(s, previous_sentence="„Wir sind bereit“, sagte Kanzler Max Muster. ")
    assert q.speaker_text == "Kanzler Max Muster" and q.speaker_in_previous


def test_quote_sentence_without_speech_before_keeps_no_speaker():
    s = "„Jetzt braucht es Gesetze, nicht nur schöne Worte.“"
    for prev in ("Es ist spät. ",  # no speech verb, no subject
                 "Nun sei Ankara am Zug, sagte die Ko-Vorsitzende Tülay Demir.\n\n"):  # another paragraph
        q = only(s, previous_sentence=prev)
        assert q.speaker_text is None and q.cue is None and not q.speaker_in_previous
    # without a speech verb the subject is offered without a cue (the records keep only a person)
    q = only(s, previous_sentence="Ankara ist am Zug. ")
    assert (q.speaker_text, q.cue, q.speaker_in_previous) == ("Ankara", None, True)
    # a quote with more of the sentence after it is not a sentence of its own
    q = only("„Jetzt braucht es Gesetze“ ist ein Satz.", previous_sentence="Dazu sagte Max Muster etwas. ")
    assert q.speaker_text is None and not q.speaker_in_previous
    # a quote with its own cue keeps it
    q = only("„Wir kommen“, sagte sie.", previous_sentence="Dazu sagte Max Muster etwas. ")
    assert q.speaker_text == "sie" and not q.speaker_in_previous


# --------------------------------------------------------------------------- whole pipeline


def _pipeline(text: str):
    from test_extraction import _extract

    return _extract(text)


def test_sentence_splitter_pairs_the_guillemet_actually_used():
    for opener, closer in (("«", "»"), ("»", "«"), ("„", "“")):
        text = (f"Ministerin Petra Kowalski sprach von einem {opener}guten Paket{closer}. "
                f"{opener}Wir sichern den Zugang zum Markt{closer}, sagte Kowalski. Danach ging sie.")
        ex = _pipeline(text)
        assert [s.text for s in ex.sentences] == [
            f"Ministerin Petra Kowalski sprach von einem {opener}guten Paket{closer}.",
            f"{opener}Wir sichern den Zugang zum Markt{closer}, sagte Kowalski.", "Danach ging sie."], opener
        assert [(q.text, q.speaker) for q in ex.quotes] == [
            ("guten Paket", "petra-kowalski"), ("Wir sichern den Zugang zum Markt", "petra-kowalski")], opener
    # a full stop inside the quote, closed by the matching guillemet, ends the sentence there
    ex = _pipeline("Kowalski sagte: «Wir kommen wieder.» Danach ging sie.")
    assert [s.text for s in ex.sentences] == ["Kowalski sagte: «Wir kommen wieder.»", "Danach ging sie."]


def test_descriptions_refer_to_the_last_person_named():
    text = ("Der Gründer Abdul Ocalo rief zur Abgabe der Waffen auf. "
            "„Ich glaube an die Politik“, sagte der 76-Jährige darin. "
            "Ministerin Petra Kowalski sprach von einem Tag. "
            "Die 57-Jährige, die seit Mai im Amt ist, sprach von einem „Kraftakt“. "
            "Kommissar Jan Novak war zufrieden. Er hoffe auf eine Lösung „so bald wie möglich“, sagte der Slowake. "
            "„Wir warten“, sagte die Slowakin.")
    ex = _pipeline(text)
    assert [(q.text, q.speaker) for q in ex.quotes] == [
        ("Ich glaube an die Politik", "abdul-ocalo"), ("Kraftakt", "petra-kowalski"),
        ("so bald wie möglich", "jan-novak"), ("Wir warten", "petra-kowalski")]
    # (a feminine description skips "Kommissar Jan Novak": the last woman named, "Ministerin Petra Kowalski")


def test_descriptions_that_name_no_person():
    from support import ROOT

    from dossier.editorial import Editorial, load_editorial
    from dossier.extraction.lexicon import build_lexicon, load_events
    from dossier.extraction.records import _is_person_description
    from dossier.model import ActorsFile, DossierSettings

    content = load_editorial(ROOT / "content")
    editorial = Editorial(settings=DossierSettings(title="t"), actors=ActorsFile(actors=[]), roles=content.roles,
                          known_names=content.known_names)
    lexicon = build_lexicon(editorial, load_events(ROOT / "content"))
    people = ["der 76-Jährige", "Der 57-Jährige", "der Zwölfjährige", "der Slowake", "die Slowakin", "der Franzose",
              "der Angeklagte", "der Experte", "der Mediziner", "der Arzt", "der Forscher", "der 70-jährige",
              "die Medizinerin", "die Wissenschaftlerin", "die Ärztin"]
    others = ["der Name", "der Gedanke", "die Behörde", "die Polizei", "der Konzern", "die Medizin", "der Kreml",
              "die Regierung", "Jährige", "des Slowaken", "der Sender", "der Staat", "der Markt", "der Verband",
              "der Anbieter", "der Plan"]
    assert [t for t in people if not _is_person_description(t, lexicon)] == []
    assert [t for t in others if _is_person_description(t, lexicon)] == []
    ex = _pipeline("Ministerin Petra Kowalski kam. „Wir warten“, sagte die Polizei.")
    assert [(q.text, q.speaker) for q in ex.quotes] == [("Wir warten", None)]


def test_quote_sentence_speaker_from_the_sentence_before_in_the_records():
    text = ("Ministerin Petra Kowalski kam. Nun sei Ankara am Zug, sagte der Abgeordnete Jan Novak. "
            "„Jetzt braucht es Gesetze.“ Danach sprach Kowalski.\n\n„Wir warten.“")
    ex = _pipeline(text)
    assert [(q.text, q.speaker, q.speaker_text) for q in ex.quotes] == [
        ("Jetzt braucht es Gesetze.", "jan-novak", "der Abgeordnete Jan Novak"), ("Wir warten.", None, None)]


# --------------------------------------------------------------------------- more frames


def test_in_aussicht_stellen_is_a_speech_frame():
    s = "Ministerin Petra Kowalski stellte eine spätere Entlastung in Aussicht, „wenn die Spielräume da sind“."
    q = only(s)
    assert (q.speaker_text, q.cue, q.partial) == ("Ministerin Petra Kowalski", "stellte in Aussicht", True)
    assert find_quotes("Er stellte den „Plan B“ in Aussicht.") == []  # a quoted name stays a name


def test_quote_after_a_colon_without_a_cue_is_the_subjects():
    s = "Fraktionschef Jan Novak hält das für einen Fehler: Eine solche Frage verlange „die Zustimmung der Kantone“."
    assert only(s).speaker_text == "Fraktionschef Jan Novak"
    # a colon after a label names no speaker
    q = only("Das Motto: „Wir schaffen das, und zwar sofort.“")
    assert q.speaker_text is None and q.cue is None


# --------------------------------------------------------------------------- round 8


def test_party_or_age_in_brackets_after_the_name_keeps_the_speaker():
    for s in ("Innenminister Gerhard Karner (ÖVP) sprach im Plenum von einem „Meilenstein für die Sicherheit“.",
              "Innenminister Gerhard Karner (ÖVP) sagte: „Das ist ein Meilenstein.“",
              "Innenminister Gerhard Karner (58) sagte: „Das ist ein Meilenstein.“",
              "„Das ist ein Meilenstein“, sagte Innenminister Gerhard Karner (ÖVP)."):
        q = only(s)
        assert q.speaker_text == "Innenminister Gerhard Karner", s
        check_offsets(s, [q])
    # a relative clause opened by a preposition between subject and verb
    s = ("Staatssekretär Jan Novak (SPÖ), in dessen Zuständigkeit die Behörde fällt, betonte, es handle "
         "sich um „keine Massenüberwachung“.")
    assert only(s).speaker_text == "Staatssekretär Jan Novak"
    # a longer bracket, or one after a lower-case word, stays part of the sentence
    from dossier.extraction.quotes import _mask
    s = "Die Regierung (nach langem Streit und vielen Sitzungen) sagte (leise) ja."
    assert _mask(s, []) == s
    assert _mask("Novak (SPD/CSU) kam.", []) == "Novak           kam."


def test_naming_apposition_is_no_speech_verb():
    s = "Milizenchef Omar Daglo, genannt Hemeti, erklärte in einer Videobotschaft, seine Kämpfer hätten die Stadt »befreit«."
    q = only(s)
    assert (q.speaker_text, q.cue, q.text) == ("Milizenchef Omar Daglo", "erklärte", "befreit")
    # "genannt" as a verb of its own still is one
    q = only("Der Minister hat den Plan „einen Fehler“ genannt.")
    assert q.cue == "genannt" and q.speaker_text == "Der Minister"


def test_age_descriptions_in_other_spellings():
    assert only("„Das ist richtig“, betonte der 70-jährige.").speaker_text == "der 70-jährige"
    assert only("„Das ist richtig“, sagte der 65 Jahre alte Politiker.").speaker_text == "der 65 Jahre alte Politiker"
    assert only("Der 70-Jährige sagte: „Das ist richtig.“").speaker_text == "Der 70-Jährige"


def test_quote_in_the_verbs_clause_may_stand_further_away():
    s = "Bundeskanzler Jan Novak nannte den Gipfel trotz der Abwesenheit der USA „ein wichtiges Signal“."
    assert (only(s).speaker_text, only(s).cue) == ("Bundeskanzler Jan Novak", "nannte")
    s = "Novak erklärte in einer Videobotschaft aus der Hauptstadt am Abend, seine Kämpfer hätten die Stadt »befreit«."
    assert only(s).speaker_text == "Novak"
    # a quoted name after a clause boundary, or too far away, stays a name
    assert find_quotes("Novak sagte am Montag, die Mitglieder der Gruppe hätten „Neue Wege“ gewählt.") == []
    assert find_quotes("Novak sprach am Montag in Berlin vor Journalisten nach dem Treffen mit der Leitung der "
                       "„Neuen Zeit“.") == []
    # a quoted first part of a compound is a name
    assert find_quotes("Novak sagte in Berlin vor Journalisten der „Bild“-Zeitung nichts.") == []


def test_quote_sentence_takes_a_subject_without_speech_verb():
    s = "„Das sind wir unseren Mitarbeitern schuldig.“"
    for prev, sp in (("Künftig will der 58-Jährige die Lager mit Kameras überwachen lassen. ", "der 58-Jährige"),
                     ("Geschäftsführer Jan Novak will die Lager überwachen lassen. ", "Geschäftsführer Jan Novak"),
                     ("Gestern kam sie nach Berlin. ", "sie")):
        q = only(s, previous_sentence=prev)
        assert (q.speaker_text, q.cue, q.speaker_in_previous) == (sp, None, True), prev
    # an object first is no adverb: no subject found after the verb
    for prev in ("Den Plan stellte der Minister vor. ", "Es wird kalt. ", "Es kamen die Minister zusammen. ",
                 "Wir trafen die Ministerin gestern. "):
        q = only(s, previous_sentence=prev)
        assert q.speaker_text in (None, "Den Plan"), prev


def test_subjunctive_sentence_continues_the_last_speaker():
    prev = "Innenminister Jan Novak (ÖVP) sprach im Plenum von einem „Meilenstein“. "
    s = "Die Behörden seien bisher „blind und taub“, wenn Terroristen über verschlüsselte Dienste kommunizierten."
    q = only(s, previous_sentence=prev)
    assert (q.speaker_text, q.cue, q.speaker_in_previous, q.partial) == ("Innenminister Jan Novak", "sprach von", True, True)
    prev = "Die Ärztin Prof. Dr. Petra Kowalski von der Charité hält die Zahlen für alarmierend. "
    q = only("Zwar sei die Lage in den Kliniken „deutlich besser als noch vor zehn Jahren“.", previous_sentence=prev)
    assert (q.speaker_text, q.cue) == ("Die Ärztin Prof. Dr. Petra Kowalski", None)
    q = only("Man wolle „so bald wie möglich“ handeln.", previous_sentence="Novak sagte das am Montag. ")
    assert q.speaker_text == "Novak"
    q = only("Er gebe sich „zuversichtlich“.", previous_sentence="Novak sagte das am Montag. ")
    assert q.speaker_text == "Novak"
    # indicative: quoted words of a clause after a speech verb continue it ("Macron warnte vor … .
    # Die G20 liefen Gefahr, „ihre Daseinsberechtigung zu verlieren“")
    q = only("Die Gruppe laufe Gefahr, „ihre Berechtigung zu verlieren“.", previous_sentence="Novak warnte davor. ")
    assert (q.speaker_text, q.cue) == ("Novak", "warnte")
    q = only("Die Gruppe lief Gefahr, „ihre Berechtigung zu verlieren“.", previous_sentence="Novak warnte davor. ")
    assert (q.speaker_text, q.cue) == ("Novak", "warnte")
    # but a quoted word or phrase (under four words), or a previous sentence without a speech verb, is
    # no reported speech
    for s, prev in (("Der Plan gilt als „ehrgeizig“.", "Novak sprach von einem „Meilenstein“. "),
                    ("Die Behörden waren „blind und taub“.", "Novak sprach von einem „Meilenstein“. "),
                    ("Die Gruppe lief Gefahr, „ihre Berechtigung zu verlieren“.", "Novak kam nach Berlin. ")):
        q = find_quotes(s, previous_sentence=prev)
        assert all(not x.speaker_in_previous for x in q), s
    # another paragraph
    q = only("Die Behörden seien „blind und taub“.", previous_sentence="Novak sprach von einem „Meilenstein“.\n\n")
    assert q.speaker_text is None


def test_round8_speakers_in_the_records():
    text = ("Innenminister Gerhard Karner (ÖVP) sprach im Plenum von einem „Meilenstein für die Sicherheit“. "
            "Die Behörden seien bisher „blind und taub“, wenn Terroristen kommunizierten. "
            "Die Ärztin Petra Kowalski hält die Zahlen für alarmierend. "
            "Zwar sei die Lage „deutlich besser als vor zehn Jahren“. "
            "„Wir warten“, sagte die Medizinerin. "
            "Der Arzt Jan Novak kam. „Wir warten nicht“, sagte der Mediziner. "
            "Künftig will der 58-Jährige die Lager überwachen lassen. „Das sind wir allen schuldig.“ "
            "Die Regierung will die Lager überwachen lassen. „Das sind wir allen schuldig.“")
    ex = _pipeline(text)
    assert [(q.text, q.speaker) for q in ex.quotes] == [
        ("Meilenstein für die Sicherheit", "gerhard-karner"), ("blind und taub", "gerhard-karner"),
        ("deutlich besser als vor zehn Jahren", "petra-kowalski"), ("Wir warten", "petra-kowalski"),
        ("Wir warten nicht", "jan-novak"), ("Das sind wir allen schuldig.", "jan-novak"),
        # a subject that is no person, without a speech verb, is nobody's speaker
        ("Das sind wir allen schuldig.", None)]


def test_spokesperson_speaks_for_the_organisation():
    text = ("Der Pharmakonzern Roche testet einen Wirkstoff. "
            "Ein Sprecher des Unternehmens in Basel erklärte, man sei „vorsichtig optimistisch“. "
            "Ein Sprecher der Bundesregierung erklärte, man sei „sehr zufrieden“. "
            "Jan Novak kam. Ein Sprecher des Bürgermeisters erklärte, man sei „zuversichtlich“. "
            "„Wir warten“, sagte ein Sprecher.")
    ex = _pipeline(text)
    assert [(q.text, q.speaker) for q in ex.quotes] == [
        ("vorsichtig optimistisch", "roche"), ("sehr zufrieden", "bundesregierung"),
        # no organisation in the genitive, or no genitive: nobody
        ("zuversichtlich", None), ("Wir warten", None)]


def test_guillemets_and_low_quotes_take_the_same_distance():
    for o, c in (("»", "«"), ("„", "“"), ("«", "»")):
        s = f"Novak erklärte am Abend in einer langen Videobotschaft, seine Kämpfer hätten {o}Die Stadt ist frei{c} gerufen."
        assert [(q.text, q.speaker_text) for q in find_quotes(s)] == [("Die Stadt ist frei", "Novak")], o
        s = f"Novak erklärte am Abend in einer Videobotschaft, seine Kämpfer hätten die Stadt {o}befreit{c}."
        assert [(q.text, q.speaker_text) for q in find_quotes(s)] == [("befreit", "Novak")], o
        # a title without a speech verb near it stays a title
        assert find_quotes(f"Novak erklärte am Abend in Berlin und später in Bonn, das Buch sei {o}Digitale Demenz{c}.") == [], o
    assert find_quotes("Sein Buch »Der Mann, der die Welt rettete« erschien 2020.") == []
    assert find_quotes("Im Kino lief »Die Stadt ist frei« vor vollen Sälen.") == []


# --------------------------------------------------------------------------- round 9


def test_more_speech_verbs_versprechen_and_aufrufen():
    q = only("Ministerin Petra Kowalski versprach, dass es Karten »ab 10 Euro« geben werde.")
    assert (q.text, q.speaker_text, q.cue) == ("ab 10 Euro", "Ministerin Petra Kowalski", "versprach")
    q = only("Minister Jan Novak rief die Nachbarländer auf, die Hilfen „ohne Aufschub“ zu beschließen.")
    assert (q.text, q.speaker_text, q.cue) == ("ohne Aufschub", "Minister Jan Novak", "rief auf")
    # "rief … an" is no speech frame; a far name without a cue stays a name
    assert find_quotes("Novak rief die „Allianz Nord“ gestern an.") == []


def test_names_with_capitals_beyond_ascii():
    q = only("Präsident Aleksander Čeferin lobte den Plan als »klug und mutig«.")
    assert q.speaker_text == "Präsident Aleksander Čeferin"
    q = only("Łukasz Nowak lobte den Plan als »klug und mutig«.")
    assert q.speaker_text == "Łukasz Nowak"


def test_describing_apposition_after_the_name():
    q = only("Jan Novak, Koordinator der Initiative, sprach von einem „guten Tag für alle“.")
    assert q.speaker_text == "Jan Novak"
    q = only("Petra Kowalski, Sprecherin im Ministerium, sagte, man sei „sehr zufrieden“.")
    assert q.speaker_text == "Petra Kowalski"
    # a bare name between the commas is the subject itself
    q = only("Der Sprecher, Jan Novak, sagte, man sei „sehr zufrieden“.")
    assert q.speaker_text == "Jan Novak"


def test_description_with_a_name_in_apposition():
    q = only('Der Fraktionschef im Landtag, Jan Novak, verteidigte die Ministerin: Es sei "ihre Pflicht", zu handeln.')
    assert q.speaker_text == "Jan Novak"
    prev = "In Bonn wies der Sprecher des Ministeriums, Jan Novak, alle Vorwürfe zurück. "
    q = only("Die Frage sei eine «innere Angelegenheit der Stadt», sagte er.", previous_sentence=prev)
    assert q.speaker_text == "er"
    # a description without a name in apposition stays the speaker
    q = only('Der Fraktionschef im Landtag verteidigte die Ministerin: Es sei "ihre Pflicht", zu handeln.')
    assert q.speaker_text == "Der Fraktionschef"


def test_subjunctive_after_a_subject_with_apposition_continues_the_speaker():
    prev = 'Novak schrieb auf seiner Plattform, die Stadt sei "ein Chaos". '
    q = only('Der Bürgermeister der Stadt, Jan Kowalski, gehöre "ins Gefängnis", ebenso wie andere.', previous_sentence=prev)
    assert (q.speaker_text, q.speaker_in_previous) == ("Novak", True)
    # the indicative (preterite) reports nothing
    q = only('Der Bürgermeister der Stadt, Jan Kowalski, gehörte "ins Gefängnis", ebenso wie andere.', previous_sentence=prev)
    assert q.speaker_text is None


def test_short_lowercase_judgement_after_a_subjunctive_copula():
    prev = "In Bonn wies der Sprecher des Ministeriums, Jan Novak, alle Vorwürfe zurück. "
    q = only("Die Frage sei eine «innere Angelegenheit Bonns», in die sich niemand einmische.", previous_sentence=prev)
    assert (q.text, q.speaker_text, q.speaker_in_previous) == ("innere Angelegenheit Bonns", "Jan Novak", True)
    # without speech before, or as an attribute rather than the predicate, it stays a term
    assert find_quotes("Die Frage sei eine «innere Angelegenheit Bonns».", previous_sentence="Es regnete. ") == []
    prev = "Novak sagte, die Stadt bleibe offen. "
    assert find_quotes("Die Ziele der „militärischen Operation“ würden erreicht.", previous_sentence=prev) == []


def test_quote_in_the_clause_a_speech_verb_reports():
    s = ("Die 64-Jährige hatte im Parlament in Bonn gesagt, ein Angriff auf das Nachbarland könne für die "
         "Region eine «ernste Lage» darstellen.")
    q = only(s)
    assert (q.text, q.speaker_text, q.cue) == ("ernste Lage", "Die 64-Jährige", "gesagt")
    # another clause after a second comma is not the reported one
    s = ("Die 64-Jährige hatte im Parlament gesagt, der Plan komme, und in der Region wurde die "
         "«ernste Lage» ausgerufen.")
    assert find_quotes(s) == []


def test_subjunctive_continuation_after_a_describing_apposition():
    prev = "Jan Novak, Koordinator der Initiative, sprach von einem „guten Tag“. "
    q = only("Das Gericht habe klargestellt, dass niemand „digitale Profile von allen Menschen“ anlegen dürfe.",
             previous_sentence=prev)
    assert (q.speaker_text, q.speaker_in_previous) == ("Jan Novak", True)


def test_round9_speakers_in_the_records():
    text = ("Generalsekretär Jan Novak verurteilte die Angriffe. "
            "„Kowalski bombardiert, während andere verhandeln“, sagte der Niederländer in Bonn. "
            "„Wir warten“, sagte der Amerikaner.")
    ex = _pipeline(text)
    # a person named inside the quote is never its speaker
    assert [(q.text, q.speaker) for q in ex.quotes] == [
        ("Kowalski bombardiert, während andere verhandeln", "jan-novak"), ("Wir warten", "jan-novak")]


def test_role_references_prefer_the_same_role_then_the_last_speaker():
    # the speaker of the speech verb before is whom "der Senator" refers to, not the object named last
    ex = _pipeline("Der Minister Jan Novak warf Petra Kowalski dagegen vor, das Geld zu verschwenden. "
                   "„Das ist ein Fehler“, warnte der Senator aus Bonn.")
    assert [(q.text, q.speaker) for q in ex.quotes] == [("Das ist ein Fehler", "jan-novak")]
    # without a speech verb before: the last person named
    ex = _pipeline("Der Minister Jan Novak traf Petra Kowalski in Bonn. „Das ist ein Fehler“, warnte der Senator.")
    assert [(q.text, q.speaker) for q in ex.quotes] == [("Das ist ein Fehler", "petra-kowalski")]
    # a person named earlier with that very role
    ex = _pipeline("Senatorin Petra Kowalski kam nach Bonn. Dort traf sie Jan Novak. „Wir warten“, sagte die Senatorin.")
    assert [(q.text, q.speaker) for q in ex.quotes] == [("Wir warten", "petra-kowalski")]
    # pronouns keep referring to the last person named
    ex = _pipeline("Senatorin Petra Kowalski kam nach Bonn. Dort traf sie Jan Novak. „Wir warten“, sagte er.")
    assert [(q.text, q.speaker) for q in ex.quotes] == [("Wir warten", "jan-novak")]


# --------------------------------------------------------------------------- round 11


def test_more_speech_verbs_aeusserte_dankte_aufgerufen_verlauten():
    q = only("Regierungssprecherin Petra Kowalski äußerte in Bonn „tiefe Sorge“ über den Plan.")
    assert (q.text, q.speaker_text, q.cue) == ("tiefe Sorge", "Regierungssprecherin Petra Kowalski", "äußerte")
    q = only("Ministerin Petra Kowalski dankte den Helfern für ihre „Geduld“.")
    assert (q.speaker_text, q.cue) == ("Ministerin Petra Kowalski", "dankte")
    q = only("Der Kanzler Jan Novak hat zum Kampf gegen „Hass und Hetze“ aufgerufen.")
    assert (q.speaker_text, q.cue) == ("Der Kanzler Jan Novak", "aufgerufen")
    q = only("Novak selbst ließ verlauten, die Helfer seien «Vorbilder und Stützen des Landes».")
    assert (q.text, q.speaker_text, q.cue) == ("Vorbilder und Stützen des Landes", "Novak", "verlauten")
    # without such a verb a short quoted name stays a name
    assert find_quotes("Ministerin Petra Kowalski reiste mit der „Aurora“ nach Bonn.") == []


def test_a_dateline_is_no_part_of_the_sentence():
    for dateline in ("BONN (dpa) - ", "NEW YORK (AFP) – ", "Bonn (dpa) - ", "KIEL - "):
        q = only(dateline + "Bundeskanzler Jan Novak hat zum Widerstand gegen „Hass und Gewalt“ aufgerufen.")
        assert q.speaker_text == "Bundeskanzler Jan Novak", dateline
    # capitals joined by a hyphen are a word of the sentence
    q = only("NATO-Chef Jan Novak sagte: „Wir kommen.“")
    assert q.speaker_text == "NATO-Chef Jan Novak"


def test_subject_after_und_in_a_clause_of_its_own():
    s = "Nun bestätigt die Regierung, dass sie gekämpft hat – und Kanzler Jan Novak spricht von «Helden»."
    q = only(s)
    assert (q.text, q.speaker_text, q.cue) == ("Helden", "Kanzler Jan Novak", "spricht von")
    # "und" followed by a verb: no subject of its own, the speaker stays the clause's
    q = only("Kanzler Jan Novak kam nach Bonn und sprach von «Helden».")
    assert q.speaker_text == "Kanzler Jan Novak"


def test_a_genitive_before_the_adjectives_belongs_to_the_subject():
    q = only("Bonns außenpolitischer Berater Jan Novak sagte, das sei „ironisch gemeint“.")
    assert q.speaker_text == "Bonns außenpolitischer Berater Jan Novak"
    # an adverb ending in -s is no genitive
    q = only("Erstmals neuer Vorsitzender Jan Novak sagte: „Wir kommen.“")
    assert q.speaker_text == "neuer Vorsitzender Jan Novak"


def test_a_name_after_heisst_or_sogenannt_is_no_quote():
    assert find_quotes("Offiziell heißt der Feiertag „Tag der Befreiung des Landes von der Herrschaft der Fremden“.") == []
    assert find_quotes("Der Plan hieß intern „Aufbruch in eine neue Zeit ohne Schulden“.") == []
    assert find_quotes("Die Gruppe nennt sich „Freunde der offenen Gesellschaft in Europa“.") == []
    assert find_quotes("Die sogenannte „Achse der Autokraten“ wächst.") == []
    assert find_quotes("Ein Mann namens „Der Graf“ leitete die Bande.") == []
    # "heißt es" reports what a text says
    q = only("In der Erklärung heißt es, die Truppen hätten „den Feind vernichtet“.")
    assert q.text == "den Feind vernichtet"
    # "nannte" without "sich" is a speech verb
    q = only("Novak nannte den Plan „einen Aufbruch in eine neue Zeit“.")
    assert (q.speaker_text, q.cue) == ("Novak", "nannte")


def test_a_word_in_a_clause_opened_by_wer_is_a_term():
    s = "Doch wer von einer „Achse“ spricht, übersieht die Unterschiede, warnt Jan Novak vom Institut."
    assert find_quotes(s) == []
    assert find_quotes("Wer „Reform“ sagt, meint oft Kürzungen, sagte Novak.") == []
    # a speaker of its own: a quote
    q = only("Novak spricht von einer „Achse“, die gefährlich sei.")
    assert q.speaker_text == "Novak"
    # a longer quote in such a clause stays a quote
    s = "Wer „wir schaffen das nicht mehr“ sagt, gibt auf, sagte Novak."
    assert only(s).speaker_text == "Novak"


def test_lower_case_quote_in_the_reported_clauses_further_away():
    s = ("Novaks Schwester Petra Novak erklärte im Juli, Gespräche seien nur denkbar, wenn Bonn den Besitz "
         "von Waffen durch Kiel als „unumkehrbare Realität“ anerkenne.")
    q = only(s)
    assert (q.text, q.speaker_text, q.cue) == ("unumkehrbare Realität", "Novaks Schwester Petra Novak", "erklärte")
    q = only("Ein Sprecher der Kommission sagte in Brüssel, man beobachte die Abstimmung zwischen Bonn und Kiel „mit Sorge“.")
    assert (q.text, q.speaker_text) == ("mit Sorge", "Ein Sprecher")
    # a capitalised name there stays a name
    s = ("Novak erklärte im Juli, Gespräche seien nur denkbar, wenn Bonn den Besitz von Waffen durch Kiel "
         "als „Neue Realität“ anerkenne.")
    assert find_quotes(s) == []
    # a clause in the indicative after the reported one is not reported
    s = ("Novak erklärte im Juli, Gespräche seien nur denkbar, und in Bonn wurde die Lage von allen Seiten als "
         "„große Gefahr“ gesehen.")
    assert find_quotes(s) == []
    # a clause between is no adverbial: "sagte in Bonn, …" only with a short one
    assert find_quotes("Novak sagte am Montag, die Mitglieder der Gruppe hätten „Neue Wege“ gewählt.") == []


def test_reported_speech_goes_on_over_several_sentences():
    text = ("Der Minister Jan Novak warnte vor einer Krise. Petra Kowalski hörte zu. „Wir stehen vor der Wahl“, "
            "sagte der 72-Jährige. Das Volk stehe „auf der richtigen Seite“. Der Aufstieg der Nation sei "
            "„nicht aufzuhalten“.")
    ex = _pipeline(text)
    assert [(q.text, q.speaker, q.cue) for q in ex.quotes] == [
        ("Wir stehen vor der Wahl", "petra-kowalski", "sagte"), ("auf der richtigen Seite", "petra-kowalski", "sagte"),
        ("nicht aufzuhalten", "petra-kowalski", "sagte")]
    text = ("Petra Kowalski sagte, die Lage sei ernst. Die Gefahr sei groß. Das Land stehe „vor der Wahl“.")
    ex = _pipeline(text)
    assert [(q.text, q.speaker) for q in ex.quotes] == [("vor der Wahl", "petra-kowalski")]
    # a sentence in the indicative between ends the speech
    text = ("Petra Kowalski sagte, die Lage sei ernst. Jan Novak kam später. Das Land stehe „vor der Wahl“.")
    ex = _pipeline(text)
    assert [(q.text, q.speaker) for q in ex.quotes] == [("vor der Wahl", "jan-novak")]
    # so does a new paragraph
    text = ("Petra Kowalski sagte, die Lage sei ernst. Die Gefahr sei groß.\n\nDas Land stehe „vor der Wahl“.")
    ex = _pipeline(text)
    assert [q.speaker for q in ex.quotes] == [None]


# --------------------------------------------------------------------------- round 12


def test_meldete_is_a_speech_verb_of_an_agency():
    q = only("Die Gespräche seien in einer »offenen und konstruktiven Stimmung« verlaufen, meldete die Agentur Tass.")
    assert q.cue == "meldete" and q.speaker_text == "die Agentur Tass"


def test_zitierte_gives_the_one_cited_not_the_agency():
    q = only("Das Land sei bereit, den »politischen Dialog« fortzusetzen, zitierte ihn die Agentur Yonhap.")
    assert q.cue == "zitierte" and q.speaker_text == "ihn"
    q = only("Die Lage bleibe „sehr ernst“, zitierte die Zeitung den Minister.")
    assert q.speaker_text == "den Minister"
    q = only("Die Zeitung zitierte den Minister mit den Worten „Wir bleiben hart“.")
    assert q.speaker_text == "den Minister"


def test_zitierte_speech_goes_on_in_the_next_sentence():
    prev = "Die Brücke werde „jedem schweren Sturm“ trotzen, zitierte die Zeitung den Bürgermeister."
    q = only("Der Bau diene dem Schutz gegen „alle kommenden Hochwasser der Region“.", previous_sentence=prev)
    assert q.speaker_in_previous and prev[q.speaker_start:q.speaker_end] == "den Bürgermeister"


def test_hiess_es_takes_the_documents_author_not_the_subject():
    s = "„Die Verhandlungen sind beendet“, hieß es am Montag in einer Mitteilung des Verbands Bitkom."
    assert only(s).speaker_text == "des Verbands Bitkom"
    s = "Die Regierung sei zu „keinerlei Zugeständnissen“ bereit, hieß es aus dem Kanzleramt."
    assert only(s).speaker_text == "dem Kanzleramt"
    # the subject is what was said; without a source nobody is named
    q = only("Berlin habe „kein Interesse“ an einem Abkommen, hieß es.")
    assert q.cue == "hieß es" and q.speaker_text is None


def test_hiess_es_in_the_document_named_before_is_its_authors():
    prev = "Darin wies die Ministerin die Vorwürfe zurück. "
    q = only("Man habe „kein Interesse“ an einem Streit, hieß es in der Erklärung.", previous_sentence=prev)
    assert q.speaker_in_previous and prev[q.speaker_start:q.speaker_end] == "die Ministerin"
    # "von X verbreitet" names who spread it, not who wrote it
    q = only("Man habe „kein Interesse“ an einem Streit, hieß es in der von Reuters verbreiteten Erklärung.")
    assert q.speaker_text is None


def test_hiess_es_whole_quote_in_guillemets_is_no_title():
    q = only("»Das Treffen war ein Erfolg«, heißt es in einer Erklärung der Stadt Ulm.")
    assert q.text == "Das Treffen war ein Erfolg" and q.speaker_text == "der Stadt Ulm"


def test_separable_verb_around_a_quote():
    q = only("Er rief die Bürger zu „großer Vorsicht“ auf.")
    assert q.cue == "rief auf" and q.speaker_text == "Er"


def test_pronoun_subject_before_an_object_after_the_verb():
    q = only("Sie kritisierte die Regierung für ihre „zögerliche Haltung“.")
    assert q.speaker_text == "Sie"


def test_subject_after_a_finite_auxiliary():
    q = only("Die Lage sei »ernst«, hatte die Ministerin im Sommer erklärt.")
    assert q.speaker_text == "die Ministerin"
    q = only("Kurz zuvor hatte der Senator den Plan einen »teuren Fehler« genannt.")
    assert q.speaker_text == "der Senator"
    # a subject before the auxiliary is no adverbial: the rule does not apply
    q = only("Die Regierung hatte die Lage im Sommer »ernst« genannt.")
    assert q.speaker_text != "die Lage"


def test_darin_is_no_name():
    q = only("Darin kritisiert er den „Mangel an Transparenz“ deutlich.")
    assert q.speaker_text == "er"


def test_colon_after_a_fronted_predicative_adjective():
    q = only("Skeptischer ist die Ökonomin Jana Novak vom Institut: „Das wird nicht reichen.“")
    assert q.speaker_text == "die Ökonomin Jana Novak"
    q = only("Zurückhaltender gab sich Minister Jan Berg: „Wir prüfen das.“")
    assert q.speaker_text == "Minister Jan Berg"
    # a name before the copula is the subject
    q = only("Novak ist Ökonomin: „Das wird nicht reichen.“")
    assert q.speaker_text == "Novak"


def test_long_name_after_a_definite_article_is_no_quote():
    assert find_quotes("Der Bundestag hat das „Gesetz zur Stärkung der digitalen Verwaltung“ am Freitag beschlossen.") == []
    assert find_quotes("Beide Staaten unterzeichneten den „Vertrag über gute Nachbarschaft und Zusammenarbeit“.") == []
    # near a speech verb, or words of a clause, it is a quote
    q = only("Der Minister forderte die „Rückkehr zu Verhandlungen über einen Waffenstillstand“.")
    assert q.speaker_text == "Der Minister"
    assert len(find_quotes("Das Land verlangt die „Rückkehr aller Geiseln ist jetzt nötig“ seit Wochen.")) == 1


def test_quote_after_the_subjunctive_verb_continues_reported_speech():
    prev = "„Wir stehen zusammen“, sagte die Kanzlerin in Paris."
    q = only("Deutschland und Frankreich verbinde eine „tiefe Freundschaft“.", previous_sentence=prev)
    assert q.speaker_in_previous and prev[q.speaker_start:q.speaker_end] == "die Kanzlerin"
    # a quote in the subject stays a term
    assert find_quotes("Die Ziele der „militärischen Operation“ würden erreicht.", previous_sentence=prev) == []


# --------------------------------------------------------------------------- round 13


def test_more_speech_verbs_mocking_praising_swearing():
    q = only("Die Ministerin spottete, der Kanzler habe „einen guten Sinn für Humor“.")
    assert (q.speaker_text, q.cue) == ("Die Ministerin", "spottete")
    q = only("Der Präsident würdigte in seiner Rede die „Freundschaft beider Völker“.")
    assert (q.speaker_text, q.cue) == ("Der Präsident", "würdigte")
    q = only("Der Zeuge hat ausgesagt, er sei „nur Fahrer“ gewesen.")
    assert q.speaker_text == "Der Zeuge"


def test_sicherte_zu_is_a_separable_speech_verb():
    q = only("Laut der Agentur Tass sicherte Lawrow seinem Gast zu, Russland werde „ohne Bedingungen“ helfen.")
    assert (q.speaker_text, q.cue) == ("Lawrow", "sicherte zu")
    # "zu" before a quote is a preposition, the particle comes later
    q = only("Sie rief die Bürger zu „größter Vorsicht“ auf.")
    assert q.cue == "rief auf"


def test_liess_ausrichten_reports_but_ausrichten_alone_hosts():
    q = only("Die Sprecherin Anna Berg ließ ausrichten, man sei an Gesprächen „nicht interessiert“.")
    assert (q.speaker_text, q.cue) == ("Die Sprecherin Anna Berg", "ausrichten")
    assert all(q.cue != "ausrichten" for q in find_quotes("Man wolle ein Turnier ausrichten, »das Maßstäbe setzt«."))


def test_rief_after_a_quote_or_before_a_colon_is_exclaimed():
    q = only("„Wir lassen uns nicht einschüchtern“, rief die Rednerin.")
    assert (q.speaker_text, q.cue) == ("die Rednerin", "rief")
    q = only("Am Ende rief er: „Wir kommen wieder!“")
    assert (q.speaker_text, q.cue) == ("er", "rief")
    # "rief" with an object calls someone: no cue
    assert find_quotes("Der Wirt rief die Polizei, die den „Vorfall“ aufnahm.") == []


def test_speech_verb_of_a_later_main_clause_with_its_own_subject():
    s = "Die Ministerin nannte den Plan einen „schweren Fehler“, der Kanzler lobte den „Mut“ der Helfer."
    found = find_quotes(s)
    assert [(q.text, q.speaker_text, q.cue) for q in found] == [
        ("schweren Fehler", "Die Ministerin", "nannte"), ("Mut", "der Kanzler", "lobte")]
    # an inverted reporting clause after the quote still wins
    q = only("Die Ministerin halte den Plan für einen „schweren Fehler“, erklärte Sprecher Jan Berg.")
    assert (q.speaker_text, q.cue) == ("Sprecher Jan Berg", "erklärte")


def test_fronted_time_expression_is_no_subject():
    q = only("Ende August hatte die Ministerin erklärt, sie wolle „noch in diesem Jahr“ entscheiden.")
    assert q.speaker_text == "die Ministerin"
    q = only("Vergangene Woche hatte Berg gesagt, das sei „nicht hinnehmbar“.")
    assert q.speaker_text == "Berg"


def test_missed_sentence_end_starts_a_clause():
    # a sentence splitter may keep "Typ X-20. Die …" together: the subject is after the period
    q = only("Gezeigt wurde eine Rakete vom Typ X-20. Die Agentur Tass nannte sie eine „neue Waffe“.")
    assert q.speaker_text == "Die Agentur Tass"


def test_guillemet_sentence_without_cue_is_speech_not_title():
    prev = "Das bringe Devisen, sagt der Politologe Jan Berg von der Universität. "
    q = only("«Für die Regierung ist das eine Möglichkeit, an Geld zu kommen.»", previous_sentence=prev)
    assert q.speaker_in_previous and prev[q.speaker_start:q.speaker_end] == "der Politologe Jan Berg"
    assert find_quotes("Sein Buch »Digitale Demenz« erschien 2012.") == []
    assert find_quotes("Der Film «Die Reise nach Bern» lief im Herbst.") == []


def test_comparison_in_quotes_is_a_saying():
    assert find_quotes("Das Verhältnis galt lange als so eng „wie Lippen und Zähne“.") == []
    # with a speech verb near it is a quote
    q = only("Er sagte, das Verhältnis sei so eng „wie Lippen und Zähne“.")
    assert q.speaker_text == "Er"


def test_fuer_x_ist_frames_a_view():
    q = only("Für die Expertin Jana Novak von der Universität Wien ist der Plan „ein gefährlicher Irrweg“.")
    assert (q.speaker_text, q.cue) == ("die Expertin Jana Novak", "für")
    # a term stays a term, and "für" elsewhere frames nothing
    assert find_quotes("Für die Region ist der „Green Deal“ ein Problem.") == []
    assert all(q.speaker_text is None for q in find_quotes("Für Montag ist ein Treffen „mit allen Parteien des Landtags“ geplant."))
    assert only("Das Geld ist für Projekte gedacht, die „den Zusammenhalt im Land stärken“.").speaker_text is None


def test_first_or_second_person_in_a_quote_is_the_subjects_speech():
    q = only("Der Präsident schickte seinen Gegnern Grüße, „während ihr gegen uns arbeitet“.")
    assert (q.speaker_text, q.cue) == ("Der Präsident", None)
    q = only("Die Demonstranten trugen Schilder mit der Aufschrift „Wir sind das Volk und bleiben hier“.")
    assert q.speaker_text == "Die Demonstranten"
    # the possessive "ihr" is no addressee, a dummy subject no speaker
    assert only("Das Bündnis plant „ihr größtes Manöver seit vielen Jahren“ im Herbst.").speaker_text is None
    assert only("Es gehe „um uns alle und um unsere Zukunft“.").speaker_text is None


def test_feminine_role_reference_skips_men_named_by_a_masculine_role():
    ex = _pipeline("Anna Kowalski empfing Außenminister Jan Berg in Wien. "
                   "Die Beziehungen seien »unzerstörbar«, sagte die Ministerin.")
    assert [q.speaker for q in ex.quotes] == ["anna-kowalski"]
    ex = _pipeline("Anna Kowalski empfing Außenminister Jan Berg in Wien. "
                   "Die Beziehungen seien »unzerstörbar«, sagte der Minister.")
    assert [q.speaker for q in ex.quotes] == ["jan-berg"]


def test_headline_quote_is_the_first_speakers():
    ex = _pipeline("„Wir brauchen mehr Zeit“\n\nDie Ökonomin Anna Kowalski warnt vor Eile. "
                   "Die Reform sei „zu schnell gemacht“, sagte Kowalski am Montag.")
    assert [q.speaker for q in ex.quotes] == ["anna-kowalski", "anna-kowalski"]
    # a headline with more than the quote keeps its own reading
    ex = _pipeline("Streit um „Reformpaket der Regierung“\n\nDie Reform sei „zu schnell gemacht“, sagte Anna Kowalski.")
    assert [q.speaker for q in ex.quotes] == ["anna-kowalski"]


def test_darin_heisst_es_quotes_the_author_of_the_document_named_before():
    prev = "Die Agentur Tass veröffentlichte am Montag eine Erklärung der Zentralen Wahlkommission. "
    q = only("Darin heißt es, die Abstimmung sei „ohne Verstöße“ verlaufen.", previous_sentence=prev)
    assert q.speaker_in_previous and prev[q.speaker_start:q.speaker_end] == "der Zentralen Wahlkommission"
    # without a document and its author there, the sentence before's speaker as before
    prev = "Darin wies die Ministerin die Vorwürfe zurück. "
    q = only("Man habe „kein Interesse“ an einem Streit, hieß es in der Erklärung.", previous_sentence=prev)
    assert prev[q.speaker_start:q.speaker_end] == "die Ministerin"


def test_berichtete_after_the_reported_speech_and_relayed_participles():
    q = only("Die Lage sei „sehr ernst“, berichtete der Korrespondent.")
    assert (q.speaker_text, q.cue) == ("der Korrespondent", "berichtete")
    # the words are the subject's when a speech verb of its own follows the quote
    q = only("Der Minister habe die Soldaten als „Helden des Vaterlands“ gelobt, berichtete die Agentur.")
    assert (q.speaker_text, q.cue) == ("Der Minister", "gelobt")
    # reporting about a named thing is no speech
    assert find_quotes("Die Zeitung berichtete über den „Gipfel der Hoffnung“ in Genf.") == []


def test_heading_quote_repeated_below_takes_the_speaker_given_there():
    ex = _pipeline("Polen äußert „ernste Besorgnis“\n\nRegierungssprecher Jan Berg äußerte in Warschau "
                   "„ernste Besorgnis“ über das Manöver.")
    assert [q.speaker for q in ex.quotes] == ["jan-berg", "jan-berg"]
    # a heading quote the text does not repeat keeps its own speaker
    ex = _pipeline("Berg äußert „ernste Besorgnis“\n\nRegierungssprecher Jan Berg sprach in Warschau.")
    assert [q.speaker for q in ex.quotes] == ["jan-berg"]
