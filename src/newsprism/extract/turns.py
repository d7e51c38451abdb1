"""Transcript turns ("SMITH: We will ..." on its own line) and the capitalised labels before a
colon that are not turns: kickers ("UPDATE:") and section heads ("PHOTO GALLERY: ...")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .direct import Attribution


def turn_label(turn: re.Match) -> str:
    return turn.group(1).strip(" .").upper()


TRANSCRIPT = re.compile(r"^[\"“]?([A-Z][A-Z.'’ -]{1,30}):\s")
# Capitalised kickers that are no speaker ("UPDATE: ...").
KICKERS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "VIDEO", "WATCH",
                     "PHOTOS", "PHOTO", "BREAKING", "EXCLUSIVE", "CORRECTION", "LIVE", "READ",
                     "ANALYSIS", "OPINION", "RELATED", "SPONSORED", "ADVERTISEMENT", "LISTEN"})


def crosses_turn(text: str, a: Attribution, turn: Attribution) -> bool:
    """`a` runs out of the transcript turn `turn` ("SMITH: ..." on its own line), or takes
    its cue from outside it."""
    line = text.rfind("\n", 0, turn.start) + 1
    return (a.start < line or a.end > turn.end
            or a.cue is not None and not line <= a.cue[0] < turn.end) \
        and TRANSCRIPT.match(text[line:turn.start]) is not None


def headline_case(line: str) -> bool:
    """A headline line: no final full stop, or most words capitalised (some sources end every
    headline with one)."""
    if not line.rstrip().endswith("."):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def plausible_turn(turn: re.Match, line: str, labels: Counter,
                   names_person: Callable[[str], bool]) -> bool:
    """A capitalised label before a colon is a transcript turn when it is no kicker
    ("UPDATE:") and names a person of the article, or opens more than one line (a dialogue),
    or is one word ("HALE:") followed by a sentence. A lone label of several words that names
    nobody ("PHOTO GALLERY: Storms batter the town", "TAX REFORM: THE SENATE FACTOR.") is a
    section head, no speaker. `labels`: how many lines each label opens."""
    label = turn_label(turn)
    if label in KICKERS:
        return False
    if labels[label] >= 2 or names_person(turn.group(1)):
        return True
    rest = line[turn.end():].strip(" \"“”")
    first = rest.split(". ")[0].rstrip(".") + "."  # its first sentence, closed
    return len(label.split()) == 1 and not headline_case(first)
