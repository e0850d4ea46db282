"""Word helpers of the rules: lower-casing that agrees with re.IGNORECASE, for looking matched
words up in tables; whole-word search; a cache of per-word facts (WordCache).

re.IGNORECASE lets "ſ" match "s", "ı" and "İ" match "i" (and the Kelvin sign "k"); plain
str.lower() keeps "ſ" and turns "İ" into "i" plus a combining dot, so a table lookup of a word the
regex accepted ("MİTTWOCH", "mindeſtens") would fail. Articles from the web contain such letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_AS_MATCHED = str.maketrans({"ſ": "s", "ı": "i", "\u0307": ""})


def fold(word: str) -> str:
    return word.lower().translate(_AS_MATCHED)


_literal_res: dict[str, re.Pattern[str]] = {}


def whole_word_starts(word: str, text: str) -> list[int]:
    """Where ``word`` (word characters only) stands in ``text`` as a whole word: the starts of
    ``(?<!\\w)word(?!\\w)``. The look-behind is checked by hand, because a pattern that begins
    with a literal is searched for with a fast scan, and one that begins with a look-behind is
    tried at every position."""
    pattern = _literal_res.get(word)
    if pattern is None:
        pattern = _literal_res[word] = re.compile(re.escape(word) + r"(?!\w)")
    return [pos for m in pattern.finditer(text)
            if (pos := m.start()) == 0 or not is_word_char(text[pos - 1])]


def is_word_char(char: str) -> bool:
    """What ``\\w`` matches (str patterns)."""
    return char.isalnum() or char == "_"


class WordCache(dict):
    """word -> ``compute(word)``, computed on first use: ``map(cache.__getitem__, words)`` then
    reads a whole Doc's words in C, without a Python loop over its tokens."""

    def __init__(self, compute: Callable[[str], Any]):
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> Any:
        value = self[word] = self.compute(word)
        return value
