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
])
def test_cue_search_equals_a_full_scan(sentence):
    import dossier.extraction.quotes as quotes

    words = quotes._word_starts(sentence)
    for pattern, first_words in ((quotes._SEPARABLE_RE, quotes._SEPARABLE_WORDS), (quotes._SPRACH_VON_RE, quotes._SPRACH_WORDS),
                                 (quotes._PREP_RE, quotes._PREP_WORDS), (quotes._WORTEN_RE, quotes._NACH)):
        assert [m.span() for m in quotes._matches(pattern, sentence, words, first_words)] == [
            m.span() for m in pattern.finditer(sentence)]
    assert quotes._simple_verbs(sentence, words) == [m.span() for m in quotes._SIMPLE_RE.finditer(sentence)]
