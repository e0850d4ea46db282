"""Find actor mentions in a spaCy Doc: curated aliases first, then general rules for names
nobody has listed yet (a role word before a name, two unknown capitalised words in a row,
a preposition before an unknown place)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import AliasEntry, Lexicon, slugify

_ADJ_ENDING = re.compile(r"(?<=...)(en|em|er|es|e)$")
_INFLECTION = ("innen", "en", "es", "n", "s", "e")
_GLUED = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")  # "RusslandDamit": two words lost their space
_DETERMINERS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
_PLACE_PREPOSITIONS = {"in", "nach", "aus", "bei", "im"}
# Capitalised function words (sentence starts, pronouns): never part of a name.
_FUNCTION_WORDS = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "er", "sie", "es",
    "wir", "ihr", "ich", "du", "und", "oder", "aber", "doch", "so", "auch", "als", "wie", "wenn", "dass", "da",
    "dies", "diese", "dieser", "dieses", "zudem", "danach", "dabei", "damit", "zuletzt", "neben", "für", "mit",
    "nach", "vor", "von", "zu", "zur", "zum", "am", "im", "in", "an", "auf", "aus", "bei", "um", "unter", "über",
    "laut", "seit", "sein", "seine", "seiner", "ihre", "ihrer", "kurz", "viele", "mehrere", "gleichzeitig",
    "ohne", "während", "anschließend", "bislang", "darüber", "nun", "jedoch", "dennoch", "sollte", "wäre",
}


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
    """'Putins' -> 'Putin', 'Nordkoreas' -> 'Nordkorea', "Xi'" -> 'Xi'; None when no genitive ending."""
    if text.endswith(("'", "’")):
        return text[:-1]
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    return None


class ActorFinder:
    """Holds the token patterns built from a Lexicon; `find(doc)` returns mentions."""

    def __init__(self, lexicon: Lexicon, tokenize, nouns: frozenset[str]):
        self.lexicon = lexicon
        self.nouns = nouns
        self._noun_cache: dict[tuple[str, bool], bool] = {}  # the compound check is the hot spot
        self._role_cache: dict[str, str | None] = {}
        self.patterns: dict[tuple[str, ...], AliasEntry] = {}
        for alias, entry in lexicon.aliases.items():
            words = [t for t in tokenize(alias) if not t.is_space]
            # A leading article is not part of the alias ("der Kreml" is written "Kreml").
            if len(words) > 1 and words[0].lower_ in {"der", "die", "das"}:
                words = words[1:]
            self.patterns[alias_keys([t.text for t in words])] = entry
        self.max_len = max((len(k) for k in self.patterns), default=1)
        self.first_words = {k[0] for k in self.patterns}

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
        return False

    def is_name_word(self, token: Token, *, continuation: bool = False) -> bool:
        text = token.text
        if not text[:1].isupper() or not re.match(r"^[\w\-’']+$", text) or any(c.isdigit() for c in text):
            return False
        if text.casefold() in _FUNCTION_WORDS or _GLUED.search(text) or text.isupper() and len(text) > 1 and not continuation:
            return False
        if text.casefold() in self.lexicon.reject:
            return False
        if continuation and len(text) <= 3:
            return True
        # After a first name, a surname may look like a compound noun ("Baerbock").
        compounds = not continuation
        return not self.is_noun(text, compounds=compounds) and not self.is_noun(genitive_base(text) or text, compounds=compounds)

    def role_class(self, token: Token) -> str | None:
        """'person', 'organization' or 'place' when the token is a role/head word."""
        low = token.lower_
        if low not in self._role_cache:
            self._role_cache[low] = self._role_class(low)
        return self._role_cache[low]

    def _role_class(self, low: str) -> str | None:
        candidates = [low] + [low[: -len(e)] for e in _INFLECTION if low.endswith(e) and len(low) > len(e) + 2]
        for cls, words in (("person", self.lexicon.person_roles), ("organization", self.lexicon.organization_heads),
                           ("place", self.lexicon.place_heads)):
            for cand in candidates:
                if any(cand.endswith(w) for w in words):
                    return cls
        return None

    def role_text(self, doc: Doc, role_index: int) -> str:
        """The role as stated, in base form, with the adjectives right before it:
        'des chinesischen Präsidenten' -> 'chinesischer Präsident'."""
        token = doc[role_index]
        word = token.text
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
        while i >= 0 and i > role_index - 4 and doc[i].text[:1].islower() and doc[i].is_alpha \
                and _ADJ_ENDING.search(doc[i].lower_) and doc[i].lower_ not in _FUNCTION_WORDS:
            i -= 1
        adjectives = []
        if i < role_index - 1 and i >= 0 and (doc[i].lower_ in _DETERMINERS or genitive_base(doc[i].text)):
            adjectives = [norm(t.text) + ("e" if feminine else "er") for t in doc[i + 1 : role_index]]
        return " ".join([*adjectives, word])

    # -- passes -------------------------------------------------------------------------------
    def match_alias(self, doc: Doc, i: int) -> tuple[int, AliasEntry] | None:
        for length in range(min(self.max_len, len(doc) - i), 0, -1):
            words = [t.text for t in doc[i : i + length]]
            if any(t.is_space or t.is_punct for t in doc[i : i + length]):
                continue
            entry = self.patterns.get(alias_keys(words))
            if entry is None:
                base = genitive_base(words[-1])
                if base:
                    entry = self.patterns.get(alias_keys([*words[:-1], base]))
            if entry is not None:
                return length, entry
        return None

    def find(self, doc: Doc) -> list[Found]:
        used = [False] * len(doc)
        found: list[Found] = []

        def take(start: int, end: int, entry: AliasEntry, role: str | None = None) -> Found:
            for k in range(start, end):
                used[k] = True
            item = Found(start, end, entry, role)
            found.append(item)
            return item

        # 1. curated aliases and country names
        i = 0
        while i < len(doc):
            hit = self.match_alias(doc, i) if norm(doc[i].text) in self.first_words or genitive_base(doc[i].text) else None
            if hit:
                length, entry = hit
                nxt = doc[i + length] if i + length < len(doc) else None
                # "Kim" followed by an unknown name word is somebody else ("Kim Yo-jong").
                if length == 1 and entry.type == "person" and nxt is not None and self.is_name_word(nxt, continuation=True) \
                        and self.match_alias(doc, i + 1) is None and nxt.text[:1].isupper() and not self.role_class(nxt):
                    i += 1
                    continue
                if entry.actor.casefold() not in self.lexicon.reject:
                    take(i, i + length, entry)
                i += length
                continue
            i += 1

        # 2. a role word followed by a name: "Außenministerin Choe Son Hui", "Nachrichtenagentur KCNA"
        for i, token in enumerate(doc):
            cls = self.role_class(token) if token.text[:1].isupper() else None
            if cls is None or used[i]:
                continue
            j = i + 1
            while j < len(doc) and j - i <= 4 and not used[j] and self._role_name_word(doc[j], cls, first=j == i + 1):
                j += 1
            if j > i + 1:
                name = " ".join(t.text for t in doc[i + 1 : j])
                entry = AliasEntry(slugify(name), name, cls, False)  # type: ignore[arg-type]
                take(i + 1, j, entry, self.role_text(doc, i) if cls == "person" else None)

        # 3. two or more unknown capitalised words in a row: a person ("Kurt Campbell")
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and not used[j] and self.is_name_word(doc[j], continuation=j > i) and j - i < 4:
                j += 1
            if j - i >= 2:
                name = " ".join(t.text for t in doc[i:j])
                # "in Buenos Aires": a multi-word name after a place preposition is a place
                kind = "place" if i > 0 and doc[i - 1].lower_ in _PLACE_PREPOSITIONS else "person"
                take(i, j, AliasEntry(slugify(name), name, kind, False))
                i = j
            else:
                i += 1

        # 4. single words: the surname of a person found above, or an unknown place after a preposition
        surnames = {}
        for f in found:
            if f.entry.type == "person" and not f.entry.curated and f.end - f.start >= 2:
                surnames[doc[f.end - 1].text] = f.entry
        for i, token in enumerate(doc):
            if used[i] or not token.text[:1].isupper():
                continue
            base = genitive_base(token.text)
            entry = surnames.get(token.text) or (surnames.get(base) if base else None)
            if not entry and not self.is_name_word(token):
                continue
            if entry:
                take(i, i + 1, entry)
            elif i > 0 and doc[i - 1].lower_ in _PLACE_PREPOSITIONS and not token.is_sent_start \
                    and token.text.isalpha() and not token.text.isupper() and not self._before_noun(doc, i):
                take(i, i + 1, AliasEntry(slugify(token.text), token.text, "place", False))

        self.attach_roles(doc, found)
        return sorted(found, key=lambda f: f.start)

    def _before_noun(self, doc: Doc, i: int) -> bool:
        """'im Nahen Osten': a capitalised adjective inside a longer name, not a place itself."""
        return i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and self.is_noun(doc[i + 1].text)

    def _role_name_word(self, token: Token, cls: str, *, first: bool) -> bool:
        if cls == "organization" and first and token.text.isupper() and token.is_alpha:
            return True  # acronyms: "Nachrichtenagentur KCNA"
        return self.is_name_word(token, continuation=not first)

    def attach_roles(self, doc: Doc, found: list[Found]) -> None:
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
                role_idx = next((k for k in range(prev.end - 1, prev.start - 1, -1) if self.role_class(doc[k]) == "person"), None)
                if role_idx is not None and f.role is None:
                    f.role = self.role_text(doc, role_idx)
                continue
            genitive = doc[f.end - 1].text != f.entry.name.split()[-1] and genitive_base(doc[f.end - 1].text)
            if genitive:
                continue  # "Präsident Kims Vater": the role belongs to somebody else
            if f.role is None and f.start > 0 and self.role_class(doc[f.start - 1]) == "person":
                f.role = self.role_text(doc, f.start - 1)
            if f.role is None:
                f.role = self.apposition_role(doc, f.end)
        for d in drop:
            found.remove(d)

    def apposition_role(self, doc: Doc, end: int) -> str | None:
        """'Kurt Campbell, der stellvertretende US-Außenminister, ...' -> role after the name."""
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in {"der", "die"}:
            k = end + 2
            while k < len(doc) and k - end < 5 and doc[k].text[:1].islower() and doc[k].is_alpha:
                k += 1
            if k < len(doc) and self.role_class(doc[k]) == "person":
                return self.role_text(doc, k)
        return None

