"""Tests for dossier.extraction.dates: German temporal expressions."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run without installing the package

from dossier.extraction.dates import TemporalExpression, detect_tense, find_temporal_expressions  # noqa: E402

THU = date(2025, 8, 28)  # a Thursday
TUE = date(2025, 9, 2)
WED = date(2025, 9, 3)
MON = date(2024, 6, 17)


def find(text: str, anchor: date | None = THU, **kw) -> list[TemporalExpression]:
    found = find_temporal_expressions(text, anchor, **kw)
    for e in found:
        assert text[e.start:e.end] == e.text
    return found


def one(text: str, anchor: date | None = THU, **kw) -> TemporalExpression:
    found = find(text, anchor, **kw)
    assert len(found) == 1, found
    return found[0]


def value(text: str, anchor: date | None = THU, **kw) -> tuple:
    e = one(text, anchor, **kw)
    return e.date, e.date_end, e.precision


# ----------------------------------------------------------------- corpus sentences


def test_corpus_parade_on_wednesday():
    text = ("China wird die Parade am Mittwoch in Peking abhalten, um an den 80. Jahrestag "
            "des Endes des Zweiten Weltkriegs zu erinnern.")
    e = one(text, THU)
    assert e.text in ("am Mittwoch", "Mittwoch")
    assert (e.date, e.precision, e.relative) == ("2025-09-03", "day", True)


def test_corpus_victory_day_in_may():
    e = one('In Moskau war der "Tag des Sieges" im Mai gefeiert worden.', THU)
    assert (e.text, e.date, e.precision) == ("im Mai", "2025-05", "month")


def test_corpus_tomorrow_and_day_after_agree_with_dates():
    text = ("Der russische Präsident Wladimir Putin wird zu Besuch sein morgen und übermorgen "
            "(18. und 19. Juni) zu einem offiziellen Besuch in Nordkorea auf Einladung von Kim Jong Un.")
    relative, absolute = find(text, MON)
    assert relative.text == "morgen und übermorgen"
    assert absolute.text == "18. und 19. Juni"
    for e in (relative, absolute):
        assert (e.date, e.date_end, e.precision) == ("2024-06-18", "2024-06-19", "day")


def test_corpus_july_2000_and_unanchored_offset():
    text = ("Putins einziger Besuch in Pjöngjang fand im Juli 2000 stattals er zwei Monate nach "
            "seinem Amtsantritt als Präsident Kims verstorbenen Vater Kim Jong-il traf.")
    found = find(text, MON)
    resolved = [e for e in found if e.precision != "unresolved"]
    assert [(e.text, e.date, e.precision) for e in resolved] == [("im Juli 2000", "2000-07", "month")]
    assert all("Monate" not in e.text or e.date is None for e in found)


def test_corpus_fourteen_years_ago():
    text = "Das Ereignis ist Kims erstes multilaterales Treffen seit seiner Amtsübernahme vor rund 14 Jahren."
    e = one(text, TUE)
    assert (e.text, e.date, e.precision, e.qualifier) == ("vor rund 14 Jahren", "2011", "year", "vor")


def test_corpus_end_of_august_and_this_year():
    text = ("Zuletzt hatte US-Präsident Donald Trump Ende August sein Interesse für ein weiteres "
            "Treffen mit Kim für dieses Jahr bekundet.")
    august, year = find(text, TUE)
    assert (august.text, august.date, august.precision, august.qualifier) == ("Ende August", "2025-08", "month", "Ende")
    assert (year.text, year.date, year.precision) == ("dieses Jahr", "2025", "year")


def test_corpus_since_2024_not_15000():
    text = "Nach Angaben südkoreanischer Geheimdienste hat Nordkorea seit 2024 rund 15.000 Soldaten nach Russland entsandt."
    e = one(text, TUE)
    assert (e.text, e.date, e.precision, e.qualifier, e.relative) == ("seit 2024", "2024", "year", "seit", False)


def test_corpus_year_2023_not_percentages():
    text = ("Im Jahr 2023 entfielen etwa 97 % des nordkoreanischen Außenhandels auf China, "
            "während 1,2 % nach Russland gingen.")
    e = one(text, TUE)
    assert (e.text, e.date, e.precision) == ("Im Jahr 2023", "2023", "year")


def test_corpus_in_year_2011():
    text = "Kim Jong Un hat seit seinem Amtsantritt im Jahr 2011 mehrere bilaterale Treffen ... abgehalten"
    e = one(text, TUE)
    assert (e.text, e.date, e.precision) == ("im Jahr 2011", "2011", "year")


NEXT_WEEK = "Der nordkoreanische Machthaber Kim Jong-un wird nächste Woche zu einer seltenen Auslandsreise aufbrechen."


def test_corpus_next_week():
    e = one(NEXT_WEEK, THU)
    assert (e.text, e.date, e.date_end, e.precision) == ("nächste Woche", "2025-09-01", "2025-09-07", "week")


def test_corpus_next_week_without_anchor_is_unresolved():
    e = one(NEXT_WEEK, None)
    assert (e.text, e.date, e.date_end, e.precision) == ("nächste Woche", None, None, "unresolved")


def test_articles_die_are_not_dates():
    text = "Die Regierung, die die Bürger vertritt, und die Opposition, die dagegen ist, trafen die Entscheidung."
    assert find(text) == []


# ----------------------------------------------------------------- absolute dates


def test_day_month_nearest_year():
    assert value("3. September") == ("2025-09-03", None, "day")
    assert value("am 3. Jan.") == ("2026-01-03", None, "day")  # nearer than Jan 2025
    assert one("3. September").relative is True


def test_day_month_year():
    e = one("am 3. September 2025")
    assert (e.text, e.date, e.precision, e.relative) == ("am 3. September 2025", "2025-09-03", "day", False)


def test_weekday_merged_into_full_date():
    e = one("Am Mittwoch, dem 3. September 2025, begann die Parade.")
    assert (e.text, e.date) == ("Am Mittwoch, dem 3. September 2025", "2025-09-03")


def test_day_ranges():
    assert value("18. und 19. Juni", MON) == ("2024-06-18", "2024-06-19", "day")
    assert value("vom 1. bis zum 3. Mai 2024") == ("2024-05-01", "2024-05-03", "day")
    assert value("1.-3. Mai 2024") == ("2024-05-01", "2024-05-03", "day")
    assert value("vom 30. Juni bis 2. Juli 2024") == ("2024-06-30", "2024-07-02", "day")


def test_numeric_dates():
    assert value("02.09.25") == ("2025-09-02", None, "day")
    assert value("02.09.2025") == ("2025-09-02", None, "day")
    assert value("2025-09-02") == ("2025-09-02", None, "day")
    assert value("am 2.9.") == ("2025-09-02", None, "day")
    assert find("Version 1.2.3 und Kapitel 3.4.") == []


def test_invalid_day_is_ignored():
    assert [e.precision for e in find("Der 31. Februar 2024 existiert nicht.")] == ["month"]  # no day
    assert value("29. Februar 2024") == ("2024-02-29", None, "day")


def test_month_with_year():
    assert value("im Juli 2000") == ("2000-07", None, "month")
    assert value("im September 2023") == ("2023-09", None, "month")
    assert value("im Juni 2024") == ("2024-06", None, "month")
    e = one("Ende Sept. 2024")
    assert (e.date, e.qualifier) == ("2024-09", "Ende")


def test_month_parts_and_qualifiers():
    for part in ("Ende", "Anfang", "Mitte"):
        e = one(f"{part} August")
        assert (e.date, e.precision, e.qualifier, e.relative) == ("2025-08", "month", part, True)
    assert one("seit März").qualifier == "seit"


def test_month_only_follows_tense():
    assert value("im Mai") == ("2025-05", None, "month")  # no tense: same year
    assert value("Er war im September dort.") == ("2024-09", None, "month")
    assert value("Er wird im Mai kommen.") == ("2026-05", None, "month")
    assert value("im Mai", tense="past") == ("2025-05", None, "month")
    assert value("im Jänner", tense="future") == ("2026-01", None, "month")


def test_month_with_year_reference_and_ranges():
    assert value("im Mai letzten Jahres") == ("2024-05", None, "month")
    assert value("im vergangenen Mai") == ("2025-05", None, "month")
    assert value("von Mai bis Juli 2024") == ("2024-05", "2024-07", "month")


def test_month_inside_words_is_not_a_date():
    assert find("Die Maikundgebung fiel aus, ebenso der Mai-Umzug.") == []
    assert find("Jan Böhmermann und August Diehl") == []


def test_bare_year():
    e = one("Die Wahl 2019 war knapp.")
    assert (e.text, e.date, e.precision, e.relative) == ("2019", "2019", "year", False)


def test_year_not_counts_or_parts_of_numbers():
    assert find("Das 2019er Modell kostet 2019 Euro, rund 2019 Menschen kamen.") == []
    assert find("Es kamen 15.000 Menschen, 97 % stimmten zu, das sind 2,5 Prozent mehr.") == []
    assert find("Es waren vor 2000 Zuschauern 2000 Soldaten im Einsatz.") == []


def test_year_with_prepositions():
    e = one("im Jahr 2023")
    assert (e.date, e.qualifier) == ("2023", None)
    e = one("seit 2024")
    assert (e.date, e.qualifier) == ("2024", "seit")
    e = one("Ende 2023")
    assert (e.date, e.qualifier) == ("2023", "Ende")
    assert one("um 2000 herum").qualifier == "circa"


def test_year_ranges():
    assert value("von 2019 bis 2021") == ("2019", "2021", "year")
    assert value("2019/20") == ("2019", "2020", "year")
    assert value("zwischen 2019 und 2021") == ("2019", "2021", "year")


def test_decades():
    assert value("in den 1990er Jahren") == ("1990", "1999", "decade")
    e = one("Anfang der 90er-Jahre")
    assert (e.date, e.qualifier) == ("1990", "Anfang")


# ----------------------------------------------------------------- relative to the anchor


@pytest.mark.parametrize(("word", "expected"), [
    ("heute", "2025-08-28"), ("gestern", "2025-08-27"), ("vorgestern", "2025-08-26"),
    ("morgen", "2025-08-29"), ("übermorgen", "2025-08-30"), ("heute Abend", "2025-08-28"),
])
def test_relative_days(word, expected):
    e = one(f"Das gilt {word} noch.")
    assert (e.text, e.date, e.precision, e.relative) == (word, expected, "day", True)


def test_tomorrow_and_day_after_is_one_range():
    e = one("morgen und übermorgen", MON)
    assert (e.date, e.date_end, e.precision) == ("2024-06-18", "2024-06-19", "day")


def test_morning_noun_is_not_tomorrow():
    assert find("Am Morgen kam er an.") == []


@pytest.mark.parametrize("text", ["nächste Woche", "in der kommenden Woche", "kommende Woche"])
def test_next_week(text):
    e = one(text)
    assert (e.text, e.date, e.date_end, e.precision) == (text, "2025-09-01", "2025-09-07", "week")


@pytest.mark.parametrize("text", ["letzte Woche", "vergangene Woche", "in der vergangenen Woche"])
def test_last_week(text):
    assert value(text) == ("2025-08-18", "2025-08-24", "week")


def test_weekday_future_is_the_next_one_or_the_same_day():
    e = one("Er wird am Mittwoch reisen.", THU)
    assert (e.text, e.date) == ("am Mittwoch", "2025-09-03")
    # Agency copy names the day of publication by its weekday ("reist am Mittwoch" on Wednesday
    # morning); a week later is "am kommenden Mittwoch".
    assert one("Er wird am Mittwoch reisen.", WED).date == "2025-09-03"
    assert one("Er wird am kommenden Mittwoch reisen.", WED).date == "2025-09-10"


def test_weekday_past_is_on_or_before_anchor():
    text = "Laut Berichten soll Kim am Dienstagmorgen in Peking angekommen sein."
    assert one(text, TUE).date == "2025-09-02"
    text = "Nach Angaben der Behörden soll sich der Vorfall am Dienstagmorgen passiert haben."
    assert one(text, TUE).date == "2025-09-02"
    text = ("Laut Angaben der Parteizeitung Rodong Shinmun soll Kim am Dienstagmorgen (Ortszeit) "
            "bereits die Grenze zu China passiert haben.")
    assert one(text, TUE).date == "2025-09-02"
    assert one("Xi hat am Mittwoch die Soldaten gelobt.", WED).date == "2025-09-03"


def test_weekday_without_tense_is_nearest():
    assert one("Montag", THU).date == "2025-08-25"
    assert one("Sonntag", THU).date == "2025-08-31"
    assert one("Donnerstag", THU).date == "2025-08-28"


def test_weekday_variants_and_tense_override():
    for text in ("Dienstagabend", "am Montagnachmittag", "Mittwoch"):
        assert one(text, tense="future").precision == "day"
    assert one("Dienstagabend", THU, tense="past").date == "2025-08-26"
    assert one("am Montagnachmittag", THU, tense="future").date == "2025-09-01"
    assert one("am kommenden Freitag", THU).date == "2025-08-29"
    assert one("am vergangenen Freitag", THU).date == "2025-08-22"
    assert find("Montags ist Ruhetag.") == []


def test_years_ago_and_since():
    assert one("vor zwei Jahren").date == "2023"
    e = one("seit sechs Jahren")
    assert (e.date, e.precision, e.qualifier) == ("2019", "year", "seit")
    assert value("vor zwei Monaten") == ("2025-06", None, "month")
    assert value("in zwei Wochen") == ("2025-09-08", "2025-09-14", "week")
    assert value("vor 3 Tagen") == ("2025-08-25", None, "day")
    assert one("vor zwei Jahren", None).precision == "unresolved"


@pytest.mark.parametrize(("text", "expected"), [
    ("dieses Jahr", "2025"), ("in diesem Jahr", "2025"), ("letztes Jahr", "2024"),
    ("im vergangenen Jahr", "2024"), ("nächstes Jahr", "2026"), ("im Vorjahr", "2024"),
])
def test_relative_years(text, expected):
    e = one(text)
    assert (e.text, e.date, e.precision, e.relative) == (text, expected, "year", True)


@pytest.mark.parametrize("text", ["seit langem", "in den letzten Jahren", "in jüngster Zeit"])
def test_vague(text):
    e = one(text)
    assert (e.text, e.date, e.precision) == (text, None, "vague")
    assert one(text, None).precision == "vague"


def test_zuletzt_is_not_a_date():
    assert find("Zuletzt sprach er mit Kim.") == []


@pytest.mark.parametrize("text", [
    'Am "Tag des Sieges" feiert Russland.',
    "Zum 80. Jahrestag des Kriegsendes kamen Gäste.",
    "Nach 14 Jahren Herrschaft ist er müde.",
    "In 14 Jahren Herrschaft hatte er noch nie ein Forum besucht.",
    "Der 41-Jährige reiste ab.",
    "Er blieb seit Beginn der Coronavirus-Pandemie zu Hause.",
    "Der zweitägigen Reise folgte nichts.",
])
def test_not_dates(text):
    assert find(text) == []


def test_no_anchor_never_guesses():
    found = find("Am Mittwoch, 3. September, und im Mai, heute und seit 2024", None)
    by_text = {e.text: e for e in found}
    assert by_text["Am Mittwoch, 3. September"].precision == "unresolved"
    assert by_text["Am Mittwoch, 3. September"].date is None
    assert by_text["im Mai"].precision == "unresolved"
    assert by_text["heute"].precision == "unresolved"
    assert by_text["seit 2024"].date == "2024"  # absolute: needs no anchor


def test_results_sorted_and_non_overlapping():
    found = find("Am 3. September 2025 und gestern sowie im Juli 2000 und 2019.")
    assert [e.text for e in found] == ["Am 3. September 2025", "gestern", "im Juli 2000", "2019"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_detect_tense():
    assert detect_tense("China wird die Parade abhalten.") == "future"
    assert detect_tense("Er war gestern da.") == "past"
    assert detect_tense("Kim hat die Soldaten gelobt.") == "past"
    assert detect_tense("Kim soll dort angekommen sein.") == "past"
    assert detect_tense("Kim ist in Peking.") is None


def test_invalid_tense_rejected():
    with pytest.raises(ValueError):
        find_temporal_expressions("heute", THU, tense="present")  # type: ignore[arg-type]


# --- the trigger-word scan finds exactly what scanning every position finds ----------------------

# Every family with its longest prefixes, and whitespace (spaces, line breaks, tabs) between the words:
# a `reach` counted too short in dates.py shows up here as a missing expression.
_LONGEST = [
    "bis zum Mittwochabend , den 3. September 2025", "zwischen dem Dienstag, dem 3., 4. und 5. Mai 2024",
    "vor dem Freitag , den 30. Juni bis 2. Juli 2024", "seit dem 3.4.2020", "ab dem 02.09.25", "am 2025-09-02",
    "seit Anfang Juli 2000", "seit Mitte im nächsten Mai letzten Jahres", "bis Anfang am kommenden Juni des Vorjahres",
    "von Mai 2023 bis Juli 2024", "zwischen März und April", "in den Jahren 2019 bis 2021", "der Jahre 2019/20",
    "seit Ende Sommer im Jahr 2023", "gegen Mitte des Jahres 1999", "ca. 2010", "seit Anfang der 1990er Jahre",
    "in den 90ern", "bis morgen Abend und übermorgen früh", "seit dem kommenden Freitagabend", "bis zum heutigen Dienstag",
    "seit Ende in der kommenden Woche", "bis Anfang des nächsten Jahres", "ab Mitte übers Wochenende",
    "vor mehr als zwei Jahren", "seit weniger als einundzwanzig Monaten", "in genau 14 Tagen", "seit einiger Zeit",
    "seit vielen Jahrzehnten", "vor ein paar Jahren", "in den letzten zwei Jahren", "in jüngster Zeit", "vor langer Zeit",
    "vom 1. bis zum 3. Mai", "18.-19. Juni 2024", "Mittwoch den 3. Sept. 2025", "um den 3. Jan.", "gegen 3. Okt. 1990",
    "für Donnerstag und Freitag", "bis zum kommenden Frühjahr", "seit dem vergangenen Sommer",
    "seit dem ersten Quartal des vergangenen Jahres", "bis zur zweiten Jahreshälfte 2024", "ab dem 3. Quartal",
    "in den ersten zwölf Monaten des Jahres 2023", "in den ersten beiden Quartalen des Vorjahres",
    "im dritten Quartal", "in den ersten neun Monaten",
    "seit dem Anfang August 2022", "bis zum Ende im nächsten Mai letzten Jahres", "vor dem März",
    "vor weniger als einem halben Jahr", "seit mehr als dreieinhalb Jahrzehnten", "in den letzten zweieinhalb Jahren",
    "seit Mitte des Monats", "das 1807 erlassene Gesetz", "zuletzt 2001 Gastgeber",
]


def _compare_every_scan_with_a_full_scan(monkeypatch) -> None:
    """Every trigger scan from now on asserts that it finds what pattern.finditer finds."""
    import dossier.extraction.dates as dates

    scanned = dates._Context.finditer

    def checked(self, pattern, trigger, reach):
        found = [m.span() for m in scanned(self, pattern, trigger, reach)]
        assert found == [m.span() for m in pattern.finditer(self.text)], (pattern.pattern[:60], self.text)
        return iter([pattern.match(self.text, start) for start, _ in found])

    monkeypatch.setattr(dates._Context, "finditer", checked)


@pytest.mark.parametrize("gap", [" ", "  ", "\n", " \n\t "])
def test_trigger_scan_matches_a_full_scan(monkeypatch, gap):
    _compare_every_scan_with_a_full_scan(monkeypatch)
    for phrase in _LONGEST:
        text = "Es hieß, " + gap.join(phrase.split(" ")) + " in Peking."
        assert find(text), text


def test_trigger_scan_matches_a_full_scan_on_random_text(monkeypatch):
    """The same on text glued together at random: numbers that are and are not days, years and
    decades ("15.000", "3.", "2.9.", "2019-", "1990er"), first words of every pattern, odd-case
    letters (folded like re.IGNORECASE does)."""
    import random

    _compare_every_scan_with_a_full_scan(monkeypatch)
    rng = random.Random(5)
    pieces = [p for phrase in _LONGEST for p in phrase.split(" ")] + [
        "15.000", "3.", "2.9.", "12.10.", "1.2.3", "2019-", "2019-09-02", "1990er", "90ER", "2019/", "/20", "bis", "–",
        "ſeit", "SEİT", "İn", "VOR", "Dem", "ſommer", "KOMMENDEN", "Jahres", "Mai", "Juni", ",", ".", "x", "Soldaten",
        "seit", "vor", "in", "zwei", "14", "Jahren", "Tagen", "Woche", "Zeit", "langem", "heute", "Freitag", "am",
        "Quartal", "QUARTALS", "Halbjahr", "ersten", "dritten", "Monaten", "Monate", "3.Quartal", "des", "Folge",
        "dem", "zum", "dreieinhalb", "anderthalb", "einem", "halben", "Jahr", "zuletzt", "erlassene", "1807", "Ende",
        "Anfang", "Monats"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n", "  "]) for _ in range(rng.randint(1, 30)))
        find(text)


def test_odd_case_letters_take_the_exact_path():
    # re.IGNORECASE matches "ſ" (long s) as "s", str.lower() does not
    assert [e.text for e in find("ſeit Mai 2019 und SEIT 2020")] == ["ſeit Mai 2019", "SEIT 2020"]


@pytest.mark.parametrize("text", [
    "Vor zwei Jahren war er da, in vier Wochen wird er kommen.", "Er sagte vor kurzem, dass er in den Jahren kommen werde.",
    "Vergangene Woche SAGTE er, nächste Woche WIRD er kommen.", "In zwei Jahren will er bald wieder reisen.",
])
def test_detect_tense_word_counts_equal_the_patterns(text):
    import dossier.extraction.dates as dates

    words = dates._WORD_RUN_RE.findall(text.lower())
    for pattern, single, lead, units in ((dates._PAST_RE, dates._PAST_SET, "vor", dates._PAST_UNIT_SET),
                                         (dates._FUTURE_RE, dates._FUTURE_SET, "in", dates._FUTURE_UNIT_SET)):
        fast = dates._count_tense_words(text, words, pattern, single, lead, units)
        assert fast == len(pattern.findall(text))


# --- one scan of a whole text gives each sentence what scanning the sentence alone gives ---------

def test_find_in_sentences_equals_sentence_by_sentence():
    """find_in_sentences shares one trigger scan among the sentences of a text; it must find what
    find_temporal_expressions finds in each sentence alone, also where sentences touch without a
    space ("2019.Im Mai"), where a cut splits a word or a number, and with odd-case letters."""
    import random

    from dossier.extraction.dates import find_in_sentences

    rng = random.Random(3)
    pieces = [p for phrase in _LONGEST for p in phrase.split(" ")] + [
        "Mai", "2019.", "3.", "Juni", "heute", "morgen", "Woche", "Er", "sagte", ".", ",", "„", "“", "1990er", "90er",
        "Dienstagabend", "ſeit", "MİTTWOCH", "Jahr", "2024/25", "12.000", "seit", "Zeit", "x", "Montag-", "-Mai"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n", "  "]) for _ in range(rng.randint(1, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 6))))
        sentences = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(text)]) if a < b]
        anchor = rng.choice([None, THU])
        expected = [find_temporal_expressions(text[a:b], anchor) for a, b in sentences]
        assert find_in_sentences(text, sentences, anchor) == expected, (text, sentences)


def test_count_word_before_equals_searching_the_whole_prefix():
    import random

    import dossier.extraction.dates as dates

    rng = random.Random(1)
    pieces = ["rund", "mehr", "als", "bis", "zu", "Nr.", "ca.", "§", "brund", "MEHR", "weniger", "über", "2019", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  ", "\n", "\t"]) for _ in range(rng.randint(0, 8)))
        end = rng.randint(0, len(text))
        whole, fast = dates._COUNT_BEFORE_RE.search(text[:end]), dates._count_word_before(text, end)
        assert (whole and whole.span()) == (fast and fast.span()), (text, end)


@pytest.mark.parametrize("text, tense, year", [
    ("Die Regierung werde im Frühjahr einen Plan vorlegen.", "future", "2026"),  # spring 2025 is over in November
    ("Im Sommer hatte er gewarnt.", "past", "2025"),
    ("Er kommt im kommenden Herbst.", "future", "2026"),
    ("Seit dem Frühling regiert er.", None, "2025"),
])
def test_a_season_without_a_year_is_that_of_the_tense(text, tense, year):
    [e] = find_temporal_expressions(text, date(2025, 11, 28), tense=tense)
    assert (e.date, e.precision, e.relative) == (year, "year", True)


def test_a_season_with_a_year_is_absolute_and_winter_is_not_guessed():
    found = find_temporal_expressions("Im Sommer 2024 und im Winter war es still.", date(2025, 11, 28))
    assert [(e.text, e.date, e.relative) for e in found] == [("Im Sommer 2024", "2024", False)]


def test_two_weekdays_are_one_range_and_fuer_plans_ahead():
    tuesday = date(2025, 3, 4)
    assert value("Die GDL hat für Donnerstag und Freitag einen Streik angekündigt.", tuesday, tense="past") == \
        ("2025-03-06", "2025-03-07", "day")
    assert value("Am Mittwoch und Donnerstag tagte der Rat.", tuesday, tense="past") == ("2025-02-26", "2025-02-27", "day")


def test_words_before_a_trigger_equal_the_sentence_wide_index():
    """_Context._words_before finds the words of the `reach` chunks before a trigger with rsplit;
    it must give the words the index of the whole sentence gives (every \\w run and \\S run, the
    trigger's chunk and `reach` chunks before it: the computation this replaced), also for glued
    punctuation, tabs, non-breaking spaces and fewer chunks than `reach`."""
    import bisect
    import random
    import re

    import dossier.extraction.dates as dates

    rng = random.Random(11)
    pieces = ["am", "3.", "Mai", "2019", "seit", "Ende", "(", ")", "-", "/", ",", "„", "Mitte-2019", "x2019", "kommenden",
              "Dienstagabend", "vom", "bis", "zum", "1990er", "_", "ab"]
    gaps = ["", " ", "  ", "\t", "\n", "\u00a0", " \n "]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 25)))
        ctx = dates._Context(text, None, None)
        runs = list(re.finditer(r"\w+", text))
        starts = [m.start() for m in runs]
        chunks = [m.start() for m in re.finditer(r"\S+", text)]
        for n, run in enumerate(runs):
            for reach in range(1, 8):
                chunk = bisect.bisect_right(chunks, starts[n]) - 1
                first = bisect.bisect_left(starts, chunks[max(0, chunk - reach)])
                expected = [(starts[k], dates._FIRST_WORD_BITS[runs[k][0]]) for k in range(first, n)]
                assert ctx._words_before(run.start(), reach) == expected, (text, run.start(), reach)


# --- a day and month without a year in a present-tense subordinate clause --------------------

OCT30 = date(2025, 10, 30)


def test_present_subordinate_clause_looks_ahead_whatever_the_sentence():
    # the clause's own verb is present tense ("abgibt"): a date still to come, though "sprach" is past
    text = "Der Manager, der den Posten am 1. Januar an seinen Nachfolger abgibt, sprach von einem Kraftakt."
    assert value(text, OCT30) == ("2026-01-01", None, "day")
    text = "Sie sagte, dass die neue Regel am 1. Januar in Kraft tritt."
    assert value(text, OCT30) == ("2026-01-01", None, "day")
    assert value("Er sagte, dass er im Januar sein Amt antritt.", OCT30) == ("2026-01", None, "month")


def test_past_clauses_keep_looking_back():
    assert value("Er war am 3. September in Berlin.", OCT30) == ("2025-09-03", None, "day")
    assert value("Der Manager, der den Posten am 1. Januar abgab, sprach von einem Kraftakt.", OCT30) == \
        ("2025-01-01", None, "day")
    assert value("Der Manager, der den Posten am 1. Januar übernommen hat, sprach offen.", OCT30) == \
        ("2025-01-01", None, "day")
    # a clause that starts with no conjunction or relative pronoun keeps the sentence's tense
    assert value("Er hatte, wie am 1. Januar angekündigt, verzichtet.", OCT30)[0] == "2025-01-01"


def test_present_subordinate_needs_a_conjunction_or_relative_pronoun():
    import dossier.extraction.dates as dates

    assert dates._present_subordinate(" der den Posten am 1. Januar abgibt")
    assert dates._present_subordinate(" dass die Regel am 1. Januar gilt")
    assert not dates._present_subordinate(" der neue Chef am 1. Januar")  # no verb at the end
    assert not dates._present_subordinate(" am 1. Januar abgibt")  # a main clause: not told
    assert not dates._present_subordinate(" der am 1. Januar nicht")


# --- quarters, half-years, the first N months ------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Der Konzern hat im dritten Quartal einen Verlust geschrieben.", ("im dritten Quartal", "2025-07", "2025-09")),
    ("Die Auslieferungen sanken in den ersten neun Monaten um sieben Prozent.",
     ("in den ersten neun Monaten", "2025-01", "2025-09")),
    ("Im ersten Halbjahr stieg der Umsatz.", ("Im ersten Halbjahr", "2025-01", "2025-06")),
    ("Der Umsatz war in der zweiten Jahreshälfte gestiegen.", ("in der zweiten Jahreshälfte", "2025-07", "2025-12")),
    ("Im 4. Quartal hatte er Verluste.", ("Im 4. Quartal", "2025-10", "2025-12")),
    ("in den ersten drei Quartalen des Jahres", ("in den ersten drei Quartalen des Jahres", "2025-01", "2025-09")),
    ("Im ersten Quartal dieses Jahres", ("Im ersten Quartal dieses Jahres", "2025-01", "2025-03")),
])
def test_parts_of_the_year_without_a_year(text, expected):
    e = one(text, OCT30)
    assert (e.text, e.date, e.date_end, e.precision, e.relative) == (*expected, "month", True)


@pytest.mark.parametrize(("text", "expected"), [
    ("im zweiten Quartal 2024", ("2024-04", "2024-06", False)),
    ("im ersten Halbjahr 2023", ("2023-01", "2023-06", False)),
    ("in den ersten sechs Monaten des Jahres 2022", ("2022-01", "2022-06", False)),
    ("im dritten Quartal des Vorjahres", ("2024-07", "2024-09", True)),
    ("in den ersten neun Monaten vergangenen Jahres", ("2024-01", "2024-09", True)),
    ("im ersten Halbjahr des vergangenen Jahres", ("2024-01", "2024-06", True)),
])
def test_parts_of_the_year_with_a_year(text, expected):
    e = one(text, OCT30)
    assert (e.text, e.date, e.date_end, e.relative) == (text, *expected)


def test_parts_of_the_year_follow_the_tense():
    # a quarter not yet begun in a past sentence is last year's, one over in a future sentence next year's
    may = date(2025, 5, 15)
    assert value("Im dritten Quartal hatte der Konzern Verluste.", may) == ("2024-07", "2024-09", "month")
    assert value("Im dritten Quartal wird der Konzern Verluste machen.", may) == ("2025-07", "2025-09", "month")
    assert value("Im ersten Quartal wird der Umsatz steigen.", OCT30) == ("2026-01", "2026-03", "month")
    assert value("Im ersten Quartal hatte der Umsatz zugelegt.", OCT30) == ("2025-01", "2025-03", "month")
    assert value("im dritten Quartal", OCT30, tense="past") == ("2025-07", "2025-09", "month")
    assert one("im dritten Quartal", None).precision == "unresolved"


@pytest.mark.parametrize("text", [
    "Das Quartal war schwach, das Halbjahr auch.",  # no ordinal
    "Die ersten neun Monate seines Lebens verbrachte er in Berlin.",
    "In den ersten neun Monaten seiner Amtszeit reiste er viel.",
    "Die ersten neun Monate waren hart.",  # neither "in den" nor a year: of anything
    "Im ersten Quartal des Geschäftsjahres stieg der Umsatz.",  # a fiscal year is not the calendar's
    "Der Konzern schrieb im dritten Quartal in Folge Verluste.",  # a count of quarters
    "Im ersten Halbjahr nach der Einführung sank der Absatz.",
    "im dritten Halbjahr", "in den ersten 13 Monaten", "Vorjahresquartal und Quartalszahlen",
])
def test_parts_of_the_year_not_dates(text):
    assert find(text, OCT30) == []


# --- parts of a week, month or year on the far side of the anchor ----------------------------

SAT = date(2025, 11, 29)  # a Saturday
DEC10 = date(2025, 12, 10)


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # over at publication, in a future sentence: the next week / month / year
    ("Der Gesandte wird Anfang der Woche in Moskau erwartet.", SAT, ("2025-12-01", "2025-12-07", "week")),
    ("Das Kabinett werde sich Anfang des Jahres damit befassen.", DEC10, ("2026", None, "year")),
    ("Mitte des Monats soll die Entscheidung fallen.", date(2025, 11, 25), ("2025-12", None, "month")),
    ("Bis zum Jahresbeginn werden die Arbeiten abgeschlossen.", DEC10, ("2026", None, "year")),
    # not over yet: the anchor's own
    ("Der Gesandte wird Ende der Woche in Moskau erwartet.", SAT, ("2025-11-24", "2025-11-30", "week")),
    ("Das Kabinett werde sich Ende des Jahres damit befassen.", DEC10, ("2025", None, "year")),
    ("Der Gesandte wird Anfang der Woche in Moskau erwartet.", date(2025, 11, 24), ("2025-11-24", "2025-11-30", "week")),
    ("Er wird Anfang des Jahres kommen.", date(2025, 2, 3), ("2025", None, "year")),
    # a past sentence keeps the anchor's period; "seit" a part not yet begun goes back
    ("Er hatte Anfang der Woche gekündigt.", SAT, ("2025-11-24", "2025-11-30", "week")),
    ("Er hatte Ende des Jahres gekündigt.", date(2025, 3, 10), ("2025", None, "year")),
    ("Seit Ende des Jahres sind die Preise gestiegen.", date(2025, 3, 10), ("2024", None, "year")),
    ("Seit Mitte des Monats sind die Preise gestiegen.", date(2025, 11, 5), ("2025-10", None, "month")),
    ("Seit Anfang des Monats sind die Preise gestiegen.", date(2025, 11, 5), ("2025-11", None, "month")),
    # an explicit modifier is not moved
    ("Er wird Anfang dieser Woche kommen.", SAT, ("2025-11-24", "2025-11-30", "week")),
    ("Er wird Anfang nächsten Jahres kommen.", DEC10, ("2026", None, "year")),
])
def test_a_part_of_a_period_on_the_far_side_of_the_anchor(text, anchor, expected):
    assert value(text, anchor) == expected


def test_a_part_of_a_period_without_a_tense_or_anchor():
    assert value("Anfang der Woche", SAT) == ("2025-11-24", "2025-11-30", "week")
    assert value("Anfang der Woche", SAT, tense="future") == ("2025-12-01", "2025-12-07", "week")
    assert one("Anfang der Woche", None).precision == "unresolved"


# --- a month after "seit dem", "bis zum", "ab dem" ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("mehr als bei jeder Übung seit dem August 2022, als sie kam", ("seit dem August 2022", "2022-08", "seit")),
    ("Ab dem Januar 2026 gilt die Regel.", ("Ab dem Januar 2026", "2026-01", "ab")),
    ("Bis zum März 2024 war er im Amt.", ("Bis zum März 2024", "2024-03", "bis")),
    ("Seit dem März sind die Preise gestiegen.", ("Seit dem März", "2025-03", "seit")),
])
def test_a_month_after_preposition_and_article(text, expected):
    e = one(text)
    assert (e.text, e.date, e.qualifier, e.precision) == (*expected, "month")


def test_a_month_after_an_article_alone_keeps_its_boundary():
    e = one("Er nannte den August 2022 einen Wendepunkt.")
    assert (e.text, e.date) == ("August 2022", "2022-08")
    assert find("Seit dem Maifeiertag ist er fort.") == []


# --- a number and a half: "dreieinhalb", "anderthalb", "einem halben" ----------------------------

@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("Russland hatte den Krieg vor mehr als dreieinhalb Jahren begonnen.", SAT,
     ("vor mehr als dreieinhalb Jahren", "2022", None, "year", "vor")),
    ("Vor eineinhalb Jahren kam er.", date(2025, 3, 5), ("Vor eineinhalb Jahren", "2023", None, "year", "vor")),
    ("Vor anderthalb Jahren kam er.", date(2025, 9, 5), ("Vor anderthalb Jahren", "2024", None, "year", "vor")),
    ("Er war vor einem halben Jahr da.", date(2025, 3, 5), ("vor einem halben Jahr", "2024", None, "year", "vor")),
    ("Seit zweieinhalb Jahren regiert er.", date(2025, 3, 5), ("Seit zweieinhalb Jahren", "2022", None, "year", "seit")),
    ("In zweieinhalb Wochen wird er kommen.", date(2025, 3, 5),
     ("In zweieinhalb Wochen", "2025-03-17", "2025-03-23", "week", "in")),
    ("Vor zweieinhalb Monaten kam er.", date(2025, 3, 5), ("Vor zweieinhalb Monaten", "2024-12", None, "month", "vor")),
    ("Vor zwölfeinhalb Jahren kam er.", date(2025, 3, 5), ("Vor zwölfeinhalb Jahren", "2012", None, "year", "vor")),
])
def test_a_number_and_a_half_as_offset(text, anchor, expected):
    e = one(text, anchor)
    assert (e.text, e.date, e.date_end, e.precision, e.qualifier) == expected


def test_whole_numbers_keep_their_values_and_halves_need_a_preposition():
    assert value("Vor drei Jahren kam er.", SAT) == ("2022", None, "year")
    assert value("vor mehr als drei Jahren", SAT) == ("2022", None, "year")
    assert one("In den letzten zweieinhalb Jahren regierte er.").precision == "vague"
    assert find("Er braucht zweieinhalb Jahre für das Studium.") == []
    assert find("Nach dreieinhalb Jahren Krieg ist das Land erschöpft.") == []
    assert find("In dreieinhalb Jahren Krieg hatte er nie geschlafen.") == []
    assert find("vor einer halben Stunde") == []


# --- bare years after a dating adverb, and between an article and a participle ------------------

@pytest.mark.parametrize(("text", "year"), [
    ("Deutschland war zuletzt 2001 Gastgeber einer Frauen-EM.", "2001"),
    ("Der Verein wurde erstmals 1998 Meister.", "1998"),
    ("Das 1807 erlassene Gesetz erlaubt einen Einsatz.", "1807"),
    ("Die 2019 gegründete Partei gewann.", "2019"),
    ("Er berief sich auf die 1890 renovierte Kirche.", "1890"),
    ("des 1963 ermordeten Präsidenten", "1963"),
])
def test_a_bare_year_after_an_adverb_or_before_a_participle(text, year):
    e = one(text)
    assert (e.text, e.date, e.precision, e.relative) == (year, year, "year", False)


@pytest.mark.parametrize("text", [
    "Zuletzt kamen 2000 Menschen.",  # a count: a unit after the number
    "Es kamen zuletzt 2000 Menschen.",
    "Die 2000 geretteten Menschen sind in Sicherheit.",  # the participle's noun counts
    "Die 1500 verletzten Soldaten wurden versorgt.",
    "Das 1807 Gesetz",  # no participle
    "Er bekam 1807 erlassene Strafen.",  # no article
    "Er zahlte 1807 Euro.",
    "Die Zahl lag zuletzt bei 1807 Fällen.",
])
def test_bare_numbers_that_stay_counts(text):
    assert find(text) == []
