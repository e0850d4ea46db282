"""Find actor mentions in a spaCy Doc: curated aliases first, then general rules for names
nobody has listed yet (a role word before a name, two unknown capitalised words in a row,
a preposition before an unknown place)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .dates import MONTHS, PERIOD_PARTS, SEASONS, WEEKDAYS
from .doctext import doc_index
from .fold import WordCache
from .lexicon import AliasEntry, Lexicon, gender_of, slugify
from .quotes import SPEECH_VERBS

_ADJ_ENDING = re.compile(r"(?<=...)(en|em|er|es|e)$")
_INFLECTION = ("innen", "en", "es", "n", "s", "e")
_GLUED = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")  # "RusslandDamit": two words lost their space
_DETERMINERS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinem", "keinen", "keiner"})
_PLACE_PREPOSITIONS = {"in", "nach", "aus", "bei", "im"}
# Capitalised function words (sentence starts, pronouns): never part of a name.
# Words that start a date ("die Zeitung Anfang der Woche") are never a name after a head word.
_TEMPORAL_WORDS = frozenset([*MONTHS, *WEEKDAYS, *(w.casefold() for w in (*PERIOD_PARTS, *SEASONS))])

_FUNCTION_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "er", "sie", "es",
    "wir", "ihr", "ich", "du", "und", "oder", "aber", "doch", "so", "auch", "als", "wie", "wenn", "dass", "da",
    "dies", "diese", "dieser", "dieses", "zudem", "danach", "dabei", "damit", "zuletzt", "neben", "für", "mit",
    "nach", "vor", "von", "zu", "zur", "zum", "am", "im", "in", "an", "auf", "aus", "bei", "um", "unter", "über",
    "laut", "seit", "sein", "seine", "seiner", "ihre", "ihrer", "kurz", "viele", "mehrere", "gleichzeitig",
    "ohne", "während", "anschließend", "bislang", "darüber", "nun", "jedoch", "dennoch", "sollte", "wäre",
}


# Where a sentence or a quote starts, spaCy's German stop words are capitalised but start no name
# ("Jeden Tag zerstören ...", "Alle Beteiligten"); inside a sentence they may ("in Los Angeles").
_NOT_NAME_STARTS = frozenset(STOP_WORDS) - {"tel", "will"}
_OPENING_QUOTES = frozenset("„“\"»«‚‘'")
# Lower-case words inside a name: "Ursula von der Leyen", "Charles de Gaulle", "Mohammed bin Salman".
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn",
                             "al", "el", "zu", "ter", "ten", "dos"})
_PREFIXED_NAME = re.compile(r"^(?:al|el|ad|as|asch|at|ben|bin|ibn|abu|ould)-[A-ZÄÖÜ]")  # "al-Assad"
# "Institut für Kriegsstudien", "Partei für Gleichheit und Demokratie der Völker"
_NAME_JOINERS = frozenset({"für", "der", "des", "zur", "zum", "von", "vom", "und", "in"})
# "ISW", "G7", and with lower-case letters between capitals: "KdK", "BfV"
_ACRONYM = re.compile(r"^[A-ZÄÖÜ](?:[A-ZÄÖÜ0-9]|[a-zäöü](?=[A-ZÄÖÜ])){1,5}$")
# "Nordirak", "Südostasien", "Oberösterreich": a direction before the name of a state or region
_DIRECTIONS = ("Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West", "Zentral", "Mittel", "Ober",
               "Unter", "Nieder")
_DIRECTION = re.compile(rf"^(?:{'|'.join(_DIRECTIONS)})[a-zäöü]{{3,}}$")
# Prefixes of compound nouns that are no noun themselves: "Nach|besserungen", "Gegen|angriffe"
_NOUN_PREFIXES = ("Nach", "Vor", "Auf", "Aus", "Ein", "Ab", "An", "Zu", "Über", "Unter", "Wieder", "Gegen", "Mit",
                  "Um", "Bei", "Rück", "Hinter", "Neben")
# Organisation words whose name goes on with "für …": "Landesamt für Umwelt", "Institut für
# Hygiene und Umweltmedizin", "Bundesministerium für Bildung und Forschung"
_FUER_HEADS = ("amt", "institut", "ministerium", "behörde", "stiftung", "verband", "partei", "organisation",
               "gericht", "gerichtshof", "agentur", "kommission", "zentrale", "anstalt", "akademie", "zentrum")
# "linksliberale", "rechtspopulistischen", "rot-grünen", "christdemokratischen": what a party is
_POLITICAL_ADJECTIVE = re.compile(r"^[a-zäöü\-]*(liberal|konservativ|demokratisch|sozialistisch|kommunistisch|populistisch|"
                                  r"nationalistisch|extrem|radikal|grün|christlich|islamistisch|separatistisch|"
                                  r"oppositionell|nationalkonservativ)(e|en|er|es|em)$")
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,2}\.$")  # "St.", "Dr."
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
# A word that can stand first in a person's name after a role word: capitalised, or initials ("JB", "J.B.")
_FIRST_NAME_LIKE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+|[A-Z]{1,2}|(?:[A-Z]\.){1,2})$")
# Number words that start no name: "Hunderttausende Bundesbedienstete", "Tausende Menschen"
_COUNT_WORD = re.compile(r"^(?:Hundert|Tausend|Zehntausend|Hunderttausend|Dutzend|Million|Milliard)(?:e|en|er)?$")
# Sports clubs: "FC Bayern München", "VfB Stuttgart"
_CLUB_PREFIX = frozenset({"FC", "SC", "SV", "VfB", "VfL", "TSV", "TSG", "SpVgg", "AC", "AS", "SSC", "RB", "BVB"})
# Foreign articles that start the names of places: "El Faschir", "Los Angeles", "São Paulo"
_PLACE_ARTICLES = frozenset({"El", "La", "Los", "Las", "San", "Santa", "Santo", "São", "Port", "Puerto", "Porto", "Rio",
                             "Sankt", "Saint"})
_ARTICLES_BEFORE_NOUNS = frozenset({*_DETERMINERS, "im", "am", "vom", "zum", "beim", "ins", "ans"})
_ENGLISH_JOINERS = frozenset({"for", "of", "on", "and"})  # "Institute for the Study of War"
# A given-name part after a family name written first: "Thae", "Jinping", "Jae-myung"
_GIVEN_NAME_PART = re.compile(r"^[A-Z][a-z]{0,7}(?:-[a-z]{1,7})?$")
# Words after a name that make the next name another name of the same actor: "Daglo, genannt Hemeti,"
_ALIAS_WORDS = frozenset({"genannt", "alias"})
# The strong adjective ending of a name in the nominative by the gender of its noun:
# "Schweizerischer Gewerkschaftsbund", "Syrische Demokratische Kräfte", "Auswärtiges Amt"
_STRONG_ENDING = {"m": "er", "f": "e", "n": "es", "pl": "e"}
# Adjective endings that nouns do not have ("Liberaldemokratischen", "Nationale", "Föderalen").
_ADJECTIVE = re.compile(r"^([A-ZÄÖÜ][a-zäöüß]+?(?:isch|sch|ig|lich|al|iv|är|ent))(e|en|er|es|em)$")

# Flag bits of a word (ActorFinder.word_flags)
_ALIAS_HERE, _ROLE, _NAME, _UPPER, _MAYBE_CITY, _INSTITUTION = 1, 2, 4, 8, 16, 32
_NAME_OR_CITY = _NAME | _MAYBE_CITY | _INSTITUTION  # the words pass 4 can take without a surname
_MASKS = (_ALIAS_HERE, _ROLE, _NAME, _UPPER, _NAME_OR_CITY)  # ActorFinder._positions


@dataclass
class Found:
    start: int  # token indices
    end: int
    entry: AliasEntry
    role: str | None = None
    via_alias_role: bool = False


def norm(text: str) -> str:
    """Comparable form of one token: casefolded; adjective endings dropped on lowercase words."""
    folded = text.casefold()
    if text[:1].islower() and folded.isalpha():
        return _ADJ_ENDING.sub("", folded)
    return folded


def alias_keys(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(norm(t) for t in tokens)


def genitive_base(text: str) -> str | None:
    """'Putins' -> 'Putin', 'Nordkoreas' -> 'Nordkorea', 'Xis' -> 'Xi', "Xi'" -> 'Xi'; None when no genitive ending."""
    if text.endswith(("'", "’")):
        return text[:-1]
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    if len(text) == 3 and text.endswith("s") and text[0].isupper() and text.lower() not in STOP_WORDS:
        return text[:-1]  # short names' last parts: "Xis", "Kim Jong Uns" (not "Uns", "Das", "Bis")
    return None


class ActorFinder:
    """Holds the token patterns built from a Lexicon; `find(doc)` returns mentions.

    The passes work on the token texts as plain strings (see doctext.py); everything that
    depends on one word only (name word? role word? alias start?) is computed once per
    distinct word and cached, since the same words come back in every article.
    """

    def __init__(self, lexicon: Lexicon, tokenize, nouns: frozenset[str], cities: frozenset[str] = frozenset(),
                 first_names: frozenset[str] = frozenset(), lemmas=None):
        self.lexicon = lexicon
        self.lemmas = lemmas  # spaCy's lookup lemma table (a Table, word -> lemma), if the pipeline has it
        self.nouns = nouns
        self.cities = cities
        self.first_names = first_names
        self._noun_cache: dict[tuple[str, bool], bool] = {}  # the compound check is the hot spot
        self._role_cache: dict[str, str | None] = {}
        self._name_cache: dict[tuple[str, bool], bool] = {}
        self._word_cache: dict[str, _Word] = {}
        self._punct_cache: dict[str, bool] = {}
        self._flag_cache = WordCache(self.word_flags)
        self.patterns: dict[tuple[str, ...], AliasEntry] = {}
        for alias, entry in lexicon.aliases.items():
            words = [t for t in tokenize(alias) if not t.is_space]
            # A leading article is not part of the alias ("der Kreml" is written "Kreml").
            if len(words) > 1 and words[0].lower_ in {"der", "die", "das"}:
                words = words[1:]
            self.patterns[alias_keys([t.text for t in words])] = entry
        # "X", and "X." at a sentence end (one token)
        self.platform_tokens = frozenset({*lexicon.platforms, *(p + "." for p in lexicon.platforms)})
        self.max_len = max((len(k) for k in self.patterns), default=1)
        self.first_words = {k[0] for k in self.patterns}
        # every proper prefix of a pattern: a longer alias can only start with one of them
        self.prefixes = {k[:n] for k in self.patterns for n in range(1, len(k))}

    # -- helpers ------------------------------------------------------------------------------
    def is_noun(self, text: str, *, compounds: bool = True) -> bool:
        """Common noun, also as the last part of a compound ("Staatsmedien" -> "Medien")."""
        key = (text, compounds)
        known = self._noun_cache.get(key)
        if known is None:
            known = self._noun_cache[key] = self._is_noun(text, compounds)
        return known

    def _is_noun(self, text: str, compounds: bool) -> bool:
        if text in self.nouns:
            return True
        if not compounds:
            return False
        # A compound is noun + noun ("Staats|medien", "Amts|kollegen"): both parts must be nouns,
        # the first with an optional linking -s/-es/-n/-en. A bare noun ending alone would make
        # "Buda|pest", "Ham|burg" or "Kopen|hagen" common nouns.
        for cut in range(3, len(text) - 3):
            head, tail = text[:cut], text[cut:]
            if tail[0].upper() + tail[1:] not in self.nouns:
                continue
            for link in ("", "s", "es", "n", "en"):
                stem = head[: len(head) - len(link)] if link and head.endswith(link) else head if not link else None
                if stem and len(stem) >= 3 and stem[0].upper() + stem[1:] in self.nouns:
                    return True
        # A prefix that is no noun before a long noun: "Nach|besserungen" (a short one may be a
        # name's part: "Vor|werk")
        for prefix in _NOUN_PREFIXES:
            tail = text[len(prefix):]
            if text.startswith(prefix) and len(tail) >= 6 and tail[0].upper() + tail[1:] in self.nouns:
                return True
        return False

    def is_name_word(self, text: str, *, continuation: bool = False) -> bool:
        key = (text, continuation)
        known = self._name_cache.get(key)
        if known is None:
            known = self._name_cache[key] = self._is_name_word(text, continuation)
        return known

    def _is_name_word(self, text: str, continuation: bool) -> bool:
        if not text[:1].isupper() or not re.match(r"^[\w\-’']+$", text) or any(c.isdigit() for c in text):
            return False
        if text.casefold() in _FUNCTION_WORDS or _GLUED.search(text) or text.isupper() and len(text) > 1 and not continuation:
            return False
        if text.casefold() in self.lexicon.reject or _COUNT_WORD.match(text):
            return False
        tail = text.rsplit("-", 1)[-1]
        if tail != text and tail[:1].isupper() and self.is_noun(tail):
            return False  # "Ukraine-Krieg", "Grünen-Fraktionschefin": a compound noun, no name
        if continuation and len(text) <= 3:
            return True
        # After a first name, a surname may look like a compound noun ("Baerbock").
        compounds = not continuation
        return not self.is_noun(text, compounds=compounds) and not self.is_noun(genitive_base(text) or text, compounds=compounds)

    def role_class(self, text: str) -> str | None:
        """'person', 'organization' or 'place' when the word is a role/head word."""
        low = text.lower()  # Token.lower_
        if low not in self._role_cache:
            self._role_cache[low] = self._role_class(low)
        return self._role_cache[low]

    def _role_class(self, low: str) -> str | None:
        return role_class_of(low, self.lexicon)

    def word(self, text: str) -> _Word:
        """What the passes need to know about one word (cached)."""
        known = self._word_cache.get(text)
        if known is None:
            base = genitive_base(text)
            upper = text[:1].isupper()
            first = norm(text) in self.first_words
            base_norm = norm(base) if base else None
            known = self._word_cache[text] = _Word(
                norm=norm(text),
                base=base,
                base_norm=base_norm,
                alias_start=bool(first or base),
                # A word that starts no longer alias can only be a one-word alias in the genitive.
                alias_here=first or (base_norm is not None and (base_norm,) in self.patterns),
                upper=upper,
                role=self.role_class(text) if upper else None,
                name=self.is_name_word(text),
                lower=text.lower(),
            )
        return known

    def is_punct(self, doc: Doc, text: str) -> bool:
        known = self._punct_cache.get(text)
        if known is None:
            known = self._punct_cache[text] = doc.vocab[text].is_punct
        return known

    def role_text(self, words: list[str], role_index: int) -> str:
        """The role as stated, in base form, with the adjectives right before it:
        'des chinesischen Präsidenten' -> 'chinesischer Präsident'."""
        word = words[role_index]
        low = word.casefold()
        for ending in ("en", "s", "n"):
            base = low[: -len(ending)]
            if low.endswith(ending) and any(base.endswith(w) for w in self.lexicon.person_roles):
                word = word[: -len(ending)]
                break
        feminine = word.endswith("in")
        # Adjectives count only after an article or a genitive name ("der frühere", "Kims
        # verstorbener"); otherwise the word before is a verb ("hatte US-Präsident").
        i = role_index - 1
        while i >= 0 and i > role_index - 4 and words[i][:1].islower() and words[i].isalpha() \
                and _ADJ_ENDING.search(words[i].lower()) and words[i].lower() not in _FUNCTION_WORDS:
            i -= 1
        adjectives = []
        if i < role_index - 1 and i >= 0 and (words[i].lower() in _DETERMINERS or genitive_base(words[i])):
            adjectives = [norm(t) + ("e" if feminine else "er") for t in words[i + 1 : role_index]]
        return " ".join([*adjectives, word])

    # -- passes -------------------------------------------------------------------------------
    def match_alias(self, doc: Doc, words: list[str], i: int) -> tuple[int, AliasEntry] | None:
        """The longest alias starting at word i (its last word may be a genitive)."""
        infos = [self.word(words[i])]
        # Only lengths whose first words are a pattern prefix can match.
        key: tuple[str, ...] = (infos[0].norm,)
        while len(key) < self.max_len and i + len(key) < len(words) and key in self.prefixes:
            infos.append(self.word(words[i + len(key)]))
            key = (*key, infos[-1].norm)
        # A window with whitespace or punctuation is no alias: only lengths before the first such word.
        longest = next((k for k, w in enumerate(words[i:i + len(key)]) if w.isspace() or self.is_punct(doc, w)), len(key))
        for length in range(longest, 0, -1):
            keys = key[:length]
            entry = self.patterns.get(keys)
            if entry is None:
                base_norm = infos[length - 1].base_norm
                if base_norm is None and length > 1 and keys[-1].endswith("s") and len(keys[-1]) == 3:
                    base_norm = keys[-1][:-1]  # "Kim Jong Uns": a short last part, a stop word alone ("uns")
                if base_norm is not None:
                    entry = self.patterns.get((*keys[:-1], base_norm))
            if entry is not None:
                return length, entry
        return None

    def _genitive_state(self, text: str) -> AliasEntry | None:
        """The state a genitive names ("Nordkoreas" -> Nordkorea), else None."""
        info = self.word(text)
        entry = self.patterns.get((info.base_norm,)) if info.base_norm is not None else None
        return entry if entry is not None and entry.type == "country" else None

    def word_flags(self, text: str) -> int:
        """The facts of a word that decide where the passes look, as bits (cached in _flag_cache)."""
        info = self.word(text)
        maybe_city = text in self.cities or (text.isupper() and len(text) > 2 and text.title() in self.cities) \
            or genitive_base(text) in self.cities or _DIRECTION.match(text) is not None
        return (_ALIAS_HERE * info.alias_here | _ROLE * bool(info.role) | _NAME * info.name
                | _UPPER * info.upper | _MAYBE_CITY * maybe_city | _INSTITUTION * bool(_federal_institution(text))
                | _NAME * (text in self.first_names or text in _PLACE_ARTICLES))

    def _positions(self, words: list[str]) -> dict[int, list[int]]:
        """Flag mask -> the token indices whose word has one of its bits, in order.

        The passes below look at a few tokens only (alias starts, role words, capitalised
        words); instead of a Python loop over every token per pass, the flags of all tokens are
        read in one C-level map over the cache and the positions picked with numpy.
        """
        flags = numpy.fromiter(map(self._flag_cache.__getitem__, words), dtype=numpy.uint8, count=len(words))
        return {mask: numpy.flatnonzero(flags & mask).tolist() for mask in _MASKS}

    def find(self, doc: Doc) -> list[Found]:
        index = doc_index(doc)
        words = index.words
        n = len(words)
        word = self.word
        positions = self._positions(words)
        used = [False] * n
        found: list[Found] = []

        def take(start: int, end: int, entry: AliasEntry, role: str | None = None) -> Found:
            for k in range(start, end):
                used[k] = True
            item = Found(start, end, entry, role)
            found.append(item)
            return item

        # 1. curated aliases and country names (only where one can start)
        i = 0  # the next token a match may start at
        for start in positions[_ALIAS_HERE]:
            if start < i:
                continue
            i = start
            hit = self.match_alias(doc, words, i)
            if hit:
                length, entry = hit
                nxt = words[i + length] if i + length < n else None
                # "Kim" followed by an unknown name word is somebody else ("Kim Yo-jong").
                if length == 1 and entry.type == "person" and nxt is not None and self.is_name_word(nxt, continuation=True) \
                        and (not word(words[i + 1]).alias_here or self.match_alias(doc, words, i + 1) is None) \
                        and nxt[:1].isupper() and not self.role_class(nxt):
                    i += 1
                    continue
                if entry.actor.casefold() not in self.lexicon.reject:
                    take(i, i + length, entry)
                    state = self._genitive_state(words[i]) if length > 1 and entry.type != "country" else None
                    if state is not None:
                        found.append(Found(i, i + 1, state, None))  # "Nordkoreas Machthaber": Kim, and Nordkorea too
                i += length
                continue
            i += 1

        if "&" in words:
            self._ampersand_names(words, used, take)

        if self.lexicon.family_names:
            self._family_name_first(words, used, take)

        # 2. a role word followed by a name: "Außenministerin Choe Son Hui", "Nachrichtenagentur KCNA"
        for i in positions[_ROLE]:
            cls = word(words[i]).role
            if used[i]:
                continue
            seat = self._seat(words, used, found, i + 1, seated=self._seated(words[i])) if cls == "organization" else None
            if seat:
                name = f"{self._nominative(words[i])} {seat}"  # "Oberlandesgericht Hamburg", "Kriminalpolizei Regensburg": named by its seat
                take(i, i + 2, AliasEntry(slugify(name), name, "organization", False))
                continue
            end = self._fuer_phrase(words, used, i) if cls == "organization" else i
            if end == i and cls == "organization" and i + 1 < n and words[i + 1] in _ENGLISH_JOINERS:
                end = self._english_name_tail(words, used, i + 1)  # "University of Oxford"
                if end > i + 2:
                    start = self._english_name_head(words, used, found, i)  # "Asan Institute for …"
                    name = " ".join(words[start:end])
                    take(start, end, AliasEntry(slugify(name), name, "organization", False))
                    continue
                end = i
            if end > i and not any(_bracketed_acronym(words, k) for k in range(end, min(end + 4, n))):
                _drop_inside(found, i, end)  # "… des Fernen Ostens": part of the name
                name = self._nominative(words[i]) + " " + " ".join(words[i + 1:end])
                take(i, end, AliasEntry(slugify(name), name, "organization", False))
                continue
            j = i + 1 + self._noun_name_after_head(words, used, i + 1, cls)
            while j < n and j - i <= 4 and not used[j] and (
                    self._role_name_word(words[j], cls, first=j == i + 1)
                    or cls == "person" and (self._surname(words, used, j) or j == i + 2 and self._closed_surname(words, used, j))):
                j += 1
            if j > i + 1 and cls == "person":
                j += self._particle_run(words, used, j)
            if j > i + 1 and cls == "organization":
                j += self._closed_capitalised_run(words, used, j, limit=i + 5 - j)
                if _bracketed_acronym(words, j) is not None:
                    continue  # "Arbeiterpartei Kurdistans (PKK)": the head is part of the name (see below)
            if j > i + 1:
                name = " ".join(words[i + 1 : j])
                entry = AliasEntry(slugify(name), name, cls, False)  # type: ignore[arg-type]
                take(i + 1, j, entry, self.role_text(words, i) if cls == "person" else None)

        # 3. two or more unknown capitalised words in a row: a person ("Kurt Campbell")
        sentence_starts = set(index.sentence_starts)
        i = 0
        for start in positions[_NAME]:
            if start < i:
                continue
            i = start
            if words[i].casefold() in _NOT_NAME_STARTS and (i in sentence_starts or i > 0 and words[i - 1] in _OPENING_QUOTES):
                continue
            j = self._name_run(words, used, i)
            title_end = next((k for k in range(i + 1, j) if words[k] in self.first_names), None)
            if title_end is not None and words[i] not in self.first_names:
                i = title_end  # "Stadtbrandrat Tobias Weiß": an unknown title before a first name is no part of it
                j = self._name_run(words, used, i)
            if j - i >= 2 and j < n and words[j][:1].isupper() and self.is_noun(words[j]) \
                    and all(_ADJECTIVE.match(w) for w in words[i:j]):
                i = j  # "die Syrischen Demokratischen Kräfte": adjectives of a longer name, no person
                continue
            if j - i >= 2 and _ADJECTIVE.match(words[i]) and gender_of(words[j - 1]):
                # "der Österreichische Rechtsanwaltskammertag": an adjective before a compound noun names an organisation
                name = self._organization_name(words[i:j])
                take(i, j, AliasEntry(slugify(name), name, "organization", False))
                i = j
                continue
            if j < n and not used[j] and j + 1 < n and words[j + 1] in _ENGLISH_JOINERS and self.role_class(words[j]) == "organization":
                j += 1  # "Asan Institute for …": "Institute" is also a German plural
            if j - i >= 2 and self.role_class(words[j - 1]) == "organization":
                j = self._english_name_tail(words, used, j)  # "Asan Institute for Policy Studies"
            if j - i >= 2:
                name = " ".join(words[i:j])
                # "in Buenos Aires": a multi-word name after a place preposition, or a city's name;
                # "Yale University": an organisation word at its end
                after_preposition = i > 0 and word(words[i - 1]).lower in _PLACE_PREPOSITIONS
                kind = "place" if after_preposition or name in self.cities or words[i] in _PLACE_ARTICLES else \
                    "organization" if self.role_class(words[j - 1]) == "organization" else "person"
                take(i, j, AliasEntry(slugify(name), name, kind, False))
                i = j

        # 3b. a capitalised adjective before an organisation word: "die Liberaldemokratische Partei"
        for i in positions[_ROLE]:
            if word(words[i]).role == "organization" and i > 0 and not used[i] and not used[i - 1] \
                    and i - 1 not in sentence_starts:
                name = self._adjective_organization(words[i - 1], words[i])
                if name:
                    end = max(self._fuer_phrase(words, used, i), i + 1)  # "das Deutsche Institut für Wirtschaftsforschung"
                    name = " ".join([name, *words[i + 1:end]])
                    take(i - 1, end, AliasEntry(slugify(name), name, "organization", False))
        # 3c. a city's two-word name whose first word starts no name: "Den Haag", "Los Angeles"
        for i in positions[_NAME]:
            name = f"{words[i - 1]} {words[i]}" if i > 0 and words[i - 1][:1].isupper() else ""
            if name in self.cities and not used[i] and not used[i - 1]:
                take(i - 1, i + 1, AliasEntry(slugify(name), name, "place", False))
        self._cities_with_a_river(words, used, found, take, positions[_NAME_OR_CITY])
        self._sports_clubs(words, used, found, take)
        self._hyphenated_names(words, used, take)
        if not self.platform_tokens.isdisjoint(words):
            self._platforms(words, used, take)
        for start, end in self._bracketed_organizations(words, used):
            name = self._organization_name(words[start:end])
            take(start, end, AliasEntry(slugify(name), name, "organization", False))
        acronyms = self._acronyms(words, used, found)
        self._party_acronyms(words, used, found, take, positions[_UPPER], acronyms)
        self._other_names(words, used, found, take)

        # 4. single words: the surname of a person found above, or an unknown place after a preposition
        # A short name is the person of that surname named most often in full, the first of them on
        # a tie ("Choe" in a portrait of Choe Son Hui that also names her father Choe Yong Rim)
        named: dict[str, dict[str, tuple[int, int, AliasEntry]]] = {}
        for f in found:
            if f.entry.type == "person" and not f.entry.curated and f.end - f.start >= 2:
                # "Li Qiang" is "Li" later on, "Pak Thae Song" is "Pak" (the family name comes first)
                family_first = words[f.start] in self.lexicon.family_names
                people = named.setdefault(words[f.start] if family_first else words[f.end - 1], {})
                count, first, _ = people.get(f.entry.actor, (0, f.start, f.entry))
                people[f.entry.actor] = (count + 1, min(first, f.start), f.entry)
        surnames = {short: min(people.values(), key=lambda p: (-p[0], p[1]))[2] for short, people in named.items()}
        first_sentence_end = index.sentence_starts[1] if len(index.sentence_starts) > 1 else n
        # Without surnames or acronyms only a name word or a city's name can be taken.
        candidates = positions[_UPPER] if surnames or acronyms else positions[_NAME_OR_CITY]
        flags = self._flag_cache
        for i in candidates:
            if used[i]:
                continue
            text = words[i]
            info = word(text)
            entry = surnames.get(text) or (surnames.get(info.base) if info.base else None) or acronyms.get(text)
            # _city_name needs a city's name (the flag), which most capitalised words are not
            city = self._city_name(words, found, i, first_sentence_end) if flags[text] & _MAYBE_CITY else None
            institution = _federal_institution(text) if not (entry or city) and flags[text] & _INSTITUTION \
                and not (i > 0 and words[i - 1].lower() in _INDEFINITE) else None  # "ein Bundesgericht": any one
            if institution:
                end = self._fuer_phrase(words, used, i, institution=True)
                start = i
                if i > 0 and not used[i - 1] and words[i - 1][:1].isupper() and _ADJECTIVE.match(words[i - 1]) \
                        and words[i - 1].casefold() not in _FUNCTION_WORDS:
                    start = i - 1  # "vom Bayerischen Landeskriminalamt": the state's adjective is part of the name
                    institution = self._organization_name([words[i - 1], institution])
                name = " ".join([institution, *words[i + 1:end]])
                _drop_inside(found, i, end)
                take(start, max(end, i + 1), AliasEntry(slugify(name), name, "organization", False))
                continue
            if not entry and not info.name and not city:
                continue
            after_preposition = i > 0 and (word(words[i - 1]).lower in _PLACE_PREPOSITIONS or _after_preposition_and_adjective(words, i)
                                           or _after_article_and_adjective(words, i)
                                           or _after_preposition_and_article(words, i)
                                           or self._coordinated_with_place(words, found, i)) \
                and i not in sentence_starts and not self._word_form(text)
            if entry:
                take(i, i + 1, entry)
            elif city:
                take(i, i + 1, AliasEntry(slugify(city), city, "place", False))
            elif after_preposition and text.isalpha() and not text.isupper() and not self._before_noun(words, i):
                take(i, i + 1, AliasEntry(slugify(text), text, "place", False))
            elif i > 0 and words[i - 1].lower() in SPEECH_VERBS and info.name and text not in self.cities:
                # "sagte Selenskyj": who speaks is a person (a city there is its government)
                take(i, i + 1, AliasEntry(slugify(text), text, "person", False))
            elif i > 1 and words[i - 1].lower() == "auf" and words[i - 2].lower() == "berufung" and info.name:
                # "unter Berufung auf APnews": whom a report cites is a source (people have two names)
                take(i, i + 1, AliasEntry(slugify(text), text, "organization", False))

        self._one_person_per_name(words, found)
        self.attach_roles(words, found)
        return sorted(found, key=lambda f: f.start)

    def _cities_with_a_river(self, words: list[str], used: list[bool], found: list[Found], take,
                             candidates: list[int]) -> None:
        """'Frankfurt am Main', 'Frankfurt an der Oder': the city's whole name (the city alone may
        have been taken before)."""
        for i in candidates:
            if i + 2 >= len(words) or words[i + 1] not in ("am", "an") or words[i] not in self.cities:
                continue
            end = next((e for e in (i + 4, i + 3) if " ".join(words[i:e]) in self.cities and not any(used[i + 1:e])), None)
            if end is not None:
                found[:] = [f for f in found if not (f.start == i and f.end == i + 1)]
                used[i] = False
                name = " ".join(words[i:end])
                take(i, end, AliasEntry(slugify(name), name, "place", False))

    def _hyphenated_names(self, words: list[str], used: list[bool], take) -> None:
        """'Kumsusan-Gästehaus', 'Kim-Il-Sung-Universität': a name joined to a place or
        organisation word is that place or organisation; a compound of a known name
        ("China-Institut", "Kreml-Partei") or of a noun ("Gäste-Haus") is not."""
        for i in [k for k, w in enumerate(words) if "-" in w]:  # few words have a hyphen
            text = words[i]
            if used[i] or not text[:1].isupper():
                continue
            head, _, tail = text.rpartition("-")
            if not head or not tail[:1].isupper() or not tail.isalpha():
                continue
            cls = self.role_class(tail)
            if cls not in ("place", "organization") or self.role_class(head):
                continue
            if self.word(head).alias_here:
                continue
            if all(p[:1].isupper() and p.isalpha() and self.is_name_word(p, continuation=k > 0)
                   for k, p in enumerate(head.split("-"))):
                take(i, i + 1, AliasEntry(slugify(text), text, cls, False))

    def _english_name_tail(self, words: list[str], used: list[bool], j: int) -> int:
        """The end of "for/of/on (the) X Y" after an English organisation word at j - 1 ("Institute
        for the Study of War", "University of Oxford"), or j."""
        n = len(words)
        end = j
        while end + 1 < n and words[end] in _ENGLISH_JOINERS:
            k = end + 1 + (words[end + 1] == "the")
            start = k
            while k < n and k - start < 3 and not used[k] and words[k][:1].isupper() and words[k].isalpha():
                k += 1
            if k == start:
                break
            end = k
        return end

    def _platforms(self, words: list[str], used: list[bool], take) -> None:
        """'schrieb er auf X', 'teilte sie auf der Plattform X. mit': a platform whose name is also a
        letter or a word (names.yml) where a verb of speech or writing stands shortly before."""
        for i in [k for k, w in enumerate(words) if w in self.platform_tokens]:
            if used[i] or i == 0 or not (words[i - 1].lower() == "auf" or self.role_class(words[i - 1]) == "organization"):
                continue
            if any(w.lower() in SPEECH_VERBS or w.lower() in ("teilte", "veröffentlichte") for w in words[max(0, i - 7):i]):
                name = words[i].rstrip(".")  # "X." at a sentence end is one token
                take(i, i + 1, AliasEntry(slugify(name), name, "organization", False))

    def _english_name_head(self, words: list[str], used: list[bool], found: list[Found], i: int) -> int:
        """The start of the capitalised words before an English organisation word at i ("Korea
        Institute", "Asan Institute"); a one-word place found there becomes part of the name."""
        start = i
        while start > 0 and i - start < 3 and words[start - 1][:1].isupper() and words[start - 1].isalpha() \
                and words[start - 1].casefold() not in _FUNCTION_WORDS and not self.role_class(words[start - 1]):
            k = start - 1
            if used[k]:
                place = next((f for f in found if f.start == k and f.end == k + 1 and f.entry.type in ("place", "country")), None)
                if place is None:
                    break
                found.remove(place)
            start = k
        return start

    def _family_name_first(self, words: list[str], used: list[bool], take) -> None:
        """'Pak Thae Song', 'Li Qiang', 'Lee Jae-myung': a family name written first and one or two
        short given-name parts are a person, even where a part is also a German word ("Pak",
        "Song")."""
        n = len(words)
        family = self.lexicon.family_names
        if family.isdisjoint(words):
            return
        for i in [k for k, w in enumerate(words) if w in family]:
            text = words[i]
            if used[i] or i + 1 >= n \
                    or i > 0 and words[i - 1].lower() in _ARTICLES_BEFORE_NOUNS:
                continue  # "der Song Contest": an article makes it a noun
            j = i + 1
            while j < n and j - i <= 2 and not used[j] and self._given_name_part(words[j]):
                j += 1
                if "-" in words[j - 1]:
                    break  # "Jae-myung": a hyphenated given name is the whole of it
            if j > i + 1:
                name = " ".join(words[i:j])
                take(i, j, AliasEntry(slugify(name), name, "person", False))

    def _given_name_part(self, text: str) -> bool:
        return (_GIVEN_NAME_PART.match(text) is not None and text.casefold() not in _FUNCTION_WORDS
                and text.casefold() not in _TEMPORAL_WORDS and not self.role_class(text) and not self.word(text).alias_here)

    def _ampersand_names(self, words: list[str], used: list[bool], take) -> None:
        """'Brighton & Hove Albion', 'Procter & Gamble': capitalised words joined by "&" are one
        name, a firm's or a club's (German joins people and places with "und")."""
        n = len(words)
        for k in range(1, n - 1):
            if words[k] != "&" or used[k - 1] or used[k + 1]:
                continue
            start, end = k, k + 1
            while start > 0 and k - start < 3 and not used[start - 1] and self._ampersand_part(words[start - 1]):
                start -= 1
            while end < n and end - k <= 3 and not used[end] and self._ampersand_part(words[end]):
                end += 1
            if start < k and end > k + 1:
                name = " ".join(words[start:end])
                take(start, end, AliasEntry(slugify(name), name, "organization", False))

    def _ampersand_part(self, text: str) -> bool:
        return text[:1].isupper() and text.replace("-", "").replace(".", "").isalnum() \
            and text.casefold() not in _FUNCTION_WORDS and not self.role_class(text)

    def _sports_clubs(self, words: list[str], used: list[bool], found: list[Found], take) -> None:
        """'FC Bayern München', 'VfB Stuttgart': a club prefix and up to three capitalised words,
        which may have been taken as places before."""
        if not _CLUB_PREFIX & set(words):
            return
        n = len(words)
        for i in range(n - 1):
            if words[i] in _CLUB_PREFIX and not used[i]:
                j = i + 1
                while j < n and j - i <= 3 and words[j][:1].isupper() and (words[j].isalpha() or _ABBREVIATION.match(words[j])) \
                        and not (j > i + 1 and self.is_noun(words[j], compounds=False)):
                    j += 1  # "FC St. Pauli", not "gegen den FC St. Pauli Punkte liegen lassen"
                if j == i + 1 and i > 0 and not used[i - 1] and words[i - 1].endswith("er") \
                        and (words[i - 1][:-2] in self.cities or words[i - 1][:-1] in self.cities):
                    i -= 1  # "der Hamburger SV", "der Karlsruher SC": the city's adjective before the prefix
                if j > i + 1 and not any(f.start < j < f.end or f.start < i < f.end for f in found):
                    found[:] = [f for f in found if not (i <= f.start and f.end <= j)]
                    for k in range(i, j):
                        used[k] = False
                    name = " ".join(words[i:j])
                    take(i, j, AliasEntry(slugify(name), name, "organization", False))

    def _name_run(self, words: list[str], used: list[bool], i: int) -> int:
        """The end of the name that starts at word i: name words (the first may be a first name,
        the second a surname after a first name), then particles ("von der Leyen")."""
        j = i
        while j < len(words) and not used[j] and j - i < 4 and (
                self.is_name_word(words[j], continuation=j > i)
                or j == i and (words[j] in self.first_names and words[j].casefold() not in _TEMPORAL_WORDS
                               or words[j] in _PLACE_ARTICLES)  # "Marie Bruckmann", "El Faschir" (not "im August Prag")
                or j == i + 1 and (self._surname(words, used, j) or self._apposition_surname(words, used, i, j))):
            j += 1
        if j == i + 1 and j < len(words) and not used[j] and _INITIAL.match(words[j]) \
                and (words[i] in self.first_names or self.is_name_word(words[i])):
            return j + 1  # "Dawid K.": court and police reports shorten the surname to its initial
        if j > i:
            j += self._particle_run(words, used, j)
        return j

    def _apposition_surname(self, words: list[str], used: list[bool], i: int, j: int) -> bool:
        """', Louisa Specht-Riemenschneider,': a name between commas (an apposition) may end in a
        word that is also a noun, unless a plural in -en (a dative object)."""
        return (i > 0 and words[i - 1] == "," and j + 1 < len(words) and words[j + 1] in (",", "(")
                and self.is_name_word(words[i]) and self._plain_capitalised(words[j]) and not used[j]
                and not words[j].endswith(("en", "ern")))

    def _seated(self, head: str) -> bool:
        low = head.casefold()
        return any(low.endswith(w) or low.removesuffix("s").endswith(w) for w in self.lexicon.seated_heads)

    def _seat(self, words: list[str], used: list[bool], found: list[Found], j: int, *, seated: bool = False) -> str | None:
        """The city or region right after an organisation word, which names it by its seat; a
        one-word place found there before is taken into the name. After a word that is always
        named by its seat ("Amtsgericht", "Universität"), any name there is one: a small town
        ("Schweinfurt") or a city whose name is also a German word ("Leiden")."""
        if j >= len(words) or not words[j][:1].isupper():
            return None
        if seated and not used[j] and (words[j] in self.cities or self._plain_capitalised(words[j])
                                       and not self.is_noun(words[j], compounds=False)):
            return words[j]
        if used[j]:
            place = next((f for f in found if f.start == j and f.end == j + 1 and f.entry.type == "place"), None)
            if place is None:
                return None
            found.remove(place)
            used[j] = False
            return words[j]
        return words[j] if words[j] in self.cities and not self.is_noun(words[j], compounds=False) else None

    def _fuer_phrase(self, words: list[str], used: list[bool], i: int, *, institution: bool = False) -> int:
        """The end of "für X (und Y)" after an organisation word at i ("Landesamt für Umwelt",
        "des Max-Planck-Instituts für Psychiatrie", "Partei für die Freiheit", "Institut für
        Regenerative Medizin"), or i when none follows (i + 1 for an institution word, which is
        a name by itself)."""
        low = words[i].casefold()
        if not institution and not any(low.removesuffix(e).endswith(_FUER_HEADS) for e in ("", "s", "es")):
            return i
        n = len(words)
        j = i + 1
        genitive = False  # the last part was a genitive ("des Fernen Ostens"): "und der Arktis" may follow
        while j + 1 < n and (words[j] == "für" if j == i + 1 else words[j] in ("und", "des")):
            k = j + 1
            if (words[j] == "für" and words[k] in ("die", "den", "das")
                    or words[j] == "und" and genitive and words[k] in ("der", "des")) and k + 1 < n:
                k += 1
            # a place found before may stand in a genitive part: "des Fernen Ostens und der Arktis"
            free = words[j] != "für"
            while k + 1 < n and (free or not used[k]) and _name_part(words[k + 1]) and self.is_adjective(words[k]):
                k += 1
            if not (_name_part(words[k]) and (free or not used[k]) and not self.role_class(words[k])):
                break
            genitive = words[j] == "des" or words[j] == "und" and genitive
            j = k + 1
        return j if j > i + 1 else (i + 1 if institution else i)

    def _nominative(self, word: str) -> str:
        """'Landesamts' -> 'Landesamt', 'Fußball-Bundes' -> 'Fußball-Bund' (a genitive -s/-es dropped
        when the rest is the noun; of a hyphenated word, its last part)."""
        return next((word[: -len(e)] for e in ("es", "s")
                     if word.endswith(e) and self.is_noun(word[: -len(e)].rsplit("-", 1)[-1])), word)

    def _coordinated_with_place(self, words: list[str], found: list[Found], i: int) -> bool:
        """'in Straubing und Kelheim': a name right after "und"/"oder"/"," that follows a place."""
        return i > 1 and words[i - 1] in ("und", "oder", ",") and any(
            f.end == i - 1 and f.entry.type in ("place", "country") for f in found)

    def is_adjective(self, text: str) -> bool:
        """A capitalised adjective inside a name ("Regenerative", "Neuen"): by its suffix, or a
        declined form whose base form in the lemma table is lower-case (a noun's is capitalised)."""
        if not text[:1].isupper() or text.casefold() in _FUNCTION_WORDS:
            return False
        if _ADJECTIVE.match(text):
            return True
        lemma = self._adjective_lemma(text)
        return lemma is not None and text.lower()[len(lemma):] in ("e", "en", "er", "es", "em")

    def _adjective_lemma(self, text: str) -> str | None:
        if self.lemmas is None:
            return None
        low = text.lower()
        lemma = self.lemmas.get(low) or self.lemmas.get(text)
        return lemma if lemma is not None and lemma.islower() and low.startswith(lemma) else None

    def _word_form(self, text: str) -> bool:
        """A declined German word: the lemma table has another base form for it ("bei Weitem" ->
        "weit"), which a name has not; False without a table (a trained pipeline may have none)."""
        if self.lemmas is None:
            return False
        low = text.lower()
        lemma = self.lemmas.get(low)
        return lemma is not None and lemma != low

    def _other_names(self, words: list[str], used: list[bool], found: list[Found], take) -> None:
        """'Mohamed Hamdan Daglo, genannt Hemeti,': the name after "genannt"/"alias" is the same actor."""
        for f in list(found):
            k = f.end + 2
            if f.entry.type == "person" and k < len(words) and words[f.end] == "," and words[f.end + 1] in _ALIAS_WORDS \
                    and not used[k] and self.is_name_word(words[k]):
                end = k + 1
                while end < len(words) and end - k < 3 and not used[end] and self.is_name_word(words[end], continuation=True):
                    end += 1
                take(k, end, f.entry)

    def _one_person_per_name(self, words: list[str], found: list[Found]) -> None:
        """A one-word person that is a part of exactly one longer name found in the same text is
        that person ("RSF-Anführer Daglo" and "Mohamed Hamdan Daglo", "Präsident Lula" and "Luiz
        Inácio Lula da Silva"), wherever the longer name stands."""
        owners: dict[str, set[AliasEntry]] = {}
        for f in found:
            if f.entry.type == "person" and not f.entry.curated and len(f.entry.name.split()) >= 2:
                for part in f.entry.name.split():
                    if part[:1].isupper() and len(part) > 2:
                        owners.setdefault(part, set()).add(f.entry)
        if not owners:
            return
        for f in found:
            if f.entry.type == "person" and not f.entry.curated and f.end - f.start == 1 and " " not in f.entry.name:
                text = words[f.start]
                candidates = owners.get(text) or owners.get(genitive_base(text) or "", set())
                if len(candidates) == 1:
                    f.entry = next(iter(candidates))

    def _surname(self, words: list[str], used: list[bool], j: int) -> bool:
        """After a known first name, a capitalised word closed by a lower-case word or punctuation
        is the surname even when it is also a noun: "Michael Kretschmer machte", "Martin Seiler,"."""
        return (j > 0 and words[j - 1] in self.first_names and self._plain_capitalised(words[j])
                and (j + 1 == len(words) or not words[j + 1][:1].isupper()) and not used[j])

    def _closed_surname(self, words: list[str], used: list[bool], j: int) -> bool:
        """After a role word and an unknown name word, a capitalised word closed by a lower-case
        word or punctuation is the surname even when it is also a noun: "Wirtschaftsministerin
        Katherina Reiche stellte", "IAEA-Chef Rafael Grossi hatte". Not a plural in -en/-ern, which
        is a dative object there: "sagte Kremlsprecher Peskow Journalisten"."""
        return (self.is_name_word(words[j - 1]) and self._plain_capitalised(words[j]) and not used[j]
                and not words[j].endswith(("en", "ern"))
                and (j + 1 == len(words) or not words[j + 1][:1].isupper()))

    def _particle_run(self, words: list[str], used: list[bool], j: int) -> int:
        """How many words after a name continue it: one or two particles and a name word
        ("von der Leyen", "de Gaulle"), or a prefixed surname ("al-Assad"); 0 if none."""
        n = len(words)
        if j < n and not used[j] and _PREFIXED_NAME.match(words[j]):
            return 1
        if j < n and words[j] in ("der", "den", "des"):
            return 0  # only after another particle ("von der Leyen"): "das Lab der Yale University"
        k = j
        while k < n and k - j < 2 and not used[k] and words[k] in _NAME_PARTICLES:
            k += 1
        if k > j and k < n and not used[k] and self.is_name_word(words[k]):
            return k - j + 1
        return 0

    def _closed_capitalised_run(self, words: list[str], used: list[bool], j: int, limit: int) -> int:
        """Capitalised words that go on an organisation's name up to a lower-case word or
        punctuation ("dem Sender Fox News, ..."): German puts no bare noun there; 0 if not closed."""
        k = j
        while k < len(words) and k - j < limit and not used[k] and self._plain_capitalised(words[k]):
            k += 1
        return k - j if k > j and (k == len(words) or not words[k][:1].isupper()) else 0

    def _bracketed_organizations(self, words: list[str], used: list[bool]) -> list[tuple[int, int]]:
        """'das Institut für Kriegsstudien (ISW)', 'die Gewerkschaft Deutscher Lokomotivführer (GDL)':
        capitalised words, maybe joined by für/der/und/…, then an acronym in brackets, name an
        organisation (token span; _acronyms maps the acronym). The name starts at an organisation
        word or at a word with the acronym's initial ("den Beitritt zum Europäischen Wirtschaftsraum
        (EWR)" -> "Europäischen Wirtschaftsraum"), as far left as that holds; never at a person's role."""
        out = []
        if "(" not in words:
            return out
        for k in range(2, len(words) - 2):
            acronym = _bracketed_acronym(words, k)
            if acronym is None or used[k + 1] or used[k - 1] or not words[k - 1][:1].isupper():
                continue
            start, best = k - 1, None
            while k - start < 8:
                if start - 3 >= 0 and words[start - 1] in ("die", "den", "das") and words[start - 2] == "für" \
                        and _name_part(words[start - 3]) and not used[start - 3]:
                    start -= 3  # "Partei für die Freiheit"
                elif start - 2 >= 0 and words[start - 1] in _NAME_JOINERS and _name_part(words[start - 2]) \
                        and not used[start - 2]:
                    start -= 2  # "Institut für Kriegsstudien"
                elif start - 1 >= 0 and _name_part(words[start - 1]) and not used[start - 1]:
                    start -= 1  # "Gewerkschaft Deutscher Lokomotivführer"
                else:
                    break
                if self.role_class(words[start]) == "person":
                    break
                if self.role_class(words[start]) == "organization" or words[start][0].casefold() == acronym[0].casefold():
                    best = start
            if best is not None:
                out.append((best, k))
        return out

    def _organization_name(self, words: list[str]) -> str:
        """The name in the nominative: capitalised adjectives before the first noun take the strong
        ending of its gender, and the noun loses a genitive ending ("des Schweizerischen
        Gewerkschaftsbundes" -> "Schweizerischer Gewerkschaftsbund"); the rest stays as written."""
        k = 0
        while k < len(words) - 1 and self.is_adjective(words[k]):
            k += 1
        if k == 0:
            return " ".join(words)
        head = self._nominative(words[k])
        ending = _STRONG_ENDING.get(gender_of(head) or "", "e")
        adjectives = [self._adjective_stem(w) + ending for w in words[:k]]
        return " ".join([*adjectives, head, *words[k + 1:]])

    def _adjective_stem(self, word: str) -> str:
        """'Schweizerischen' -> 'Schweizerisch', 'Neuen' -> 'Neu' (see is_adjective)."""
        m = _ADJECTIVE.match(word)
        if m:
            return m.group(1)
        lemma = self._adjective_lemma(word)
        return word[: len(lemma)] if lemma else _ADJ_ENDING.sub("", word)

    def _adjective_organization(self, adjective: str, head: str) -> str | None:
        """'Liberaldemokratischen' + 'Partei' -> 'Liberaldemokratische Partei' (see _organization_name);
        None unless the first word is an adjective."""
        if not self.is_adjective(adjective):
            return None
        return self._organization_name([adjective, head])

    def _acronyms(self, words: list[str], used: list[bool], found: list[Found]) -> dict[str, AliasEntry]:
        """An acronym in brackets right after an organisation names it in the rest of the text:
        "der Liberaldemokratischen Partei (LDP)" ... "Die LDP regiert"."""
        acronyms: dict[str, AliasEntry] = {}
        for f in found:
            acronym = _bracketed_acronym(words, f.end) if f.entry.type == "organization" else None
            if acronym is not None and not used[f.end + 1]:
                acronyms.setdefault(acronym, f.entry)
        return acronyms

    def _party_acronyms(self, words: list[str], used: list[bool], found: list[Found], take, candidates: list[int],
                        acronyms: dict[str, AliasEntry]) -> None:
        """An acronym nobody listed is an organisation after a political adjective ("die
        linksliberale D66", "dem christdemokratischen CDA") or coordinated with an organisation
        ("D66 und PVV", "dem CDA, der VVD"); elsewhere an acronym may be a thing ("das BIP")."""
        org_ends = {f.end for f in found if f.entry.type == "organization"}
        org_starts = {f.start for f in found if f.entry.type == "organization"}
        pending = []
        for i in candidates:
            if used[i] or not _ACRONYM.match(words[i]) or not words[i][1:2].isupper() and not words[i][1:2].isdigit():
                continue
            before = i - 1
            if before >= 0 and words[before].casefold() in _DETERMINERS:
                before -= 1  # "…, der VVD"
            if i > 0 and _POLITICAL_ADJECTIVE.match(words[i - 1]) \
                    or before >= 1 and words[before] in ("und", "oder", ",") and before in org_ends:
                take(i, i + 1, AliasEntry(slugify(words[i]), words[i], "organization", False))
                org_ends.add(i + 1)
            else:
                pending.append(i)
        for i in pending:  # "D66 und PVV": an organisation named after it
            if not used[i] and i + 2 < len(words) and words[i + 1] in ("und", "oder", ",") \
                    and (i + 2 in org_starts or words[i + 2] in acronyms):
                take(i, i + 1, AliasEntry(slugify(words[i]), words[i], "organization", False))

    def _noun_name_after_head(self, words: list[str], used: list[bool], j: int, cls: str) -> int:
        """How many capitalised words right after a head word are a name although they are German
        nouns or adjectives: "die Zeitung Abendpost meldete", "Zeitung Freie Stimme,",
        "Außenministerin Maren Ishikawa". German puts no bare noun after a noun, so directly
        after the head a capitalised word is an apposition (a name); it must be closed by a
        lower-case word or punctuation (organisations) or followed by an unknown name (people)."""
        if cls == "person" and j + 1 < len(words) and not used[j] and not used[j + 1] and _FIRST_NAME_LIKE.match(words[j]) \
                and (words[j].casefold() in _TEMPORAL_WORDS or not words[j].istitle() or words[j] in self.first_names) \
                and not self.is_name_word(words[j]) and self.is_name_word(words[j + 1], continuation=True) \
                and not self.is_noun(words[j + 1], compounds=False):
            return 1  # "Bundesrichterin April Perry", "Gouverneur JB Pritzker": a month or initials as first name
        run = 0
        while j + run < len(words) and run < 3 and not used[j + run] and self._plain_capitalised(words[j + run]):
            run += 1
        if run == 0 or self.is_name_word(words[j]):
            return 0  # an unknown word is taken by the ordinary rule
        if cls == "organization":
            closed = j + run == len(words) or not words[j + run][:1].isupper()
            return run if closed else 0
        if cls == "person" and j + 1 < len(words) and not used[j + 1] \
                and self.is_name_word(words[j + 1], continuation=True) and not self.is_noun(words[j + 1], compounds=False):
            return 1
        return 0

    def _plain_capitalised(self, text: str) -> bool:
        return (text[:1].isupper() and text.replace("-", "").isalpha() and not text.isupper()
                and text.casefold() not in _FUNCTION_WORDS and text.casefold() not in _TEMPORAL_WORDS
                and text.casefold() not in self.lexicon.reject and not self.role_class(text))

    def _city_name(self, words: list[str], found: list[Found], i: int, first_sentence_end: int) -> str | None:
        """A large city's name where the context says "place" (GeoNames names are also German
        words or first names): after in/nach/aus/bei, after "und"/"oder"/comma following a
        place ("zwischen Moskau und Hanoi"), or in capitals in the dateline ("PEKING / LONDON")."""
        text = words[i]
        if text.isupper() and len(text) > 2:
            name = text.title()
            return name if i < first_sentence_end and name in self.cities else None
        base = genitive_base(text)
        if base in self.cities and i + 1 < len(words) and self.role_class(words[i + 1]) == "person":
            return base  # "Hamburgs Innensenator", "Berlins Bürgermeisterin"
        directional = self._directional_place(text)
        if directional:
            return directional
        for name in (text, base):
            if name and self._unambiguous_city(name) and not self.is_noun(text, compounds=False):
                return name  # "Teheran müsse …", "warf Teheran vor": no German word has this name
        if text not in self.cities or self._before_noun(words, i):
            return None
        previous = words[i - 1].lower() if i > 0 else ""
        if previous in _PLACE_PREPOSITIONS or _after_preposition_and_adjective(words, i):
            return text
        if previous in ("und", "oder", ",") and any(
                f.end == i - 1 and f.entry.type in ("place", "country") for f in found):
            return text
        return None

    def _unambiguous_city(self, name: str) -> bool:
        """A large city's name that is no German word, first name or function word: a place
        wherever it stands. Others ("Essen", "Hof", "Halle") need a place's context (_city_name)."""
        return (name in self.cities and len(name) >= 4 and not name.isupper() and not self.is_noun(name, compounds=False)
                and name not in self.first_names and name.casefold() not in _NOT_NAME_STARTS
                and name.casefold() not in _FUNCTION_WORDS and name.casefold() not in self.lexicon.reject)

    def _directional_place(self, text: str) -> str | None:
        """'Nordirak', 'Ostukraine', 'Westeuropas' -> the region (genitive dropped); None otherwise."""
        for name in (text, genitive_base(text)):
            for prefix in _DIRECTIONS if name and _DIRECTION.match(name) else ():
                rest = name[len(prefix):] if name.startswith(prefix) else ""
                entry = self.patterns.get((rest,)) if rest else None
                if (entry and entry.type in ("country", "place")) \
                        or rest.capitalize() in self.cities and not self.is_noun(rest.capitalize(), compounds=False):  # not "Nordderby"
                    return name
        return None

    def _before_noun(self, words: list[str], i: int) -> bool:
        """'im Nahen Osten': a capitalised adjective inside a longer name, not a place itself."""
        return i + 1 < len(words) and words[i + 1][:1].isupper() and self.is_noun(words[i + 1])

    def _role_name_word(self, text: str, cls: str, *, first: bool) -> bool:
        if cls == "organization" and first and text.isupper() and text.isalpha():
            return True  # acronyms: "Nachrichtenagentur KCNA"
        return self.is_name_word(text, continuation=not first)

    def attach_roles(self, words: list[str], found: list[Found]) -> None:
        """Role words right before a person ("Staatschef Wladimir Putin"), and an alias that is
        itself a role ("Nordkoreas Machthaber Kim Jong Un") folded into the name's mention."""
        by_end = {f.end: f for f in found}
        drop = []
        for f in found:
            if f.entry.type != "person":
                continue
            prev = by_end.get(f.start)
            if prev is not None and prev.entry.actor == f.entry.actor:
                drop.append(prev)
                role_idx = next((k for k in range(prev.end - 1, prev.start - 1, -1) if self.role_class(words[k]) == "person"), None)
                if role_idx is not None and f.role is None:
                    f.role = self.role_text(words, role_idx)
                continue
            genitive = words[f.end - 1] != f.entry.name.split()[-1] and genitive_base(words[f.end - 1])
            if genitive:
                continue  # "Präsident Kims Vater": the role belongs to somebody else
            if f.role is None and f.start > 0 and self.role_class(words[f.start - 1]) == "person":
                f.role = self.role_text(words, f.start - 1)
            if f.role is None:
                f.role = self.apposition_role(words, f.end)
        for d in drop:
            found.remove(d)

    def apposition_role(self, words: list[str], end: int) -> str | None:
        """'Kurt Campbell, der stellvertretende US-Außenminister, ...' -> role after the name."""
        if end + 2 < len(words) and words[end] == "," and words[end + 1].lower() in {"der", "die"}:
            k = end + 2
            while k < len(words) and k - end < 5 and words[k][:1].islower() and words[k].isalpha():
                k += 1
            if k < len(words) and self.role_class(words[k]) == "person":
                return self.role_text(words, k)
        return None


def role_class_of(low: str, lexicon: Lexicon) -> str | None:
    """'person', 'organization' or 'place' when the lower-case word ends in a role or head word of
    the lexicon, also inflected ("präsidenten", "ministerinnen"); None otherwise."""
    candidates = [low] + [low[: -len(e)] for e in _INFLECTION if low.endswith(e) and len(low) > len(e) + 2]
    for cls, words in (("person", lexicon.person_roles), ("organization", lexicon.organization_heads),
                       ("place", lexicon.place_heads)):
        for cand in candidates:
            if any(cand.endswith(w) for w in words):
                return cls
    return None


# Federal and state institutions are written as one compound: "Bundesanwaltschaft", "des
# Landeskriminalamts", "Bundesregierung". The last part says it is an institution.
_FEDERAL = re.compile(r"^(?:Bundes|Landes)[a-zäöüß]*?(amt|anwaltschaft|gericht|gerichtshof|regierung|polizei|ministerium|"
                      r"behörde|agentur|zentrale|kriminalamt|rechnungshof|bank|wehr)(?:e?s)?$")


def _federal_institution(text: str) -> str | None:
    """'Landeskriminalamts' -> 'Landeskriminalamt'; None for other words."""
    m = _FEDERAL.match(text)
    return text[: m.end(1)] if m else None


def _bracketed_acronym(words: list[str], k: int) -> str | None:
    """The acronym of "( LDP )" starting at token k, or None."""
    if k + 2 < len(words) and words[k] == "(" and words[k + 2] == ")" and _ACRONYM.match(words[k + 1]):
        return words[k + 1]
    return None


def _name_part(text: str) -> bool:
    """A capitalised word that may be part of a multi-word organisation name (role words too)."""
    return (text[:1].isupper() and text.isalpha() and not text.isupper()
            and text.casefold() not in _FUNCTION_WORDS and text.casefold() not in _TEMPORAL_WORDS)


def _drop_inside(found: list[Found], start: int, end: int) -> None:
    """Forget what was found inside a longer name taken at start..end (a place in "Ministerium für
    die Entwicklung des Fernen Ostens")."""
    found[:] = [f for f in found if not (start < f.start and f.end <= end)]


def _after_preposition_and_article(words: list[str], i: int) -> bool:
    """'in der Oberpfalz', 'aus dem Kosovo': a place preposition and an article before the name
    (not "nach dem …", which is mostly a time: "nach dem Europapokalspiel")."""
    return i > 1 and words[i - 1] in ("der", "dem", "den") and words[i - 2].lower() in ("in", "aus")


def _after_article_and_adjective(words: list[str], i: int) -> bool:
    """'das russische Chasan', 'dem nordkoreanischen Tumangang': an article and a lower-case
    adjective of a state before an unknown name (a town; a noun or a role there is no name)."""
    return (i > 1 and words[i - 2].lower() in ("das", "dem", "des") and words[i - 1][:1].islower()
            and words[i - 1].endswith(("ische", "ischen")))


def _after_preposition_and_adjective(words: list[str], i: int) -> bool:
    """'im südkoreanischen Busan', 'im ostukrainischen Charkiw': a place preposition and a
    lower-case adjective of place before the name."""
    return (i > 1 and words[i - 2].lower() in _PLACE_PREPOSITIONS and words[i - 1][:1].islower()
            and words[i - 1].endswith(("ischen", "ische", "ischem")))


@dataclass(frozen=True, slots=True)
class _Word:
    """Per-word facts for the passes (see ActorFinder.word)."""

    norm: str
    base: str | None  # genitive_base ("Putins" -> "Putin")
    base_norm: str | None  # norm of the genitive base ("Putins" -> "putin")
    alias_start: bool  # pass 1 tries an alias match here (as the rule was written)
    alias_here: bool  # ... and the match can succeed (a pattern's first word, or its genitive)
    upper: bool  # capitalised
    role: str | None  # role class, capitalised words only (pass 2)
    name: bool  # is_name_word, not as a continuation (pass 3 starts only there)
    lower: str  # Token.lower_
