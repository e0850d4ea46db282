"""Lower-casing that agrees with re.IGNORECASE, for looking matched words up in tables.

re.IGNORECASE lets "ſ" match "s", "ı" and "İ" match "i" (and the Kelvin sign "k"); plain
str.lower() keeps "ſ" and turns "İ" into "i" plus a combining dot, so a table lookup of a word the
regex accepted ("MİTTWOCH", "mindeſtens") would fail. Articles from the web contain such letters.
"""

from __future__ import annotations

_AS_MATCHED = str.maketrans({"ſ": "s", "ı": "i", "\u0307": ""})


def fold(word: str) -> str:
    return word.lower().translate(_AS_MATCHED)
