"""Separate an article's body from page furniture (share prompts, ads, job blocks, ...).

General rules only: the patterns live in content/lexicon/furniture.yml so editors can
extend them, and each source can keep or drop single lines in its front matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Furniture

# "02.09.25 05:24 Uhr", "28.10.2025, 17.42 Uhr • aus DER SPIEGEL"
_DATELINE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2,4}(\s*[,|-]?\s*\d{1,2}[:.]\d{2}(\s*Uhr)?)?(\s*[•|·]\s*[^.!?]*)?\s*$")
# Wire services close with editor codes such as "/fkr/DP/zb".
_AGENCY_CODES = re.compile(r"(?<=[.!?“\"])\s*((?:/[A-Za-z]{1,5}){2,})\s*$")


@dataclass(frozen=True)
class FurnitureRule:
    reason: str
    pattern: re.Pattern[str]
    tail: bool = False  # a tail marker: everything after it (in the second half) is furniture too
    heading: bool = False  # a list heading ("Mehr zum Thema", "Schlagworte"): the lines after it
    # that are no sentences are its links or tags, furniture too
    caption: bool = False  # a picture credit: the line right above it, if no sentence, is the caption
    byline: bool = False  # a date line: the line right above it, if only a name, is the author's


@dataclass(frozen=True)
class Cleaned:
    body: str
    furniture: list[Furniture]


def clean(text: str, rules: Sequence[FurnitureRule], keep: Sequence[str] = (), drop: Sequence[str] = (),
          first_line: int = 1) -> Cleaned:
    """Return the body (kept lines, paragraphs separated by one blank line) and the furniture.

    `first_line` is the file line number of text's first line, so furniture points at the file.
    """
    lines = text.split("\n")
    keep_set = {k.strip() for k in keep}
    drop_set = {d.strip() for d in drop}
    reasons: dict[int, str] = {}
    trimmed: dict[int, tuple[str, str]] = {}

    last_seen = {line.strip(): i for i, line in enumerate(lines) if line.strip()}
    tail_from = None
    heading = None  # the list heading whose items may follow
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        rule = _matching_rule(line, rules)
        reason = rule.reason if rule else _line_reason(line)
        if rule is None and heading is not None:
            if _is_sentence(line):
                heading = None  # the article goes on
            else:
                reason = f"Liste nach „{heading}“"
        if rule is not None and rule.heading:
            heading = line
        if reason is None and last_seen[line] != i:
            reason = "Dublette einer späteren Zeile (Vorspann/Teaser)"
        if reason is None and i >= len(lines) // 2 and tail_from is not None:
            reason = "nach dem Artikelende (Seitenfuß)"
        if reason is not None and tail_from is None and i >= len(lines) // 2 and _is_tail_marker(line, rules):
            tail_from = i
        if rule is not None and rule.caption and i > 0 and lines[i - 1].strip() and i - 1 not in reasons \
                and not _is_sentence(lines[i - 1].strip()) and lines[i - 1].strip() not in keep_set:
            reasons[i - 1] = "Bildunterschrift"
        byline = rule.byline if rule is not None else reason == _DATELINE_REASON
        if byline and i > 0 and i - 1 not in reasons and _BYLINE_NAME.match(lines[i - 1].strip()) \
                and lines[i - 1].strip() not in keep_set:
            reasons[i - 1] = "Autorenzeile"  # "Carola Wendt" above "12.11.2024 - 16:00 Uhr"
        if line in drop_set:
            reason = "redaktionell entfernt (drop)"
        elif line in keep_set:
            reason = None
        if reason is not None:
            reasons[i] = reason
    # Trailing agency codes on the last kept line.
    kept_idx = [i for i, raw in enumerate(lines) if raw.strip() and i not in reasons]
    if kept_idx:
        last = kept_idx[-1]
        match = _AGENCY_CODES.search(lines[last])
        if match and lines[last].strip() not in keep_set:
            trimmed[last] = (lines[last][: match.start(1)].rstrip(), match.group(1))

    furniture: list[Furniture] = []
    paragraphs: list[str] = []
    current: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if i in reasons:
            furniture.append(Furniture(line=first_line + i, text=line, reason=reasons[i]))
            continue
        if not line:
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        if i in trimmed:
            line, codes = trimmed[i]
            furniture.append(Furniture(line=first_line + i, text=codes, reason="Agentur-Kürzel am Textende"))
        current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return Cleaned(body="\n\n".join(paragraphs), furniture=furniture)


def _matching_rule(line: str, rules: Sequence[FurnitureRule]) -> FurnitureRule | None:
    return next((rule for rule in rules if rule.pattern.search(line)), None)


def _is_sentence(line: str) -> bool:
    """Article text ends its lines with a sentence mark (or a closing quote or bracket after
    one); link teasers, tags and list items do not."""
    return _SENTENCE_END.search(line) is not None


_SENTENCE_END = re.compile(r"[.!?…][“”\"»«’)]*$")


_DATELINE_REASON = "Datumszeile"
# An author's name alone on a line: two to four capitalised words, maybe joined by "und"
_BYLINE_NAME = re.compile(r"^[A-ZÄÖÜ][\w\-.]+\s+[A-ZÄÖÜ][\w\-.]+(\s+(und\s+)?[A-ZÄÖÜ][\w\-.]+){0,3}$")


def _line_reason(line: str) -> str | None:
    if _DATELINE.match(line):
        return _DATELINE_REASON
    if len(line.split()) == 1 and not re.search(r"[.!?:]$", line):
        return "einzelnes Wort ohne Satz"
    return None


def _is_tail_marker(line: str, rules: Sequence[FurnitureRule]) -> bool:
    return any(rule.tail and rule.pattern.search(line) for rule in rules)
